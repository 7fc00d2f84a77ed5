#include "widgets/clustertext.h"

#include <QFontMetricsF>

#include "widgets/clusterlayout.h"

#include <QFontInfo>
#include <QPainter>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

/// kCacheLimit: laid-out texts kept per font before the cache starts afresh.
constexpr qsizetype kCacheLimit = 512;

ClusterText::Probe *g_probe = nullptr;

} // namespace

ClusterText::Probe::Probe()
{
    g_probe = this;
}

ClusterText::Probe::~Probe()
{
    g_probe = nullptr;
}

void ClusterText::noteDrawn(const QFont &font)
{
    // A font sized in points (the panes' fonts) has no pixelSize(): ask what it is.
    if (g_probe)
        g_probe->m_sizes.push_back(font.pixelSize() > 0 ? font.pixelSize() : QFontInfo(font).pixelSize());
}

QFont ClusterText::makeFont(qreal pixels, bool bold)
{
    QFont font;
    font.setPixelSize(std::max(6, static_cast<int>(std::lround(pixels))));
    font.setBold(bold);
    font.setStyleStrategy(QFont::PreferAntialias);
    return font;
}

bool ClusterText::setRadius(qreal r, const ClusterLayout::Style &style)
{
    if (std::abs(r - m_radius) <= 0.25 && style == m_style)
        return false;
    const qreal minText = style.minText();
    const qreal scale = style.clamped().textScale;
    m_fonts[static_cast<std::size_t>(Font::Term)] = makeFont(std::max(r * kTermFont, minText), true);
    m_fonts[static_cast<std::size_t>(Font::Caption)] = makeFont(std::max(r * kCaptionFont * scale, minText), false);
    const ClusterLayout::LabelMetrics label = ClusterLayout::labelMetrics(r, style);
    m_fonts[static_cast<std::size_t>(Font::Name)] = makeFont(label.namePixels, true);
    m_fonts[static_cast<std::size_t>(Font::Small)] = makeFont(label.smallPixels, false);
    m_fonts[static_cast<std::size_t>(Font::SmallBold)] = makeFont(label.smallPixels, true);
    m_radius = r;
    m_style = style;
    clear();
    return true;
}

void ClusterText::clear()
{
    for (auto &cache : m_texts)
        cache.clear();
}

const QStaticText &ClusterText::prepared(Font kind, const QString &text)
{
    auto &cache = m_texts[static_cast<std::size_t>(kind)];
    auto it = cache.find(text);
    if (it == cache.end()) {
        if (cache.size() > kCacheLimit)
            cache.clear();
        QStaticText staticText(text);
        staticText.setTextFormat(Qt::PlainText);
        staticText.setPerformanceHint(QStaticText::AggressiveCaching);
        staticText.prepare(QTransform(), font(kind));
        it = cache.insert(text, staticText);
    }
    return *it;
}

QSizeF ClusterText::size(Font kind, const QString &text)
{
    return prepared(kind, text).size();
}

QRectF ClusterText::ink(Font kind, const QString &text, QPointF centre)
{
    const QSizeF box = size(kind, text);
    const QFontMetricsF metrics(font(kind));
    return metrics.tightBoundingRect(text).translated(centre - QPointF(box.width() / 2, box.height() / 2)
                                                       + QPointF(0, metrics.ascent()));
}

void ClusterText::draw(QPainter &painter, Font kind, const QString &text, QPointF centre, const QColor &colour)
{
    const QStaticText &staticText = prepared(kind, text);
    const QSizeF size = staticText.size();
    painter.setFont(font(kind));
    noteDrawn(font(kind));
    painter.setPen(colour);
    painter.drawStaticText(centre - QPointF(size.width() / 2, size.height() / 2), staticText);
}

} // namespace widgets
