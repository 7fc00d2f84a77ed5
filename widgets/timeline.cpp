#include "widgets/timeline.h"

#include "widgets/clusterpalette.h"
#include "widgets/eventtext.h"
#include "widgets/logmodel.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>
#include <QToolTip>
#include <QVarLengthArray>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

using raft::EventKind;
using raft::InputKind;
using raft::Time;
using raft::TraceEvent;

namespace widgets {

namespace {

/// The narrowest window of time a zoomed view shows, in ms.
constexpr double kMinSpan = 50;
/// The span shown before anything was recorded.
constexpr double kEmptySpan = 1000;
/// How far from a mark (in pixels) the mouse still points at it.
constexpr double kHitRadius = 8;
/// How close (in pixels) a click must be to a mark to go to its exact time.
constexpr double kSnapRadius = 6;
/// The horizontal margin on each side of the time axis.
constexpr double kMargin = 12;

constexpr QRgb kLaneFill = 0xFFFFFFFF;
constexpr QRgb kBorder = 0xFFC9D1D9;
constexpr QRgb kGrid = 0xFFE6EAEE;
constexpr QRgb kFault = 0xFFD55E00;
constexpr QRgb kCommit = 0xFF00304D;
constexpr QRgb kRestart = 0xFF009E73;
constexpr QRgb kFocus = 0xFF0072B2;

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

/// actionText words a user action for its tooltip.
QString actionText(const raft::Input &in)
{
    const QString n = EventText::nodeText(in.node);
    const QString p = EventText::nodeText(in.peer);
    switch (in.kind) {
    case InputKind::Crash: return Timeline::tr("You crashed %1").arg(n);
    case InputKind::Restart: return Timeline::tr("You restarted %1").arg(n);
    case InputKind::Pause: return Timeline::tr("You paused %1").arg(n);
    case InputKind::Resume: return Timeline::tr("You resumed %1").arg(n);
    case InputKind::Timeout: return Timeline::tr("You made %1 time out and start an election").arg(n);
    case InputKind::Request:
        return Timeline::tr("You sent the client request \"%1\" to %2").arg(EventText::commandText(in.text), n);
    case InputKind::Partition: {
        QStringList groups;
        for (const auto &group : in.groups) {
            QStringList names;
            for (raft::NodeId id : group)
                names << EventText::nodeText(id);
            groups << names.join(QLatin1Char(' '));
        }
        return Timeline::tr("You partitioned the network: %1").arg(groups.join(QStringLiteral(" | ")));
    }
    case InputKind::Isolate: return Timeline::tr("You isolated %1 from the network").arg(n);
    case InputKind::Cut:
        return in.flag ? Timeline::tr("You cut the link between %1 and %2").arg(n, p)
                       : Timeline::tr("You cut the link from %1 to %2").arg(n, p);
    case InputKind::Reconnect: return Timeline::tr("You reconnected %1").arg(n);
    case InputKind::Restore:
        return in.flag ? Timeline::tr("You restored the link between %1 and %2").arg(n, p)
                       : Timeline::tr("You restored the link from %1 to %2").arg(n, p);
    case InputKind::Heal: return Timeline::tr("You healed the network");
    case InputKind::Drop: return Timeline::tr("You dropped message #%1").arg(in.messageId);
    case InputKind::Deliver: return Timeline::tr("You delivered message #%1").arg(in.messageId);
    case InputKind::Duplicate: return Timeline::tr("You duplicated message #%1").arg(in.messageId);
    case InputKind::Hold:
        return in.flag ? Timeline::tr("You turned manual delivery on") : Timeline::tr("You turned manual delivery off");
    case InputKind::SetNetwork: return Timeline::tr("You changed the network's latency, loss or duplication");
    case InputKind::Say: return Timeline::tr("Narration: %1").arg(QString::fromStdString(in.text));
    case InputKind::SetTimer:
        return Timeline::tr("You set %1's election timer to fire at %2")
            .arg(n, EventText::timeText(static_cast<double>(in.messageId)));
    case InputKind::SetLink: return Timeline::tr("You changed the link from %1 to %2").arg(n, p);
    }
    return {};
}

bool changesTopology(InputKind kind)
{
    switch (kind) {
    case InputKind::Partition:
    case InputKind::Isolate:
    case InputKind::Cut:
    case InputKind::Reconnect:
    case InputKind::Restore:
    case InputKind::Heal: return true;
    default: return false;
    }
}

/// firstAtOrAfter returns the first mark at or after time t in a time-ordered list.
std::vector<TimelineMark>::const_iterator firstAtOrAfter(const std::vector<TimelineMark> &marks, double t)
{
    return std::lower_bound(marks.begin(), marks.end(), t,
                            [](const TimelineMark &m, double time) { return static_cast<double>(m.t) < time; });
}

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
    painter.setBrush(QColor::fromRgba(kRestart));
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
    painter.setBrush(QColor::fromRgba(kFault));
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

Timeline::Timeline(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    retranslate();
}

void Timeline::retranslate()
{
    setAccessibleName(tr("Timeline"));
    setWhatsThis(tr("The whole run in virtual time. Along the top, your own actions: triangles (hollow ones are "
                    "client requests), a lightning bolt where a server crashed and a green arrow where it "
                    "restarted. Below, each election won is a ringed disc with its term number, followed by a bar "
                    "in the term's colour while that leader leads; gaps mean no leader. Ticks are commits. Red "
                    "hatching marks network faults. After the playhead, the lighter hatched part is the recorded "
                    "future. Click or drag to go to a moment; the wheel zooms (Shift+wheel pans); Home and End go "
                    "to the start and the end; + and - zoom and 0 shows the whole run."));
}

QSize Timeline::sizeHint() const
{
    return {800, 56 + fontMetrics().height() + 6};
}

QSize Timeline::minimumSizeHint() const
{
    return {200, 44 + fontMetrics().height() + 6};
}

// --- the cached marks ---------------------------------------------------------------

void Timeline::setHistory(const raft::History *history)
{
    m_history = history;
    m_zoomed = false;
    m_followedLive = -1;
    rebuild();
    update();
}

void Timeline::rebuild()
{
    ++m_rebuilds;
    m_marks.clear();
    m_actions.clear();
    m_reigns.clear();
    m_faults.clear();
    m_readEvents = 0;
    m_readInputs = 0;
    m_network.reset();
    m_lastFrontierStep = 0;
    if (!m_history)
        return;
    const raft::ClusterConfig &config = m_history->simulation().config();
    m_network.emplace(config.network, config.nodes);
    readEvents();
    readScript();
    m_lastFrontierStep = m_history->frontierStep();
    updateAccessibleText();
}

bool Timeline::hasBranched() const
{
    const raft::Trace &trace = m_history->trace();
    if (trace.size() < m_readEvents || m_history->frontierStep() < m_lastFrontierStep)
        return true;
    if (m_readEvents > 0 && !(trace.events()[m_readEvents - 1] == m_lastEvent))
        return true;
    const std::vector<raft::Input> &script = m_history->script();
    if (script.size() < m_readInputs)
        return true;
    return m_readInputs > 0 && !(script[m_readInputs - 1] == m_lastInput);
}

void Timeline::readEvents()
{
    const std::vector<TraceEvent> &events = m_history->trace().events();
    for (std::size_t i = m_readEvents; i < events.size(); ++i) {
        const TraceEvent &e = events[i];
        TimelineMark mark{.t = e.t, .step = e.step, .node = e.node, .term = e.term, .source = i};
        // A reign lasts from the election until the leader crashes, steps down or a
        // newer leader is elected (the old one may still believe it leads, cut off).
        const auto closeReign = [&](bool onlyIfLeader) {
            if (m_reigns.empty() || m_reigns.back().end)
                return;
            if (onlyIfLeader && m_reigns.back().node != e.node)
                return;
            m_reigns.back().end = e.t;
        };
        switch (e.kind) {
        case EventKind::BecameLeader:
            mark.kind = TimelineMark::Kind::Election;
            closeReign(false);
            m_reigns.push_back(TimelineSpan{.begin = e.t, .node = e.node, .term = e.term, .source = i});
            break;
        case EventKind::CommitAdvanced:
            if (e.reason != raft::Reason::Majority)
                continue;
            mark.kind = TimelineMark::Kind::Commit;
            break;
        case EventKind::NodeCrashed:
            mark.kind = TimelineMark::Kind::Crash;
            closeReign(true);
            break;
        case EventKind::BecameFollower: closeReign(true); continue;
        case EventKind::NodeRestarted: mark.kind = TimelineMark::Kind::Restart; break;
        case EventKind::InvariantViolated: mark.kind = TimelineMark::Kind::Violation; break;
        default: continue;
        }
        m_marks.push_back(mark);
    }
    m_readEvents = events.size();
    if (m_readEvents > 0)
        m_lastEvent = events.back();
}

void Timeline::readScript()
{
    const std::vector<raft::Input> &script = m_history->script();
    for (std::size_t i = m_readInputs; i < script.size(); ++i) {
        const raft::Input &in = script[i];
        m_actions.push_back(TimelineMark{.kind = TimelineMark::Kind::Action,
                                         .t = in.t,
                                         .step = in.step,
                                         .node = in.node,
                                         .source = i,
                                         .input = in.kind});
        if (!changesTopology(in.kind) || !m_network)
            continue;
        // Replay the action on a network of our own: it says whether faults remain
        // (a reconnect or a second partition may leave some).
        raft::Network &net = *m_network;
        switch (in.kind) {
        case InputKind::Partition: net.partition(in.groups); break;
        case InputKind::Isolate: net.isolate(in.node); break;
        case InputKind::Cut:
            net.cut(in.node, in.peer);
            if (in.flag)
                net.cut(in.peer, in.node);
            break;
        case InputKind::Reconnect:
            for (raft::NodeId other = 1; other <= m_history->simulation().size(); ++other) {
                net.restore(in.node, other);
                net.restore(other, in.node);
            }
            break;
        case InputKind::Restore:
            net.restore(in.node, in.peer);
            if (in.flag)
                net.restore(in.peer, in.node);
            break;
        case InputKind::Heal: net.heal(); break;
        default: break;
        }
        const bool open = !m_faults.empty() && !m_faults.back().end;
        const bool faulty = net.hasFaults();
        if (faulty && !open)
            m_faults.push_back(TimelineSpan{.begin = in.t, .partition = !net.groups().empty(), .source = i});
        else if (faulty && open)
            m_faults.back().partition = m_faults.back().partition || !net.groups().empty();
        else if (!faulty && open)
            m_faults.back().end = in.t;
    }
    m_readInputs = script.size();
    if (m_readInputs > 0)
        m_lastInput = script.back();
}

void Timeline::refresh()
{
    if (!m_history)
        return;
    if (hasBranched()) {
        rebuild();
    } else {
        readEvents();
        readScript();
        m_lastFrontierStep = m_history->frontierStep();
    }
    followLive();
    const Time live = liveTime();
    const Time frontier = frontierTime();
    if (live != m_paintedLive || frontier != m_paintedFrontier || markCount() != m_paintedMarks) {
        updateAccessibleText();
        update();
    }
}

void Timeline::updateAccessibleText()
{
    if (!m_history)
        return;
    // Tenths of a second are enough for a screen reader, and change less often.
    const QString text = tr("At %1 of %2")
                             .arg(EventText::timeText(static_cast<double>(liveTime() / 100 * 100)),
                                  EventText::timeText(static_cast<double>(frontierTime() / 100 * 100)));
    if (text != accessibleDescription())
        setAccessibleDescription(text);
}

// --- the view -------------------------------------------------------------------------

Time Timeline::liveTime() const
{
    return m_history ? m_history->simulation().now() : 0;
}

Time Timeline::frontierTime() const
{
    return m_history ? std::max(m_history->frontierTime(), m_history->simulation().now()) : 0;
}

Time Timeline::visibleStart() const
{
    return m_zoomed ? static_cast<Time>(std::llround(m_viewStart)) : 0;
}

Time Timeline::visibleSpan() const
{
    if (m_zoomed)
        return static_cast<Time>(std::llround(m_viewSpan));
    return static_cast<Time>(std::max<double>(static_cast<double>(frontierTime()), kEmptySpan));
}

Timeline::Layout Timeline::layout() const
{
    // Lanes of fixed proportions, sized for 56 pixels above the axis and scaled.
    Layout l;
    l.left = kMargin;
    l.right = std::max(l.left + 1, width() - kMargin);
    l.bottom = height();
    l.axis = std::max(24.0, height() - (fontMetrics().height() + 6.0));
    const double s = std::max(0.5, (l.axis - 3) / 53.0);
    l.userTop = 2;
    l.userBottom = l.userTop + 18 * s;
    l.userRadius = 7.5 * s;
    l.termTop = l.userBottom + 2 * s;
    l.termBottom = l.termTop + 22 * s;
    l.termRadius = 10 * s;
    l.reignHeight = 11 * s;
    l.commitTop = l.termBottom + 3 * s;
    l.commitBottom = std::min(l.axis - 1, l.commitTop + 8 * s);
    l.start = m_zoomed ? m_viewStart : 0.0;
    l.pixelsPerMs = (l.right - l.left) / static_cast<double>(visibleSpan());
    return l;
}

double Timeline::xForTime(Time t) const
{
    return layout().x(t);
}

Time Timeline::timeForX(double x) const
{
    const Layout l = layout();
    const double start = m_zoomed ? m_viewStart : 0.0;
    const double span = static_cast<double>(visibleSpan());
    const double t = start + (x - l.left) / (l.right - l.left) * span;
    return std::clamp<Time>(static_cast<Time>(std::llround(t)), 0, frontierTime());
}

void Timeline::setVisibleRange(Time start, Time span)
{
    const double whole = std::max<double>(static_cast<double>(frontierTime()), kEmptySpan);
    if (static_cast<double>(span) >= whole) {
        zoomToFit();
        return;
    }
    m_zoomed = true;
    m_viewSpan = std::max<double>(static_cast<double>(span), kMinSpan);
    m_viewStart = std::clamp<double>(static_cast<double>(start), 0.0, std::max(0.0, whole - m_viewSpan));
    update();
}

void Timeline::zoomBy(double factor, Time anchor)
{
    const double start = m_zoomed ? m_viewStart : 0.0;
    const double span = static_cast<double>(visibleSpan());
    const double newSpan = std::max(kMinSpan, span * factor);
    const double newStart = static_cast<double>(anchor) - (static_cast<double>(anchor) - start) * newSpan / span;
    setVisibleRange(static_cast<Time>(std::llround(newStart)), static_cast<Time>(std::llround(newSpan)));
}

void Timeline::zoomToFit()
{
    m_zoomed = false;
    m_viewStart = 0;
    update();
}

void Timeline::followLive()
{
    // Follow only when the live position moves, so a paused view stays where the
    // user zoomed or panned it.
    const Time liveNow = liveTime();
    if (liveNow == m_followedLive)
        return;
    m_followedLive = liveNow;
    if (!m_zoomed || m_dragging)
        return;
    const double live = static_cast<double>(liveNow);
    if (live > m_viewStart + m_viewSpan * 0.95)
        m_viewStart = live - m_viewSpan * 0.95;
    else if (live < m_viewStart)
        m_viewStart = std::max(0.0, live - m_viewSpan * 0.1);
}

// --- painting -------------------------------------------------------------------------

void Timeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Layout l = layout();
    painter.fillRect(rect(), ClusterPalette::background());
    painter.fillRect(QRectF(0, 0, width(), l.axis), QColor::fromRgba(kLaneFill));
    painter.setPen(QPen(QColor::fromRgba(kBorder), 1));
    painter.drawLine(QPointF(0, 0.5), QPointF(width(), 0.5));

    if (m_history) {
        painter.save();
        painter.setClipRect(QRectF(l.left - kMargin + 1, 0, l.right - l.left + 2 * kMargin - 2, height()));
        paintAxis(painter, l);
        paintSpans(painter, l);
        paintMarks(painter, l);
        paintPosition(painter, l);
        painter.restore();
    }
    if (hasFocus()) {
        painter.setPen(QPen(QColor::fromRgba(kFocus), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(1, 1, width() - 2, height() - 2));
    }
    Timeline *self = const_cast<Timeline *>(this);
    self->m_paintedLive = liveTime();
    self->m_paintedFrontier = frontierTime();
    self->m_paintedMarks = markCount();
}

void Timeline::paintAxis(QPainter &painter, const Layout &l) const
{
    const double span = static_cast<double>(visibleSpan());
    const double start = m_zoomed ? m_viewStart : 0.0;
    const double pixelsPerMs = (l.right - l.left) / span;
    // Labels at least a wide label's width apart.
    const QFontMetrics fm = fontMetrics();
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
    painter.setFont(font());
    // No tick label under the playhead's time.
    const QRectF playhead = playheadLabelRect(l).adjusted(-4, 0, 4, 0);
    for (double t = first; t <= last + minor * 0.5; t += minor) {
        if (t < 0)
            continue;
        const double x = std::round(l.x(static_cast<Time>(std::llround(t)))) + 0.5;
        const bool major = std::fmod(std::round(t / minor), std::round(step / minor)) == 0;
        if (major) {
            painter.setPen(QPen(QColor::fromRgba(kGrid), 1));
            painter.drawLine(QPointF(x, 1), QPointF(x, l.axis));
            painter.setPen(QPen(ClusterPalette::mutedInk(), 1));
            painter.drawLine(QPointF(x, l.axis), QPointF(x, l.axis + 5));
            const QString label = tickLabel(t, step);
            const double w = fm.horizontalAdvance(label);
            const double lx = std::clamp(x - w / 2, 2.0, width() - w - 2);
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

void Timeline::paintSpans(QPainter &painter, const Layout &l) const
{
    const Time frontier = frontierTime();
    const double x0 = l.left - kMargin;
    const double x1 = l.right + kMargin;
    // Network faults: hatched across every lane, solid edges where they start and end.
    for (const TimelineSpan &span : m_faults) {
        const double a = std::max(x0, l.x(span.begin));
        const double b = std::min(x1, l.x(span.end.value_or(frontier)));
        if (b < x0 || a > x1)
            continue;
        const QRectF band(a, 1, std::max(2.0, b - a), l.axis - 1);
        QColor tint = QColor::fromRgba(kFault);
        tint.setAlpha(30);
        painter.fillRect(band, tint);
        QColor hatch = QColor::fromRgba(kFault);
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
    QFont small = font();
    small.setPixelSize(std::max(9, static_cast<int>(l.reignHeight * 0.95)));
    small.setBold(true);
    painter.setFont(small);
    const QFontMetrics fm(small);
    const double top = l.termCentre() - l.reignHeight / 2;
    const double from = m_zoomed ? m_viewStart : 0.0;
    auto it = std::lower_bound(m_reigns.begin(), m_reigns.end(), from, [&](const TimelineSpan &span, double t) {
        return static_cast<double>(span.end.value_or(frontier)) < t;
    });
    for (; it != m_reigns.end(); ++it) {
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
        const QString text = tr("%1 · term %2").arg(EventText::nodeText(it->node)).arg(it->term);
        if (textLeft + fm.horizontalAdvance(text) + 4 < bar.right()) {
            painter.setPen(ClusterPalette::ink());
            painter.drawText(QRectF(textLeft, top, bar.right() - textLeft, l.reignHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, text);
        }
    }
}

const QPixmap &Timeline::glyph(Glyph kind, raft::Term term, const Layout &l, qreal dpr) const
{
    // Marks are drawn by the thousand: each glyph is painted once into a sprite and
    // blitted after that, until the lanes' size or the screen changes.
    if (m_glyphRadius != l.termRadius + l.userRadius * 1000 || m_glyphDpr != dpr) {
        m_glyphs.clear();
        m_glyphRadius = l.termRadius + l.userRadius * 1000;
        m_glyphDpr = dpr;
    }
    const quint64 key = (static_cast<quint64>(kind) << 56) | (term & 0x00FFFFFFFFFFFFFFULL);
    auto it = m_glyphs.find(key);
    if (it != m_glyphs.end())
        return *it;
    const bool onTerms = kind == Glyph::Election || kind == Glyph::Violation;
    const double r = onTerms ? l.termRadius : l.userRadius;
    const double e = glyphExtent(r);
    QPixmap pixmap(QSize(static_cast<int>(std::ceil(2 * e * dpr)), static_cast<int>(std::ceil(2 * e * dpr))));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font());
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
    return *m_glyphs.insert(key, pixmap);
}

void Timeline::paintMarks(QPainter &painter, const Layout &l) const
{
    const double x0 = l.left - kMargin;
    const double x1 = l.right + kMargin;
    const double tFrom = m_zoomed ? m_viewStart - m_viewSpan * 0.02 : 0.0;
    const auto begin = firstAtOrAfter(m_marks, tFrom);
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const auto blit = [&](Glyph kind, raft::Term term, double x, double y) {
        const QPixmap &sprite = glyph(kind, term, l, dpr);
        const double e = sprite.width() / dpr / 2;
        painter.drawPixmap(QPointF(std::round(x - e), std::round(y - e)), sprite);
    };

    // Commits first, one tick per pixel column at most, in one batch.
    QVarLengthArray<QLineF, 512> ticks;
    double lastX = -1e9;
    for (auto it = begin; it != m_marks.end(); ++it) {
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
    painter.setPen(QPen(QColor::fromRgba(kCommit), 2, Qt::SolidLine, Qt::FlatCap));
    painter.drawLines(ticks.constData(), static_cast<int>(ticks.size()));
    painter.restore();

    // The user's lane: actions as triangles pointing down at their moment (client
    // requests hollow, the rest solid), a pause as a pause badge; crashes and restarts
    // come from the trace below. Requests first, so that rarer actions cover them.
    const auto actionsBegin = firstAtOrAfter(m_actions, tFrom);
    for (int pass = 0; pass < 2; ++pass) {
        const bool requests = pass == 0;
        lastX = -1e9;
        for (auto it = actionsBegin; it != m_actions.end(); ++it) {
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
    for (auto it = begin; it != m_marks.end(); ++it) {
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
        default: break;
        }
    }
}

QRectF Timeline::playheadLabelRect(const Layout &l) const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const double live = l.x(liveTime());
    const bool outside = live < l.left - 1 || live > l.right + 1;
    const double w = fm.horizontalAdvance(EventText::timeText(static_cast<double>(liveTime()))) + 12
        + (outside ? fm.height() * 0.6 : 0);
    const double h = std::min<double>(fm.height() + 4, l.bottom - l.axis - 1);
    const double lx = std::clamp(live - w / 2, 1.0, width() - w - 1);
    return {lx, l.axis + 1, w, h};
}

void Timeline::paintPosition(QPainter &painter, const Layout &l) const
{
    const double live = l.x(liveTime());
    const Time frontierT = m_history->frontierTime();
    const double frontier = l.x(frontierT);
    const double x1 = l.right + kMargin;

    // The recorded future: lighter and hatched, up to the dashed frontier.
    if (m_history->hasFuture() && frontier > live) {
        const QRectF future(live, 1, std::min(frontier, x1) - live, l.axis - 1);
        painter.fillRect(future, QColor(255, 255, 255, 165));
        painter.fillRect(future, QBrush(QColor(86, 98, 110, 70), Qt::FDiagPattern));
        QPen dashed(ClusterPalette::mutedInk(), 2, Qt::DashLine, Qt::FlatCap);
        painter.setPen(dashed);
        painter.drawLine(QPointF(frontier, 1), QPointF(frontier, l.axis));
    }
    // Not recorded yet (a zoomed view can reach past the frontier).
    if (frontier < x1)
        painter.fillRect(QRectF(frontier, 1, x1 - frontier, l.axis - 1), ClusterPalette::background());

    // The time under the mouse: a thin guide line, and its time under the axis
    // unless the playhead's is there.
    if (m_hoverX >= l.left && m_hoverX <= l.right && !m_dragging) {
        painter.setPen(QPen(ClusterPalette::mutedInk(), 1, Qt::DotLine));
        painter.drawLine(QPointF(std::round(m_hoverX) + 0.5, 1), QPointF(std::round(m_hoverX) + 0.5, l.axis));
        const QString text = EventText::timeText(static_cast<double>(timeForX(m_hoverX)));
        const QFontMetrics fm(font());
        const double w = fm.horizontalAdvance(text) + 10;
        const QRectF box(std::clamp(m_hoverX - w / 2, 1.0, width() - w - 1), l.axis + 1, w,
                         std::min<double>(fm.height() + 4, l.bottom - l.axis - 1));
        if (!box.intersects(playheadLabelRect(l))) {
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

    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    const QRectF box = playheadLabelRect(l);
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
    painter.drawText(text, Qt::AlignCenter, EventText::timeText(static_cast<double>(liveTime())));
}

// --- interaction ----------------------------------------------------------------------

void Timeline::seekTo(double x)
{
    if (!m_history)
        return;
    const Time t = timeForX(x);
    if (t == m_lastSeek)
        return;
    m_lastSeek = t;
    Q_EMIT seekRequested(t);
}

void Timeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_dragging = true;
    m_lastSeek = -1;
    // A click on a mark goes to its very moment; anywhere else, to the time under it.
    const Hit hit = hitAt(event->position());
    if (hit.mark && hit.mark->kind != TimelineMark::Kind::Commit
        && std::abs(xForTime(hit.mark->t) - event->position().x()) <= kSnapRadius) {
        m_lastSeek = std::clamp<Time>(hit.mark->t, 0, frontierTime());
        Q_EMIT seekRequested(m_lastSeek);
    } else {
        seekTo(event->position().x());
    }
    event->accept();
}

void Timeline::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging)
        seekTo(event->position().x());
    if (m_hoverX != event->position().x()) {
        m_hoverX = event->position().x();
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void Timeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        // The press and the moves have asked for every seek already.
        m_dragging = false;
        m_lastSeek = -1;
        m_followedLive = -1;
        followLive();
        update();
    }
    QWidget::mouseReleaseEvent(event);
}

void Timeline::leaveEvent(QEvent *event)
{
    m_hoverX = -1;
    update();
    QWidget::leaveEvent(event);
}

void Timeline::wheelEvent(QWheelEvent *event)
{
    if (!m_history) {
        event->ignore();
        return;
    }
    const QPoint delta = event->angleDelta();
    const Layout l = layout();
    const double span = static_cast<double>(visibleSpan());
    const double start = m_zoomed ? m_viewStart : 0.0;
    if (delta.x() != 0 || event->modifiers().testFlag(Qt::ShiftModifier)) {
        // Pan: a notch moves a tenth of the window.
        if (m_zoomed) {
            const int d = delta.x() != 0 ? delta.x() : delta.y();
            setVisibleRange(static_cast<Time>(std::llround(start - d / 120.0 * span * 0.1)),
                            static_cast<Time>(std::llround(span)));
        }
    } else if (delta.y() != 0) {
        const double anchor = start + (event->position().x() - l.left) / (l.right - l.left) * span;
        zoomBy(std::pow(0.8, delta.y() / 120.0), static_cast<Time>(std::llround(anchor)));
    }
    event->accept();
}

void Timeline::keyPressEvent(QKeyEvent *event)
{
    if (!m_history) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Home: Q_EMIT seekRequested(0); break;
    case Qt::Key_End: Q_EMIT seekRequested(m_history->frontierTime()); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(0.5, liveTime()); break;
    case Qt::Key_Minus: zoomBy(2.0, liveTime()); break;
    case Qt::Key_0: zoomToFit(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

Timeline::Hit Timeline::hitAt(QPointF pos) const
{
    Hit hit;
    if (!m_history)
        return hit;
    const Layout l = layout();
    const double x = pos.x();
    const double y = pos.y();
    if (y > l.axis)
        return hit; // the time axis and its labels
    enum class Lane { User, Term, Commit };
    const Lane lane = y < l.termTop ? Lane::User : y < l.commitTop ? Lane::Term : Lane::Commit;
    const auto laneOf = [](const TimelineMark &m) {
        switch (m.kind) {
        case TimelineMark::Kind::Action:
        case TimelineMark::Kind::Crash:
        case TimelineMark::Kind::Restart: return Lane::User;
        case TimelineMark::Kind::Commit: return Lane::Commit;
        default: return Lane::Term;
        }
    };
    // The nearest mark within reach; marks off the pointer's lane count as farther.
    double best = kHitRadius + 12;
    const auto consider = [&](const std::vector<TimelineMark> &marks) {
        const double from = static_cast<double>(timeForX(x - kHitRadius - 1));
        for (auto it = firstAtOrAfter(marks, from); it != marks.end(); ++it) {
            const double mx = l.x(it->t);
            if (mx > x + kHitRadius + 1)
                break;
            const double d = std::abs(mx - x) + (laneOf(*it) == lane ? 0 : 12);
            if (d < best) {
                best = d;
                hit.mark = &*it;
            }
        }
    };
    consider(m_marks);
    consider(m_actions);
    if (hit.mark)
        return hit;
    const Time t = timeForX(x);
    const Time frontier = frontierTime();
    if (lane == Lane::Term) {
        for (const TimelineSpan &span : m_reigns)
            if (span.begin <= t && t <= span.end.value_or(frontier))
                hit.span = &span;
        if (hit.span)
            return hit;
    }
    for (const TimelineSpan &span : m_faults)
        if (span.begin <= t && t <= span.end.value_or(frontier))
            hit.span = &span;
    return hit;
}

QString Timeline::toolTipFor(const Hit &hit) const
{
    const auto time = [](Time t) { return EventText::timeText(static_cast<double>(t)); };
    // The marks may lag the history by a frame (refresh() not called yet): check.
    const std::vector<raft::Input> &script = m_history->script();
    const raft::Trace &trace = m_history->trace();
    if (hit.mark) {
        const TimelineMark &m = *hit.mark;
        if (m.kind == TimelineMark::Kind::Action) {
            if (m.source >= script.size())
                return {};
            const raft::Input &in = script[m.source];
            return tr("<b>Your action</b> at %1<br>%2").arg(time(m.t), actionText(in).toHtmlEscaped());
        }
        if (m.source >= trace.size())
            return {};
        const TraceEvent &e = trace.events()[m.source];
        return tr("<b>%1</b> at %2<br>%3")
            .arg(EventText::kindTitle(e.kind).toHtmlEscaped(), time(m.t),
                 EventText::describe(trace, e).toHtmlEscaped());
    }
    if (hit.span) {
        const TimelineSpan &s = *hit.span;
        const QString end = s.end ? time(*s.end) : tr("the end of the recorded run");
        if (s.node != raft::kNoNode)
            return tr("<b>%1 led term %2</b><br>from %3 to %4")
                .arg(EventText::nodeText(s.node))
                .arg(s.term)
                .arg(time(s.begin), end);
        if (s.source >= script.size())
            return {};
        const raft::Input &in = script[s.source];
        return tr("<b>Network faults</b> from %1 to %2<br>%3").arg(time(s.begin), end, actionText(in).toHtmlEscaped());
    }
    return {};
}

QString Timeline::toolTipAt(QPointF pos) const
{
    return toolTipFor(hitAt(pos));
}

bool Timeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this, QRect(help->pos() - QPoint(4, 4), QSize(8, 8)));
        }
        return true;
    }
    return QWidget::event(event);
}

void Timeline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateAccessibleText();
        update();
    } else if (event->type() == QEvent::FontChange) {
        m_glyphs.clear();
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace widgets
