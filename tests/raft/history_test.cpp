// History: going back and forth in a run reproduces it exactly (determinism is the
// contract that makes stepping back and scrubbing possible).
#include "raft/history.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

using namespace raft;

namespace {

ClusterConfig smallConfig(std::uint64_t seed)
{
    ClusterConfig c;
    c.seed = seed;
    c.network.loss = 0.05;
    c.network.duplicate = 0.02;
    c.network.latencyMax = raft::fromMs(40);
    return c;
}

/// Seen is the live state at one step while recording, and how much trace it had.
struct Seen {
    Simulation state;
    std::size_t events;
};

/// playScript drives a history with a fixed mix of time and user actions, keeping a
/// full copy of the live state at some steps for later comparison.
std::map<std::uint64_t, Seen> playScript(History &h, std::uint64_t seed, int actions)
{
    std::map<std::uint64_t, Seen> copies;
    const auto keep = [&] { copies.emplace(h.currentStep(), Seen{h.simulation(), h.trace().size()}); };
    Rng rng(seed);
    for (int i = 0; i < actions; ++i) {
        h.advanceTo(h.simulation().now() + raft::fromMs(rng.uniform(20, 300)));
        keep();
        Action action;
        const auto node = static_cast<NodeId>(rng.uniform(1, h.simulation().size()));
        switch (rng.uniform(0, 5)) {
        case 0: action = act::Crash{node}; break;
        case 1: action = act::Restart{node}; break;
        case 2: action = act::Timeout{node}; break;
        case 3: action = act::Isolate{node}; break;
        case 4: action = act::Heal{}; break;
        default:
            action = act::Request{h.simulation().leader().value_or(node),
                                  "set k" + std::to_string(i) + " " + std::to_string(seed)};
        }
        // Some of these are refused (restart a server that is up): then nothing changes.
        (void)h.act(action);
        keep();
        for (int k = 0; k < 3; ++k) {
            h.step();
            keep();
        }
    }
    return copies;
}

} // namespace

// Stepping forward then back returns to an identical state (full state, not a summary).
TEST(History, StepForwardThenBackIsIdentity)
{
    History h(smallConfig(3), HistoryOptions{.checkpointEvery = 50});
    h.advanceTo(raft::fromMs(1000));
    const Simulation before = h.simulation();
    for (int i = 0; i < 25; ++i)
        ASSERT_TRUE(h.step());
    for (int i = 0; i < 25; ++i)
        ASSERT_TRUE(h.stepBack());
    // stepBack lands right after the step, not at the clock the advance ended on.
    EXPECT_EQ(h.currentStep(), before.stepCount());
    // Full equality with a run that simply stepped to the same step.
    History again(smallConfig(3), HistoryOptions{.checkpointEvery = 50});
    while (again.currentStep() < before.stepCount())
        again.step();
    EXPECT_TRUE(h.simulation() == again.simulation());
}

// Seeking to any recorded step gives exactly the state the run had there.
TEST(History, SeekToAnyStepReproducesTheRun)
{
    for (std::uint64_t seed : {1, 2, 3}) {
        History h(smallConfig(seed), HistoryOptions{.checkpointEvery = 100});
        const auto copies = playScript(h, seed, 30);
        ASSERT_GT(h.checkpointCount(), 3u);
        const Simulation end = h.simulation();
        Rng rng(seed * 31);
        std::vector<std::uint64_t> steps;
        for (const auto &[step, copy] : copies)
            steps.push_back(step);
        for (int i = 0; i < 40; ++i) {
            const std::uint64_t step =
                steps[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(steps.size()) - 1))];
            h.seekToStep(step);
            const Simulation &expected = copies.at(step).state;
            ASSERT_EQ(h.currentStep(), step);
            // The clock may differ (a copy taken after an advance has its clock at the
            // advance's end); everything else must be identical.
            // The trace up to the live step is the trace the run had at that step.
            ASSERT_EQ(h.visibleEvents(), copies.at(step).events) << "seed " << seed << " step " << step;
            EXPECT_EQ(h.simulation().stats(), expected.stats());
            for (NodeId id = 1; id <= expected.size(); ++id)
                EXPECT_EQ(h.simulation().server(id), expected.server(id)) << "S" << id << " at step " << step;
            EXPECT_EQ(h.simulation().network(), expected.network());
        }
        // Back at the frontier, the state is the end state.
        h.seekToStep(h.frontierStep());
        EXPECT_TRUE(h.simulation() == end);
        EXPECT_TRUE(h.simulation().violations().empty());
    }
}

// Seek to T, then play to T2, equals playing straight to T2.
TEST(History, SeekThenPlayEqualsPlayingStraight)
{
    History h(smallConfig(9), HistoryOptions{.checkpointEvery = 64});
    playScript(h, 9, 20);
    const Time end = h.simulation().now();
    const Simulation straight = h.simulation();
    h.seekToTime(end / 3);
    EXPECT_LE(h.simulation().now(), end / 3);
    EXPECT_TRUE(h.hasFuture());
    h.advanceTo(end);
    EXPECT_TRUE(h.simulation() == straight);
    EXPECT_FALSE(h.hasFuture());
}

// Acting in the past starts a new branch: the old future is gone, the new one recorded.
TEST(History, ActingInThePastStartsABranch)
{
    History h(smallConfig(5), HistoryOptions{.checkpointEvery = 64});
    h.advanceTo(raft::fromMs(2000));
    ASSERT_TRUE(h.simulation().leader().has_value());
    const std::uint64_t frontier = h.frontierStep();
    h.seekToTime(raft::fromMs(1000));
    ASSERT_TRUE(h.hasFuture());
    const NodeId victim = h.simulation().leader().value_or(1);
    ASSERT_TRUE(h.act(act::Crash{victim}));
    EXPECT_FALSE(h.hasFuture());
    EXPECT_LT(h.frontierStep(), frontier);
    EXPECT_EQ(h.script().back().kind(), InputKind::Crash);
    h.advanceTo(raft::fromMs(3000));
    EXPECT_EQ(h.simulation().status(victim), NodeStatus::Crashed);
    // The branch replays like any run.
    const Simulation end = h.simulation();
    h.seekToStep(h.currentStep() / 2);
    h.advanceTo(raft::fromMs(3000));
    EXPECT_TRUE(h.simulation() == end);
}

// Checkpoints share the logs' full chunks, so a long history stays small.
TEST(History, CheckpointsShareLogChunks)
{
    ClusterConfig c = smallConfig(11);
    c.network.loss = 0;
    c.network.duplicate = 0;
    History h(c, HistoryOptions{.checkpointEvery = 500});
    for (Time t = raft::fromMs(500); t <= raft::fromMs(120'000); t += raft::fromMs(100)) {
        h.advanceTo(t);
        if (auto leader = h.simulation().leader()) {
            EXPECT_TRUE(h.act(act::Request{*leader, "set k" + std::to_string(raft::toMs(t) % 50) + " v"}));
        }
    }
    ASSERT_GT(h.simulation().log(1).lastIndex(), 1000u);
    ASSERT_GT(h.checkpointCount(), 20u);
    const std::size_t live = h.simulation().memoryBytes();
    // Copied in full, the checkpoints would cost about count × live size / 2.
    EXPECT_LT(h.memoryBytes() - h.trace().memoryBytes(), h.checkpointCount() * live / 8);
}

// "Run to the next election won" stops right after the step that elected a leader,
// in the recorded past and in new territory alike.
TEST(History, RunUntilEventStopsRightAfterTheMatchingStep)
{
    History h(smallConfig(21));
    const auto won = [](const TraceEvent &e) { return e.kind == EventKind::BecameLeader; };
    ASSERT_TRUE(h.runUntilEvent(won, raft::fromMs(5000)));
    const std::uint64_t firstWin = h.currentStep();
    ASSERT_TRUE(h.simulation().leader().has_value());
    EXPECT_EQ(h.trace().events()[h.visibleEvents() - 1].step, firstWin);
    // One step earlier there was no leader yet.
    h.stepBack();
    EXPECT_FALSE(h.simulation().leader().has_value());
    // Replaying the recorded past stops at the same step.
    h.seekToStep(0);
    ASSERT_TRUE(h.runUntilEvent(won, raft::fromMs(5000)));
    EXPECT_EQ(h.currentStep(), firstWin);
    // Nothing matches: it runs out the time and says so.
    const Time before = h.simulation().now();
    EXPECT_FALSE(h.runUntilEvent([](const TraceEvent &e) { return e.kind == EventKind::InvariantViolated; }, raft::fromMs(700)));
    EXPECT_EQ(h.simulation().now(), before + raft::fromMs(700));
}
