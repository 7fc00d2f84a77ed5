#include "widgets/clusterhit.h"

#include <algorithm>
#include <cmath>

namespace widgets {

qreal ClusterHit::messageReach(const ClusterLayout &layout)
{
    return std::max<qreal>(layout.messageSize() * kMessageReach, kMessageReachMin);
}

std::vector<std::uint64_t> ClusterHit::messagesAt(QPointF pos, const ClusterLayout &layout,
                                                  const std::vector<ClusterMessages::Placed> &messages)
{
    const qreal reach = messageReach(layout);
    std::vector<std::pair<qreal, std::uint64_t>> near;
    for (const ClusterMessages::Placed &placed : messages) {
        const qreal d = std::hypot(pos.x() - placed.pos.x(), pos.y() - placed.pos.y());
        if (d < reach)
            near.emplace_back(d, placed.envelope->id);
    }
    // Nearest first; at equal distance the newer message, which is drawn on top.
    std::sort(near.begin(), near.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    std::vector<std::uint64_t> ids;
    ids.reserve(near.size());
    for (const auto &[distance, id] : near)
        ids.push_back(id);
    return ids;
}

ClusterHit ClusterHit::at(QPointF pos, const ClusterNetworkGeometry &geometry,
                          const std::vector<ClusterMessages::Placed> &messages)
{
    const ClusterLayout &layout = geometry.layout();
    ClusterHit hit;
    if (const raft::NodeId inner = layout.innerNodeAt(pos)) {
        hit.kind = Kind::Node;
        hit.node = inner;
        return hit;
    }
    hit.messages = messagesAt(pos, layout, messages);
    if (!hit.messages.empty()) {
        hit.kind = Kind::Message;
        return hit;
    }
    if (const raft::NodeId rim = layout.nodeAt(pos)) {
        hit.kind = Kind::Node;
        hit.node = rim;
        hit.onRim = true;
        return hit;
    }
    if (const auto link = geometry.linkAt(pos)) {
        hit.kind = Kind::Link;
        hit.link = *link;
        return hit;
    }
    if (const auto wall = geometry.wallAt(pos)) {
        hit.kind = Kind::Wall;
        hit.node = wall->after;
        return hit;
    }
    return hit;
}

} // namespace widgets
