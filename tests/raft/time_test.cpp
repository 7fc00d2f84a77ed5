// Virtual time counts ticks (raft::kTicksPerMs to a millisecond); scripts, run files,
// JSON and words keep milliseconds, with a decimal part only when a time has one, so
// that files written before the clock grew finer open unchanged (issue 13).
#include "raft/history.h"
#include "raft/json.h"
#include "raft/runfile.h"
#include "raft/scenario.h"
#include "raft/trace.h"

#include <gtest/gtest.h>

#include <clocale>
#include <limits>
#include <cstdio>
#include <locale>
#include <string>

using namespace raft;

namespace {

// The fractional times below need a tick finer than a tenth of a millisecond.
static_assert(kTicksPerMs >= 100, "a tick is a microsecond");

} // namespace

TEST(VirtualTime, ConvertsMillisecondsAndSeconds)
{
    EXPECT_EQ(fromMs(150), 150 * kTicksPerMs);
    EXPECT_EQ(fromSeconds(2), fromMs(2000));
    EXPECT_EQ(toMs(fromMs(150)), 150);
    EXPECT_EQ(toMs(fromMs(150) + kTicksPerMs - 1), 150) << "toMs rounds down";
    EXPECT_EQ(toMs(-1), -1) << "toMs rounds down below zero too";
    EXPECT_DOUBLE_EQ(toMsDouble(fromMs(3)), 3.0);
    EXPECT_EQ(fromMsDouble(2.0), fromMs(2));
    // A week of virtual time fits many times over.
    EXPECT_LT(fromSeconds(7LL * 24 * 3600), std::numeric_limits<Time>::max() / 1000);
}

TEST(VirtualTime, WritesMillisecondsWithADecimalPartOnlyWhenNeeded)
{
    EXPECT_EQ(formatMs(0), "0");
    EXPECT_EQ(formatMs(fromMs(1234)), "1234");
    EXPECT_EQ(formatMs(-fromMs(3)), "-3");
    EXPECT_EQ(formatMs(fromMs(1234) + kTicksPerMs / 2), "1234.5");
    EXPECT_EQ(formatMs(fromMs(150) + kTicksPerMs / 4), "150.25");
    EXPECT_EQ(formatMs(kTicksPerMs / 10), "0.1");
    EXPECT_EQ(formatMs(1), "0." + std::string(static_cast<std::size_t>(std::to_string(kTicksPerMs).size() - 2), '0') + "1")
        << "one tick";
}

TEST(VirtualTime, ReadsWhatItWrites)
{
    for (const Time t : {Time{0}, fromMs(1), fromMs(1234), fromMs(150) + kTicksPerMs / 4, Time{1}, kTicksPerMs * 7 / 10,
                         fromSeconds(7LL * 24 * 3600) - 1})
        EXPECT_EQ(parseMs(formatMs(t)), t) << formatMs(t);
    for (const char *bad : {"", "-", ".5", "1.", "1,5", "1e3", "x", "1 ", "+1"})
        EXPECT_EQ(parseMs(bad), std::nullopt) << bad;
    // Too large for the clock: the largest time, which every range check refuses.
    EXPECT_EQ(parseMs("9223372036854775807"), std::numeric_limits<Time>::max());
    // Finer than a tick is refused rather than rounded.
    EXPECT_EQ(parseMs("0." + std::string(static_cast<std::size_t>(std::to_string(kTicksPerMs).size()), '0') + "1"),
              std::nullopt);
}

TEST(VirtualTime, ScriptsTakeFractionsOfAMillisecond)
{
    EXPECT_EQ(parseTime("150"), fromMs(150));
    EXPECT_EQ(parseTime("1.5s"), fromMs(1500));
    EXPECT_EQ(parseTime("150.25ms"), fromMs(150) + kTicksPerMs / 4);
    EXPECT_EQ(parseTime("0.5ms"), kTicksPerMs / 2);
    EXPECT_EQ(parseTime("0.5"), kTicksPerMs / 2);
    EXPECT_EQ(parseTime("0.0001s"), kTicksPerMs / 10);

    // A latency line takes them too: the network then draws sub-millisecond delays.
    const Scenario s = Scenario::parse("nodes 3\nlatency 0.2 0.6\nnetwork latency 0.25ms 0.5ms\ntimer S1 150.5ms\n");
    ASSERT_TRUE(s.errors().empty()) << s.errors().front();
    EXPECT_EQ(s.config().network.latencyMin, kTicksPerMs / 5);
    EXPECT_EQ(s.config().network.latencyMax, kTicksPerMs * 3 / 5);
    Simulation sim(s.config());
    for (int i = 0; i < 200 && sim.step(); ++i)
        for (const Envelope *e : sim.network().envelopes())
            EXPECT_LE(e->deliverAt - e->sentAt, kTicksPerMs * 3 / 5);
}

TEST(VirtualTime, RunFileWithAFractionalTimeRoundTripsByteForByte)
{
    const std::string text = "raftviz-run 2\n"
                             "# A raftviz run: the cluster, then every action with its virtual time (ms) and step.\n"
                             "nodes 3\n"
                             "seed 5\n"
                             "election-timeout 150 155.5\n"
                             "heartbeat 50\n"
                             "latency 0.2 0.6\n"
                             "loss 0\n"
                             "duplicate 0\n"
                             "option noop on\n"
                             "at 120.25 step 0 timeout S2\n"
                             "at 300.125 step 40 timer S3 480.5\n";
    const RunFileResult parsed = parseRunFile(text, "fine.raftrun");
    ASSERT_TRUE(parsed.run) << parsed.errors.front();
    EXPECT_EQ(parsed.run->config.electionTimeoutMax, fromMs(155) + kTicksPerMs / 2);
    EXPECT_EQ(parsed.run->config.network.latencyMin, kTicksPerMs / 5);
    ASSERT_EQ(parsed.run->inputs.size(), 2u);
    EXPECT_EQ(parsed.run->inputs[0].t, fromMs(120) + kTicksPerMs / 4);
    EXPECT_EQ(parsed.run->inputs[1].action, Action(act::SetTimer{3, fromMs(480) + kTicksPerMs / 2}));
    EXPECT_EQ(formatRunFile(*parsed.run), text);
}

// Run files saved while a tick was a millisecond hold only whole milliseconds: they
// open unchanged, and a run that happens to stay on whole milliseconds is saved
// exactly as before, readable by the old version.
TEST(VirtualTime, OldWholeMillisecondRunFileOpens)
{
    const std::string old = "raftviz-run 1\n"
                            "nodes 5\n"
                            "seed 42\n"
                            "election-timeout 150 300\n"
                            "heartbeat 50\n"
                            "latency 10 20\n"
                            "loss 0\n"
                            "duplicate 0\n"
                            "option noop on\n"
                            "note Kill the leader.\n"
                            "at 1234 step 567 crash S3\n"
                            "end 700 3000\n"
                            "position 640 2500\n";
    const RunFileResult parsed = parseRunFile(old, "old.raftrun");
    ASSERT_TRUE(parsed.run) << parsed.errors.front();
    const RunFile &run = *parsed.run;
    EXPECT_EQ(run.config.electionTimeoutMin, fromMs(150));
    EXPECT_EQ(run.config.electionTimeoutMax, fromMs(300));
    EXPECT_EQ(run.config.heartbeatInterval, fromMs(50));
    EXPECT_EQ(run.config.network.latencyMin, fromMs(10));
    EXPECT_EQ(run.config.network.latencyMax, fromMs(20));
    ASSERT_EQ(run.inputs.size(), 1u);
    EXPECT_EQ(run.inputs[0].t, fromMs(1234));
    EXPECT_EQ(run.endTime, fromMs(3000));
    EXPECT_EQ(run.positionTime, fromMs(2500));
    EXPECT_TRUE(run.config.wholeMsClock) << "a version 1 file draws its delays in whole milliseconds";
    const std::string again = formatRunFile(run);
    EXPECT_EQ(again.rfind("raftviz-run 1\n", 0), 0u) << "and is saved back as version 1: " << again;
    EXPECT_NE(again.find("\nat 1234 step 567 crash S3\n"), std::string::npos) << again;
    EXPECT_NE(again.find("\nend 700 3000\n"), std::string::npos) << again;
    EXPECT_NE(again.find("\nelection-timeout 150 300\n"), std::string::npos) << again;
}

// A German desktop writes "0.5", never "0,5": run files travel between machines.
TEST(VirtualTime, FractionsAreTheSameUnderAGermanLocale)
{
    const std::string previous = std::setlocale(LC_ALL, nullptr);
    if (!std::setlocale(LC_ALL, "de_DE.UTF-8") && !std::setlocale(LC_ALL, "de_DE.utf8"))
        GTEST_SKIP() << "the de_DE.UTF-8 locale is not installed (scripts/deps generates it)";
    std::locale::global(std::locale(std::setlocale(LC_ALL, nullptr)));
    RunFile run;
    run.config.network.latencyMin = kTicksPerMs / 2;
    run.inputs.push_back(Input{fromMs(10) + kTicksPerMs / 4, 3, act::Timeout{2}});
    const std::string text = formatRunFile(run);
    const RunFileResult back = parseRunFile(text, "german.raftrun");
    const std::string json = [] {
        JsonWriter w;
        w.beginObject().key("t").milliseconds(fromMs(7) + kTicksPerMs / 2).endObject();
        return w.take();
    }();
    std::locale::global(std::locale::classic());
    std::setlocale(LC_ALL, previous.c_str());
    EXPECT_NE(text.find("\nlatency 0.5 20\n"), std::string::npos) << text;
    EXPECT_NE(text.find("\nat 10.25 step 3 timeout S2\n"), std::string::npos) << text;
    ASSERT_TRUE(back.errors.empty()) << back.errors.front();
    EXPECT_EQ(*back.run, run);
    EXPECT_EQ(json, R"({"t":7.5})");
}

TEST(VirtualTime, JsonAndWordsKeepMilliseconds)
{
    JsonWriter w;
    w.beginArray().milliseconds(fromMs(1234)).milliseconds(0).endArray();
    EXPECT_EQ(w.take(), "[1234,0]");

    ClusterConfig c;
    c.nodes = 3;
    Simulation sim(c);
    sim.runFor(fromMs(400));
    ASSERT_GT(sim.trace().size(), 0u);
    const TraceEvent e = sim.trace().events()[sim.trace().size() - 1];
    const std::string json = sim.trace().toJson(e);
    EXPECT_EQ(json.rfind("{\"t\":" + formatMs(e.t) + ",", 0), 0u) << json;

    // A timer set by hand is worded in milliseconds, with the fraction it has.
    const Time at = sim.now() + fromMs(100) + kTicksPerMs / 2;
    const NodeId follower = sim.leader() == 1 ? 2 : 1;
    if (sim.setElectionDeadline(follower, at)) {
        const TraceEvent set = sim.trace().events()[sim.trace().size() - 1];
        EXPECT_NE(std::string(sim.trace().textOf(set)).find("fire at " + formatMs(at) + " ms"), std::string::npos)
            << sim.trace().textOf(set);
    }
    EXPECT_NE(formatMs(at).find('.'), std::string::npos);
}
