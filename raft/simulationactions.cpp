// The user actions of Simulation: whether each is possible now (check), and what it
// does (perform). apply() joins them: a refused action changes nothing and records
// nothing; a done one is recorded as an Input at now() and counts as one step.

#include "simulation.h"

#include "bounds.h"

#include <algorithm>

namespace raft {

namespace {

template <class... F> struct Overloaded : F... {
    using F::operator()...;
};
template <class... F> Overloaded(F...) -> Overloaded<F...>;

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

std::string conditionsText(const NetworkConfig &c)
{
    return "latency " + formatMs(c.latencyMin) + " " + formatMs(c.latencyMax) + ", loss "
        + std::to_string(c.loss) + ", duplicate " + std::to_string(c.duplicate);
}

} // namespace

// --- check ------------------------------------------------------------------------

ActionResult Simulation::check(const Action &action) const
{
    if (std::optional<Refusal> refusal = refusalFor(action))
        return ActionResult::refused(*refusal);
    return {};
}

std::optional<Refusal> Simulation::refusalFor(const Action &action) const
{
    const InputKind kind = kindOf(action);
    const auto refuse = [kind](RefusalReason reason, NodeId node = kNoNode, NodeId peer = kNoNode,
                               std::uint64_t message = 0) {
        return std::optional<Refusal>(Refusal{reason, kind, node, peer, message});
    };
    const auto exists = [this](NodeId id) { return id >= 1 && id <= size(); };
    // A server's own state, for the actions that need it up.
    const auto mustBeUp = [&](NodeId id) -> std::optional<Refusal> {
        if (!exists(id))
            return refuse(RefusalReason::NoSuchServer, id);
        if (status(id) == NodeStatus::Crashed)
            return refuse(RefusalReason::CrashedNotUp, id);
        if (status(id) == NodeStatus::Paused)
            return refuse(RefusalReason::PausedNotUp, id);
        return std::nullopt;
    };
    const auto link = [&](NodeId from, NodeId to) -> std::optional<Refusal> {
        if (!exists(from))
            return refuse(RefusalReason::NoSuchServer, from);
        if (!exists(to))
            return refuse(RefusalReason::NoSuchServer, to);
        if (from == to)
            return refuse(RefusalReason::SameServer, from, to);
        return std::nullopt;
    };
    const auto conditionsOk = [this](const NetworkConfig &conditions) {
        ClusterConfig c = m_config;
        c.network = conditions;
        return c.validate().empty();
    };
    const auto message = [&](std::uint64_t id) -> std::optional<Refusal> {
        if (!m_network.find(id))
            return refuse(RefusalReason::NoSuchMessage, kNoNode, kNoNode, id);
        return std::nullopt;
    };
    const auto oneServer = [&](NodeId id) -> std::optional<Refusal> {
        if (!exists(id))
            return refuse(RefusalReason::NoSuchServer, id);
        return std::nullopt;
    };

    return std::visit(
        Overloaded{
            [&](const act::Crash &a) -> std::optional<Refusal> {
                if (!exists(a.node))
                    return refuse(RefusalReason::NoSuchServer, a.node);
                if (!isLive(a.node))
                    return refuse(RefusalReason::AlreadyCrashed, a.node);
                return std::nullopt;
            },
            [&](const act::Restart &a) -> std::optional<Refusal> {
                if (!exists(a.node))
                    return refuse(RefusalReason::NoSuchServer, a.node);
                if (status(a.node) == NodeStatus::Up)
                    return refuse(RefusalReason::UpNotCrashed, a.node);
                if (status(a.node) == NodeStatus::Paused)
                    return refuse(RefusalReason::PausedNotCrashed, a.node);
                return std::nullopt;
            },
            [&](const act::Pause &a) { return mustBeUp(a.node); },
            [&](const act::Resume &a) -> std::optional<Refusal> {
                if (!exists(a.node))
                    return refuse(RefusalReason::NoSuchServer, a.node);
                if (status(a.node) == NodeStatus::Up)
                    return refuse(RefusalReason::UpNotPaused, a.node);
                if (status(a.node) == NodeStatus::Crashed)
                    return refuse(RefusalReason::CrashedNotPaused, a.node);
                return std::nullopt;
            },
            [&](const act::Timeout &a) -> std::optional<Refusal> {
                if (auto r = mustBeUp(a.node))
                    return r;
                if (role(a.node) == Role::Leader)
                    return refuse(RefusalReason::IsLeader, a.node);
                return std::nullopt;
            },
            [&](const act::SetTimer &a) -> std::optional<Refusal> {
                if (auto r = mustBeUp(a.node))
                    return r;
                if (role(a.node) == Role::Leader)
                    return refuse(RefusalReason::IsLeader, a.node);
                if (a.at < m_now)
                    return refuse(RefusalReason::TimeInPast, a.node);
                return std::nullopt;
            },
            // The client's request always goes out; a server that is down simply
            // does not answer (the trace says so).
            [&](const act::Request &a) -> std::optional<Refusal> {
                if (Configuration::isConfigCommand(a.command))
                    return refuse(RefusalReason::ReservedCommand, a.node);
                return oneServer(a.node);
            },
            [&](const act::Read &a) { return oneServer(a.node); },
            [&](const act::Partition &a) -> std::optional<Refusal> {
                for (const auto &group : a.groups)
                    for (NodeId n : group)
                        if (!exists(n))
                            return refuse(RefusalReason::NoSuchServer, n);
                return std::nullopt;
            },
            [&](const act::Isolate &a) { return oneServer(a.node); },
            [&](const act::Reconnect &a) { return oneServer(a.node); },
            [&](const act::Cut &a) { return link(a.from, a.to); },
            [&](const act::Restore &a) -> std::optional<Refusal> {
                if (auto r = link(a.from, a.to))
                    return r;
                if (!m_network.isCut(a.from, a.to) && !(a.bothWays && m_network.isCut(a.to, a.from)))
                    return refuse(RefusalReason::LinkNotCut, a.from, a.to);
                return std::nullopt;
            },
            [&](const act::SetLink &a) -> std::optional<Refusal> {
                if (auto r = link(a.from, a.to))
                    return r;
                if (a.conditions && !conditionsOk(*a.conditions))
                    return refuse(RefusalReason::BadConditions, a.from, a.to);
                return std::nullopt;
            },
            [&](const act::SetNetwork &a) -> std::optional<Refusal> {
                if (!conditionsOk(a.network))
                    return refuse(RefusalReason::BadConditions);
                return std::nullopt;
            },
            [&](const act::Drop &a) { return message(a.message); },
            [&](const act::Duplicate &a) { return message(a.message); },
            [&](const act::Deliver &a) -> std::optional<Refusal> {
                if (auto r = message(a.message))
                    return r;
                const NodeId to = m_network.find(a.message)->message.to;
                if (status(to) == NodeStatus::Paused)
                    return refuse(RefusalReason::DestinationPaused, to, kNoNode, a.message);
                return std::nullopt;
            },
            // §3.10: the leader hands over to a server that is up and could campaign.
            [&](const act::Transfer &a) -> std::optional<Refusal> {
                if (!exists(a.node))
                    return refuse(RefusalReason::NoSuchServer, a.node);
                const std::optional<NodeId> from = leader();
                if (!from)
                    return refuse(RefusalReason::NoLeader, a.node);
                if (*from == a.node)
                    return refuse(RefusalReason::AlreadyLeads, a.node);
                if (auto r = mustBeUp(*from))
                    return r;
                return mustBeUp(a.node);
            },
            // §7: a server snapshots what it has applied, and only ahead of its snapshot.
            [&](const act::Snapshot &a) -> std::optional<Refusal> {
                if (auto r = mustBeUp(a.node))
                    return r;
                const Node &n = *node(a.node);
                if (n.lastApplied() <= n.snapshot().index)
                    return refuse(RefusalReason::NothingToSnapshot, a.node);
                return std::nullopt;
            },
            [&](const act::AutoClient &a) -> std::optional<Refusal> {
                if (a.every < 0 || (a.every > 0 && a.every < kMinClientInterval) || a.every > kMaxDelay)
                    return refuse(RefusalReason::BadInterval);
                return std::nullopt;
            },
            [&](const act::AddServer &a) -> std::optional<Refusal> {
                // The next machine may be new: the world grows by one (up to S9).
                if (!exists(a.node) && !(a.node == size() + 1 && a.node <= kMaxNodes))
                    return refuse(RefusalReason::NoSuchServer, a.node);
                const std::optional<NodeId> from = leader();
                if (from && node(*from)->configuration().isVoter(a.node))
                    return refuse(RefusalReason::AlreadyMember, a.node);
                std::vector<NodeId> voters = from ? node(*from)->configuration().voters : std::vector<NodeId>{};
                voters.insert(std::lower_bound(voters.begin(), voters.end(), a.node), a.node);
                return membershipRefusal(kind, voters);
            },
            [&](const act::RemoveServer &a) -> std::optional<Refusal> {
                if (!exists(a.node))
                    return refuse(RefusalReason::NoSuchServer, a.node);
                const std::optional<NodeId> from = leader();
                if (from && !node(*from)->configuration().isVoter(a.node))
                    return refuse(RefusalReason::NotMember, a.node);
                std::vector<NodeId> voters = from ? node(*from)->configuration().voters : std::vector<NodeId>{};
                voters.erase(std::remove(voters.begin(), voters.end(), a.node), voters.end());
                if (from && voters.empty())
                    return refuse(RefusalReason::NoVoters, a.node);
                return membershipRefusal(kind, voters);
            },
            [&](const act::Reconfigure &a) -> std::optional<Refusal> {
                for (NodeId n : a.voters)
                    if (!exists(n))
                        return refuse(RefusalReason::NoSuchServer, n);
                if (a.voters.empty())
                    return refuse(RefusalReason::NoVoters);
                return membershipRefusal(kind, a.voters);
            },
            [](const act::Heal &) { return std::optional<Refusal>(); },
            [](const act::Hold &) { return std::optional<Refusal>(); },
            [](const act::Say &) { return std::optional<Refusal>(); },
        },
        action);
}

std::optional<Refusal> Simulation::membershipRefusal(InputKind kind, const std::vector<NodeId> &voters) const
{
    // The client asks the leader (§6); the leader's own rules decide.
    const std::optional<NodeId> from = leader();
    if (!from || status(*from) != NodeStatus::Up)
        return Refusal{RefusalReason::NoLeaderToChange, kind};
    switch (node(*from)->checkChange(voters)) {
    case ChangeRefusal::None: return std::nullopt;
    case ChangeRefusal::NotLeader: return Refusal{RefusalReason::NoLeaderToChange, kind};
    case ChangeRefusal::ChangePending: return Refusal{RefusalReason::ChangePending, kind, *from};
    case ChangeRefusal::NoCommitInTerm: return Refusal{RefusalReason::NoCommitInTerm, kind, *from};
    case ChangeRefusal::NoVoters: return Refusal{RefusalReason::NoVoters, kind, *from};
    case ChangeRefusal::NothingToChange: return Refusal{RefusalReason::SameConfiguration, kind};
    }
    return std::nullopt;
}

// --- apply ------------------------------------------------------------------------

ActionResult Simulation::apply(const Action &action)
{
    if (std::optional<Refusal> refusal = refusalFor(action))
        return ActionResult::refused(*refusal);
    ActionResult result;
    // A delivery counts its own step (deliver() does); every other action is one.
    record(action, !std::holds_alternative<act::Deliver>(action));
    std::visit(
        [&](const auto &a) {
            if constexpr (std::is_same_v<std::decay_t<decltype(a)>, act::Request>)
                result.proposal = perform(a);
            else
                perform(a);
        },
        action);
    afterStep();
    return result;
}

void Simulation::record(const Action &action, bool beginsStep)
{
    if (m_recordInputs)
        m_inputs.push_back(Input{m_now, m_stats.events, action});
    if (beginsStep)
        beginStep();
}

// --- perform ----------------------------------------------------------------------

void Simulation::perform(const act::Crash &a)
{
    Server &s = mut(a.node);
    // Volatile state is gone; currentTerm, votedFor and the log stay on stable storage.
    s.node.reset();
    s.status = NodeStatus::Crashed;
    s.kv.clear();
    // Reads it was working on die with it: their clients get no answer.
    for (ReadRecord &read : m_reads)
        if (read.node == a.node && read.why == "pending")
            failRead(read.id, "server crashed");
    TraceEvent &e = addEvent(EventKind::NodeCrashed, a.node);
    e.index = s.storage.log.lastIndex();
    // Messages waiting at its door are lost with it.
    std::vector<std::uint64_t> waiting;
    m_network.forEach([&](const Envelope &env) {
        if (env.waiting && env.message.to == a.node)
            waiting.push_back(env.id);
    });
    std::sort(waiting.begin(), waiting.end());
    for (std::uint64_t mid : waiting)
        lose(*m_network.take(mid), Reason::DestinationCrashed);
}

void Simulation::perform(const act::Restart &a)
{
    Server &s = mut(a.node);
    ++s.incarnation;
    s.node.emplace(nodeConfig(a.node, s.incarnation), s.storage, m_now);
    s.status = NodeStatus::Up;
    // §7: the state machine starts from the snapshot on stable storage (empty if none).
    if (!s.kv.decode(s.storage.snapshot.data))
        s.kv.clear();
    TraceEvent &e = addEvent(EventKind::NodeRestarted, a.node);
    e.index = s.storage.log.lastIndex();
    e.index2 = s.storage.snapshot.index;
    drain(a.node);
}

void Simulation::perform(const act::Pause &a)
{
    Server &s = mut(a.node);
    s.status = NodeStatus::Paused;
    s.pausedAt = m_now;
    addEvent(EventKind::NodePaused, a.node);
}

void Simulation::perform(const act::Resume &a)
{
    Server &s = mut(a.node);
    s.status = NodeStatus::Up;
    // Frozen time does not count: its timers resume where they stopped.
    s.node->shiftTimers(m_now - s.pausedAt);
    m_network.unparkFor(a.node, m_now);
    addEvent(EventKind::NodeResumed, a.node);
}

void Simulation::perform(const act::Timeout &a)
{
    mut(a.node).node->timeoutNow(m_now);
    drain(a.node);
}

void Simulation::perform(const act::Transfer &a)
{
    const NodeId from = *leader();
    mut(from).node->transferLeadership(a.node, m_now);
    drain(from);
}

void Simulation::perform(const act::Snapshot &a)
{
    takeSnapshot(a.node, true);
}

void Simulation::changeMembership(const std::vector<NodeId> &voters, bool joint)
{
    // A removed server takes entries still: the leader catches it up like any other.
    const NodeId from = *leader();
    const ChangeRefusal refusal = mut(from).node->changeMembership(voters, joint, m_now);
    (void)refusal; // check() accepted it
    drain(from);
}

void Simulation::addMachine(NodeId near)
{
    const NodeId id = static_cast<NodeId>(size() + 1);
    m_servers.emplace_back();
    m_views.emplace_back();
    m_dirty.bits = DirtySet::kAll; // the servers may have moved: every view is rebuilt
    m_network.addNode(m_network.groupOf(near));
    m_invariants.grow(size());
    Server &s = mut(id);
    s.node.emplace(nodeConfig(id, 0), s.storage, m_now);
    s.kv.setSessions(m_config.sessions);
}

void Simulation::perform(const act::AddServer &a)
{
    if (a.node > size())
        addMachine(*leader());
    std::vector<NodeId> voters = node(*leader())->configuration().voters;
    voters.insert(std::lower_bound(voters.begin(), voters.end(), a.node), a.node);
    changeMembership(voters, false);
}

void Simulation::perform(const act::RemoveServer &a)
{
    std::vector<NodeId> voters = node(*leader())->configuration().voters;
    voters.erase(std::remove(voters.begin(), voters.end(), a.node), voters.end());
    changeMembership(voters, false);
}

void Simulation::perform(const act::Reconfigure &a)
{
    changeMembership(a.voters, true);
}

void Simulation::perform(const act::SetTimer &a)
{
    mut(a.node).node->setElectionDeadline(a.at, m_now);
    TraceEvent &e = addEvent(EventKind::ConfigChanged, a.node);
    if (m_config.recordTrace)
        e.text = out().addText(nodeName(a.node) + "'s election timer set to fire at " + formatMs(a.at) + " ms");
}

ProposeResult Simulation::perform(const act::Request &a)
{
    ++m_clientRequests;
    // A session request carries its client and number in the command (§6.3).
    const std::string command = a.client != 0
        ? "c" + std::to_string(a.client) + "#" + std::to_string(a.seq) + " " + a.command
        : a.command;
    // The client's view of the write, for the read checker (§6.4): it took effect
    // at some instant after now, or never, until an answer says which. A counter
    // (incr) is not a register: reads of its key are not checked.
    std::size_t op = 0;
    if (std::optional<KvOperation> write = KvStore::writeOf(command)) {
        write->client = static_cast<int>(m_ops.size()) + 1;
        write->invoke = m_now;
        write->outcome = KvOperation::Outcome::Unknown;
        m_ops.push_back(std::move(*write));
        op = m_ops.size();
    } else if (const std::string key = KvStore::keyOf(command); !key.empty()) {
        if (std::find(m_unlinearizable.begin(), m_unlinearizable.end(), key) == m_unlinearizable.end())
            m_unlinearizable.push_back(key);
    }
    std::size_t call = 0;
    if (a.client != 0) {
        ClientCall &c = m_calls.emplace_back();
        c.client = a.client;
        c.seq = a.seq;
        c.command = command;
        c.target = a.node;
        c.deadline = m_now + kClientRetry;
        c.op = op;
        call = m_calls.size();
    }
    const ProposeResult result = send(a.node, command, op, call);
    if (!result.accepted && op != 0 && call == 0)
        m_ops.mutate(op - 1).outcome = KvOperation::Outcome::Failed; // never in any log
    return result;
}

ProposeResult Simulation::send(NodeId id, const std::string &command, std::size_t op, std::size_t call)
{
    Server &s = mut(id);
    if (s.status != NodeStatus::Up) {
        // The client gets no answer from a server that is down or frozen.
        TraceEvent &e = addEvent(EventKind::ClientRefused, id,
                                 s.status == NodeStatus::Crashed ? Reason::DestinationCrashed : Reason::NodePaused);
        if (m_config.recordTrace)
            e.text = out().addText(command);
        return {};
    }
    const ProposeResult result = s.node->propose(command, m_now);
    TraceEvent &e = addEvent(result.accepted ? EventKind::ClientAccepted : EventKind::ClientRefused, id,
                             result.accepted           ? Reason::None
                                 : result.transferring ? Reason::Transferring
                                                       : Reason::NotLeader);
    if (m_config.recordTrace)
        e.text = out().addText(command);
    if (result.accepted) {
        e.index = result.index;
        PendingRequest pending{result.index, result.term, command, op, call};
        // A stale leader may append at an index the others committed long ago, and
        // even compacted into snapshots (§7): the entry there is another, so this
        // request will be reported lost.
        for (const Server &other : m_servers) {
            if (other.node && other.node->commitIndex() >= result.index) {
                const Log &log = other.node->log();
                pending.committedTerm = log.has(result.index) ? log.termAt(result.index) : kAnotherEntry;
                break;
            }
        }
        m_pending.emplace(result.index, std::move(pending));
    } else {
        e.peer = result.leaderHint;
        if (call != 0 && result.leaderHint != kNoNode && result.leaderHint != id) {
            // The client learns of the leader and goes there next, after a short pause
            // (a hint may be stale: the pause keeps a chase of old hints in time).
            ClientCall &c = m_calls[call - 1];
            c.hint = result.leaderHint;
            c.deadline = std::min(c.deadline, m_now + kClientHintPause);
        }
    }
    drain(id);
    return result;
}

void Simulation::retry(std::size_t index)
{
    ClientCall &call = m_calls[index - 1];
    // §6.3: no answer within the timeout: the client sends the same request (same
    // client, same number) again, to the leader it learned of, else to the next server.
    // (Every machine may be a member: servers past the first configuration too, §6.)
    const NodeId to = call.hint != kNoNode ? call.hint : static_cast<NodeId>(call.target % size() + 1);
    call.target = to;
    call.hint = kNoNode;
    call.deadline = m_now + kClientRetry;
    ++call.attempts;
    TraceEvent &e = addEvent(EventKind::ClientRetried, to);
    e.value = call.client;
    e.index = call.seq;
    e.index2 = static_cast<Index>(call.attempts);
    const std::string command = call.command;
    if (m_config.recordTrace)
        e.text = out().addText(command);
    (void)send(to, command, call.op, index);
}

void Simulation::sendClientRequest(Time at)
{
    // nextClientTime() said a leader is up; the one after comes an interval later.
    m_clientAt = at + m_config.autoClient;
    (void)perform(act::Request{*leader(), nextClientCommand()});
}

void Simulation::perform(const act::AutoClient &a)
{
    m_config.autoClient = a.every;
    // The first request one interval from now, not a burst for the time it was off.
    m_clientAt = a.every > 0 ? m_now + a.every : 0;
    TraceEvent &e = addEvent(EventKind::ConfigChanged, kNoNode);
    if (m_config.recordTrace)
        e.text = out().addText(a.every > 0 ? "automatic client: a request to the leader every "
                                       + formatMs(a.every) + " ms"
                                           : std::string("automatic client off"));
}

void Simulation::perform(const act::Partition &a)
{
    m_network.partition(a.groups);
    TraceEvent &e = addEvent(EventKind::NetworkChanged, kNoNode, Reason::Partition);
    if (m_config.recordTrace)
        e.text = out().addText(describeGroups(a.groups));
}

void Simulation::perform(const act::Isolate &a)
{
    m_network.isolate(a.node);
    addEvent(EventKind::NetworkChanged, a.node, Reason::LinkCut).value = 2;
}

void Simulation::perform(const act::Cut &a)
{
    m_network.cut(a.from, a.to);
    if (a.bothWays)
        m_network.cut(a.to, a.from);
    TraceEvent &e = addEvent(EventKind::NetworkChanged, a.from, Reason::LinkCut);
    e.peer = a.to;
    e.value = a.bothWays ? 1 : 0;
}

void Simulation::perform(const act::Reconnect &a)
{
    for (NodeId other = 1; other <= size(); ++other) {
        m_network.restore(a.node, other);
        m_network.restore(other, a.node);
    }
    addEvent(EventKind::NetworkChanged, a.node, Reason::Healed);
}

void Simulation::perform(const act::Restore &a)
{
    m_network.restore(a.from, a.to);
    if (a.bothWays)
        m_network.restore(a.to, a.from);
    TraceEvent &e = addEvent(EventKind::NetworkChanged, a.from, Reason::Healed);
    e.peer = a.to;
    e.value = a.bothWays ? 1 : 0;
}

void Simulation::perform(const act::Heal &)
{
    m_network.heal();
    addEvent(EventKind::NetworkChanged, kNoNode, Reason::Healed);
}

void Simulation::perform(const act::Drop &a)
{
    lose(*m_network.take(a.message), Reason::UserDropped);
}

void Simulation::perform(const act::Deliver &a)
{
    Envelope envelope = *m_network.take(a.message);
    // The user carries it to the door: it arrives now, even if it was held or the
    // network had chosen to lose it; a wall in the way still stops it.
    envelope.held = false;
    envelope.waiting = false;
    envelope.doomed = false;
    envelope.deliverAt = m_now;
    deliver(std::move(envelope)); // counts the step itself
}

void Simulation::perform(const act::Duplicate &a)
{
    const Message m = m_network.find(a.message)->message;
    if (const std::uint64_t copy = m_network.duplicateMessage(a.message, m_now, m_rng); copy != 0)
        recordSent(copy, copy + 1, a.message);
    ++m_stats.messagesSent;
    TraceEvent &e = addEvent(EventKind::MessageDuplicated, m.from, Reason::Forced);
    e.peer = m.to;
    e.value = static_cast<std::int64_t>(m.type);
}

void Simulation::perform(const act::Hold &a)
{
    m_network.setHold(a.on);
    TraceEvent &e = addEvent(EventKind::ConfigChanged, kNoNode);
    if (m_config.recordTrace)
        e.text = out().addText(a.on ? "hold on" : "hold off");
}

void Simulation::perform(const act::SetNetwork &a)
{
    m_network.setConfig(a.network);
    m_config.network = a.network;
    TraceEvent &e = addEvent(EventKind::ConfigChanged, kNoNode);
    if (m_config.recordTrace)
        e.text = out().addText(conditionsText(a.network));
}

void Simulation::perform(const act::SetLink &a)
{
    m_network.setLink(a.from, a.to, a.conditions);
    TraceEvent &e = addEvent(EventKind::ConfigChanged, a.from);
    e.peer = a.to;
    if (m_config.recordTrace) {
        const std::string text = "link " + nodeName(a.from) + " -> " + nodeName(a.to) + ": "
            + (a.conditions ? conditionsText(*a.conditions) : std::string("back to the network's conditions"));
        e.text = out().addText(text);
    }
}

void Simulation::perform(const act::Say &a)
{
    TraceEvent &e = addEvent(EventKind::Narration, kNoNode);
    if (m_config.recordTrace)
        e.text = out().addText(a.text);
}

} // namespace raft

namespace raft {

// --- reads (dissertation §6.4) ------------------------------------------------------

void Simulation::perform(const act::Read &a)
{
    ReadRecord &read = m_reads.emplace_back();
    read.id = m_reads.size();
    read.node = a.node;
    read.key = a.key;
    read.issuedAt = m_now;
    read.why = "pending";
    KvOperation op;
    op.client = static_cast<int>(m_ops.size()) + 1;
    op.kind = KvOperation::Kind::Get;
    op.key = a.key;
    op.invoke = m_now;
    op.outcome = KvOperation::Outcome::Unknown;
    m_ops.push_back(std::move(op));
    m_readOp.push_back(m_ops.size());
    const std::uint64_t id = read.id;

    Server &s = mut(a.node);
    if (s.status != NodeStatus::Up) {
        TraceEvent &e = addEvent(EventKind::ReadRefused, a.node,
                                 s.status == NodeStatus::Crashed ? Reason::DestinationCrashed : Reason::NodePaused);
        e.value = static_cast<std::int64_t>(id);
        failRead(id, s.status == NodeStatus::Crashed ? "server down" : "server paused");
        return;
    }
    if (m_config.reads == ReadMode::Local) {
        // Teaching mode: the server answers from its own state machine at once,
        // whatever it knows of the leader: a deposed leader or a lagging follower
        // answers stale values.
        answerRead(id, a.node, Reason::Forced);
        return;
    }
    const ReadResult result = s.node->read(id, m_now);
    if (!result.accepted)
        failRead(id,
                 result.leaderHint != kNoNode ? "not the leader; try " + nodeName(result.leaderHint)
                                              : "not the leader; no leader known");
    drain(a.node);
}

void Simulation::answerRead(std::uint64_t id, NodeId node, Reason why)
{
    ReadRecord &read = m_reads[id - 1];
    const Server &s = server(node);
    const std::string *value = s.kv.value(read.key);
    read.value = value ? std::optional<std::string>(*value) : std::nullopt;
    read.answeredAt = m_now;
    read.why = why == Reason::Forced ? "answered locally (may be stale)" : "answered";
    KvOperation &op = m_ops.mutate(m_readOp[id - 1] - 1);
    op.outcome = KvOperation::Outcome::Ok;
    op.complete = m_now;
    op.found = value != nullptr;
    op.value = value ? *value : std::string();
    TraceEvent &e = addEvent(EventKind::ReadAnswered, node, why);
    e.value = static_cast<std::int64_t>(id);
    e.index = s.node ? s.node->lastApplied() : 0;
    if (m_config.recordTrace)
        e.text = out().addText(read.key + "=" + (value ? *value : std::string("<none>")));
    if (m_config.checkInvariants)
        checkReads(read.key, read);
}

void Simulation::failRead(std::uint64_t id, std::string why)
{
    m_reads[id - 1].why = std::move(why);
    m_ops.mutate(m_readOp[id - 1] - 1).outcome = KvOperation::Outcome::Failed;
}

void Simulation::checkReads(const std::string &key, const ReadRecord &read)
{
    if (std::find(m_unlinearizable.begin(), m_unlinearizable.end(), key) != m_unlinearizable.end())
        return; // reported once; its history stays broken
    std::vector<KvOperation> history;
    for (const KvOperation &op : m_ops)
        if (op.key == key)
            history.push_back(op);
    const LinearizabilityResult result = checkLinearizable(history, 200'000);
    if (result.linearizable)
        return;
    m_unlinearizable.push_back(key);
    // Name the write the read missed: the latest one answered before the read began.
    const KvOperation *missed = nullptr;
    for (const KvOperation &op : history)
        if (op.kind != KvOperation::Kind::Get && op.outcome == KvOperation::Outcome::Ok && op.complete < read.issuedAt
            && (!missed || op.complete > missed->complete))
            missed = &op;
    const std::string got = read.value ? "\"" + *read.value + "\"" : std::string("nothing");
    std::string detail = nodeName(read.node) + " answered read #" + std::to_string(read.id) + " of " + key + " with "
        + got;
    if (missed)
        detail += ", but " + key + (missed->kind == KvOperation::Kind::Put ? "=\"" + missed->value + "\"" : " deleted")
            + " was written and answered at t=" + formatMs(missed->complete)
            + "ms, before the read began at t=" + formatMs(read.issuedAt) + "ms (a stale read)";
    else
        detail += ": " + result.explanation;
    addViolation(makeFinding("Linearizable reads", "§6.4", detail, {read.node}));
}

} // namespace raft
