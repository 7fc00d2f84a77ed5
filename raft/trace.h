#pragma once

#include "types.h"

#include <string>
#include <vector>

namespace raft {

/// EventKind says what happened in one trace event. Everything else about a kind
/// (its name, section, importance, timeline mark, and what each field means) is its
/// row in the catalogue (eventcatalog.h); its sentence is in eventwording.cpp.
enum class EventKind : std::uint8_t {
    // --- elections (§5.2) ---
    ElectionTimeout, ///< a server's election timer fired: it becomes a candidate
    VoteGranted, ///< a server voted for a candidate
    VoteDenied, ///< a server refused a candidate its vote
    VoteReceived, ///< a candidate counted an answer to its RequestVote
    BecameLeader, ///< a candidate won its election
    BecameFollower, ///< a server stepped down, or moved to a newer term
    PreVoteStarted, ///< a server asks whether it could win before it campaigns (§9.6)
    PreVoteGranted, ///< a server would vote for a pre-candidate (§9.6)
    PreVoteDenied, ///< a server would not vote for a pre-candidate (§9.6)
    TransferStarted, ///< a leader begins to hand leadership over (§3.10)
    TransferAborted, ///< a handover did not complete in an election timeout (§3.10)
    // --- membership (§6, dissertation §4) ---
    MembershipCatchUp, ///< a leader's learners finished a catch-up round, or it gave up (§4.2.1)
    ConfigurationInForce, ///< a server's configuration in force changed (§4.1, §6)
    ServerRemoved, ///< a server learned a committed configuration leaves it out: it stops (§4.2.2)
    // --- replication (§5.3) ---
    AppendAccepted, ///< a follower took an AppendEntries
    AppendRejected, ///< a follower refused an AppendEntries
    LogTruncated, ///< a follower deleted conflicting entries
    HeartbeatTimeout, ///< a leader's heartbeat timer fired
    ReplicationAcked, ///< a leader learned how far a follower's log matches
    ReplicationBackoff, ///< a leader moved a follower's nextIndex back
    CommitAdvanced, ///< a server's commitIndex rose
    CommitDeferred, ///< a leader may not commit an older term's entry by counting (§5.4.2)
    Applied, ///< a server applied an entry to its state machine
    StaleIgnored, ///< a server ignored a stale message or an outdated reply
    // --- clients (§8) ---
    ClientAccepted, ///< a leader appended a client's command
    ClientRefused, ///< a server did not take a client's command
    ClientAnswered, ///< a leader answered a client: its command is applied
    ClientLost, ///< a client's command was overwritten before it committed
    // --- the network ---
    MessageLost, ///< the network lost a message
    MessageDuplicated, ///< the network duplicated a message
    MessageWaiting, ///< a message waits at a paused or held door
    // --- the user ---
    NodeCrashed, ///< a server crashed
    NodeRestarted, ///< a server restarted from stable storage
    NodePaused, ///< a server froze
    NodeResumed, ///< a server resumed
    NetworkChanged, ///< the user partitioned, cut, isolated, reconnected or healed
    ConfigChanged, ///< the user changed a network or cluster setting
    Narration, ///< a `say` line of a scenario
    InvariantViolated, ///< a safety property broke
};

/// Reason refines an EventKind: which rule of the paper applied.
enum class Reason : std::uint8_t {
    None,
    StaleTerm, ///< the sender's term is older than ours (§5.1)
    AlreadyVoted, ///< one vote per term, first come first served (§5.2)
    LogTermOlder, ///< candidate's last log term is older (§5.4.1)
    LogShorter, ///< same last term, but candidate's log is shorter (§5.4.1)
    UpToDate, ///< candidate's log is at least as up-to-date (§5.4.1)
    HigherTerm, ///< saw a higher term: step down (§5.1)
    LeaderOfTerm, ///< a candidate hears from the leader of its own term (§5.2)
    Heartbeat, ///< AppendEntries with no entries
    MissingEntry, ///< log has no entry at prevLogIndex (§5.3)
    TermMismatch, ///< entry at prevLogIndex has another term (§5.3)
    Majority, ///< replicated on a majority in the current term (§5.3, §5.4.2)
    LeaderCommit, ///< follower learns commitIndex from the leader (§5.3)
    NotLeader, ///< only the leader takes client requests (§8)
    Forced, ///< the user forced it
    Partition, ///< a partition wall
    LinkCut, ///< a cut link
    RandomLoss, ///< the network's loss probability
    DestinationCrashed, ///< the receiver is down
    UserDropped, ///< the user dropped it
    Healed, ///< the network was healed
    OutdatedReply, ///< reply to a request we no longer wait for
    NodePaused, ///< the receiver is paused
    PreVote, ///< the pre-vote round: no term changes until a majority would vote (§9.6)
    LeaderAlive, ///< heard from a leader within the minimum election timeout (§4.2.3, §9.6)
    QuorumLost, ///< a leader heard from no majority within an election timeout (§6.2)
    Transfer, ///< TimeoutNow from the leader: campaign at once (§3.10)
    Transferring, ///< the leader hands leadership over and takes no requests (§3.10)
    TooSlow, ///< a new server did not catch up within ten rounds or timeouts (§4.2.1)
    NotInConfiguration, ///< the committed configuration leaves the server out (§4.2.2)
};

/// TraceEvent is one structured trace event. `step` numbers the simulation event
/// (delivery, timer or user action) it belongs to; one step may hold several.
struct TraceEvent {
    Time t = 0;
    std::uint64_t step = 0;
    EventKind kind = EventKind::Narration;
    Reason reason = Reason::None;
    NodeId node = kNoNode;
    NodeId peer = kNoNode;
    Term term = 0;
    Term term2 = 0;
    Index index = 0;
    Index index2 = 0;
    std::int64_t value = 0;
    /// text indexes Trace::text(); -1 when the event has no text.
    std::int32_t text = -1;

    bool operator==(const TraceEvent &) const = default;
};

// These three read the catalogue (eventcatalog.cpp).
/// eventKindName returns the kind's stable identifier, e.g. "VoteDenied".
const char *eventKindName(EventKind kind);
/// reasonName returns the reason's stable identifier, e.g. "LogTermOlder".
const char *reasonName(Reason reason);
/// sectionOf returns the paper section that explains the event, e.g. "§5.4.1", or "".
const char *sectionOf(const TraceEvent &event);

/// Trace is the run's list of events plus the strings some of them carry.
class Trace {
public:
    /// add appends an event and returns it, for the caller to fill in.
    TraceEvent &add(const TraceEvent &event) { return m_events.emplace_back(event); }
    /// addText stores a string and returns its id for TraceEvent::text.
    std::int32_t addText(std::string text);
    const std::string &text(std::int32_t id) const;
    std::string_view textOf(const TraceEvent &event) const;

    const std::vector<TraceEvent> &events() const { return m_events; }
    std::size_t size() const { return m_events.size(); }
    void clear();
    /// truncateAfterStep removes every event of a step after `step` (and their texts).
    void truncateAfterStep(std::uint64_t step);
    std::size_t memoryBytes() const;

    bool operator==(const Trace &) const = default;

    /// describe words an event in English, with its reason and the paper's section:
    /// "S3 denied its vote to S1 in term 4: S1's last log term 2 is older than S3's 3 (§5.4.1)".
    std::string describe(const TraceEvent &event) const;
    /// toJson returns the event as one JSON object: t, step, kind, node, peer, reason,
    /// term, the kind's own fields under the catalogue's names, text, and why (describe()).
    std::string toJson(const TraceEvent &event) const;

private:
    std::vector<TraceEvent> m_events;
    std::vector<std::string> m_texts;
};

} // namespace raft
