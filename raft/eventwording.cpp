#include "eventwording.h"

#include "eventcatalog.h"

namespace raft {

namespace {

using Type = WordArg::Type;

WordArg node(NodeId id)
{
    return {Type::Node, static_cast<std::uint64_t>(id)};
}
WordArg number(std::uint64_t n)
{
    return {Type::Number, n};
}
WordArg millis(std::uint64_t ticks)
{
    return {Type::Millis, ticks};
}
WordArg signedNumber(std::int64_t n)
{
    return {Type::Number, static_cast<std::uint64_t>(n)};
}
WordArg role(std::int64_t r)
{
    return {Type::Role, static_cast<std::uint64_t>(r)};
}
WordArg message(std::int64_t type)
{
    return {Type::Message, static_cast<std::uint64_t>(type)};
}
WordArg reasonArg(Reason reason)
{
    return {Type::ReasonName, static_cast<std::uint64_t>(reason)};
}
constexpr WordArg kText{Type::Text, 0};
constexpr WordArg kQuoted{Type::Quoted, 0};
constexpr WordArg kCommand{Type::Command, 0};

/// say builds a Wording from a pattern and its args, in %-order.
Wording say(const char *pattern, std::initializer_list<WordArg> args = {})
{
    Wording w;
    w.pattern = pattern;
    for (const WordArg &arg : args)
        w.args[w.count++] = arg;
    return w;
}

// One function per kind whose sentence depends on its reason or its fields; the
// reason-dependent choices are if-chains, so that a new Reason needs no edit here.

Wording electionTimeout(const TraceEvent &e)
{
    if (e.reason == Reason::Transfer)
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 got TimeoutNow from leader %2: it starts an election for term %3 at once, without waiting "
                       "for its timer or asking for pre-votes, votes for itself and asks the others for votes"),
                   {node(e.node), node(e.peer), number(e.term)});
    if (e.reason == Reason::PreVote)
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 won pre-votes from a majority: now it becomes a candidate for term %2, votes for itself "
                       "and asks the others for votes"),
                   {node(e.node), number(e.term)});
    if (e.reason == Reason::Forced)
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 was told to time out: it starts an election for term %2, votes for itself and asks the "
                       "others for votes"),
                   {node(e.node), number(e.term)});
    return say(
        RAFT_TRANSLATABLE("EventWording",
                          "%1's election timeout fired without word from a leader: it becomes a candidate for term %2, "
                          "votes for itself and asks the others for votes"),
        {node(e.node), number(e.term)});
}

Wording voteDenied(const TraceEvent &e)
{
    const WordArg n = node(e.node);
    const WordArg p = node(e.peer);
    if (e.reason == Reason::StaleTerm)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 denied its vote to %2 in term %3: %2's term %4 is older than %1's %3"),
                   {n, p, number(e.term), number(e.term2)});
    if (e.reason == Reason::AlreadyVoted)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 denied its vote to %2 in term %3: %1 already voted for %4 in this term"),
                   {n, p, number(e.term), node(static_cast<NodeId>(e.value))});
    if (e.reason == Reason::LogTermOlder)
        return say(
            RAFT_TRANSLATABLE("EventWording",
                              "%1 denied its vote to %2 in term %3: %2's last log term %4 is older than %1's %5"),
            {n, p, number(e.term), number(e.term2), signedNumber(e.value)});
    if (e.reason == Reason::LogShorter)
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 denied its vote to %2 in term %3: both logs end in term %4, but %2's log is shorter (%5 "
                       "entries, %1 has %6)"),
                   {n, p, number(e.term), number(e.term2), number(e.index), number(e.index2)});
    return say(RAFT_TRANSLATABLE("EventWording", "%1 denied its vote to %2 in term %3: %4"),
               {n, p, number(e.term), reasonArg(e.reason)});
}

Wording preVoteStarted(const TraceEvent &e)
{
    if (e.reason == Reason::Forced)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 was told to time out: before it campaigns it asks the others whether they "
                                     "would vote for it in term %2; its term stays %3"),
                   {node(e.node), number(e.term + 1), number(e.term)});
    return say(RAFT_TRANSLATABLE("EventWording",
                                 "%1's election timeout fired without word from a leader: before it campaigns it asks "
                                 "the others whether they would vote for it in term %2; its term stays %3"),
               {node(e.node), number(e.term + 1), number(e.term)});
}

Wording preVoteDenied(const TraceEvent &e)
{
    const WordArg n = node(e.node);
    const WordArg p = node(e.peer);
    if (e.reason == Reason::StaleTerm)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 would not vote for %2: %2 would campaign in term %3, not newer than %1's %4"),
                   {n, p, number(e.term2), number(e.term)});
    if (e.reason == Reason::LeaderAlive)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 would not vote for %2: %1 heard from a leader less than an election timeout "
                                     "ago, so the cluster needs no election"),
                   {n, p});
    if (e.reason == Reason::AlreadyVoted)
        return say(RAFT_TRANSLATABLE("EventWording", "%1 would not vote for %2: it already voted for %3 in term %4"),
                   {n, p, node(static_cast<NodeId>(e.value)), number(e.term)});
    if (e.reason == Reason::LogTermOlder)
        return say(
            RAFT_TRANSLATABLE("EventWording", "%1 would not vote for %2: %2's last log term %3 is older than %1's %4"),
            {n, p, number(e.term2), signedNumber(e.value)});
    if (e.reason == Reason::LogShorter)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 would not vote for %2: both logs end in term %3, but %2's log is shorter (%4 "
                                     "entries, %1 has %5)"),
                   {n, p, number(e.term2), number(e.index), number(e.index2)});
    return say(RAFT_TRANSLATABLE("EventWording", "%1 would not vote for %2: %3"), {n, p, reasonArg(e.reason)});
}

Wording voteReceived(const TraceEvent &e)
{
    const std::initializer_list<WordArg> args{node(e.node), node(e.peer), number(e.term), number(e.index),
                                              number(e.index2)};
    if (e.reason == Reason::PreVote && e.value != 0)
        return say(RAFT_TRANSLATABLE("EventWording", "%1 got a pre-vote from %2 (term %3): %4 of %5 needed"), args);
    if (e.reason == Reason::PreVote)
        return say(RAFT_TRANSLATABLE("EventWording", "%1 was refused a pre-vote by %2 (term %3): %4 of %5 needed"),
                   args);
    if (e.value != 0)
        return say(RAFT_TRANSLATABLE("EventWording", "%1 got a vote from %2 in term %3: %4 of %5 votes needed"), args);
    return say(RAFT_TRANSLATABLE("EventWording", "%1 was refused a vote by %2 in term %3: %4 of %5 votes needed"),
               args);
}

Wording becameFollower(const TraceEvent &e)
{
    const WordArg n = node(e.node);
    const WordArg p = node(e.peer);
    if (e.reason == Reason::LeaderOfTerm)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 heard from %2, the leader of its term %3: it stops campaigning and follows"),
                   {n, p, number(e.term)});
    if (e.reason == Reason::NotInConfiguration)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 managed the cluster until the configuration that removes it was committed: "
                                     "now it steps down as leader of term %2"),
                   {n, number(e.term)});
    if (e.reason == Reason::QuorumLost)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 heard from no majority within an election timeout: it steps down as leader "
                                     "of term %2, since another leader may have been elected"),
                   {n, number(e.term)});
    if (static_cast<Role>(e.value) == Role::Follower)
        return say(
            RAFT_TRANSLATABLE("EventWording", "%1 saw term %2 from %3, newer than its term %4: it moves to term %2"),
            {n, number(e.term), p, number(e.term2)});
    return say(
        RAFT_TRANSLATABLE("EventWording",
                          "%1 saw term %2 from %3, newer than its term %4: it stops being %5 and becomes a follower"),
        {n, number(e.term), p, number(e.term2), role(e.value)});
}

Wording appendAccepted(const TraceEvent &e)
{
    const WordArg n = node(e.node);
    const WordArg p = node(e.peer);
    if (e.index2 == 0)
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 accepted a heartbeat from leader %2 (term %3): its log matches up to index %4, and its "
                       "election timer restarts"),
                   {n, p, number(e.term), number(e.index)});
    if (e.index2 == 1)
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 accepted 1 entry from leader %2 at index %3: its entry at prevLogIndex %4 matches the "
                       "leader's"),
                   {n, p, number(e.index + 1), number(e.index)});
    return say(
        RAFT_TRANSLATABLE("EventWording",
                          "%1 accepted %2 entries from leader %3 at index %4..%5: its entry at prevLogIndex %6 matches "
                          "the leader's"),
        {n, number(e.index2), p, number(e.index + 1), number(e.index + e.index2), number(e.index)});
}

Wording appendRejected(const TraceEvent &e)
{
    const WordArg n = node(e.node);
    const WordArg p = node(e.peer);
    if (e.reason == Reason::StaleTerm)
        return say(
            RAFT_TRANSLATABLE("EventWording", "%1 rejected AppendEntries from %2: %2's term %3 is older than %1's %4"),
            {n, p, number(e.term2), number(e.term)});
    if (e.reason == Reason::MissingEntry)
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 rejected AppendEntries from %2: %1 has no entry at prevLogIndex %3 (its log ends at %4)"),
                   {n, p, number(e.index), number(e.index2)});
    if (e.reason == Reason::TermMismatch)
        return say(
            RAFT_TRANSLATABLE("EventWording",
                              "%1 rejected AppendEntries from %2: %1's entry at prevLogIndex %3 has term %4, not the "
                              "leader's %5"),
            {n, p, number(e.index), signedNumber(e.value), number(e.term2)});
    return say(RAFT_TRANSLATABLE("EventWording", "%1 rejected AppendEntries from %2: %3"), {n, p, reasonArg(e.reason)});
}

Wording logTruncated(const TraceEvent &e)
{
    if (e.index2 == 1)
        return say(
            RAFT_TRANSLATABLE("EventWording",
                              "%1 deleted 1 entry after index %2: they conflict with leader %3's entry of term %4"),
            {node(e.node), number(e.index), node(e.peer), number(e.term2)});
    return say(
        RAFT_TRANSLATABLE("EventWording",
                          "%1 deleted %2 entries after index %3: they conflict with leader %4's entry of term %5"),
        {node(e.node), number(e.index2), number(e.index), node(e.peer), number(e.term2)});
}

Wording commitAdvanced(const TraceEvent &e)
{
    const WordArg n = node(e.node);
    if (e.reason == Reason::Majority)
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 committed up to index %2: a majority stores it, and the entry is from its current term "
                       "%3"),
                   {n, number(e.index), number(e.term)});
    if (e.peer != kNoNode)
        return say(RAFT_TRANSLATABLE("EventWording", "%1 advanced its commitIndex from %2 to %3 as leader %4 told it"),
                   {n, number(e.index2), number(e.index), node(e.peer)});
    return say(
        RAFT_TRANSLATABLE("EventWording", "%1 advanced its commitIndex from %2 to %3 as leader of term %4 told it"),
        {n, number(e.index2), number(e.index), number(e.term)});
}

Wording staleIgnored(const TraceEvent &e)
{
    if (e.reason == Reason::LeaderAlive)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 ignored the %2 from %3 of term %4: it heard from its leader less than the "
                                     "minimum election timeout ago, so it keeps term %5"),
                   {node(e.node), message(e.value), node(e.peer), number(e.term2), number(e.term)});
    if (e.reason == Reason::StaleTerm)
        return say(RAFT_TRANSLATABLE("EventWording", "%1 ignored the %2 from %3 of term %4: its own term %5 is newer"),
                   {node(e.node), message(e.value), node(e.peer), number(e.term2), number(e.term)});
    return say(
        RAFT_TRANSLATABLE("EventWording", "%1 ignored the %2 from %3: it answers a request %1 no longer waits for"),
        {node(e.node), message(e.value), node(e.peer)});
}

Wording clientRefused(const TraceEvent &e)
{
    const WordArg n = node(e.node);
    if (e.reason == Reason::NotLeader && e.peer != kNoNode)
        return say(RAFT_TRANSLATABLE("EventWording", "%1 refused client request %2: it is not the leader; try %3"),
                   {n, kQuoted, node(e.peer)});
    if (e.reason == Reason::NotLeader)
        return say(
            RAFT_TRANSLATABLE("EventWording", "%1 refused client request %2: it is not the leader; it knows no leader"),
            {n, kQuoted});
    if (e.reason == Reason::NodePaused)
        return say(RAFT_TRANSLATABLE("EventWording", "%1 cannot take client request %2: it is paused"), {n, kQuoted});
    if (e.reason == Reason::Transferring)
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 refused client request %2: it is handing leadership over to %3; try %3"),
                   {n, kQuoted, node(e.peer)});
    return say(RAFT_TRANSLATABLE("EventWording", "%1 cannot take client request %2: it is down"), {n, kQuoted});
}

Wording messageLost(const TraceEvent &e)
{
    const std::initializer_list<WordArg> args{message(e.value), node(e.node), node(e.peer)};
    if (e.reason == Reason::Partition)
        return say(
            RAFT_TRANSLATABLE("EventWording", "The %1 from %2 to %3 was lost: a network partition separates them"),
            args);
    if (e.reason == Reason::LinkCut)
        return say(RAFT_TRANSLATABLE("EventWording", "The %1 from %2 to %3 was lost: the link from %2 to %3 is cut"),
                   args);
    if (e.reason == Reason::RandomLoss)
        return say(RAFT_TRANSLATABLE("EventWording", "The %1 from %2 to %3 was lost: the network dropped it"), args);
    if (e.reason == Reason::DestinationCrashed)
        return say(RAFT_TRANSLATABLE("EventWording", "The %1 from %2 to %3 was lost: %3 is down"), args);
    if (e.reason == Reason::UserDropped)
        return say(RAFT_TRANSLATABLE("EventWording", "The %1 from %2 to %3 was lost: dropped by hand"), args);
    return say(RAFT_TRANSLATABLE("EventWording", "The %1 from %2 to %3 was lost: %4"),
               {message(e.value), node(e.node), node(e.peer), reasonArg(e.reason)});
}

Wording messageDuplicated(const TraceEvent &e)
{
    const std::initializer_list<WordArg> args{message(e.value), node(e.node), node(e.peer)};
    if (e.reason == Reason::Forced)
        return say(RAFT_TRANSLATABLE("EventWording", "The network was told to duplicate the %1 from %2 to %3"), args);
    return say(RAFT_TRANSLATABLE("EventWording", "The network duplicated the %1 from %2 to %3"), args);
}

Wording messageWaiting(const TraceEvent &e)
{
    const std::initializer_list<WordArg> args{message(e.value), node(e.node), node(e.peer)};
    if (e.reason == Reason::NodePaused)
        return say(RAFT_TRANSLATABLE("EventWording", "The %1 from %2 reached %3 and waits at its door: %3 is paused"),
                   args);
    return say(RAFT_TRANSLATABLE("EventWording",
                                 "The %1 from %2 reached %3 and waits at its door: it is held for delivery by hand"),
               args);
}

Wording networkChanged(const TraceEvent &e)
{
    const WordArg n = node(e.node);
    const WordArg p = node(e.peer);
    if (e.reason == Reason::Partition)
        return say(RAFT_TRANSLATABLE("EventWording", "The network was partitioned: %1"), {kText});
    if (e.reason == Reason::LinkCut) {
        if (e.value == 2)
            return say(RAFT_TRANSLATABLE("EventWording", "%1 was isolated from the network"), {n});
        if (e.value != 0)
            return say(RAFT_TRANSLATABLE("EventWording", "The link %1 <-> %2 was cut"), {n, p});
        return say(RAFT_TRANSLATABLE("EventWording", "The link %1 -> %2 was cut"), {n, p});
    }
    if (e.reason == Reason::Healed) {
        if (e.node != kNoNode && e.peer != kNoNode)
            return e.value != 0 ? say(RAFT_TRANSLATABLE("EventWording", "The link %1 <-> %2 was restored"), {n, p})
                                : say(RAFT_TRANSLATABLE("EventWording", "The link %1 -> %2 was restored"), {n, p});
        if (e.node != kNoNode)
            return say(RAFT_TRANSLATABLE("EventWording", "%1 was reconnected"), {n});
        return say(RAFT_TRANSLATABLE("EventWording", "The network was healed"));
    }
    return say(RAFT_TRANSLATABLE("EventWording", "The network changed"));
}

} // namespace

Wording wordingOf(const TraceEvent &e)
{
    // One case per kind (-Wswitch-enum keeps it complete): the kinds whose sentence
    // depends on the reason or the fields have a function of their own above.
    const WordArg n = node(e.node);
    const WordArg p = node(e.peer);
    switch (e.kind) {
    // --- elections (§5.2) ---
    case EventKind::ElectionTimeout: return electionTimeout(e);
    case EventKind::VoteGranted:
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 voted for %2 in term %3: %2's log (last term %4, index %5) is at least as up-to-date as "
                       "%1's, and %1 had not voted for anyone else in this term"),
                   {n, p, number(e.term), number(e.term2), number(e.index)});
    case EventKind::VoteDenied: return voteDenied(e);
    case EventKind::VoteReceived: return voteReceived(e);
    case EventKind::BecameLeader:
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 won the election for term %2 with %3 of %4 votes, a majority: it becomes leader and sends "
                       "AppendEntries to assert its authority"),
                   {n, number(e.term), number(e.index), number(e.index2)});
    case EventKind::BecameFollower: return becameFollower(e);
    case EventKind::PreVoteStarted: return preVoteStarted(e);
    case EventKind::PreVoteGranted:
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 would vote for %2: %2's log (last term %3, index %4) is at least as "
                                     "up-to-date as %1's and %1 has no leader it heard from lately; its term stays %5"),
                   {n, p, number(e.term2), number(e.index), number(e.term)});
    case EventKind::PreVoteDenied: return preVoteDenied(e);
    case EventKind::TransferStarted:
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "Leader %1 hands leadership of term %2 over to %3: it takes no more client "
                                     "requests, brings %3's log up to date (%3 matches up to index %4 of %5) and then "
                                     "sends it TimeoutNow"),
                   {n, number(e.term), p, number(e.index), number(e.index2)});
    case EventKind::TransferAborted:
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1's handover to %2 did not complete within an election timeout: %1 leads on and "
                                     "takes client requests again"),
                   {n, p});
    // --- membership (§6, dissertation §4) ---
    case EventKind::MembershipCatchUp:
        if (e.reason == Reason::TooSlow)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "Leader %1 gives the change up: %2 did not catch up (round %3, it matches up "
                                         "to index %4 of %5); a server that is down or too slow would hold every "
                                         "other change back"),
                       {n, p, signedNumber(e.value), number(e.index), number(e.index2)});
        if (e.value <= 1)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "Leader %1 starts catching %2 up as a learner: it sends %2 its log up to "
                                         "index %3 first; a learner neither votes nor counts toward a majority"),
                       {n, p, number(e.index2)});
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%2 reached the end of catch-up round %3 but the round took longer than an "
                                     "election timeout: leader %1 starts round %4, up to index %5"),
                   {n, p, signedNumber(e.value - 1), signedNumber(e.value), number(e.index2)});
    case EventKind::ConfigurationInForce:
        if (e.index2 != 0)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "%1 now uses the joint configuration C_old,new (entry %2): decisions need a "
                                         "majority of the new voters %3 and of the old voters %4"),
                       {n,
                        number(e.index),
                        {WordArg::Type::Nodes, static_cast<std::uint64_t>(e.value)},
                        {WordArg::Type::Nodes, e.index2}});
        if (e.reason == Reason::TermMismatch)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "%1 lost the newer configuration with the truncated entries: it falls back "
                                         "to the configuration of entry %2, voters %3"),
                       {n, number(e.index), {WordArg::Type::Nodes, static_cast<std::uint64_t>(e.value)}});
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 now uses the configuration of entry %2, voters %3: a server uses the newest "
                                     "configuration in its log, committed or not"),
                   {n, number(e.index), {WordArg::Type::Nodes, static_cast<std::uint64_t>(e.value)}});
    case EventKind::ServerRemoved:
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 learned that the committed configuration (entry %2) leaves it out: it is "
                                     "removed and stops"),
                   {n, number(e.index)});
    // --- replication (§5.3) ---
    case EventKind::AppendAccepted: return appendAccepted(e);
    case EventKind::AppendRejected: return appendRejected(e);
    case EventKind::LogTruncated: return logTruncated(e);
    case EventKind::HeartbeatTimeout:
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1's heartbeat timer fired: as leader of term %2 it sends AppendEntries to every follower"),
                   {n, number(e.term)});
    case EventKind::ReplicationAcked:
        if (e.reason == Reason::SnapshotMatch)
            return say(
                RAFT_TRANSLATABLE("EventWording",
                                  "Leader %1 learned that %2 holds its snapshot: %2's log matches up to index %3, "
                                  "and entries follow from index %4"),
                {n, p, number(e.index), number(e.index2)});
        return say(
            RAFT_TRANSLATABLE("EventWording",
                              "Leader %1 learned that %2 holds its log up to index %3 (matchIndex %3, nextIndex %4)"),
            {n, p, number(e.index), number(e.index2)});
    case EventKind::ReplicationBackoff:
        return say(
            RAFT_TRANSLATABLE("EventWording",
                              "Leader %1 moves %2's nextIndex back from %3 to %4 and retries: %2's log did not match"),
            {n, p, number(e.index2), number(e.index)});
    case EventKind::CommitAdvanced: return commitAdvanced(e);
    case EventKind::CommitDeferred:
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 has index %2 on a majority but does not commit it: it is from term %3, and a leader only "
                       "commits entries of its current term %4 by counting replicas"),
                   {n, number(e.index), number(e.term2), number(e.term)});
    case EventKind::Applied:
        return say(RAFT_TRANSLATABLE("EventWording", "%1 applied entry %2 %3 to its state machine"),
                   {n, number(e.index), kCommand});
    case EventKind::StaleIgnored: return staleIgnored(e);
    // --- snapshots (§7) ---
    case EventKind::SnapshotTaken:
        if (e.reason == Reason::Forced)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "Asked to, %1 took a snapshot of its state machine up to index %2 (term %3) "
                                         "and discarded the %4 log entries it replaces"),
                       {n, number(e.index), number(e.term2), number(e.index2)});
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 took a snapshot of its state machine up to index %2 (term %3) and discarded "
                                     "the %4 log entries it replaces"),
                   {n, number(e.index), number(e.term2), number(e.index2)});
    case EventKind::SnapshotSent:
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "Leader %1 needs to send %2 entries from index %3 on, but they are compacted "
                                     "into its snapshot (up to index %4): it sends the snapshot instead, in %5 "
                                     "InstallSnapshot chunk(s)"),
                   {n, p, number(e.index2), number(e.index), signedNumber(e.value)});
    case EventKind::SnapshotChunkReceived:
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 wrote a chunk of %2's snapshot (up to index %3): %4 of %5 bytes so far; it "
                                     "replies and waits for the rest"),
                   {n, p, number(e.index), number(e.index2), signedNumber(e.value)});
    case EventKind::SnapshotInstalled:
        if (e.reason == Reason::SnapshotMatch)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "%1 installed %2's snapshot up to index %3 (term %4): its log has that entry, "
                                         "so it keeps the %5 entries after it; its state machine now starts from the "
                                         "snapshot, and commitIndex and lastApplied are %3"),
                       {n, p, number(e.index), number(e.term2), number(e.index2)});
        return say(
            RAFT_TRANSLATABLE("EventWording",
                              "%1 installed %2's snapshot up to index %3 (term %4): its log lacks that entry, so "
                              "it discards its whole log; its state machine now starts from the snapshot, and "
                              "commitIndex and lastApplied are %3"),
            {n, p, number(e.index), number(e.term2)});
    case EventKind::SnapshotIgnored:
        if (e.reason == Reason::StaleTerm)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "%1 rejected an InstallSnapshot from %2 of an older term: it replies at once "
                                         "with its term %3"),
                       {n, p, number(e.term)});
        if (e.reason == Reason::SnapshotCovered)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "%1 did not install %2's snapshot up to index %3: it has committed that much "
                                         "already, and installing it would move its state machine back"),
                       {n, p, number(e.index)});
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 did not write a chunk of %2's snapshot: it does not continue the %3 bytes "
                                     "received so far, and the reply says where to go on"),
                   {n, p, number(e.index2)});
    // --- clients (§8) ---
    case EventKind::ClientAccepted:
        return say(RAFT_TRANSLATABLE("EventWording", "Leader %1 appended client request %2 at index %3 in term %4"),
                   {n, kQuoted, number(e.index), number(e.term)});
    case EventKind::ClientRefused: return clientRefused(e);
    case EventKind::ClientAnswered:
        return say(
            RAFT_TRANSLATABLE("EventWording", "Leader %1 answered the client: %2 (index %3) is committed and applied"),
            {n, kQuoted, number(e.index)});
    case EventKind::ClientLost:
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "The client request %1 accepted at index %2 in term %3 was replaced by another leader's entry "
                       "before it committed; the client must retry"),
                   {kQuoted, number(e.index), number(e.term2)});
    case EventKind::ClientRetried:
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "Client %1 heard no answer to its request %2 and sends it again to %3 (attempt "
                                     "%4): %5"),
                   {number(static_cast<std::uint64_t>(e.value)), number(e.index), n, number(e.index2), kQuoted});
    case EventKind::DuplicateSkipped:
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "%1 skipped entry %2 %3: its session table shows that request was applied "
                                     "already, so it is not applied twice"),
                   {n, number(e.index), kCommand});
    // --- reads (§6.4) ---
    case EventKind::ReadStarted:
        if (e.reason == Reason::LeaderAlive)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "Leader %1 took read #%2 at commitIndex %3: its lease holds until %4 ms, so "
                                         "no other leader can exist"),
                       {n, number(static_cast<std::uint64_t>(e.value)), number(e.index), millis(e.index2)});
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "Leader %1 took read #%2 and noted commitIndex %3; it sends a round of heartbeats "
                                     "to confirm it still leads"),
                   {n, number(static_cast<std::uint64_t>(e.value)), number(e.index)});
    case EventKind::ReadConfirmed:
        if (e.reason == Reason::LeaderAlive)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "Leader %1 answers read #%2 within its lease, once index %3 is applied"),
                       {n, number(static_cast<std::uint64_t>(e.value)), number(e.index)});
        return say(RAFT_TRANSLATABLE("EventWording",
                                     "A majority answered %1's heartbeats: it still leads, and answers read #%2 once "
                                     "index %3 is applied"),
                   {n, number(static_cast<std::uint64_t>(e.value)), number(e.index)});
    case EventKind::ReadRefused:
        if (e.reason == Reason::NotLeader && e.peer != kNoNode)
            return say(RAFT_TRANSLATABLE("EventWording", "%1 refused read #%2: it is not the leader; try %3"),
                       {n, number(static_cast<std::uint64_t>(e.value)), node(e.peer)});
        if (e.reason == Reason::NotLeader)
            return say(
                RAFT_TRANSLATABLE("EventWording", "%1 refused read #%2: it is not the leader; it knows no leader"),
                {n, number(static_cast<std::uint64_t>(e.value))});
        if (e.reason == Reason::Transferring)
            return say(
                RAFT_TRANSLATABLE("EventWording", "%1 refused read #%2: it is handing leadership over to %3; try %3"),
                {n, number(static_cast<std::uint64_t>(e.value)), node(e.peer)});
        if (e.reason == Reason::QuorumLost)
            return say(
                RAFT_TRANSLATABLE("EventWording", "%1 stopped leading before it could confirm read #%2: no answer"),
                {n, number(static_cast<std::uint64_t>(e.value))});
        if (e.reason == Reason::NodePaused)
            return say(RAFT_TRANSLATABLE("EventWording", "%1 cannot answer read #%2: it is paused"),
                       {n, number(static_cast<std::uint64_t>(e.value))});
        return say(RAFT_TRANSLATABLE("EventWording", "%1 cannot answer read #%2: it is down"),
                   {n, number(static_cast<std::uint64_t>(e.value))});
    case EventKind::ReadAnswered:
        if (e.reason == Reason::Forced)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "%1 answered read #%2 from its own state machine (index %3 applied): %4 — "
                                         "without asking anyone, so it may be stale"),
                       {n, number(static_cast<std::uint64_t>(e.value)), number(e.index), kQuoted});
        return say(RAFT_TRANSLATABLE("EventWording", "%1 answered read #%2 (index %3 applied): %4"),
                   {n, number(static_cast<std::uint64_t>(e.value)), number(e.index), kQuoted});
    // --- the network ---
    case EventKind::MessageLost: return messageLost(e);
    case EventKind::MessageDuplicated: return messageDuplicated(e);
    case EventKind::MessageWaiting: return messageWaiting(e);
    // --- the user ---
    case EventKind::NodeCrashed:
        return say(
            RAFT_TRANSLATABLE("EventWording",
                              "%1 crashed: its currentTerm %2, votedFor and %3 log entries survive on stable storage; "
                              "everything else is lost"),
            {n, number(e.term), number(e.index)});
    case EventKind::NodeRestarted:
        if (e.index2 > 0)
            return say(RAFT_TRANSLATABLE("EventWording",
                                         "%1 restarted as a follower in term %2 from its snapshot up to index %3: its "
                                         "state machine starts from the snapshot, commitIndex and lastApplied start at "
                                         "%3, and its log runs on to index %4"),
                       {n, number(e.term), number(e.index2), number(e.index)});
        return say(RAFT_TRANSLATABLE(
                       "EventWording",
                       "%1 restarted as a follower in term %2 with its %3 stored entries; commitIndex is 0 until a "
                       "leader tells it more"),
                   {n, number(e.term), number(e.index)});
    case EventKind::NodePaused:
        return say(RAFT_TRANSLATABLE("EventWording", "%1 is paused: its timers stop and messages wait at its door"),
                   {n});
    case EventKind::NodeResumed: return say(RAFT_TRANSLATABLE("EventWording", "%1 resumed"), {n});
    case EventKind::NetworkChanged: return networkChanged(e);
    case EventKind::ConfigChanged: return say(RAFT_TRANSLATABLE("EventWording", "Settings changed: %1"), {kText});
    case EventKind::Narration: return say("%1", {kText}); // the lesson's own words, in its own language
    case EventKind::InvariantViolated: return say(RAFT_TRANSLATABLE("EventWording", "SAFETY VIOLATION: %1"), {kText});
    }
    return say("%1", {reasonArg(e.reason)});
}

std::string fillPattern(std::string_view pattern, const std::string *args, std::size_t count)
{
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const auto arg = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (arg < count) {
                out += args[arg];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace raft
