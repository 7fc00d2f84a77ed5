#pragma once

#include "simulation.h"
#include "types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace raft {

/// NodeRef names a server in a script: a fixed one ("S3") or "leader", which the
/// runner resolves when the line runs to the current leader (Simulation::leader()).
/// Invariant: exactly one of isLeader and id != kNoNode holds.
struct NodeRef {
    NodeId id = kNoNode;
    bool isLeader = false;

    /// text returns "S3" or "leader".
    std::string text() const;
    bool operator==(const NodeRef &) const = default;
};

/// Compare is the comparison of "term/commit/applied Sx OP N".
enum class Compare : std::uint8_t { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };
/// compareName returns "=", "!=", "<", "<=", ">" or ">=".
const char *compareName(Compare compare);

/// LeaderWant is what "leader" wants: a given node, any leader, or none.
enum class LeaderWant : std::uint8_t { Node, Any, None };

/// KvExpectation is one K=V of "kv"; value is empty for K=<none> (absent).
struct KvExpectation {
    std::string key;
    std::optional<std::string> value;
    bool operator==(const KvExpectation &) const = default;
};

/// ConditionKind is what a condition looks at. The same conditions serve `expect`,
/// `run until`, `wait until` and the `answer ... when` lines of a question.
enum class ConditionKind : std::uint8_t {
    LeaderIs, ///< leader Sx|any|none (run until leader: any): want, node
    NewLeader, ///< new-leader: a leader of a higher term than when the line started
    Committed, ///< committed N: the current leader's commitIndex >= number
    LeaderIn, ///< leader in Sx Sy ...: nodes
    RoleIs, ///< role Sx leader|follower|candidate: node, role
    StatusIs, ///< status Sx up|crashed|paused: node, status
    TermIs, ///< term Sx OP N: node, compare, number
    CommitIs, ///< commit Sx OP N: node, compare, number
    AppliedIs, ///< applied Sx OP N: node, compare, number
    LogIs, ///< log Sx T1 T2 ... | empty: node, terms
    KvHas, ///< kv Sx K=V ...: node, kv
    Agree, ///< agree: every live node has the same committed entries
    NoViolations, ///< violations none
    SnapshotIs, ///< snapshot Sx OP N: node, compare, number (Sx's snapshot's last included index, §7)
    Violated, ///< violation NAME|any: a property named like violationName() broke: name
    ReadIs, ///< read K=V | K=<none>: the most recent answered read of K returned V: kv (one)
    ConfigIs, ///< config Sx Sa Sb ...: node, nodes (Sx's voters in force, §6)
    Removed, ///< status Sx removed: node (Sx learned of its removal and stopped, §4.2.2)
};

/// violationName is the script's name of a property: "Election Safety" -> "election-safety".
std::string violationName(std::string_view property);
/// knownViolationNames lists the names `expect violation` accepts (besides "any").
const std::vector<std::string> &knownViolationNames();

/// Condition is a state of the world a script line can name. Only the fields its
/// kind uses (listed on ConditionKind) are meaningful.
struct Condition {
    ConditionKind kind = ConditionKind::LeaderIs;
    NodeRef node;
    LeaderWant want = LeaderWant::Any;
    Role role = Role::Follower;
    NodeStatus status = NodeStatus::Up;
    Compare compare = Compare::Equal;
    std::uint64_t number = 0;
    std::vector<NodeId> nodes;
    std::vector<Term> terms;
    std::vector<KvExpectation> kv;
    /// name: what "violation NAME" names ("any", or a violationName()).
    std::string name;

    bool operator==(const Condition &) const = default;
};

/// ConditionStart is what a condition remembers of the moment its line started
/// (new-leader compares with the leader then).
struct ConditionStart {
    bool hadLeader = false;
    Term leaderTerm = 0;
    bool operator==(const ConditionStart &) const = default;
    /// of captures the start from the world as it is now.
    static ConditionStart of(const Simulation &sim);
};

/// ConditionResult: whether the condition holds, and if not, why not in words
/// ("S1 leads term 1", "S3's commitIndex is 1").
struct ConditionResult {
    bool holds = true;
    std::string why;
};

/// evaluate tells whether condition holds in sim now; `start` matters only to new-leader.
ConditionResult evaluate(const Simulation &sim, const Condition &condition, const ConditionStart &start = {});
/// holds is evaluate(...).holds.
bool holds(const Simulation &sim, const Condition &condition, const ConditionStart &start = {});

/// formatDuration words a virtual duration as the scripts write it: "2s", "150ms".
std::string formatDuration(Time t);

} // namespace raft
