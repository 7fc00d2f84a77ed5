#pragma once

#include "raft/history.h"
#include "widgets/timelinemarks.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace widgets {

/// SpaceTimeSpan is a stretch of one server's life in one state: its role and term
/// while up, or down (crashed), or frozen (paused).
struct SpaceTimeSpan {
    enum class State : std::uint8_t { Up, Crashed, Paused };
    raft::Time begin = 0;
    /// end: when it stopped; < 0 while it still holds at the frontier.
    raft::Time end = -1;
    raft::Role role = raft::Role::Follower;
    raft::Term term = 0;
    State state = State::Up;
};

/// SpaceTimeModel reads a History into what the space-time diagram draws: each server's
/// spans of role and term (from the trace's role events), the marks the timeline also
/// shows (commits, crashes, the user's actions, network faults; TimelineMarks), and an
/// index of the trace's MessageRecords by time, so that a view asks only for the
/// messages that cross a window of time.
///
/// The index: records are kept in sending order, and the running maximum of their send
/// times (the key) is sorted. A send time lies at most `maxLead()` before its key (0
/// unless a server sends once a disk write is done, after messages sent later); a
/// message that never waited at a door lives at most `maxFlight()` (the longest planned
/// flight seen); the few that waited are listed apart. The messages that cross
/// [t0, t1] are then among those keyed in [t0 - maxFlight, t1 + maxLead], plus the
/// waiting ones.
///
/// update() is cheap enough for every frame: it reads only what is new, and reads
/// everything again only when the history was replaced or branched.
class SpaceTimeModel {
public:
    /// reset forgets everything and reads `history` from the start (nullptr: nothing).
    void reset(const raft::History *history);
    /// update reads what was added since the last call (everything after a branch).
    void update();

    const raft::History *history() const { return m_history; }
    /// lanes is the number of servers.
    int lanes() const { return static_cast<int>(m_spans.size()); }
    /// spans lists server id's spans in time order (id in 1..lanes()).
    const std::vector<SpaceTimeSpan> &spans(raft::NodeId id) const;
    /// marks are the timeline's marks of the same history.
    const TimelineMarks &marks() const { return m_marks; }
    /// messages lists every message recorded, in sending order.
    const raft::MessageRecords &messages() const;
    /// frontier is the time the recorded run reaches.
    raft::Time frontier() const { return m_history ? m_history->frontierTime() : 0; }
    /// maxFlight is the longest planned flight of any message recorded.
    raft::Time maxFlight() const { return m_maxFlight; }
    /// maxLead is the most a message's send time lies before the latest send time
    /// recorded ahead of it.
    raft::Time maxLead() const { return m_maxLead; }

    /// endOf is where a message's line ends in time: its delivery or loss, else (still
    /// on its way at the frontier) its planned delivery, or the frontier while it waits.
    raft::Time endOf(const raft::MessageRecord &r) const;
    /// forEachIn calls f(index) for every message whose life crosses [t0, t1], heartbeats
    /// (and their replies) only if `heartbeats`; in sending order, then the ones that waited.
    template <typename F> void forEachIn(raft::Time t0, raft::Time t1, bool heartbeats, F &&f) const
    {
        const raft::MessageRecords &all = messages();
        const std::size_t first = firstKeyAtOrAfter(t0 - m_maxFlight);
        const std::size_t end = firstKeyAtOrAfter(t1 + m_maxLead + 1);
        for (std::size_t i = first; i < end; ++i) {
            const raft::MessageRecord &r = all[i];
            if ((heartbeats || !r.heartbeat) && r.sentAt <= t1 && endOf(r) >= t0)
                f(i);
        }
        for (std::size_t i : m_waited) {
            if (i >= first && i < end)
                continue; // seen above
            const raft::MessageRecord &r = all[i];
            if ((heartbeats || !r.heartbeat) && endOf(r) >= t0 && r.sentAt <= t1)
                f(i);
        }
    }
    /// countIn counts what forEachIn would visit.
    std::size_t countIn(raft::Time t0, raft::Time t1, bool heartbeats) const;
    /// indexOf is the index of message id in messages(), or messages().size().
    std::size_t indexOf(std::uint64_t id) const;
    /// rebuildCount counts how often everything was read from the start.
    std::uint64_t rebuildCount() const { return m_rebuilds; }

private:
    /// firstKeyAtOrAfter is the first index whose key (see the class comment) is >= t.
    std::size_t firstKeyAtOrAfter(raft::Time t) const;
    void rebuild();
    void readEvents();
    void readMessages();
    void open(raft::NodeId id, raft::Time t, SpaceTimeSpan span);

    const raft::History *m_history = nullptr;
    TimelineMarks m_marks;
    std::uint64_t m_marksRebuilds = 0;
    std::vector<std::vector<SpaceTimeSpan>> m_spans;
    std::size_t m_readEvents = 0;
    std::size_t m_readMessages = 0;
    raft::Time m_lastFrontier = 0;
    raft::Time m_maxFlight = 0;
    raft::Time m_maxLead = 0;
    /// m_keys: the running maximum of the messages' send times, one per message read.
    std::vector<raft::Time> m_keys;
    /// m_waited: indexes of the messages that waited at a door, in index order.
    std::vector<std::size_t> m_waited;
    std::uint64_t m_rebuilds = 0;
};

} // namespace widgets
