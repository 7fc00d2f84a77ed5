#include "mirror.h"

#include <algorithm>

namespace raft {

Mirror::Mirror(History &history)
    : m_history(history)
{
    Simulation &s = sim();
    s.setChecking(false);
    s.setRecordInputs(false);
    // Servers start unknown: crashed with empty storage until their first report.
    for (NodeId id = 1; id <= s.size(); ++id) {
        Server &srv = server(id);
        srv.node.reset();
        srv.status = NodeStatus::Crashed;
    }
}

Simulation &Mirror::sim()
{
    return m_history.m_sim;
}

Server &Mirror::server(NodeId id)
{
    return sim().mut(id);
}

NodeConfig Mirror::nodeConfig(NodeId id) const
{
    return simulation().nodeConfig(id, simulation().server(id).incarnation);
}

Node &Mirror::node(NodeId id)
{
    Server &s = server(id);
    if (!s.node)
        s.node.emplace(nodeConfig(id), s.storage, simulation().now());
    return *s.node;
}

void Mirror::setClock(Time t)
{
    Simulation &s = sim();
    if (t <= s.m_now)
        return;
    s.m_now = t;
    m_history.m_frontierTime = t;
}

// --- servers ---------------------------------------------------------------------

void Mirror::setStatus(NodeId id, NodeStatus status)
{
    Server &s = server(id);
    if (s.status == status)
        return;
    if (status == NodeStatus::Crashed) {
        if (s.node)
            s.storage = s.node->persistentState();
        s.node.reset();
        s.kv.clear();
    } else if (s.status == NodeStatus::Crashed) {
        ++s.incarnation;
        s.node.emplace(nodeConfig(id), s.storage, simulation().now());
        s.kv.clear();
    }
    if (status == NodeStatus::Paused)
        s.pausedAt = simulation().now();
    s.status = status;
}

void Mirror::setServer(NodeId id, const MirrorServer &state)
{
    setStatus(id, state.status);
    Server &s = server(id);
    s.storage.currentTerm = state.term;
    s.storage.votedFor = state.votedFor;
    if (!s.node)
        return;
    Node &n = *s.node;
    if (n.m_role != state.role || n.m_state.currentTerm != state.term)
        std::fill(n.m_progress.begin(), n.m_progress.end(), Progress{});
    n.m_role = state.role;
    n.m_state.currentTerm = state.term;
    n.m_state.votedFor = state.votedFor;
    n.m_leader = state.leader;
    n.m_commitIndex = std::min(state.commitIndex, n.m_state.log.lastIndex());
    // The state machine follows lastApplied over the entries the mirror knows.
    const Index applyTo = std::min(state.lastApplied, n.m_state.log.lastIndex());
    if (applyTo < n.m_lastApplied) {
        s.kv.clear();
        n.m_lastApplied = 0;
    }
    for (Index i = n.m_lastApplied + 1; i <= applyTo; ++i)
        s.kv.apply(n.m_state.log.at(i).command);
    n.m_lastApplied = applyTo;
}

void Mirror::setLog(NodeId id, Index from, const std::vector<Entry> &entries, Index lastIndex)
{
    Server &s = server(id);
    Log &log = s.node ? s.node->m_state.log : s.storage.log;
    from = std::max<Index>(from, 1);
    // Keep what is known before `from`; the new entries replace everything after.
    Index keep = std::min(log.lastIndex(), from - 1);
    // Entries already there and equal stay (their chunks stay shared).
    std::size_t first = 0;
    while (first < entries.size() && keep + 1 <= log.lastIndex() && keep + 1 == from + first
           && log.at(keep + 1) == entries[first]) {
        ++keep;
        ++first;
    }
    if (keep + 1 != from + first)
        first = entries.size(); // a gap: the entries do not join the known log
    log.truncateAfter(std::min(keep, lastIndex));
    for (std::size_t i = first; i < entries.size() && log.lastIndex() < lastIndex; ++i)
        log.append(entries[i]);
    if (s.node) {
        Node &n = *s.node;
        n.m_commitIndex = std::min(n.m_commitIndex, log.lastIndex());
        if (n.m_lastApplied > log.lastIndex()) {
            s.kv.clear();
            n.m_lastApplied = 0;
        }
        s.storage.log = log;
    }
}

void Mirror::setElectionTimer(NodeId id, Time deadline, Time timeout)
{
    if (!server(id).node)
        return;
    Node &n = node(id);
    n.m_electionDeadline = deadline;
    n.m_electionTimeout = timeout;
    n.m_heartbeatDeadline = deadline;
}

void Mirror::setVote(NodeId candidate, NodeId voter, VoteState vote)
{
    if (!server(candidate).node || voter < 1 || voter > sim().size())
        return;
    node(candidate).m_progress[static_cast<std::size_t>(voter - 1)].vote = vote;
}

void Mirror::clearVotes(NodeId candidate)
{
    if (!server(candidate).node)
        return;
    for (Progress &p : node(candidate).m_progress)
        p.vote = VoteState::None;
}

void Mirror::setMatch(NodeId leader, NodeId follower, Index matchIndex)
{
    if (!server(leader).node || follower < 1 || follower > sim().size())
        return;
    Progress &p = node(leader).m_progress[static_cast<std::size_t>(follower - 1)];
    p.matchIndex = matchIndex;
    p.nextIndex = matchIndex + 1;
}

// --- messages --------------------------------------------------------------------

std::uint64_t Mirror::send(const Message &message, Time sentAt, Time deliverAt)
{
    Network &net = sim().m_network;
    Envelope e;
    e.id = net.m_nextId++;
    e.message = message;
    e.sentAt = sentAt;
    e.deliverAt = std::max(deliverAt, sentAt + 1);
    ++sim().m_stats.messagesSent;
    return place(std::move(e));
}

std::uint64_t Mirror::place(Envelope envelope)
{
    // Network::insert without scheduling: nothing ever runs the mirrored network, so
    // its delivery queue would only grow.
    Network &net = sim().m_network;
    std::uint32_t slot = 0;
    if (!net.m_free.empty()) {
        slot = net.m_free.back();
        net.m_free.pop_back();
    } else {
        slot = static_cast<std::uint32_t>(net.m_slots.size());
        net.m_slots.emplace_back();
    }
    net.m_slots[slot].envelope = std::move(envelope);
    net.m_slots[slot].alive = true;
    ++net.m_live;
    return net.m_slots[slot].envelope.id;
}

bool Mirror::reschedule(std::uint64_t id, Time deliverAt, bool waiting)
{
    Network &net = sim().m_network;
    std::optional<Envelope> e = net.take(id);
    if (!e)
        return false;
    e->deliverAt = std::max(deliverAt, e->sentAt + 1);
    e->waiting = waiting;
    place(std::move(*e));
    return true;
}

bool Mirror::arrive(std::uint64_t id)
{
    if (!sim().m_network.take(id))
        return false;
    ++sim().m_stats.messagesDelivered;
    return true;
}

bool Mirror::lose(std::uint64_t id, Reason reason)
{
    std::optional<Envelope> e = sim().m_network.take(id);
    if (!e)
        return false;
    // Shown lost where it is drawn now: its flight ends here.
    const Time now = simulation().now();
    e->doomed = true;
    e->lossReason = reason;
    e->lostAt = std::max(now, e->sentAt + 1);
    e->deliverAt = std::max(e->deliverAt, e->lostAt);
    ++sim().m_stats.messagesDropped;
    sim().m_lost.push_back(LostMessage{std::move(*e), now, reason});
    return true;
}

void Mirror::loseAtSender(const Message &message, Reason reason)
{
    const Time now = simulation().now();
    Envelope e;
    e.id = sim().m_network.m_nextId++;
    e.message = message;
    e.sentAt = now;
    e.deliverAt = now + 1;
    e.doomed = true;
    e.lossReason = reason;
    e.lostAt = now;
    ++sim().m_stats.messagesDropped;
    sim().m_lost.push_back(LostMessage{std::move(e), now, reason});
}

void Mirror::forget()
{
    std::vector<LostMessage> &lost = sim().m_lost;
    const Time now = simulation().now();
    lost.erase(std::remove_if(lost.begin(), lost.end(),
                              [now](const LostMessage &m) { return m.lostAt + Simulation::kLostMemory < now; }),
               lost.end());
}

// --- the network -----------------------------------------------------------------

void Mirror::setCut(NodeId from, NodeId to, bool cut)
{
    Network &net = sim().m_network;
    if (net.isCut(from, to) == cut)
        return;
    if (cut)
        net.cut(from, to);
    else
        net.restore(from, to);
}

// --- the trace -------------------------------------------------------------------

std::size_t Mirror::addEvent(TraceEvent event, const std::string &text)
{
    Simulation &s = sim();
    s.beginStep();
    event.t = s.m_now;
    event.step = s.m_stats.events;
    Trace &trace = m_history.m_trace;
    event.text = text.empty() ? -1 : trace.addText(text);
    trace.add(event);
    if (event.kind == EventKind::ElectionTimeout)
        ++s.m_stats.elections;
    closeStep();
    return trace.size() - 1;
}

void Mirror::closeStep()
{
    m_history.m_frontierStep = m_history.currentStep();
    m_history.m_frontierTime = simulation().now();
}

} // namespace raft
