#pragma once

#include "widgets/clusterscene.h"

#include <QImage>
#include <QRectF>
#include <QString>

#include <array>

class QPainter;

namespace widgets {

class ClusterNetworkPainter;
class ClusterNodePainter;
class ClusterOverlayPainter;

/// ClusterStage is the still layer of the cluster picture, for frames in which
/// nothing is hovered or dragged: the background layer with the servers' discs (those
/// without a halo) and, when nothing that moves can pass over it, the legend, composed
/// once into one pixmap and blitted until one of them changes. It draws what the
/// layered painters would draw, in the same order, so a frame looks the same either
/// way; it only saves blending the same sprites again every frame, which is what a
/// frame costs on a 4K screen.
///
/// Only the parts of it that are not plain background (the sides' circle and the
/// legend) are copied; the rest of the frame is filled. The layer is kept in the pixel
/// format of the device painted on, so that blending a sprite into it gives the very
/// pixels that blending it onto the frame would. On a vector device (an SVG for
/// slides, VectorPaint::isVector) there is no layer: each part is drawn as shapes.
class ClusterStage {
public:
    using NodeSet = std::array<bool, raft::kMaxNodes + 1>;
    /// paint draws the still layer with the discs of `discs` and, if `legend`, the legend.
    void paint(QPainter &painter, const ClusterScene &scene, ClusterNetworkPainter &network, ClusterNodePainter &nodes,
               ClusterOverlayPainter &overlay, const NodeSet &discs, bool legend);
    /// invalidate forgets the pixmap.
    void invalidate() { m_key.clear(); }

private:
    QImage m_image;
    QString m_key; ///< what m_image shows
};

} // namespace widgets
