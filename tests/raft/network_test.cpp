// Tests of raft::Network (the message bus) on its own, and of how the Simulation uses
// it: latency, loss, duplication, walls (partitions and cut links), total delivery
// order, one chosen message dropped or delivered, paused receivers, hold mode.
#include "raft/network.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

namespace raft {
namespace {

Message msg(NodeId from, NodeId to, MessageType type = MessageType::AppendEntries)
{
    Message m;
    m.type = type;
    m.from = from;
    m.to = to;
    m.term = 1;
    return m;
}

NetworkConfig conditions(Time latencyMin, Time latencyMax, double loss = 0, double duplicate = 0)
{
    NetworkConfig c;
    c.latencyMin = latencyMin;
    c.latencyMax = latencyMax;
    c.loss = loss;
    c.duplicate = duplicate;
    return c;
}

/// drain pops every envelope, in order.
std::vector<Envelope> drain(Network &net)
{
    std::vector<Envelope> out;
    while (auto e = net.popNext(std::numeric_limits<Time>::max()))
        out.push_back(std::move(*e));
    return out;
}

// --- latency, loss, duplication -----------------------------------------------------

TEST(Network, LatencyIsDrawnFromTheRange)
{
    Network net(conditions(10, 20), 3);
    Rng rng(1);
    for (int i = 0; i < 2000; ++i)
        net.send(msg(1, 2), 100, rng);
    std::set<Time> seen;
    for (const Envelope &e : drain(net)) {
        EXPECT_EQ(e.sentAt, 100);
        EXPECT_GE(e.deliverAt - e.sentAt, 10);
        EXPECT_LE(e.deliverAt - e.sentAt, 20);
        EXPECT_FALSE(e.doomed);
        seen.insert(e.deliverAt - e.sentAt);
    }
    EXPECT_EQ(seen.size(), 11u) << "every latency in [10, 20] occurs over 2000 sends";
}

TEST(Network, LossProbabilityIsHonoured)
{
    const double p = 0.3;
    const int n = 20000;
    Network net(conditions(5, 15, p), 3);
    Rng rng(7);
    for (int i = 0; i < n; ++i)
        net.send(msg(1, 2), 0, rng);
    int lost = 0;
    for (const Envelope &e : drain(net)) {
        if (e.doomed) {
            ++lost;
            EXPECT_EQ(e.lossReason, Reason::RandomLoss);
            EXPECT_GE(e.lostAt, e.sentAt);
            EXPECT_LE(e.lostAt, e.deliverAt);
        }
    }
    const double sigma = std::sqrt(n * p * (1 - p)); // ~65
    EXPECT_NEAR(lost, n * p, 5 * sigma);
}

TEST(Network, DuplicationProbabilityIsHonoured)
{
    const double p = 0.2;
    const int n = 20000;
    Network net(conditions(5, 15, 0, p), 3);
    Rng rng(9);
    int twice = 0;
    for (int i = 0; i < n; ++i)
        twice += net.send(msg(2, 3), 0, rng) == 2 ? 1 : 0;
    EXPECT_EQ(net.size(), static_cast<std::size_t>(n + twice));
    int copies = 0;
    for (const Envelope &e : drain(net))
        copies += e.duplicate ? 1 : 0;
    EXPECT_EQ(copies, twice);
    const double sigma = std::sqrt(n * p * (1 - p)); // ~57
    EXPECT_NEAR(twice, n * p, 5 * sigma);
}

TEST(Network, NoLossNoDuplicationByDefault)
{
    Network net(NetworkConfig{}, 3);
    Rng rng(3);
    for (int i = 0; i < 1000; ++i)
        EXPECT_EQ(net.send(msg(1, 3), 0, rng), 1);
    for (const Envelope &e : drain(net))
        EXPECT_FALSE(e.doomed || e.duplicate);
}

TEST(Network, SameSeedSameDraws)
{
    const auto run = [](std::uint64_t seed) {
        Network net(conditions(1, 100, 0.2, 0.2), 5);
        Rng rng(seed);
        for (int i = 0; i < 200; ++i)
            net.send(msg(1 + i % 5, 1 + (i + 1) % 5), i, rng);
        return drain(net);
    };
    EXPECT_EQ(run(11), run(11));
    EXPECT_NE(run(11), run(12));
}

// --- topology ---------------------------------------------------------------------

TEST(Network, PartitionSeparatesGroupsAndUnlistedNodesFormOneMore)
{
    Network net(NetworkConfig{}, 5);
    EXPECT_FALSE(net.hasFaults());
    net.partition({{1}, {2}});
    EXPECT_TRUE(net.hasFaults());
    EXPECT_FALSE(net.canReach(1, 2));
    EXPECT_FALSE(net.canReach(1, 3));
    EXPECT_FALSE(net.canReach(2, 5));
    EXPECT_TRUE(net.canReach(3, 4)); // 3, 4, 5 were not listed: together they form a group
    EXPECT_TRUE(net.canReach(5, 3));
    EXPECT_EQ(net.blockReason(1, 2), Reason::Partition);
    EXPECT_EQ(net.blockReason(3, 4), Reason::None);
}

TEST(Network, PartitionReplacesTheGroupsButKeepsCuts)
{
    Network net(NetworkConfig{}, 5);
    net.cut(4, 5);
    net.partition({{1, 2}, {3, 4, 5}});
    EXPECT_FALSE(net.canReach(1, 3));
    net.partition({{1, 3}, {2, 4, 5}});
    EXPECT_TRUE(net.canReach(1, 3)) << "the old groups are gone";
    EXPECT_FALSE(net.canReach(1, 2));
    EXPECT_FALSE(net.canReach(4, 5)) << "a partition does not undo a cut";
    EXPECT_TRUE(net.canReach(5, 4));
}

TEST(Network, CutIsOneWayAndAddsToTheFaults)
{
    Network net(NetworkConfig{}, 3);
    net.cut(1, 2);
    EXPECT_FALSE(net.canReach(1, 2));
    EXPECT_TRUE(net.canReach(2, 1));
    EXPECT_TRUE(net.isCut(1, 2));
    EXPECT_EQ(net.blockReason(1, 2), Reason::LinkCut);
    net.cut(2, 3);
    EXPECT_FALSE(net.canReach(1, 2)) << "the first cut stays";
    EXPECT_FALSE(net.canReach(2, 3));
    net.restore(1, 2);
    EXPECT_TRUE(net.canReach(1, 2));
    EXPECT_FALSE(net.canReach(2, 3));
}

TEST(Network, IsolateCutsEveryLinkOfANodeAndAddsToAPartition)
{
    Network net(NetworkConfig{}, 5);
    net.partition({{1, 2, 3}, {4, 5}});
    net.isolate(2);
    for (NodeId other : {1, 3, 4, 5}) {
        EXPECT_FALSE(net.canReach(2, other));
        EXPECT_FALSE(net.canReach(other, 2));
    }
    EXPECT_TRUE(net.canReach(1, 3));
    EXPECT_FALSE(net.canReach(1, 4)) << "the partition stays";
    EXPECT_TRUE(net.canReach(4, 5));
}

TEST(Network, HealClearsEverything)
{
    Network net(NetworkConfig{}, 5);
    net.partition({{1, 2}, {3, 4, 5}});
    net.isolate(4);
    net.cut(3, 5);
    net.heal();
    EXPECT_FALSE(net.hasFaults());
    for (NodeId a = 1; a <= 5; ++a) {
        EXPECT_EQ(net.groupOf(a), 0);
        for (NodeId b = 1; b <= 5; ++b)
            EXPECT_TRUE(a == b || net.canReach(a, b));
    }
}

TEST(Network, MessageSentAcrossAWallIsDoomed)
{
    Network net(conditions(10, 10), 3);
    Rng rng(1);
    net.cut(1, 2);
    net.partition({{1, 2}, {3}});
    net.send(msg(1, 2), 0, rng);
    net.send(msg(2, 3), 0, rng);
    net.send(msg(2, 1), 0, rng);
    const auto out = drain(net);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_TRUE(out[0].doomed);
    EXPECT_EQ(out[0].lossReason, Reason::LinkCut);
    EXPECT_TRUE(out[1].doomed);
    EXPECT_EQ(out[1].lossReason, Reason::Partition);
    EXPECT_FALSE(out[2].doomed);
}

// --- order and bookkeeping ------------------------------------------------------

TEST(Network, DeliveryFollowsTimeThenId)
{
    Network net(conditions(1, 30, 0.1, 0.1), 5);
    Rng rng(5);
    for (Time t = 0; t < 200; ++t)
        net.send(msg(1 + t % 5, 1 + (t + 2) % 5), t / 3, rng);
    std::uint64_t lastId = 0;
    Time lastAt = -1;
    std::set<std::uint64_t> ids;
    std::size_t count = 0;
    while (auto next = net.nextEventTime()) {
        auto e = net.popNext(*next);
        ASSERT_TRUE(e.has_value());
        EXPECT_EQ(e->eventTime(), *next);
        EXPECT_TRUE(e->eventTime() > lastAt || (e->eventTime() == lastAt && e->id > lastId))
            << "(" << e->eventTime() << ", " << e->id << ") after (" << lastAt << ", " << lastId << ")";
        lastAt = e->eventTime();
        lastId = e->id;
        ids.insert(e->id);
        ++count;
    }
    EXPECT_EQ(ids.size(), count) << "ids are unique";
    EXPECT_EQ(net.size(), 0u);
}

TEST(Network, PopNextStopsAtTheGivenTime)
{
    Network net(conditions(10, 10), 3);
    Rng rng(1);
    net.send(msg(1, 2), 0, rng); // due at 10
    net.send(msg(1, 3), 5, rng); // due at 15
    EXPECT_EQ(net.nextEventTime(), 10);
    EXPECT_FALSE(net.popNext(9).has_value());
    EXPECT_TRUE(net.popNext(10).has_value());
    EXPECT_FALSE(net.popNext(14).has_value());
    EXPECT_EQ(net.nextEventTime(), 15);
    EXPECT_TRUE(net.popNext(15).has_value());
    EXPECT_FALSE(net.nextEventTime().has_value());
}

TEST(Network, TakeRemovesOneChosenMessage)
{
    Network net(conditions(10, 20), 3);
    Rng rng(1);
    for (int i = 0; i < 5; ++i)
        net.send(msg(1, 2), i, rng);
    const auto all = net.envelopes();
    ASSERT_EQ(all.size(), 5u);
    for (std::size_t i = 1; i < all.size(); ++i)
        EXPECT_LT(all[i - 1]->id, all[i]->id);
    const std::uint64_t chosen = all[2]->id;
    ASSERT_NE(net.find(chosen), nullptr);
    const auto taken = net.take(chosen);
    ASSERT_TRUE(taken.has_value());
    EXPECT_EQ(taken->id, chosen);
    EXPECT_EQ(net.find(chosen), nullptr);
    EXPECT_FALSE(net.take(chosen).has_value());
    EXPECT_EQ(net.size(), 4u);
    for (const Envelope &e : drain(net))
        EXPECT_NE(e.id, chosen);
}

TEST(Network, ParkedMessagesWaitUntilUnparkedInTheirOrder)
{
    Network net(conditions(10, 10), 3);
    Rng rng(1);
    net.send(msg(1, 2), 0, rng);
    net.send(msg(3, 2), 1, rng);
    net.send(msg(1, 3), 2, rng);
    // Both messages to S2 reach its door while it is paused, and wait there.
    auto a = net.popNext(100);
    auto b = net.popNext(100);
    ASSERT_TRUE(a && b);
    net.park(*b);
    net.park(*a);
    EXPECT_EQ(net.size(), 3u);
    auto c = net.popNext(100);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->message.to, 3);
    EXPECT_FALSE(net.nextEventTime().has_value()) << "waiting messages are not scheduled";

    net.unparkFor(2, 500);
    auto first = net.popNext(500);
    auto second = net.popNext(500);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->id, a->id) << "released in their original order";
    EXPECT_EQ(second->id, b->id);
    EXPECT_EQ(first->deliverAt, 500);
    EXPECT_FALSE(first->waiting);
}

TEST(Network, DuplicateMessageCopiesOneInFlight)
{
    Network net(conditions(10, 10), 3);
    Rng rng(1);
    net.send(msg(1, 2, MessageType::RequestVote), 0, rng);
    const std::uint64_t original = net.envelopes().front()->id;
    const std::uint64_t copy = net.duplicateMessage(original, 4, rng);
    ASSERT_NE(copy, 0u);
    EXPECT_NE(copy, original);
    const Envelope *e = net.find(copy);
    ASSERT_NE(e, nullptr);
    EXPECT_TRUE(e->duplicate);
    EXPECT_EQ(e->sentAt, 4);
    EXPECT_EQ(e->message, net.find(original)->message);
    EXPECT_EQ(net.duplicateMessage(12345, 4, rng), 0u);
}

TEST(Network, HoldMarksNewMessagesOnly)
{
    Network net(conditions(10, 10), 3);
    Rng rng(1);
    net.send(msg(1, 2), 0, rng);
    net.setHold(true);
    EXPECT_TRUE(net.isHolding());
    net.send(msg(1, 3), 0, rng);
    net.setHold(false);
    net.send(msg(2, 3), 0, rng);
    const auto all = net.envelopes();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_FALSE(all[0]->held);
    EXPECT_TRUE(all[1]->held);
    EXPECT_FALSE(all[2]->held);
}

// --- the network inside a Simulation ----------------------------------------------

ClusterConfig cluster(int nodes, std::uint64_t seed)
{
    ClusterConfig c;
    c.nodes = nodes;
    c.seed = seed;
    return c;
}

/// firstInFlight returns the id of the first message in flight from -> to.
std::uint64_t firstInFlight(const Simulation &sim, NodeId from, NodeId to)
{
    for (const Envelope *e : sim.network().envelopes())
        if (e->message.from == from && e->message.to == to && !e->doomed && !e->waiting)
            return e->id;
    return 0;
}

/// lostEvent finds the MessageLost event of message id.
std::optional<TraceEvent> lostEvent(const Simulation &sim, std::uint64_t id)
{
    for (const TraceEvent &e : sim.trace().events())
        if (e.kind == EventKind::MessageLost && e.index == id)
            return e;
    return std::nullopt;
}

/// runUntilGone runs until message id has left the network.
bool runUntilGone(Simulation &sim, std::uint64_t id)
{
    return sim.runUntil([&] { return sim.network().find(id) == nullptr; }, raft::fromMs(1000));
}

TEST(NetworkInSimulation, MessageIsLostIfItsLinkIsCutWhileInFlight)
{
    Simulation sim(cluster(3, 1));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    const NodeId leader = *sim.leader();
    const NodeId follower = leader % 3 + 1;
    ASSERT_TRUE(sim.runUntil([&] { return firstInFlight(sim, leader, follower) != 0; }, raft::fromMs(1000)));
    const std::uint64_t id = firstInFlight(sim, leader, follower);
    ASSERT_FALSE(sim.network().find(id)->doomed);

    EXPECT_TRUE(sim.cut(leader, follower, false)); // a wall rises in its path
    ASSERT_TRUE(runUntilGone(sim, id));
    const std::optional<TraceEvent> lost = lostEvent(sim, id);
    ASSERT_TRUE(lost.has_value());
    EXPECT_EQ(lost->reason, Reason::LinkCut);
    EXPECT_EQ(lost->node, leader);
    EXPECT_EQ(lost->peer, follower);
}

TEST(NetworkInSimulation, MessageIsLostIfItsLinkWasCutWhenSentEvenIfHealedSince)
{
    Simulation sim(cluster(3, 2));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    const NodeId leader = *sim.leader();
    const NodeId follower = leader % 3 + 1;
    std::uint64_t before = 0;
    for (const Envelope *e : sim.network().envelopes())
        before = std::max(before, e->id);
    EXPECT_TRUE(sim.cut(leader, follower, false));
    // Wait for a heartbeat sent across the cut (ids grow with sending order).
    std::uint64_t id = 0;
    ASSERT_TRUE(sim.runUntil(
        [&] {
            for (const Envelope *e : sim.network().envelopes())
                if (e->id > before && e->message.from == leader && e->message.to == follower)
                    id = e->id;
            return id != 0;
        },
        raft::fromMs(1000)));
    EXPECT_TRUE(sim.network().find(id)->doomed);
    EXPECT_TRUE(sim.heal()); // the wall is gone, but the message already hit it
    ASSERT_TRUE(runUntilGone(sim, id));
    const std::optional<TraceEvent> lost = lostEvent(sim, id);
    ASSERT_TRUE(lost.has_value());
    EXPECT_EQ(lost->reason, Reason::LinkCut);
}

TEST(NetworkInSimulation, PartitionLossIsReportedAsPartition)
{
    Simulation sim(cluster(3, 3));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    const NodeId leader = *sim.leader();
    const NodeId follower = leader % 3 + 1;
    ASSERT_TRUE(sim.runUntil([&] { return firstInFlight(sim, leader, follower) != 0; }, raft::fromMs(1000)));
    const std::uint64_t id = firstInFlight(sim, leader, follower);
    EXPECT_TRUE(sim.partition({{leader}, {follower}}));
    ASSERT_TRUE(runUntilGone(sim, id));
    ASSERT_TRUE(lostEvent(sim, id).has_value());
    EXPECT_EQ(lostEvent(sim, id)->reason, Reason::Partition);
}

TEST(NetworkInSimulation, DropMessageLosesTheChosenMessage)
{
    Simulation sim(cluster(3, 4));
    ASSERT_TRUE(sim.runUntil([&] { return sim.network().size() > 0; }, raft::fromMs(1000)));
    const std::uint64_t id = sim.network().envelopes().front()->id;
    const std::uint64_t dropped = sim.stats().messagesDropped;
    EXPECT_TRUE(sim.dropMessage(id));
    EXPECT_EQ(sim.network().find(id), nullptr);
    EXPECT_EQ(sim.stats().messagesDropped, dropped + 1);
    ASSERT_TRUE(lostEvent(sim, id).has_value());
    EXPECT_EQ(lostEvent(sim, id)->reason, Reason::UserDropped);
    EXPECT_FALSE(sim.dropMessage(id)) << "it is no longer in flight";
    EXPECT_EQ(sim.inputs().back().action, Action(act::Drop{id}));
}

TEST(NetworkInSimulation, DeliverMessageDeliversItNow)
{
    Simulation sim(cluster(3, 5));
    ASSERT_TRUE(sim.runUntil([&] { return sim.network().size() > 0; }, raft::fromMs(1000)));
    const Envelope e = *sim.network().envelopes().front();
    ASSERT_GT(e.deliverAt, sim.now());
    ASSERT_EQ(e.message.type, MessageType::RequestVote);
    const std::uint64_t delivered = sim.stats().messagesDelivered;
    const Time now = sim.now();
    EXPECT_TRUE(sim.deliverMessage(e.id));
    EXPECT_EQ(sim.now(), now);
    EXPECT_EQ(sim.network().find(e.id), nullptr);
    EXPECT_EQ(sim.stats().messagesDelivered, delivered + 1);
    // The receiver answered at once: its reply to the candidate is in flight.
    bool replied = false;
    for (const Envelope *r : sim.network().envelopes())
        replied = replied
            || (r->message.type == MessageType::RequestVoteReply && r->message.from == e.message.to
                && r->message.to == e.message.from && r->sentAt == now);
    EXPECT_TRUE(replied);
    EXPECT_FALSE(sim.deliverMessage(e.id));
}

TEST(NetworkInSimulation, PausedNodesMessagesWaitAndArriveAfterResume)
{
    Simulation sim(cluster(3, 6));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    sim.runFor(raft::fromMs(100));
    const NodeId leader = *sim.leader();
    const NodeId f = leader % 3 + 1;
    const Index before = sim.log(f).lastIndex();
    const Node frozen = *sim.node(f);

    EXPECT_TRUE(sim.pause(f));
    EXPECT_EQ(sim.status(f), NodeStatus::Paused);
    EXPECT_TRUE(sim.isLive(f));
    const ProposeResult r = sim.request(leader, "set x 1").proposal;
    ASSERT_TRUE(r.accepted);
    sim.runFor(raft::fromMs(1000)); // far past its election timeout: frozen, it does not time out
    EXPECT_EQ(*sim.node(f), frozen) << "a paused node does not change at all";
    EXPECT_EQ(sim.log(f).lastIndex(), before);
    std::size_t waiting = 0;
    sim.network().forEach([&](const Envelope &e) { waiting += e.message.to == f && e.waiting ? 1 : 0; });
    EXPECT_GT(waiting, 10u) << "heartbeats pile up at its door";
    const auto &events = sim.trace().events();
    EXPECT_EQ(static_cast<std::size_t>(std::count_if(events.begin(), events.end(),
                                                     [&](const TraceEvent &e) {
                                                         return e.kind == EventKind::MessageWaiting && e.peer == f
                                                             && e.reason == Reason::NodePaused;
                                                     })),
              waiting)
        << "each arrival at the closed door is an event of the trace";
    EXPECT_EQ(sim.commitIndex(leader), r.index) << "the other two still make a majority";

    EXPECT_TRUE(sim.resume(f));
    EXPECT_EQ(sim.status(f), NodeStatus::Up);
    ASSERT_TRUE(sim.runUntil([&] { return sim.node(f)->lastApplied() >= r.index; }, raft::fromMs(500)));
    EXPECT_EQ(*sim.server(f).kv.value("x"), "1");
    EXPECT_EQ(sim.role(f), Role::Follower);
    EXPECT_TRUE(sim.violations().empty());
}

TEST(NetworkInSimulation, PausedNodesTimersResumeWhereTheyStopped)
{
    Simulation sim(cluster(3, 7));
    sim.runFor(raft::fromMs(10));
    const Time left = sim.node(2)->electionDeadline() - sim.now();
    EXPECT_TRUE(sim.pause(2));
    sim.runFor(raft::fromMs(700));
    EXPECT_TRUE(sim.resume(2));
    EXPECT_EQ(sim.node(2)->electionDeadline() - sim.now(), left) << "frozen time does not count";
}

TEST(NetworkInSimulation, PausedLeaderStaysLeaderUntilItHearsOfTheNewTerm)
{
    Simulation sim(cluster(5, 8));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    const NodeId old = *sim.leader();
    const Term term = sim.term(old);
    EXPECT_TRUE(sim.pause(old));
    EXPECT_EQ(sim.leader(), old) << "a paused leader is live and still leader";
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader() != old; }, raft::fromMs(5000)));
    EXPECT_EQ(sim.role(old), Role::Leader);
    EXPECT_EQ(sim.term(old), term);
    EXPECT_TRUE(sim.resume(old));
    ASSERT_TRUE(sim.runUntil([&] { return sim.role(old) == Role::Follower; }, raft::fromMs(1000)));
    EXPECT_GT(sim.term(old), term);
    EXPECT_TRUE(sim.violations().empty());
}

TEST(NetworkInSimulation, HoldModeKeepsMessagesUntilDelivered)
{
    Simulation sim(cluster(3, 9));
    EXPECT_TRUE(sim.setHold(true));
    sim.runFor(raft::fromMs(1000));
    EXPECT_EQ(sim.stats().messagesDelivered, 0u);
    EXPECT_FALSE(sim.leader().has_value());
    ASSERT_GT(sim.network().size(), 0u);
    std::vector<std::uint64_t> held;
    sim.network().forEach([&](const Envelope &e) {
        EXPECT_TRUE(e.held);
        held.push_back(e.id);
    });
    std::sort(held.begin(), held.end());
    const auto &events = sim.trace().events();
    EXPECT_TRUE(std::any_of(events.begin(), events.end(), [&](const TraceEvent &e) {
        return e.kind == EventKind::MessageWaiting && e.reason == Reason::Forced && e.index == held.front();
    })) << "a held message that reached its door waits there, as an event of the trace";

    // The user carries one message by hand.
    ASSERT_TRUE(sim.deliverMessage(held.front()));
    EXPECT_EQ(sim.stats().messagesDelivered, 1u);

    // Hold off: new messages flow again, and a leader is elected.
    EXPECT_TRUE(sim.setHold(false));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    EXPECT_NE(sim.network().find(held.back()), nullptr) << "messages held before stay held";
    EXPECT_TRUE(sim.violations().empty());
}

TEST(NetworkInSimulation, CrashedReceiverLosesItsMessages)
{
    Simulation sim(cluster(3, 10));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    const NodeId leader = *sim.leader();
    const NodeId f = leader % 3 + 1;
    EXPECT_TRUE(sim.crash(f));
    const std::size_t mark = sim.trace().size();
    sim.runFor(raft::fromMs(500));
    bool lost = false;
    for (std::size_t i = mark; i < sim.trace().size(); ++i) {
        const TraceEvent &e = sim.trace().events()[i];
        lost = lost || (e.kind == EventKind::MessageLost && e.peer == f && e.reason == Reason::DestinationCrashed);
    }
    EXPECT_TRUE(lost);
}

} // namespace
} // namespace raft
