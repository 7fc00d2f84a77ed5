#include "eventcatalog.h"

namespace raft {

namespace {

// Field uses, shortened for the table. The common fields keep their JSON names.
constexpr FieldUse node(std::string_view meaning)
{
    return {Field::Node, FieldType::Node, "node", meaning};
}
constexpr FieldUse peer(std::string_view meaning)
{
    return {Field::Peer, FieldType::Node, "peer", meaning};
}
constexpr FieldUse term(std::string_view meaning)
{
    return {Field::Term1, FieldType::Number, "term", meaning};
}
constexpr FieldUse why(std::string_view meaning)
{
    return {Field::Reason, FieldType::Reason, "reason", meaning};
}
constexpr FieldUse text(std::string_view meaning)
{
    return {Field::Text, FieldType::Text, "text", meaning};
}
constexpr FieldUse term2(std::string_view json, std::string_view meaning)
{
    return {Field::Term2, FieldType::Number, json, meaning};
}
constexpr FieldUse index(std::string_view json, std::string_view meaning)
{
    return {Field::Index1, FieldType::Number, json, meaning};
}
constexpr FieldUse index2(std::string_view json, std::string_view meaning)
{
    return {Field::Index2, FieldType::Number, json, meaning};
}
constexpr FieldUse value(FieldType type, std::string_view json, std::string_view meaning)
{
    return {Field::Value, type, json, meaning};
}
constexpr FieldUse messageType()
{
    return value(FieldType::Message, "message", "the RPC the message carried");
}

// The catalogue, one row per EventKind in enum order (checked below). To add a kind:
// add it to EventKind (trace.h), give it a row here and a sentence in eventwording.cpp;
// the compiler and tests/raft/eventcatalog_test.cpp point at anything missing.
constexpr std::array<EventKindInfo, kEventKindCount> kEventKinds{{
    // --- elections (§5.2) ---
    {.kind = EventKind::ElectionTimeout,
     .name = "ElectionTimeout",
     .title = RAFT_TRANSLATABLE("EventWording", "Election timeout"),
     .section = "§5.2",
     .reasons = reasons({Reason::None, Reason::Forced, Reason::PreVote, Reason::Transfer}),
     .importance = Importance::Key,
     .rank = 72,
     .tone = Tone::Election,
     .fields = {node("the server whose election timer fired: it becomes a candidate"),
                peer("the leader that sent TimeoutNow").when(Reason::Transfer), term("the new term it campaigns in"),
                why("Forced when the user made it time out; PreVote when a majority granted its pre-votes"),
                index("lastLogIndex", "its last log index, sent in RequestVote"),
                term2("lastLogTerm", "its last log term, sent in RequestVote")}},
    {.kind = EventKind::VoteGranted,
     .name = "VoteGranted",
     .title = RAFT_TRANSLATABLE("EventWording", "Vote granted"),
     .section = "§5.4.1",
     .reasons = reasons({Reason::UpToDate}),
     .rank = 62,
     .tone = Tone::Election,
     .fields = {node("the voter"), peer("the candidate it voted for"), term("the term of the vote"),
                why("UpToDate: the candidate's log is at least as up-to-date"),
                index("candidateLastLogIndex", "the candidate's last log index"),
                term2("candidateLastLogTerm", "the candidate's last log term")}},
    {.kind = EventKind::VoteDenied,
     .name = "VoteDenied",
     .title = RAFT_TRANSLATABLE("EventWording", "Vote denied"),
     .section = "§5.4.1",
     .sectionFromReason = true,
     .reasons = reasons({Reason::StaleTerm, Reason::AlreadyVoted, Reason::LogTermOlder, Reason::LogShorter}),
     .rank = 78,
     .tone = Tone::Trouble,
     .fields = {node("the server that refused its vote"), peer("the candidate"), term("the voter's term"),
                why("the rule that refused it"), index("candidateLastLogIndex", "the candidate's last log index"),
                term2("candidateLastLogTerm", "the candidate's last log term").except(Reason::StaleTerm),
                term2("candidateTerm", "the candidate's older term").when(Reason::StaleTerm),
                index2("lastLogIndex", "the voter's last log index"),
                value(FieldType::Node, "votedFor", "the candidate the voter already voted for in this term")
                    .when(Reason::AlreadyVoted),
                value(FieldType::Number, "lastLogTerm", "the voter's last log term").except(Reason::AlreadyVoted)}},
    {.kind = EventKind::VoteReceived,
     .name = "VoteReceived",
     .title = RAFT_TRANSLATABLE("EventWording", "Vote counted"),
     .section = "§5.2",
     .sectionFromReason = true,
     .reasons = reasons({Reason::None, Reason::PreVote}),
     .rank = 60,
     .tone = Tone::Election,
     .fields = {node("the candidate"), peer("the server that answered"), term("the candidate's term"),
                why("PreVote when it counted a pre-vote"),
                value(FieldType::Flag, "granted", "1 if the vote was granted, 0 if denied"),
                index("votes", "the votes the candidate holds now, its own included"),
                index2("needed", "the votes it needs: a majority")}},
    {.kind = EventKind::BecameLeader,
     .name = "BecameLeader",
     .title = RAFT_TRANSLATABLE("EventWording", "New leader"),
     .section = "§5.2",
     .reasons = reasons({Reason::Majority}),
     .importance = Importance::Headline,
     .rank = 90,
     .mark = Mark::Election,
     .tone = Tone::Leader,
     .leadership = Leadership::Begins,
     .fields = {node("the new leader"), term("the term it won"), why("Majority: a majority voted for it"),
                index("votes", "the votes it won"), index2("servers", "the servers in the cluster")}},
    {.kind = EventKind::BecameFollower,
     .name = "BecameFollower",
     .title = RAFT_TRANSLATABLE("EventWording", "Became follower"),
     .section = "§5.1",
     .sectionFromReason = true,
     .reasons = reasons({Reason::HigherTerm, Reason::LeaderOfTerm, Reason::QuorumLost, Reason::NotInConfiguration}),
     .rank = 70,
     .tone = Tone::Election,
     .leadership = Leadership::Ends,
     .fields = {node("the server that steps down or moves to a newer term"),
                peer("the server whose message made it (- if none)").when(Reason::HigherTerm),
                peer("the leader it heard from").when(Reason::LeaderOfTerm), term("its term now"),
                why("HigherTerm: it saw a newer term; LeaderOfTerm: a candidate heard from its term's leader; "
                    "QuorumLost: a leader heard from no majority"),
                term2("oldTerm", "its term before"), value(FieldType::Role, "oldRole", "its role before")}},
    {.kind = EventKind::PreVoteStarted,
     .name = "PreVoteStarted",
     .title = RAFT_TRANSLATABLE("EventWording", "Pre-vote"),
     .section = "§9.6",
     .reasons = reasons({Reason::None, Reason::Forced}),
     .importance = Importance::Key,
     .rank = 71,
     .tone = Tone::Election,
     .fields = {node("the server whose election timer fired: it asks before it campaigns"), term("its term, unchanged"),
                why("Forced when the user made it time out"),
                index("lastLogIndex", "its last log index, sent in PreVote"),
                term2("lastLogTerm", "its last log term, sent in PreVote")}},
    {.kind = EventKind::PreVoteGranted,
     .name = "PreVoteGranted",
     .title = RAFT_TRANSLATABLE("EventWording", "Pre-vote granted"),
     .section = "§9.6",
     .reasons = reasons({Reason::UpToDate}),
     .rank = 61,
     .tone = Tone::Election,
     .fields = {node("the server asked"), peer("the pre-candidate"), term("the asked server's term, unchanged"),
                why("UpToDate: the log is up-to-date and no leader was heard from lately"),
                index("candidateLastLogIndex", "the pre-candidate's last log index"),
                term2("candidateLastLogTerm", "the pre-candidate's last log term")}},
    {.kind = EventKind::PreVoteDenied,
     .name = "PreVoteDenied",
     .title = RAFT_TRANSLATABLE("EventWording", "Pre-vote denied"),
     .section = "§9.6",
     .sectionFromReason = true,
     .reasons = reasons(
         {Reason::StaleTerm, Reason::LeaderAlive, Reason::AlreadyVoted, Reason::LogTermOlder, Reason::LogShorter}),
     .rank = 77,
     .tone = Tone::Trouble,
     .fields =
         {node("the server asked"), peer("the pre-candidate"), term("the asked server's term"),
          why("the rule that refused it"), index("candidateLastLogIndex", "the pre-candidate's last log index"),
          term2("candidateLastLogTerm", "the pre-candidate's last log term").except(Reason::StaleTerm),
          term2("candidateTerm", "the term the pre-candidate would campaign in").when(Reason::StaleTerm),
          index2("lastLogIndex", "the asked server's last log index"),
          value(FieldType::Node, "votedFor", "the candidate it already voted for in this term")
              .when(Reason::AlreadyVoted),
          value(FieldType::Number, "lastLogTerm", "the asked server's last log term").except(Reason::AlreadyVoted)}},
    {.kind = EventKind::TransferStarted,
     .name = "TransferStarted",
     .title = RAFT_TRANSLATABLE("EventWording", "Leadership transfer"),
     .section = "§3.10",
     .reasons = reasons({Reason::None}),
     .importance = Importance::Key,
     .rank = 82,
     .tone = Tone::Leader,
     .fields = {node("the leader handing over"), peer("the server it hands leadership to"), term("its term"),
                index("targetMatchIndex", "the target's matchIndex when the handover began"),
                index2("lastIndex", "the leader's last log index")}},
    {.kind = EventKind::TransferAborted,
     .name = "TransferAborted",
     .title = RAFT_TRANSLATABLE("EventWording", "Leadership transfer abandoned"),
     .section = "§3.10",
     .reasons = reasons({Reason::None}),
     .importance = Importance::Key,
     .rank = 81,
     .tone = Tone::Trouble,
     .fields = {node("the leader"), peer("the server it tried to hand leadership to"), term("its term")}},
    // --- membership (§6, dissertation §4) ---
    {.kind = EventKind::MembershipCatchUp,
     .name = "MembershipCatchUp",
     .title = RAFT_TRANSLATABLE("EventWording", "New server catching up"),
     .section = "§4.2.1",
     .reasons = reasons({Reason::None, Reason::TooSlow}),
     .importance = Importance::Key,
     .rank = 66,
     .tone = Tone::Progress,
     .fields = {node("the leader"), peer("the slowest learner (the server being added)"), term("the leader's term"),
                why("TooSlow when the leader gave the change up"),
                index("learnerMatchIndex", "how far the learner's log matches the leader's"),
                index2("roundEnd", "the index the learners must reach to end the round"),
                value(FieldType::Number, "round", "the catch-up round (1 = the first)")}},
    {.kind = EventKind::ConfigurationInForce,
     .name = "ConfigurationInForce",
     .title = RAFT_TRANSLATABLE("EventWording", "Configuration in force"),
     .section = "§6",
     .reasons = reasons({Reason::None, Reason::TermMismatch, Reason::Majority}),
     .importance = Importance::Key,
     .rank = 70,
     .tone = Tone::Leader,
     .fields = {node("the server"), term("its term"),
                why("TermMismatch when a truncated log took the newer configuration away; Majority when only "
                    "committed configurations count"),
                index("configIndex", "the log index of the configuration's entry (0: the first configuration)"),
                value(FieldType::Number, "voters", "the voters, one bit per server (1 << id)"),
                index2("old", "while joint, the old voters, one bit per server; else 0")}},
    {.kind = EventKind::ServerRemoved,
     .name = "ServerRemoved",
     .title = RAFT_TRANSLATABLE("EventWording", "Server removed"),
     .section = "§4.2.2",
     .reasons = reasons({Reason::None}),
     .importance = Importance::Headline,
     .rank = 84,
     .tone = Tone::Trouble,
     .leadership = Leadership::Ends,
     .fields = {node("the server that stops"), term("its term"),
                index("configIndex", "the committed configuration entry that leaves it out")}},
    // --- replication (§5.3) ---
    {.kind = EventKind::AppendAccepted,
     .name = "AppendAccepted",
     .title = RAFT_TRANSLATABLE("EventWording", "AppendEntries accepted"),
     .section = "§5.3",
     .reasons = reasons({Reason::None, Reason::Heartbeat}),
     .rank = 45,
     .variant = {.reason = Reason::Heartbeat, .importance = Importance::Routine, .rank = 10},
     .tone = Tone::Progress,
     .fields = {node("the follower"), peer("the leader"), term("the follower's term, the leader's"),
                why("Heartbeat when it carried no entries"),
                index("prevLogIndex", "the index just before the new entries, where the logs match"),
                index2("entries", "how many entries it carried (0: a heartbeat)"),
                value(FieldType::Number, "matchIndex", "the last index now known to match the leader's")}},
    {.kind = EventKind::AppendRejected,
     .name = "AppendRejected",
     .title = RAFT_TRANSLATABLE("EventWording", "AppendEntries rejected"),
     .section = "§5.3",
     .sectionFromReason = true,
     .reasons = reasons({Reason::StaleTerm, Reason::MissingEntry, Reason::TermMismatch}),
     .rank = 78,
     .tone = Tone::Trouble,
     .fields =
         {node("the follower that refused"), peer("the sender"), term("the follower's term"),
          why("the rule that refused it"), index("prevLogIndex", "the AppendEntries' prevLogIndex"),
          term2("senderTerm", "the sender's older term").when(Reason::StaleTerm),
          index2("lastIndex", "the follower's last log index").when(Reason::MissingEntry),
          term2("prevLogTerm", "the leader's term at prevLogIndex").when(Reason::TermMismatch),
          value(FieldType::Number, "termAtPrev", "the follower's term at prevLogIndex").when(Reason::TermMismatch)}},
    {.kind = EventKind::LogTruncated,
     .name = "LogTruncated",
     .title = RAFT_TRANSLATABLE("EventWording", "Log truncated"),
     .section = "§5.3",
     .reasons = reasons({Reason::TermMismatch}),
     .importance = Importance::Key,
     .rank = 84,
     .tone = Tone::Trouble,
     .fields = {node("the follower"), peer("the leader"), term("the follower's term"),
                why("TermMismatch: its entry conflicts with the leader's"), index("keptUpTo", "the last index kept"),
                index2("removed", "how many entries were deleted"),
                term2("leaderEntryTerm", "the term of the leader's entry at the first conflict")}},
    {.kind = EventKind::HeartbeatTimeout,
     .name = "HeartbeatTimeout",
     .title = RAFT_TRANSLATABLE("EventWording", "Heartbeat"),
     .section = "§5.2",
     .reasons = reasons({Reason::None}),
     .importance = Importance::Routine,
     .rank = 12,
     .fields = {node("the leader whose heartbeat timer fired"), term("its term")}},
    {.kind = EventKind::ReplicationAcked,
     .name = "ReplicationAcked",
     .title = RAFT_TRANSLATABLE("EventWording", "Replication acknowledged"),
     .section = "§5.3",
     .reasons = reasons({Reason::None, Reason::SnapshotMatch}),
     .rank = 36,
     .tone = Tone::Progress,
     .fields = {node("the leader"), peer("the follower that acknowledged"), term("the leader's term"),
                index("matchIndex", "the follower's matchIndex now"),
                index2("nextIndex", "the follower's nextIndex now"),
                why("SnapshotMatch when the follower installed (or already held) the leader's snapshot")}},
    {.kind = EventKind::ReplicationBackoff,
     .name = "ReplicationBackoff",
     .title = RAFT_TRANSLATABLE("EventWording", "nextIndex backed off"),
     .section = "§5.3",
     .reasons = reasons({Reason::MissingEntry, Reason::TermMismatch}),
     .rank = 56,
     .fields = {node("the leader"), peer("the follower whose log did not match"), term("the leader's term"),
                why("the follower's answer: MissingEntry or TermMismatch"),
                index("nextIndex", "the follower's nextIndex now"), index2("oldNextIndex", "its nextIndex before")}},
    {.kind = EventKind::CommitAdvanced,
     .name = "CommitAdvanced",
     .title = RAFT_TRANSLATABLE("EventWording", "Committed"),
     .section = "§5.3",
     .sectionFromReason = true,
     .reasons = reasons({Reason::Majority, Reason::LeaderCommit}),
     .rank = 58,
     .variant = {.reason = Reason::Majority, .importance = Importance::Key, .rank = 86, .mark = Mark::Commit},
     .tone = Tone::Progress,
     .fields = {node("the server whose commitIndex rose"),
                peer("the leader that told it (- if it knows none)").when(Reason::LeaderCommit), term("its term"),
                why("Majority: a leader counted replicas; LeaderCommit: a follower learned it"),
                index("commitIndex", "the new commitIndex"), index2("oldCommitIndex", "the commitIndex before")}},
    {.kind = EventKind::CommitDeferred,
     .name = "CommitDeferred",
     .title = RAFT_TRANSLATABLE("EventWording", "Commit deferred"),
     .section = "§5.4.2",
     .reasons = reasons({Reason::Majority}),
     .importance = Importance::Key,
     .rank = 83,
     .tone = Tone::Trouble,
     .fields = {node("the leader"), term("its current term"), why("Majority: the entry is on a majority"),
                index("index", "the highest index stored on a majority"),
                term2("entryTerm", "that entry's older term")}},
    {.kind = EventKind::Applied,
     .name = "Applied",
     .title = RAFT_TRANSLATABLE("EventWording", "Applied"),
     .section = "§5.3",
     .reasons = reasons({Reason::None}),
     .rank = 34,
     .tone = Tone::Progress,
     .fields = {node("the server"), term("its term"), index("index", "the entry applied"),
                term2("entryTerm", "the entry's term"), text("the command")}},
    {.kind = EventKind::StaleIgnored,
     .name = "StaleIgnored",
     .title = RAFT_TRANSLATABLE("EventWording", "Ignored"),
     .sectionFromReason = true,
     .reasons = reasons({Reason::StaleTerm, Reason::OutdatedReply, Reason::LeaderAlive}),
     .rank = 30,
     .fields = {node("the server that ignored it"), peer("the sender"), term("the server's term"),
                why("StaleTerm: an older term; OutdatedReply: a reply to a request no longer waited for; "
                    "LeaderAlive: a RequestVote while a leader is heard from"),
                messageType(), term2("messageTerm", "the message's term")}},
    // --- snapshots (§7) ---
    {.kind = EventKind::SnapshotTaken,
     .name = "SnapshotTaken",
     .title = RAFT_TRANSLATABLE("EventWording", "Snapshot taken"),
     .section = "§7",
     .reasons = reasons({Reason::None, Reason::Forced}),
     .importance = Importance::Key,
     .rank = 70,
     .tone = Tone::Progress,
     .fields = {node("the server"), term("its term"), why("Forced when the user asked for it"),
                index("lastIncludedIndex", "the last entry the snapshot holds"),
                term2("lastIncludedTerm", "that entry's term"), index2("discarded", "how many log entries it replaced"),
                value(FieldType::Number, "bytes", "the size of the state machine's data")}},
    {.kind = EventKind::SnapshotSent,
     .name = "SnapshotSent",
     .title = RAFT_TRANSLATABLE("EventWording", "Snapshot sent"),
     .section = "§7",
     .reasons = reasons({Reason::None}),
     .importance = Importance::Key,
     .rank = 68,
     .tone = Tone::Progress,
     .fields = {node("the leader"), peer("the follower"), term("the leader's term"),
                index("lastIncludedIndex", "the snapshot's last included index"), term2("lastIncludedTerm", "its term"),
                index2("nextIndex", "the follower's nextIndex, at or below the snapshot"),
                value(FieldType::Number, "chunks", "how many InstallSnapshot chunks it takes")}},
    {.kind = EventKind::SnapshotChunkReceived,
     .name = "SnapshotChunkReceived",
     .title = RAFT_TRANSLATABLE("EventWording", "Snapshot chunk received"),
     .section = "§7",
     .reasons = reasons({Reason::None}),
     .rank = 44,
     .tone = Tone::Progress,
     .fields = {node("the follower"), peer("the leader"), term("the follower's term"),
                index("lastIncludedIndex", "the snapshot's last included index"), term2("lastIncludedTerm", "its term"),
                index2("received", "bytes of it received so far"),
                value(FieldType::Number, "size", "the snapshot's size in bytes")}},
    {.kind = EventKind::SnapshotInstalled,
     .name = "SnapshotInstalled",
     .title = RAFT_TRANSLATABLE("EventWording", "Snapshot installed"),
     .section = "§7",
     .reasons = reasons({Reason::SnapshotMatch, Reason::SnapshotReplace}),
     .importance = Importance::Key,
     .rank = 76,
     .tone = Tone::Recovery,
     .fields = {node("the follower"), peer("the leader"), term("the follower's term"),
                why("SnapshotMatch: entries after it kept (step 6); SnapshotReplace: the whole log discarded (step 7)"),
                index("lastIncludedIndex", "the snapshot's last included index, now commitIndex and lastApplied"),
                term2("lastIncludedTerm", "its term"), index2("kept", "log entries kept after it"),
                value(FieldType::Number, "bytes", "the size of the state machine's data")}},
    {.kind = EventKind::SnapshotIgnored,
     .name = "SnapshotIgnored",
     .title = RAFT_TRANSLATABLE("EventWording", "InstallSnapshot not installed"),
     .section = "§7",
     .sectionFromReason = true,
     .reasons = reasons({Reason::StaleTerm, Reason::SnapshotCovered, Reason::ChunkOutOfOrder}),
     .rank = 40,
     .tone = Tone::Trouble,
     .fields = {node("the follower"), peer("the sender"), term("the follower's term"),
                why("StaleTerm: an older leader (step 1); SnapshotCovered: it holds all of it committed already; "
                    "ChunkOutOfOrder: the chunk does not continue the bytes received"),
                index("lastIncludedIndex", "the snapshot's last included index"), term2("lastIncludedTerm", "its term"),
                index2("received", "bytes of it the follower holds"),
                value(FieldType::Number, "size", "the snapshot's size in bytes")}},
    // --- clients (§8) ---
    {.kind = EventKind::ClientAccepted,
     .name = "ClientAccepted",
     .title = RAFT_TRANSLATABLE("EventWording", "Client request accepted"),
     .section = "§8",
     .reasons = reasons({Reason::None}),
     .rank = 66,
     .tone = Tone::Progress,
     .fields = {node("the leader"), term("its term, the entry's"), index("index", "where it appended the command"),
                text("the command")}},
    {.kind = EventKind::ClientRefused,
     .name = "ClientRefused",
     .title = RAFT_TRANSLATABLE("EventWording", "Client request refused"),
     .section = "§8",
     .reasons = reasons({Reason::NotLeader, Reason::NodePaused, Reason::DestinationCrashed, Reason::Transferring}),
     .rank = 66,
     .tone = Tone::Trouble,
     .fields = {node("the server asked"), peer("the leader it knows (- if none)").when(Reason::NotLeader),
                peer("the server it hands leadership to").when(Reason::Transferring), term("its term"),
                why("NotLeader, NodePaused, DestinationCrashed (it is down) or Transferring (it hands over)"),
                text("the command")}},
    {.kind = EventKind::ClientAnswered,
     .name = "ClientAnswered",
     .title = RAFT_TRANSLATABLE("EventWording", "Client answered"),
     .section = "§8",
     .reasons = reasons({Reason::None}),
     .rank = 66,
     .tone = Tone::Progress,
     .fields = {node("the leader that answered"), term("its term"), index("index", "the request's entry"),
                term2("entryTerm", "the term the request was accepted in"), text("the command")}},
    {.kind = EventKind::ClientLost,
     .name = "ClientLost",
     .title = RAFT_TRANSLATABLE("EventWording", "Client request lost"),
     .section = "§8",
     .reasons = reasons({Reason::None}),
     .importance = Importance::Key,
     .rank = 85,
     .tone = Tone::Trouble,
     .fields = {node("the server that applied another entry there"), term("its term"),
                index("index", "where the request had been accepted"),
                term2("entryTerm", "the term it had been accepted in"), text("the command")}},
    {.kind = EventKind::ClientRetried,
     .name = "ClientRetried",
     .title = RAFT_TRANSLATABLE("EventWording", "Client retried"),
     .section = "§6.3",
     .reasons = reasons({Reason::None}),
     .rank = 66,
     .tone = Tone::Trouble,
     .fields = {node("the server the client sends it to now"), term("that server's term"),
                value(FieldType::Number, "client", "the client's id"), index("seq", "the request's number"),
                index2("attempt", "which attempt this is"), text("the command with its session")}},
    {.kind = EventKind::DuplicateSkipped,
     .name = "DuplicateSkipped",
     .title = RAFT_TRANSLATABLE("EventWording", "Duplicate skipped"),
     .section = "§6.3",
     .reasons = reasons({Reason::None}),
     .importance = Importance::Key,
     .rank = 60,
     .tone = Tone::Progress,
     .fields = {node("the server"), term("its term"), index("index", "the entry skipped"),
                term2("entryTerm", "the entry's term"), text("the command")}},
    // --- reads (§6.4) ---
    {.kind = EventKind::ReadStarted,
     .name = "ReadStarted",
     .title = RAFT_TRANSLATABLE("EventWording", "Read taken"),
     .section = "§6.4",
     .reasons = reasons({Reason::None, Reason::LeaderAlive}),
     .rank = 64,
     .tone = Tone::Progress,
     .fields = {node("the leader"), term("its term"), index("readIndex", "its commitIndex when the read arrived"),
                why("None: a heartbeat round confirms leadership; LeaderAlive: within its lease"),
                FieldUse{Field::Index2, FieldType::Ticks, "leaseUntil", "when its lease ends (LeaderAlive)"}
                    .when(Reason::LeaderAlive),
                value(FieldType::Number, "read", "the read's number")}},
    {.kind = EventKind::ReadConfirmed,
     .name = "ReadConfirmed",
     .title = RAFT_TRANSLATABLE("EventWording", "Read confirmed"),
     .section = "§6.4",
     .reasons = reasons({Reason::Majority, Reason::LeaderAlive}),
     .rank = 64,
     .tone = Tone::Progress,
     .fields = {node("the leader"), term("its term"), index("readIndex", "the index the answer must reflect"),
                why("Majority: a majority answered a heartbeat round begun after the read; LeaderAlive: lease"),
                value(FieldType::Number, "read", "the read's number")}},
    {.kind = EventKind::ReadRefused,
     .name = "ReadRefused",
     .title = RAFT_TRANSLATABLE("EventWording", "Read refused"),
     .section = "§6.4",
     .reasons = reasons(
         {Reason::NotLeader, Reason::Transferring, Reason::DestinationCrashed, Reason::NodePaused, Reason::QuorumLost}),
     .rank = 66,
     .tone = Tone::Trouble,
     .fields = {node("the server asked"), peer("the leader it knows (- if none)").when(Reason::NotLeader),
                peer("the server it hands leadership to").when(Reason::Transferring), term("its term"),
                why("NotLeader, Transferring, DestinationCrashed (it is down), NodePaused or QuorumLost (it "
                    "stopped leading before it could confirm)"),
                value(FieldType::Number, "read", "the read's number")}},
    {.kind = EventKind::ReadAnswered,
     .name = "ReadAnswered",
     .title = RAFT_TRANSLATABLE("EventWording", "Read answered"),
     .section = "§6.4",
     .reasons = reasons({Reason::None, Reason::Forced}),
     .importance = Importance::Key,
     .rank = 70,
     .tone = Tone::Progress,
     .fields = {node("the server that answered"), term("its term"),
                index("applied", "how much of the log its state machine had applied"),
                why("None: a linearizable read; Forced: read locally, possibly stale"),
                value(FieldType::Number, "read", "the read's number"), text("the key and the value read")}},
    // --- the network ---
    {.kind = EventKind::MessageLost,
     .name = "MessageLost",
     .title = RAFT_TRANSLATABLE("EventWording", "Message lost"),
     .reasons = reasons(
         {Reason::Partition, Reason::LinkCut, Reason::RandomLoss, Reason::DestinationCrashed, Reason::UserDropped}),
     .importance = Importance::Key,
     .rank = 52,
     .variant = {.reason = Reason::DestinationCrashed, .importance = Importance::Routine, .rank = 8},
     .tone = Tone::Trouble,
     .fields = {node("the sender"), peer("the receiver"), term("the sender's term when it was lost"),
                why("what lost it"), messageType(), index("id", "the message's id")}},
    {.kind = EventKind::MessageDuplicated,
     .name = "MessageDuplicated",
     .title = RAFT_TRANSLATABLE("EventWording", "Message duplicated"),
     .reasons = reasons({Reason::None, Reason::Forced}),
     .rank = 50,
     .fields = {node("the sender"), peer("the receiver"), term("the sender's term"),
                why("Forced when the user duplicated it"), messageType()}},
    {.kind = EventKind::MessageWaiting,
     .name = "MessageWaiting",
     .title = RAFT_TRANSLATABLE("EventWording", "Message waiting"),
     .reasons = reasons({Reason::NodePaused, Reason::Forced}),
     .rank = 48,
     .fields = {node("the sender"), peer("the receiver at whose door it waits"), term("the sender's term"),
                why("NodePaused: the receiver is paused; Forced: held for delivery by hand"), messageType(),
                index("id", "the message's id")}},
    // --- the user ---
    {.kind = EventKind::NodeCrashed,
     .name = "NodeCrashed",
     .title = RAFT_TRANSLATABLE("EventWording", "Crash"),
     .section = "§5.5",
     .reasons = reasons({Reason::None}),
     .importance = Importance::Key,
     .rank = 80,
     .mark = Mark::Crash,
     .tone = Tone::Trouble,
     .leadership = Leadership::Ends,
     .fields = {node("the server that crashed"), term("its currentTerm, kept on stable storage"),
                index("logLength", "the log entries kept on stable storage")}},
    {.kind = EventKind::NodeRestarted,
     .name = "NodeRestarted",
     .title = RAFT_TRANSLATABLE("EventWording", "Restart"),
     .section = "§5.5",
     .reasons = reasons({Reason::None}),
     .importance = Importance::Key,
     .rank = 80,
     .mark = Mark::Restart,
     .tone = Tone::Recovery,
     .fields = {node("the server that restarted"), term("its term, from stable storage"),
                index("logLength", "the last log index it found on stable storage"),
                index2("snapshotIndex", "the last index of its snapshot (0: none)")}},
    {.kind = EventKind::NodePaused,
     .name = "NodePaused",
     .title = RAFT_TRANSLATABLE("EventWording", "Pause"),
     .reasons = reasons({Reason::None}),
     .rank = 75,
     .fields = {node("the server frozen"), term("its term")}},
    {.kind = EventKind::NodeResumed,
     .name = "NodeResumed",
     .title = RAFT_TRANSLATABLE("EventWording", "Resume"),
     .reasons = reasons({Reason::None}),
     .rank = 75,
     .tone = Tone::Recovery,
     .fields = {node("the server resumed"), term("its term")}},
    {.kind = EventKind::NetworkChanged,
     .name = "NetworkChanged",
     .title = RAFT_TRANSLATABLE("EventWording", "Network changed"),
     .reasons = reasons({Reason::Partition, Reason::LinkCut, Reason::Healed}),
     .importance = Importance::Key,
     .rank = 80,
     .mark = Mark::Fault,
     .tone = Tone::Trouble,
     .fields = {node("the server whose links changed (- for a heal of everything)").except(Reason::Partition),
                peer("the other end of the link (one link only)").except(Reason::Partition),
                term("the node's term").except(Reason::Partition),
                why("Partition: groups were set; LinkCut: links were cut; Healed: links were restored"),
                value(FieldType::Number, "links",
                      "which links: 0 from node to peer, 1 both ways between them, 2 every link of node")
                    .except(Reason::Partition),
                index("cutLinks", "links cut after the change (one per direction)"),
                index2("groups", "partition groups after the change (0: not partitioned)"),
                text("the groups of the partition, e.g. \"S1 S2 | S3\"").when(Reason::Partition)}},
    {.kind = EventKind::ConfigChanged,
     .name = "ConfigChanged",
     .title = RAFT_TRANSLATABLE("EventWording", "Setting changed"),
     .reasons = reasons({Reason::None}),
     .rank = 75,
     .fields = {node("the server or link source the setting is about (- for the whole network)"),
                peer("the link's destination (a link's conditions)"), term("the node's term"),
                text("the new setting in words")}},
    {.kind = EventKind::Narration,
     .name = "Narration",
     .title = RAFT_TRANSLATABLE("EventWording", "Narration"),
     .reasons = reasons({Reason::None}),
     .importance = Importance::Headline,
     .rank = 95,
     .tone = Tone::Narration,
     .fields = {text("the lesson's words")}},
    {.kind = EventKind::InvariantViolated,
     .name = "InvariantViolated",
     .title = RAFT_TRANSLATABLE("EventWording", "Safety violated"),
     .reasons = reasons({Reason::None}),
     .importance = Importance::Headline,
     .rank = 100,
     .mark = Mark::Violation,
     .tone = Tone::Alarm,
     .fields = {text("the property that broke, and how")}},
}};

constexpr std::array<ReasonInfo, kReasonCount> kReasons{{
    {Reason::None, "None", "", RAFT_TRANSLATABLE("EventWording", "no particular rule")},
    {Reason::StaleTerm, "StaleTerm", "§5.1", RAFT_TRANSLATABLE("EventWording", "the sender's term is older than ours")},
    {Reason::AlreadyVoted, "AlreadyVoted", "§5.2",
     RAFT_TRANSLATABLE("EventWording", "one vote per term, first come first served")},
    {Reason::LogTermOlder, "LogTermOlder", "§5.4.1",
     RAFT_TRANSLATABLE("EventWording", "the candidate's last log term is older")},
    {Reason::LogShorter, "LogShorter", "§5.4.1",
     RAFT_TRANSLATABLE("EventWording", "same last term, but the candidate's log is shorter")},
    {Reason::UpToDate, "UpToDate", "§5.4.1",
     RAFT_TRANSLATABLE("EventWording", "the candidate's log is at least as up-to-date")},
    {Reason::HigherTerm, "HigherTerm", "§5.1",
     RAFT_TRANSLATABLE("EventWording", "a newer term was seen: step down to follower")},
    {Reason::LeaderOfTerm, "LeaderOfTerm", "§5.2",
     RAFT_TRANSLATABLE("EventWording", "a candidate hears from the leader of its own term")},
    {Reason::Heartbeat, "Heartbeat", "§5.2", RAFT_TRANSLATABLE("EventWording", "AppendEntries with no entries")},
    {Reason::MissingEntry, "MissingEntry", "§5.3",
     RAFT_TRANSLATABLE("EventWording", "the log has no entry at prevLogIndex")},
    {Reason::TermMismatch, "TermMismatch", "§5.3",
     RAFT_TRANSLATABLE("EventWording", "the entry at prevLogIndex has another term")},
    {Reason::Majority, "Majority", "§5.3, §5.4.2",
     RAFT_TRANSLATABLE("EventWording", "a majority: of votes, or of copies of an entry of the current term")},
    {Reason::LeaderCommit, "LeaderCommit", "§5.3",
     RAFT_TRANSLATABLE("EventWording", "a follower learns commitIndex from the leader")},
    {Reason::NotLeader, "NotLeader", "§8", RAFT_TRANSLATABLE("EventWording", "only the leader takes client requests")},
    {Reason::Forced, "Forced", "", RAFT_TRANSLATABLE("EventWording", "the user forced it")},
    {Reason::Partition, "Partition", "", RAFT_TRANSLATABLE("EventWording", "a network partition")},
    {Reason::LinkCut, "LinkCut", "", RAFT_TRANSLATABLE("EventWording", "a cut link")},
    {Reason::RandomLoss, "RandomLoss", "", RAFT_TRANSLATABLE("EventWording", "the network's loss probability")},
    {Reason::DestinationCrashed, "DestinationCrashed", "", RAFT_TRANSLATABLE("EventWording", "the receiver is down")},
    {Reason::UserDropped, "UserDropped", "", RAFT_TRANSLATABLE("EventWording", "the user dropped it")},
    {Reason::Healed, "Healed", "", RAFT_TRANSLATABLE("EventWording", "the network was healed")},
    {Reason::OutdatedReply, "OutdatedReply", "",
     RAFT_TRANSLATABLE("EventWording", "a reply to a request no longer waited for")},
    {Reason::NodePaused, "NodePaused", "", RAFT_TRANSLATABLE("EventWording", "the receiver is paused")},
    {Reason::PreVote, "PreVote", "§9.6",
     RAFT_TRANSLATABLE("EventWording", "a pre-vote: would a majority vote, before any term changes")},
    {Reason::LeaderAlive, "LeaderAlive", "§4.2.3, §9.6",
     RAFT_TRANSLATABLE("EventWording", "a leader was heard from within the minimum election timeout")},
    {Reason::QuorumLost, "QuorumLost", "§6.2",
     RAFT_TRANSLATABLE("EventWording", "the leader heard from no majority within an election timeout")},
    {Reason::Transfer, "Transfer", "§3.10",
     RAFT_TRANSLATABLE("EventWording", "the leader handed leadership over: campaign at once")},
    {Reason::Transferring, "Transferring", "§3.10",
     RAFT_TRANSLATABLE("EventWording", "the leader is handing leadership over and takes no requests")},
    {Reason::SnapshotMatch, "SnapshotMatch", "§7",
     RAFT_TRANSLATABLE("EventWording", "the log holds the snapshot's last entry: the entries after it stay")},
    {Reason::SnapshotReplace, "SnapshotReplace", "§7",
     RAFT_TRANSLATABLE("EventWording", "the log lacks the snapshot's last entry: the whole log is discarded")},
    {Reason::SnapshotCovered, "SnapshotCovered", "§7",
     RAFT_TRANSLATABLE("EventWording", "every entry the snapshot covers is committed here already")},
    {Reason::ChunkOutOfOrder, "ChunkOutOfOrder", "§7",
     RAFT_TRANSLATABLE("EventWording", "the chunk does not continue the bytes received so far")},
    {Reason::TooSlow, "TooSlow", "§4.2.1",
     RAFT_TRANSLATABLE("EventWording", "the new server did not catch up in time")},
    {Reason::NotInConfiguration, "NotInConfiguration", "§4.2.2",
     RAFT_TRANSLATABLE("EventWording", "the committed configuration leaves the server out")},
}};

constexpr std::array<MessageTypeInfo, kMessageTypeCount> kMessageTypes{{
    {MessageType::RequestVote, RAFT_TRANSLATABLE("EventWording", "RequestVote")},
    {MessageType::RequestVoteReply, RAFT_TRANSLATABLE("EventWording", "RequestVoteReply")},
    {MessageType::AppendEntries, RAFT_TRANSLATABLE("EventWording", "AppendEntries")},
    {MessageType::AppendEntriesReply, RAFT_TRANSLATABLE("EventWording", "AppendEntriesReply")},
    {MessageType::PreVote, RAFT_TRANSLATABLE("EventWording", "PreVote")},
    {MessageType::PreVoteReply, RAFT_TRANSLATABLE("EventWording", "PreVoteReply")},
    {MessageType::TimeoutNow, RAFT_TRANSLATABLE("EventWording", "TimeoutNow")},
    {MessageType::InstallSnapshot, RAFT_TRANSLATABLE("EventWording", "InstallSnapshot")},
    {MessageType::InstallSnapshotReply, RAFT_TRANSLATABLE("EventWording", "InstallSnapshotReply")},
}};

/// inEnumOrder tells whether row i of a table describes enum value i.
template <typename Table> constexpr bool inEnumOrder(const Table &table, auto key)
{
    for (std::size_t i = 0; i < table.size(); ++i)
        if (static_cast<std::size_t>(key(table[i])) != i)
            return false;
    return true;
}

static_assert(inEnumOrder(kEventKinds, [](const EventKindInfo &row) { return row.kind; }),
              "kEventKinds: one row per EventKind, in enum order");
static_assert(inEnumOrder(kReasons, [](const ReasonInfo &row) { return row.reason; }),
              "kReasons: one row per Reason, in enum order");
static_assert(inEnumOrder(kMessageTypes, [](const MessageTypeInfo &row) { return row.type; }),
              "kMessageTypes: one row per MessageType, in enum order");

/// wellFormed checks what the compiler can: every row is named and allows a reason,
/// a variant's reason is one the kind carries, and every field has a JSON name.
constexpr bool wellFormed()
{
    for (const EventKindInfo &row : kEventKinds) {
        if (row.name.empty() || *row.title == '\0' || row.reasons == 0 || row.rank > 100)
            return false;
        if (row.variant.reason != Reason::None && !contains(row.reasons, row.variant.reason))
            return false;
        for (const FieldUse &use : row.fields)
            if (use.field != Field::None && (use.json.empty() || use.meaning.empty()))
                return false;
    }
    return true;
}
static_assert(wellFormed(), "every kind needs a name, a title, its reasons and named fields");

} // namespace

const std::array<EventKindInfo, kEventKindCount> &eventKinds()
{
    return kEventKinds;
}

const std::array<ReasonInfo, kReasonCount> &reasonInfos()
{
    return kReasons;
}

const std::array<MessageTypeInfo, kMessageTypeCount> &messageTypes()
{
    return kMessageTypes;
}

const EventKindInfo &infoOf(EventKind kind)
{
    // A value outside the enum (a corrupt file) reads as a kind of its own.
    static constexpr EventKindInfo unknown{.name = "?", .title = "?", .reasons = ~ReasonSet{0}};
    const auto i = static_cast<std::size_t>(kind);
    return i < kEventKinds.size() ? kEventKinds[i] : unknown;
}

const ReasonInfo &infoOf(Reason reason)
{
    static constexpr ReasonInfo unknown{.name = "?"};
    const auto i = static_cast<std::size_t>(reason);
    return i < kReasons.size() ? kReasons[i] : unknown;
}

const MessageTypeInfo &infoOf(MessageType type)
{
    static constexpr MessageTypeInfo unknown{.name = "?"};
    const auto i = static_cast<std::size_t>(type);
    return i < kMessageTypes.size() ? kMessageTypes[i] : unknown;
}

namespace {
bool isVariant(const EventKindInfo &row, const TraceEvent &event)
{
    return row.variant.reason != Reason::None && event.reason == row.variant.reason;
}
} // namespace

Importance importanceOf(const TraceEvent &event)
{
    const EventKindInfo &row = infoOf(event.kind);
    return isVariant(row, event) ? row.variant.importance : row.importance;
}

int rankOf(const TraceEvent &event)
{
    const EventKindInfo &row = infoOf(event.kind);
    return isVariant(row, event) ? row.variant.rank : row.rank;
}

Mark markOf(const TraceEvent &event)
{
    const EventKindInfo &row = infoOf(event.kind);
    return isVariant(row, event) ? row.variant.mark : row.mark;
}

bool isRoutine(const TraceEvent &event)
{
    return importanceOf(event) == Importance::Routine;
}

std::int64_t fieldValue(const TraceEvent &event, Field field)
{
    switch (field) {
    case Field::None: return 0;
    case Field::Node: return event.node;
    case Field::Peer: return event.peer;
    case Field::Term1: return static_cast<std::int64_t>(event.term);
    case Field::Term2: return static_cast<std::int64_t>(event.term2);
    case Field::Index1: return static_cast<std::int64_t>(event.index);
    case Field::Index2: return static_cast<std::int64_t>(event.index2);
    case Field::Value: return event.value;
    case Field::Text: return event.text;
    case Field::Reason: return static_cast<std::int64_t>(event.reason);
    }
    return 0;
}

const char *eventKindName(EventKind kind)
{
    return infoOf(kind).name.data();
}

const char *reasonName(Reason reason)
{
    return infoOf(reason).name.data();
}

const char *messageTypeName(MessageType type)
{
    return infoOf(type).name;
}

const char *sectionOf(const TraceEvent &event)
{
    const EventKindInfo &row = infoOf(event.kind);
    if (row.sectionFromReason && contains(row.reasons, event.reason) && *infoOf(event.reason).section)
        return infoOf(event.reason).section;
    return row.section;
}

} // namespace raft
