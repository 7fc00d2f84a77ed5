#include "widgets/clusterview.h"

#include "widgets/clusterlegend.h"
#include "widgets/clusterpalette.h"
#include "widgets/networksides.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

constexpr double kPi = 3.14159265358979323846;
/// A lost message stays visible, fading out, for kLostFlights times its planned
/// flight, within [kLostFadeMin, kLostFadeMax] ms of display time: long enough to be
/// seen at any speed at which its flight could be followed, short enough not to
/// linger over what comes next.
constexpr double kLostFlights = 4.0;
constexpr double kLostFadeMin = 60.0;
constexpr double kLostFadeMax = 1500.0;
/// kPanThreshold is how far (px) the mouse must move before a press becomes a pan.
constexpr qreal kPanThreshold = 4.0;

qreal length(QPointF v)
{
    return std::hypot(v.x(), v.y());
}

QPointF unit(QPointF v)
{
    const qreal len = length(v);
    return len > 0 ? v / len : QPointF(0, 0);
}

bool replyOk(const raft::Message &message)
{
    switch (message.type) {
    case raft::MessageType::RequestVoteReply: return message.voteGranted;
    case raft::MessageType::AppendEntriesReply: return message.success;
    case raft::MessageType::RequestVote:
    case raft::MessageType::AppendEntries:
    default: return true;
    }
}

QString typeText(raft::MessageType type)
{
    return QString::fromLatin1(raft::messageTypeName(type));
}

/// LabelMetrics is the geometry of a node's label for a disc of radius r; layout()
/// and paintNode() share it so that what is reserved is what is drawn.
struct LabelMetrics {
    bool detailed = false; ///< big enough for the log bar and the log line
    qreal namePixels = 0;
    qreal smallPixels = 0;
    qreal pad = 0;
    qreal gap = 0;
    qreal barWidth = 0;
    qreal barHeight = 0;
};

LabelMetrics labelMetrics(qreal r)
{
    LabelMetrics m;
    m.detailed = r >= 22;
    m.namePixels = std::max<qreal>(std::lround(std::max<qreal>(r * 0.36, 11)), 7);
    m.smallPixels = std::max<qreal>(std::lround(std::max<qreal>(r * 0.22, 10)), 7);
    m.pad = std::max<qreal>(3, std::round(r * 0.08));
    m.gap = m.detailed ? std::round(r * 0.07) : 0;
    m.barWidth = m.detailed ? std::round(r * 1.9) : 0;
    m.barHeight = m.detailed ? std::max<qreal>(4, std::round(r * 0.12)) : 0;
    return m;
}

} // namespace

ClusterView::ClusterView(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true); // hovering highlights links
    setFocusPolicy(Qt::StrongFocus);
    setContextMenuPolicy(Qt::DefaultContextMenu);
    setToolTip(QString()); // tool tips come from event()
    for (int id = 1; id <= raft::kMaxNodes; ++id)
        m_names[static_cast<std::size_t>(id)] = QString::fromStdString(raft::nodeName(id));
}

ClusterView::~ClusterView() = default;

QSize ClusterView::sizeHint() const
{
    return {960, 640};
}

QSize ClusterView::minimumSizeHint() const
{
    return {240, 180};
}

// --- state ---

void ClusterView::setSimulation(const raft::Simulation *simulation)
{
    m_simulation = simulation;
    m_selectedNode = raft::kNoNode;
    m_selected = {};
    m_selectedMessage = 0;
    m_drag = Drag::None;
    m_hoverLink.reset();
    m_displayTime = simulation ? static_cast<double>(simulation->now()) : 0.0;
    invalidateLayout();
    update();
}

void ClusterView::setDisplayTime(double virtualMs)
{
    m_displayTime = virtualMs;
    update();
}

void ClusterView::setSelectedNode(raft::NodeId id)
{
    std::array<bool, raft::kMaxNodes + 1> selected{};
    if (id >= 1 && id <= raft::kMaxNodes)
        selected[static_cast<std::size_t>(id)] = true;
    else
        id = raft::kNoNode;
    if (m_selectedNode == id && m_selectedMessage == 0 && m_selected == selected)
        return;
    m_selectedNode = id;
    m_selected = selected;
    m_selectedMessage = 0;
    update();
}

void ClusterView::setSelectedMessage(std::uint64_t id)
{
    if (m_selectedMessage == id && m_selectedNode == raft::kNoNode)
        return;
    m_selectedMessage = id;
    m_selectedNode = raft::kNoNode;
    m_selected = {};
    update();
}

std::vector<raft::NodeId> ClusterView::selectedNodes() const
{
    std::vector<raft::NodeId> nodes;
    for (raft::NodeId id = 1; id <= raft::kMaxNodes; ++id)
        if (m_selected[static_cast<std::size_t>(id)])
            nodes.push_back(id);
    return nodes;
}

void ClusterView::setSelectedNodes(const std::vector<raft::NodeId> &nodes)
{
    m_selected = {};
    m_selectedNode = raft::kNoNode;
    for (const raft::NodeId id : nodes) {
        if (id < 1 || id > raft::kMaxNodes)
            continue;
        m_selected[static_cast<std::size_t>(id)] = true;
        if (m_selectedNode == raft::kNoNode)
            m_selectedNode = id;
    }
    m_selectedMessage = 0;
    update();
}

bool ClusterView::canPartitionSelection() const
{
    if (!m_simulation)
        return false;
    const std::size_t count = selectedNodes().size();
    return count >= 1 && count < static_cast<std::size_t>(m_simulation->size());
}

void ClusterView::requestPartitionOfSelection()
{
    if (!canPartitionSelection())
        return;
    std::vector<raft::NodeId> rest;
    for (raft::NodeId id = 1; id <= m_simulation->size(); ++id)
        if (!m_selected[static_cast<std::size_t>(id)])
            rest.push_back(id);
    std::vector<std::vector<raft::NodeId>> groups{selectedNodes(), rest};
    if (groups[1].front() < groups[0].front())
        std::swap(groups[0], groups[1]);
    emit partitionRequested(groups);
}

void ClusterView::emitSelection()
{
    emit selectionChanged(selectedNodes());
}

void ClusterView::setLegendVisible(bool visible)
{
    if (m_legendVisible == visible)
        return;
    m_legendVisible = visible;
    invalidateLayout();
    update();
}

void ClusterView::setZoom(double factor)
{
    const double zoom = std::clamp(factor, kMinZoom, kMaxZoom);
    if (zoom == m_zoom)
        return;
    // Keep the widget's centre where it is: the pan scales with the zoom.
    m_pan *= zoom / m_zoom;
    m_zoom = zoom;
    invalidateLayout();
    update();
}

void ClusterView::resetView()
{
    m_zoom = 1.0;
    m_pan = QPointF();
    invalidateLayout();
    update();
}

// --- geometry ---

void ClusterView::invalidateLayout()
{
    m_layoutValid = false;
    m_backgroundValid = false;
    m_sides.valid = false;
}

const ClusterView::Layout &ClusterView::layout() const
{
    const int nodes = m_simulation ? std::clamp(m_simulation->size(), 0, raft::kMaxNodes) : 0;
    if (m_layoutValid && m_layout.nodes == nodes)
        return m_layout;

    Layout l;
    l.nodes = nodes;
    // The fit (legend, disc and ring sizes) depends only on the widget's size, the
    // legend and the cluster's size; zooming and panning reuse it.
    if (!m_fit.valid || m_fit.size != size() || m_fit.legend != m_legendVisible || m_fit.nodes != nodes)
        m_fit = fit(nodes);
    l.legendUnit = m_fit.legendUnit;
    l.legendColumns = m_fit.legendColumns;
    l.legendRect = m_fit.legendRect;
    l.legendShown = m_fit.legendShown;
    l.radius = m_fit.radius * m_zoom;
    l.ring = m_fit.ring * m_zoom;
    l.centre = m_fit.centre + m_pan;
    l.outer = ClusterPalette::outerRadius(l.radius);
    l.message = std::clamp<qreal>(l.radius * 0.30, 5, 26);
    l.lane = std::max<qreal>(l.radius * 0.24, l.message * 0.65);
    for (int id = 1; id <= nodes; ++id) {
        const QPointF dir = direction(nodes, id);
        l.outward[static_cast<std::size_t>(id)] = dir;
        l.centres[static_cast<std::size_t>(id)] = l.centre + dir * l.ring;
    }
    m_layout = l;
    m_layoutValid = true;
    return m_layout;
}

QPointF ClusterView::direction(int nodes, raft::NodeId id)
{
    if (nodes <= 1)
        return {0, 1};
    // S1 at twelve o'clock and clockwise (y points down); two servers side by side.
    const double start = nodes == 2 ? kPi : -kPi / 2;
    const double angle = start + 2 * kPi * (id - 1) / nodes;
    return {std::cos(angle), std::sin(angle)};
}

ClusterView::Fit ClusterView::fit(int nodes) const
{
    Fit f;
    f.valid = true;
    f.size = size();
    f.legend = m_legendVisible;
    f.nodes = nodes;
    QRectF area = rect();
    if (m_legendVisible) {
        // The legend scales with the view but never below a readable size: one column
        // of sentences when it fits; in a short view, two columns of brief labels that
        // leave the cluster at least a square.
        const qreal preferred = std::clamp(height() / 720.0, 0.85, 1.6);
        const qreal maxHeight = std::max(40, height() - 16);
        f.legendColumns = 1;
        f.legendUnit = ClusterLegend::unitFor(preferred, maxHeight, 1);
        if (f.legendUnit < preferred * 0.9) {
            qreal unit = ClusterLegend::unitFor(preferred, maxHeight, 2);
            const qreal maxWidth = width() - 24 - 0.9 * height();
            const qreal legendWidth = ClusterLegend::sizeAt(unit, 2).width();
            if (legendWidth > maxWidth)
                unit *= std::max<qreal>(maxWidth, 1) / legendWidth;
            f.legendColumns = 2;
            f.legendUnit = unit;
        }
        const QSizeF size = ClusterLegend::sizeAt(f.legendUnit, f.legendColumns);
        f.legendRect = QRectF(QPointF(8, 8), size);
        // Level of detail: a legend too small to read, or one that would crowd out the
        // cluster, is left out until the view grows.
        f.legendShown = f.legendUnit >= 0.72 && size.height() <= height() - 12 && size.width() <= width() * 0.56;
        // Make room beside the legend if that still leaves a roomy picture.
        if (f.legendShown && area.width() - size.width() - 16 >= std::min(area.height(), area.width()) * 0.75)
            area.setLeft(size.width() + 16);
    }

    // Each disc has its label outside the ring, so the ring's size depends on the
    // labels' and the labels' on the discs'. Find the largest disc radius r such that
    // every disc and label fits the area and neighbours keep apart (r <= c * ring);
    // a larger r means a smaller ring, so the two meet at one point: bisect for it.
    const qreal c = nodes >= 3 ? 0.32 * 2 * std::sin(kPi / nodes) : 0.5;
    const qreal halfHeight = area.height() / 2;
    const qreal halfWidth = area.width() / 2;
    // Text widths per pixel of font size, measured once.
    QFont font;
    font.setPixelSize(100);
    const QFontMetricsF plain(font);
    font.setBold(true);
    const QFontMetricsF bold(font);
    const qreal logAdvance = plain.horizontalAdvance(tr("log %1 · commit %2").arg(888).arg(888)) / 100;
    const qreal nameAdvance = bold.horizontalAdvance(tr("%1 crashed").arg(QStringLiteral("S8"))) / 100;
    const qreal lineHeight = plain.height() / 100;
    auto maxRing = [&](qreal radius) {
        const LabelMetrics m = labelMetrics(radius);
        const qreal labelWidth = std::max(m.namePixels * nameAdvance,
                                          m.detailed ? std::max(m.smallPixels * logAdvance, m.barWidth) : 0)
            + 2 * m.pad;
        const qreal labelHeight = m.namePixels * lineHeight
            + (m.detailed ? 2 * m.gap + m.barHeight + m.smallPixels * lineHeight : 0) + m.pad;
        const qreal outer = ClusterPalette::outerRadius(radius) + radius * 0.08;
        qreal ring = nodes <= 1 ? 0 : 1e9;
        bool fits = true;
        for (int id = 1; id <= std::max(nodes, 1); ++id) {
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
    qreal hi = std::max<qreal>(lo, side * (nodes <= 3 ? 0.12 : 0.10));
    auto feasible = [&](qreal radius) {
        const qreal ring = maxRing(radius);
        return ring >= 0 && (nodes <= 1 || radius <= c * ring);
    };
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

QPointF ClusterView::nodeCenter(raft::NodeId id) const
{
    const Layout &l = layout();
    if (id < 1 || id > l.nodes)
        return {};
    return l.centres[static_cast<std::size_t>(id)];
}

qreal ClusterView::nodeRadius() const
{
    return layout().radius;
}

ClusterView::Lane ClusterView::lane(raft::NodeId from, raft::NodeId to) const
{
    const Layout &l = layout();
    const QPointF a = l.centres[static_cast<std::size_t>(from)];
    const QPointF b = l.centres[static_cast<std::size_t>(to)];
    const QPointF u = unit(b - a);
    // Keep to the right of the direction of travel (y points down), so a request and
    // its reply pass each other instead of overlapping.
    const QPointF side(-u.y(), u.x());
    const qreal door = l.outer + l.message * 0.75;
    const qreal along = std::sqrt(std::max<qreal>(door * door - l.lane * l.lane, 0));
    return {a + u * along + side * l.lane, b - u * along + side * l.lane};
}

double ClusterView::travelFraction(const raft::Envelope &envelope) const
{
    if (envelope.waiting)
        return 1.0;
    const double span = static_cast<double>(envelope.deliverAt - envelope.sentAt);
    if (span <= 0)
        return 1.0;
    return std::clamp((m_displayTime - static_cast<double>(envelope.sentAt)) / span, 0.0, 1.0);
}

template <typename F> void ClusterView::forEachDrawnMessage(F &&f) const
{
    if (!m_simulation)
        return;
    const Layout &l = layout();
    std::array<std::array<std::uint8_t, raft::kMaxNodes + 1>, raft::kMaxNodes + 1> waiting{};
    m_simulation->network().forEach([&](const raft::Envelope &envelope) {
        const raft::NodeId from = envelope.message.from;
        const raft::NodeId to = envelope.message.to;
        if (from < 1 || from > l.nodes || to < 1 || to > l.nodes || from == to)
            return;
        // A doomed message vanishes at lostAt; the simulation may not have got there yet.
        if (envelope.doomed && m_displayTime >= static_cast<double>(envelope.lostAt))
            return;
        const Lane path = lane(from, to);
        QPointF pos;
        if (envelope.waiting) {
            // Queue at the door, the first one closest to it.
            std::uint8_t &slot = waiting[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
            pos = path.end - unit(path.end - path.start) * (slot * l.message * 1.15);
            if (slot < 255)
                ++slot;
        } else if (envelope.doomed && envelope.lossReason == raft::Reason::Partition
                   && envelope.lostAt > envelope.sentAt && wallCrossing(from, to)) {
            // Sent into a wall: it flies to the wall and dies there at lostAt.
            const double t = std::clamp((m_displayTime - static_cast<double>(envelope.sentAt))
                                            / static_cast<double>(envelope.lostAt - envelope.sentAt),
                                        0.0, 1.0);
            pos = path.start + (*wallCrossing(from, to) - path.start) * t;
        } else {
            pos = path.start + (path.end - path.start) * travelFraction(envelope);
        }
        f(envelope, pos);
    });
}

std::optional<QPointF> ClusterView::messagePosition(std::uint64_t id) const
{
    std::optional<QPointF> found;
    forEachDrawnMessage([&](const raft::Envelope &envelope, QPointF pos) {
        if (envelope.id == id)
            found = pos;
    });
    return found;
}

raft::NodeId ClusterView::nodeAt(QPointF pos) const
{
    const Layout &l = layout();
    raft::NodeId best = raft::kNoNode;
    qreal bestDistance = l.outer;
    for (raft::NodeId id = 1; id <= l.nodes; ++id) {
        const qreal d = length(pos - l.centres[static_cast<std::size_t>(id)]);
        if (d <= bestDistance) {
            best = id;
            bestDistance = d;
        }
    }
    return best;
}

std::uint64_t ClusterView::messageAt(QPointF pos) const
{
    const Layout &l = layout();
    const qreal radius = std::max<qreal>(l.message * 1.1, 12);
    std::uint64_t best = 0;
    qreal bestDistance = radius;
    forEachDrawnMessage([&](const raft::Envelope &envelope, QPointF at) {
        const qreal d = length(pos - at);
        // Ties go to the newer message, which is drawn on top.
        if (d < bestDistance || (d == bestDistance && envelope.id > best)) {
            best = envelope.id;
            bestDistance = d;
        }
    });
    return best;
}

// --- the network's geometry ---

int ClusterView::groupOfNode(raft::NodeId id) const
{
    return m_simulation ? m_simulation->network().groupOf(id) : 0;
}

bool ClusterView::isPartitioned() const
{
    if (!m_simulation)
        return false;
    const raft::Network &network = m_simulation->network();
    for (raft::NodeId id = 2; id <= m_simulation->size(); ++id)
        if (network.groupOf(id) != network.groupOf(1))
            return true;
    return false;
}

qreal ClusterView::sidesRadius() const
{
    const Layout &l = layout();
    return l.ring + l.outer + l.radius * 0.55;
}

raft::NodeId ClusterView::sliceOwner(QPointF pos) const
{
    const Layout &l = layout();
    if (l.nodes < 1 || length(pos - l.centre) > sidesRadius())
        return raft::kNoNode;
    raft::NodeId best = 1;
    qreal bestDistance = length(pos - l.centres[1]);
    for (raft::NodeId id = 2; id <= l.nodes; ++id) {
        const qreal d = length(pos - l.centres[static_cast<std::size_t>(id)]);
        if (d < bestDistance) {
            best = id;
            bestDistance = d;
        }
    }
    return best;
}

QPointF ClusterView::gapDirection(raft::NodeId id) const
{
    const Layout &l = layout();
    const QPointF out = l.outward[static_cast<std::size_t>(id)];
    const double angle = std::atan2(out.y(), out.x()) + kPi / std::max(l.nodes, 1);
    return {std::cos(angle), std::sin(angle)};
}

QPainterPath ClusterView::sidePath(const std::vector<raft::NodeId> &nodes) const
{
    const Layout &l = layout();
    const qreal big = sidesRadius();
    const QRectF box(l.centre - QPointF(big, big), QSizeF(2 * big, 2 * big));
    const double half = 180.0 / std::max(l.nodes, 1);
    QPainterPath path;
    for (const raft::NodeId id : nodes) {
        if (id < 1 || id > l.nodes)
            continue;
        const QPointF out = l.outward[static_cast<std::size_t>(id)];
        // Screen angles grow clockwise (y points down); Qt's arcs count counter-clockwise.
        const double angle = std::atan2(out.y(), out.x()) * 180.0 / kPi;
        QPainterPath slice;
        slice.moveTo(l.centre);
        slice.arcTo(box, -(angle - half), -2 * half);
        slice.closeSubpath();
        path = path.isEmpty() ? slice : path.united(slice);
    }
    const qreal hole = sidesGeometry().hole;
    if (hole > 0 && !path.isEmpty()) {
        QPainterPath middle;
        middle.addEllipse(l.centre, hole, hole);
        path = path.subtracted(middle);
    }
    return path;
}

const ClusterView::SidesGeometry &ClusterView::sidesGeometry() const
{
    const std::uint64_t signature = networkSignature();
    if (m_sides.valid && m_sides.signature == signature)
        return m_sides;
    m_sides = SidesGeometry();
    m_sides.valid = true;
    m_sides.signature = signature;
    const Layout &l = layout();
    if (!isPartitioned() || l.nodes < 2)
        return m_sides;
    // A wall stands in each gap between ring neighbours of different sides, as a ray
    // from the centre. Where a message between two servers of one side would cross
    // one (a side that wraps around a smaller one), the walls start further out.
    const qreal margin = l.lane + l.message;
    qreal hole = 0;
    for (raft::NodeId id = 1; id <= l.nodes; ++id) {
        const raft::NodeId next = id % l.nodes + 1;
        if (groupOfNode(id) == groupOfNode(next))
            continue;
        const QPointF dir = gapDirection(id);
        for (raft::NodeId a = 1; a <= l.nodes; ++a) {
            for (raft::NodeId b = a + 1; b <= l.nodes; ++b) {
                if (groupOfNode(a) != groupOfNode(b))
                    continue;
                const QPointF start = l.centres[static_cast<std::size_t>(a)];
                const QPointF edge = l.centres[static_cast<std::size_t>(b)] - start;
                const auto cross = [](QPointF u, QPointF v) { return u.x() * v.y() - u.y() * v.x(); };
                const qreal denominator = cross(dir, edge);
                if (std::abs(denominator) < 1e-9)
                    continue;
                const QPointF rel = start - l.centre;
                const qreal along = cross(rel, edge) / denominator; // distance on the ray
                const qreal at = cross(rel, dir) / denominator; // fraction on the chord
                if (along > 0 && at >= 0 && at <= 1)
                    hole = std::max(hole, along + margin);
            }
        }
    }
    m_sides.hole = std::min(hole, l.ring - l.outer);
    return m_sides;
}

std::optional<QPointF> ClusterView::wallCrossing(raft::NodeId from, raft::NodeId to) const
{
    if (!m_simulation)
        return {};
    const Layout &l = layout();
    if (from < 1 || from > l.nodes || to < 1 || to > l.nodes || from == to)
        return {};
    const SidesGeometry &geometry = sidesGeometry();
    const auto f = static_cast<std::size_t>(from);
    const auto t = static_cast<std::size_t>(to);
    if (geometry.known[f][t])
        return geometry.walls[f][t];
    std::optional<QPointF> result;
    const int group = groupOfNode(from);
    if (isPartitioned() && group != groupOfNode(to)) {
        // Walk the lane until it leaves the sender's side (the hole in the middle is
        // no one's), then find the edge by bisection.
        const Lane path = lane(from, to);
        const qreal hole = geometry.hole;
        const auto inside = [&](QPointF p) {
            if (length(p - l.centre) < hole)
                return true;
            const raft::NodeId owner = sliceOwner(p);
            return owner != raft::kNoNode && groupOfNode(owner) == group;
        };
        result = (path.start + path.end) / 2;
        if (!inside(path.start)) {
            result = path.start;
        } else {
            constexpr int kSamples = 64;
            QPointF previous = path.start;
            for (int i = 1; i <= kSamples; ++i) {
                const QPointF p = path.start + (path.end - path.start) * (static_cast<double>(i) / kSamples);
                if (!inside(p)) {
                    QPointF lo = previous;
                    QPointF hi = p;
                    for (int k = 0; k < 16; ++k) {
                        const QPointF mid = (lo + hi) / 2;
                        (inside(mid) ? lo : hi) = mid;
                    }
                    result = (lo + hi) / 2;
                    break;
                }
                previous = p;
            }
        }
    }
    m_sides.known[f][t] = true;
    m_sides.walls[f][t] = result;
    return result;
}

std::optional<ClusterView::Link> ClusterView::linkAt(QPointF pos) const
{
    if (!m_simulation)
        return {};
    const Layout &l = layout();
    const qreal tolerance = std::max<qreal>(l.lane * 1.8, 7);
    std::optional<Link> best;
    qreal bestDistance = tolerance;
    for (raft::NodeId a = 1; a <= l.nodes; ++a) {
        for (raft::NodeId b = a + 1; b <= l.nodes; ++b) {
            const QPointF start = l.centres[static_cast<std::size_t>(a)];
            const QPointF d = l.centres[static_cast<std::size_t>(b)] - start;
            const qreal len = length(d);
            if (len <= 2 * l.outer)
                continue;
            const QPointF u = d / len;
            const QPointF side(-u.y(), u.x());
            const QPointF rel = pos - start;
            const qreal along = QPointF::dotProduct(rel, u);
            const qreal across = QPointF::dotProduct(rel, side);
            if (along < l.outer || along > len - l.outer)
                continue;
            if (std::abs(across) < bestDistance) {
                bestDistance = std::abs(across);
                // Messages a -> b keep to a's right: the lane on the positive side.
                best = across < -l.lane * 0.25 ? Link{b, a} : Link{a, b};
            }
        }
    }
    return best;
}

std::optional<std::vector<std::vector<raft::NodeId>>> ClusterView::dropTarget(raft::NodeId id, QPointF pos) const
{
    if (!m_simulation)
        return {};
    const Layout &l = layout();
    if (l.nodes < 2 || id < 1 || id > l.nodes)
        return {};
    std::array<int, raft::kMaxNodes + 1> group{};
    int highest = 0;
    for (raft::NodeId n = 1; n <= l.nodes; ++n) {
        group[static_cast<std::size_t>(n)] = groupOfNode(n);
        highest = std::max(highest, group[static_cast<std::size_t>(n)]);
    }
    const raft::NodeId owner = sliceOwner(pos);
    const int current = group[static_cast<std::size_t>(id)];
    int target = 0;
    if (owner == raft::kNoNode) {
        // Out of the circle: a side of its own, unless it is alone already.
        int members = 0;
        for (raft::NodeId n = 1; n <= l.nodes; ++n)
            members += group[static_cast<std::size_t>(n)] == current ? 1 : 0;
        if (members == 1)
            return {};
        target = highest + 1;
    } else {
        target = group[static_cast<std::size_t>(owner)];
        if (owner == id || target == current)
            return {};
    }
    group[static_cast<std::size_t>(id)] = target;
    std::vector<std::vector<raft::NodeId>> groups;
    std::vector<int> order;
    for (raft::NodeId n = 1; n <= l.nodes; ++n) {
        const int g = group[static_cast<std::size_t>(n)];
        const auto it = std::find(order.begin(), order.end(), g);
        if (it == order.end()) {
            order.push_back(g);
            groups.push_back({n});
        } else {
            groups[static_cast<std::size_t>(it - order.begin())].push_back(n);
        }
    }
    return groups;
}

QString ClusterView::linkBadge(raft::NodeId from, raft::NodeId to) const
{
    const raft::Network &network = m_simulation->network();
    const std::optional<raft::LinkConditions> &link = network.link(from, to);
    if (!link)
        return {};
    const raft::NetworkConfig &base = network.config();
    const auto percent = [](double p) { return QString::number(std::round(p * 1000.0) / 10.0); };
    QStringList parts;
    if (link->loss != base.loss)
        parts << tr("loss %1%").arg(percent(link->loss));
    if (link->duplicate != base.duplicate)
        parts << tr("dup %1%").arg(percent(link->duplicate));
    if (link->latencyMin != base.latencyMin || link->latencyMax != base.latencyMax)
        parts << (link->latencyMin == link->latencyMax ? tr("%1 ms").arg(link->latencyMin)
                                                       : tr("%1–%2 ms").arg(link->latencyMin).arg(link->latencyMax));
    if (parts.isEmpty())
        return tr("own conditions");
    return parts.join(QStringLiteral(" · "));
}

// --- painting ---

QSizeF ClusterView::textSize(FontKind kind, const QString &text)
{
    auto &cache = m_texts[static_cast<std::size_t>(kind)];
    auto it = cache.find(text);
    if (it == cache.end()) {
        if (cache.size() > 512)
            cache.clear();
        QStaticText staticText(text);
        staticText.setTextFormat(Qt::PlainText);
        staticText.setPerformanceHint(QStaticText::AggressiveCaching);
        staticText.prepare(QTransform(), m_fonts[static_cast<std::size_t>(kind)]);
        it = cache.insert(text, staticText);
    }
    return it->size();
}

void ClusterView::drawText(QPainter &painter, FontKind kind, const QString &text, QPointF centre, const QColor &colour)
{
    const QSizeF size = textSize(kind, text);
    painter.setFont(m_fonts[static_cast<std::size_t>(kind)]);
    painter.setPen(colour);
    painter.drawStaticText(centre - QPointF(size.width() / 2, size.height() / 2),
                           m_texts[static_cast<std::size_t>(kind)].value(text));
}

const QPixmap &ClusterView::sprite(const raft::Message &message)
{
    const int entries = message.type == raft::MessageType::AppendEntries
        ? static_cast<int>(std::min<std::size_t>(message.entries.size(), 100))
        : 0;
    const bool ok = replyOk(message);
    const std::uint32_t key = static_cast<std::uint32_t>(message.type) | (ok ? 4u : 0u)
        | (static_cast<std::uint32_t>(entries) << 3);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    const qreal dpr = devicePixelRatioF();
    const qreal m = layout().message;
    const int side = static_cast<int>(std::ceil(m * 1.8)) + 4;
    QPixmap pixmap(QSize(side, side) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        ClusterPalette::drawMessage(painter, QPointF(side / 2.0, side / 2.0), m, message.type, ok, entries);
    }
    return *m_sprites.insert(key, pixmap);
}

std::uint64_t ClusterView::networkSignature() const
{
    // FNV-1a over what the background shows: the partition groups, the cut links, the
    // links' own conditions (their badges compare them with the network's) and which
    // servers are crashed (a side's quorum counts the live ones).
    std::uint64_t hash = 1469598103934665603ull;
    auto mix = [&hash](std::uint64_t value) {
        hash ^= value;
        hash *= 1099511628211ull;
    };
    const raft::Network &network = m_simulation->network();
    const int nodes = layout().nodes;
    mix(static_cast<std::uint64_t>(nodes));
    bool links = false;
    for (raft::NodeId a = 1; a <= nodes; ++a) {
        mix(static_cast<std::uint64_t>(network.groupOf(a)));
        mix(m_simulation->isLive(a) ? 1u : 0u);
        for (raft::NodeId b = 1; b <= nodes; ++b) {
            mix(network.isCut(a, b) ? 1u : 0u);
            if (const auto &link = network.link(a, b)) {
                links = true;
                mix(static_cast<std::uint64_t>(a * 16 + b));
                mix(static_cast<std::uint64_t>(link->latencyMin));
                mix(static_cast<std::uint64_t>(link->latencyMax));
                mix(static_cast<std::uint64_t>(std::llround(link->loss * 1e9)));
                mix(static_cast<std::uint64_t>(std::llround(link->duplicate * 1e9)));
            }
        }
    }
    if (links) {
        const raft::NetworkConfig &config = network.config();
        mix(static_cast<std::uint64_t>(config.latencyMin));
        mix(static_cast<std::uint64_t>(config.latencyMax));
        mix(static_cast<std::uint64_t>(std::llround(config.loss * 1e9)));
        mix(static_cast<std::uint64_t>(std::llround(config.duplicate * 1e9)));
    }
    return hash;
}

void ClusterView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintScene(painter);
}

void ClusterView::paintScene(QPainter &painter)
{
    const Layout &l = layout();
    const qreal dpr = devicePixelRatioF();
    if (std::abs(l.radius - m_builtRadius) > 0.25 || dpr != m_builtDpr) {
        // The layout changed: rebuild fonts, text and sprites for the new size.
        const qreal r = l.radius;
        auto makeFont = [](qreal pixels, bool bold) {
            QFont font;
            font.setPixelSize(std::max(7, static_cast<int>(std::lround(pixels))));
            font.setBold(bold);
            font.setStyleStrategy(QFont::PreferAntialias);
            return font;
        };
        m_fonts[static_cast<std::size_t>(FontKind::Term)] = makeFont(r * 0.64, true);
        m_fonts[static_cast<std::size_t>(FontKind::Caption)] = makeFont(r * 0.22, false);
        const LabelMetrics label = labelMetrics(r);
        m_fonts[static_cast<std::size_t>(FontKind::Name)] = makeFont(label.namePixels, true);
        m_fonts[static_cast<std::size_t>(FontKind::Small)] = makeFont(label.smallPixels, false);
        m_fonts[static_cast<std::size_t>(FontKind::SmallBold)] = makeFont(label.smallPixels, true);
        for (auto &cache : m_texts)
            cache.clear();
        m_sprites.clear();
        m_nodeSprites = {};
        m_builtRadius = r;
        m_builtDpr = dpr;
    }

    if (!m_simulation || l.nodes == 0) {
        paintEmpty(painter);
        return;
    }

    // Links, partition regions and cut links: from a pixmap while they do not change.
    const std::uint64_t signature = networkSignature();
    if (!m_backgroundValid || signature != m_backgroundSignature || m_background.size() != size() * dpr) {
        m_background = QPixmap(size() * dpr);
        m_background.setDevicePixelRatio(dpr);
        QPainter backgroundPainter(&m_background);
        backgroundPainter.setRenderHint(QPainter::Antialiasing);
        paintBackground(backgroundPainter);
        m_backgroundSignature = signature;
        m_backgroundValid = true;
    }
    painter.drawPixmap(0, 0, m_background);

    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintHover(painter);
    paintDropTarget(painter);

    raft::Index maxLog = 1;
    for (raft::NodeId id = 1; id <= l.nodes; ++id)
        maxLog = std::max(maxLog, m_simulation->log(id).lastIndex());
    for (raft::NodeId id = 1; id <= l.nodes; ++id)
        paintNode(painter, id, maxLog);

    paintSideTags(painter);
    paintBadges(painter);
    paintLostMessages(painter);
    paintMessages(painter);

    // Badges go above the messages that queue at a paused server's door.
    for (raft::NodeId id = 1; id <= l.nodes; ++id) {
        const raft::NodeStatus status = m_simulation->status(id);
        if (status == raft::NodeStatus::Up)
            continue;
        const QPointF badge = l.centres[static_cast<std::size_t>(id)] + QPointF(l.radius * 0.76, -l.radius * 0.76);
        const qreal size = std::max<qreal>(5, l.radius * 0.27);
        if (status == raft::NodeStatus::Crashed)
            ClusterPalette::drawCrashBadge(painter, badge, size);
        else
            ClusterPalette::drawPauseBadge(painter, badge, size);
    }

    if (m_simulation->network().isHolding()) {
        const QString text = tr("Hold: messages wait for manual delivery");
        const QSizeF size = textSize(FontKind::Small, text);
        drawText(painter, FontKind::Small, text,
                 QPointF(width() - size.width() / 2 - 12, height() - size.height() / 2 - 8),
                 ClusterPalette::mutedInk());
    }

    if (m_drag == Drag::None) {
        const std::vector<raft::NodeId> selected = selectedNodes();
        if (selected.size() >= 2) {
            const QString text = tr("Selected: %1 · right-click for “Partition: selection vs the rest”")
                                     .arg(NetworkSides::nodeList(selected));
            const QSizeF size = textSize(FontKind::Small, text);
            drawText(painter, FontKind::Small, text, QPointF(size.width() / 2 + 12, height() - size.height() / 2 - 8),
                     ClusterPalette::ink());
        }
    }
    paintDrag(painter);

    if (l.legendShown) {
        const QString key = QStringLiteral("%1 %2 %3").arg(l.legendUnit).arg(l.legendColumns).arg(dpr);
        if (m_legend.isNull() || m_legendKey != key) {
            m_legend = ClusterLegend::render(l.legendUnit, dpr, l.legendColumns);
            m_legendKey = key;
        }
        painter.drawPixmap(l.legendRect.topLeft(), m_legend);
    }
}

void ClusterView::paintEmpty(QPainter &painter)
{
    painter.fillRect(rect(), ClusterPalette::background());
    painter.setPen(ClusterPalette::mutedInk());
    painter.drawText(rect(), Qt::AlignCenter, tr("No cluster"));
}

void ClusterView::paintBackground(QPainter &painter)
{
    painter.fillRect(rect(), ClusterPalette::background());
    paintSides(painter);
    paintLinks(painter);
    paintWalls(painter);
}

void ClusterView::paintSides(QPainter &painter)
{
    if (!isPartitioned())
        return;
    const Layout &l = layout();
    const std::vector<std::vector<raft::NodeId>> groups = m_simulation->network().groups();
    int colour = 0;
    for (const std::vector<raft::NodeId> &group : groups) {
        ++colour;
        const QPainterPath path = sidePath(group);
        std::vector<raft::NodeId> live;
        for (const raft::NodeId id : group)
            if (m_simulation->isLive(id))
                live.push_back(id);
        painter.setPen(QPen(ClusterPalette::groupEdge(colour), std::max<qreal>(1.0, l.radius * 0.03)));
        painter.setBrush(ClusterPalette::groupTint(colour));
        painter.drawPath(path);
        if (!m_simulation->hasQuorum(live)) {
            // A side without a quorum is hatched: nothing there can be elected or committed.
            painter.setPen(Qt::NoPen);
            painter.setBrush(QBrush(ClusterPalette::noQuorumHatch(), Qt::BDiagPattern));
            painter.drawPath(path);
        }
    }
}

void ClusterView::paintLinks(QPainter &painter)
{
    const Layout &l = layout();
    const raft::Network &network = m_simulation->network();
    const qreal thin = std::max<qreal>(1.0, l.radius * 0.035);
    // Cut links stay bold in a small view: they are what the teacher points at.
    const qreal width = std::max<qreal>(2.2, l.radius * 0.07);
    const qreal head = std::max<qreal>(8, l.radius * 0.25);
    const qreal cross = std::max<qreal>(l.message * 0.9, 8);
    const auto arrow = [&](QPointF tip, QPointF u, const QColor &colour) {
        const QPointF n(-u.y(), u.x());
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawPolygon(QPolygonF({tip, tip - u * head + n * head * 0.5, tip - u * head - n * head * 0.5}));
    };
    for (raft::NodeId a = 1; a <= l.nodes; ++a) {
        for (raft::NodeId b = a + 1; b <= l.nodes; ++b) {
            const bool cutAB = network.isCut(a, b);
            const bool cutBA = network.isCut(b, a);
            if (!cutAB && !cutBA) {
                // Every pair is linked: faintly, and dotted where a wall stands between them.
                if (network.groupOf(a) != network.groupOf(b))
                    painter.setPen(QPen(ClusterPalette::wallLink(), thin, Qt::DotLine));
                else
                    painter.setPen(QPen(ClusterPalette::link(), thin));
                painter.drawLine(l.centres[static_cast<std::size_t>(a)], l.centres[static_cast<std::size_t>(b)]);
                continue;
            }
            if (cutAB && cutBA) {
                // Cut both ways: one dashed red line, crossed out in the middle.
                const QPointF start = l.centres[static_cast<std::size_t>(a)];
                const QPointF end = l.centres[static_cast<std::size_t>(b)];
                QPen dashed(ClusterPalette::cutLink(), width * 0.8, Qt::CustomDashLine, Qt::FlatCap);
                dashed.setDashPattern({3, 3});
                painter.setPen(dashed);
                painter.setBrush(Qt::NoBrush);
                painter.drawLine(start, end);
                ClusterPalette::drawLostMark(painter, (start + end) / 2, cross * 0.9);
                continue;
            }
            // Cut one way: each direction on its own lane, the dead one a dashed red
            // arrow crossed out in the middle, the live one a grey arrow.
            for (const auto &[from, to] : {Link{a, b}, Link{b, a}}) {
                const Lane path = lane(from, to);
                const QPointF u = unit(path.end - path.start);
                if (network.isCut(from, to)) {
                    QPen dashed(ClusterPalette::cutLink(), width, Qt::CustomDashLine, Qt::FlatCap);
                    dashed.setDashPattern({3, 2});
                    painter.setPen(dashed);
                    painter.setBrush(Qt::NoBrush);
                    painter.drawLine(path.start, path.end - u * head * 0.8);
                    arrow(path.end, u, ClusterPalette::cutLink());
                    ClusterPalette::drawLostMark(painter, (path.start + path.end) / 2, cross);
                } else {
                    painter.setPen(QPen(ClusterPalette::liveLink(), width, Qt::SolidLine, Qt::FlatCap));
                    painter.drawLine(path.start, path.end - u * head * 0.8);
                    arrow(path.end, u, ClusterPalette::liveLink());
                }
            }
        }
    }
    // Links with conditions of their own: the lane in amber and a badge that says how
    // they differ, near the sender (the other direction's badge sits at the other end).
    for (raft::NodeId from = 1; from <= l.nodes; ++from) {
        for (raft::NodeId to = 1; to <= l.nodes; ++to) {
            if (from == to || !network.link(from, to))
                continue;
            const Lane path = lane(from, to);
            const QPointF u = unit(path.end - path.start);
            if (!network.isCut(from, to)) {
                painter.setPen(QPen(ClusterPalette::linkOverride(), width, Qt::SolidLine, Qt::FlatCap));
                painter.drawLine(path.start, path.end - u * head * 0.8);
                arrow(path.end, u, ClusterPalette::linkOverride());
            }
        }
    }
}

QRectF ClusterView::badgeBox(raft::NodeId from, raft::NodeId to, const QString &text)
{
    const Layout &l = layout();
    const Lane path = lane(from, to);
    const QPointF at = path.start + (path.end - path.start) * 0.3;
    const QSizeF size = textSize(FontKind::Small, text);
    const qreal pad = std::max<qreal>(3, l.radius * 0.08);
    return {at.x() - size.width() / 2 - pad, at.y() - size.height() / 2 - pad / 2, size.width() + 2 * pad,
            size.height() + pad};
}

void ClusterView::paintBadges(QPainter &painter)
{
    const Layout &l = layout();
    const raft::Network &network = m_simulation->network();
    for (raft::NodeId from = 1; from <= l.nodes; ++from) {
        for (raft::NodeId to = 1; to <= l.nodes; ++to) {
            if (from == to || !network.link(from, to))
                continue;
            const QString text = linkBadge(from, to);
            const QRectF box = badgeBox(from, to, text);
            const qreal pad = std::max<qreal>(3, l.radius * 0.08);
            painter.setPen(QPen(ClusterPalette::linkOverride(), std::max<qreal>(1.0, l.radius * 0.04)));
            painter.setBrush(ClusterPalette::badgeFill());
            painter.drawRoundedRect(box, pad * 1.5, pad * 1.5);
            drawText(painter, FontKind::Small, text, box.center(), ClusterPalette::ink());
        }
    }
}

void ClusterView::paintWalls(QPainter &painter)
{
    if (!isPartitioned())
        return;
    const Layout &l = layout();
    const qreal hole = sidesGeometry().hole;
    const qreal end = sidesRadius() + l.radius * 0.3;
    const qreal width = std::max<qreal>(4, l.radius * 0.2);
    for (raft::NodeId id = 1; id <= l.nodes; ++id) {
        const raft::NodeId next = id % l.nodes + 1;
        if (groupOfNode(id) == groupOfNode(next))
            continue;
        const QPointF dir = gapDirection(id);
        ClusterPalette::drawWall(painter, l.centre + dir * hole, l.centre + dir * end, width);
    }
}

void ClusterView::paintHover(QPainter &painter)
{
    if (!m_hoverLink || m_drag != Drag::None)
        return;
    const Layout &l = layout();
    const auto [from, to] = *m_hoverLink;
    if (from < 1 || from > l.nodes || to < 1 || to > l.nodes)
        return;
    const qreal width = std::max<qreal>(3, l.radius * 0.12);
    QColor glow = ClusterPalette::selection();
    glow.setAlpha(150);
    painter.setPen(QPen(glow, width * 2.2, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(l.centres[static_cast<std::size_t>(from)], l.centres[static_cast<std::size_t>(to)]);
    // The direction a click acts on: an arrow on its lane.
    const Lane path = lane(from, to);
    const QPointF u = unit(path.end - path.start);
    const QPointF n(-u.y(), u.x());
    const qreal head = std::max<qreal>(8, l.radius * 0.3);
    painter.setPen(QPen(ClusterPalette::ink(), width * 0.5, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(path.start, path.end - u * head * 0.8);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ClusterPalette::ink());
    painter.drawPolygon(
        QPolygonF({path.end, path.end - u * head + n * head * 0.5, path.end - u * head - n * head * 0.5}));
}

QSizeF ClusterView::captionSize(const QString &title, const QString &note)
{
    const qreal pad = std::max<qreal>(4, layout().radius * 0.12);
    const QSizeF titleSize = textSize(FontKind::SmallBold, title);
    const QSizeF noteSize = note.isEmpty() ? QSizeF() : textSize(FontKind::Small, note);
    return {std::max(titleSize.width(), noteSize.width()) + 2 * pad, titleSize.height() + noteSize.height() + pad};
}

void ClusterView::paintCaption(QPainter &painter, const QString &title, const QString &note, QPointF centre,
                               const QColor &fill, const QColor &ink)
{
    const Layout &l = layout();
    const QSizeF titleSize = textSize(FontKind::SmallBold, title);
    const QSizeF size = captionSize(title, note);
    const qreal pad = std::max<qreal>(4, l.radius * 0.12);
    QRectF box(centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height());
    // Keep it inside the widget.
    box.moveLeft(std::clamp(box.left(), 4.0, std::max(4.0, static_cast<qreal>(width()) - size.width() - 4)));
    box.moveTop(std::clamp(box.top(), 4.0, std::max(4.0, static_cast<qreal>(height()) - size.height() - 4)));
    painter.setPen(QPen(ink, std::max<qreal>(1.0, l.radius * 0.04)));
    painter.setBrush(fill);
    painter.drawRoundedRect(box, pad, pad);
    const qreal x = box.center().x();
    drawText(painter, FontKind::SmallBold, title, QPointF(x, box.top() + pad / 2 + titleSize.height() / 2), ink);
    if (!note.isEmpty()) {
        const QSizeF noteSize = textSize(FontKind::Small, note);
        drawText(painter, FontKind::Small, note,
                 QPointF(x, box.top() + pad / 2 + titleSize.height() + noteSize.height() / 2), ink);
    }
}

void ClusterView::paintSideTags(QPainter &painter)
{
    if (!m_simulation->network().hasFaults())
        return;
    const std::vector<NetworkSide> sides = NetworkSides::of(*m_simulation);
    if (sides.empty())
        return;
    const Layout &l = layout();
    // Placing the labels takes a search: do it again only when what they say, or the
    // picture under them, changed.
    QString key = QStringLiteral("%1 %2 %3 %4 %5 %6")
                      .arg(networkSignature())
                      .arg(width())
                      .arg(height())
                      .arg(l.radius)
                      .arg(l.centre.x())
                      .arg(l.centre.y());
    for (const NetworkSide &side : sides)
        key += QLatin1Char('|') + NetworkSides::tag(side, l.nodes) + QLatin1Char('/') + NetworkSides::leaderNote(side);
    if (key != m_tagsKey) {
        m_tagsKey = key;
        placeSideTags(sides);
    }
    for (const SideTag &tag : m_tags) {
        if (tag.quorum) {
            QColor fill = ClusterPalette::background();
            fill.setAlpha(215);
            paintCaption(painter, tag.title, tag.note, tag.box.center(), fill, ClusterPalette::ink());
        } else {
            paintCaption(painter, tag.title, tag.note, tag.box.center(), ClusterPalette::noQuorumFill(), Qt::white);
        }
    }
    if (!m_headline.isEmpty())
        paintCaption(painter, m_headline, QString(), m_headlineAt, ClusterPalette::headlineFill(),
                     ClusterPalette::ink());
}

void ClusterView::placeSideTags(const std::vector<NetworkSide> &sides)
{
    const Layout &l = layout();
    m_tags.clear();
    // Each side's label goes where it hides the least: candidates around the side's
    // servers, scored by how much they cover discs, labels, the legend and the labels
    // placed before, and by how far they stray from the middle of the side.
    std::vector<QRectF> obstacles;
    for (raft::NodeId id = 1; id <= l.nodes; ++id) {
        const QPointF c = l.centres[static_cast<std::size_t>(id)];
        obstacles.emplace_back(c - QPointF(l.outer, l.outer), QSizeF(2 * l.outer, 2 * l.outer));
        const QRectF label = m_nodeSprites[static_cast<std::size_t>(id)].labelRect;
        if (!label.isEmpty())
            obstacles.push_back(label);
    }
    if (l.legendShown)
        obstacles.push_back(l.legendRect);
    // Labels that must stay readable count more: link badges and the tags placed before.
    const std::size_t fixedObstacles = obstacles.size();
    const raft::Network &network = m_simulation->network();
    for (raft::NodeId from = 1; from <= l.nodes; ++from)
        for (raft::NodeId to = 1; to <= l.nodes; ++to)
            if (from != to && network.link(from, to))
                obstacles.push_back(badgeBox(from, to, linkBadge(from, to)));
    const QRectF widgetRect = rect();
    const qreal big = sidesRadius();
    const bool partitioned = isPartitioned();
    const double step = kPi / std::max(l.nodes, 1);
    for (const NetworkSide &side : sides) {
        const QString title = NetworkSides::tag(side, l.nodes);
        // Level of detail: a small picture gets the verdict without the note.
        const QString note = l.radius >= 26 ? NetworkSides::leaderNote(side) : QString();
        const QSizeF size = captionSize(title, note);
        QPointF towards;
        for (const raft::NodeId id : side.nodes)
            towards += l.outward[static_cast<std::size_t>(id)];
        towards /= static_cast<qreal>(side.nodes.size());
        const QPointF preferred = length(towards) > 0.15 ? l.centre + unit(towards) * l.ring * 0.45 : l.centre;
        std::vector<QPointF> candidates{preferred};
        for (const raft::NodeId id : side.nodes) {
            const QPointF out = l.outward[static_cast<std::size_t>(id)];
            const double angle = std::atan2(out.y(), out.x());
            for (const double turn : {-1.0, -0.6, 0.0, 0.6, 1.0}) {
                const QPointF dir(std::cos(angle + turn * step), std::sin(angle + turn * step));
                for (const qreal fraction : {0.22, 0.38, 0.54, 0.7})
                    candidates.push_back(l.centre + dir * l.ring * fraction);
                // Outside the circle, clear of the discs (the box's half-diagonal away).
                const qreal half = std::abs(dir.x()) * size.width() / 2 + std::abs(dir.y()) * size.height() / 2;
                candidates.push_back(l.centre + dir * (big + half + 4));
            }
        }
        QRectF best;
        double bestScore = 1e300;
        // A side's label stays on its side of the walls (or out of the circle).
        const auto onSide = [&](QPointF p) {
            const raft::NodeId owner = sliceOwner(p);
            return owner == raft::kNoNode || std::find(side.nodes.begin(), side.nodes.end(), owner) != side.nodes.end();
        };
        for (const QPointF &at : candidates) {
            const QRectF box(at - QPointF(size.width() / 2, size.height() / 2), size);
            if (partitioned && !side.isolated
                && !(onSide(at) && onSide(box.topLeft()) && onSide(box.topRight()) && onSide(box.bottomLeft())
                     && onSide(box.bottomRight())))
                continue;
            double score = length(at - preferred) * size.height() * 0.25;
            for (std::size_t i = 0; i < obstacles.size(); ++i) {
                const QRectF overlap = box.intersected(obstacles[i]);
                // Covering another label is worst: neither can be read.
                score += overlap.width() * overlap.height() * (i >= fixedObstacles ? 4 : 1);
            }
            const QRectF inside = box.intersected(widgetRect);
            score += 3 * (box.width() * box.height() - inside.width() * inside.height());
            if (score < bestScore) {
                bestScore = score;
                best = box;
            }
        }
        if (best.isEmpty())
            best = QRectF(preferred - QPointF(size.width() / 2, size.height() / 2), size);
        obstacles.push_back(best);
        m_tags.push_back({title, note, best, side.quorum});
    }
    const QString headline = NetworkSides::headline(sides);
    m_headline = headline;
    if (!headline.isEmpty()) {
        // The headline goes to the edge of the view where it hides the least.
        const QSizeF size = captionSize(headline, QString());
        const qreal w = size.width() / 2 + 8;
        const qreal h = size.height() / 2 + 8;
        const qreal left = l.legendShown ? l.legendRect.right() + 8 + w : w;
        const std::array<QPointF, 6> candidates{
            QPointF(l.centre.x(), height() - h), QPointF(l.centre.x(), h),    QPointF(width() - w, h),
            QPointF(width() - w, height() - h),  QPointF(left, height() - h), QPointF(left, h)};
        QPointF best = candidates.front();
        double bestScore = 1e300;
        for (const QPointF &at : candidates) {
            const QRectF box(at - QPointF(size.width() / 2, size.height() / 2), size);
            double score = 0;
            for (const QRectF &obstacle : obstacles) {
                const QRectF overlap = box.intersected(obstacle);
                score += overlap.width() * overlap.height();
            }
            const QRectF inside = box.intersected(widgetRect);
            score += 3 * (box.width() * box.height() - inside.width() * inside.height());
            if (score < bestScore - 1) {
                bestScore = score;
                best = at;
            }
        }
        m_headlineAt = best;
    }
}

std::vector<raft::NodeId> ClusterView::dropJoins(raft::NodeId id, QPointF pos) const
{
    std::vector<raft::NodeId> joined;
    if (const auto target = dropTarget(id, pos))
        for (const auto &group : *target)
            if (std::find(group.begin(), group.end(), id) != group.end())
                for (const raft::NodeId n : group)
                    if (n != id)
                        joined.push_back(n);
    return joined;
}

void ClusterView::paintDropTarget(QPainter &painter)
{
    const Layout &l = layout();
    if (m_drag != Drag::Node || m_dragNode < 1 || m_dragNode > l.nodes)
        return;
    // The side the server would join lights up; the circle out of which a server gets
    // a side of its own is dashed, and red when the drop would do that.
    const bool changes = dropTarget(m_dragNode, m_dragPos).has_value();
    const std::vector<raft::NodeId> joined = dropJoins(m_dragNode, m_dragPos);
    QPen circle(ClusterPalette::mutedInk(), std::max<qreal>(1.5, l.radius * 0.05), Qt::DashLine);
    if (changes && joined.empty()) {
        circle.setColor(ClusterPalette::cutLink());
        circle.setWidthF(circle.widthF() * 1.6);
    } else if (changes) {
        QColor fill = ClusterPalette::selection();
        fill.setAlpha(110);
        painter.setPen(QPen(ClusterPalette::selection().darker(140), std::max<qreal>(3, l.radius * 0.1)));
        painter.setBrush(fill);
        painter.drawPath(sidePath(joined));
    }
    const qreal big = sidesRadius();
    painter.setPen(circle);
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(l.centre, big, big);
}

void ClusterView::paintDrag(QPainter &painter)
{
    const Layout &l = layout();
    if (m_drag == Drag::RubberBand) {
        const QRectF band = QRectF(m_pressPos, m_dragPos).normalized();
        QColor fill = ClusterPalette::selection();
        fill.setAlpha(50);
        QPen edge(ClusterPalette::ink(), 1, Qt::DashLine);
        painter.setPen(edge);
        painter.setBrush(fill);
        painter.drawRect(band);
        return;
    }
    if (m_drag != Drag::Node || m_dragNode < 1 || m_dragNode > l.nodes)
        return;
    const raft::NodeId id = m_dragNode;
    const QString name = m_names[static_cast<std::size_t>(id)];
    const std::vector<raft::NodeId> joined = dropJoins(id, m_dragPos);
    QString caption;
    if (!dropTarget(id, m_dragPos))
        caption = isPartitioned() ? tr("%1 stays on its side").arg(name)
                                  : tr("Drop %1 outside the circle to cut it off from the rest").arg(name);
    else if (joined.empty())
        caption = tr("Drop: %1 gets a side of its own").arg(name);
    else
        caption = tr("Drop: %1 joins %2").arg(name, NetworkSides::nodeList(joined));
    // A ghost of the server follows the pointer, tied to where it stands.
    const QPointF origin = l.centres[static_cast<std::size_t>(id)];
    painter.setPen(QPen(ClusterPalette::mutedInk(), std::max<qreal>(1.0, l.radius * 0.04), Qt::DashLine));
    painter.drawLine(origin, m_dragPos);
    NodeLook look;
    look.crashed = !m_simulation->isLive(id);
    look.paused = m_simulation->status(id) == raft::NodeStatus::Paused;
    look.role = m_simulation->role(id);
    painter.setOpacity(0.7);
    ClusterPalette::drawNodeDisc(painter, m_dragPos, l.radius * 0.8, look);
    painter.setOpacity(1.0);
    drawText(painter, FontKind::Name, name, m_dragPos, ClusterPalette::textOn(look));
    QColor fill = ClusterPalette::background();
    fill.setAlpha(235);
    paintCaption(painter, caption, QString(), m_dragPos + QPointF(0, l.radius * 1.5), fill, ClusterPalette::ink());
}

void ClusterView::paintNode(QPainter &painter, raft::NodeId id, raft::Index maxLog)
{
    const Layout &l = layout();
    const QPointF c = l.centres[static_cast<std::size_t>(id)];
    const qreal r = l.radius;
    const qreal dpr = devicePixelRatioF();
    const raft::Server &server = m_simulation->server(id);
    const raft::Node *node = m_simulation->node(id);
    NodeLook look;
    look.crashed = server.status == raft::NodeStatus::Crashed || !node;
    look.paused = server.status == raft::NodeStatus::Paused;
    look.role = look.crashed ? raft::Role::Follower : node->role();
    const LabelMetrics metrics = labelMetrics(r);
    const bool detailed = metrics.detailed;
    NodeSprites &sprites = m_nodeSprites[static_cast<std::size_t>(id)];

    const bool banded = m_drag == Drag::RubberBand && QRectF(m_pressPos, m_dragPos).normalized().contains(c);
    if (m_selected[static_cast<std::size_t>(id)] || banded) {
        painter.setPen(QPen(ClusterPalette::selection(), std::max<qreal>(4, r * 0.24)));
        painter.setBrush(Qt::NoBrush);
        const qreal halo = l.outer + std::max<qreal>(2, r * 0.12);
        painter.drawEllipse(c, halo, halo);
    }

    // The disc, its texts and badges change only with an event: draw them from a
    // pixmap made when they last changed.
    const raft::Term term = m_simulation->term(id);
    const QString votes = look.role == raft::Role::Candidate && detailed
        ? tr("%1 of %2 votes").arg(node->votes()).arg(node->quorum())
        : QString();
    const QString discKey = QStringLiteral("%1 %2 %3 %4 ")
                                .arg(static_cast<int>(look.role))
                                .arg(look.crashed ? 1 : 0)
                                .arg(look.paused ? 1 : 0)
                                .arg(term)
        + votes;
    const qreal discHalf = std::ceil(std::max(l.outer, r * 1.42)) + 2;
    if (sprites.discKey != discKey || sprites.disc.isNull()) {
        sprites.disc = QPixmap(QSize(static_cast<int>(2 * discHalf), static_cast<int>(2 * discHalf)) * dpr);
        sprites.disc.setDevicePixelRatio(dpr);
        sprites.disc.fill(Qt::transparent);
        QPainter p(&sprites.disc);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        const QPointF o(discHalf, discHalf);
        if (!look.crashed && look.role != raft::Role::Leader)
            ClusterPalette::drawTimerTrack(p, o, r);
        ClusterPalette::drawNodeDisc(p, o, r, look);
        const QColor ink = ClusterPalette::textOn(look);
        if (detailed && (look.role != raft::Role::Leader || r >= 36))
            drawText(p, FontKind::Caption, tr("term"), o + QPointF(0, -r * 0.50), ink);
        if (!votes.isEmpty())
            drawText(p, FontKind::Caption, votes, o + QPointF(0, r * 0.58), ink);
        drawText(p, FontKind::Term, QString::number(term), o + QPointF(0, r * 0.05), ink);
        if (look.role == raft::Role::Leader)
            ClusterPalette::drawCrown(p, o - QPointF(0, r * 0.74), r * 0.58);
        sprites.discKey = discKey;
    }
    painter.drawPixmap(QPointF(std::round(c.x() - discHalf), std::round(c.y() - discHalf)), sprites.disc);

    if (!look.crashed && look.role != raft::Role::Leader) {
        // While paused the timer stands still at the time the node froze.
        const double at = look.paused ? static_cast<double>(server.pausedAt) : m_displayTime;
        const double timeout = static_cast<double>(std::max<raft::Time>(node->electionTimeout(), 1));
        const double left = (static_cast<double>(node->electionDeadline()) - at) / timeout;
        ClusterPalette::drawTimerArc(painter, c, r, left, look.paused);
    }

    // A candidate's vote tally: one mark per peer, on the side facing that peer.
    if (look.role == raft::Role::Candidate) {
        const qreal mark = std::max<qreal>(4, r * 0.17);
        for (raft::NodeId peer = 1; peer <= l.nodes; ++peer) {
            if (peer == id)
                continue;
            const QPointF dir = unit(l.centres[static_cast<std::size_t>(peer)] - c);
            ClusterPalette::drawVoteMark(painter, c + dir * (l.outer + mark + r * 0.05), mark,
                                         node->progress(peer).vote);
        }
    }

    // The label outside the ring: name and status, log bar, log length and commitIndex.
    QString name = m_names[static_cast<std::size_t>(id)];
    if (look.crashed)
        name = tr("%1 crashed").arg(name);
    else if (look.paused)
        name = tr("%1 paused").arg(name);
    const raft::Index last = m_simulation->log(id).lastIndex();
    const raft::Index commit = look.crashed ? 0 : m_simulation->commitIndex(id);
    QString logText;
    if (detailed)
        logText = look.crashed ? tr("log %1 on disk").arg(last) : tr("log %1 · commit %2").arg(last).arg(commit);
    const qreal barWidth = metrics.barWidth;
    const qreal perEntry = barWidth / static_cast<qreal>(std::max<raft::Index>(maxLog, 1));
    const int lastPixels = static_cast<int>(std::lround(perEntry * static_cast<qreal>(last)));
    const int commitPixels = static_cast<int>(std::lround(perEntry * static_cast<qreal>(commit)));
    // The texts come from a pixmap made when they last changed; the bar, which moves
    // whenever any log grows, is drawn on top.
    const QString labelKey = name + QLatin1Char('\n') + logText;
    const qreal barHeight = metrics.barHeight;
    const qreal gap = metrics.gap;
    const qreal pad = metrics.pad;
    if (sprites.labelKey != labelKey || sprites.label.isNull()) {
        const QSizeF nameSize = textSize(FontKind::Name, name);
        const QSizeF logSize = detailed ? textSize(FontKind::Small, logText) : QSizeF();
        const qreal blockWidth = std::ceil(std::max({nameSize.width(), logSize.width(), barWidth})) + 2 * pad;
        const qreal blockHeight = std::ceil(nameSize.height()
                                            + (detailed ? gap + barHeight + gap + logSize.height() : 0))
            + pad;
        sprites.labelSize = QSizeF(blockWidth, blockHeight);
        sprites.barTop = std::round(pad / 2 + nameSize.height() + gap);
        sprites.label = QPixmap(QSize(static_cast<int>(blockWidth), static_cast<int>(blockHeight)) * dpr);
        sprites.label.setDevicePixelRatio(dpr);
        sprites.label.fill(Qt::transparent);
        QPainter p(&sprites.label);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        // A plate in the background colour keeps the label readable over links and regions.
        QColor plate = ClusterPalette::background();
        plate.setAlpha(215);
        p.setPen(Qt::NoPen);
        p.setBrush(plate);
        p.drawRoundedRect(QRectF(0, 0, blockWidth, blockHeight), pad * 1.5, pad * 1.5);
        const qreal x = blockWidth / 2;
        drawText(p, FontKind::Name, name, QPointF(x, pad / 2 + nameSize.height() / 2),
                 look.crashed ? ClusterPalette::mutedInk() : ClusterPalette::ink());
        if (detailed)
            drawText(p, FontKind::Small, logText, QPointF(x, sprites.barTop + barHeight + gap + logSize.height() / 2),
                     ClusterPalette::mutedInk());
        sprites.labelKey = labelKey;
    }
    const QPointF out = l.outward[static_cast<std::size_t>(id)];
    const qreal extent = std::abs(out.x()) * sprites.labelSize.width() / 2
        + std::abs(out.y()) * sprites.labelSize.height() / 2;
    const QPointF blockCentre = c + out * (l.outer + r * 0.08 + extent);
    const QPointF topLeft(std::round(blockCentre.x() - sprites.labelSize.width() / 2),
                          std::round(blockCentre.y() - sprites.labelSize.height() / 2));
    painter.drawPixmap(topLeft, sprites.label);
    sprites.labelRect = QRectF(topLeft, sprites.labelSize);
    if (detailed) {
        // Whole pixels: no antialiasing needed.
        const int x = static_cast<int>(topLeft.x() + std::round((sprites.labelSize.width() - barWidth) / 2));
        const int y = static_cast<int>(topLeft.y() + sprites.barTop);
        const int h = static_cast<int>(barHeight);
        painter.fillRect(x, y, static_cast<int>(barWidth), h, QColor(0xE2, 0xE7, 0xEC));
        painter.fillRect(x, y, lastPixels, h, QColor(0x9F, 0xB0, 0xBF));
        painter.fillRect(x, y, commitPixels, h, look.crashed ? ClusterPalette::mutedInk() : ClusterPalette::ink());
    }
}

void ClusterView::paintMessages(QPainter &painter)
{
    const Layout &l = layout();
    std::optional<QPointF> selected;
    forEachDrawnMessage([&](const raft::Envelope &envelope, QPointF pos) {
        const QPixmap &pixmap = sprite(envelope.message);
        const qreal half = pixmap.width() / pixmap.devicePixelRatio() / 2;
        // Whole pixels keep the blit on the raster engine's fast path.
        painter.drawPixmap(QPointF(std::round(pos.x() - half), std::round(pos.y() - half)), pixmap);
        if (envelope.waiting)
            ClusterPalette::drawWaitingRing(painter, pos, l.message);
        if (envelope.id == m_selectedMessage)
            selected = pos;
    });
    if (selected) {
        const qreal radius = l.message * 1.15;
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(ClusterPalette::selection(), std::max<qreal>(3, l.message * 0.30)));
        painter.drawEllipse(*selected, radius, radius);
        painter.setPen(QPen(ClusterPalette::ink(), std::max<qreal>(1, l.message * 0.08)));
        painter.drawEllipse(*selected, radius + l.message * 0.15, radius + l.message * 0.15);
    }
}

void ClusterView::paintLostMessages(QPainter &painter)
{
    const Layout &l = layout();
    for (const raft::LostMessage &lost : m_simulation->recentlyLost()) {
        const raft::Envelope &envelope = lost.envelope;
        const double span = static_cast<double>(envelope.deliverAt - envelope.sentAt);
        const double fadeMs = std::clamp(kLostFlights * span, kLostFadeMin, kLostFadeMax);
        const double age = m_displayTime - static_cast<double>(lost.lostAt);
        if (age < 0 || age >= fadeMs)
            continue;
        const raft::NodeId from = envelope.message.from;
        const raft::NodeId to = envelope.message.to;
        if (from < 1 || from > l.nodes || to < 1 || to > l.nodes || from == to)
            continue;
        double t = 1.0;
        if (!envelope.waiting && span > 0)
            t = std::clamp(static_cast<double>(lost.lostAt - envelope.sentAt) / span, 0.0, 1.0);
        const Lane path = lane(from, to);
        QPointF pos = path.start + (path.end - path.start) * t;
        // A message sent into a partition wall died at the wall.
        if (envelope.doomed && lost.reason == raft::Reason::Partition)
            if (const auto wall = wallCrossing(from, to))
                pos = *wall;
        const double fade = 1.0 - age / fadeMs;
        const QPixmap &pixmap = sprite(envelope.message);
        const qreal half = pixmap.width() / pixmap.devicePixelRatio() / 2;
        painter.setOpacity(0.55 * fade);
        painter.drawPixmap(QPointF(std::round(pos.x() - half), std::round(pos.y() - half)), pixmap);
        painter.setOpacity(fade);
        ClusterPalette::drawLostMark(painter, pos, l.message);
    }
    painter.setOpacity(1.0);
}

// --- events ---

void ClusterView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidateLayout();
    m_legend = QPixmap();
}

void ClusterView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        m_legend = QPixmap();
        for (auto &cache : m_texts)
            cache.clear();
        m_nodeSprites = {};
        m_fit.valid = false;
        invalidateLayout();
        update();
    }
    QWidget::changeEvent(event);
}

void ClusterView::selectAt(QPointF pos, bool toggle)
{
    const Layout &l = layout();
    // The inner part of a disc belongs to the server; elsewhere a message near the
    // pointer wins over the rim of a disc, then the rim, then empty space.
    raft::NodeId node = raft::kNoNode;
    for (raft::NodeId id = 1; id <= l.nodes && node == raft::kNoNode; ++id)
        if (length(pos - l.centres[static_cast<std::size_t>(id)]) <= l.radius * 0.75)
            node = id;
    if (node == raft::kNoNode) {
        if (const std::uint64_t message = messageAt(pos)) {
            const bool hadNodes = !selectedNodes().empty();
            setSelectedMessage(message);
            emit messageSelected(message);
            if (hadNodes)
                emitSelection();
            return;
        }
        node = nodeAt(pos);
    }
    if (node != raft::kNoNode && toggle) {
        // Ctrl-click: add the server to the selection or take it out.
        auto &selected = m_selected[static_cast<std::size_t>(node)];
        selected = !selected;
        m_selectedMessage = 0;
        if (selected) {
            m_selectedNode = node;
        } else if (m_selectedNode == node) {
            const std::vector<raft::NodeId> rest = selectedNodes();
            m_selectedNode = rest.empty() ? raft::kNoNode : rest.front();
        }
        update();
        emit nodeSelected(m_selectedNode);
        emitSelection();
        return;
    }
    if (toggle)
        return; // Ctrl-click on empty space keeps the selection
    const std::vector<raft::NodeId> before = selectedNodes();
    setSelectedNode(node);
    emit nodeSelected(node);
    if (selectedNodes() != before)
        emitSelection();
}

void ClusterView::finishRubberBand(QPointF pos, bool add)
{
    const Layout &l = layout();
    const QRectF band = QRectF(m_pressPos, pos).normalized();
    std::vector<raft::NodeId> nodes = add ? selectedNodes() : std::vector<raft::NodeId>();
    for (raft::NodeId id = 1; id <= l.nodes; ++id)
        if (band.contains(l.centres[static_cast<std::size_t>(id)])
            && std::find(nodes.begin(), nodes.end(), id) == nodes.end())
            nodes.push_back(id);
    std::sort(nodes.begin(), nodes.end());
    const raft::NodeId primary = m_selectedNode;
    setSelectedNodes(nodes);
    if (add && primary != raft::kNoNode && m_selected[static_cast<std::size_t>(primary)])
        m_selectedNode = primary;
    emit nodeSelected(m_selectedNode);
    emitSelection();
}

void ClusterView::setHoverLink(std::optional<Link> link)
{
    if (link == m_hoverLink)
        return;
    m_hoverLink = link;
    update();
}

void ClusterView::mousePressEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    // Panning: the middle button, or Shift with the left one (Space is the window's
    // Play key, so it cannot double as a pan key).
    if (m_drag == Drag::None
        && (event->button() == Qt::MiddleButton
            || (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier)))) {
        m_drag = Drag::Pan;
        m_pressPos = pos;
        m_panAtPress = m_pan;
        setHoverLink(std::nullopt);
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton || m_drag != Drag::None) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressPos = pos;
    m_dragPos = pos;
    m_pressAdds = event->modifiers().testFlag(Qt::ControlModifier);
    m_pressLink.reset();
    // Servers and messages select at once. A press on a server may become a drag to
    // another side; one on empty space (or a link) a rubber band, or else a click.
    const Layout &l = layout();
    raft::NodeId inner = raft::kNoNode;
    for (raft::NodeId id = 1; id <= l.nodes && inner == raft::kNoNode; ++id)
        if (length(pos - l.centres[static_cast<std::size_t>(id)]) <= l.radius * 0.75)
            inner = id;
    const std::uint64_t message = inner == raft::kNoNode ? messageAt(pos) : 0;
    const raft::NodeId node = inner != raft::kNoNode ? inner : (message == 0 ? nodeAt(pos) : raft::kNoNode);
    if (node != raft::kNoNode && !m_pressAdds && m_selected[static_cast<std::size_t>(node)]
        && selectedNodes().size() > 1) {
        // Pressing a server of a multiple selection keeps the selection (a click
        // without a drag narrows it on release).
        m_selectedNode = node;
        emit nodeSelected(node);
        update();
    } else if (node != raft::kNoNode || message != 0) {
        selectAt(pos, m_pressAdds);
    }
    if (node != raft::kNoNode) {
        m_drag = m_pressAdds ? Drag::None : Drag::PendingNode;
        m_dragNode = node;
    } else if (message == 0) {
        m_drag = Drag::Pending;
        m_pressLink = linkAt(pos);
    }
    event->accept();
}

void ClusterView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::None) {
        // Hover: the link under the pointer, unless a server or a message is there.
        if (event->buttons() == Qt::NoButton && m_simulation)
            setHoverLink(nodeAt(pos) == raft::kNoNode && messageAt(pos) == 0 ? linkAt(pos) : std::nullopt);
        QWidget::mouseMoveEvent(event);
        return;
    }
    const QPointF delta = pos - m_pressPos;
    switch (m_drag) {
    case Drag::Pan:
        m_pan = m_panAtPress + delta;
        invalidateLayout();
        break;
    case Drag::Pending:
        if (length(delta) >= kPanThreshold) {
            m_drag = Drag::RubberBand;
            setHoverLink(std::nullopt);
        }
        break;
    case Drag::PendingNode:
        if (length(delta) >= kPanThreshold * 1.5) {
            m_drag = Drag::Node;
            setHoverLink(std::nullopt);
            setCursor(Qt::ClosedHandCursor);
        }
        break;
    case Drag::RubberBand:
    case Drag::Node:
    case Drag::None: break;
    }
    m_dragPos = pos;
    update();
    event->accept();
}

void ClusterView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    const Drag drag = m_drag;
    const bool panButton = event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton;
    if (drag == Drag::None || (drag == Drag::Pan ? !panButton : event->button() != Qt::LeftButton)) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_drag = Drag::None;
    switch (drag) {
    case Drag::Pan:
    case Drag::Node:
        unsetCursor();
        if (drag == Drag::Node)
            if (const auto groups = dropTarget(m_dragNode, pos))
                emit partitionRequested(*groups);
        break;
    case Drag::Pending:
        if (m_pressLink) {
            emit linkClicked(m_pressLink->first, m_pressLink->second);
        } else if (!m_pressAdds) {
            // A click on empty space clears the selection.
            const bool hadNodes = !selectedNodes().empty();
            setSelectedNode(raft::kNoNode);
            emit nodeSelected(raft::kNoNode);
            if (hadNodes)
                emitSelection();
        }
        break;
    case Drag::RubberBand: finishRubberBand(pos, m_pressAdds); break;
    case Drag::PendingNode:
        if (selectedNodes().size() > 1) {
            setSelectedNode(m_dragNode);
            emit nodeSelected(m_dragNode);
            emitSelection();
        }
        break;
    case Drag::None: break;
    }
    update();
    event->accept();
}

void ClusterView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (event->button() == Qt::LeftButton && nodeAt(pos) == raft::kNoNode && messageAt(pos) == 0 && !linkAt(pos)) {
        resetView();
        event->accept();
        return;
    }
    // A double click on an item is two clicks.
    mousePressEvent(event);
}

void ClusterView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        if (m_drag != Drag::None) {
            m_drag = Drag::None;
            unsetCursor();
        } else if (!selectedNodes().empty()) {
            setSelectedNode(raft::kNoNode);
            emit nodeSelected(raft::kNoNode);
            emitSelection();
        }
        update();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::SelectAll) && m_simulation) {
        std::vector<raft::NodeId> all;
        for (raft::NodeId id = 1; id <= m_simulation->size(); ++id)
            all.push_back(id);
        setSelectedNodes(all);
        emit nodeSelected(m_selectedNode);
        emitSelection();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ClusterView::leaveEvent(QEvent *event)
{
    setHoverLink(std::nullopt);
    QWidget::leaveEvent(event);
}

void ClusterView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    const double zoom = std::clamp(m_zoom * std::pow(1.0015, delta), kMinZoom, kMaxZoom);
    if (zoom != m_zoom) {
        // Keep the point under the cursor where it is.
        const QPointF base = layout().centre - m_pan;
        const QPointF cursor = event->position() - base;
        m_pan = cursor - (cursor - m_pan) * (zoom / m_zoom);
        m_zoom = zoom;
        invalidateLayout();
        update();
    }
    event->accept();
}

void ClusterView::contextMenuEvent(QContextMenuEvent *event)
{
    QPointF pos = event->pos();
    if (event->reason() == QContextMenuEvent::Keyboard) {
        // The menu key acts on the selection.
        if (m_selectedNode != raft::kNoNode) {
            emit nodeContextMenuRequested(m_selectedNode, mapToGlobal(nodeCenter(m_selectedNode).toPoint()));
            return;
        }
        if (m_selectedMessage != 0) {
            if (const auto at = messagePosition(m_selectedMessage)) {
                emit messageContextMenuRequested(m_selectedMessage, mapToGlobal(at->toPoint()));
                return;
            }
        }
        emit backgroundContextMenuRequested(event->globalPos());
        return;
    }
    const Layout &l = layout();
    for (raft::NodeId id = 1; id <= l.nodes; ++id) {
        if (length(pos - l.centres[static_cast<std::size_t>(id)]) <= l.radius * 0.75) {
            emit nodeContextMenuRequested(id, event->globalPos());
            return;
        }
    }
    if (const std::uint64_t message = messageAt(pos)) {
        emit messageContextMenuRequested(message, event->globalPos());
        return;
    }
    if (const raft::NodeId id = nodeAt(pos)) {
        emit nodeContextMenuRequested(id, event->globalPos());
        return;
    }
    if (const auto link = linkAt(pos)) {
        emit linkContextMenuRequested(link->first, link->second, event->globalPos());
        return;
    }
    emit backgroundContextMenuRequested(event->globalPos());
}

QString ClusterView::toolTipAt(QPointF pos) const
{
    if (!m_simulation)
        return {};
    const Layout &l = layout();
    raft::NodeId id = raft::kNoNode;
    for (raft::NodeId n = 1; n <= l.nodes; ++n)
        if (length(pos - l.centres[static_cast<std::size_t>(n)]) <= l.radius * 0.75)
            id = n;
    if (id == raft::kNoNode) {
        if (const std::uint64_t messageId = messageAt(pos)) {
            const raft::Envelope *envelope = m_simulation->network().find(messageId);
            if (!envelope)
                return {};
            const raft::Message &m = envelope->message;
            QString text = tr("%1 #%2: %3 → %4, term %5")
                               .arg(typeText(m.type))
                               .arg(envelope->id)
                               .arg(m_names[static_cast<std::size_t>(m.from)], m_names[static_cast<std::size_t>(m.to)])
                               .arg(m.term);
            switch (m.type) {
            case raft::MessageType::RequestVote:
                text += QLatin1Char('\n')
                    + tr("last log index %1, last log term %2").arg(m.lastLogIndex).arg(m.lastLogTerm);
                break;
            case raft::MessageType::RequestVoteReply:
                text += QLatin1Char('\n') + (m.voteGranted ? tr("vote granted") : tr("vote refused"));
                break;
            case raft::MessageType::AppendEntries:
                text += QLatin1Char('\n')
                    + (m.entries.empty() ? tr("heartbeat (no entries)")
                                         : tr("%n entries", nullptr, static_cast<int>(m.entries.size())));
                text += QLatin1Char('\n')
                    + tr("prevLogIndex %1, prevLogTerm %2, leaderCommit %3")
                          .arg(m.prevLogIndex)
                          .arg(m.prevLogTerm)
                          .arg(m.leaderCommit);
                break;
            case raft::MessageType::AppendEntriesReply:
                text += QLatin1Char('\n')
                    + (m.success ? tr("success, matchIndex %1").arg(m.matchIndex)
                                 : tr("failure at prevLogIndex %1").arg(m.rejectedIndex));
                break;
            }
            if (envelope->waiting)
                text += QLatin1Char('\n') + tr("waiting at the door");
            if (envelope->doomed)
                text += QLatin1Char('\n') + tr("will be lost");
            return text;
        }
        id = nodeAt(pos);
    }
    if (id == raft::kNoNode) {
        if (const auto link = linkAt(pos))
            return linkToolTip(link->first, link->second);
        return tr("Drag to select servers (Ctrl-click adds or removes one)\n"
                  "Pan: middle button, or hold Shift and drag\n"
                  "Drag a server onto another side's slice to move it there,\n"
                  "or out of the circle to give it a side of its own");
    }
    const raft::NodeStatus status = m_simulation->status(id);
    QString role;
    if (status == raft::NodeStatus::Crashed)
        role = tr("crashed");
    else
        switch (m_simulation->role(id)) {
        case raft::Role::Follower: role = tr("follower"); break;
        case raft::Role::Candidate: role = tr("candidate"); break;
        case raft::Role::Leader: role = tr("leader"); break;
        }
    if (status == raft::NodeStatus::Paused)
        role = tr("%1, paused").arg(role);
    return tr("%1: %2, term %3\nlog %4, commitIndex %5")
        .arg(m_names[static_cast<std::size_t>(id)], role)
        .arg(m_simulation->term(id))
        .arg(m_simulation->log(id).lastIndex())
        .arg(m_simulation->commitIndex(id));
}

QString ClusterView::linkToolTip(raft::NodeId from, raft::NodeId to) const
{
    const raft::Network &network = m_simulation->network();
    const QString a = m_names[static_cast<std::size_t>(from)];
    const QString b = m_names[static_cast<std::size_t>(to)];
    const auto state = [&](raft::NodeId x, raft::NodeId y) {
        const QString arrow = tr("%1 → %2").arg(m_names[static_cast<std::size_t>(x)],
                                                m_names[static_cast<std::size_t>(y)]);
        const raft::Reason blocked = network.blockReason(x, y);
        if (blocked == raft::Reason::Partition)
            return tr("%1: blocked by the partition wall").arg(arrow);
        if (blocked == raft::Reason::LinkCut)
            return tr("%1: cut, messages this way are lost").arg(arrow);
        const raft::LinkConditions &c = network.conditions(x, y);
        const QString conditions = tr("latency %1–%2 ms, loss %3%, duplication %4%")
                                       .arg(c.latencyMin)
                                       .arg(c.latencyMax)
                                       .arg(std::round(c.loss * 1000.0) / 10.0)
                                       .arg(std::round(c.duplicate * 1000.0) / 10.0);
        return network.link(x, y) ? tr("%1: open, its own conditions: %2").arg(arrow, conditions)
                                  : tr("%1: open (%2)").arg(arrow, conditions);
    };
    return state(from, to) + QLatin1Char('\n') + state(to, from) + QLatin1Char('\n')
        + tr("Click: cut or restore %1 → %2 (the lane nearer the pointer)\n"
             "Right-click: cut, restore, link conditions…")
              .arg(a, b);
}

bool ClusterView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace widgets
