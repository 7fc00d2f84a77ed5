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
using raft::MessageRecords;
using raft::NodeId;
using raft::Time;

namespace widgets {

namespace {

constexpr double kMinSpan = static_cast<double>(raft::fromMs(50));
/// kFollowAt: where the playhead sits across the window while the view follows it.
constexpr double kFollowAt = 0.85;
/// kFirstSpan: the narrowest window shown while following the start of a run.
constexpr double kFirstSpan = static_cast<double>(raft::fromSeconds(1));

/// kOneMs: a millisecond in ticks, the precision of a tooltip's times.
constexpr double kOneMs = static_cast<double>(raft::fromMs(1));

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

} // namespace

QString SpaceTimeView::timeText(double time, double step)
{
    const double stepMs = step / static_cast<double>(raft::kTicksPerMs);
    const int decimals = stepMs >= 1000 ? 0 : (stepMs >= 100 ? 1 : (stepMs >= 10 ? 2 : 3));
    return tr("%1 s").arg(time / static_cast<double>(raft::fromSeconds(1)), 0, 'f', decimals);
}

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
    const double longest =
        std::max(static_cast<double>(raft::fromSeconds(1)), static_cast<double>(m_model.frontier()) * 1.2);
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
    const MessageRecords &all = m_model.messages();
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
    case Qt::Key_0: setVisibleRange(0, std::max<Time>(raft::fromSeconds(1), m_model.frontier())); break;
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
        fate = tr("delivered at %1").arg(timeText(static_cast<double>(r.endAt), kOneMs));
        break;
    case MessageRecord::Fate::Lost: fate = tr("lost at %1").arg(timeText(static_cast<double>(r.endAt), kOneMs)); break;
    case MessageRecord::Fate::InFlight: fate = tr("still on its way"); break;
    }
    return tr("%1 from %2 to %3, term %4, sent at %5, %6")
        .arg(QString::fromLatin1(raft::messageTypeName(r.type)), QString::fromStdString(raft::nodeName(r.from)),
             QString::fromStdString(raft::nodeName(r.to)))
        .arg(r.term)
        .arg(timeText(static_cast<double>(r.sentAt), kOneMs), fate);
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
