// The window's commands come from one table, its lessons from one catalogue, and one
// selection is shared by the cluster view, the log view and the inspector.
#include "app/actiontable.h"
#include "app/lessoncatalogue.h"

#include "widgets/clusterview.h"
#include "widgets/inspector.h"
#include "widgets/logmodel.h"
#include "widgets/logview.h"
#include "widgets/selection.h"

#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

#include "windowfixture.h"
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>

namespace {

using ActionTableTest = WindowFixture;

/// expectedShortcuts: the keys every command has had since before the table (portable text,
/// one entry per key; the platform's Quit key is whatever the platform says).
const std::map<std::string, QStringList> &expectedShortcuts()
{
    static const std::map<std::string, QStringList> keys = {
        {"playAction", {"Space"}},
        {"stepBackAction", {",", "Left"}},
        {"stepAction", {".", "Right"}},
        {"nextElectionAction", {"Shift+E"}},
        {"nextCommitAction", {"Shift+C"}},
        {"nextTermAction", {"Shift+T"}},
        {"nextAtNodeAction", {"Shift+N"}},
        {"holdAction", {"Shift+H"}},
        {"deliverAllAction", {"Shift+D"}},
        {"fasterAction", {"+", "="}},
        {"slowerAction", {"-"}},
        {"requestLeaderAction", {"C"}},
        {"crashLeaderAction", {"K"}},
        {"autoRequestsAction", {"A"}},
        {"splitVoteAction", {"V"}},
        {"spreadTimersAction", {"T"}},
        {"restartAllAction", {"R"}},
        {"healAction", {"H"}},
        {"addServerAction", {"Shift+A"}},
        {"partitionSelectionAction", {"P"}},
        {"startOverAction", {"Ctrl+R"}},
        {"newClusterAction", {QKeySequence(QKeySequence::New).toString()}},
        {"legendAction", {"L"}},
        {"presentationAction", {"F5"}},
        {"exitPresentationAction", {"Esc"}},
        {"zoomInAction", {QKeySequence(QKeySequence::ZoomIn).toString()}},
        {"zoomOutAction", {QKeySequence(QKeySequence::ZoomOut).toString()}},
        {"resetZoomAction", {"Ctrl+0"}},
        {"openScenarioAction", {QKeySequence(QKeySequence::Open).toString()}},
        {"openRunAction", {"Ctrl+Shift+O"}},
        {"saveRunAction", {QKeySequence(QKeySequence::Save).toString()}},
        {"savePictureAction", {"Ctrl+Shift+S"}},
        {"shortcutsAction", {"?", QKeySequence(QKeySequence::HelpContents).toString()}},
    };
    return keys;
}

QStringList portableKeys(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &key : action->shortcuts())
        keys.append(key.toString(QKeySequence::PortableText));
    return keys;
}

} // namespace

TEST_F(ActionTableTest, EveryCommandHasWordsATipAndTheKeysItAlwaysHad)
{
    const ActionTable &table = *m_window->actions();
    ASSERT_GE(table.actions().size(), 35);
    for (QAction *action : table.actions()) {
        const std::string name = action->objectName().toStdString();
        EXPECT_FALSE(action->text().isEmpty()) << name;
        EXPECT_FALSE(action->statusTip().isEmpty()) << name;
        EXPECT_TRUE(action->toolTip().startsWith(ActionTable::toolTipText(action->text(), {}))) << name;
        const auto expected = expectedShortcuts().find(name);
        if (expected != expectedShortcuts().end()) {
            EXPECT_EQ(portableKeys(action), expected->second) << name;
        } else if (name != "quitAction") { // the platform's Quit key, if it has one
            EXPECT_TRUE(action->shortcuts().isEmpty()) << name;
        }
    }
    for (const auto &[name, keys] : expectedShortcuts())
        EXPECT_NE(table.action(QString::fromStdString(name)), nullptr) << name;
}

TEST_F(ActionTableTest, NoShortcutIsUsedTwice)
{
    QHash<QKeySequence, QString> owner;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            EXPECT_FALSE(owner.contains(key))
                << key.toString().toStdString() << " belongs to " << owner.value(key).toStdString() << " and to "
                << action->objectName().toStdString();
            owner.insert(key, action->objectName());
        }
    }
    EXPECT_GE(owner.size(), 30);
}

TEST_F(ActionTableTest, TheShortcutsDialogListsExactlyTheTable)
{
    action("shortcutsAction")->trigger();
    auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
    ASSERT_NE(dialog, nullptr);
    auto *rows = dialog->findChild<QTableView *>(QStringLiteral("shortcutsTable"));
    ASSERT_NE(rows, nullptr);
    const QList<QAction *> listed = m_window->actions()->shortcutActions();
    ASSERT_EQ(rows->model()->rowCount(), listed.size());
    for (int row = 0; row < rows->model()->rowCount(); ++row) {
        const QAction *action = listed[row];
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        EXPECT_EQ(rows->model()->index(row, 0).data().toString(), keys.join(QStringLiteral(" or ")));
        EXPECT_EQ(rows->model()->index(row, 1).data().toString(), QString(action->text()).remove(QLatin1Char('&')));
        EXPECT_EQ(rows->model()->index(row, 2).data().toString(), action->statusTip());
    }
    // Every command with keys is listed, and nothing else.
    for (QAction *action : m_window->actions()->actions())
        EXPECT_EQ(listed.contains(action), !action->shortcuts().isEmpty()) << action->objectName().toStdString();
    dialog->close();
}

TEST_F(ActionTableTest, EveryMenuItemIsACommandOfTheTableALessonOrAPane)
{
    QSet<QAction *> inMenus;
    std::function<void(QMenu *)> collect = [&](QMenu *menu) {
        for (QAction *item : menu->actions()) {
            if (item->menu())
                collect(item->menu());
            else if (!item->isSeparator())
                inMenus.insert(item);
        }
    };
    for (QAction *top : m_window->menuBar()->actions())
        collect(top->menu());
    const ActionTable &table = *m_window->actions();
    for (QAction *item : inMenus) {
        const QString name = item->objectName();
        EXPECT_TRUE(table.actions().contains(item) || name.startsWith(QLatin1String("scenario:"))
                    || name.endsWith(QLatin1String("Toggle")))
            << name.toStdString();
    }
    // And every command of the table is in a menu.
    for (QAction *action : table.actions())
        EXPECT_TRUE(inMenus.contains(action)) << action->objectName().toStdString();
}

TEST_F(ActionTableTest, TheTableFollowsTheWorld)
{
    // At the start of the run there is nothing to step back to, and nothing waits.
    EXPECT_FALSE(action("stepBackAction")->isEnabled());
    EXPECT_FALSE(action("deliverAllAction")->isEnabled());
    controller().runTo(raft::fromMs(2000));
    controller().stepOnce();
    EXPECT_TRUE(action("stepBackAction")->isEnabled());

    EXPECT_EQ(action("playAction")->text(), QStringLiteral("&Play"));
    controller().play();
    EXPECT_EQ(action("playAction")->text(), QStringLiteral("&Pause"));
    EXPECT_EQ(action("playAction")->toolTip(), QStringLiteral("Pause (Space)"));
    controller().pause();
    EXPECT_EQ(action("playAction")->text(), QStringLiteral("&Play"));

    controller().setAutoRequests(false);
    EXPECT_FALSE(action("autoRequestsAction")->isChecked());
    controller().setHold(true);
    EXPECT_TRUE(action("holdAction")->isChecked());
    controller().runTo(raft::fromMs(3000));
    ASSERT_FALSE(controller().waitingMessages().empty());
    EXPECT_TRUE(action("deliverAllAction")->isEnabled());

    // A language switch rewords every command, the mnemonic kept out of the tooltip.
    action("chineseAction")->trigger();
    EXPECT_TRUE(action("chineseAction")->isChecked());
    EXPECT_FALSE(action("englishAction")->isChecked());
    EXPECT_EQ(action("playAction")->text(), QStringLiteral("播放(&P)"));
    EXPECT_TRUE(action("playAction")->toolTip().startsWith(QStringLiteral("播放 (")))
        << action("playAction")->toolTip().toStdString();
    EXPECT_EQ(action("englishAction")->text(), QStringLiteral("English"));
    EXPECT_EQ(action("chineseAction")->text(), QStringLiteral("简体中文"));
    EXPECT_EQ(action("scenario:leader-election")->text(), QStringLiteral("领导者选举"));
    action("englishAction")->trigger();
    EXPECT_EQ(action("playAction")->text(), QStringLiteral("&Play"));
    EXPECT_EQ(action("scenario:leader-election")->text(), QStringLiteral("Leader Election"));
}

TEST(ActionTable, ToolTipsDropTheMnemonicAndTheEllipsisAndNameTheKey)
{
    EXPECT_EQ(ActionTable::toolTipText(QStringLiteral("&New Cluster…"), QKeySequence(Qt::Key_N)),
              QStringLiteral("New Cluster (N)"));
    EXPECT_EQ(ActionTable::toolTipText(QStringLiteral("新建集群(&N)…"), {}), QStringLiteral("新建集群"));
    EXPECT_EQ(ActionTable::toolTipText(QStringLiteral("Partition 3|2 (&P)"), {}), QStringLiteral("Partition 3|2"));
}

// --- the lesson catalogue ---------------------------------------------------------------

TEST(LessonCatalogue, ListsEveryLessonFileInBothLanguagesWithItsTitle)
{
    const LessonCatalogue catalogue;
    const QDir root(QLatin1String(LessonCatalogue::kRoot));
    const QStringList english = root.entryList({QStringLiteral("*.scenario")}, QDir::Files);
    ASSERT_GE(english.size(), 9);
    ASSERT_EQ(catalogue.lessons().size(), english.size());
    EXPECT_EQ(catalogue.languages(), (QStringList{QStringLiteral("en"), QStringLiteral("zh_CN")}));
    for (const QString &language : catalogue.languages()) {
        const QDir dir = language == QLatin1String("en") ? root : QDir(root.filePath(language));
        const QStringList files = dir.entryList({QStringLiteral("*.scenario")}, QDir::Files);
        EXPECT_EQ(files.size(), english.size()) << "every lesson is translated: " << language.toStdString();
        for (const QString &file : files) {
            const QString name = QFileInfo(file).completeBaseName();
            const QString path = dir.filePath(file);
            EXPECT_EQ(catalogue.path(name, language), path);
            EXPECT_EQ(catalogue.lessonOf(path), name);
            const QString title = catalogue.title(name, language);
            EXPECT_FALSE(title.isEmpty()) << path.toStdString();
            EXPECT_NE(title, name) << path.toStdString() << " has a title line";
            EXPECT_FALSE(title.contains(QStringLiteral("§"))) << title.toStdString();
            EXPECT_EQ(title, LessonCatalogue::titleOf(LessonCatalogue::headerLine(path)));
            if (language == QLatin1String("zh_CN")) {
                EXPECT_TRUE(title.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))))
                    << title.toStdString();
                EXPECT_NE(title, catalogue.title(name, QStringLiteral("en")));
            }
        }
    }
    // The titles the Scenarios menu has always shown.
    EXPECT_EQ(catalogue.title(QStringLiteral("leader-election"), QStringLiteral("en")),
              QStringLiteral("Leader Election"));
    EXPECT_EQ(catalogue.title(QStringLiteral("leader-election"), QStringLiteral("zh_CN")),
              QStringLiteral("领导者选举"));
    EXPECT_EQ(catalogue.title(QStringLiteral("flaky-network"), QStringLiteral("en")),
              QStringLiteral("Flaky Network (20% Loss)"));
    EXPECT_EQ(catalogue.title(QStringLiteral("partition-leader-majority"), QStringLiteral("zh_CN")),
              QStringLiteral("网络分区 3|2：领导者在多数派一侧"));
    // A user's file is none of them; an unknown language falls back to English.
    EXPECT_EQ(catalogue.lessonOf(QStringLiteral("/tmp/leader-election.scenario")), QString());
    EXPECT_EQ(catalogue.path(QStringLiteral("split-vote"), QStringLiteral("fr")),
              root.filePath(QStringLiteral("split-vote.scenario")));
    EXPECT_EQ(catalogue.title(QStringLiteral("split-vote"), QStringLiteral("fr")), QStringLiteral("Split Vote"));
}

TEST(LessonCatalogue, LessonsComeInTeachingOrder)
{
    const LessonCatalogue catalogue;
    QStringList names;
    for (const LessonCatalogue::Lesson &lesson : catalogue.lessons())
        names.append(lesson.name);
    // Every shipped lesson has its place in the order: none is appended by accident.
    EXPECT_EQ(names, LessonCatalogue::teachingOrder());
}

TEST(LessonCatalogue, TitlesComeFromTheFirstCommentLine)
{
    EXPECT_EQ(LessonCatalogue::titleOf(QStringLiteral("Leader Election (§5.2)")), QStringLiteral("Leader Election"));
    EXPECT_EQ(LessonCatalogue::titleOf(QStringLiteral("Flaky Network (20% Loss) (§5.2, §5.3)")),
              QStringLiteral("Flaky Network (20% Loss)"));
    EXPECT_EQ(LessonCatalogue::titleOf(QStringLiteral("选票瓜分（§5.2）")), QStringLiteral("选票瓜分"));
    EXPECT_EQ(LessonCatalogue::titleOf(QStringLiteral("No reference")), QStringLiteral("No reference"));

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto write = [&](const char *name, const char *text) {
        QFile file(dir.filePath(QLatin1String(name)));
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
        return file.fileName();
    };
    EXPECT_EQ(LessonCatalogue::headerLine(write("a.scenario", "#  My Lesson (§5.3)\nnodes 3\n")),
              QStringLiteral("My Lesson (§5.3)"));
    EXPECT_EQ(LessonCatalogue::headerLine(write("b.scenario", "nodes 3\n# later\n")), QString());
    EXPECT_EQ(LessonCatalogue::headerLine(dir.filePath(QStringLiteral("missing.scenario"))), QString());
    // A catalogue of that folder: a lesson without a title line is named by its file.
    const LessonCatalogue own(dir.path());
    ASSERT_EQ(own.lessons().size(), 2);
    EXPECT_EQ(own.title(QStringLiteral("a"), QStringLiteral("en")), QStringLiteral("My Lesson"));
    EXPECT_EQ(own.title(QStringLiteral("b"), QStringLiteral("en")), QStringLiteral("b"));
}

// --- one selection --------------------------------------------------------------------------

namespace {

class SelectionWindowTest : public WindowFixture {
protected:
    widgets::ClusterView &view() { return *m_window->clusterView(); }
    widgets::Selection &selection() { return *m_window->selection(); }
    /// logRows lists the servers whose rows the log view highlights.
    std::vector<raft::NodeId> logRows()
    {
        std::vector<raft::NodeId> rows;
        for (const QModelIndex &index : m_window->logView()->table()->selectionModel()->selectedRows())
            rows.push_back(static_cast<raft::NodeId>(index.row() + 1));
        std::sort(rows.begin(), rows.end());
        return rows;
    }
};

} // namespace

TEST_F(SelectionWindowTest, SelectingAServerInTheLogViewSelectsItInTheInspectorAndTheClusterView)
{
    controller().runTo(raft::fromMs(3000));
    ASSERT_TRUE(sim().leader().has_value());
    const raft::NodeId follower = *sim().leader() == 3 ? 2 : 3;
    QTableView *table = m_window->logView()->table();
    ASSERT_GT(table->model()->columnCount(), 0);
    const QModelIndex cell = table->model()->index(follower - 1, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());

    EXPECT_EQ(selection().nodes(), std::vector<raft::NodeId>{follower});
    EXPECT_EQ(m_window->inspector()->node(), follower);
    EXPECT_EQ(view().selectedNode(), follower);
    EXPECT_EQ(view().selectedNodes(), std::vector<raft::NodeId>{follower});
    EXPECT_EQ(logRows(), std::vector<raft::NodeId>{follower});

    // Time goes on: the inspector stays with the selected server, not the leader.
    controller().runTo(raft::fromMs(3500));
    EXPECT_EQ(m_window->inspector()->node(), follower);
    EXPECT_EQ(logRows(), std::vector<raft::NodeId>{follower}) << "new columns of the row are highlighted too";
}

TEST_F(SelectionWindowTest, ClickingAServerInTheClusterViewSelectsItEverywhere)
{
    controller().runTo(raft::fromMs(3000));
    QTest::mouseClick(&view(), Qt::LeftButton, {}, view().nodeCenter(4).toPoint());
    EXPECT_EQ(selection().node(), 4);
    EXPECT_EQ(m_window->inspector()->node(), 4);
    EXPECT_EQ(logRows(), std::vector<raft::NodeId>{4});
    // Ctrl-click adds a second server; the last clicked is the main one.
    QTest::mouseClick(&view(), Qt::LeftButton, Qt::ControlModifier, view().nodeCenter(2).toPoint());
    EXPECT_EQ(selection().nodes().size(), 2u);
    EXPECT_TRUE(selection().contains(2) && selection().contains(4));
    EXPECT_EQ(logRows(), (std::vector<raft::NodeId>{2, 4}));
    EXPECT_EQ(m_window->inspector()->node(), selection().node());

    // A click on empty space clears it: the inspector shows the leader again.
    QTest::mouseClick(&view(), Qt::LeftButton, {}, QPoint(view().width() - 4, view().height() - 4));
    EXPECT_TRUE(selection().isEmpty());
    EXPECT_TRUE(logRows().empty());
    EXPECT_EQ(m_window->inspector()->node(), sim().leader().value_or(raft::kNoNode));
}

TEST_F(SelectionWindowTest, TheSelectionDrivesTheViewsAndANewWorldClearsIt)
{
    controller().runTo(raft::fromMs(3000));
    selection().selectNodes({5, 1});
    EXPECT_EQ(view().selectedNode(), 5);
    EXPECT_EQ(view().selectedNodes(), (std::vector<raft::NodeId>{1, 5}));
    EXPECT_EQ(m_window->inspector()->node(), 5);
    EXPECT_EQ(logRows(), (std::vector<raft::NodeId>{1, 5}));

    const std::uint64_t message = sim().network().envelopes().front()->id;
    selection().selectMessage(message);
    EXPECT_EQ(view().selectedMessage(), message);
    EXPECT_TRUE(view().selectedNodes().empty());
    EXPECT_EQ(m_window->inspector()->message(), message);
    EXPECT_TRUE(logRows().empty());

    selection().selectNode(2);
    controller().startOver();
    EXPECT_TRUE(selection().isEmpty());
    EXPECT_TRUE(view().selectedNodes().empty());
}

TEST(Selection, KeepsServersOnceMainFirstAndSignalsOnlyChanges)
{
    widgets::Selection selection;
    QSignalSpy changed(&selection, &widgets::Selection::changed);
    selection.selectNodes({3, raft::kNoNode, 1, 3});
    EXPECT_EQ(selection.nodes(), (std::vector<raft::NodeId>{3, 1}));
    EXPECT_EQ(selection.node(), 3);
    EXPECT_EQ(changed.count(), 1);
    selection.selectNodes({3, 1});
    EXPECT_EQ(changed.count(), 1) << "the same selection again is no change";
    selection.selectMessage(42);
    EXPECT_TRUE(selection.nodes().empty());
    EXPECT_EQ(selection.message(), 42u);
    selection.selectNode(raft::kNoNode);
    EXPECT_TRUE(selection.isEmpty());
    EXPECT_EQ(changed.count(), 3);
}
