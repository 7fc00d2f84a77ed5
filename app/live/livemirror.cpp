#include "livemirror.h"

#include "raft/eventcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace live {

using raft::EventKind;
using raft::Index;
using raft::NodeId;
using raft::Reason;
using raft::Time;

namespace {

constexpr int kServerShift = 48;

std::uint64_t flightKey(NodeId from, std::uint64_t id)
{
    return (static_cast<std::uint64_t>(from) << kServerShift) | (id & ((std::uint64_t{1} << kServerShift) - 1));
}

NodeId nodeOf(const QJsonValue &value)
{
    // "S3", 3, or an object {"id": 3, ...}; null is no server.
    if (value.isObject())
        return nodeOf(value.toObject().value(QLatin1String("id")));
    if (value.isDouble())
        return value.toInt();
    const QString text = value.toString();
    if (text.size() >= 2 && (text[0] == QLatin1Char('S') || text[0] == QLatin1Char('s')))
        return text.mid(1).toInt();
    return raft::kNoNode;
}

quint64 number(const QJsonObject &json, const char *key)
{
    const double v = json.value(QLatin1String(key)).toDouble();
    return v > 0 ? static_cast<quint64>(v) : 0;
}

bool roleFrom(const QString &name, raft::Role *role)
{
    for (const raft::Role r : {raft::Role::Follower, raft::Role::Candidate, raft::Role::Leader})
        if (name == QLatin1String(raft::roleName(r))) {
            *role = r;
            return true;
        }
    return false;
}

bool messageTypeFrom(const QString &name, raft::MessageType *type)
{
    for (const raft::MessageTypeInfo &info : raft::messageTypes())
        if (name == QLatin1String(info.name)) {
            *type = info.type;
            return true;
        }
    return false;
}

void setField(raft::TraceEvent &e, raft::Field field, std::int64_t value)
{
    switch (field) {
    case raft::Field::Node: e.node = static_cast<NodeId>(value); break;
    case raft::Field::Peer: e.peer = static_cast<NodeId>(value); break;
    case raft::Field::Term1: e.term = static_cast<raft::Term>(value); break;
    case raft::Field::Term2: e.term2 = static_cast<raft::Term>(value); break;
    case raft::Field::Index1: e.index = static_cast<Index>(value); break;
    case raft::Field::Index2: e.index2 = static_cast<Index>(value); break;
    case raft::Field::Value: e.value = value; break;
    case raft::Field::None:
    case raft::Field::Text:
    case raft::Field::Reason: break;
    }
}

} // namespace

bool traceEventFromJson(const QJsonObject &json, raft::TraceEvent *event, std::string *text)
{
    raft::TraceEvent e;
    const QString kind = json.value(QLatin1String("kind")).toString();
    const auto &kinds = raft::eventKinds();
    const auto row = std::find_if(kinds.begin(), kinds.end(), [&](const raft::EventKindInfo &info) {
        return kind == QLatin1String(info.name.data(), static_cast<qsizetype>(info.name.size()));
    });
    if (row == kinds.end())
        return false;
    e.kind = row->kind;
    const QString reason = json.value(QLatin1String("reason")).toString();
    for (const raft::ReasonInfo &info : raft::reasonInfos())
        if (reason == QLatin1String(info.name.data(), static_cast<qsizetype>(info.name.size())))
            e.reason = info.reason;
    e.node = nodeOf(json.value(QLatin1String("node")));
    e.peer = nodeOf(json.value(QLatin1String("peer")));
    e.term = number(json, "term");
    for (const raft::FieldUse &use : row->fields) {
        if (!use.appliesTo(e) || use.field == raft::Field::Node || use.field == raft::Field::Peer
            || use.field == raft::Field::Term1 || use.field == raft::Field::Text || use.field == raft::Field::Reason)
            continue;
        const QJsonValue v = json.value(QLatin1String(use.json.data(), static_cast<qsizetype>(use.json.size())));
        std::int64_t value = 0;
        switch (use.type) {
        case raft::FieldType::Flag: value = v.toBool() ? 1 : 0; break;
        case raft::FieldType::Node: value = nodeOf(v); break;
        case raft::FieldType::Message: {
            raft::MessageType type{};
            value = messageTypeFrom(v.toString(), &type) ? static_cast<std::int64_t>(type) : 0;
            break;
        }
        case raft::FieldType::Role: {
            raft::Role role{};
            value = roleFrom(v.toString(), &role) ? static_cast<std::int64_t>(role) : 0;
            break;
        }
        case raft::FieldType::Number:
        case raft::FieldType::Text:
        case raft::FieldType::Reason: value = static_cast<std::int64_t>(v.toDouble()); break;
        case raft::FieldType::Ticks: value = raft::fromMsDouble(v.toDouble()); break;
        }
        setField(e, use.field, value);
    }
    if (text)
        *text = json.value(QLatin1String("text")).toString().toStdString();
    *event = e;
    return true;
}

bool messageFromJson(const QJsonObject &json, raft::Message *message)
{
    raft::Message m;
    if (!messageTypeFrom(json.value(QLatin1String("type")).toString(), &m.type))
        return false;
    m.from = nodeOf(json.value(QLatin1String("from")));
    m.to = nodeOf(json.value(QLatin1String("to")));
    m.term = number(json, "term");
    m.lastLogIndex = number(json, "lastLogIndex");
    m.lastLogTerm = number(json, "lastLogTerm");
    m.voteGranted = json.value(QLatin1String("voteGranted")).toBool();
    m.prevLogIndex = number(json, "prevLogIndex");
    m.prevLogTerm = number(json, "prevLogTerm");
    m.leaderCommit = number(json, "leaderCommit");
    m.success = json.value(QLatin1String("success")).toBool();
    m.matchIndex = number(json, "matchIndex");
    *message = std::move(m);
    return true;
}

LiveMirror::LiveMirror(const MirrorTiming &timing)
    : m_timing(timing)
{
    raft::ClusterConfig config;
    config.nodes = std::clamp(timing.servers, 1, raft::kMaxNodes);
    config.electionTimeoutMin = raft::fromMs(timing.electionTimeoutMin);
    config.electionTimeoutMax = raft::fromMs(std::max(timing.electionTimeoutMax, timing.electionTimeoutMin));
    config.heartbeatInterval = raft::fromMs(timing.heartbeatMs);
    config.checkInvariants = false;
    m_timing.servers = config.nodes;
    m_history = std::make_unique<raft::History>(config);
    m_mirror = std::make_unique<raft::Mirror>(*m_history);
    m_known.resize(static_cast<std::size_t>(config.nodes) + 1);
    for (Known &k : m_known) {
        k.dropIn.assign(static_cast<std::size_t>(config.nodes) + 1, false);
        k.dropOut.assign(static_cast<std::size_t>(config.nodes) + 1, false);
    }
}

LiveMirror::~LiveMirror() = default;

Time LiveMirror::flight() const
{
    // Long enough to see, shorter than a heartbeat so that flights do not pile up.
    return raft::fromMs(std::clamp<Time>(m_timing.heartbeatMs * 6 / 10, 30, 600));
}

QJsonObject LiveMirror::record(double at, int server, const QString &kind, const QJsonObject &data)
{
    return QJsonObject{{QStringLiteral("at"), at},
                       {QStringLiteral("server"), server},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("data"), data}};
}

QJsonObject LiveMirror::header() const
{
    return QJsonObject{{QStringLiteral("raftvizLive"), 1},
                       {QStringLiteral("servers"), m_timing.servers},
                       {QStringLiteral("electionTimeoutMin"), static_cast<double>(m_timing.electionTimeoutMin)},
                       {QStringLiteral("electionTimeoutMax"), static_cast<double>(m_timing.electionTimeoutMax)},
                       {QStringLiteral("heartbeat"), static_cast<double>(m_timing.heartbeatMs)}};
}

QByteArray LiveMirror::recording() const
{
    QByteArray out = QJsonDocument(header()).toJson(QJsonDocument::Compact);
    out += '\n';
    for (const QByteArray &line : m_records) {
        out += line;
        out += '\n';
    }
    return out;
}

bool LiveMirror::parseRecording(const QByteArray &text, MirrorTiming *timing, std::vector<QJsonObject> *records,
                                QString *error)
{
    const QList<QByteArray> lines = text.split('\n');
    bool haveHeader = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (!doc.isObject()) {
            *error = QStringLiteral("line %1: %2").arg(i + 1).arg(parseError.errorString());
            return false;
        }
        const QJsonObject o = doc.object();
        if (!haveHeader) {
            if (o.value(QLatin1String("raftvizLive")).toInt() != 1) {
                *error =
                    QStringLiteral("line %1: not a raftviz live recording (no \"raftvizLive\":1 header)").arg(i + 1);
                return false;
            }
            timing->servers = o.value(QLatin1String("servers")).toInt();
            timing->electionTimeoutMin = static_cast<Time>(o.value(QLatin1String("electionTimeoutMin")).toDouble());
            timing->electionTimeoutMax = static_cast<Time>(o.value(QLatin1String("electionTimeoutMax")).toDouble());
            timing->heartbeatMs = static_cast<Time>(o.value(QLatin1String("heartbeat")).toDouble());
            if (timing->servers < 1 || timing->servers > raft::kMaxNodes || timing->heartbeatMs <= 0) {
                *error = QStringLiteral("line %1: the header's servers or heartbeat is out of range").arg(i + 1);
                return false;
            }
            haveHeader = true;
            continue;
        }
        const int server = o.value(QLatin1String("server")).toInt();
        if (server < 1 || server > timing->servers || !o.value(QLatin1String("at")).isDouble()
            || !o.value(QLatin1String("data")).isObject()) {
            *error = QStringLiteral("line %1: a record needs \"at\", \"server\" (1..%2) and \"data\"")
                         .arg(i + 1)
                         .arg(timing->servers);
            return false;
        }
        records->push_back(o);
    }
    if (!haveHeader) {
        *error = QStringLiteral("the file is empty");
        return false;
    }
    return true;
}

bool LiveMirror::apply(const QJsonObject &record, QString *error)
{
    const int server = record.value(QLatin1String("server")).toInt();
    const QString kind = record.value(QLatin1String("kind")).toString();
    const QJsonObject data = record.value(QLatin1String("data")).toObject();
    if (server < 1 || server > m_timing.servers) {
        if (error)
            *error = QStringLiteral("no server %1").arg(server);
        return false;
    }
    setClock(record.value(QLatin1String("at")).toDouble());
    if (kind == QLatin1String("hello"))
        applyStatus(server, data, true);
    else if (kind == QLatin1String("status"))
        applyStatus(server, data, false);
    else if (kind == QLatin1String("event"))
        applyEvent(server, data);
    else if (kind == QLatin1String("message"))
        applyMessage(server, data);
    else if (kind == QLatin1String("log"))
        applyLog(server, data);
    else if (kind == QLatin1String("process"))
        applyProcess(server, data.value(QLatin1String("state")).toString());
    else if (kind == QLatin1String("down"))
        applyProcess(server, QStringLiteral("crashed"));
    else {
        if (error)
            *error = QStringLiteral("unknown record kind \"%1\"").arg(kind);
        return false;
    }
    m_records.push_back(QJsonDocument(record).toJson(QJsonDocument::Compact));
    return true;
}

void LiveMirror::setClock(double at)
{
    m_mirror->setClock(static_cast<Time>(std::floor(at * static_cast<double>(raft::kTicksPerMs))));
    const Time now = this->now();
    for (auto it = m_flights.begin(); it != m_flights.end();) {
        const raft::Envelope *e = m_mirror->envelope(it->second.envelope);
        if (!e) {
            it = m_flights.erase(it);
            continue;
        }
        if (now < e->deliverAt && !e->waiting) {
            ++it;
            continue;
        }
        const NodeId to = e->message.to;
        bool done = true;
        if (it->second.received)
            m_mirror->arrive(e->id);
        else if (simulation().status(to) == raft::NodeStatus::Crashed)
            m_mirror->lose(e->id, Reason::DestinationCrashed);
        else if (now - e->sentAt > raft::fromMs(kMaxWaitMs))
            m_mirror->lose(e->id, Reason::None);
        else {
            // Not reported received yet: it waits at the receiver's door.
            if (!e->waiting)
                m_mirror->reschedule(e->id, e->deliverAt, true);
            done = false;
        }
        it = done ? m_flights.erase(it) : std::next(it);
    }
    m_mirror->forget();
}

Index LiveMirror::logWanted(int server) const
{
    const Known &k = m_known[static_cast<std::size_t>(server)];
    if (!k.reported || simulation().status(server) != raft::NodeStatus::Up)
        return 0;
    const raft::Log &log = simulation().log(server);
    if (log.lastIndex() == k.logLength && log.lastTerm() == k.lastLogTerm)
        return 0;
    return std::min(log.lastIndex(), k.committed) + 1;
}

void LiveMirror::resetTimer(int server)
{
    const Known &k = m_known[static_cast<std::size_t>(server)];
    const Time timeout = k.electionTimeout > 0
        ? k.electionTimeout
        : raft::fromMs(m_timing.electionTimeoutMin + m_timing.electionTimeoutMax) / 2;
    if (simulation().role(server) != raft::Role::Leader)
        m_mirror->setElectionTimer(server, now() + timeout, timeout);
}

void LiveMirror::applyStatus(int server, const QJsonObject &status, bool hello)
{
    Known &k = m_known[static_cast<std::size_t>(server)];
    const bool wasDown = simulation().status(server) == raft::NodeStatus::Crashed;
    // Only a new connection's hello brings a server back: a report read after its
    // process was killed is late news.
    if (wasDown && !hello)
        return;
    raft::MirrorServer s;
    s.status = simulation().status(server) == raft::NodeStatus::Paused ? raft::NodeStatus::Paused
                                                                       : raft::NodeStatus::Up;
    roleFrom(status.value(QLatin1String("role")).toString(), &s.role);
    s.term = number(status, "term");
    s.votedFor = nodeOf(status.value(QLatin1String("votedFor")));
    s.leader = nodeOf(status.value(QLatin1String("leader")));
    s.commitIndex = number(status, "commitIndex");
    s.lastApplied = number(status, "lastApplied");
    if (hello) {
        // A new connection: a new process (or the first look at one); what its
        // control channel was told to drop died with the old one.
        std::fill(k.dropIn.begin(), k.dropIn.end(), false);
        std::fill(k.dropOut.begin(), k.dropOut.end(), false);
    }
    m_mirror->setServer(server, s);
    k.last = s;
    k.reported = true;
    k.logLength = number(status, "logLength");
    k.lastLogTerm = number(status, "lastLogTerm");
    k.committed = std::max(k.committed, s.commitIndex);
    k.electionTimeout = raft::fromMsDouble(static_cast<double>(number(status, "electionTimeout")));
    const Time due = raft::fromMsDouble(static_cast<double>(number(status, "electionDueMs")));
    if (k.electionTimeout > 0)
        m_mirror->setElectionTimer(server, now() + due, k.electionTimeout);
    if (hello) {
        updateCuts();
        if (wasDown) {
            raft::TraceEvent e;
            e.kind = EventKind::NodeRestarted;
            e.node = server;
            e.term = s.term;
            e.index = k.logLength;
            m_mirror->addEvent(e);
        }
    }
}

void LiveMirror::applyEvent(int server, const QJsonObject &json)
{
    raft::TraceEvent e;
    std::string text;
    if (!traceEventFromJson(json, &e, &text))
        return;
    if (e.node == raft::kNoNode)
        e.node = server;
    // What the event tells the mirror beyond its own line in the trace (an if chain:
    // most kinds tell nothing more).
    if (e.kind == EventKind::ElectionTimeout) {
        m_mirror->clearVotes(e.node);
        m_mirror->setVote(e.node, e.node, raft::VoteState::Granted);
        resetTimer(e.node);
    } else if (e.kind == EventKind::VoteGranted) {
        resetTimer(e.node);
    } else if (e.kind == EventKind::VoteReceived) {
        m_mirror->setVote(e.node, e.peer, e.value != 0 ? raft::VoteState::Granted : raft::VoteState::Denied);
    } else if (e.kind == EventKind::ReplicationAcked) {
        m_mirror->setMatch(e.node, e.peer, e.index);
    } else if (e.kind == EventKind::NetworkChanged) {
        applyDrop(server, e);
    } else if (e.kind == EventKind::MessageLost && e.reason == Reason::LinkCut) {
        applyDropped(server, e);
    }
    m_mirror->addEvent(e, text);
}

void LiveMirror::applyDrop(int server, const raft::TraceEvent &e)
{
    // As LiveNode::setDropped words it: both ways (value 1) with the peer, else
    // node -> peer is the link; this server is its sender (out) or receiver (in).
    Known &k = m_known[static_cast<std::size_t>(server)];
    const bool cut = e.reason == Reason::LinkCut;
    const NodeId peer = e.node == server ? e.peer : e.node;
    if (peer < 1 || peer > m_timing.servers)
        return;
    const bool both = e.value == 1;
    if (both || e.node == server)
        k.dropOut[static_cast<std::size_t>(peer)] = cut;
    if (both || e.node != server)
        k.dropIn[static_cast<std::size_t>(peer)] = cut;
    updateCuts();
}

void LiveMirror::applyDropped(int server, const raft::TraceEvent &e)
{
    if (e.node < 1 || e.node > m_timing.servers || e.peer < 1 || e.peer > m_timing.servers)
        return;
    raft::Message m;
    m.type = static_cast<raft::MessageType>(e.value);
    m.from = e.node;
    m.to = e.peer;
    m.term = e.term;
    if (e.node != server) {
        // Dropped on arrival: the oldest such message in flight dies there.
        for (auto it = m_flights.lower_bound(flightKey(e.node, 0));
             it != m_flights.end() && (it->first >> kServerShift) == static_cast<std::uint64_t>(e.node); ++it) {
            const raft::Envelope *env = m_mirror->envelope(it->second.envelope);
            if (env && !it->second.received && env->message.to == server && env->message.type == m.type) {
                m_mirror->lose(env->id, Reason::LinkCut);
                m_flights.erase(it);
                return;
            }
        }
    }
    // Dropped before it left: it dies at its sender.
    m_mirror->loseAtSender(m, Reason::LinkCut);
}

void LiveMirror::applyMessage(int server, const QJsonObject &json)
{
    raft::Message m;
    if (!messageFromJson(json, &m) || m.from < 1 || m.from > m_timing.servers || m.to < 1 || m.to > m_timing.servers)
        return;
    const QString dir = json.value(QLatin1String("dir")).toString();
    const std::uint64_t id = number(json, "id");
    const Time now = this->now();
    if (dir == QLatin1String("sent") && m.from == server && id != 0) {
        // The entries it carries, as far as the mirror knows the sender's log.
        const auto count = static_cast<Index>(number(json, "entries"));
        const raft::Log &log = simulation().log(m.from);
        for (Index i = m.prevLogIndex + 1; i <= m.prevLogIndex + count; ++i)
            m.entries.push_back(i <= log.lastIndex() ? log.at(i) : raft::Entry{m.term, std::string()});
        m_flights[flightKey(m.from, id)] = Flight{m_mirror->send(m, now, now + flight()), false};
    } else if (dir == QLatin1String("received") && m.to == server) {
        const auto it = m_flights.find(flightKey(m.from, id));
        if (it != m_flights.end()) {
            it->second.received = true;
            const raft::Envelope *e = m_mirror->envelope(it->second.envelope);
            if (!e || e->waiting || now >= e->deliverAt) {
                m_mirror->arrive(it->second.envelope);
                m_flights.erase(it);
            }
        }
        // A follower's election timer starts again on hearing from its leader (§5.2).
        if (m.type == raft::MessageType::AppendEntries && m.term >= simulation().term(server))
            resetTimer(server);
    } else if (dir == QLatin1String("unsent") && m.from == server) {
        m_mirror->loseAtSender(
            m, simulation().status(m.to) == raft::NodeStatus::Crashed ? Reason::DestinationCrashed : Reason::None);
    }
}

void LiveMirror::applyLog(int server, const QJsonObject &page)
{
    const Index from = number(page, "from");
    const Index lastIndex = number(page, "lastIndex");
    std::vector<raft::Entry> entries;
    const QJsonArray list = page.value(QLatin1String("entries")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject e = list[i].toObject();
        if (number(e, "index") != from + static_cast<Index>(i))
            break;
        entries.push_back(raft::Entry{number(e, "term"), e.value(QLatin1String("command")).toString().toStdString()});
    }
    if (from < 1)
        return;
    m_mirror->setLog(server, from, entries, lastIndex);
    // commitIndex and lastApplied were held back to the entries known: report again.
    Known &k = m_known[static_cast<std::size_t>(server)];
    if (k.reported && simulation().status(server) != raft::NodeStatus::Crashed) {
        k.last.status = simulation().status(server);
        m_mirror->setServer(server, k.last);
    }
}

void LiveMirror::applyProcess(int server, const QString &state)
{
    const raft::NodeStatus before = simulation().status(server);
    raft::TraceEvent e;
    e.node = server;
    e.term = simulation().term(server);
    if (state == QLatin1String("crashed")) {
        if (before == raft::NodeStatus::Crashed)
            return;
        m_mirror->setStatus(server, raft::NodeStatus::Crashed);
        e.kind = EventKind::NodeCrashed;
        e.index = simulation().log(server).lastIndex();
    } else if (state == QLatin1String("paused")) {
        if (before != raft::NodeStatus::Up)
            return;
        m_mirror->setStatus(server, raft::NodeStatus::Paused);
        e.kind = EventKind::NodePaused;
    } else if (state == QLatin1String("resumed")) {
        if (before != raft::NodeStatus::Paused)
            return;
        m_mirror->setStatus(server, raft::NodeStatus::Up);
        e.kind = EventKind::NodeResumed;
    } else {
        return;
    }
    m_mirror->addEvent(e);
}

void LiveMirror::updateCuts()
{
    // A link from -> to is cut when its sender drops what it sends there or its
    // receiver drops what comes from there.
    const int n = m_timing.servers;
    const auto cut = [this](NodeId from, NodeId to) {
        return m_known[static_cast<std::size_t>(from)].dropOut[static_cast<std::size_t>(to)]
            || m_known[static_cast<std::size_t>(to)].dropIn[static_cast<std::size_t>(from)];
    };
    // Cuts that split the servers into sides, every link between two sides cut both
    // ways and none inside a side, are drawn as the simulator draws a partition.
    std::vector<int> side(static_cast<std::size_t>(n) + 1, 0);
    std::vector<std::vector<NodeId>> groups;
    for (NodeId a = 1; a <= n; ++a) {
        if (side[static_cast<std::size_t>(a)] != 0)
            continue;
        groups.emplace_back();
        for (NodeId b = a; b <= n; ++b)
            if (side[static_cast<std::size_t>(b)] == 0 && (b == a || (!cut(a, b) && !cut(b, a)))) {
                side[static_cast<std::size_t>(b)] = static_cast<int>(groups.size());
                groups.back().push_back(b);
            }
    }
    bool sides = groups.size() > 1;
    std::vector<std::pair<NodeId, NodeId>> cuts;
    for (NodeId a = 1; a <= n; ++a)
        for (NodeId b = 1; b <= n; ++b) {
            if (a == b)
                continue;
            const bool apart = side[static_cast<std::size_t>(a)] != side[static_cast<std::size_t>(b)];
            if (cut(a, b))
                cuts.emplace_back(a, b);
            sides = sides && apart == cut(a, b);
        }
    if (sides)
        m_mirror->setFaults(groups, {});
    else
        m_mirror->setFaults({}, cuts);
}

} // namespace live
