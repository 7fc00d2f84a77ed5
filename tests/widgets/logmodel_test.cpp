// LogModel and EventModel: the item models of the Log and Events panes, checked by
// QAbstractItemModelTester while the world changes under them, and the cell roles a
// student reads (term, committed, commitIndex, nextIndex/matchIndex).
#include "raft/simulation.h"
#include "widgets/eventmodel.h"
#include "widgets/eventtext.h"
#include "widgets/logmodel.h"
#include "widgets/logview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <set>

using widgets::EventModel;
using widgets::LogModel;

namespace {

/// TesterFailures collects the complaints of QAbstractItemModelTester (reported as
/// qWarning in Warning mode) so that a test can assert there were none.
class TesterFailures {
public:
    TesterFailures()
    {
        s_failures.clear();
        m_previous = qInstallMessageHandler(&TesterFailures::handle);
    }
    ~TesterFailures() { qInstallMessageHandler(m_previous); }
    const QStringList &failures() const { return s_failures; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &, const QString &text)
    {
        if (type != QtDebugMsg && text.contains(QStringLiteral("FAIL")))
            s_failures.append(text);
    }
    static inline QStringList s_failures;
    QtMessageHandler m_previous = nullptr;
};

raft::ClusterConfig config(int nodes = 5, std::uint64_t seed = 3)
{
    raft::ClusterConfig c;
    c.nodes = nodes;
    c.seed = seed;
    return c;
}

raft::NodeId electLeader(raft::Simulation &sim)
{
    EXPECT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    return sim.leader().value_or(raft::kNoNode);
}

} // namespace

TEST(LogModel, PassesTheModelTesterThroughGrowthTruncationAndReset)
{
    TesterFailures failures;
    raft::Simulation sim(config());
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setSimulation(&sim);
    EXPECT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.columnCount(), 1);

    // Grow: an election, requests, a partition that leaves a stale leader with
    // entries that will be truncated, a heal, crashes and restarts.
    raft::NodeId leader = electLeader(sim);
    model.refresh();
    for (int i = 0; i < 20; ++i) {
        EXPECT_TRUE(sim.request(leader, "set k" + std::to_string(i) + " " + std::to_string(i)));
        sim.runFor(raft::fromMs(30));
        model.refresh();
    }
    const raft::NodeId other = leader % 5 + 1;
    EXPECT_TRUE(sim.partition({{leader, other}}));
    for (int i = 0; i < 10; ++i) {
        EXPECT_TRUE(sim.request(leader, "set stale " + std::to_string(i)));
    }
    model.refresh();
    const int widest = model.columnCount();
    sim.runFor(raft::fromMs(2000));
    model.refresh();
    EXPECT_TRUE(sim.heal());
    sim.runFor(raft::fromMs(2000));
    model.refresh();
    EXPECT_LT(model.columnCount(), widest) << "the stale leader's extra entries were truncated everywhere";
    EXPECT_TRUE(sim.crash(other));
    model.refresh();
    EXPECT_TRUE(sim.restart(other));
    sim.runFor(raft::fromMs(500));
    model.refresh();

    // A new, smaller world: reset.
    raft::Simulation small(config(3, 9));
    model.setSimulation(&small);
    EXPECT_EQ(model.rowCount(), 3);
    electLeader(small);
    model.refresh();
    model.setSimulation(nullptr);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(failures.failures().isEmpty()) << failures.failures().join(QLatin1Char('\n')).toStdString();
}

TEST(LogModel, CellsShowTermCommitAndTheLeadersIndices)
{
    raft::Simulation sim(config());
    LogModel model;
    model.setSimulation(&sim);
    const raft::NodeId leader = electLeader(sim);
    sim.runFor(raft::fromMs(200));
    const raft::NodeId lagging = leader % 5 + 1;
    EXPECT_TRUE(sim.pause(lagging));
    EXPECT_TRUE(sim.request(leader, "set x 5"));
    sim.runFor(raft::fromMs(200));
    model.refresh();

    const int leaderRow = leader - 1;
    const int laggingRow = lagging - 1;
    // Index 1: the leader's no-op, committed everywhere.
    const QModelIndex noop = model.index(leaderRow, 0);
    EXPECT_TRUE(noop.data(LogModel::HasEntryRole).toBool());
    EXPECT_EQ(noop.data(LogModel::TermRole).toULongLong(), sim.term(leader));
    EXPECT_EQ(noop.data(Qt::DisplayRole).toString(), QString::number(sim.term(leader)));
    EXPECT_TRUE(noop.data(LogModel::CommittedRole).toBool());
    // Index 2: "set x 5", committed on the leader (a majority without the paused one).
    const QModelIndex entry = model.index(leaderRow, 1);
    EXPECT_EQ(entry.data(LogModel::CommandRole).toString(), QStringLiteral("set x 5"));
    EXPECT_TRUE(entry.data(LogModel::CommittedRole).toBool());
    EXPECT_TRUE(entry.data(LogModel::CommitIndexRole).toBool());
    EXPECT_TRUE(entry.data(Qt::ToolTipRole).toString().contains(QStringLiteral("set x 5")));
    // The paused follower lacks it; the leader's matchIndex for it stays at 1 and its
    // nextIndex points at 2.
    EXPECT_FALSE(model.index(laggingRow, 1).data(LogModel::HasEntryRole).toBool());
    EXPECT_TRUE(model.index(laggingRow, 0).data(LogModel::MatchIndexRole).toBool());
    EXPECT_TRUE(model.index(laggingRow, 1).data(LogModel::NextIndexRole).toBool());
    EXPECT_FALSE(model.index(leaderRow, 0).data(LogModel::MatchIndexRole).toBool());
    // Headers: servers and indices.
    EXPECT_EQ(model.headerData(leaderRow, Qt::Vertical).toString(), QStringLiteral("S%1 leader").arg(leader));
    EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("2"));
    // An uncommitted entry: the leader alone in a partition.
    EXPECT_TRUE(sim.resume(lagging));
    EXPECT_TRUE(sim.partition({{leader}}));
    EXPECT_TRUE(sim.request(leader, "set y 6"));
    model.refresh();
    const QModelIndex pending = model.index(leaderRow, 2);
    EXPECT_TRUE(pending.data(LogModel::HasEntryRole).toBool());
    EXPECT_FALSE(pending.data(LogModel::CommittedRole).toBool());
    EXPECT_TRUE(pending.data(Qt::ToolTipRole).toString().contains(QStringLiteral("not yet committed")));
}

// §7: a compacted prefix is one block: its cells carry the snapshot, not entries, and
// the grid spans them into one cell that the model tester accepts.
TEST(LogModel, SnapshotPrefixIsOneBlock)
{
    TesterFailures failures;
    raft::ClusterConfig c = config(3);
    raft::Simulation sim(c);
    const raft::NodeId leader = electLeader(sim);
    for (int i = 0; i < 6; ++i)
        ASSERT_TRUE(sim.request(leader, "set k" + std::to_string(i) + " " + std::to_string(i)));
    sim.runFor(raft::fromMs(400));
    widgets::LogView view;
    view.setSimulation(&sim);
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::Warning);
    ASSERT_TRUE(sim.snapshot(leader));
    view.refresh();
    const raft::Index snapshot = sim.log(leader).snapshotIndex();
    ASSERT_GE(snapshot, 5u);
    LogModel *model = view.model();
    const int row = leader - 1;
    EXPECT_EQ(model->snapshotIndex(row), snapshot);
    EXPECT_EQ(model->index(row, 0).data(LogModel::SnapshotRole).toULongLong(), snapshot);
    EXPECT_FALSE(model->index(row, 0).data(LogModel::HasEntryRole).toBool());
    EXPECT_EQ(model->index(row, static_cast<int>(snapshot)).data(LogModel::SnapshotRole).toULongLong(), 0u);
    EXPECT_EQ(view.table()->columnSpan(row, 0), static_cast<int>(snapshot)) << "one block";
    EXPECT_EQ(view.table()->columnSpan((row + 1) % 3, 0), 1) << "no snapshot, no block";
    EXPECT_TRUE(model->index(row, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("snapshot")));
    EXPECT_TRUE(failures.failures().isEmpty()) << failures.failures().join(QLatin1Char('\n')).toStdString();
}

// The alarm: the entry a broken property names is marked on the servers it names (a
// follower that applied an entry beyond its commitIndex: bug switch apply-before-commit).
TEST(LogModel, MarksTheEntryTheLatestViolationNames)
{
    raft::ClusterConfig c = config(3);
    c.noop = false;
    c.bugs.applyBeforeCommit = true;
    raft::Simulation sim(c);
    LogModel model;
    model.setSimulation(&sim);
    const raft::NodeId leader = electLeader(sim);
    EXPECT_TRUE(sim.request(leader, "set x 1"));
    ASSERT_TRUE(sim.runUntil([&] { return !sim.violations().empty(); }, raft::fromMs(1000)));
    model.refresh();
    const raft::Violation &v = sim.violations().back();
    ASSERT_EQ(v.nodes.size(), 1u);
    EXPECT_EQ(v.index, 1u);
    EXPECT_TRUE(model.index(v.nodes[0] - 1, 0).data(LogModel::ViolationRole).toBool());
    EXPECT_FALSE(model.index(leader - 1, 0).data(LogModel::ViolationRole).toBool());
}

TEST(LogModel, TermColoursDifferBetweenNeighbouringTerms)
{
    for (raft::Term t = 1; t < 30; ++t)
        EXPECT_NE(LogModel::termColor(t), LogModel::termColor(t + 1)) << t;
    EXPECT_EQ(LogModel::termColor(4), LogModel::termColor(4));
}

TEST(LogView, FollowsTheTailUnlessTheUserScrolledAway)
{
    raft::Simulation sim(config());
    widgets::LogView view;
    view.resize(500, 260);
    view.setSimulation(&sim);
    view.show();
    const raft::NodeId leader = electLeader(sim);
    for (int i = 0; i < 200; ++i) {
        EXPECT_TRUE(sim.request(leader, "set k " + std::to_string(i)));
    }
    sim.runFor(raft::fromMs(1000));
    view.refresh();
    QApplication::processEvents();
    QScrollBar *bar = view.table()->horizontalScrollBar();
    ASSERT_GT(bar->maximum(), 0);
    EXPECT_TRUE(view.isFollowingTail());
    EXPECT_EQ(bar->value(), bar->maximum());

    // The user drags the bar to the start: the view stays there as the log grows.
    bar->triggerAction(QAbstractSlider::SliderToMinimum);
    EXPECT_FALSE(view.isFollowingTail());
    for (int i = 0; i < 50; ++i) {
        EXPECT_TRUE(sim.request(leader, "set more " + std::to_string(i)));
    }
    sim.runFor(raft::fromMs(500));
    view.refresh();
    QApplication::processEvents();
    EXPECT_EQ(bar->value(), 0);
}

TEST(LogView, StaysSmoothWithThousandsOfEntries)
{
    raft::ClusterConfig c = config();
    c.recordTrace = false;
    raft::Simulation sim(c);
    widgets::LogView view;
    view.resize(800, 260);
    view.setSimulation(&sim);
    view.show();
    const raft::NodeId leader = electLeader(sim);
    for (int i = 0; i < 5000; ++i) {
        EXPECT_TRUE(sim.request(leader, "set k " + std::to_string(i)));
        if (i % 50 == 0)
            sim.runFor(raft::fromMs(5));
    }
    sim.runFor(raft::fromMs(3000));
    view.refresh();
    QApplication::processEvents();
    ASSERT_GE(view.model()->columnCount(), 5000);
    // Frames that add entries: refresh the model, follow the tail, paint. How long
    // that takes depends on the machine (see --bench-render); what it does does not:
    // the model grows by inserting the new columns (never a reset, which would make the
    // view measure all of its thousands of columns again) and each frame paints once.
    QSignalSpy resets(view.model(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(view.model(), &QAbstractItemModel::columnsInserted);
    QSignalSpy changed(view.model(), &QAbstractItemModel::dataChanged);
    const int columnsBefore = view.model()->columnCount();
    constexpr int kFrames = 60;
    for (int frame = 0; frame < kFrames; ++frame) {
        EXPECT_TRUE(sim.request(leader, "set more " + std::to_string(frame)));
        sim.runFor(raft::fromMs(16));
        view.refresh();
        view.repaint();
    }
    std::printf("[ logview  ] %d frames: %lld column inserts, %lld data changes, %d columns\n", kFrames,
                static_cast<long long>(inserted.count()), static_cast<long long>(changed.count()),
                view.model()->columnCount());
    EXPECT_EQ(resets.count(), 0) << "growing the log never resets the model";
    EXPECT_GT(view.model()->columnCount(), columnsBefore);
    EXPECT_GE(inserted.count(), 1);
    EXPECT_LE(inserted.count(), kFrames) << "at most one insertion a frame";
    EXPECT_TRUE(view.isFollowingTail());
    QScrollBar *bar = view.table()->horizontalScrollBar();
    EXPECT_EQ(bar->value(), bar->maximum());
}

TEST(EventModel, PassesTheModelTesterAndHidesRoutineEvents)
{
    TesterFailures failures;
    raft::Simulation sim(config());
    EventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setSimulation(&sim);
    const raft::NodeId leader = electLeader(sim);
    model.refresh();
    EXPECT_TRUE(sim.request(leader, "set a 1"));
    sim.runFor(raft::fromMs(1000));
    model.refresh();
    const int quiet = model.rowCount();
    ASSERT_GT(quiet, 0);
    for (int row = 0; row < quiet; ++row)
        EXPECT_FALSE(widgets::EventText::isRoutine(model.event(row))) << row;

    model.setShowRoutine(true);
    EXPECT_EQ(static_cast<std::size_t>(model.rowCount()), sim.trace().size());
    // Rows are the trace in order, newest at the bottom.
    for (int row = 1; row < model.rowCount(); ++row)
        EXPECT_LT(model.traceIndex(row - 1), model.traceIndex(row));
    model.setShowRoutine(false);
    EXPECT_EQ(model.rowCount(), quiet);
    EXPECT_TRUE(failures.failures().isEmpty()) << failures.failures().join(QLatin1Char('\n')).toStdString();
}

TEST(EventModel, StaysFastWithAHundredThousandEvents)
{
    raft::Simulation sim(config());
    const raft::NodeId leader = electLeader(sim);
    while (sim.trace().size() < 100'000) {
        if (sim.leader()) {
            EXPECT_TRUE(sim.request(*sim.leader(), "set k v"));
        }
        sim.runFor(raft::fromMs(20));
    }
    (void)leader;
    EventModel model;
    model.setShowRoutine(true);
    QElapsedTimer timer;
    timer.start();
    model.setSimulation(&sim);
    EXPECT_EQ(static_cast<std::size_t>(model.rowCount()), sim.trace().size());
    // Showing a screenful of rows costs a screenful, not the whole trace.
    QTableView view;
    view.setModel(&model);
    view.resize(800, 600);
    view.show();
    view.scrollToBottom();
    QApplication::processEvents();
    const qint64 ms = timer.elapsed();
    EXPECT_LT(ms, 2000) << "building and showing 100k events took " << ms << " ms";

    // Appending one frame's worth of events is cheap.
    sim.runFor(raft::fromMs(50));
    timer.restart();
    model.refresh();
    QApplication::processEvents();
    EXPECT_LT(timer.elapsed(), 200);
}

TEST(EventText, EnglishReadsLikeTheTrace)
{
    // Every kind of event the core words, worded again by the UI: the same English.
    raft::Simulation sim(config(5, 21));
    const raft::NodeId leader = electLeader(sim);
    EXPECT_TRUE(sim.request(leader, "set x 1"));
    sim.runFor(raft::fromMs(300));
    const raft::NodeId follower = leader % 5 + 1;
    EXPECT_TRUE(sim.request(follower, "set y 2"));
    EXPECT_TRUE(sim.pause(follower));
    sim.runFor(raft::fromMs(100));
    EXPECT_TRUE(sim.request(follower, "set y 3"));
    EXPECT_TRUE(sim.resume(follower));
    EXPECT_TRUE(sim.partition({{leader, follower}}));
    EXPECT_TRUE(sim.request(leader, "set lost 1"));
    sim.runFor(raft::fromMs(1500));
    EXPECT_TRUE(sim.heal());
    sim.runFor(raft::fromMs(1000));
    EXPECT_TRUE(sim.isolate(3));
    EXPECT_TRUE(sim.cut(1, 2, false));
    EXPECT_TRUE(sim.cut(4, 5, true));
    EXPECT_TRUE(sim.reconnect(3));
    EXPECT_TRUE(sim.heal());
    EXPECT_TRUE(sim.crash(2));
    EXPECT_TRUE(sim.request(2, "set z 0"));
    EXPECT_TRUE(sim.restart(2));
    EXPECT_TRUE(sim.say("a line of narration"));
    (void)sim.timeout(follower == 1 ? 3 : 1); // refused if that one leads by now: no matter here
    sim.runFor(raft::fromMs(2000));
    ASSERT_GT(sim.trace().size(), 100u);
    std::set<raft::EventKind> kinds;
    for (const raft::TraceEvent &e : sim.trace().events()) {
        kinds.insert(e.kind);
        EXPECT_EQ(widgets::EventText::describe(sim.trace(), e).toStdString(), sim.trace().describe(e));
    }
    EXPECT_GE(kinds.size(), 20u);
}
