#pragma once

#include "types.h"

#include <string>
#include <vector>

namespace raft {

/// EventKind says what happened in one trace event. The fields a kind uses are
/// listed beside it; describe() words every kind in English, and the UI words them
/// again through tr() from the same fields.
enum class EventKind : std::uint8_t {
    // --- elections (§5.2) ---
    ElectionTimeout, ///< node became candidate in `term` (reason Forced if the user asked); index/term2 = its last log index/term
    VoteGranted, ///< node voted for peer in `term`; index/term2 = peer's last log index/term
    VoteDenied, ///< node refused peer in `term`; reason; index/term2 = peer's last log; index2/value = node's last log index/term; for AlreadyVoted value = votedFor
    VoteReceived, ///< candidate node got peer's answer in `term`: value 1 granted/0 denied; index = votes now; index2 = votes needed
    BecameLeader, ///< node won `term` with index votes of index2 servers
    BecameFollower, ///< node stepped down to follower of `term` (was term2, role value) because of peer; reason HigherTerm or LeaderOfTerm
    // --- replication (§5.3) ---
    AppendAccepted, ///< follower node took AppendEntries from peer in `term`: prevLogIndex index, index2 entries (0 = heartbeat), value = matchIndex
    AppendRejected, ///< follower node refused peer's AppendEntries; reason StaleTerm (term2 = sender's term), MissingEntry (index = prevLogIndex, index2 = node's lastIndex) or TermMismatch (index = prevLogIndex, term2 = leader's prevLogTerm, value = node's term there)
    LogTruncated, ///< follower node removed entries after `index` (index2 removed) that conflicted with peer's entry of term2 (§5.3)
    HeartbeatTimeout, ///< leader node's heartbeat timer fired: it sends AppendEntries to every follower (§5.2)
    ReplicationAcked, ///< leader node learned peer holds up to `index` (matchIndex); index2 = nextIndex
    ReplicationBackoff, ///< leader node lowers peer's nextIndex to `index` (was index2) after a rejection
    CommitAdvanced, ///< node's commitIndex rose to `index` (from index2); reason Majority (leader) or LeaderCommit (follower)
    CommitDeferred, ///< leader node has `index` on a majority, but its term term2 is older than `term`: not committed by counting (§5.4.2)
    Applied, ///< node applied entry `index` (term) to its state machine; text = command
    StaleIgnored, ///< node ignored peer's message (value = MessageType) of term term2 < `term`, or a reply that no longer matters (reason)
    // --- clients (§8) ---
    ClientAccepted, ///< leader node appended client command (text) at `index` in `term`
    ClientRefused, ///< node is not leader; peer = the leader it knows (or none); text = command
    ClientAnswered, ///< leader node answered the client: entry `index` (text), accepted in term2, is applied
    ClientLost, ///< the request (text) accepted at `index` in term term2 was overwritten before it committed; the client must retry
    // --- the network ---
    MessageLost, ///< a message (value = MessageType) from node to peer was lost; reason Partition, LinkCut, RandomLoss, DestinationCrashed, UserDropped
    MessageDuplicated, ///< the network duplicated a message (value = MessageType) from node to peer
    MessageWaiting, ///< a message (value = MessageType, index = id) from node reached peer's door and waits: reason NodePaused (peer is paused) or Forced (held for manual delivery)
    // --- the user ---
    NodeCrashed, ///< node crashed; its term, votedFor and log survive on stable storage
    NodeRestarted, ///< node restarted from stable storage: term, index = log length; commitIndex 0
    NodePaused, ///< node froze: timers stopped, inbound messages wait
    NodeResumed, ///< node resumed
    NetworkChanged, ///< partition/cut/isolate/heal; text says what; reason Partition, LinkCut or Healed
    ConfigChanged, ///< the user changed a network or cluster setting; text says what
    Narration, ///< a `say` line of a scenario; text
    InvariantViolated, ///< a safety property broke; text names it
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
    /// toJson returns the event as one JSON object: t, step, kind, node, the kind's
    /// fields, and why (describe()).
    std::string toJson(const TraceEvent &event) const;

private:
    std::vector<TraceEvent> m_events;
    std::vector<std::string> m_texts;
};

} // namespace raft
