#pragma once

#include "raft/network.h"
#include "raft/simulation.h"
#include "widgets/clusternetworkgeometry.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <cstdint>
#include <optional>
#include <vector>

namespace widgets {

/// ClusterMessages places the messages of a network on a layout at one display time:
/// each message in flight at (t − sentAt) / (deliverAt − sentAt) of its lane; a waiting
/// one queued at the receiver's door; one sent into a partition wall flying to the
/// wall and dying there; and each recently lost one where it vanished, fading out.
/// Pure geometry over the simulation's state (no painting, no widgets).
class ClusterMessages {
public:
    /// Placed is one message in flight and where it is drawn.
    struct Placed {
        const raft::Envelope *envelope = nullptr;
        QPointF pos;
    };
    /// Lost is one recently lost message, where it vanished and how faded (1: fresh).
    struct Lost {
        const raft::Envelope *envelope = nullptr;
        QPointF pos;
        double fade = 1;
    };

    /// inFlight places every message in flight between servers of the layout, in the
    /// network's order (later ones are drawn on top). Messages that would share a spot
    /// on one link fan out (fanOut).
    static std::vector<Placed> inFlight(const raft::Network &network, const ClusterNetworkGeometry &geometry,
                                        double displayTime);
    /// lost places the messages lost recently enough to be seen at displayTime.
    static std::vector<Lost> lost(const raft::Simulation &sim, const ClusterNetworkGeometry &geometry,
                                  double displayTime);
    /// travelFraction is how far along its lane a message is at displayTime (0..1).
    static double travelFraction(const raft::Envelope &envelope, double displayTime);
    /// Stack is a pile of messages waiting at one door beyond the kStackShown places
    /// drawn: `hidden` lie under the last one, counted "+hidden" at `badge`.
    struct Stack {
        raft::NodeId from = raft::kNoNode;
        raft::NodeId to = raft::kNoNode;
        int hidden = 0;
        QPointF badge;
    };
    /// stacks lists the door queues longer than kStackShown, in link order. Each count
    /// goes beside its pile on the side (right of the lane, left of it, or behind the
    /// pile towards the sender) where a `badgeSize` box covers the least of the
    /// servers' discs and labels: on a small layout the right side can reach a
    /// neighbour's disc. An empty badgeSize stands for a two-digit count.
    static std::vector<Stack> stacks(const std::vector<Placed> &placed, const ClusterLayout &layout,
                                     QSizeF badgeSize = {});
    /// countBox is the box of a stack's "+N" count, whose text is `badgeText` large.
    static QRectF countBox(const Stack &stack, QSizeF badgeText);
    /// find is where message id is placed, if it is.
    static std::optional<QPointF> find(const std::vector<Placed> &placed, std::uint64_t id);

    /// A lost message stays visible, fading out, for kLostFlights times its planned
    /// flight, within [kLostFadeMin, kLostFadeMax] ticks of display time: long enough to be
    /// seen at any speed at which its flight could be followed, short enough not to
    /// linger over what comes next.
    static constexpr double kLostFlights = 4.0;
    static constexpr double kLostFadeMin = static_cast<double>(raft::fromMs(60));
    static constexpr double kLostFadeMax = static_cast<double>(raft::fromMs(1500));
    /// kFanStep: how far (in message sizes) each further message at one spot of a link
    /// steps back towards its sender: apart enough to see and click each, near
    /// enough (within ClusterHit::kMessageReach) that a click there lists them all.
    static constexpr qreal kFanStep = 0.6;
    /// kStackShown: how many places of a door queue are drawn; more messages waiting
    /// there pile up on the last place (hit together, listed together in the menu).
    static constexpr int kStackShown = 4;
    static_assert(kStackShown - 1 == ClusterLayout::kQueuePlaces,
                  "the pile is the last place the layout keeps room for");
    /// kBadgeAside: how far (in message sizes) a pile's "+N" sits beside it.
    static constexpr qreal kBadgeAside = 1.4;

private:
    /// fanOut moves apart the flying messages (indexes into placed) that share a spot.
    static void fanOut(std::vector<Placed> &placed, std::vector<std::size_t> &flying, const ClusterLayout &l);
};

} // namespace widgets
