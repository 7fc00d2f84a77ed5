#pragma once

#include <QPixmap>
#include <QPointF>
#include <QRgb>

class QPainter;

namespace widgets {

/// ClusterTimerSprite draws one server's election timer arc every frame, cheaply: the
/// arc's whole quarters are blitted from a pixmap of the full band, made when the
/// disc's size, its place within a device pixel or the colour change, and only the
/// quarter the arc ends in is filled as a polygon. On a 4K screen this takes the
/// timers of nine servers from the largest part of a frame's cost to a small one.
///
/// The band's pixmap is split through the centre at whole device pixels, so the four
/// quarters tile it without a seam; the polygon starts a degree before its quarter,
/// under the last blitted quarter (the timer's colours are opaque, so the overlap does
/// not show). On anything but a raster device with no more than a translation (an SVG
/// or PDF file, a scaled export), the arc is filled directly.
class ClusterTimerSprite {
public:
    /// paint draws the timer of a disc of radius r about c with `fraction` of its time
    /// left (ClusterPalette::drawTimerArc), at device pixel ratio dpr.
    void paint(QPainter &painter, QPointF c, qreal r, qreal dpr, double fraction, bool frozen);
    /// invalidate forgets the pixmap.
    void invalidate() { m_band = QPixmap(); }

private:
    /// Key is what the band's pixmap was made for.
    struct Key {
        QRgb colour = 0;
        qreal radius = 0;
        QPointF inside; ///< the centre within the pixmap
        qreal dpr = 0;
        bool operator==(const Key &) const = default;
    };
    QPixmap m_band;
    Key m_key;
};

} // namespace widgets
