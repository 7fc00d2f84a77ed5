#include "widgets/clusternetworkpainter.h"

#include "widgets/clusterpalette.h"
#include "widgets/clustervector.h"
#include "widgets/vectorpaint.h"

#include <QPainter>
#include <QPolygonF>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

using vec::unit;

using Link = ClusterNetworkGeometry::Link;

/// drawArrowHead fills a triangle whose tip is at `tip`, pointing along u.
void drawArrowHead(QPainter &painter, QPointF tip, QPointF u, qreal head, const QColor &colour)
{
    const QPointF n(-u.y(), u.x());
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPolygon(QPolygonF({tip, tip - u * head + n * head * 0.5, tip - u * head - n * head * 0.5}));
}

// The links' pens, as fractions of the disc radius r, with floors in px.
/// kThinLink: a link that carries messages; kBoldLink: a cut or conditioned direction.
constexpr qreal kThinLink = 0.035;
constexpr qreal kThinLinkMin = 1.0;
constexpr qreal kBoldLink = 0.07;
constexpr qreal kBoldLinkMin = 2.2;
/// kArrowHead: the arrow at the end of a one-way lane.
constexpr qreal kArrowHead = 0.25;
constexpr qreal kArrowHeadMin = 8;
/// kCutMark: the ✗ on a cut link, in message sizes.
constexpr qreal kCutMark = 0.9;
constexpr qreal kCutMarkMin = 8;
/// kHoverWidth, kHoverHead: the highlight of a hovered link and its arrow.
constexpr qreal kHoverWidth = 0.12;
constexpr qreal kHoverWidthMin = 3;
constexpr qreal kHoverHead = 0.3;

/// Pens of the network layer for a disc radius r.
struct LinkPens {
    explicit LinkPens(const ClusterLayout &l)
        : thin(std::max<qreal>(kThinLinkMin, l.radius() * kThinLink))
        // Cut links stay bold in a small view: they are what the teacher points at.
        , width(std::max<qreal>(kBoldLinkMin, l.radius() * kBoldLink))
        , head(std::max<qreal>(kArrowHeadMin, l.radius() * kArrowHead))
        , cross(std::max<qreal>(l.messageSize() * kCutMark, kCutMarkMin))
    { }
    qreal thin;
    qreal width;
    qreal head;
    qreal cross;
};

} // namespace

std::uint64_t ClusterNetworkPainter::signature(const raft::Simulation &sim, int nodes)
{
    // FNV-1a over what the background shows: the partition groups, the cut links, the
    // links' own conditions (their badges compare them with the network's) and which
    // servers are crashed (a side's quorum counts the live ones).
    std::uint64_t hash = 1469598103934665603ull;
    auto mix = [&hash](std::uint64_t value) {
        hash ^= value;
        hash *= 1099511628211ull;
    };
    const raft::Network &network = sim.network();
    mix(static_cast<std::uint64_t>(nodes));
    bool links = false;
    for (raft::NodeId a = 1; a <= nodes; ++a) {
        mix(static_cast<std::uint64_t>(network.groupOf(a)));
        mix(sim.isLive(a) ? 1u : 0u);
        for (raft::NodeId b = 1; b <= nodes; ++b) {
            mix(network.isCut(a, b) ? 1u : 0u);
            if (const auto &link = network.link(a, b)) {
                links = true;
                mix(static_cast<std::uint64_t>(a) * 16 + static_cast<std::uint64_t>(b));
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

QRectF ClusterNetworkPainter::reach(const ClusterScene &scene)
{
    const ClusterLayout &l = scene.layout;
    const qreal r = l.sidesRadius() + l.radius() * ClusterNetworkGeometry::kWallOverhang + scene.network.wallWidth()
        + 2;
    return QRectF(l.centre() - QPointF(r, r), QSizeF(2 * r, 2 * r));
}

void ClusterNetworkPainter::paintBackground(QPainter &painter, const ClusterScene &scene)
{
    if (VectorPaint::isVector(painter)) {
        // On a vector device: the shapes the pixmap is made of.
        painter.save();
        paintLayer(painter, scene);
        painter.restore();
        return;
    }
    painter.drawPixmap(0, 0, background(scene));
}

void ClusterNetworkPainter::paintLayer(QPainter &painter, const ClusterScene &scene)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(scene.layout.bounds(), ClusterPalette::background());
    paintSides(painter, scene);
    paintLinks(painter, scene);
    paintWalls(painter, scene);
}

const QPixmap &ClusterNetworkPainter::background(const ClusterScene &scene)
{
    const std::uint64_t sig = signature(scene.sim, scene.layout.nodes());
    const QSize pixels = (scene.layout.bounds().size() * scene.dpr).toSize();
    if (!m_valid || sig != m_signature || m_pixmap.size() != pixels) {
        m_pixmap = QPixmap(pixels);
        m_pixmap.setDevicePixelRatio(scene.dpr);
        QPainter p(&m_pixmap);
        paintLayer(p, scene);
        m_signature = sig;
        m_valid = true;
    }
    return m_pixmap;
}

void ClusterNetworkPainter::paintSides(QPainter &painter, const ClusterScene &scene)
{
    if (!scene.network.isPartitioned())
        return;
    const std::vector<std::vector<raft::NodeId>> groups = scene.sim.network().groups();
    int colour = 0;
    for (const std::vector<raft::NodeId> &group : groups) {
        ++colour;
        const QPainterPath path = scene.network.sidePath(group);
        std::vector<raft::NodeId> live;
        for (const raft::NodeId id : group)
            if (scene.sim.isLive(id))
                live.push_back(id);
        painter.setPen(QPen(ClusterPalette::groupEdge(colour), std::max<qreal>(1.0, scene.layout.radius() * 0.03)));
        painter.setBrush(ClusterPalette::groupTint(colour));
        painter.drawPath(path);
        if (!scene.sim.hasQuorum(live)) {
            // A side without a quorum is hatched: nothing there can be elected or committed.
            const QBrush hatch(ClusterPalette::noQuorumHatch(), Qt::BDiagPattern);
            if (VectorPaint::isVector(painter)) {
                VectorPaint::fillPattern(painter, path, hatch);
            } else {
                painter.setPen(Qt::NoPen);
                painter.setBrush(hatch);
                painter.drawPath(path);
            }
        }
    }
}

void ClusterNetworkPainter::paintLinks(QPainter &painter, const ClusterScene &scene)
{
    const ClusterLayout &l = scene.layout;
    const raft::Network &network = scene.sim.network();
    const LinkPens pens(l);
    for (raft::NodeId a = 1; a <= l.nodes(); ++a) {
        for (raft::NodeId b = a + 1; b <= l.nodes(); ++b) {
            const bool cutAB = network.isCut(a, b);
            const bool cutBA = network.isCut(b, a);
            if (!cutAB && !cutBA) {
                // Every pair is linked: faintly, and dotted where a wall stands between them.
                if (network.groupOf(a) != network.groupOf(b))
                    painter.setPen(QPen(ClusterPalette::wallLink(), pens.thin, Qt::DotLine));
                else
                    painter.setPen(QPen(ClusterPalette::link(), pens.thin));
                painter.drawLine(l.nodeCentre(a), l.nodeCentre(b));
                continue;
            }
            if (cutAB && cutBA) {
                // Cut both ways: one dashed red line, crossed out in the middle.
                const QPointF start = l.nodeCentre(a);
                const QPointF end = l.nodeCentre(b);
                QPen dashed(ClusterPalette::cutLink(), pens.width * 0.8, Qt::CustomDashLine, Qt::FlatCap);
                dashed.setDashPattern({3, 3});
                painter.setPen(dashed);
                painter.setBrush(Qt::NoBrush);
                painter.drawLine(start, end);
                ClusterPalette::drawLostMark(painter, (start + end) / 2, pens.cross * 0.9);
                continue;
            }
            // Cut one way: each direction on its own lane, the dead one a dashed red
            // arrow crossed out in the middle, the live one a grey arrow.
            for (const auto &[from, to] : {Link{a, b}, Link{b, a}}) {
                const ClusterLayout::Lane path = l.lane(from, to);
                const QPointF u = unit(path.end - path.start);
                if (network.isCut(from, to)) {
                    QPen dashed(ClusterPalette::cutLink(), pens.width, Qt::CustomDashLine, Qt::FlatCap);
                    dashed.setDashPattern({3, 2});
                    painter.setPen(dashed);
                    painter.setBrush(Qt::NoBrush);
                    painter.drawLine(path.start, path.end - u * pens.head * 0.8);
                    drawArrowHead(painter, path.end, u, pens.head, ClusterPalette::cutLink());
                    ClusterPalette::drawLostMark(painter, path.at(0.5), pens.cross);
                } else {
                    painter.setPen(QPen(ClusterPalette::liveLink(), pens.width, Qt::SolidLine, Qt::FlatCap));
                    painter.drawLine(path.start, path.end - u * pens.head * 0.8);
                    drawArrowHead(painter, path.end, u, pens.head, ClusterPalette::liveLink());
                }
            }
        }
    }
    // Links with conditions of their own: the lane in amber (its badge, near the
    // sender, is painted over the servers by paintBadges).
    for (raft::NodeId from = 1; from <= l.nodes(); ++from) {
        for (raft::NodeId to = 1; to <= l.nodes(); ++to) {
            if (from == to || !network.link(from, to) || network.isCut(from, to))
                continue;
            const ClusterLayout::Lane path = l.lane(from, to);
            const QPointF u = unit(path.end - path.start);
            painter.setPen(QPen(ClusterPalette::linkOverride(), pens.width, Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(path.start, path.end - u * pens.head * 0.8);
            drawArrowHead(painter, path.end, u, pens.head, ClusterPalette::linkOverride());
        }
    }
}

void ClusterNetworkPainter::paintWalls(QPainter &painter, const ClusterScene &scene)
{
    for (const ClusterNetworkGeometry::Wall &wall : scene.network.walls())
        ClusterPalette::drawWall(painter, wall.line.p1(), wall.line.p2(), scene.network.wallWidth());
}

void ClusterNetworkPainter::paintHover(QPainter &painter, const ClusterScene &scene, Link link)
{
    const ClusterLayout &l = scene.layout;
    const auto [from, to] = link;
    if (!l.contains(from) || !l.contains(to))
        return;
    const qreal width = std::max<qreal>(kHoverWidthMin, l.radius() * kHoverWidth);
    painter.setPen(QPen(ClusterPalette::hoverGlow(), width * 2.2, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(l.nodeCentre(from), l.nodeCentre(to));
    // The direction a click acts on: an arrow on its lane.
    const ClusterLayout::Lane path = l.lane(from, to);
    const QPointF u = unit(path.end - path.start);
    const qreal head = std::max<qreal>(kArrowHeadMin, l.radius() * kHoverHead);
    painter.setPen(QPen(ClusterPalette::ink(), width * 0.5, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(path.start, path.end - u * head * 0.8);
    drawArrowHead(painter, path.end, u, head, ClusterPalette::ink());
}

QString ClusterNetworkPainter::linkBadge(const raft::Network &network, raft::NodeId from, raft::NodeId to)
{
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
    if (link->latencyMin != base.latencyMin || link->latencyMax != base.latencyMax) {
        const QString low = QString::fromStdString(raft::formatMs(link->latencyMin));
        const QString high = QString::fromStdString(raft::formatMs(link->latencyMax));
        parts << (link->latencyMin == link->latencyMax ? tr("%1 ms").arg(low) : tr("%1–%2 ms").arg(low, high));
    }
    if (parts.isEmpty())
        return tr("own conditions");
    return parts.join(QStringLiteral(" · "));
}

QRectF ClusterNetworkPainter::badgeBox(const ClusterScene &scene, raft::NodeId from, raft::NodeId to)
{
    const QString text = linkBadge(scene.sim.network(), from, to);
    return scene.layout.badgeBox(from, to, scene.text.size(ClusterText::Font::Small, text));
}

void ClusterNetworkPainter::paintBadges(QPainter &painter, const ClusterScene &scene)
{
    const ClusterLayout &l = scene.layout;
    const raft::Network &network = scene.sim.network();
    const qreal pad = std::max<qreal>(3, l.radius() * 0.08);
    for (raft::NodeId from = 1; from <= l.nodes(); ++from) {
        for (raft::NodeId to = 1; to <= l.nodes(); ++to) {
            if (from == to || !network.link(from, to))
                continue;
            const QString text = linkBadge(network, from, to);
            const QRectF box = l.badgeBox(from, to, scene.text.size(ClusterText::Font::Small, text));
            painter.setPen(QPen(ClusterPalette::linkOverride(), std::max<qreal>(1.0, l.radius() * 0.04)));
            painter.setBrush(ClusterPalette::badgeFill());
            painter.drawRoundedRect(box, pad * 1.5, pad * 1.5);
            scene.text.draw(painter, ClusterText::Font::Small, text, box.center(), ClusterPalette::ink());
        }
    }
}

} // namespace widgets
