#include "widgets/timelinepainter.h"

#include "widgets/clusterpalette.h"
#include "widgets/eventtext.h"
#include "widgets/logmodel.h"
#include "widgets/timeline.h"

#include <QPainter>
#include <QPolygonF>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <cmath>

using raft::InputKind;
using raft::Time;

namespace widgets {

namespace {

/// tickSteps are the spacings of the axis' labelled ticks, in ms.
constexpr std::array<double, 25> kTickSteps{
    1,       2,       5,         10,        20,        50,         100,        200,     500,
    1'000,   2'000,   5'000,     10'000,    15'000,    30'000,     60'000,     120'000, 300'000,
    600'000, 900'000, 1'800'000, 3'600'000, 7'200'000, 18'000'000, 36'000'000,
};

/// Finer ticks without labels between the labelled ones: how many intervals.
int minorDivisions(double step)
{
    const double lead = step / std::pow(10.0, std::floor(std::log10(step)));
    if (step >= 60'000 && std::fmod(step, 60'000) == 0)
        return step == 900'000 || step == 1'800'000 ? 3 : 2;
    if (std::abs(lead - 2) < 1e-9)
        return 4;
    if (std::abs(lead - 1.5) < 1e-9)
        return 3;
    return 5;
}

QString tickLabel(double ms, double step)
{
    if (step >= 60'000 || ms >= 600'000) {
        const auto total = static_cast<qint64>(std::llround(ms / 1000));
        const qint64 hours = total / 3600;
        const qint64 minutes = (total / 60) % 60;
        const qint64 seconds = total % 60;
        if (hours > 0)
            return Timeline::tr("%1:%2:%3", "hours:minutes:seconds")
                .arg(hours)
                .arg(minutes, 2, 10, QLatin1Char('0'))
                .arg(seconds, 2, 10, QLatin1Char('0'));
        return Timeline::tr("%1:%2", "minutes:seconds").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
    }
    int decimals = 0;
    if (step < 1000)
        decimals = static_cast<int>(std::ceil(-std::log10(step / 1000.0) - 1e-9));
    return Timeline::tr("%1 s", "seconds on the time axis").arg(ms / 1000.0, 0, 'f', decimals);
}

} // namespace

TimelinePainter::TimelinePainter(QPainter &painter, const TimelineLayout &layout, const TimelineMarks &marks,
                                 TimelineGlyphs &glyphs, const QFont &font, int width)
    : m_painter(painter)
    , m_layout(layout)
    , m_marks(marks)
    , m_glyphs(glyphs)
    , m_font(font)
    , m_width(width)
{
    m_glyphs.setFont(font);
}

void TimelinePainter::paint(const TimelineView &view)
{
    m_view = view;
    paintAxis();
    paintSpans();
    paintMarks();
    paintPosition();
}

void TimelinePainter::paintAxis() const
{
    QPainter &painter = m_painter;
    const TimelineLayout &l = m_layout;
    // The axis counts milliseconds; the layout counts ticks.
    const double span = l.span / static_cast<double>(raft::kTicksPerMs);
    const double start = l.start / static_cast<double>(raft::kTicksPerMs);
    const double pixelsPerMs = (l.right - l.left) / span;
    // Labels at least a wide label's width apart.
    const QFontMetrics fm = QFontMetrics(m_font);
    const double wanted = fm.horizontalAdvance(QStringLiteral("00:00:00")) + 28;
    double step = kTickSteps.back();
    for (double s : kTickSteps) {
        const QString widest = tickLabel(start + span, s);
        if (s * pixelsPerMs >= std::max<double>(wanted * 0.6, fm.horizontalAdvance(widest) + 28)) {
            step = s;
            break;
        }
    }
    const double minor = step / minorDivisions(step);
    const double first = std::floor(start / minor) * minor;
    const double last = start + span;

    painter.setPen(QPen(ClusterPalette::mutedInk(), 1));
    painter.drawLine(QPointF(l.left, l.axis + 0.5), QPointF(l.right, l.axis + 0.5));
    painter.setFont(m_font);
    // No tick label under the playhead's time.
    const QRectF playhead = playheadLabelRect(l, m_font, m_view.live, m_width).adjusted(-4, 0, 4, 0);
    for (double t = first; t <= last + minor * 0.5; t += minor) {
        if (t < 0)
            continue;
        const double x = std::round(l.x(raft::fromMsDouble(t))) + 0.5;
        const bool major = std::fmod(std::round(t / minor), std::round(step / minor)) == 0;
        if (major) {
            painter.setPen(QPen(ClusterPalette::grid(), 1));
            painter.drawLine(QPointF(x, 1), QPointF(x, l.axis));
            painter.setPen(QPen(ClusterPalette::mutedInk(), 1));
            painter.drawLine(QPointF(x, l.axis), QPointF(x, l.axis + 5));
            const QString label = tickLabel(t, step);
            const double w = fm.horizontalAdvance(label);
            const double lx = std::clamp(x - w / 2, 2.0, m_width - w - 2);
            if (lx + w < playhead.left() || lx > playhead.right()) {
                painter.setPen(ClusterPalette::mutedInk());
                painter.drawText(QPointF(lx, l.axis + 5 + fm.ascent()), label);
            }
        } else {
            painter.setPen(QPen(ClusterPalette::mutedInk(), 1));
            painter.drawLine(QPointF(x, l.axis), QPointF(x, l.axis + 3));
        }
    }
}

void TimelinePainter::paintSpans() const
{
    QPainter &painter = m_painter;
    const TimelineLayout &l = m_layout;
    const Time frontier = m_view.frontier;
    const double x0 = l.left - TimelineLayout::kMargin;
    const double x1 = l.right + TimelineLayout::kMargin;
    // Network faults: hatched across every lane, solid edges where they start and end.
    for (const TimelineSpan &span : m_marks.faults()) {
        const double a = std::max(x0, l.x(span.begin));
        const double b = std::min(x1, l.x(span.end.value_or(frontier)));
        if (b < x0 || a > x1)
            continue;
        const QRectF band(a, 1, std::max(2.0, b - a), l.axis - 1);
        QColor tint = ClusterPalette::fault();
        tint.setAlpha(30);
        painter.fillRect(band, tint);
        QColor hatch = ClusterPalette::fault();
        hatch.setAlpha(span.partition ? 110 : 80);
        painter.fillRect(band, QBrush(hatch, span.partition ? Qt::BDiagPattern : Qt::CrossPattern));
        hatch.setAlpha(200);
        painter.setPen(QPen(hatch, 1.5));
        painter.drawLine(QPointF(a, 1), QPointF(a, l.axis));
        if (span.end)
            painter.drawLine(QPointF(b, 1), QPointF(b, l.axis));
    }

    // Leaders' reigns: a bar in the term's colour from the election on, with the
    // leader and the term written in it when there is room.
    QFont small = m_font;
    small.setPixelSize(std::max(9, static_cast<int>(l.reignHeight * 0.95)));
    small.setBold(true);
    painter.setFont(small);
    const QFontMetrics fm(small);
    const double top = l.termCentre() - l.reignHeight / 2;
    const double from = l.start;
    auto it = std::lower_bound(
        m_marks.reigns().begin(), m_marks.reigns().end(), from,
        [&](const TimelineSpan &span, double t) { return static_cast<double>(span.end.value_or(frontier)) < t; });
    for (; it != m_marks.reigns().end(); ++it) {
        const double a = std::max(x0, l.x(it->begin));
        if (a > x1)
            break;
        const double b = std::min(x1, l.x(it->end.value_or(frontier)));
        const QRectF bar(a, top, std::max(1.5, b - a), l.reignHeight);
        const QColor fill = LogModel::termColor(it->term);
        painter.setPen(QPen(fill.darker(190), 1));
        painter.setBrush(fill);
        painter.drawRect(bar);
        // The election's disc covers the bar's start; the words go after it.
        const double textLeft = std::max(bar.left() + 4, l.x(it->begin) + l.termRadius + 5);
        const QString text = Timeline::tr("%1 · term %2").arg(EventText::nodeText(it->node)).arg(it->term);
        if (textLeft + fm.horizontalAdvance(text) + 4 < bar.right()) {
            painter.setPen(ClusterPalette::ink());
            painter.drawText(QRectF(textLeft, top, bar.right() - textLeft, l.reignHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, text);
        }
    }
}

void TimelinePainter::paintMarks() const
{
    QPainter &painter = m_painter;
    const TimelineLayout &l = m_layout;
    const double x0 = l.left - TimelineLayout::kMargin;
    const double x1 = l.right + TimelineLayout::kMargin;
    const double tFrom = l.start - l.span * 0.02;
    const auto begin = firstAtOrAfter(m_marks.marks(), tFrom);
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const auto blit = [&](Glyph kind, raft::Term term, double x, double y) {
        const QPixmap &sprite = m_glyphs.sprite(kind, term, l.termRadius, l.userRadius, dpr);
        const double e = sprite.width() / dpr / 2;
        painter.drawPixmap(QPointF(std::round(x - e), std::round(y - e)), sprite);
    };

    // Commits first, one tick per pixel column at most, in one batch.
    QVarLengthArray<QLineF, 512> ticks;
    double lastX = -1e9;
    for (auto it = begin; it != m_marks.marks().end(); ++it) {
        if (it->kind != TimelineMark::Kind::Commit)
            continue;
        const double x = std::round(l.x(it->t));
        if (x > x1)
            break;
        if (x - lastX < 3)
            continue;
        lastX = x;
        ticks.append(QLineF(x, l.commitTop, x, l.commitBottom));
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(ClusterPalette::deepBlue(), 2, Qt::SolidLine, Qt::FlatCap));
    painter.drawLines(ticks.constData(), static_cast<int>(ticks.size()));
    painter.restore();

    // The user's lane: actions as triangles pointing down at their moment (client
    // requests hollow, the rest solid), a pause as a pause badge; crashes and restarts
    // come from the trace below. Requests first, so that rarer actions cover them.
    const auto actionsBegin = firstAtOrAfter(m_marks.actions(), tFrom);
    for (int pass = 0; pass < 2; ++pass) {
        const bool requests = pass == 0;
        lastX = -1e9;
        for (auto it = actionsBegin; it != m_marks.actions().end(); ++it) {
            const double x = l.x(it->t);
            if (x > x1 + l.userRadius * 2)
                break;
            const InputKind kind = it->input;
            if ((kind == InputKind::Request) != requests || kind == InputKind::Crash || kind == InputKind::Restart)
                continue;
            if (x - lastX < 3)
                continue;
            lastX = x;
            const Glyph g = kind == InputKind::Pause ? Glyph::Pause : requests ? Glyph::Request : Glyph::Action;
            blit(g, 0, x, l.userCentre());
        }
    }

    // Marks of the trace: crashes and restarts on the user's lane, elections (the
    // start of each reign) and safety violations on the terms' lane.
    std::array<double, 6> lastOfKind;
    lastOfKind.fill(-1e9);
    for (auto it = begin; it != m_marks.marks().end(); ++it) {
        if (it->kind == TimelineMark::Kind::Commit)
            continue;
        const double x = l.x(it->t);
        if (x > x1 + l.termRadius * 2)
            break;
        if (x < x0 - l.termRadius * 2)
            continue;
        double &last = lastOfKind[static_cast<std::size_t>(it->kind)];
        if (x - last < 2)
            continue;
        last = x;
        switch (it->kind) {
        case TimelineMark::Kind::Election: blit(Glyph::Election, it->term, x, l.termCentre()); break;
        case TimelineMark::Kind::Violation: blit(Glyph::Violation, 0, x, l.termCentre()); break;
        case TimelineMark::Kind::Crash: blit(Glyph::Crash, 0, x, l.userCentre()); break;
        case TimelineMark::Kind::Restart: blit(Glyph::Restart, 0, x, l.userCentre()); break;
        case TimelineMark::Kind::Commit: // drawn above
        case TimelineMark::Kind::Action: break;
        }
    }
}

QRectF TimelinePainter::playheadLabelRect(const TimelineLayout &l, const QFont &font, Time live, int width)
{
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const double x = l.x(live);
    const bool outside = x < l.left - 1 || x > l.right + 1;
    const double w = fm.horizontalAdvance(EventText::timeText(static_cast<double>(live))) + 12
        + (outside ? fm.height() * 0.6 : 0);
    const double h = std::min<double>(fm.height() + 4, l.bottom - l.axis - 1);
    const double lx = std::clamp(x - w / 2, 1.0, width - w - 1);
    return {lx, l.axis + 1, w, h};
}

void TimelinePainter::paintPosition() const
{
    QPainter &painter = m_painter;
    const TimelineLayout &l = m_layout;
    const double live = l.x(m_view.live);
    const Time frontierT = m_view.recordedEnd;
    const double frontier = l.x(frontierT);
    const double x1 = l.right + TimelineLayout::kMargin;

    // The recorded future: lighter and hatched, up to the dashed frontier.
    if (m_view.hasFuture && frontier > live) {
        const QRectF future(live, 1, std::min(frontier, x1) - live, l.axis - 1);
        painter.fillRect(future, ClusterPalette::futureVeil());
        painter.fillRect(future, QBrush(ClusterPalette::futureHatch(), Qt::FDiagPattern));
        QPen dashed(ClusterPalette::mutedInk(), 2, Qt::DashLine, Qt::FlatCap);
        painter.setPen(dashed);
        painter.drawLine(QPointF(frontier, 1), QPointF(frontier, l.axis));
    }
    // Not recorded yet (a zoomed view can reach past the frontier).
    if (frontier < x1)
        painter.fillRect(QRectF(frontier, 1, x1 - frontier, l.axis - 1), ClusterPalette::background());

    // The time under the mouse: a thin guide line, and its time under the axis
    // unless the playhead's is there.
    if (m_view.hoverX >= l.left && m_view.hoverX <= l.right && !m_view.dragging) {
        painter.setPen(QPen(ClusterPalette::mutedInk(), 1, Qt::DotLine));
        painter.drawLine(QPointF(std::round(m_view.hoverX) + 0.5, 1), QPointF(std::round(m_view.hoverX) + 0.5, l.axis));
        const QString text = EventText::timeText(static_cast<double>(l.timeAt(m_view.hoverX, m_view.frontier)));
        const QFontMetrics fm(m_font);
        const double w = fm.horizontalAdvance(text) + 10;
        const QRectF box(std::clamp(m_view.hoverX - w / 2, 1.0, m_width - w - 1), l.axis + 1, w,
                         std::min<double>(fm.height() + 4, l.bottom - l.axis - 1));
        if (!box.intersects(playheadLabelRect(l, m_font, m_view.live, m_width))) {
            painter.setPen(QPen(ClusterPalette::mutedInk(), 1));
            painter.setBrush(ClusterPalette::background());
            painter.drawRoundedRect(box, 4, 4);
            painter.setPen(ClusterPalette::ink());
            painter.drawText(box, Qt::AlignCenter, text);
        }
    }

    // The playhead: a bold line with a grip on top and the time below. Out of the
    // zoomed window, only its time shows, at the edge, with an arrow toward it.
    const QColor ink = ClusterPalette::ink();
    const bool before = live < l.left - 1;
    const bool after = live > l.right + 1;
    if (!before && !after) {
        painter.setPen(QPen(Qt::white, 5, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(live, 1), QPointF(live, l.axis));
        painter.setPen(QPen(ink, 3, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(live, 1), QPointF(live, l.axis));
        const double g = std::max(5.0, l.userRadius * 0.8);
        const QPolygonF grip({QPointF(live - g, 0), QPointF(live + g, 0), QPointF(live + g, g * 0.9),
                              QPointF(live, g * 1.8), QPointF(live - g, g * 0.9)});
        painter.setPen(QPen(Qt::white, 1.2));
        painter.setBrush(ink);
        painter.drawPolygon(grip);
    }

    QFont bold = m_font;
    bold.setBold(true);
    painter.setFont(bold);
    const QRectF box = playheadLabelRect(l, m_font, m_view.live, m_width);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    painter.drawRoundedRect(box, 4, 4);
    QRectF text = box;
    if (before || after) {
        const double a = box.height() * 0.3;
        const double cy = box.center().y();
        painter.setBrush(Qt::white);
        if (before) {
            const double x = box.left() + 6;
            painter.drawPolygon(QPolygonF({QPointF(x, cy), QPointF(x + a, cy - a), QPointF(x + a, cy + a)}));
            text.setLeft(box.left() + a + 4);
        } else {
            const double x = box.right() - 6;
            painter.drawPolygon(QPolygonF({QPointF(x, cy), QPointF(x - a, cy - a), QPointF(x - a, cy + a)}));
            text.setRight(box.right() - a - 4);
        }
    }
    painter.setPen(Qt::white);
    painter.drawText(text, Qt::AlignCenter, EventText::timeText(static_cast<double>(m_view.live)));
}

// --- interaction ----------------------------------------------------------------------
} // namespace widgets
