#include "invariants.h"

#include <algorithm>

namespace raft {

namespace {
std::string term(Term t)
{
    return std::to_string(t);
}
} // namespace

Invariants::Invariants(int nodes)
    : m_nodes(nodes)
    , m_committedConfig(Configuration::first(nodes))
    , m_seen(static_cast<std::size_t>(kMaxNodes))
{ }

void Invariants::checkConfigEntry(const ServerView &view, Index i, std::vector<std::string> &found) const
{
    const Log &log = *view.log;
    const std::optional<Configuration> next = Configuration::decode(log.at(i).command);
    if (!next)
        return;
    Configuration before = Configuration::first(m_nodes);
    for (Index j = i - 1; j >= 1; --j)
        if (Configuration::isConfigCommand(log.at(j).command)) {
            if (std::optional<Configuration> c = Configuration::decode(log.at(j).command))
                before = *c;
            break;
        }
    if (!next->overlapsInMajority(before))
        found.push_back("Configurations overlap: " + nodeName(view.id) + "'s entry " + std::to_string(i)
                        + " changes the configuration from " + before.describe() + " to " + next->describe()
                        + ", and a majority of one need not meet a majority of the other, so each could elect its "
                          "own leader in one term (Figure 10)");
}

bool Invariants::check(const std::vector<ServerView> &servers, std::vector<std::string> &found)
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
        if (!view.up || view.commitIndex == 0 || !m_seen[view.id - 1].changed)
            continue;
        const Log &log = *view.log;
        if (view.commitIndex > log.lastIndex()) {
            found.push_back("State Machine Safety: " + nodeName(view.id) + "'s commitIndex "
                            + std::to_string(view.commitIndex) + " is past the end of its log ("
                            + std::to_string(log.lastIndex()) + ")");
            continue;
        }
        if (view.lastApplied > view.commitIndex)
            found.push_back("State Machine Safety: " + nodeName(view.id) + " applied entry "
                            + std::to_string(view.lastApplied) + " beyond its commitIndex "
                            + std::to_string(view.commitIndex));
        const Index shared = std::min<Index>(view.commitIndex, m_committed.size());
        if (shared > 0 && log.fingerprint(shared) != m_committed[shared - 1].print) {
            Index first = 1;
            while (first < shared && log.fingerprint(first) == m_committed[first - 1].print)
                ++first;
            found.push_back("State Machine Safety: " + nodeName(view.id) + " committed entry " + std::to_string(first)
                            + " of term " + term(log.termAt(first))
                            + ", but another server committed a different entry (term "
                            + term(m_committed[first - 1].term) + ") at that index");
            continue;
        }
        for (Index i = m_committed.size() + 1; i <= view.commitIndex; ++i) {
            m_committed.push_back(Committed{log.fingerprint(i), log.termAt(i), view.term});
            if (Configuration::isConfigCommand(log.at(i).command))
                if (std::optional<Configuration> c = Configuration::decode(log.at(i).command))
                    m_committedConfig = *c;
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
            holders |= 1u << view.id;
        // Leader Completeness: a leader of term T holds every entry committed in a
        // term before T. Checked when it takes office and whenever more commits.
        if (view.up && view.role == Role::Leader && k < committed) {
            Index need = committed;
            while (need > k && m_committed[need - 1].commitTerm >= view.term)
                --need;
            if (need > k)
                found.push_back("Leader Completeness: " + nodeName(view.id) + ", leader of term " + term(view.term)
                                + ", lacks entry " + std::to_string(k + 1) + " (term " + term(m_committed[k].term)
                                + ") committed in term " + term(m_committed[need - 1].commitTerm));
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
    if (committed > 0 && !m_committedConfig.hasQuorum(holders) && !(newest && newest->hasQuorum(holders))) {
        std::vector<NodeId> on;
        for (NodeId id = 1; id <= kMaxNodes; ++id)
            if ((holders >> id) & 1u)
                on.push_back(id);
        found.push_back("Committed entries are durable: committed entry " + std::to_string(committed)
                        + " is stored only on " + (on.empty() ? std::string("no server") : nodeList(on))
                        + ", not a majority of the configuration " + m_committedConfig.describe());
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

bool Invariants::checkServer(const ServerView &view, Seen &seen, std::vector<std::string> &found)
{
    const Log &log = *view.log;
    const Index length = log.lastIndex();
    if (view.term == seen.term && view.role == seen.role && view.up == seen.up && view.incarnation == seen.incarnation
        && view.commitIndex == seen.commitIndex && length == seen.prints.size()
        && (length == 0 || seen.prints.back() == log.fingerprint(length)))
        return false; // the common case: a heartbeat changed nothing the checks look at

    if (view.term < seen.term)
        found.push_back("Term monotonicity: " + nodeName(view.id) + "'s currentTerm went down from " + term(seen.term)
                        + " to " + term(view.term));

    // Election Safety: at most one leader per term, across configurations (a leader of
    // C_old and a leader of C_new in one term would be two).
    if (view.up && view.role == Role::Leader) {
        if (m_leaderOfTerm.size() <= view.term)
            m_leaderOfTerm.resize(view.term + 1, kNoNode);
        NodeId &leader = m_leaderOfTerm[view.term];
        if (leader == kNoNode)
            leader = view.id;
        else if (leader != view.id)
            found.push_back("Election Safety: " + nodeName(view.id) + " and " + nodeName(leader)
                            + " were both leader in term " + term(view.term));
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
        found.push_back("Leader Append-Only: " + nodeName(view.id) + ", leader of term " + term(view.term)
                        + ", removed or overwrote entries after index " + std::to_string(common));

    // Log Matching: an entry with the same index and term always has the same history.
    for (Index i = common + 1; i <= newLength; ++i) {
        if (m_known.size() <= i)
            m_known.resize(i + 1);
        auto &atIndex = m_known[i];
        const Term t = log.termAt(i);
        const std::uint64_t print = log.fingerprint(i);
        auto it = std::find_if(atIndex.begin(), atIndex.end(), [t](const auto &p) { return p.first == t; });
        if (it == atIndex.end()) {
            atIndex.emplace_back(t, print);
            if (Configuration::isConfigCommand(log.at(i).command))
                checkConfigEntry(view, i, found);
        } else if (it->second != print)
            found.push_back("Log Matching: " + nodeName(view.id) + "'s entry " + std::to_string(i) + " of term "
                            + term(t) + " differs, or follows a different history, from another server's entry "
                            + std::to_string(i) + " of term " + term(t));
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
