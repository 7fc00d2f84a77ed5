// The rules of the extended Raft paper ("In Search of an Understandable Consensus
// Algorithm", Ongaro & Ousterhout), one test per rule, each naming its section.
// Unit tests drive one Node directly through NodeHarness (which also checks the Ready
// contract on every output); scenario tests drive a whole Simulation.
#include "nodeharness.h"

#include "raft/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace raft {
namespace {

using namespace raft::testing;

/// hasEvent: a node's Ready events (a vector) or a trace's (TraceEvents).
template <typename Events> bool hasEvent(const Events &events, EventKind kind, Reason reason)
{
    return std::any_of(events.begin(), events.end(),
                       [&](const TraceEvent &e) { return e.kind == kind && e.reason == reason; });
}

/// traceHas tells whether the simulation's trace holds an event matching pred.
template <typename Pred> bool traceHas(const Simulation &sim, Pred pred)
{
    const auto &events = sim.trace().events();
    return std::any_of(events.begin(), events.end(), pred);
}

ClusterConfig cluster(int nodes, std::uint64_t seed, bool noop = true)
{
    ClusterConfig c;
    c.nodes = nodes;
    c.seed = seed;
    c.noop = noop;
    c.checkInvariants = true;
    return c;
}

bool hasLeader(const Simulation &sim)
{
    return sim.leader().has_value();
}

// ===================================================================================
// §5.1 Raft basics: terms
// ===================================================================================

// Reference: §5.1 — "If a server's current term is smaller than the other's, then it
// updates its current term to the larger value."
TEST(PaperTerms, FollowerAdoptsAHigherTerm)
{
    NodeHarness h(config(1, 3), stored(2));
    h.step(appendEntries(2, 1, 5, 0, 0, {}, 0), 10);
    EXPECT_EQ(h.node().role(), Role::Follower);
    EXPECT_EQ(h.node().term(), 5u);
    EXPECT_EQ(h.node().votedFor(), kNoNode);
    EXPECT_EQ(h.node().leaderHint(), 2);
    EXPECT_TRUE(h.last().hardStateChanged);
}

// Reference: §5.1 — "If a candidate or leader discovers that its term is out of date,
// it immediately reverts to follower state."
TEST(PaperTerms, CandidateRevertsToFollowerOnAHigherTerm)
{
    NodeHarness h(config(1, 3));
    h.fireElectionTimer();
    ASSERT_EQ(h.node().role(), Role::Candidate);
    ASSERT_EQ(h.node().term(), 1u);

    h.step(voteReply(2, 1, 4, false));
    EXPECT_EQ(h.node().role(), Role::Follower);
    EXPECT_EQ(h.node().term(), 4u);
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::BecameFollower, Reason::HigherTerm));
}

// Reference: §5.1 — a leader that sees a higher term steps down at once.
TEST(PaperTerms, LeaderRevertsToFollowerOnAHigherTerm)
{
    NodeHarness h(config(1, 3));
    h.becomeLeader();
    h.step(appendEntries(3, 1, 7, 0, 0, {}, 0));
    EXPECT_EQ(h.node().role(), Role::Follower);
    EXPECT_EQ(h.node().term(), 7u);
    EXPECT_EQ(h.node().votedFor(), kNoNode);
    EXPECT_EQ(h.node().leaderHint(), 3);
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::BecameFollower, Reason::HigherTerm));
}

// Reference: §5.1 — a leader that hears of a higher term in a reply steps down too.
TEST(PaperTerms, LeaderRevertsToFollowerOnAReplyOfAHigherTerm)
{
    NodeHarness h(config(1, 3));
    const Term term = h.becomeLeader();
    h.step(appendRejected(2, 1, term + 3, 0, 0, 0));
    EXPECT_EQ(h.node().role(), Role::Follower);
    EXPECT_EQ(h.node().term(), term + 3);
}

// Reference: §5.1 — "If a server receives a request with a stale term number, it
// rejects the request."
TEST(PaperTerms, RequestsOfAStaleTermAreRejected)
{
    NodeHarness h(config(1, 3), stored(5));
    const Time deadline = h.node().electionDeadline();

    h.step(appendEntries(2, 1, 3, 0, 0, makeEntries(0, {3}), 0), 10);
    Message reply = h.onlyReply();
    EXPECT_EQ(reply.type, MessageType::AppendEntriesReply);
    EXPECT_EQ(reply.to, 2);
    EXPECT_FALSE(reply.success);
    EXPECT_EQ(reply.term, 5u); // so the stale leader learns the newer term
    EXPECT_TRUE(h.node().log().empty());
    EXPECT_EQ(h.node().leaderHint(), kNoNode);
    EXPECT_EQ(h.node().electionDeadline(), deadline) << "a stale leader must not reset the election timer";
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::AppendRejected, Reason::StaleTerm));

    h.step(requestVote(3, 1, 4, 10, 4), 20);
    reply = h.onlyReply();
    EXPECT_EQ(reply.type, MessageType::RequestVoteReply);
    EXPECT_FALSE(reply.voteGranted);
    EXPECT_EQ(reply.term, 5u);
    EXPECT_EQ(h.node().votedFor(), kNoNode);
    EXPECT_EQ(h.node().term(), 5u);
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::VoteDenied, Reason::StaleTerm));
}

// Reference: §5.1 — replies of an older term are ignored: an old vote does not count
// in a new election.
TEST(PaperTerms, RepliesOfAStaleTermAreIgnored)
{
    NodeHarness h(config(1, 3), stored(1));
    h.fireElectionTimer();
    ASSERT_EQ(h.node().term(), 2u);
    h.step(voteReply(2, 1, 1, true));
    EXPECT_EQ(h.node().role(), Role::Candidate);
    EXPECT_EQ(h.node().votes(), 1);
    EXPECT_EQ(h.node().term(), 2u);
}

// ===================================================================================
// §5.2 Leader election
// ===================================================================================

// Reference: §5.2 — "To begin an election, a follower increments its current term and
// transitions to candidate state. It then votes for itself and issues RequestVote
// RPCs in parallel to each of the other servers."
TEST(PaperElection, FollowerTimesOutIntoCandidate)
{
    NodeHarness h(config(1, 5), stored(3, kNoNode, makeLog({1, 3})));
    const Time deadline = h.node().electionDeadline();
    h.tick(deadline - 1);
    EXPECT_EQ(h.node().role(), Role::Follower);
    EXPECT_TRUE(h.sent().empty());

    h.tick(deadline);
    EXPECT_EQ(h.node().role(), Role::Candidate);
    EXPECT_EQ(h.node().term(), 4u);
    EXPECT_EQ(h.node().votedFor(), 1);
    EXPECT_EQ(h.node().votes(), 1);
    EXPECT_TRUE(h.last().hardStateChanged);
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::ElectionTimeout, Reason::None));

    const auto votes = h.sent(MessageType::RequestVote);
    std::set<NodeId> to;
    for (const Message &m : votes) {
        to.insert(m.to);
        EXPECT_EQ(m.term, 4u);
        EXPECT_EQ(m.lastLogIndex, 2u);
        EXPECT_EQ(m.lastLogTerm, 3u);
    }
    EXPECT_EQ(votes.size(), 4u);
    EXPECT_EQ(to, (std::set<NodeId>{2, 3, 4, 5}));
}

// Reference: §5.2 — "Each server will vote for at most one candidate in a given term,
// on a first-come-first-served basis."
TEST(PaperElection, OneVotePerTermFirstComeFirstServed)
{
    NodeHarness h(config(1, 5), stored(1));

    h.step(requestVote(2, 1, 2, 0, 0), 5);
    EXPECT_TRUE(h.onlyReply().voteGranted);
    EXPECT_EQ(h.node().votedFor(), 2);
    EXPECT_EQ(h.node().term(), 2u);
    EXPECT_TRUE(h.last().hardStateChanged) << "the vote must be saved before the reply leaves";

    h.step(requestVote(3, 1, 2, 0, 0), 6);
    EXPECT_FALSE(h.onlyReply().voteGranted);
    EXPECT_EQ(h.node().votedFor(), 2);
    const auto denied = h.events(EventKind::VoteDenied);
    ASSERT_EQ(denied.size(), 1u);
    EXPECT_EQ(denied[0].reason, Reason::AlreadyVoted);
    EXPECT_EQ(denied[0].value, 2);

    // The same candidate asking again (a retransmission) gets the same answer.
    h.step(requestVote(2, 1, 2, 0, 0), 7);
    EXPECT_TRUE(h.onlyReply().voteGranted);

    // A new term brings a new vote.
    h.step(requestVote(3, 1, 3, 0, 0), 8);
    EXPECT_TRUE(h.onlyReply().voteGranted);
    EXPECT_EQ(h.node().votedFor(), 3);
}

// Reference: §5.2 — "A candidate wins an election if it receives votes from a majority
// of the servers in the full cluster for the same term."
TEST(PaperElection, CandidateWinsWithAMajority)
{
    NodeHarness h(config(1, 5));
    h.fireElectionTimer();
    const Term term = h.node().term();

    h.step(voteReply(2, 1, term, true));
    EXPECT_EQ(h.node().role(), Role::Candidate);
    EXPECT_EQ(h.node().votes(), 2);

    h.step(voteReply(2, 1, term, true)); // a duplicated reply is still one vote
    EXPECT_EQ(h.node().role(), Role::Candidate);
    EXPECT_EQ(h.node().votes(), 2);

    h.step(voteReply(3, 1, term, false));
    EXPECT_EQ(h.node().role(), Role::Candidate);
    EXPECT_EQ(h.node().votes(), 2);
    EXPECT_EQ(h.node().progress(3).vote, VoteState::Denied);

    h.step(voteReply(4, 1, term, true));
    EXPECT_EQ(h.node().role(), Role::Leader);
    EXPECT_EQ(h.node().term(), term);
    EXPECT_EQ(h.node().votes(), 3);
    EXPECT_EQ(h.node().leaderHint(), 1);
    const auto won = h.events(EventKind::BecameLeader);
    ASSERT_EQ(won.size(), 1u);
    EXPECT_EQ(won[0].term, term);

    // "It then sends heartbeat messages to all of the other servers to establish its
    // authority and prevent new elections."
    std::set<NodeId> to;
    for (const Message &m : h.sent(MessageType::AppendEntries))
        to.insert(m.to);
    EXPECT_EQ(to, (std::set<NodeId>{2, 3, 4, 5}));
}

// Reference: §5.2 — a candidate that hears from the leader of its own term "recognizes
// the leader as legitimate and returns to follower state."
TEST(PaperElection, CandidateStepsDownOnAppendEntriesOfItsTerm)
{
    NodeHarness h(config(1, 3));
    h.fireElectionTimer();
    const Term term = h.node().term();
    h.step(appendEntries(3, 1, term, 0, 0, {}, 0));
    EXPECT_EQ(h.node().role(), Role::Follower);
    EXPECT_EQ(h.node().term(), term);
    EXPECT_EQ(h.node().votedFor(), 1) << "its vote in this term stays cast";
    EXPECT_EQ(h.node().leaderHint(), 3);
    EXPECT_TRUE(h.onlyReply().success);
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::BecameFollower, Reason::LeaderOfTerm));
}

// Reference: §5.2 — the same for AppendEntries of a higher term.
TEST(PaperElection, CandidateStepsDownOnAppendEntriesOfAHigherTerm)
{
    NodeHarness h(config(1, 3));
    h.fireElectionTimer();
    const Term term = h.node().term();
    h.step(appendEntries(2, 1, term + 1, 0, 0, {}, 0));
    EXPECT_EQ(h.node().role(), Role::Follower);
    EXPECT_EQ(h.node().term(), term + 1);
    EXPECT_EQ(h.node().leaderHint(), 2);
}

// Reference: §5.2 — "If the term in the RPC is smaller than the candidate's current
// term, then the candidate rejects the RPC and continues in candidate state."
TEST(PaperElection, CandidateRejectsAppendEntriesOfAnOlderTerm)
{
    NodeHarness h(config(1, 3), stored(3));
    h.fireElectionTimer();
    ASSERT_EQ(h.node().term(), 4u);
    h.step(appendEntries(2, 1, 3, 0, 0, {}, 0));
    EXPECT_EQ(h.node().role(), Role::Candidate);
    EXPECT_FALSE(h.onlyReply().success);
    EXPECT_EQ(h.onlyReply().term, 4u);
}

// Reference: §5.2 — "each candidate restarts its randomized election timeout at the
// start of an election, and it waits for that timeout to elapse before starting the
// next election."
TEST(PaperElection, SplitVoteIsRetriedAfterANewRandomTimeout)
{
    NodeHarness h(config(1, 5, true, 99));
    std::set<Time> timeouts;
    for (int round = 0; round < 20; ++round) {
        h.fireElectionTimer();
        ASSERT_EQ(h.node().role(), Role::Candidate);
        const Term term = h.node().term();
        EXPECT_EQ(term, static_cast<Term>(round + 1));
        EXPECT_EQ(h.node().votes(), 1) << "a new election starts with only its own vote";
        EXPECT_EQ(h.sent(MessageType::RequestVote).size(), 4u);
        // The vote splits: one peer grants, the others voted for someone else.
        h.step(voteReply(2, 1, term, true));
        h.step(voteReply(3, 1, term, false));
        h.step(voteReply(4, 1, term, false));
        h.step(voteReply(5, 1, term, false));
        EXPECT_EQ(h.node().role(), Role::Candidate);

        const Time timeout = h.node().electionTimeout();
        EXPECT_GE(timeout, raft::fromMs(150));
        EXPECT_LE(timeout, raft::fromMs(300));
        EXPECT_EQ(h.node().electionDeadline(), h.now() + timeout) << "the timer restarts when the election starts";
        timeouts.insert(timeout);
    }
    EXPECT_GE(timeouts.size(), 5u) << "each election draws a new random timeout";
}

// Reference: §5.2 — "election timeouts are chosen randomly from a fixed interval
// (e.g., 150–300ms)"; here from the node's own seeded generator, so runs replay.
TEST(PaperElection, ElectionTimeoutIsDrawnFromTheRangeWithTheNodesSeed)
{
    std::set<Time> firstTimeouts;
    for (std::uint64_t seed = 1; seed <= 64; ++seed) {
        NodeConfig c = config(2, 5, true, seed);
        c.electionTimeoutMin = raft::fromMs(40);
        c.electionTimeoutMax = raft::fromMs(47);
        const Node a(c, {}, raft::fromMs(1000));
        const Node b(c, {}, raft::fromMs(1000));
        EXPECT_GE(a.electionTimeout(), raft::fromMs(40));
        EXPECT_LE(a.electionTimeout(), raft::fromMs(47));
        EXPECT_EQ(a.electionDeadline(), raft::fromMs(1000) + a.electionTimeout());
        EXPECT_EQ(a.electionTimeout(), b.electionTimeout()) << "same seed, same draw";
        firstTimeouts.insert(a.electionTimeout());
    }
    EXPECT_GE(firstTimeouts.size(), 6u) << "different seeds spread over the range";

    // The whole sequence of draws follows the seed.
    NodeHarness x(config(1, 3, true, 5));
    NodeHarness y(config(1, 3, true, 5));
    NodeHarness z(config(1, 3, true, 6));
    std::vector<Time> sx;
    std::vector<Time> sy;
    std::vector<Time> sz;
    for (int i = 0; i < 10; ++i) {
        sx.push_back(x.node().electionTimeout());
        sy.push_back(y.node().electionTimeout());
        sz.push_back(z.node().electionTimeout());
        x.fireElectionTimer();
        y.fireElectionTimer();
        z.fireElectionTimer();
    }
    EXPECT_EQ(sx, sy);
    EXPECT_NE(sx, sz);
}

// Reference: §5.2 — "A server remains in follower state as long as it receives valid
// RPCs from a leader or candidate": a heartbeat restarts the election timer.
TEST(PaperElection, HeartbeatRestartsTheFollowersElectionTimer)
{
    NodeHarness h(config(1, 3), stored(1));
    const Time first = h.node().electionDeadline();
    const Time at = first - 10;
    h.step(appendEntries(2, 1, 1, 0, 0, {}, 0), at);
    EXPECT_GE(h.node().electionDeadline(), at + raft::fromMs(150));
    EXPECT_LE(h.node().electionDeadline(), at + raft::fromMs(300));
    h.tick(first);
    EXPECT_EQ(h.node().role(), Role::Follower);
    EXPECT_TRUE(h.sent().empty());
}

// Reference: Figure 2 (Followers) — the timer also restarts when the follower grants
// a vote, so it does not compete with the candidate it just voted for.
TEST(PaperElection, GrantingAVoteRestartsTheElectionTimer)
{
    NodeHarness h(config(1, 3), stored(1));
    const Time first = h.node().electionDeadline();
    const Time at = first - 5;
    h.step(requestVote(3, 1, 2, 0, 0), at);
    ASSERT_TRUE(h.onlyReply().voteGranted);
    EXPECT_GE(h.node().electionDeadline(), at + raft::fromMs(150));
    h.tick(first);
    EXPECT_EQ(h.node().role(), Role::Follower);
}

// Reference: §5.2 — a leader sends periodic heartbeats and never times out itself.
TEST(PaperElection, LeaderSendsHeartbeatsEveryInterval)
{
    NodeHarness h(config(1, 3));
    h.becomeLeader();
    for (int i = 0; i < 5; ++i) {
        const Time due = h.node().heartbeatDeadline();
        EXPECT_LE(due, h.now() + raft::fromMs(50));
        h.tick(due);
        EXPECT_EQ(h.node().role(), Role::Leader);
        const auto beats = h.sent(MessageType::AppendEntries);
        std::set<NodeId> to;
        for (const Message &m : beats)
            to.insert(m.to);
        EXPECT_EQ(to, (std::set<NodeId>{2, 3}));
        EXPECT_EQ(h.node().heartbeatDeadline(), due + raft::fromMs(50));
    }
}

// Reference: §5.2 — scenario: when the leader is cut off, the majority elects a new
// leader in a higher term; the old leader steps down when it hears of it (§5.1).
TEST(PaperElectionScenario, MajorityReplacesAnIsolatedLeader)
{
    Simulation sim(cluster(5, 42));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    const NodeId old = *sim.leader();
    const Term oldTerm = sim.term(old);

    EXPECT_TRUE(sim.isolate(old));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader() && *sim.leader() != old; }, raft::fromMs(5000)));
    const NodeId next = *sim.leader();
    EXPECT_GT(sim.term(next), oldTerm);
    EXPECT_EQ(sim.role(old), Role::Leader) << "cut off, the old leader does not know yet";
    EXPECT_EQ(sim.term(old), oldTerm);

    EXPECT_TRUE(sim.heal());
    ASSERT_TRUE(sim.runUntil([&] { return sim.role(old) == Role::Follower; }, raft::fromMs(2000)));
    EXPECT_GE(sim.term(old), sim.term(next));
    EXPECT_TRUE(sim.violations().empty());
}

// Reference: §5.2 — a minority cannot elect a leader: two servers of five never win.
TEST(PaperElectionScenario, MinorityPartitionCannotElectALeader)
{
    Simulation sim(cluster(5, 7));
    EXPECT_TRUE(sim.partition({{1, 2}, {3, 4, 5}}));
    sim.runFor(raft::fromMs(5000));
    ASSERT_TRUE(hasLeader(sim));
    EXPECT_GE(*sim.leader(), 3);
    EXPECT_FALSE(traceHas(
        sim, [](const TraceEvent &e) { return e.kind == EventKind::BecameLeader && (e.node == 1 || e.node == 2); }));
    EXPECT_TRUE(sim.violations().empty());
}

// Reference: §5.2 — randomized timeouts make split votes rare and resolve them: a
// cluster started over and over always ends up with one leader.
TEST(PaperElectionScenario, EveryClusterElectsALeaderQuickly)
{
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        Simulation sim(cluster(5, seed));
        ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(3000))) << "seed " << seed;
        int leaders = 0;
        for (NodeId id = 1; id <= 5; ++id)
            leaders += sim.role(id) == Role::Leader;
        EXPECT_EQ(leaders, 1) << "seed " << seed;
    }
}

// ===================================================================================
// §5.3 Log replication
// ===================================================================================

// Reference: §5.3 — "If the follower does not find an entry in its log with the same
// index and term, then it refuses the new entries": here it has no entry there.
TEST(PaperReplication, FollowerRefusesWhenItHasNoEntryAtPrevLogIndex)
{
    NodeHarness h(config(1, 3), stored(2, kNoNode, makeLog({1, 1})));
    h.step(appendEntries(2, 1, 2, 4, 2, makeEntries(4, {2}), 0));
    const Message reply = h.onlyReply();
    EXPECT_FALSE(reply.success);
    EXPECT_EQ(reply.rejectedIndex, 4u);
    EXPECT_EQ(reply.conflictTerm, 0u);
    EXPECT_EQ(reply.conflictIndex, 3u) << "hint: try right after my last entry";
    EXPECT_EQ(termsOf(h.node().log()), (std::vector<Term>{1, 1}));
    EXPECT_EQ(h.node().leaderHint(), 2) << "the sender is still the legitimate leader";
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::AppendRejected, Reason::MissingEntry));
}

// Reference: §5.3 — the consistency check: the entry at prevLogIndex has another term.
TEST(PaperReplication, FollowerRefusesWhenTheTermAtPrevLogIndexDiffers)
{
    NodeHarness h(config(1, 3), stored(3, kNoNode, makeLog({1, 1, 2, 2, 2})));
    h.step(appendEntries(2, 1, 4, 5, 3, makeEntries(5, {4}), 0));
    const Message reply = h.onlyReply();
    EXPECT_FALSE(reply.success);
    EXPECT_EQ(reply.rejectedIndex, 5u);
    EXPECT_EQ(reply.conflictTerm, 2u);
    EXPECT_EQ(reply.conflictIndex, 3u) << "hint: the first index of my conflicting term";
    EXPECT_EQ(termsOf(h.node().log()), (std::vector<Term>{1, 1, 2, 2, 2}))
        << "a rejected AppendEntries changes nothing";
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::AppendRejected, Reason::TermMismatch));
}

// Reference: §5.3 — when the check passes, the follower appends the new entries.
TEST(PaperReplication, FollowerAppendsWhenTheConsistencyCheckPasses)
{
    NodeHarness h(config(1, 3), stored(2, kNoNode, makeLog({1, 1})));
    h.step(appendEntries(2, 1, 2, 2, 1, makeEntries(2, {2, 2}), 0));
    const Message reply = h.onlyReply();
    EXPECT_TRUE(reply.success);
    EXPECT_EQ(reply.matchIndex, 4u);
    EXPECT_EQ(termsOf(h.node().log()), (std::vector<Term>{1, 1, 2, 2}));
    EXPECT_EQ(h.last().persistFrom, 3u) << "the new entries are saved before the reply leaves";
}

// Reference: §5.3 — "If an existing entry conflicts with a new one (same index but
// different terms), delete the existing entry and all that follow it" (Figure 2).
TEST(PaperReplication, ConflictingEntriesAreTruncated)
{
    NodeHarness h(config(1, 3), stored(2, kNoNode, makeLog({1, 1, 2, 2, 2})));
    h.step(appendEntries(3, 1, 3, 2, 1, makeEntries(2, {3}), 0));
    EXPECT_TRUE(h.onlyReply().success);
    EXPECT_EQ(h.onlyReply().matchIndex, 3u);
    EXPECT_EQ(termsOf(h.node().log()), (std::vector<Term>{1, 1, 3}));
    EXPECT_EQ(h.last().persistFrom, 3u);
    const auto cut = h.events(EventKind::LogTruncated);
    ASSERT_EQ(cut.size(), 1u);
    EXPECT_EQ(cut[0].index, 2u);
}

// Reference: §5.3 / Figure 2 — only a *conflicting* entry is deleted: a late or
// duplicated AppendEntries whose entries the follower already holds must not cut off
// the entries that came after it.
TEST(PaperReplication, StaleAppendEntriesWithMatchingEntriesTruncatesNothing)
{
    NodeHarness h(config(1, 3), stored(1, kNoNode, makeLog({1, 1, 1, 1})));
    h.step(appendEntries(2, 1, 1, 1, 1, makeEntries(1, {1}), 0));
    EXPECT_TRUE(h.onlyReply().success);
    EXPECT_EQ(h.onlyReply().matchIndex, 2u) << "matchIndex is prevLogIndex + entries, not lastIndex";
    EXPECT_EQ(h.node().log().lastIndex(), 4u);
    EXPECT_EQ(h.last().persistFrom, 0u) << "nothing changed, nothing to save";
    EXPECT_TRUE(h.events(EventKind::LogTruncated).empty());

    h.step(appendEntries(2, 1, 1, 0, 0, {}, 0));
    EXPECT_TRUE(h.onlyReply().success);
    EXPECT_EQ(h.node().log().lastIndex(), 4u);
}

// Reference: §5.3 — "After a rejection, the leader decrements nextIndex and retries";
// with the conflict hint it skips a whole missing stretch at once.
TEST(PaperReplication, LeaderBacksOffNextIndexToTheFollowersHint)
{
    NodeHarness h(config(1, 3, false), stored(1, kNoNode, makeLog({1, 1, 1})));
    const Term term = h.becomeLeader();
    EXPECT_EQ(h.node().progress(2).nextIndex, 4u) << "nextIndex starts after the leader's last entry";
    EXPECT_EQ(h.node().progress(2).matchIndex, 0u);

    // S2 holds only entry 1.
    h.step(appendRejected(2, 1, term, 3, 0, 2));
    EXPECT_EQ(h.node().progress(2).nextIndex, 2u);
    const auto backoff = h.events(EventKind::ReplicationBackoff);
    ASSERT_EQ(backoff.size(), 1u);
    EXPECT_EQ(backoff[0].index, 2u);
    const auto retry = h.sentTo(2, MessageType::AppendEntries);
    ASSERT_EQ(retry.size(), 1u) << "the leader retries at once";
    EXPECT_EQ(retry[0].prevLogIndex, 1u);
    EXPECT_EQ(retry[0].prevLogTerm, 1u);
    EXPECT_EQ(retry[0].entries.size(), 2u);

    h.step(appendAccepted(2, 1, term, 3));
    EXPECT_EQ(h.node().progress(2).matchIndex, 3u);
    EXPECT_EQ(h.node().progress(2).nextIndex, 4u);

    // A late duplicate of the old rejection must not move nextIndex below matchIndex.
    h.step(appendRejected(2, 1, term, 3, 0, 2));
    EXPECT_GT(h.node().progress(2).nextIndex, h.node().progress(2).matchIndex);
    EXPECT_EQ(h.node().progress(2).matchIndex, 3u);
}

// Reference: §5.3 — the hint names a term the leader does not have: skip the whole
// run of that term.
TEST(PaperReplication, LeaderSkipsAConflictingTermItDoesNotHave)
{
    NodeHarness h(config(1, 3, false), stored(4, kNoNode, makeLog({1, 1, 4, 4})));
    const Term term = h.becomeLeader();
    ASSERT_EQ(h.node().progress(3).nextIndex, 5u);
    // S3 holds 1 1 2 2 2: at index 4 it has term 2, whose run starts at 3.
    h.step(appendRejected(3, 1, term, 4, 2, 3));
    EXPECT_EQ(h.node().progress(3).nextIndex, 3u);
    const auto retry = h.sentTo(3, MessageType::AppendEntries);
    ASSERT_EQ(retry.size(), 1u);
    EXPECT_EQ(retry[0].prevLogIndex, 2u);
    EXPECT_EQ(retry[0].prevLogTerm, 1u);
    ASSERT_EQ(retry[0].entries.size(), 2u);
    EXPECT_EQ(retry[0].entries[0].term, 4u);
}

// Reference: §5.3 / Figure 2 — "If leaderCommit > commitIndex, set commitIndex =
// min(leaderCommit, index of last new entry)".
TEST(PaperReplication, FollowerCommitsUpToTheLastNewEntry)
{
    NodeHarness h(config(1, 3));
    h.step(appendEntries(2, 1, 1, 0, 0, makeEntries(0, {1, 1}), 5));
    EXPECT_EQ(h.node().commitIndex(), 2u) << "min(leaderCommit 5, last new entry 2)";
    EXPECT_EQ(h.last().applyTo, 2u);
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::CommitAdvanced, Reason::LeaderCommit));

    // A heartbeat that covers only entry 1 says nothing about entry 2's successors,
    // and commitIndex never goes back.
    h.step(appendEntries(2, 1, 1, 1, 1, {}, 1));
    EXPECT_EQ(h.node().commitIndex(), 2u);
}

// Reference: §5.3 / Figure 2 — entries a follower holds beyond what the leader has
// just matched may still conflict: they are not committed by a large leaderCommit.
TEST(PaperReplication, FollowerDoesNotCommitUnverifiedEntries)
{
    NodeHarness h(config(1, 3), stored(1, kNoNode, makeLog({1, 1, 1})));
    h.step(appendEntries(2, 1, 2, 1, 1, {}, 3));
    EXPECT_EQ(h.node().commitIndex(), 1u) << "only entry 1 is known to match the leader's log";

    h.step(appendEntries(2, 1, 2, 1, 1, makeEntries(1, {2, 2}), 3));
    EXPECT_EQ(termsOf(h.node().log()), (std::vector<Term>{1, 2, 2}));
    EXPECT_EQ(h.node().commitIndex(), 3u);
    EXPECT_EQ(h.applied(), 3u);
}

// Reference: §5.3 — "A log entry is committed once the leader that created the entry
// has replicated it on a majority of the servers"; then the leader applies it and the
// next AppendEntries tells the followers.
TEST(PaperReplication, LeaderCommitsOnceAMajorityMatches)
{
    NodeHarness h(config(1, 5));
    const Term term = h.becomeLeader(); // appends a no-op at index 1
    const ProposeResult r = h.propose("set x 1");
    ASSERT_TRUE(r.accepted);
    ASSERT_EQ(r.index, 2u);

    h.step(appendAccepted(2, 1, term, 2));
    EXPECT_EQ(h.node().commitIndex(), 0u) << "2 of 5 is not a majority";
    h.step(appendAccepted(2, 1, term, 2)); // the same server twice is still one
    EXPECT_EQ(h.node().commitIndex(), 0u);
    h.step(appendAccepted(4, 1, term, 2));
    EXPECT_EQ(h.node().commitIndex(), 2u);
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::CommitAdvanced, Reason::Majority));
    ASSERT_NE(h.kv().value("x"), nullptr);
    EXPECT_EQ(*h.kv().value("x"), "1");

    h.fireHeartbeat();
    const auto beats = h.sentTo(3, MessageType::AppendEntries);
    ASSERT_FALSE(beats.empty());
    EXPECT_EQ(beats.back().leaderCommit, 2u);
}

// Reference: §5.3 — "the leader ... applies the entry to its state machine in log
// order"; followers likewise, whatever the pace at which they learn commitIndex.
TEST(PaperReplication, EntriesAreAppliedInLogOrder)
{
    NodeHarness h(config(1, 3));
    std::vector<Entry> entries = {{1, "set x 1"}, {1, "set y 1"}, {1, "set x 2"}, {1, "del y"}, {1, "set x 3"}};
    h.step(appendEntries(2, 1, 1, 0, 0, {entries[0], entries[1]}, 0));
    EXPECT_EQ(h.applied(), 0u);
    h.step(appendEntries(2, 1, 1, 2, 1, {entries[2], entries[3], entries[4]}, 1));
    EXPECT_EQ(h.applied(), 1u);
    EXPECT_EQ(*h.kv().value("x"), "1");
    h.step(appendEntries(2, 1, 1, 5, 1, {}, 4));
    EXPECT_EQ(h.applied(), 4u);
    EXPECT_EQ(*h.kv().value("x"), "2");
    EXPECT_EQ(h.kv().value("y"), nullptr);
    h.step(appendEntries(2, 1, 1, 5, 1, {}, 5));
    EXPECT_EQ(*h.kv().value("x"), "3");
    EXPECT_EQ(h.applied(), 5u); // NodeHarness checked that (applyFrom, applyTo] never skipped or repeated
}

// Reference: §5.3 — scenario: a request committed through the leader reaches every
// state machine, and the client is answered once it is applied.
TEST(PaperReplicationScenario, CommittedRequestsReachEveryStateMachine)
{
    Simulation sim(cluster(5, 11));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    sim.advanceTo(sim.now());
    const NodeId leader = *sim.leader();
    ProposeResult last;
    for (int i = 1; i <= 5; ++i) {
        last = sim.request(leader, "set x " + std::to_string(i)).proposal;
        ASSERT_TRUE(last.accepted);
        sim.runFor(raft::fromMs(20));
    }
    ASSERT_TRUE(sim.runUntil(
        [&] {
            for (NodeId id = 1; id <= 5; ++id)
                if (sim.node(id)->lastApplied() < last.index)
                    return false;
            return true;
        },
        raft::fromMs(2000)));
    for (NodeId id = 1; id <= 5; ++id) {
        ASSERT_NE(sim.server(id).kv.value("x"), nullptr);
        EXPECT_EQ(*sim.server(id).kv.value("x"), "5") << nodeName(id);
    }
    EXPECT_TRUE(traceHas(sim, [&](const TraceEvent &e) {
        return e.kind == EventKind::ClientAnswered && e.node == leader && e.index == last.index;
    }));
    EXPECT_TRUE(sim.violations().empty());
}

// Reference: §5.3 — scenario: an isolated leader's uncommitted entry is overwritten by
// the new leader's log once the network heals, and its client is told it was lost.
TEST(PaperReplicationScenario, IsolatedLeadersUncommittedEntryIsOverwritten)
{
    Simulation sim(cluster(5, 3));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    sim.runFor(raft::fromMs(200));
    const NodeId old = *sim.leader();
    EXPECT_TRUE(sim.isolate(old));
    const ProposeResult lost = sim.request(old, "set lost 1").proposal;
    ASSERT_TRUE(lost.accepted);
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader() && *sim.leader() != old; }, raft::fromMs(5000)));
    sim.advanceTo(sim.now());
    const NodeId next = *sim.leader();
    const ProposeResult kept = sim.request(next, "set kept 1").proposal;
    ASSERT_TRUE(kept.accepted);
    sim.runFor(raft::fromMs(300));
    EXPECT_LT(sim.commitIndex(old), lost.index) << "the isolated leader cannot commit alone";

    EXPECT_TRUE(sim.heal());
    ASSERT_TRUE(sim.runUntil([&] { return sim.commitIndex(old) >= kept.index; }, raft::fromMs(3000)));
    EXPECT_EQ(sim.log(old).fingerprint(kept.index), sim.log(next).fingerprint(kept.index))
        << "the old leader's log now matches the new leader's";
    for (Index i = 1; i <= sim.log(old).lastIndex(); ++i)
        EXPECT_NE(sim.log(old).at(i).command, "set lost 1");
    EXPECT_EQ(sim.server(old).kv.value("lost"), nullptr);
    // The trace tells the client's story: its request (by its command) was lost.
    const auto &events = sim.trace().events();
    const auto lostEvent = std::find_if(events.begin(), events.end(), [&](const TraceEvent &e) {
        return e.kind == EventKind::ClientLost && e.index == lost.index;
    });
    ASSERT_NE(lostEvent, events.end());
    EXPECT_EQ(lostEvent->term2, lost.term) << "the term the request was accepted in";
    EXPECT_EQ(sim.trace().textOf(*lostEvent), "set lost 1")
        << "the narration must quote the lost request, not the entry that replaced it: "
        << sim.trace().describe(*lostEvent);
    EXPECT_TRUE(sim.violations().empty());
}

// ===================================================================================
// §5.4.1 Election restriction
// ===================================================================================

// Reference: §5.4.1 — "the voter denies its vote if its own log is more up-to-date
// than that of the candidate": the candidate's last term is older.
TEST(PaperElectionRestriction, VoteDeniedWhenTheCandidatesLastTermIsOlder)
{
    NodeHarness h(config(1, 5), stored(2, kNoNode, makeLog({1, 2})));
    h.step(requestVote(3, 1, 3, 5, 1));
    EXPECT_FALSE(h.onlyReply().voteGranted);
    EXPECT_EQ(h.node().term(), 3u) << "the higher term is still adopted (§5.1)";
    EXPECT_EQ(h.node().votedFor(), kNoNode);
    const auto denied = h.events(EventKind::VoteDenied);
    ASSERT_EQ(denied.size(), 1u);
    EXPECT_EQ(denied[0].reason, Reason::LogTermOlder);
    EXPECT_EQ(denied[0].peer, 3);
}

// Reference: §5.4.1 — same last term, but the candidate's log is shorter.
TEST(PaperElectionRestriction, VoteDeniedWhenTheCandidatesLogIsShorter)
{
    NodeHarness h(config(1, 5), stored(1, kNoNode, makeLog({1, 1, 1})));
    h.step(requestVote(2, 1, 2, 2, 1));
    EXPECT_FALSE(h.onlyReply().voteGranted);
    EXPECT_TRUE(hasEvent(h.last().events, EventKind::VoteDenied, Reason::LogShorter));
}

// Reference: §5.4.1 — a candidate at least as up-to-date gets the vote.
TEST(PaperElectionRestriction, VoteGrantedWhenTheCandidateIsAtLeastAsUpToDate)
{
    {
        NodeHarness h(config(1, 5), stored(2, kNoNode, makeLog({1, 1, 2})));
        h.step(requestVote(2, 1, 3, 3, 2)); // identical last entry
        EXPECT_TRUE(h.onlyReply().voteGranted);
    }
    {
        NodeHarness h(config(1, 5), stored(2, kNoNode, makeLog({1, 1, 2})));
        h.step(requestVote(2, 1, 3, 1, 3)); // shorter, but a later last term
        EXPECT_TRUE(h.onlyReply().voteGranted);
    }
    {
        NodeHarness h(config(1, 5), stored(2, kNoNode, makeLog({1, 1, 2})));
        h.step(requestVote(2, 1, 3, 7, 2)); // same last term, longer
        EXPECT_TRUE(h.onlyReply().voteGranted);
    }
}

// Reference: §5.4.1 — scenario: a server that missed committed entries cannot become
// leader; the server that has them wins.
TEST(PaperElectionRestrictionScenario, ServerMissingCommittedEntriesCannotWin)
{
    Simulation sim(cluster(3, 21));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    sim.runFor(raft::fromMs(100));
    const NodeId leader = *sim.leader();
    const NodeId behind = leader == 1 ? 2 : 1;
    const NodeId other = 6 - leader - behind;

    EXPECT_TRUE(sim.isolate(behind));
    ProposeResult r;
    for (int i = 0; i < 3; ++i)
        r = sim.request(leader, "set k " + std::to_string(i)).proposal;
    ASSERT_TRUE(sim.runUntil([&] { return sim.commitIndex(leader) >= r.index; }, raft::fromMs(2000)));
    sim.runFor(raft::fromMs(1000)); // the isolated server keeps starting elections, its term climbs

    EXPECT_TRUE(sim.crash(leader));
    EXPECT_TRUE(sim.heal());
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    EXPECT_EQ(*sim.leader(), other);
    EXPECT_TRUE(traceHas(sim, [&](const TraceEvent &e) {
        return e.kind == EventKind::VoteDenied && e.node == other && e.peer == behind
            && (e.reason == Reason::LogTermOlder || e.reason == Reason::LogShorter);
    }));
    EXPECT_TRUE(sim.violations().empty());
}

// ===================================================================================
// §5.4.2 Committing entries from previous terms (Figure 8)
// ===================================================================================

// Reference: §5.4.2 — "Raft never commits log entries from previous terms by counting
// replicas. Only log entries from the leader's current term are committed by counting
// replicas; once an entry from the current term has been committed in this way, then
// all prior entries are committed indirectly."
TEST(PaperFigure8, LeaderDoesNotCommitAnOlderTermEntryByCounting)
{
    NodeHarness h(config(1, 5, false), stored(3, kNoNode, makeLog({1, 2})));
    const Term term = h.becomeLeader();
    ASSERT_EQ(term, 4u);
    h.step(appendAccepted(2, 1, term, 2));
    h.step(appendAccepted(3, 1, term, 2));
    h.step(appendAccepted(4, 1, term, 2));
    EXPECT_EQ(h.node().commitIndex(), 0u) << "entry 2 (term 2) is on 4 of 5 servers, but not of term 4";
    EXPECT_FALSE(h.allEvents(EventKind::CommitDeferred).empty());

    const ProposeResult r = h.propose("set x 1");
    ASSERT_EQ(r.index, 3u);
    ASSERT_EQ(r.term, 4u);
    h.step(appendAccepted(2, 1, term, 3));
    EXPECT_EQ(h.node().commitIndex(), 0u);
    h.step(appendAccepted(3, 1, term, 3));
    EXPECT_EQ(h.node().commitIndex(), 3u) << "entry 3 of the current term commits 1..3";
    EXPECT_EQ(h.applied(), 3u);
}

// Reference: §5.4.2 / §8 — the no-op a new leader appends is of its own term, so it
// commits the entries of earlier terms as soon as a majority holds it.
TEST(PaperFigure8, NoOpCommitsEarlierEntries)
{
    NodeHarness h(config(1, 3, true), stored(3, kNoNode, makeLog({1, 2})));
    const Term term = h.becomeLeader();
    ASSERT_EQ(h.node().log().lastIndex(), 3u);
    h.step(appendAccepted(2, 1, term, 2));
    EXPECT_EQ(h.node().commitIndex(), 0u);
    h.step(appendAccepted(2, 1, term, 3));
    EXPECT_EQ(h.node().commitIndex(), 3u);
}

/// Figure8 plays (a)–(c) of Figure 8 with a five-server Simulation (no no-ops, so
/// only client requests create entries):
///  (a) S1 leads in term t1 and replicates entry 1 to S2 only; S1 crashes.
///  (b) S5 is elected in term t2 with the votes of S3 and S4 and stores entry 1 of
///      term t2 alone; S5 crashes.
///  (c) S1 restarts; S1 or S2 is elected in a term t3 and replicates entry 1 (of term
///      t1) to a majority — but must not commit it.
struct Figure8 {
    Simulation sim{cluster(5, 8, false)};
    Term t1 = 0;
    Term t2 = 0;
    NodeId l3 = kNoNode;

    void play()
    {
        EXPECT_TRUE(sim.timeout(1));
        ASSERT_TRUE(sim.runUntil([&] { return sim.leader() == 1; }, raft::fromMs(2000)));
        sim.advanceTo(sim.now());
        t1 = sim.term(1);
        for (NodeId p = 3; p <= 5; ++p)
            EXPECT_TRUE(sim.cut(1, p, false));
        ASSERT_TRUE(sim.request(1, "set x a").proposal.accepted);
        ASSERT_TRUE(sim.runUntil([&] { return sim.log(2).lastIndex() >= 1; }, raft::fromMs(1000)));
        sim.advanceTo(sim.now());
        EXPECT_TRUE(sim.crash(1));

        EXPECT_TRUE(sim.timeout(5));
        ASSERT_TRUE(sim.runUntil([&] { return sim.leader() == 5; }, raft::fromMs(2000)));
        sim.advanceTo(sim.now());
        t2 = sim.term(5);
        ASSERT_GT(t2, t1);
        EXPECT_TRUE(sim.isolate(5));
        const ProposeResult r = sim.request(5, "set x b").proposal;
        ASSERT_TRUE(r.accepted);
        ASSERT_EQ(r.index, 1u);
        EXPECT_TRUE(sim.crash(5));
        EXPECT_TRUE(sim.heal());

        EXPECT_TRUE(sim.restart(1));
        ASSERT_TRUE(sim.runUntil([&] { return sim.leader() == 1 || sim.leader() == 2; }, raft::fromMs(5000)));
        sim.advanceTo(sim.now());
        l3 = *sim.leader();
        ASSERT_TRUE(sim.runUntil([&] { return sim.log(3).lastIndex() >= 1 && sim.log(4).lastIndex() >= 1; }, raft::fromMs(1000)));
        sim.runFor(raft::fromMs(200));
        sim.advanceTo(sim.now());
    }
};

// Reference: §5.4.2, Figure 8 (c)–(d) — entry 1 of term t1 sits on a majority, yet
// the leader of term t3 does not commit it; S5 can still win and overwrite it, and
// that is safe because it never was committed.
TEST(PaperFigure8Scenario, OldTermEntryOnAMajorityIsNotCommittedAndMayBeOverwritten)
{
    Figure8 f;
    f.play();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    Simulation &sim = f.sim;
    for (NodeId id = 1; id <= 4; ++id)
        ASSERT_EQ(sim.log(id).termAt(1), f.t1) << nodeName(id);
    EXPECT_EQ(sim.commitIndex(f.l3), 0u) << "Figure 8 (c): counting replicas must not commit an older term";
    EXPECT_TRUE(
        traceHas(sim, [&](const TraceEvent &e) { return e.kind == EventKind::CommitDeferred && e.node == f.l3; }));

    // (d) The leader crashes before an entry of its term is committed; with S1 and S2
    // out of the way, S5's entry of the later term t2 wins and replaces entry 1.
    EXPECT_TRUE(sim.crash(f.l3));
    EXPECT_TRUE(sim.pause(f.l3 == 1 ? 2 : 1));
    EXPECT_TRUE(sim.restart(5));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader() == 5; }, raft::fromMs(5000)));
    ASSERT_TRUE(sim.runUntil([&] { return sim.log(3).termAt(1) == f.t2 && sim.log(4).termAt(1) == f.t2; }, raft::fromMs(2000)));
    sim.advanceTo(sim.now());
    const ProposeResult r = sim.request(5, "set x c").proposal;
    ASSERT_TRUE(r.accepted);
    ASSERT_TRUE(sim.runUntil([&] { return sim.commitIndex(3) >= r.index; }, raft::fromMs(2000)));
    EXPECT_EQ(*sim.server(3).kv.value("x"), "c");
    EXPECT_FALSE(traceHas(sim, [&](const TraceEvent &e) {
        return e.kind == EventKind::Applied && sim.trace().textOf(e) == "set x a";
    })) << "the entry of term t1 was never committed, so it was never applied";
    EXPECT_TRUE(sim.violations().empty());
}

// Reference: §5.4.2, Figure 8 (e) — once the leader of t3 commits an entry of its own
// term, entry 1 is committed with it, and S5 can no longer be elected.
TEST(PaperFigure8Scenario, OwnTermEntryCommitsTheOlderOne)
{
    Figure8 f;
    f.play();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    Simulation &sim = f.sim;
    const ProposeResult r = sim.request(f.l3, "set y 1").proposal;
    ASSERT_TRUE(r.accepted);
    ASSERT_EQ(r.index, 2u);
    ASSERT_TRUE(sim.runUntil([&] { return sim.commitIndex(f.l3) >= 2; }, raft::fromMs(1000)));
    ASSERT_TRUE(sim.runUntil([&] { return sim.log(3).lastIndex() >= 2 && sim.log(4).lastIndex() >= 2; }, raft::fromMs(1000)));

    EXPECT_TRUE(sim.crash(f.l3));
    EXPECT_TRUE(sim.pause(f.l3 == 1 ? 2 : 1));
    EXPECT_TRUE(sim.restart(5));
    const std::size_t mark = sim.trace().size();
    sim.runFor(raft::fromMs(3000));
    ASSERT_TRUE(hasLeader(sim));
    EXPECT_TRUE(*sim.leader() == 3 || *sim.leader() == 4) << "S5's log is behind S3's and S4's";
    const auto &events = sim.trace().events();
    EXPECT_TRUE(std::none_of(events.begin() + static_cast<std::ptrdiff_t>(mark), events.end(),
                             [](const TraceEvent &e) { return e.kind == EventKind::BecameLeader && e.node == 5; }));
    EXPECT_EQ(sim.log(5).termAt(1), f.t1) << "S5's entry of term t2 was replaced";
    EXPECT_TRUE(sim.violations().empty());
}

// ===================================================================================
// §8 Client interaction
// ===================================================================================

// Reference: §8 — "each leader commit a blank no-op entry into the log at the start of
// its term" (option noop, on by default).
TEST(PaperClients, NewLeaderAppendsANoOpWhenTheOptionIsOn)
{
    NodeHarness h(config(1, 3, true), stored(1, kNoNode, makeLog({1})));
    const Term term = h.becomeLeader();
    ASSERT_EQ(h.node().log().lastIndex(), 2u);
    EXPECT_EQ(h.node().log().at(2).term, term);
    EXPECT_EQ(h.node().log().at(2).command, "");
    EXPECT_EQ(h.last().persistFrom, 2u);
    for (const Message &m : h.sent(MessageType::AppendEntries)) {
        ASSERT_FALSE(m.entries.empty());
        EXPECT_EQ(m.entries.back().term, term);
    }
}

// Reference: §8 — with the option off the new leader's log is left as it was.
TEST(PaperClients, NoNoOpWhenTheOptionIsOff)
{
    NodeHarness h(config(1, 3, false), stored(1, kNoNode, makeLog({1})));
    h.becomeLeader();
    EXPECT_EQ(termsOf(h.node().log()), (std::vector<Term>{1}));
    for (const Message &m : h.sent(MessageType::AppendEntries)) {
        EXPECT_TRUE(m.entries.empty());
        EXPECT_EQ(m.prevLogIndex, 1u);
    }
}

// Reference: §8 — "If the client contacts a follower, the follower will reject the
// request and supply information about the most recent leader it has heard from."
TEST(PaperClients, FollowerRefusesAClientAndNamesTheLeader)
{
    NodeHarness h(config(1, 3));
    ProposeResult r = h.propose("set x 1");
    EXPECT_FALSE(r.accepted);
    EXPECT_EQ(r.leaderHint, kNoNode) << "no leader heard of yet";

    h.step(appendEntries(3, 1, 2, 0, 0, {}, 0));
    r = h.propose("set x 1");
    EXPECT_FALSE(r.accepted);
    EXPECT_EQ(r.leaderHint, 3);
    EXPECT_TRUE(h.node().log().empty());
    EXPECT_TRUE(h.sent().empty());
}

// Reference: §8 — a candidate knows no leader of its term and refuses too.
TEST(PaperClients, CandidateRefusesAClient)
{
    NodeHarness h(config(1, 3));
    h.step(appendEntries(3, 1, 1, 0, 0, {}, 0));
    h.fireElectionTimer();
    ASSERT_EQ(h.node().role(), Role::Candidate);
    const ProposeResult r = h.propose("set x 1");
    EXPECT_FALSE(r.accepted);
    EXPECT_EQ(r.leaderHint, kNoNode);
}

// Reference: §5.3, §8 — the leader appends the command to its log and replicates it.
TEST(PaperClients, LeaderAppendsTheClientsCommand)
{
    NodeHarness h(config(1, 3));
    const Term term = h.becomeLeader();
    const Index before = h.node().log().lastIndex();
    const ProposeResult r = h.propose("set x 1");
    EXPECT_TRUE(r.accepted);
    EXPECT_EQ(r.index, before + 1);
    EXPECT_EQ(r.term, term);
    EXPECT_EQ(h.node().log().at(r.index).command, "set x 1");
    EXPECT_EQ(h.last().persistFrom, r.index);

    // The entry goes out now, or (flow control: S2's position is not yet known, and
    // the leader's first AppendEntries is unanswered) as soon as S2 answers.
    std::vector<Message> out = h.sentTo(2, MessageType::AppendEntries);
    Message ack;
    ack.type = MessageType::AppendEntriesReply;
    ack.from = 2;
    ack.to = 1;
    ack.term = term;
    ack.success = true;
    ack.matchIndex = before;
    h.step(ack);
    for (const Message &m : h.sentTo(2, MessageType::AppendEntries))
        out.push_back(m);
    EXPECT_TRUE(std::any_of(out.begin(), out.end(), [&](const Message &m) {
        return m.prevLogIndex < r.index && m.prevLogIndex + m.entries.size() >= r.index;
    }));
}

// Reference: §8 — scenario: a request sent to a follower is refused with the leader's name.
TEST(PaperClientsScenario, RequestToAFollowerNamesTheLeader)
{
    Simulation sim(cluster(5, 5));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    sim.runFor(raft::fromMs(200)); // every follower has heard a heartbeat
    const NodeId leader = *sim.leader();
    const NodeId follower = leader % 5 + 1;
    const ProposeResult r = sim.request(follower, "set x 1").proposal;
    EXPECT_FALSE(r.accepted);
    EXPECT_EQ(r.leaderHint, leader);
    EXPECT_TRUE(traceHas(sim, [&](const TraceEvent &e) {
        return e.kind == EventKind::ClientRefused && e.node == follower && e.peer == leader;
    }));
}

// ===================================================================================
// Persistence (Figure 2: "Persistent state on all servers")
// ===================================================================================

// Reference: Figure 2 — currentTerm, votedFor and log[] are persistent; commitIndex
// and lastApplied are volatile.
TEST(PaperPersistence, TermVoteAndLogSurviveARestart)
{
    NodeHarness h(config(1, 3));
    h.step(requestVote(2, 1, 5, 0, 0), 10);
    ASSERT_TRUE(h.onlyReply().voteGranted);
    h.step(appendEntries(2, 1, 5, 0, 0, makeEntries(0, {5, 5}), 2), 20);
    ASSERT_EQ(h.node().commitIndex(), 2u);

    // The restarted server is built from what the Ready told storage to keep.
    NodeHarness again(config(1, 3), h.storage(), 500);
    EXPECT_EQ(again.node().role(), Role::Follower);
    EXPECT_EQ(again.node().term(), 5u);
    EXPECT_EQ(again.node().votedFor(), 2);
    EXPECT_EQ(termsOf(again.node().log()), (std::vector<Term>{5, 5}));
    EXPECT_EQ(again.node().commitIndex(), 0u);
    EXPECT_EQ(again.node().lastApplied(), 0u);
    EXPECT_EQ(again.node().leaderHint(), kNoNode);

    // Its vote in term 5 is still cast: it cannot vote twice by crashing.
    again.step(requestVote(3, 1, 5, 9, 5), 510);
    EXPECT_FALSE(again.onlyReply().voteGranted);
    EXPECT_TRUE(hasEvent(again.last().events, EventKind::VoteDenied, Reason::AlreadyVoted));

    // It learns the commit index from the leader and applies from the start.
    again.step(appendEntries(2, 1, 5, 2, 5, {}, 2), 520);
    EXPECT_EQ(again.node().commitIndex(), 2u);
    EXPECT_EQ(again.applied(), 2u);
}

// Reference: Figure 2 — "Updated on stable storage before responding to RPCs": every
// Ready that carries a message which depends on new state also says to save it.
// (NodeHarness checks this after every input; this test walks through each kind.)
TEST(PaperPersistence, ReadySavesStateBeforeTheMessagesThatDependOnIt)
{
    NodeHarness h(config(1, 3));
    h.fireElectionTimer(); // new term and a vote for itself, then RequestVote
    EXPECT_TRUE(h.last().hardStateChanged);
    EXPECT_FALSE(h.sent(MessageType::RequestVote).empty());

    h.step(voteReply(2, 1, 1, true)); // leader: the no-op is saved before AppendEntries
    ASSERT_EQ(h.node().role(), Role::Leader);
    EXPECT_EQ(h.last().persistFrom, 1u);
    EXPECT_FALSE(h.sent(MessageType::AppendEntries).empty());

    h.propose("set a 1");
    EXPECT_EQ(h.last().persistFrom, 2u);

    h.step(appendEntries(3, 1, 2, 0, 0, makeEntries(0, {2}), 0)); // deposed, log rewritten
    EXPECT_TRUE(h.last().hardStateChanged);
    EXPECT_EQ(h.last().persistFrom, 1u);
    EXPECT_TRUE(h.onlyReply().success);

    h.step(appendEntries(3, 1, 2, 1, 2, {}, 1)); // a plain heartbeat changes nothing stable
    EXPECT_FALSE(h.last().hardStateChanged);
    EXPECT_EQ(h.last().persistFrom, 0u);

    h.step(requestVote(2, 1, 3, 1, 2)); // a vote in a new term
    EXPECT_TRUE(h.last().hardStateChanged);
    EXPECT_TRUE(h.onlyReply().voteGranted);
    EXPECT_EQ(h.storage().votedFor, 2);
    EXPECT_EQ(h.storage().currentTerm, 3u);
}

// Reference: Figure 2 — scenario: a crash keeps the stable storage; the restarted
// server is a follower with commitIndex 0 and an empty state machine, which it
// rebuilds from its log once it learns the commit index from the leader.
TEST(PaperPersistenceScenario, RestartedServerRebuildsItsStateMachine)
{
    Simulation sim(cluster(5, 13));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    sim.advanceTo(sim.now());
    const NodeId leader = *sim.leader();
    EXPECT_TRUE(sim.request(leader, "set a 1"));
    const ProposeResult r = sim.request(leader, "set b 2").proposal;
    ASSERT_TRUE(r.accepted);
    ASSERT_TRUE(sim.runUntil(
        [&] {
            for (NodeId id = 1; id <= 5; ++id)
                if (sim.node(id)->lastApplied() < r.index)
                    return false;
            return true;
        },
        raft::fromMs(2000)));
    sim.advanceTo(sim.now());

    const NodeId f = leader % 5 + 1;
    const Node before = *sim.node(f);
    EXPECT_TRUE(sim.crash(f));
    EXPECT_EQ(sim.status(f), NodeStatus::Crashed);
    EXPECT_EQ(sim.node(f), nullptr);
    EXPECT_EQ(sim.server(f).storage.currentTerm, before.term());
    EXPECT_EQ(sim.server(f).storage.votedFor, before.votedFor());
    EXPECT_TRUE(sim.server(f).storage.log == before.log());
    EXPECT_EQ(sim.term(f), before.term());

    sim.runFor(raft::fromMs(300));
    EXPECT_TRUE(sim.restart(f));
    ASSERT_NE(sim.node(f), nullptr);
    EXPECT_EQ(sim.node(f)->role(), Role::Follower);
    EXPECT_EQ(sim.node(f)->term(), before.term());
    EXPECT_TRUE(sim.node(f)->log() == before.log());
    EXPECT_EQ(sim.node(f)->commitIndex(), 0u);
    EXPECT_EQ(sim.node(f)->lastApplied(), 0u);
    EXPECT_TRUE(sim.server(f).kv.data().empty()) << "the state machine is rebuilt from zero";
    EXPECT_TRUE(traceHas(sim, [&](const TraceEvent &e) { return e.kind == EventKind::NodeRestarted && e.node == f; }));

    ASSERT_TRUE(sim.runUntil([&] { return sim.node(f)->lastApplied() >= r.index; }, raft::fromMs(2000)));
    EXPECT_EQ(sim.server(f).kv, sim.server(leader).kv);
    EXPECT_EQ(*sim.server(f).kv.value("b"), "2");
    EXPECT_TRUE(sim.violations().empty());
}

// Reference: Figure 2 — scenario: a crashed leader comes back as a follower of the
// newer term and keeps its log.
TEST(PaperPersistenceScenario, CrashedLeaderReturnsAsAFollower)
{
    Simulation sim(cluster(3, 17));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    sim.runFor(raft::fromMs(100));
    const NodeId old = *sim.leader();
    const Term term = sim.term(old);
    EXPECT_TRUE(sim.crash(old));
    EXPECT_EQ(sim.role(old), Role::Follower);
    EXPECT_EQ(sim.term(old), term);
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    sim.advanceTo(sim.now());
    EXPECT_TRUE(sim.restart(old));
    EXPECT_EQ(sim.node(old)->role(), Role::Follower);
    EXPECT_EQ(sim.node(old)->term(), term);
    ASSERT_TRUE(sim.runUntil([&] { return sim.term(old) == sim.term(*sim.leader()); }, raft::fromMs(2000)));
    EXPECT_NE(*sim.leader(), old);
    EXPECT_TRUE(sim.violations().empty());
}

} // namespace
} // namespace raft
