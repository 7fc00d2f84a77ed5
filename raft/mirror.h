#pragma once

#include "history.h"
#include "log.h"
#include "message.h"
#include "node.h"
#include "simulation.h"
#include "trace.h"
#include "types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace raft {

/// MirrorServer is what a watcher knows of one real server at a moment: its status
/// and the volatile and persistent fields of Figure 2 that its status reports carry.
struct MirrorServer {
    NodeStatus status = NodeStatus::Up;
    Role role = Role::Follower;
    Term term = 0;
    NodeId votedFor = kNoNode;
    NodeId leader = kNoNode;
    Index commitIndex = 0;
    Index lastApplied = 0;
};

/// Mirror writes a History's world from the outside, so that the views that draw a
/// simulation can draw a real cluster instead (the live cluster: servers in other
/// processes, watched over their watch channels). Nothing in it decides anything about
/// Raft: it copies what the servers report — their role, term, vote, leader, log,
/// commitIndex; the messages they sent and received; their trace events — into the
/// same structures the simulator fills, and moves the clock to the watcher's time.
///
/// The mirrored world never runs: nothing is scheduled in it, its invariant checker is
/// off and it records no inputs. Each trace event added is one step of the history,
/// which is always at its frontier (a live run has no recorded future).
class Mirror {
public:
    /// Mirror takes over `history` (fresh, at step 0): it turns its checks and input
    /// recording off.
    explicit Mirror(History &history);

    const Simulation &simulation() const { return m_history.simulation(); }

    /// setClock moves the clock to t (never back).
    void setClock(Time t);

    // --- servers ---
    /// setServer copies a server's reported state (its log is kept: see setLog).
    /// Crashed keeps only its stable storage (term, vote, log); a server coming back
    /// from Crashed starts as a fresh follower with that storage.
    void setServer(NodeId id, const MirrorServer &state);
    /// setStatus changes only whether a server is up, paused or crashed.
    void setStatus(NodeId id, NodeStatus status);
    /// setLog makes the server's log hold `entries` from index `from` on, and end at
    /// `lastIndex` (entries after it are cut; entries missing before it stay unknown
    /// and are not invented: the log ends where the known entries end).
    void setLog(NodeId id, Index from, const std::vector<Entry> &entries, Index lastIndex);
    /// setElectionTimer sets the timer a view draws: it fires at `deadline` after
    /// running for `timeout`.
    void setElectionTimer(NodeId id, Time deadline, Time timeout);
    /// setVote records a candidate's view of one peer's vote (VoteState::None clears).
    void setVote(NodeId candidate, NodeId voter, VoteState vote);
    /// clearVotes forgets every vote a candidate counted (a new election).
    void clearVotes(NodeId candidate);
    /// setMatch records a leader's matchIndex for a follower (nextIndex follows it).
    void setMatch(NodeId leader, NodeId follower, Index matchIndex);

    // --- messages ---
    /// send puts a message in flight, drawn from sentAt to deliverAt; returns its id.
    std::uint64_t send(const Message &message, Time sentAt, Time deliverAt);
    /// envelope returns the message in flight with this id, or nullptr.
    const Envelope *envelope(std::uint64_t id) const { return simulation().network().find(id); }
    /// reschedule moves a message's arrival (or, with waiting, parks it at the door).
    bool reschedule(std::uint64_t id, Time deliverAt, bool waiting);
    /// arrive removes a message that reached its destination.
    bool arrive(std::uint64_t id);
    /// lose removes a message in flight and shows it lost where it is now.
    bool lose(std::uint64_t id, Reason reason);
    /// loseAtSender shows a message that never left its sender as lost at once.
    void loseAtSender(const Message &message, Reason reason);
    /// forget drops the memory of lost messages older than Simulation::kLostMemory.
    void forget();

    // --- the network ---
    /// setCut cuts (or reopens) the one-way link from -> to.
    void setCut(NodeId from, NodeId to, bool cut);

    // --- the trace ---
    /// addEvent appends one event as a step of its own at the current time and
    /// returns its index in the history's trace. text is the event's text, if any.
    std::size_t addEvent(TraceEvent event, const std::string &text = std::string());

private:
    Simulation &sim();
    Server &server(NodeId id);
    Node &node(NodeId id);
    NodeConfig nodeConfig(NodeId id) const;
    /// place puts an envelope in flight without scheduling it (the mirror never runs).
    std::uint64_t place(Envelope envelope);
    void closeStep();

    History &m_history;
};

} // namespace raft
