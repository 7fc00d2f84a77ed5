// SpaceTimeView: one lane per server, an arrow per message, role bands, and the mouse:
// a click on an arrow selects the message and asks to seek to its send; the heartbeat
// filter hides heartbeats; wide windows count instead of drawing arrows.
#include "widgets/spacetimeview.h"

#include "widgets/selection.h"

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

using raft::History;
using raft::MessageRecord;
using raft::Time;
using widgets::SpaceTimeArrow;
using widgets::SpaceTimeSpan;
using widgets::SpaceTimeView;

namespace {

/// A run of 5 servers: a leader elected, a client request, 3 s in all.
struct ElectedRun {
    std::unique_ptr<History> history = std::make_unique<History>(raft::ClusterConfig{.nodes = 5, .seed = 3});
    ElectedRun()
    {
        history->advanceTo(raft::fromMs(1500));
        if (const auto leader = history->simulation().leader()) {
            EXPECT_TRUE(history->act(raft::act::Request{*leader, "set x 1"}));
        }
        history->advanceTo(raft::fromMs(3000));
    }
};

/// A view of the run, 1000x400, showing [0.8 s, 1.8 s].
struct ViewOf {
    explicit ViewOf(const History &history)
    {
        view.resize(1000, 400);
        view.setHistory(&history, static_cast<double>(history.frontierTime()));
        view.setVisibleRange(raft::fromMs(800), raft::fromMs(1000));
    }
    SpaceTimeView view;
};

TEST(SpaceTimeView, HasOneLanePerServerInOrder)
{
    ElectedRun run;
    ViewOf v(*run.history);
    ASSERT_EQ(v.view.model().lanes(), 5);
    for (raft::NodeId id = 1; id <= 5; ++id) {
        EXPECT_EQ(v.view.laneAt(v.view.laneY(id)), id);
        if (id > 1) {
            EXPECT_GT(v.view.laneY(id), v.view.laneY(id - 1));
        }
    }
}

TEST(SpaceTimeView, DrawsAnArrowPerMessageInTheWindowFromSenderToReceiver)
{
    ElectedRun run;
    ViewOf v(*run.history);
    const std::vector<SpaceTimeArrow> arrows = v.view.arrows();
    const auto &records = v.view.model().messages();
    // Every message whose life crosses the window, and no other, has an arrow.
    std::size_t expected = 0;
    for (const MessageRecord &r : records)
        if (r.sentAt <= raft::fromMs(1800) && v.view.model().endOf(r) >= raft::fromMs(800))
            ++expected;
    ASSERT_GT(expected, 20u);
    EXPECT_EQ(arrows.size(), expected);
    for (const SpaceTimeArrow &a : arrows) {
        const MessageRecord &r = records[a.index];
        EXPECT_EQ(a.id, r.id);
        EXPECT_NEAR(a.from.y(), v.view.laneY(r.from), 0.01);
        EXPECT_NEAR(a.from.x(), v.view.xForTime(static_cast<double>(r.sentAt)), 0.01);
        if (r.fate == MessageRecord::Fate::Delivered) {
            EXPECT_NEAR(a.to.y(), v.view.laneY(r.to), 0.01);
            EXPECT_NEAR(a.to.x(), v.view.xForTime(static_cast<double>(r.endAt)), 0.01);
            EXPECT_EQ(a.end, SpaceTimeArrow::End::Delivered);
        }
    }
}

TEST(SpaceTimeView, RoleBandsShowTheLeaderWithItsTerm)
{
    ElectedRun run;
    ViewOf v(*run.history);
    const raft::NodeId leader = run.history->simulation().leader().value();
    const std::vector<SpaceTimeSpan> &spans = v.view.model().spans(leader);
    ASSERT_FALSE(spans.empty());
    EXPECT_EQ(spans.back().role, raft::Role::Leader);
    EXPECT_EQ(spans.back().term, run.history->simulation().term(leader));
    EXPECT_LT(spans.back().end, 0); // still leading at the frontier
    // A commit point on the leader's lane (the no-op and the request).
    const auto &marks = v.view.model().marks().marks();
    EXPECT_TRUE(std::any_of(marks.begin(), marks.end(), [&](const widgets::TimelineMark &m) {
        return m.kind == widgets::TimelineMark::Kind::Commit && m.node == leader;
    }));
}

TEST(SpaceTimeView, HeartbeatFilterHidesHeartbeats)
{
    ElectedRun run;
    ViewOf v(*run.history);
    const auto &records = v.view.model().messages();
    const auto heartbeats = [&](const std::vector<SpaceTimeArrow> &arrows) {
        return std::count_if(arrows.begin(), arrows.end(),
                             [&](const SpaceTimeArrow &a) { return records[a.index].heartbeat; });
    };
    const std::vector<SpaceTimeArrow> all = v.view.arrows();
    ASSERT_GT(heartbeats(all), 0);
    v.view.setHeartbeatsShown(false);
    const std::vector<SpaceTimeArrow> some = v.view.arrows();
    EXPECT_EQ(heartbeats(some), 0);
    EXPECT_EQ(static_cast<std::ptrdiff_t>(some.size()), static_cast<std::ptrdiff_t>(all.size()) - heartbeats(all));
}

TEST(SpaceTimeView, ClickOnAnArrowSelectsItsMessageAndAsksForItsSend)
{
    ElectedRun run;
    ViewOf v(*run.history);
    v.view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&v.view));
    // A long arrow between two lanes far apart, clicked in its middle (where no other
    // arrow passes nearer).
    const auto &records = v.view.model().messages();
    const std::vector<SpaceTimeArrow> arrows = v.view.arrows();
    const auto target = std::find_if(arrows.begin(), arrows.end(), [&](const SpaceTimeArrow &a) {
        const MessageRecord &r = records[a.index];
        return std::abs(r.from - r.to) >= 3 && a.end == SpaceTimeArrow::End::Delivered
            && a.from.x() > v.view.plotRect().left() && a.to.x() < v.view.plotRect().right()
            && v.view.messageAt(((a.from + a.to) / 2).toPoint()) == a.id;
    });
    ASSERT_NE(target, arrows.end());
    const QPointF middle = ((target->from + target->to) / 2).toPoint();
    QSignalSpy activated(&v.view, &SpaceTimeView::messageActivated);
    QSignalSpy seek(&v.view, &SpaceTimeView::seekRequested);
    QTest::mouseClick(&v.view, Qt::LeftButton, {}, middle.toPoint());
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.at(0).at(0).value<std::uint64_t>(), target->id);
    EXPECT_EQ(activated.at(0).at(1).value<Time>(), records[target->index].sentAt);
    EXPECT_EQ(seek.count(), 0);
    // A click on the names selects the server; on empty ground, asks for that time.
    QSignalSpy node(&v.view, &SpaceTimeView::nodeActivated);
    QTest::mouseClick(&v.view, Qt::LeftButton, {}, QPoint(8, static_cast<int>(v.view.laneY(4))));
    ASSERT_EQ(node.count(), 1);
    EXPECT_EQ(node.at(0).at(0).value<raft::NodeId>(), 4);
}

TEST(SpaceTimeView, SelectionHighlightsTheLaneAndTheMessage)
{
    ElectedRun run;
    ViewOf v(*run.history);
    widgets::Selection selection;
    v.view.setSelection(&selection);
    QImage before(v.view.size(), QImage::Format_ARGB32);
    {
        QPainter p(&before);
        v.view.paintDiagram(p, v.view.size());
    }
    selection.selectNode(2);
    QImage after(v.view.size(), QImage::Format_ARGB32);
    {
        QPainter p(&after);
        v.view.paintDiagram(p, v.view.size());
    }
    // The lane of S2 changed colour; the lane of S5 did not.
    const auto changed = [&](raft::NodeId id) {
        const double laneH = v.view.plotRect().height() / 5;
        int count = 0;
        for (int y = static_cast<int>(v.view.laneY(id) - laneH / 2) + 1; y < v.view.laneY(id) + laneH / 2 - 1; ++y)
            for (int x = static_cast<int>(v.view.plotRect().left()) + 1; x < v.view.plotRect().right(); x += 3)
                count += before.pixel(x, y) != after.pixel(x, y) ? 1 : 0;
        return count;
    };
    EXPECT_GT(changed(2), 100);
    EXPECT_EQ(changed(5), 0);
}

TEST(SpaceTimeView, AWideWindowCountsInsteadOfDrawingArrows)
{
    raft::ClusterConfig config{.nodes = 9, .seed = 5};
    History history(config);
    history.advanceTo(raft::fromMs(20'000));
    SpaceTimeView view;
    view.resize(800, 300);
    view.setHistory(&history, static_cast<double>(raft::fromMs(20'000)));
    view.setVisibleRange(raft::fromMs(0), raft::fromMs(20'000));
    EXPECT_GT(view.model().countIn(0, raft::fromMs(20'000), true), SpaceTimeView::kMaxArrows);
    EXPECT_TRUE(view.isDensityMode());
    EXPECT_TRUE(view.arrows().empty());
    view.setVisibleRange(raft::fromMs(10'000), raft::fromMs(500));
    EXPECT_FALSE(view.isDensityMode());
    EXPECT_FALSE(view.arrows().empty());
}

TEST(SpaceTimeView, TheIndexFindsTheSameMessagesAsAFullScan)
{
    History history(raft::ClusterConfig{.nodes = 5, .seed = 9});
    history.advanceTo(raft::fromMs(2000));
    ASSERT_TRUE(history.act(raft::act::Hold{true}));
    history.advanceTo(raft::fromMs(2600));
    ASSERT_TRUE(history.act(raft::act::Hold{false}));
    history.advanceTo(raft::fromMs(4000));
    widgets::SpaceTimeModel model;
    model.reset(&history);
    for (Time t0 : {raft::fromMs(0), raft::fromMs(1000), raft::fromMs(2500), raft::fromMs(3900)}) {
        const Time t1 = t0 + raft::fromMs(300);
        std::vector<std::size_t> found;
        model.forEachIn(t0, t1, true, [&](std::size_t i) { found.push_back(i); });
        std::sort(found.begin(), found.end());
        std::vector<std::size_t> scanned;
        const auto &all = model.messages();
        for (std::size_t i = 0; i < all.size(); ++i)
            if (all[i].sentAt <= t1 && model.endOf(all[i]) >= t0)
                scanned.push_back(i);
        EXPECT_EQ(found, scanned) << "window at " << t0;
    }
}

TEST(SpaceTimeView, FollowsNewMessagesAndRebuildsAfterABranch)
{
    History history(raft::ClusterConfig{.nodes = 3, .seed = 2});
    history.advanceTo(raft::fromMs(1000));
    widgets::SpaceTimeModel model;
    model.reset(&history);
    const std::size_t early = model.messages().size();
    history.advanceTo(raft::fromMs(2000));
    model.update();
    EXPECT_GT(model.messages().size(), early);
    const std::uint64_t rebuilds = model.rebuildCount();
    history.seekToTime(raft::fromMs(1000));
    ASSERT_TRUE(history.act(raft::act::Crash{1}));
    model.update();
    EXPECT_GT(model.rebuildCount(), rebuilds);
    const auto &spans = model.spans(1);
    EXPECT_EQ(spans.back().state, SpaceTimeSpan::State::Crashed);
}

} // namespace
