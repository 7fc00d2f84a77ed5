#include "widgets/clustermessages.h"

#include <algorithm>
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
        const double fade = std::clamp(kLostFlights * span, kLostFadeMin, kLostFadeMax);
        const double age = displayTime - static_cast<double>(lost.lostAt);
        if (age < 0 || age >= fade)
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
        result.push_back({&envelope, pos, 1.0 - age / fade});
    }
    return result;
}

std::vector<ClusterMessages::Stack> ClusterMessages::stacks(const std::vector<Placed> &placed,
                                                            const ClusterLayout &layout, QSizeF badgeSize)
{
    std::map<std::pair<raft::NodeId, raft::NodeId>, int> waiting;
    for (const Placed &p : placed)
        if (p.envelope->waiting)
            ++waiting[{p.envelope->message.from, p.envelope->message.to}];
    const qreal m = layout.messageSize();
    if (badgeSize.isEmpty())
        badgeSize = QSizeF(1.8 * m, 1.0 * m);
    // What a count must not cover: every disc (a circle) and every label (a box).
    std::vector<QRectF> discs;
    std::vector<QRectF> labels;
    for (raft::NodeId id = 1; id <= layout.nodes(); ++id) {
        discs.push_back(layout.discBox(id));
        labels.push_back(layout.labelBox(id, layout.reservedLabelSize(id)));
    }
    const QRectF bounds = layout.bounds();
    // covered: how much a count centred there would hide (0: nothing).
    const auto covered = [&](QPointF centre) {
        const QRectF box(centre - QPointF(badgeSize.width() / 2, badgeSize.height() / 2), badgeSize);
        qreal cost = 0;
        for (const QRectF &disc : discs) {
            const QPointF c = disc.center();
            const QPointF nearest(std::clamp(c.x(), box.left(), box.right()),
                                  std::clamp(c.y(), box.top(), box.bottom()));
            const qreal depth = disc.width() / 2 - std::hypot(nearest.x() - c.x(), nearest.y() - c.y());
            if (depth > 0)
                cost += depth * box.height();
        }
        for (const QRectF &label : labels) {
            const QRectF both = box.intersected(label);
            cost += both.width() * both.height();
        }
        const QRectF inside = box.intersected(bounds);
        return cost + (box.width() * box.height() - inside.width() * inside.height());
    };
    std::vector<Stack> result;
    for (const auto &[link, count] : waiting) {
        if (count <= kStackShown)
            continue;
        // Beside the pile, by default on the outer side of its lane (messages keep to
        // the right of their direction of travel), else where it covers least.
        const ClusterLayout::Lane lane = layout.lane(link.first, link.second);
        const QPointF along = lane.end - lane.start;
        const qreal length = std::hypot(along.x(), along.y());
        const QPointF forward = length > 0 ? along / length : QPointF();
        const QPointF right(-forward.y(), forward.x());
        const QPointF pile = layout.doorQueue(link.first, link.second, kStackShown - 1);
        const qreal aside = kBadgeAside * m;
        const qreal behind = 0.7 * m + badgeSize.width() / 2 + 0.2 * m;
        // Right of the lane first (where it always was), then the other places, a
        // little further out at the second try.
        std::vector<QPointF> places;
        for (const qreal reach : {1.0, 1.6})
            for (const QPointF offset :
                 {right * aside, -right * aside, -forward * behind, (right * aside - forward * behind) * 0.8,
                  (-right * aside - forward * behind) * 0.8})
                places.push_back(pile + offset * reach);
        QPointF best = places.front();
        qreal least = covered(best);
        for (std::size_t i = 1; i < places.size() && least > 0; ++i) {
            const qreal cost = covered(places[i]);
            if (cost < least) {
                least = cost;
                best = places[i];
            }
        }
        result.push_back({link.first, link.second, count - kStackShown, best});
    }
    return result;
}

QRectF ClusterMessages::countBox(const Stack &stack, QSizeF badgeText)
{
    return {stack.badge - QPointF(badgeText.width() / 2, badgeText.height() / 2), badgeText};
}

std::optional<QPointF> ClusterMessages::find(const std::vector<Placed> &placed, std::uint64_t id)
{
    for (const Placed &p : placed)
        if (p.envelope->id == id)
            return p.pos;
    return {};
}

} // namespace widgets
