#include "widgets/timeline.h"
#include "widgets/simulationsource.h"

#include "widgets/clusterpalette.h"
#include "widgets/eventtext.h"
#include "widgets/timelinepainter.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using raft::InputKind;
using raft::Time;
using raft::TraceEvent;

namespace widgets {

namespace {

/// The narrowest window of time a zoomed view shows (ticks, as every time here).
constexpr double kMinSpan = static_cast<double>(raft::fromMs(50));
/// The span shown before anything was recorded.
constexpr double kEmptySpan = static_cast<double>(raft::fromSeconds(1));
/// How far from a mark (in pixels) the mouse still points at it.
constexpr double kHitRadius = 8;
/// How close (in pixels) a click must be to a mark to go to its exact time.
constexpr double kSnapRadius = 6;

/// tenths rounds a time down to a tenth of a second.
Time tenths(Time t)
{
    return t / raft::fromMs(100) * raft::fromMs(100);
}

template <class... F> struct Overloaded : F... {
    using F::operator()...;
};
template <class... F> Overloaded(F...) -> Overloaded<F...>;

/// actionText words a user action for its tooltip.
QString actionText(const raft::Input &in)
{
    namespace act = raft::act;
    const auto n = [](raft::NodeId id) { return EventText::nodeText(id); };
    return std::visit(
        Overloaded{
            [&](const act::Crash &a) { return Timeline::tr("You crashed %1").arg(n(a.node)); },
            [&](const act::Restart &a) { return Timeline::tr("You restarted %1").arg(n(a.node)); },
            [&](const act::Pause &a) { return Timeline::tr("You paused %1").arg(n(a.node)); },
            [&](const act::Resume &a) { return Timeline::tr("You resumed %1").arg(n(a.node)); },
            [&](const act::Timeout &a) {
                return Timeline::tr("You made %1 time out and start an election").arg(n(a.node));
            },
            [&](const act::Request &a) {
                return Timeline::tr("You sent the client request \"%1\" to %2")
                    .arg(EventText::commandText(a.command), n(a.node));
            },
            [&](const act::Partition &a) {
                QStringList groups;
                for (const auto &group : a.groups) {
                    QStringList names;
                    for (raft::NodeId id : group)
                        names << n(id);
                    groups << names.join(QLatin1Char(' '));
                }
                return Timeline::tr("You partitioned the network: %1").arg(groups.join(QStringLiteral(" | ")));
            },
            [&](const act::Isolate &a) { return Timeline::tr("You isolated %1 from the network").arg(n(a.node)); },
            [&](const act::Cut &a) {
                return a.bothWays ? Timeline::tr("You cut the link between %1 and %2").arg(n(a.from), n(a.to))
                                  : Timeline::tr("You cut the link from %1 to %2").arg(n(a.from), n(a.to));
            },
            [&](const act::Reconnect &a) { return Timeline::tr("You reconnected %1").arg(n(a.node)); },
            [&](const act::Transfer &a) {
                return Timeline::tr("You asked the leader to hand leadership over to %1").arg(n(a.node));
            },
            [&](const act::Snapshot &a) {
                return Timeline::tr("You made %1 take a snapshot and compact its log").arg(n(a.node));
            },
            [&](const act::Read &a) {
                return Timeline::tr("You read %1 at %2").arg(QString::fromStdString(a.key), n(a.node));
            },
            [&](const act::AddServer &a) { return Timeline::tr("You asked the leader to add %1").arg(n(a.node)); },
            [&](const act::RemoveServer &a) {
                return Timeline::tr("You asked the leader to remove %1").arg(n(a.node));
            },
            [&](const act::Reconfigure &a) {
                QStringList names;
                for (raft::NodeId id : a.voters)
                    names << n(id);
                return Timeline::tr("You asked the leader to change the configuration to %1")
                    .arg(names.join(QLatin1Char(' ')));
            },
            [&](const act::Restore &a) {
                return a.bothWays ? Timeline::tr("You restored the link between %1 and %2").arg(n(a.from), n(a.to))
                                  : Timeline::tr("You restored the link from %1 to %2").arg(n(a.from), n(a.to));
            },
            [](const act::Heal &) { return Timeline::tr("You healed the network"); },
            [](const act::Drop &a) { return Timeline::tr("You dropped message #%1").arg(a.message); },
            [](const act::Deliver &a) { return Timeline::tr("You delivered message #%1").arg(a.message); },
            [](const act::Duplicate &a) { return Timeline::tr("You duplicated message #%1").arg(a.message); },
            [](const act::Hold &a) {
                return a.on ? Timeline::tr("You turned manual delivery on")
                            : Timeline::tr("You turned manual delivery off");
            },
            [](const act::SetNetwork &) {
                return Timeline::tr("You changed the network's latency, loss or duplication");
            },
            [](const act::Say &a) { return Timeline::tr("Narration: %1").arg(QString::fromStdString(a.text)); },
            [&](const act::SetTimer &a) {
                return Timeline::tr("You set %1's election timer to fire at %2")
                    .arg(n(a.node), EventText::timeText(static_cast<double>(a.at)));
            },
            [&](const act::SetLink &a) {
                return Timeline::tr("You changed the link from %1 to %2").arg(n(a.from), n(a.to));
            },
            [](const act::AutoClient &a) {
                return a.every > 0 ? Timeline::tr("You started the automatic client: a request to the leader every "
                                                  "%1 ms")
                                         .arg(EventText::msText(a.every))
                                   : Timeline::tr("You stopped the automatic client");
            },
        },
        in.action);
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

// --- the cached marks ---------------------------------------------------------------

void Timeline::setHistory(const raft::History *history)
{
    m_history = history;
    m_zoomed = false;
    m_followedLive = -1;
    m_marks.reset(history);
    updateAccessibleText();
    update();
}

void Timeline::refresh()
{
    if (!m_history)
        return;
    m_marks.update();
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
                             .arg(EventText::timeText(static_cast<double>(tenths(liveTime()))),
                                  EventText::timeText(static_cast<double>(tenths(frontierTime()))));
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

TimelineLayout Timeline::layout() const
{
    return TimelineLayout::make(width(), height(), fontMetrics().height() + 6.0, m_zoomed ? m_viewStart : 0.0,
                                static_cast<double>(visibleSpan()));
}

double Timeline::xForTime(Time t) const
{
    return layout().x(t);
}

Time Timeline::timeForX(double x) const
{
    return layout().timeAt(x, frontierTime());
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
    const TimelineLayout l = layout();
    painter.fillRect(rect(), ClusterPalette::background());
    painter.fillRect(QRectF(0, 0, width(), l.axis), ClusterPalette::paneCard());
    painter.setPen(QPen(ClusterPalette::paneBorder(), 1));
    painter.drawLine(QPointF(0, 0.5), QPointF(width(), 0.5));

    if (m_history) {
        painter.save();
        const double margin = TimelineLayout::kMargin;
        painter.setClipRect(QRectF(l.left - margin + 1, 0, l.right - l.left + 2 * margin - 2, height()));
        TimelinePainter(painter, l, m_marks, m_glyphs, font(), width())
            .paint(TimelineView{.live = liveTime(),
                                .recordedEnd = m_history->frontierTime(),
                                .frontier = frontierTime(),
                                .hasFuture = m_history->hasFuture(),
                                .hoverX = m_hoverX,
                                .dragging = m_dragging});
        painter.restore();
    }
    if (hasFocus()) {
        painter.setPen(QPen(ClusterPalette::focus(), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(1, 1, width() - 2, height() - 2));
    }
    m_paintedLive = liveTime();
    m_paintedFrontier = frontierTime();
    m_paintedMarks = markCount();
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
    const TimelineLayout l = layout();
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
    const TimelineLayout l = layout();
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
        case TimelineMark::Kind::Election:
        case TimelineMark::Kind::Violation: return Lane::Term;
        }
        return Lane::Term;
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
    consider(m_marks.marks());
    consider(m_marks.actions());
    if (hit.mark)
        return hit;
    const Time t = timeForX(x);
    const Time frontier = frontierTime();
    if (lane == Lane::Term) {
        for (const TimelineSpan &span : m_marks.reigns())
            if (span.begin <= t && t <= span.end.value_or(frontier))
                hit.span = &span;
        if (hit.span)
            return hit;
    }
    for (const TimelineSpan &span : m_marks.faults())
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
        if (s.source >= trace.size())
            return {};
        return tr("<b>Network faults</b> from %1 to %2<br>%3")
            .arg(time(s.begin), end, EventText::describe(trace, trace.events()[s.source]).toHtmlEscaped());
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

void Timeline::setSource(const SimulationSource *source)
{
    const auto showHistory = [this, source] {
        setHistory(&source->history());
        refresh();
    };
    showHistory();
    connect(source, &SimulationSource::structureChanged, this, showHistory);
    connect(source, &SimulationSource::advanced, this, &Timeline::refresh);
}

} // namespace widgets
