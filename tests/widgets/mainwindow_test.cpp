// The classroom window, offscreen, driven as a user would: context menus on servers,
// clicks on messages, the docks, the status bar, scenarios, the language and the
// settings.
#include "app/commandguards.h"
#include "app/language.h"
#include "app/mainwindow.h"
#include "app/settings.h"
#include "app/simulationcontroller.h"

#include "widgets/clusterpalette.h"
#include "widgets/clustertext.h"
#include "widgets/clusterview.h"
#include "widgets/eventmodel.h"
#include "widgets/eventspane.h"
#include "widgets/inspector.h"
#include "widgets/logmodel.h"
#include "widgets/logview.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSet>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "windowfixture.h"
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using raft::NodeStatus;

namespace {

/// slowConfig: messages fly for 400 ms, so a test can catch one mid-flight.
raft::ClusterConfig slowConfig()
{
    raft::ClusterConfig config;
    config.nodes = 5;
    config.seed = 11;
    config.network.latencyMin = raft::fromMs(400);
    config.network.latencyMax = raft::fromMs(400);
    config.electionTimeoutMin = raft::fromMs(1500);
    config.electionTimeoutMax = raft::fromMs(3000);
    config.heartbeatInterval = raft::fromMs(500);
    return config;
}

/// WindowTest gives each test a fresh window at 1280×720 with settings in a
/// temporary file, in English, with the clock stopped (tests move time themselves).
class WindowTest : public WindowFixture {
protected:
    widgets::ClusterView &view() { return *m_window->clusterView(); }

    /// electLeader runs virtual time until there is a leader.
    raft::NodeId electLeader()
    {
        for (raft::Time t = raft::fromMs(250); t <= raft::fromMs(20'000) && !sim().leader(); t += raft::fromMs(250))
            controller().runTo(t);
        return sim().leader().value_or(raft::kNoNode);
    }

    /// rightClick sends a mouse context-menu event to the cluster view at pos.
    void rightClick(QPointF pos)
    {
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos.toPoint(), view().mapToGlobal(pos.toPoint()));
        QApplication::sendEvent(&view(), &event);
    }

};

} // namespace

TEST_F(WindowTest, RightClickNodeAndChooseCrashCrashesIt)
{
    const raft::NodeId leader = electLeader();
    ASSERT_NE(leader, raft::kNoNode);
    ASSERT_EQ(sim().status(leader), NodeStatus::Up);

    rightClick(view().nodeCenter(leader));
    QMenu *menu = openMenu(QStringLiteral("nodeMenu"));
    ASSERT_NE(menu, nullptr) << "right-clicking a server shows its menu";
    auto *crash = menu->findChild<QAction *>(QStringLiteral("crashNodeAction"));
    ASSERT_NE(crash, nullptr);
    EXPECT_TRUE(crash->isEnabled());
    crash->trigger();
    menu->close();

    EXPECT_EQ(sim().status(leader), NodeStatus::Crashed);
    EXPECT_FALSE(sim().leader().has_value());
    // The window tells what happened, and the next menu offers the way back.
    EXPECT_TRUE(m_window->statusBar()->currentMessage().contains(QStringLiteral("crashed")));
    closePopups();
    rightClick(view().nodeCenter(leader));
    menu = openMenu(QStringLiteral("nodeMenu"));
    ASSERT_NE(menu, nullptr);
    QAction *restart = menu->findChild<QAction *>(QStringLiteral("restartNodeAction"));
    ASSERT_NE(restart, nullptr);
    restart->trigger();
    menu->close();
    EXPECT_EQ(sim().status(leader), NodeStatus::Up);
    EXPECT_EQ(sim().role(leader), raft::Role::Follower);
}

TEST_F(WindowTest, NodeMenuPausesIsolatesAndReconnects)
{
    electLeader();
    const raft::NodeId id = 2;
    QMenu *menu = m_window->createNodeMenu(id);
    menu->findChild<QAction *>(QStringLiteral("pauseNodeAction"))->trigger();
    delete menu;
    EXPECT_EQ(sim().status(id), NodeStatus::Paused);

    menu = m_window->createNodeMenu(id);
    ASSERT_NE(menu->findChild<QAction *>(QStringLiteral("resumeNodeAction")), nullptr);
    menu->findChild<QAction *>(QStringLiteral("resumeNodeAction"))->trigger();
    delete menu;
    EXPECT_EQ(sim().status(id), NodeStatus::Up);

    menu = m_window->createNodeMenu(id);
    menu->findChild<QAction *>(QStringLiteral("isolateNodeAction"))->trigger();
    delete menu;
    EXPECT_TRUE(sim().network().isCut(id, 1));
    EXPECT_TRUE(sim().network().isCut(3, id));

    menu = m_window->createNodeMenu(id);
    ASSERT_NE(menu->findChild<QAction *>(QStringLiteral("reconnectNodeAction")), nullptr);
    menu->findChild<QAction *>(QStringLiteral("reconnectNodeAction"))->trigger();
    delete menu;
    EXPECT_FALSE(sim().network().isCut(id, 1));
    EXPECT_FALSE(sim().network().hasFaults());
}

TEST_F(WindowTest, TimeOutNowStartsAnElection)
{
    const raft::NodeId leader = electLeader();
    const raft::NodeId other = leader == 1 ? 2 : 1;
    const raft::Term before = sim().term(other);
    QMenu *menu = m_window->createNodeMenu(other);
    QAction *timeout = menu->findChild<QAction *>(QStringLiteral("timeoutNodeAction"));
    ASSERT_TRUE(timeout->isEnabled());
    timeout->trigger();
    delete menu;
    EXPECT_EQ(sim().role(other), raft::Role::Candidate);
    EXPECT_EQ(sim().term(other), before + 1);
    // The leader cannot time out.
    menu = m_window->createNodeMenu(leader);
    EXPECT_FALSE(menu->findChild<QAction *>(QStringLiteral("timeoutNodeAction"))->isEnabled());
    delete menu;
}

// §3.10: "Make Leader" hands leadership over; on the leader itself it is disabled and
// its tip gives the core's reason.
TEST_F(WindowTest, MakeLeaderHandsLeadershipOver)
{
    const raft::NodeId leader = electLeader();
    const raft::NodeId other = leader == 1 ? 2 : 1;
    QMenu *menu = m_window->createNodeMenu(leader);
    QAction *own = menu->findChild<QAction *>(QStringLiteral("makeLeaderNodeAction"));
    ASSERT_NE(own, nullptr);
    EXPECT_FALSE(own->isEnabled());
    EXPECT_TRUE(own->statusTip().contains(QStringLiteral("the leader already"))) << own->statusTip().toStdString();
    delete menu;

    menu = m_window->createNodeMenu(other);
    QAction *make = menu->findChild<QAction *>(QStringLiteral("makeLeaderNodeAction"));
    ASSERT_TRUE(make->isEnabled());
    make->trigger();
    delete menu;
    EXPECT_EQ(sim().node(leader)->transferTarget(), other);
    controller().runTo(sim().now() + raft::fromMs(600));
    EXPECT_EQ(sim().leader(), std::optional<raft::NodeId>(other));
    EXPECT_TRUE(sim().violations().empty());
}

TEST_F(WindowTest, ClickingAMessageShowsItsFieldsInTheInspector)
{
    controller().newCluster(slowConfig());
    controller().timeoutNow(1); // S1 asks everyone for votes: four RequestVotes fly
    controller().runTo(raft::fromMs(150));
    const auto envelopes = sim().network().envelopes();
    ASSERT_FALSE(envelopes.empty());
    const raft::Envelope &envelope = *envelopes.front();
    const auto pos = view().messagePosition(envelope.id);
    ASSERT_TRUE(pos.has_value());

    QTest::mouseClick(&view(), Qt::LeftButton, {}, pos->toPoint());

    EXPECT_EQ(view().selectedMessage(), envelope.id);
    EXPECT_EQ(m_window->inspector()->message(), envelope.id);
    const QStringList lines = m_window->inspector()->lines();
    const QString all = lines.join(QLatin1Char('\n'));
    EXPECT_TRUE(lines.contains(QStringLiteral("Type: RequestVote"))) << all.toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("From: S1"))) << all.toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("To: S%1").arg(envelope.message.to))) << all.toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("term: 1"))) << all.toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("lastLogIndex: 0"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("Due at: 0.400 s"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("in flight, 37% of the way"))) << all.toStdString();
}

TEST_F(WindowTest, MessageMenuDropsAndDuplicates)
{
    controller().newCluster(slowConfig());
    controller().timeoutNow(1);
    controller().runTo(raft::fromMs(100));
    const std::size_t before = sim().network().size();
    const std::uint64_t first = sim().network().envelopes().front()->id;

    QMenu *menu = m_window->createMessageMenu(first);
    menu->findChild<QAction *>(QStringLiteral("duplicateMessageAction"))->trigger();
    delete menu;
    EXPECT_EQ(sim().network().size(), before + 1);

    menu = m_window->createMessageMenu(first);
    menu->findChild<QAction *>(QStringLiteral("dropMessageAction"))->trigger();
    delete menu;
    EXPECT_EQ(sim().network().find(first), nullptr);
    EXPECT_EQ(sim().network().size(), before);

    const std::uint64_t second = sim().network().envelopes().front()->id;
    menu = m_window->createMessageMenu(second);
    menu->findChild<QAction *>(QStringLiteral("inspectMessageAction"))->trigger();
    delete menu;
    EXPECT_EQ(m_window->inspector()->message(), second);
    EXPECT_EQ(view().selectedMessage(), second);
}

// Two messages under one point: the menu lists both, and Drop drops the one picked.
TEST_F(WindowTest, MessagesMenuListsEveryMessageUnderThePoint)
{
    controller().newCluster(slowConfig());
    controller().timeoutNow(1);
    controller().runTo(raft::fromMs(100));
    const std::uint64_t first = sim().network().envelopes().front()->id;
    controller().duplicateMessage(first);
    std::uint64_t copy = 0;
    for (const raft::Envelope *envelope : sim().network().envelopes())
        copy = std::max(copy, envelope->id);
    ASSERT_GT(copy, first);

    std::unique_ptr<QMenu> menu(m_window->createMessagesMenu({first, copy}));
    EXPECT_EQ(menu->objectName(), QStringLiteral("messagesMenu"));
    const QList<QMenu *> each = menu->findChildren<QMenu *>(QStringLiteral("messageMenu"));
    ASSERT_EQ(each.size(), 2);
    EXPECT_TRUE(each[1]->title().startsWith(QStringLiteral("#%1 ").arg(copy))) << each[1]->title().toStdString();
    EXPECT_TRUE(each[0]->title().contains(QStringLiteral("S1 → S"))) << each[0]->title().toStdString();
    each[1]->findChild<QAction *>(QStringLiteral("dropMessageAction"))->trigger();
    EXPECT_EQ(sim().network().find(copy), nullptr);
    EXPECT_NE(sim().network().find(first), nullptr);
    // One message: its own menu, as before.
    std::unique_ptr<QMenu> single(m_window->createMessagesMenu({first}));
    EXPECT_EQ(single->objectName(), QStringLiteral("messageMenu"));
}

TEST_F(WindowTest, BackgroundMenuHealsTheNetwork)
{
    electLeader();
    controller().isolate(3);
    ASSERT_TRUE(sim().network().hasFaults());
    rightClick(QPointF(view().width() - 4, view().height() - 4));
    QMenu *menu = openMenu(QStringLiteral("backgroundMenu"));
    ASSERT_NE(menu, nullptr);
    ASSERT_NE(menu->findChild<QAction *>(QStringLiteral("requestLeaderMenuAction")), nullptr);
    menu->findChild<QAction *>(QStringLiteral("healMenuAction"))->trigger();
    menu->close();
    EXPECT_FALSE(sim().network().hasFaults());
}

TEST_F(WindowTest, KeyboardDrivesTheClockAndTheCluster)
{
    const raft::NodeId leader = electLeader();
    ASSERT_NE(leader, raft::kNoNode);
    ASSERT_FALSE(controller().isPlaying());

    QTest::keyClick(m_window.get(), Qt::Key_Space);
    EXPECT_TRUE(controller().isPlaying());
    QTest::keyClick(m_window.get(), Qt::Key_Space);
    EXPECT_FALSE(controller().isPlaying());

    const double speed = controller().speed();
    QTest::keyClick(m_window.get(), Qt::Key_Plus);
    EXPECT_GT(controller().speed(), speed);
    QTest::keyClick(m_window.get(), Qt::Key_Minus);
    QTest::keyClick(m_window.get(), Qt::Key_Minus);
    EXPECT_LT(controller().speed(), speed);

    const std::uint64_t steps = sim().stepCount();
    QTest::keyClick(m_window.get(), Qt::Key_Period);
    EXPECT_EQ(sim().stepCount(), steps + 1);
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    EXPECT_EQ(sim().stepCount(), steps + 2);

    const raft::Index last = sim().log(leader).lastIndex();
    QTest::keyClick(m_window.get(), Qt::Key_C);
    EXPECT_EQ(sim().log(leader).lastIndex(), last + 1);

    QTest::keyClick(m_window.get(), Qt::Key_K);
    EXPECT_EQ(sim().status(leader), NodeStatus::Crashed);

    // R restarts every server that is down, after asking (answered here).
    m_window->guards()->setAnswer(CommandGuards::Answer::Yes);
    QTest::keyClick(m_window.get(), Qt::Key_R);
    EXPECT_EQ(sim().status(leader), NodeStatus::Up);
    EXPECT_EQ(m_window->guards()->questions(), 1);
}

TEST_F(WindowTest, QuestionMarkListsTheShortcuts)
{
    QTest::keyClick(m_window.get(), Qt::Key_Question);
    auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    auto *table = dialog->findChild<QTableView *>(QStringLiteral("shortcutsTable"));
    ASSERT_NE(table, nullptr);
    EXPECT_GE(table->model()->rowCount(), 15);
    QStringList keys;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        keys << table->model()->index(row, 0).data().toString();
    const QString all = keys.join(QLatin1Char('|'));
    EXPECT_TRUE(all.contains(QStringLiteral("Space"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("K"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("?"))) << all.toStdString();
    dialog->close();
}

TEST_F(WindowTest, EveryMenuCommandHasWordsAndAStatusTip)
{
    int commands = 0;
    for (QAction *top : m_window->menuBar()->actions()) {
        ASSERT_NE(top->menu(), nullptr);
        EXPECT_FALSE(top->text().isEmpty());
        for (QAction *action : top->menu()->actions()) {
            if (action->isSeparator() || action->menu())
                continue;
            ++commands;
            EXPECT_FALSE(action->text().isEmpty()) << action->objectName().toStdString();
            EXPECT_FALSE(action->statusTip().isEmpty()) << action->objectName().toStdString();
        }
    }
    EXPECT_GE(commands, 25);
}

TEST_F(WindowTest, ScreenshotOfARunningClusterShowsTheLeader)
{
    controller().play();
    controller().runTo(raft::fromMs(3000));
    const auto leader = sim().leader();
    ASSERT_TRUE(leader.has_value());
    QApplication::processEvents();

    const QImage picture = m_window->grab().toImage().convertToFormat(QImage::Format_RGB32);
    ASSERT_EQ(picture.size(), QSize(1280, 720) * picture.devicePixelRatio());
    const QRgb leaderColour = widgets::ClusterPalette::roleFill(raft::Role::Leader).rgb();
    QSet<QRgb> colours;
    int leaderPixels = 0;
    for (int y = 0; y < picture.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(picture.constScanLine(y));
        for (int x = 0; x < picture.width(); x += 2) {
            colours.insert(line[x] & 0xFFFFFF);
            leaderPixels += (line[x] & 0xFFFFFF) == (leaderColour & 0xFFFFFF) ? 1 : 0;
        }
    }
    EXPECT_GT(colours.size(), 50) << "the picture is not blank";
    EXPECT_GT(leaderPixels, 100) << "the leader's disc is drawn in the leader's colour";
    // The status bar names the leader and its term.
    auto *leaderLabel = m_window->findChild<QLabel *>(QStringLiteral("leaderLabel"));
    EXPECT_EQ(leaderLabel->text(), QStringLiteral("Leader S%1 · term %2").arg(*leader).arg(sim().term(*leader)));
}

TEST_F(WindowTest, MalformedScenarioShowsAnErrorInsteadOfCrashing)
{
    const QString path = m_dir.filePath(QStringLiteral("broken.scenario"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("nodes 5\nrun 1s\nfrobnicate S1\ncrash S12\n");
    file.close();
    const raft::ClusterConfig before = sim().config();
    const std::uint64_t stepsBefore = sim().stepCount();

    const QString error = m_window->openScenarioFile(path);

    EXPECT_TRUE(error.contains(path + QStringLiteral(":3:"))) << error.toStdString();
    EXPECT_TRUE(error.contains(path + QStringLiteral(":4:"))) << error.toStdString();
    auto *box = m_window->findChild<QDialog *>(QStringLiteral("scenarioErrorBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    auto *list = box->findChild<QPlainTextEdit *>(QStringLiteral("fileErrorList"));
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->toPlainText(), error);
    auto *summary = box->findChild<QLabel *>(QStringLiteral("fileErrorSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->text().contains(QStringLiteral("broken.scenario")));
    box->close();
    // Nothing changed.
    EXPECT_EQ(sim().config(), before);
    EXPECT_EQ(sim().stepCount(), stepsBefore);
    EXPECT_TRUE(controller().scenarioName().isEmpty());

    // A file that does not exist is an error too, not a crash.
    EXPECT_FALSE(m_window->openScenarioFile(m_dir.filePath(QStringLiteral("missing.scenario"))).isEmpty());
}

TEST_F(WindowTest, ScenarioMenuListsTheLessons)
{
    ASSERT_GE(m_window->lessons().lessons().size(), 5);
    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("scenariosMenu"));
    ASSERT_NE(menu, nullptr);
    QStringList titles;
    for (QAction *action : menu->actions())
        titles << action->text();
    for (const QString &expected :
         {QStringLiteral("Leader Election"), QStringLiteral("Split Vote"),
          QStringLiteral("Leader Crash and Re-election"), QStringLiteral("Log Replication with a Lagging Follower"),
          QStringLiteral("Partition: the Leader on the Minority Side")})
        EXPECT_TRUE(titles.contains(expected)) << expected.toStdString();

    auto *lesson = m_window->findChild<QAction *>(QStringLiteral("scenario:leader-election"));
    ASSERT_NE(lesson, nullptr);
    lesson->trigger();
    EXPECT_EQ(controller().scenarioName(), QStringLiteral("leader-election"));
    EXPECT_TRUE(controller().isPlaying());
    auto *bar = m_window->findChild<QLabel *>(QStringLiteral("scenarioBar"));
    EXPECT_TRUE(bar->isVisible());
    controller().pause();
}

TEST_F(WindowTest, EveryShippedScenarioRunsWithoutAFailedExpectation)
{
    const LessonCatalogue &lessons = m_window->lessons();
    for (const LessonCatalogue::Lesson &lesson : lessons.lessons()) {
        for (const QString &variant : {lesson.path, lessons.path(lesson.name, QStringLiteral("zh_CN"))}) {
            ASSERT_EQ(controller().loadScenarioFile(variant), QString()) << variant.toStdString();
            // In steps, as frames would: the script's "run" lines take virtual time.
            for (raft::Time t = 0; t <= raft::fromMs(30'000) && controller().isScenarioRunning(); t += raft::fromMs(37))
                controller().runTo(t);
            EXPECT_FALSE(controller().isScenarioRunning()) << variant.toStdString();
            EXPECT_TRUE(controller().scenarioFailures().isEmpty())
                << variant.toStdString() << ": "
                << controller().scenarioFailures().join(QLatin1Char('\n')).toStdString();
            // A lesson about a bug switch expects its violation ("expect violation NAME").
            QFile file(variant);
            ASSERT_TRUE(file.open(QIODevice::ReadOnly));
            const bool expectsViolation =
                QString::fromUtf8(file.readAll()).contains(QStringLiteral("\nexpect violation "));
            EXPECT_EQ(sim().violations().empty(), !expectsViolation) << variant.toStdString();
        }
    }
}

TEST_F(WindowTest, ClickingAnEventSelectsTheServersItConcerns)
{
    electLeader();
    widgets::EventsPane *pane = m_window->eventsPane();
    widgets::EventModel *model = pane->model();
    ASSERT_GT(model->rowCount(), 0);
    int row = -1;
    for (int r = 0; r < model->rowCount() && row < 0; ++r)
        if (model->event(r).kind == raft::EventKind::VoteGranted)
            row = r;
    ASSERT_GE(row, 0);
    const raft::TraceEvent event = model->event(row);
    QTableView *table = pane->table();
    table->scrollTo(model->index(row, 2));
    const QRect rect = table->visualRect(model->index(row, 2));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());

    EXPECT_EQ(view().selectedNode(), event.node);
    const std::vector<raft::NodeId> both = event.node < event.peer ? std::vector<raft::NodeId>{event.node, event.peer}
                                                                   : std::vector<raft::NodeId>{event.peer, event.node};
    EXPECT_EQ(view().selectedNodes(), both) << "the voter and the candidate are both selected";
    EXPECT_EQ(m_window->inspector()->node(), event.node);
    const QModelIndexList rows = m_window->logView()->table()->selectionModel()->selectedRows();
    QSet<int> selected;
    for (const QModelIndex &index : rows)
        selected.insert(index.row() + 1);
    EXPECT_TRUE(selected.contains(event.node));
    EXPECT_TRUE(selected.contains(event.peer));
}

TEST_F(WindowTest, StatusBarShowsTimeSpeedLeaderAndViolations)
{
    auto *time = m_window->findChild<QLabel *>(QStringLiteral("timeLabel"));
    auto *speed = m_window->findChild<QLabel *>(QStringLiteral("speedLabel"));
    auto *leader = m_window->findChild<QLabel *>(QStringLiteral("leaderLabel"));
    EXPECT_EQ(leader->text(), QStringLiteral("No leader · highest term 0"));
    controller().runTo(raft::fromMs(1500));
    EXPECT_EQ(time->text(), QStringLiteral("t = 1.500 s"));
    EXPECT_TRUE(speed->text().contains(QStringLiteral("1/30×"))) << speed->text().toStdString();
    ASSERT_TRUE(sim().leader().has_value());
    EXPECT_TRUE(leader->text().startsWith(QStringLiteral("Leader S")));
    // No safety property broke: no banner.
    EXPECT_TRUE(m_window->violationText().isEmpty());
    EXPECT_FALSE(m_window->findChild<QLabel *>(QStringLiteral("violationBanner"))->isVisible());
}

TEST_F(WindowTest, DocksCanBeClosedAndRestoredFromTheViewMenu)
{
    for (const char *name : {"logDock", "inspectorDock", "eventsDock"}) {
        auto *dock = m_window->findChild<QDockWidget *>(QLatin1String(name));
        ASSERT_NE(dock, nullptr) << name;
        EXPECT_TRUE(dock->isVisible());
        EXPECT_TRUE(dock->features().testFlag(QDockWidget::DockWidgetClosable));
        EXPECT_TRUE(dock->features().testFlag(QDockWidget::DockWidgetMovable));
        dock->close();
        EXPECT_FALSE(dock->isVisible());
        auto *toggle = m_window->findChild<QAction *>(QLatin1String(name) + QStringLiteral("Toggle"));
        ASSERT_NE(toggle, nullptr);
        toggle->trigger();
        EXPECT_TRUE(dock->isVisible()) << name;
    }
}

TEST_F(WindowTest, LegendToggleFromTheViewMenu)
{
    auto *legend = m_window->findChild<QAction *>(QStringLiteral("legendAction"));
    ASSERT_NE(legend, nullptr);
    const bool before = view().isLegendVisible();
    legend->trigger();
    EXPECT_EQ(view().isLegendVisible(), !before);
    legend->trigger();
    EXPECT_EQ(view().isLegendVisible(), before);
}

TEST_F(WindowTest, SwitchingToChineseTranslatesTheWindow)
{
    auto *fileMenu = m_window->findChild<QMenu *>(QStringLiteral("fileMenu"));
    auto *clusterMenu = m_window->findChild<QMenu *>(QStringLiteral("clusterMenu"));
    ASSERT_EQ(fileMenu->title(), QStringLiteral("&File"));

    auto *chinese = m_window->findChild<QAction *>(QStringLiteral("chineseAction"));
    ASSERT_NE(chinese, nullptr);
    chinese->trigger();
    EXPECT_EQ(Language::current(), QStringLiteral("zh_CN"));
    EXPECT_TRUE(fileMenu->title().startsWith(QStringLiteral("文件"))) << fileMenu->title().toStdString();
    EXPECT_TRUE(clusterMenu->title().startsWith(QStringLiteral("集群"))) << clusterMenu->title().toStdString();
    EXPECT_EQ(m_window->findChild<QDockWidget *>(QStringLiteral("logDock"))->windowTitle(), QStringLiteral("日志"));
    // The trace is worded in Chinese too.
    electLeader();
    const QString line = m_window->eventsPane()->model()->index(0, widgets::EventModel::EventColumn).data().toString();
    EXPECT_TRUE(line.contains(QStringLiteral("选举超时")) || line.contains(QStringLiteral("候选人")))
        << line.toStdString();

    m_window->findChild<QAction *>(QStringLiteral("englishAction"))->trigger();
    EXPECT_EQ(fileMenu->title(), QStringLiteral("&File"));
}

TEST(SettingsTest, RoundTripsEveryValue)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    raft::ClusterConfig config;
    config.nodes = 7;
    config.seed = 123456789012ULL;
    config.electionTimeoutMin = raft::fromMs(300);
    config.electionTimeoutMax = raft::fromMs(600);
    config.heartbeatInterval = raft::fromMs(80);
    config.network.latencyMin = raft::fromMs(15);
    config.network.latencyMax = raft::fromMs(45);
    config.network.loss = 0.05;
    config.network.duplicate = 0.125;
    config.noop = false;
    {
        Settings settings(file);
        settings.setClusterConfig(config);
        settings.setSpeed(0.2);
        settings.setLanguage(QStringLiteral("zh_CN"));
        settings.setGeometry(QByteArray("geometry-bytes"));
        settings.setWindowState(QByteArray("state-bytes"));
        settings.setLegendVisible(false);
        settings.setAutoRequests(false);
        settings.sync();
    }
    Settings settings(file);
    EXPECT_EQ(settings.clusterConfig(), config);
    EXPECT_DOUBLE_EQ(settings.speed(), 0.2);
    EXPECT_EQ(settings.language(), QStringLiteral("zh_CN"));
    EXPECT_EQ(settings.geometry(), QByteArray("geometry-bytes"));
    EXPECT_EQ(settings.windowState(), QByteArray("state-bytes"));
    EXPECT_FALSE(settings.legendVisible());
    EXPECT_FALSE(settings.autoRequests());
}

TEST(SettingsTest, DamagedValuesFallBackToDefaults)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    {
        QSettings raw(file, QSettings::IniFormat);
        raw.setValue(QStringLiteral("cluster/nodes"), 42);
        raw.setValue(QStringLiteral("playback/speed"), QStringLiteral("fast"));
        raw.setValue(QStringLiteral("view/language"), QStringLiteral("klingon"));
    }
    Settings settings(file);
    EXPECT_EQ(settings.clusterConfig(), raft::ClusterConfig{});
    EXPECT_DOUBLE_EQ(settings.speed(), SimulationController::kDefaultSpeed);
    EXPECT_TRUE(Language::available().contains(settings.language()));
}

TEST(WindowSettingsTest, TheWindowRemembersSpeedClusterAndLayout)
{
    QTemporaryDir dir;
    MainWindowOptions options;
    options.settingsFile = dir.filePath(QStringLiteral("raftviz.ini"));
    options.autoPlay = false;
    raft::ClusterConfig config;
    config.nodes = 3;
    config.seed = 99;
    {
        MainWindow window(options);
        window.show();
        window.controller()->setSpeed(0.5);
        window.controller()->newCluster(config);
        Settings(options.settingsFile).setClusterConfig(config);
        window.findChild<QDockWidget *>(QStringLiteral("eventsDock"))->close();
        window.close();
    }
    MainWindow window(options);
    window.show();
    EXPECT_DOUBLE_EQ(window.controller()->speed(), 0.5);
    EXPECT_EQ(window.controller()->config().nodes, 3);
    EXPECT_EQ(window.controller()->config().seed, 99u);
    EXPECT_FALSE(window.findChild<QDockWidget *>(QStringLiteral("eventsDock"))->isVisible());
}

/// PaintCounter counts the paint events of the widgets it watches.
class PaintCounter : public QObject {
public:
    void watch(QWidget *widget)
    {
        widget->installEventFilter(this);
        m_counts[widget] = 0;
    }
    int count(QWidget *widget) const { return m_counts.value(widget); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++m_counts[watched];
        return false;
    }

private:
    QHash<QObject *, int> m_counts;
};

TEST_F(WindowTest, AFrameOfTheWholeWindowIsCheap)
{
    // Playing at 1× with automatic requests: every frame advances the world, and the
    // cluster view, the log grid, the events list, the inspector and the status bar
    // all follow. What a frame costs in time depends on the machine (that is
    // `raftviz --bench-render`); what it does does not: each pane paints at most once
    // a frame, and the cluster view draws its texts from caches, laying out text only
    // when what a disc or label says changed.
    controller().setSpeed(1.0);
    controller().runTo(raft::fromMs(2000));
    view().setSelectedNode(sim().leader().value_or(1));
    m_window->inspector()->showNode(sim().leader().value_or(1));
    QApplication::processEvents();
    PaintCounter paints;
    auto *logView = m_window->findChild<widgets::LogView *>();
    ASSERT_NE(logView, nullptr);
    paints.watch(&view());
    paints.watch(logView->table()->viewport());
    paints.watch(m_window->inspector());
    widgets::ClusterText::Probe texts;
    controller().play();
    constexpr int kFrames = 240;
    const std::size_t eventsBefore = sim().trace().size();
    for (int i = 0; i < kFrames; ++i) {
        controller().advanceFrame(1000.0 / 60.0);
        // What the event loop does between two timer ticks: paint what changed.
        QApplication::processEvents();
    }
    controller().pause();
    const std::size_t events = sim().trace().size() - eventsBefore;
    std::printf("[ window   ] %d frames, %zu events: cluster %d paints, %zu texts; log grid %d; inspector %d\n",
                kFrames, events, paints.count(&view()), texts.sizes().size(),
                paints.count(logView->table()->viewport()), paints.count(m_window->inspector()));
    EXPECT_GE(paints.count(&view()), kFrames / 2) << "the cluster view follows the frames";
    EXPECT_LE(paints.count(&view()), kFrames + 2) << "at most one paint a frame";
    EXPECT_LE(paints.count(logView->table()->viewport()), kFrames + 2);
    EXPECT_LE(paints.count(m_window->inspector()), kFrames + 2);
    // Texts are laid out and drawn again only for what an event changed (a label, a
    // disc, a caption): far fewer than one set of labels a frame.
    EXPECT_LT(texts.sizes().size(), static_cast<std::size_t>(kFrames) * 2 + events * 4);
}
