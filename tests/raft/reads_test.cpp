// Reads (Ongaro's dissertation §6.4): ReadIndex, leases and the local reads that go
// stale, with the linearizability checker watching every completed write and read.
#include "nodeharness.h"

#include "raft/runfile.h"
#include "raft/scenarioplayer.h"
#include "scriptrun.h"

#include <gtest/gtest.h>

namespace raft {
namespace {

using namespace raft::testing;

ScenarioRunner run(const std::string &script)
{
    return testing::playScript(script, "test");
}

std::string failures(const ScenarioRunner &runner)
{
    return testing::describeFailures(runner);
}

Message readReply(NodeId from, NodeId to, Term term, Index match, std::uint64_t round)
{
    Message m = appendAccepted(from, to, term, match);
    m.round = round;
    return m;
}

// Reference: §6.4 — "a follower ... could forward the request to the leader"; here
// it refuses, naming the leader it knows.
TEST(ReadIndex, FollowerRefusesWithAHintNamingTheLeader)
{
    NodeHarness h(config(2, 3));
    h.step(appendEntries(1, 2, 1, 0, 0, {}, 0));
    const ReadResult r = h.node().read(7, h.now());
    EXPECT_FALSE(r.accepted);
    EXPECT_EQ(r.leaderHint, 1);
}

// Reference: §6.4 steps 1–4 — the leader notes its commitIndex, confirms with a round
// of heartbeats answered by a majority, and only then answers.
TEST(ReadIndex, LeaderAnswersOnlyAfterAMajorityAnswersAFreshRound)
{
    NodeHarness h(config(1, 3));
    const Term term = h.becomeLeader();
    const Index last = h.node().log().lastIndex();
    h.step(appendAccepted(2, 1, term, last)); // the no-op commits
    ASSERT_EQ(h.node().commitIndex(), last);
    ASSERT_TRUE(h.node().read(1, h.now()).accepted);
    h.tick(h.now());
    EXPECT_TRUE(h.last().reads.empty());
    const std::vector<Message> round = h.sentTo(3, MessageType::AppendEntries);
    ASSERT_FALSE(round.empty());
    const std::uint64_t r = round.back().round;
    EXPECT_GT(r, 0u);
    // An answer to an older round does not confirm it.
    h.step(readReply(3, 1, term, last, r - 1));
    EXPECT_TRUE(h.last().reads.empty());
    h.step(readReply(3, 1, term, last, r));
    ASSERT_EQ(h.last().reads.size(), 1u);
    EXPECT_EQ(h.last().reads[0].id, 1u);
    EXPECT_EQ(h.last().reads[0].index, last);
    EXPECT_TRUE(h.last().reads[0].ok);
}

// Reference: §6.4 step 1 — "If the leader has not yet marked an entry from its
// current term committed, it waits until it has done so" (here, without the §8
// no-op, it appends an empty entry of its term itself).
TEST(ReadIndex, NewLeaderFirstCommitsAnEntryOfItsTerm)
{
    ClusterConfig c;
    c.nodes = 3;
    c.noop = false;
    Simulation sim(c);
    ASSERT_TRUE(sim.timeout(1));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(1000)));
    ASSERT_EQ(sim.log(1).lastIndex(), 0u);
    ASSERT_TRUE(sim.read(1, "x"));
    EXPECT_EQ(sim.log(1).lastIndex(), 1u);
    sim.runFor(raft::fromMs(200));
    ASSERT_EQ(sim.reads().size(), 1u);
    EXPECT_TRUE(sim.reads()[0].answeredAt.has_value()) << sim.reads()[0].why;
    EXPECT_TRUE(sim.violations().empty());
}

// Reference: §6.4 — a deposed leader in a minority cannot confirm a read: no answer,
// rather than a stale one.
TEST(ReadIndex, LeaderCutOffFromTheMajorityGivesNoStaleAnswer)
{
    const ScenarioRunner r = run(R"(nodes 5
seed 3
timeout S1
run until leader max 1s
request S1 set x 1
run 200ms
partition S1 S2 | S3 S4 S5
run until new-leader max 3s
request leader set x 2
run 200ms
read S1 x
run 500ms
read leader x
run 500ms
expect read x=2
expect violations none
)");
    EXPECT_TRUE(r.succeeded()) << failures(r);
    ASSERT_EQ(r.simulation().reads().size(), 2u);
    EXPECT_FALSE(r.simulation().reads()[0].answeredAt.has_value());
}

// Reference: §6.4 — reads served from a server's own state machine are not
// linearizable: the checker reports the stale read as a violation.
TEST(LocalReads, OldLeaderInAMinorityAnswersStaleAndTheCheckerSaysSo)
{
    const ScenarioRunner r = run(R"(nodes 5
seed 3
reads local
timeout S1
run until leader max 1s
request S1 set x 1
run 200ms
partition S1 S2 | S3 S4 S5
run until new-leader max 3s
request leader set x 2
run 200ms
read S1 x
expect read x=1
expect violation linearizable-reads
)");
    EXPECT_TRUE(r.failures().empty()) << failures(r);
    ASSERT_FALSE(r.simulation().violations().empty());
    const Violation &v = r.simulation().violations().front();
    EXPECT_EQ(v.property, "Linearizable reads");
    EXPECT_EQ(v.section, "§6.4");
    EXPECT_EQ(v.nodes, std::vector<NodeId>{1});
    EXPECT_NE(v.what.find("x=\"2\""), std::string::npos) << v.what;
}

// Reference: §6.4.1 — a lease is sound only with CheckQuorum's stickiness.
TEST(LeaseReads, NeedCheckQuorum)
{
    const Scenario s = Scenario::parse("nodes 3\nreads lease\nrun 1s\n", "lease.txt");
    ASSERT_FALSE(s.isValid());
    EXPECT_NE(s.errors().front().find("lease.txt:2: "), std::string::npos) << s.errors().front();
    EXPECT_NE(s.errors().front().find("checkquorum"), std::string::npos);
}

// Reference: §6.4.1 — within its lease the leader answers without a round of
// heartbeats; the answer is still linearizable.
TEST(LeaseReads, LeaderAnswersWithinItsLeaseAtOnce)
{
    const ScenarioRunner r = run(R"(nodes 3
option checkquorum on
reads lease
timeout S1
run until leader max 1s
request S1 set x 1
run 300ms
read S1 x
expect read x=1
expect violations none
)");
    EXPECT_TRUE(r.succeeded()) << failures(r);
    ASSERT_EQ(r.simulation().reads().size(), 1u);
    EXPECT_EQ(r.simulation().reads()[0].answeredAt, r.simulation().reads()[0].issuedAt);
}

TEST(Reads, RunFilesKeepTheReadModeAndReads)
{
    RunFile run;
    run.config.reads = ReadMode::Local;
    run.inputs.push_back(Input{raft::fromMs(10), 1, act::Read{2, "x"}});
    const std::string text = formatRunFile(run);
    EXPECT_NE(text.find("reads local\n"), std::string::npos);
    EXPECT_NE(text.find("read S2 x\n"), std::string::npos);
    const RunFileResult back = parseRunFile(text, "run.raftrun");
    ASSERT_TRUE(back.run.has_value()) << back.errors.front();
    EXPECT_EQ(back.run->config.reads, ReadMode::Local);
    EXPECT_EQ(back.run->inputs, run.inputs);
}

} // namespace
} // namespace raft
