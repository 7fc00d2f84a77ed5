#include "widgets/clustermessages.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>

namespace widgets {

double ClusterMessages::travelFraction(const raft::Envelope &envelope, double displayTime)
{
    if (envelope.waiting)
        return 1.0;
    const double span = static_cast<double>(envelope.deliverAt - envelope.sentAt);
    if (span <= 0)
        return 1.0;
    return std::clamp((displayTime - static_cast<double>(envelope.sentAt)) / span, 0.0, 1.0);
}

std::vector<ClusterMessages::Placed> ClusterMessages::inFlight(const raft::Network &network,
                                                               const ClusterNetworkGeometry &geometry,
                                                               double displayTime)
{
    const ClusterLayout &l = geometry.layout();
    std::vector<Placed> placed;
    placed.reserve(network.size());
    std::array<std::array<std::uint8_t, raft::kMaxNodes + 1>, raft::kMaxNodes + 1> waiting{};
    // The messages flying along their lane (not queued, not bound for a wall): the
    // candidates for a fan-out when several share one spot.
    std::vector<std::size_t> flying;
    network.forEach([&](const raft::Envelope &envelope) {
        const raft::NodeId from = envelope.message.from;
        const raft::NodeId to = envelope.message.to;
        if (!l.contains(from) || !l.contains(to) || from == to)
            return;
        // A doomed message vanishes at lostAt; the simulation may not have got there yet.
        if (envelope.doomed && displayTime >= static_cast<double>(envelope.lostAt))
            return;
        QPointF pos;
        if (envelope.waiting) {
            // Queue at the door, the first one closest to it.
            // Past kStackShown they pile up on the last place, counted (+N) by the painter.
            std::uint8_t &slot = waiting[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
            pos = l.doorQueue(from, to, std::min<int>(slot, kStackShown - 1));
            if (slot < 255)
                ++slot;
        } else if (const auto wall = geometry.wallCrossing(from, to); wall && envelope.doomed
                   && envelope.lossReason == raft::Reason::Partition && envelope.lostAt > envelope.sentAt) {
            // Sent into a wall: it flies to the wall and dies there at lostAt.
            const double t = std::clamp((displayTime - static_cast<double>(envelope.sentAt))
                                            / static_cast<double>(envelope.lostAt - envelope.sentAt),
                                        0.0, 1.0);
            const QPointF start = l.lane(from, to).start;
            pos = start + (*wall - start) * t;
        } else {
            pos = l.lane(from, to).at(travelFraction(envelope, displayTime));
            flying.push_back(placed.size());
        }
        placed.push_back({&envelope, pos});
    });
    fanOut(placed, flying, l);
    return placed;
}

void ClusterMessages::fanOut(std::vector<Placed> &placed, std::vector<std::size_t> &flying, const ClusterLayout &l)
{
    // Messages on one link at one spot (sent at the same instant with the same
    // latency, or a copy the network made at once) would hide each other: the oldest
    // keeps the spot, each next one (by id) steps back towards its sender.
    if (flying.size() < 2)
        return;
    std::sort(flying.begin(), flying.end(),
              [&](std::size_t a, std::size_t b) { return placed[a].envelope->id < placed[b].envelope->id; });
    using Spot = std::tuple<raft::NodeId, raft::NodeId, qint64, qint64>;
    std::map<Spot, int> seen;
    for (const std::size_t i : flying) {
        const raft::Message &m = placed[i].envelope->message;
        const Spot spot{m.from, m.to, qRound64(placed[i].pos.x() * 4), qRound64(placed[i].pos.y() * 4)};
        const int before = seen[spot]++;
        if (before == 0)
            continue;
        const ClusterLayout::Lane lane = l.lane(m.from, m.to);
        const QPointF along = lane.end - lane.start;
        const qreal length = std::hypot(along.x(), along.y());
        if (length <= 0)
            continue;
        placed[i].pos -= along / length * (kFanStep * l.messageSize() * before);
    }
}

std::vector<ClusterMessages::Lost> ClusterMessages::lost(const raft::Simulation &sim,
                                                         const ClusterNetworkGeometry &geometry, double displayTime)
{
    const ClusterLayout &l = geometry.layout();
    std::vector<Lost> result;
    for (const raft::LostMessage &lost : sim.recentlyLost()) {
        const raft::Envelope &envelope = lost.envelope;
        const double span = static_cast<double>(envelope.deliverAt - envelope.sentAt);
        const double fadeMs = std::clamp(kLostFlights * span, kLostFadeMin, kLostFadeMax);
        const double age = displayTime - static_cast<double>(lost.lostAt);
        if (age < 0 || age >= fadeMs)
            continue;
        const raft::NodeId from = envelope.message.from;
        const raft::NodeId to = envelope.message.to;
        if (!l.contains(from) || !l.contains(to) || from == to)
            continue;
        double t = 1.0;
        if (!envelope.waiting && span > 0)
            t = std::clamp(static_cast<double>(lost.lostAt - envelope.sentAt) / span, 0.0, 1.0);
        QPointF pos = l.lane(from, to).at(t);
        // A message sent into a partition wall died at the wall.
        if (envelope.doomed && lost.reason == raft::Reason::Partition)
            if (const auto wall = geometry.wallCrossing(from, to))
                pos = *wall;
        result.push_back({&envelope, pos, 1.0 - age / fadeMs});
    }
    return result;
}

std::vector<ClusterMessages::Stack> ClusterMessages::stacks(const std::vector<Placed> &placed,
                                                            const ClusterLayout &layout)
{
    std::map<std::pair<raft::NodeId, raft::NodeId>, int> waiting;
    for (const Placed &p : placed)
        if (p.envelope->waiting)
            ++waiting[{p.envelope->message.from, p.envelope->message.to}];
    std::vector<Stack> result;
    for (const auto &[link, count] : waiting) {
        if (count <= kStackShown)
            continue;
        // Beside the pile, on the outer side of its lane (messages keep to the right of
        // their direction of travel), clear of the servers' discs.
        const ClusterLayout::Lane lane = layout.lane(link.first, link.second);
        const QPointF along = lane.end - lane.start;
        const qreal length = std::hypot(along.x(), along.y());
        const QPointF right = length > 0 ? QPointF(-along.y(), along.x()) / length : QPointF();
        const QPointF pile = layout.doorQueue(link.first, link.second, kStackShown - 1);
        result.push_back(
            {link.first, link.second, count - kStackShown, pile + right * (kBadgeAside * layout.messageSize())});
    }
    return result;
}

std::optional<QPointF> ClusterMessages::find(const std::vector<Placed> &placed, std::uint64_t id)
{
    for (const Placed &p : placed)
        if (p.envelope->id == id)
            return p.pos;
    return {};
}

} // namespace widgets
