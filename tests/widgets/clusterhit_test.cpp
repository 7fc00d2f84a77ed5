// The cluster picture's pure interaction geometry: the partition's walls and lanes
// (ClusterNetworkGeometry), what lies under a point (ClusterHit) and the mouse's
// state machine (ClusterDrag). No widget: positions and hit results only.
#include "widgets/clusterdrag.h"
#include "widgets/clusterhit.h"
#include "widgets/clusterlayout.h"
#include "widgets/clusterlegend.h"
#include "widgets/clusternetworkgeometry.h"

#include <gtest/gtest.h>

#include <cmath>
#include <deque>
#include <vector>

using widgets::ClusterDrag;
using widgets::ClusterHit;
using widgets::ClusterLayout;
using widgets::ClusterMessages;
using widgets::ClusterNetworkGeometry;
using Kind = ClusterHit::Kind;
using Link = ClusterNetworkGeometry::Link;
using Partition = ClusterNetworkGeometry::Partition;

namespace {

qreal distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

ClusterLayout fiveServers(QSizeF size = {1280, 720})
{
    const auto text = ClusterLayout::Text::measure(QStringLiteral("S8 crashed"),
                                                   QStringLiteral("log 888 · commit 888"));
    const int nodes = 5;
    return ClusterLayout(ClusterLayout::fit(size, nodes, false, text, &widgets::ClusterLegend::sizeAt), 1, {});
}

/// groups makes the partition groups of five servers: group[i] for S(i+1).
ClusterNetworkGeometry::Groups groups(std::initializer_list<int> of)
{
    ClusterNetworkGeometry::Groups g{};
    int id = 1;
    for (const int group : of)
        g[static_cast<std::size_t>(id++)] = group;
    return g;
}

/// Messages holds envelopes for placed messages to point at.
struct Messages {
    std::deque<raft::Envelope> envelopes;
    std::vector<ClusterMessages::Placed> placed;
    void add(std::uint64_t id, QPointF at)
    {
        raft::Envelope envelope;
        envelope.id = id;
        envelope.message.type = raft::MessageType::AppendEntries;
        envelopes.push_back(envelope);
        placed.push_back({&envelopes.back(), at});
    }
};

} // namespace

// --- ClusterNetworkGeometry ---

TEST(ClusterNetworkGeometry, AWholeNetworkHasNoWalls)
{
    const ClusterNetworkGeometry whole(fiveServers(), groups({0, 0, 0, 0, 0}));
    EXPECT_FALSE(whole.isPartitioned());
    EXPECT_TRUE(whole.walls().empty());
    EXPECT_EQ(whole.hole(), 0);
    EXPECT_FALSE(whole.wallCrossing(1, 3).has_value());
}

TEST(ClusterNetworkGeometry, WallsStandInTheGapsBetweenSides)
{
    const ClusterLayout l = fiveServers();
    const ClusterNetworkGeometry g(l, groups({1, 1, 2, 2, 2}));
    ASSERT_TRUE(g.isPartitioned());
    // S1 S2 | S3 S4 S5: walls after S2 (between S2 and S3) and after S5 (between S5 and S1).
    ASSERT_EQ(g.walls().size(), 2u);
    EXPECT_EQ(g.walls()[0].after, 2);
    EXPECT_EQ(g.walls()[1].after, 5);
    for (const auto &wall : g.walls()) {
        const QPointF dir = l.gapDirection(wall.after);
        EXPECT_NEAR(distance(wall.line.p1(), l.centre() + dir * g.hole()), 0, 1e-6);
        EXPECT_GT(distance(wall.line.p2(), l.centre()), l.sidesRadius()) << "it reaches past the circle";
    }
    // A wall stands between servers of different sides, not within one.
    EXPECT_FALSE(g.wallCrossing(1, 2).has_value());
    EXPECT_FALSE(g.wallCrossing(3, 5).has_value());
    for (const raft::NodeId other : {3, 4, 5}) {
        const auto wall = g.wallCrossing(1, other);
        ASSERT_TRUE(wall.has_value()) << other;
        // It is on the lane, where the lane leaves S1's side: as far from S1's side's
        // nearest server as from the other side's.
        const ClusterLayout::Lane lane = l.lane(1, other);
        const QPointF u = (lane.end - lane.start) / distance(lane.start, lane.end);
        EXPECT_NEAR(std::abs(QPointF::dotProduct(*wall - lane.start, QPointF(-u.y(), u.x()))), 0, 0.01);
        qreal mine = 1e9;
        qreal theirs = 1e9;
        for (raft::NodeId id = 1; id <= 5; ++id)
            (id <= 2 ? mine : theirs) = std::min(id <= 2 ? mine : theirs, distance(*wall, l.nodeCentre(id)));
        EXPECT_NEAR(mine, theirs, 0.5) << other;
    }
    EXPECT_GT(g.wallWidth(), 0);
}

TEST(ClusterNetworkGeometry, ASideThatWrapsAroundAnotherLeavesAHoleInTheMiddle)
{
    const ClusterLayout l = fiveServers();
    // S1 alone between S5 and S2 of the other side: the chord S5 -> S2 passes the
    // centre, so the walls start beyond it.
    const ClusterNetworkGeometry g(l, groups({1, 2, 2, 2, 2}));
    EXPECT_GT(g.hole(), 0);
    EXPECT_LE(g.hole(), l.ring() - l.outer());
    EXPECT_FALSE(g.wallCrossing(5, 2).has_value()) << "S5 -> S2 crosses no wall";
    EXPECT_TRUE(g.wallCrossing(1, 3).has_value());
}

TEST(ClusterNetworkGeometry, LinkHitsPickTheNearerLane)
{
    const ClusterLayout l = fiveServers();
    const ClusterNetworkGeometry g(l, groups({0, 0, 0, 0, 0}));
    const QPointF a = l.nodeCentre(1);
    const QPointF b = l.nodeCentre(2);
    const QPointF middle = (a + b) / 2;
    const QPointF u = (b - a) / distance(a, b);
    const QPointF right(-u.y(), u.x());
    EXPECT_EQ(g.linkAt(middle), (Link{1, 2})) << "on the centre line the lower server first";
    EXPECT_EQ(g.linkAt(middle + right * l.laneOffset()), (Link{1, 2})) << "S1 -> S2 keeps to S1's right";
    EXPECT_EQ(g.linkAt(middle - right * l.laneOffset()), (Link{2, 1}));
    // Outside the ring no other link is near: three lane offsets out is too far.
    const QPointF outward = (middle - l.centre()) / distance(middle, l.centre());
    EXPECT_TRUE(g.linkAt(middle + outward * l.laneOffset() * 1.5).has_value());
    EXPECT_FALSE(g.linkAt(middle + outward * l.laneOffset() * 3).has_value()) << "too far from the line";
    EXPECT_FALSE(g.linkAt(a).has_value()) << "a disc is no link";
}

TEST(ClusterNetworkGeometry, WallHitsAlongTheWallOnly)
{
    const ClusterLayout l = fiveServers();
    const ClusterNetworkGeometry g(l, groups({1, 1, 2, 2, 2}));
    ASSERT_EQ(g.walls().size(), 2u);
    const QLineF wall = g.walls()[0].line;
    const QPointF outer = wall.pointAt(0.95);
    ASSERT_TRUE(g.wallAt(outer).has_value());
    EXPECT_EQ(g.wallAt(outer)->after, 2);
    const QPointF normal(-wall.unitVector().dy(), wall.unitVector().dx());
    EXPECT_FALSE(g.wallAt(outer + normal * (g.wallWidth() * 2 + 4)).has_value());
    EXPECT_FALSE(g.wallAt(l.centre() + (l.centre() - outer)).has_value()) << "the opposite side has no wall";
}

TEST(ClusterNetworkGeometry, DroppingAServerMovesItToASideOrAwayFromAll)
{
    const ClusterLayout l = fiveServers();
    const ClusterNetworkGeometry split(l, groups({1, 1, 2, 2, 2}));
    EXPECT_EQ(split.dropTarget(3, l.nodeCentre(2)), (Partition{{1, 2, 3}, {4, 5}})) << "S3 joins S1 S2";
    EXPECT_EQ(split.dropJoins(3, l.nodeCentre(2)), (std::vector<raft::NodeId>{1, 2}));
    const QPointF away = l.centre() + l.outward(5) * (l.sidesRadius() + 20);
    EXPECT_EQ(split.dropTarget(5, away), (Partition{{1, 2}, {3, 4}, {5}})) << "out of the circle: alone";
    EXPECT_TRUE(split.dropJoins(5, away).empty());
    EXPECT_FALSE(split.dropTarget(1, l.nodeCentre(2)).has_value()) << "its own side changes nothing";
    EXPECT_FALSE(split.dropTarget(1, l.nodeCentre(1)).has_value());

    const ClusterNetworkGeometry whole(l, groups({0, 0, 0, 0, 0}));
    EXPECT_FALSE(whole.dropTarget(3, l.nodeCentre(4)).has_value()) << "inside a whole ring nothing changes";
    EXPECT_EQ(whole.dropTarget(3, l.centre() + l.outward(3) * (l.sidesRadius() + 20)), (Partition{{1, 2, 4, 5}, {3}}));
    const ClusterNetworkGeometry alone(l, groups({1, 1, 1, 1, 2}));
    EXPECT_FALSE(alone.dropTarget(5, l.centre() + l.outward(5) * (l.sidesRadius() + 20)).has_value())
        << "alone already";
}

// --- ClusterHit ---

TEST(ClusterHit, TheFaceOfADiscWinsOverMessagesAndMessagesOverItsRim)
{
    const ClusterLayout l = fiveServers();
    const ClusterNetworkGeometry g(l, groups({0, 0, 0, 0, 0}));
    const QPointF c = l.nodeCentre(3);
    const QPointF rim = c + l.outward(3) * (l.outer() - 1);
    Messages messages;
    messages.add(7, c + l.outward(3) * l.radius() * 0.4); // over the face
    messages.add(8, rim); // over the rim

    const ClusterHit face = ClusterHit::at(c + l.outward(3) * l.radius() * 0.4, g, messages.placed);
    EXPECT_EQ(face.kind, Kind::Node);
    EXPECT_EQ(face.node, 3);
    EXPECT_FALSE(face.onRim);

    const ClusterHit onRim = ClusterHit::at(rim, g, messages.placed);
    EXPECT_EQ(onRim.kind, Kind::Message);
    EXPECT_EQ(onRim.message(), 8u);

    const ClusterHit bare = ClusterHit::at(rim, g, {});
    EXPECT_EQ(bare.kind, Kind::Node);
    EXPECT_EQ(bare.node, 3);
    EXPECT_TRUE(bare.onRim);
}

TEST(ClusterHit, OverlappingMessagesAreAllListedNearestFirst)
{
    const ClusterLayout l = fiveServers();
    const ClusterNetworkGeometry g(l, groups({0, 0, 0, 0, 0}));
    const QPointF at = l.lane(1, 3).at(0.5);
    Messages messages;
    messages.add(10, at); // sent at the same instant on one link: drawn on top of each other
    messages.add(11, at);
    messages.add(12, at + QPointF(3, 0));
    messages.add(13, at + QPointF(ClusterHit::messageReach(l) + 1, 0)); // out of reach
    const ClusterHit hit = ClusterHit::at(at, g, messages.placed);
    EXPECT_EQ(hit.kind, Kind::Message);
    EXPECT_EQ(hit.messages, (std::vector<std::uint64_t>{11, 10, 12})) << "ties: the newer, drawn on top, first";
    EXPECT_EQ(hit.message(), 11u);
}

TEST(ClusterHit, LinksWallsAndBackground)
{
    const ClusterLayout l = fiveServers();
    const ClusterNetworkGeometry g(l, groups({1, 1, 2, 2, 2}));
    const QPointF middle = (l.nodeCentre(1) + l.nodeCentre(3)) / 2;
    const ClusterHit link = ClusterHit::at(middle, g, {});
    EXPECT_EQ(link.kind, Kind::Link);
    EXPECT_EQ(link.link, (Link{1, 3}));

    const ClusterHit wall = ClusterHit::at(g.walls()[0].line.pointAt(0.97), g, {});
    EXPECT_EQ(wall.kind, Kind::Wall);
    EXPECT_EQ(wall.node, 2);

    const ClusterHit empty = ClusterHit::at({3, 3}, g, {});
    EXPECT_TRUE(empty.isBackground());
    EXPECT_EQ(empty.message(), 0u);
}

// --- ClusterDrag ---

namespace {

ClusterHit hitOf(Kind kind, raft::NodeId node = raft::kNoNode)
{
    ClusterHit hit;
    hit.kind = kind;
    hit.node = node;
    if (kind == Kind::Link)
        hit.link = {2, 4};
    return hit;
}

} // namespace

TEST(ClusterDrag, APressWithoutAMoveIsAClick)
{
    ClusterDrag drag;
    drag.press({100, 100}, hitOf(Kind::Background), false);
    EXPECT_EQ(drag.state(), ClusterDrag::State::Pending);
    EXPECT_FALSE(drag.move({102, 101})) << "under the threshold";
    auto release = drag.release({102, 101});
    EXPECT_EQ(release.kind, ClusterDrag::Release::Kind::ClickedEmpty);
    EXPECT_FALSE(drag.isActive());

    drag.press({100, 100}, hitOf(Kind::Link), false);
    release = drag.release({100, 100});
    EXPECT_EQ(release.kind, ClusterDrag::Release::Kind::ClickedLink);
    EXPECT_EQ(release.link, (Link{2, 4}));

    drag.press({100, 100}, hitOf(Kind::Node, 3), false);
    EXPECT_EQ(drag.state(), ClusterDrag::State::PendingNode);
    release = drag.release({101, 100});
    EXPECT_EQ(release.kind, ClusterDrag::Release::Kind::ClickedNode);
    EXPECT_EQ(release.node, 3);

    drag.press({100, 100}, hitOf(Kind::Message), false);
    EXPECT_FALSE(drag.isActive()) << "a message is selected at once, not dragged";
    drag.press({100, 100}, hitOf(Kind::Node, 3), true);
    EXPECT_FALSE(drag.isActive()) << "Ctrl-click on a server only toggles it";
}

TEST(ClusterDrag, MovingPastTheThresholdStartsARubberBandOrAServerDrag)
{
    ClusterDrag drag;
    drag.press({100, 100}, hitOf(Kind::Wall, 2), true);
    EXPECT_TRUE(drag.move({100 + ClusterDrag::kThreshold, 100})) << "the band starts";
    EXPECT_EQ(drag.state(), ClusterDrag::State::RubberBand);
    EXPECT_FALSE(drag.move({150, 60})) << "and goes on";
    EXPECT_EQ(drag.band(), QRectF(100, 60, 50, 40));
    auto release = drag.release({160, 50});
    EXPECT_EQ(release.kind, ClusterDrag::Release::Kind::RubberBand);
    EXPECT_EQ(release.band, QRectF(100, 50, 60, 50));
    EXPECT_TRUE(release.adds);

    drag.press({100, 100}, hitOf(Kind::Node, 4), false);
    EXPECT_FALSE(drag.move({100 + ClusterDrag::kThreshold, 100})) << "a server needs a longer move";
    EXPECT_TRUE(drag.move({100, 100 + ClusterDrag::kNodeThreshold}));
    EXPECT_TRUE(drag.isDraggingNode());
    release = drag.release({300, 200});
    EXPECT_EQ(release.kind, ClusterDrag::Release::Kind::DroppedNode);
    EXPECT_EQ(release.node, 4);
    EXPECT_EQ(release.pos, QPointF(300, 200));
}

TEST(ClusterDrag, PanFollowsThePointerAndCancelEndsAnything)
{
    ClusterDrag drag;
    drag.startPan({10, 10}, {5, 5});
    drag.move({40, -10});
    EXPECT_EQ(drag.pan(), QPointF(35, -15));
    EXPECT_EQ(drag.release({40, -10}).kind, ClusterDrag::Release::Kind::Panned);

    drag.press({0, 0}, hitOf(Kind::Node, 1), false);
    drag.move({50, 0});
    drag.cancel();
    EXPECT_FALSE(drag.isActive());
    EXPECT_EQ(drag.release({50, 0}).kind, ClusterDrag::Release::Kind::Nothing);
}
