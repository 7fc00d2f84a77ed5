#pragma once

#include "configuration.h"
#include "log.h"
#include "types.h"

#include <memory>
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

/// SnapshotChunk is what an InstallSnapshot carries beyond the fields its reply
/// echoes (Figure 13): the chunk of data, whether it is the last, the snapshot's
/// whole size (for the chunk counter) and, our addition for the configuration at
/// lastIncludedIndex (dissertation §5.4.2), that configuration, the index of its
/// entry (Snapshot::config) and the log fingerprint there.
struct SnapshotChunk {
    std::string data;
    bool done = false;
    std::uint64_t snapshotSize = 0;
    Configuration config;
    Index configIndex = 0;
    std::uint64_t print = 0;

    bool operator==(const SnapshotChunk &) const = default;
};

/// Boxed holds a value of T out of line and shares it between copies: a message is
/// never changed once sent, so copies (the network's duplicates, the trace's) need
/// not copy it. An empty box reads as a default T. Boxes compare by value.
template <class T> class Boxed {
public:
    Boxed() = default;
    explicit Boxed(T value)
        : m_value(std::make_shared<const T>(std::move(value)))
    { }
    const T &operator*() const { return m_value ? *m_value : empty(); }
    const T *operator->() const { return &**this; }
    bool operator==(const Boxed &other) const { return m_value == other.m_value || **this == *other; }

private:
    static const T &empty()
    {
        static const T value;
        return value;
    }
    std::shared_ptr<const T> m_value;
};

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

    // InstallSnapshot (Figure 13): the snapshot's last included entry and where this
    // chunk's data starts in the snapshot's data; the rest is in `chunk`, out of line
    // so that the messages of every other type stay small to copy. leaderCommit is
    // sent too. Replies: lastIncludedIndex, snapshotOffset, success, matchIndex.
    Index lastIncludedIndex = 0;
    Term lastIncludedTerm = 0;
    std::uint64_t snapshotOffset = 0;
    Boxed<SnapshotChunk> chunk;

    bool operator==(const Message &) const = default;
};

} // namespace raft
