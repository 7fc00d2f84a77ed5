#include "widgets/clusterview.h"

#include "widgets/clusterlegend.h"
#include "widgets/clusterpalette.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>
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
    case raft::MessageType::RequestVoteReply:
        return message.voteGranted;
    case raft::MessageType::AppendEntriesReply:
        return message.success;
    default:
        return true;
    }
}

QString typeText(raft::MessageType type)
{
    return QString::fromLatin1(raft::messageTypeName(type));
}

/// LabelMetrics is the geometry of a node's label for a disc of radius r; layout()
/// and paintNode() share it so that what is reserved is what is drawn.
struct LabelMetrics {
    bool detailed = false;  ///< big enough for the log bar and the log line
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
    setMouseTracking(false);
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
    m_selectedMessage = 0;
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
    if (m_selectedNode == id && m_selectedMessage == 0)
        return;
    m_selectedNode = id;
    m_selectedMessage = 0;
    update();
}

void ClusterView::setSelectedMessage(std::uint64_t id)
{
    if (m_selectedMessage == id && m_selectedNode == raft::kNoNode)
        return;
    m_selectedMessage = id;
    m_selectedNode = raft::kNoNode;
    update();
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
        const qreal labelWidth =
            std::max(m.namePixels * nameAdvance, m.detailed ? std::max(m.smallPixels * logAdvance, m.barWidth) : 0)
            + 2 * m.pad;
        const qreal labelHeight =
            m.namePixels * lineHeight
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

template <typename F>
void ClusterView::forEachDrawnMessage(F &&f) const
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

void ClusterView::drawText(QPainter &painter, FontKind kind, const QString &text, QPointF centre,
                           const QColor &colour)
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
    // FNV-1a over the partition groups and the cut links.
    std::uint64_t hash = 1469598103934665603ull;
    auto mix = [&hash](std::uint64_t value) {
        hash ^= value;
        hash *= 1099511628211ull;
    };
    const raft::Network &network = m_simulation->network();
    const int nodes = layout().nodes;
    mix(static_cast<std::uint64_t>(nodes));
    for (raft::NodeId a = 1; a <= nodes; ++a) {
        mix(static_cast<std::uint64_t>(network.groupOf(a)));
        for (raft::NodeId b = 1; b <= nodes; ++b)
            mix(network.isCut(a, b) ? 1u : 0u);
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

    raft::Index maxLog = 1;
    for (raft::NodeId id = 1; id <= l.nodes; ++id)
        maxLog = std::max(maxLog, m_simulation->log(id).lastIndex());
    for (raft::NodeId id = 1; id <= l.nodes; ++id)
        paintNode(painter, id, maxLog);

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
    const Layout &l = layout();
    const raft::Network &network = m_simulation->network();
    painter.fillRect(rect(), ClusterPalette::background());

    // Partition groups: one tinted region around the servers of each group.
    std::array<int, raft::kMaxNodes + 1> groups{};
    bool partitioned = false;
    for (raft::NodeId id = 1; id <= l.nodes; ++id) {
        groups[static_cast<std::size_t>(id)] = network.groupOf(id);
        if (groups[static_cast<std::size_t>(id)] != groups[1])
            partitioned = true;
    }
    if (partitioned) {
        std::vector<int> seen;
        for (raft::NodeId id = 1; id <= l.nodes; ++id) {
            const int group = groups[static_cast<std::size_t>(id)];
            if (std::find(seen.begin(), seen.end(), group) != seen.end())
                continue;
            seen.push_back(group);
            QPolygonF hull;
            for (raft::NodeId member = 1; member <= l.nodes; ++member)
                if (groups[static_cast<std::size_t>(member)] == group)
                    hull << l.centres[static_cast<std::size_t>(member)];
            QPainterPath spine;
            spine.addPolygon(hull);
            if (hull.size() > 2)
                spine.closeSubpath();
            QPainterPathStroker stroker;
            stroker.setWidth(2 * (l.outer + l.radius * 0.14));
            stroker.setCapStyle(Qt::RoundCap);
            stroker.setJoinStyle(Qt::RoundJoin);
            QPainterPath region = stroker.createStroke(spine);
            if (hull.size() > 2) {
                QPainterPath inside;
                inside.addPolygon(hull);
                region = region.united(inside);
            } else {
                region = region.simplified();
            }
            const int colourIndex = static_cast<int>(seen.size());
            painter.setBrush(ClusterPalette::groupTint(colourIndex));
            QPen edge(ClusterPalette::groupEdge(colourIndex), std::max<qreal>(1.5, l.radius * 0.04), Qt::DashLine);
            painter.setPen(edge);
            painter.drawPath(region);
        }
    }

    // Links inside a group, as faint lines between centres.
    painter.setPen(QPen(QColor(0xCF, 0xD6, 0xDD), std::max<qreal>(1.0, l.radius * 0.035)));
    for (raft::NodeId a = 1; a <= l.nodes; ++a)
        for (raft::NodeId b = a + 1; b <= l.nodes; ++b)
            if (groups[static_cast<std::size_t>(a)] == groups[static_cast<std::size_t>(b)] && !network.isCut(a, b)
                && !network.isCut(b, a))
                painter.drawLine(l.centres[static_cast<std::size_t>(a)], l.centres[static_cast<std::size_t>(b)]);

    // Cut links: a dashed red arrow along the lane that no longer carries messages,
    // with a bar across its middle.
    const qreal width = std::max<qreal>(1.5, l.radius * 0.06);
    for (raft::NodeId a = 1; a <= l.nodes; ++a) {
        for (raft::NodeId b = 1; b <= l.nodes; ++b) {
            if (a == b || !network.isCut(a, b))
                continue;
            const Lane path = lane(a, b);
            const QPointF u = unit(path.end - path.start);
            const QPointF n(-u.y(), u.x());
            const qreal head = std::max<qreal>(6, l.radius * 0.22);
            QPen dashed(ClusterPalette::cutLink(), width, Qt::CustomDashLine, Qt::FlatCap);
            dashed.setDashPattern({3, 2});
            painter.setPen(dashed);
            painter.setBrush(Qt::NoBrush);
            painter.drawLine(path.start, path.end - u * head * 0.8);
            painter.setPen(Qt::NoPen);
            painter.setBrush(ClusterPalette::cutLink());
            painter.drawPolygon(QPolygonF({path.end, path.end - u * head + n * head * 0.5,
                                           path.end - u * head - n * head * 0.5}));
            const QPointF mid = (path.start + path.end) / 2;
            painter.setPen(QPen(ClusterPalette::cutLink(), width * 1.6, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(mid - n * head * 0.6, mid + n * head * 0.6);
        }
    }
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

    if (id == m_selectedNode) {
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
        const qreal blockHeight =
            std::ceil(nameSize.height() + (detailed ? gap + barHeight + gap + logSize.height() : 0)) + pad;
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
            drawText(p, FontKind::Small, logText,
                     QPointF(x, sprites.barTop + barHeight + gap + logSize.height() / 2), ClusterPalette::mutedInk());
        sprites.labelKey = labelKey;
    }
    const QPointF out = l.outward[static_cast<std::size_t>(id)];
    const qreal extent =
        std::abs(out.x()) * sprites.labelSize.width() / 2 + std::abs(out.y()) * sprites.labelSize.height() / 2;
    const QPointF blockCentre = c + out * (l.outer + r * 0.08 + extent);
    const QPointF topLeft(std::round(blockCentre.x() - sprites.labelSize.width() / 2),
                          std::round(blockCentre.y() - sprites.labelSize.height() / 2));
    painter.drawPixmap(topLeft, sprites.label);
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
        const QPointF pos = path.start + (path.end - path.start) * t;
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

void ClusterView::selectAt(QPointF pos)
{
    const Layout &l = layout();
    // The inner part of a disc belongs to the server; elsewhere a message near the
    // pointer wins over the rim of a disc, then the rim, then empty space.
    for (raft::NodeId id = 1; id <= l.nodes; ++id) {
        if (length(pos - l.centres[static_cast<std::size_t>(id)]) <= l.radius * 0.75) {
            setSelectedNode(id);
            emit nodeSelected(id);
            return;
        }
    }
    if (const std::uint64_t message = messageAt(pos)) {
        setSelectedMessage(message);
        emit messageSelected(message);
        return;
    }
    if (const raft::NodeId id = nodeAt(pos)) {
        setSelectedNode(id);
        emit nodeSelected(id);
        return;
    }
    setSelectedNode(raft::kNoNode);
    emit nodeSelected(raft::kNoNode);
}

void ClusterView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPointF pos = event->position();
    m_pressed = true;
    m_panning = false;
    m_pressPos = pos;
    m_panAtPress = m_pan;
    // Clicks on servers and messages select at once; a press on empty space may
    // become a drag that pans the picture, so it selects on release.
    const Layout &l = layout();
    bool onItem = nodeAt(pos) != raft::kNoNode || messageAt(pos) != 0;
    for (raft::NodeId id = 1; id <= l.nodes && !onItem; ++id)
        onItem = length(pos - l.centres[static_cast<std::size_t>(id)]) <= l.radius;
    if (onItem) {
        m_pressed = false;
        selectAt(pos);
    }
    event->accept();
}

void ClusterView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed || !(event->buttons() & Qt::LeftButton)) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const QPointF delta = event->position() - m_pressPos;
    if (!m_panning && length(delta) >= kPanThreshold) {
        m_panning = true;
        setCursor(Qt::ClosedHandCursor);
    }
    if (m_panning) {
        m_pan = m_panAtPress + delta;
        invalidateLayout();
        update();
    }
    event->accept();
}

void ClusterView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_panning) {
        m_panning = false;
        unsetCursor();
    } else {
        selectAt(event->position());
    }
    event->accept();
}

void ClusterView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (event->button() == Qt::LeftButton && nodeAt(pos) == raft::kNoNode && messageAt(pos) == 0) {
        resetView();
        event->accept();
        return;
    }
    // A double click on an item is two clicks: select it again.
    mousePressEvent(event);
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
                text += QLatin1Char('\n') + tr("last log index %1, last log term %2").arg(m.lastLogIndex).arg(m.lastLogTerm);
                break;
            case raft::MessageType::RequestVoteReply:
                text += QLatin1Char('\n') + (m.voteGranted ? tr("vote granted") : tr("vote refused"));
                break;
            case raft::MessageType::AppendEntries:
                text += QLatin1Char('\n')
                        + (m.entries.empty() ? tr("heartbeat (no entries)")
                                             : tr("%n entries", nullptr, static_cast<int>(m.entries.size())));
                text += QLatin1Char('\n') + tr("prevLogIndex %1, prevLogTerm %2, leaderCommit %3")
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
    if (id == raft::kNoNode)
        return {};
    const raft::NodeStatus status = m_simulation->status(id);
    QString role;
    if (status == raft::NodeStatus::Crashed)
        role = tr("crashed");
    else
        switch (m_simulation->role(id)) {
        case raft::Role::Follower:
            role = tr("follower");
            break;
        case raft::Role::Candidate:
            role = tr("candidate");
            break;
        case raft::Role::Leader:
            role = tr("leader");
            break;
        }
    if (status == raft::NodeStatus::Paused)
        role = tr("%1, paused").arg(role);
    return tr("%1: %2, term %3\nlog %4, commitIndex %5")
        .arg(m_names[static_cast<std::size_t>(id)], role)
        .arg(m_simulation->term(id))
        .arg(m_simulation->log(id).lastIndex())
        .arg(m_simulation->commitIndex(id));
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
