#pragma once

#include "raft/types.h"
#include "widgets/clustermessages.h"
#include "widgets/clusternetworkgeometry.h"

#include <QPointF>

#include <cstdint>
#include <vector>

namespace widgets {

/// ClusterHit is what lies under a point of the cluster picture: the one answer that
/// a press, a context menu, a hover and a tool tip all act on.
///
/// Precedence, from the top: the inner part of a disc (a click on a server's face
/// always means the server); then messages (every one within reach, nearest first);
/// then the rest of a disc's drawing (rings, timer); then a link's lane; then a
/// partition wall; else the background.
struct ClusterHit {
    enum class Kind { Background, Node, Message, Link, Wall };
    Kind kind = Kind::Background;
    /// node: the server hit (Node); for a Wall, the server before the gap it stands in.
    raft::NodeId node = raft::kNoNode;
    /// onRim: a Node hit on its rings rather than its face.
    bool onRim = false;
    /// messages: every message under the point, nearest first (ties: the newer, drawn
    /// on top, first). Invariant: not empty for a Message hit.
    std::vector<std::uint64_t> messages;
    /// link: the lane hit (Link).
    ClusterNetworkGeometry::Link link{raft::kNoNode, raft::kNoNode};

    /// message is the nearest message hit, or 0.
    std::uint64_t message() const { return messages.empty() ? 0 : messages.front(); }
    bool isBackground() const { return kind == Kind::Background; }

    /// at finds what lies under pos.
    static ClusterHit at(QPointF pos, const ClusterNetworkGeometry &geometry,
                         const std::vector<ClusterMessages::Placed> &messages);
    /// messagesAt lists the messages within reach of pos, nearest first.
    static std::vector<std::uint64_t> messagesAt(QPointF pos, const ClusterLayout &layout,
                                                 const std::vector<ClusterMessages::Placed> &messages);
    /// messageReach is how far from a message's centre a point still hits it.
    static qreal messageReach(const ClusterLayout &layout);

    /// kMessageReach, kMessageReachMin: a message's reach, in message sizes (px floor).
    static constexpr qreal kMessageReach = 1.1;
    static constexpr qreal kMessageReachMin = 12;
};

} // namespace widgets
