#include "widgets/clusternetworkgeometry.h"

#include "raft/network.h"
#include "widgets/clustervector.h"

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

using vec::kPi;
using vec::length;

/// kCrossingSamples: steps along a lane when looking for where it leaves its side.
constexpr int kCrossingSamples = 64;
/// kCrossingBisections: halvings that then pin the edge down.
constexpr int kCrossingBisections = 16;

qreal cross(QPointF u, QPointF v)
{
    return u.x() * v.y() - u.y() * v.x();
}

} // namespace

ClusterNetworkGeometry::Groups ClusterNetworkGeometry::groupsOf(const raft::Network &network, int nodes)
{
    Groups groups{};
    for (raft::NodeId id = 1; id <= std::min(nodes, raft::kMaxNodes); ++id)
        groups[static_cast<std::size_t>(id)] = network.groupOf(id);
    return groups;
}

ClusterNetworkGeometry::ClusterNetworkGeometry(const ClusterLayout &layout, const Groups &groups)
    : m_layout(layout)
    , m_groups(groups)
{
    const int n = layout.nodes();
    for (raft::NodeId id = 2; id <= n; ++id)
        m_partitioned = m_partitioned || groupOf(id) != groupOf(1);
    if (!m_partitioned || n < 2)
        return;
    // A wall stands in each gap between ring neighbours of different sides, as a ray
    // from the centre. Where a message between two servers of one side would cross
    // one (a side that wraps around a smaller one), the walls start further out.
    const QPointF centre = layout.centre();
    const qreal margin = layout.laneOffset() + layout.messageSize();
    qreal hole = 0;
    for (raft::NodeId id = 1; id <= n; ++id) {
        const raft::NodeId next = id % n + 1;
        if (groupOf(id) == groupOf(next))
            continue;
        const QPointF dir = layout.gapDirection(id);
        for (raft::NodeId a = 1; a <= n; ++a) {
            for (raft::NodeId b = a + 1; b <= n; ++b) {
                if (groupOf(a) != groupOf(b))
                    continue;
                const QPointF start = layout.nodeCentre(a);
                const QPointF edge = layout.nodeCentre(b) - start;
                const qreal denominator = cross(dir, edge);
                if (std::abs(denominator) < 1e-9)
                    continue;
                const QPointF rel = start - centre;
                const qreal along = cross(rel, edge) / denominator; // distance on the ray
                const qreal at = cross(rel, dir) / denominator; // fraction on the chord
                if (along > 0 && at >= 0 && at <= 1)
                    hole = std::max(hole, along + margin);
            }
        }
    }
    m_hole = std::min(hole, layout.ring() - layout.outer());

    const qreal end = layout.sidesRadius() + layout.radius() * kWallOverhang;
    for (raft::NodeId id = 1; id <= n; ++id) {
        const raft::NodeId next = id % n + 1;
        if (groupOf(id) == groupOf(next))
            continue;
        const QPointF dir = layout.gapDirection(id);
        m_walls.push_back({id, QLineF(centre + dir * m_hole, centre + dir * end)});
    }
    for (raft::NodeId from = 1; from <= n; ++from)
        for (raft::NodeId to = 1; to <= n; ++to)
            if (from != to && groupOf(from) != groupOf(to))
                m_crossings[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)] = findCrossing(from, to);
}

int ClusterNetworkGeometry::groupOf(raft::NodeId id) const
{
    return m_layout.contains(id) ? m_groups[static_cast<std::size_t>(id)] : 0;
}

qreal ClusterNetworkGeometry::wallWidth() const
{
    return std::max<qreal>(kWallWidthMin, m_layout.radius() * kWallWidth);
}

std::optional<QPointF> ClusterNetworkGeometry::findCrossing(raft::NodeId from, raft::NodeId to) const
{
    // Walk the lane until it leaves the sender's side (the hole in the middle is no
    // one's), then find the edge by bisection.
    const int group = groupOf(from);
    const ClusterLayout::Lane path = m_layout.lane(from, to);
    const QPointF centre = m_layout.centre();
    const auto inside = [&](QPointF p) {
        if (length(p - centre) < m_hole)
            return true;
        const raft::NodeId owner = m_layout.sliceOwner(p);
        return owner != raft::kNoNode && groupOf(owner) == group;
    };
    if (!inside(path.start))
        return path.start;
    QPointF previous = path.start;
    for (int i = 1; i <= kCrossingSamples; ++i) {
        const QPointF p = path.at(static_cast<double>(i) / kCrossingSamples);
        if (!inside(p)) {
            QPointF lo = previous;
            QPointF hi = p;
            for (int k = 0; k < kCrossingBisections; ++k) {
                const QPointF mid = (lo + hi) / 2;
                (inside(mid) ? lo : hi) = mid;
            }
            return (lo + hi) / 2;
        }
        previous = p;
    }
    return (path.start + path.end) / 2;
}

std::optional<QPointF> ClusterNetworkGeometry::wallCrossing(raft::NodeId from, raft::NodeId to) const
{
    if (!m_layout.contains(from) || !m_layout.contains(to) || from == to)
        return {};
    return m_crossings[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
}

QPainterPath ClusterNetworkGeometry::sidePath(const std::vector<raft::NodeId> &nodes) const
{
    const ClusterLayout &l = m_layout;
    const qreal big = l.sidesRadius();
    const QRectF box(l.centre() - QPointF(big, big), QSizeF(2 * big, 2 * big));
    const double half = 180.0 / std::max(l.nodes(), 1);
    QPainterPath path;
    for (const raft::NodeId id : nodes) {
        if (!l.contains(id))
            continue;
        const QPointF out = l.outward(id);
        // Screen angles grow clockwise (y points down); Qt's arcs count counter-clockwise.
        const double angle = std::atan2(out.y(), out.x()) * 180.0 / kPi;
        QPainterPath slice;
        slice.moveTo(l.centre());
        slice.arcTo(box, -(angle - half), -2 * half);
        slice.closeSubpath();
        path = path.isEmpty() ? slice : path.united(slice);
    }
    if (m_hole > 0 && !path.isEmpty()) {
        QPainterPath middle;
        middle.addEllipse(l.centre(), m_hole, m_hole);
        path = path.subtracted(middle);
    }
    return path;
}

std::optional<ClusterNetworkGeometry::Link> ClusterNetworkGeometry::linkAt(QPointF pos) const
{
    const ClusterLayout &l = m_layout;
    const qreal tolerance = std::max<qreal>(l.laneOffset() * kLinkTolerance, kLinkToleranceMin);
    std::optional<Link> best;
    qreal bestDistance = tolerance;
    for (raft::NodeId a = 1; a <= l.nodes(); ++a) {
        for (raft::NodeId b = a + 1; b <= l.nodes(); ++b) {
            const QPointF start = l.nodeCentre(a);
            const QPointF d = l.nodeCentre(b) - start;
            const qreal len = length(d);
            if (len <= 2 * l.outer())
                continue;
            const QPointF u = d / len;
            const QPointF side(-u.y(), u.x());
            const QPointF rel = pos - start;
            const qreal along = QPointF::dotProduct(rel, u);
            const qreal across = QPointF::dotProduct(rel, side);
            if (along < l.outer() || along > len - l.outer())
                continue;
            if (std::abs(across) < bestDistance) {
                bestDistance = std::abs(across);
                // Messages a -> b keep to a's right: the lane on the positive side.
                best = across < -l.laneOffset() * 0.25 ? Link{b, a} : Link{a, b};
            }
        }
    }
    return best;
}

std::optional<ClusterNetworkGeometry::Wall> ClusterNetworkGeometry::wallAt(QPointF pos) const
{
    const qreal reach = wallWidth() / 2 + 2;
    std::optional<Wall> best;
    qreal bestDistance = reach;
    for (const Wall &wall : m_walls) {
        const QPointF d = wall.line.p2() - wall.line.p1();
        const qreal len2 = QPointF::dotProduct(d, d);
        if (len2 <= 0)
            continue;
        const qreal t = std::clamp(QPointF::dotProduct(pos - wall.line.p1(), d) / len2, 0.0, 1.0);
        const qreal distance = length(pos - (wall.line.p1() + d * t));
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = wall;
        }
    }
    return best;
}

std::optional<ClusterNetworkGeometry::Partition> ClusterNetworkGeometry::dropTarget(raft::NodeId id, QPointF pos) const
{
    const int n = m_layout.nodes();
    if (n < 2 || !m_layout.contains(id))
        return {};
    Groups group = m_groups;
    int highest = 0;
    for (raft::NodeId node = 1; node <= n; ++node)
        highest = std::max(highest, group[static_cast<std::size_t>(node)]);
    const raft::NodeId owner = m_layout.sliceOwner(pos);
    const int current = group[static_cast<std::size_t>(id)];
    int target = 0;
    if (owner == raft::kNoNode) {
        // Out of the circle: a side of its own, unless it is alone already.
        int members = 0;
        for (raft::NodeId node = 1; node <= n; ++node)
            members += group[static_cast<std::size_t>(node)] == current ? 1 : 0;
        if (members == 1)
            return {};
        target = highest + 1;
    } else {
        target = group[static_cast<std::size_t>(owner)];
        if (owner == id || target == current)
            return {};
    }
    group[static_cast<std::size_t>(id)] = target;
    Partition groups;
    std::vector<int> order;
    for (raft::NodeId node = 1; node <= n; ++node) {
        const int g = group[static_cast<std::size_t>(node)];
        const auto it = std::find(order.begin(), order.end(), g);
        if (it == order.end()) {
            order.push_back(g);
            groups.push_back({node});
        } else {
            groups[static_cast<std::size_t>(it - order.begin())].push_back(node);
        }
    }
    return groups;
}

std::vector<raft::NodeId> ClusterNetworkGeometry::dropJoins(raft::NodeId id, QPointF pos) const
{
    std::vector<raft::NodeId> joined;
    if (const auto target = dropTarget(id, pos))
        for (const auto &group : *target)
            if (std::find(group.begin(), group.end(), id) != group.end())
                for (const raft::NodeId node : group)
                    if (node != id)
                        joined.push_back(node);
    return joined;
}

} // namespace widgets
