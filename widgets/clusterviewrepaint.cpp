// ClusterView's partial frames. Between two frames most of the picture stays as it
// was: time moves messages, fades lost ones and runs the timers down, and an event
// (a delivery, an append, a commit) changes a few servers' discs and labels. Only
// those places, and where moving things were drawn last, are repainted; the painting
// is the same, only clipped, so the pixels are those of a whole repaint at a fraction
// of the cost on a 4K screen. Anything wider (an action, a new role, an alarm, a
// broken network's captions) repaints the whole view.
#include "widgets/clusterview.h"

#include "widgets/clusterhit.h"
#include "widgets/clustermessagepainter.h"

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
        {}};
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
        std::string &key = keys[static_cast<std::size_t>(id)];
        add(key, maxLog); // the log bars are scaled to the longest log
        add(key, sim.term(id));
        add(key, sim.log(id).lastIndex());
        add(key, sim.log(id).snapshotIndex());
        add(key, sim.commitIndex(id));
        add(key, static_cast<std::uint64_t>(sim.server(id).pausedAt));
        key += sim.configurationOf(id).label();
        key += ' ';
        if (const auto progress = sim.catchUp(id)) {
            add(key, progress->match);
            add(key, progress->of);
        }
        if (const raft::Node *node = sim.node(id)) {
            add(key, static_cast<std::uint64_t>(node->votes()));
            add(key, static_cast<std::uint64_t>(node->quorum()));
            for (raft::NodeId peer = 1; peer <= sim.size(); ++peer)
                if (peer != id)
                    add(key, static_cast<std::uint64_t>(node->progress(peer).vote));
        }
    }
    return keys;
}

QRegion ClusterView::nodeArea(raft::NodeId id) const
{
    const ClusterLayout &l = clusterLayout();
    // The disc with its rings, badges and chip, and a candidate's vote marks beyond.
    const int reach = static_cast<int>(std::ceil(l.radius() * 0.6)) + kSlack;
    QRegion area = l.discBox(id).toAlignedRect().adjusted(-reach, -reach, reach, reach);
    // A label of any size up to the reserved one sits on the ray from the ring's
    // centre, nearer the disc the smaller it is: its box lies between the reserved box
    // and one of the same size at the disc's edge. (A label whose text grows moves.)
    const QSizeF reserved = l.reservedLabelSize(id);
    const QPointF edge = l.labelBox(id, QSizeF()).topLeft();
    const QRectF labels =
        l.labelBox(id, reserved).united(QRectF(edge - QPointF(reserved.width(), reserved.height()) / 2, reserved));
    area += labels.toAlignedRect().adjusted(-kSlack, -kSlack, kSlack, kSlack);
    area += labelRect(id).toAlignedRect().adjusted(-kSlack, -kSlack, kSlack, kSlack);
    return area;
}

QRegion ClusterView::movingRegion() const
{
    if (!m_simulation)
        return {};
    const ClusterLayout &l = clusterLayout();
    TileMask tiles(size());
    // The timers (and anything else on a disc) stay inside each disc's box.
    for (raft::NodeId id = 1; id <= l.nodes(); ++id)
        tiles.mark(l.discBox(id).toAlignedRect().adjusted(-kSlack, -kSlack, kSlack, kSlack));
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
    // moves (where it is now and where it was drawn) and those servers are repainted.
    if (m_simulation && m_paintedKey && *m_paintedKey == frameKey() && m_displayTime >= m_paintedTime) {
        QRegion region = movingRegion() + m_paintedMoving;
        const NodeKeys nodes = nodeKeys();
        for (raft::NodeId id = 1; id <= clusterLayout().nodes(); ++id)
            if (nodes[static_cast<std::size_t>(id)] != m_paintedNodes[static_cast<std::size_t>(id)])
                region += nodeArea(id);
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
        // A server is known as painted only where its area was.
        const auto i = static_cast<std::size_t>(id);
        if (whole || (nodeArea(id) - painted).isEmpty())
            m_paintedNodes[i] = nodes[i];
    }
    m_paintedKey = key;
    m_paintedTime = m_displayTime;
    m_paintedMoving = movingRegion();
    m_pendingRepaint = QRegion();
}

} // namespace widgets
