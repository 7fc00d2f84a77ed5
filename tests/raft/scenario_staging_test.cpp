// Scenario lines that stage what the window's mouse can do: hold and deliver, drop
// and duplicate messages by type and link, set an election timer, change the
// network's or one link's conditions mid-run. Each is a typed action through the
// same Simulation path (recorded as an input, replayed by history).
#include "raft/history.h"
#include "raft/runfile.h"
#include "raft/scenario.h"
#include "raft/scenarioplayer.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

using namespace raft;

namespace {

/// Played is a script run headless to its end: its history and its failures.
struct Played {
    std::unique_ptr<History> history;
    std::vector<ExpectationFailure> failures;
};

/// play runs a script headless to its end, every stop released as --headless does.
Played play(const std::string &text)
{
    const Scenario scenario = Scenario::parse(text, "staging.txt");
    EXPECT_TRUE(scenario.isValid()) << (scenario.errors().empty() ? "" : scenario.errors().front());
    Played played{std::make_unique<History>(scenario.config()), {}};
    ScenarioPlayer player(scenario);
    while (!player.atEnd())
        (void)player.finishLine(*played.history);
    played.failures = player.failures();
    return played;
}

std::vector<std::string> scriptLines(const History &h)
{
    std::vector<std::string> lines;
    for (const Input &input : h.script())
        lines.push_back(formatInput(input));
    return lines;
}

} // namespace

TEST(ScenarioStaging, HoldDropDuplicateAndDeliverMessagesByTypeAndLink)
{
    const Played played = play("nodes 3\n"
                               "seed 1\n"
                               "timeout S1\n"
                               "run until leader max 1s\n"
                               "run until commit S1 >= 1 max 1s\n"
                               "hold on\n"
                               "run 60ms                                  # the next heartbeats wait at the doors\n"
                               "drop next AppendEntries S1 -> S2\n"
                               "duplicate AppendEntries S1 -> S3\n"
                               "deliver next AppendEntries S1 -> S3\n"
                               "hold off\n"
                               "expect violations none\n");
    const std::vector<ExpectationFailure> &failures = played.failures;
    const History *h = played.history.get();
    EXPECT_TRUE(failures.empty()) << failures.front().text << ": " << failures.front().why;
    const std::vector<std::string> lines = scriptLines(*h);
    ASSERT_EQ(lines.size(), 6u);
    EXPECT_EQ(lines[0], "timeout S1");
    EXPECT_EQ(lines[1], "hold on");
    EXPECT_EQ(lines[2].rfind("drop ", 0), 0u) << lines[2];
    EXPECT_EQ(lines[3].rfind("duplicate ", 0), 0u) << lines[3];
    EXPECT_EQ(lines[4].rfind("deliver ", 0), 0u) << lines[4];
    EXPECT_EQ(lines[5], "hold off");
    // The dropped one was the leader's AppendEntries to S2, lost by the user.
    const std::uint64_t dropped = std::get<act::Drop>(h->script()[2].action).message;
    bool lost = false;
    for (const TraceEvent &e : h->trace().events())
        if (e.kind == EventKind::MessageLost && e.index == dropped) {
            lost = true;
            EXPECT_EQ(e.reason, Reason::UserDropped);
            EXPECT_EQ(e.node, 1);
            EXPECT_EQ(e.peer, 2);
            EXPECT_EQ(e.value, static_cast<std::int64_t>(MessageType::AppendEntries));
        }
    EXPECT_TRUE(lost);
    // The recorded run replays from its file to the same state.
    RunFile run;
    run.config = h->config();
    run.inputs = h->script();
    run.endStep = h->frontierStep();
    run.endTime = h->frontierTime();
    const RunFileResult back = parseRunFile(formatRunFile(run), "staged.raftrun");
    ASSERT_TRUE(back.errors.empty()) << back.errors.front();
    History reopened(back.run->config);
    ASSERT_EQ(reopened.replay(back.run->inputs, std::nullopt, back.run->endStep, back.run->endTime), "");
    EXPECT_TRUE(reopened.simulation() == h->simulation());
}

TEST(ScenarioStaging, NoSuchMessageInFlightFailsTheLineWithWhy)
{
    const Played played = play("nodes 3\n"
                               "drop next AppendEntries S1 -> S2\n"
                               "deliver RequestVoteReply S3 -> S1\n");
    const std::vector<ExpectationFailure> &failures = played.failures;
    const History *h = played.history.get();
    ASSERT_EQ(failures.size(), 2u);
    EXPECT_EQ(failures[0].line, 2);
    EXPECT_EQ(failures[0].why, "no AppendEntries from S1 to S2 is in flight");
    EXPECT_EQ(failures[1].why, "no RequestVoteReply from S3 to S1 is in flight");
    EXPECT_TRUE(h->script().empty());
}

TEST(ScenarioStaging, TimersAndNetworkConditionsChangeMidRun)
{
    const Played played = play("nodes 3\n"
                               "seed 2\n"
                               "latency 10 20\n"
                               "run 20ms\n"
                               "timer S3 15ms\n"
                               "run until role S3 candidate max 16ms\n"
                               "network latency 40 60 loss 10%\n"
                               "link S1 -> S2 loss 1 duplicate 0.5\n"
                               "link S2 -> S1 latency 5ms 5ms\n");
    const std::vector<ExpectationFailure> &failures = played.failures;
    const History *h = played.history.get();
    EXPECT_TRUE(failures.empty()) << failures.front().text << ": " << failures.front().why;
    const Network &net = h->simulation().network();
    EXPECT_EQ(net.config().latencyMin, raft::fromMs(40));
    EXPECT_EQ(net.config().latencyMax, raft::fromMs(60));
    EXPECT_DOUBLE_EQ(net.config().loss, 0.1);
    EXPECT_DOUBLE_EQ(net.config().duplicate, 0.0);
    ASSERT_TRUE(net.link(1, 2).has_value());
    // A link line starts from the link's conditions now (the network's), changes what it names.
    EXPECT_EQ(net.link(1, 2)->latencyMin, raft::fromMs(40));
    EXPECT_DOUBLE_EQ(net.link(1, 2)->loss, 1.0);
    EXPECT_DOUBLE_EQ(net.link(1, 2)->duplicate, 0.5);
    EXPECT_EQ(net.link(2, 1)->latencyMax, raft::fromMs(5));
    EXPECT_DOUBLE_EQ(net.link(2, 1)->loss, 0.1);
    const std::vector<std::string> lines = scriptLines(*h);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "timer S3 35");
    EXPECT_EQ(lines[1], "network 40 60 0.1 0");

    const Played back = play("nodes 3\nlink S1 -> S2 loss 1\nrun 10ms\nlink S1 -> S2 default\n");
    EXPECT_TRUE(back.failures.empty());
    EXPECT_FALSE(back.history->simulation().network().link(1, 2).has_value());
}

TEST(ScenarioStaging, DuplicateIsASetupLineOrAnActionByItsWords)
{
    const Scenario scenario = Scenario::parse("duplicate 5%\nrun 10ms\nduplicate next PreVote S1 -> S2\n", "d.txt");
    ASSERT_TRUE(scenario.isValid()) << scenario.errors().front();
    EXPECT_DOUBLE_EQ(scenario.config().network.duplicate, 0.05);
    ASSERT_EQ(scenario.commands().size(), 2u);
    EXPECT_EQ(scenario.commands()[1].kind, CommandKind::DuplicateMessage);
    EXPECT_EQ(scenario.commands()[1].messageType, MessageType::PreVote);
    EXPECT_EQ(Scenario::parse("run 1\nduplicate 5%\n", "d.txt").errors(),
              std::vector<std::string>{"d.txt:2: 'duplicate' is a setup line: setup must come before the first "
                                       "action (line 1)"});
}

TEST(ScenarioStaging, MalformedLinesAreListedWithFileAndLine)
{
    const Scenario bad = Scenario::parse("nodes 3\n"
                                         "drop next AppendEntrys S1 -> S2\n"
                                         "drop AppendEntries S1 S2\n"
                                         "deliver next AppendEntries S1 -> S1\n"
                                         "hold maybe\n"
                                         "timer S4 10ms\n"
                                         "network\n"
                                         "network latency 50 10\n"
                                         "network lost 10%\n"
                                         "link S1 -> S2\n"
                                         "link S1 S2 loss 1\n"
                                         "network loss 2\n",
                                         "bad.txt");
    const std::vector<std::string> expected = {
        "bad.txt:2: unknown message type 'AppendEntrys' (did you mean 'AppendEntries'?); types are RequestVote, "
        "AppendEntries, PreVote, TimeoutNow and the replies RequestVoteReply, AppendEntriesReply, PreVoteReply",
        "bad.txt:3: expected a message type and a link: drop [next] TYPE Sx -> Sy (e.g. drop next AppendEntries S1 "
        "-> S3)",
        "bad.txt:4: deliver needs a message between two different nodes",
        "bad.txt:5: hold takes on or off, not 'maybe'",
        "bad.txt:6: 'S4' does not exist: this cluster has 3 nodes (S1..S3)",
        "bad.txt:7: say what changes: network latency MIN MAX loss P duplicate P (any of them)",
        "bad.txt:8: latency must be MIN MAX with 0.001ms <= MIN <= MAX <= 60s",
        "bad.txt:9: unknown setting 'lost' (did you mean 'loss'?); a network or link line changes latency MIN MAX, "
        "loss P and duplicate P",
        "bad.txt:10: expected a one-way link and what changes: link Sx -> Sy latency MIN MAX loss P duplicate P (any "
        "of them), or link Sx -> Sy default",
        "bad.txt:11: expected a one-way link and what changes: link Sx -> Sy latency MIN MAX loss P duplicate P (any "
        "of them), or link Sx -> Sy default",
        "bad.txt:12: bad probability '2': expected a number from 0 to 1, or a percentage like 10%",
    };
    EXPECT_EQ(bad.errors(), expected);
}
