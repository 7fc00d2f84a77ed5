#pragma once

#include "bugs.h"
#include "configuration.h"
#include "log.h"
#include "message.h"
#include "progress.h"
#include "snapshot.h"
#include "trace.h"
#include "types.h"

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace raft {

/// ReadMode is how a server answers a read (dissertation §6.4): ReadIndex (the leader
/// confirms it still leads with a round of heartbeats), Lease (the leader answers
/// while a majority's recent answers guarantee no other leader; needs CheckQuorum) or
/// Local (any server answers from its own state machine: reads may be stale).
enum class ReadMode : std::uint8_t { ReadIndex, Lease, Local };
/// readModeName returns "readindex", "lease" or "local".
const char *readModeName(ReadMode mode);

/// ChangeRefusal says why a leader will not start a membership change now.
enum class ChangeRefusal : std::uint8_t {
    None,
    NotLeader, ///< only the leader changes the configuration
    ChangePending, ///< one change at a time: the last is not committed yet (§4.1)
    NoCommitInTerm, ///< the leader has not committed an entry of its own term yet
    NoVoters, ///< the new configuration would have no voter
    NothingToChange, ///< the new configuration is the one in force
};

/// NodeConfig is what a server knows before it starts.
struct NodeConfig {
    NodeId id = 1;
    /// clusterSize: the first configuration is S1..S<clusterSize> (§6).
    int clusterSize = 5;
    /// spare: a server outside the first configuration: it starts with no
    /// configuration at all and waits for a leader to add it (dissertation §4.2.1).
    bool spare = false;
    Time electionTimeoutMin = fromMs(150);
    Time electionTimeoutMax = fromMs(300);
    Time heartbeatInterval = fromMs(50);
    /// noop: a new leader appends an empty entry of its term at once (§8), so that
    /// entries of earlier terms commit without waiting for a client.
    bool noop = true;
    /// preVote: before a real election a server asks whether it could win (PreVote),
    /// without raising its term (dissertation §9.6).
    bool preVote = false;
    /// checkQuorum: a leader that has not heard from a majority within an election
    /// timeout steps down (§6.2), and a server that heard from a leader within the
    /// minimum election timeout ignores RequestVote (§4.2.3, leader stickiness).
    bool checkQuorum = false;
    /// readMode: how reads are answered (§6.4); Local is the Simulation's business.
    ReadMode readMode = ReadMode::ReadIndex;
    /// maxEntriesPerMessage bounds one probe; once a follower's position is known a
    /// batch carries up to Progress::kReplicateBatch times as many (raft/progress.h).
    int maxEntriesPerMessage = 64;
    /// snapshotChunk: the most bytes of snapshot data one InstallSnapshot carries
    /// (0: the whole snapshot in one message).
    std::uint64_t snapshotChunk = 0;
    /// seed for this server's own generator (its election timeouts).
    std::uint64_t seed = 1;
    /// bugs: rules switched off for teaching (raft/bugs.h); all off in real use. Each
    /// flag is read at the one place its rule lives in node.cpp.
    BugSwitches bugs;
    /// wholeMsClock: election timeouts are whole milliseconds (ClusterConfig).
    bool wholeMsClock = false;

    bool operator==(const NodeConfig &) const = default;
};

/// PersistentState is what Figure 2 keeps on stable storage: currentTerm, votedFor
/// and the log; and the snapshot that replaced the log's prefix (§7). It survives a
/// crash. Invariant: log.snapshotIndex() == snapshot.index.
struct PersistentState {
    Term currentTerm = 0;
    NodeId votedFor = kNoNode;
    Log log;
    Snapshot snapshot;

    bool operator==(const PersistentState &) const = default;
};

/// ReadState says a read may be answered: once the state machine has applied `index`
/// (ok), or that it cannot be (the leader stepped down before confirming it).
struct ReadState {
    std::uint64_t id = 0;
    Index index = 0;
    bool ok = true;
    bool operator==(const ReadState &) const = default;
};

/// ReadResult answers Node::read: taken (the answer comes as a ReadState) or refused
/// with a hint naming the leader this server knows.
struct ReadResult {
    bool accepted = false;
    NodeId leaderHint = kNoNode;
    bool operator==(const ReadResult &) const = default;
};

/// Ready is everything a node wants done after an input, in this order: save the
/// persistent state, then send the messages (so nothing leaves that depends on state
/// not yet saved), then apply the committed entries, then record the events.
struct Ready {
    /// hardStateChanged: currentTerm or votedFor changed; save them.
    bool hardStateChanged = false;
    /// persistFrom: entries from this index on changed (0 = none); storage drops its
    /// entries from here and copies the node's.
    Index persistFrom = 0;
    /// snapshotChanged: the node took or installed a snapshot; save it and its log.
    bool snapshotChanged = false;
    /// snapshotRestored: the node installed a leader's snapshot (Figure 13 step 8):
    /// reset the state machine from its data before applying anything.
    bool snapshotRestored = false;
    std::vector<Message> messages;
    /// entries (applyFrom..applyTo] are committed and must be applied in order.
    Index applyFrom = 0;
    Index applyTo = 0;
    /// reads: reads that may now be answered (after applying), or failed.
    std::vector<ReadState> reads;
    std::vector<TraceEvent> events;

    void clear();
    bool empty() const;

    bool operator==(const Ready &) const = default;
};

/// ProposeResult answers a client request.
struct ProposeResult {
    bool accepted = false;
    /// transferring: refused by a leader that is handing leadership over (§3.10).
    bool transferring = false;
    /// On success, where the command went.
    Index index = 0;
    Term term = 0;
    /// On refusal, the leader this server knows of (kNoNode if none).
    NodeId leaderHint = kNoNode;
};

/// Node is one Raft server as a deterministic state machine, following Figure 2 of
/// the extended paper. Its inputs are tick(now), step(message, now),
/// propose(command, now) and timeoutNow(now); its output is a Ready value. It never
/// sends, sleeps, reads a clock or starts a thread: the same config and the same
/// calls always give the same outputs.
class Node {
    /// Mirror (mirror.h) copies a real server's reported state in, for the live cluster.
    friend class Mirror;

public:
    /// Node starts (or restarts) a server from its stable storage: always as a
    /// follower, with commitIndex and lastApplied 0 (they are volatile, Figure 2), or
    /// at its snapshot's index (§7: the snapshot holds only committed entries).
    Node(const NodeConfig &config, const PersistentState &stored, Time now);

    /// tick fires every timer due at `now`: election timeout (followers and
    /// candidates) or heartbeat (leaders).
    void tick(Time now);
    /// step handles one inbound RPC or reply.
    void step(const Message &message, Time now);
    /// propose appends a client command if this server is the leader (§5.3); otherwise
    /// it refuses with a hint naming the leader it knows (§8).
    ProposeResult propose(const std::string &command, Time now);
    /// read takes a linearizable read with the caller's id (§6.4): a leader notes its
    /// commitIndex (first committing an entry of its term if it has none), confirms
    /// it still leads with a heartbeat round to a majority (or, in Lease mode, its
    /// lease), then hands out a ReadState; a follower refuses with a hint.
    ReadResult read(std::uint64_t id, Time now);
    /// timeoutNow starts an election at once, as if the election timer fired (with
    /// PreVote on, the pre-vote round comes first, as it would).
    void timeoutNow(Time now);
    /// transferLeadership starts handing leadership over to `target` (§3.10): the
    /// leader takes no requests, brings target's log up to date and sends it
    /// TimeoutNow; after an election timeout without success it leads on. Returns
    /// false (and does nothing) unless this server leads and target is another server.
    bool transferLeadership(NodeId target, Time now);
    /// transferTarget is the server leadership is being handed to (kNoNode: none).
    NodeId transferTarget() const { return m_transferTarget; }
    /// compact takes a snapshot (§7): the application hands in its state machine's
    /// contents after applying entry `index`, and the node keeps them with that
    /// entry's index and term and the configuration, and discards the log up to it.
    /// Returns false (and does nothing) unless snapshotIndex < index <= lastApplied.
    /// `forced`: the user asked for it (the trace says so).
    bool compact(Index index, std::string data, bool forced);
    /// shiftTimers moves every deadline `delta` later (the node was paused).
    void shiftTimers(Time delta);
    /// setElectionDeadline makes the election timer fire at `at` (>= now), as if it had
    /// been set to that timeout at `now` (used to stage split votes).
    void setElectionDeadline(Time at, Time now);

    /// takeReady moves the pending output into `into` (its old content is cleared;
    /// buffers are swapped so neither side reallocates).
    void takeReady(Ready &into);
    bool hasReady() const { return !m_ready.empty(); }

    /// nextDeadline is the time of the next timer: the election deadline for followers
    /// and candidates, the next heartbeat for a leader. A server that may not campaign
    /// (not a voter of its configuration, or removed) has no timer: kNever.
    Time nextDeadline() const
    {
        if (m_role == Role::Leader)
            return m_heartbeatDeadline;
        return canCampaign() ? m_electionDeadline : kNever;
    }
    /// canCampaign tells whether this server may start elections: it is a voter of
    /// its configuration, or was one of the configuration before and the entry that
    /// leaves it out is not committed yet (dissertation §4.2.2: it may still be needed).
    bool canCampaign() const
    {
        return m_selfVoter || (m_wasVoter && m_membershipIndex > m_commitIndex);
    }
    static constexpr Time kNever = std::numeric_limits<Time>::max();

    // --- membership (paper §6, dissertation §4) ---
    /// configuration is the configuration in force on this server: the newest in its
    /// log (committed or not, §4.1), else the first one. A leader's also lists the
    /// learners it is catching up.
    const Configuration &configuration() const { return m_membership; }
    /// configurationIndex is the log index of that configuration's entry (0: the first).
    Index configurationIndex() const { return m_membershipIndex; }
    /// isChangePending tells whether a change is under way: learners catching up, or a
    /// configuration entry not yet committed (§4.1).
    bool isChangePending() const;
    /// isRemoved: this server learned that a committed configuration leaves it out
    /// (dissertation §4.2.2). It never campaigns again (it is no voter); it still takes
    /// entries, so that a leader may add it back as a learner.
    bool isRemoved() const
    {
        return m_membershipIndex > 0 && m_membershipIndex <= m_commitIndex && m_role != Role::Leader
            && !m_membership.contains(m_config.id);
    }
    /// checkChange says whether this server would start changing the voters to
    /// `voters` now (ChangeRefusal::None) or why not.
    ChangeRefusal checkChange(const std::vector<NodeId> &voters) const;
    /// changeMembership starts changing the voters to `voters` (sorted): new servers
    /// first catch up as learners (§4.2.1); then one configuration entry (a single
    /// server added or removed) or, with `joint`, C_old,new followed by C_new (§6).
    ChangeRefusal changeMembership(const std::vector<NodeId> &voters, bool joint, Time now);
    /// catchUpRound is the leader's current catch-up round (0: none), catchUpEnd the
    /// index the learners must reach to finish it.
    int catchUpRound() const { return m_catchUpRound; }
    Index catchUpEnd() const { return m_catchUpEnd; }

    NodeId id() const { return m_config.id; }
    const NodeConfig &config() const { return m_config; }
    Role role() const { return m_role; }
    Term term() const { return m_state.currentTerm; }
    NodeId votedFor() const { return m_state.votedFor; }
    /// leaderHint is the leader of the current term, if this server has heard from it.
    NodeId leaderHint() const { return m_leader; }
    /// isPreCandidate: a follower asking for pre-votes before it campaigns (§9.6).
    bool isPreCandidate() const { return m_preCandidate; }
    /// hasRecentLeader tells whether this server leads, or heard from the leader of
    /// its term less than the minimum election timeout ago (§4.2.3, §9.6).
    bool hasRecentLeader() const;
    /// hasQuorumContact tells whether a leader heard from a majority (itself included)
    /// within the maximum election timeout (§6.2).
    bool hasQuorumContact() const;
    const Log &log() const { return m_state.log; }
    const PersistentState &persistentState() const { return m_state; }
    /// snapshot is the latest snapshot this server took or installed (index 0: none).
    const Snapshot &snapshot() const { return m_state.snapshot; }
    /// incomingSnapshot is the snapshot being received in chunks (index 0: none);
    /// its data holds the bytes received so far.
    const Snapshot &incomingSnapshot() const { return m_incoming; }
    Index commitIndex() const { return m_commitIndex; }
    Index lastApplied() const { return m_lastApplied; }
    /// electionDeadline is when the election timer fires; electionTimeout the random
    /// duration it was last set to (for drawing the timer as an arc).
    Time electionDeadline() const { return m_electionDeadline; }
    Time electionTimeout() const { return m_electionTimeout; }
    Time heartbeatDeadline() const { return m_heartbeatDeadline; }
    /// progress is the leader's (or candidate's) view of peer: nextIndex, matchIndex,
    /// flow state, vote.
    const Progress &progress(NodeId peer) const { return m_progress[peer - 1]; }
    /// leaseUntil: in Lease mode, until when the leader may answer reads alone.
    Time leaseUntil() const { return m_leaseUntil; }
    /// pendingReads counts reads the leader has not yet confirmed.
    std::size_t pendingReads() const { return m_reads.size(); }
    /// votes counts granted votes in the current election, including its own.
    int votes() const;
    /// quorum is how many votes of the configuration's voters make a majority.
    int quorum() const { return m_membership.quorumSize(); }

    bool operator==(const Node &) const = default;

private:
    /// setMembership makes `c` (the entry at `index`, 0 for the first configuration)
    /// the configuration in force and updates who this server talks to.
    void setMembership(Configuration c, Index index, Reason why);
    /// refreshMembership finds the configuration in force again, after the log was
    /// truncated or (with newestConfig off) the commit index moved.
    void refreshMembership(Reason why);
    /// configurationBefore finds the newest configuration entry at or before `limit`.
    std::pair<Configuration, Index> configurationBefore(Index limit) const;
    void updatePeers();
    /// appendConfiguration has the leader append a configuration entry and send it.
    void appendConfiguration(const Configuration &c);
    /// checkCatchUp ends a catch-up round when the learners reached its end: the next
    /// round, or the configuration entry when the round was short (§4.2.1).
    void checkCatchUp();
    void abortChange();
    void releaseLeaving();
    /// afterCommit moves a membership change on once its entry is committed.
    void afterCommit();
    std::uint32_t grantedMask() const;
    /// confirmedRound is the newest heartbeat round a quorum of the configuration in
    /// force answered (ReadIndex and leases, §6.4).
    std::uint64_t confirmedRound() const;
    void becomeFollower(Term term, NodeId leader, Reason why, NodeId cause);
    void becomeCandidate(Reason why);
    void becomePreCandidate(Reason why);
    void becomeLeader();
    /// campaign starts the pre-vote round or, without PreVote, the election (§5.2, §9.6).
    void campaign(Reason why);

    void handleRequestVote(const Message &m);
    void handleRequestVoteReply(const Message &m);
    void handlePreVote(const Message &m);
    void handleTimeoutNow(const Message &m);
    void sendTimeoutNow(NodeId peer);
    /// acknowledged finishes a follower's positive answer (AppendEntries or
    /// InstallSnapshot) once its Progress took it: the trace, the transfer target's
    /// TimeoutNow, the commit index, and the next batch.
    void acknowledged(NodeId from, bool advanced, Reason reason);
    void endTransfer();
    void handlePreVoteReply(const Message &m);
    void handleAppendEntries(const Message &m);
    void handleAppendEntriesReply(const Message &m);
    void handleInstallSnapshot(const Message &m);
    void handleInstallSnapshotReply(const Message &m);
    /// sendSnapshotChunk sends peer the next chunk of the snapshot (§7).
    void sendSnapshotChunk(NodeId peer);
    /// installSnapshot makes m_incoming this server's snapshot (Figure 13 steps 5-8).
    void installSnapshot(NodeId leader);

    void resetElectionTimer();
    /// sendAppend sends peer what its flow state allows: new entries when it is not
    /// paused, else (for a heartbeat) an AppendEntries without entries.
    void sendAppend(NodeId peer, bool heartbeat);
    /// sendAppendEntries builds one AppendEntries to peer from prevLogIndex `prev`
    /// with at most `count` entries; returns the index of its last entry.
    Index sendAppendEntries(NodeId peer, Index prev, Index count);
    void broadcastAppendEntries(bool heartbeat);
    void maybeAdvanceCommit();
    /// startRound begins a heartbeat round that confirms leadership (§6.4).
    void startRound();
    /// roundAcked: a follower answered round `round`; confirm reads, extend the lease.
    void roundAcked();
    /// confirmReads hands out every pending read that is confirmed and noted.
    void confirmReads();
    /// failReads: this server stopped leading; its pending reads cannot be answered.
    void failReads();
    void setCommitIndex(Index index, Reason why);
    /// applyThrough hands entries up to index to the state machine (via Ready).
    void applyThrough(Index index);
    void appendEntry(Entry entry);
    void truncateAfter(Index index);
    void setHardState(Term term, NodeId votedFor);
    Message reply(const Message &to, MessageType type) const;
    /// ignore records that message m was dropped unanswered, and why.
    void ignore(const Message &m, Reason why);
    TraceEvent &addEvent(EventKind kind, Reason reason = Reason::None);
    /// voteDenied records a denied RequestVote or PreVote (kind) from m's candidate.
    TraceEvent &voteDenied(EventKind kind, const Message &m, Reason why);

    NodeConfig m_config;
    Rng m_rng;
    Time m_now = 0;
    PersistentState m_state;
    Role m_role = Role::Follower;
    NodeId m_leader = kNoNode;
    Index m_commitIndex = 0;
    Index m_lastApplied = 0;
    Time m_electionTimeout = 0;
    Time m_electionDeadline = 0;
    Time m_heartbeatDeadline = 0;
    /// m_transferTarget: as leader, the server leadership is handed to (§3.10), until
    /// m_transferDeadline.
    NodeId m_transferTarget = kNoNode;
    Time m_transferDeadline = 0;
    /// m_heardFrom: as leader, when each peer last answered in this term (§6.2).
    std::vector<Time> m_heardFrom;
    /// m_preCandidate: pre-vote round in progress (role Follower, term unchanged).
    bool m_preCandidate = false;
    /// m_leaderContact: when this server last heard from the leader m_leader.
    Time m_leaderContact = 0;
    /// m_deferredReported: the last index a CommitDeferred event was emitted for.
    Index m_deferredReported = 0;
    std::vector<Progress> m_progress;
    /// m_incoming: the snapshot being received in chunks (volatile; a crash loses it
    /// and the leader starts over).
    Snapshot m_incoming;
    /// PendingRead is a read the leader took and has not confirmed. Invariant: noted
    /// implies index is a commitIndex of this term's leadership, taken at or after
    /// the read arrived.
    struct PendingRead {
        std::uint64_t id = 0;
        std::uint64_t round = 0;
        Index index = 0;
        bool noted = false;
        bool operator==(const PendingRead &) const = default;
    };
    std::vector<PendingRead> m_reads;
    /// m_round: the leader's heartbeat round (AppendEntries carry it); m_acked[peer]
    /// the highest round each follower answered; m_roundStart the start time of the
    /// rounds a lease may still be based on (Lease mode).
    std::uint64_t m_round = 0;
    std::vector<std::uint64_t> m_acked;
    std::vector<std::pair<std::uint64_t, Time>> m_roundStart;
    Time m_leaseUntil = 0;
    /// m_base is the configuration before any entry of the log: the first one (S1..Sn),
    /// or none for a spare server.
    Configuration m_base;
    Configuration m_membership;
    Index m_membershipIndex = 0;
    /// m_peers: every other server this one talks to (voters, old voters, learners, and
    /// for a leader the servers leaving until their removal commits), in order.
    std::vector<NodeId> m_peers;
    /// m_leaving: as leader, servers removed by an uncommitted configuration; they hear
    /// on until it commits, so they learn of their removal.
    std::vector<NodeId> m_leaving;
    /// m_leavingSince: when the configuration leaving them out was committed (0: not yet).
    Time m_leavingSince = 0;
    /// m_target: as leader, the voters a change is heading for; m_joint whether it goes
    /// through C_old,new. Empty when no change is being prepared.
    std::vector<NodeId> m_target;
    bool m_joint = false;
    /// The catch-up of learners (§4.2.1): round number, its end index, its start time.
    int m_catchUpRound = 0;
    Index m_catchUpEnd = 0;
    Time m_catchUpStart = 0;
    /// m_removedReported: the ServerRemoved event for the configuration in force was emitted.
    bool m_removedReported = false;
    /// m_wasVoter: this server was a voter of the configuration before the one in force.
    bool m_wasVoter = false;
    /// m_selfVoter: this server is a voter of the configuration in force (kept by
    /// updatePeers, which runs after every change of it: nextDeadline asks at each event).
    bool m_selfVoter = false;
    Ready m_ready;
};

} // namespace raft
