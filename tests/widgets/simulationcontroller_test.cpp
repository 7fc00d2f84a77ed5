// SimulationController: the one writer of the Simulation. Frames, speed, stepping,
// user actions and scenario playback in virtual time.
#include "app/simulationcontroller.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cmath>

using raft::NodeStatus;

TEST(SimulationController, FramesAdvanceVirtualTimeByWallTimesSpeed)
{
    SimulationController controller;
    controller.setAutoRequests(false);
    QSignalSpy advanced(&controller, &SimulationController::advanced);
    controller.setSpeed(0.5);
    controller.advanceFrame(16.0); // paused: nothing moves
    EXPECT_EQ(controller.displayTime(), 0.0);
    controller.play();
    controller.advanceFrame(16.0);
    EXPECT_DOUBLE_EQ(controller.displayTime(), static_cast<double>(raft::fromMs(8)));
    EXPECT_EQ(controller.simulation().now(), raft::fromMs(8));
    controller.setSpeed(0.001);
    controller.advanceFrame(16.0);
    // 16 microseconds: the clock counts them.
    EXPECT_DOUBLE_EQ(controller.displayTime(), static_cast<double>(raft::fromMs(8) + raft::kTicksPerMs * 16 / 1000));
    EXPECT_EQ(controller.simulation().now(), raft::fromMs(8) + raft::kTicksPerMs * 16 / 1000);
    // A fraction of a tick: the display moves, the clock waits for a whole one.
    const raft::Time before = controller.simulation().now();
    controller.advanceFrame(0.5);
    EXPECT_DOUBLE_EQ(controller.displayTime(), static_cast<double>(before) + 0.5 * 0.001 * raft::kTicksPerMs);
    EXPECT_EQ(controller.simulation().now(), before);
    EXPECT_GE(advanced.count(), 2);
    controller.pause();
}

TEST(SimulationController, SpeedIsClampedAndStepsAlongALadder)
{
    SimulationController controller;
    EXPECT_DOUBLE_EQ(controller.speed(), SimulationController::kDefaultSpeed);
    controller.setSpeed(1e6);
    EXPECT_DOUBLE_EQ(controller.speed(), 10.0);
    controller.setSpeed(0);
    EXPECT_DOUBLE_EQ(controller.speed(), 0.001);
    controller.faster();
    EXPECT_DOUBLE_EQ(controller.speed(), 1.0 / 500);
    controller.setSpeed(1.0);
    controller.faster();
    EXPECT_DOUBLE_EQ(controller.speed(), 2.0);
    controller.slower();
    controller.slower();
    EXPECT_DOUBLE_EQ(controller.speed(), 0.5);
    EXPECT_EQ(SimulationController::speedText(1.0 / 30), QStringLiteral("1/30×"));
    EXPECT_EQ(SimulationController::speedText(2.0), QStringLiteral("2×"));
}

TEST(SimulationController, StepProcessesExactlyOneEvent)
{
    SimulationController controller;
    controller.play();
    const std::uint64_t before = controller.simulation().stepCount();
    controller.stepOnce();
    EXPECT_FALSE(controller.isPlaying());
    EXPECT_EQ(controller.simulation().stepCount(), before + 1);
    EXPECT_GE(controller.displayTime(), static_cast<double>(controller.simulation().now()));
}

TEST(SimulationController, AutomaticRequestsReplicateUnderTheViewersEyes)
{
    SimulationController controller;
    ASSERT_TRUE(controller.autoRequests());
    controller.runTo(raft::fromMs(3000));
    const auto leader = controller.simulation().leader();
    ASSERT_TRUE(leader.has_value());
    // One request every 100 ms once there is a leader: a couple of dozen, committed.
    EXPECT_GE(controller.simulation().commitIndex(*leader), 15u);
    EXPECT_TRUE(controller.simulation().violations().empty());
    controller.setAutoRequests(false);
    const raft::Index last = controller.simulation().log(*leader).lastIndex();
    controller.runTo(raft::fromMs(4000));
    EXPECT_EQ(controller.simulation().log(*leader).lastIndex(), last);
}

// The automatic client is part of the world: the toggle is a recorded action, and
// seeking, stepping and reopening the run need no bookkeeping in the controller.
TEST(SimulationController, AutomaticClientIsPartOfTheRun)
{
    SimulationController controller;
    controller.runTo(raft::fromMs(2000));
    controller.setAutoRequests(false);
    EXPECT_FALSE(controller.autoRequests());
    controller.runTo(raft::fromMs(3000));
    controller.setAutoRequests(true);
    controller.runTo(raft::fromMs(4500));
    const raft::Simulation end = controller.simulation();
    ASSERT_EQ(controller.history().script().size(), 2u);
    EXPECT_EQ(controller.history().script()[0].t, raft::fromMs(2000));

    // The toggle follows the moment on screen.
    controller.seekToTime(raft::fromMs(1500));
    EXPECT_TRUE(controller.autoRequests());
    controller.seekToTime(raft::fromMs(2500));
    EXPECT_FALSE(controller.autoRequests());
    for (int i = 0; i < 30; ++i)
        controller.stepOnce();
    for (int i = 0; i < 30; ++i)
        controller.stepBack();
    controller.runTo(raft::fromMs(4500));
    EXPECT_TRUE(controller.autoRequests());
    EXPECT_TRUE(controller.simulation() == end);
    EXPECT_EQ(controller.history().script().size(), 2u) << "replaying the past recorded nothing new";

    // Saved half way and reopened: the same moment, then the same end.
    controller.seekToTime(raft::fromMs(2700));
    const raft::Simulation middle = controller.simulation();
    SimulationController reopened;
    ASSERT_EQ(reopened.loadRun(controller.runFile()), QString());
    EXPECT_TRUE(reopened.simulation() == middle);
    EXPECT_FALSE(reopened.autoRequests());
    reopened.runTo(raft::fromMs(4500));
    EXPECT_TRUE(reopened.simulation() == end);
}

TEST(SimulationController, UserActionsReachTheSimulation)
{
    SimulationController controller;
    controller.setAutoRequests(false);
    controller.runTo(raft::fromMs(1000));
    const raft::NodeId leader = controller.simulation().leader().value();
    QSignalSpy reports(&controller, &SimulationController::actionReported);

    controller.requestToLeader(QStringLiteral("set x 9"));
    controller.runTo(raft::fromMs(1200));
    EXPECT_EQ(*controller.simulation().server(leader).kv.value("x"), "9");
    controller.crashLeader();
    EXPECT_EQ(controller.simulation().status(leader), NodeStatus::Crashed);
    controller.restartAll();
    EXPECT_EQ(controller.simulation().status(leader), NodeStatus::Up);
    controller.pauseNode(2);
    EXPECT_EQ(controller.simulation().status(2), NodeStatus::Paused);
    controller.resumeNode(2);
    controller.isolate(3);
    EXPECT_TRUE(controller.simulation().network().isCut(3, 1));
    controller.reconnect(3);
    EXPECT_FALSE(controller.simulation().network().hasFaults());
    EXPECT_GE(reports.count(), 7);
    // Impossible actions are reported with the simulation's reason, not performed.
    controller.restart(4);
    EXPECT_TRUE(
        reports.last().at(0).toString().contains(QStringLiteral("S4 is up; only a crashed server can restart")));
}

// Found by the GUI monkey (monkey_test.cpp): the views redraw on advanced(), and while
// the clock stands still no frame comes, so every command must tell them itself. The
// Client Request command (C) recorded the request but told no one: the events pane,
// the log grid and the timeline went on showing the world before it.
TEST(SimulationController, AClientRequestWhilePausedTellsTheViewsAtOnce)
{
    SimulationController controller;
    controller.setAutoRequests(false);
    controller.runTo(raft::fromMs(1000));
    ASSERT_TRUE(controller.simulation().leader());
    controller.pause();
    QSignalSpy advanced(&controller, &SimulationController::advanced);
    const std::size_t before = controller.history().visibleEvents();
    controller.requestNext();
    EXPECT_GT(controller.history().visibleEvents(), before);
    EXPECT_EQ(advanced.count(), 1);
}

TEST(SimulationController, ProvokedSplitVoteLeavesNoWinnerInThatTerm)
{
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        SimulationController controller;
        raft::ClusterConfig config;
        config.seed = seed;
        controller.newCluster(config);
        controller.setAutoRequests(false);
        controller.runTo(raft::fromMs(1000));
        ASSERT_TRUE(controller.simulation().leader().has_value());
        controller.provokeSplitVote();
        raft::Term term = 0;
        int candidates = 0;
        for (raft::NodeId id = 1; id <= 5; ++id) {
            if (controller.simulation().role(id) == raft::Role::Candidate) {
                ++candidates;
                term = controller.simulation().term(id);
            }
        }
        EXPECT_GE(candidates, 2) << "seed " << seed;
        // Let the votes come back: no one wins the split term.
        controller.runTo(raft::fromMs(1000 + 60));
        for (raft::NodeId id = 1; id <= 5; ++id)
            EXPECT_FALSE(controller.simulation().role(id) == raft::Role::Leader
                         && controller.simulation().term(id) == term)
                << "seed " << seed << ": S" << id << " won the split term";
        // A new random timeout settles it.
        controller.runTo(raft::fromMs(4000));
        EXPECT_TRUE(controller.simulation().leader().has_value()) << "seed " << seed;
        EXPECT_TRUE(controller.simulation().violations().empty());
    }
}

TEST(SimulationController, SpreadTimersSpreadsTheFollowersDeadlines)
{
    SimulationController controller;
    controller.setAutoRequests(false);
    controller.runTo(raft::fromMs(1000));
    const raft::NodeId leader = controller.simulation().leader().value();
    controller.crash(leader);
    controller.spreadTimers();
    std::vector<raft::Time> deadlines;
    for (raft::NodeId id = 1; id <= 5; ++id)
        if (const raft::Node *node = controller.simulation().node(id))
            deadlines.push_back(node->electionDeadline());
    std::sort(deadlines.begin(), deadlines.end());
    ASSERT_EQ(deadlines.size(), 4u);
    for (std::size_t i = 1; i < deadlines.size(); ++i)
        EXPECT_GE(deadlines[i] - deadlines[i - 1], 30) << "timers at least 30 ms apart";
}

TEST(SimulationController, ScenarioRunsInVirtualTimeLineByLine)
{
    SimulationController controller;
    QSignalSpy lines(&controller, &SimulationController::scenarioLineReached);
    QSignalSpy finished(&controller, &SimulationController::scenarioFinished);
    const QString error = controller.loadScenario(QStringLiteral("nodes 3\n"
                                                                 "seed 4\n"
                                                                 "timeout S2\n"
                                                                 "run until leader max 1s\n"
                                                                 "expect leader S2\n"
                                                                 "say S2 leads\n"
                                                                 "run 2s\n"
                                                                 "crash S2\n"
                                                                 "expect leader none\n"),
                                                  QStringLiteral("lesson.scenario"));
    ASSERT_EQ(error, QString());
    EXPECT_EQ(controller.config().nodes, 3);
    EXPECT_FALSE(controller.autoRequests());
    EXPECT_TRUE(controller.isScenarioRunning());
    // "timeout S2" ran at once; the rest waits for virtual time.
    EXPECT_EQ(controller.simulation().role(2), raft::Role::Candidate);
    controller.runTo(raft::fromMs(500));
    EXPECT_EQ(controller.simulation().leader(), std::optional<raft::NodeId>(2));
    EXPECT_TRUE(controller.isScenarioRunning()) << "still inside run 2s";
    EXPECT_EQ(controller.simulation().status(2), NodeStatus::Up);
    controller.runTo(raft::fromMs(3000));
    EXPECT_FALSE(controller.isScenarioRunning());
    EXPECT_EQ(controller.simulation().status(2), NodeStatus::Crashed);
    EXPECT_EQ(finished.count(), 1);
    EXPECT_EQ(lines.count(), 7);
    EXPECT_TRUE(controller.scenarioFailures().isEmpty()) << controller.scenarioFailures().join('\n').toStdString();
}

// The window's lesson player stages message fates and network changes as headless does,
// and the run it records steps back and forth like any other.
TEST(SimulationController, ScenarioStagesMessagesAndTheNetworkInTheWindow)
{
    SimulationController controller;
    const QString error = controller.loadScenario(QStringLiteral("nodes 3\n"
                                                                 "seed 1\n"
                                                                 "timeout S1\n"
                                                                 "run until leader max 1s\n"
                                                                 "run until commit S1 >= 1 max 1s\n"
                                                                 "hold on\n"
                                                                 "run 60ms\n"
                                                                 "drop next AppendEntries S1 -> S2\n"
                                                                 "deliver next AppendEntries S1 -> S3\n"
                                                                 "hold off\n"
                                                                 "network loss 10%\n"
                                                                 "link S2 -> S3 latency 30ms 40ms\n"
                                                                 "timer S2 400ms\n"
                                                                 "run 100ms\n"
                                                                 "expect violations none\n"),
                                                  QStringLiteral("staging.scenario"));
    ASSERT_EQ(error, QString());
    controller.runTo(raft::fromMs(2000));
    EXPECT_FALSE(controller.isScenarioRunning());
    EXPECT_TRUE(controller.scenarioFailures().isEmpty()) << controller.scenarioFailures().join('\n').toStdString();
    EXPECT_FALSE(controller.isHolding());
    EXPECT_DOUBLE_EQ(controller.simulation().network().config().loss, 0.1);
    ASSERT_TRUE(controller.simulation().network().link(2, 3).has_value());
    std::vector<raft::InputKind> kinds;
    for (const raft::Input &input : controller.history().script())
        kinds.push_back(input.kind());
    const std::vector<raft::InputKind> expected = {
        raft::InputKind::Timeout, raft::InputKind::Hold,       raft::InputKind::Drop,    raft::InputKind::Deliver,
        raft::InputKind::Hold,    raft::InputKind::SetNetwork, raft::InputKind::SetLink, raft::InputKind::SetTimer};
    EXPECT_EQ(kinds, expected);
    const raft::Simulation end = controller.simulation();
    controller.seekToTime(raft::fromMs(100));
    controller.seekToTime(raft::fromMs(2000));
    EXPECT_TRUE(controller.simulation() == end);
}

TEST(SimulationController, MalformedScenarioChangesNothing)
{
    SimulationController controller;
    controller.runTo(raft::fromMs(500));
    const std::uint64_t steps = controller.simulation().stepCount();
    const QString error = controller.loadScenario(QStringLiteral("nodes 12\nrun soon\n"), QStringLiteral("bad.txt"));
    EXPECT_TRUE(error.contains(QStringLiteral("bad.txt:1:"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("bad.txt:2:"))) << error.toStdString();
    EXPECT_EQ(controller.simulation().stepCount(), steps);
    EXPECT_FALSE(controller.isScenarioRunning());
}
