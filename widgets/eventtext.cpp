#include "eventtext.h"

using raft::EventKind;
using raft::Reason;
using raft::TraceEvent;

namespace widgets {

namespace {

raft::MessageType typeOf(const TraceEvent &e)
{
    return static_cast<raft::MessageType>(e.value);
}

QString quoted(const QString &text)
{
    return EventText::tr("\"%1\"").arg(text);
}

} // namespace

QString EventText::nodeText(raft::NodeId id)
{
    if (id == raft::kNoNode)
        return tr("-");
    return tr("S%1").arg(id);
}

QString EventText::roleText(raft::Role role)
{
    switch (role) {
    case raft::Role::Follower: return tr("follower");
    case raft::Role::Candidate: return tr("candidate");
    case raft::Role::Leader: return tr("leader");
    }
    return {};
}

QString EventText::statusText(raft::NodeStatus status)
{
    switch (status) {
    case raft::NodeStatus::Up: return tr("up");
    case raft::NodeStatus::Crashed: return tr("crashed");
    case raft::NodeStatus::Paused: return tr("paused");
    }
    return {};
}

QString EventText::messageTypeText(raft::MessageType type)
{
    switch (type) {
    case raft::MessageType::RequestVote: return tr("RequestVote");
    case raft::MessageType::RequestVoteReply: return tr("RequestVoteReply");
    case raft::MessageType::AppendEntries: return tr("AppendEntries");
    case raft::MessageType::AppendEntriesReply: return tr("AppendEntriesReply");
    }
    return {};
}

QString EventText::timeText(double ms)
{
    return tr("%1 s").arg(ms / 1000.0, 0, 'f', 3);
}

QString EventText::commandText(const std::string &command)
{
    if (command.empty())
        return tr("no-op");
    return QString::fromStdString(command);
}

QString EventText::section(const TraceEvent &event)
{
    return QString::fromUtf8(raft::sectionOf(event));
}

QList<raft::NodeId> EventText::nodesOf(const TraceEvent &event)
{
    QList<raft::NodeId> nodes;
    if (event.node != raft::kNoNode)
        nodes.append(event.node);
    if (event.peer != raft::kNoNode && event.peer != event.node)
        nodes.append(event.peer);
    return nodes;
}

bool EventText::isRoutine(const TraceEvent &event)
{
    switch (event.kind) {
    case EventKind::HeartbeatTimeout: return true;
    case EventKind::AppendAccepted: return event.index2 == 0;
    case EventKind::MessageLost:
        // A crashed server misses every heartbeat: expected, and said once by its crash.
        return event.reason == Reason::DestinationCrashed;
    default: return false;
    }
}

QString EventText::kindTitle(EventKind kind)
{
    switch (kind) {
    case EventKind::ElectionTimeout: return tr("Election timeout");
    case EventKind::VoteGranted: return tr("Vote granted");
    case EventKind::VoteDenied: return tr("Vote denied");
    case EventKind::VoteReceived: return tr("Vote counted");
    case EventKind::BecameLeader: return tr("New leader");
    case EventKind::BecameFollower: return tr("Became follower");
    case EventKind::AppendAccepted: return tr("AppendEntries accepted");
    case EventKind::AppendRejected: return tr("AppendEntries rejected");
    case EventKind::LogTruncated: return tr("Log truncated");
    case EventKind::HeartbeatTimeout: return tr("Heartbeat");
    case EventKind::ReplicationAcked: return tr("Replication acknowledged");
    case EventKind::ReplicationBackoff: return tr("nextIndex backed off");
    case EventKind::CommitAdvanced: return tr("Committed");
    case EventKind::CommitDeferred: return tr("Commit deferred");
    case EventKind::Applied: return tr("Applied");
    case EventKind::StaleIgnored: return tr("Ignored");
    case EventKind::ClientAccepted: return tr("Client request accepted");
    case EventKind::ClientRefused: return tr("Client request refused");
    case EventKind::ClientAnswered: return tr("Client answered");
    case EventKind::ClientLost: return tr("Client request lost");
    case EventKind::MessageLost: return tr("Message lost");
    case EventKind::MessageDuplicated: return tr("Message duplicated");
    case EventKind::MessageWaiting: return tr("Message waiting");
    case EventKind::NodeCrashed: return tr("Crash");
    case EventKind::NodeRestarted: return tr("Restart");
    case EventKind::NodePaused: return tr("Pause");
    case EventKind::NodeResumed: return tr("Resume");
    case EventKind::NetworkChanged: return tr("Network changed");
    case EventKind::ConfigChanged: return tr("Setting changed");
    case EventKind::Narration: return tr("Narration");
    case EventKind::InvariantViolated: return tr("Safety violated");
    }
    return {};
}

QString EventText::lossReason(const TraceEvent &e)
{
    switch (e.reason) {
    case Reason::Partition: return tr("a network partition separates them");
    case Reason::LinkCut: return tr("the link from %1 to %2 is cut").arg(nodeText(e.node), nodeText(e.peer));
    case Reason::RandomLoss: return tr("the network dropped it");
    case Reason::DestinationCrashed: return tr("%1 is down").arg(nodeText(e.peer));
    case Reason::UserDropped: return tr("dropped by hand");
    default: return QString::fromLatin1(raft::reasonName(e.reason));
    }
}

QString EventText::describe(const raft::Trace &trace, const TraceEvent &event)
{
    const QString text = sentence(trace, event);
    const QString sec = section(event);
    if (sec.isEmpty())
        return text;
    return tr("%1 (%2)").arg(text, sec);
}

QString EventText::sentence(const raft::Trace &trace, const TraceEvent &e)
{
    // Each sentence mirrors raft::Trace::describe() word for word in English (a test
    // holds them equal); translators word the same fields in their language.
    const QString n = nodeText(e.node);
    const QString p = nodeText(e.peer);
    const QString text = QString::fromStdString(std::string(trace.textOf(e)));

    switch (e.kind) {
    case EventKind::ElectionTimeout:
        if (e.reason == Reason::Forced)
            return tr("%1 was told to time out: it starts an election for term %2, votes for itself and asks the "
                      "others for votes")
                .arg(n)
                .arg(e.term);
        return tr("%1's election timeout fired without word from a leader: it becomes a candidate for term %2, "
                  "votes for itself and asks the others for votes")
            .arg(n)
            .arg(e.term);

    case EventKind::VoteGranted:
        return tr("%1 voted for %2 in term %3: %2's log (last term %4, index %5) is at least as up-to-date as "
                  "%1's, and %1 had not voted for anyone else in this term")
            .arg(n, p)
            .arg(e.term)
            .arg(e.term2)
            .arg(e.index);

    case EventKind::VoteDenied:
        switch (e.reason) {
        case Reason::StaleTerm:
            return tr("%1 denied its vote to %2 in term %3: %2's term %4 is older than %1's %3")
                .arg(n, p)
                .arg(e.term)
                .arg(e.term2);
        case Reason::AlreadyVoted:
            return tr("%1 denied its vote to %2 in term %3: %1 already voted for %4 in this term")
                .arg(n, p)
                .arg(e.term)
                .arg(nodeText(static_cast<raft::NodeId>(e.value)));
        case Reason::LogTermOlder:
            return tr("%1 denied its vote to %2 in term %3: %2's last log term %4 is older than %1's %5")
                .arg(n, p)
                .arg(e.term)
                .arg(e.term2)
                .arg(e.value);
        case Reason::LogShorter:
            return tr("%1 denied its vote to %2 in term %3: both logs end in term %4, but %2's log is shorter "
                      "(%5 entries, %1 has %6)")
                .arg(n, p)
                .arg(e.term)
                .arg(e.term2)
                .arg(e.index)
                .arg(e.index2);
        default:
            return tr("%1 denied its vote to %2 in term %3: %4")
                .arg(n, p)
                .arg(e.term)
                .arg(QString::fromLatin1(raft::reasonName(e.reason)));
        }

    case EventKind::VoteReceived:
        if (e.value != 0)
            return tr("%1 got a vote from %2 in term %3: %4 of %5 votes needed")
                .arg(n, p)
                .arg(e.term)
                .arg(e.index)
                .arg(e.index2);
        return tr("%1 was refused a vote by %2 in term %3: %4 of %5 votes needed")
            .arg(n, p)
            .arg(e.term)
            .arg(e.index)
            .arg(e.index2);

    case EventKind::BecameLeader:
        return tr("%1 won the election for term %2 with %3 of %4 votes, a majority: it becomes leader and sends "
                  "AppendEntries to assert its authority")
            .arg(n)
            .arg(e.term)
            .arg(e.index)
            .arg(e.index2);

    case EventKind::BecameFollower:
        if (e.reason == Reason::LeaderOfTerm)
            return tr("%1 heard from %2, the leader of its term %3: it stops campaigning and follows")
                .arg(n, p)
                .arg(e.term);
        if (static_cast<raft::Role>(e.value) == raft::Role::Follower)
            return tr("%1 saw term %2 from %3, newer than its term %4: it moves to term %2")
                .arg(n)
                .arg(e.term)
                .arg(p)
                .arg(e.term2);
        return tr("%1 saw term %2 from %3, newer than its term %4: it stops being %5 and becomes a follower")
            .arg(n)
            .arg(e.term)
            .arg(p)
            .arg(e.term2)
            .arg(roleText(static_cast<raft::Role>(e.value)));

    case EventKind::AppendAccepted:
        if (e.index2 == 0)
            return tr("%1 accepted a heartbeat from leader %2 (term %3): its log matches up to index %4, and its "
                      "election timer restarts")
                .arg(n, p)
                .arg(e.term)
                .arg(e.index);
        if (e.index2 == 1)
            return tr("%1 accepted 1 entry from leader %2 at index %3: its entry at prevLogIndex %4 matches the "
                      "leader's")
                .arg(n, p)
                .arg(e.index + 1)
                .arg(e.index);
        return tr("%1 accepted %2 entries from leader %3 at index %4..%5: its entry at prevLogIndex %6 matches "
                  "the leader's")
            .arg(n)
            .arg(e.index2)
            .arg(p)
            .arg(e.index + 1)
            .arg(e.index + e.index2)
            .arg(e.index);

    case EventKind::AppendRejected:
        switch (e.reason) {
        case Reason::StaleTerm:
            return tr("%1 rejected AppendEntries from %2: %2's term %3 is older than %1's %4")
                .arg(n, p)
                .arg(e.term2)
                .arg(e.term);
        case Reason::MissingEntry:
            return tr("%1 rejected AppendEntries from %2: %1 has no entry at prevLogIndex %3 (its log ends at %4)")
                .arg(n, p)
                .arg(e.index)
                .arg(e.index2);
        case Reason::TermMismatch:
            return tr("%1 rejected AppendEntries from %2: %1's entry at prevLogIndex %3 has term %4, not the "
                      "leader's %5")
                .arg(n, p)
                .arg(e.index)
                .arg(e.value)
                .arg(e.term2);
        default:
            return tr("%1 rejected AppendEntries from %2: %3")
                .arg(n, p, QString::fromLatin1(raft::reasonName(e.reason)));
        }

    case EventKind::LogTruncated:
        if (e.index2 == 1)
            return tr("%1 deleted 1 entry after index %2: they conflict with leader %3's entry of term %4")
                .arg(n)
                .arg(e.index)
                .arg(p)
                .arg(e.term2);
        return tr("%1 deleted %2 entries after index %3: they conflict with leader %4's entry of term %5")
            .arg(n)
            .arg(e.index2)
            .arg(e.index)
            .arg(p)
            .arg(e.term2);

    case EventKind::HeartbeatTimeout:
        return tr("%1's heartbeat timer fired: as leader of term %2 it sends AppendEntries to every follower")
            .arg(n)
            .arg(e.term);

    case EventKind::ReplicationAcked:
        return tr("Leader %1 learned that %2 holds its log up to index %3 (matchIndex %3, nextIndex %4)")
            .arg(n, p)
            .arg(e.index)
            .arg(e.index2);

    case EventKind::ReplicationBackoff:
        return tr("Leader %1 moves %2's nextIndex back from %3 to %4 and retries: %2's log did not match")
            .arg(n, p)
            .arg(e.index2)
            .arg(e.index);

    case EventKind::CommitAdvanced:
        if (e.reason == Reason::Majority)
            return tr("%1 committed up to index %2: a majority stores it, and the entry is from its current term %3")
                .arg(n)
                .arg(e.index)
                .arg(e.term);
        if (e.peer != raft::kNoNode)
            return tr("%1 advanced its commitIndex from %2 to %3 as leader %4 told it")
                .arg(n)
                .arg(e.index2)
                .arg(e.index)
                .arg(p);
        return tr("%1 advanced its commitIndex from %2 to %3 as leader of term %4 told it")
            .arg(n)
            .arg(e.index2)
            .arg(e.index)
            .arg(e.term);

    case EventKind::CommitDeferred:
        return tr("%1 has index %2 on a majority but does not commit it: it is from term %3, and a leader only "
                  "commits entries of its current term %4 by counting replicas")
            .arg(n)
            .arg(e.index)
            .arg(e.term2)
            .arg(e.term);

    case EventKind::Applied:
        return tr("%1 applied entry %2 %3 to its state machine")
            .arg(n)
            .arg(e.index)
            .arg(text.isEmpty() ? commandText(std::string()) : quoted(text));

    case EventKind::StaleIgnored:
        if (e.reason == Reason::StaleTerm)
            return tr("%1 ignored the %2 from %3 of term %4: its own term %5 is newer")
                .arg(n, messageTypeText(typeOf(e)), p)
                .arg(e.term2)
                .arg(e.term);
        return tr("%1 ignored the %2 from %3: it answers a request %1 no longer waits for")
            .arg(n, messageTypeText(typeOf(e)), p);

    case EventKind::ClientAccepted:
        return tr("Leader %1 appended client request %2 at index %3 in term %4")
            .arg(n, quoted(text))
            .arg(e.index)
            .arg(e.term);

    case EventKind::ClientRefused:
        if (e.reason == Reason::NotLeader) {
            if (e.peer != raft::kNoNode)
                return tr("%1 refused client request %2: it is not the leader; try %3").arg(n, quoted(text), p);
            return tr("%1 refused client request %2: it is not the leader; it knows no leader").arg(n, quoted(text));
        }
        if (e.reason == Reason::NodePaused)
            return tr("%1 cannot take client request %2: it is paused").arg(n, quoted(text));
        return tr("%1 cannot take client request %2: it is down").arg(n, quoted(text));

    case EventKind::ClientAnswered:
        return tr("Leader %1 answered the client: %2 (index %3) is committed and applied")
            .arg(n, quoted(text))
            .arg(e.index);

    case EventKind::ClientLost:
        return tr("The client request %1 accepted at index %2 in term %3 was replaced by another leader's entry "
                  "before it committed; the client must retry")
            .arg(quoted(text))
            .arg(e.index)
            .arg(e.term2);

    case EventKind::MessageLost:
        return tr("The %1 from %2 to %3 was lost: %4").arg(messageTypeText(typeOf(e)), n, p, lossReason(e));

    case EventKind::MessageDuplicated:
        if (e.reason == Reason::Forced)
            return tr("The network was told to duplicate the %1 from %2 to %3").arg(messageTypeText(typeOf(e)), n, p);
        return tr("The network duplicated the %1 from %2 to %3").arg(messageTypeText(typeOf(e)), n, p);

    case EventKind::MessageWaiting:
        if (e.reason == Reason::NodePaused)
            return tr("The %1 from %2 reached %3 and waits at its door: %3 is paused")
                .arg(messageTypeText(typeOf(e)), n, p);
        return tr("The %1 from %2 reached %3 and waits at its door: it is held for delivery by hand")
            .arg(messageTypeText(typeOf(e)), n, p);

    case EventKind::NodeCrashed:
        return tr("%1 crashed: its currentTerm %2, votedFor and %3 log entries survive on stable storage; "
                  "everything else is lost")
            .arg(n)
            .arg(e.term)
            .arg(e.index);

    case EventKind::NodeRestarted:
        return tr("%1 restarted as a follower in term %2 with its %3 stored entries; commitIndex is 0 until a "
                  "leader tells it more")
            .arg(n)
            .arg(e.term)
            .arg(e.index);

    case EventKind::NodePaused: return tr("%1 is paused: its timers stop and messages wait at its door").arg(n);

    case EventKind::NodeResumed: return tr("%1 resumed").arg(n);

    case EventKind::NetworkChanged:
        switch (e.reason) {
        case Reason::Partition: return tr("The network was partitioned: %1").arg(text);
        case Reason::LinkCut:
            if (e.value == 2)
                return tr("%1 was isolated from the network").arg(n);
            if (e.value != 0)
                return tr("The link %1 <-> %2 was cut").arg(n, p);
            return tr("The link %1 -> %2 was cut").arg(n, p);
        case Reason::Healed:
            if (e.node != raft::kNoNode && e.peer != raft::kNoNode)
                return e.value ? tr("The link %1 <-> %2 was restored").arg(n, p)
                               : tr("The link %1 -> %2 was restored").arg(n, p);
            if (e.node != raft::kNoNode)
                return tr("%1 was reconnected").arg(n);
            return tr("The network was healed");
        default: return tr("The network changed");
        }

    case EventKind::ConfigChanged: return tr("Settings changed: %1").arg(text);

    case EventKind::Narration: return text;

    case EventKind::InvariantViolated: return tr("SAFETY VIOLATION: %1").arg(text);
    }
    return QString::fromLatin1(raft::eventKindName(e.kind));
}

} // namespace widgets
