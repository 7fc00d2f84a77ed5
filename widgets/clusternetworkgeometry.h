#pragma once

#include "raft/types.h"
#include "widgets/clusterlayout.h"

#include <QLineF>
#include <QPainterPath>
#include <QPointF>

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace raft {
class Network;
}

namespace widgets {

/// ClusterNetworkGeometry is the picture of the network's partition on a layout: the
/// slice of the sides' circle each server owns, the walls between ring neighbours of
/// different groups, where each message lane meets a wall, which link lane a point is
/// on, and what dropping a dragged server somewhere would make of the groups. It is
/// pure geometry over a ClusterLayout and the partition groups (QtGui value types
/// only), computed once when either changes.
class ClusterNetworkGeometry {
public:
    /// Link is one direction of the link between two servers: from -> to.
    using Link = std::pair<raft::NodeId, raft::NodeId>;
    /// Groups is each server's partition group (index 1..9; equal numbers: one side).
    using Groups = std::array<int, raft::kMaxNodes + 1>;
    /// Partition is a list of groups, each sorted, in order of their first server.
    using Partition = std::vector<std::vector<raft::NodeId>>;

    ClusterNetworkGeometry() = default;
    /// ClusterNetworkGeometry places the walls of `groups` on `layout`.
    ClusterNetworkGeometry(const ClusterLayout &layout, const Groups &groups);
    /// groupsOf reads each server's group from a network.
    static Groups groupsOf(const raft::Network &network, int nodes);

    const ClusterLayout &layout() const { return m_layout; }
    int groupOf(raft::NodeId id) const;
    /// isPartitioned: the servers are in more than one group.
    bool isPartitioned() const { return m_partitioned; }
    /// hole is the radius of the untinted disc in the middle where the walls start:
    /// big enough that no lane between servers of one side crosses a wall.
    qreal hole() const { return m_hole; }
    /// sidePath is the area of the slices of these servers, less the hole.
    QPainterPath sidePath(const std::vector<raft::NodeId> &nodes) const;
    /// Wall is one wall: it stands in the gap after server `after` (clockwise).
    struct Wall {
        raft::NodeId after = raft::kNoNode;
        QLineF line;
    };
    /// walls lists the walls, from the hole to a little past the sides' circle.
    const std::vector<Wall> &walls() const { return m_walls; }
    /// wallWidth is how thick a wall is drawn.
    qreal wallWidth() const;
    /// wallCrossing is where the lane from -> to meets a wall, if one stands between them.
    std::optional<QPointF> wallCrossing(raft::NodeId from, raft::NodeId to) const;

    /// linkAt is the link direction under pos (outside the discs), if any: the pair
    /// whose centre line is nearest, and of its two lanes the nearer one (on the
    /// centre line itself, the lower server first).
    std::optional<Link> linkAt(QPointF pos) const;
    /// wallAt is the wall under pos (within its width and a little more), if any.
    std::optional<Wall> wallAt(QPointF pos) const;

    /// dropTarget is what dropping server id at pos would make of the groups, or
    /// nothing if it changes nothing: on the slice of a server of another side it joins
    /// that side; out of the sides' circle it gets a side of its own (unless alone).
    std::optional<Partition> dropTarget(raft::NodeId id, QPointF pos) const;
    /// dropJoins lists the servers id would share a side with if dropped at pos
    /// (empty: no change, or a side of its own).
    std::vector<raft::NodeId> dropJoins(raft::NodeId id, QPointF pos) const;

    /// kLinkTolerance: how far from a link's centre line a point still hits it, in
    /// lane offsets (at least kLinkToleranceMin px).
    static constexpr qreal kLinkTolerance = 1.8;
    static constexpr qreal kLinkToleranceMin = 7;
    /// kWallWidth, kWallWidthMin: a wall's thickness, of the disc radius (px floor).
    static constexpr qreal kWallWidth = 0.2;
    static constexpr qreal kWallWidthMin = 4;
    /// kWallOverhang: how far a wall reaches past the sides' circle, of the radius.
    static constexpr qreal kWallOverhang = 0.3;

private:
    std::optional<QPointF> findCrossing(raft::NodeId from, raft::NodeId to) const;

    ClusterLayout m_layout;
    Groups m_groups{};
    bool m_partitioned = false;
    qreal m_hole = 0;
    std::vector<Wall> m_walls;
    std::array<std::array<std::optional<QPointF>, raft::kMaxNodes + 1>, raft::kMaxNodes + 1> m_crossings{};
};

} // namespace widgets
