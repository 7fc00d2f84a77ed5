#pragma once

#include "raft/history.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace widgets {

/// TimelineMark is one mark on the timeline: an event of the trace worth seeing at a
/// glance, or one of the user's own actions.
struct TimelineMark {
    enum class Kind : std::uint8_t {
        Election, ///< a BecameLeader event; `term` is the term won
        Commit, ///< a leader's CommitAdvanced (reason Majority)
        Crash, ///< a NodeCrashed event
        Restart, ///< a NodeRestarted event
        Violation, ///< an InvariantViolated event
        Action, ///< a user action of History::script(); `source` indexes the script
    };
    Kind kind = Kind::Election;
    raft::Time t = 0;
    std::uint64_t step = 0;
    raft::NodeId node = raft::kNoNode;
    raft::Term term = 0;
    /// source indexes the trace's events (History::trace()), or the script for actions.
    std::size_t source = 0;
    /// input is the action's kind (actions only).
    raft::InputKind input = raft::InputKind::Say;
};

/// TimelineSpan is a stretch of time: a leader's reign, or a time during which the
/// network had faults (partitions or cut links).
struct TimelineSpan {
    raft::Time begin = 0;
    /// end is when it stopped; nullopt while it still holds at the frontier.
    std::optional<raft::Time> end;
    /// node and term: the leader (reigns only).
    raft::NodeId node = raft::kNoNode;
    raft::Term term = 0;
    /// partition: the network was split into groups at some time of the span (faults
    /// only; else only links were cut).
    bool partition = false;
    /// source indexes the trace: the BecameLeader of a reign, the NetworkChanged that
    /// started a time of faults.
    std::size_t source = 0;
};

/// TimelineMarks reads a History into what the timeline draws: the marks of the trace
/// (each event's raft::markOf), the leaders' reigns (each kind's raft::Leadership),
/// the times the network had faults (the faults a NetworkChanged event says remain)
/// and the user's actions (History::script()).
///
/// update() is cheap enough for every frame: it reads only the events and inputs
/// added since the last call, and reads everything again only when the history is
/// replaced or has branched.
class TimelineMarks {
public:
    /// reset forgets everything and reads `history` from the start (nullptr: nothing).
    void reset(const raft::History *history);
    /// update reads what was added to the history since the last call, or everything
    /// again if it branched.
    void update();

    /// marks lists the marks of the trace in time order (actions not included).
    const std::vector<TimelineMark> &marks() const { return m_marks; }
    /// actions lists the user's actions in time order.
    const std::vector<TimelineMark> &actions() const { return m_actions; }
    /// reigns lists the leaders' reigns in time order.
    const std::vector<TimelineSpan> &reigns() const { return m_reigns; }
    /// faults lists the times the network had faults, in time order.
    const std::vector<TimelineSpan> &faults() const { return m_faults; }
    /// count is the number of marks and actions.
    std::size_t count() const { return m_marks.size() + m_actions.size(); }
    /// rebuildCount counts how often everything was read from the start.
    std::uint64_t rebuildCount() const { return m_rebuilds; }

private:
    void rebuild();
    /// hasBranched tells whether the history no longer continues what was read.
    bool hasBranched() const;
    void readEvents();
    void readScript();

    const raft::History *m_history = nullptr;
    std::vector<TimelineMark> m_marks;
    std::vector<TimelineMark> m_actions;
    std::vector<TimelineSpan> m_reigns;
    std::vector<TimelineSpan> m_faults;
    /// m_readEvents: how many of the trace's events were read; m_lastEvent is the last
    /// of them, to notice a branch that replaced it.
    std::size_t m_readEvents = 0;
    raft::TraceEvent m_lastEvent;
    /// m_readInputs: how many of the script's inputs were read; m_lastInput is the last.
    std::size_t m_readInputs = 0;
    raft::Input m_lastInput;
    std::uint64_t m_lastFrontierStep = 0;
    std::uint64_t m_rebuilds = 0;
};

/// firstAtOrAfter returns the first mark at or after time t in a time-ordered list.
std::vector<TimelineMark>::const_iterator firstAtOrAfter(const std::vector<TimelineMark> &marks, double t);

} // namespace widgets
