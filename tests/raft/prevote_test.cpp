// PreVote (Ongaro's dissertation §9.6): before a real election a server asks whether a
// majority would vote for it, and changes no term while asking. Unit tests drive one
// Node through NodeHarness; scenario tests a whole Simulation with the invariants on.
#include "nodeharness.h"

#include "raft/runfile.h"
#include "raft/scenario.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

namespace raft {
namespace {

using namespace raft::testing;

NodeConfig preVoteConfig(NodeId id, int size)
{
    NodeConfig c = config(id, size);
    c.preVote = true;
    return c;
}

// Reference: §9.6 — "a candidate would first ask other servers whether its log was
// up-to-date enough to get their vote"; asking raises no term and casts no vote.
TEST(PreVote, TimeoutAsksWithoutRaisingTheTerm)
{
    NodeHarness h(preVoteConfig(1, 3), stored(4, 2, makeLog({1, 4})));
    h.fireElectionTimer();
    EXPECT_EQ(h.node().role(), Role::Follower);
    EXPECT_TRUE(h.node().isPreCandidate());
    EXPECT_EQ(h.node().term(), 4u);
    EXPECT_EQ(h.node().votedFor(), 2);
    EXPECT_FALSE(h.last().hardStateChanged);
    const std::vector<Message> asks = h.sent(MessageType::PreVote);
    ASSERT_EQ(asks.size(), 2u);
    for (const Message &m : asks) {
        EXPECT_EQ(m.term, 5u); // the term it would campaign in
        EXPECT_EQ(m.lastLogIndex, 2u);
        EXPECT_EQ(m.lastLogTerm, 4u);
    }
    EXPECT_TRUE(h.sent(MessageType::RequestVote).empty());
    EXPECT_EQ(h.events(EventKind::PreVoteStarted).size(), 1u);
}

// Reference: §9.6 — "Only if the candidate believed it could get votes from a majority
// of the cluster would it increment its term and start a normal election."
TEST(PreVote, MajorityOfPreVotesStartsTheRealElection)
{
    NodeHarness h(preVoteConfig(1, 5), stored(4));
    h.fireElectionTimer();
    h.step(preVoteReply(2, 1, 5, true));
    EXPECT_TRUE(h.node().isPreCandidate()) << "2 of 5 is no majority";
    EXPECT_EQ(h.node().term(), 4u);
    h.step(preVoteReply(3, 1, 4, false));
    EXPECT_EQ(h.node().term(), 4u);
    h.step(preVoteReply(4, 1, 5, true));
    EXPECT_EQ(h.node().role(), Role::Candidate);
    EXPECT_FALSE(h.node().isPreCandidate());
    EXPECT_EQ(h.node().term(), 5u);
    EXPECT_EQ(h.node().votedFor(), 1);
    EXPECT_EQ(h.sent(MessageType::RequestVote).size(), 4u);
    const std::vector<TraceEvent> started = h.events(EventKind::ElectionTimeout);
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].reason, Reason::PreVote);
}

// Reference: §9.6 — a grant from an earlier round (an older term) is not counted.
TEST(PreVote, AnswerOfAnEarlierRoundIsIgnored)
{
    NodeHarness h(preVoteConfig(1, 3), stored(4));
    h.fireElectionTimer();
    h.step(preVoteReply(2, 1, 4, true)); // a grant for term 4, asked before term 4 began
    EXPECT_TRUE(h.node().isPreCandidate());
    EXPECT_EQ(h.node().term(), 4u);
    EXPECT_EQ(h.events(EventKind::StaleIgnored).size(), 1u);
}

// Reference: §9.6 — a voter grants a pre-vote as it would grant the vote, but saves
// nothing: its term, its vote and its election timer stay as they are.
TEST(PreVote, VoterGrantsWithoutChangingItsState)
{
    NodeHarness h(preVoteConfig(2, 3), stored(4, kNoNode, makeLog({1, 4})));
    const Time deadline = h.node().electionDeadline();
    h.step(preVote(1, 2, 5, 2, 4), 20);
    const Message r = h.onlyReply();
    EXPECT_EQ(r.type, MessageType::PreVoteReply);
    EXPECT_TRUE(r.voteGranted);
    EXPECT_EQ(r.term, 5u);
    EXPECT_EQ(h.node().term(), 4u);
    EXPECT_EQ(h.node().votedFor(), kNoNode);
    EXPECT_FALSE(h.last().hardStateChanged);
    EXPECT_EQ(h.node().electionDeadline(), deadline);
    EXPECT_EQ(h.events(EventKind::PreVoteGranted).size(), 1u);
}

// Reference: §9.6, §5.4.1 — the log check of RequestVote applies to pre-votes too.
TEST(PreVote, VoterDeniesAnOlderLog)
{
    NodeHarness h(preVoteConfig(2, 3), stored(4, kNoNode, makeLog({1, 4})));
    h.step(preVote(1, 2, 5, 3, 1), 20);
    const Message r = h.onlyReply();
    EXPECT_FALSE(r.voteGranted);
    EXPECT_EQ(r.term, 4u);
    const std::vector<TraceEvent> denied = h.events(EventKind::PreVoteDenied);
    ASSERT_EQ(denied.size(), 1u);
    EXPECT_EQ(denied[0].reason, Reason::LogTermOlder);
    EXPECT_STREQ(sectionOf(denied[0]), "§5.4.1");
}

// Reference: §9.6 — voters grant only if they "have not received heartbeats from a
// valid leader for at least a baseline election timeout".
TEST(PreVote, VoterThatHearsFromALeaderDenies)
{
    NodeHarness h(preVoteConfig(2, 3), stored(4));
    h.step(appendEntries(3, 2, 4, 0, 0, {}, 0), 100);
    const Time min = h.node().config().electionTimeoutMin;
    h.step(preVote(1, 2, 5, 0, 0), 100 + min - 1);
    EXPECT_FALSE(h.onlyReply().voteGranted);
    const std::vector<TraceEvent> denied = h.events(EventKind::PreVoteDenied);
    ASSERT_EQ(denied.size(), 1u);
    EXPECT_EQ(denied[0].reason, Reason::LeaderAlive);
    EXPECT_STREQ(sectionOf(denied[0]), "§4.2.3, §9.6");
    // A whole minimum timeout without the leader: now it would vote.
    h.step(preVote(1, 2, 5, 0, 0), 100 + min);
    EXPECT_TRUE(h.onlyReply().voteGranted);
    EXPECT_EQ(h.node().term(), 4u);
}

// Reference: §9.6, §5.1 — a denial that carries a newer term is news: the asker adopts it.
TEST(PreVote, DenialWithANewerTermIsAdopted)
{
    NodeHarness h(preVoteConfig(1, 3), stored(4));
    h.fireElectionTimer();
    h.step(preVoteReply(2, 1, 9, false));
    EXPECT_EQ(h.node().term(), 9u);
    EXPECT_FALSE(h.node().isPreCandidate());
    EXPECT_EQ(h.node().role(), Role::Follower);
}

// Reference: §9.6 — a leader is its own recent leader: it never grants a pre-vote, and
// a pre-vote does not depose it (no higher term is adopted).
TEST(PreVote, LeaderDeniesAndKeepsLeading)
{
    NodeHarness h(preVoteConfig(1, 3));
    h.fireElectionTimer();
    h.step(preVoteReply(2, 1, 1, true));
    ASSERT_EQ(h.node().role(), Role::Candidate);
    h.step(voteReply(2, 1, 1, true));
    ASSERT_EQ(h.node().role(), Role::Leader);
    const Term term = h.node().term();
    h.step(preVote(3, 1, term + 1, 5, term));
    EXPECT_FALSE(h.onlyReply().voteGranted);
    EXPECT_EQ(h.node().role(), Role::Leader);
    EXPECT_EQ(h.node().term(), term);
}

// Reference: §9.6 — a single server needs nobody's word: it campaigns and wins at once.
TEST(PreVote, SingleServerElectsItself)
{
    NodeHarness h(preVoteConfig(1, 1));
    h.fireElectionTimer();
    EXPECT_EQ(h.node().role(), Role::Leader);
    EXPECT_EQ(h.node().term(), 1u);
}

ClusterConfig rejoinCluster(bool preVote)
{
    ClusterConfig c;
    c.nodes = 5;
    c.seed = 11;
    c.preVote = preVote;
    return c;
}

/// runRejoin elects S1, isolates S5 for two seconds, heals, and runs one more second.
/// Returns S1's term before the isolation.
Term runRejoin(Simulation &sim)
{
    EXPECT_TRUE(sim.timeout(1));
    EXPECT_TRUE(sim.runUntil([&] { return sim.leader() == 1; }, raft::fromMs(1000)));
    sim.runFor(raft::fromMs(200));
    const Term term = sim.term(1);
    EXPECT_TRUE(sim.isolate(5));
    sim.runFor(raft::fromMs(2000));
    EXPECT_TRUE(sim.heal());
    sim.runFor(raft::fromMs(1000));
    return term;
}

// Reference: §9.6 — "Preventing disruptions when a server rejoins the cluster": without
// PreVote the isolated server's raised term deposes the leader when it comes back.
TEST(PreVoteScenario, RejoiningServerDisruptsWithoutPreVote)
{
    Simulation sim(rejoinCluster(false));
    const Term before = runRejoin(sim);
    EXPECT_GT(sim.term(1), before + 1);
    EXPECT_TRUE(sim.violations().empty());
}

// Reference: §9.6 — with PreVote the isolated server never wins a pre-vote, keeps its
// term, and rejoins as a follower of the same leader in the same term.
TEST(PreVoteScenario, RejoiningServerDoesNotDisruptWithPreVote)
{
    Simulation sim(rejoinCluster(true));
    const Term before = runRejoin(sim);
    EXPECT_EQ(sim.leader(), std::optional<NodeId>(1));
    EXPECT_EQ(sim.term(1), before);
    EXPECT_EQ(sim.term(5), before);
    EXPECT_EQ(sim.role(5), Role::Follower);
    EXPECT_EQ(sim.node(5)->leaderHint(), 1);
    EXPECT_TRUE(sim.violations().empty());
}

// Reference: §9.6 — PreVote adds a round, not a rule of safety: a leader is still
// elected, and replaced when it crashes, with every invariant checked after each event.
TEST(PreVoteScenario, LeaderCrashIsStillReplaced)
{
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        ClusterConfig c = rejoinCluster(true);
        c.seed = seed;
        Simulation sim(c);
        ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(3000))) << "seed " << seed;
        const NodeId old = *sim.leader();
        ASSERT_TRUE(sim.crash(old));
        ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(3000))) << "seed " << seed;
        EXPECT_NE(*sim.leader(), old);
        EXPECT_TRUE(sim.violations().empty()) << "seed " << seed;
    }
}

// The option in a scenario (off by default) and in a run file (written only when on).
TEST(PreVoteOption, ScenarioAndRunFileCarryIt)
{
    EXPECT_FALSE(Scenario::parse("run 1s\n", "a.txt").config().preVote);
    const Scenario on = Scenario::parse("option prevote on\nrun 1s\n", "a.txt");
    EXPECT_TRUE(on.errors().empty());
    EXPECT_TRUE(on.config().preVote);
    const Scenario typo = Scenario::parse("option prevot on\nrun 1s\n", "a.txt");
    ASSERT_EQ(typo.errors().size(), 1u);
    EXPECT_NE(typo.errors()[0].find("did you mean 'prevote'"), std::string::npos) << typo.errors()[0];

    RunFile run;
    run.config.preVote = true;
    const std::string text = formatRunFile(run);
    EXPECT_NE(text.find("option prevote on\n"), std::string::npos);
    const RunFileResult back = parseRunFile(text, "run.raftrun");
    ASSERT_TRUE(back.run.has_value());
    EXPECT_TRUE(back.run->config.preVote);
    EXPECT_EQ(formatRunFile(RunFile{}).find("prevote"), std::string::npos);
}

} // namespace
} // namespace raft
