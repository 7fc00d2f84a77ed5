// ClusterView's partial frames: while only time moves, the view asks to repaint just
// where things move, and a picture kept up to date with those regions alone is, pixel
// for pixel, the picture a whole repaint gives.
#include "raft/simulation.h"
#include "slowcluster.h"
#include "widgets/clusterview.h"

#include <QImage>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

using widgets::ClusterView;

namespace {

qint64 area(const QRegion &region)
{
    qint64 pixels = 0;
    for (const QRect &rect : region)
        pixels += static_cast<qint64>(rect.width()) * rect.height();
    return pixels;
}

/// covers tells whether region covers all of rect (QRegion::contains only overlaps).
bool covers(const QRegion &region, const QRect &rect)
{
    return (QRegion(rect) - region).isEmpty();
}

/// differing is the smallest rectangle holding every pixel where a and b differ.
QRect differing(const QImage &a, const QImage &b)
{
    QRect box;
    for (int y = 0; y < std::min(a.height(), b.height()); ++y)
        for (int x = 0; x < std::min(a.width(), b.width()); ++x)
            if (a.pixel(x, y) != b.pixel(x, y))
                box = box.united(QRect(x, y, 1, 1));
    return box;
}

} // namespace

TEST(ClusterRepaint, PartialFramesGiveThePixelsOfWholeFrames)
{
    struct Case {
        QSize size;
        raft::ClusterConfig config;
    };
    // Five servers with heartbeats every 500 ms; nine with heartbeats every 40 ms, so
    // that deliveries, appends and commits fall in most frames.
    raft::ClusterConfig busy = testing_widgets::slowConfig(9, 5);
    busy.heartbeatInterval = raft::fromMs(40);
    busy.network.latencyMin = raft::fromMs(200);
    busy.network.latencyMax = raft::fromMs(600);
    for (const Case &c : {Case{{1280, 720}, testing_widgets::slowConfig(5)}, Case{{3840, 2160}, testing_widgets::slowConfig(5)},
                          Case{{1920, 1080}, busy}}) {
        const QSize size = c.size;
        raft::Simulation sim(c.config);
        ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(60'000)));
        // One view paints both pictures: two views of the same world can differ by a
        // shade where text is drawn (the glyph caches they meet first differ).
        ClusterView partial;
        ClusterView &whole = partial;
        partial.resize(size);
        partial.setSimulation(&sim);
        QImage kept(size, QImage::Format_ARGB32_Premultiplied);
        QImage fresh(size, QImage::Format_ARGB32_Premultiplied);
        double display = static_cast<double>(sim.now());
        int partialFrames = 0;
        int partialWithEvents = 0;
        qint64 partialPixels = 0;
        for (int frame = 0; frame < 120; ++frame) {
            SCOPED_TRACE(testing::Message() << size.width() << "x" << size.height() << ", frame " << frame);
            // A few milliseconds of virtual time a frame: most frames only move
            // messages and timers, some process an event (a delivery, a heartbeat).
            display += 7.5 * static_cast<double>(raft::kTicksPerMs);
            if (frame % 10 == 5 && sim.leader())
                (void)sim.request(*sim.leader(), "set x " + std::to_string(frame));
            if (frame == 60)
                (void)sim.apply(raft::act::Pause{sim.leader() == 2 ? 3 : 2});
            const std::uint64_t steps = sim.stepCount();
            sim.advanceTo(static_cast<raft::Time>(std::floor(display)));
            partial.setDisplayTime(display);
            const QRegion region = partial.pendingRepaint();
            if (!covers(region, partial.rect())) {
                ++partialFrames;
                partialPixels += area(region);
                if (sim.stepCount() != steps)
                    ++partialWithEvents; // deliveries, appends, commits
            }
            // (render() puts the region's bounding rectangle at the offset given.)
            partial.render(&kept, region.boundingRect().topLeft(), region, QWidget::DrawChildren);
            // The whole frame, painted again: what a whole repaint shows.
            whole.render(&fresh, QPoint(), QRegion(), QWidget::DrawChildren);
            ASSERT_EQ(kept, fresh) << "they differ in " << [&] {
                const QRect box = differing(kept, fresh);
                return std::to_string(box.x()) + "," + std::to_string(box.y()) + " " + std::to_string(box.width())
                    + "x" + std::to_string(box.height()) + "; the frame repainted "
                    + std::to_string(region.boundingRect().x()) + "," + std::to_string(region.boundingRect().y())
                    + " " + std::to_string(region.boundingRect().width()) + "x"
                    + std::to_string(region.boundingRect().height());
            }();
        }
        // Most frames were partial, and small.
        EXPECT_GT(partialFrames, 60);
        EXPECT_GT(partialWithEvents, 2);
        EXPECT_LT(static_cast<double>(partialPixels) / partialFrames, 0.5 * size.width() * size.height());
    }
}

TEST(ClusterRepaint, AChangeOfTheWorldRepaintsTheWholeView)
{
    raft::Simulation sim(testing_widgets::slowConfig(3));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(60'000)));
    ClusterView view;
    view.resize(800, 600);
    view.setSimulation(&sim);
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    view.render(&image);
    view.setDisplayTime(view.displayTime() + 0.25 * static_cast<double>(raft::kTicksPerMs));
    EXPECT_FALSE(covers(view.pendingRepaint(), view.rect())) << "only time moved " << view.pendingRepaint().rectCount() << " " << view.pendingRepaint().boundingRect().width();
    view.render(&image, view.pendingRepaint().boundingRect().topLeft(), view.pendingRepaint());
    // A client request only grows a log and sends messages: still partial.
    (void)sim.request(*sim.leader(), "set y 2");
    view.setDisplayTime(view.displayTime() + 0.25 * static_cast<double>(raft::kTicksPerMs));
    EXPECT_FALSE(covers(view.pendingRepaint(), view.rect())) << "a client request";
    view.render(&image, view.pendingRepaint().boundingRect().topLeft(), view.pendingRepaint());
    (void)sim.apply(raft::act::Crash{1});
    view.setDisplayTime(view.displayTime());
    EXPECT_TRUE(covers(view.pendingRepaint(), view.rect())) << "a server crashed";
    view.render(&image, view.pendingRepaint().boundingRect().topLeft(), view.pendingRepaint());
    // Going back in time repaints everything too.
    view.setDisplayTime(view.displayTime() - 1);
    EXPECT_TRUE(covers(view.pendingRepaint(), view.rect()));
}

// The fit reserves the log line for logs of as many digits as the longest has: short
// logs leave room for larger discs, and the frame in which the longest log reaches 10
// entries lays the picture out again, whole.
TEST(ClusterRepaint, ALogThatGainsADigitLaysThePictureOutAgainWhole)
{
    raft::Simulation sim(testing_widgets::slowConfig(5));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(60'000)));
    ClusterView view;
    // As in presentation mode on a 1080p projector, where the labels' 24 px text
    // decides how large the discs can be.
    view.setPresentation(true);
    view.resize(1920, 600);
    view.setSimulation(&sim);
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    view.render(&image);
    const qreal shortLogs = view.nodeRadius();
    const auto longest = [&] {
        raft::Index n = 0;
        for (raft::NodeId id = 1; id <= sim.size(); ++id)
            n = std::max(n, sim.log(id).lastIndex());
        return n;
    };
    int wholeFrames = 0;
    for (int i = 0; i < 200 && longest() < 10; ++i) {
        const raft::Index before = longest();
        if (const auto leader = sim.leader())
            (void)sim.request(*leader, "set k " + std::to_string(i));
        sim.runFor(raft::fromMs(20));
        view.setDisplayTime(static_cast<double>(sim.now()));
        if (before < 10 && longest() >= 10) {
            EXPECT_TRUE(covers(view.pendingRepaint(), view.rect())) << "the frame the log reached 10 entries";
            ++wholeFrames;
        }
        view.render(&image, view.pendingRepaint().boundingRect().topLeft(), view.pendingRepaint());
    }
    ASSERT_EQ(wholeFrames, 1) << "the longest log reached 10 entries";
    EXPECT_LT(view.nodeRadius(), shortLogs) << "a wider log line leaves smaller discs";
}
