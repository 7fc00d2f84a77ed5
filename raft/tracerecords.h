#pragma once
// raft/tracerecords.h: the records a trace keeps. TraceEvent (one event, with the
// EventKind and Reason that say what happened and why) and MessageRecord (one
// message's life). raft/packedrecords.h stores them compactly; raft/trace.h is the
// trace itself.

#include "message.h"
#include "types.h"

#include <cstdint>

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
    // --- snapshots (§7) ---
    SnapshotTaken, ///< a server snapshotted its state machine and discarded that log prefix
    SnapshotSent, ///< a leader starts sending its snapshot to a follower it cannot send entries
    SnapshotChunkReceived, ///< a follower stored one chunk of a snapshot (Figure 13 steps 2-4)
    SnapshotInstalled, ///< a follower installed a leader's snapshot (Figure 13 steps 5-8)
    SnapshotIgnored, ///< a follower did not install an InstallSnapshot: stale, covered, out of order
    // --- clients (§8) ---
    ClientAccepted, ///< a leader appended a client's command
    ClientRefused, ///< a server did not take a client's command
    ClientAnswered, ///< a leader answered a client: its command is applied
    ClientLost, ///< a client's command was overwritten before it committed
    ClientRetried, ///< a session client sent its request again after a timeout (§6.3)
    DuplicateSkipped, ///< a state machine skipped a session request applied before (§6.3)
    // --- reads (§6.4) ---
    ReadStarted, ///< a leader took a read and noted its commitIndex
    ReadConfirmed, ///< a leader confirmed a read: answer once readIndex is applied
    ReadRefused, ///< a server did not take a read (not the leader, down)
    ReadAnswered, ///< a server answered a client's read
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
    SnapshotMatch, ///< the log holds the snapshot's last entry: entries after it stay (Figure 13 step 6)
    SnapshotReplace, ///< the log lacks the snapshot's last entry: the whole log goes (Figure 13 step 7)
    SnapshotCovered, ///< the receiver has committed every entry the snapshot covers (§7)
    ChunkOutOfOrder, ///< a snapshot chunk that does not continue the bytes received (Figure 13 step 3)
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

/// MessageRecord is one message's life in the network, from its send to its delivery
/// or loss: what a view needs to draw the run as a space-time diagram. It is a record,
/// like the events; nothing in the simulation reads it back.
///
/// Invariant: sentAt <= waitAt <= endAt where set; a record's id is its Envelope's id,
/// and a trace holds its records in increasing id (= sending) order.
struct MessageRecord {
    /// Fate is where the message is at the end of the recorded run.
    enum class Fate : std::uint8_t {
        InFlight, ///< on its way, or waiting at its destination's door
        Delivered, ///< handed to the destination's node at endAt
        Lost, ///< lost at endAt, for lossReason
    };
    std::uint64_t id = 0;
    /// copyOf: for a copy the network made (a duplicate), the id of the message it copies.
    std::uint64_t copyOf = 0;
    /// cause: the message whose delivery made the sender send this one (0: a timer or an
    /// action), e.g. the AppendEntries an AppendEntriesReply answers.
    std::uint64_t cause = 0;
    std::uint64_t sentStep = 0;
    /// endStep and endAt: when it was delivered or lost (Fate InFlight: not yet).
    std::uint64_t endStep = 0;
    /// waitStep and waitAt: when it reached its destination's door and began to wait
    /// there (a paused receiver, or held for manual delivery); waitAt < 0: it never waited.
    std::uint64_t waitStep = 0;
    Time sentAt = 0;
    /// dueAt is when the network meant to deliver it (a loss on the way comes earlier).
    Time dueAt = 0;
    Time endAt = 0;
    Time waitAt = -1;
    Term term = 0;
    /// entries: the number of log entries it carries (AppendEntries).
    std::uint32_t entries = 0;
    NodeId from = kNoNode;
    NodeId to = kNoNode;
    MessageType type = MessageType::AppendEntries;
    Fate fate = Fate::InFlight;
    Reason lossReason = Reason::None;
    /// heartbeat: an AppendEntries with no entries, or the reply to one.
    bool heartbeat = false;
    /// held: sent while the network held messages for manual delivery.
    bool held = false;

    bool operator==(const MessageRecord &) const = default;
};

} // namespace raft
