// Saved runs: a run file reopens to the same run, and a damaged one is refused with
// the line and the problem, never a crash.
#include "raft/bounds.h"
#include "raft/history.h"
#include "raft/runfile.h"

#include <gtest/gtest.h>

#include <clocale>
#include <cstdio>
#include <locale>
#include <string>

using namespace raft;

namespace {

RunFile recordedRun()
{
    ClusterConfig c;
    c.seed = 77;
    c.nodes = 5;
    c.network.loss = 0.125;
    c.noop = false;
    History h(c);
    h.advanceTo(raft::fromMs(900));
    const NodeId leader = h.simulation().leader().value_or(1);
    EXPECT_TRUE(h.act(act::Request{leader, "set greeting hello world"}));
    h.step();
    h.step();
    EXPECT_TRUE(h.act(act::Partition{{{1, 2}, {3, 4, 5}}}));
    h.advanceTo(raft::fromMs(1500));
    EXPECT_TRUE(
        h.act(act::SetLink{1, 2, NetworkConfig{.latencyMin = raft::fromMs(30), .latencyMax = raft::fromMs(90), .loss = 0.3, .duplicate = 0.1}}));
    EXPECT_TRUE(h.act(act::Cut{3, 4, true}));
    EXPECT_TRUE(h.act(act::Hold{true}));
    EXPECT_TRUE(h.act(act::Heal{}));
    EXPECT_TRUE(h.act(act::Say{"  watch S3  "}));
    h.advanceTo(raft::fromMs(2500));
    RunFile run{c,
                h.script(),
                {"Lesson 3: partitions", "Ask: who can commit?"},
                h.currentStep() - 5,
                2400,
                h.frontierStep(),
                h.frontierTime()};
    return run;
}

} // namespace

TEST(RunFile, RoundTripsEveryField)
{
    const RunFile run = recordedRun();
    ASSERT_GE(run.inputs.size(), 7u);
    const std::string text = formatRunFile(run);
    const RunFileResult back = parseRunFile(text, "lesson.raftrun");
    ASSERT_TRUE(back.errors.empty()) << back.errors.front();
    ASSERT_TRUE(back.run.has_value());
    EXPECT_EQ(back.run->config, run.config);
    EXPECT_EQ(back.run->notes, run.notes);
    EXPECT_EQ(back.run->position, run.position);
    EXPECT_EQ(back.run->positionTime, run.positionTime);
    EXPECT_EQ(back.run->endStep, run.endStep);
    EXPECT_EQ(back.run->endTime, run.endTime);
    ASSERT_EQ(back.run->inputs.size(), run.inputs.size());
    for (std::size_t i = 0; i < run.inputs.size(); ++i) {
        Input want = run.inputs[i];
        if (want.kind() == InputKind::Say)
            want.action = act::Say{"watch S3"}; // a line's outer spaces are not kept
        EXPECT_EQ(back.run->inputs[i], want) << formatInput(run.inputs[i]);
    }
}

// A saved run reopens to the same state: replaying its inputs gives the same world.
TEST(RunFile, ReopensToTheSameState)
{
    ClusterConfig c;
    c.seed = 5;
    History original(c);
    original.advanceTo(raft::fromMs(1000));
    EXPECT_TRUE(original.act(act::Crash{original.simulation().leader().value_or(2)}));
    original.advanceTo(raft::fromMs(2000));
    EXPECT_TRUE(original.act(act::Request{original.simulation().leader().value_or(1), "set a 1"}));
    original.advanceTo(raft::fromMs(3000));

    const RunFileResult parsed = parseRunFile(formatRunFile(RunFile{c, original.script(), {}, std::nullopt}), "x");
    ASSERT_TRUE(parsed.run);
    History reopened(parsed.run->config);
    ASSERT_EQ(reopened.replay(parsed.run->inputs, std::nullopt), "");
    reopened.advanceTo(raft::fromMs(3000));
    EXPECT_TRUE(reopened.simulation() == original.simulation());
    EXPECT_EQ(reopened.trace(), original.trace());
}

// A viewer who went back before saving reopens at that moment with the future kept.
TEST(RunFile, ReopensBehindTheEndWithTheFutureKept)
{
    ClusterConfig c;
    c.seed = 8;
    History original(c);
    original.advanceTo(raft::fromMs(1200));
    EXPECT_TRUE(original.act(act::Crash{original.simulation().leader().value_or(1)}));
    original.advanceTo(raft::fromMs(4000));
    const Simulation end = original.simulation();
    original.seekToTime(raft::fromMs(900));
    const Simulation there = original.simulation();

    RunFile run{c,
                original.script(),
                {},
                original.currentStep(),
                original.simulation().now(),
                original.frontierStep(),
                original.frontierTime()};
    const RunFileResult parsed = parseRunFile(formatRunFile(run), "back.raftrun");
    ASSERT_TRUE(parsed.run) << parsed.errors.front();
    History reopened(parsed.run->config);
    ASSERT_EQ(reopened.replay(parsed.run->inputs, parsed.run->position, parsed.run->endStep, parsed.run->endTime,
                              parsed.run->positionTime),
              "");
    EXPECT_TRUE(reopened.simulation() == there);
    EXPECT_EQ(reopened.simulation().now(), raft::fromMs(900));
    EXPECT_TRUE(reopened.hasFuture());
    EXPECT_EQ(reopened.frontierTime(), raft::fromMs(4000));
    reopened.advanceTo(raft::fromMs(4000));
    EXPECT_TRUE(reopened.simulation() == end);
}

// A hand-edited file whose actions cannot happen as written is refused, not obeyed.
TEST(RunFile, ReplayRefusesAScriptThatDoesNotMatch)
{
    ClusterConfig c;
    History h(c);
    // Restarting a server that is up cannot happen.
    const std::string problem = h.replay({Input{.t = 50, .step = 0, .action = act::Restart{1}}}, std::nullopt);
    EXPECT_NE(problem.find("impossible"), std::string::npos) << problem;
    History late(c);
    // At step 40 the clock is long past 1 ms.
    const std::string tooLate = late.replay({Input{.t = 1, .step = 40, .action = act::Heal{}}}, std::nullopt);
    EXPECT_NE(tooLate.find("moved past"), std::string::npos) << tooLate;
}

TEST(RunFile, DamagedFilesNameLineAndProblem)
{
    const std::string good = formatRunFile(recordedRun());
    struct Case {
        std::string text;
        std::string expect;
    };
    const Case cases[] = {
        {"", "x.raftrun:1: the file is empty"},
        {"hello\n", "x.raftrun:1: not a raftviz run file"},
        {"raftviz-run 7\n", "x.raftrun:1: run file version 7 is not supported"},
        {"raftviz-run 1\nnodes 12\n", "x.raftrun:2: nodes must be a number from 1 to 9"},
        {"raftviz-run 1\nheartbeat 500\n", "x.raftrun:1: the cluster settings are invalid: heartbeat"},
        {"raftviz-run 1\nat 10 step 3 crash S7\n", "x.raftrun:2: 'S7' is not a server of this 5-server cluster"},
        {"raftviz-run 1\nat 10 step 3 explode S1\n", "x.raftrun:2: unknown action 'explode'"},
        {"raftviz-run 1\nat ten step 3 crash S1\n", "x.raftrun:2: 'ten' is not a time"},
        {"raftviz-run 1\nat 10 step 3 crash S1\nat 5 step 9 heal\n", "x.raftrun:3: actions must be in the order"},
        {"raftviz-run 1\nat 10 step 3 heal\nseed 4\n", "x.raftrun:3: 'seed' must come before the first action"},
        {"raftviz-run 1\nat 10 step 3 network 10 5 0 0\n", "x.raftrun:2: latency must be a range"},
        {"raftviz-run 1\nat 10 step 3 cut S1 => S2\n", "x.raftrun:2: expected 'cut Sx -> Sy' or 'cut Sx <-> Sy'"},
        {"raftviz-run 1\nposition soon\n", "x.raftrun:2: 'position' takes a step number"},
        {"raftviz-run 1\nend 5\n", "x.raftrun:2: 'end' takes the run's last step and its time"},
        {"raftviz-run 1\nfrobnicate 3\n", "x.raftrun:2: unknown line 'frobnicate'"},
        // A file cut off in the middle of a line still reads up to the cut.
        {good.substr(0, good.find("\nat ") + 7), "x.raftrun:"},
    };
    for (const Case &c : cases) {
        const RunFileResult r = parseRunFile(c.text, "x.raftrun");
        ASSERT_FALSE(r.errors.empty()) << "accepted: " << c.text;
        EXPECT_FALSE(r.run.has_value());
        EXPECT_EQ(r.errors.front().rfind(c.expect, 0), 0u) << "got: " << r.errors.front() << "\nfor: " << c.text;
    }
}

TEST(RunFile, ToleratesCommentsBlankLinesAndAByteOrderMark)
{
    const std::string text = "\xEF\xBB\xBFraftviz-run 1\n\n# my lesson\nnodes 3\r\nseed 9\nat 5 step 2 timeout S2\n";
    const RunFileResult r = parseRunFile(text, "x");
    ASSERT_TRUE(r.errors.empty()) << r.errors.front();
    EXPECT_EQ(r.run->config.nodes, 3);
    EXPECT_EQ(r.run->config.seed, 9u);
    ASSERT_EQ(r.run->inputs.size(), 1u);
    EXPECT_EQ(r.run->inputs[0].kind(), InputKind::Timeout);
    EXPECT_EQ(r.run->inputs[0].action, Action(act::Timeout{2}));
}

// Numbers in a run file do not depend on the locale: a German desktop writes and
// reads "loss 0.2", never "0,2": run files travel between machines.
TEST(RunFile, NumbersAreTheSameUnderAGermanLocale)
{
    const std::string previous = std::setlocale(LC_ALL, nullptr);
    if (!std::setlocale(LC_ALL, "de_DE.UTF-8") && !std::setlocale(LC_ALL, "de_DE.utf8"))
        GTEST_SKIP() << "the de_DE.UTF-8 locale is not installed (scripts/deps generates it)";
    std::locale::global(std::locale(std::setlocale(LC_ALL, nullptr)));
    char decimal[16];
    std::snprintf(decimal, sizeof decimal, "%.1f", 0.5);
    const bool german = std::string(decimal) == "0,5";

    RunFile run;
    run.config.network.loss = 0.2;
    run.config.network.duplicate = 0.05;
    run.inputs.push_back(Input{10, 3, act::SetNetwork{NetworkConfig{.latencyMin = raft::fromMs(5), .latencyMax = raft::fromMs(9), .loss = 0.125}}});
    const std::string text = formatRunFile(run);
    const RunFileResult back = parseRunFile(text, "german.raftrun");
    // A file written under the C locale reads the same here.
    const RunFileResult fromC = parseRunFile("raftviz-run 1\nloss 0.25\nduplicate 1e-3\n", "c.raftrun");

    std::locale::global(std::locale::classic());
    std::setlocale(LC_ALL, previous.c_str());
    EXPECT_TRUE(german) << "the locale did not change the decimal point: " << decimal;
    EXPECT_NE(text.find("\nloss 0.2\n"), std::string::npos) << text;
    EXPECT_NE(text.find("\nduplicate 0.05\n"), std::string::npos) << text;
    EXPECT_NE(text.find("network 5 9 0.125 0\n"), std::string::npos) << text;
    ASSERT_TRUE(back.errors.empty()) << back.errors.front();
    EXPECT_EQ(*back.run, run);
    ASSERT_TRUE(fromC.errors.empty()) << fromC.errors.front();
    EXPECT_EQ(fromC.run->config.network.loss, 0.25);
    EXPECT_EQ(fromC.run->config.network.duplicate, 0.001);
}

// Issue 14: numbers a file gives have ranges. Huge ones are refused with the line,
// instead of overflowing time arithmetic or making the replay run for ever.
TEST(RunFile, HugeNumbersAreRefusedWithTheirLine)
{
    const std::string big = "9223372036854775807";
    struct Case {
        std::string text;
        std::string expect;
    };
    const Case cases[] = {
        {"raftviz-run 1\nlatency 1 " + big + "\n", "x.raftrun:1: the cluster settings are invalid: latency"},
        {"raftviz-run 1\nelection-timeout 150 " + big + "\n",
         "x.raftrun:1: the cluster settings are invalid: election timeout"},
        {"raftviz-run 1\nat 10 step 3 network 1 " + big + " 0 0\n", "x.raftrun:2: latency must be a range"},
        {"raftviz-run 1\nat 10 step 3 link S1 -> S2 1 " + big + " 0 0\n", "x.raftrun:2: latency must be a range"},
        {"raftviz-run 1\nloss nan\n", "x.raftrun:1: the cluster settings are invalid: loss"},
        {"raftviz-run 1\nat " + big + " step 3 heal\n", "x.raftrun:2: '" + big + "' is not a time"},
        {"raftviz-run 1\nat 10 step 3 heal\nend 4 " + big + "\n", "x.raftrun:3: 'end' takes"},
        {"raftviz-run 1\nat 10 step 3 heal\nend 3 5\n", "x.raftrun:3: the end (step 3 at 5 ms) comes before"},
        {"raftviz-run 1\nat 10 step 3 heal\nend 9 20\nposition 18446744073709551615\n",
         "x.raftrun:4: the position (step 18446744073709551615) lies beyond the end"},
        {"raftviz-run 1\nat 10 step 3 heal\nposition 99999999999\n", "x.raftrun:3: the position"},
        {"raftviz-run 1\nposition 4 " + big + "\n", "x.raftrun:2: 'position' takes"},
    };
    for (const Case &c : cases) {
        const RunFileResult r = parseRunFile(c.text, "x.raftrun");
        ASSERT_FALSE(r.errors.empty()) << "accepted: " << c.text;
        EXPECT_EQ(r.errors.front().rfind(c.expect, 0), 0u) << "got: " << r.errors.front() << "\nfor: " << c.text;
    }
}

// A step number the run's own clock cannot reach ends the replay at once with the
// mismatch, instead of playing on for ever (issue 14).
TEST(RunFile, ReplayOfAnUnreachableStepStopsAtItsTime)
{
    History h(ClusterConfig{.nodes = 3, .seed = 2});
    const std::string problem = h.replay({Input{.t = 200, .step = 4'000'000'000'000ULL, .action = act::Heal{}}},
                                         std::nullopt);
    EXPECT_NE(problem.find("moved past"), std::string::npos) << problem;
    EXPECT_LE(h.simulation().now(), 200 + kMaxDelay);

    History end(ClusterConfig{.nodes = 3, .seed = 2});
    const std::string endProblem = end.replay({}, std::nullopt, 4'000'000'000'000ULL, 300);
    EXPECT_NE(endProblem.find("does not match"), std::string::npos) << endProblem;
    EXPECT_LE(end.simulation().now(), 300 + kMaxDelay);
}
