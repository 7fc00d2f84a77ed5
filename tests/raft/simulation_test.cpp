// Tests of raft::Simulation as the world: the clock and the order of events, the user
// actions and their record, statistics, the trace, and the config check.
#include "raft/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <set>

namespace raft {
namespace {

ClusterConfig cluster(int nodes, std::uint64_t seed)
{
    ClusterConfig c;
    c.nodes = nodes;
    c.seed = seed;
    return c;
}

bool hasLeader(const Simulation &sim)
{
    return sim.leader().has_value();
}

std::size_t countKind(const Simulation &sim, EventKind kind)
{
    const auto &events = sim.trace().events();
    return static_cast<std::size_t>(
        std::count_if(events.begin(), events.end(), [&](const TraceEvent &e) { return e.kind == kind; }));
}

// --- the config ------------------------------------------------------------------

TEST(ClusterConfig, DefaultsAreValid)
{
    EXPECT_EQ(ClusterConfig{}.validate(), "");
}

TEST(ClusterConfig, ValidateNamesTheProblem)
{
    const auto broken = [](auto change) {
        ClusterConfig c;
        change(c);
        return c.validate();
    };
    EXPECT_NE(broken([](ClusterConfig &c) { c.nodes = 0; }), "");
    EXPECT_NE(broken([](ClusterConfig &c) { c.nodes = 10; }), "");
    EXPECT_NE(broken([](ClusterConfig &c) { c.electionTimeoutMin = raft::fromMs(300), c.electionTimeoutMax = raft::fromMs(150); }), "");
    EXPECT_NE(broken([](ClusterConfig &c) { c.heartbeatInterval = raft::fromMs(150); }), "");
    EXPECT_NE(broken([](ClusterConfig &c) { c.network.latencyMin = raft::fromMs(0); }), "");
    EXPECT_NE(broken([](ClusterConfig &c) { c.network.latencyMin = raft::fromMs(30), c.network.latencyMax = raft::fromMs(20); }), "");
    EXPECT_NE(broken([](ClusterConfig &c) { c.network.loss = 1.5; }), "");
    EXPECT_NE(broken([](ClusterConfig &c) { c.network.duplicate = -0.1; }), "");
    EXPECT_EQ(broken([](ClusterConfig &c) { c.nodes = 1; }), "");
    EXPECT_EQ(broken([](ClusterConfig &c) { c.nodes = 9; }), "");
}

// --- time --------------------------------------------------------------------------

TEST(Simulation, StartsWithEveryServerUpAndFollowing)
{
    const Simulation sim(cluster(5, 1));
    EXPECT_EQ(sim.size(), 5);
    EXPECT_EQ(sim.now(), 0);
    EXPECT_EQ(sim.stepCount(), 0u);
    EXPECT_FALSE(hasLeader(sim));
    Time earliest = std::numeric_limits<Time>::max();
    for (NodeId id = 1; id <= 5; ++id) {
        EXPECT_EQ(sim.status(id), NodeStatus::Up);
        EXPECT_EQ(sim.role(id), Role::Follower);
        EXPECT_EQ(sim.term(id), 0u);
        ASSERT_NE(sim.node(id), nullptr);
        earliest = std::min(earliest, sim.node(id)->electionDeadline());
    }
    EXPECT_EQ(sim.nextEventTime(), earliest);
    EXPECT_EQ(sim.network().size(), 0u);
}

TEST(Simulation, ServersDrawDifferentTimeouts)
{
    const Simulation sim(cluster(5, 1));
    std::set<Time> deadlines;
    for (NodeId id = 1; id <= 5; ++id)
        deadlines.insert(sim.node(id)->electionDeadline());
    EXPECT_GE(deadlines.size(), 4u);
}

TEST(Simulation, StepProcessesOneEventAtATimeInTimeOrder)
{
    Simulation sim(cluster(5, 2));
    Time last = 0;
    for (int i = 0; i < 500; ++i) {
        const auto next = sim.nextEventTime();
        ASSERT_TRUE(next.has_value());
        const std::uint64_t before = sim.stepCount();
        ASSERT_TRUE(sim.step());
        EXPECT_EQ(sim.now(), *next);
        EXPECT_GE(sim.now(), last);
        EXPECT_EQ(sim.stepCount(), before + 1);
        last = sim.now();
    }
    EXPECT_TRUE(hasLeader(sim));
}

TEST(Simulation, TraceEventsCarryTheirStepAndTime)
{
    Simulation sim(cluster(3, 3));
    sim.runFor(raft::fromMs(2000));
    std::uint64_t step = 0;
    Time t = 0;
    for (const TraceEvent &e : sim.trace().events()) {
        EXPECT_GE(e.step, step);
        EXPECT_GE(e.t, t);
        EXPECT_LE(e.step, sim.stepCount());
        step = e.step;
        t = e.t;
    }
}

TEST(Simulation, AdvanceToProcessesEverythingDueAndSetsTheClock)
{
    Simulation sim(cluster(3, 4));
    sim.advanceTo(raft::fromMs(1234));
    EXPECT_EQ(sim.now(), raft::fromMs(1234));
    ASSERT_TRUE(sim.nextEventTime().has_value());
    EXPECT_GT(*sim.nextEventTime(), 1234);
    sim.runFor(raft::fromMs(66));
    EXPECT_EQ(sim.now(), raft::fromMs(1300));
    sim.advanceTo(raft::fromMs(1000)); // the clock never goes back
    EXPECT_EQ(sim.now(), raft::fromMs(1300));
}

TEST(Simulation, RunUntilReturnsAtOnceWhenTheConditionHolds)
{
    Simulation sim(cluster(3, 5));
    sim.runFor(raft::fromMs(100));
    const std::uint64_t steps = sim.stepCount();
    EXPECT_TRUE(sim.runUntil([] { return true; }, raft::fromMs(1000)));
    EXPECT_EQ(sim.now(), raft::fromMs(100));
    EXPECT_EQ(sim.stepCount(), steps);
}

TEST(Simulation, RunUntilStopsRightAfterTheEventThatMakesItTrue)
{
    Simulation sim(cluster(5, 6));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    const TraceEvent &last = sim.trace().events().back();
    EXPECT_EQ(last.step, sim.stepCount());
    const auto &events = sim.trace().events();
    EXPECT_TRUE(std::any_of(events.begin(), events.end(), [&](const TraceEvent &e) {
        return e.step == sim.stepCount() && e.kind == EventKind::BecameLeader;
    })) << "the last event processed is the one that elected the leader";
}

TEST(Simulation, RunUntilGivesUpAtTheDeadline)
{
    Simulation sim(cluster(3, 7));
    sim.runFor(raft::fromMs(50));
    EXPECT_FALSE(sim.runUntil([] { return false; }, raft::fromMs(500)));
    EXPECT_EQ(sim.now(), raft::fromMs(550));
}

TEST(Simulation, NothingHappensOnceEveryServerIsDown)
{
    Simulation sim(cluster(3, 8));
    sim.runFor(raft::fromMs(1000));
    for (NodeId id = 1; id <= 3; ++id)
        ASSERT_TRUE(sim.crash(id));
    sim.runFor(raft::fromMs(1000)); // messages in flight reach closed doors
    EXPECT_EQ(sim.network().size(), 0u);
    EXPECT_FALSE(sim.nextEventTime().has_value());
    EXPECT_FALSE(sim.step());
    EXPECT_FALSE(hasLeader(sim));
}

// --- actions -------------------------------------------------------------------

TEST(Simulation, ActionsAreRecordedAsInputsWithTheirTime)
{
    Simulation sim(cluster(5, 9));
    sim.runFor(raft::fromMs(100));
    EXPECT_TRUE(sim.crash(2));
    sim.runFor(raft::fromMs(10));
    EXPECT_TRUE(sim.restart(2));
    EXPECT_TRUE(sim.pause(3));
    EXPECT_TRUE(sim.resume(3));
    EXPECT_TRUE(sim.timeout(4));
    EXPECT_TRUE(sim.request(4, "set x 1"));
    EXPECT_TRUE(sim.partition({{1, 2}, {3, 4, 5}}));
    EXPECT_TRUE(sim.isolate(1));
    EXPECT_TRUE(sim.cut(4, 5, true));
    EXPECT_TRUE(sim.reconnect(4));
    EXPECT_TRUE(sim.heal());
    EXPECT_TRUE(sim.setHold(true));
    EXPECT_TRUE(sim.setHold(false));
    NetworkConfig n;
    n.loss = 0.1;
    EXPECT_TRUE(sim.setNetworkConfig(n));
    EXPECT_TRUE(sim.say("hello"));

    const std::vector<InputKind> expected = {
        InputKind::Crash,   InputKind::Restart,   InputKind::Pause,   InputKind::Resume,     InputKind::Timeout,
        InputKind::Request, InputKind::Partition, InputKind::Isolate, InputKind::Cut,        InputKind::Reconnect,
        InputKind::Heal,    InputKind::Hold,      InputKind::Hold,    InputKind::SetNetwork, InputKind::Say,
    };
    ASSERT_EQ(sim.inputs().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(sim.inputs()[i].kind(), expected[i]) << i << ": " << inputKindName(sim.inputs()[i].kind());
    EXPECT_EQ(sim.inputs()[0].t, raft::fromMs(100));
    EXPECT_EQ(sim.inputs()[0].action, Action(act::Crash{2}));
    EXPECT_EQ(sim.inputs()[1].t, raft::fromMs(110));
    EXPECT_EQ(std::get<act::Request>(sim.inputs()[5].action).command, "set x 1");
    EXPECT_EQ(sim.inputs()[6].action, Action(act::Partition{{{1, 2}, {3, 4, 5}}}));
    EXPECT_EQ(sim.inputs()[8].action, Action(act::Cut{4, 5, true}));
    EXPECT_EQ(sim.inputs()[11].action, Action(act::Hold{true}));
    EXPECT_EQ(sim.inputs()[12].action, Action(act::Hold{false}));
    EXPECT_EQ(sim.inputs()[13].action, Action(act::SetNetwork{n}));
    EXPECT_EQ(sim.config().network, n);
}

TEST(Simulation, ImpossibleActionsChangeNothingAndAreNotRecorded)
{
    Simulation sim(cluster(3, 10));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    const NodeId leader = *sim.leader();
    const NodeId f = leader % 3 + 1;
    ASSERT_TRUE(sim.crash(f));
    const std::size_t recorded = sim.inputs().size();
    EXPECT_FALSE(sim.crash(f)); // already down
    EXPECT_FALSE(sim.restart(leader)); // already up
    EXPECT_FALSE(sim.resume(leader)); // not paused
    EXPECT_FALSE(sim.pause(f)); // crashed
    EXPECT_FALSE(sim.timeout(leader)); // the leader does not time out
    EXPECT_FALSE(sim.timeout(f));
    EXPECT_FALSE(sim.crash(0));
    EXPECT_FALSE(sim.crash(4));
    EXPECT_FALSE(sim.cut(1, 1, false));
    EXPECT_FALSE(sim.partition({{1, 7}}));
    EXPECT_FALSE(sim.dropMessage(999999));
    EXPECT_FALSE(sim.deliverMessage(999999));
    EXPECT_FALSE(sim.duplicateMessage(999999));
    NetworkConfig bad;
    bad.latencyMin = raft::fromMs(0);
    EXPECT_FALSE(sim.setNetworkConfig(bad));
    EXPECT_EQ(sim.inputs().size(), recorded);
    EXPECT_EQ(sim.role(leader), Role::Leader);
}

TEST(Simulation, TimeoutStartsAnElectionAtOnce)
{
    Simulation sim(cluster(5, 11));
    sim.runFor(raft::fromMs(20));
    ASSERT_TRUE(sim.timeout(3));
    EXPECT_EQ(sim.role(3), Role::Candidate);
    EXPECT_EQ(sim.term(3), 1u);
    EXPECT_EQ(sim.stats().elections, 1u);
    const TraceEvent &e = *std::find_if(sim.trace().events().begin(), sim.trace().events().end(),
                                        [](const TraceEvent &x) { return x.kind == EventKind::ElectionTimeout; });
    EXPECT_EQ(e.node, 3);
    EXPECT_EQ(e.reason, Reason::Forced);
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(1000)));
    EXPECT_EQ(*sim.leader(), 3);
}

TEST(Simulation, SetElectionDeadlineStagesASplitVote)
{
    Simulation sim(cluster(4, 12));
    sim.runFor(raft::fromMs(10));
    ASSERT_TRUE(sim.setElectionDeadline(1, raft::fromMs(100)));
    ASSERT_TRUE(sim.setElectionDeadline(2, raft::fromMs(100)));
    ASSERT_TRUE(sim.setElectionDeadline(3, raft::fromMs(500)));
    ASSERT_TRUE(sim.setElectionDeadline(4, raft::fromMs(500)));
    EXPECT_FALSE(sim.setElectionDeadline(1, raft::fromMs(5))) << "not in the past";
    sim.advanceTo(raft::fromMs(100));
    EXPECT_EQ(sim.role(1), Role::Candidate);
    EXPECT_EQ(sim.role(2), Role::Candidate);
    sim.runFor(raft::fromMs(60));
    // Each voted for itself; S3 and S4 grant whoever asked first: with 4 servers a
    // candidate needs 3 votes, so at most one can win, and none may.
    int leaders = 0;
    for (NodeId id = 1; id <= 4; ++id)
        leaders += sim.role(id) == Role::Leader ? 1 : 0;
    EXPECT_LE(leaders, 1);
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(3000)));
    EXPECT_TRUE(sim.violations().empty());
}

TEST(Simulation, RequestToADownServerIsRefused)
{
    Simulation sim(cluster(3, 13));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    const NodeId leader = *sim.leader();
    EXPECT_TRUE(sim.pause(leader));
    ProposeResult r = sim.request(leader, "set x 1").proposal;
    EXPECT_FALSE(r.accepted);
    EXPECT_EQ(sim.trace().events().back().kind, EventKind::ClientRefused);
    EXPECT_EQ(sim.trace().events().back().reason, Reason::NodePaused);
    EXPECT_TRUE(sim.resume(leader));
    EXPECT_TRUE(sim.crash(leader));
    r = sim.request(leader, "set x 1").proposal;
    EXPECT_FALSE(r.accepted);
    EXPECT_EQ(sim.trace().events().back().reason, Reason::DestinationCrashed);
}

TEST(Simulation, CrashClearsTheStateMachineAndTheVolatileState)
{
    Simulation sim(cluster(3, 14));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(5000)));
    sim.advanceTo(sim.now());
    const NodeId leader = *sim.leader();
    const ProposeResult r = sim.request(leader, "set x 1").proposal;
    ASSERT_TRUE(sim.runUntil([&] { return sim.node(leader)->lastApplied() >= r.index; }, raft::fromMs(1000)));
    ASSERT_FALSE(sim.server(leader).kv.data().empty());
    EXPECT_TRUE(sim.crash(leader));
    EXPECT_TRUE(sim.server(leader).kv.data().empty());
    EXPECT_EQ(sim.commitIndex(leader), 0u);
    EXPECT_EQ(sim.role(leader), Role::Follower);
    EXPECT_FALSE(sim.isLive(leader));
    EXPECT_GE(sim.log(leader).lastIndex(), r.index) << "the log is on stable storage";
}

TEST(Simulation, ReconnectUndoesCutsButNotPartitions)
{
    Simulation sim(cluster(5, 15));
    EXPECT_TRUE(sim.partition({{1, 2}, {3, 4, 5}}));
    EXPECT_TRUE(sim.isolate(3));
    EXPECT_TRUE(sim.cut(1, 2, false));
    EXPECT_TRUE(sim.reconnect(3));
    EXPECT_TRUE(sim.network().canReach(3, 4));
    EXPECT_FALSE(sim.network().canReach(3, 1));
    EXPECT_FALSE(sim.network().canReach(1, 2)) << "a cut between other servers stays";
    EXPECT_TRUE(sim.reconnect(1));
    EXPECT_TRUE(sim.network().canReach(1, 2));
}

TEST(Simulation, SingleServerClusterCommitsAlone)
{
    Simulation sim(cluster(1, 16));
    ASSERT_TRUE(sim.runUntil([&] { return hasLeader(sim); }, raft::fromMs(1000)));
    sim.advanceTo(sim.now());
    const ProposeResult r = sim.request(1, "set x 1").proposal;
    ASSERT_TRUE(r.accepted);
    EXPECT_EQ(sim.commitIndex(1), r.index);
    EXPECT_EQ(*sim.server(1).kv.value("x"), "1");
    EXPECT_EQ(sim.trace().events().back().kind, EventKind::ClientAnswered);
}

// --- statistics -----------------------------------------------------------------

TEST(Simulation, EveryMessageSentIsDeliveredDroppedOrStillInFlight)
{
    ClusterConfig c = cluster(5, 17);
    c.network.loss = 0.2;
    Simulation sim(c);
    for (int i = 0; i < 20; ++i) {
        sim.runFor(raft::fromMs(250));
        if (i == 5) {
            EXPECT_TRUE(sim.crash(2));
        }
        if (i == 8) {
            EXPECT_TRUE(sim.pause(3));
        }
        if (i == 12) {
            EXPECT_TRUE(sim.resume(3));
        }
        if (i == 14) {
            EXPECT_TRUE(sim.restart(2));
        }
    }
    const Stats &s = sim.stats();
    EXPECT_GT(s.messagesDelivered, 100u);
    EXPECT_GT(s.messagesDropped, 10u);
    EXPECT_EQ(s.messagesSent, s.messagesDelivered + s.messagesDropped + sim.network().size());
}

TEST(Simulation, ElectionsCountCandidacies)
{
    ClusterConfig c = cluster(5, 18);
    c.network.loss = 0.3;
    Simulation sim(c);
    sim.runFor(raft::fromMs(5000));
    EXPECT_GT(sim.stats().elections, 1u);
    EXPECT_EQ(sim.stats().elections, countKind(sim, EventKind::ElectionTimeout));
}

TEST(Simulation, TheTraceDoesNotChangeTheRun)
{
    ClusterConfig on = cluster(5, 19);
    on.network.loss = 0.1;
    on.network.duplicate = 0.1;
    ClusterConfig off = on;
    off.recordTrace = false;
    off.checkInvariants = false;
    Simulation a(on);
    Simulation b(off);
    for (Simulation *sim : {&a, &b}) {
        sim->runFor(raft::fromMs(1000));
        EXPECT_TRUE(sim->crash(1));
        sim->runFor(raft::fromMs(1000));
        EXPECT_TRUE(sim->restart(1));
        if (const auto leader = sim->leader()) {
            EXPECT_TRUE(sim->request(*leader, "set x 1"));
        }
        sim->runFor(raft::fromMs(2000));
    }
    EXPECT_GT(a.trace().size(), 0u);
    EXPECT_EQ(b.trace().size(), 0u);
    EXPECT_EQ(a.stats(), b.stats());
    EXPECT_EQ(a.now(), b.now());
    for (NodeId id = 1; id <= 5; ++id)
        EXPECT_EQ(a.server(id), b.server(id)) << nodeName(id);
}

// --- the trace in words ------------------------------------------------------------

TEST(Trace, DescribeWordsAVoteDeniedLikeThePaper)
{
    TraceEvent e;
    e.kind = EventKind::VoteDenied;
    e.reason = Reason::LogTermOlder;
    e.node = 3;
    e.peer = 1;
    e.term = 4;
    e.term2 = 2;
    e.index = 7;
    e.index2 = 5;
    e.value = 3;
    const std::string s = Trace().describe(e);
    EXPECT_NE(s.find("S3 denied its vote to S1 in term 4: S1's last log term 2 is older than S3's 3"),
              std::string::npos)
        << s;
    EXPECT_NE(s.find("§5.4.1"), std::string::npos) << s;
    EXPECT_STREQ(sectionOf(e), "§5.4.1");
}

TEST(Trace, EveryEventOfARunIsDescribedAndSerialized)
{
    ClusterConfig c = cluster(5, 20);
    c.network.loss = 0.1;
    c.network.duplicate = 0.1;
    Simulation sim(c);
    sim.runFor(raft::fromMs(1000));
    EXPECT_TRUE(sim.isolate(1));
    sim.runFor(raft::fromMs(500));
    EXPECT_TRUE(sim.crash(2));
    if (const auto leader = sim.leader()) {
        EXPECT_TRUE(sim.request(*leader, "set x 1"));
    }
    EXPECT_TRUE(sim.request(3, "set y 2"));
    EXPECT_TRUE(sim.heal());
    EXPECT_TRUE(sim.say("done"));
    sim.runFor(raft::fromMs(1000));
    std::set<EventKind> kinds;
    for (const TraceEvent &e : sim.trace().events()) {
        kinds.insert(e.kind);
        const std::string text = sim.trace().describe(e);
        EXPECT_FALSE(text.empty()) << eventKindName(e.kind);
        const std::string section = sectionOf(e);
        if (!section.empty()) {
            EXPECT_NE(text.find(section), std::string::npos) << text;
        }
        const std::string json = sim.trace().toJson(e);
        EXPECT_EQ(json.front(), '{');
        EXPECT_EQ(json.back(), '}');
        EXPECT_NE(json.find(std::string("\"kind\":\"") + eventKindName(e.kind) + "\""), std::string::npos) << json;
        EXPECT_NE(json.find("\"why\":"), std::string::npos) << json;
    }
    EXPECT_GE(kinds.size(), 12u);
}

} // namespace
} // namespace raft
