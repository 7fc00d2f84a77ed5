#pragma once

#include "condition.h"
#include "simulation.h"
#include "types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace raft {

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
    Request, ///< request Sx [client C N] set K V | del K | incr K: node, client, seq, argument
    Partition, ///< partition S1 S2 | S3 S4 S5: groups
    Isolate, ///< isolate Sx: node
    Cut, ///< cut Sx -> Sy | cut Sx <-> Sy: node, peer, bothWays
    Reconnect, ///< reconnect Sx: node (undoes isolate and cuts of Sx; partitions stay)
    Hold, ///< hold on|off: bothWays = on (manual delivery of the messages sent from now on)
    DropMessage, ///< drop [next] TYPE Sx -> Sy: messageType, node, peer
    DuplicateMessage, ///< duplicate [next] TYPE Sx -> Sy: messageType, node, peer
    DeliverMessage, ///< deliver [next] TYPE Sx -> Sy: messageType, node, peer
    Timer, ///< timer Sx T: node, duration (Sx's election timer fires T from now)
    SetNetwork, ///< network latency MIN MAX | loss P | duplicate P ...: change
    SetLink, ///< link Sx -> Sy latency MIN MAX | loss P | duplicate P ... | default: node, peer, change
    Heal, ///< heal
    Say, ///< say TEXT: argument
    Transfer, ///< transfer Sx: node (leadership transfer, §3.10)
    Snapshot, ///< snapshot Sx: node (take a snapshot now, §7)
    Read, ///< read Sx K: node, argument = the key (§6.4)
    AddServer, ///< add Sx: node (dissertation §4.2.1)
    RemoveServer, ///< remove Sx: node (dissertation §4.2.2)
    Reconfigure, ///< reconfigure Sa Sb ...: groups[0], the new voters (joint consensus, §6)
    Wait, ///< wait until CONDITION | HINT: condition, argument = the hint
    Ask, ///< ask QUESTION: argument
    Answer, ///< answer TEXT when CONDITION: argument, condition
    Reveal, ///< reveal: the answers of the last question are judged by the run
    Client, ///< client every T | client off: duration (the interval; 0 stops the client)
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
    ExpectSnapshot, ///< expect snapshot Sx OP N: node, compare, number (§7)
    ExpectViolation, ///< expect violation NAME|any: condition (a lesson about a bug switch)
    ExpectRead, ///< expect read K=V | K=<none>: condition (the latest answered read of K)
    ExpectConfig, ///< expect config Sx Sa Sb ...: condition (Sx's voters, §6)
};

/// commandKindName returns the script keyword of a kind, e.g. "run until", "expect term".
const char *commandKindName(CommandKind kind);
/// isCheck tells whether kind is an "expect" line.
bool isCheck(CommandKind kind);

/// ConditionsChange is what a network or link line changes: each part it names
/// (latency, loss, duplication), the rest kept; or, for a link, back to the
/// network's conditions (toDefault).
struct ConditionsChange {
    std::optional<Time> latencyMin;
    std::optional<Time> latencyMax;
    std::optional<double> loss;
    std::optional<double> duplicate;
    bool toDefault = false;

    /// applyTo returns `base` with the parts this change names.
    NetworkConfig applyTo(NetworkConfig base) const;
    bool operator==(const ConditionsChange &) const = default;
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
    /// on: hold on (true) or hold off.
    bool on = false;
    /// duration: run T, the "max T" of run until, the interval of client every T, or
    /// the T of timer Sx T.
    Time duration = 0;
    /// messageType: the message a drop, duplicate or deliver line names.
    MessageType messageType = MessageType::AppendEntries;
    /// change: what a network or link line changes.
    ConditionsChange change;
    /// condition: what a check, run until, wait until or answer line names.
    Condition condition;
    /// argument: the client command of request ("set x 5"), the text of say and ask,
    /// the hint of wait, the choice of answer.
    std::string argument;
    std::vector<std::vector<NodeId>> groups;
    /// client, seq: a session request's client and number (request Sx client C N ...).
    int client = 0;
    std::uint64_t seq = 0;
    /// standIn: an action right after a "wait until": what the class is asked to do.
    /// It runs only when nobody did it (headless, or Continue in the window).
    bool standIn = false;

    bool operator==(const ScenarioCommand &) const = default;
};

/// Scenario is a parsed script: the ClusterConfig its setup lines describe and its
/// actions and checks in order. Parsing never stops at the first problem: every
/// malformed line adds one "FILE:LINE: problem" to errors().
///
/// The language, line by line (see docs/scenario-language.md):
///   setup   nodes N | servers N | bug NAME | seed N | election-timeout MIN MAX | heartbeat T |
///           latency MIN MAX | loss P | duplicate P | option noop|invariants on|off |
///           pace 1/10 | snapshot-every N | snapshot-chunk BYTES
///   action  run T | run until leader|new-leader|committed N [max T] |
///           crash|restart|pause|resume|timeout|isolate Sx | request Sx set K V |
///           request Sx del K | partition S1 S2 | S3 ... | cut Sx -> Sy |
///           cut Sx <-> Sy | reconnect Sx | heal | say TEXT | snapshot Sx | hold on|off |
///           add Sx | remove Sx | reconfigure Sa Sb ... |
///           drop|duplicate|deliver [next] TYPE Sx -> Sy | timer Sx T |
///           network [latency MIN MAX] [loss P] [duplicate P] |
///           link Sx -> Sy [latency MIN MAX] [loss P] [duplicate P] | link Sx -> Sy default |
///           wait until CONDITION | HINT | ask QUESTION | answer TEXT when CONDITION |
///   check   expect leader Sx|any|none | expect leader in Sx Sy ... |
///           expect role Sx R | expect status Sx up|crashed|paused |
///           expect term|commit|applied Sx OP N | expect log Sx T1 T2 ... |
///           expect kv Sx K=V ... | expect agree | expect violations none |
///           expect snapshot Sx OP N | expect config Sx Sa Sb ... | expect status Sx removed
/// Times are 150, 150ms, 150.25ms, 2s or 1.5s; `leader` stands for a node wherever an action
/// or check takes one; `#` starts a comment.
class Scenario {
public:
    /// kDefaultMax is how long "run until" waits when the line gives no "max".
    static constexpr Time kDefaultMax = fromSeconds(10);
    /// kDefaultPace is the speed a lesson plays at when it sets none (virtual time per
    /// wall time): a 10–20 ms message flight takes ⅓–⅔ of a second to watch.
    static constexpr double kDefaultPace = 1.0 / 30.0;

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
    /// pace is the speed the window plays the lesson at ("pace 1/10"; kDefaultPace).
    double pace() const { return m_pace; }
    /// narration lists the text of every say line, in order (the window matches the
    /// say lines of a lesson's translations by their position in this list).
    std::vector<std::string> narration() const;

private:
    friend class ScenarioParser;
    std::string m_fileName;
    ClusterConfig m_config;
    double m_pace = kDefaultPace;
    std::vector<ScenarioCommand> m_commands;
    std::vector<std::string> m_errors;
};

/// CommandOutcome says how one command went: ok, or why not (a failed check, a
/// "run until" that timed out, an action that was impossible at that moment).
struct CommandOutcome {
    bool ok = true;
    std::string why;
};

/// executeCommand performs one action or check on sim (a "run until" plays sim
/// directly; wait, ask, answer and reveal need a ScenarioPlayer and do nothing here). It never throws or aborts
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

/// parseTime reads "150", "150ms", "0.5ms", "2s" or "1.5s" (milliseconds unless a unit
/// says otherwise) as ticks; nullopt if malformed or finer than a tick.
std::optional<Time> parseTime(std::string_view text);

} // namespace raft
