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

/// CommandKind is what one script line does. Setup lines (nodes, seed, ...) only
/// shape the ClusterConfig; actions change the world; checks ("expect ...") look.
enum class CommandKind : std::uint8_t {
    // --- actions ---
    Run, ///< run T: duration
    RunUntil, ///< run until leader|new-leader|committed N [max T]: until, number, duration
    Crash, ///< crash Sx: node
    Restart, ///< restart Sx: node
    Pause, ///< pause Sx: node
    Resume, ///< resume Sx: node
    Timeout, ///< timeout Sx: node
    Request, ///< request Sx set K V | del K: node, argument = the command as written
    Partition, ///< partition S1 S2 | S3 S4 S5: groups
    Isolate, ///< isolate Sx: node
    Cut, ///< cut Sx -> Sy | cut Sx <-> Sy: node, peer, bothWays
    Reconnect, ///< reconnect Sx: node (undoes isolate and cuts of Sx; partitions stay)
    Heal, ///< heal
    Say, ///< say TEXT: argument
    Transfer, ///< transfer Sx: node (leadership transfer, §3.10)
    // --- checks ---
    ExpectLeader, ///< expect leader Sx|any|none: want, node
    ExpectLeaderIn, ///< expect leader in Sx Sy ...: nodes
    ExpectRole, ///< expect role Sx leader|follower|candidate: node, role
    ExpectStatus, ///< expect status Sx up|crashed|paused: node, status
    ExpectTerm, ///< expect term Sx OP N: node, compare, number
    ExpectCommit, ///< expect commit Sx OP N: node, compare, number
    ExpectApplied, ///< expect applied Sx OP N: node, compare, number
    ExpectLog, ///< expect log Sx T1 T2 ... | empty: node, terms
    ExpectKv, ///< expect kv Sx K=V K2=<none> ...: node, kv
    ExpectAgree, ///< expect agree
    ExpectNoViolations, ///< expect violations none
};

/// commandKindName returns the script keyword of a kind, e.g. "run until", "expect term".
const char *commandKindName(CommandKind kind);
/// isCheck tells whether kind is an "expect" line.
bool isCheck(CommandKind kind);

/// UntilCondition is what a "run until" waits for.
enum class UntilCondition : std::uint8_t {
    Leader, ///< some live node leads
    NewLeader, ///< a leader of a higher term than the leader when the line started (any leader if there was none)
    Committed, ///< the leader's commitIndex >= number
};

/// Compare is the comparison of "expect term/commit/applied Sx OP N".
enum class Compare : std::uint8_t { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };
/// compareName returns "=", "!=", "<", "<=", ">" or ">=".
const char *compareName(Compare compare);

/// LeaderWant is what "expect leader" wants: a given node, any leader, or none.
enum class LeaderWant : std::uint8_t { Node, Any, None };

/// KvExpectation is one K=V of "expect kv"; value is empty for K=<none> (absent).
struct KvExpectation {
    std::string key;
    std::optional<std::string> value;
    bool operator==(const KvExpectation &) const = default;
};

/// ScenarioCommand is one action or check of a script, with its line. Only the
/// fields its kind uses (listed on CommandKind) are meaningful.
struct ScenarioCommand {
    CommandKind kind = CommandKind::Say;
    /// line is the 1-based line number in the script.
    int line = 0;
    /// text is the line as written, without its comment and surrounding blanks.
    std::string text;

    NodeRef node;
    NodeRef peer;
    bool bothWays = false;
    /// duration: run T, or the "max T" of run until.
    Time duration = 0;
    UntilCondition until = UntilCondition::Leader;
    Compare compare = Compare::Equal;
    std::uint64_t number = 0;
    /// argument: the client command of request ("set x 5"), the text of say.
    std::string argument;
    LeaderWant want = LeaderWant::Any;
    Role role = Role::Follower;
    NodeStatus status = NodeStatus::Up;
    std::vector<NodeId> nodes;
    std::vector<std::vector<NodeId>> groups;
    std::vector<Term> terms;
    std::vector<KvExpectation> kv;

    bool operator==(const ScenarioCommand &) const = default;
};

/// Scenario is a parsed script: the ClusterConfig its setup lines describe and its
/// actions and checks in order. Parsing never stops at the first problem: every
/// malformed line adds one "FILE:LINE: problem" to errors().
///
/// The language, line by line (see docs/scenario-language.md):
///   setup   nodes N | seed N | election-timeout MIN MAX | heartbeat T |
///           latency MIN MAX | loss P | duplicate P | option noop|invariants on|off
///   action  run T | run until leader|new-leader|committed N [max T] |
///           crash|restart|pause|resume|timeout|isolate Sx | request Sx set K V |
///           request Sx del K | partition S1 S2 | S3 ... | cut Sx -> Sy |
///           cut Sx <-> Sy | reconnect Sx | heal | say TEXT
///   check   expect leader Sx|any|none | expect leader in Sx Sy ... |
///           expect role Sx R | expect status Sx up|crashed|paused |
///           expect term|commit|applied Sx OP N | expect log Sx T1 T2 ... |
///           expect kv Sx K=V ... | expect agree | expect violations none
/// Times are 150, 150ms, 2s or 1.5s; `leader` stands for a node wherever an action
/// or check takes one; `#` starts a comment.
class Scenario {
public:
    /// kDefaultMax is how long "run until" waits when the line gives no "max".
    static constexpr Time kDefaultMax = 10'000;

    /// parse reads a script; fileName only prefixes the error messages.
    static Scenario parse(std::string_view text, std::string fileName = "script");

    const std::string &fileName() const { return m_fileName; }
    /// config is the cluster the setup lines describe (defaults where they are silent).
    const ClusterConfig &config() const { return m_config; }
    /// commands are the actions and checks, in order (setup lines are in config()).
    const std::vector<ScenarioCommand> &commands() const { return m_commands; }
    /// errors lists every problem found, as "FILE:LINE: problem", in line order.
    const std::vector<std::string> &errors() const { return m_errors; }
    bool isValid() const { return m_errors.empty(); }

private:
    friend class ScenarioParser;
    std::string m_fileName;
    ClusterConfig m_config;
    std::vector<ScenarioCommand> m_commands;
    std::vector<std::string> m_errors;
};

/// CommandOutcome says how one command went: ok, or why not (a failed check, a
/// "run until" that timed out, an action that was impossible at that moment).
struct CommandOutcome {
    bool ok = true;
    std::string why;
};

/// executeCommand performs one action or check on sim. It never throws or aborts
/// on a command that cannot be done now (restart a node that is up, "leader" when
/// there is none): it answers with ok = false and the reason.
CommandOutcome executeCommand(Simulation &sim, const ScenarioCommand &command);

/// ExpectationFailure is one failed expectation of a run, for the report.
struct ExpectationFailure {
    int line = 0;
    std::string text;
    std::string why;
    bool operator==(const ExpectationFailure &) const = default;
};

/// ScenarioRunner runs a valid Scenario on its own Simulation, one command at a
/// time or all at once, and keeps score. A failed check does not stop the script.
class ScenarioRunner {
public:
    /// ScenarioRunner builds the Simulation from scenario.config(). Requires
    /// scenario.isValid().
    explicit ScenarioRunner(Scenario scenario);

    const Scenario &scenario() const { return m_scenario; }
    Simulation &simulation() { return m_sim; }
    const Simulation &simulation() const { return m_sim; }

    /// atEnd tells whether every command has run.
    bool atEnd() const { return m_next >= m_scenario.commands().size(); }
    /// next is the index in commands() of the command step() would run.
    std::size_t next() const { return m_next; }
    /// step runs the next command and returns how it went. Requires !atEnd().
    CommandOutcome step();
    /// run runs every remaining command.
    void run();

    /// passed counts the expectations that held: checks and "run until" lines.
    /// failures holds every failed check, timed-out "run until" and impossible action.
    int passed() const { return m_passed; }
    const std::vector<ExpectationFailure> &failures() const { return m_failures; }
    /// succeeded: no expectation failed and no invariant broke.
    bool succeeded() const { return m_failures.empty() && m_sim.violations().empty(); }

private:
    Scenario m_scenario;
    Simulation m_sim;
    std::size_t m_next = 0;
    int m_passed = 0;
    std::vector<ExpectationFailure> m_failures;
};

/// parseTime reads "150", "150ms", "2s" or "1.5s" as milliseconds; nullopt if malformed.
std::optional<Time> parseTime(std::string_view text);

} // namespace raft
