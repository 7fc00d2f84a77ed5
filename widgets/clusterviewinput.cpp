// ClusterView's input: the mouse, the wheel, the keyboard, context menus and tool
// tips. Each asks ClusterView::hitTest what lies under the pointer, feeds the press,
// moves and release to the ClusterDrag state machine, and turns what they meant into a
// change of selection, of zoom and pan, or a signal for the controller.
#include "widgets/clustertooltips.h"
#include "widgets/clusterview.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

/// kWheelStep: the zoom factor of one unit of wheel angle (120 units a notch).
constexpr double kWheelStep = 1.0015;

} // namespace

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
    if (const int button = quickButtonAt(pos); button >= 0) {
        // A quick button: one click asks for its action (the window may refuse it, and
        // says why in the status bar).
        const std::vector<ClusterQuickButtons::Button> buttons = quickButtons();
        emit nodeActionRequested(buttons[static_cast<std::size_t>(button)].action);
        update();
        event->accept();
        return;
    }
    if (const QRectF add = addButtonRect(); add.contains(pos)) {
        emit addServerRequested(); // the "+" on the ring (§6)
        event->accept();
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
    if (!adds)
        startLongPress(pos, hit);
    event->accept();
}

void ClusterView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (!m_drag.isActive()) {
        // Hover: the link under the pointer, unless a server or a message is there.
        if (event->buttons() == Qt::NoButton && m_simulation) {
            hoverQuickButtons(pos);
            const ClusterHit hit = quickButtonAt(pos) >= 0 ? ClusterHit() : hitTest(pos);
            setHoverLink(hit.kind == ClusterHit::Kind::Link ? std::optional<Link>(hit.link) : std::nullopt);
        }
        QWidget::mouseMoveEvent(event);
        return;
    }
    if (m_longPress.isActive()) {
        const QPointF moved = pos - m_longPressPos;
        if (moved.manhattanLength() > QApplication::startDragDistance())
            cancelLongPress();
    }
    if (m_drag.move(pos)) {
        setHoverLink(std::nullopt);
        setQuickNode(raft::kNoNode);
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
    cancelLongPress();
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
    // A double click on a quick button is one click (a second would undo a pause).
    if (quickButtonAt(event->position()) >= 0) {
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
    setQuickNode(raft::kNoNode);
    QWidget::leaveEvent(event);
}

void ClusterView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    // About the cursor: the point under it stays where it is.
    zoomAbout(event->position(), m_zoom * std::pow(kWheelStep, delta));
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
    if (gestureEvent(event))
        return true;
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const int button = quickButtonAt(help->pos()); button >= 0) {
            const std::vector<ClusterQuickButtons::Button> buttons = quickButtons();
            QToolTip::showText(help->globalPos(), buttons[static_cast<std::size_t>(button)].toolTip, this);
            return true;
        }
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
