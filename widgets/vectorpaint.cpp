#include "widgets/vectorpaint.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>

#include <cmath>

namespace widgets::VectorPaint {

namespace {

/// kPatternStep: Qt's raster patterns repeat every 8 device pixels.
constexpr qreal kPatternStep = 8;

} // namespace

bool isVector(const QPainter &painter)
{
    const QPaintEngine *engine = painter.paintEngine();
    if (!engine)
        return false;
    const QPaintEngine::Type type = engine->type();
    return type == QPaintEngine::SVG || type == QPaintEngine::Pdf || type == QPaintEngine::Picture
        || type == QPaintEngine::MacPrinter;
}

bool blitsWholePixels(const QPainter &painter)
{
    const QPaintEngine *engine = painter.paintEngine();
    if (!engine || engine->type() != QPaintEngine::Raster)
        return false;
    const QTransform &t = painter.deviceTransform();
    return t.type() <= QTransform::TxTranslate && t.dx() == std::round(t.dx()) && t.dy() == std::round(t.dy());
}

qreal patternCoverage(Qt::BrushStyle style)
{
    // Measured on one tile of the pattern itself, so that it holds for every style.
    QImage tile(static_cast<int>(kPatternStep), static_cast<int>(kPatternStep), QImage::Format_ARGB32_Premultiplied);
    tile.fill(Qt::transparent);
    {
        QPainter p(&tile);
        p.fillRect(tile.rect(), QBrush(Qt::black, style));
    }
    int covered = 0;
    for (int y = 0; y < tile.height(); ++y)
        for (int x = 0; x < tile.width(); ++x)
            covered += qAlpha(tile.pixel(x, y)) > 0 ? 1 : 0;
    return static_cast<qreal>(covered) / (tile.width() * tile.height());
}

void fillPattern(QPainter &painter, const QPainterPath &path, const QBrush &brush)
{
    painter.save();
    painter.setPen(Qt::NoPen);
    if (!isVector(painter)) {
        painter.setBrush(brush);
        painter.drawPath(path);
        painter.restore();
        return;
    }
    const Qt::BrushStyle style = brush.style();
    const bool back = style == Qt::BDiagPattern || style == Qt::DiagCrossPattern;
    const bool forward = style == Qt::FDiagPattern || style == Qt::DiagCrossPattern;
    const bool across = style == Qt::HorPattern || style == Qt::CrossPattern;
    const bool down = style == Qt::VerPattern || style == Qt::CrossPattern;
    if (!back && !forward && !across && !down) {
        // A dotted pattern: its colour, as dense on average as the dots.
        QColor tint = brush.color();
        tint.setAlphaF(static_cast<float>(tint.alphaF() * patternCoverage(style)));
        painter.setBrush(tint);
        painter.drawPath(path);
        painter.restore();
        return;
    }
    // The lines through the path's box, on the raster pattern's grid (device pixels at
    // a scale of 1): a diagonal line of one pixel a row is 1/√2 thick, a straight one 1.
    const QRectF box = path.boundingRect();
    const auto grid = [](qreal from) { return std::floor(from / kPatternStep) * kPatternStep; };
    QPainterPath diagonals;
    QPainterPath straight;
    // Back: x + y = s, rising to the right (y points down); forward: x − y = s.
    for (qreal s = grid(box.left() + box.top()); back && s <= box.right() + box.bottom(); s += kPatternStep) {
        diagonals.moveTo(s - box.top(), box.top());
        diagonals.lineTo(s - box.bottom(), box.bottom());
    }
    for (qreal s = grid(box.left() - box.bottom()); forward && s <= box.right() - box.top(); s += kPatternStep) {
        diagonals.moveTo(s + box.top(), box.top());
        diagonals.lineTo(s + box.bottom(), box.bottom());
    }
    for (qreal y = grid(box.top()); across && y <= box.bottom(); y += kPatternStep) {
        straight.moveTo(box.left(), y + 0.5);
        straight.lineTo(box.right(), y + 0.5);
    }
    for (qreal x = grid(box.left()); down && x <= box.right(); x += kPatternStep) {
        straight.moveTo(x + 0.5, box.top());
        straight.lineTo(x + 0.5, box.bottom());
    }
    QPainterPathStroker stroker;
    stroker.setCapStyle(Qt::FlatCap);
    stroker.setWidth(1 / std::sqrt(2.0));
    QPainterPath lines = stroker.createStroke(diagonals);
    stroker.setWidth(1);
    lines.addPath(stroker.createStroke(straight));
    painter.setBrush(brush.color());
    painter.drawPath(path.intersected(lines));
    painter.restore();
}

} // namespace widgets::VectorPaint
