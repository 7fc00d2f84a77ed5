// Membership changes (paper §6, dissertation §4): the configuration type and its
// quorums, adding and removing servers one at a time, joint consensus, and the rules
// that keep changes safe, each shown to matter by switching it off.
#include "raft/configuration.h"
#include "raft/scenario.h"
#include "raft/scenarioplayer.h"
#include "raft/simulation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace raft {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::uint32_t mask(std::initializer_list<NodeId> ids)
{
    std::uint32_t m = 0;
    for (NodeId id : ids)
        m |= 1u << id;
    return m;
}

ClusterConfig cluster(int nodes, int servers, std::uint64_t seed = 7)
{
    ClusterConfig c;
    c.nodes = nodes;
    c.servers = servers;
    c.seed = seed;
    return c;
}

/// settled runs until there is a leader that has committed an entry of its term.
NodeId settled(Simulation &sim)
{
    const bool ok = sim.runUntil(
        [&] {
            const auto l = sim.leader();
            return l && sim.log(*l).termAt(sim.commitIndex(*l)) == sim.term(*l);
        },
        raft::fromMs(5'000));
    EXPECT_TRUE(ok);
    return sim.leader().value_or(kNoNode);
}

std::vector<NodeId> votersOf(const Simulation &sim, NodeId id)
{
    return sim.node(id)->configuration().voters;
}

bool changeDone(const Simulation &sim)
{
    const auto l = sim.leader();
    return l && !sim.node(*l)->isChangePending();
}

std::vector<std::string> violations(const Simulation &sim)
{
    std::vector<std::string> out;
    for (const Violation &v : sim.violations())
        out.push_back(v.what);
    return out;
}

// --- the configuration and its quorums ------------------------------------------

// Reference: §6 — "Agreement (for elections and entry commitment) requires separate
// majorities from both the old and new configurations."
TEST(Configuration, JointNeedsMajoritiesOfBoth)
{
    Configuration joint;
    joint.voters = {1, 2, 4, 5};
    joint.old = {1, 2, 3};
    EXPECT_TRUE(joint.isJoint());
    EXPECT_FALSE(joint.hasQuorum(mask({4, 5, 1}))); // 3 of 4 new, 1 of 3 old
    EXPECT_FALSE(joint.hasQuorum(mask({1, 2}))); // 2 of 3 old, 2 of 4 new
    EXPECT_TRUE(joint.hasQuorum(mask({1, 2, 4}))); // 2 of 3 old, 3 of 4 new
    const Index match[] = {0, 9, 3, 9, 5, 4};
    // New voters 9,3,5,4 -> 3rd largest is 4; old 9,3,9 -> 2nd largest is 9.
    EXPECT_EQ(joint.committedIndex([&](NodeId id) { return match[id]; }), 4u);
}

TEST(Configuration, EncodesAsALogCommand)
{
    Configuration joint;
    joint.voters = {1, 2, 4};
    joint.old = {1, 2, 3};
    EXPECT_EQ(joint.encode(), "config S1 S2 S4 old S1 S2 S3");
    EXPECT_EQ(Configuration::decode(joint.encode()), joint);
    EXPECT_EQ(joint.label(), "C_old,new");
    EXPECT_EQ(Configuration::first(4).label(), "C4");
    EXPECT_FALSE(Configuration::decode("config S2 S1"));
    EXPECT_FALSE(Configuration::decode("config S10"));
    EXPECT_FALSE(Configuration::decode("set config 1"));
}

// Reference: §4.1 — a single-server change keeps every majority of C_old and of C_new
// overlapping; a jump from three servers to five does not (Figure 10).
TEST(Configuration, OneServerApartAlwaysOverlaps)
{
    for (int n = 1; n < kMaxNodes; ++n)
        EXPECT_TRUE(Configuration::first(n).overlapsInMajority(Configuration::first(n + 1))) << n;
    EXPECT_FALSE(Configuration::first(3).overlapsInMajority(Configuration::first(5)));
    Configuration joint;
    joint.voters = {1, 2, 3, 4, 5};
    joint.old = {1, 2, 3};
    EXPECT_TRUE(Configuration::first(3).overlapsInMajority(joint));
    EXPECT_TRUE(joint.overlapsInMajority(Configuration::first(5)));
}

// --- adding and removing servers ----------------------------------------------------

// Reference: dissertation §4.2.1 — a new server catches up as a non-voting learner,
// then the leader appends the configuration that makes it a voter.
TEST(Membership, AddedServerCatchesUpAsALearnerFirst)
{
    Simulation sim(cluster(3, 4));
    const NodeId leader = settled(sim);
    for (int i = 0; i < 30; ++i)
        (void)sim.request(leader, "set k" + std::to_string(i) + " v");
    sim.runFor(raft::fromMs(200));
    EXPECT_EQ(sim.node(4)->nextDeadline(), Node::kNever); // a spare never campaigns
    ASSERT_TRUE(sim.addServer(4));
    // At once S4 is a learner of the leader: not a voter, and no entry appended yet.
    EXPECT_EQ(sim.node(leader)->configuration().learners, std::vector<NodeId>{4});
    EXPECT_EQ(votersOf(sim, leader), (std::vector<NodeId>{1, 2, 3}));
    EXPECT_EQ(sim.node(leader)->catchUpRound(), 1);
    ASSERT_TRUE(sim.runUntil([&] { return votersOf(sim, leader).size() == 4; }, raft::fromMs(3'000)));
    // The configuration entry went in only once S4 held the log.
    EXPECT_GE(sim.log(4).lastIndex(), 30u);
    ASSERT_TRUE(sim.runUntil([&] { return changeDone(sim); }, raft::fromMs(3'000)));
    sim.runFor(raft::fromMs(500));
    for (NodeId id = 1; id <= 4; ++id)
        EXPECT_EQ(votersOf(sim, id), (std::vector<NodeId>{1, 2, 3, 4})) << id;
    EXPECT_THAT(violations(sim), IsEmpty());
}

// Reference: dissertation §4.2.2 — a removed server learns of its removal and stops.
TEST(Membership, RemovedFollowerStops)
{
    Simulation sim(cluster(3, 3));
    const NodeId leader = settled(sim);
    const NodeId gone = leader == 3 ? 2 : 3;
    ASSERT_TRUE(sim.removeServer(gone));
    ASSERT_TRUE(sim.runUntil([&] { return sim.isRemoved(gone); }, raft::fromMs(2'000)));
    EXPECT_EQ(sim.node(gone)->nextDeadline(), Node::kNever);
    sim.runFor(raft::fromMs(2'000));
    EXPECT_EQ(sim.leader(), leader); // the two that remain keep their leader
    EXPECT_EQ(sim.node(leader)->configuration().voters.size(), 2u);
    EXPECT_THAT(violations(sim), IsEmpty());
}

// Reference: dissertation §4.2.2 — a leader removing itself manages the cluster until
// C_new is committed (not counting itself), then steps down.
TEST(Membership, RemovedLeaderStepsDownOnceCNewCommits)
{
    Simulation sim(cluster(3, 3));
    const NodeId old = settled(sim);
    ASSERT_TRUE(sim.removeServer(old));
    EXPECT_EQ(sim.role(old), Role::Leader); // it still leads while C_new is pending
    ASSERT_TRUE(sim.runUntil([&] { return sim.isRemoved(old); }, raft::fromMs(2'000)));
    EXPECT_NE(sim.role(old), Role::Leader);
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(3'000)));
    EXPECT_NE(*sim.leader(), old);
    const NodeId next = *sim.leader();
    EXPECT_FALSE(sim.node(next)->configuration().isVoter(old));
    ASSERT_TRUE(sim.request(next, "set after 1"));
    ASSERT_TRUE(sim.runUntil([&] { return sim.server(next).kv.value("after") != nullptr; }, raft::fromMs(2'000)));
    EXPECT_THAT(violations(sim), IsEmpty());
}

// Reference: §6 — joint consensus: C_old,new first (majorities of both), then C_new.
TEST(Membership, ReconfigureGoesThroughJointConsensus)
{
    Simulation sim(cluster(3, 5));
    const NodeId leader = settled(sim);
    const std::vector<NodeId> target = {1, 4, 5};
    ASSERT_TRUE(sim.reconfigure(target));
    bool sawJoint = false;
    ASSERT_TRUE(sim.runUntil(
        [&] {
            const auto l = sim.leader();
            if (!l)
                return false;
            sawJoint = sawJoint || sim.node(*l)->configuration().isJoint();
            return sim.node(*l)->configuration().voters == target && !sim.node(*l)->isChangePending();
        },
        raft::fromMs(5'000)));
    EXPECT_TRUE(sawJoint);
    sim.runFor(raft::fromMs(1'000));
    ASSERT_TRUE(sim.leader());
    EXPECT_TRUE(std::count(target.begin(), target.end(), *sim.leader()) == 1);
    (void)leader;
    for (NodeId id : {2, 3})
        EXPECT_TRUE(sim.isRemoved(id)) << id;
    EXPECT_THAT(violations(sim), IsEmpty());
}

TEST(Membership, ActionsAreRefusedWithTheirReason)
{
    Simulation sim(cluster(3, 5));
    EXPECT_EQ(sim.addServer(4).refusal()->reason, RefusalReason::NoLeaderToChange);
    const NodeId leader = settled(sim);
    EXPECT_EQ(sim.addServer(leader).refusal()->reason, RefusalReason::AlreadyMember);
    EXPECT_EQ(sim.removeServer(5).refusal()->reason, RefusalReason::NotMember);
    EXPECT_EQ(sim.reconfigure({1, 2, 3}).refusal()->reason, RefusalReason::SameConfiguration);
    EXPECT_EQ(sim.request(leader, "config S1").refusal()->reason, RefusalReason::ReservedCommand);
    EXPECT_EQ(sim.addServer(10).refusal()->reason, RefusalReason::NoSuchServer);
}

// --- the safety rules, each shown to matter --------------------------------------------

// Reference: §4.1 — "a server always uses the latest configuration in its log,
// regardless of whether the entry is committed", and falls back when it is truncated.
TEST(MembershipRules, NewestConfigurationInTheLogIsInForceUncommitted)
{
    Simulation sim(cluster(3, 4));
    const NodeId leader = settled(sim);
    const NodeId follower = leader == 1 ? 2 : 1;
    const NodeId other = 6 - leader - follower;
    // The leader and one follower are cut off from the third; the follower gets
    // C_new but the leader's reply path is cut, so nothing commits.
    ASSERT_TRUE(sim.isolate(other));
    ASSERT_TRUE(sim.cut(follower, leader, false));
    ASSERT_TRUE(sim.addServer(4));
    ASSERT_TRUE(sim.runUntil([&] { return votersOf(sim, follower).size() == 4; }, raft::fromMs(3'000)));
    EXPECT_LT(sim.commitIndex(follower), sim.node(follower)->configurationIndex());
    // A new leader of C_old without that entry overwrites it: the follower falls back.
    ASSERT_TRUE(sim.crash(leader));
    ASSERT_TRUE(sim.heal());
    ASSERT_TRUE(sim.timeout(other));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(3'000)));
    if (*sim.leader() == other) {
        (void)sim.request(other, "set x 1");
        ASSERT_TRUE(sim.runUntil([&] { return votersOf(sim, follower).size() == 3; }, raft::fromMs(3'000)));
    }
    EXPECT_THAT(violations(sim), IsEmpty());
}

// Reference: §4.1 — one change at a time: a second change waits for the first to commit.
TEST(MembershipRules, OneChangeAtATime)
{
    Simulation sim(cluster(3, 5));
    settled(sim);
    ASSERT_TRUE(sim.addServer(4));
    EXPECT_EQ(sim.addServer(5).refusal()->reason, RefusalReason::ChangePending);
    ASSERT_TRUE(sim.runUntil([&] { return changeDone(sim); }, raft::fromMs(5'000)));
    EXPECT_TRUE(sim.addServer(5));
}

// Reference: §4.1, Figure 10 — without the rule a change of two servers at once gives
// configurations whose majorities need not meet; the checker says so.
TEST(MembershipRules, TwoAtOnceBreaksTheOverlap)
{
    ClusterConfig c = cluster(3, 5);
    c.bugs.twoAtOnce = true;
    Simulation sim(c);
    settled(sim);
    ASSERT_TRUE(sim.reconfigure({1, 2, 3, 4, 5}));
    sim.runFor(raft::fromMs(2'000));
    EXPECT_THAT(violations(sim), testing::Contains(HasSubstr("Configurations overlap")));
}

// Reference: the 2015 correction to dissertation §4.1 — a leader starts no change
// before it has committed an entry of its own term.
TEST(MembershipRules, LeaderCommitsInItsTermFirst)
{
    ClusterConfig c = cluster(3, 4);
    c.noop = false; // no no-op: the leader's term has no entry until a client writes
    Simulation sim(c);
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5'000)));
    const NodeId leader = *sim.leader();
    EXPECT_EQ(sim.addServer(4).refusal()->reason, RefusalReason::NoCommitInTerm);
    ASSERT_TRUE(sim.request(leader, "set x 1"));
    ASSERT_TRUE(sim.runUntil([&] { return sim.commitIndex(leader) >= 1; }, raft::fromMs(2'000)));
    EXPECT_TRUE(sim.addServer(4));
    c.bugs.changeBeforeCommit = true;
    Simulation unsafe(c);
    ASSERT_TRUE(unsafe.runUntil([&] { return unsafe.leader().has_value(); }, raft::fromMs(5'000)));
    EXPECT_TRUE(unsafe.addServer(4));
}

// Reference: §6 — "servers disregard RequestVote RPCs when they believe a current
// leader exists": a removed server that never learned of its removal campaigns with
// ever higher terms, and must not depose the leader.
TEST(MembershipRules, RemovedServerCannotDisrupt)
{
    for (const bool rule : {true, false}) {
        ClusterConfig c = cluster(3, 3);
        c.bugs.votesDisrupt = !rule;
        Simulation sim(c);
        const NodeId leader = settled(sim);
        const NodeId gone = leader == 3 ? 2 : 3;
        ASSERT_TRUE(sim.isolate(gone));
        ASSERT_TRUE(sim.removeServer(gone));
        ASSERT_TRUE(sim.runUntil([&] { return changeDone(sim); }, raft::fromMs(2'000)));
        sim.runFor(raft::fromMs(1'000)); // the removed server times out again and again
        EXPECT_FALSE(sim.isRemoved(gone));
        const Term term = sim.term(leader);
        ASSERT_TRUE(sim.reconnect(gone));
        sim.runFor(raft::fromMs(2'000));
        if (rule) {
            EXPECT_EQ(sim.leader(), leader);
            EXPECT_EQ(sim.term(leader), term) << "the removed server deposed the leader";
        } else {
            EXPECT_GT(sim.term(leader), term) << "without the rule the removed server disrupts";
        }
        EXPECT_THAT(violations(sim), IsEmpty());
    }
}

// --- the scenario language ----------------------------------------------------------------

TEST(MembershipScenario, AddRemoveReconfigureAndExpectConfig)
{
    const Scenario scenario = Scenario::parse(R"(nodes 3
run until leader
run 300ms
add S4
run 2s
expect config S1 S1 S2 S3 S4
expect config S4 S1 S2 S3 S4
remove S2
run 2s
expect config leader S1 S3 S4
expect status S2 removed
expect violations none
)",
                                              "grow.txt");
    ASSERT_THAT(scenario.errors(), IsEmpty());
    EXPECT_EQ(scenario.config().machines(), 4);
    ScenarioRunner runner(scenario);
    runner.run();
    EXPECT_TRUE(runner.failures().empty()) << runner.failures().front().text << ": " << runner.failures().front().why;
}

TEST(MembershipScenario, ErrorsNameTheLine)
{
    const Scenario scenario = Scenario::parse("nodes 3\nbug nonsense\nreconfigure S1 S1\nadd S12\n", "x.txt");
    EXPECT_THAT(scenario.errors(),
                ElementsAre(HasSubstr("x.txt:2: unknown bug"), HasSubstr("x.txt:3: reconfigure lists a server twice"),
                            HasSubstr("x.txt:4:")));
}

} // namespace
} // namespace raft
