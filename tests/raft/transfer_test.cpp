// Leadership transfer (Ongaro's dissertation §3.10): the leader stops taking requests,
// brings the target's log up to date and sends it TimeoutNow; the target campaigns at
// once. Unit tests drive one Node; scenario tests a whole Simulation with the
// invariants checked after every event.
#include "nodeharness.h"

#include "raft/runfile.h"
#include "raft/scenario.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace raft {
namespace {

using namespace raft::testing;

Message timeoutNowFrom(NodeId from, NodeId to, Term term)
{
    Message m;
    m.type = MessageType::TimeoutNow;
    m.from = from;
    m.to = to;
    m.term = term;
    return m;
}

// Reference: §3.10 — "the prior leader sends a TimeoutNow request to the target
// server" once the target's log matches its own; meanwhile it takes no requests.
TEST(Transfer, UpToDateTargetGetsTimeoutNowAtOnce)
{
    NodeHarness h(config(1, 3));
    const Term term = h.becomeLeader();
    h.step(appendAccepted(2, 1, term, h.node().log().lastIndex()));
    ASSERT_TRUE(h.node().transferLeadership(2, h.now()));
    EXPECT_EQ(h.node().transferTarget(), 2);
    // transferLeadership is not through the harness: take its Ready by a no-op tick.
    h.tick(h.now());
    EXPECT_EQ(h.sentTo(2, MessageType::TimeoutNow).size(), 1u);
    EXPECT_EQ(h.events(EventKind::TransferStarted).size(), 1u);
    const ProposeResult r = h.propose("set x 1");
    EXPECT_FALSE(r.accepted);
    EXPECT_TRUE(r.transferring);
    EXPECT_EQ(r.leaderHint, 2);
}

// Reference: §3.10 — "the prior leader ... [brings] the target server's log up to date";
// TimeoutNow leaves only when the target matches the leader's last entry.
TEST(Transfer, LaggingTargetIsBroughtUpToDateFirst)
{
    NodeHarness h(config(1, 3));
    const Term term = h.becomeLeader();
    ASSERT_TRUE(h.propose("set a 1").accepted);
    ASSERT_TRUE(h.propose("set b 2").accepted);
    const Index last = h.node().log().lastIndex();
    ASSERT_TRUE(h.node().transferLeadership(3, h.now()));
    h.tick(h.now());
    EXPECT_TRUE(h.sentTo(3, MessageType::TimeoutNow).empty());
    // (Flow control: the entries go with the probe already on its way to S3, or in a
    // new AppendEntries; either way S3's answers drive the transfer.)
    h.step(appendAccepted(3, 1, term, last - 1));
    EXPECT_TRUE(h.sentTo(3, MessageType::TimeoutNow).empty()) << "not yet up to date";
    h.step(appendAccepted(3, 1, term, last));
    EXPECT_EQ(h.sentTo(3, MessageType::TimeoutNow).size(), 1u);
}

// Reference: §3.10 — on TimeoutNow the target "starts a new election" at once; it skips
// the pre-vote round (§9.6), which the leader's stickiness would make fail.
TEST(Transfer, TimeoutNowStartsAnElectionAtOnceEvenWithPreVote)
{
    NodeConfig c = config(2, 3);
    c.preVote = true;
    c.checkQuorum = true;
    NodeHarness h(c, stored(4));
    h.step(appendEntries(1, 2, 4, 0, 0, {}, 0), 10);
    h.step(timeoutNowFrom(1, 2, 4), 20);
    EXPECT_EQ(h.node().role(), Role::Candidate);
    EXPECT_EQ(h.node().term(), 5u);
    const std::vector<Message> asks = h.sent(MessageType::RequestVote);
    ASSERT_EQ(asks.size(), 2u);
    EXPECT_TRUE(std::all_of(asks.begin(), asks.end(), [](const Message &m) { return m.transfer; }));
    const std::vector<TraceEvent> started = h.events(EventKind::ElectionTimeout);
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].reason, Reason::Transfer);
    EXPECT_EQ(started[0].peer, 1);
    EXPECT_STREQ(sectionOf(started[0]), "§5.2");
}

// Reference: §3.10, §4.2.3 — a transfer's RequestVote is heard even by a server that
// hears from its leader ("unless ... the leader ... is transferring leadership").
TEST(Transfer, TransferVoteBypassesLeaderStickiness)
{
    NodeConfig c = config(3, 3);
    c.checkQuorum = true;
    NodeHarness h(c, stored(4));
    h.step(appendEntries(1, 3, 4, 0, 0, {}, 0), 10);
    Message vote = requestVote(2, 3, 5, 0, 0);
    vote.transfer = true;
    h.step(vote, 12);
    EXPECT_EQ(h.node().term(), 5u);
    EXPECT_TRUE(h.onlyReply().voteGranted);
}

// Reference: §3.10 — "if the transfer does not complete within an election timeout, the
// prior leader aborts the transfer and resumes accepting client requests".
TEST(Transfer, LeaderResumesAfterAnElectionTimeout)
{
    NodeHarness h(config(1, 3));
    h.becomeLeader();
    const Time start = h.now();
    ASSERT_TRUE(h.node().transferLeadership(2, start));
    const Time deadline = start + h.node().config().electionTimeoutMax;
    while (h.node().heartbeatDeadline() < deadline)
        h.fireHeartbeat();
    EXPECT_EQ(h.node().transferTarget(), 2) << "still handing over before an election timeout";
    h.fireHeartbeat();
    EXPECT_EQ(h.node().transferTarget(), kNoNode);
    const std::vector<TraceEvent> aborted = h.allEvents(EventKind::TransferAborted);
    ASSERT_EQ(aborted.size(), 1u);
    EXPECT_GE(aborted[0].t, deadline);
    EXPECT_EQ(h.node().role(), Role::Leader);
    EXPECT_TRUE(h.propose("set x 1").accepted);
}

// Reference: §3.10 — only a leader hands over, and only to another server.
TEST(Transfer, OnlyALeaderHandsOverToAnotherServer)
{
    NodeHarness h(config(1, 3));
    EXPECT_FALSE(h.node().transferLeadership(2, 0)) << "a follower has nothing to hand over";
    h.becomeLeader();
    EXPECT_FALSE(h.node().transferLeadership(1, h.now()));
    EXPECT_FALSE(h.node().transferLeadership(4, h.now()));
    EXPECT_EQ(h.node().transferTarget(), kNoNode);
}

ClusterConfig transferCluster(bool extras)
{
    ClusterConfig c;
    c.nodes = 5;
    c.seed = 21;
    c.preVote = extras;
    c.checkQuorum = extras;
    return c;
}

/// electS1 makes S1 the leader and lets one request commit.
void electS1(Simulation &sim)
{
    ASSERT_TRUE(sim.timeout(1));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader() == 1; }, raft::fromMs(1000)));
    ASSERT_TRUE(sim.request(1, "set a 1").proposal.accepted);
    sim.runFor(raft::fromMs(200));
}

// Reference: §3.10 — the target normally wins the election TimeoutNow starts, one term
// later, with or without PreVote and CheckQuorum.
TEST(TransferScenario, TargetTakesOver)
{
    for (bool extras : {false, true}) {
        Simulation sim(transferCluster(extras));
        electS1(sim);
        const Term term = sim.term(1);
        ASSERT_TRUE(sim.transfer(3));
        EXPECT_TRUE(sim.runUntil([&] { return sim.leader() == 3; }, raft::fromMs(500))) << "extras " << extras;
        EXPECT_EQ(sim.term(3), term + 1);
        sim.runFor(raft::fromMs(300));
        EXPECT_EQ(sim.leader(), std::optional<NodeId>(3));
        EXPECT_EQ(sim.role(1), Role::Follower);
        EXPECT_TRUE(sim.violations().empty());
    }
}

// Reference: §3.10 — a target that cannot be reached: the leader gives up after an
// election timeout and leads on.
TEST(TransferScenario, UnreachableTargetLeaderLeadsOn)
{
    Simulation sim(transferCluster(false));
    electS1(sim);
    ASSERT_TRUE(sim.isolate(3));
    ASSERT_TRUE(sim.transfer(3));
    EXPECT_FALSE(sim.request(1, "set b 2").proposal.accepted);
    sim.runFor(sim.config().electionTimeoutMax + sim.config().heartbeatInterval);
    EXPECT_EQ(sim.leader(), std::optional<NodeId>(1));
    EXPECT_TRUE(sim.request(1, "set b 2").proposal.accepted);
    EXPECT_TRUE(sim.violations().empty());
}

// A transfer is refused, with a reason, when the target cannot take over.
TEST(TransferScenario, RefusedWithAReason)
{
    Simulation sim(transferCluster(false));
    const auto why = [&](NodeId id) { return sim.check(act::Transfer{id}).describe(); };
    EXPECT_EQ(why(2), "there is no leader to hand leadership over to S2");
    electS1(sim);
    EXPECT_EQ(why(1), "S1 is the leader already");
    EXPECT_EQ(why(7), "S7 is not a server of this cluster");
    ASSERT_TRUE(sim.crash(4));
    EXPECT_EQ(why(4), "S4 is crashed; only a server that is up can take over leadership");
    ASSERT_TRUE(sim.pause(5));
    EXPECT_EQ(why(5), "S5 is paused; only a server that is up can take over leadership");
    EXPECT_FALSE(sim.transfer(4));
    EXPECT_EQ(why(2), "done");
}

// The scenario line, its refusal, and the run file.
TEST(TransferScenario, ScriptLineAndRunFile)
{
    const Scenario scenario = Scenario::parse(
        "timeout S1\nrun until leader\ntransfer S2\nrun 500ms\nexpect leader S2\ntransfer S2\n", "t.txt");
    ASSERT_TRUE(scenario.errors().empty()) << scenario.errors().front();
    Simulation sim(scenario.config());
    std::vector<std::string> failed;
    for (const ScenarioCommand &command : scenario.commands()) {
        const CommandOutcome outcome = executeCommand(sim, command);
        if (!outcome.ok)
            failed.push_back(outcome.why);
    }
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0], "S2 is the leader already");
    EXPECT_EQ(sim.inputs().back().kind(), InputKind::Transfer);
    EXPECT_EQ(formatInput(Input{.action = act::Transfer{3}}), "transfer S3");
}

} // namespace
} // namespace raft
