#include "livenode.h"

#include "peertransport.h"
#include "watchserver.h"

#include "raft/json.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace live {

using raft::EventKind;
using raft::Index;
using raft::Message;
using raft::NodeId;
using raft::Reason;
using raft::TraceEvent;

namespace {

constexpr int kHousekeepingMs = 100;

raft::NodeConfig nodeConfig(const NodeOptions &options)
{
    raft::NodeConfig config;
    config.id = options.self;
    config.clusterSize = static_cast<int>(options.cluster.size());
    config.electionTimeoutMin = raft::fromMs(options.electionTimeoutMin);
    config.electionTimeoutMax = raft::fromMs(options.electionTimeoutMax);
    config.heartbeatInterval = raft::fromMs(options.heartbeatInterval);
    config.seed = options.seed;
    if (config.seed == 0) {
        // A real server's timeouts only need to differ from its peers' (§5.2).
        const auto clock = std::chrono::steady_clock::now().time_since_epoch().count();
        config.seed = raft::mixSeed(static_cast<std::uint64_t>(clock), static_cast<std::uint64_t>(::getpid()));
    }
    return config;
}

} // namespace

LiveNode::LiveNode(const NodeOptions &options, std::unique_ptr<Storage> storage, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_storage(std::move(storage))
    , m_node(nodeConfig(options), m_storage->loaded(), 0)
    , m_lastHeard(options.cluster.size() + 1, -1)
    , m_dropIn(options.cluster.size() + 1, false)
    , m_dropOut(options.cluster.size() + 1, false)
{
    m_clock.start();
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &LiveNode::tick);
    m_housekeeping = new QTimer(this);
    connect(m_housekeeping, &QTimer::timeout, this, &LiveNode::expirePending);
}

LiveNode::~LiveNode() = default;

void LiveNode::log(const std::string &line) const
{
    std::fprintf(stderr, "raftviz %s: %s\n", raft::nodeName(m_options.self).c_str(), line.c_str());
    std::fflush(stderr);
}

bool LiveNode::start(std::string &error)
{
    m_transport = new PeerTransport(
        m_options, [this](const Message &m, std::uint64_t id) { receive(m, id); },
        [this](const std::string &line) { log(line); }, this);
    if (!m_transport->start(error))
        return false;
    QHostAddress listen;
    if (!listen.setAddress(QString::fromStdString(m_options.listen))) {
        if (m_options.listen != "localhost") {
            error = "--listen: \"" + m_options.listen + "\" is not an IP address";
            return false;
        }
        listen = QHostAddress(QHostAddress::LocalHost);
    }
    if (m_options.httpPort != 0) {
        m_http = new HttpServer([this](const HttpRequest &r, const HttpResponder &w) { serve(r, w); }, this);
        if (!m_http->listen(listen, m_options.httpPort, error))
            return false;
    }
    if (m_options.watchPort != 0) {
        m_watch = new WatchServer([this](const std::string &line) { return command(line); },
                                  [this] { return "{\"hello\":" + statusJson() + "}"; },
                                  [this](const std::string &line) { log(line); }, this);
        if (!m_watch->listen(listen, m_options.watchPort, error))
            return false;
    }
    m_housekeeping->start(kHousekeepingMs);
    log("up: term " + std::to_string(m_node.term()) + ", " + std::to_string(m_node.log().lastIndex())
        + " log entries, peers on " + formatCluster(m_options.cluster)
        + (m_options.httpPort ? ", HTTP on " + m_options.listen + ":" + std::to_string(m_options.httpPort) : "")
        + (m_options.watchPort ? ", watch on " + m_options.listen + ":" + std::to_string(m_options.watchPort) : "")
        + (m_options.fsync ? "" : ", WITHOUT fsync"));
    TraceEvent restarted;
    restarted.kind = EventKind::NodeRestarted;
    restarted.node = m_options.self;
    restarted.term = m_node.term();
    restarted.index = m_node.log().lastIndex();
    publish(restarted);
    armTimer();
    return true;
}

// --- the node's inputs and outputs -------------------------------------------------

void LiveNode::receive(const Message &m, std::uint64_t id)
{
    if (m_dropIn[static_cast<std::size_t>(m.from)])
        return publishDropped(m);
    m_lastHeard[static_cast<std::size_t>(m.from)] = now();
    publishMessage("received", m, id);
    m_node.step(m, now());
    scheduleFlush();
}

void LiveNode::tick()
{
    m_node.tick(now());
    flush();
}

void LiveNode::scheduleFlush()
{
    // Inputs that arrive together are saved together: one fsync for the batch.
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QTimer::singleShot(0, this, [this] { flush(); });
}

void LiveNode::armTimer()
{
    const raft::Time delay = std::max<raft::Time>(0, m_node.nextDeadline() - now());
    // Whole milliseconds for QTimer, rounded up: a timer that fires early only rearms.
    const raft::Time delayMs = (std::min(delay, raft::fromSeconds(60)) + raft::kTicksPerMs - 1) / raft::kTicksPerMs;
    m_timer->start(static_cast<int>(delayMs));
}

void LiveNode::flush()
{
    m_flushScheduled = false;
    if (!m_node.hasReady()) {
        armTimer();
        return;
    }
    m_node.takeReady(m_ready);
    ++m_step;
    // 1. Stable storage first: nothing leaves that depends on unsaved state (Figure 2).
    std::string error;
    if (!m_storage->save(m_ready, m_node, error)) {
        log("FATAL: cannot save stable storage: " + error + "; stopping before anything depends on it");
        std::_Exit(3);
    }
    // 2. What the node did, in the simulator's words.
    for (const TraceEvent &e : m_ready.events)
        publish(e);
    // 3. The messages.
    for (const Message &m : m_ready.messages)
        send(m);
    // 4. Newly committed entries, in order.
    if (m_ready.applyTo > m_ready.applyFrom)
        apply(m_ready.applyFrom, m_ready.applyTo);
    publishStatusIfChanged();
    armTimer();
}

void LiveNode::send(const Message &m)
{
    if (m_dropOut[static_cast<std::size_t>(m.to)])
        return publishDropped(m);
    const std::uint64_t id = m_transport->send(m);
    publishMessage(id != 0 ? "sent" : "unsent", m, id);
}

void LiveNode::apply(Index from, Index to)
{
    const raft::Log &log = m_node.log();
    for (Index i = from + 1; i <= to; ++i) {
        const raft::Entry &entry = log.at(i);
        m_kv.apply(entry.command);
        if (!entry.command.empty()) {
            TraceEvent e;
            e.kind = EventKind::Applied;
            e.index = i;
            e.term2 = entry.term;
            publish(e, entry.command);
        }
        // Answer the client whose request sits at this index, or tell it the request
        // was overwritten before it committed (another leader's entry is here now).
        const auto [first, last] = m_pending.equal_range(i);
        for (auto it = first; it != last; ++it) {
            Pending &p = it->second;
            const bool ours = p.term == entry.term;
            TraceEvent e;
            e.kind = ours ? EventKind::ClientAnswered : EventKind::ClientLost;
            e.index = i;
            e.term2 = p.term;
            publish(e, p.command);
            raft::JsonWriter json;
            json.beginObject().key("key").value(p.key);
            if (!ours) {
                p.responder.respond(jsonError(503,
                                              "leadership changed before the request committed: it did not take "
                                              "effect; retry"));
                continue;
            }
            int status = 200;
            switch (p.kind) {
            case RequestKind::Put: json.key("value").value(p.value); break;
            case RequestKind::Delete: json.key("deleted").value(true); break;
            case RequestKind::Get:
                // SEAM(ReadIndex): this read went through the log (a "get KEY" entry
                // committed in the leader's term), which is linearizable but costs a
                // log write. When raft::Node offers ReadIndex (§6.4 of the dissertation),
                // answer from the state machine once lastApplied >= the read index instead.
                if (const std::string *value = m_kv.value(p.key)) {
                    json.key("value").value(*value);
                } else {
                    status = 404;
                    json.key("error").value("no such key");
                }
                break;
            }
            json.key("index").value(i).key("term").value(entry.term).endObject();
            p.responder.respond(jsonResponse(status, json.take()));
        }
        m_pending.erase(first, last);
    }
}

void LiveNode::expirePending()
{
    const raft::Time t = now();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (!it->second.responder.isOpen()) {
            it = m_pending.erase(it);
        } else if (it->second.deadline <= t) {
            it->second.responder.respond(jsonError(504,
                                                   "not applied within " + std::to_string(m_options.requestTimeout)
                                                       + " ms; the request may or may not take effect (index "
                                                       + std::to_string(it->first) + ")"));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
}

// --- the watch channel -------------------------------------------------------------

void LiveNode::publish(TraceEvent e, const std::string &text)
{
    if (e.node == raft::kNoNode)
        e.node = m_options.self;
    if (e.t == 0)
        e.t = now();
    if (e.term == 0 && e.node == m_options.self)
        e.term = m_node.term();
    e.step = m_step;
    // tickets: the votes of this server's last election, its own included (§5.2).
    if (e.kind == EventKind::ElectionTimeout)
        m_tickets = 1;
    else if (e.kind == EventKind::VoteReceived || e.kind == EventKind::BecameLeader)
        m_tickets = static_cast<int>(e.index);
    if (!m_watch || !m_watch->hasWatchers())
        return;
    m_scratch.clear();
    if (!text.empty())
        e.text = m_scratch.addText(text);
    m_watch->broadcast("{\"event\":" + m_scratch.toJson(e) + "}");
}

void LiveNode::publishDropped(const Message &m)
{
    // The control channel cut this link: the message dies, as on a cut link in the
    // simulator.
    TraceEvent e;
    e.kind = EventKind::MessageLost;
    e.reason = Reason::LinkCut;
    e.node = m.from;
    e.peer = m.to;
    e.value = static_cast<std::int64_t>(m.type);
    publish(e);
}

void LiveNode::publishMessage(const char *direction, const Message &m, std::uint64_t id)
{
    if (!m_watch || !m_watch->hasWatchers())
        return;
    raft::JsonWriter json;
    json.beginObject().key("message").beginObject();
    json.key("t").milliseconds(now()).key("dir").value(direction);
    if (id != 0)
        json.key("id").value(id);
    json.key("type").value(raft::messageTypeName(m.type));
    json.key("from").value(m.from).key("to").value(m.to).key("term").value(m.term);
    switch (m.type) {
    case raft::MessageType::RequestVote:
    case raft::MessageType::PreVote:
        json.key("lastLogIndex").value(m.lastLogIndex).key("lastLogTerm").value(m.lastLogTerm);
        break;
    case raft::MessageType::RequestVoteReply:
    case raft::MessageType::PreVoteReply: json.key("voteGranted").value(m.voteGranted); break;
    case raft::MessageType::TimeoutNow: break;
    case raft::MessageType::InstallSnapshot:
    case raft::MessageType::InstallSnapshotReply:
        json.key("lastIncludedIndex").value(m.lastIncludedIndex).key("offset").value(m.snapshotOffset);
        break;
    case raft::MessageType::AppendEntries:
        json.key("prevLogIndex").value(m.prevLogIndex).key("prevLogTerm").value(m.prevLogTerm);
        json.key("entries").value(m.entries.size()).key("leaderCommit").value(m.leaderCommit);
        break;
    case raft::MessageType::AppendEntriesReply:
        json.key("success").value(m.success).key("matchIndex").value(m.matchIndex);
        break;
    }
    json.endObject().endObject();
    m_watch->broadcast(json.str());
}

void LiveNode::publishStatusIfChanged()
{
    if (!m_watch || !m_watch->hasWatchers())
        return;
    std::string key = std::to_string(static_cast<int>(m_node.role())) + "/" + std::to_string(m_node.term()) + "/"
        + std::to_string(m_node.leaderHint()) + "/" + std::to_string(m_node.votedFor()) + "/"
        + std::to_string(m_node.commitIndex()) + "/" + std::to_string(m_node.log().lastIndex());
    if (key == m_lastStatus)
        return;
    m_lastStatus = std::move(key);
    m_watch->broadcast("{\"status\":" + statusJson() + "}");
}

void LiveNode::setDropped(NodeId peer, bool in, bool out, bool dropped)
{
    if (in)
        m_dropIn[static_cast<std::size_t>(peer)] = dropped;
    if (out)
        m_dropOut[static_cast<std::size_t>(peer)] = dropped;
    TraceEvent e;
    e.kind = EventKind::NetworkChanged;
    e.reason = dropped ? Reason::LinkCut : Reason::Healed;
    // The link as the simulator names it: from its sender to its receiver, both ways
    // when value is 1.
    e.node = (in && !out) ? peer : m_options.self;
    e.peer = (in && !out) ? m_options.self : peer;
    e.value = (in && out) ? 1 : 0;
    publish(e);
}

std::string LiveNode::command(const std::string &line)
{
    std::vector<std::string> words;
    for (std::size_t i = 0; i < line.size();) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        const std::size_t j = std::min(line.find(' ', i), line.size());
        if (j > i)
            words.push_back(line.substr(i, j - i));
        i = j;
    }
    auto reply = [&](bool ok, const std::string &what) {
        raft::JsonWriter json;
        json.beginObject().key("reply").beginObject().key("command").value(line).key("ok").value(ok);
        json.key(ok ? "result" : "error").value(what).endObject().endObject();
        return json.take();
    };
    if (words.empty())
        return reply(false, "empty command");
    const std::string &verb = words[0];
    const auto peers = [&](std::size_t first, std::vector<NodeId> &out) {
        for (std::size_t i = first; i < words.size(); ++i) {
            NodeId id = raft::kNoNode;
            if (!parseNodeId(words[i], id) || id > static_cast<NodeId>(m_options.cluster.size())
                || id == m_options.self)
                return false;
            out.push_back(id);
        }
        return true;
    };
    if (verb == "drop" && words.size() >= 3 && (words[1] == "in" || words[1] == "out" || words[1] == "both")) {
        std::vector<NodeId> ids;
        if (!peers(2, ids))
            return reply(false, "drop " + words[1] + ": name peers of this server, e.g. S2 S3");
        for (const NodeId id : ids)
            setDropped(id, words[1] != "out", words[1] != "in", true);
        return reply(true, "dropping traffic " + words[1] + " for " + std::to_string(ids.size()) + " peer(s)");
    }
    if (verb == "heal") {
        std::vector<NodeId> ids;
        if (!peers(1, ids))
            return reply(false, "heal: name peers of this server, or none for all");
        if (ids.empty())
            for (NodeId id = 1; id <= static_cast<NodeId>(m_options.cluster.size()); ++id)
                if (id != m_options.self
                    && (m_dropIn[static_cast<std::size_t>(id)] || m_dropOut[static_cast<std::size_t>(id)]))
                    ids.push_back(id);
        for (const NodeId id : ids)
            setDropped(id, true, true, false);
        return reply(true, "healed " + std::to_string(ids.size()) + " link(s)");
    }
    if (verb == "timeout" && words.size() == 1) {
        m_node.timeoutNow(now());
        flush();
        return reply(true, "election started");
    }
    if (verb == "status" && words.size() == 1)
        return "{\"reply\":{\"command\":\"status\",\"ok\":true,\"status\":" + statusJson() + "}}";
    return reply(false, "unknown command; try: drop in|out|both S2 [S3 ...], heal [S2 ...], timeout, status");
}

// --- the process -------------------------------------------------------------------

int runNode(const std::vector<std::string> &args)
{
    NodeOptions options;
    std::string error;
    if (!parseNodeOptions(args, options, error)) {
        std::fprintf(stderr, "raftviz: %s\n%s", error.c_str(), nodeUsage().c_str());
        return 2;
    }
    const std::string name = raft::nodeName(options.self);
    Storage::OpenResult opened = Storage::open(options.dataDir, options.self, options.fsync);
    for (const std::string &note : opened.notes)
        std::fprintf(stderr, "raftviz %s: repaired stable storage: %s\n", name.c_str(), note.c_str());
    if (!opened.storage) {
        std::fprintf(stderr, "raftviz %s: %s\n", name.c_str(), opened.error.c_str());
        return 3;
    }
    LiveNode node(options, std::move(opened.storage));
    if (!node.start(error)) {
        std::fprintf(stderr, "raftviz %s: %s\n", name.c_str(), error.c_str());
        return 3;
    }
    return QCoreApplication::exec();
}

} // namespace live
