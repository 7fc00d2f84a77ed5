// CheckQuorum (Ongaro's dissertation §6.2) and leader stickiness (§4.2.3): a leader
// that a majority no longer answers steps down; a server that hears from its leader
// ignores RequestVote. Unit tests drive one Node; scenario tests a whole Simulation
// with the invariants checked after every event.
#include "nodeharness.h"

#include "raft/scenario.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace raft {
namespace {

using namespace raft::testing;

NodeConfig checkQuorumConfig(NodeId id, int size, bool on = true)
{
    NodeConfig c = config(id, size);
    c.checkQuorum = on;
    return c;
}

/// heartbeatsUntil fires the leader's heartbeat timer until `until`; `answer` says
/// which peers answer each round.
void heartbeatsUntil(NodeHarness &h, Time until, std::initializer_list<NodeId> answer)
{
    while (h.node().role() == Role::Leader && h.node().heartbeatDeadline() <= until) {
        h.fireHeartbeat();
        for (NodeId peer : answer)
            h.step(appendAccepted(peer, h.node().id(), h.node().term(), h.node().log().lastIndex()));
    }
}

// Reference: §6.2 — "the leader steps down if an election timeout elapses without a
// successful round of heartbeats to a majority of its cluster".
TEST(CheckQuorum, LeaderWithoutAMajorityStepsDown)
{
    NodeHarness h(checkQuorumConfig(1, 5));
    const Term term = h.becomeLeader();
    const Time elected = h.now();
    heartbeatsUntil(h, elected + raft::fromMs(1000), {2}); // 2 of 5 is no majority
    EXPECT_EQ(h.node().role(), Role::Follower);
    EXPECT_EQ(h.node().term(), term) << "stepping down raises no term";
    EXPECT_EQ(h.node().leaderHint(), kNoNode);
    const std::vector<TraceEvent> down = h.allEvents(EventKind::BecameFollower);
    ASSERT_EQ(down.size(), 1u);
    EXPECT_EQ(down[0].reason, Reason::QuorumLost);
    EXPECT_STREQ(sectionOf(down[0]), "§6.2");
    // Not before a whole (maximum) election timeout without a majority.
    EXPECT_GE(down[0].t, elected + h.node().config().electionTimeoutMax);
}

// Reference: §6.2 — a leader that a majority answers keeps leading.
TEST(CheckQuorum, LeaderWithAMajorityStays)
{
    NodeHarness h(checkQuorumConfig(1, 5));
    h.becomeLeader();
    heartbeatsUntil(h, h.now() + raft::fromMs(2000), {2, 3});
    EXPECT_EQ(h.node().role(), Role::Leader);
}

// Without the option a leader alone keeps believing it leads (Figure 2 as written).
TEST(CheckQuorum, OffByDefaultALeaderAloneStays)
{
    NodeHarness h(checkQuorumConfig(1, 5, false));
    h.becomeLeader();
    heartbeatsUntil(h, h.now() + raft::fromMs(2000), {});
    EXPECT_EQ(h.node().role(), Role::Leader);
}

// Reference: §4.2.3 — "if a server receives a RequestVote request within the minimum
// election timeout of hearing from a current leader, it does not update its term or
// grant its vote".
TEST(CheckQuorum, FollowerThatHearsItsLeaderIgnoresRequestVote)
{
    NodeHarness h(checkQuorumConfig(2, 3), stored(4));
    h.step(appendEntries(1, 2, 4, 0, 0, {}, 0), 100);
    const Time min = h.node().config().electionTimeoutMin;
    h.step(requestVote(3, 2, 5, 0, 0), 100 + min - 1);
    EXPECT_TRUE(h.sent().empty()) << "ignored: no answer at all";
    EXPECT_EQ(h.node().term(), 4u);
    EXPECT_EQ(h.node().votedFor(), kNoNode);
    const std::vector<TraceEvent> ignored = h.events(EventKind::StaleIgnored);
    ASSERT_EQ(ignored.size(), 1u);
    EXPECT_EQ(ignored[0].reason, Reason::LeaderAlive);
    // A whole minimum timeout later the leader may be gone: the request is heard.
    h.step(requestVote(3, 2, 5, 0, 0), 100 + min);
    EXPECT_EQ(h.node().term(), 5u);
    EXPECT_TRUE(h.onlyReply().voteGranted);
}

// Without the option the same RequestVote raises the term at once (§5.1).
TEST(CheckQuorum, OffByDefaultRequestVoteIsHeard)
{
    NodeHarness h(checkQuorumConfig(2, 3, false), stored(4));
    h.step(appendEntries(1, 2, 4, 0, 0, {}, 0), 100);
    h.step(requestVote(3, 2, 5, 0, 0), 101);
    EXPECT_EQ(h.node().term(), 5u);
    EXPECT_TRUE(h.onlyReply().voteGranted);
}

ClusterConfig quorumCluster(std::uint64_t seed)
{
    ClusterConfig c;
    c.nodes = 5;
    c.seed = seed;
    c.checkQuorum = true;
    return c;
}

// Reference: §6.2 — a leader cut off in a minority steps down by itself, while the
// majority elects a new leader; after the heal everyone follows the new one.
TEST(CheckQuorumScenario, MinorityLeaderStepsDown)
{
    Simulation sim(quorumCluster(3));
    ASSERT_TRUE(sim.timeout(1));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader() == 1; }, raft::fromMs(1000)));
    sim.runFor(raft::fromMs(200));
    ASSERT_TRUE(sim.partition({{1, 2}, {3, 4, 5}}));
    sim.runFor(raft::fromMs(1000));
    // It stepped down in its own term (and then, without PreVote, campaigns in vain).
    const auto &events = sim.trace().events();
    EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const TraceEvent &e) {
        return e.kind == EventKind::BecameFollower && e.reason == Reason::QuorumLost && e.node == 1 && e.term == 1;
    }));
    EXPECT_NE(sim.role(1), Role::Leader);
    ASSERT_TRUE(sim.leader().has_value());
    EXPECT_TRUE(*sim.leader() >= 3);
    ASSERT_TRUE(sim.heal());
    sim.runFor(raft::fromMs(1000));
    EXPECT_TRUE(sim.violations().empty());
}

// Reference: §4.2.3 — with CheckQuorum, the RequestVote of a server that timed out
// by itself (forced here) is ignored by every server that hears from the leader: none
// adopts its term or votes for it.
TEST(CheckQuorumScenario, StickyFollowersIgnoreALoneCandidate)
{
    Simulation sim(quorumCluster(5));
    ASSERT_TRUE(sim.timeout(1));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader() == 1; }, raft::fromMs(1000)));
    sim.runFor(raft::fromMs(200));
    const Term term = sim.term(1);
    const std::size_t from = sim.trace().size();
    ASSERT_TRUE(sim.timeout(4));
    sim.runFor(raft::fromMs(25)); // every RequestVote has arrived (latency at most 20 ms)
    for (NodeId id : {2, 3, 5})
        EXPECT_EQ(sim.term(id), term) << nodeName(id);
    int ignored = 0;
    const auto &events = sim.trace().events();
    for (std::size_t i = from; i < events.size(); ++i) {
        EXPECT_NE(events[i].kind, EventKind::VoteGranted);
        ignored += events[i].kind == EventKind::StaleIgnored && events[i].reason == Reason::LeaderAlive ? 1 : 0;
    }
    EXPECT_EQ(ignored, 4) << "S1, S2, S3 and S5 each ignored S4's RequestVote";
    EXPECT_TRUE(sim.violations().empty());
}

TEST(CheckQuorumOption, ScenarioCarriesIt)
{
    EXPECT_FALSE(Scenario::parse("run 1s\n", "a.txt").config().checkQuorum);
    const Scenario on = Scenario::parse("option checkquorum on\nrun 1s\n", "a.txt");
    EXPECT_TRUE(on.errors().empty());
    EXPECT_TRUE(on.config().checkQuorum);
}

} // namespace
} // namespace raft
