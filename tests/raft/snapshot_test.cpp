// Log compaction and InstallSnapshot (extended paper §7, Figures 12 and 13). Each test
// names the rule it checks; the receiver's steps are Figure 13's numbering.
#include "nodeharness.h"

#include "raft/invariants.h"
#include "raft/runfile.h"
#include "raft/scenario.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

namespace raft {
namespace {

using testing::appendAccepted;
using testing::appendEntries;
using testing::commandFor;
using testing::config;
using testing::makeEntries;
using testing::makeLog;
using testing::NodeHarness;
using testing::stored;
using testing::termsOf;

Message installSnapshot(NodeId from, NodeId to, Term term, Index index, Term lastTerm, std::uint64_t offset,
                        std::string data, bool done, std::uint64_t size)
{
    Message m;
    m.type = MessageType::InstallSnapshot;
    m.from = from;
    m.to = to;
    m.term = term;
    m.lastIncludedIndex = index;
    m.lastIncludedTerm = lastTerm;
    m.snapshotOffset = offset;
    SnapshotChunk c;
    c.data = std::move(data);
    c.done = done;
    c.snapshotSize = size;
    c.config = Configuration::first(3);
    m.chunk = Boxed<SnapshotChunk>(std::move(c));
    return m;
}

/// snapshotData is the state machine after applying commandFor(1..n).
std::string snapshotData(Index n)
{
    KvStore kv;
    for (Index i = 1; i <= n; ++i)
        kv.apply(commandFor(i));
    return kv.encode();
}

// --- the log with a snapshot ----------------------------------------------------------

// Reference: §7 — "the log only remembers the last included index and term": entries
// keep their real indexes after the prefix is discarded.
TEST(SnapshotLog, CompactionKeepsRealIndexes)
{
    Log log = makeLog({1, 1, 2, 2, 3});
    const std::uint64_t print3 = log.fingerprint(3);
    log.compact(3);
    EXPECT_EQ(log.snapshotIndex(), 3u);
    EXPECT_EQ(log.snapshotTerm(), 2u);
    EXPECT_EQ(log.firstIndex(), 4u);
    EXPECT_EQ(log.lastIndex(), 5u);
    EXPECT_EQ(log.size(), 2u);
    EXPECT_EQ(log.termAt(3), 2u) << "the snapshot's last included term";
    EXPECT_EQ(log.fingerprint(3), print3) << "the snapshot's print stands for the prefix";
    EXPECT_EQ(log.at(4).command, commandFor(4));
    EXPECT_FALSE(log.has(2));
    EXPECT_TRUE(log.has(3));
    log.append(Entry{3, commandFor(6)});
    EXPECT_EQ(log.lastIndex(), 6u);
    EXPECT_EQ(termsOf(log), (std::vector<Term>{2, 3, 3}));
}

TEST(SnapshotLog, CompactingAcrossChunksDropsThemAndCopiesShareTheRest)
{
    Log log;
    for (Index i = 1; i <= 3 * Log::kChunk + 10; ++i)
        log.append(Entry{1 + i / 100, commandFor(i)});
    Log full = log;
    const std::uint64_t print = log.fingerprint(2 * Log::kChunk + 5);
    log.compact(2 * Log::kChunk + 5);
    EXPECT_EQ(log.fingerprint(2 * Log::kChunk + 5), print);
    EXPECT_EQ(log.at(3 * Log::kChunk).command, full.at(3 * Log::kChunk).command);
    EXPECT_LT(log.memoryBytes(), full.memoryBytes());
    // Appending to the compacted copy leaves the full log alone.
    log.append(Entry{99, "x"});
    EXPECT_EQ(full.lastIndex(), 3 * Log::kChunk + 10);
    EXPECT_EQ(full.at(3 * Log::kChunk + 10).command, commandFor(3 * Log::kChunk + 10));
    // Truncating never reaches into the snapshot.
    log.truncateAfter(1);
    EXPECT_EQ(log.lastIndex(), 2 * Log::kChunk + 5);
    EXPECT_TRUE(log.empty());
    EXPECT_EQ(log.lastTerm(), full.termAt(2 * Log::kChunk + 5));
}

// Reference: Figure 13 step 7 — discard the entire log; the next entry follows the snapshot.
TEST(SnapshotLog, ResetStartsAfterTheSnapshot)
{
    Log log = makeLog({1, 1});
    log.resetTo(300, 4, 1234);
    EXPECT_EQ(log.lastIndex(), 300u);
    EXPECT_EQ(log.lastTerm(), 4u);
    EXPECT_TRUE(log.empty());
    log.append(Entry{5, "set a 1"});
    EXPECT_EQ(log.lastIndex(), 301u);
    EXPECT_EQ(log.at(301).command, "set a 1");
    EXPECT_EQ(log.fingerprint(300), 1234u);
    Log copy = log;
    EXPECT_TRUE(copy == log);
    copy.append(Entry{5, "set b 2"});
    EXPECT_FALSE(copy == log);
}

TEST(SnapshotKvStore, EncodeDecodeRoundTrips)
{
    KvStore kv;
    kv.apply("set greeting hello world");
    kv.apply("set x 5:6");
    kv.apply("set 12 34");
    KvStore back;
    ASSERT_TRUE(back.decode(kv.encode()));
    EXPECT_EQ(back, kv);
    EXPECT_FALSE(back.decode("3:ab"));
    EXPECT_TRUE(back.data().empty());
    EXPECT_TRUE(back.decode(""));
}

// --- taking a snapshot ------------------------------------------------------------------

// Reference: §7 — a server snapshots only what it has applied (committed entries).
TEST(SnapshotTake, OnlyAppliedEntriesAndOnlyForward)
{
    NodeHarness h(config(2, 3));
    h.step(appendEntries(1, 2, 1, 0, 0, makeEntries(0, {1, 1, 1, 1}), 3));
    ASSERT_EQ(h.node().lastApplied(), 3u);
    EXPECT_FALSE(h.compact(4)) << "entry 4 is not applied";
    EXPECT_TRUE(h.compact(2));
    EXPECT_EQ(h.node().snapshot().index, 2u);
    EXPECT_EQ(h.node().snapshot().term, 1u);
    EXPECT_EQ(h.node().snapshot().config.voters, (std::vector<NodeId>{1, 2, 3}));
    EXPECT_EQ(h.node().log().firstIndex(), 3u);
    ASSERT_EQ(h.events(EventKind::SnapshotTaken).size(), 1u);
    EXPECT_EQ(h.events(EventKind::SnapshotTaken)[0].index2, 2u) << "two entries replaced";
    EXPECT_FALSE(h.compact(2)) << "never backwards";
    EXPECT_TRUE(h.compact(3));
}

// Reference: §7 — the snapshot is stable storage: a restart starts from it, with
// commitIndex and lastApplied at its index, then the log after it.
TEST(SnapshotTake, RestartLoadsTheSnapshotThenTheLog)
{
    NodeHarness h(config(2, 3));
    h.step(appendEntries(1, 2, 1, 0, 0, makeEntries(0, {1, 1, 1, 1}), 3));
    ASSERT_TRUE(h.compact(3));
    NodeHarness again(config(2, 3), h.storage(), 1000);
    EXPECT_EQ(again.node().commitIndex(), 3u);
    EXPECT_EQ(again.node().lastApplied(), 3u);
    EXPECT_EQ(again.node().log().lastIndex(), 4u);
    EXPECT_EQ(*again.kv().value("k3"), "3") << "the state machine starts from the snapshot";
    EXPECT_EQ(again.kv().value("k4"), nullptr) << "entry 4 is not committed yet";
    // A heartbeat that commits entry 4 applies only entry 4.
    again.step(appendEntries(1, 2, 1, 4, 1, {}, 4));
    EXPECT_EQ(*again.kv().value("k4"), "4");
}

// --- the receiver: Figure 13 ------------------------------------------------------------

// Reference: Figure 13 step 1 — reply immediately if term < currentTerm.
TEST(InstallSnapshotReceiver, StaleTermIsAnsweredAtOnce)
{
    NodeHarness h(config(2, 3), stored(5));
    h.step(installSnapshot(1, 2, 4, 10, 4, 0, snapshotData(10), true, snapshotData(10).size()));
    const Message r = h.onlyReply();
    EXPECT_EQ(r.type, MessageType::InstallSnapshotReply);
    EXPECT_EQ(r.term, 5u);
    EXPECT_FALSE(r.success);
    EXPECT_EQ(h.node().snapshot().index, 0u);
    ASSERT_EQ(h.events(EventKind::SnapshotIgnored).size(), 1u);
    EXPECT_EQ(h.events(EventKind::SnapshotIgnored)[0].reason, Reason::StaleTerm);
}

// Reference: Figure 13 steps 2-4 — a new snapshot at offset 0, data written at its
// offset, and a reply while done is false; a chunk that does not continue the bytes
// received is not written.
TEST(InstallSnapshotReceiver, ChunksAreWrittenInOrderAndRepliedTo)
{
    NodeHarness h(config(2, 3), stored(2));
    const std::string data = snapshotData(6);
    const std::uint64_t size = data.size();
    h.step(installSnapshot(1, 2, 2, 6, 2, 0, data.substr(0, 10), false, size));
    EXPECT_EQ(h.onlyReply().snapshotOffset, 10u);
    EXPECT_FALSE(h.onlyReply().success);
    EXPECT_EQ(h.events(EventKind::SnapshotChunkReceived).size(), 1u);
    EXPECT_EQ(h.node().incomingSnapshot().data.size(), 10u);
    EXPECT_EQ(h.node().snapshot().index, 0u) << "nothing installed before the last chunk";
    // A chunk from offset 20 skips bytes 10..19: not written; the reply says 10.
    h.step(installSnapshot(1, 2, 2, 6, 2, 20, data.substr(20, 10), false, size));
    EXPECT_EQ(h.onlyReply().snapshotOffset, 10u);
    ASSERT_EQ(h.events(EventKind::SnapshotIgnored).size(), 1u);
    EXPECT_EQ(h.events(EventKind::SnapshotIgnored)[0].reason, Reason::ChunkOutOfOrder);
    h.step(installSnapshot(1, 2, 2, 6, 2, 10, data.substr(10), true, size));
    EXPECT_TRUE(h.onlyReply().success);
    EXPECT_EQ(h.onlyReply().matchIndex, 6u);
    EXPECT_EQ(h.node().snapshot().data, data);
}

// Reference: Figure 13 step 6 — if an existing entry has the snapshot's last index
// and term, the entries after it are retained.
TEST(InstallSnapshotReceiver, MatchingEntryKeepsTheEntriesAfterIt)
{
    NodeHarness h(config(2, 3), stored(2, kNoNode, makeLog({1, 1, 2, 2, 2})));
    h.step(installSnapshot(1, 2, 2, 3, 2, 0, snapshotData(3), true, snapshotData(3).size()));
    EXPECT_EQ(h.node().log().snapshotIndex(), 3u);
    EXPECT_EQ(h.node().log().lastIndex(), 5u);
    EXPECT_EQ(termsOf(h.node().log()), (std::vector<Term>{2, 2}));
    ASSERT_EQ(h.events(EventKind::SnapshotInstalled).size(), 1u);
    EXPECT_EQ(h.events(EventKind::SnapshotInstalled)[0].reason, Reason::SnapshotMatch);
    EXPECT_EQ(h.events(EventKind::SnapshotInstalled)[0].index2, 2u);
}

// Reference: Figure 13 steps 7 and 8 — otherwise discard the entire log and reset the
// state machine from the snapshot (commitIndex and lastApplied move to its index).
TEST(InstallSnapshotReceiver, ConflictingLogIsDiscardedAndTheStateMachineReset)
{
    NodeHarness h(config(2, 3), stored(3, kNoNode, makeLog({1, 1, 1, 1, 1, 1, 1})));
    h.step(installSnapshot(1, 2, 3, 5, 3, 0, snapshotData(5), true, snapshotData(5).size()));
    EXPECT_EQ(h.node().log().snapshotIndex(), 5u);
    EXPECT_EQ(h.node().log().lastIndex(), 5u) << "entries 6 and 7 (term 1) went with the log";
    EXPECT_EQ(h.node().log().lastTerm(), 3u);
    EXPECT_EQ(h.node().commitIndex(), 5u);
    EXPECT_EQ(h.node().lastApplied(), 5u);
    EXPECT_EQ(*h.kv().value("k5"), "5");
    EXPECT_EQ(h.events(EventKind::SnapshotInstalled)[0].reason, Reason::SnapshotReplace);
    EXPECT_TRUE(h.last().snapshotRestored);
    // Entries after the snapshot now pass the consistency check at its last index.
    h.step(appendEntries(1, 2, 3, 5, 3, makeEntries(5, {3}), 6));
    EXPECT_TRUE(h.onlyReply().success);
    EXPECT_EQ(*h.kv().value("k6"), "6");
}

// Reference: §7 — a stale or duplicated InstallSnapshot never moves a server back.
TEST(InstallSnapshotReceiver, StaleOrDuplicatedSnapshotNeverMovesBack)
{
    NodeHarness h(config(2, 3), stored(2));
    h.step(appendEntries(1, 2, 2, 0, 0, makeEntries(0, {1, 1, 2, 2, 2, 2}), 6));
    ASSERT_EQ(h.node().commitIndex(), 6u);
    h.step(installSnapshot(1, 2, 2, 4, 2, 0, snapshotData(4), true, snapshotData(4).size()));
    EXPECT_EQ(h.node().snapshot().index, 0u);
    EXPECT_EQ(h.node().lastApplied(), 6u);
    EXPECT_EQ(h.node().log().lastIndex(), 6u);
    EXPECT_TRUE(h.onlyReply().success) << "it holds all of it";
    EXPECT_EQ(h.onlyReply().matchIndex, 6u);
    EXPECT_EQ(h.events(EventKind::SnapshotIgnored)[0].reason, Reason::SnapshotCovered);
    // The same snapshot twice: installed once, then covered.
    NodeHarness f(config(3, 3), stored(2));
    const Message snap = installSnapshot(1, 3, 2, 4, 2, 0, snapshotData(4), true, snapshotData(4).size());
    f.step(snap);
    f.step(appendEntries(1, 3, 2, 4, 2, makeEntries(4, {2}), 5));
    f.step(snap);
    EXPECT_EQ(f.node().lastApplied(), 5u);
    EXPECT_EQ(f.node().log().lastIndex(), 5u);
    EXPECT_EQ(f.allEvents(EventKind::SnapshotInstalled).size(), 1u);
}

// Reference: §7 — an AppendEntries reaching back into the snapshot matches there:
// the snapshot holds committed entries, which every later leader has (§5.4.3).
TEST(InstallSnapshotReceiver, AppendEntriesBelowTheSnapshotMatchesFromIt)
{
    NodeHarness h(config(2, 3), stored(2));
    h.step(installSnapshot(1, 2, 2, 5, 2, 0, snapshotData(5), true, snapshotData(5).size()));
    h.step(appendEntries(1, 2, 2, 3, 2, makeEntries(3, {2, 2, 2, 2}), 7));
    EXPECT_TRUE(h.onlyReply().success);
    EXPECT_EQ(h.onlyReply().matchIndex, 7u);
    EXPECT_EQ(h.node().log().lastIndex(), 7u);
    EXPECT_EQ(h.node().commitIndex(), 7u);
    h.step(appendEntries(1, 2, 2, 0, 0, {}, 7)); // a heartbeat from index 0
    EXPECT_TRUE(h.onlyReply().success);
}

// --- the sender -----------------------------------------------------------------------------

// Reference: §7 — a leader whose nextIndex for a follower is at or below its snapshot
// sends InstallSnapshot; with snapshotChunk the data goes in pieces (offset, done),
// one at a time (raft/progress.h, Snapshot); after it, entries follow.
TEST(InstallSnapshotSender, LaggingFollowerGetsTheSnapshotInChunksThenEntries)
{
    NodeConfig c = config(1, 3);
    c.snapshotChunk = 8;
    NodeHarness h(c, stored(1, kNoNode, makeLog({1, 1, 1, 1, 1, 1})));
    const Term term = h.becomeLeader();
    h.step(appendAccepted(2, 1, term, 7)); // S2 is up to date: index 7 (the no-op) commits
    ASSERT_EQ(h.node().commitIndex(), 7u);
    ASSERT_TRUE(h.compact(7));
    ASSERT_EQ(h.node().progress(3).state, FlowState::Probe);
    // S3 answers the probe: its log ends at 0, far below the snapshot.
    Message reject = testing::appendRejected(3, 1, term, 6, 0, 1);
    h.step(reject);
    ASSERT_EQ(h.node().progress(3).state, FlowState::Snapshot);
    EXPECT_EQ(h.events(EventKind::SnapshotSent).size(), 1u);
    std::vector<Message> chunks = h.sentTo(3, MessageType::InstallSnapshot);
    ASSERT_EQ(chunks.size(), 1u);
    const std::string &data = h.node().snapshot().data;
    EXPECT_EQ(chunks[0].snapshotOffset, 0u);
    EXPECT_EQ(chunks[0].lastIncludedIndex, 7u);
    EXPECT_EQ(chunks[0].lastIncludedTerm, term);
    EXPECT_EQ(chunks[0].chunk->data, data.substr(0, 8));
    EXPECT_EQ(chunks[0].chunk->done, data.size() <= 8);
    // Feed the chunks to a follower, and its replies back.
    NodeHarness f(config(3, 3), stored(0));
    Message chunk = chunks[0];
    int count = 1;
    while (true) {
        f.step(chunk);
        h.step(f.onlyReply());
        if (chunk.chunk->done)
            break;
        chunks = h.sentTo(3, MessageType::InstallSnapshot);
        ASSERT_EQ(chunks.size(), 1u) << "the next chunk after each answer";
        EXPECT_EQ(chunks[0].snapshotOffset, chunk.snapshotOffset + 8);
        chunk = chunks[0];
        ++count;
    }
    EXPECT_EQ(static_cast<std::uint64_t>(count), (data.size() + 7) / 8);
    EXPECT_EQ(f.node().snapshot().index, 7u);
    EXPECT_EQ(f.kv(), h.kv());
    EXPECT_EQ(h.node().progress(3).matchIndex, 7u);
    EXPECT_EQ(h.node().progress(3).state, FlowState::Replicate);
    // New entries go by AppendEntries from the snapshot's last index.
    ASSERT_TRUE(h.propose("set after 1").accepted);
    const std::vector<Message> appends = h.sentTo(3, MessageType::AppendEntries);
    ASSERT_EQ(appends.size(), 1u);
    EXPECT_EQ(appends[0].prevLogIndex, 7u);
    EXPECT_EQ(appends[0].prevLogTerm, term);
}

// Reference: §7 with Progress (raft/progress.h) — an unanswered chunk is sent again
// after an election timeout.
TEST(InstallSnapshotSender, LostChunkIsSentAgain)
{
    NodeHarness h(config(1, 3), stored(1, kNoNode, makeLog({1, 1})));
    const Term term = h.becomeLeader();
    h.step(appendAccepted(2, 1, term, 3));
    ASSERT_TRUE(h.compact(3));
    h.step(testing::appendRejected(3, 1, term, 2, 0, 1));
    ASSERT_EQ(h.sentTo(3, MessageType::InstallSnapshot).size(), 1u);
    const Time sentAt = h.now();
    h.fireHeartbeat();
    EXPECT_TRUE(h.sentTo(3, MessageType::InstallSnapshot).empty()) << "not yet: the chunk may be on its way";
    EXPECT_EQ(h.sentTo(3, MessageType::AppendEntries).size(), 1u) << "a heartbeat keeps S3's timer quiet";
    while (h.now() - sentAt < h.node().config().electionTimeoutMin)
        h.fireHeartbeat();
    EXPECT_EQ(h.sentTo(3, MessageType::InstallSnapshot).size(), 1u);
}

// --- the whole cluster --------------------------------------------------------------------

ClusterConfig snapshotCluster(Index every, std::uint64_t chunk = 0)
{
    ClusterConfig c;
    c.nodes = 3;
    c.seed = 11;
    c.snapshotEvery = every;
    c.snapshotChunk = chunk;
    return c;
}

// Reference: §7 — a follower so far behind that the entries it needs are compacted on
// the leader is brought back by InstallSnapshot, and its state machine agrees.
TEST(SnapshotCluster, FarBehindFollowerCatchesUpBySnapshot)
{
    Simulation sim(snapshotCluster(10, 16));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    const NodeId leader = *sim.leader();
    const NodeId lagger = leader == 3 ? 2 : 3;
    ASSERT_TRUE(sim.crash(lagger));
    for (int i = 0; i < 30; ++i) {
        ASSERT_TRUE(sim.request(leader, "set k" + std::to_string(i) + " " + std::to_string(i)));
        sim.runFor(raft::fromMs(30));
    }
    sim.runFor(raft::fromMs(500));
    ASSERT_GE(sim.node(leader)->snapshot().index, 20u);
    ASSERT_TRUE(sim.restart(lagger));
    ASSERT_TRUE(sim.runUntil([&] { return sim.commitIndex(lagger) == sim.commitIndex(leader); }, raft::fromMs(5000)));
    sim.runFor(raft::fromMs(200));
    EXPECT_GT(sim.node(lagger)->snapshot().index, 0u);
    EXPECT_EQ(sim.server(lagger).kv, sim.server(leader).kv);
    EXPECT_EQ(*sim.server(lagger).kv.value("k29"), "29");
    bool installed = false;
    for (const TraceEvent &e : sim.trace().events())
        installed = installed || (e.kind == EventKind::SnapshotInstalled && e.node == lagger);
    EXPECT_TRUE(installed);
    EXPECT_TRUE(sim.violations().empty()) << sim.violations().front().what;
}

// Reference: §7 — a restart loads the snapshot (commitIndex and lastApplied at its
// index, the state machine from its contents), then the log after it.
TEST(SnapshotCluster, RestartFromSnapshot)
{
    Simulation sim(snapshotCluster(0));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    const NodeId leader = *sim.leader();
    const NodeId other = leader == 1 ? 2 : 1;
    ASSERT_TRUE(sim.request(leader, "set a 1"));
    ASSERT_TRUE(sim.request(leader, "set b 2"));
    sim.runFor(raft::fromMs(300));
    ASSERT_TRUE(sim.snapshot(other));
    const Index at = sim.node(other)->snapshot().index;
    EXPECT_EQ(sim.log(other).snapshotIndex(), at);
    ASSERT_TRUE(sim.crash(other));
    EXPECT_EQ(sim.server(other).storage.snapshot.index, at);
    ASSERT_TRUE(sim.restart(other));
    EXPECT_EQ(sim.commitIndex(other), at);
    EXPECT_EQ(sim.node(other)->lastApplied(), at);
    EXPECT_EQ(*sim.server(other).kv.value("b"), "2");
    EXPECT_TRUE(sim.violations().empty());
}

TEST(SnapshotCluster, SnapshotActionIsRefusedWithAReason)
{
    Simulation sim(snapshotCluster(0));
    const ActionResult nothing = sim.snapshot(1);
    ASSERT_FALSE(nothing.isDone());
    EXPECT_EQ(nothing.refusal()->reason, RefusalReason::NothingToSnapshot);
    ASSERT_TRUE(sim.crash(2));
    EXPECT_EQ(sim.check(act::Snapshot{2}).refusal()->reason, RefusalReason::CrashedNotUp);
    EXPECT_EQ(sim.check(act::Snapshot{7}).refusal()->reason, RefusalReason::NoSuchServer);
}

// --- the safety checker ------------------------------------------------------------------

// A snapshot contains only committed entries (§7).
TEST(SnapshotInvariants, SnapshotBeyondCommitIndexIsAViolation)
{
    Invariants inv(3);
    std::vector<ServerView> views(3);
    Log logs[3] = {makeLog({1, 1, 1}), makeLog({1, 1, 1}), makeLog({1, 1, 1})};
    for (NodeId id = 1; id <= 3; ++id) {
        views[id - 1].id = id;
        views[id - 1].up = true;
        views[id - 1].term = 1;
        views[id - 1].log = &logs[id - 1];
        views[id - 1].commitIndex = 1;
        views[id - 1].lastApplied = 1;
    }
    views[0].role = Role::Leader;
    std::vector<std::string> found;
    ASSERT_TRUE(inv.check(views, found));
    logs[2].compact(1);
    EXPECT_TRUE(inv.check(views, found)) << (found.empty() ? "" : found.front());
    logs[1].compact(3); // S2 snapshots entries 2 and 3, which are not committed
    EXPECT_FALSE(inv.check(views, found));
    ASSERT_FALSE(found.empty());
    EXPECT_NE(found.front().find("A snapshot contains only committed entries"), std::string::npos) << found.front();
}

// Log Matching still holds through a snapshot: a log whose snapshot's print differs
// from the committed prefix is caught.
TEST(SnapshotInvariants, InstalledSnapshotOfAnotherHistoryIsCaught)
{
    Invariants inv(3);
    std::vector<ServerView> views(3);
    Log logs[3] = {makeLog({1, 1, 1}), makeLog({1, 1, 1}), makeLog({1, 1, 1})};
    for (NodeId id = 1; id <= 3; ++id) {
        views[id - 1].id = id;
        views[id - 1].up = true;
        views[id - 1].term = 1;
        views[id - 1].log = &logs[id - 1];
        views[id - 1].commitIndex = 3;
        views[id - 1].lastApplied = 3;
    }
    std::vector<std::string> found;
    ASSERT_TRUE(inv.check(views, found));
    logs[2].resetTo(3, 1, 42); // a snapshot of other entries 1..3
    EXPECT_FALSE(inv.check(views, found));
}

// --- the scenario language and run files ------------------------------------------------------

TEST(SnapshotScenario, SetupActionAndCheck)
{
    const Scenario s = Scenario::parse("nodes 3\nseed 4\nsnapshot-every 5\nsnapshot-chunk 20\n"
                                       "run until leader\nrequest leader set a 1\nrun 500ms\nsnapshot leader\n"
                                       "expect snapshot leader >= 2\nexpect snapshot S1 >= 0\n");
    ASSERT_TRUE(s.isValid()) << s.errors().front();
    EXPECT_EQ(s.config().snapshotEvery, 5u);
    EXPECT_EQ(s.config().snapshotChunk, 20u);
    Simulation sim(s.config());
    for (const ScenarioCommand &c : s.commands()) {
        const CommandOutcome out = executeCommand(sim, c);
        EXPECT_TRUE(out.ok) << c.text << ": " << out.why;
    }
    const Scenario bad = Scenario::parse("expect snapshot S1\n", "x.scenario");
    EXPECT_FALSE(bad.isValid());
}

TEST(SnapshotRunFile, RecordsTheActionAndTheSettings)
{
    RunFile run;
    run.config = snapshotCluster(100, 64);
    run.inputs.push_back(Input{raft::fromMs(120), 40, act::Snapshot{2}});
    const std::string text = formatRunFile(run);
    EXPECT_NE(text.find("snapshot-every 100\n"), std::string::npos);
    EXPECT_NE(text.find("snapshot-chunk 64\n"), std::string::npos);
    EXPECT_NE(text.find("snapshot S2"), std::string::npos);
    const RunFileResult back = parseRunFile(text, "run.raftrun");
    ASSERT_TRUE(back.errors.empty()) << back.errors.front();
    EXPECT_EQ(back.run->config.snapshotEvery, 100u);
    EXPECT_EQ(back.run->config.snapshotChunk, 64u);
    ASSERT_EQ(back.run->inputs.size(), 1u);
    EXPECT_EQ(back.run->inputs[0].action, Action(act::Snapshot{2}));
}

} // namespace
} // namespace raft
