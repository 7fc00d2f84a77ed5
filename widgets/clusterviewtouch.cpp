// ClusterView's direct-manipulation aids: the quick buttons that fade in around a
// hovered server, the long press that opens a context menu on a touch screen or an
// interactive whiteboard, and the pinch that zooms. The buttons ask
// ClusterQuickButtons where they go and what they do; a click only emits the typed
// action, which the window runs through the same road as the server's menu.
#include "widgets/clusterview.h"

#include <QApplication>
#include <QGestureEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

/// kFadeMs: how long the quick buttons take to fade in or out.
constexpr int kFadeMs = 150;

} // namespace

void ClusterView::setQuickButtonsEnabled(bool on)
{
    m_quickEnabled = on;
    if (!on) {
        m_quickNode = raft::kNoNode;
        m_quickShown = false;
        m_quickOpacity = 0;
        update();
    }
}

std::vector<ClusterQuickButtons::Button> ClusterView::quickButtons() const
{
    if (!m_simulation || m_quickNode == raft::kNoNode)
        return {};
    const ClusterLayout &l = clusterLayout();
    if (!l.contains(m_quickNode))
        return {};
    // Keep clear of every other server and of every label, the server's own included.
    std::vector<QRectF> avoid;
    for (raft::NodeId id = 1; id <= l.nodes(); ++id) {
        if (id != m_quickNode)
            avoid.push_back(l.discBox(id));
        avoid.push_back(l.labelBox(id, l.reservedLabelSize(id)));
        if (const QRectF drawn = m_nodePainter.labelRect(id); !drawn.isEmpty())
            avoid.push_back(drawn);
    }
    // (A legend beside the ring, not one laid over the whole picture.)
    if (l.legendShown() && !l.legendOverlaid())
        avoid.push_back(l.legendRect());
    return ClusterQuickButtons::place(*m_simulation, l, m_quickNode, avoid);
}

void ClusterView::setQuickNode(raft::NodeId id)
{
    if (!m_quickEnabled)
        id = raft::kNoNode;
    const bool show = id != raft::kNoNode;
    if (show == m_quickShown && (!show || id == m_quickNode))
        return;
    if (show)
        m_quickNode = id;
    m_quickShown = show;
    m_quickHovered = -1;
    if (!m_quickFade) {
        m_quickFade = new QVariantAnimation(this);
        m_quickFade->setDuration(kFadeMs);
        connect(m_quickFade, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
            m_quickOpacity = value.toReal();
            update();
        });
        connect(m_quickFade, &QVariantAnimation::finished, this, [this] {
            if (!m_quickShown) {
                m_quickNode = raft::kNoNode;
                update();
            }
        });
    }
    m_quickFade->stop();
    m_quickFade->setStartValue(m_quickOpacity);
    m_quickFade->setEndValue(show ? 1.0 : 0.0);
    m_quickFade->start();
    update();
}

int ClusterView::quickButtonAt(QPointF pos) const
{
    if (!m_quickShown)
        return -1;
    return ClusterQuickButtons::at(quickButtons(), pos);
}

void ClusterView::hoverQuickButtons(QPointF pos)
{
    if (!m_quickEnabled || !m_simulation)
        return;
    const ClusterLayout &l = clusterLayout();
    if (m_quickShown && l.contains(m_quickNode)) {
        const QPointF d = pos - l.nodeCentre(m_quickNode);
        if (std::hypot(d.x(), d.y()) <= ClusterQuickButtons::reach(l)) {
            const int hovered = quickButtonAt(pos);
            if (hovered != m_quickHovered) {
                m_quickHovered = hovered;
                update();
            }
            return;
        }
    }
    setQuickNode(l.nodeAt(pos));
}

void ClusterView::paintQuickButtons(QPainter &painter)
{
    if (m_quickNode == raft::kNoNode || m_quickOpacity <= 0)
        return;
    ClusterQuickButtons::paint(painter, quickButtons(), m_quickOpacity, m_quickShown ? m_quickHovered : -1);
}

// --- long press ---

void ClusterView::startLongPress(QPointF pos, const ClusterHit &hit)
{
    if (hit.kind != ClusterHit::Kind::Node && hit.kind != ClusterHit::Kind::Message)
        return;
    m_longPressPos = pos;
    m_longPressHit = hit;
    m_longPress.start(kLongPressMs);
}

void ClusterView::cancelLongPress()
{
    m_longPress.stop();
}

void ClusterView::longPressed()
{
    // Held still long enough: the press becomes a right click, not a drag.
    m_drag.cancel();
    unsetCursor();
    setQuickNode(raft::kNoNode);
    const QPoint global = mapToGlobal(m_longPressPos.toPoint());
    if (m_longPressHit.kind == ClusterHit::Kind::Node)
        emit nodeContextMenuRequested(m_longPressHit.node, global);
    else if (m_longPressHit.kind == ClusterHit::Kind::Message)
        emit messageContextMenuRequested(m_longPressHit.message(), global);
    update();
}

// --- zoom ---

void ClusterView::zoomAbout(QPointF anchor, double factor)
{
    const double zoom = std::clamp(factor, kMinZoom, kMaxZoom);
    if (zoom == m_zoom)
        return;
    // Keep the point under the anchor where it is.
    const QPointF base = clusterLayout().centre() - m_pan;
    const QPointF at = anchor - base;
    m_pan = at - (at - m_pan) * (zoom / m_zoom);
    m_zoom = zoom;
    invalidateLayout();
    update();
}

bool ClusterView::gestureEvent(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *native = static_cast<QNativeGestureEvent *>(event);
        if (native->gestureType() != Qt::ZoomNativeGesture)
            return false;
        // value() is the change of scale since the last event: +0.1 is 10% larger.
        zoomAbout(native->position(), m_zoom * (1.0 + native->value()));
        event->accept();
        return true;
    }
    if (event->type() == QEvent::Gesture) {
        auto *gestures = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gestures->gesture(Qt::PinchGesture))) {
            cancelLongPress();
            if (pinch->changeFlags().testFlag(QPinchGesture::ScaleFactorChanged)) {
                // scaleFactor() is the change since the last event of the gesture.
                const QPointF centre = mapFromGlobal(pinch->centerPoint());
                zoomAbout(centre, m_zoom * pinch->scaleFactor());
            }
            gestures->accept(pinch);
            return true;
        }
    }
    return false;
}

} // namespace widgets
