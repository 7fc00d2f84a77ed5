// The alarm in the lesson player: with setHaltOnViolation (the window), a lesson that
// plays through a broken invariant stops right after the step that broke it, inside a
// run or between two lines due at the same moment, not later at a say line; advanced
// again it goes on with the line under way. Headless (the halt off) stops nothing.
#include "raft/scenarioplayer.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace raft {
namespace {

// Figure 2: votedFor not on stable storage lets S2 vote twice in term 1 (the
// lesson bug-forget-vote-on-restart in brief): "One vote per term" breaks at the
// restart, "Election Safety" inside the last run.
const char *const kLesson = "nodes 3\n"
                            "option noop off\n"
                            "bug forget-vote-on-restart\n"
                            "partition S1 S2 | S3\n"
                            "pause S3\n"
                            "timeout S1\n"
                            "run until leader max 1s\n"
                            "crash S2\n"
                            "restart S2\n"
                            "say S2 forgot its vote.\n"
                            "partition S1 | S2 S3\n"
                            "resume S3\n"
                            "timeout S3\n"
                            "run 300ms\n"
                            "say Two leaders.\n";

Scenario parseOk(std::string_view text)
{
    Scenario scenario = Scenario::parse(text, "lesson.txt");
    EXPECT_TRUE(scenario.isValid());
    return scenario;
}

/// lastStepOf is the step of the last violation of `property`, or 0.
std::uint64_t lastStepOf(const Simulation &sim, std::string_view property)
{
    std::uint64_t step = 0;
    for (const Violation &v : sim.violations())
        if (v.property == property)
            step = v.step;
    return step;
}

TEST(ScenarioPlayerAlarm, StopsRightAfterTheStepThatBreaksAnInvariant)
{
    History history(parseOk(kLesson).config());
    ScenarioPlayer player(parseOk(kLesson));
    player.setHaltOnViolation(true);

    // The restart breaks "One vote per term": the player stops before the say line.
    EXPECT_EQ(player.advance(history, raft::fromMs(10'000)), PlayerStop::None);
    ASSERT_TRUE(player.halted());
    const Simulation &sim = history.simulation();
    ASSERT_EQ(sim.violations().size(), 1u);
    EXPECT_EQ(sim.violations()[0].property, "One vote per term");
    EXPECT_EQ(sim.violations()[0].step, history.currentStep()) << "stopped right after the breaking step";
    EXPECT_EQ(std::count_if(history.script().begin(), history.script().end(),
                            [](const Input &in) { return in.kind() == InputKind::Say; }),
              0)
        << "the say line after the restart has not run yet";

    // Advanced again: the say line, where the lesson stops as usual.
    EXPECT_EQ(player.advance(history, raft::fromMs(10'000)), PlayerStop::Say);
    EXPECT_FALSE(player.halted());
    player.proceed();

    // Inside "run 300ms" two servers come to lead term 1: it stops at that event.
    const Time runStart = sim.now();
    EXPECT_EQ(player.advance(history, raft::fromMs(10'000)), PlayerStop::None);
    ASSERT_TRUE(player.halted());
    const std::uint64_t broke = lastStepOf(sim, "Election Safety");
    ASSERT_NE(broke, 0u);
    EXPECT_EQ(broke, history.currentStep());
    EXPECT_LT(sim.now(), runStart + raft::fromMs(300)) << "stopped inside the run, not at its end";
    EXPECT_EQ(sim.violations().back().t, sim.now());

    // The run goes on from there to its end and the last say line.
    EXPECT_EQ(player.advance(history, raft::fromMs(10'000)), PlayerStop::Say);
    EXPECT_EQ(sim.now(), runStart + raft::fromMs(300));
    player.proceed();
    EXPECT_EQ(player.advance(history, raft::fromMs(10'000)), PlayerStop::End);
    EXPECT_TRUE(player.failures().empty());
}

TEST(ScenarioPlayerAlarm, WithoutTheHaltAViolationStopsNothing)
{
    History history(parseOk(kLesson).config());
    ScenarioPlayer player(parseOk(kLesson));
    EXPECT_EQ(player.advance(history, raft::fromMs(10'000)), PlayerStop::Say);
    EXPECT_FALSE(player.halted());
    EXPECT_EQ(history.simulation().violations().size(), 1u);
    player.proceed();
    const Time runStart = history.simulation().now();
    EXPECT_EQ(player.advance(history, raft::fromMs(10'000)), PlayerStop::Say);
    EXPECT_FALSE(player.halted());
    EXPECT_EQ(history.simulation().now(), runStart + raft::fromMs(300));
    EXPECT_NE(lastStepOf(history.simulation(), "Election Safety"), 0u);
}

// A run until whose condition is not met when the invariant breaks stops there too.
TEST(ScenarioPlayerAlarm, StopsInsideARunUntil)
{
    const std::string text = std::string(kLesson).replace(std::string(kLesson).find("run 300ms"), 9,
                                                          "run until committed 5 max 2s");
    History history(parseOk(text).config());
    ScenarioPlayer player(parseOk(text));
    player.setHaltOnViolation(true);
    EXPECT_EQ(player.advance(history, raft::fromMs(10'000)), PlayerStop::None);
    EXPECT_EQ(player.advance(history, raft::fromMs(10'000)), PlayerStop::Say);
    player.proceed();
    EXPECT_EQ(player.advance(history, raft::fromMs(10'000)), PlayerStop::None);
    ASSERT_TRUE(player.halted());
    EXPECT_EQ(lastStepOf(history.simulation(), "Election Safety"), history.currentStep());
}

} // namespace
} // namespace raft
