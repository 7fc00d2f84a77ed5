#include "simulation.h"

#include "bounds.h"

#include <algorithm>
#include <limits>

namespace raft {

std::string ClusterConfig::validate() const
{
    if (nodes < 1 || nodes > kMaxNodes)
        return "nodes must be between 1 and 9, not " + std::to_string(nodes);
    if (servers != 0 && (servers < nodes || servers > kMaxNodes))
        return "servers must be between nodes (" + std::to_string(nodes) + ") and 9, not " + std::to_string(servers);
    const std::string maxDelay = std::to_string(kMaxDelay);
    if (electionTimeoutMin < 1 || electionTimeoutMax < electionTimeoutMin || electionTimeoutMax > kMaxDelay)
        return "election timeout must be a range MIN MAX with 1 <= MIN <= MAX <= " + maxDelay + " ms";
    if (heartbeatInterval < 1)
        return "heartbeat must be at least 1 ms";
    if (heartbeatInterval >= electionTimeoutMin)
        return "heartbeat (" + std::to_string(heartbeatInterval) + " ms) must be shorter than the election timeout ("
            + std::to_string(electionTimeoutMin) + " ms), or followers time out while the leader is healthy (§5.6)";
    if (network.latencyMin < 1 || network.latencyMax < network.latencyMin || network.latencyMax > kMaxDelay)
        return "latency must be a range MIN MAX with 1 <= MIN <= MAX <= " + maxDelay + " ms";
    if (!(network.loss >= 0 && network.loss <= 1)) // NaN is no probability either
        return "loss must be a probability between 0 and 1";
    if (!(network.duplicate >= 0 && network.duplicate <= 1))
        return "duplicate must be a probability between 0 and 1";
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

Simulation::Simulation(const ClusterConfig &config)
    : m_config(config)
    , m_rng(mixSeed(config.seed, 0))
    , m_network(config.network, config.machines())
    , m_servers(static_cast<std::size_t>(config.machines()))
    , m_invariants(config.nodes)
    , m_views(static_cast<std::size_t>(config.machines()))
{
    for (NodeId id = 1; id <= size(); ++id) {
        Server &s = mut(id);
        s.node.emplace(nodeConfig(id, 0), s.storage, 0);
    }
}

NodeConfig Simulation::nodeConfig(NodeId id, std::uint32_t incarnation) const
{
    NodeConfig c;
    c.id = id;
    c.clusterSize = m_config.nodes;
    c.spare = id > m_config.nodes;
    c.membership = m_config.membership;
    c.electionTimeoutMin = m_config.electionTimeoutMin;
    c.electionTimeoutMax = m_config.electionTimeoutMax;
    c.heartbeatInterval = m_config.heartbeatInterval;
    c.noop = m_config.noop;
    c.preVote = m_config.preVote;
    c.checkQuorum = m_config.checkQuorum;
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
    const Log &log = server(id).storage.log;
    for (Index i = log.lastIndex(); i >= 1; --i)
        if (Configuration::isConfigCommand(log.at(i).command))
            if (std::optional<Configuration> c = Configuration::decode(log.at(i).command))
                return *c;
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

std::optional<Time> Simulation::nextEventTime() const
{
    Time timerAt = 0;
    const auto timer = nextTimer(timerAt);
    const auto net = m_network.nextEventTime();
    if (net && (!timer || *net <= timerAt))
        return std::max(*net, m_now);
    if (timer)
        return std::max(timerAt, m_now);
    return std::nullopt;
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
    if (net && (!timer || *net <= timerAt)) {
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
        m_network.park(std::move(envelope));
        return;
    }
    beginStep();
    ++m_stats.messagesDelivered;
    s.node->step(m, m_now);
    drain(m.to);
}

void Simulation::lose(const Envelope &envelope, Reason reason)
{
    ++m_stats.messagesDropped;
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
    if (m_ready.persistFrom != 0) {
        // Entries from persistFrom on changed: storage takes the node's log. A copy
        // shares the log's full chunks, so this costs no more than copying the tail.
        s.storage.log = node.log();
    }
    // 2. Record what the node did (before the network's reactions to it).
    const std::uint64_t step = m_stats.events;
    for (TraceEvent &e : m_ready.events) {
        if (e.kind == EventKind::ElectionTimeout)
            ++m_stats.elections;
        if (m_config.recordTrace) {
            e.step = step;
            e.t = m_now;
            out().add(e);
        }
    }
    // 3. Then the messages.
    for (const Message &m : m_ready.messages) {
        ++m_stats.messagesSent;
        if (!isReply(m.type))
            ++m_stats.rpcsSent;
        m_stats.entriesSent += m.entries.size();
        for (const Entry &entry : m.entries)
            m_stats.entryBytesSent += entry.command.size();
        if (m_network.send(m, m_now, m_rng) == 2) {
            TraceEvent &e = addEvent(EventKind::MessageDuplicated, m.from);
            e.peer = m.to;
            e.value = static_cast<std::int64_t>(m.type);
        }
    }
    // 4. Apply newly committed entries to the state machine, in order.
    const Log &log = node.log();
    const bool leading = node.role() == Role::Leader;
    if (leading && m_ready.applyTo > m_ready.applyFrom) {
        // A leader knows every index up to its commitIndex: requests left waiting at
        // indexes it applied before it led (their own leader was deposed before it
        // could answer) get their outcome now.
        settleRequests(id, m_pending.begin(), m_pending.upper_bound(m_ready.applyFrom));
    }
    for (Index i = m_ready.applyFrom + 1; i <= m_ready.applyTo; ++i) {
        const Entry &entry = log.at(i);
        s.kv.apply(entry.command);
        if (m_config.recordTrace && !entry.command.empty()) {
            TraceEvent &e = addEvent(EventKind::Applied, id);
            e.index = i;
            e.term2 = entry.term;
            e.text = out().addText(entry.command);
        }
        const auto [first, last] = m_pending.equal_range(i);
        if (first != last)
            settleRequests(id, first, last);
    }
}

void Simulation::settleRequests(NodeId id, PendingMap::iterator first, PendingMap::iterator last)
{
    // Every client whose request sits at a committed index gets its outcome: the one
    // whose term is the entry's is answered (by a leader; followers only apply), any
    // other was overwritten and is lost. Several can share an index (a deposed
    // leader's uncommitted entry and the next leader's).
    const Node &node = *server(id).node;
    const bool leading = node.role() == Role::Leader;
    for (auto it = first; it != last;) {
        const PendingRequest &p = it->second;
        const bool ours = p.term == node.log().termAt(p.index);
        if (ours && !leading) {
            ++it;
            continue;
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
}

bool Simulation::checkInvariantsNow()
{
    for (NodeId id = 1; id <= size(); ++id) {
        const Server &s = server(id);
        ServerView &v = m_views[id - 1];
        v.id = id;
        v.up = s.node.has_value();
        v.incarnation = s.incarnation;
        if (s.node) {
            v.role = s.node->role();
            v.term = s.node->term();
            v.log = &s.node->log();
            v.commitIndex = s.node->commitIndex();
            v.lastApplied = s.node->lastApplied();
            v.config = &s.node->configuration();
            v.configIndex = s.node->configurationIndex();
        } else {
            v.config = nullptr;
            v.configIndex = 0;
            v.role = Role::Follower;
            v.term = s.storage.currentTerm;
            v.log = &s.storage.log;
            v.commitIndex = 0;
            v.lastApplied = 0;
        }
    }
    m_found.clear();
    if (m_invariants.check(m_views, m_found))
        return true;
    for (std::string &what : m_found) {
        TraceEvent &e = addEvent(EventKind::InvariantViolated, kNoNode);
        if (m_config.recordTrace)
            e.text = out().addText(what);
        m_violations.push_back(Violation{m_now, m_stats.events, std::move(what)});
    }
    return false;
}

// --- history support ------------------------------------------------------------

bool Simulation::operator==(const Simulation &o) const
{
    return m_config == o.m_config && m_now == o.m_now && m_rng == o.m_rng && m_network == o.m_network
        && m_servers == o.m_servers && m_stats == o.m_stats && m_violations == o.m_violations && m_inputs == o.m_inputs
        && m_lost == o.m_lost && m_pending == o.m_pending;
}

void Simulation::setTraceSink(Trace *sink)
{
    m_sink = sink;
}

Simulation Simulation::checkpoint()
{
    // The trace and the inputs only grow, and the history keeps them; the checker's
    // memory of the past is rebuilt from the state when needed. Leaving all three
    // out keeps a checkpoint to the size of the state itself.
    Trace trace = std::move(m_trace);
    std::vector<Input> inputs = std::move(m_inputs);
    Invariants invariants = std::move(m_invariants);
    m_trace = Trace();
    m_inputs.clear();
    m_invariants = Invariants(m_config.nodes);
    Simulation copy = *this;
    copy.m_sink = nullptr;
    m_trace = std::move(trace);
    m_inputs = std::move(inputs);
    m_invariants = std::move(invariants);
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
    // A fresh checker learns the restored state at the next check; it cannot raise
    // a false alarm from a past it did not see, and it still checks every change.
    m_invariants = Invariants(m_config.nodes);
}

void Simulation::setChecking(bool on)
{
    if (on && !m_config.checkInvariants)
        m_invariants = Invariants(m_config.nodes); // it missed events: start afresh
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
    bytes += m_network.size() * sizeof(Envelope);
    return bytes;
}

} // namespace raft
