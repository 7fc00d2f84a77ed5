#pragma once

#include "configuration.h"
#include "log.h"
#include "progress.h"
#include "sharedchunks.h"
#include "types.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace raft {

/// ServerView is what the checker sees of one server after an event. A crashed
/// server shows its stable storage (term and log) and is not up.
struct ServerView {
    NodeId id = kNoNode;
    bool up = false;
    Role role = Role::Follower;
    Term term = 0;
    /// votedFor: the vote cast in `term` (from stable storage when crashed).
    NodeId votedFor = kNoNode;
    const Log *log = nullptr;
    /// progress: a leader's Progress of every server (index id - 1, its own
    /// included); nullptr unless the server is up and leads.
    const Progress *progress = nullptr;
    Index commitIndex = 0;
    Index lastApplied = 0;
    /// incarnation changes every time the server restarts (its volatile state resets).
    std::uint32_t incarnation = 0;
    /// config: the configuration in force on a server that is up (nullptr when down),
    /// and the index of its entry.
    const Configuration *config = nullptr;
    Index configIndex = 0;
    /// snapshotConfig: the configuration the server's snapshot holds (nullptr: no
    /// snapshot); it stands for the configuration entries the snapshot replaced.
    const Configuration *snapshotConfig = nullptr;
};

/// Finding is one broken property: its name and section, the sentence that says
/// exactly what differs, and the servers and entry involved (the window marks them).
struct Finding {
    /// property: "Election Safety", "Log Matching", ...
    std::string property;
    /// section: where the paper states it, e.g. "§5.2".
    std::string section;
    /// what: the whole sentence, starting with the property ("Election Safety: S2 and
    /// S4 both lead term 3").
    std::string what;
    /// nodes: the servers involved (first the one that broke it).
    std::vector<NodeId> nodes;
    /// index: the log entry involved (0: none).
    Index index = 0;

    bool operator==(const Finding &) const = default;
};

/// makeFinding builds a Finding whose sentence is "PROPERTY: detail".
Finding makeFinding(std::string property, std::string section, const std::string &detail, std::vector<NodeId> nodes,
                    Index index = 0);

/// Invariants checks the safety properties of §5.4 (Figure 3) after every event,
/// incrementally: each check costs O(1) per server when nothing changed and
/// O(changed entries) otherwise.
///  - Election Safety: at most one leader per term.
///  - Leader Append-Only: a leader never overwrites or deletes entries in its log.
///  - Log Matching: two entries with the same index and term have identical prefixes.
///  - Leader Completeness: a leader holds every entry committed before its term.
///  - State Machine Safety: no two servers commit (and so apply) different entries
///    at the same index.
///  - Term monotonicity: a server's currentTerm never decreases, even across a crash.
///  - Committed entries are never lost: every committed entry is stored on a majority
///    of the newest committed configuration or of the newest one in force (of both
///    halves while it is joint).
///  - Election Safety holds across configurations: servers outside the first
///    configuration, added or removed, count like any other.
///  - Configurations overlap: each configuration entry's quorums share a server with
///    the quorums of the configuration before it in the same log (§4.1, §6; Figure 10
///    shows what happens otherwise).
///  - One vote per term: votedFor, once cast in a term, never changes in that term,
///    even across a crash (Figure 2 keeps it on stable storage).
///  - Figure 4's arrows: a server becomes candidate only in a new term, and leader
///    only as the candidate of that term (or after campaigning in the same event).
///  - The leader commit rule (§5.4.2): a leader's commitIndex only moves onto an entry
///    of its own term.
///  - A follower commits only what its leader proved: the entry at its commitIndex
///    is the one the leader of its term holds, at or below the leader's commitIndex.
///  - matchIndex never decreases within a leader's term, and is sound: a peer with
///    matchIndex m > 0 is in the leader's term or later, and while in that term holds
///    the leader's entry m (it acknowledged it).
///  - A snapshot contains only committed entries (§7), and what it replaced is the
///    committed prefix.
/// A server's log is checked with its snapshot: entries at or below the snapshot are
/// known only through the snapshot's last included index, term and fingerprint (the
/// digest of the prefix it replaced), which stand for the whole prefix.
class Invariants {
public:
    /// Invariants for a cluster whose first configuration is S1..S<nodes>, with up to
    /// `machines` servers (0: as many as nodes).
    explicit Invariants(int nodes = 5, int machines = 0);
    /// grow tells the checker that the world now has `machines` servers.
    void grow(int machines) { m_nodes = std::max(m_nodes, machines); }

    /// check examines every server and appends a Finding per broken property to
    /// `found`. Returns true if nothing broke.
    bool check(const std::vector<ServerView> &servers, std::vector<Finding> &found);
    /// check, knowing that only the servers in `changed` (bit id - 1) can have changed
    /// since the last check: the others' views are as they were, and are not looked at
    /// again on their own (a server this checker has never seen is always looked at).
    bool check(const std::vector<ServerView> &servers, std::vector<Finding> &found, std::uint32_t changed);
    /// check, with only the sentences.
    bool check(const std::vector<ServerView> &servers, std::vector<std::string> &found);

    /// committedLength is the length of the longest prefix known to be committed.
    Index committedLength() const { return m_committed.size(); }

    bool operator==(const Invariants &) const = default;
    /// memoryBytes estimates what the checker holds; chunks already in `counted` (shared
    /// with a copy of it, see SharedChunks) are skipped.
    std::size_t memoryBytes(std::unordered_set<const void *> *counted) const;

private:
    struct Seen {
        Term term = 0;
        Role role = Role::Follower;
        bool up = false;
        std::uint32_t incarnation = 0;
        Index commitIndex = 0;
        NodeId votedFor = kNoNode;
        /// match: as leader, the matchIndex of every server (empty otherwise).
        std::vector<Index> match;
        /// the fingerprints of the log as last seen.
        SharedChunks<std::uint64_t> prints;
        SharedChunks<Term> terms;
        /// matchCommitted: how many committed entries this log holds.
        Index matchCommitted = 0;
        /// base: the snapshot's last included index as last seen; prints below it are
        /// not known (0).
        Index base = 0;
        /// snapshotMoved: the snapshot changed in the current check.
        bool snapshotMoved = false;
        /// initialized: seen at least once (a fresh checker trusts what it first sees).
        bool initialized = false;
        /// changed: something of this server changed in the current check.
        bool changed = true;
        /// config, configIndex: the configuration in force when it was last up.
        Configuration config;
        Index configIndex = 0;
        bool operator==(const Seen &) const = default;
    };
    struct Committed {
        std::uint64_t print = 0;
        Term term = 0;
        /// commitTerm: the term of the server that first committed it.
        Term commitTerm = 0;
        bool operator==(const Committed &) const = default;
    };

    /// checkServer checks one server's own history and returns whether it changed.
    bool checkServer(const ServerView &view, Seen &seen, std::vector<Finding> &found);
    /// checkAgainstLeaders checks what followers commit and what leaders believe
    /// their followers hold (the cross-server rules of the last three items above).
    void checkAgainstLeaders(const std::vector<ServerView> &servers, std::vector<Finding> &found);
    /// checkSnapshot checks that a server's new snapshot holds only committed entries.
    void checkSnapshot(const ServerView &view, std::vector<Finding> &found) const;
    /// checkConfigEntry checks the configuration entry i of a log against the one
    /// before it in that log (or in its snapshot).
    void checkConfigEntry(const ServerView &view, Index i, std::vector<Finding> &found) const;

    /// m_nodes: how many servers exist (progress arrays are read this far);
    /// m_firstNodes: the size of the first configuration.
    int m_nodes;
    int m_firstNodes;
    /// the configuration of the committed prefix (its newest configuration entry).
    Configuration m_committedConfig;
    std::vector<Seen> m_seen;
    /// leader of each term, 0 if none seen yet; index = term.
    std::vector<NodeId> m_leaderOfTerm;
    /// the longest committed prefix seen (entry fingerprints and terms); entries below
    /// m_committedBase are not known (first seen inside a snapshot).
    SharedChunks<Committed> m_committed;
    Index m_committedBase = 0;
    /// (index, term) -> fingerprint of every entry ever seen, for Log Matching.
    SharedChunks<std::vector<std::pair<Term, std::uint64_t>>> m_known;
};

} // namespace raft
