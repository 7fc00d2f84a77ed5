#include "simulation.h"

#include <algorithm>
#include <limits>

namespace raft {

std::string ClusterConfig::validate() const
{
    if (nodes < 1 || nodes > kMaxNodes)
        return "nodes must be between 1 and 9, not " + std::to_string(nodes);
    if (electionTimeoutMin < 1 || electionTimeoutMax < electionTimeoutMin)
        return "election timeout must be a range MIN MAX with 1 <= MIN <= MAX";
    if (heartbeatInterval < 1)
        return "heartbeat must be at least 1 ms";
    if (heartbeatInterval >= electionTimeoutMin)
        return "heartbeat (" + std::to_string(heartbeatInterval) + " ms) must be shorter than the election timeout ("
            + std::to_string(electionTimeoutMin) + " ms), or followers time out while the leader is healthy (§5.6)";
    if (network.latencyMin < 1 || network.latencyMax < network.latencyMin)
        return "latency must be a range MIN MAX with 1 <= MIN <= MAX";
    if (network.loss < 0 || network.loss > 1)
        return "loss must be a probability between 0 and 1";
    if (network.duplicate < 0 || network.duplicate > 1)
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

const char *inputKindName(InputKind kind)
{
    switch (kind) {
    case InputKind::Crash: return "crash";
    case InputKind::Restart: return "restart";
    case InputKind::Pause: return "pause";
    case InputKind::Resume: return "resume";
    case InputKind::Timeout: return "timeout";
    case InputKind::Request: return "request";
    case InputKind::Partition: return "partition";
    case InputKind::Isolate: return "isolate";
    case InputKind::Cut: return "cut";
    case InputKind::Reconnect: return "reconnect";
    case InputKind::Heal: return "heal";
    case InputKind::Drop: return "drop";
    case InputKind::Deliver: return "deliver";
    case InputKind::Duplicate: return "duplicate";
    case InputKind::Hold: return "hold";
    case InputKind::SetNetwork: return "network";
    case InputKind::Say: return "say";
    case InputKind::SetTimer: return "timer";
    case InputKind::SetLink: return "link";
    case InputKind::Restore: return "restore";
    case InputKind::Transfer: return "transfer";
    }
    return "?";
}

Simulation::Simulation(const ClusterConfig &config)
    : m_config(config)
    , m_rng(mixSeed(config.seed, 0))
    , m_network(config.network, config.nodes)
    , m_servers(static_cast<std::size_t>(config.nodes))
    , m_invariants(config.nodes)
    , m_views(static_cast<std::size_t>(config.nodes))
{
    for (NodeId id = 1; id <= config.nodes; ++id) {
        Server &s = mut(id);
        s.node.emplace(nodeConfig(id, 0), s.storage, 0);
    }
}

NodeConfig Simulation::nodeConfig(NodeId id, std::uint32_t incarnation) const
{
    NodeConfig c;
    c.id = id;
    c.clusterSize = m_config.nodes;
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
    for (NodeId id = 1; id <= m_config.nodes; ++id) {
        const Node *n = node(id);
        if (n && n->role() == Role::Leader && (!best || n->term() > bestTerm)) {
            best = id;
            bestTerm = n->term();
        }
    }
    return best;
}

// --- moving time ----------------------------------------------------------------

std::optional<NodeId> Simulation::nextTimer(Time &at) const
{
    std::optional<NodeId> best;
    for (NodeId id = 1; id <= m_config.nodes; ++id) {
        const Server &s = server(id);
        if (s.status != NodeStatus::Up)
            continue; // crashed servers have no timers; paused ones are frozen
        const Time deadline = s.node->nextDeadline();
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
    for (NodeId id = 1; id <= m_config.nodes; ++id) {
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
        } else {
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

// --- user actions -----------------------------------------------------------------

void Simulation::record(const Input &input)
{
    if (m_recordInputs) {
        Input copy = input;
        copy.t = m_now;
        copy.step = m_stats.events;
        m_inputs.push_back(std::move(copy));
    }
    beginStep();
}

bool Simulation::crash(NodeId id)
{
    if (id < 1 || id > size() || !isLive(id))
        return false;
    record(Input{.kind = InputKind::Crash, .node = id});
    Server &s = mut(id);
    // Volatile state is gone; currentTerm, votedFor and the log stay on stable storage.
    s.node.reset();
    s.status = NodeStatus::Crashed;
    s.kv.clear();
    TraceEvent &e = addEvent(EventKind::NodeCrashed, id);
    e.index = s.storage.log.lastIndex();
    // Messages waiting at its door are lost with it.
    std::vector<std::uint64_t> waiting;
    m_network.forEach([&](const Envelope &env) {
        if (env.waiting && env.message.to == id)
            waiting.push_back(env.id);
    });
    std::sort(waiting.begin(), waiting.end());
    for (std::uint64_t mid : waiting)
        lose(*m_network.take(mid), Reason::DestinationCrashed);
    afterStep();
    return true;
}

bool Simulation::restart(NodeId id)
{
    if (id < 1 || id > size() || isLive(id))
        return false;
    record(Input{.kind = InputKind::Restart, .node = id});
    Server &s = mut(id);
    ++s.incarnation;
    s.node.emplace(nodeConfig(id, s.incarnation), s.storage, m_now);
    s.status = NodeStatus::Up;
    TraceEvent &e = addEvent(EventKind::NodeRestarted, id);
    e.index = s.storage.log.lastIndex();
    drain(id);
    afterStep();
    return true;
}

bool Simulation::pause(NodeId id)
{
    if (id < 1 || id > size() || status(id) != NodeStatus::Up)
        return false;
    record(Input{.kind = InputKind::Pause, .node = id});
    Server &s = mut(id);
    s.status = NodeStatus::Paused;
    s.pausedAt = m_now;
    addEvent(EventKind::NodePaused, id);
    afterStep();
    return true;
}

bool Simulation::resume(NodeId id)
{
    if (id < 1 || id > size() || status(id) != NodeStatus::Paused)
        return false;
    record(Input{.kind = InputKind::Resume, .node = id});
    Server &s = mut(id);
    s.status = NodeStatus::Up;
    // Frozen time does not count: its timers resume where they stopped.
    s.node->shiftTimers(m_now - s.pausedAt);
    m_network.unparkFor(id, m_now);
    addEvent(EventKind::NodeResumed, id);
    afterStep();
    return true;
}

bool Simulation::timeout(NodeId id)
{
    if (id < 1 || id > size() || status(id) != NodeStatus::Up || role(id) == Role::Leader)
        return false;
    record(Input{.kind = InputKind::Timeout, .node = id});
    mut(id).node->timeoutNow(m_now);
    drain(id);
    afterStep();
    return true;
}

bool Simulation::setElectionDeadline(NodeId id, Time at)
{
    if (id < 1 || id > size() || status(id) != NodeStatus::Up || role(id) == Role::Leader || at < m_now)
        return false;
    record(Input{.kind = InputKind::SetTimer, .node = id, .messageId = static_cast<std::uint64_t>(at)});
    mut(id).node->setElectionDeadline(at, m_now);
    TraceEvent &e = addEvent(EventKind::ConfigChanged, id);
    if (m_config.recordTrace)
        e.text = out().addText(nodeName(id) + "'s election timer set to fire at " + std::to_string(at) + " ms");
    afterStep();
    return true;
}

std::string Simulation::transferRefusal(NodeId target) const
{
    if (target < 1 || target > size())
        return nodeName(target) + " is not a voting member of this cluster of " + std::to_string(size());
    const std::optional<NodeId> from = leader();
    if (!from)
        return "there is no leader to hand leadership over";
    if (*from == target)
        return nodeName(target) + " already leads term " + std::to_string(term(target));
    if (status(*from) != NodeStatus::Up)
        return "the leader " + nodeName(*from) + " is paused";
    if (status(target) != NodeStatus::Up)
        return nodeName(target) + " is " + nodeStatusName(status(target)) + ": it could not campaign";
    return {};
}

bool Simulation::transfer(NodeId target)
{
    if (!transferRefusal(target).empty())
        return false;
    const NodeId from = *leader();
    record(Input{.kind = InputKind::Transfer, .node = target});
    mut(from).node->transferLeadership(target, m_now);
    drain(from);
    afterStep();
    return true;
}

ProposeResult Simulation::request(NodeId id, const std::string &command)
{
    ProposeResult result;
    if (id < 1 || id > size())
        return result;
    record(Input{.kind = InputKind::Request, .node = id, .text = command});
    Server &s = mut(id);
    if (s.status != NodeStatus::Up) {
        // The client gets no answer from a server that is down or frozen.
        TraceEvent &e = addEvent(EventKind::ClientRefused, id,
                                 s.status == NodeStatus::Crashed ? Reason::DestinationCrashed : Reason::NodePaused);
        if (m_config.recordTrace)
            e.text = out().addText(command);
        afterStep();
        return result;
    }
    result = s.node->propose(command, m_now);
    TraceEvent &e = addEvent(result.accepted ? EventKind::ClientAccepted : EventKind::ClientRefused, id,
                             result.accepted           ? Reason::None
                                 : result.transferring ? Reason::Transferring
                                                       : Reason::NotLeader);
    if (m_config.recordTrace)
        e.text = out().addText(command);
    if (result.accepted) {
        e.index = result.index;
        m_pending.emplace(result.index, PendingRequest{result.index, result.term, command});
    } else {
        e.peer = result.leaderHint;
    }
    drain(id);
    afterStep();
    return result;
}

namespace {
std::string describeGroups(const std::vector<std::vector<NodeId>> &groups)
{
    std::string out;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (g > 0)
            out += " | ";
        for (std::size_t i = 0; i < groups[g].size(); ++i)
            out += (i > 0 ? " " : "") + nodeName(groups[g][i]);
    }
    return out;
}
} // namespace

bool Simulation::partition(const std::vector<std::vector<NodeId>> &groups)
{
    for (const auto &g : groups)
        for (NodeId n : g)
            if (n < 1 || n > size())
                return false;
    record(Input{.kind = InputKind::Partition, .groups = groups});
    m_network.partition(groups);
    TraceEvent &e = addEvent(EventKind::NetworkChanged, kNoNode, Reason::Partition);
    if (m_config.recordTrace)
        e.text = out().addText(describeGroups(groups));
    afterStep();
    return true;
}

bool Simulation::isolate(NodeId id)
{
    if (id < 1 || id > size())
        return false;
    record(Input{.kind = InputKind::Isolate, .node = id});
    m_network.isolate(id);
    addEvent(EventKind::NetworkChanged, id, Reason::LinkCut).value = 2;
    afterStep();
    return true;
}

bool Simulation::cut(NodeId from, NodeId to, bool bothWays)
{
    if (from < 1 || from > size() || to < 1 || to > size() || from == to)
        return false;
    record(Input{.kind = InputKind::Cut, .node = from, .peer = to, .flag = bothWays});
    m_network.cut(from, to);
    if (bothWays)
        m_network.cut(to, from);
    TraceEvent &e = addEvent(EventKind::NetworkChanged, from, Reason::LinkCut);
    e.peer = to;
    e.value = bothWays ? 1 : 0;
    afterStep();
    return true;
}

bool Simulation::reconnect(NodeId id)
{
    if (id < 1 || id > size())
        return false;
    record(Input{.kind = InputKind::Reconnect, .node = id});
    for (NodeId other = 1; other <= size(); ++other) {
        m_network.restore(id, other);
        m_network.restore(other, id);
    }
    addEvent(EventKind::NetworkChanged, id, Reason::Healed);
    afterStep();
    return true;
}

bool Simulation::restoreLink(NodeId from, NodeId to, bool bothWays)
{
    if (from < 1 || from > size() || to < 1 || to > size() || from == to)
        return false;
    if (!m_network.isCut(from, to) && !(bothWays && m_network.isCut(to, from)))
        return false;
    record(Input{.kind = InputKind::Restore, .node = from, .peer = to, .flag = bothWays});
    m_network.restore(from, to);
    if (bothWays)
        m_network.restore(to, from);
    TraceEvent &e = addEvent(EventKind::NetworkChanged, from, Reason::Healed);
    e.peer = to;
    e.value = bothWays ? 1 : 0;
    afterStep();
    return true;
}

bool Simulation::heal()
{
    record(Input{.kind = InputKind::Heal});
    m_network.heal();
    addEvent(EventKind::NetworkChanged, kNoNode, Reason::Healed);
    afterStep();
    return true;
}

bool Simulation::dropMessage(std::uint64_t id)
{
    if (!m_network.find(id))
        return false;
    record(Input{.kind = InputKind::Drop, .messageId = id});
    lose(*m_network.take(id), Reason::UserDropped);
    afterStep();
    return true;
}

bool Simulation::deliverMessage(std::uint64_t id)
{
    const Envelope *e = m_network.find(id);
    if (!e || status(e->message.to) == NodeStatus::Paused)
        return false;
    if (m_recordInputs) {
        Input input{.kind = InputKind::Deliver, .messageId = id};
        input.t = m_now;
        input.step = m_stats.events;
        m_inputs.push_back(input);
    }
    Envelope envelope = *m_network.take(id);
    // The user carries it to the door: it arrives now, even if it was held or the
    // network had chosen to lose it; a wall in the way still stops it.
    envelope.held = false;
    envelope.waiting = false;
    envelope.doomed = false;
    envelope.deliverAt = m_now;
    deliver(std::move(envelope)); // counts the step itself
    afterStep();
    return true;
}

bool Simulation::duplicateMessage(std::uint64_t id)
{
    const Envelope *original = m_network.find(id);
    if (!original)
        return false;
    const Message m = original->message;
    record(Input{.kind = InputKind::Duplicate, .messageId = id});
    m_network.duplicateMessage(id, m_now, m_rng);
    ++m_stats.messagesSent;
    TraceEvent &e = addEvent(EventKind::MessageDuplicated, m.from, Reason::Forced);
    e.peer = m.to;
    e.value = static_cast<std::int64_t>(m.type);
    afterStep();
    return true;
}

bool Simulation::setHold(bool hold)
{
    record(Input{.kind = InputKind::Hold, .flag = hold});
    m_network.setHold(hold);
    TraceEvent &e = addEvent(EventKind::ConfigChanged, kNoNode);
    if (m_config.recordTrace)
        e.text = out().addText(hold ? "hold on" : "hold off");
    afterStep();
    return true;
}

bool Simulation::setNetworkConfig(const NetworkConfig &config)
{
    ClusterConfig check = m_config;
    check.network = config;
    if (!check.validate().empty())
        return false;
    record(Input{.kind = InputKind::SetNetwork, .network = config});
    m_network.setConfig(config);
    m_config.network = config;
    TraceEvent &e = addEvent(EventKind::ConfigChanged, kNoNode);
    if (m_config.recordTrace)
        e.text = out().addText("latency " + std::to_string(config.latencyMin) + " " + std::to_string(config.latencyMax)
                               + ", loss " + std::to_string(config.loss) + ", duplicate "
                               + std::to_string(config.duplicate));
    afterStep();
    return true;
}

bool Simulation::setLinkConditions(NodeId from, NodeId to, const std::optional<LinkConditions> &conditions)
{
    if (from < 1 || from > size() || to < 1 || to > size() || from == to)
        return false;
    if (conditions) {
        ClusterConfig check = m_config;
        check.network = *conditions;
        if (!check.validate().empty())
            return false;
    }
    Input input{.kind = InputKind::SetLink, .node = from, .peer = to, .flag = conditions.has_value()};
    if (conditions)
        input.network = *conditions;
    record(input);
    m_network.setLink(from, to, conditions);
    TraceEvent &e = addEvent(EventKind::ConfigChanged, from);
    e.peer = to;
    if (m_config.recordTrace) {
        std::string text = "link " + nodeName(from) + " -> " + nodeName(to) + ": ";
        text += conditions
            ? "latency " + std::to_string(conditions->latencyMin) + " " + std::to_string(conditions->latencyMax)
                + ", loss " + std::to_string(conditions->loss) + ", duplicate " + std::to_string(conditions->duplicate)
            : std::string("back to the network's conditions");
        e.text = out().addText(text);
    }
    afterStep();
    return true;
}

bool Simulation::say(const std::string &text)
{
    record(Input{.kind = InputKind::Say, .text = text});
    TraceEvent &e = addEvent(EventKind::Narration, kNoNode);
    if (m_config.recordTrace)
        e.text = out().addText(text);
    afterStep();
    return true;
}

bool Simulation::apply(const Input &input)
{
    switch (input.kind) {
    case InputKind::Crash: return crash(input.node);
    case InputKind::Restart: return restart(input.node);
    case InputKind::Pause: return pause(input.node);
    case InputKind::Resume: return resume(input.node);
    case InputKind::Timeout: return timeout(input.node);
    case InputKind::Request: request(input.node, input.text); return true;
    case InputKind::Partition: return partition(input.groups);
    case InputKind::Isolate: return isolate(input.node);
    case InputKind::Cut: return cut(input.node, input.peer, input.flag);
    case InputKind::Reconnect: return reconnect(input.node);
    case InputKind::Restore: return restoreLink(input.node, input.peer, input.flag);
    case InputKind::Transfer: return transfer(input.node);
    case InputKind::Heal: return heal();
    case InputKind::Drop: return dropMessage(input.messageId);
    case InputKind::Deliver: return deliverMessage(input.messageId);
    case InputKind::Duplicate: return duplicateMessage(input.messageId);
    case InputKind::Hold: return setHold(input.flag);
    case InputKind::SetNetwork: return setNetworkConfig(input.network);
    case InputKind::Say: return say(input.text);
    case InputKind::SetTimer: return setElectionDeadline(input.node, static_cast<Time>(input.messageId));
    case InputKind::SetLink:
        return setLinkConditions(input.node, input.peer,
                                 input.flag ? std::optional<LinkConditions>(input.network) : std::nullopt);
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
