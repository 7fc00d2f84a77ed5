#pragma once

#include "types.h"

#include <array>
#include <cstdint>

namespace raft {

/// VoteState is what a candidate knows of one peer's vote in the current election.
enum class VoteState : std::uint8_t { None, Requested, Granted, Denied };

/// FlowState is how a leader sends entries to one follower (flow control, as etcd's
/// raft does it):
/// - Probe: the leader does not know where the follower's log matches its own. It
///   sends one AppendEntries and waits for the answer before it sends the next, and
///   walks nextIndex back on rejections (§5.3).
/// - Replicate: the follower's position is known. The leader sends what the follower
///   lacks in large batches (up to kReplicateBatch x maxEntriesPerMessage entries),
///   advancing nextIndex as it sends, with at most kMaxInflight AppendEntries
///   unanswered; heartbeats carry no entries and start from matchIndex, so they never
///   fail the consistency check.
/// - Snapshot: the entries the follower needs next are compacted away (nextIndex is
///   at or below the leader's snapshot, §7). The leader sends its snapshot in
///   InstallSnapshot chunks, one at a time, each after the answer to the one before,
///   and no entries until the follower has installed it; then it replicates from just
///   after the snapshot. An unanswered chunk is sent again after an election timeout.
/// Why one message in flight rather than etcd's many: the simulated network reorders
/// messages (latencies are random), and a follower rejects every AppendEntries that
/// overtakes the one before it, so a pipeline of small messages is resent again and
/// again; one large batch per round trip replicates as fast with no copy wasted.
enum class FlowState : std::uint8_t { Probe, Replicate, Snapshot };

/// flowStateName returns "probe", "replicate" or "snapshot".
const char *flowStateName(FlowState state);

/// Progress is the leader's view of one follower (Figure 2, volatile state on leaders),
/// with the flow-control state that decides what the leader sends it next.
/// Invariant: matchIndex < nextIndex.
/// Invariant: in Probe, inflightCount == 0; in Replicate, the inflight last indexes
/// increase and lie in (matchIndex, nextIndex).
/// Invariant: in Snapshot, pendingSnapshot > matchIndex and inflightCount == 0.
struct Progress {
    /// kMaxInflight bounds the AppendEntries with entries in flight in Replicate.
    static constexpr int kMaxInflight = 1;
    /// kReplicateBatch: in Replicate one AppendEntries carries up to this many times
    /// NodeConfig::maxEntriesPerMessage entries (a probe carries at most one times).
    static constexpr int kReplicateBatch = 32;

    Index nextIndex = 1;
    Index matchIndex = 0;
    VoteState vote = VoteState::None;
    FlowState state = FlowState::Probe;
    /// probeSent: in Probe, an AppendEntries is out and unanswered.
    bool probeSent = false;
    /// probeSentAt: when that probe left.
    Time probeSentAt = 0;
    /// inflightCount: in Replicate, how many AppendEntries with entries are unanswered;
    /// inflight[0..inflightCount) holds the last index each one carries, oldest first,
    /// and inflightSentAt when it left.
    std::uint8_t inflightCount = 0;
    std::array<Index, kMaxInflight> inflight{};
    std::array<Time, kMaxInflight> inflightSentAt{};
    /// pendingSnapshot: in Snapshot, the last included index of the snapshot being
    /// sent; snapshotOffset how many bytes of its data the follower has confirmed;
    /// snapshotSent whether a chunk is out (sent at snapshotSentAt).
    Index pendingSnapshot = 0;
    std::uint64_t snapshotOffset = 0;
    bool snapshotSent = false;
    Time snapshotSentAt = 0;

    /// becomeProbe restarts probing just after the last index known to match.
    void becomeProbe();
    /// becomeReplicate starts streaming just after the last index known to match.
    void becomeReplicate();
    /// becomeSnapshot starts sending the snapshot that ends at `index`, from its start.
    void becomeSnapshot(Index index);
    /// sentSnapshotChunk records that a chunk left at `now`.
    void sentSnapshotChunk(Time now);
    /// isPaused tells whether the leader must not send entries now: a probe is out,
    /// the window of messages in flight is full, or a snapshot is on its way.
    bool isPaused() const;
    /// sentEntries records an AppendEntries carrying entries up to `last` sent at `now`:
    /// in Replicate nextIndex moves past them (optimistically) and the window fills.
    void sentEntries(Index last, Time now);
    /// sentProbe records that a probe (with or without entries) left at `now`.
    void sentProbe(Time now);
    /// acknowledge records a success up to `match`; returns whether matchIndex grew.
    /// Answers free the window up to match; a first answer ends probing.
    bool acknowledge(Index match);
    /// oldestUnanswered is when the oldest unanswered message left (in Replicate the
    /// window's first, in Probe the probe); -1 when none is out.
    Time oldestUnanswered() const;

    bool operator==(const Progress &) const = default;
};

} // namespace raft
