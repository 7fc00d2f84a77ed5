#include "action.h"

#include "eventcatalog.h"
#include "eventwording.h"

#include <array>

namespace raft {

const char *inputKindName(InputKind kind)
{
    switch (kind) {
    case InputKind::Crash: return "crash";
    case InputKind::Restart: return "restart";
    case InputKind::Pause: return "pause";
    case InputKind::Resume: return "resume";
    case InputKind::Timeout: return "timeout";
    case InputKind::Request: return "request";
    case InputKind::Partition: return "partition";
    case InputKind::Isolate: return "isolate";
    case InputKind::Cut: return "cut";
    case InputKind::Reconnect: return "reconnect";
    case InputKind::Heal: return "heal";
    case InputKind::Drop: return "drop";
    case InputKind::Deliver: return "deliver";
    case InputKind::Duplicate: return "duplicate";
    case InputKind::Hold: return "hold";
    case InputKind::SetNetwork: return "network";
    case InputKind::Say: return "say";
    case InputKind::SetTimer: return "timer";
    case InputKind::SetLink: return "link";
    case InputKind::Restore: return "restore";
    case InputKind::Transfer: return "transfer";
    case InputKind::Snapshot: return "snapshot";
    case InputKind::Read: return "read";
    case InputKind::AutoClient: return "client";
    case InputKind::AddServer: return "add";
    case InputKind::RemoveServer: return "remove";
    case InputKind::Reconfigure: return "reconfigure";
    }
    return "?";
}

NodeId subjectOf(const Action &action)
{
    return std::visit(
        [](const auto &a) -> NodeId {
            if constexpr (requires { a.node; })
                return a.node;
            else if constexpr (requires { a.from; })
                return a.from;
            else
                return kNoNode;
        },
        action);
}

const char *actionVerb(InputKind kind)
{
    switch (kind) {
    case InputKind::Pause: return RAFT_TRANSLATABLE("ActionRefusal", "pause");
    case InputKind::Timeout: return RAFT_TRANSLATABLE("ActionRefusal", "time out");
    case InputKind::SetTimer: return RAFT_TRANSLATABLE("ActionRefusal", "have its election timer set");
    case InputKind::Cut: return RAFT_TRANSLATABLE("ActionRefusal", "cut");
    case InputKind::Restore: return RAFT_TRANSLATABLE("ActionRefusal", "restore");
    case InputKind::SetLink: return RAFT_TRANSLATABLE("ActionRefusal", "link");
    case InputKind::Transfer: return RAFT_TRANSLATABLE("ActionRefusal", "take over leadership");
    case InputKind::Snapshot: return RAFT_TRANSLATABLE("ActionRefusal", "take a snapshot");
    case InputKind::AddServer: return RAFT_TRANSLATABLE("ActionRefusal", "be added");
    case InputKind::RemoveServer: return RAFT_TRANSLATABLE("ActionRefusal", "be removed");
    case InputKind::Reconfigure: return RAFT_TRANSLATABLE("ActionRefusal", "change the configuration");
    case InputKind::Crash:
    case InputKind::Restart:
    case InputKind::Resume:
    case InputKind::Request:
    case InputKind::Partition:
    case InputKind::Isolate:
    case InputKind::Reconnect:
    case InputKind::Heal:
    case InputKind::Drop:
    case InputKind::Deliver:
    case InputKind::Duplicate:
    case InputKind::Hold:
    case InputKind::SetNetwork:
    case InputKind::Say:
    case InputKind::Read: return inputKindName(kind);
    case InputKind::AutoClient: return inputKindName(kind);
    }
    return "?";
}

namespace {

/// RefusalWording is one row of the table: the reason's identifier and its English
/// pattern, where %1 is the server (or the link's first end), %2 the link's other
/// end, %3 the message number and %4 the action as a verb (actionVerb).
struct RefusalWording {
    RefusalReason reason;
    const char *name;
    const char *pattern;
};

constexpr std::array<RefusalWording, kRefusalReasons> kWording{{
    {RefusalReason::NoSuchServer, "no-such-server",
     RAFT_TRANSLATABLE("ActionRefusal", "%1 is not a server of this cluster")},
    {RefusalReason::SameServer, "same-server",
     RAFT_TRANSLATABLE("ActionRefusal", "%4 needs two different nodes; both ends are %1")},
    {RefusalReason::AlreadyCrashed, "already-crashed", RAFT_TRANSLATABLE("ActionRefusal", "%1 is already crashed")},
    {RefusalReason::UpNotCrashed, "up-not-crashed",
     RAFT_TRANSLATABLE("ActionRefusal", "%1 is up; only a crashed server can restart")},
    {RefusalReason::PausedNotCrashed, "paused-not-crashed",
     RAFT_TRANSLATABLE("ActionRefusal", "%1 is paused, not crashed; use resume")},
    {RefusalReason::CrashedNotUp, "crashed-not-up",
     RAFT_TRANSLATABLE("ActionRefusal", "%1 is crashed; only a server that is up can %4")},
    {RefusalReason::PausedNotUp, "paused-not-up",
     RAFT_TRANSLATABLE("ActionRefusal", "%1 is paused; only a server that is up can %4")},
    {RefusalReason::UpNotPaused, "up-not-paused", RAFT_TRANSLATABLE("ActionRefusal", "%1 is up, not paused")},
    {RefusalReason::CrashedNotPaused, "crashed-not-paused",
     RAFT_TRANSLATABLE("ActionRefusal", "%1 is crashed, not paused; use restart")},
    {RefusalReason::IsLeader, "is-leader",
     RAFT_TRANSLATABLE("ActionRefusal", "%1 is the leader; a leader has no election timer")},
    {RefusalReason::TimeInPast, "time-in-past",
     RAFT_TRANSLATABLE("ActionRefusal", "%1's election timer cannot fire in the past")},
    {RefusalReason::NoSuchMessage, "no-such-message",
     RAFT_TRANSLATABLE("ActionRefusal", "message #%3 is not in flight")},
    {RefusalReason::DestinationPaused, "destination-paused",
     RAFT_TRANSLATABLE("ActionRefusal", "message #%3 goes to %1, which is paused; resume it first")},
    {RefusalReason::LinkNotCut, "link-not-cut", RAFT_TRANSLATABLE("ActionRefusal", "the link %1 -> %2 is not cut")},
    {RefusalReason::BadConditions, "bad-conditions",
     RAFT_TRANSLATABLE("ActionRefusal",
                       "those conditions are not possible (latency needs 1 <= min <= max; loss and duplication are "
                       "probabilities from 0 to 1)")},
    {RefusalReason::NoLeader, "no-leader",
     RAFT_TRANSLATABLE("ActionRefusal", "there is no leader to hand leadership over to %1")},
    {RefusalReason::AlreadyLeads, "already-leads", RAFT_TRANSLATABLE("ActionRefusal", "%1 is the leader already")},
    {RefusalReason::NothingToSnapshot, "nothing-to-snapshot",
     RAFT_TRANSLATABLE("ActionRefusal",
                       "%1 has applied no entry since its last snapshot; a snapshot holds only applied entries")},
    {RefusalReason::BadInterval, "bad-interval",
     RAFT_TRANSLATABLE("ActionRefusal", "the automatic client's interval must be from 1 ms to 60 s (0 stops it)")},
    {RefusalReason::NoLeaderToChange, "no-leader-to-change",
     RAFT_TRANSLATABLE("ActionRefusal", "there is no leader to change the configuration; only a leader can (§6)")},
    {RefusalReason::ChangePending, "change-pending",
     RAFT_TRANSLATABLE("ActionRefusal",
                       "leader %1 is still making the last configuration change; one change at a time (§4.1)")},
    {RefusalReason::NoCommitInTerm, "no-commit-in-term",
     RAFT_TRANSLATABLE("ActionRefusal",
                       "leader %1 has not yet committed an entry of its own term; until then it may not change the "
                       "configuration (§4.1, the 2015 correction)")},
    {RefusalReason::AlreadyMember, "already-member",
     RAFT_TRANSLATABLE("ActionRefusal", "%1 is already a voter of the configuration")},
    {RefusalReason::NotMember, "not-member",
     RAFT_TRANSLATABLE("ActionRefusal", "%1 is not a voter of the configuration")},
    {RefusalReason::NoVoters, "no-voters",
     RAFT_TRANSLATABLE("ActionRefusal", "a configuration needs at least one voter; %1 is the last")},
    {RefusalReason::SameConfiguration, "same-configuration",
     RAFT_TRANSLATABLE("ActionRefusal", "those are exactly the voters of the configuration in force")},
    {RefusalReason::ReservedCommand, "reserved-command",
     RAFT_TRANSLATABLE("ActionRefusal",
                       "a command starting with 'config' is a configuration entry; use add, remove or reconfigure")},
}};

constexpr bool tableInOrder()
{
    for (std::size_t i = 0; i < kWording.size(); ++i)
        if (static_cast<std::size_t>(kWording[i].reason) != i)
            return false;
    return true;
}
static_assert(tableInOrder(), "kWording lists the reasons in their enum order");

} // namespace

const char *refusalReasonName(RefusalReason reason)
{
    const auto i = static_cast<std::size_t>(reason);
    return i < kWording.size() ? kWording[i].name : "?";
}

const char *refusalPattern(RefusalReason reason)
{
    const auto i = static_cast<std::size_t>(reason);
    return i < kWording.size() ? kWording[i].pattern : "refused";
}

std::string describeRefusal(const Refusal &refusal)
{
    const std::string args[] = {nodeName(refusal.node), nodeName(refusal.peer), std::to_string(refusal.message),
                                actionVerb(refusal.action)};
    return fillPattern(refusalPattern(refusal.reason), args, std::size(args));
}

} // namespace raft
