#include "widgets/clusterstage.h"

#include "widgets/clusternetworkpainter.h"
#include "widgets/clusternodepainter.h"
#include "widgets/clusteroverlaypainter.h"
#include "widgets/clusterpalette.h"
#include "widgets/vectorpaint.h"

#include <QPaintEngine>
#include <QPainter>
#include <QRegion>

#include <cmath>

namespace widgets {

namespace {

/// pixelRect is the smallest rectangle of whole device pixels that holds r, in bounds.
QRect pixelRect(const QRectF &r, const QRectF &bounds)
{
    const QRectF clipped = r.intersected(bounds);
    if (clipped.isEmpty())
        return {};
    const int left = static_cast<int>(std::floor(clipped.left()));
    const int top = static_cast<int>(std::floor(clipped.top()));
    const int right = static_cast<int>(std::ceil(clipped.right()));
    const int bottom = static_cast<int>(std::ceil(clipped.bottom()));
    return {left, top, right - left, bottom - top};
}

/// formatOf is the pixel format of the device `painter` paints on.
QImage::Format formatOf(QPainter &painter)
{
    const QPaintDevice *device = painter.paintEngine() ? painter.paintEngine()->paintDevice() : painter.device();
    if (device && device->devType() == QInternal::Image)
        return static_cast<const QImage *>(device)->format();
    return QImage::Format_ARGB32_Premultiplied;
}

} // namespace

void ClusterStage::paint(QPainter &painter, const ClusterScene &scene, ClusterNetworkPainter &network,
                         ClusterNodePainter &nodes, ClusterOverlayPainter &overlay, const NodeSet &discs, bool legend)
{
    const ClusterLayout &l = scene.layout;
    if (VectorPaint::isVector(painter)) {
        // A picture for a slide: each layer draws its shapes, in the same order.
        network.paintBackground(painter, scene);
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        for (raft::NodeId id = 1; id <= l.nodes(); ++id)
            if (discs[static_cast<std::size_t>(id)])
                nodes.paintDisc(painter, scene, id);
        if (legend)
            overlay.paintLegend(painter, scene);
        painter.restore();
        return;
    }
    const QPixmap &background = network.background(scene);
    // What the stage shows: the background (its signature and geometry), each disc's
    // look, the legend's scale. The discs are made ready first.
    QString key = QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                      .arg(network.backgroundSignature())
                      .arg(l.centre().x())
                      .arg(l.centre().y())
                      .arg(l.radius())
                      .arg(l.bounds().width())
                      .arg(l.bounds().height())
                      .arg(scene.dpr);
    std::array<ClusterNodePainter::Disc, raft::kMaxNodes + 1> ready{};
    for (raft::NodeId id = 1; id <= l.nodes(); ++id) {
        if (!discs[static_cast<std::size_t>(id)])
            continue;
        ready[static_cast<std::size_t>(id)] = nodes.disc(scene, id);
        key += QStringLiteral("|%1:").arg(id) + *ready[static_cast<std::size_t>(id)].key;
    }
    if (legend)
        key += QStringLiteral("|legend %1 %2").arg(l.legendUnit()).arg(l.legendColumns());
    const QRectF bounds = l.bounds();
    const QImage::Format format = formatOf(painter);
    if (key != m_key || m_image.size() != background.size() || m_image.format() != format) {
        m_image = background.toImage().convertToFormat(format);
        m_image.setDevicePixelRatio(scene.dpr);
        QPainter p(&m_image);
        // The hints the frame's painter has when it draws discs and the legend.
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        for (raft::NodeId id = 1; id <= l.nodes(); ++id)
            if (ready[static_cast<std::size_t>(id)].pixmap)
                p.drawPixmap(ready[static_cast<std::size_t>(id)].topLeft, *ready[static_cast<std::size_t>(id)].pixmap);
        if (legend)
            overlay.paintLegend(p, scene);
        m_key = key;
    }
    // Copy what is not plain background; fill the rest. Every pixel of the layer is
    // opaque, so copying is blending it: the copy skips the per-pixel blend.
    painter.save();
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    QRegion copied(pixelRect(ClusterNetworkPainter::reach(scene), bounds));
    if (legend)
        copied += pixelRect(l.legendRect().adjusted(-1, -1, 1, 1), bounds);
    for (const QRect &rect : copied)
        painter.drawImage(QPointF(rect.topLeft()), m_image,
                          QRectF(QPointF(rect.topLeft()) * scene.dpr, QSizeF(rect.size()) * scene.dpr));
    const QRegion rest = QRegion(bounds.toAlignedRect()) - copied;
    for (const QRect &rect : rest)
        painter.fillRect(rect, ClusterPalette::background());
    painter.restore();
}

} // namespace widgets
