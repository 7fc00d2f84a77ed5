#pragma once

#include "widgets/clusterscene.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QString>

#include <cstdint>
#include <optional>

class QPainter;

namespace widgets {

/// ClusterNetworkPainter paints the network layer of the cluster picture: the
/// background, the tinted (and, without a quorum, hatched) sides of a partition, the
/// links between servers (faint, dotted across a wall, dashed red where cut, amber
/// where they have conditions of their own), the walls, the highlight of a hovered
/// link and the badges of links with their own conditions.
///
/// The background, sides, links and walls change only with the layout or the
/// network's faults, so they are painted into a pixmap and blitted until then (on a
/// vector device, drawn as shapes).
class ClusterNetworkPainter {
    Q_DECLARE_TR_FUNCTIONS(widgets::ClusterView)

public:
    /// paintBackground draws the background layer (from its pixmap while it holds).
    void paintBackground(QPainter &painter, const ClusterScene &scene);
    /// background is the background layer's pixmap, brought up to date.
    const QPixmap &background(const ClusterScene &scene);
    /// signature of the background last painted.
    std::uint64_t backgroundSignature() const { return m_signature; }
    /// reach is the rectangle outside which the background layer is plain background
    /// colour: the sides' circle and its walls.
    static QRectF reach(const ClusterScene &scene);
    /// paintHover highlights the link direction under the mouse.
    static void paintHover(QPainter &painter, const ClusterScene &scene, ClusterNetworkGeometry::Link link);
    /// paintBadges draws the badge of each link with conditions of its own.
    static void paintBadges(QPainter &painter, const ClusterScene &scene);
    /// invalidate forgets the background pixmap.
    void invalidate() { m_valid = false; }

    /// signature hashes what the background shows: the partition groups, the cut
    /// links, the links' own conditions and which servers are crashed.
    static std::uint64_t signature(const raft::Simulation &sim, int nodes);
    /// linkBadge words the conditions of the link from -> to where they differ from
    /// the network's ("loss 20% · 40–80 ms"), else "".
    static QString linkBadge(const raft::Network &network, raft::NodeId from, raft::NodeId to);
    /// badgeBox is where the badge of link from -> to goes.
    static QRectF badgeBox(const ClusterScene &scene, raft::NodeId from, raft::NodeId to);

private:
    /// paintLayer draws the background layer: background, sides, links and walls.
    static void paintLayer(QPainter &painter, const ClusterScene &scene);
    static void paintSides(QPainter &painter, const ClusterScene &scene);
    static void paintLinks(QPainter &painter, const ClusterScene &scene);
    static void paintWalls(QPainter &painter, const ClusterScene &scene);

    QPixmap m_pixmap;
    std::uint64_t m_signature = 0;
    bool m_valid = false;
};

} // namespace widgets
