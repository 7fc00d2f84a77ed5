// Runs saved while a tick was a whole millisecond (run file version 1) replay step for
// step on the microsecond clock: ClusterConfig::wholeMsClock draws every random delay
// as that clock did. tests/raft/data/whole-ms-clock.raftrun was written by the last
// build before the flip (commit 30277ca) from a run with random loss, a partition wall,
// disk writes, a crash and a restart; the facts checked below are what that build
// showed at the run's end.
#include "raft/history.h"
#include "raft/runfile.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace raft;

namespace {

std::string oldRunText()
{
    std::ifstream in(RAFTVIZ_SOURCE_DIR "/tests/raft/data/whole-ms-clock.raftrun", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST(WholeMsClock, AVersion1RunReplaysToTheEndItRecorded)
{
    const std::string text = oldRunText();
    ASSERT_FALSE(text.empty());
    const RunFileResult parsed = parseRunFile(text, "whole-ms-clock.raftrun");
    ASSERT_TRUE(parsed.run) << parsed.errors.front();
    const RunFile &run = *parsed.run;
    EXPECT_TRUE(run.config.wholeMsClock);
    History h(run.config);
    // replay checks every action's step and time, and the recorded end (step 912 at
    // 5000 ms): a single delay drawn differently would move them.
    ASSERT_EQ(h.replay(run.inputs, std::nullopt, run.endStep, run.endTime), "");
    const Simulation &s = h.simulation();
    EXPECT_EQ(s.now(), fromMs(5000));
    EXPECT_EQ(h.currentStep(), 912u);
    EXPECT_EQ(h.trace().size(), 961u);
    EXPECT_EQ(s.stats().messagesDropped, 148u);
    EXPECT_EQ(s.leader(), NodeId{1});
    for (NodeId id = 1; id <= s.size(); ++id) {
        EXPECT_EQ(s.term(id), 3u) << id;
        EXPECT_EQ(s.commitIndex(id), 5u) << id;
    }
    // Every event of that clock falls on a whole millisecond.
    for (const TraceEvent &e : h.trace().events())
        ASSERT_EQ(e.t % kTicksPerMs, 0) << h.trace().describe(e);
    // Saved again, it is the same file: still version 1, still replayable by the old build.
    EXPECT_EQ(formatRunFile(run), text);
}

TEST(WholeMsClock, TheSameActionsOnTheMicrosecondClockAreAnotherRun)
{
    std::string text = oldRunText();
    ASSERT_EQ(text.rfind("raftviz-run 1\n", 0), 0u);
    text.replace(0, 13, "raftviz-run 2");
    const RunFileResult parsed = parseRunFile(text, "now-microseconds.raftrun");
    ASSERT_TRUE(parsed.run) << parsed.errors.front();
    EXPECT_FALSE(parsed.run->config.wholeMsClock);
    History h(parsed.run->config);
    EXPECT_NE(h.replay(parsed.run->inputs, std::nullopt, parsed.run->endStep, parsed.run->endTime), "")
        << "the delays are drawn in microseconds: the recorded steps no longer line up";
}

TEST(WholeMsClock, NewRunsAreVersion2)
{
    RunFile run;
    EXPECT_EQ(formatRunFile(run).rfind("raftviz-run 2\n", 0), 0u);
    run.config.wholeMsClock = true;
    EXPECT_EQ(formatRunFile(run).rfind("raftviz-run 1\n", 0), 0u);
    EXPECT_EQ(parseRunFile("raftviz-run 3\n", "x").errors.front(),
              "x:1: run file version 3 is not supported (this raftviz reads versions 1 and 2)");
}
