// ClusterLayout: where the servers, their labels, the lanes and the legend go, as pure
// geometry (no widget): positions for 1..9 servers, and at every size from 1024×768 to
// 3840×2160 everything fits and nothing covers anything else.
#include "widgets/clusterlayout.h"
#include "widgets/clusterlegend.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using widgets::ClusterLayout;

namespace {

constexpr double kPi = 3.14159265358979323846;

qreal distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

/// text measures the labels' samples as the view does (in English).
ClusterLayout::Text text()
{
    return ClusterLayout::Text::measure(QStringLiteral("S8 crashed"), QStringLiteral("log 888 · commit 888"));
}

ClusterLayout layoutFor(QSizeF size, int nodes, bool legend = true, double zoom = 1, QPointF pan = {})
{
    return ClusterLayout(ClusterLayout::fit(size, nodes, legend, text(), &widgets::ClusterLegend::sizeAt), zoom, pan);
}

/// overlaps tells whether two boxes share more than a sliver (labels are placed on
/// whole pixels, so a box may round into its neighbour by under a pixel).
bool overlaps(const QRectF &a, const QRectF &b)
{
    const QRectF common = a.intersected(b);
    return common.width() > 1 && common.height() > 1;
}

bool discsOverlap(QPointF a, QPointF b, qreal outer)
{
    return distance(a, b) < 2 * outer;
}

/// discOverlapsBox: the disc of radius r about c covers part of box.
bool discOverlapsBox(QPointF c, qreal r, const QRectF &box)
{
    const qreal x = std::clamp(c.x(), box.left(), box.right());
    const qreal y = std::clamp(c.y(), box.top(), box.bottom());
    return distance(c, QPointF(x, y)) < r - 1;
}

std::string where(QSizeF size, int nodes, bool legend)
{
    return std::to_string(static_cast<int>(size.width())) + "x" + std::to_string(static_cast<int>(size.height())) + ", "
        + std::to_string(nodes) + " servers" + (legend ? ", legend" : "");
}

} // namespace

TEST(ClusterLayout, ServersStartAtTwelveOClockAndGoClockwise)
{
    const QSizeF size(1600, 900);
    for (int nodes = 3; nodes <= raft::kMaxNodes; ++nodes) {
        const ClusterLayout l = layoutFor(size, nodes, false);
        EXPECT_NEAR(l.centre().x(), 800, 1e-9) << nodes;
        EXPECT_NEAR(l.centre().y(), 450, 1e-9) << nodes;
        // S1 straight above the centre.
        EXPECT_NEAR(l.nodeCentre(1).x(), l.centre().x(), 1e-6) << nodes;
        EXPECT_NEAR(l.nodeCentre(1).y(), l.centre().y() - l.ring(), 1e-6) << nodes;
        for (raft::NodeId id = 1; id <= nodes; ++id) {
            const QPointF c = l.nodeCentre(id);
            EXPECT_NEAR(distance(c, l.centre()), l.ring(), 1e-6) << "S" << id << " of " << nodes;
            // Clockwise with y down: the angle grows by a full turn over n.
            const double angle = std::atan2(c.y() - l.centre().y(), c.x() - l.centre().x());
            const double expected = -kPi / 2 + 2 * kPi * (id - 1) / nodes;
            EXPECT_NEAR(std::remainder(angle - expected, 2 * kPi), 0, 1e-9) << "S" << id << " of " << nodes;
            EXPECT_NEAR(distance(l.outward(id), QPointF()), 1, 1e-9);
        }
        EXPECT_GT(l.nodeCentre(2).x(), l.nodeCentre(1).x()) << "S2 is right of S1: clockwise";
    }
}

TEST(ClusterLayout, OneServerSitsInTheMiddleAndTwoSideBySide)
{
    const ClusterLayout one = layoutFor({1280, 720}, 1, false);
    EXPECT_EQ(one.ring(), 0);
    EXPECT_EQ(one.nodeCentre(1), one.centre());
    EXPECT_EQ(one.nodeCentre(2), QPointF()) << "no such server";
    EXPECT_FALSE(one.contains(2));

    const ClusterLayout two = layoutFor({1280, 720}, 2, false);
    EXPECT_NEAR(two.nodeCentre(1).y(), two.centre().y(), 1e-6);
    EXPECT_NEAR(two.nodeCentre(2).y(), two.centre().y(), 1e-6);
    EXPECT_LT(two.nodeCentre(1).x(), two.centre().x()) << "S1 on the left";
    EXPECT_GT(two.nodeCentre(2).x(), two.centre().x());
}

TEST(ClusterLayout, EverythingFitsAndNothingOverlapsFrom1024x768To3840x2160)
{
    const std::vector<QSizeF> sizes{{1024, 768},  {1280, 720},  {1366, 768}, {1600, 900},
                                    {1920, 1080}, {2560, 1440}, {3840, 2160}};
    for (const QSizeF &size : sizes) {
        for (const bool legend : {true, false}) {
            for (int nodes = 1; nodes <= raft::kMaxNodes; ++nodes) {
                const ClusterLayout l = layoutFor(size, nodes, legend);
                const std::string at = where(size, nodes, legend);
                const QRectF bounds = l.bounds();
                EXPECT_GT(l.radius(), 20) << at << ": discs big enough for the term and the log line";
                EXPECT_EQ(l.legendShown(), legend) << at << ": a legend fits at these sizes";
                std::vector<QRectF> labels;
                for (raft::NodeId id = 1; id <= nodes; ++id)
                    labels.push_back(l.labelBox(id, l.reservedLabelSize()));
                for (raft::NodeId id = 1; id <= nodes; ++id) {
                    const QPointF c = l.nodeCentre(id);
                    const QRectF label = labels[static_cast<std::size_t>(id - 1)];
                    EXPECT_TRUE(bounds.contains(l.discBox(id))) << at << ": S" << id << "'s disc";
                    EXPECT_TRUE(bounds.adjusted(-1, -1, 1, 1).contains(label)) << at << ": S" << id << "'s label";
                    if (l.legendShown()) {
                        EXPECT_FALSE(overlaps(l.legendRect(), l.discBox(id))) << at << ": legend over S" << id;
                        EXPECT_FALSE(overlaps(l.legendRect(), label)) << at << ": legend over S" << id << "'s label";
                    }
                    for (raft::NodeId other = 1; other <= nodes; ++other) {
                        EXPECT_FALSE(discOverlapsBox(l.nodeCentre(other), l.outer(), label))
                            << at << ": S" << id << "'s label over S" << other << "'s disc";
                        if (other == id)
                            continue;
                        EXPECT_FALSE(discsOverlap(c, l.nodeCentre(other), l.outer()))
                            << at << ": S" << id << " and S" << other;
                        EXPECT_FALSE(overlaps(label, labels[static_cast<std::size_t>(other - 1)]))
                            << at << ": labels of S" << id << " and S" << other;
                    }
                }
            }
        }
    }
}

TEST(ClusterLayout, DiscsGrowWithTheWidget)
{
    qreal previous = 0;
    for (const QSizeF size : {QSizeF(1024, 768), QSizeF(1920, 1080), QSizeF(3840, 2160)}) {
        const ClusterLayout l = layoutFor(size, 9);
        EXPECT_GT(l.radius(), previous * 1.3) << size.width();
        previous = l.radius();
    }
}

TEST(ClusterLayout, ZoomScalesAboutTheCentreAndPanMovesEverything)
{
    const auto fit = ClusterLayout::fit({1280, 720}, 5, false, text(), &widgets::ClusterLegend::sizeAt);
    const ClusterLayout plain(fit, 1, {});
    const ClusterLayout zoomed(fit, 2, {});
    const ClusterLayout panned(fit, 1, {30, -20});
    EXPECT_NEAR(zoomed.radius(), 2 * plain.radius(), 1e-9);
    EXPECT_NEAR(zoomed.ring(), 2 * plain.ring(), 1e-9);
    for (raft::NodeId id = 1; id <= 5; ++id) {
        EXPECT_NEAR(distance(zoomed.nodeCentre(id), zoomed.centre()), 2 * plain.ring(), 1e-6);
        EXPECT_NEAR(panned.nodeCentre(id).x(), plain.nodeCentre(id).x() + 30, 1e-9);
        EXPECT_NEAR(panned.nodeCentre(id).y(), plain.nodeCentre(id).y() - 20, 1e-9);
    }
}

TEST(ClusterLayout, LanesKeepToTheRightAndEndAtTheDoors)
{
    const ClusterLayout l = layoutFor({1280, 720}, 5, false);
    const QPointF a = l.nodeCentre(1);
    const QPointF b = l.nodeCentre(3);
    const ClusterLayout::Lane there = l.lane(1, 3);
    const ClusterLayout::Lane back = l.lane(3, 1);
    const QPointF u = (b - a) / distance(a, b);
    const QPointF right(-u.y(), u.x());
    // Each lane runs parallel to the centre line, laneOffset() to its right.
    EXPECT_NEAR(QPointF::dotProduct(there.start - a, right), l.laneOffset(), 1e-6);
    EXPECT_NEAR(QPointF::dotProduct(there.end - a, right), l.laneOffset(), 1e-6);
    EXPECT_NEAR(QPointF::dotProduct(back.start - a, right), -l.laneOffset(), 1e-6);
    // It starts and ends just outside the discs' drawing, at the doors.
    const qreal door = l.outer() + l.messageSize() * ClusterLayout::kDoor;
    EXPECT_NEAR(distance(there.start, a), door, 1e-6);
    EXPECT_NEAR(distance(there.end, b), door, 1e-6);
    EXPECT_EQ(there.at(0), there.start);
    EXPECT_EQ(there.at(1), there.end);
    // Waiting messages queue back from the door, evenly, at most one message size and a
    // bit apart, and within the receiver's half of the lane (off the sender's disc).
    EXPECT_EQ(l.doorQueue(1, 3, 0), there.end);
    const qreal step = distance(l.doorQueue(1, 3, 1), there.end);
    EXPECT_NEAR(distance(l.doorQueue(1, 3, 2), there.end), 2 * step, 1e-6);
    EXPECT_LE(step, l.messageSize() * ClusterLayout::kQueueSpacing + 1e-6);
    EXPECT_LE(distance(l.doorQueue(1, 3, ClusterLayout::kQueuePlaces), there.end),
              distance(there.start, there.end) / 2);
    EXPECT_LT(distance(l.doorQueue(1, 3, 2), a), distance(there.end, a));
}

TEST(ClusterLayout, HitsOnDiscsAndSlices)
{
    const ClusterLayout l = layoutFor({1280, 720}, 5, false);
    for (raft::NodeId id = 1; id <= 5; ++id) {
        const QPointF c = l.nodeCentre(id);
        EXPECT_EQ(l.nodeAt(c), id);
        EXPECT_EQ(l.innerNodeAt(c), id);
        const QPointF rim = c + l.outward(id) * (l.outer() - 1);
        EXPECT_EQ(l.nodeAt(rim), id) << "the rim belongs to the server";
        EXPECT_EQ(l.innerNodeAt(rim), raft::kNoNode) << "but not its face";
        EXPECT_EQ(l.sliceOwner(c + l.outward(id) * l.radius() * 0.5), id);
    }
    EXPECT_EQ(l.nodeAt(l.centre()), raft::kNoNode);
    EXPECT_EQ(l.sliceOwner(l.centre() + QPointF(l.sidesRadius() + 1, 0)), raft::kNoNode) << "out of the circle";
    // The gap after S1 lies halfway between S1 and S2.
    const QPointF half = (l.outward(1) + l.outward(2)) / 2;
    EXPECT_NEAR(distance(l.gapDirection(1), half / distance(half, QPointF())), 0, 1e-9);
}

TEST(ClusterLayout, CaptionsStayInsideTheWidget)
{
    const ClusterLayout l = layoutFor({800, 600}, 5, false);
    const QSizeF size(200, 40);
    EXPECT_EQ(l.captionBox({400, 300}, size), QRectF(300, 280, 200, 40));
    const QRectF corner = l.captionBox({0, 600}, size);
    EXPECT_EQ(corner.topLeft(), QPointF(ClusterLayout::kCaptionMargin, 600 - 40 - ClusterLayout::kCaptionMargin));
    EXPECT_TRUE(l.bounds().contains(l.captionBox({10000, -50}, size)));
}

TEST(ClusterLayout, MemberLinesGetRoomWhereTheirServersStand)
{
    // A learner's, spare's or removed server's label has a line more (§6). The fit
    // makes room for it where that server stands: the discs shrink rather than let the
    // label leave the widget. Where even the smallest discs leave no room, the fit is
    // the one without member lines and the label moves inside the widget.
    const ClusterLayout::Text measured = ClusterLayout::Text::measure(
        QStringLiteral("S8 crashed"), QStringLiteral("log 888 · commit 888"),
        {QStringLiteral("removed: C_old,new leaves it out"), QStringLiteral("catching up 888/888")});
    ClusterLayout::MemberLines lines{};
    lines[3] = true; // at the bottom right of five
    for (const QSizeF size : {QSizeF(960, 220), QSizeF(1280, 720), QSizeF(1920, 400), QSizeF(700, 110)}) {
        SCOPED_TRACE(std::to_string(static_cast<int>(size.width())) + "x"
                     + std::to_string(static_cast<int>(size.height())));
        const auto fit = ClusterLayout::fit(size, 5, false, measured, {}, {}, {}, lines);
        const ClusterLayout l(fit, 1, {});
        const ClusterLayout plain(ClusterLayout::fit(size, 5, false, measured, {}), 1, {});
        EXPECT_EQ(fit.memberLines, lines) << "the fit says which lines it was asked for, room or not";
        EXPECT_LE(l.radius(), plain.radius());
        EXPECT_GT(l.reservedLabelSize(3).height(), l.reservedLabelSize(2).height());
        EXPECT_EQ(l.reservedLabelSize(2), l.reservedLabelSize());
        for (raft::NodeId id = 1; id <= 5; ++id)
            EXPECT_TRUE(l.bounds().contains(l.labelBox(id, l.reservedLabelSize(id)))) << "S" << id;
        // Zoomed in, labels go out of view with their discs.
        const ClusterLayout zoomed(fit, 4, {});
        if (size.height() >= 220) {
            EXPECT_FALSE(zoomed.bounds().intersects(zoomed.labelBox(3, zoomed.reservedLabelSize(3))));
        }
    }
}
