// Timeline: the history as a strip of marks; clicking and dragging asks to seek.
#include "widgets/timeline.h"

#include "widgets/eventtext.h"

#include <QApplication>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using raft::EventKind;
using raft::History;
using raft::Input;
using raft::InputKind;
namespace act = raft::act;
using raft::Time;
using widgets::Timeline;
using widgets::TimelineMark;

namespace {

/// A run of 5 servers: 5 s with client requests, the leader crashed, 5 s more.
struct LeaderCrashRun {
    std::unique_ptr<History> history;
    raft::NodeId crashed = raft::kNoNode;
    Time crashAt = 0;

    LeaderCrashRun()
        : history(std::make_unique<History>(raft::ClusterConfig{.nodes = 5, .seed = 11}))
    {
        for (Time t = raft::fromMs(1000); t <= raft::fromMs(4000); t += raft::fromMs(500)) {
            history->advanceTo(t);
            if (const auto leader = history->simulation().leader()) {
                EXPECT_TRUE(history->act(act::Request{*leader, "set k v"}));
            }
        }
        history->advanceTo(raft::fromMs(5000));
        crashed = history->simulation().leader().value_or(raft::kNoNode);
        crashAt = history->simulation().now();
        EXPECT_TRUE(history->act(act::Crash{crashed}));
        history->advanceTo(raft::fromMs(10000));
    }
};

std::vector<raft::TraceEvent> eventsOf(const raft::Trace &trace, EventKind kind)
{
    std::vector<raft::TraceEvent> out;
    for (const raft::TraceEvent &e : trace.events())
        if (e.kind == kind)
            out.push_back(e);
    return out;
}

std::vector<const TimelineMark *> marksOf(const Timeline &timeline, TimelineMark::Kind kind)
{
    std::vector<const TimelineMark *> out;
    for (const TimelineMark &m : timeline.marks())
        if (m.kind == kind)
            out.push_back(&m);
    return out;
}

} // namespace

TEST(Timeline, MarksFollowTheTrace)
{
    LeaderCrashRun run;
    ASSERT_NE(run.crashed, raft::kNoNode);
    Timeline timeline;
    timeline.resize(1000, 72);
    timeline.setHistory(run.history.get());

    // One election mark per BecameLeader, with its term and leader.
    const auto won = eventsOf(run.history->trace(), EventKind::BecameLeader);
    const auto elections = marksOf(timeline, TimelineMark::Kind::Election);
    ASSERT_GE(won.size(), 2u); // the first leader, and one after the crash
    ASSERT_EQ(elections.size(), won.size());
    for (std::size_t i = 0; i < won.size(); ++i) {
        EXPECT_EQ(elections[i]->term, won[i].term);
        EXPECT_EQ(elections[i]->node, won[i].node);
        EXPECT_EQ(elections[i]->t, won[i].t);
    }
    // The crash, where it happened; the old leader's reign ends there.
    const auto crashes = marksOf(timeline, TimelineMark::Kind::Crash);
    ASSERT_EQ(crashes.size(), 1u);
    EXPECT_EQ(crashes[0]->t, run.crashAt);
    EXPECT_EQ(crashes[0]->node, run.crashed);
    const auto reign = std::find_if(timeline.reigns().begin(), timeline.reigns().end(),
                                    [&](const widgets::TimelineSpan &s) { return s.node == run.crashed; });
    ASSERT_NE(reign, timeline.reigns().end());
    EXPECT_EQ(reign->end, run.crashAt);
    EXPECT_FALSE(timeline.reigns().back().end.has_value()); // the new leader still leads

    // Commits by the leader, and one action mark per recorded input.
    EXPECT_EQ(
        marksOf(timeline, TimelineMark::Kind::Commit).size(),
        static_cast<std::size_t>(std::count_if(
            run.history->trace().events().begin(), run.history->trace().events().end(), [](const raft::TraceEvent &e) {
                return e.kind == EventKind::CommitAdvanced && e.reason == raft::Reason::Majority;
            })));
    EXPECT_GE(marksOf(timeline, TimelineMark::Kind::Commit).size(), 7u);
    ASSERT_EQ(timeline.actionMarks().size(), run.history->script().size());
    EXPECT_EQ(timeline.actionMarks().back().t, run.crashAt);
}

TEST(Timeline, XAndTimeMapBothWays)
{
    LeaderCrashRun run;
    Timeline timeline;
    timeline.resize(1000, 72);
    timeline.setHistory(run.history.get());
    for (const TimelineMark &m : timeline.marks()) {
        const double x = timeline.xForTime(m.t);
        EXPECT_GE(x, 0.0);
        EXPECT_LE(x, 1000.0);
        EXPECT_EQ(timeline.timeForX(x), m.t);
    }
    EXPECT_LT(timeline.xForTime(raft::fromMs(0)), timeline.xForTime(raft::fromMs(5000)));
    EXPECT_LT(timeline.xForTime(raft::fromMs(5000)), timeline.xForTime(raft::fromMs(10000)));
    // Zoomed in, the mapping still holds, and times outside the run are clamped.
    timeline.setVisibleRange(raft::fromMs(4000), raft::fromMs(2000));
    ASSERT_TRUE(timeline.isZoomed());
    EXPECT_EQ(timeline.visibleStart(), raft::fromMs(4000));
    EXPECT_EQ(timeline.visibleSpan(), raft::fromMs(2000));
    EXPECT_EQ(timeline.timeForX(timeline.xForTime(run.crashAt)), run.crashAt);
    EXPECT_EQ(timeline.timeForX(-1e6), 0);
    EXPECT_EQ(timeline.timeForX(1e7), run.history->frontierTime());
}

TEST(Timeline, DraggingAsksToSeekAlongTheWay)
{
    LeaderCrashRun run;
    Timeline timeline;
    timeline.resize(1000, 72);
    timeline.setHistory(run.history.get());
    timeline.show();
    QSignalSpy seeks(&timeline, &Timeline::seekRequested);

    // Along the axis, away from the marks (a click on a mark goes to its exact time).
    const int y = timeline.height() - 3;
    QTest::mousePress(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(100, y));
    for (int x = 200; x <= 800; x += 100)
        QTest::mouseMove(&timeline, QPoint(x, y));
    QTest::mouseRelease(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(800, y));

    ASSERT_GE(seeks.count(), 7);
    Time previous = -1;
    for (const QList<QVariant> &args : seeks) {
        const Time t = args.at(0).value<Time>();
        EXPECT_GT(t, previous);
        previous = t;
    }
    EXPECT_EQ(seeks.first().at(0).value<Time>(), timeline.timeForX(100));
    EXPECT_EQ(seeks.last().at(0).value<Time>(), timeline.timeForX(800));

    // Moving without a button pressed does not seek.
    seeks.clear();
    QTest::mouseMove(&timeline, QPoint(300, y));
    EXPECT_EQ(seeks.count(), 0);

    // A click on the crash, a little off, goes to the moment of the crash.
    const int crashX = static_cast<int>(timeline.xForTime(run.crashAt)) + 3;
    for (int crashY = 0; crashY < timeline.height() / 2; ++crashY) {
        if (!timeline.toolTipAt(QPointF(crashX, crashY))
                 .contains(widgets::EventText::kindTitle(EventKind::NodeCrashed)))
            continue;
        QTest::mouseClick(&timeline, Qt::LeftButton, Qt::NoModifier, QPoint(crashX, crashY));
        ASSERT_EQ(seeks.count(), 1);
        EXPECT_EQ(seeks.at(0).at(0).value<Time>(), run.crashAt);
        return;
    }
    ADD_FAILURE() << "no crash mark under the pointer";
}

TEST(Timeline, HoverWordsTheNearestMark)
{
    LeaderCrashRun run;
    Timeline timeline;
    timeline.resize(1000, timeline.sizeHint().height());
    timeline.setHistory(run.history.get());
    const auto elections = marksOf(timeline, TimelineMark::Kind::Election);
    ASSERT_FALSE(elections.empty());
    const raft::TraceEvent &won = run.history->trace().events()[elections.back()->source];
    ASSERT_EQ(won.kind, EventKind::BecameLeader);
    // Find the lane of the elections: the first height whose tooltip names the event.
    const QString sentence = widgets::EventText::describe(run.history->trace(), won).toHtmlEscaped();
    const double x = timeline.xForTime(won.t);
    bool found = false;
    for (int y = 0; y < timeline.height() && !found; ++y)
        found = timeline.toolTipAt(QPointF(x + 3, y)).contains(sentence);
    EXPECT_TRUE(found);
    // The crash, in the top lane, says who crashed.
    const auto crash = marksOf(timeline, TimelineMark::Kind::Crash);
    ASSERT_EQ(crash.size(), 1u);
    const QString crashTip = timeline.toolTipAt(QPointF(timeline.xForTime(crash[0]->t) - 2, 8));
    EXPECT_TRUE(crashTip.contains(widgets::EventText::nodeText(run.crashed))) << crashTip.toStdString();
    // Far from any mark, under the axis: nothing.
    EXPECT_TRUE(timeline.toolTipAt(QPointF(x, timeline.height() - 2)).isEmpty());
}

TEST(Timeline, HomeAndEndAskForTheStartAndTheFrontier)
{
    LeaderCrashRun run;
    Timeline timeline;
    timeline.resize(1000, 72);
    timeline.setHistory(run.history.get());
    QSignalSpy seeks(&timeline, &Timeline::seekRequested);
    QTest::keyClick(&timeline, Qt::Key_Home);
    QTest::keyClick(&timeline, Qt::Key_End);
    ASSERT_EQ(seeks.count(), 2);
    EXPECT_EQ(seeks.at(0).at(0).value<Time>(), 0);
    EXPECT_EQ(seeks.at(1).at(0).value<Time>(), run.history->frontierTime());
}

TEST(Timeline, WheelZoomsAroundTheCursorAndTheViewFollowsTheLivePosition)
{
    LeaderCrashRun run;
    Timeline timeline;
    timeline.resize(1000, 72);
    timeline.setHistory(run.history.get());
    timeline.show();
    ASSERT_FALSE(timeline.isZoomed());
    const Time underCursor = timeline.timeForX(300);

    QWheelEvent wheel(QPointF(300, 30), timeline.mapToGlobal(QPointF(300, 30)), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&timeline, &wheel);
    ASSERT_TRUE(timeline.isZoomed());
    EXPECT_LT(timeline.visibleSpan(), raft::fromMs(10000) * 0.7);
    EXPECT_NEAR(static_cast<double>(timeline.timeForX(300)), static_cast<double>(underCursor),
                10.0 * raft::kTicksPerMs);

    // Playing on past the right edge pans the zoomed view along.
    run.history->advanceTo(raft::fromMs(20000));
    timeline.refresh();
    EXPECT_LE(timeline.visibleStart(), raft::fromMs(20000));
    EXPECT_GE(timeline.visibleStart() + timeline.visibleSpan(), raft::fromMs(20000));
    EXPECT_GE(timeline.xForTime(raft::fromMs(20000)), 0.0);
    EXPECT_LE(timeline.xForTime(raft::fromMs(20000)), 1000.0);

    // Zooming out past the whole run shows it all again.
    timeline.zoomBy(100.0, 0);
    EXPECT_FALSE(timeline.isZoomed());
    EXPECT_EQ(timeline.visibleSpan(), raft::fromMs(20000));
}

TEST(Timeline, RefreshAddsNewMarksWithoutRebuilding)
{
    LeaderCrashRun run;
    Timeline timeline;
    timeline.resize(1000, 72);
    timeline.setHistory(run.history.get());
    const std::size_t before = timeline.markCount();
    const std::uint64_t rebuilds = timeline.rebuildCount();

    const raft::NodeId leader = run.history->simulation().leader().value_or(raft::kNoNode);
    ASSERT_NE(leader, raft::kNoNode);
    EXPECT_TRUE(run.history->act(act::Request{leader, "set a 1"}));
    EXPECT_TRUE(run.history->act(act::Restart{run.crashed}));
    run.history->advanceTo(raft::fromMs(12000));
    timeline.refresh();

    EXPECT_EQ(timeline.rebuildCount(), rebuilds);
    EXPECT_GE(timeline.markCount(), before + 3); // two actions, a restart, a commit
    EXPECT_EQ(marksOf(timeline, TimelineMark::Kind::Restart).size(), 1u);
    EXPECT_EQ(timeline.actionMarks().size(), run.history->script().size());

    // A second timeline built from scratch sees the same marks.
    Timeline fresh;
    fresh.resize(1000, 72);
    fresh.setHistory(run.history.get());
    ASSERT_EQ(fresh.marks().size(), timeline.marks().size());
    for (std::size_t i = 0; i < fresh.marks().size(); ++i) {
        EXPECT_EQ(fresh.marks()[i].t, timeline.marks()[i].t);
        EXPECT_EQ(fresh.marks()[i].kind, timeline.marks()[i].kind);
    }

    // Refreshing with nothing new changes nothing.
    const std::size_t now = timeline.markCount();
    timeline.refresh();
    EXPECT_EQ(timeline.markCount(), now);
    EXPECT_EQ(timeline.rebuildCount(), rebuilds);

    // Seeking back does not lose the recorded future, nor rebuild.
    run.history->seekToTime(raft::fromMs(3000));
    timeline.refresh();
    EXPECT_EQ(timeline.markCount(), now);
    EXPECT_EQ(timeline.rebuildCount(), rebuilds);
}

TEST(Timeline, BranchingDropsTheDiscardedFuture)
{
    LeaderCrashRun run;
    Timeline timeline;
    timeline.resize(1000, 72);
    timeline.setHistory(run.history.get());
    const std::uint64_t rebuilds = timeline.rebuildCount();

    // Go back before the crash and change the past: cut the network instead.
    run.history->seekToTime(raft::fromMs(3000));
    timeline.refresh();
    ASSERT_EQ(marksOf(timeline, TimelineMark::Kind::Crash).size(), 1u);
    ASSERT_TRUE(run.history->act(act::Partition{{{1, 2}, {3, 4, 5}}}));
    run.history->advanceTo(raft::fromMs(4000));
    ASSERT_TRUE(run.history->act(act::Heal{}));
    run.history->advanceTo(raft::fromMs(6000));
    timeline.refresh();

    EXPECT_GT(timeline.rebuildCount(), rebuilds);
    EXPECT_TRUE(marksOf(timeline, TimelineMark::Kind::Crash).empty());
    for (const TimelineMark &m : timeline.marks())
        EXPECT_LE(m.t, raft::fromMs(6000));
    EXPECT_EQ(marksOf(timeline, TimelineMark::Kind::Election).size(),
              eventsOf(run.history->trace(), EventKind::BecameLeader).size());
    ASSERT_EQ(timeline.actionMarks().size(), run.history->script().size());
    EXPECT_EQ(timeline.actionMarks().back().t, raft::fromMs(4000));
    // The partition shows as a band of network faults from 3 s to 4 s.
    ASSERT_EQ(timeline.faults().size(), 1u);
    EXPECT_EQ(timeline.faults()[0].begin, raft::fromMs(3000));
    EXPECT_EQ(timeline.faults()[0].end, raft::fromMs(4000));
    EXPECT_TRUE(timeline.faults()[0].partition);
}

TEST(Timeline, CutLinksStayFaultsUntilAllAreRestored)
{
    History history(raft::ClusterConfig{.nodes = 3, .seed = 5});
    Timeline timeline;
    timeline.resize(800, 72);
    timeline.setHistory(&history);
    history.advanceTo(raft::fromMs(1000));
    EXPECT_TRUE(history.act(act::Cut{1, 2, true}));
    history.advanceTo(raft::fromMs(1500));
    EXPECT_TRUE(history.act(act::Isolate{3}));
    history.advanceTo(raft::fromMs(2000));
    EXPECT_TRUE(history.act(act::Reconnect{3})); // the 1-2 cut remains
    history.advanceTo(raft::fromMs(2500));
    timeline.refresh();
    ASSERT_EQ(timeline.faults().size(), 1u);
    EXPECT_FALSE(timeline.faults()[0].end.has_value());
    EXPECT_FALSE(timeline.faults()[0].partition);
    EXPECT_TRUE(history.act(act::Reconnect{1}));
    history.advanceTo(raft::fromMs(3000));
    timeline.refresh();
    ASSERT_EQ(timeline.faults().size(), 1u);
    EXPECT_EQ(timeline.faults()[0].begin, raft::fromMs(1000));
    EXPECT_EQ(timeline.faults()[0].end, raft::fromMs(2500));

    // The band comes from the trace: it starts at the NetworkChanged that cut the
    // link, and hovering it words that event.
    const raft::Trace &trace = history.trace();
    const widgets::TimelineSpan &band = timeline.faults()[0];
    ASSERT_LT(band.source, trace.size());
    const raft::TraceEvent &cut = trace.events()[band.source];
    EXPECT_EQ(cut.kind, EventKind::NetworkChanged);
    EXPECT_EQ(cut.t, raft::fromMs(1000));
    EXPECT_EQ(cut.index, 2u) << "one cut link each way";
    const QString tip = timeline.toolTipAt(QPointF(timeline.xForTime(raft::fromMs(1700)), 4)); // the actions' lane
    EXPECT_TRUE(tip.contains(widgets::EventText::describe(trace, cut).toHtmlEscaped())) << tip.toStdString();
}

TEST(Timeline, FaultsNeedNoScriptOnlyTheTrace)
{
    // A history branched at a fault keeps the band the trace says, whatever the
    // inputs were: a partition, then a second one that leaves a split, then a heal.
    History history(raft::ClusterConfig{.nodes = 5, .seed = 8});
    history.advanceTo(raft::fromMs(500));
    EXPECT_TRUE(history.act(act::Partition{{{1, 2}, {3, 4, 5}}}));
    history.advanceTo(raft::fromMs(900));
    EXPECT_TRUE(history.act(act::Partition{{{1, 2, 3, 4, 5}}})); // one group: no partition
    history.advanceTo(raft::fromMs(1200));
    EXPECT_TRUE(history.act(act::Partition{{{1}, {2, 3}}}));
    history.advanceTo(raft::fromMs(1600));
    EXPECT_TRUE(history.act(act::Heal{}));
    history.advanceTo(raft::fromMs(2000));
    Timeline timeline;
    timeline.resize(800, 72);
    timeline.setHistory(&history);
    ASSERT_EQ(timeline.faults().size(), 2u);
    EXPECT_EQ(timeline.faults()[0].begin, raft::fromMs(500));
    EXPECT_EQ(timeline.faults()[0].end, raft::fromMs(900));
    EXPECT_EQ(timeline.faults()[1].begin, raft::fromMs(1200));
    EXPECT_EQ(timeline.faults()[1].end, raft::fromMs(1600));
    for (const widgets::TimelineSpan &band : timeline.faults()) {
        EXPECT_TRUE(band.partition);
        EXPECT_EQ(history.trace().events()[band.source].kind, EventKind::NetworkChanged);
    }
}

TEST(Timeline, ReplacingTheHistoryRebuilds)
{
    LeaderCrashRun first;
    Timeline timeline;
    timeline.resize(1000, 72);
    timeline.setHistory(first.history.get());
    EXPECT_FALSE(timeline.marks().empty());
    History empty(raft::ClusterConfig{.nodes = 3, .seed = 2});
    timeline.setHistory(&empty);
    EXPECT_EQ(timeline.markCount(), 0u);
    timeline.setHistory(nullptr);
    timeline.refresh(); // harmless without a history
    QImage image(1000, 72, QImage::Format_ARGB32);
    timeline.render(&image);
    EXPECT_EQ(timeline.markCount(), 0u);
}
