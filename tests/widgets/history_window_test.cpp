// The window's history, offscreen, driven as a user would: step forward and back with
// the actions, drag the timeline, click an event, run to the next election, hold and
// deliver messages by hand, act in the past, save and reopen a run, export.
#include "app/language.h"
#include "app/mainwindow.h"
#include "app/simulationcontroller.h"

#include "widgets/clusterview.h"
#include "widgets/eventmodel.h"
#include "widgets/eventspane.h"
#include "widgets/stepbanner.h"
#include "widgets/timeline.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include "windowfixture.h"
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace {

/// HistoryWindowTest gives each test a fresh window with the clock stopped, in
/// English, with its settings in a temporary file.
class HistoryWindowTest : public WindowFixture {
protected:
    /// sendMouse sends a mouse event with the left button held (for drags).
    static void sendMouse(QWidget *widget, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons)
    {
        QMouseEvent event(type, pos, widget->mapToGlobal(pos), Qt::LeftButton, buttons, Qt::NoModifier);
        QApplication::sendEvent(widget, &event);
    }
};

TEST_F(HistoryWindowTest, StepForwardThenBackRestoresTheWholeState)
{
    controller().runTo(raft::fromMs(3000));
    action("stepAction")->trigger();
    const raft::Simulation before = sim();
    const std::size_t rowsBefore = static_cast<std::size_t>(m_window->eventsPane()->model()->rowCount());
    const std::size_t visibleBefore = history().visibleEvents();

    constexpr int kSteps = 25;
    for (int i = 0; i < kSteps; ++i) {
        action("stepAction")->trigger();
        EXPECT_FALSE(controller().isPlaying());
        EXPECT_FALSE(m_window->stepBanner()->isEmpty());
    }
    EXPECT_EQ(history().currentStep(), before.stepCount() + kSteps);
    EXPECT_TRUE(m_window->stepBanner()->isVisible());
    EXPECT_GT(history().visibleEvents(), visibleBefore);
    // The events pane shows exactly the events up to the live step.
    EXPECT_EQ(m_window->eventsPane()->model()->visibleCount(), history().visibleEvents());

    for (int i = 0; i < kSteps; ++i)
        action("stepBackAction")->trigger();

    EXPECT_EQ(history().currentStep(), before.stepCount());
    for (raft::NodeId id = 1; id <= sim().size(); ++id)
        EXPECT_EQ(sim().server(id), before.server(id)) << "S" << id;
    EXPECT_EQ(sim().network(), before.network());
    EXPECT_EQ(sim().stats(), before.stats());
    EXPECT_TRUE(sim() == before);
    EXPECT_EQ(history().visibleEvents(), visibleBefore);
    EXPECT_EQ(m_window->eventsPane()->model()->visibleCount(), visibleBefore);
    EXPECT_EQ(static_cast<std::size_t>(m_window->eventsPane()->model()->rowCount()), rowsBefore);
    EXPECT_TRUE(history().hasFuture());
    // After a step back the banner explains the step now current.
    ASSERT_FALSE(m_window->stepBanner()->isEmpty());
    EXPECT_EQ(m_window->stepBanner()->mainEvent().step, before.stepCount());
}

TEST_F(HistoryWindowTest, KeysStepBackAndForward)
{
    controller().runTo(raft::fromMs(2000));
    action("stepAction")->trigger();
    const std::uint64_t step = history().currentStep();
    QTest::keyClick(m_window.get(), Qt::Key_Comma);
    EXPECT_EQ(history().currentStep(), step - 1);
    QTest::keyClick(m_window.get(), Qt::Key_Period);
    EXPECT_EQ(history().currentStep(), step);
    EXPECT_TRUE(action("stepBackAction")->autoRepeat());
    // Held toolbar buttons repeat too.
    for (const char *name : {"stepBackAction", "stepAction"}) {
        QToolBar *bar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        ASSERT_NE(bar, nullptr);
        auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action(name)));
        ASSERT_NE(button, nullptr) << name;
        EXPECT_TRUE(button->autoRepeat()) << name;
    }
    // Playing hides the banner, to give the cluster its room back.
    controller().play();
    EXPECT_FALSE(m_window->stepBanner()->isVisible());
    controller().pause();
}

TEST_F(HistoryWindowTest, DraggingTheTimelineMovesTheWholeWindow)
{
    controller().runTo(raft::fromMs(6000));
    const raft::Simulation atEnd = sim();
    widgets::Timeline *timeline = m_window->timeline();
    ASSERT_NE(timeline, nullptr);
    EXPECT_EQ(timeline->history(), &history());
    const double y = timeline->height() / 2.0;
    const double x1 = timeline->xForTime(1000);
    const double x2 = timeline->xForTime(2500);
    sendMouse(timeline, QEvent::MouseButtonPress, QPointF(x1, y), Qt::LeftButton);
    const raft::Time first = sim().now();
    EXPECT_NEAR(static_cast<double>(first), 1000.0, 50.0);
    sendMouse(timeline, QEvent::MouseMove, QPointF(x2, y), Qt::LeftButton);
    sendMouse(timeline, QEvent::MouseButtonRelease, QPointF(x2, y), Qt::NoButton);
    EXPECT_NEAR(static_cast<double>(sim().now()), 2500.0, 50.0);
    EXPECT_EQ(sim().now(), timeline->timeForX(x2));
    EXPECT_DOUBLE_EQ(controller().displayTime(), static_cast<double>(sim().now()));
    EXPECT_EQ(m_window->eventsPane()->model()->visibleCount(), history().visibleEvents());
    EXPECT_TRUE(history().hasFuture());

    // Seeking reproduces the past: going back to the end gives the same world.
    controller().seekToTime(raft::fromMs(6000));
    EXPECT_TRUE(sim() == atEnd);
}

TEST_F(HistoryWindowTest, SeekingBackThenPlayingOnEqualsPlayingStraight)
{
    // Client requests every 100 ms, as in class.
    ASSERT_TRUE(controller().autoRequests());
    controller().runTo(raft::fromMs(5000));
    controller().seekToTime(raft::fromMs(2000));
    ASSERT_TRUE(history().hasFuture());
    controller().runTo(raft::fromMs(7000));
    EXPECT_FALSE(history().hasFuture());

    SimulationController straight;
    straight.runTo(raft::fromMs(7000));
    EXPECT_TRUE(sim() == straight.simulation());
    EXPECT_EQ(sim().stats(), straight.simulation().stats());
    EXPECT_EQ(history().script(), straight.history().script());
    EXPECT_EQ(history().trace().events(), straight.history().trace().events());

    // The same by single steps: back 40, forward 40, then on.
    for (int i = 0; i < 40; ++i)
        controller().stepBack();
    for (int i = 0; i < 40; ++i)
        controller().stepOnce();
    controller().runTo(raft::fromMs(9000));
    straight.runTo(raft::fromMs(9000));
    EXPECT_TRUE(sim() == straight.simulation());
    EXPECT_EQ(history().script(), straight.history().script());
}

TEST_F(HistoryWindowTest, ClickingAnEventJumpsToItsStep)
{
    controller().runTo(raft::fromMs(4000));
    widgets::EventsPane *pane = m_window->eventsPane();
    QTableView *table = pane->table();
    const int rows = pane->model()->rowCount();
    ASSERT_GT(rows, 3);
    const int row = rows / 2;
    const std::uint64_t step = pane->model()->event(row).step;
    table->scrollTo(pane->model()->index(row, 0));
    const QRect rect = table->visualRect(pane->model()->index(row, widgets::EventModel::EventColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    EXPECT_EQ(history().currentStep(), step);
    EXPECT_LE(static_cast<std::size_t>(row), pane->model()->visibleCount());
    EXPECT_EQ(pane->model()->visibleCount(), history().visibleEvents());
}

TEST_F(HistoryWindowTest, RunToNextElectionStopsRightAfterIt)
{
    ASSERT_FALSE(sim().leader());
    action("nextElectionAction")->trigger();
    ASSERT_TRUE(sim().leader());
    ASSERT_FALSE(m_window->stepBanner()->isEmpty());
    EXPECT_EQ(m_window->stepBanner()->mainEvent().kind, raft::EventKind::BecameLeader);
    // The new leader is marked as the server that acted; the selection stays the
    // teacher's (nothing was selected, nothing is).
    EXPECT_EQ(m_window->clusterView()->actingNodes(), std::vector<raft::NodeId>{*sim().leader()});
    EXPECT_EQ(m_window->clusterView()->selectedNode(), raft::kNoNode);

    action("nextCommitAction")->trigger();
    EXPECT_FALSE(controller().isPlaying());
}

TEST_F(HistoryWindowTest, HeldMessagesArriveInTheChosenOrder)
{
    controller().setAutoRequests(false);
    action("nextElectionAction")->trigger();
    ASSERT_TRUE(sim().leader());
    const raft::NodeId leader = *sim().leader();
    action("holdAction")->trigger();
    ASSERT_TRUE(controller().isHolding());
    ASSERT_TRUE(action("holdAction")->isChecked());

    // The leader's next heartbeats are held at the followers' doors.
    controller().runTo(sim().now() + raft::fromMs(80));
    std::vector<std::uint64_t> held = controller().waitingMessages();
    std::vector<const raft::Envelope *> fromLeader;
    for (std::uint64_t id : held) {
        const raft::Envelope *e = sim().network().find(id);
        if (e->message.from == leader && e->waiting
            && std::none_of(fromLeader.begin(), fromLeader.end(),
                            [&](const raft::Envelope *o) { return o->message.to == e->message.to; }))
            fromLeader.push_back(e);
    }
    ASSERT_GE(fromLeader.size(), 2u);
    const std::uint64_t first = fromLeader[0]->id;
    const std::uint64_t second = fromLeader[1]->id;
    const raft::NodeId firstTo = fromLeader[0]->message.to;
    const raft::NodeId secondTo = fromLeader[1]->message.to;
    const std::size_t from = history().visibleEvents();

    // Deliver the later one first, from its context menu, then the earlier one.
    std::unique_ptr<QMenu> menu(m_window->createMessageMenu(second));
    auto *deliver = menu->findChild<QAction *>(QStringLiteral("deliverMessageAction"));
    ASSERT_NE(deliver, nullptr);
    deliver->trigger();
    EXPECT_EQ(sim().network().find(second), nullptr);
    EXPECT_NE(sim().network().find(first), nullptr);
    controller().deliverMessage(first);
    EXPECT_EQ(sim().network().find(first), nullptr);

    // The trace shows the receivers handling them in that order.
    const auto &events = history().trace().events();
    std::size_t secondAt = events.size();
    std::size_t firstAt = events.size();
    for (std::size_t i = from; i < history().visibleEvents(); ++i) {
        if (events[i].peer != leader)
            continue;
        if (events[i].node == secondTo && secondAt == events.size())
            secondAt = i;
        if (events[i].node == firstTo && firstAt == events.size())
            firstAt = i;
    }
    ASSERT_LT(secondAt, events.size());
    ASSERT_LT(firstAt, events.size());
    EXPECT_LT(secondAt, firstAt);

    // Deliver all takes the rest, oldest first, and the held ones are gone.
    controller().runTo(sim().now() + raft::fromMs(60));
    const std::vector<std::uint64_t> waiting = controller().waitingMessages();
    ASSERT_FALSE(waiting.empty());
    action("deliverAllAction")->trigger();
    // They are all delivered (the answers they caused are held in their turn).
    for (std::uint64_t id : waiting)
        EXPECT_EQ(sim().network().find(id), nullptr) << id;
    for (std::uint64_t id : controller().waitingMessages())
        EXPECT_GT(id, waiting.back());
}

TEST_F(HistoryWindowTest, ActingInThePastAsksAndStartsABranch)
{
    controller().runTo(raft::fromMs(3000));
    const std::uint64_t frontier = history().frontierStep();
    for (int i = 0; i < 10; ++i)
        action("stepBackAction")->trigger();
    ASSERT_TRUE(history().hasFuture());
    const raft::NodeId victim = 2;
    ASSERT_NE(sim().status(victim), raft::NodeStatus::Crashed);

    m_window->setBranchAnswer(false);
    controller().crash(victim);
    EXPECT_EQ(m_window->branchQuestions(), 1);
    EXPECT_NE(sim().status(victim), raft::NodeStatus::Crashed);
    EXPECT_EQ(history().frontierStep(), frontier);
    EXPECT_TRUE(history().hasFuture());

    const std::uint64_t generation = history().generation();
    m_window->setBranchAnswer(true);
    controller().crash(victim);
    EXPECT_EQ(m_window->branchQuestions(), 2);
    EXPECT_EQ(sim().status(victim), raft::NodeStatus::Crashed);
    EXPECT_LT(history().frontierStep(), frontier);
    EXPECT_FALSE(history().hasFuture());
    EXPECT_GT(history().generation(), generation);

    // Any action asks, the network's too, and asks once.
    for (int i = 0; i < 5; ++i)
        action("stepBackAction")->trigger();
    m_window->setBranchAnswer(false);
    const std::uint64_t behind = history().frontierStep();
    controller().heal();
    controller().isolate(3);
    EXPECT_EQ(m_window->branchQuestions(), 4);
    EXPECT_EQ(history().frontierStep(), behind);
    m_window->setBranchAnswer(true);
    controller().isolate(3);
    EXPECT_EQ(m_window->branchQuestions(), 5);
    EXPECT_FALSE(history().hasFuture());

    // At the frontier nothing is asked.
    controller().restart(victim);
    EXPECT_EQ(m_window->branchQuestions(), 5);
}

TEST_F(HistoryWindowTest, ASavedRunReopensToTheSameState)
{
    controller().runTo(raft::fromMs(2500));
    ASSERT_TRUE(sim().leader());
    controller().crash(*sim().leader());
    controller().runTo(raft::fromMs(5000));
    action("stepAction")->trigger();
    controller().setNotes({QStringLiteral("Kill the leader, watch a new one win.")});
    const raft::Simulation saved = sim();
    ASSERT_EQ(m_window->saveRunFile(path("lesson.raftrun")), QString());

    controller().startOver();
    controller().runTo(raft::fromMs(700));
    ASSERT_NE(sim().stats(), saved.stats());

    ASSERT_EQ(m_window->openRunFile(path("lesson.raftrun"), false), QString());
    EXPECT_EQ(sim().stepCount(), saved.stepCount());
    for (raft::NodeId id = 1; id <= sim().size(); ++id)
        EXPECT_EQ(sim().server(id), saved.server(id)) << "S" << id;
    EXPECT_EQ(sim().stats(), saved.stats());
    EXPECT_EQ(sim().network(), saved.network());
    EXPECT_EQ(controller().notes(), QStringList{QStringLiteral("Kill the leader, watch a new one win.")});
    EXPECT_EQ(m_window->timeline()->history(), &history());
    EXPECT_EQ(m_window->eventsPane()->model()->visibleCount(), history().visibleEvents());
}

TEST_F(HistoryWindowTest, ACorruptRunFileIsRejectedAndChangesNothing)
{
    controller().runTo(raft::fromMs(1500));
    const raft::Simulation before = sim();
    QFile file(path("broken.raftrun"));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("raftviz-run 1\nnodes 5\nseed 42\nat 100 step 7 explode S9\n");
    file.close();

    const QString error = m_window->openRunFile(path("broken.raftrun"));
    EXPECT_TRUE(error.contains(QStringLiteral("broken.raftrun:4:"))) << error.toStdString();
    EXPECT_TRUE(sim() == before);
    auto *box = m_window->findChild<QDialog *>(QStringLiteral("runErrorBox"));
    ASSERT_NE(box, nullptr);
    auto *list = box->findChild<QPlainTextEdit *>(QStringLiteral("fileErrorList"));
    ASSERT_NE(list, nullptr);
    EXPECT_TRUE(list->toPlainText().contains(QStringLiteral("broken.raftrun:4:")));
    box->close();

    // A missing file is an error too, never a crash.
    EXPECT_FALSE(m_window->openRunFile(path("missing.raftrun"), false).isEmpty());
    EXPECT_TRUE(sim() == before);
}

TEST_F(HistoryWindowTest, ExportsTheTraceAndTheLogTable)
{
    controller().runTo(raft::fromMs(3000));
    action("stepBackAction")->trigger();
    ASSERT_EQ(m_window->exportTraceFile(path("trace.jsonl")), QString());
    QFile trace(path("trace.jsonl"));
    ASSERT_TRUE(trace.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = trace.readAll().split('\n');
    EXPECT_EQ(static_cast<std::size_t>(lines.size() - 1), history().visibleEvents());
    EXPECT_TRUE(lines.front().startsWith('{'));

    ASSERT_EQ(m_window->exportLogTableFile(path("logs.csv")), QString());
    QFile csv(path("logs.csv"));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = csv.readAll().split('\n');
    EXPECT_EQ(rows.front(), QByteArray("node,index,term,command,committed"));
    std::size_t entries = 0;
    for (raft::NodeId id = 1; id <= sim().size(); ++id)
        entries += sim().log(id).lastIndex();
    EXPECT_EQ(static_cast<std::size_t>(rows.size() - 2), entries);
}

/// modelRows lists the trace positions of a model's rows.
std::vector<std::size_t> modelRows(const widgets::EventModel &model)
{
    std::vector<std::size_t> rows;
    for (int r = 0; r < model.rowCount(); ++r)
        rows.push_back(model.traceIndex(r));
    return rows;
}

QStringList g_testerFailures;

void collectTesterFailures(QtMsgType type, const QMessageLogContext &, const QString &text)
{
    if (type != QtDebugMsg && text.contains(QStringLiteral("FAIL")))
        g_testerFailures.append(text);
}

TEST(HistoryEventModel, FollowsTheLiveStepBackForwardAndAcrossABranch)
{
    raft::ClusterConfig config;
    config.seed = 5;
    raft::History history(config);
    history.advanceTo(raft::fromMs(3000));
    widgets::EventModel model;
    g_testerFailures.clear();
    const QtMessageHandler previous = qInstallMessageHandler(&collectTesterFailures);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setTrace(&history.trace(), history.visibleEvents(), history.generation());

    // The rows always equal those of a model built afresh at the same live step.
    auto matchesFresh = [&] {
        widgets::EventModel fresh;
        fresh.setTrace(&history.trace(), history.visibleEvents(), history.generation());
        return modelRows(model) == modelRows(fresh) && model.visibleCount() == history.visibleEvents();
    };
    ASSERT_TRUE(matchesFresh());
    const std::size_t shownAtEnd = model.visibleCount();
    for (int i = 0; i < 60; ++i) {
        history.stepBack();
        model.setVisibleCount(history.visibleEvents(), history.generation());
        ASSERT_TRUE(matchesFresh()) << "back " << i;
    }
    EXPECT_LT(model.visibleCount(), shownAtEnd);
    for (int i = 0; i < 30; ++i) {
        history.step();
        model.setVisibleCount(history.visibleEvents(), history.generation());
        ASSERT_TRUE(matchesFresh()) << "forward " << i;
    }
    // Acting here discards the recorded future: the model reads the new branch.
    ASSERT_TRUE(history.act(raft::act::Crash{1}));
    history.advanceTo(history.simulation().now() + raft::fromMs(500));
    ASSERT_GT(history.trace().size(), shownAtEnd) << "the new branch outgrew the old one";
    model.setVisibleCount(history.visibleEvents(), history.generation());
    EXPECT_TRUE(matchesFresh());
    qInstallMessageHandler(previous);
    EXPECT_TRUE(g_testerFailures.isEmpty()) << g_testerFailures.join(QLatin1Char('\n')).toStdString();
}

} // namespace
