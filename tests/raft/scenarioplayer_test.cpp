// raft::ScenarioPlayer: the one player of the scenario language. Stops at say lines,
// waits for the class (or lets the script's stand-in lines act), asks questions and
// lets the run, not the author, say which answer is right; the new lines' errors.
#include "raft/scenarioplayer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace raft {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

Scenario parseOk(std::string_view text)
{
    Scenario scenario = Scenario::parse(text, "lesson.txt");
    EXPECT_THAT(scenario.errors(), IsEmpty()) << text;
    return scenario;
}

TEST(ScenarioPlayer, StopsAfterEachSayLineUntilProceed)
{
    History history(parseOk("nodes 3\nsay one\nrun 100ms\nsay two\nrun 50ms\n").config());
    ScenarioPlayer player(parseOk("nodes 3\nsay one\nrun 100ms\nsay two\nrun 50ms\n"));
    EXPECT_EQ(player.advance(history, raft::fromMs(1000)), PlayerStop::Say);
    EXPECT_EQ(history.simulation().now(), 0);
    EXPECT_EQ(player.advance(history, raft::fromMs(1000)), PlayerStop::Say) << "a stop holds until released";
    player.proceed();
    EXPECT_EQ(player.advance(history, raft::fromMs(60)), PlayerStop::None);
    EXPECT_EQ(history.simulation().now(), raft::fromMs(60));
    EXPECT_EQ(player.advance(history, raft::fromMs(1000)), PlayerStop::Say);
    EXPECT_EQ(history.simulation().now(), raft::fromMs(100));
    player.proceed();
    EXPECT_EQ(player.advance(history, raft::fromMs(1000)), PlayerStop::End);
    EXPECT_EQ(history.simulation().now(), raft::fromMs(150)) << "the clock stops after the last line";
    // The narration is part of the run: two say inputs in the history.
    int says = 0;
    for (const Input &input : history.script())
        says += input.kind() == InputKind::Say;
    EXPECT_EQ(says, 2);
}

TEST(ScenarioPlayer, WaitGoesOnAsSoonAsTheClassActsAndSkipsItsStandIns)
{
    const char *text = "nodes 3\nwait until status S1 crashed | Crash S1\ncrash S1\nexpect status S1 crashed\n";
    const Scenario scenario = parseOk(text);
    ASSERT_EQ(scenario.commands().size(), 3u);
    EXPECT_TRUE(scenario.commands()[1].standIn);
    History history(scenario.config());
    ScenarioPlayer player(scenario);
    EXPECT_EQ(player.advance(history, raft::fromMs(500)), PlayerStop::Wait);
    EXPECT_EQ(player.waitHint(), "Crash S1");
    EXPECT_EQ(history.simulation().now(), 0) << "a wait stops the lesson where it begins";
    EXPECT_EQ(player.advance(history, raft::fromMs(500)), PlayerStop::Wait);
    EXPECT_EQ(history.simulation().now(), raft::fromMs(500)) << "played on, the world runs while the class thinks";
    ASSERT_TRUE(history.edit([](Simulation &sim) { return sim.crash(1); }));
    EXPECT_EQ(player.advance(history, raft::fromMs(500)), PlayerStop::End);
    EXPECT_THAT(player.failures(), IsEmpty()) << "the stand-in crash S1 did not run on a crashed S1";
    EXPECT_EQ(player.passed(), 2);
}

TEST(ScenarioPlayer, HeadlessSatisfiesAWaitWithTheStandInLines)
{
    ScenarioRunner runner(parseOk("nodes 3\nwait until status S1 crashed | Crash S1\ncrash S1\nexpect status S1 "
                                  "crashed\n"));
    runner.run();
    EXPECT_TRUE(runner.succeeded());
    EXPECT_EQ(runner.simulation().status(1), NodeStatus::Crashed);
    EXPECT_EQ(runner.simulation().now(), 0);
}

// "Continue (do it for us)" pressed twice while the stand-ins' effect is still on its
// way (the wait runs on as a "run until") does not act a second time: one heal, not two.
TEST(ScenarioPlayer, StandInsActOnlyOnceHoweverOftenContinueIsPressed)
{
    const Scenario scenario = parseOk("nodes 3\nseed 2\ntimeout S1\nrun until leader max 1s\n"
                                      "partition S1 | S2 S3\nrun until new-leader max 3s\n"
                                      "wait until role S1 follower | Heal the network\nheal\n");
    History history(scenario.config());
    ScenarioPlayer player(scenario);
    while (player.advance(history, raft::fromMs(1000)) != PlayerStop::Wait)
        ASSERT_FALSE(player.atEnd());
    const std::size_t inputs = history.script().size();
    EXPECT_TRUE(player.doItForMe(history));
    EXPECT_EQ(history.script().size(), inputs + 1) << "the stand-in heal";
    EXPECT_FALSE(player.doItForMe(history)) << "the stand-ins already acted";
    EXPECT_EQ(history.script().size(), inputs + 1);
    EXPECT_EQ(player.advance(history, raft::fromMs(1000)), PlayerStop::End);
    EXPECT_THAT(player.failures(), IsEmpty());
}

TEST(ScenarioPlayer, AWaitNobodySatisfiesFailsAfterTheDefaultMax)
{
    ScenarioRunner runner(parseOk("nodes 3\nwait until status S1 crashed | Crash S1\n"));
    runner.run();
    ASSERT_EQ(runner.failures().size(), 1u);
    EXPECT_EQ(runner.failures()[0].why, "after 10s: S1 is up");
}

TEST(ScenarioPlayer, TheRunDecidesWhichAnswerIsRight)
{
    const char *text = "nodes 3\nseed 2\n"
                       "ask Who will lead?\n"
                       "answer S1 when leader S1\n"
                       "answer S2 when leader S2\n"
                       "answer S3 when leader S3\n"
                       "timeout S3\n"
                       "run until leader\n"
                       "reveal\n";
    for (std::size_t policy = 0; policy < 3; ++policy) {
        ScenarioRunner runner(parseOk(text), policy);
        runner.run();
        EXPECT_TRUE(runner.succeeded());
        const std::optional<Question> &question = runner.player().question();
        ASSERT_TRUE(question.has_value());
        ASSERT_TRUE(question->revealed);
        EXPECT_EQ(question->chosen, policy);
        EXPECT_EQ(question->right, (std::vector<bool>{false, false, true}));
        EXPECT_EQ(question->classWasRight(), policy == 2);
        EXPECT_EQ(question->why[0], "S3 leads term 1");
    }
}

TEST(ScenarioPlayer, AQuestionTheRunDoesNotAnswerIsAFailure)
{
    ScenarioRunner runner(parseOk("nodes 3\nask Who leads?\nanswer S1 when leader S1\nreveal\n"));
    runner.run();
    ASSERT_EQ(runner.failures().size(), 1u);
    EXPECT_EQ(runner.failures()[0].line, 4);
    EXPECT_EQ(runner.failures()[0].why, "no answer holds in this run");
}

TEST(ScenarioPlayer, RunUntilTakesAnyConditionExpectCanCheck)
{
    ScenarioRunner runner(parseOk("nodes 3\ntimeout S1\nrun until role S1 leader max 1s\nexpect leader S1\n"
                                  "run until commit S2 >= 1 max 1s\n"));
    runner.run();
    EXPECT_TRUE(runner.succeeded());
    EXPECT_GE(runner.simulation().commitIndex(2), 1u);
}

TEST(ScenarioPlayer, PaceIsASetupLine)
{
    EXPECT_DOUBLE_EQ(parseOk("pace 1/10\nrun 1s\n").pace(), 0.1);
    EXPECT_DOUBLE_EQ(parseOk("pace 0.5\nrun 1s\n").pace(), 0.5);
    EXPECT_DOUBLE_EQ(parseOk("run 1s\n").pace(), Scenario::kDefaultPace);
    EXPECT_THAT(Scenario::parse("pace fast\n", "x").errors().at(0), HasSubstr("bad pace 'fast'"));
    EXPECT_THAT(Scenario::parse("pace 1/0\n", "x").errors().at(0), HasSubstr("bad pace"));
}

TEST(ScenarioPlayer, MalformedLessonLinesAreNamed)
{
    const auto errors = [](std::string_view text) { return Scenario::parse(text, "bad.txt").errors(); };
    EXPECT_THAT(errors("wait until leader\n").at(0), HasSubstr("needs a hint"));
    EXPECT_THAT(errors("wait for leader | x\n").at(0), HasSubstr("wait needs 'until'"));
    EXPECT_THAT(errors("wait until lader | x\n").at(0), HasSubstr("unknown condition 'lader'"));
    EXPECT_THAT(errors("answer yes when leader S1\n").at(0), HasSubstr("answer belongs to a question"));
    EXPECT_THAT(errors("reveal\n").at(0), HasSubstr("reveal needs a question"));
    EXPECT_THAT(errors("ask Who?\nanswer S1 when leader S1\n").at(0), HasSubstr("never revealed"));
    EXPECT_THAT(errors("ask Who?\nreveal\n").at(0), HasSubstr("has no answers"));
    EXPECT_THAT(errors("ask Who?\nanswer S1\nreveal\n").at(0), HasSubstr("answer needs its text and the condition"));
}

} // namespace
} // namespace raft
