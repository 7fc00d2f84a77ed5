#include "widgets/clustertimersprite.h"

#include "widgets/clusterpalette.h"
#include "widgets/vectorpaint.h"

#include <QPainter>
#include <QRect>

#include <algorithm>
#include <array>
#include <cmath>

namespace widgets {

namespace {

/// kOverlap: how far (of a turn) the polygon reaches back under the last whole quarter.
constexpr double kOverlap = 1.0 / 360;

} // namespace

void ClusterTimerSprite::paint(QPainter &painter, QPointF c, qreal r, qreal dpr, double fraction, bool frozen)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    const int whole = static_cast<int>(fraction * 4); // whole quarters, 0..4
    if (whole == 0 || dpr <= 0 || !VectorPaint::blitsWholePixels(painter)) {
        ClusterPalette::drawTimerArc(painter, c, r, fraction, frozen);
        return;
    }
    const QColor colour = ClusterPalette::timerColour(fraction, frozen);
    const qreal reach = ClusterPalette::ringRadius(r) + ClusterPalette::timerWidth(r) / 2 + 2; // antialiasing
    const QPointF origin(std::floor((c.x() - reach) * dpr), std::floor((c.y() - reach) * dpr));
    const Key key{colour.rgba(), r, c - origin / dpr, dpr};
    if (m_band.isNull() || !(key == m_key)) {
        const int side = static_cast<int>(std::ceil((2 * reach + 2) * dpr));
        m_band = QPixmap(side, side);
        m_band.setDevicePixelRatio(dpr);
        m_band.fill(Qt::transparent);
        QPainter p(&m_band);
        p.setRenderHint(QPainter::Antialiasing);
        ClusterPalette::drawTimerBand(p, key.inside, r, 0, 1, colour);
        m_key = key;
    }
    // The quarters, clockwise from twelve o'clock, in the pixmap's device pixels.
    const int w = m_band.width();
    const int h = m_band.height();
    const int x = static_cast<int>(std::lround(key.inside.x() * dpr));
    const int y = static_cast<int>(std::lround(key.inside.y() * dpr));
    const std::array<QRect, 4> quarters{QRect(x, 0, w - x, y), QRect(x, y, w - x, h - y), QRect(0, y, x, h - y),
                                        QRect(0, 0, x, y)};
    for (int q = 0; q < whole; ++q) {
        const QRect &part = quarters[static_cast<std::size_t>(q)];
        painter.drawPixmap(QPointF(origin + QPointF(part.topLeft())) / dpr, m_band, QRectF(part));
    }
    if (whole < 4)
        ClusterPalette::drawTimerBand(painter, c, r, whole / 4.0 - kOverlap, fraction, colour);
}

} // namespace widgets
