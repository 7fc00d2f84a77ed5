// The automatic client is part of the simulated world (ClusterConfig::autoClient,
// act::AutoClient): its requests are events of the Simulation, so a History replays
// them at any step, and a run file reopens a run with the client to the same state.
#include "raft/history.h"
#include "raft/runfile.h"
#include "raft/scenario.h"
#include "raft/scenarioplayer.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

using namespace raft;

namespace {

ClusterConfig withClient(std::uint64_t seed, Time every = raft::fromMs(100))
{
    ClusterConfig c;
    c.seed = seed;
    c.network.loss = 0.03;
    c.network.latencyMax = raft::fromMs(30);
    c.autoClient = every;
    return c;
}

/// accepted lists the client requests leaders appended, as (time, command).
std::vector<std::pair<Time, std::string>> accepted(const Trace &trace)
{
    std::vector<std::pair<Time, std::string>> out;
    for (const TraceEvent &e : trace.events())
        if (e.kind == EventKind::ClientAccepted)
            out.emplace_back(e.t, std::string(trace.textOf(e)));
    return out;
}

/// sameRun compares two runs: the whole state and the trace, event for event.
void expectSame(const History &a, const History &b, const std::string &where)
{
    EXPECT_TRUE(a.simulation() == b.simulation()) << where;
    ASSERT_EQ(a.visibleEvents(), b.visibleEvents()) << where;
    for (std::size_t i = 0; i < a.visibleEvents(); ++i)
        ASSERT_EQ(a.trace().describe(a.trace().events()[i]), b.trace().describe(b.trace().events()[i]))
            << where << ", event " << i;
}

} // namespace

TEST(AutoClient, SendsNumberedRequestsToTheLeaderOnItsInterval)
{
    Simulation sim(withClient(7));
    sim.runFor(raft::fromMs(3000));
    const Trace &trace = sim.trace();
    const auto requests = accepted(trace);
    ASSERT_GE(requests.size(), 20u);
    // "set x 1", "set y 2", "set z 3", "set x 4", ... on multiples of 100 ms.
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const std::uint64_t n = i + 1;
        EXPECT_EQ(requests[i].second, std::string("set ") + "xyz"[(n - 1) % 3] + " " + std::to_string(n));
        EXPECT_EQ(requests[i].first % raft::fromMs(100), 0) << requests[i].second;
    }
    EXPECT_EQ(sim.nextClientCommand(),
              "set " + std::string(1, "xyz"[requests.size() % 3]) + " " + std::to_string(requests.size() + 1));
    // The client is no user: it records no input.
    EXPECT_TRUE(sim.inputs().empty());
    EXPECT_TRUE(sim.violations().empty());
    // They are commands of the replicated log like any other.
    ASSERT_TRUE(sim.leader().has_value());
    EXPECT_GE(sim.commitIndex(*sim.leader()), requests.size() / 2);
}

TEST(AutoClient, WaitsWithoutSpendingStepsWhileNoLeaderIsUp)
{
    Simulation sim(withClient(3));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    // Before the first leader the client has not acted: every step so far is a
    // timer or a delivery that the trace explains.
    EXPECT_TRUE(accepted(sim.trace()).empty());
    EXPECT_EQ(sim.nextClientCommand(), "set x 1");
    const NodeId leader = *sim.leader();
    sim.runFor(raft::fromMs(400));
    const std::size_t before = accepted(sim.trace()).size();
    EXPECT_GE(before, 3u);
    ASSERT_TRUE(sim.pause(leader));
    EXPECT_FALSE(sim.nextClientTime().has_value()) << "a paused leader takes no request";
    ASSERT_TRUE(sim.crash(leader));
    // Until someone else leads, no request; then they go on at the client's interval.
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    EXPECT_EQ(accepted(sim.trace()).size(), before);
    sim.runFor(raft::fromMs(1000));
    const auto after = accepted(sim.trace());
    ASSERT_GT(after.size(), before + 5);
    EXPECT_EQ(after.back().first % raft::fromMs(100), 0);
}

TEST(AutoClient, CountsTheUsersRequestsInItsNumbering)
{
    Simulation sim(withClient(5));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    ASSERT_TRUE(sim.request(*sim.leader(), sim.nextClientCommand())); // the window's Client Request
    EXPECT_EQ(sim.nextClientCommand(), "set y 2");
    ASSERT_TRUE(sim.request(*sim.leader(), "del k"));
    EXPECT_EQ(sim.nextClientCommand(), "set z 3");
}

TEST(AutoClient, AnIntervalOutOfRangeIsRefused)
{
    Simulation sim(ClusterConfig{});
    const ActionResult refused = sim.setAutoClient(-5);
    ASSERT_TRUE(refused.refusal().has_value());
    EXPECT_EQ(refused.refusal()->reason, RefusalReason::BadInterval);
    EXPECT_EQ(refused.describe(), "the automatic client's interval must be from 1 ms to 60 s (0 stops it)");
    EXPECT_EQ(sim.setAutoClient(raft::fromMs(60'001)).refusal()->reason, RefusalReason::BadInterval);
    EXPECT_TRUE(sim.inputs().empty());
    ClusterConfig bad;
    bad.autoClient = -1;
    EXPECT_NE(bad.validate(), "");
}

// Stepping back and forward, and seeking anywhere, shows the state the straight run
// had there: the client's requests replay like every other event.
TEST(AutoClient, HistorySeeksShowTheStraightRunsState)
{
    History straight(withClient(11), HistoryOptions{.checkpointEvery = 64});
    std::map<std::uint64_t, Simulation> seen;
    while (straight.simulation().now() < raft::fromMs(2500)) {
        ASSERT_TRUE(straight.step());
        if (straight.currentStep() % 7 == 0)
            seen.emplace(straight.currentStep(), straight.simulation());
    }
    ASSERT_GT(accepted(straight.trace()).size(), 15u);
    const std::uint64_t end = straight.currentStep();

    // Seek to each kept step, in a scrambled order, from wherever the last seek left.
    std::uint64_t k = 1;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        k = (k * 37 + 11) % seen.size();
        const auto it = std::next(seen.begin(), static_cast<std::ptrdiff_t>(k));
        straight.seekToStep(it->first);
        ASSERT_TRUE(straight.simulation() == it->second) << "seek to step " << it->first;
    }
    // Back one step at a time over a stretch, then forward again to the end.
    straight.seekToStep(end);
    for (int i = 0; i < 150; ++i)
        ASSERT_TRUE(straight.stepBack());
    if (const auto it = seen.find(straight.currentStep()); it != seen.end()) {
        EXPECT_TRUE(straight.simulation() == it->second);
    }
    while (straight.hasFuture())
        ASSERT_TRUE(straight.step());
    History again(withClient(11));
    while (again.currentStep() < end)
        ASSERT_TRUE(again.step());
    expectSame(straight, again, "after going back and forward");
    // Played on past the frontier, the client goes on as it would have.
    straight.advanceTo(raft::fromMs(4000));
    again.advanceTo(raft::fromMs(4000));
    expectSame(straight, again, "played on past the old frontier");
}

// Turning the client off and on mid-run is a recorded input: it replays in history
// and from a run file, and the file reopens to the same state.
TEST(AutoClient, TurningItOffAndOnIsRecordedAndReplays)
{
    History h(withClient(4));
    h.advanceTo(raft::fromMs(1200));
    ASSERT_TRUE(h.act(act::AutoClient{0}));
    const std::uint64_t offAt = h.currentStep();
    const std::size_t requestsWhenOff = accepted(h.trace()).size();
    h.advanceTo(raft::fromMs(2000));
    EXPECT_EQ(accepted(h.trace()).size(), requestsWhenOff) << "off: no request for 800 ms";
    ASSERT_TRUE(h.act(act::AutoClient{raft::fromMs(250)}));
    h.advanceTo(raft::fromMs(3500));
    const auto all = accepted(h.trace());
    ASSERT_GT(all.size(), requestsWhenOff + 3);
    EXPECT_EQ((all.back().first - 2000) % 250, 0) << "on again: every 250 ms from when it was turned on";

    ASSERT_EQ(h.script().size(), 2u);
    EXPECT_EQ(formatInput(h.script()[0]), "client off");
    EXPECT_EQ(formatInput(h.script()[1]), "client 250");

    // Seek back before the switch and forward again: the same run.
    const Simulation end = h.simulation();
    h.seekToStep(offAt - 1);
    EXPECT_EQ(h.simulation().config().autoClient, raft::fromMs(100));
    h.seekToStep(offAt);
    EXPECT_EQ(h.simulation().config().autoClient, 0);
    h.seekToTime(raft::fromMs(3500));
    EXPECT_TRUE(h.simulation() == end);

    // Saved and reopened (half way back), then played to the end: the same state.
    h.seekToTime(raft::fromMs(2600));
    RunFile run;
    run.config = h.config();
    run.inputs = h.script();
    run.position = h.currentStep();
    run.positionTime = h.simulation().now();
    run.endStep = h.frontierStep();
    run.endTime = h.frontierTime();
    const std::string text = formatRunFile(run);
    EXPECT_NE(text.find("\nclient 100\n"), std::string::npos) << text;
    EXPECT_NE(text.find(" client off\n"), std::string::npos) << text;
    const RunFileResult back = parseRunFile(text, "client.raftrun");
    ASSERT_TRUE(back.errors.empty()) << back.errors.front();
    EXPECT_EQ(*back.run, run);
    History reopened(back.run->config);
    ASSERT_EQ(reopened.replay(back.run->inputs, back.run->position, back.run->endStep, back.run->endTime,
                              back.run->positionTime),
              "");
    expectSame(reopened, h, "reopened at its position");
    reopened.seekToTime(raft::fromMs(3500));
    h.seekToTime(raft::fromMs(3500));
    expectSame(reopened, h, "reopened and played to the end");
}

// Runs saved before the client was part of the world recorded its requests as plain
// requests and have no "client" line: they still open and replay the same.
TEST(AutoClient, OldRunsWithRecordedRequestsStillOpen)
{
    // The old window: a request to the leader at every multiple of 100 ms.
    History old(withClient(9, 0));
    for (Time t = raft::fromMs(100); t <= raft::fromMs(1500); t += raft::fromMs(100)) {
        old.advanceTo(t);
        if (const auto leader = old.simulation().leader()) {
            ASSERT_TRUE(old.act(act::Request{*leader, old.simulation().nextClientCommand()}));
        }
    }
    ASSERT_GT(old.script().size(), 5u);
    RunFile run;
    run.config = old.config();
    run.inputs = old.script();
    run.endStep = old.frontierStep();
    run.endTime = old.frontierTime();
    const std::string text = formatRunFile(run);
    EXPECT_EQ(text.find("client"), std::string::npos) << text;
    const RunFileResult back = parseRunFile(text, "old.raftrun");
    ASSERT_TRUE(back.errors.empty()) << back.errors.front();
    EXPECT_EQ(back.run->config.autoClient, 0);
    History reopened(back.run->config);
    ASSERT_EQ(reopened.replay(back.run->inputs, std::nullopt, back.run->endStep, back.run->endTime), "");
    expectSame(reopened, old, "an old run reopened");
}

TEST(AutoClient, RunFileLinesAreCheckedWithTheirLine)
{
    const std::string head = "raftviz-run 1\nnodes 3\n";
    const auto errors = [&](const std::string &body) { return parseRunFile(head + body, "c.raftrun").errors; };
    EXPECT_TRUE(errors("client 100\n").empty());
    EXPECT_TRUE(errors("at 10 step 3 client 100\nat 20 step 9 client off\n").empty());
    ASSERT_EQ(errors("at 10 step 3 client sometimes\n").size(), 1u);
    EXPECT_EQ(errors("at 10 step 3 client sometimes\n")[0],
              "c.raftrun:3: 'client' takes an interval in milliseconds (1 to 60000) or off");
    EXPECT_EQ(errors("at 10 step 3 client 0\n").size(), 1u);
    ASSERT_EQ(errors("client 70000\n").size(), 1u);
    EXPECT_NE(errors("client 70000\n")[0].find("automatic client"), std::string::npos);
    EXPECT_EQ(errors("at 10 step 3 heal\nclient 100\n")[0], "c.raftrun:4: 'client' must come before the first action");
}

TEST(AutoClient, ScenarioLinesStartAndStopIt)
{
    const Scenario scenario = Scenario::parse("nodes 3\n"
                                              "seed 2\n"
                                              "client every 100ms\n"
                                              "run until leader max 2s\n"
                                              "run until committed 5 max 2s\n"
                                              "client off\n"
                                              "run 1s\n"
                                              "expect kv leader x=4\n"
                                              "expect agree\n",
                                              "client.txt");
    ASSERT_TRUE(scenario.isValid()) << scenario.errors().front();
    ScenarioPlayer player(scenario);
    History history(scenario.config());
    player.advance(history, raft::fromMs(20'000));
    EXPECT_TRUE(player.atEnd());
    EXPECT_TRUE(player.failures().empty()) << player.failures().front().text << ": " << player.failures().front().why;
    ASSERT_EQ(history.script().size(), 2u);
    EXPECT_EQ(formatInput(history.script()[0]), "client 100");
    EXPECT_EQ(formatInput(history.script()[1]), "client off");

    const Scenario bad = Scenario::parse("client every 0ms\n"
                                         "client sometimes\n"
                                         "client every\n"
                                         "client off now\n"
                                         "client every 2m\n",
                                         "bad.txt");
    const std::vector<std::string> expected = {
        "bad.txt:1: the automatic client's interval must be from 1ms to 60s",
        "bad.txt:2: client needs 'every T' or 'off': usage is 'client every T (e.g. client every 100ms) or client off'",
        "bad.txt:3: missing argument: usage is 'client every T (e.g. client every 100ms) or client off'",
        "bad.txt:4: too many arguments: usage is 'client every T (e.g. client every 100ms) or client off'",
        "bad.txt:5: bad interval '2m': expected a time such as 150, 150ms, 2s or 1.5s",
    };
    EXPECT_EQ(bad.errors(), expected);
}
