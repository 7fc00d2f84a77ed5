// SpaceTimeView's painting: the grid and axis, the lanes' names, the role bands, the
// fault shading, the arrows (or the counts per pixel column at a wide zoom) and the
// marks (commits, actions, crashes), all from SpaceTimeModel's records. The view's
// state, geometry, hit tests and input are in spacetimeview.cpp.
#include "widgets/spacetimeview.h"

#include "raft/eventcatalog.h"
#include "widgets/clusterpalette.h"
#include "widgets/selection.h"
#include "widgets/simulationsource.h"
#include "widgets/vectorpaint.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

using raft::MessageRecord;
using raft::MessageRecords;
using raft::NodeId;
using raft::Time;

namespace widgets {

namespace {

/// niceStep is the smallest of 1, 2, 5 × 10^k ticks at least `minimum` long.
double niceStep(double minimum)
{
    double step = 1;
    while (true) {
        for (const double m : {1.0, 2.0, 5.0})
            if (step * m >= minimum)
                return step * m;
        step *= 10;
    }
}

/// fillBand fills a lane's band with a pattern brush (as shapes on a vector device:
/// VectorPaint::fillPattern).
void fillBand(QPainter &painter, const QRectF &band, const QBrush &brush)
{
    if (!VectorPaint::isVector(painter)) {
        painter.fillRect(band, brush);
        return;
    }
    QPainterPath path;
    path.addRect(band);
    VectorPaint::fillPattern(painter, path, brush);
}

} // namespace

// --- painting --------------------------------------------------------------------------------

void SpaceTimeView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintDiagram(painter, size());
}

void SpaceTimeView::paintDiagram(QPainter &painter, QSizeF area) const
{
    painter.save();
    painter.fillRect(QRectF(QPointF(0, 0), area), ClusterPalette::background());
    painter.setFont(font());
    const QRectF plot = plotRect();
    painter.save();
    painter.setClipRect(plot.adjusted(-2, -2, 2, 2));
    // The selected servers' lanes.
    if (m_selection) {
        QColor halo = ClusterPalette::selection();
        halo.setAlpha(70);
        const double laneH = plot.height() / std::max(1, m_model.lanes());
        for (const NodeId id : m_selection->nodes())
            if (id >= 1 && id <= m_model.lanes())
                painter.fillRect(QRectF(plot.left(), laneY(id) - laneH / 2, plot.width(), laneH), halo);
    }
    paintGrid(painter, plot);
    paintFaults(painter, plot);
    paintBands(painter, plot);
    const bool density = isDensityMode();
    if (density)
        paintDensity(painter, plot);
    else
        paintArrows(painter, plot);
    paintMarks(painter, plot);
    // The recorded future, after the playhead, is veiled.
    const double nowX = xForTime(m_now);
    if (nowX < plot.right())
        painter.fillRect(QRectF(QPointF(std::max(nowX, plot.left()), plot.top()), plot.bottomRight()),
                         ClusterPalette::futureVeil());
    painter.restore();
    paintAxis(painter, plot);
    paintNames(painter, plot);
    if (density) {
        // Under the time labels, at the right, where flags are rare.
        const QFontMetrics fm = fontMetrics();
        const QString note = tr("%n message(s): counted per pixel column (zoom in for arrows)", nullptr,
                                static_cast<int>(m_densityTotal));
        const double w = fm.horizontalAdvance(note) + 12;
        const QRectF box(plot.right() - w, fm.height() + 6, w, fm.height() + 2);
        QColor card = ClusterPalette::background();
        card.setAlpha(230);
        painter.fillRect(box, card);
        painter.setPen(ClusterPalette::mutedInk());
        painter.drawText(box, Qt::AlignCenter, note);
    }
    if (nowX >= plot.left() && nowX <= plot.right()) {
        painter.setPen(QPen(ClusterPalette::ink(), m_presentation ? 3 : 2));
        painter.drawLine(QPointF(nowX, plot.top() - fontMetrics().height() * 1.1), QPointF(nowX, plot.bottom()));
    }
    painter.restore();
}

double SpaceTimeView::axisStep(QRectF plot) const
{
    // At least a millisecond: the labels show no finer.
    const double pxPerTick = plot.width() / m_span;
    return niceStep(std::max(static_cast<double>(raft::fromMs(1)),
                             (fontMetrics().horizontalAdvance(QStringLiteral("000.000 s")) + 16) / pxPerTick));
}

void SpaceTimeView::paintGrid(QPainter &painter, QRectF plot) const
{
    const double step = axisStep(plot);
    painter.setPen(QPen(ClusterPalette::grid(), 1));
    for (double t = std::ceil(m_start / step) * step; t <= m_start + m_span; t += step) {
        const double x = xForTime(t);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
}

void SpaceTimeView::paintAxis(QPainter &painter, QRectF plot) const
{
    const QFontMetrics fm = fontMetrics();
    const double step = axisStep(plot);
    painter.setPen(ClusterPalette::mutedInk());
    const double first = std::ceil(m_start / step) * step;
    for (double t = first; t <= m_start + m_span; t += step) {
        const double x = xForTime(t);
        painter.drawLine(QPointF(x, fm.height() + 2), QPointF(x, fm.height() + 6));
        const QString label = timeText(t, step);
        const double half = fm.horizontalAdvance(label) / 2.0 + 2;
        const double centre = std::clamp(x, half, width() - half);
        painter.drawText(QRectF(centre - half, 1, 2 * half, fm.height()), Qt::AlignCenter, label);
    }
}

void SpaceTimeView::paintNames(QPainter &painter, QRectF plot) const
{
    const double laneH = plot.height() / std::max(1, m_model.lanes());
    for (NodeId id = 1; id <= m_model.lanes(); ++id) {
        const bool selected = m_selection && m_selection->contains(id);
        QFont f = font();
        f.setBold(selected);
        painter.setFont(f);
        const QRectF box(2, laneY(id) - laneH / 2, nameWidth() - 8, laneH);
        if (selected)
            painter.fillRect(box.adjusted(0, 2, 0, -2), ClusterPalette::selection());
        painter.setPen(ClusterPalette::ink());
        painter.drawText(box, Qt::AlignCenter, QString::fromStdString(raft::nodeName(id)));
    }
    painter.setFont(font());
}

void SpaceTimeView::paintFaults(QPainter &painter, QRectF plot) const
{
    QColor shade = ClusterPalette::fault();
    shade.setAlpha(28);
    for (const TimelineSpan &span : m_model.marks().faults()) {
        const double end = span.end ? static_cast<double>(*span.end) : static_cast<double>(m_model.frontier());
        if (end < m_start || static_cast<double>(span.begin) > m_start + m_span)
            continue;
        const double x0 = std::max(plot.left(), xForTime(static_cast<double>(span.begin)));
        const double x1 = std::min(plot.right(), xForTime(end));
        painter.fillRect(QRectF(x0, plot.top(), std::max(1.0, x1 - x0), plot.height()), shade);
    }
}

void SpaceTimeView::paintBands(QPainter &painter, QRectF plot) const
{
    const QFontMetrics fm = fontMetrics();
    const double laneH = plot.height() / std::max(1, m_model.lanes());
    const double bandH = std::min(laneH * 0.34, fm.height() + 4.0);
    const double frontier = static_cast<double>(m_model.frontier());
    for (NodeId id = 1; id <= m_model.lanes(); ++id) {
        const double y = laneY(id);
        painter.setPen(QPen(ClusterPalette::grid(), 1));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        for (const SpaceTimeSpan &span : m_model.spans(id)) {
            const double end = span.end >= 0 ? static_cast<double>(span.end) : frontier;
            if (end < m_start || static_cast<double>(span.begin) > m_start + m_span)
                continue;
            const double x0 = std::max(plot.left() - 1, xForTime(static_cast<double>(span.begin)));
            const double x1 = std::min(plot.right() + 1, xForTime(end));
            const QRectF band(x0, y - bandH / 2, std::max(0.5, x1 - x0), bandH);
            if (span.state == SpaceTimeSpan::State::Crashed) {
                fillBand(painter, band, QBrush(ClusterPalette::mutedInk(), Qt::BDiagPattern));
                continue;
            }
            painter.fillRect(band, ClusterPalette::roleFill(span.role));
            if (span.state == SpaceTimeSpan::State::Paused)
                fillBand(painter, band, QBrush(ClusterPalette::mutedInk(), Qt::Dense6Pattern));
            const QString label = tr("T%1").arg(span.term);
            if (band.width() > fm.horizontalAdvance(label) + 8) {
                painter.setPen(span.role == raft::Role::Leader ? ClusterPalette::paper() : ClusterPalette::ink());
                QRectF text = band;
                text.setLeft(std::max(band.left(), plot.left()) + 3);
                painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, label);
            }
        }
    }
}

void SpaceTimeView::paintArrows(QPainter &painter, QRectF plot) const
{
    const std::vector<SpaceTimeArrow> all = arrows();
    const MessageRecords &records = m_model.messages();
    // Few arrows are drawn smooth and thick with heads; many, with the raster engine's
    // fast path (one-pixel cosmetic lines, no antialiasing): a wide pen goes through
    // the stroker, line by line, and costs ten times as much.
    const bool fine = all.size() < 500;
    const bool heads = all.size() < 1500;
    painter.setRenderHint(QPainter::Antialiasing, fine);
    const double penWidth = fine ? (m_presentation ? 2.2 : 1.4) : 0.0;
    const std::uint64_t selected = m_selection ? m_selection->message() : 0;
    // One batch of lines per type and kind (solid, copy, on its way), drawn at once.
    constexpr int kTypes = 7;
    std::array<std::array<QList<QLineF>, 3>, kTypes> lines;
    std::array<QPainterPath, kTypes> headPaths;
    QList<QLineF> waits;
    std::vector<QPointF> crosses;
    for (const SpaceTimeArrow &a : all) {
        const MessageRecord &r = records[a.index];
        const int type = std::clamp(static_cast<int>(r.type), 0, kTypes - 1);
        const int kind = a.copy ? 1 : (a.end == SpaceTimeArrow::End::InFlight && r.waitAt < 0 ? 2 : 0);
        lines[static_cast<std::size_t>(type)][static_cast<std::size_t>(kind)].append(QLineF(a.from, a.to));
        if (a.waitUntil != a.to)
            waits.append(QLineF(a.to, a.waitUntil));
        if (a.end == SpaceTimeArrow::End::Lost)
            crosses.push_back(a.to);
        else if (heads && a.end == SpaceTimeArrow::End::Delivered) {
            const QPointF tip = a.waitUntil != a.to ? a.waitUntil : a.to;
            const QPointF base = a.waitUntil != a.to ? a.to : a.from;
            const double len = std::hypot(tip.x() - base.x(), tip.y() - base.y());
            if (len > 6) {
                const QPointF u = (tip - base) / len;
                const QPointF n(-u.y(), u.x());
                const double s = m_presentation ? 8 : 5.5;
                QPainterPath &path = headPaths[static_cast<std::size_t>(type)];
                path.moveTo(tip);
                path.lineTo(tip - u * s + n * s * 0.45);
                path.lineTo(tip - u * s - n * s * 0.45);
                path.closeSubpath();
            }
        }
        if (a.id == selected) {
            painter.setPen(QPen(ClusterPalette::selection(), penWidth + 5, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(a.from, a.to);
            if (a.waitUntil != a.to)
                painter.drawLine(a.to, a.waitUntil);
        }
    }
    if (!waits.isEmpty()) {
        painter.setPen(QPen(ClusterPalette::mutedInk(), penWidth + 2.5, Qt::SolidLine, Qt::FlatCap));
        painter.drawLines(waits);
    }
    for (int type = 0; type < kTypes; ++type) {
        QColor colour = ClusterPalette::messageFill(static_cast<raft::MessageType>(type));
        for (int kind = 0; kind < 3; ++kind) {
            const QList<QLineF> &batch = lines[static_cast<std::size_t>(type)][static_cast<std::size_t>(kind)];
            if (batch.isEmpty())
                continue;
            painter.setPen(
                QPen(colour, penWidth, kind == 0 ? Qt::SolidLine : (kind == 1 ? Qt::DashLine : Qt::DotLine)));
            painter.drawLines(batch);
        }
        if (!headPaths[static_cast<std::size_t>(type)].isEmpty()) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawPath(headPaths[static_cast<std::size_t>(type)]);
            painter.setBrush(Qt::NoBrush);
        }
    }
    const double crossSize = m_presentation ? 12 : 8;
    for (const QPointF &c : crosses)
        if (plot.adjusted(-8, -8, 8, 8).contains(c))
            ClusterPalette::drawCross(painter, c, crossSize, ClusterPalette::cutLink(), m_presentation ? 3 : 2);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void SpaceTimeView::paintDensity(QPainter &painter, QRectF plot) const
{
    // Too many arrows to tell apart: count, per sender's lane, the messages that leave
    // in each pixel column.
    const int lanes = m_model.lanes();
    const int columns = std::max(1, static_cast<int>(plot.width()));
    std::vector<std::uint32_t> counts(static_cast<std::size_t>(lanes) * static_cast<std::size_t>(columns), 0);
    const MessageRecords &records = m_model.messages();
    const Time t0 = static_cast<Time>(std::floor(m_start));
    const Time t1 = static_cast<Time>(std::ceil(m_start + m_span));
    const double perMs = columns / m_span;
    std::uint32_t most = 1;
    std::size_t total = 0;
    m_model.forEachIn(t0, t1, m_heartbeats, [&](std::size_t i) {
        const MessageRecord &r = records[i];
        const int column = static_cast<int>((static_cast<double>(r.sentAt) - m_start) * perMs);
        if (column < 0 || column >= columns || r.from < 1 || r.from > lanes)
            return;
        std::uint32_t &c = counts[static_cast<std::size_t>(r.from - 1) * static_cast<std::size_t>(columns)
                                  + static_cast<std::size_t>(column)];
        most = std::max(most, ++c);
        ++total;
    });
    const double laneH = plot.height() / std::max(1, lanes);
    const double tallest = laneH * 0.42;
    const double scale = std::log2(1.0 + most);
    QColor colour = ClusterPalette::messageFill(raft::MessageType::AppendEntries);
    for (int lane = 0; lane < lanes; ++lane) {
        const double y = laneY(lane + 1) - laneH * 0.18;
        for (int column = 0; column < columns; ++column) {
            const std::uint32_t c = counts[static_cast<std::size_t>(lane) * static_cast<std::size_t>(columns)
                                           + static_cast<std::size_t>(column)];
            if (c == 0)
                continue;
            const double h = std::max(1.0, tallest * std::log2(1.0 + c) / scale);
            painter.fillRect(QRectF(plot.left() + column, y - h, 1, h), colour);
        }
    }
    m_densityTotal = total;
}

void SpaceTimeView::paintMarks(QPainter &painter, QRectF plot) const
{
    const double laneH = plot.height() / std::max(1, m_model.lanes());
    const double s = std::clamp(laneH * 0.16, 3.5, m_presentation ? 10.0 : 7.0);
    const double t0 = m_start;
    const double t1 = m_start + m_span;
    painter.setRenderHint(QPainter::Antialiasing, true);
    const std::vector<TimelineMark> &marks = m_model.marks().marks();
    for (auto it = firstAtOrAfter(marks, t0); it != marks.end() && static_cast<double>(it->t) <= t1; ++it) {
        if (it->node < 1 || it->node > m_model.lanes())
            continue;
        const QPointF c(xForTime(static_cast<double>(it->t)), laneY(it->node));
        switch (it->kind) {
        case TimelineMark::Kind::Commit: {
            // A commit point on the leader's lane: a small upright diamond above it.
            const QPointF top = c - QPointF(0, laneH * 0.22);
            QPainterPath diamond;
            diamond.moveTo(top + QPointF(0, -s));
            diamond.lineTo(top + QPointF(s * 0.7, 0));
            diamond.lineTo(top + QPointF(0, s));
            diamond.lineTo(top + QPointF(-s * 0.7, 0));
            diamond.closeSubpath();
            painter.setPen(QPen(ClusterPalette::ink(), 1));
            painter.setBrush(ClusterPalette::recovery());
            painter.drawPath(diamond);
            painter.setBrush(Qt::NoBrush);
            break;
        }
        case TimelineMark::Kind::Crash: ClusterPalette::drawCrashBadge(painter, c, s * 1.3); break;
        case TimelineMark::Kind::Restart:
            painter.setPen(QPen(ClusterPalette::recovery(), 2));
            painter.setBrush(ClusterPalette::paper());
            painter.drawEllipse(c, s, s);
            painter.setBrush(Qt::NoBrush);
            break;
        case TimelineMark::Kind::Violation:
            ClusterPalette::drawCross(painter, c, s * 2, ClusterPalette::toneAccent(raft::Tone::Alarm), 3);
            break;
        case TimelineMark::Kind::Election:
        case TimelineMark::Kind::Action: break;
        }
    }
    // The user's actions and faults: flags in the row under the time labels, with a
    // pointer to the lane of the server they concern.
    const QFontMetrics fm = fontMetrics();
    const double flagTop = fm.height() + 8;
    const double flagH = fm.height() * 1.1;
    painter.setClipping(false);
    const std::vector<TimelineMark> &actions = m_model.marks().actions();
    for (auto it = firstAtOrAfter(actions, t0); it != actions.end() && static_cast<double>(it->t) <= t1; ++it) {
        if (it->input == raft::InputKind::Say)
            continue;
        const double x = xForTime(static_cast<double>(it->t));
        const bool fault = it->input == raft::InputKind::Crash || it->input == raft::InputKind::Partition
            || it->input == raft::InputKind::Isolate || it->input == raft::InputKind::Cut
            || it->input == raft::InputKind::Drop || it->input == raft::InputKind::Pause;
        const QColor colour = fault ? ClusterPalette::fault() : ClusterPalette::focus();
        painter.setPen(QPen(colour, 1.5));
        painter.drawLine(QPointF(x, flagTop), QPointF(x, flagTop + flagH));
        QPainterPath flag;
        flag.moveTo(x, flagTop);
        flag.lineTo(x + flagH * 0.7, flagTop + flagH * 0.25);
        flag.lineTo(x, flagTop + flagH * 0.5);
        flag.closeSubpath();
        painter.fillPath(flag, colour);
        if (it->node >= 1 && it->node <= m_model.lanes()) {
            QPen dotted(colour, 1, Qt::DotLine);
            painter.setPen(dotted);
            painter.drawLine(QPointF(x, flagTop + flagH), QPointF(x, laneY(it->node)));
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

} // namespace widgets
