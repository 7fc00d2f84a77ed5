#pragma once

#include "network.h"
#include "node.h"
#include "types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace raft {

/// act holds the user actions, one small struct each: what a click, a scenario line
/// or a run-file line asks the Simulation to do. Each field means one thing.
namespace act {
/// Crash stops a server: only its stable storage survives.
struct Crash {
    NodeId node = kNoNode;
    bool operator==(const Crash &) const = default;
};
/// Restart brings a crashed server back from its stable storage.
struct Restart {
    NodeId node = kNoNode;
    bool operator==(const Restart &) const = default;
};
/// Pause freezes a server that is up: timers stop, messages wait at its door.
struct Pause {
    NodeId node = kNoNode;
    bool operator==(const Pause &) const = default;
};
/// Resume unfreezes a paused server.
struct Resume {
    NodeId node = kNoNode;
    bool operator==(const Resume &) const = default;
};
/// Timeout makes a server that is up and not the leader start an election now.
struct Timeout {
    NodeId node = kNoNode;
    bool operator==(const Timeout &) const = default;
};
/// Request sends a client command to a server. With a client id (not 0) it is a
/// session request (dissertation §6.3): the command carries "cC#N", and the client
/// retries it after a timeout, to the leader it learns of, until it is answered.
struct Request {
    NodeId node = kNoNode;
    std::string command;
    int client = 0;
    std::uint64_t seq = 0;
    bool operator==(const Request &) const = default;
};
/// Partition splits the servers into groups that cannot reach each other.
struct Partition {
    std::vector<std::vector<NodeId>> groups;
    bool operator==(const Partition &) const = default;
};
/// Isolate cuts every link to and from a server.
struct Isolate {
    NodeId node = kNoNode;
    bool operator==(const Isolate &) const = default;
};
/// Cut cuts the link from -> to (and to -> from when bothWays).
struct Cut {
    NodeId from = kNoNode;
    NodeId to = kNoNode;
    bool bothWays = false;
    bool operator==(const Cut &) const = default;
};
/// Reconnect removes every cut to and from a server (partition groups stay).
struct Reconnect {
    NodeId node = kNoNode;
    bool operator==(const Reconnect &) const = default;
};
/// Heal removes every partition and cut.
struct Heal {
    bool operator==(const Heal &) const = default;
};
/// Drop loses a message in flight.
struct Drop {
    std::uint64_t message = 0;
    bool operator==(const Drop &) const = default;
};
/// Deliver delivers a message in flight now, ahead of its time.
struct Deliver {
    std::uint64_t message = 0;
    bool operator==(const Deliver &) const = default;
};
/// Duplicate makes the network send a second copy of a message in flight.
struct Duplicate {
    std::uint64_t message = 0;
    bool operator==(const Duplicate &) const = default;
};
/// Hold turns manual delivery on or off for messages sent from now on.
struct Hold {
    bool on = false;
    bool operator==(const Hold &) const = default;
};
/// SetNetwork changes the latency, loss and duplication of every link.
struct SetNetwork {
    NetworkConfig network;
    bool operator==(const SetNetwork &) const = default;
};
/// Say adds a line of narration to the trace.
struct Say {
    std::string text;
    bool operator==(const Say &) const = default;
};
/// SetTimer makes a server's election timer fire at virtual time `at`.
struct SetTimer {
    NodeId node = kNoNode;
    Time at = 0;
    bool operator==(const SetTimer &) const = default;
};
/// SetLink gives the one-way link from -> to its own conditions (nullopt: the
/// network's again).
struct SetLink {
    NodeId from = kNoNode;
    NodeId to = kNoNode;
    std::optional<LinkConditions> conditions;
    bool operator==(const SetLink &) const = default;
};
/// Restore reopens the cut link from -> to (and to -> from when bothWays).
struct Restore {
    NodeId from = kNoNode;
    NodeId to = kNoNode;
    bool bothWays = false;
    bool operator==(const Restore &) const = default;
};
/// Transfer asks the leader to hand leadership over to a server (dissertation §3.10).
struct Transfer {
    NodeId node = kNoNode;
    bool operator==(const Transfer &) const = default;
};
/// Snapshot makes a server snapshot its state machine now and discard the log
/// entries the snapshot replaces (§7).
struct Snapshot {
    NodeId node = kNoNode;
    bool operator==(const Snapshot &) const = default;
};

/// Read asks a server for the value of a key (dissertation §6.4); how it answers
/// depends on the run's read mode.
struct Read {
    NodeId node = kNoNode;
    std::string key;
    bool operator==(const Read &) const = default;
};

/// AutoClient starts the automatic client, part of the simulated world: from now on
/// it sends the leader one request every `every` ticks ("set x 1", "set y 2", ...).
/// `every` 0 stops it.
struct AutoClient {
    Time every = 0;
    bool operator==(const AutoClient &) const = default;
};
/// AddServer asks the leader to add a server: it catches up as a learner, then the
/// leader appends the new configuration (dissertation §4.2.1).
struct AddServer {
    NodeId node = kNoNode;
    bool operator==(const AddServer &) const = default;
};
/// RemoveServer asks the leader to remove a voter, the leader itself included
/// (dissertation §4.2.2).
struct RemoveServer {
    NodeId node = kNoNode;
    bool operator==(const RemoveServer &) const = default;
};
/// Reconfigure asks the leader to change the voters to `voters` (sorted) through
/// joint consensus (paper §6).
struct Reconfigure {
    std::vector<NodeId> voters;
    bool operator==(const Reconfigure &) const = default;
};
} // namespace act

/// Action is one user action. Its index is its InputKind.
using Action =
    std::variant<act::Crash, act::Restart, act::Pause, act::Resume, act::Timeout, act::Request, act::Partition,
                 act::Isolate, act::Cut, act::Reconnect, act::Heal, act::Drop, act::Deliver, act::Duplicate, act::Hold,
                 act::SetNetwork, act::Say, act::SetTimer, act::SetLink, act::Restore, act::Transfer, act::Snapshot,
                 act::Read, act::AutoClient, act::AddServer, act::RemoveServer, act::Reconfigure>;

/// InputKind names the kind of an Action (the index of its alternative).
enum class InputKind : std::uint8_t {
    Crash,
    Restart,
    Pause,
    Resume,
    Timeout,
    Request,
    Partition,
    Isolate,
    Cut,
    Reconnect,
    Heal,
    Drop,
    Deliver,
    Duplicate,
    Hold,
    SetNetwork,
    Say,
    SetTimer,
    SetLink,
    Restore,
    Transfer,
    Snapshot,
    Read,
    AutoClient,
    AddServer,
    RemoveServer,
    Reconfigure,
};
static_assert(std::variant_size_v<Action> == static_cast<std::size_t>(InputKind::Reconfigure) + 1);

/// kindOf returns the kind of an action.
inline InputKind kindOf(const Action &action)
{
    return static_cast<InputKind>(action.index());
}
/// subjectOf is the server an action is about: its server, or a link's first end
/// (kNoNode for the network as a whole or a message).
NodeId subjectOf(const Action &action);
/// inputKindName is the kind's word in run files ("crash", "network", ...).
const char *inputKindName(InputKind kind);

/// Input is one recorded user action with the moment it happened. Every input is
/// recorded, so the same seed and inputs replay the same run.
struct Input {
    Time t = 0;
    /// step: how many events had been processed when the input was applied; replay
    /// applies it at exactly that point.
    std::uint64_t step = 0;
    Action action;

    InputKind kind() const { return kindOf(action); }
    bool operator==(const Input &) const = default;
};

/// RefusalReason is why the Simulation refused a user action (and did nothing).
enum class RefusalReason : std::uint8_t {
    NoSuchServer, ///< the server number is outside the cluster
    SameServer, ///< a link needs two different servers
    AlreadyCrashed, ///< crash: the server is crashed already
    UpNotCrashed, ///< restart: the server is up
    PausedNotCrashed, ///< restart: the server is paused, not crashed
    CrashedNotUp, ///< pause, timeout, timer: the server is crashed
    PausedNotUp, ///< pause, timeout, timer: the server is paused
    UpNotPaused, ///< resume: the server is up
    CrashedNotPaused, ///< resume: the server is crashed
    IsLeader, ///< timeout, timer: a leader has no election timer
    TimeInPast, ///< timer: the moment has passed
    NoSuchMessage, ///< drop, deliver, duplicate: the message is not in flight
    DestinationPaused, ///< deliver: the receiver is paused; it cannot take it
    LinkNotCut, ///< restore: the link is open
    BadConditions, ///< network, link: latency, loss or duplication out of range
    NoLeader, ///< transfer: there is no leader to hand leadership over
    AlreadyLeads, ///< transfer: the server leads already
    NothingToSnapshot, ///< snapshot: the server applied no entry since its last snapshot
    BadInterval, ///< automatic client: the interval is not from 0 (off) to a minute
    NoLeaderToChange, ///< add, remove, reconfigure: no leader to change the configuration
    ChangePending, ///< add, remove, reconfigure: one change at a time (§4.1)
    NoCommitInTerm, ///< add, remove, reconfigure: the leader has not committed an entry of its term
    AlreadyMember, ///< add: the server is a voter already
    NotMember, ///< remove: the server is not a voter
    NoVoters, ///< remove, reconfigure: a configuration needs a voter
    SameConfiguration, ///< reconfigure: the voters are those in force
    ReservedCommand, ///< request: "config ..." is a configuration entry, not a client command
};
/// kRefusalReasons counts the reasons (for tables and tests).
inline constexpr std::size_t kRefusalReasons = static_cast<std::size_t>(RefusalReason::ReservedCommand) + 1;
/// refusalReasonName is a stable identifier of the reason ("already-crashed").
const char *refusalReasonName(RefusalReason reason);

/// Refusal is a refused action and why: the reason with the subject it names.
struct Refusal {
    RefusalReason reason = RefusalReason::NoSuchServer;
    InputKind action = InputKind::Say;
    /// node: the server the reason is about (or the link's first end).
    NodeId node = kNoNode;
    /// peer: the link's other end.
    NodeId peer = kNoNode;
    std::uint64_t message = 0;
    bool operator==(const Refusal &) const = default;
};

/// kRefusalContext is the translation context of the refusal patterns and verbs.
inline constexpr const char *kRefusalContext = "ActionRefusal";
/// refusalPattern is the reason's English sentence: %1 the server (or the link's
/// first end), %2 the link's other end, %3 the message number, %4 actionVerb. The
/// window translates it (context kRefusalContext) and fills it the same way.
const char *refusalPattern(RefusalReason reason);
/// actionVerb is the action as a verb for "only a server that is up can ..."
/// ("pause", "time out"); translatable like the patterns.
const char *actionVerb(InputKind kind);
/// describeRefusal says in English why the action was refused, e.g. "S1 is up; only
/// a crashed server can restart" (the scenario runner's words).
std::string describeRefusal(const Refusal &refusal);

/// ActionResult answers a user action: done, or refused with a reason (and then
/// nothing happened). For a request, `proposal` says what the server did with it.
class [[nodiscard]] ActionResult {
public:
    ActionResult() = default;
    static ActionResult refused(const Refusal &refusal)
    {
        ActionResult r;
        r.m_refusal = refusal;
        return r;
    }

    bool isDone() const { return !m_refusal; }
    explicit operator bool() const { return isDone(); }
    /// refusal is why the action was refused (nullopt when it was done).
    const std::optional<Refusal> &refusal() const { return m_refusal; }
    /// describe is "done" or the English refusal.
    std::string describe() const { return m_refusal ? describeRefusal(*m_refusal) : std::string("done"); }

    /// proposal: for a done request, whether the server appended it and where.
    ProposeResult proposal;

private:
    std::optional<Refusal> m_refusal;
};

} // namespace raft
