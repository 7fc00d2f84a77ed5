#include "condition.h"

#include "kvstore.h"

#include <algorithm>

namespace raft {

std::string NodeRef::text() const
{
    return isLeader ? std::string("leader") : nodeName(id);
}

const char *compareName(Compare compare)
{
    switch (compare) {
    case Compare::Equal: return "=";
    case Compare::NotEqual: return "!=";
    case Compare::Less: return "<";
    case Compare::LessEqual: return "<=";
    case Compare::Greater: return ">";
    case Compare::GreaterEqual: return ">=";
    }
    return "?";
}

std::string formatDuration(Time t)
{
    if (t % fromSeconds(1) == 0)
        return std::to_string(t / fromSeconds(1)) + "s";
    return formatMs(t) + "ms";
}

ConditionStart ConditionStart::of(const Simulation &sim)
{
    const std::optional<NodeId> leader = sim.leader();
    return {leader.has_value(), leader ? sim.term(*leader) : 0};
}

namespace {

bool compare(std::uint64_t actual, Compare op, std::uint64_t expected)
{
    switch (op) {
    case Compare::Equal: return actual == expected;
    case Compare::NotEqual: return actual != expected;
    case Compare::Less: return actual < expected;
    case Compare::LessEqual: return actual <= expected;
    case Compare::Greater: return actual > expected;
    case Compare::GreaterEqual: return actual >= expected;
    }
    return false;
}

std::string logTerms(const Log &log)
{
    std::string out;
    if (log.snapshotIndex() > 0)
        out = "snapshot <= " + std::to_string(log.snapshotIndex()) + ",";
    if (log.empty())
        return out.empty() ? "empty" : out + " then empty";
    for (Index i = log.firstIndex(); i <= log.lastIndex(); ++i)
        out += (out.empty() ? "" : " ") + std::to_string(log.termAt(i));
    return out;
}

std::string describeEntry(const Log &log, Index index)
{
    const Entry &entry = log.at(index);
    return "term " + std::to_string(entry.term) + ", "
        + (entry.command.empty() ? std::string("no-op") : "'" + entry.command + "'");
}

ConditionResult no(std::string why)
{
    return {false, std::move(why)};
}

ConditionResult agree(const Simulation &sim)
{
    NodeId first = kNoNode;
    for (NodeId id = 1; id <= sim.size(); ++id) {
        if (!sim.isLive(id))
            continue;
        if (first == kNoNode) {
            first = id;
            continue;
        }
        const Index a = sim.commitIndex(first);
        const Index b = sim.commitIndex(id);
        const Log &logA = sim.log(first);
        const Log &logB = sim.log(id);
        const Index common = std::min({a, b, logA.lastIndex(), logB.lastIndex()});
        // Both know the prints from the later snapshot on (§7: a snapshot's print
        // stands for the prefix it replaced).
        const Index known = std::max(logA.snapshotIndex(), logB.snapshotIndex());
        if (common >= known && logA.fingerprint(common) != logB.fingerprint(common)) {
            if (known > 0 && logA.fingerprint(known) != logB.fingerprint(known))
                return no("committed entries up to " + std::to_string(known) + " differ between " + nodeName(first)
                          + " and " + nodeName(id) + " (one holds them in a snapshot)");
            for (Index i = known + 1; i <= common; ++i)
                if (logA.at(i) != logB.at(i))
                    return no("committed entry " + std::to_string(i) + " differs: " + nodeName(first) + " has "
                              + describeEntry(logA, i) + ", " + nodeName(id) + " has " + describeEntry(logB, i));
        }
        if (a != b)
            return no(nodeName(first) + " has committed " + std::to_string(a) + " entries, " + nodeName(id) + " "
                      + std::to_string(b));
    }
    return {};
}

ConditionResult leaderIs(const Simulation &sim, const Condition &condition)
{
    const std::optional<NodeId> leader = sim.leader();
    const std::string leads = leader ? nodeName(*leader) + " leads term " + std::to_string(sim.term(*leader)) : "";
    switch (condition.want) {
    case LeaderWant::Any: return leader ? ConditionResult{} : no("no leader");
    case LeaderWant::None: return leader ? no(leads) : ConditionResult{};
    case LeaderWant::Node:
        if (leader == condition.node.id)
            return {};
        return no(leader ? leads : std::string("no leader"));
    }
    return {};
}

bool needsNode(ConditionKind kind)
{
    switch (kind) {
    case ConditionKind::RoleIs:
    case ConditionKind::StatusIs:
    case ConditionKind::TermIs:
    case ConditionKind::CommitIs:
    case ConditionKind::AppliedIs:
    case ConditionKind::SnapshotIs:
    case ConditionKind::LogIs:
    case ConditionKind::KvHas:
    case ConditionKind::ConfigIs:
    case ConditionKind::Removed: return true;
    case ConditionKind::LeaderIs:
    case ConditionKind::NewLeader:
    case ConditionKind::Committed:
    case ConditionKind::LeaderIn:
    case ConditionKind::Agree:
    case ConditionKind::NoViolations:
    case ConditionKind::Violated:
    case ConditionKind::ReadIs: return false;
    }
    return false;
}

ConditionResult numbers(const Simulation &sim, const Condition &condition, NodeId id)
{
    std::uint64_t actual = 0;
    const char *what = "term";
    if (condition.kind == ConditionKind::TermIs) {
        actual = sim.term(id);
    } else if (condition.kind == ConditionKind::CommitIs) {
        actual = sim.commitIndex(id);
        what = "commitIndex";
    } else if (condition.kind == ConditionKind::SnapshotIs) {
        actual = sim.log(id).snapshotIndex(); // a crashed server's is on its stable storage
        what = "snapshot's last included index";
    } else {
        const Node *node = sim.node(id);
        actual = node ? node->lastApplied() : 0;
        what = "lastApplied";
    }
    if (compare(actual, condition.compare, condition.number))
        return {};
    return no(nodeName(id) + "'s " + what + " is " + std::to_string(actual));
}

ConditionResult kvHolds(const Simulation &sim, const Condition &condition, NodeId id)
{
    const KvStore &kv = sim.server(id).kv;
    const std::string name = nodeName(id);
    std::string why;
    for (const KvExpectation &expected : condition.kv) {
        const std::string *actual = kv.value(expected.key);
        if (expected.value && !actual)
            why += (why.empty() ? "" : "; ") + name + " has no key " + expected.key;
        else if (expected.value && *actual != *expected.value)
            why += (why.empty() ? "" : "; ") + name + " has " + expected.key + "=" + *actual;
        else if (!expected.value && actual)
            why += (why.empty() ? "" : "; ") + name + " has " + expected.key + "=" + *actual;
    }
    return why.empty() ? ConditionResult{} : no(why);
}

} // namespace

ConditionResult evaluate(const Simulation &sim, const Condition &condition, const ConditionStart &start)
{
    NodeId id = condition.node.id;
    if (needsNode(condition.kind) && condition.node.isLeader) {
        const std::optional<NodeId> leader = sim.leader();
        if (!leader)
            return no("no leader");
        id = *leader;
    }
    const std::string name = nodeName(id);

    switch (condition.kind) {
    case ConditionKind::LeaderIs: return leaderIs(sim, condition);
    case ConditionKind::NewLeader: {
        const std::optional<NodeId> now = sim.leader();
        if (now && (!start.hadLeader || sim.term(*now) > start.leaderTerm))
            return {};
        if (!start.hadLeader || !now)
            return no("no leader");
        return no("no new leader (" + nodeName(*now) + " still leads term " + std::to_string(sim.term(*now)) + ")");
    }
    case ConditionKind::Committed: {
        const std::optional<NodeId> leader = sim.leader();
        if (!leader)
            return no("no leader");
        if (sim.commitIndex(*leader) >= condition.number)
            return {};
        return no("the leader " + nodeName(*leader) + " has commitIndex " + std::to_string(sim.commitIndex(*leader))
                  + " < " + std::to_string(condition.number));
    }
    case ConditionKind::LeaderIn: {
        const std::optional<NodeId> leader = sim.leader();
        if (!leader)
            return no("no leader");
        if (std::find(condition.nodes.begin(), condition.nodes.end(), *leader) != condition.nodes.end())
            return {};
        return no(nodeName(*leader) + " leads term " + std::to_string(sim.term(*leader)));
    }
    case ConditionKind::RoleIs:
        if (!sim.isLive(id))
            return no(name + " is crashed (a crashed server has no role)");
        if (sim.role(id) == condition.role)
            return {};
        return no(name + " is " + roleName(sim.role(id)) + " in term " + std::to_string(sim.term(id)));
    case ConditionKind::StatusIs:
        if (sim.status(id) == condition.status)
            return {};
        return no(name + " is " + nodeStatusName(sim.status(id)));
    case ConditionKind::TermIs:
    case ConditionKind::CommitIs:
    case ConditionKind::SnapshotIs:
    case ConditionKind::AppliedIs: return numbers(sim, condition, id);
    case ConditionKind::LogIs: {
        const Log &log = sim.log(id);
        // Entries inside the snapshot are not compared: the log no longer has them.
        bool same = log.lastIndex() == condition.terms.size();
        for (Index i = log.firstIndex(); same && i <= log.lastIndex(); ++i)
            same = log.termAt(i) == condition.terms[i - 1];
        if (same)
            return {};
        return no(name + "'s log has terms " + logTerms(log));
    }
    case ConditionKind::KvHas: return kvHolds(sim, condition, id);
    case ConditionKind::ConfigIs: {
        const Node *node = sim.node(id);
        if (!node)
            return no(name + " is crashed");
        const Configuration &c = node->configuration();
        if (c.voters == condition.nodes && !c.isJoint())
            return {};
        return no(name + "'s configuration is " + (c.empty() ? std::string("none") : c.describe()));
    }
    case ConditionKind::Removed:
        if (sim.isRemoved(id))
            return {};
        return no(name + " is " + nodeStatusName(sim.status(id)) + ", not removed");
    case ConditionKind::Agree: return agree(sim);
    case ConditionKind::NoViolations: {
        const std::vector<Violation> &violations = sim.violations();
        if (violations.empty())
            return {};
        return no(std::to_string(violations.size()) + " violation" + (violations.size() == 1 ? "" : "s")
                  + "; first at t=" + formatMs(violations.front().t) + "ms: " + violations.front().what);
    }
    case ConditionKind::ReadIs: {
        const KvExpectation &want = condition.kv.front();
        const std::vector<ReadRecord> &reads = sim.reads();
        for (auto it = reads.rbegin(); it != reads.rend(); ++it) {
            if (it->key != want.key || !it->answeredAt)
                continue;
            if (it->value == want.value)
                return {};
            return no("read #" + std::to_string(it->id) + " of " + want.key + " at " + nodeName(it->node) + " returned "
                      + (it->value ? *it->value : std::string("<none>")));
        }
        return no("no read of " + want.key + " has been answered");
    }
    case ConditionKind::Violated: {
        const std::vector<Violation> &violations = sim.violations();
        for (const Violation &v : violations)
            if (condition.name == "any" || violationName(v.property) == condition.name)
                return {};
        if (violations.empty())
            return no("no property broke");
        return no("only " + violations.front().what);
    }
    }
    return {};
}

std::string violationName(std::string_view property)
{
    std::string name;
    for (const char c : property)
        name += c == ' ' ? '-' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return name;
}

const std::vector<std::string> &knownViolationNames()
{
    // The properties of raft/invariants.cpp, the liveness alarm and the read checker.
    static const std::vector<std::string> names = {"election-safety",
                                                   "leader-append-only",
                                                   "log-matching",
                                                   "leader-completeness",
                                                   "state-machine-safety",
                                                   "term-monotonicity",
                                                   "committed-entries-are-durable",
                                                   "configurations-overlap",
                                                   "liveness",
                                                   "linearizable-reads"};
    return names;
}

bool holds(const Simulation &sim, const Condition &condition, const ConditionStart &start)
{
    return evaluate(sim, condition, start).holds;
}

} // namespace raft
