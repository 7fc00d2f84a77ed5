// Saved runs: a run file reopens to the same run, and a damaged one is refused with
// the line and the problem, never a crash.
#include "raft/history.h"
#include "raft/runfile.h"

#include <gtest/gtest.h>

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
    h.advanceTo(900);
    const NodeId leader = h.simulation().leader().value_or(1);
    h.act(Input{.kind = InputKind::Request, .node = leader, .text = "set greeting hello world"});
    h.step();
    h.step();
    h.act(Input{.kind = InputKind::Partition, .groups = {{1, 2}, {3, 4, 5}}});
    h.advanceTo(1500);
    h.act(Input{.kind = InputKind::SetLink,
                .node = 1,
                .peer = 2,
                .flag = true,
                .network = NetworkConfig{.latencyMin = 30, .latencyMax = 90, .loss = 0.3, .duplicate = 0.1}});
    h.act(Input{.kind = InputKind::Cut, .node = 3, .peer = 4, .flag = true});
    h.act(Input{.kind = InputKind::Hold, .flag = true});
    h.act(Input{.kind = InputKind::Heal});
    h.act(Input{.kind = InputKind::Say, .text = "  watch S3  "});
    h.advanceTo(2500);
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
        if (want.kind == InputKind::Say)
            want.text = "watch S3"; // a line's outer spaces are not kept
        EXPECT_EQ(back.run->inputs[i], want) << formatInput(run.inputs[i]);
    }
}

// A saved run reopens to the same state: replaying its inputs gives the same world.
TEST(RunFile, ReopensToTheSameState)
{
    ClusterConfig c;
    c.seed = 5;
    History original(c);
    original.advanceTo(1000);
    original.act(Input{.kind = InputKind::Crash, .node = original.simulation().leader().value_or(2)});
    original.advanceTo(2000);
    original.act(
        Input{.kind = InputKind::Request, .node = original.simulation().leader().value_or(1), .text = "set a 1"});
    original.advanceTo(3000);

    const RunFileResult parsed = parseRunFile(formatRunFile(RunFile{c, original.script(), {}, std::nullopt}), "x");
    ASSERT_TRUE(parsed.run);
    History reopened(parsed.run->config);
    ASSERT_EQ(reopened.replay(parsed.run->inputs, std::nullopt), "");
    reopened.advanceTo(3000);
    EXPECT_TRUE(reopened.simulation() == original.simulation());
    EXPECT_EQ(reopened.trace(), original.trace());
}

// A viewer who went back before saving reopens at that moment with the future kept.
TEST(RunFile, ReopensBehindTheEndWithTheFutureKept)
{
    ClusterConfig c;
    c.seed = 8;
    History original(c);
    original.advanceTo(1200);
    original.act(Input{.kind = InputKind::Crash, .node = original.simulation().leader().value_or(1)});
    original.advanceTo(4000);
    const Simulation end = original.simulation();
    original.seekToTime(900);
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
    EXPECT_EQ(reopened.simulation().now(), 900);
    EXPECT_TRUE(reopened.hasFuture());
    EXPECT_EQ(reopened.frontierTime(), 4000);
    reopened.advanceTo(4000);
    EXPECT_TRUE(reopened.simulation() == end);
}

// A hand-edited file whose actions cannot happen as written is refused, not obeyed.
TEST(RunFile, ReplayRefusesAScriptThatDoesNotMatch)
{
    ClusterConfig c;
    History h(c);
    // Restarting a server that is up cannot happen.
    const std::string problem = h.replay({Input{.t = 50, .step = 0, .kind = InputKind::Restart, .node = 1}},
                                         std::nullopt);
    EXPECT_NE(problem.find("impossible"), std::string::npos) << problem;
    History late(c);
    // At step 40 the clock is long past 1 ms.
    const std::string tooLate = late.replay({Input{.t = 1, .step = 40, .kind = InputKind::Heal}}, std::nullopt);
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
    EXPECT_EQ(r.run->inputs[0].kind, InputKind::Timeout);
    EXPECT_EQ(r.run->inputs[0].node, 2);
}
