#include "invariants.h"

#include <algorithm>

namespace raft {

namespace {
constexpr const char *kSms = "State Machine Safety";
constexpr const char *kSmsSection = "§5.4.3";
constexpr const char *kSnap = "A snapshot contains only committed entries";

std::string term(Term t)
{
    return std::to_string(t);
}

// holdsMajority tells whether `mask` (a bit per id) holds more than half of `set`.
// The checker counts for itself rather than asking Configuration, which the servers
// use: a broken quorum rule in the servers (scripts/mutants) must not break the
// check of it too.
bool holdsMajority(const std::vector<NodeId> &set, std::uint32_t mask)
{
    std::size_t in = 0;
    for (NodeId id : set)
        in += (mask >> id) & 1u;
    return 2 * in > set.size();
}

// isQuorum is Configuration::hasQuorum counted independently: a majority of the
// voters and, while joint, of the old voters as well (§6).
bool isQuorum(const Configuration &c, std::uint32_t mask)
{
    if (c.voters.empty() && c.old.empty())
        return false;
    return (c.voters.empty() || holdsMajority(c.voters, mask)) && (c.old.empty() || holdsMajority(c.old, mask));
}

// quorumsOverlap is Configuration::overlapsInMajority counted with isQuorum: no quorum
// of `a` leaves a quorum of `b` outside it (every set of servers tried, 2^9 at most).
bool quorumsOverlap(const Configuration &a, const Configuration &b)
{
    if (a.empty() || b.empty())
        return true;
    const std::uint32_t all = ((1u << (kMaxNodes + 1)) - 1) & ~1u;
    for (std::uint32_t set = 0; set <= all; set += 2)
        if (isQuorum(a, set) && isQuorum(b, all & ~set))
            return false;
    return true;
}
} // namespace

Finding makeFinding(std::string property, std::string section, const std::string &detail, std::vector<NodeId> nodes,
                    Index index)
{
    Finding f;
    f.what = property + ": " + detail;
    f.property = std::move(property);
    f.section = std::move(section);
    f.nodes = std::move(nodes);
    f.index = index;
    return f;
}

Invariants::Invariants(int nodes, int machines)
    : m_nodes(std::max(nodes, machines))
    , m_firstNodes(nodes)
    , m_committedConfig(Configuration::first(nodes))
    , m_seen(static_cast<std::size_t>(kMaxNodes))
{ }

void Invariants::checkConfigEntry(const ServerView &view, Index i, std::vector<Finding> &found) const
{
    const Log &log = *view.log;
    const std::optional<Configuration> next = Configuration::decode(log.at(i).command);
    if (!next)
        return;
    // The configuration before entry i: the newest entry before it still in the log,
    // else the snapshot's (§7), else the first configuration.
    Configuration before = view.snapshotConfig && log.snapshotIndex() > 0 && !view.snapshotConfig->empty()
                               ? *view.snapshotConfig
                               : Configuration::first(m_firstNodes);
    for (Index j = i - 1; j > log.snapshotIndex(); --j)
        if (Configuration::isConfigCommand(log.at(j).command)) {
            if (std::optional<Configuration> c = Configuration::decode(log.at(j).command))
                before = *c;
            break;
        }
    if (!quorumsOverlap(*next, before))
        found.push_back(makeFinding("Configurations overlap", "§6",
                                    nodeName(view.id) + "'s entry " + std::to_string(i)
                                        + " changes the configuration from " + before.describe() + " to "
                                        + next->describe()
                                        + ", and a majority of one need not meet a majority of the other, so each "
                                          "could elect its own leader in one term (Figure 10)",
                                    {view.id}, i));
}

bool Invariants::check(const std::vector<ServerView> &servers, std::vector<std::string> &found)
{
    std::vector<Finding> findings;
    const bool ok = check(servers, findings);
    for (Finding &f : findings)
        found.push_back(std::move(f.what));
    return ok;
}

bool Invariants::check(const std::vector<ServerView> &servers, std::vector<Finding> &found)
{
    return check(servers, found, ~std::uint32_t{0});
}

bool Invariants::check(const std::vector<ServerView> &servers, std::vector<Finding> &found, std::uint32_t changed)
{
    const std::size_t before = found.size();
    // 1. Logs, terms and roles, server by server.
    bool anyChanged = false;
    for (const ServerView &view : servers) {
        Seen &seen = m_seen[view.id - 1];
        const bool mayHaveChanged = !seen.initialized || (changed >> (view.id - 1) & 1u) != 0;
        seen.changed = mayHaveChanged && checkServer(view, seen, found);
        anyChanged = anyChanged || seen.changed;
    }
    if (!anyChanged)
        return found.size() == before; // nothing moved: every property still holds

    // 1b. What followers commit and what leaders believe their followers hold.
    checkAgainstLeaders(servers, found);

    // A new snapshot must hold only entries committed before this event (a leader may
    // commit and snapshot in one event).
    for (const ServerView &view : servers)
        if (m_seen[view.id - 1].snapshotMoved)
            checkSnapshot(view, found);

    // 2. Commitment: every server's committed prefix must be the one committed
    //    prefix (State Machine Safety); a longer one extends it.
    const Index committedBefore = m_committed.size();
    for (const ServerView &view : servers) {
        if (!view.up || !m_seen[view.id - 1].changed)
            continue;
        if (view.lastApplied > view.commitIndex)
            found.push_back(makeFinding(kSms, kSmsSection,
                                        nodeName(view.id) + " applied entry " + std::to_string(view.lastApplied)
                                            + " beyond its commitIndex " + std::to_string(view.commitIndex),
                                        {view.id}, view.lastApplied));
        if (view.commitIndex == 0)
            continue;
        const Log &log = *view.log;
        if (view.commitIndex > log.lastIndex()) {
            found.push_back(makeFinding(kSms, kSmsSection,
                                        nodeName(view.id) + "'s commitIndex " + std::to_string(view.commitIndex)
                                            + " is past the end of its log (" + std::to_string(log.lastIndex()) + ")",
                                        {view.id}, log.lastIndex() + 1));
            continue;
        }
        const Index shared = std::min<Index>(view.commitIndex, m_committed.size());
        // Below the snapshot (or the prefix the checker knows) the logs compare by the
        // snapshot's fingerprint: compare at the last index both know, if any.
        const Index known = std::max(log.snapshotIndex(), m_committedBase);
        if (shared > 0 && shared >= known && log.fingerprint(shared) != m_committed[shared - 1].print) {
            Index first = std::max<Index>(known, 1);
            while (first < shared && log.fingerprint(first) == m_committed[first - 1].print)
                ++first;
            std::vector<NodeId> involved{view.id};
            for (const ServerView &other : servers)
                if (other.id != view.id && other.up && other.commitIndex >= first && other.log->has(first)
                    && other.log->fingerprint(first) == m_committed[first - 1].print)
                    involved.push_back(other.id);
            found.push_back(makeFinding(kSms, kSmsSection,
                                        nodeName(view.id) + " committed entry " + std::to_string(first) + " of term "
                                            + term(log.termAt(first))
                                            + ", but another server committed a different entry (term "
                                            + term(m_committed[first - 1].term) + ") at that index",
                                        std::move(involved), first));
            continue;
        }
        if (m_committed.size() + 1 < log.snapshotIndex())
            m_committedBase = log.snapshotIndex(); // first seen inside a snapshot: the prefix is unknown
        for (Index i = m_committed.size() + 1; i <= view.commitIndex; ++i) {
            if (log.has(i))
                m_committed.push_back(Committed{log.fingerprint(i), log.termAt(i), view.term});
            else
                m_committed.push_back(Committed{0, 0, view.term});
            // The committed configuration: the newest configuration entry committed,
            // read from the snapshot for the entries it replaced (§4.1, §7).
            if (i > log.snapshotIndex()) {
                if (Configuration::isConfigCommand(log.at(i).command))
                    if (std::optional<Configuration> c = Configuration::decode(log.at(i).command))
                        m_committedConfig = *c;
            } else if (i == log.snapshotIndex() && view.snapshotConfig && !view.snapshotConfig->empty()) {
                m_committedConfig = *view.snapshotConfig;
            }
        }
    }

    // 3. How much of the committed prefix each log holds; Leader Completeness; and
    //    every committed entry stored on a majority.
    const Index committed = m_committed.size();
    const bool grew = committed > committedBefore;
    std::uint32_t holders = 0;
    for (const ServerView &view : servers) {
        Seen &seen = m_seen[view.id - 1];
        if (!seen.changed && !grew) {
            holders |= seen.matchCommitted == committed ? 1u << view.id : 0u;
            continue;
        }
        const Log &log = *view.log;
        Index k = std::min<Index>(committed, log.lastIndex());
        // A snapshot holds every committed entry below it (checked above); compare
        // where both the log and the checker know the prints.
        const Index known = std::max(log.snapshotIndex(), m_committedBase);
        if (k > 0 && k >= known && log.fingerprint(k) != m_committed[k - 1].print) {
            // Binary search for the longest committed prefix this log holds.
            Index lo = known > 0 ? known - 1 : 0, hi = k - 1;
            while (lo < hi) {
                const Index mid = (lo + hi + 1) / 2;
                if (log.fingerprint(mid) == m_committed[mid - 1].print)
                    lo = mid;
                else
                    hi = mid - 1;
            }
            k = lo;
        }
        seen.matchCommitted = k;
        if (k == committed)
            holders |= 1u << view.id;
        // Leader Completeness: a leader of term T holds every entry committed in a
        // term before T. Checked when it takes office and whenever more commits.
        if (view.up && view.role == Role::Leader && k < committed) {
            Index need = committed;
            while (need > k && m_committed[need - 1].commitTerm >= view.term)
                --need;
            if (need > k)
                found.push_back(makeFinding("Leader Completeness", "§5.4.1",
                                            nodeName(view.id) + ", leader of term " + term(view.term) + ", lacks entry "
                                                + std::to_string(k + 1) + " (term " + term(m_committed[k].term)
                                                + ") committed in term " + term(m_committed[need - 1].commitTerm),
                                            {view.id}, k + 1));
        }
    }
    // A leader commits with the configuration in force in its log, which may be newer
    // than the committed one (§4.1): a quorum of either keeps an entry safe, as their
    // quorums overlap.
    const Configuration *newest = nullptr;
    Index newestIndex = 0;
    for (const ServerView &view : servers) {
        Seen &seen = m_seen[view.id - 1];
        if (view.up && view.config && (seen.configIndex != view.configIndex || seen.config.empty())) {
            seen.config = *view.config;
            seen.configIndex = view.configIndex;
        }
        if (!seen.config.empty() && seen.configIndex >= newestIndex) {
            newest = &seen.config;
            newestIndex = seen.configIndex;
        }
    }
    // Safe means no quorum can be formed without a holder (so no leader can be elected
    // without the entry, §5.4.1): the servers that lack it are no quorum. With an odd
    // number of voters that is "a majority holds it"; with an even number half is
    // enough (an entry committed by 3 of C5 stays safe when C6 is back in force).
    const std::uint32_t lacking = ~holders & (((1u << (kMaxNodes + 1)) - 1) & ~1u);
    if (committed > 0 && isQuorum(m_committedConfig, lacking) && (!newest || isQuorum(*newest, lacking))) {
        std::vector<NodeId> on, missing; // missing: the voters that lost (or lack) it
        for (NodeId id = 1; id <= kMaxNodes; ++id) {
            if ((holders >> id) & 1u)
                on.push_back(id);
            else if (m_committedConfig.isVoter(id))
                missing.push_back(id);
        }
        found.push_back(makeFinding("Committed entries are durable", "§5.4",
                                    "committed entry " + std::to_string(committed) + " is stored only on "
                                        + (on.empty() ? std::string("no server") : nodeList(on))
                                        + ", not a majority of the configuration " + m_committedConfig.describe(),
                                    std::move(missing), committed));
    }

    for (const ServerView &view : servers) {
        Seen &seen = m_seen[view.id - 1];
        seen.initialized = true;
        seen.snapshotMoved = false;
        if (!seen.changed)
            continue;
        seen.term = view.term;
        seen.role = view.role;
        seen.up = view.up;
        seen.incarnation = view.incarnation;
        seen.commitIndex = view.commitIndex;
        seen.votedFor = view.votedFor;
        seen.match.clear();
        if (view.progress)
            for (int i = 0; i < m_nodes; ++i)
                seen.match.push_back(view.progress[i].matchIndex);
    }
    return found.size() == before;
}

void Invariants::checkAgainstLeaders(const std::vector<ServerView> &servers, std::vector<Finding> &found)
{
    for (const ServerView &leader : servers) {
        if (!leader.up || leader.role != Role::Leader)
            continue;
        const Seen &ls = m_seen[leader.id - 1];
        const Log &llog = *leader.log;
        for (const ServerView &f : servers) {
            if (f.id == leader.id)
                continue;
            const Seen &fs = m_seen[f.id - 1];
            if (!ls.changed && !fs.changed)
                continue;
            const Log &flog = *f.log;
            // §5.3: a follower commits min(leaderCommit, index of the last new entry):
            // only entries the leader's AppendEntries proved to match its own.
            const Index was = fs.up && fs.incarnation == f.incarnation ? fs.commitIndex : 0;
            // A commit that installing a snapshot brought (§7, Figure 13 step 8) is proved
            // by InstallSnapshot, not AppendEntries; "a snapshot contains only committed
            // entries" checks it. So does a restart from the server's own snapshot.
            const bool bySnapshot = f.commitIndex == f.log->snapshotIndex()
                && (fs.snapshotMoved || !fs.up || fs.incarnation != f.incarnation);
            if (fs.changed && f.up && f.term == leader.term && f.role != Role::Leader && f.commitIndex > was
                && !bySnapshot) {
                const Index c = f.commitIndex;
                // Entries a snapshot replaced are known only through it (§7): compare
                // fingerprints where both logs still know index c.
                const bool differs = flog.has(c) && llog.has(c) && flog.fingerprint(c) != llog.fingerprint(c);
                if (c > leader.commitIndex || c > llog.lastIndex() || flog.lastIndex() < c || differs)
                    found.push_back(makeFinding(
                        "Follower commit", "§5.3",
                        nodeName(f.id) + " moved its commitIndex to " + std::to_string(c) + " in term " + term(f.term)
                            + ", beyond what leader " + nodeName(leader.id)
                            + "'s AppendEntries proved (the leader's commitIndex is "
                            + std::to_string(leader.commitIndex)
                            + (differs ? "; its entry " + std::to_string(c) + " differs" : std::string()) + ")",
                        {f.id, leader.id}, c));
            }
            // matchIndex is what the follower acknowledged in the leader's term; terms
            // never go back and, within the term, the leader never removes a matching
            // entry, so the follower still holds it.
            const Index m = leader.progress ? leader.progress[f.id - 1].matchIndex : 0;
            if (m == 0)
                continue;
            std::string why;
            if (m > llog.lastIndex())
                why = "past the end of the leader's own log (" + std::to_string(llog.lastIndex()) + ")";
            else if (f.term < leader.term)
                why = "but " + nodeName(f.id) + " is still in term " + term(f.term);
            else if (f.term == leader.term
                     && (flog.lastIndex() < m
                         || (flog.has(m) && llog.has(m) && flog.fingerprint(m) != llog.fingerprint(m))))
                why = "but " + nodeName(f.id) + "'s log " + (flog.lastIndex() < m ? "is shorter" : "differs there");
            if (!why.empty())
                found.push_back(makeFinding("matchIndex", "Figure 2",
                                            nodeName(leader.id) + ", leader of term " + term(leader.term)
                                                + ", has matchIndex " + std::to_string(m) + " for " + nodeName(f.id)
                                                + ", " + why,
                                            {leader.id, f.id}, m));
        }
    }
}

bool Invariants::checkServer(const ServerView &view, Seen &seen, std::vector<Finding> &found)
{
    const Log &log = *view.log;
    const Index length = log.lastIndex();
    const auto sameMatch = [&] {
        if (!view.progress)
            return seen.match.empty();
        if (seen.match.size() != static_cast<std::size_t>(m_nodes))
            return false;
        for (int i = 0; i < m_nodes; ++i)
            if (view.progress[i].matchIndex != seen.match[static_cast<std::size_t>(i)])
                return false;
        return true;
    };
    if (view.term == seen.term && view.role == seen.role && view.up == seen.up && view.incarnation == seen.incarnation
        && view.commitIndex == seen.commitIndex && view.votedFor == seen.votedFor && length == seen.prints.size()
        && log.snapshotIndex() == seen.base && (length == 0 || seen.prints.back() == log.fingerprint(length))
        && sameMatch())
        return false; // the common case: a heartbeat changed nothing the checks look at

    const auto who = [&view] { return nodeName(view.id); }; // only a finding needs it

    seen.snapshotMoved = seen.initialized && log.snapshotIndex() != seen.base;
    if (view.up && view.commitIndex < log.snapshotIndex())
        found.push_back(makeFinding(kSnap, "§7",
                                    who() + "'s snapshot ends at " + std::to_string(log.snapshotIndex())
                                        + ", past its commitIndex " + std::to_string(view.commitIndex),
                                    {view.id}, log.snapshotIndex()));

    if (view.term < seen.term)
        found.push_back(makeFinding("Term monotonicity", "§5.1",
                                    who() + "'s currentTerm went down from " + term(seen.term) + " to " + term(view.term),
                                    {view.id}));

    // One vote per term (§5.2), and votedFor is on stable storage (Figure 2).
    if (view.term == seen.term && seen.votedFor != kNoNode && view.votedFor != seen.votedFor)
        found.push_back(makeFinding(
            "One vote per term", "§5.2",
            who() + " voted for " + nodeName(seen.votedFor) + " in term " + term(view.term) + ", then "
                + (view.votedFor == kNoNode ? std::string("forgot that vote") : "voted for " + nodeName(view.votedFor)),
            {view.id}));

    const bool sameLife = seen.up && view.up && seen.incarnation == view.incarnation;
    if (sameLife && view.role != seen.role && view.term == seen.term) {
        // Figure 4: follower -> candidate and candidate -> candidate start a new term;
        // only a candidate becomes leader; a leader only steps down.
        if (view.role == Role::Candidate)
            found.push_back(makeFinding("Figure 4", "§5.1",
                                        who() + " became candidate from " + roleName(seen.role)
                                            + " without starting a new term (" + term(view.term) + ")",
                                        {view.id}));
        else if (view.role == Role::Leader && seen.role == Role::Follower)
            found.push_back(makeFinding("Figure 4", "§5.1",
                                        who() + " went from follower to leader in term " + term(view.term)
                                            + " without standing as candidate",
                                        {view.id}));
    }

    // The leader commit rule (§5.4.2, Figure 8): a leader commits by counting replicas
    // only an entry of its own term (earlier ones commit with it).
    if (sameLife && view.role == Role::Leader && view.commitIndex > seen.commitIndex && log.has(view.commitIndex)
        && log.termAt(view.commitIndex) != view.term)
        found.push_back(makeFinding("Leader commit rule", "§5.4.2",
                                    who() + ", leader of term " + term(view.term) + ", moved its commitIndex to "
                                        + std::to_string(view.commitIndex) + ", an entry of term "
                                        + term(log.termAt(view.commitIndex))
                                        + " (only entries of the current term are committed by counting replicas)",
                                    {view.id}, view.commitIndex));

    // matchIndex never decreases while one leader leads one term.
    if (sameLife && view.progress && seen.role == Role::Leader && seen.term == view.term
        && seen.match.size() == static_cast<std::size_t>(m_nodes)) {
        for (int i = 0; i < m_nodes; ++i)
            if (view.progress[i].matchIndex < seen.match[static_cast<std::size_t>(i)])
                found.push_back(makeFinding("matchIndex", "Figure 2",
                                            who() + ", leader of term " + term(view.term) + ", lowered " + nodeName(i + 1)
                                                + "'s matchIndex from "
                                                + std::to_string(seen.match[static_cast<std::size_t>(i)]) + " to "
                                                + std::to_string(view.progress[i].matchIndex),
                                            {view.id, i + 1}));
    }

    // Election Safety: at most one leader per term, across configurations (a leader of
    // C_old and a leader of C_new in one term would be two).
    if (view.up && view.role == Role::Leader) {
        if (m_leaderOfTerm.size() <= view.term)
            m_leaderOfTerm.resize(view.term + 1, kNoNode);
        NodeId &leader = m_leaderOfTerm[view.term];
        if (leader == kNoNode)
            leader = view.id;
        else if (leader != view.id)
            found.push_back(
                makeFinding("Election Safety", "§5.2",
                            nodeName(leader) + " and " + nodeName(view.id) + " both lead term " + term(view.term),
                            {leader, view.id}));
    }

    // What changed in the log since the last check: the common prefix, found from
    // the end (changes are almost always at the tail).
    // Prints are known from the snapshot's index on, in the log and in what was seen.
    const Index oldLength = seen.prints.size();
    const Index newLength = log.lastIndex();
    const Index low = std::max(seen.base, log.snapshotIndex());
    Index common = std::min(oldLength, newLength);
    while (common > low && seen.prints[common - 1] != log.fingerprint(common))
        --common;
    if (common == low && common > 0 && common <= oldLength && common <= newLength
        && seen.prints[common - 1] != log.fingerprint(common))
        --common; // differs at or below the snapshot: no more can be told
    seen.base = log.snapshotIndex();
    if (common == oldLength && common == newLength)
        return true; // the log is unchanged; term, role, commitIndex or its snapshot moved

    // Leader Append-Only: a leader never deletes or overwrites its own entries.
    const bool sameLeadership = seen.up && view.up && seen.role == Role::Leader && view.role == Role::Leader
        && seen.term == view.term && seen.incarnation == view.incarnation;
    if (sameLeadership && common < oldLength)
        found.push_back(makeFinding("Leader Append-Only", "§5.3",
                                    nodeName(view.id) + ", leader of term " + term(view.term)
                                        + ", removed or overwrote entries after index " + std::to_string(common),
                                    {view.id}, common + 1));

    // Log Matching: an entry with the same index and term always has the same history.
    for (Index i = std::max(common + 1, log.snapshotIndex()); i <= newLength; ++i) {
        if (i == 0)
            continue;
        if (m_known.size() <= i)
            m_known.resize(i + 1);
        const auto &known = m_known[i];
        const Term t = log.termAt(i);
        const std::uint64_t print = log.fingerprint(i);
        auto it = std::find_if(known.begin(), known.end(), [t](const auto &p) { return p.first == t; });
        if (it == known.end()) {
            m_known.mutate(i).emplace_back(t, print);
            if (i > log.snapshotIndex() && Configuration::isConfigCommand(log.at(i).command))
                checkConfigEntry(view, i, found);
        } else if (it->second != print)
            found.push_back(makeFinding("Log Matching", "§5.3",
                                        nodeName(view.id) + "'s entry " + std::to_string(i) + " of term " + term(t)
                                            + " differs, or follows a different history, from another server's entry "
                                            + std::to_string(i) + " of term " + term(t),
                                        {view.id}, i));
    }
    seen.prints.resize(common);
    seen.terms.resize(common);
    for (Index i = common + 1; i <= newLength; ++i) {
        seen.prints.push_back(log.has(i) ? log.fingerprint(i) : 0);
        seen.terms.push_back(log.has(i) ? log.termAt(i) : 0);
    }
    return true;
}

void Invariants::checkSnapshot(const ServerView &view, std::vector<Finding> &found) const
{
    // §7: a server snapshots only applied, so committed, entries; a follower installs
    // only a leader's snapshot. Either way its snapshot is a prefix of the committed
    // log: short enough, and the same entries.
    const Log &log = *view.log;
    const Index index = log.snapshotIndex();
    // A leader's own commit counts: it may commit and snapshot in one event, and step
    // down in that event too when the entry committed removes it (§4.2.2).
    const Seen &seen = m_seen[view.id - 1];
    const bool wasLeader = seen.up && seen.role == Role::Leader && seen.term == view.term
        && seen.incarnation == view.incarnation;
    const bool ownCommit = view.up && (view.role == Role::Leader || wasLeader) && index <= view.commitIndex;
    if (index > m_committed.size() && !ownCommit) {
        found.push_back(makeFinding(kSnap, "§7",
                                    nodeName(view.id) + "'s snapshot ends at " + std::to_string(index) + ", but only "
                                        + std::to_string(m_committed.size()) + " entries are committed",
                                    {view.id}, index));
        return;
    }
    if (index <= m_committed.size() && index >= m_committedBase && index > 0
        && log.fingerprint(index) != m_committed[index - 1].print)
        found.push_back(makeFinding(kSnap, "§7",
                                    nodeName(view.id) + "'s snapshot up to " + std::to_string(index) + " (term "
                                        + term(log.snapshotTerm()) + ") holds other entries than the committed ones",
                                    {view.id}, index));
}

std::size_t Invariants::memoryBytes(std::unordered_set<const void *> *counted) const
{
    std::size_t bytes = sizeof(*this) + m_leaderOfTerm.capacity() * sizeof(NodeId) + m_committed.memoryBytes(counted)
        + m_known.memoryBytes(counted, [](const auto &atIndex) { return atIndex.capacity() * sizeof(atIndex[0]); });
    for (const Seen &seen : m_seen)
        bytes += sizeof(Seen) + seen.prints.memoryBytes(counted) + seen.terms.memoryBytes(counted);
    return bytes;
}

} // namespace raft
