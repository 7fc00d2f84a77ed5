// Flow control (raft/progress.h): a leader probes a follower whose position it does
// not know, one AppendEntries at a time, then streams new entries within a window of
// messages in flight, and never resends what is on its way. Bounds in the style of
// MIT 6.824's TestCount2B and TestRPCBytes2B, and the replication economy targets of
// issue 14 (bench/replicationbench.h measures the same workloads for --bench).
#include "bench/replicationbench.h"
#include "raft/progress.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

namespace raft {
namespace {

using corebench::EconomyResult;

TEST(Progress, ProbeSendsOneAtATimeThenAnAnswerStartsStreaming)
{
    Progress p;
    p.becomeProbe();
    p.nextIndex = 11;
    EXPECT_FALSE(p.isPaused());
    p.sentEntries(20, 100);
    EXPECT_TRUE(p.isPaused()) << "a second probe waits for the first's answer";
    EXPECT_EQ(p.nextIndex, 11u) << "probing does not move nextIndex optimistically";
    EXPECT_EQ(p.oldestUnanswered(), 100);
    EXPECT_TRUE(p.acknowledge(20));
    EXPECT_EQ(p.state, FlowState::Replicate);
    EXPECT_EQ(p.nextIndex, 21u);
    EXPECT_EQ(p.oldestUnanswered(), -1);
}

TEST(Progress, ReplicateFillsAndFreesTheWindow)
{
    Progress p;
    p.matchIndex = 5;
    p.becomeReplicate();
    for (int i = 0; i < Progress::kMaxInflight; ++i) {
        ASSERT_FALSE(p.isPaused());
        p.sentEntries(p.nextIndex + 1, 10 + i); // two entries each
    }
    EXPECT_TRUE(p.isPaused());
    EXPECT_EQ(p.nextIndex, 5u + 2 * Progress::kMaxInflight + 1);
    EXPECT_EQ(p.oldestUnanswered(), 10);
    EXPECT_FALSE(p.acknowledge(4)) << "a stale answer frees nothing and moves nothing back";
    EXPECT_TRUE(p.isPaused());
    EXPECT_TRUE(p.acknowledge(7)); // answers the first message
    EXPECT_FALSE(p.isPaused());
    EXPECT_EQ(p.inflightCount, Progress::kMaxInflight - 1);
    EXPECT_EQ(p.matchIndex, 7u);
    p.becomeProbe();
    EXPECT_EQ(p.nextIndex, 8u) << "probing restarts just after the last known match";
    EXPECT_EQ(p.inflightCount, 0);
}

// Reference: MIT 6.824 TestCount2B — an election, then 11 agreements, then a second of
// idleness, each within its RPC budget (3 servers).
TEST(FlowControl, RpcCountsForAnElectionAgreementsAndIdlenessStayInBudget)
{
    ClusterConfig c;
    c.nodes = 3;
    c.seed = 7;
    Simulation sim(c);
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    EXPECT_LE(sim.stats().rpcsSent, 30u) << "too many RPCs to elect the first leader";
    sim.runFor(raft::fromMs(200));
    const NodeId leader = *sim.leader();
    const std::uint64_t before = sim.stats().rpcsSent;
    for (int i = 0; i < 11; ++i) {
        const ProposeResult r = sim.request(leader, "set x " + std::to_string(i)).proposal;
        ASSERT_TRUE(r.accepted);
        // The client's answer: the leader has committed it.
        ASSERT_TRUE(sim.runUntil([&] { return sim.commitIndex(leader) >= r.index; }, raft::fromMs(2000)));
    }
    EXPECT_LE(sim.stats().rpcsSent - before, (11u + 3u) * 3u) << "too many RPCs for 11 agreements";
    const std::uint64_t idle = sim.stats().rpcsSent;
    sim.runFor(raft::fromMs(1000));
    EXPECT_LE(sim.stats().rpcsSent - idle, 3u * 20u) << "too many RPCs for a second of idleness";
    EXPECT_TRUE(sim.violations().empty());
}

// Reference: MIT 6.824 TestRPCBytes2B — ten 5,000-byte commands cost about one copy
// per follower: entry bytes sent within servers x payload + 50,000.
TEST(FlowControl, EntryBytesForLargeCommandsStayNearOneCopyPerFollower)
{
    ClusterConfig c;
    c.nodes = 3;
    c.seed = 3;
    Simulation sim(c);
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    sim.runFor(raft::fromMs(200));
    const NodeId leader = *sim.leader();
    const std::uint64_t before = sim.stats().entryBytesSent;
    std::uint64_t payload = 0;
    for (int i = 0; i < 10; ++i) {
        const std::string command = "set big " + std::string(5000, static_cast<char>('a' + i));
        payload += command.size();
        const ProposeResult r = sim.request(leader, command).proposal;
        ASSERT_TRUE(r.accepted);
        ASSERT_TRUE(sim.runUntil([&] { return sim.commitIndex(leader) >= r.index; }, raft::fromMs(2000)));
    }
    sim.runFor(raft::fromMs(500));
    const std::uint64_t sent = sim.stats().entryBytesSent - before;
    EXPECT_LE(sent, 3 * payload + 50'000) << "too many entry bytes";
    EXPECT_GE(sent, 2 * payload) << "each follower needs every command once";
}

// Issue 14: entry copies at most 1.2 x the minimum for sequential writes.
TEST(FlowControl, SequentialWritesCostAtMostAFifthAboveTheMinimum)
{
    const EconomyResult r = corebench::runSequential(300, 20);
    ASSERT_TRUE(r.caughtUp);
    EXPECT_EQ(r.entries, 300u);
    EXPECT_LE(r.copyRatio(), 1.2) << r.entryCopies << " copies for a minimum of " << r.minimumCopies;
    EXPECT_EQ(r.violations, 0u);
}

// Issue 14: a burst costs at most 1.2 x the minimum, and 40,000 entries reach every
// server (and commit) within 2 virtual seconds.
TEST(FlowControl, ABurstOfFortyThousandCatchesUpWithinTwoVirtualSeconds)
{
    const EconomyResult r = corebench::runBurst(40'000, 1, 5, false);
    ASSERT_TRUE(r.caughtUp);
    EXPECT_EQ(r.entries, 40'000u);
    EXPECT_LT(r.catchUp, raft::fromMs(2000));
    EXPECT_LE(r.copyRatio(), 1.2) << r.entryCopies << " copies for a minimum of " << r.minimumCopies;
}

TEST(FlowControl, BurstCostIsLinearInItsSize)
{
    const EconomyResult small = corebench::runBurst(2000);
    const EconomyResult large = corebench::runBurst(8000);
    ASSERT_TRUE(small.caughtUp && large.caughtUp);
    EXPECT_LE(small.copyRatio(), 1.2);
    EXPECT_LE(large.copyRatio(), 1.2);
    // Four times the requests: about four times the messages and events, not sixteen.
    EXPECT_LE(large.messagesDelivered, 5 * small.messagesDelivered);
    EXPECT_LE(large.events, 5 * small.events);
    EXPECT_EQ(small.violations + large.violations, 0u);
}

} // namespace
} // namespace raft
