// The disk: what a server sends after a write to its stable storage leaves only when
// the write is done (Figure 2: "Updated on stable storage before responding to RPCs"),
// so a vote counts once the voter has saved it.
#include "raft/runfile.h"
#include "raft/scenario.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>
#include <vector>

using namespace raft;

namespace {

ClusterConfig diskCluster(Time disk)
{
    ClusterConfig c;
    c.nodes = 3;
    c.seed = 5;
    c.network.latencyMin = raft::fromMs(1);
    c.network.latencyMax = raft::fromMs(1);
    c.diskLatencyMin = disk;
    c.diskLatencyMax = disk;
    c.noop = false;
    return c;
}

} // namespace

// Reference: Figure 2 — a voter saves currentTerm and votedFor before it answers: the
// RequestVote flies at once, the grant waits for the voter's write.
TEST(DiskLatency, AVoteCountsOnlyOnceSaved)
{
    Simulation sim(diskCluster(raft::fromMs(10)));
    ASSERT_TRUE(sim.timeout(1));
    int requests = 0;
    sim.network().forEach([&](const Envelope &e) {
        ++requests;
        EXPECT_EQ(e.message.type, MessageType::RequestVote);
        EXPECT_EQ(e.sentAt, 0);
    });
    EXPECT_EQ(requests, 2);
    sim.advanceTo(raft::fromMs(1));
    // The voters got it at 1 and write until 11: their grants wait at their door.
    int grants = 0;
    sim.network().forEach([&](const Envelope &e) {
        if (e.message.type == MessageType::RequestVoteReply) {
            ++grants;
            EXPECT_EQ(e.sentAt, raft::fromMs(11));
            EXPECT_EQ(e.deliverAt, raft::fromMs(12));
        }
    });
    EXPECT_EQ(grants, 2);
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(100)));
    EXPECT_EQ(sim.now(), raft::fromMs(12));
    EXPECT_EQ(sim.leader(), 1);
}

TEST(DiskLatency, InstantDiskByDefault)
{
    Simulation sim(diskCluster(0));
    ASSERT_TRUE(sim.timeout(1));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(100)));
    EXPECT_EQ(sim.now(), raft::fromMs(2));
}

// Writes of one server finish in order: the second write waits for the first.
TEST(DiskLatency, WritesOfOneServerFinishInOrder)
{
    Simulation sim(diskCluster(raft::fromMs(10)));
    ASSERT_TRUE(sim.timeout(1));
    ASSERT_TRUE(sim.timeout(1)); // a second election at once: term 2, a second write
    sim.advanceTo(raft::fromMs(1));
    std::vector<std::pair<Term, Time>> fromS2;
    sim.network().forEach([&](const Envelope &e) {
        if (e.message.from == 2)
            fromS2.emplace_back(e.message.term, e.sentAt);
    });
    std::sort(fromS2.begin(), fromS2.end());
    ASSERT_EQ(fromS2.size(), 2u);
    EXPECT_EQ(fromS2[0], (std::pair<Term, Time>{1, raft::fromMs(11)}));
    EXPECT_EQ(fromS2[1], (std::pair<Term, Time>{2, raft::fromMs(21)}));
}

TEST(DiskLatency, SameSeedSameRun)
{
    ClusterConfig c = diskCluster(0);
    c.diskLatencyMin = raft::fromMs(3);
    c.diskLatencyMax = raft::fromMs(17);
    c.nodes = 5;
    Simulation a(c);
    Simulation b(c);
    a.runFor(raft::fromMs(3000));
    b.runFor(raft::fromMs(3000));
    EXPECT_TRUE(a == b);
    EXPECT_TRUE(a.leader().has_value());
}

TEST(DiskLatency, ScenarioLineAndRunFile)
{
    const Scenario s = Scenario::parse("disk-latency 14 16\nrun 1s\n", "disk.scenario");
    ASSERT_TRUE(s.isValid()) << s.errors().front();
    EXPECT_EQ(s.config().diskLatencyMin, raft::fromMs(14));
    EXPECT_EQ(s.config().diskLatencyMax, raft::fromMs(16));

    const Scenario bad = Scenario::parse("disk-latency 20 10\n", "bad.scenario");
    ASSERT_FALSE(bad.isValid());
    EXPECT_NE(bad.errors().front().find("bad.scenario:1:"), std::string::npos) << bad.errors().front();

    RunFile run;
    run.config = s.config();
    const std::string text = formatRunFile(run);
    EXPECT_NE(text.find("disk-latency 14 16\n"), std::string::npos);
    const RunFileResult back = parseRunFile(text, "disk.raftrun");
    ASSERT_TRUE(back.run.has_value());
    EXPECT_EQ(back.run->config, run.config);

    // An instant disk is not written, so older readers still read the file.
    run.config.diskLatencyMin = run.config.diskLatencyMax = raft::fromMs(0);
    EXPECT_EQ(formatRunFile(run).find("disk-latency"), std::string::npos);
}

// Safety does not depend on timing (§5.4): with slow disks, crashes, restarts and
// partitions the invariants hold after every event, and once healed the cluster elects
// a leader that commits.
TEST(DiskLatency, SlowDisksUnderFaultsStaySafe)
{
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        ClusterConfig c;
        c.nodes = 5;
        c.seed = seed;
        c.diskLatencyMin = raft::fromMs(2);
        c.diskLatencyMax = raft::fromMs(20);
        c.network.latencyMin = raft::fromMs(1);
        c.network.latencyMax = raft::fromMs(15);
        c.network.loss = 0.05;
        c.network.duplicate = 0.05;
        Simulation sim(c);
        Rng rng(seed);
        for (int round = 0; round < 30; ++round) {
            sim.runFor(raft::fromMs(rng.uniform(10, 200)));
            const auto id = static_cast<NodeId>(rng.uniform(1, 5));
            switch (rng.uniform(0, 4)) {
            case 0: (void)sim.crash(id); break;
            case 1: (void)sim.restart(id); break;
            case 2: (void)sim.partition({{id, static_cast<NodeId>(id % 5 + 1)}}); break;
            case 3: (void)sim.heal(); break;
            default:
                if (const auto leader = sim.leader())
                    (void)sim.request(*leader, "set k " + std::to_string(round));
            }
        }
        for (NodeId id = 1; id <= 5; ++id)
            (void)sim.restart(id);
        (void)sim.heal();
        sim.runFor(raft::fromMs(3'000)); // a leader deposed in a partition hears the new term
        ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(10'000))) << "seed " << seed;
        const NodeId leader = *sim.leader();
        const ActionResult asked = sim.request(leader, "set done 1");
        ASSERT_TRUE(asked) << "seed " << seed;
        const Index index = asked.proposal.index;
        EXPECT_TRUE(sim.runUntil([&] { return sim.leader() && sim.commitIndex(*sim.leader()) >= index; }, raft::fromMs(10'000)))
            << "seed " << seed;
        EXPECT_TRUE(sim.violations().empty()) << "seed " << seed << ": " << sim.violations().front().what;
    }
}
