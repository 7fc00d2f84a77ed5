#include "widgets/clusterview.h"

#include "widgets/clusterlegend.h"
#include "widgets/clusterpalette.h"
#include "widgets/clustertooltips.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

/// kWheelStep: the zoom factor of one unit of wheel angle (120 units a notch).
constexpr double kWheelStep = 1.0015;

} // namespace

ClusterView::ClusterView(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true); // hovering highlights links
    setFocusPolicy(Qt::StrongFocus);
    setContextMenuPolicy(Qt::DefaultContextMenu);
    setToolTip(QString()); // tool tips come from event()
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
    m_drag.cancel();
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
    m_geometryValid = false;
    m_networkPainter.invalidate();
    m_stage.invalidate();
}

const ClusterLayout &ClusterView::clusterLayout() const
{
    const int nodes = m_simulation ? std::clamp(m_simulation->size(), 0, raft::kMaxNodes) : 0;
    if (m_layoutValid && m_layout.nodes() == nodes)
        return m_layout;
    // The fit (legend, disc and ring sizes) depends only on the widget's size, the
    // legend, the cluster's size and the language; zooming and panning reuse it.
    if (!m_textMetrics)
        m_textMetrics = ClusterLayout::Text::measure(tr("%1 crashed").arg(QStringLiteral("S8")),
                                                     tr("log %1 · commit %2").arg(888).arg(888));
    if (!m_fit || m_fit->size != QSizeF(size()) || m_fit->legendWanted != m_legendVisible || m_fit->nodes != nodes)
        m_fit = ClusterLayout::fit(size(), nodes, m_legendVisible, *m_textMetrics, &ClusterLegend::sizeAt);
    m_layout = ClusterLayout(*m_fit, m_zoom, m_pan);
    m_layoutValid = true;
    m_geometryValid = false;
    return m_layout;
}

const ClusterNetworkGeometry &ClusterView::networkGeometry() const
{
    const ClusterLayout &l = clusterLayout();
    const ClusterNetworkGeometry::Groups groups = m_simulation
        ? ClusterNetworkGeometry::groupsOf(m_simulation->network(), l.nodes())
        : ClusterNetworkGeometry::Groups{};
    if (!m_geometryValid || groups != m_geometryGroups) {
        m_geometry = ClusterNetworkGeometry(l, groups);
        m_geometryGroups = groups;
        m_geometryValid = true;
    }
    return m_geometry;
}

QPointF ClusterView::nodeCenter(raft::NodeId id) const
{
    return clusterLayout().nodeCentre(id);
}

qreal ClusterView::nodeRadius() const
{
    return clusterLayout().radius();
}

qreal ClusterView::sidesRadius() const
{
    return clusterLayout().sidesRadius();
}

std::vector<ClusterMessages::Placed> ClusterView::placedMessages() const
{
    if (!m_simulation)
        return {};
    return ClusterMessages::inFlight(m_simulation->network(), networkGeometry(), m_displayTime);
}

std::optional<QPointF> ClusterView::messagePosition(std::uint64_t id) const
{
    return ClusterMessages::find(placedMessages(), id);
}

ClusterHit ClusterView::hitTest(QPointF pos) const
{
    if (!m_simulation)
        return {};
    return ClusterHit::at(pos, networkGeometry(), placedMessages());
}

raft::NodeId ClusterView::nodeAt(QPointF pos) const
{
    return clusterLayout().nodeAt(pos);
}

std::uint64_t ClusterView::messageAt(QPointF pos) const
{
    const std::vector<std::uint64_t> ids = ClusterHit::messagesAt(pos, clusterLayout(), placedMessages());
    return ids.empty() ? 0 : ids.front();
}

std::optional<ClusterView::Link> ClusterView::linkAt(QPointF pos) const
{
    if (!m_simulation)
        return {};
    return networkGeometry().linkAt(pos);
}

std::optional<QPointF> ClusterView::wallCrossing(raft::NodeId from, raft::NodeId to) const
{
    if (!m_simulation)
        return {};
    return networkGeometry().wallCrossing(from, to);
}

std::optional<std::vector<std::vector<raft::NodeId>>> ClusterView::dropTarget(raft::NodeId id, QPointF pos) const
{
    if (!m_simulation)
        return {};
    return networkGeometry().dropTarget(id, pos);
}

// --- painting ---

ClusterScene ClusterView::scene()
{
    return ClusterScene{.sim = *m_simulation,
                        .network = networkGeometry(),
                        .layout = clusterLayout(),
                        .text = m_text,
                        .displayTime = m_displayTime,
                        .dpr = devicePixelRatioF(),
                        .selected = m_selected,
                        .selectedMessage = m_selectedMessage};
}

void ClusterView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintScene(painter);
}

void ClusterView::paintScene(QPainter &painter)
{
    const ClusterLayout &l = clusterLayout();
    const qreal dpr = devicePixelRatioF();
    if (m_text.setRadius(l.radius()) || dpr != m_builtDpr) {
        // The layout changed: the sprites are remade for the new size.
        m_text.clear();
        m_messagePainter.invalidate();
        m_nodePainter.invalidate();
        m_stage.invalidate();
        m_builtDpr = dpr;
    }
    if (!m_simulation || l.nodes() == 0) {
        paintEmpty(painter);
        return;
    }
    const ClusterScene s = scene();
    // A still frame (nothing hovered or dragged) starts from the still layer: the
    // background with the discs that have no halo and, if nothing moves over it, the
    // legend. Otherwise the layers are drawn one by one, in the same order.
    const bool still = !m_hoverLink && !m_drag.isActive();
    ClusterNodePainter::NodeSet staged{};
    const bool legendStaged = still && legendIsStill(s);
    if (still) {
        for (raft::NodeId id = 1; id <= l.nodes(); ++id)
            staged[static_cast<std::size_t>(id)] = !m_selected[static_cast<std::size_t>(id)];
        m_nodePainter.prepare(s);
        m_stage.paint(painter, s, m_networkPainter, m_nodePainter, m_overlayPainter, staged, legendStaged);
    } else {
        m_networkPainter.paintBackground(painter, s);
    }

    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (m_hoverLink && !m_drag.isActive())
        ClusterNetworkPainter::paintHover(painter, s, *m_hoverLink);
    ClusterOverlayPainter::paintDropTarget(painter, s, m_drag);

    ClusterNodePainter::NodeSet banded{};
    if (m_drag.state() == ClusterDrag::State::RubberBand)
        for (raft::NodeId id = 1; id <= l.nodes(); ++id)
            banded[static_cast<std::size_t>(id)] = m_drag.band().contains(l.nodeCentre(id));
    m_nodePainter.paint(painter, s, banded, staged);

    m_captionPainter.paint(painter, s, m_nodePainter);
    ClusterNetworkPainter::paintBadges(painter, s);
    m_messagePainter.paintLost(painter, s, ClusterMessages::lost(*m_simulation, s.network, m_displayTime));
    m_messagePainter.paintInFlight(painter, s, placedMessages());
    ClusterNodePainter::paintBadges(painter, s);

    ClusterOverlayPainter::paintNotes(painter, s, m_drag);
    ClusterOverlayPainter::paintDrag(painter, s, m_drag);
    if (!legendStaged)
        m_overlayPainter.paintLegend(painter, s);
}

bool ClusterView::legendIsStill(const ClusterScene &s) const
{
    // The legend is drawn over everything else; it can lie in the still layer only
    // where nothing that changes from frame to frame is drawn: away from the sides'
    // circle (discs, timers, votes, lanes, messages, badges), the servers' labels and
    // the notes, and with no captions of a broken network.
    const ClusterLayout &l = s.layout;
    if (!l.legendShown() || m_simulation->network().hasFaults())
        return false;
    const QRectF legend = l.legendRect().adjusted(-2, -2, 2, 2);
    if (legend.intersects(ClusterNetworkPainter::reach(s)))
        return false;
    for (raft::NodeId id = 1; id <= l.nodes(); ++id)
        if (legend.intersects(l.labelBox(id, l.reservedLabelSize() + QSizeF(2, 2)))
            || legend.intersects(m_nodePainter.labelRect(id)))
            return false;
    for (const QRectF &note : ClusterOverlayPainter::noteBoxes(s, m_drag))
        if (legend.intersects(note))
            return false;
    return true;
}

void ClusterView::paintEmpty(QPainter &painter)
{
    painter.fillRect(rect(), ClusterPalette::background());
    painter.setPen(ClusterPalette::mutedInk());
    painter.drawText(rect(), Qt::AlignCenter, tr("No cluster"));
}

// --- events ---

void ClusterView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidateLayout();
    m_overlayPainter.invalidate();
    m_stage.invalidate();
}

void ClusterView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        m_overlayPainter.invalidate();
        m_text.clear();
        m_nodePainter.invalidate();
        m_captionPainter.invalidate();
        m_stage.invalidate();
        m_textMetrics.reset();
        m_fit.reset();
        invalidateLayout();
        update();
    }
    QWidget::changeEvent(event);
}

void ClusterView::select(const ClusterHit &hit, bool toggle)
{
    if (hit.kind == ClusterHit::Kind::Message) {
        const bool hadNodes = !selectedNodes().empty();
        setSelectedMessage(hit.message());
        emit messageSelected(hit.message());
        if (hadNodes)
            emitSelection();
        return;
    }
    const raft::NodeId node = hit.kind == ClusterHit::Kind::Node ? hit.node : raft::kNoNode;
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

void ClusterView::finishRubberBand(QRectF band, bool add)
{
    const ClusterLayout &l = clusterLayout();
    std::vector<raft::NodeId> nodes = add ? selectedNodes() : std::vector<raft::NodeId>();
    for (raft::NodeId id = 1; id <= l.nodes(); ++id)
        if (band.contains(l.nodeCentre(id)) && std::find(nodes.begin(), nodes.end(), id) == nodes.end())
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
    if (!m_drag.isActive()
        && (event->button() == Qt::MiddleButton
            || (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier)))) {
        m_drag.startPan(pos, m_pan);
        setHoverLink(std::nullopt);
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton || m_drag.isActive()) {
        QWidget::mousePressEvent(event);
        return;
    }
    const bool adds = event->modifiers().testFlag(Qt::ControlModifier);
    // Servers and messages select at once. A press on a server may become a drag to
    // another side; one on empty space (or a link) a rubber band, or else a click.
    const ClusterHit hit = hitTest(pos);
    const raft::NodeId node = hit.kind == ClusterHit::Kind::Node ? hit.node : raft::kNoNode;
    if (node != raft::kNoNode && !adds && m_selected[static_cast<std::size_t>(node)] && selectedNodes().size() > 1) {
        // Pressing a server of a multiple selection keeps the selection (a click
        // without a drag narrows it on release).
        m_selectedNode = node;
        emit nodeSelected(node);
        update();
    } else if (hit.kind == ClusterHit::Kind::Node || hit.kind == ClusterHit::Kind::Message) {
        select(hit, adds);
    }
    m_drag.press(pos, hit, adds);
    event->accept();
}

void ClusterView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (!m_drag.isActive()) {
        // Hover: the link under the pointer, unless a server or a message is there.
        if (event->buttons() == Qt::NoButton && m_simulation) {
            const ClusterHit hit = hitTest(pos);
            setHoverLink(hit.kind == ClusterHit::Kind::Link ? std::optional<Link>(hit.link) : std::nullopt);
        }
        QWidget::mouseMoveEvent(event);
        return;
    }
    if (m_drag.move(pos)) {
        setHoverLink(std::nullopt);
        if (m_drag.isDraggingNode())
            setCursor(Qt::ClosedHandCursor);
    }
    if (m_drag.state() == ClusterDrag::State::Pan) {
        m_pan = m_drag.pan();
        invalidateLayout();
    }
    update();
    event->accept();
}

void ClusterView::mouseReleaseEvent(QMouseEvent *event)
{
    const ClusterDrag::State state = m_drag.state();
    const bool panButton = event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton;
    if (state == ClusterDrag::State::None
        || (state == ClusterDrag::State::Pan ? !panButton : event->button() != Qt::LeftButton)) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    finishDrag(m_drag.release(event->position()));
    update();
    event->accept();
}

void ClusterView::finishDrag(const ClusterDrag::Release &release)
{
    using Kind = ClusterDrag::Release::Kind;
    switch (release.kind) {
    case Kind::Nothing: break;
    case Kind::Panned: unsetCursor(); break;
    case Kind::DroppedNode:
        unsetCursor();
        if (const auto groups = dropTarget(release.node, release.pos))
            emit partitionRequested(*groups);
        break;
    case Kind::ClickedLink: emit linkClicked(release.link.first, release.link.second); break;
    case Kind::ClickedEmpty:
        if (!release.adds) {
            // A click on empty space clears the selection.
            const bool hadNodes = !selectedNodes().empty();
            setSelectedNode(raft::kNoNode);
            emit nodeSelected(raft::kNoNode);
            if (hadNodes)
                emitSelection();
        }
        break;
    case Kind::RubberBand: finishRubberBand(release.band, release.adds); break;
    case Kind::ClickedNode:
        if (selectedNodes().size() > 1) {
            setSelectedNode(release.node);
            emit nodeSelected(release.node);
            emitSelection();
        }
        break;
    }
}

void ClusterView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const ClusterHit hit = hitTest(event->position());
    if (event->button() == Qt::LeftButton
        && (hit.kind == ClusterHit::Kind::Background || hit.kind == ClusterHit::Kind::Wall)) {
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
        if (m_drag.isActive()) {
            m_drag.cancel();
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
    const double zoom = std::clamp(m_zoom * std::pow(kWheelStep, delta), kMinZoom, kMaxZoom);
    if (zoom != m_zoom) {
        // Keep the point under the cursor where it is.
        const QPointF base = clusterLayout().centre() - m_pan;
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
    const ClusterHit hit = hitTest(event->pos());
    switch (hit.kind) {
    case ClusterHit::Kind::Node: emit nodeContextMenuRequested(hit.node, event->globalPos()); break;
    case ClusterHit::Kind::Message: emit messageContextMenuRequested(hit.message(), event->globalPos()); break;
    case ClusterHit::Kind::Link:
        emit linkContextMenuRequested(hit.link.first, hit.link.second, event->globalPos());
        break;
    case ClusterHit::Kind::Wall:
    case ClusterHit::Kind::Background: emit backgroundContextMenuRequested(event->globalPos()); break;
    }
}

bool ClusterView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = m_simulation ? ClusterToolTips::text(*m_simulation, hitTest(help->pos())) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace widgets
