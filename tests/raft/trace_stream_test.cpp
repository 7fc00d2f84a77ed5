// Tests of Trace::stream, the trace that keeps nothing: the headless runner prints
// each event once complete (--trace) or drops it, so a long run's memory does not
// grow with its trace (issue 14, defect 3).
#include "raft/scenarioplayer.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <vector>

namespace raft {
namespace {

/// play runs the same little story on sim: an election, requests, a crash.
void play(Simulation &sim)
{
    sim.runFor(raft::fromMs(2000));
    for (int i = 0; i < 5; ++i) {
        if (const auto leader = sim.leader())
            (void)sim.request(*leader, "set k" + std::to_string(i) + " " + std::to_string(i));
        sim.runFor(raft::fromMs(300));
    }
    (void)sim.crash(1);
    sim.runFor(raft::fromMs(2000));
}

TEST(TraceStream, ForwardsEveryEventOnceInOrderAndKeepsNone)
{
    ClusterConfig config;
    config.seed = 11;
    Simulation kept(config);
    play(kept);
    std::vector<std::string> expected;
    for (const TraceEvent &e : kept.trace().events())
        expected.push_back(kept.trace().toJson(e));
    ASSERT_GT(expected.size(), 100u);

    Simulation streamed(config);
    Trace sink;
    std::vector<std::string> got;
    std::size_t mostHeld = 0;
    sink.stream([&](const Trace &trace, const TraceEvent &e) {
        got.push_back(trace.toJson(e));
        mostHeld = std::max(mostHeld, trace.size());
    });
    streamed.setTraceSink(&sink);
    play(streamed);
    sink.flush();
    EXPECT_EQ(got, expected);
    EXPECT_EQ(sink.size(), 0u);
    EXPECT_LT(mostHeld, 64u); // one step's events at most, never the run's
    EXPECT_TRUE(streamed == kept);
}

TEST(TraceStream, WithoutAForwardTheEventsAreDropped)
{
    Trace trace;
    trace.stream({});
    for (int i = 0; i < 1000; ++i) {
        TraceEvent &e = trace.add(TraceEvent{});
        e.text = trace.addText("narration " + std::to_string(i));
    }
    EXPECT_EQ(trace.size(), 1u); // the last event, still open for its fields
    EXPECT_EQ(trace.textOf(trace.events().back()), "narration 999");
    trace.flush();
    EXPECT_EQ(trace.size(), 0u);
}

TEST(TraceStream, AHeadlessRunnerKeepsNoTrace)
{
    Scenario scenario = Scenario::parse("nodes 5\nrun 60s\nexpect leader any\n", "long.scenario");
    ASSERT_TRUE(scenario.isValid());
    ScenarioRunner runner(std::move(scenario), 0, HistoryOptions{HistoryOptions::kNever});
    std::size_t forwarded = 0;
    runner.streamTrace([&](const Trace &, const TraceEvent &) { ++forwarded; });
    runner.run();
    runner.flushTrace();
    EXPECT_TRUE(runner.succeeded());
    EXPECT_GT(forwarded, 1000u);
    EXPECT_EQ(runner.history().trace().size(), 0u);
    EXPECT_EQ(runner.history().checkpointCount(), 1u);
}

} // namespace
} // namespace raft
