#include "widgets/spacetimeview.h"

#include "raft/eventcatalog.h"
#include "widgets/clusterpalette.h"
#include "widgets/selection.h"
#include "widgets/simulationsource.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

using raft::MessageRecord;
using raft::NodeId;
using raft::Time;

namespace widgets {

namespace {

constexpr double kMinSpan = 50;
/// kFollowAt: where the playhead sits across the window while the view follows it.
constexpr double kFollowAt = 0.85;
/// kFirstSpan: the narrowest window shown while following the start of a run.
constexpr double kFirstSpan = 1000;

/// pointAt is the point a fraction f of the way from a to b.
QPointF pointAt(QPointF a, QPointF b, double f)
{
    return a + (b - a) * f;
}

/// distanceToSegment is the distance from p to the segment [a, b].
double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double f = length2 <= 0 ? 0 : std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0);
    const QPointF d = p - pointAt(a, b, f);
    return std::hypot(d.x(), d.y());
}

/// niceStep is the smallest of 1, 2, 5 × 10^k ms at least `minimum` long.
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

QString secondsText(double ms, double step)
{
    const int decimals = step >= 1000 ? 0 : (step >= 100 ? 1 : (step >= 10 ? 2 : 3));
    return SpaceTimeView::tr("%1 s").arg(ms / 1000.0, 0, 'f', decimals);
}

} // namespace

SpaceTimeView::SpaceTimeView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Space-time diagram"));
}

void SpaceTimeView::setSource(const SimulationSource *source)
{
    m_source = source;
    const auto showHistory = [this] {
        m_model.reset(&m_source->history());
        m_now = m_source->displayTime();
        if (m_following)
            followPlayhead();
        update();
    };
    showHistory();
    connect(source, &SimulationSource::structureChanged, this, showHistory);
    connect(source, &SimulationSource::advanced, this, [this](double now) {
        m_now = now;
        refresh();
    });
}

void SpaceTimeView::setHistory(const raft::History *history, double now)
{
    m_model.reset(history);
    setDisplayTime(now);
}

void SpaceTimeView::setDisplayTime(double now)
{
    m_now = now;
    refresh();
}

void SpaceTimeView::refresh()
{
    m_model.update();
    if (m_following)
        followPlayhead();
    if (isVisible())
        update();
}

void SpaceTimeView::setSelection(const Selection *selection)
{
    m_selection = selection;
    connect(selection, &Selection::changed, this, qOverload<>(&QWidget::update));
    update();
}

void SpaceTimeView::setHeartbeatsShown(bool shown)
{
    m_heartbeats = shown;
    update();
}

void SpaceTimeView::setPresentation(bool on)
{
    m_presentation = on;
    update();
}

void SpaceTimeView::setVisibleRange(Time start, Time span)
{
    m_following = false;
    m_span = std::max<double>(kMinSpan, static_cast<double>(span));
    m_start = static_cast<double>(start);
    update();
}

void SpaceTimeView::follow(Time span)
{
    m_following = true;
    m_followSpan = std::max<double>(kMinSpan, static_cast<double>(span));
    followPlayhead();
    update();
}

void SpaceTimeView::followPlayhead()
{
    // Early in a run the window grows with it, so that the run fills the width.
    m_span = std::clamp(m_now / kFollowAt, std::min(kFirstSpan, m_followSpan), m_followSpan);
    m_start = std::max(0.0, m_now - kFollowAt * m_span);
}

void SpaceTimeView::zoomBy(double factor, double anchor)
{
    const double longest = std::max(1000.0, static_cast<double>(m_model.frontier()) * 1.2);
    const double span = std::clamp(m_span * factor, kMinSpan, longest);
    if (m_following) {
        m_followSpan = span;
        followPlayhead();
    } else {
        const double f = m_span > 0 ? (anchor - m_start) / m_span : 0;
        m_start = anchor - f * span;
        m_span = span;
    }
    update();
}

// --- geometry ---------------------------------------------------------------------------

double SpaceTimeView::nameWidth() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("S9")) + 22.0;
}

double SpaceTimeView::axisHeight() const
{
    // The time labels, then the row of flags for the user's actions.
    return fontMetrics().height() * 2.2 + 10;
}

QRectF SpaceTimeView::plotRect() const
{
    // Measuring text is not cheap and every coordinate needs the plot: it is kept until
    // the size or the font changes.
    if (!m_plotValid || m_plotSize != size()) {
        const double left = nameWidth();
        const double top = axisHeight();
        m_plot = QRectF(left, top, std::max(10.0, width() - left - 10.0), std::max(10.0, height() - top - 6.0));
        m_plotSize = size();
        m_plotValid = true;
    }
    return m_plot;
}

double SpaceTimeView::xForTime(double t) const
{
    const QRectF plot = plotRect();
    return plot.left() + (t - m_start) / m_span * plot.width();
}

double SpaceTimeView::timeForX(double x) const
{
    const QRectF plot = plotRect();
    return m_start + (x - plot.left()) / plot.width() * m_span;
}

double SpaceTimeView::laneY(NodeId id) const
{
    const QRectF plot = plotRect();
    const int n = std::max(1, m_model.lanes());
    return plot.top() + (id - 0.5) * plot.height() / n;
}

NodeId SpaceTimeView::laneAt(double y) const
{
    const QRectF plot = plotRect();
    const int n = m_model.lanes();
    if (n == 0 || y < plot.top() || y > plot.bottom())
        return raft::kNoNode;
    return std::clamp(static_cast<int>((y - plot.top()) / (plot.height() / n)) + 1, 1, n);
}

SpaceTimeArrow SpaceTimeView::arrowOf(std::size_t index) const
{
    const std::vector<MessageRecord> &all = m_model.messages();
    const MessageRecord &r = all[index];
    SpaceTimeArrow a;
    a.index = index;
    a.id = r.id;
    a.copy = r.copyOf != 0;
    const double due = static_cast<double>(std::max(r.dueAt, r.sentAt + 1));
    const QPointF start(xForTime(static_cast<double>(r.sentAt)), laneY(r.from));
    const QPointF dueAt(xForTime(due), laneY(r.to));
    a.from = start;
    if (r.copyOf != 0) {
        // A fork: the copy leaves from where its original was when it was made.
        const std::size_t original = m_model.indexOf(r.copyOf);
        if (original < all.size()) {
            const MessageRecord &o = all[original];
            const double oDue = static_cast<double>(std::max(o.dueAt, o.sentAt + 1));
            const double f = std::clamp(static_cast<double>(r.sentAt - o.sentAt) / (oDue - o.sentAt), 0.0, 1.0);
            a.from = pointAt(QPointF(xForTime(static_cast<double>(o.sentAt)), laneY(o.from)),
                             QPointF(xForTime(oDue), laneY(o.to)), f);
        }
    }
    if (r.waitAt >= 0) {
        // It reached the door, then waited along the receiver's lane.
        a.to = QPointF(xForTime(static_cast<double>(r.waitAt)), laneY(r.to));
        a.waitUntil = QPointF(xForTime(static_cast<double>(m_model.endOf(r))), laneY(r.to));
    } else if (r.fate == MessageRecord::Fate::Delivered) {
        a.to = QPointF(xForTime(static_cast<double>(r.endAt)), laneY(r.to));
        a.waitUntil = a.to;
    } else if (r.fate == MessageRecord::Fate::Lost) {
        const double f = std::clamp(static_cast<double>(r.endAt - r.sentAt) / (due - static_cast<double>(r.sentAt)),
                                    0.0, 1.0);
        a.to = QPointF(xForTime(static_cast<double>(r.endAt)), laneY(r.from) + f * (laneY(r.to) - laneY(r.from)));
        a.waitUntil = a.to;
    } else {
        a.to = dueAt;
        a.waitUntil = a.to;
    }
    a.end = r.fate == MessageRecord::Fate::Lost
        ? SpaceTimeArrow::End::Lost
        : (r.fate == MessageRecord::Fate::Delivered ? SpaceTimeArrow::End::Delivered : SpaceTimeArrow::End::InFlight);
    return a;
}

bool SpaceTimeView::isDensityMode() const
{
    const Time t0 = static_cast<Time>(std::floor(m_start));
    const Time t1 = static_cast<Time>(std::ceil(m_start + m_span));
    return m_model.countIn(t0, t1, m_heartbeats) > kMaxArrows;
}

std::vector<SpaceTimeArrow> SpaceTimeView::arrows() const
{
    std::vector<SpaceTimeArrow> out;
    if (isDensityMode())
        return out;
    const Time t0 = static_cast<Time>(std::floor(m_start));
    const Time t1 = static_cast<Time>(std::ceil(m_start + m_span));
    m_model.forEachIn(t0, t1, m_heartbeats, [&](std::size_t i) { out.push_back(arrowOf(i)); });
    return out;
}

std::uint64_t SpaceTimeView::messageAt(QPointF pos) const
{
    if (!plotRect().contains(pos))
        return 0;
    const double tolerance = 5.0;
    double best = tolerance;
    std::uint64_t found = 0;
    for (const SpaceTimeArrow &a : arrows()) {
        double d = distanceToSegment(pos, a.from, a.to);
        if (a.waitUntil != a.to)
            d = std::min(d, distanceToSegment(pos, a.to, a.waitUntil));
        if (d <= best) {
            best = d;
            found = a.id;
        }
    }
    return found;
}

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
    const double pxPerMs = plot.width() / m_span;
    return niceStep(std::max(1.0, (fontMetrics().horizontalAdvance(QStringLiteral("000.000 s")) + 16) / pxPerMs));
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
        const QString label = secondsText(t, step);
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
                painter.fillRect(band, QBrush(ClusterPalette::mutedInk(), Qt::BDiagPattern));
                continue;
            }
            painter.fillRect(band, ClusterPalette::roleFill(span.role));
            if (span.state == SpaceTimeSpan::State::Paused)
                painter.fillRect(band, QBrush(ClusterPalette::mutedInk(), Qt::Dense6Pattern));
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
    const std::vector<MessageRecord> &records = m_model.messages();
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
    const std::vector<MessageRecord> &records = m_model.messages();
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

// --- the mouse and the keyboard ------------------------------------------------------------

void SpaceTimeView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressAt = event->position();
    m_pressStart = m_start;
    m_panning = false;
}

void SpaceTimeView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressAt)
        return;
    const double dx = event->position().x() - m_pressAt->x();
    if (!m_panning && std::abs(dx) < 4)
        return;
    m_panning = true;
    m_following = false;
    setCursor(Qt::ClosedHandCursor);
    m_start = m_pressStart - dx / plotRect().width() * m_span;
    update();
}

void SpaceTimeView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_pressAt || event->button() != Qt::LeftButton)
        return;
    const bool click = !m_panning;
    m_pressAt.reset();
    m_panning = false;
    unsetCursor();
    if (!click)
        return;
    const QPointF pos = event->position();
    if (pos.x() < nameWidth()) {
        if (const NodeId id = laneAt(pos.y()); id != raft::kNoNode)
            Q_EMIT nodeActivated(id);
        return;
    }
    if (const std::uint64_t id = messageAt(pos)) {
        const std::size_t index = m_model.indexOf(id);
        Q_EMIT messageActivated(id, m_model.messages()[index].sentAt);
        return;
    }
    if (plotRect().contains(pos))
        Q_EMIT seekRequested(
            std::clamp<Time>(static_cast<Time>(std::llround(timeForX(pos.x()))), 0, m_model.frontier()));
}

void SpaceTimeView::mouseDoubleClickEvent(QMouseEvent *)
{
    follow(static_cast<Time>(m_followSpan));
}

void SpaceTimeView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        event->ignore();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        m_following = false;
        m_start -= steps * m_span * 0.1;
        update();
    } else {
        zoomBy(std::pow(0.8, steps), timeForX(event->position().x()));
    }
    event->accept();
}

void SpaceTimeView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(0.8, m_now); break;
    case Qt::Key_Minus: zoomBy(1.25, m_now); break;
    case Qt::Key_Home: follow(static_cast<Time>(m_followSpan)); break;
    case Qt::Key_0: setVisibleRange(0, std::max<Time>(1000, m_model.frontier())); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

bool SpaceTimeView::event(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        m_plotValid = false;
    if (event->type() == QEvent::LanguageChange)
        setAccessibleName(tr("Space-time diagram"));
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

QString SpaceTimeView::toolTipAt(QPointF pos) const
{
    const std::uint64_t id = messageAt(pos);
    if (id == 0)
        return {};
    const MessageRecord &r = m_model.messages()[m_model.indexOf(id)];
    QString fate;
    switch (r.fate) {
    case MessageRecord::Fate::Delivered:
        fate = tr("delivered at %1").arg(secondsText(static_cast<double>(r.endAt), 1));
        break;
    case MessageRecord::Fate::Lost: fate = tr("lost at %1").arg(secondsText(static_cast<double>(r.endAt), 1)); break;
    case MessageRecord::Fate::InFlight: fate = tr("still on its way"); break;
    }
    return tr("%1 from %2 to %3, term %4, sent at %5, %6")
        .arg(QString::fromLatin1(raft::messageTypeName(r.type)), QString::fromStdString(raft::nodeName(r.from)),
             QString::fromStdString(raft::nodeName(r.to)))
        .arg(r.term)
        .arg(secondsText(static_cast<double>(r.sentAt), 1), fate);
}

QSize SpaceTimeView::sizeHint() const
{
    return {900, 320};
}

QSize SpaceTimeView::minimumSizeHint() const
{
    return {240, 120};
}

} // namespace widgets
