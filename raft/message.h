#pragma once

#include "configuration.h"
#include "log.h"
#include "types.h"

#include <string>
#include <vector>

namespace raft {

/// MessageType is the RPC a message carries: the two RPCs of Figure 2 and their
/// replies, then the dissertation's additions.
enum class MessageType : std::uint8_t {
    RequestVote,
    RequestVoteReply,
    AppendEntries,
    AppendEntriesReply,
    /// PreVote asks whether the sender could win an election for `term` (§9.6); it
    /// changes no one's term or vote. Fields as RequestVote.
    PreVote,
    /// PreVoteReply answers PreVote: voteGranted; term is the PreVote's term when
    /// granted, the voter's own term when denied.
    PreVoteReply,
    /// TimeoutNow tells a follower to start an election at once (leadership
    /// transfer, §3.10). No fields of its own.
    TimeoutNow,
    /// InstallSnapshot sends a follower one chunk of the leader's snapshot when the
    /// entries it needs are compacted away (§7, Figure 13): lastIncludedIndex,
    /// lastIncludedTerm, offset, data, done, and (our addition for the configuration
    /// at that index, dissertation §5.4.2) voters and the prefix fingerprint.
    InstallSnapshot,
    /// InstallSnapshotReply answers one chunk: term; and, so that the leader knows
    /// what to send next, lastIncludedIndex, snapshotOffset (bytes the follower holds
    /// of that snapshot) and, once installed, success with matchIndex.
    InstallSnapshotReply,
};

/// messageTypeName returns "RequestVote", "AppendEntriesReply", ...
const char *messageTypeName(MessageType type);
/// isReply tells whether type is a reply.
inline bool isReply(MessageType type)
{
    return type == MessageType::RequestVoteReply || type == MessageType::AppendEntriesReply
        || type == MessageType::PreVoteReply || type == MessageType::InstallSnapshotReply;
}

/// Message is one RPC or reply between two servers. Only the fields of its type
/// are meaningful; the others stay zero.
struct Message {
    MessageType type = MessageType::AppendEntries;
    NodeId from = kNoNode;
    NodeId to = kNoNode;
    /// term is the sender's currentTerm (every RPC and reply carries it, §5.1).
    Term term = 0;

    // RequestVote and PreVote: the candidate's last log entry (§5.4.1).
    Index lastLogIndex = 0;
    Term lastLogTerm = 0;
    /// transfer: a RequestVote of an election started by TimeoutNow (§3.10); servers
    /// that hear from their leader do not ignore it (§4.2.3).
    bool transfer = false;
    // RequestVoteReply and PreVoteReply.
    bool voteGranted = false;

    // AppendEntries (§5.3).
    Index prevLogIndex = 0;
    Term prevLogTerm = 0;
    std::vector<Entry> entries;
    Index leaderCommit = 0;
    /// round: AppendEntries carries the leader's heartbeat round, its reply echoes it;
    /// a read waits until a majority answered a round begun after it arrived (§6.4).
    std::uint64_t round = 0;

    // AppendEntriesReply.
    bool success = false;
    /// matchIndex: on success, the index of the last entry the follower now holds
    /// that matches the leader's (prevLogIndex + entries.size()).
    Index matchIndex = 0;
    /// rejectedIndex: on failure, the prevLogIndex of the AppendEntries rejected.
    Index rejectedIndex = 0;
    /// conflictTerm/conflictIndex: on failure, the fast back-off hint: the term of the
    /// follower's entry at prevLogIndex (0 if it has none) and the first index the
    /// leader should try next.
    Term conflictTerm = 0;
    Index conflictIndex = 0;

    // InstallSnapshot (Figure 13): the snapshot's last included entry, where this
    // chunk's data starts in the snapshot's data, and whether it is the last chunk.
    // leaderCommit is sent too. Replies: lastIncludedIndex, snapshotOffset, success,
    // matchIndex.
    Index lastIncludedIndex = 0;
    Term lastIncludedTerm = 0;
    std::uint64_t snapshotOffset = 0;
    std::string data;
    bool done = false;
    /// snapshotSize: the whole snapshot's data size, for the chunk counter.
    std::uint64_t snapshotSize = 0;
    /// snapshotConfig, snapshotConfigIndex: the configuration at lastIncludedIndex and
    /// the index of its entry (Snapshot::config); print: the log fingerprint there.
    Configuration snapshotConfig;
    Index snapshotConfigIndex = 0;
    std::uint64_t snapshotPrint = 0;

    bool operator==(const Message &) const = default;
};

} // namespace raft
