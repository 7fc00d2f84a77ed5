// Tests of raft::Node as a state machine: its outputs, timers and bookkeeping, and a
// small cluster of Nodes wired together by hand (no Simulation, no Network).
#include "nodeharness.h"

#include "raft/node.h"

#include <gtest/gtest.h>

#include <deque>
#include <memory>

namespace raft {
namespace {

using namespace raft::testing;

TEST(Node, StartsAsAFollowerWithVolatileStateAtZero)
{
    const PersistentState s = stored(4, 2, makeLog({1, 3, 4}));
    const Node n(config(3, 5), s, 100);
    EXPECT_EQ(n.id(), 3);
    EXPECT_EQ(n.role(), Role::Follower);
    EXPECT_EQ(n.term(), 4u);
    EXPECT_EQ(n.votedFor(), 2);
    EXPECT_TRUE(n.log() == s.log);
    EXPECT_TRUE(n.persistentState() == s);
    EXPECT_EQ(n.commitIndex(), 0u);
    EXPECT_EQ(n.lastApplied(), 0u);
    EXPECT_EQ(n.leaderHint(), kNoNode);
    EXPECT_FALSE(n.hasReady());
    EXPECT_GT(n.electionDeadline(), 100);
    EXPECT_EQ(n.nextDeadline(), n.electionDeadline());
}

TEST(Node, QuorumIsAStrictMajority)
{
    const int expected[] = {0, 1, 2, 2, 3, 3, 4, 4, 5, 5};
    for (int size = 1; size <= kMaxNodes; ++size)
        EXPECT_EQ(Node(config(1, size), {}, 0).quorum(), expected[size]) << size << " servers";
}

TEST(Node, TakeReadyHandsOverTheOutputOnce)
{
    Node n(config(1, 3), {}, 0);
    n.tick(n.electionDeadline());
    EXPECT_TRUE(n.hasReady());
    Ready r;
    r.applyTo = 99; // old content is cleared
    n.takeReady(r);
    EXPECT_FALSE(r.empty());
    EXPECT_EQ(r.messages.size(), 2u);
    EXPECT_FALSE(n.hasReady());
    Ready again;
    n.takeReady(again);
    EXPECT_TRUE(again.empty());
}

TEST(Node, TickBeforeTheDeadlineDoesNothing)
{
    Node n(config(1, 3), {}, 0);
    const Time deadline = n.electionDeadline();
    for (Time t = 0; t < deadline; t += raft::fromMs(7))
        n.tick(t);
    EXPECT_EQ(n.role(), Role::Follower);
    EXPECT_FALSE(n.hasReady());
}

TEST(Node, TimeoutNowStartsAnElectionAtOnce)
{
    NodeHarness h(config(2, 3));
    h.timeoutNow();
    EXPECT_EQ(h.node().role(), Role::Candidate);
    EXPECT_EQ(h.node().term(), 1u);
    const auto started = h.events(EventKind::ElectionTimeout);
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].reason, Reason::Forced);
}

TEST(Node, TimeoutNowDoesNotDisturbALeader)
{
    NodeHarness h(config(1, 3));
    const Term term = h.becomeLeader();
    h.timeoutNow();
    EXPECT_EQ(h.node().role(), Role::Leader);
    EXPECT_EQ(h.node().term(), term);
}

TEST(Node, ShiftTimersMovesEveryDeadline)
{
    Node n(config(1, 3), {}, 0);
    const Time election = n.electionDeadline();
    n.shiftTimers(raft::fromMs(500));
    EXPECT_EQ(n.electionDeadline(), election + raft::fromMs(500));
    n.tick(election + raft::fromMs(500) - 1);
    EXPECT_EQ(n.role(), Role::Follower);
    n.tick(election + raft::fromMs(500));
    EXPECT_EQ(n.role(), Role::Candidate);
}

TEST(Node, SetElectionDeadlineFiresAtTheGivenTime)
{
    Node n(config(1, 3), {}, raft::fromMs(100));
    n.setElectionDeadline(raft::fromMs(130), raft::fromMs(100));
    EXPECT_EQ(n.electionDeadline(), raft::fromMs(130));
    EXPECT_EQ(n.electionTimeout(), raft::fromMs(30));
    n.tick(raft::fromMs(129));
    EXPECT_EQ(n.role(), Role::Follower);
    n.tick(raft::fromMs(130));
    EXPECT_EQ(n.role(), Role::Candidate);
}

TEST(Node, LeadersNextDeadlineIsItsHeartbeat)
{
    NodeHarness h(config(1, 3));
    h.becomeLeader();
    EXPECT_EQ(h.node().nextDeadline(), h.node().heartbeatDeadline());
    EXPECT_EQ(h.node().heartbeatDeadline(), h.now() + raft::fromMs(50));
}

TEST(Node, SingleServerElectsItselfAndCommitsAlone)
{
    NodeHarness h(config(1, 1));
    h.fireElectionTimer();
    EXPECT_EQ(h.node().role(), Role::Leader);
    EXPECT_TRUE(h.sent().empty()) << "nobody to talk to";
    EXPECT_EQ(h.node().commitIndex(), 1u) << "its no-op is on a majority of one";
    const ProposeResult r = h.propose("set x 1");
    ASSERT_TRUE(r.accepted);
    EXPECT_EQ(h.node().commitIndex(), r.index);
    EXPECT_EQ(h.applied(), r.index);
    EXPECT_EQ(*h.kv().value("x"), "1");
}

TEST(Node, CandidateTracksEachPeersVote)
{
    NodeHarness h(config(1, 5));
    h.fireElectionTimer();
    const Term term = h.node().term();
    EXPECT_EQ(h.node().progress(1).vote, VoteState::Granted);
    EXPECT_EQ(h.node().progress(2).vote, VoteState::Requested);
    h.step(voteReply(2, 1, term, true));
    h.step(voteReply(3, 1, term, false));
    EXPECT_EQ(h.node().progress(2).vote, VoteState::Granted);
    EXPECT_EQ(h.node().progress(3).vote, VoteState::Denied);
    EXPECT_EQ(h.node().progress(4).vote, VoteState::Requested);
    const auto received = h.events(EventKind::VoteReceived);
    ASSERT_EQ(received.size(), 1u);
    EXPECT_EQ(received[0].value, 0);
    EXPECT_EQ(received[0].index, 2u); // votes now
    EXPECT_EQ(received[0].index2, 3u); // votes needed
}

TEST(Node, LeaderIgnoresRepliesOfAnOlderTerm)
{
    NodeHarness h(config(1, 3), stored(4));
    const Term term = h.becomeLeader();
    h.step(appendAccepted(2, 1, term - 1, 7));
    EXPECT_EQ(h.node().progress(2).matchIndex, 0u);
    const auto ignored = h.events(EventKind::StaleIgnored);
    ASSERT_EQ(ignored.size(), 1u);
    EXPECT_EQ(ignored[0].reason, Reason::StaleTerm);
}

// Flow control (raft/progress.h): a probe carries at most maxEntriesPerMessage
// entries; once the follower answers, the leader knows its position and sends the rest
// in one batch of up to Progress::kReplicateBatch times as many.
TEST(Node, ProbeCarriesAtMostMaxEntriesPerMessageThenTheRestFollowsInOneBatch)
{
    NodeConfig c = config(1, 3, false);
    c.maxEntriesPerMessage = 2;
    NodeHarness h(c, stored(1, kNoNode, makeLog({1, 1, 1, 1, 1})));
    const Term term = h.becomeLeader();
    h.step(appendRejected(2, 1, term, 5, 0, 1)); // S2's log is empty
    const auto out = h.sentTo(2, MessageType::AppendEntries);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].prevLogIndex, 0u);
    EXPECT_EQ(out[0].entries.size(), 2u);

    // The acknowledgement brings the next batch at once: all that is left.
    h.step(appendAccepted(2, 1, term, 2));
    EXPECT_EQ(h.node().progress(2).state, FlowState::Replicate);
    const auto next = h.sentTo(2, MessageType::AppendEntries);
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(next[0].prevLogIndex, 2u);
    EXPECT_EQ(next[0].entries.size(), h.node().log().lastIndex() - 2);
    EXPECT_LE(next[0].entries.size(), static_cast<std::size_t>(2 * Progress::kReplicateBatch));
    // Nothing more goes out until that batch is answered: no entry is sent twice.
    ASSERT_TRUE(h.propose("set x 1").accepted);
    EXPECT_TRUE(h.sentTo(2, MessageType::AppendEntries).empty());
}

TEST(Node, ProgressKeepsMatchIndexBelowNextIndex)
{
    NodeHarness h(config(1, 3, false), stored(1, kNoNode, makeLog({1, 1, 1})));
    const Term term = h.becomeLeader();
    h.step(appendAccepted(2, 1, term, 3));
    h.step(appendAccepted(2, 1, term, 1)); // an older acknowledgement arrives late
    EXPECT_EQ(h.node().progress(2).matchIndex, 3u) << "matchIndex never goes back";
    EXPECT_LT(h.node().progress(2).matchIndex, h.node().progress(2).nextIndex);
}

TEST(Node, SameConfigAndInputsGiveTheSameNode)
{
    const auto run = [](std::uint64_t seed) {
        NodeHarness h(config(1, 3, true, seed));
        h.fireElectionTimer();
        h.step(voteReply(2, 1, 1, true));
        h.propose("set a 1");
        h.step(appendAccepted(2, 1, 1, 2));
        h.fireHeartbeat();
        return h.node();
    };
    EXPECT_EQ(run(3), run(3));
    EXPECT_NE(run(3), run(4)); // the timers differ
}

/// Wire connects three Nodes through a FIFO queue that delivers every message, with
/// optional per-link loss, and keeps time in 1 ms steps.
class Wire {
public:
    explicit Wire(int size)
    {
        for (NodeId id = 1; id <= size; ++id)
            m_nodes.push_back(std::make_unique<NodeHarness>(config(id, size, true, 100 + id)));
    }
    NodeHarness &at(NodeId id) { return *m_nodes[id - 1]; }
    int size() const { return static_cast<int>(m_nodes.size()); }

    /// run advances time by `ms`, firing timers and delivering each message 1 ms
    /// after it was sent (unless its sender or receiver is in `down`).
    void run(std::int64_t ms, const std::vector<NodeId> &down = {})
    {
        const auto isDown = [&](NodeId id) { return std::find(down.begin(), down.end(), id) != down.end(); };
        for (Time end = m_now + raft::fromMs(ms); m_now < end;) {
            m_now += raft::fromMs(1);
            std::deque<Message> due;
            due.swap(m_queue);
            for (const Message &m : due)
                if (!isDown(m.from) && !isDown(m.to))
                    deliver(at(m.to), [&](NodeHarness &h) { h.step(m, m_now); });
            for (NodeId id = 1; id <= size(); ++id)
                if (!isDown(id))
                    deliver(at(id), [&](NodeHarness &h) { h.tick(m_now); });
        }
    }
    std::optional<NodeId> leader()
    {
        std::optional<NodeId> best;
        for (NodeId id = 1; id <= size(); ++id)
            if (at(id).node().role() == Role::Leader && (!best || at(id).node().term() > at(*best).node().term()))
                best = id;
        return best;
    }
    Time now() const { return m_now; }
    void propose(NodeId id, const std::string &command)
    {
        deliver(at(id), [&](NodeHarness &h) { h.propose(command); });
    }

private:
    template <typename F> void deliver(NodeHarness &h, F f)
    {
        f(h);
        for (const Message &m : h.sent())
            m_queue.push_back(m);
    }

    std::vector<std::unique_ptr<NodeHarness>> m_nodes;
    std::deque<Message> m_queue;
    Time m_now = 0;
};

TEST(NodeCluster, ThreeNodesElectReplicateAndAgree)
{
    Wire w(3);
    w.run(400);
    ASSERT_TRUE(w.leader().has_value());
    const NodeId leader = *w.leader();
    for (int i = 1; i <= 10; ++i)
        w.propose(leader, "set k" + std::to_string(i % 3) + " " + std::to_string(i));
    w.run(100);
    for (NodeId id = 1; id <= 3; ++id) {
        EXPECT_EQ(w.at(id).node().commitIndex(), 11u) << nodeName(id);
        EXPECT_TRUE(w.at(id).node().log() == w.at(leader).node().log()) << nodeName(id);
        EXPECT_EQ(w.at(id).kv(), w.at(leader).kv()) << nodeName(id);
    }
    EXPECT_EQ(*w.at(1).kv().value("k1"), "10");
}

TEST(NodeCluster, SurvivorsElectANewLeaderAndCatchUpTheReturningOne)
{
    Wire w(3);
    w.run(400);
    ASSERT_TRUE(w.leader().has_value());
    const NodeId first = *w.leader();
    w.propose(first, "set a 1");
    w.run(50);

    // The leader is cut off; the other two elect a new one and go on without it.
    w.run(600, {first});
    std::optional<NodeId> second;
    for (NodeId id = 1; id <= 3; ++id)
        if (id != first && w.at(id).node().role() == Role::Leader)
            second = id;
    ASSERT_TRUE(second.has_value());
    EXPECT_GT(w.at(*second).node().term(), w.at(first).node().term());
    w.propose(*second, "set b 2");
    w.run(50, {first});

    w.run(200);
    EXPECT_EQ(w.at(first).node().role(), Role::Follower);
    EXPECT_TRUE(w.at(first).node().log() == w.at(*second).node().log());
    EXPECT_EQ(*w.at(first).kv().value("b"), "2");
}

} // namespace
} // namespace raft
