// ClusterView's partial frames. Between two frames most of the picture stays as it
// was: time moves messages, fades lost ones and runs the timers down, and an event
// (a delivery, an append, a commit) changes a few servers' discs and labels. Only
// those places, and where moving things were drawn last, are repainted; the painting
// is the same, only clipped, so the pixels are those of a whole repaint at a fraction
// of the cost on a 4K screen. Anything wider (an action, a new role, an alarm, a
// broken network's captions) repaints the whole view.
#include "widgets/clusterview.h"

#include "widgets/clustermessagepainter.h"
#include "widgets/clusterpalette.h"
#include "widgets/clustervector.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <variant>
#include <vector>

namespace widgets {

namespace {

/// kSlack: pixels added around each moving thing (antialiasing, pens, rounding).
constexpr int kSlack = 4;

QRect around(QPointF centre, qreal half)
{
    const int h = static_cast<int>(std::ceil(half)) + kSlack;
    const QPoint c = centre.toPoint();
    return {c.x() - h, c.y() - h, 2 * h + 1, 2 * h + 1};
}

/// TileMask collects many small rectangles as whole tiles of kTile pixels, so that
/// hundreds of messages make one region in linear time (QRegion's union of each
/// rectangle in turn costs more than painting them).
class TileMask {
public:
    static constexpr int kTile = 16;
    explicit TileMask(QSize size)
        : m_size(size)
        , m_columns((size.width() + kTile - 1) / kTile)
        , m_rows((size.height() + kTile - 1) / kTile)
        , m_tiles(static_cast<std::size_t>(std::max(0, m_columns * m_rows)), false)
    { }
    void mark(const QRect &rect)
    {
        const QRect r = rect & QRect(QPoint(0, 0), m_size);
        if (r.isEmpty())
            return;
        for (int row = r.top() / kTile; row <= r.bottom() / kTile; ++row)
            for (int column = r.left() / kTile; column <= r.right() / kTile; ++column)
                m_tiles[static_cast<std::size_t>(row * m_columns + column)] = true;
    }
    /// region is the marked tiles: one rectangle per run of tiles in a row, in the
    /// order QRegion::setRects wants (rows down, runs left to right, none touching).
    QRegion region() const
    {
        std::vector<QRect> runs;
        for (int row = 0; row < m_rows; ++row) {
            const int top = row * kTile;
            const int height = std::min(kTile, m_size.height() - top);
            for (int column = 0; column < m_columns;) {
                if (!m_tiles[static_cast<std::size_t>(row * m_columns + column)]) {
                    ++column;
                    continue;
                }
                const int start = column;
                while (column < m_columns && m_tiles[static_cast<std::size_t>(row * m_columns + column)])
                    ++column;
                const int left = start * kTile;
                const int right = std::min(column * kTile, m_size.width());
                runs.emplace_back(left, top, right - left, height);
            }
        }
        QRegion region;
        if (!runs.empty())
            region.setRects(runs.data(), static_cast<int>(runs.size()));
        return region;
    }

private:
    QSize m_size;
    int m_columns = 0;
    int m_rows = 0;
    std::vector<bool> m_tiles;
};

void add(std::string &key, std::uint64_t value)
{
    key += std::to_string(value);
    key += ' ';
}

} // namespace

ClusterView::FrameKey ClusterView::frameKey() const
{
    if (!m_simulation)
        return {};
    const raft::Simulation &sim = *m_simulation;
    // Client requests are counted once (the inputs only grow, or are cut back and
    // counted again).
    const std::vector<raft::Input> &inputs = sim.inputs();
    if (m_countedSim != &sim || inputs.size() < m_countedInputs) {
        m_countedSim = &sim;
        m_countedInputs = 0;
        m_countedRequests = 0;
        m_lastAction = 0;
    }
    for (; m_countedInputs < inputs.size(); ++m_countedInputs) {
        if (std::holds_alternative<raft::act::Request>(inputs[m_countedInputs].action))
            ++m_countedRequests;
        else
            m_lastAction = m_countedInputs + 1;
    }
    FrameKey key{
        &sim, inputs.size() - m_countedRequests, m_lastAction, sim.violations().size(), 0, sim.configuration().label(),
        {}, logDigits()};
    // A broken or held network's captions speak of leaders and terms: every event
    // repaints them.
    if (sim.network().hasFaults() || sim.network().isHolding())
        key.faultyStep = sim.stepCount() + 1;
    for (raft::NodeId id = 1; id <= sim.size(); ++id) {
        add(key.roles, static_cast<std::uint64_t>(sim.status(id)));
        add(key.roles, static_cast<std::uint64_t>(sim.role(id)));
        add(key.roles, static_cast<std::uint64_t>(sim.memberState(id)));
    }
    return key;
}

ClusterView::NodeKeys ClusterView::nodeKeys() const
{
    NodeKeys keys;
    if (!m_simulation)
        return keys;
    const raft::Simulation &sim = *m_simulation;
    raft::Index maxLog = 0;
    for (raft::NodeId id = 1; id <= sim.size(); ++id)
        maxLog = std::max(maxLog, sim.log(id).lastIndex());
    for (raft::NodeId id = 1; id <= std::min(sim.size(), raft::kMaxNodes); ++id) {
        NodeKey &key = keys[static_cast<std::size_t>(id)];
        const std::string configuration = sim.configurationOf(id).label();
        // The disc: its term, tally and chip (its role and status are the frame's).
        add(key.disc, sim.term(id));
        add(key.disc, static_cast<std::uint64_t>(sim.server(id).pausedAt));
        key.disc += configuration;
        key.disc += ' ';
        if (const raft::Node *node = sim.node(id)) {
            add(key.disc, static_cast<std::uint64_t>(node->votes()));
            add(key.disc, static_cast<std::uint64_t>(node->quorum()));
            for (raft::NodeId peer = 1; peer <= sim.size(); ++peer)
                if (peer != id)
                    add(key.disc, static_cast<std::uint64_t>(node->progress(peer).vote));
        }
        // The label: the log bar (scaled to the longest log), its line and the line
        // under it.
        add(key.label, maxLog);
        add(key.label, sim.term(id));
        add(key.label, sim.log(id).lastIndex());
        add(key.label, sim.log(id).snapshotIndex());
        add(key.label, sim.commitIndex(id));
        key.label += configuration;
        key.label += ' ';
        if (const auto progress = sim.catchUp(id)) {
            add(key.label, progress->match);
            add(key.label, progress->of);
        }
    }
    return keys;
}

QRegion ClusterView::discArea(raft::NodeId id) const
{
    const ClusterLayout &l = clusterLayout();
    // The disc with its rings, badges and chip, and a candidate's vote marks beyond.
    const int reach = static_cast<int>(std::ceil(l.radius() * 0.6)) + kSlack;
    return l.discBox(id).toAlignedRect().adjusted(-reach, -reach, reach, reach);
}

QRegion ClusterView::labelArea(raft::NodeId id) const
{
    const ClusterLayout &l = clusterLayout();
    // A label of any size up to the reserved one sits on the ray from the ring's
    // centre, nearer the disc the smaller it is: its box lies between the reserved box
    // and one of the same size at the disc's edge. (A label whose text grows moves.)
    const QSizeF reserved = l.reservedLabelSize(id);
    const QPointF edge = l.labelBox(id, QSizeF()).topLeft();
    const QRectF labels =
        l.labelBox(id, reserved).united(QRectF(edge - QPointF(reserved.width(), reserved.height()) / 2, reserved));
    QRegion area = labels.toAlignedRect().adjusted(-kSlack, -kSlack, kSlack, kSlack);
    area += labelRect(id).toAlignedRect().adjusted(-kSlack, -kSlack, kSlack, kSlack);
    return area;
}

QRegion ClusterView::timerChange(raft::NodeId id) const
{
    if (!m_simulation || id < 1 || id > std::min(m_simulation->size(), raft::kMaxNodes))
        return {};
    const ClusterNodePainter::Timer was = m_paintedTimers[static_cast<std::size_t>(id)];
    const ClusterNodePainter::Timer now = ClusterNodePainter::timerOf(*m_simulation, id, m_displayTime);
    const double before = was.shown ? std::clamp(was.left, 0.0, 1.0) : 0;
    const double after = now.shown ? std::clamp(now.left, 0.0, 1.0) : 0;
    const auto colour = [](const ClusterNodePainter::Timer &t, double left) {
        return ClusterPalette::timerColour(left, t.frozen).rgba();
    };
    if (was.shown != now.shown || (was.shown && colour(was, before) != colour(now, after)))
        return bandRegion(id, 0, std::max(before, after));
    // The arc's whole quarters are blitted and the last one filled (ClusterTimerSprite):
    // when the number of whole quarters changes, the quarters drawn the other way are
    // repainted whole.
    double from = std::min(before, after);
    if (std::floor(before * 4) != std::floor(after * 4))
        from = std::floor(from * 4) / 4;
    return bandRegion(id, from, std::max(before, after));
}

QRegion ClusterView::bandRegion(raft::NodeId id, double from, double to) const
{
    // The band's part from `from` to `to` of a turn (clockwise from twelve o'clock),
    // as boxes of at most 1/32 turn each. Also the degree before `from` that the
    // timer's polygon reaches back under a blitted quarter (ClusterTimerSprite).
    from = std::max(0.0, from - 1.0 / 360 - 0.002);
    to = std::min(1.0, to + 0.002);
    if (to <= from)
        return {};
    const ClusterLayout &l = clusterLayout();
    const QPointF c = l.nodeCentre(id);
    const qreal r = l.radius();
    const qreal outer = ClusterPalette::ringRadius(r) + ClusterPalette::timerWidth(r) / 2;
    const qreal inner = ClusterPalette::ringRadius(r) - ClusterPalette::timerWidth(r) / 2;
    const int pieces = std::max(1, static_cast<int>(std::ceil((to - from) * 32)));
    // How far an arc of 1/32 turn bulges beyond its chord, with a pixel to spare.
    const qreal bulge = outer * (1 - std::cos(vec::kPi / 32)) + 1;
    QRegion region;
    for (int i = 0; i < pieces; ++i) {
        const double a = 2 * vec::kPi * (from + (to - from) * i / pieces);
        const double b = 2 * vec::kPi * (from + (to - from) * (i + 1) / pieces);
        const QPointF ua(std::sin(a), -std::cos(a));
        const QPointF ub(std::sin(b), -std::cos(b));
        QRectF box(c + ua * outer, c + ub * outer);
        box = box.normalized().united(QRectF(c + ua * inner, c + ub * inner).normalized());
        const int grow = static_cast<int>(std::ceil(bulge)) + kSlack;
        region += box.toAlignedRect().adjusted(-grow, -grow, grow, grow);
    }
    return region;
}

QRegion ClusterView::movingRegion() const
{
    if (!m_simulation)
        return {};
    const ClusterLayout &l = clusterLayout();
    TileMask tiles(size());
    // A message's sprite, its waiting ring or its lost mark (all within a message size
    // of its centre), and the selected one's halo.
    const qreal m = l.messageSize();
    const qreal half = m + 2;
    const qreal halo = m * (ClusterMessagePainter::kHalo + 0.3) + 2;
    const std::vector<ClusterMessages::Placed> &placed = placedMessages();
    for (const ClusterMessages::Placed &p : placed)
        tiles.mark(around(p.pos, p.envelope->id == m_selectedMessage ? halo : half));
    for (const ClusterMessages::Lost &lost : ClusterMessages::lost(*m_simulation, networkGeometry(), m_displayTime))
        tiles.mark(around(lost.pos, lost.envelope->id == m_selectedMessage ? halo : half));
    for (const QRectF &box : heldCountBoxes())
        tiles.mark(box.toAlignedRect().adjusted(-kSlack, -kSlack, kSlack, kSlack));
    return tiles.region();
}

void ClusterView::requestFrame()
{
    // The world as last painted but for some servers, time going forward: only what
    // moves (where it is now and where it was drawn), the timers' changed parts and
    // those servers' discs or labels are repainted.
    if (m_simulation && m_paintedKey && *m_paintedKey == frameKey() && m_displayTime >= m_paintedTime) {
        QRegion region = movingRegion() + m_paintedMoving;
        const NodeKeys nodes = nodeKeys();
        for (raft::NodeId id = 1; id <= clusterLayout().nodes(); ++id) {
            const auto i = static_cast<std::size_t>(id);
            if (nodes[i].disc != m_paintedNodes[i].disc)
                region += discArea(id);
            if (nodes[i].label != m_paintedNodes[i].label)
                region += labelArea(id);
            region += timerChange(id);
        }
        region &= rect();
        m_pendingRepaint += region;
        update(region);
        return;
    }
    m_pendingRepaint = rect();
    update();
}

void ClusterView::notePainted(const QRegion &painted)
{
    const bool whole = (QRegion(rect()) - painted).isEmpty();
    const FrameKey key = frameKey();
    // A part of the frame painted after the world changed (an expose) does not show
    // the new world everywhere: the next frame is painted whole.
    if (!whole && m_paintedKey != key) {
        m_paintedKey.reset();
        return;
    }
    const NodeKeys nodes = nodeKeys();
    for (raft::NodeId id = 1; id <= clusterLayout().nodes(); ++id) {
        // A server's disc, label and timer are known as painted only where their
        // areas (the timer's changed part) were.
        const auto i = static_cast<std::size_t>(id);
        if (whole || (discArea(id) - painted).isEmpty())
            m_paintedNodes[i].disc = nodes[i].disc;
        if (whole || (labelArea(id) - painted).isEmpty())
            m_paintedNodes[i].label = nodes[i].label;
        if (whole || (timerChange(id) - painted).isEmpty())
            m_paintedTimers[i] = ClusterNodePainter::timerOf(*m_simulation, id, m_displayTime);
    }
    m_paintedKey = key;
    m_paintedTime = m_displayTime;
    m_paintedMoving = movingRegion();
    m_pendingRepaint = QRegion();
}

} // namespace widgets
