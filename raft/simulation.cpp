#include "simulation.h"

#include "bounds.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

namespace raft {

std::string ClusterConfig::validate() const
{
    if (nodes < 1 || nodes > kMaxNodes)
        return "nodes must be between 1 and 9, not " + std::to_string(nodes);
    if (servers != 0 && (servers < nodes || servers > kMaxNodes))
        return "servers must be between nodes (" + std::to_string(nodes) + ") and 9, not " + std::to_string(servers);
    // Every delay is at least one tick (a disk write may take none) and at most kMaxDelay.
    const std::string maxDelay = formatMs(kMaxDelay);
    const std::string tick = formatMs(1);
    if (electionTimeoutMin < 1 || electionTimeoutMax < electionTimeoutMin || electionTimeoutMax > kMaxDelay)
        return "election timeout must be a range MIN MAX with " + tick + " <= MIN <= MAX <= " + maxDelay + " ms";
    if (heartbeatInterval < 1)
        return "heartbeat must be at least " + tick + " ms";
    if (heartbeatInterval >= electionTimeoutMin)
        return "heartbeat (" + formatMs(heartbeatInterval) + " ms) must be shorter than the election timeout ("
            + formatMs(electionTimeoutMin) + " ms), or followers time out while the leader is healthy (§5.6)";
    if (network.latencyMin < 1 || network.latencyMax < network.latencyMin || network.latencyMax > kMaxDelay)
        return "latency must be a range MIN MAX with " + tick + " <= MIN <= MAX <= " + maxDelay + " ms";
    if (diskLatencyMin < 0 || diskLatencyMax < diskLatencyMin || diskLatencyMax > kMaxDelay)
        return "disk-latency must be a range MIN MAX with 0 <= MIN <= MAX <= " + maxDelay + " ms";
    if (!(network.loss >= 0 && network.loss <= 1)) // NaN is no probability either
        return "loss must be a probability between 0 and 1";
    if (!(network.duplicate >= 0 && network.duplicate <= 1))
        return "duplicate must be a probability between 0 and 1";
    if (reads == ReadMode::Lease && !checkQuorum)
        return "reads lease needs option checkquorum on: a lease is only safe while followers that heard from the "
               "leader ignore candidates (§6.4.1)";
    if (autoClient < 0 || (autoClient > 0 && autoClient < kMinClientInterval) || autoClient > kMaxDelay)
        return "the automatic client's interval must be from " + formatMs(kMinClientInterval) + " to " + maxDelay
            + " ms (0: no automatic client)";
    return {};
}

const char *nodeStatusName(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Up: return "up";
    case NodeStatus::Crashed: return "crashed";
    case NodeStatus::Paused: return "paused";
    }
    return "?";
}

namespace {
/// ledThisStep tells whether node answers clients as leader for the Ready it just
/// handed over: it leads, or it led and removed itself, committing the entry that
/// removes it and stepping down in one step (§4.2.2) — it answers what it committed.
bool ledThisStep(const Node &node, const Ready &ready)
{
    if (node.role() == Role::Leader)
        return true;
    for (const TraceEvent &e : ready.events)
        if (e.kind == EventKind::BecameFollower && e.reason == Reason::NotInConfiguration)
            return true;
    return false;
}
} // namespace

Simulation::Simulation(const ClusterConfig &config)
    : m_config(config)
    , m_rng(mixSeed(config.seed, 0))
    , m_network(config.network, config.machines())
    , m_servers(static_cast<std::size_t>(config.machines()))
    , m_invariants(config.nodes, config.machines())
    , m_views(static_cast<std::size_t>(config.machines()))
{
    m_network.setWholeMsClock(config.wholeMsClock);
    // The automatic client's first request comes one interval after the start.
    m_clientAt = config.autoClient;
    for (NodeId id = 1; id <= size(); ++id) {
        Server &s = mut(id);
        s.node.emplace(nodeConfig(id, 0), s.storage, 0);
        s.kv.setSessions(config.sessions);
    }
}

NodeConfig Simulation::nodeConfig(NodeId id, std::uint32_t incarnation) const
{
    NodeConfig c;
    c.id = id;
    c.clusterSize = m_config.nodes;
    c.spare = id > m_config.nodes;
    c.electionTimeoutMin = m_config.electionTimeoutMin;
    c.electionTimeoutMax = m_config.electionTimeoutMax;
    c.heartbeatInterval = m_config.heartbeatInterval;
    c.noop = m_config.noop;
    c.preVote = m_config.preVote;
    c.checkQuorum = m_config.checkQuorum;
    c.snapshotChunk = m_config.snapshotChunk;
    c.bugs = m_config.bugs;
    c.readMode = m_config.reads;
    c.wholeMsClock = m_config.wholeMsClock;
    c.seed = mixSeed(m_config.seed, static_cast<std::uint64_t>(id) * 1000 + incarnation + 1);
    return c;
}

// --- queries --------------------------------------------------------------------

const Node *Simulation::node(NodeId id) const
{
    const Server &s = server(id);
    return s.node ? &*s.node : nullptr;
}

Role Simulation::role(NodeId id) const
{
    const Node *n = node(id);
    return n ? n->role() : Role::Follower;
}

Term Simulation::term(NodeId id) const
{
    const Node *n = node(id);
    return n ? n->term() : server(id).storage.currentTerm;
}

const Log &Simulation::log(NodeId id) const
{
    const Node *n = node(id);
    return n ? n->log() : server(id).storage.log;
}

Index Simulation::commitIndex(NodeId id) const
{
    const Node *n = node(id);
    return n ? n->commitIndex() : 0;
}

std::optional<NodeId> Simulation::leader() const
{
    std::optional<NodeId> best;
    Term bestTerm = 0;
    for (NodeId id = 1; id <= size(); ++id) {
        const Node *n = node(id);
        if (n && n->role() == Role::Leader && (!best || n->term() > bestTerm)) {
            best = id;
            bestTerm = n->term();
        }
    }
    return best;
}

const Configuration &Simulation::configuration() const
{
    if (const auto id = leader())
        return node(*id)->configuration();
    const Node *best = nullptr;
    for (NodeId id = 1; id <= size(); ++id) {
        const Node *n = node(id);
        if (n && !n->isRemoved() && (!best || n->configurationIndex() > best->configurationIndex()))
            best = n;
    }
    static const Configuration kNone;
    return best ? best->configuration() : kNone;
}

MemberState Simulation::memberState(NodeId id) const
{
    if (isRemoved(id))
        return MemberState::Removed;
    const Configuration &c = configuration();
    if (c.empty() ? id <= m_config.nodes : c.isVoter(id))
        return MemberState::Voter;
    if (c.isLearner(id))
        return MemberState::Learner;
    return MemberState::Spare;
}

std::optional<CatchUp> Simulation::catchUp(NodeId id) const
{
    const std::optional<NodeId> l = leader();
    if (!l || !node(*l)->configuration().isLearner(id))
        return std::nullopt;
    const Node &n = *node(*l);
    return CatchUp{n.progress(id).matchIndex, n.log().lastIndex()};
}

bool Simulation::isRemoved(NodeId id) const
{
    const Node *n = node(id);
    if (!n || !n->isRemoved())
        return false;
    const auto l = leader();
    return !l || !node(*l)->configuration().contains(id);
}

Configuration Simulation::configurationOf(NodeId id) const
{
    if (const Node *n = node(id))
        return n->configuration();
    const Server &s = server(id);
    const Log &log = s.storage.log;
    for (Index i = log.lastIndex(); i > log.snapshotIndex(); --i)
        if (Configuration::isConfigCommand(log.at(i).command))
            if (std::optional<Configuration> c = Configuration::decode(log.at(i).command))
                return *c;
    if (!s.storage.snapshot.empty())
        return s.storage.snapshot.config; // §7: the snapshot holds the configuration it replaced
    return id <= m_config.nodes ? Configuration::first(m_config.nodes) : Configuration();
}

bool Simulation::hasQuorum(const std::vector<NodeId> &side) const
{
    std::uint32_t mask = 0;
    for (NodeId id : side)
        mask |= 1u << id;
    const Configuration &c = configuration();
    if (c.empty()) // everyone is down: count the first configuration
        return Configuration::first(m_config.nodes).hasQuorum(mask);
    return c.hasQuorum(mask);
}

// --- moving time ----------------------------------------------------------------

std::optional<NodeId> Simulation::nextTimer(Time &at) const
{
    std::optional<NodeId> best;
    for (NodeId id = 1; id <= size(); ++id) {
        const Server &s = server(id);
        if (s.status != NodeStatus::Up)
            continue; // crashed servers have no timers; paused ones are frozen
        const Time deadline = s.node->nextDeadline();
        if (deadline == Node::kNever)
            continue; // a learner, a spare or a removed server never campaigns
        if (!best || deadline < at) {
            best = id;
            at = deadline;
        }
    }
    return best;
}

std::size_t Simulation::clientsWaiting() const
{
    return static_cast<std::size_t>(
        std::count_if(m_calls.begin(), m_calls.end(), [](const ClientCall &c) { return !c.done; }));
}

std::optional<std::size_t> Simulation::nextRetry(Time &at) const
{
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < m_calls.size(); ++i) {
        const ClientCall &call = m_calls[i];
        if (!call.done && (!best || call.deadline < at)) {
            best = i + 1;
            at = call.deadline;
        }
    }
    return best;
}

std::optional<Time> Simulation::nextEventTime() const
{
    Time timerAt = 0;
    const auto timer = nextTimer(timerAt);
    const auto net = m_network.nextEventTime();
    std::optional<Time> at;
    if (net && (!timer || *net <= timerAt))
        at = std::max(*net, m_now);
    else if (timer)
        at = std::max(timerAt, m_now);
    Time retryAt = 0;
    if (!m_calls.empty() && nextRetry(retryAt) && (!at || std::max(retryAt, m_now) < *at))
        at = std::max(retryAt, m_now);
    if (const auto client = nextClientTime(); client && (!at || *client < *at))
        at = client;
    return at;
}

std::optional<Time> Simulation::nextClientTime() const
{
    const Time every = m_config.autoClient;
    if (every <= 0)
        return std::nullopt;
    // A client talks to the leader; while there is none up it waits. The next
    // request is a pure function of the state (no event is spent on waiting), so
    // replaying to any step finds the same schedule.
    const std::optional<NodeId> lead = leader();
    if (!lead || status(*lead) != NodeStatus::Up)
        return std::nullopt;
    Time at = m_clientAt;
    if (at < m_now)
        at += (m_now - at + every - 1) / every * every;
    return at;
}

std::string Simulation::nextClientCommand() const
{
    static constexpr const char *kKeys[] = {"x", "y", "z"};
    const std::uint64_t n = m_clientRequests + 1;
    return std::string("set ") + kKeys[(n - 1) % 3] + " " + std::to_string(n);
}

bool Simulation::step()
{
    return stepBefore(std::numeric_limits<Time>::max());
}

bool Simulation::stepBefore(Time limit)
{
    Time timerAt = 0;
    const auto timer = nextTimer(timerAt);
    const auto net = m_network.nextEventTime();
    Time retryAt = 0;
    const auto call = m_calls.empty() ? std::nullopt : nextRetry(retryAt);
    // The automatic client comes last at equal times: after the deliveries and the
    // servers' timers of that millisecond, and after a session client's retry.
    const auto client = nextClientTime();
    // A client's retry comes after deliveries and timers due at the same time.
    if (call && (!net || retryAt < *net) && (!timer || retryAt < timerAt)
        && (!client || std::max(retryAt, m_now) <= *client)) {
        if (std::max(retryAt, m_now) > limit)
            return false;
        m_now = std::max(m_now, retryAt);
        beginStep();
        retry(*call);
    } else if (client && (!net || *client < *net) && (!timer || *client < timerAt)) {
        if (*client > limit)
            return false;
        m_now = std::max(m_now, *client);
        beginStep();
        sendClientRequest(*client);
    } else if (net && (!timer || *net <= timerAt)) {
        // Deliveries first at equal times, in message-id order.
        if (std::max(*net, m_now) > limit)
            return false;
        std::optional<Envelope> e = m_network.popNext(*net);
        m_now = std::max(m_now, e->eventTime());
        deliver(std::move(*e));
    } else if (timer) {
        if (std::max(timerAt, m_now) > limit)
            return false;
        m_now = std::max(m_now, timerAt);
        beginStep();
        mut(*timer).node->tick(m_now);
        drain(*timer);
    } else {
        return false;
    }
    afterStep();
    return true;
}

void Simulation::advanceTo(Time t)
{
    while (stepBefore(t)) { }
    m_now = std::max(m_now, t);
}

bool Simulation::runUntil(const std::function<bool()> &pred, Time maxDuration)
{
    if (pred())
        return true;
    const Time deadline = m_now + maxDuration;
    while (stepBefore(deadline)) {
        if (pred())
            return true;
    }
    m_now = std::max(m_now, deadline);
    return false;
}

void Simulation::beginStep()
{
    ++m_stats.events;
}

TraceEvent &Simulation::addEvent(EventKind kind, NodeId node, Reason reason)
{
    static TraceEvent discard;
    if (!m_config.recordTrace) {
        discard = TraceEvent{};
        return discard;
    }
    TraceEvent e;
    e.t = m_now;
    e.step = m_stats.events;
    e.kind = kind;
    e.reason = reason;
    e.node = node;
    if (node != kNoNode)
        e.term = term(node);
    if (kind == EventKind::NetworkChanged) {
        // The faults left after the change, so that readers of the trace need no network.
        e.index = static_cast<Index>(m_network.cutLinkCount());
        e.index2 = m_network.groups().size();
    }
    return out().add(e);
}

void Simulation::deliver(Envelope envelope)
{
    const Message &m = envelope.message;
    if (envelope.doomed) {
        beginStep();
        lose(envelope, envelope.lossReason);
        return;
    }
    if (!m_network.canReach(m.from, m.to)) {
        // A wall rose while it was on its way (§5.1: the network may lose messages).
        beginStep();
        lose(envelope, m_network.blockReason(m.from, m.to));
        return;
    }
    Server &s = mut(m.to);
    if (s.status == NodeStatus::Crashed) {
        beginStep();
        lose(envelope, Reason::DestinationCrashed);
        return;
    }
    if (s.status == NodeStatus::Paused || envelope.held) {
        // It waits at the door. That is an event of its own: a replay that stops
        // after the same number of steps must find it waiting too.
        beginStep();
        TraceEvent &e = addEvent(EventKind::MessageWaiting, m.from,
                                 s.status == NodeStatus::Paused ? Reason::NodePaused : Reason::Forced);
        e.peer = m.to;
        e.value = static_cast<std::int64_t>(m.type);
        e.index = envelope.id;
        if (m_config.recordTrace) {
            out().updateMessage(envelope.id, [this](MessageRecord &r) {
                if (r.waitAt < 0) {
                    r.waitAt = m_now;
                    r.waitStep = m_stats.events;
                }
            });
        }
        m_network.park(std::move(envelope));
        return;
    }
    beginStep();
    ++m_stats.messagesDelivered;
    recordEnd(envelope.id, MessageRecord::Fate::Delivered);
    m_cause = envelope.id;
    s.node->step(m, m_now);
    drain(m.to);
    m_cause = 0;
}

void Simulation::recordSent(std::uint64_t first, std::uint64_t end, std::uint64_t copyOf)
{
    if (!m_config.recordTrace || out().streaming())
        return;
    Trace &trace = out();
    for (std::uint64_t id = first; id < end; ++id) {
        const Envelope *e = m_network.find(id);
        if (!e)
            continue;
        const Message &m = e->message;
        MessageRecord r;
        r.id = id;
        r.copyOf = copyOf != 0 ? copyOf : (e->duplicate && id > first ? first : 0);
        r.cause = m_cause;
        r.sentStep = m_stats.events;
        r.sentAt = e->sentAt;
        r.dueAt = e->deliverAt;
        r.term = m.term;
        r.entries = static_cast<std::uint32_t>(m.entries.size());
        r.from = m.from;
        r.to = m.to;
        r.type = m.type;
        r.held = e->held;
        if (m.type == MessageType::AppendEntries) {
            r.heartbeat = m.entries.empty();
        } else if (m.type == MessageType::AppendEntriesReply) {
            // The reply to a heartbeat is part of the heartbeat.
            const std::optional<MessageRecord> cause = m_cause != 0 ? trace.messageRecord(m_cause) : std::nullopt;
            r.heartbeat = cause && cause->heartbeat && cause->from == m.to;
        }
        if (copyOf != 0)
            if (const std::optional<MessageRecord> original = trace.messageRecord(copyOf)) {
                r.cause = original->cause;
                r.heartbeat = original->heartbeat;
            }
        trace.addMessage(r);
    }
}

void Simulation::recordEnd(std::uint64_t id, MessageRecord::Fate fate, Reason reason)
{
    if (!m_config.recordTrace)
        return;
    out().updateMessage(id, [&](MessageRecord &r) {
        r.fate = fate;
        r.endAt = m_now;
        r.endStep = m_stats.events;
        r.lossReason = reason;
    });
}

void Simulation::lose(const Envelope &envelope, Reason reason)
{
    ++m_stats.messagesDropped;
    recordEnd(envelope.id, MessageRecord::Fate::Lost, reason);
    TraceEvent &e = addEvent(EventKind::MessageLost, envelope.message.from, reason);
    e.peer = envelope.message.to;
    e.value = static_cast<std::int64_t>(envelope.message.type);
    e.index = envelope.id;
    if (!m_config.recordTrace)
        return;
    while (!m_lost.empty() && m_lost.front().lostAt + kLostMemory < m_now)
        m_lost.erase(m_lost.begin());
    m_lost.push_back(LostMessage{envelope, m_now, reason});
}

void Simulation::drain(NodeId id)
{
    Server &s = mut(id);
    Node &node = *s.node;
    node.takeReady(m_ready);
    // 1. Stable storage first: nothing leaves that depends on unsaved state (Figure 2).
    if (m_ready.hardStateChanged) {
        s.storage.currentTerm = node.term();
        s.storage.votedFor = node.votedFor();
    }
    if (m_ready.snapshotChanged) {
        // §7: the snapshot is stable storage, with the log that follows it.
        s.storage.snapshot = node.snapshot();
        s.storage.log = node.log();
    } else if (m_ready.persistFrom != 0) {
        // Entries from persistFrom on changed: storage takes the node's log. A copy
        // shares the log's full chunks, so this costs no more than copying the tail.
        s.storage.log = node.log();
    }
    // 2. Record what the node did (before the network's reactions to it).
    const std::uint64_t step = m_stats.events;
    for (TraceEvent &e : m_ready.events) {
        if (e.kind == EventKind::ElectionTimeout)
            ++m_stats.elections;
        else if (e.kind == EventKind::SnapshotTaken)
            ++m_stats.snapshotsTaken;
        else if (e.kind == EventKind::SnapshotInstalled)
            ++m_stats.snapshotsInstalled;
        if (m_config.recordTrace) {
            e.step = step;
            e.t = m_now;
            out().add(e);
        }
    }
    // 3. Then the messages. A server answers an RPC only once what it changed is on
    // stable storage (Figure 2), so a reply sent after a write leaves when the write
    // is done: a vote counts once the voter has saved it. Requests (RequestVote,
    // AppendEntries) leave at once: the sender may write in parallel (dissertation
    // §10.2.1). With an instant disk (the default) nothing is drawn, so such runs are
    // unchanged.
    Time replyAt = m_now;
    if (m_config.diskLatencyMax > 0 && (m_ready.hardStateChanged || m_ready.persistFrom != 0)) {
        if (m_now >= s.diskWriteStart) {
            // No write waits to start: a new one starts when the disk is free.
            // Otherwise this change joins the waiting write (a group commit).
            s.diskWriteStart = std::max(m_now, s.diskBusyUntil);
            s.diskBusyUntil = s.diskWriteStart
                + m_rng.uniformTime(m_config.diskLatencyMin, m_config.diskLatencyMax, m_config.wholeMsClock);
        }
        replyAt = s.diskBusyUntil;
    }
    for (const Message &m : m_ready.messages) {
        ++m_stats.messagesSent;
        if (!isReply(m.type))
            ++m_stats.rpcsSent;
        m_stats.entriesSent += m.entries.size();
        for (const Entry &entry : m.entries)
            m_stats.entryBytesSent += entry.command.size();
        const std::uint64_t first = m_network.nextId();
        const int copies = m_network.send(m, isReply(m.type) ? replyAt : m_now, m_rng);
        recordSent(first, m_network.nextId());
        if (copies == 2) {
            TraceEvent &e = addEvent(EventKind::MessageDuplicated, m.from);
            e.peer = m.to;
            e.value = static_cast<std::int64_t>(m.type);
        }
    }
    // 4. Apply newly committed entries to the state machine, in order; an installed
    // snapshot first replaces the state machine (Figure 13 step 8).
    if (m_ready.snapshotRestored && !s.kv.decode(node.snapshot().data))
        s.kv.clear();
    const Log &log = node.log();
    const bool leading = ledThisStep(node, m_ready);
    if (leading && m_ready.applyTo > m_ready.applyFrom) {
        // A leader knows every index up to its commitIndex: requests left waiting at
        // indexes it applied before it led (their own leader was deposed before it
        // could answer) get their outcome now.
        settleRequests(id, m_pending.begin(), m_pending.upper_bound(m_ready.applyFrom));
    }
    for (Index i = m_ready.applyFrom + 1; i <= m_ready.applyTo; ++i) {
        const Entry &entry = log.at(i);
        const bool applied = s.kv.apply(entry.command);
        if (m_config.recordTrace && !entry.command.empty()) {
            TraceEvent &e = addEvent(applied ? EventKind::Applied : EventKind::DuplicateSkipped, id);
            e.index = i;
            e.term2 = entry.term;
            e.text = out().addText(entry.command);
        }
        const auto [first, last] = m_pending.equal_range(i);
        for (auto it = first; it != last; ++it)
            it->second.committedTerm = entry.term;
        if (first != last)
            settleRequests(id, first, last);
    }
    // 5. Reads the leader confirmed: its state machine has applied their readIndex
    //    (entries apply as they commit), so the answer is its value now (§6.4).
    if (!m_ready.reads.empty()) {
        const std::vector<ReadState> reads = m_ready.reads;
        for (const ReadState &read : reads) {
            if (read.ok) {
                answerRead(read.id, id, Reason::None);
            } else {
                TraceEvent &e = addEvent(EventKind::ReadRefused, id, Reason::QuorumLost);
                e.value = static_cast<std::int64_t>(read.id);
                failRead(read.id, "leader stepped down");
            }
        }
    }
    // 6. §7: once it has applied snapshotEvery entries past its snapshot, the server
    // takes a new one.
    if (m_config.snapshotEvery > 0 && node.lastApplied() >= node.snapshot().index + m_config.snapshotEvery)
        takeSnapshot(id, false);
}

void Simulation::takeSnapshot(NodeId id, bool forced)
{
    Server &s = mut(id);
    if (s.node->compact(s.node->lastApplied(), s.kv.encode(), forced))
        drain(id);
}

void Simulation::settleRequests(NodeId id, PendingMap::iterator first, PendingMap::iterator last)
{
    // Every client whose request sits at a committed index gets its outcome: the one
    // whose term is the entry's is answered (by a leader; followers only apply), any
    // other was overwritten and is lost. Several can share an index (a deposed
    // leader's uncommitted entry and the next leader's).
    const Node &node = *server(id).node;
    const bool leading = ledThisStep(node, m_ready);
    for (auto it = first; it != last;) {
        const PendingRequest &p = it->second;
        Term entryTerm = 0;
        if (node.log().has(p.index)) {
            entryTerm = node.log().termAt(p.index);
        } else if (p.committedTerm != 0 && p.index <= node.commitIndex()) {
            // Compacted into this server's snapshot (§7): the entry is committed, and
            // its term is the one it had when a server applied it.
            entryTerm = p.committedTerm;
        } else {
            ++it;
            continue;
        }
        const bool ours = p.term == entryTerm;
        if (ours && !leading) {
            ++it;
            continue;
        }
        if (p.call != 0) {
            // A session client hears only from the server it sent this copy to; until
            // then it waits, and retries (§6.3). Another leader has no way to answer it.
            ClientCall &call = m_calls[p.call - 1];
            if (ours && (call.done || call.target != id)) {
                it = m_pending.erase(it);
                continue;
            }
            if (ours) {
                call.done = true;
                if (call.op != 0) {
                    m_ops.mutate(call.op - 1).outcome = KvOperation::Outcome::Ok;
                    m_ops.mutate(call.op - 1).complete = m_now;
                }
            }
        } else if (p.op != 0) {
            KvOperation &op = m_ops.mutate(p.op - 1);
            op.outcome = ours ? KvOperation::Outcome::Ok : KvOperation::Outcome::Failed;
            op.complete = m_now;
        }
        TraceEvent &e = addEvent(ours ? EventKind::ClientAnswered : EventKind::ClientLost, id);
        e.index = p.index;
        e.term2 = p.term;
        if (m_config.recordTrace)
            e.text = out().addText(p.command);
        it = m_pending.erase(it);
    }
}

void Simulation::afterStep()
{
    if (m_config.checkInvariants)
        checkInvariantsNow();
    checkLiveness();
}

void Simulation::checkLiveness()
{
    // The common case first and cheap: someone leads.
    bool calm = false;
    if (!leader()) {
        calm = m_network.isCalm();
        for (NodeId id = 1; calm && id <= size(); ++id)
            calm = server(id).status == NodeStatus::Up;
    }
    if (!calm) {
        m_leaderlessSince = m_now;
        m_leaderlessReported = false;
        return;
    }
    // The alarm waits for kLeaderlessAlarm, or for ten elections at the cluster's own
    // timing when that is longer: with timeouts or links of seconds, an election
    // takes more than ten seconds without anything being wrong.
    const Time election = m_config.electionTimeoutMax + 2 * m_network.config().latencyMax;
    const Time alarm = std::max(kLeaderlessAlarm, 10 * election);
    if (!m_config.checkInvariants || m_leaderlessReported || m_now - m_leaderlessSince < alarm)
        return;
    m_leaderlessReported = true;
    std::vector<NodeId> all;
    for (NodeId id = 1; id <= m_config.nodes; ++id)
        all.push_back(id);
    addViolation(makeFinding("Liveness", "§5.2",
                             "no leader for " + std::to_string(toMs(alarm) / 1000)
                                 + " s of virtual time, though every server is up and every message arrives",
                             std::move(all)));
}

void Simulation::addViolation(Finding finding)
{
    TraceEvent &e = addEvent(EventKind::InvariantViolated, kNoNode);
    if (m_config.recordTrace)
        e.text = out().addText(finding.section.empty() ? finding.what : finding.what + " (" + finding.section + ")");
    m_violations.push_back(Violation{m_now, m_stats.events, std::move(finding.what), std::move(finding.property),
                                     std::move(finding.section), std::move(finding.nodes), finding.index});
}

bool Simulation::checkInvariantsNow()
{
    if (m_views.size() != m_servers.size()) {
        m_views.resize(m_servers.size());
        m_dirty.bits = DirtySet::kAll;
    }
    const std::uint32_t dirty = m_dirty.bits;
    m_dirty.bits = 0;
    for (NodeId id = 1; id <= size(); ++id) {
        if ((dirty >> (id - 1) & 1u) == 0)
            continue; // untouched since the last check: its view still holds
        const Server &s = server(id);
        ServerView &v = m_views[id - 1];
        v.id = id;
        v.up = s.node.has_value();
        v.incarnation = s.incarnation;
        if (s.node) {
            v.role = s.node->role();
            v.term = s.node->term();
            v.votedFor = s.node->votedFor();
            v.progress = v.role == Role::Leader ? &s.node->progress(1) : nullptr;
            v.log = &s.node->log();
            v.commitIndex = s.node->commitIndex();
            v.lastApplied = s.node->lastApplied();
            v.config = &s.node->configuration();
            v.configIndex = s.node->configurationIndex();
            v.snapshotConfig = s.node->snapshot().empty() ? nullptr : &s.node->snapshot().config;
        } else {
            v.config = nullptr;
            v.configIndex = 0;
            v.snapshotConfig = s.storage.snapshot.empty() ? nullptr : &s.storage.snapshot.config;
            v.role = Role::Follower;
            v.term = s.storage.currentTerm;
            v.votedFor = s.storage.votedFor;
            v.progress = nullptr;
            v.log = &s.storage.log;
            v.commitIndex = 0;
            v.lastApplied = 0;
        }
    }
    m_found.clear();
    if (m_invariants.check(m_views, m_found, dirty))
        return true;
    for (Finding &finding : m_found)
        addViolation(std::move(finding));
    return false;
}

// --- history support ------------------------------------------------------------

bool Simulation::operator==(const Simulation &o) const
{
    return m_config == o.m_config && m_now == o.m_now && m_rng == o.m_rng && m_network == o.m_network
        && m_servers == o.m_servers && m_stats == o.m_stats && m_violations == o.m_violations && m_inputs == o.m_inputs
        && m_lost == o.m_lost && m_pending == o.m_pending && m_leaderlessSince == o.m_leaderlessSince
        && m_leaderlessReported == o.m_leaderlessReported && m_reads == o.m_reads && m_ops == o.m_ops
        && m_calls == o.m_calls && m_clientAt == o.m_clientAt && m_clientRequests == o.m_clientRequests;
}

void Simulation::setTraceSink(Trace *sink)
{
    m_sink = sink;
}

Simulation Simulation::checkpoint()
{
    // The trace and the inputs only grow, and the history keeps them: leaving both
    // out keeps a checkpoint to the size of the state. The checker's memory of the
    // past decides what it reports next, and a world rebuilt from a checkpoint must
    // report what the straight run reports (a saved run reopens to the same
    // violations), so a run with a bug switch keeps it in. Without one Raft breaks
    // nothing, a fresh checker reports the same (nothing), and leaving it out saves
    // what it costs (16 MB over --bench-history's 243 checkpoints).
    Trace trace = std::move(m_trace);
    std::vector<Input> inputs = std::move(m_inputs);
    std::optional<Invariants> invariants;
    if (!carriesChecker())
        invariants = std::exchange(m_invariants, Invariants(m_config.nodes, size()));
    m_trace = Trace();
    m_inputs.clear();
    Simulation copy = *this;
    copy.m_sink = nullptr;
    m_trace = std::move(trace);
    m_inputs = std::move(inputs);
    if (invariants)
        m_invariants = std::move(*invariants);
    return copy;
}

void Simulation::restore(const Simulation &checkpoint, const std::vector<Input> *timeline)
{
    Trace trace = std::move(m_trace);
    Trace *sink = m_sink;
    std::vector<Input> inputs = std::move(m_inputs);
    const bool checking = m_config.checkInvariants;
    const bool recording = m_config.recordTrace;
    *this = checkpoint;
    m_config.checkInvariants = checking;
    m_config.recordTrace = recording;
    m_sink = sink;
    m_trace = std::move(trace);
    m_trace.truncateAfterStep(m_stats.events); // an outside sink is its owner's to cut
    m_inputs = timeline ? *timeline : std::move(inputs);
    while (!m_inputs.empty() && m_inputs.back().step >= m_stats.events)
        m_inputs.pop_back();
    // The checkpoint's checker goes on as the straight run's did. Without one (no
    // bug switch), or with one that did not follow the run up to the checkpoint
    // (checking was off), a fresh one learns the restored state at the next check
    // instead, and cannot raise a false alarm from a past it did not see.
    if (!checking || !checkpoint.carriesChecker())
        m_invariants = Invariants(m_config.nodes, size());
}

void Simulation::setChecking(bool on)
{
    if (on && !m_config.checkInvariants)
        m_invariants = Invariants(m_config.nodes, size()); // it missed events: start afresh
    m_config.checkInvariants = on;
}

void Simulation::setClock(Time t)
{
    m_now = std::max(m_now, t);
}

std::size_t Simulation::memoryBytes(std::unordered_set<const void *> *counted) const
{
    std::size_t bytes = sizeof(*this) + m_inputs.capacity() * sizeof(Input) + m_lost.capacity() * sizeof(LostMessage);
    for (const Server &s : m_servers) {
        bytes += sizeof(Server) + s.storage.log.memoryBytes(counted);
        if (s.node)
            bytes += s.node->log().memoryBytes(counted);
        for (const auto &[k, v] : s.kv.data())
            bytes += 64 + k.capacity() + v.capacity();
    }
    bytes += m_network.size() * sizeof(Envelope) + m_invariants.memoryBytes(counted)
        + m_ops.memoryBytes(counted, [](const KvOperation &op) {
              return (op.key.capacity() > 15 ? op.key.capacity() : 0) + (op.value.capacity() > 15 ? op.value.capacity() : 0);
          });
    return bytes;
}

} // namespace raft
