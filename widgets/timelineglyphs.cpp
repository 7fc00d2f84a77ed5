#include "widgets/timelineglyphs.h"

#include "widgets/clusterpalette.h"
#include "widgets/logmodel.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

/// glyphExtent is half the side of the sprite that holds a glyph of radius r.
double glyphExtent(double r)
{
    return std::ceil(r * 1.35) + 2;
}

void drawElection(QPainter &painter, QPointF c, qreal r, raft::Term term, bool showNumber)
{
    const QColor fill = LogModel::termColor(term);
    const QColor edge = fill.darker(260);
    painter.setPen(QPen(edge, std::max<qreal>(1.5, r * 0.16)));
    painter.setBrush(fill);
    painter.drawEllipse(c, r * 0.80, r * 0.80);
    // The leader's second ring, as on the cluster view's discs.
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(edge, std::max<qreal>(1.2, r * 0.12)));
    painter.drawEllipse(c, r * 1.02, r * 1.02);
    if (showNumber) {
        QFont font = painter.font();
        font.setBold(true);
        const QString text = QString::number(term);
        font.setPixelSize(std::max(7, static_cast<int>(r * (text.size() > 2 ? 0.78 : text.size() > 1 ? 0.98 : 1.15))));
        painter.setFont(font);
        painter.setPen(ClusterPalette::ink());
        painter.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter, text);
    }
}

void drawRestart(QPainter &painter, QPointF c, qreal r)
{
    const qreal h = r * 0.82;
    painter.setPen(QPen(Qt::white, std::max<qreal>(1.0, r * 0.12)));
    painter.setBrush(ClusterPalette::recovery());
    painter.drawRoundedRect(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h), h * 0.3, h * 0.3);
    // An upward arrow: the server is back up.
    const QPolygonF arrow({
        c + QPointF(0, -0.62 * h),
        c + QPointF(0.55 * h, 0.02 * h),
        c + QPointF(0.2 * h, 0.02 * h),
        c + QPointF(0.2 * h, 0.62 * h),
        c + QPointF(-0.2 * h, 0.62 * h),
        c + QPointF(-0.2 * h, 0.02 * h),
        c + QPointF(-0.55 * h, 0.02 * h),
    });
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawPolygon(arrow);
}

void drawViolation(QPainter &painter, QPointF c, qreal r)
{
    const QPolygonF triangle({c + QPointF(0, -r), c + QPointF(r * 1.05, r * 0.8), c + QPointF(-r * 1.05, r * 0.8)});
    painter.setPen(QPen(Qt::white, std::max<qreal>(1.0, r * 0.12), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(ClusterPalette::fault());
    painter.drawPolygon(triangle);
    painter.setPen(QPen(Qt::white, std::max<qreal>(1.5, r * 0.2), Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(c + QPointF(0, -r * 0.38), c + QPointF(0, r * 0.22));
    painter.drawPoint(c + QPointF(0, r * 0.52));
}

void drawAction(QPainter &painter, QPointF tip, qreal size)
{
    const QPolygonF triangle({tip, tip + QPointF(-size * 0.6, -size), tip + QPointF(size * 0.6, -size)});
    painter.drawPolygon(triangle);
}

} // namespace

void TimelineGlyphs::setFont(const QFont &font)
{
    if (font == m_font)
        return;
    m_font = font;
    m_sprites.clear();
}

const QPixmap &TimelineGlyphs::sprite(Glyph kind, raft::Term term, double termRadius, double userRadius, qreal dpr)
{
    if (m_termRadius != termRadius || m_userRadius != userRadius || m_dpr != dpr) {
        m_sprites.clear();
        m_termRadius = termRadius;
        m_userRadius = userRadius;
        m_dpr = dpr;
    }
    const quint64 key = (static_cast<quint64>(kind) << 56) | (term & 0x00FFFFFFFFFFFFFFULL);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    const bool onTerms = kind == Glyph::Election || kind == Glyph::Violation;
    const double r = onTerms ? termRadius : userRadius;
    const double e = glyphExtent(r);
    QPixmap pixmap(QSize(static_cast<int>(std::ceil(2 * e * dpr)), static_cast<int>(std::ceil(2 * e * dpr))));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(m_font);
    const QPointF c(e, e);
    const double size = std::max(6.0, r * 1.5);
    switch (kind) {
    case Glyph::Request:
        painter.setPen(QPen(ClusterPalette::ink(), 1.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::white);
        drawAction(painter, c + QPointF(0, size * 0.4 - 1), size * 0.8);
        break;
    case Glyph::Action:
        painter.setPen(QPen(Qt::white, 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(ClusterPalette::ink());
        drawAction(painter, c + QPointF(0, size / 2), size);
        break;
    case Glyph::Pause: ClusterPalette::drawPauseBadge(painter, c, r); break;
    case Glyph::Crash: ClusterPalette::drawCrashBadge(painter, c, r * 1.1); break;
    case Glyph::Restart: drawRestart(painter, c, r * 1.1); break;
    case Glyph::Election: drawElection(painter, c, r, term, r >= 6); break;
    case Glyph::Violation: drawViolation(painter, c, r); break;
    }
    painter.end();
    return *m_sprites.insert(key, pixmap);
}

} // namespace widgets
