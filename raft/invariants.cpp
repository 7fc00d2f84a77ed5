#include "invariants.h"

#include <algorithm>

namespace raft {

namespace {
constexpr const char *kSms = "State Machine Safety";
constexpr const char *kSmsSection = "§5.4.3";

std::string term(Term t)
{
    return std::to_string(t);
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

Invariants::Invariants(int nodes)
    : m_nodes(nodes)
    , m_seen(static_cast<std::size_t>(nodes))
{ }

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
    const std::size_t before = found.size();
    // 1. Logs, terms and roles, server by server.
    bool anyChanged = false;
    for (const ServerView &view : servers) {
        Seen &seen = m_seen[view.id - 1];
        seen.changed = checkServer(view, seen, found);
        anyChanged = anyChanged || seen.changed;
    }
    if (!anyChanged)
        return found.size() == before; // nothing moved: every property still holds

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
        if (shared > 0 && log.fingerprint(shared) != m_committed[shared - 1].print) {
            Index first = 1;
            while (first < shared && log.fingerprint(first) == m_committed[first - 1].print)
                ++first;
            std::vector<NodeId> involved{view.id};
            for (const ServerView &other : servers)
                if (other.id != view.id && other.up && other.commitIndex >= first && other.log->lastIndex() >= first
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
        for (Index i = m_committed.size() + 1; i <= view.commitIndex; ++i)
            m_committed.push_back(Committed{log.fingerprint(i), log.termAt(i), view.term});
    }

    // 3. How much of the committed prefix each log holds; Leader Completeness; and
    //    every committed entry stored on a majority.
    const Index committed = m_committed.size();
    const bool grew = committed > committedBefore;
    int holders = 0;
    for (const ServerView &view : servers) {
        Seen &seen = m_seen[view.id - 1];
        if (!seen.changed && !grew) {
            holders += seen.matchCommitted == committed ? 1 : 0;
            continue;
        }
        const Log &log = *view.log;
        Index k = std::min<Index>(committed, log.lastIndex());
        if (k > 0 && log.fingerprint(k) != m_committed[k - 1].print) {
            // Binary search for the longest committed prefix this log holds.
            Index lo = 0, hi = k - 1;
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
            ++holders;
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
    if (committed > 0 && holders < m_nodes / 2 + 1) {
        std::vector<NodeId> missing; // the servers that lost (or lack) it
        for (const ServerView &view : servers)
            if (m_seen[view.id - 1].matchCommitted < committed)
                missing.push_back(view.id);
        found.push_back(makeFinding("Committed entries are durable", "§5.4",
                                    "committed entry " + std::to_string(committed) + " is stored on only "
                                        + std::to_string(holders) + " of " + std::to_string(m_nodes)
                                        + " servers, not a majority",
                                    std::move(missing), committed));
    }

    for (const ServerView &view : servers) {
        Seen &seen = m_seen[view.id - 1];
        if (!seen.changed)
            continue;
        seen.term = view.term;
        seen.role = view.role;
        seen.up = view.up;
        seen.incarnation = view.incarnation;
        seen.commitIndex = view.commitIndex;
    }
    return found.size() == before;
}

bool Invariants::checkServer(const ServerView &view, Seen &seen, std::vector<Finding> &found)
{
    const Log &log = *view.log;
    const Index length = log.lastIndex();
    if (view.term == seen.term && view.role == seen.role && view.up == seen.up && view.incarnation == seen.incarnation
        && view.commitIndex == seen.commitIndex && length == seen.prints.size()
        && (length == 0 || seen.prints.back() == log.fingerprint(length)))
        return false; // the common case: a heartbeat changed nothing the checks look at

    if (view.term < seen.term)
        found.push_back(makeFinding("Term monotonicity", "§5.1",
                                    nodeName(view.id) + "'s currentTerm went down from " + term(seen.term) + " to "
                                        + term(view.term),
                                    {view.id}));

    // Election Safety: at most one leader per term.
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
    const Index oldLength = seen.prints.size();
    const Index newLength = log.lastIndex();
    Index common = std::min(oldLength, newLength);
    while (common > 0 && seen.prints[common - 1] != log.fingerprint(common))
        --common;
    if (common == oldLength && common == newLength)
        return true; // the log is unchanged; term, role or commitIndex moved

    // Leader Append-Only: a leader never deletes or overwrites its own entries.
    const bool sameLeadership = seen.up && view.up && seen.role == Role::Leader && view.role == Role::Leader
        && seen.term == view.term && seen.incarnation == view.incarnation;
    if (sameLeadership && common < oldLength)
        found.push_back(makeFinding("Leader Append-Only", "§5.3",
                                    nodeName(view.id) + ", leader of term " + term(view.term)
                                        + ", removed or overwrote entries after index " + std::to_string(common),
                                    {view.id}, common + 1));

    // Log Matching: an entry with the same index and term always has the same history.
    for (Index i = common + 1; i <= newLength; ++i) {
        if (m_known.size() <= i)
            m_known.resize(i + 1);
        auto &atIndex = m_known[i];
        const Term t = log.termAt(i);
        const std::uint64_t print = log.fingerprint(i);
        auto it = std::find_if(atIndex.begin(), atIndex.end(), [t](const auto &p) { return p.first == t; });
        if (it == atIndex.end())
            atIndex.emplace_back(t, print);
        else if (it->second != print)
            found.push_back(makeFinding("Log Matching", "§5.3",
                                        nodeName(view.id) + "'s entry " + std::to_string(i) + " of term " + term(t)
                                            + " differs, or follows a different history, from another server's entry "
                                            + std::to_string(i) + " of term " + term(t),
                                        {view.id}, i));
    }
    seen.prints.resize(common);
    seen.terms.resize(common);
    for (Index i = common + 1; i <= newLength; ++i) {
        seen.prints.push_back(log.fingerprint(i));
        seen.terms.push_back(log.termAt(i));
    }
    return true;
}

} // namespace raft
