// Determinism: the same seed and the same inputs give the same run, byte for byte —
// every trace event, every sentence describing it, and the whole state; a recorded
// run replays from its inputs; a copied Simulation continues exactly as the original.
// The app's stepping back, the scenario tests and the sweep's replays rely on it.
#include "soak/faultrun.h"

#include "raft/history.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

namespace raft {
namespace {

using soak::FaultRun;

ClusterConfig stormy(std::uint64_t seed)
{
    ClusterConfig c;
    c.nodes = 5;
    c.seed = seed;
    c.network.latencyMin = raft::fromMs(5);
    c.network.latencyMax = raft::fromMs(60); // wide: messages overtake each other
    c.network.loss = 0.1;
    c.network.duplicate = 0.1;
    return c;
}

/// drive plays a fixed script of user actions on sim, from its current time on.
void drive(Simulation &sim)
{
    const Time start = sim.now();
    sim.advanceTo(start + raft::fromMs(700));
    if (const auto leader = sim.leader()) {
        EXPECT_TRUE(sim.request(*leader, "set a 1"));
    }
    sim.advanceTo(start + raft::fromMs(800));
    EXPECT_TRUE(sim.isolate(2));
    EXPECT_TRUE(sim.crash(3));
    sim.advanceTo(start + raft::fromMs(1500));
    EXPECT_TRUE(sim.pause(4));
    EXPECT_TRUE(sim.request(1, "set b 2"));
    if (const auto leader = sim.leader()) {
        EXPECT_TRUE(sim.request(*leader, "set c 3"));
    }
    sim.advanceTo(start + raft::fromMs(2000));
    EXPECT_TRUE(sim.partition({{1, 2}, {3, 4, 5}}));
    EXPECT_TRUE(sim.restart(3));
    if (const auto envelopes = sim.network().envelopes(); !envelopes.empty()) {
        EXPECT_TRUE(sim.dropMessage(envelopes.front()->id));
    }
    sim.advanceTo(start + raft::fromMs(2600));
    EXPECT_TRUE(sim.resume(4));
    EXPECT_TRUE(sim.cut(5, 1, false));
    (void)sim.timeout(5); // refused when S5 leads: the same in every run
    sim.advanceTo(start + raft::fromMs(3000));
    EXPECT_TRUE(sim.heal());
    (void)sim.setElectionDeadline(1, sim.now() + raft::fromMs(10)); // refused when S1 leads
    if (const auto envelopes = sim.network().envelopes(); envelopes.size() > 1) {
        EXPECT_TRUE(sim.duplicateMessage(envelopes[1]->id));
    }
    sim.advanceTo(start + raft::fromMs(4500));
    if (const auto leader = sim.leader()) {
        EXPECT_TRUE(sim.request(*leader, "del a"));
    }
    sim.advanceTo(start + raft::fromMs(5000));
}

/// expectSameRun compares two runs: the trace event by event (fields and words),
/// then the whole state.
void expectSameRun(const Simulation &a, const Simulation &b)
{
    const auto &ea = a.trace().events();
    const auto &eb = b.trace().events();
    ASSERT_EQ(ea.size(), eb.size());
    for (std::size_t i = 0; i < ea.size(); ++i) {
        ASSERT_EQ(ea[i], eb[i]) << "event " << i << ": " << a.trace().describe(ea[i]) << " | "
                                << b.trace().describe(eb[i]);
        ASSERT_EQ(a.trace().describe(ea[i]), b.trace().describe(eb[i])) << "event " << i;
        ASSERT_EQ(a.trace().toJson(ea[i]), b.trace().toJson(eb[i])) << "event " << i;
    }
    EXPECT_TRUE(a.trace() == b.trace());
    EXPECT_EQ(a.now(), b.now());
    EXPECT_EQ(a.stats(), b.stats());
    EXPECT_EQ(a.inputs(), b.inputs());
    EXPECT_EQ(a.violations(), b.violations());
    EXPECT_TRUE(a.network() == b.network());
    for (NodeId id = 1; id <= a.size(); ++id)
        EXPECT_TRUE(a.server(id) == b.server(id)) << nodeName(id);
    EXPECT_TRUE(a == b);
}

TEST(Determinism, SameSeedSameInputsSameTraceAndState)
{
    for (std::uint64_t seed : {1u, 2u, 99u}) {
        Simulation a(stormy(seed));
        Simulation b(stormy(seed));
        drive(a);
        drive(b);
        ASSERT_GT(a.trace().size(), 500u);
        expectSameRun(a, b);
        if (::testing::Test::HasFailure())
            FAIL() << "seed " << seed;
    }
}

TEST(Determinism, DifferentSeedsGiveDifferentRuns)
{
    Simulation a(stormy(1));
    Simulation b(stormy(2));
    drive(a);
    drive(b);
    EXPECT_FALSE(a.trace() == b.trace());
    EXPECT_FALSE(a == b);
}

TEST(Determinism, RecordedInputsReplayTheRun)
{
    Simulation original(stormy(5));
    drive(original);
    const Simulation replayed = FaultRun::replay(original.config(), original.inputs(), original.now());
    expectSameRun(original, replayed);
}

TEST(Determinism, FaultRunsReplayFromTheirInputs)
{
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        FaultRun run(seed);
        ASSERT_TRUE(run.run()) << run.report();
        const Simulation &original = run.simulation();
        const Simulation replayed = FaultRun::replay(run.config(), original.inputs(), original.now());
        expectSameRun(original, replayed);
        if (::testing::Test::HasFailure())
            FAIL() << "seed " << seed;
    }
}

/// replayByStep replays inputs the way History does: each input after exactly the
/// steps the original had processed, at its recorded time.
Simulation replayByStep(const ClusterConfig &config, const std::vector<Input> &inputs, Time until)
{
    Simulation sim(config);
    for (const Input &in : inputs) {
        while (sim.stepCount() < in.step && sim.step()) { }
        sim.setClock(in.t);
        EXPECT_TRUE(sim.apply(in.action));
    }
    sim.advanceTo(until);
    return sim;
}

// A message that reaches a paused server's door waits there; that arrival is not a
// step. Here S3's AppendEntries of term 2 (message #43) reaches paused S2's door at
// t=610, after the last step (t=598) before S2 resumes at t=613: the run releases it
// after the older messages waiting there, in id order, so S2 first takes S1's stale
// AppendEntries of term 1. A replay that applies the resume right after the same
// number of steps must have parked #43 too, or S2 sees term 2 first and the runs part.
TEST(Determinism, ReplayByStepKeepsMessagesThatReachedAPausedDoor)
{
    ClusterConfig c;
    c.nodes = 5;
    c.seed = 4;
    Simulation original(c);
    original.advanceTo(raft::fromMs(234));
    ASSERT_TRUE(original.pause(2));
    original.advanceTo(raft::fromMs(334));
    ASSERT_TRUE(original.crash(1));
    original.advanceTo(raft::fromMs(613));
    ASSERT_TRUE(original.resume(2));
    original.advanceTo(raft::fromMs(1500));
    expectSameRun(original, replayByStep(c, original.inputs(), original.now()));
}

// The same through History: seeking back to the start and playing forward again
// gives the run that was recorded.
TEST(Determinism, HistoryReplaysARunWithAPausedServer)
{
    ClusterConfig c;
    c.nodes = 5;
    c.seed = 4;
    History h(c);
    h.advanceTo(raft::fromMs(234));
    ASSERT_TRUE(h.act(act::Pause{2}));
    h.advanceTo(raft::fromMs(334));
    ASSERT_TRUE(h.act(act::Crash{1}));
    h.advanceTo(raft::fromMs(613));
    ASSERT_TRUE(h.act(act::Resume{2}));
    h.advanceTo(raft::fromMs(1500));
    const Simulation recorded = h.simulation();
    const std::uint64_t steps = h.currentStep();
    h.seekToStep(0);
    h.seekToStep(steps);
    EXPECT_TRUE(h.simulation() == recorded) << "seeking back and forth changed the run";
    for (NodeId id = 1; id <= 5; ++id)
        EXPECT_TRUE(h.simulation().server(id) == recorded.server(id)) << nodeName(id);
}

TEST(Determinism, CopiedSimulationContinuesLikeTheOriginal)
{
    Simulation original(stormy(7));
    drive(original);
    // Stop in the middle of a time step: the copy must carry every pending event.
    ASSERT_TRUE(original.runUntil([&] { return original.network().size() > 3; }, raft::fromMs(1000)));
    Simulation copy = original;
    EXPECT_TRUE(copy == original);
    drive(original);
    drive(copy);
    expectSameRun(original, copy);
}

TEST(Determinism, StepByStepEqualsRunningAtOnce)
{
    Simulation a(stormy(8));
    Simulation b(stormy(8));
    a.runFor(raft::fromMs(3000));
    while (b.nextEventTime() && *b.nextEventTime() <= 3000)
        ASSERT_TRUE(b.step());
    b.advanceTo(raft::fromMs(3000));
    expectSameRun(a, b);
}

} // namespace
} // namespace raft
