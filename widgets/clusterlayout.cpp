#include "widgets/clusterlayout.h"

#include "widgets/clusterpalette.h"
#include "widgets/clustervector.h"

#include <QFont>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <utility>

namespace widgets {

namespace {

using vec::kPi;
using vec::length;
using vec::unit;

// The fit's constants.
/// kLegendMargin: the legend's distance from the widget's top left corner, in px.
constexpr qreal kLegendMargin = 8;
/// kLegendMaxColumns: the most columns the legend is laid out in.
constexpr int kLegendMaxColumns = 4;
/// kNeighbourSpacing: a disc's radius is at most this share of the distance between
/// neighbouring centres (for three or more servers).
constexpr qreal kNeighbourSpacing = 0.32;
/// kLargestDisc: the largest disc radius, as a share of the area's shorter side
/// (small clusters get a little more; presentation mode kPresentationDiscs times more).
constexpr qreal kLargestDisc = 0.10;
constexpr qreal kLargestDiscSmallCluster = 0.12;
constexpr qreal kPresentationDiscs = 1.4;
/// kPresentationMessages: how much larger messages are in presentation mode.
constexpr qreal kPresentationMessages = 1.4;

/// legendUnitFor is the scale at which the legend in `columns` columns is as large as
/// it may be, up to `preferred`, while fitting `maxHeight` pixels.
qreal legendUnitFor(const ClusterLayout::LegendSize &legendSize, qreal preferred, qreal maxHeight, int columns)
{
    qreal unit = preferred;
    // Text wraps differently at other sizes, so shrink in a few steps.
    for (int i = 0; i < 4; ++i) {
        const qreal height = legendSize(unit, columns).height();
        if (height <= maxHeight)
            break;
        unit *= maxHeight / height * 0.99;
    }
    return std::max<qreal>(unit, 0.4);
}

/// labelSize is the size the fit reserves for a label of a disc of radius r, with
/// `line` (a ClusterLayout::ExtraLine) below the rest.
QSizeF labelSize(const ClusterLayout::Text &text, qreal r, const ClusterLayout::Style &style, std::uint8_t line)
{
    const bool memberLine = line != ClusterLayout::kNoLine; // the height of either line
    const bool memberWidth = line == ClusterLayout::kMemberLine;
    const ClusterLayout::LabelMetrics m = ClusterLayout::labelMetrics(r, style);
    const qreal width = std::max({m.namePixels * text.nameAdvance,
                                  m.detailed ? std::max(m.smallPixels * text.logAdvance, m.barWidth) : 0,
                                  memberWidth ? m.smallPixels * text.memberAdvance : 0})
        + 2 * m.pad;
    const qreal height = m.namePixels * text.lineHeight
        + (m.detailed ? 2 * m.gap + m.barHeight + m.smallPixels * text.lineHeight : 0)
        + (memberLine ? m.gap + m.smallPixels * text.lineHeight : 0) + m.pad;
    // The painter rounds the texts' height up to a whole pixel.
    return {width, memberLine ? std::ceil(height) + 1 : height};
}

} // namespace

ClusterLayout::Text ClusterLayout::Text::measure(const QString &nameSample, const QString &logSample,
                                                 const QStringList &memberSamples)
{
    // Text widths per pixel of font size, measured at a large size.
    QFont font;
    font.setPixelSize(100);
    const QFontMetricsF plain(font);
    font.setBold(true);
    const QFontMetricsF bold(font);
    Text text;
    text.logAdvance = plain.horizontalAdvance(logSample) / 100;
    for (const QString &sample : memberSamples)
        text.memberAdvance = std::max(text.memberAdvance, plain.horizontalAdvance(sample) / 100);
    text.nameAdvance = bold.horizontalAdvance(nameSample) / 100;
    text.lineHeight = plain.height() / 100;
    return text;
}

qreal ClusterStyle::minText() const
{
    const qreal scaled = kBaseText * std::clamp(textScale, kMinTextScale, kMaxTextScale);
    return presentation ? std::max(scaled, kPresentationText) : scaled;
}

ClusterStyle ClusterStyle::clamped() const
{
    return {std::clamp(textScale, kMinTextScale, kMaxTextScale), presentation};
}

ClusterLayout::LabelMetrics ClusterLayout::labelMetrics(qreal r, const Style &style)
{
    // Text grows with the disc and with the text scale, and never gets smaller than
    // the style's smallest text.
    const qreal scale = std::clamp(style.textScale, kMinTextScale, kMaxTextScale);
    const qreal minText = style.minText();
    LabelMetrics m;
    m.detailed = r >= 22;
    m.namePixels = std::lround(std::max({r * 0.36 * scale, 11 * scale, minText + 2}));
    m.smallPixels = std::lround(std::max({r * 0.22 * scale, minText}));
    m.pad = std::max<qreal>({3, std::round(r * 0.08), std::round(m.smallPixels * 0.3)});
    m.gap = m.detailed ? std::round(r * 0.07) : 0;
    m.barWidth = m.detailed ? std::round(r * 1.9) : 0;
    m.barHeight = m.detailed ? std::max<qreal>(4, std::round(r * 0.12)) : 0;
    return m;
}

QPointF ClusterLayout::direction(int nodes, raft::NodeId id)
{
    if (nodes <= 1)
        return {0, 1};
    // S1 at twelve o'clock and clockwise (y points down); two servers side by side.
    const double start = nodes == 2 ? kPi : -kPi / 2;
    const double angle = start + 2 * kPi * (id - 1) / nodes;
    return {std::cos(angle), std::sin(angle)};
}

ClusterLayout::Fit ClusterLayout::fit(QSizeF size, int nodes, bool legend, const Text &text,
                                      const LegendSize &legendSize, const Style &style,
                                      const std::vector<QSizeF> &banners, const MemberLines &memberLines)
{
    Fit f;
    f.memberLines = memberLines;
    f.size = size;
    f.nodes = nodes;
    f.legendWanted = legend;
    f.text = text;
    f.style = style.clamped();
    const qreal width = size.width();
    const qreal height = size.height();
    QRectF area(QPointF(0, 0), size);
    if (legend && legendSize) {
        // The legend shows at any size. It scales with the view and the text scale but
        // its text is never smaller than the style's smallest text, when it can fit at
        // all: one column of sentences when it fits; else two to four columns of brief
        // labels. Beside the picture when that leaves it roomy, else over it.
        const qreal minUnit = f.style.minText() / kLegendText;
        const qreal preferred = std::max(std::clamp(height / 720.0, 0.85, 1.6) * f.style.textScale, minUnit);
        const qreal maxHeight = std::max<qreal>(40, height - 2 * kLegendMargin);
        const qreal maxWidth = std::max<qreal>(40, width - 2 * kLegendMargin);
        // Beside the picture, the legend may be at most this wide.
        const qreal besideWidth = width - 16 - 0.75 * std::min(width, height);
        qreal bestBeside = 0;
        qreal bestOver = 0;
        int besideColumns = 0;
        int overColumns = 0;
        for (int columns = 1; columns <= kLegendMaxColumns; ++columns) {
            qreal unit = legendUnitFor(legendSize, preferred, maxHeight, columns);
            const qreal legendWidth = legendSize(unit, columns).width();
            if (legendWidth > maxWidth)
                unit *= maxWidth / legendWidth;
            // Sentences read better than brief labels: one column only at nearly its best.
            if (columns == 1 && unit < preferred * 0.9)
                continue;
            const qreal beside = unit * std::min<qreal>(1, std::max<qreal>(besideWidth, 0) / legendWidth);
            if (beside >= minUnit && beside > bestBeside * 1.02) {
                bestBeside = beside;
                besideColumns = columns;
            }
            if (unit >= minUnit && unit > bestOver * 1.02) {
                bestOver = unit;
                overColumns = columns;
            }
        }
        if (besideColumns > 0 && bestBeside >= bestOver * 0.75) {
            f.legendColumns = besideColumns;
            f.legendUnit = bestBeside;
        } else if (overColumns > 0) {
            f.legendColumns = overColumns;
            f.legendUnit = bestOver;
        } else if (f.style.presentation) {
            // Presentation mode draws no text under 24 px: a legend that cannot be
            // read from the back row is left out until the view has room for it.
            f.legendColumns = 0;
            f.legendUnit = 0;
        } else {
            // Too small for readable text: the legend still shows, as large as fits, in
            // the number of columns that lets it be largest. (Text that wraps at every
            // character, as Chinese does, gets taller as its columns narrow: a panel that
            // still does not fit after shrinking is not taken while another one fits.)
            const auto shrink = [&](int columns) {
                qreal unit = preferred;
                for (int i = 0; i < 8; ++i) {
                    const QSizeF panel = legendSize(unit, columns);
                    const qreal over = std::max(panel.width() / maxWidth, panel.height() / maxHeight);
                    if (over <= 1)
                        break;
                    unit /= over * 1.01;
                }
                const QSizeF panel = legendSize(unit, columns);
                return std::pair{unit, panel.width() <= maxWidth && panel.height() <= maxHeight};
            };
            qreal best = 0; // the largest unit of a panel that fits
            for (int columns = 2; columns <= kLegendMaxColumns; ++columns) {
                const auto [unit, fits] = shrink(columns);
                if (columns == 2) {
                    // When no panel fits: two columns, as large as the shrinking got.
                    f.legendColumns = columns;
                    f.legendUnit = unit;
                }
                if (fits && unit > best * 1.02) {
                    best = unit;
                    f.legendColumns = columns;
                    f.legendUnit = unit;
                }
            }
        }
        if (f.legendColumns > 0) {
            const QSizeF panel = legendSize(f.legendUnit, f.legendColumns);
            f.legendRect = QRectF(QPointF(kLegendMargin, kLegendMargin), panel);
            f.legendShown = true;
            // Make room beside the legend if that still leaves a roomy picture.
            f.legendOverlaid = !(area.width() - panel.width() - 16 >= std::min(area.height(), area.width()) * 0.75);
            if (!f.legendOverlaid)
                area.setLeft(panel.width() + 16);
        }
    }

    if (!banners.empty()) {
        // The banners flow left to right in rows along the top of the area; the ring,
        // its labels and its messages get what is below them.
        const qreal left = area.left() + kCaptionMargin;
        const qreal right = area.right() - kCaptionMargin;
        qreal x = left;
        qreal y = kCaptionMargin;
        qreal row = 0;
        for (const QSizeF &banner : banners) {
            const qreal w = std::min(banner.width(), right - left);
            if (x > left && x + w > right) {
                x = left;
                y += row + kBannerGap;
                row = 0;
            }
            f.banners.emplace_back(x, y, w, banner.height());
            x += w + kBannerGap;
            row = std::max(row, banner.height());
        }
        area.setTop(std::min(y + row + kBannerGap, area.bottom() - 40));
    }

    // Each disc has its label outside the ring, so the ring's size depends on the
    // labels' and the labels' on the discs'. Find the largest disc radius r such that
    // every disc and label fits the area and neighbours keep apart (r <= c * ring);
    // a larger r means a smaller ring, so the two meet at one point: bisect for it.
    const qreal c = nodes >= 3 ? kNeighbourSpacing * 2 * std::sin(kPi / nodes) : 0.5;
    const qreal halfHeight = area.height() / 2;
    const qreal halfWidth = area.width() / 2;
    auto maxRing = [&](qreal radius) {
        const QSizeF voterLabel = labelSize(text, radius, f.style, kNoLine);
        const QSizeF memberLabel = labelSize(text, radius, f.style, kMemberLine);
        const QSizeF snapshotLabel = labelSize(text, radius, f.style, kSnapshotLine);
        const qreal outer = ClusterPalette::outerRadius(radius) + radius * kLabelGap;
        qreal ring = nodes <= 1 ? 0 : 1e9;
        bool fits = true;
        for (int id = 1; id <= std::max(nodes, 1); ++id) {
            // A label with a member line is taller (and maybe wider): room for it where
            // that server stands.
            const std::uint8_t line = id <= raft::kMaxNodes ? memberLines[static_cast<std::size_t>(id)]
                                                            : std::uint8_t{kNoLine};
            const QSizeF label = line == kMemberLine ? memberLabel : line == kSnapshotLine ? snapshotLabel : voterLabel;
            const qreal labelWidth = label.width();
            const qreal labelHeight = label.height();
            const QPointF d = direction(nodes, id);
            const qreal dx = std::abs(d.x());
            const qreal dy = std::abs(d.y());
            const qreal reach = outer + dx * labelWidth / 2 + dy * labelHeight / 2;
            // Along x: ring * dx + dx * reach + labelWidth / 2 <= halfWidth; also the
            // disc itself: ring * dx + outer <= halfWidth. The same along y.
            const qreal needX = std::max(dx * reach + labelWidth / 2, outer);
            const qreal needY = std::max(dy * reach + labelHeight / 2, outer);
            if (needX > halfWidth || needY > halfHeight)
                fits = false;
            if (dx > 1e-6)
                ring = std::min(ring, (halfWidth - needX) / dx);
            if (dy > 1e-6)
                ring = std::min(ring, (halfHeight - needY) / dy);
        }
        return fits ? std::max<qreal>(ring, 0) : -1.0;
    };
    const qreal side = std::max<qreal>(40, std::min(area.width(), area.height()));
    qreal lo = 4;
    const qreal share = (nodes <= 3 ? kLargestDiscSmallCluster : kLargestDisc)
        * (f.style.presentation ? kPresentationDiscs : 1.0);
    qreal hi = std::max<qreal>(lo, side * share);
    auto feasible = [&](qreal radius) {
        const qreal ring = maxRing(radius);
        return ring >= 0 && (nodes <= 1 || radius <= c * ring);
    };
    if (!feasible(lo) && memberLines != MemberLines{}) {
        // No room for the member lines even with the smallest discs: fit as if there
        // were none (labelBox then keeps the taller labels inside the widget).
        Fit plain = fit(size, nodes, legend, text, legendSize, style, banners);
        plain.memberLines = memberLines;
        return plain;
    }
    if (feasible(hi)) {
        lo = hi;
    } else {
        for (int i = 0; i < 24; ++i) {
            const qreal mid = (lo + hi) / 2;
            (feasible(mid) ? lo : hi) = mid;
        }
    }
    f.radius = lo;
    f.ring = nodes <= 1 ? 0 : std::max<qreal>(0, maxRing(lo));
    f.centre = area.center();
    return f;
}

ClusterLayout::ClusterLayout(const Fit &fit, double zoom, QPointF pan)
    : m_nodes(std::clamp(fit.nodes, 0, raft::kMaxNodes))
    , m_size(fit.size)
    , m_centre(fit.centre + pan)
    , m_ring(fit.ring * zoom)
    , m_radius(fit.radius * zoom)
    , m_legendUnit(fit.legendUnit)
    , m_legendColumns(fit.legendColumns)
    , m_legendRect(fit.legendRect)
    , m_legendShown(fit.legendShown)
    , m_legendOverlaid(fit.legendOverlaid)
    , m_style(fit.style)
    , m_banners(fit.banners)
    , m_text(fit.text)
    , m_memberLines(fit.memberLines)
    , m_labelsInside(zoom <= 1 && pan.isNull())
{
    m_outer = ClusterPalette::outerRadius(m_radius);
    m_message = std::clamp<qreal>(m_radius * kMessageSize, kMessageMin, kMessageMax);
    if (m_style.presentation) {
        // From the back of the room: larger, and big enough for an entry count in the
        // smallest text.
        m_message = std::max(m_message * kPresentationMessages, m_style.minText() * kPresentationMessages);
    }
    m_lane = std::max<qreal>(m_radius * kLane, m_message * kLaneForMessage);
    for (int id = 1; id <= m_nodes; ++id) {
        const QPointF dir = direction(m_nodes, id);
        m_outward[static_cast<std::size_t>(id)] = dir;
        m_centres[static_cast<std::size_t>(id)] = m_centre + dir * m_ring;
    }
}

QPointF ClusterLayout::nodeCentre(raft::NodeId id) const
{
    return contains(id) ? m_centres[static_cast<std::size_t>(id)] : QPointF();
}

QPointF ClusterLayout::outward(raft::NodeId id) const
{
    return contains(id) ? m_outward[static_cast<std::size_t>(id)] : QPointF();
}

QRectF ClusterLayout::discBox(raft::NodeId id) const
{
    return {nodeCentre(id) - QPointF(m_outer, m_outer), QSizeF(2 * m_outer, 2 * m_outer)};
}

QRectF ClusterLayout::labelBox(raft::NodeId id, QSizeF size) const
{
    const QPointF out = outward(id);
    const qreal extent = std::abs(out.x()) * size.width() / 2 + std::abs(out.y()) * size.height() / 2;
    const QPointF centre = nodeCentre(id) + out * (m_outer + m_radius * kLabelGap + extent);
    // Whole pixels: the label is blitted from a pixmap.
    QRectF box(QPointF(std::round(centre.x() - size.width() / 2), std::round(centre.y() - size.height() / 2)), size);
    if (m_labelsInside) {
        // A label the fit had no room for (a widget too short for the member lines)
        // moves inside rather than be cut off; over its own disc if it must.
        box.moveLeft(std::max<qreal>(0, std::min(box.left(), std::floor(m_size.width() - size.width()))));
        box.moveTop(std::max<qreal>(0, std::min(box.top(), std::floor(m_size.height() - size.height()))));
    }
    return box;
}

QSizeF ClusterLayout::reservedLabelSize(raft::NodeId id) const
{
    return labelSize(m_text, m_radius, m_style,
                     contains(id) ? m_memberLines[static_cast<std::size_t>(id)] : std::uint8_t{kNoLine});
}

ClusterLayout::Lane ClusterLayout::lane(raft::NodeId from, raft::NodeId to) const
{
    const QPointF a = nodeCentre(from);
    const QPointF b = nodeCentre(to);
    const QPointF u = unit(b - a);
    // Keep to the right of the direction of travel (y points down), so a request and
    // its reply pass each other instead of overlapping.
    const QPointF side(-u.y(), u.x());
    const qreal door = m_outer + m_message * kDoor;
    const qreal along = std::sqrt(std::max<qreal>(door * door - m_lane * m_lane, 0));
    return {a + u * along + side * m_lane, b - u * along + side * m_lane};
}

QPointF ClusterLayout::doorQueue(raft::NodeId from, raft::NodeId to, int slot) const
{
    const Lane path = lane(from, to);
    const QPointF along = path.end - path.start;
    // The queue keeps to the receiver's half of the lane: between close servers (a
    // small window, many servers) its places draw closer together rather than reach
    // the sender's disc.
    const qreal half = std::max<qreal>(0, std::hypot(along.x(), along.y()) / 2 - m_message * 0.7);
    const qreal spacing = std::clamp(half / kQueuePlaces, m_message * kQueueMinSpacing, m_message * kQueueSpacing);
    return path.end - unit(along) * (slot * spacing);
}

QRectF ClusterLayout::badgeBox(raft::NodeId from, raft::NodeId to, QSizeF textSize) const
{
    const QPointF at = lane(from, to).at(0.3);
    const qreal pad = std::max<qreal>(3, m_radius * 0.08);
    return {at.x() - textSize.width() / 2 - pad, at.y() - textSize.height() / 2 - pad / 2, textSize.width() + 2 * pad,
            textSize.height() + pad};
}

QRectF ClusterLayout::captionBox(QPointF centre, QSizeF size) const
{
    QRectF box(centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height());
    const qreal m = kCaptionMargin;
    box.moveLeft(std::clamp(box.left(), m, std::max(m, m_size.width() - size.width() - m)));
    box.moveTop(std::clamp(box.top(), m, std::max(m, m_size.height() - size.height() - m)));
    return box;
}

raft::NodeId ClusterLayout::nodeAt(QPointF pos) const
{
    raft::NodeId best = raft::kNoNode;
    qreal bestDistance = m_outer;
    for (raft::NodeId id = 1; id <= m_nodes; ++id) {
        const qreal d = length(pos - m_centres[static_cast<std::size_t>(id)]);
        if (d <= bestDistance) {
            best = id;
            bestDistance = d;
        }
    }
    return best;
}

raft::NodeId ClusterLayout::innerNodeAt(QPointF pos) const
{
    for (raft::NodeId id = 1; id <= m_nodes; ++id)
        if (length(pos - m_centres[static_cast<std::size_t>(id)]) <= m_radius * kInnerDisc)
            return id;
    return raft::kNoNode;
}

qreal ClusterLayout::sidesRadius() const
{
    return m_ring + m_outer + m_radius * kSidesMargin;
}

raft::NodeId ClusterLayout::sliceOwner(QPointF pos) const
{
    if (m_nodes < 1 || length(pos - m_centre) > sidesRadius())
        return raft::kNoNode;
    raft::NodeId best = 1;
    qreal bestDistance = length(pos - m_centres[1]);
    for (raft::NodeId id = 2; id <= m_nodes; ++id) {
        const qreal d = length(pos - m_centres[static_cast<std::size_t>(id)]);
        if (d < bestDistance) {
            best = id;
            bestDistance = d;
        }
    }
    return best;
}

QPointF ClusterLayout::gapDirection(raft::NodeId id) const
{
    const QPointF out = outward(id);
    const double angle = std::atan2(out.y(), out.x()) + kPi / std::max(m_nodes, 1);
    return {std::cos(angle), std::sin(angle)};
}

} // namespace widgets
