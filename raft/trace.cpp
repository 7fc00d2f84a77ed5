#include "trace.h"

#include "json.h"
#include "message.h"

namespace raft {

const char *messageTypeName(MessageType type)
{
    switch (type) {
    case MessageType::RequestVote: return "RequestVote";
    case MessageType::RequestVoteReply: return "RequestVoteReply";
    case MessageType::AppendEntries: return "AppendEntries";
    case MessageType::AppendEntriesReply: return "AppendEntriesReply";
    }
    return "?";
}

const char *eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::ElectionTimeout: return "ElectionTimeout";
    case EventKind::VoteGranted: return "VoteGranted";
    case EventKind::VoteDenied: return "VoteDenied";
    case EventKind::VoteReceived: return "VoteReceived";
    case EventKind::BecameLeader: return "BecameLeader";
    case EventKind::BecameFollower: return "BecameFollower";
    case EventKind::AppendAccepted: return "AppendAccepted";
    case EventKind::AppendRejected: return "AppendRejected";
    case EventKind::LogTruncated: return "LogTruncated";
    case EventKind::HeartbeatTimeout: return "HeartbeatTimeout";
    case EventKind::ReplicationAcked: return "ReplicationAcked";
    case EventKind::ReplicationBackoff: return "ReplicationBackoff";
    case EventKind::CommitAdvanced: return "CommitAdvanced";
    case EventKind::CommitDeferred: return "CommitDeferred";
    case EventKind::Applied: return "Applied";
    case EventKind::StaleIgnored: return "StaleIgnored";
    case EventKind::ClientAccepted: return "ClientAccepted";
    case EventKind::ClientRefused: return "ClientRefused";
    case EventKind::ClientAnswered: return "ClientAnswered";
    case EventKind::ClientLost: return "ClientLost";
    case EventKind::MessageLost: return "MessageLost";
    case EventKind::MessageDuplicated: return "MessageDuplicated";
    case EventKind::MessageWaiting: return "MessageWaiting";
    case EventKind::NodeCrashed: return "NodeCrashed";
    case EventKind::NodeRestarted: return "NodeRestarted";
    case EventKind::NodePaused: return "NodePaused";
    case EventKind::NodeResumed: return "NodeResumed";
    case EventKind::NetworkChanged: return "NetworkChanged";
    case EventKind::ConfigChanged: return "ConfigChanged";
    case EventKind::Narration: return "Narration";
    case EventKind::InvariantViolated: return "InvariantViolated";
    }
    return "?";
}

const char *reasonName(Reason reason)
{
    switch (reason) {
    case Reason::None: return "None";
    case Reason::StaleTerm: return "StaleTerm";
    case Reason::AlreadyVoted: return "AlreadyVoted";
    case Reason::LogTermOlder: return "LogTermOlder";
    case Reason::LogShorter: return "LogShorter";
    case Reason::UpToDate: return "UpToDate";
    case Reason::HigherTerm: return "HigherTerm";
    case Reason::LeaderOfTerm: return "LeaderOfTerm";
    case Reason::Heartbeat: return "Heartbeat";
    case Reason::MissingEntry: return "MissingEntry";
    case Reason::TermMismatch: return "TermMismatch";
    case Reason::Majority: return "Majority";
    case Reason::LeaderCommit: return "LeaderCommit";
    case Reason::NotLeader: return "NotLeader";
    case Reason::Forced: return "Forced";
    case Reason::Partition: return "Partition";
    case Reason::LinkCut: return "LinkCut";
    case Reason::RandomLoss: return "RandomLoss";
    case Reason::DestinationCrashed: return "DestinationCrashed";
    case Reason::UserDropped: return "UserDropped";
    case Reason::Healed: return "Healed";
    case Reason::OutdatedReply: return "OutdatedReply";
    case Reason::NodePaused: return "NodePaused";
    }
    return "?";
}

const char *sectionOf(const TraceEvent &e)
{
    switch (e.kind) {
    case EventKind::ElectionTimeout:
    case EventKind::VoteReceived:
    case EventKind::BecameLeader:
    case EventKind::HeartbeatTimeout: return "§5.2";
    case EventKind::VoteGranted: return "§5.4.1";
    case EventKind::VoteDenied:
        switch (e.reason) {
        case Reason::StaleTerm: return "§5.1";
        case Reason::AlreadyVoted: return "§5.2";
        default: return "§5.4.1";
        }
    case EventKind::BecameFollower: return e.reason == Reason::LeaderOfTerm ? "§5.2" : "§5.1";
    case EventKind::AppendRejected: return e.reason == Reason::StaleTerm ? "§5.1" : "§5.3";
    case EventKind::AppendAccepted:
    case EventKind::LogTruncated:
    case EventKind::ReplicationAcked:
    case EventKind::ReplicationBackoff:
    case EventKind::Applied: return "§5.3";
    case EventKind::CommitAdvanced: return e.reason == Reason::Majority ? "§5.3, §5.4.2" : "§5.3";
    case EventKind::CommitDeferred: return "§5.4.2";
    case EventKind::StaleIgnored: return e.reason == Reason::StaleTerm ? "§5.1" : "";
    case EventKind::ClientAccepted:
    case EventKind::ClientRefused:
    case EventKind::ClientAnswered:
    case EventKind::ClientLost: return "§8";
    case EventKind::NodeCrashed:
    case EventKind::NodeRestarted: return "§5.5";
    default: return "";
    }
}

std::int32_t Trace::addText(std::string text)
{
    m_texts.push_back(std::move(text));
    return static_cast<std::int32_t>(m_texts.size() - 1);
}

const std::string &Trace::text(std::int32_t id) const
{
    static const std::string empty;
    if (id < 0 || static_cast<std::size_t>(id) >= m_texts.size())
        return empty;
    return m_texts[static_cast<std::size_t>(id)];
}

std::string_view Trace::textOf(const TraceEvent &event) const
{
    return text(event.text);
}

void Trace::clear()
{
    m_events.clear();
    m_texts.clear();
}

void Trace::truncateAfterStep(std::uint64_t step)
{
    // Events are recorded in step order, so the ones to drop are a suffix.
    std::size_t keep = m_events.size();
    while (keep > 0 && m_events[keep - 1].step > step)
        --keep;
    std::int32_t lastText = -1;
    for (std::size_t i = keep; i-- > 0;) {
        if (m_events[i].text >= 0) {
            lastText = m_events[i].text;
            break;
        }
    }
    m_events.resize(keep);
    m_texts.resize(static_cast<std::size_t>(lastText + 1));
}

std::size_t Trace::memoryBytes() const
{
    std::size_t bytes = m_events.capacity() * sizeof(TraceEvent) + m_texts.capacity() * sizeof(std::string);
    for (const std::string &t : m_texts)
        if (t.capacity() > 15)
            bytes += t.capacity() + 1;
    return bytes;
}

namespace {
std::string n(NodeId id)
{
    return nodeName(id);
}
std::string u(std::uint64_t v)
{
    return std::to_string(v);
}
std::string typeName(std::int64_t v)
{
    return messageTypeName(static_cast<MessageType>(v));
}
std::string quoted(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}
std::string command(std::string_view s)
{
    return s.empty() ? std::string("no-op") : quoted(s);
}
} // namespace

std::string Trace::describe(const TraceEvent &e) const
{
    const std::string who = n(e.node);
    const std::string peer = n(e.peer);
    std::string s;
    switch (e.kind) {
    case EventKind::ElectionTimeout:
        s = e.reason == Reason::Forced ? who + " was told to time out: it starts an election for term " + u(e.term)
                                       : who
                + "'s election timeout fired without word from a leader: it becomes a candidate for term " + u(e.term);
        s += ", votes for itself and asks the others for votes";
        break;
    case EventKind::VoteGranted:
        s = who + " voted for " + peer + " in term " + u(e.term) + ": " + peer + "'s log (last term " + u(e.term2)
            + ", index " + u(e.index) + ") is at least as up-to-date as " + who + "'s, and " + who
            + " had not voted for anyone else in this term";
        break;
    case EventKind::VoteDenied:
        s = who + " denied its vote to " + peer + " in term " + u(e.term) + ": ";
        switch (e.reason) {
        case Reason::StaleTerm:
            s += peer + "'s term " + u(e.term2) + " is older than " + who + "'s " + u(e.term);
            break;
        case Reason::AlreadyVoted:
            s += who + " already voted for " + n(static_cast<NodeId>(e.value)) + " in this term";
            break;
        case Reason::LogTermOlder:
            s += peer + "'s last log term " + u(e.term2) + " is older than " + who + "'s "
                + u(static_cast<std::uint64_t>(e.value));
            break;
        case Reason::LogShorter:
            s += "both logs end in term " + u(e.term2) + ", but " + peer + "'s log is shorter (" + u(e.index)
                + " entries, " + who + " has " + u(e.index2) + ")";
            break;
        default: s += reasonName(e.reason);
        }
        break;
    case EventKind::VoteReceived:
        s = who + (e.value ? " got a vote from " : " was refused a vote by ") + peer + " in term " + u(e.term) + ": "
            + u(e.index) + " of " + u(e.index2) + " votes needed";
        break;
    case EventKind::BecameLeader:
        s = who + " won the election for term " + u(e.term) + " with " + u(e.index) + " of " + u(e.index2)
            + " votes, a majority: it becomes leader and sends AppendEntries to assert its authority";
        break;
    case EventKind::BecameFollower:
        if (e.reason == Reason::LeaderOfTerm)
            s = who + " heard from " + peer + ", the leader of its term " + u(e.term)
                + ": it stops campaigning and follows";
        else if (static_cast<Role>(e.value) == Role::Follower)
            s = who + " saw term " + u(e.term) + " from " + peer + ", newer than its term " + u(e.term2)
                + ": it moves to term " + u(e.term);
        else
            s = who + " saw term " + u(e.term) + " from " + peer + ", newer than its term " + u(e.term2)
                + ": it stops being " + roleName(static_cast<Role>(e.value)) + " and becomes a follower";
        break;
    case EventKind::AppendAccepted:
        if (e.index2 == 0)
            s = who + " accepted a heartbeat from leader " + peer + " (term " + u(e.term)
                + "): its log matches up to index " + u(e.index) + ", and its election timer restarts";
        else
            s = who + " accepted " + u(e.index2) + (e.index2 == 1 ? " entry" : " entries") + " from leader " + peer
                + " at index " + u(e.index + 1) + (e.index2 > 1 ? ".." + u(e.index + e.index2) : "")
                + ": its entry at prevLogIndex " + u(e.index) + " matches the leader's";
        break;
    case EventKind::AppendRejected:
        s = who + " rejected AppendEntries from " + peer + ": ";
        switch (e.reason) {
        case Reason::StaleTerm:
            s += peer + "'s term " + u(e.term2) + " is older than " + who + "'s " + u(e.term);
            break;
        case Reason::MissingEntry:
            s += who + " has no entry at prevLogIndex " + u(e.index) + " (its log ends at " + u(e.index2) + ")";
            break;
        case Reason::TermMismatch:
            s += who + "'s entry at prevLogIndex " + u(e.index) + " has term " + u(static_cast<std::uint64_t>(e.value))
                + ", not the leader's " + u(e.term2);
            break;
        default: s += reasonName(e.reason);
        }
        break;
    case EventKind::LogTruncated:
        s = who + " deleted " + u(e.index2) + (e.index2 == 1 ? " entry" : " entries") + " after index " + u(e.index)
            + ": they conflict with leader " + peer + "'s entry of term " + u(e.term2);
        break;
    case EventKind::HeartbeatTimeout:
        s = who + "'s heartbeat timer fired: as leader of term " + u(e.term)
            + " it sends AppendEntries to every follower";
        break;
    case EventKind::ReplicationAcked:
        s = "Leader " + who + " learned that " + peer + " holds its log up to index " + u(e.index) + " (matchIndex "
            + u(e.index) + ", nextIndex " + u(e.index2) + ")";
        break;
    case EventKind::ReplicationBackoff:
        s = "Leader " + who + " moves " + peer + "'s nextIndex back from " + u(e.index2) + " to " + u(e.index)
            + " and retries: " + peer + "'s log did not match";
        break;
    case EventKind::CommitAdvanced:
        if (e.reason == Reason::Majority)
            s = who + " committed up to index " + u(e.index)
                + ": a majority stores it, and the entry is from its current term " + u(e.term);
        else
            s = who + " advanced its commitIndex from " + u(e.index2) + " to " + u(e.index) + " as leader "
                + (e.peer ? n(e.peer) : std::string("of term ") + u(e.term)) + " told it";
        break;
    case EventKind::CommitDeferred:
        s = who + " has index " + u(e.index) + " on a majority but does not commit it: it is from term " + u(e.term2)
            + ", and a leader only commits entries of its current term " + u(e.term) + " by counting replicas";
        break;
    case EventKind::Applied:
        s = who + " applied entry " + u(e.index) + " " + command(textOf(e)) + " to its state machine";
        break;
    case EventKind::StaleIgnored:
        if (e.reason == Reason::StaleTerm)
            s = who + " ignored the " + typeName(e.value) + " from " + peer + " of term " + u(e.term2)
                + ": its own term " + u(e.term) + " is newer";
        else
            s = who + " ignored the " + typeName(e.value) + " from " + peer + ": it answers a request " + who
                + " no longer waits for";
        break;
    case EventKind::ClientAccepted:
        s = "Leader " + who + " appended client request " + quoted(textOf(e)) + " at index " + u(e.index) + " in term "
            + u(e.term);
        break;
    case EventKind::ClientRefused:
        if (e.reason == Reason::NotLeader)
            s = who + " refused client request " + quoted(textOf(e)) + ": it is not the leader"
                + (e.peer ? "; try " + peer : std::string("; it knows no leader"));
        else
            s = who + " cannot take client request " + quoted(textOf(e)) + ": it is "
                + (e.reason == Reason::NodePaused ? "paused" : "down");
        break;
    case EventKind::ClientAnswered:
        s = "Leader " + who + " answered the client: " + quoted(textOf(e)) + " (index " + u(e.index)
            + ") is committed and applied";
        break;
    case EventKind::ClientLost:
        s = "The client request " + quoted(textOf(e)) + " accepted at index " + u(e.index) + " in term " + u(e.term2)
            + " was replaced by another leader's entry before it committed; the client must retry";
        break;
    case EventKind::MessageLost:
        s = "The " + typeName(e.value) + " from " + who + " to " + peer + " was lost: ";
        switch (e.reason) {
        case Reason::Partition: s += "a network partition separates them"; break;
        case Reason::LinkCut: s += "the link from " + who + " to " + peer + " is cut"; break;
        case Reason::RandomLoss: s += "the network dropped it"; break;
        case Reason::DestinationCrashed: s += peer + " is down"; break;
        case Reason::UserDropped: s += "dropped by hand"; break;
        default: s += reasonName(e.reason);
        }
        break;
    case EventKind::MessageDuplicated:
        s = "The network " + std::string(e.reason == Reason::Forced ? "was told to duplicate" : "duplicated") + " the "
            + typeName(e.value) + " from " + who + " to " + peer;
        break;
    case EventKind::MessageWaiting:
        s = "The " + typeName(e.value) + " from " + who + " reached " + peer + " and waits at its door: "
            + (e.reason == Reason::NodePaused ? peer + " is paused" : std::string("it is held for delivery by hand"));
        break;
    case EventKind::NodeCrashed:
        s = who + " crashed: its currentTerm " + u(e.term) + ", votedFor and " + u(e.index)
            + " log entries survive on stable storage; everything else is lost";
        break;
    case EventKind::NodeRestarted:
        s = who + " restarted as a follower in term " + u(e.term) + " with its " + u(e.index)
            + " stored entries; commitIndex is 0 until a leader tells it more";
        break;
    case EventKind::NodePaused: s = who + " is paused: its timers stop and messages wait at its door"; break;
    case EventKind::NodeResumed: s = who + " resumed"; break;
    case EventKind::NetworkChanged:
        switch (e.reason) {
        case Reason::Partition: s = "The network was partitioned: " + std::string(textOf(e)); break;
        case Reason::LinkCut:
            if (e.value == 2)
                s = who + " was isolated from the network";
            else
                s = "The link " + who + (e.value ? " <-> " : " -> ") + peer + " was cut";
            break;
        case Reason::Healed:
            if (e.node && e.peer)
                s = "The link " + who + (e.value ? " <-> " : " -> ") + peer + " was restored";
            else
                s = e.node ? who + " was reconnected" : std::string("The network was healed");
            break;
        default: s = "The network changed";
        }
        break;
    case EventKind::ConfigChanged: s = "Settings changed: " + std::string(textOf(e)); break;
    case EventKind::Narration: s = std::string(textOf(e)); break;
    case EventKind::InvariantViolated: s = "SAFETY VIOLATION: " + std::string(textOf(e)); break;
    }
    const char *section = sectionOf(e);
    if (*section)
        s += std::string(" (") + section + ")";
    return s;
}

namespace {
void appendJsonString(std::string &out, std::string_view s)
{
    out += jsonEscape(s);
}

void field(std::string &out, const char *name, std::uint64_t v)
{
    out += ",\"";
    out += name;
    out += "\":";
    out += std::to_string(v);
}

void nodeField(std::string &out, const char *name, NodeId id)
{
    out += ",\"";
    out += name;
    out += "\":";
    if (id == kNoNode)
        out += "null";
    else
        appendJsonString(out, nodeName(id));
}
} // namespace

std::string Trace::toJson(const TraceEvent &e) const
{
    std::string out = "{\"t\":" + std::to_string(e.t);
    field(out, "step", e.step);
    out += ",\"kind\":";
    appendJsonString(out, eventKindName(e.kind));
    nodeField(out, "node", e.node);
    if (e.peer != kNoNode)
        nodeField(out, "peer", e.peer);
    if (e.reason != Reason::None) {
        out += ",\"reason\":";
        appendJsonString(out, reasonName(e.reason));
    }
    field(out, "term", e.term);
    switch (e.kind) {
    case EventKind::ElectionTimeout:
        field(out, "lastLogIndex", e.index);
        field(out, "lastLogTerm", e.term2);
        break;
    case EventKind::VoteGranted:
    case EventKind::VoteDenied:
        field(out, "candidateLastLogIndex", e.index);
        field(out, "candidateLastLogTerm", e.term2);
        if (e.kind == EventKind::VoteDenied) {
            field(out, "lastLogIndex", e.index2);
            if (e.reason == Reason::AlreadyVoted)
                nodeField(out, "votedFor", static_cast<NodeId>(e.value));
            else
                field(out, "lastLogTerm", static_cast<std::uint64_t>(e.value));
        }
        break;
    case EventKind::VoteReceived:
        out += e.value ? ",\"granted\":true" : ",\"granted\":false";
        field(out, "votes", e.index);
        field(out, "needed", e.index2);
        break;
    case EventKind::BecameLeader:
        field(out, "votes", e.index);
        field(out, "servers", e.index2);
        break;
    case EventKind::BecameFollower:
        field(out, "oldTerm", e.term2);
        out += ",\"oldRole\":";
        appendJsonString(out, roleName(static_cast<Role>(e.value)));
        break;
    case EventKind::AppendAccepted:
        field(out, "prevLogIndex", e.index);
        field(out, "entries", e.index2);
        field(out, "matchIndex", static_cast<std::uint64_t>(e.value));
        break;
    case EventKind::AppendRejected:
        field(out, "prevLogIndex", e.index);
        if (e.reason == Reason::StaleTerm)
            field(out, "senderTerm", e.term2);
        if (e.reason == Reason::MissingEntry)
            field(out, "lastIndex", e.index2);
        if (e.reason == Reason::TermMismatch) {
            field(out, "prevLogTerm", e.term2);
            field(out, "termAtPrev", static_cast<std::uint64_t>(e.value));
        }
        break;
    case EventKind::LogTruncated:
        field(out, "keptUpTo", e.index);
        field(out, "removed", e.index2);
        field(out, "leaderEntryTerm", e.term2);
        break;
    case EventKind::ReplicationAcked:
        field(out, "matchIndex", e.index);
        field(out, "nextIndex", e.index2);
        break;
    case EventKind::ReplicationBackoff:
        field(out, "nextIndex", e.index);
        field(out, "oldNextIndex", e.index2);
        break;
    case EventKind::CommitAdvanced:
        field(out, "commitIndex", e.index);
        field(out, "oldCommitIndex", e.index2);
        break;
    case EventKind::CommitDeferred:
        field(out, "index", e.index);
        field(out, "entryTerm", e.term2);
        break;
    case EventKind::Applied:
    case EventKind::ClientAccepted:
    case EventKind::ClientAnswered:
    case EventKind::ClientLost: field(out, "index", e.index); break;
    case EventKind::StaleIgnored:
    case EventKind::MessageLost:
    case EventKind::MessageDuplicated:
    case EventKind::MessageWaiting:
        out += ",\"message\":";
        appendJsonString(out, typeName(e.value));
        if (e.kind == EventKind::MessageLost || e.kind == EventKind::MessageWaiting)
            field(out, "id", e.index);
        else if (e.kind == EventKind::StaleIgnored)
            field(out, "messageTerm", e.term2);
        break;
    case EventKind::NodeCrashed:
    case EventKind::NodeRestarted: field(out, "logLength", e.index); break;
    default: break;
    }
    if (e.text >= 0) {
        out += ",\"text\":";
        appendJsonString(out, textOf(e));
    }
    out += ",\"why\":";
    appendJsonString(out, describe(e));
    out += '}';
    return out;
}

} // namespace raft
