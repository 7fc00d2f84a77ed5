#pragma once

#include "configuration.h"
#include "log.h"
#include "types.h"

#include <string>
#include <vector>

namespace raft {

/// ServerView is what the checker sees of one server after an event. A crashed
/// server shows its stable storage (term and log) and is not up.
struct ServerView {
    NodeId id = kNoNode;
    bool up = false;
    Role role = Role::Follower;
    Term term = 0;
    const Log *log = nullptr;
    Index commitIndex = 0;
    Index lastApplied = 0;
    /// incarnation changes every time the server restarts (its volatile state resets).
    std::uint32_t incarnation = 0;
    /// config: the configuration in force on a server that is up (nullptr when down),
    /// and the index of its entry.
    const Configuration *config = nullptr;
    Index configIndex = 0;
};

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
class Invariants {
public:
    explicit Invariants(int nodes = 5);

    /// check examines every server and appends a sentence per broken property to
    /// `found`. Returns true if nothing broke.
    bool check(const std::vector<ServerView> &servers, std::vector<std::string> &found);

    /// committedLength is the length of the longest prefix known to be committed.
    Index committedLength() const { return m_committed.size(); }

    bool operator==(const Invariants &) const = default;

private:
    struct Seen {
        Term term = 0;
        Role role = Role::Follower;
        bool up = false;
        std::uint32_t incarnation = 0;
        Index commitIndex = 0;
        /// the fingerprints of the log as last seen.
        std::vector<std::uint64_t> prints;
        std::vector<Term> terms;
        /// matchCommitted: how many committed entries this log holds.
        Index matchCommitted = 0;
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
    bool checkServer(const ServerView &view, Seen &seen, std::vector<std::string> &found);
    void checkCommittedStored(int nodes, std::vector<std::string> &found);
    /// checkConfigEntry checks the configuration entry i of a log against the one
    /// before it in that log.
    void checkConfigEntry(const ServerView &view, Index i, std::vector<std::string> &found) const;

    int m_nodes;
    /// the configuration of the committed prefix (its newest configuration entry).
    Configuration m_committedConfig;
    std::vector<Seen> m_seen;
    /// leader of each term, 0 if none seen yet; index = term.
    std::vector<NodeId> m_leaderOfTerm;
    /// the longest committed prefix seen (entry fingerprints and terms).
    std::vector<Committed> m_committed;
    /// (index, term) -> fingerprint of every entry ever seen, for Log Matching.
    std::vector<std::vector<std::pair<Term, std::uint64_t>>> m_known;
};

} // namespace raft
