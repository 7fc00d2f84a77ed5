#include "widgets/spacetimemodel.h"

#include <algorithm>

using raft::EventKind;
using raft::MessageRecord;
using raft::MessageRecords;
using raft::Time;

namespace widgets {

void SpaceTimeModel::reset(const raft::History *history)
{
    m_history = history;
    m_marks.reset(history);
    m_marksRebuilds = m_marks.rebuildCount();
    rebuild();
}

void SpaceTimeModel::update()
{
    if (!m_history)
        return;
    m_marks.update();
    // The marks notice a branch (or a replaced history) by themselves: follow them.
    if (m_marks.rebuildCount() != m_marksRebuilds || messages().size() < m_readMessages) {
        m_marksRebuilds = m_marks.rebuildCount();
        rebuild();
        return;
    }
    readEvents();
    readMessages();
}

void SpaceTimeModel::rebuild()
{
    ++m_rebuilds;
    m_spans.clear();
    m_readEvents = 0;
    m_readMessages = 0;
    m_lastFrontier = 0;
    m_maxFlight = 0;
    m_maxLead = 0;
    m_keys.clear();
    m_waited.clear();
    if (!m_history)
        return;
    m_spans.assign(static_cast<std::size_t>(m_history->config().nodes), std::vector<SpaceTimeSpan>(1));
    readEvents();
    readMessages();
}

const std::vector<SpaceTimeSpan> &SpaceTimeModel::spans(raft::NodeId id) const
{
    static const std::vector<SpaceTimeSpan> none;
    if (id < 1 || id > lanes())
        return none;
    return m_spans[static_cast<std::size_t>(id - 1)];
}

const MessageRecords &SpaceTimeModel::messages() const
{
    static const raft::MessageRecords none;
    return m_history ? m_history->trace().messages() : none;
}

void SpaceTimeModel::open(raft::NodeId id, Time t, SpaceTimeSpan span)
{
    if (id < 1 || id > lanes())
        return;
    std::vector<SpaceTimeSpan> &lane = m_spans[static_cast<std::size_t>(id - 1)];
    SpaceTimeSpan &last = lane.back();
    if (last.state == span.state && last.role == span.role && last.term == span.term)
        return;
    if (last.begin == t) {
        // Several changes in one instant: the last one is what the lane shows.
        last = span;
        last.begin = t;
        if (lane.size() >= 2) {
            const SpaceTimeSpan &before = lane[lane.size() - 2];
            if (before.state == last.state && before.role == last.role && before.term == last.term) {
                lane.pop_back();
                lane.back().end = -1;
            }
        }
        return;
    }
    last.end = t;
    span.begin = t;
    span.end = -1;
    lane.push_back(span);
}

void SpaceTimeModel::readEvents()
{
    const raft::TraceEvents &events = m_history->trace().events();
    for (std::size_t i = m_readEvents; i < events.size(); ++i) {
        const raft::TraceEvent &e = events[i];
        if (e.node < 1 || e.node > lanes())
            continue;
        const SpaceTimeSpan now = m_spans[static_cast<std::size_t>(e.node - 1)].back();
        using State = SpaceTimeSpan::State;
        const raft::Role role = now.role;
        const raft::Term term = now.term;
        if (e.kind == EventKind::ElectionTimeout)
            open(e.node, e.t, {.role = raft::Role::Candidate, .term = e.term, .state = State::Up});
        else if (e.kind == EventKind::BecameLeader)
            open(e.node, e.t, {.role = raft::Role::Leader, .term = e.term, .state = State::Up});
        else if (e.kind == EventKind::BecameFollower || e.kind == EventKind::NodeRestarted)
            open(e.node, e.t, {.role = raft::Role::Follower, .term = e.term, .state = State::Up});
        else if (e.kind == EventKind::NodeCrashed)
            open(e.node, e.t, {.role = raft::Role::Follower, .term = term, .state = State::Crashed});
        else if (e.kind == EventKind::NodePaused)
            open(e.node, e.t, {.role = role, .term = term, .state = State::Paused});
        else if (e.kind == EventKind::NodeResumed)
            open(e.node, e.t, {.role = role, .term = term, .state = State::Up});
    }
    m_readEvents = events.size();
}

void SpaceTimeModel::readMessages()
{
    const MessageRecords &all = messages();
    for (std::size_t i = m_readMessages; i < all.size(); ++i) {
        const MessageRecord &r = all[i];
        const Time key = m_keys.empty() ? r.sentAt : std::max(m_keys.back(), r.sentAt);
        m_keys.push_back(key);
        m_maxLead = std::max(m_maxLead, key - r.sentAt);
        m_maxFlight = std::max(m_maxFlight, r.dueAt - r.sentAt);
    }
    // A message begins to wait at its planned delivery, after the last update: it was
    // sent at most maxFlight before the last frontier.
    for (std::size_t i = firstKeyAtOrAfter(m_lastFrontier - m_maxFlight); i < all.size(); ++i) {
        if (all[i].waitAt < 0 || std::binary_search(m_waited.begin(), m_waited.end(), i))
            continue;
        m_waited.insert(std::lower_bound(m_waited.begin(), m_waited.end(), i), i);
    }
    m_readMessages = all.size();
    m_lastFrontier = m_history->frontierTime();
}

Time SpaceTimeModel::endOf(const MessageRecord &r) const
{
    if (r.fate != MessageRecord::Fate::InFlight)
        return r.endAt;
    if (r.waitAt >= 0)
        return std::max(r.waitAt, frontier());
    return r.dueAt;
}

std::size_t SpaceTimeModel::firstKeyAtOrAfter(Time t) const
{
    return static_cast<std::size_t>(std::lower_bound(m_keys.begin(), m_keys.end(), t) - m_keys.begin());
}

std::size_t SpaceTimeModel::countIn(Time t0, Time t1, bool heartbeats) const
{
    std::size_t n = 0;
    forEachIn(t0, t1, heartbeats, [&](std::size_t) { ++n; });
    return n;
}

std::size_t SpaceTimeModel::indexOf(std::uint64_t id) const
{
    const MessageRecords &all = messages();
    const auto it = std::lower_bound(all.begin(), all.end(), id,
                                     [](const MessageRecord &r, std::uint64_t wanted) { return r.id < wanted; });
    return it != all.end() && it->id == id ? static_cast<std::size_t>(it - all.begin()) : all.size();
}

} // namespace widgets
