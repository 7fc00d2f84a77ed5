#pragma once

#include "raft/types.h"
#include "widgets/clusternetworkgeometry.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <vector>

namespace widgets {

/// ClusterCaptionLayout finds places for the captions of a broken network: one label
/// per side ("No quorum: 2 of 5") and the headline ("No side has a leader"). Each goes
/// where it hides the least of what is already there. Pure geometry.
class ClusterCaptionLayout {
public:
    /// Side is one side's caption to place: its servers and the caption's size.
    struct Side {
        std::vector<raft::NodeId> nodes;
        /// isolated: a lone server cut off by link cuts (its label may cross walls).
        bool isolated = false;
        QSizeF size;
    };
    /// placeSides places each side's caption. Candidates lie around the side's
    /// servers (and just outside the sides' circle); each is scored by how much it
    /// covers `obstacles` (discs, labels, the legend), four times as much for
    /// `readable` ones (link badges; the captions placed before), by how far it strays
    /// from the middle of the side and by how much of it leaves the widget. A side's
    /// caption stays on its side of the walls.
    static std::vector<QRectF> placeSides(const ClusterNetworkGeometry &geometry, const std::vector<Side> &sides,
                                          const std::vector<QRectF> &obstacles, std::vector<QRectF> readable);
    /// placeHeadline is the centre of the headline of `size`: of six places along the
    /// widget's edges, the one that covers `obstacles` least.
    static QPointF placeHeadline(const ClusterLayout &layout, QSizeF size, const std::vector<QRectF> &obstacles);
};

} // namespace widgets
