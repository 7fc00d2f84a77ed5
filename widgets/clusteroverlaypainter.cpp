#include "widgets/clusteroverlaypainter.h"

#include "widgets/clustercaptionpainter.h"
#include "widgets/clusterlegend.h"
#include "widgets/clusternodepainter.h"
#include "widgets/clusterpalette.h"
#include "widgets/networksides.h"
#include "widgets/vectorpaint.h"

#include <QPainter>

#include <algorithm>

namespace widgets {

namespace {

/// kEdgeMargin: how far the notes along the bottom stay from the widget's edges (px).
constexpr qreal kEdgeMarginX = 12;
constexpr qreal kEdgeMarginY = 8;
/// kGhost: the dragged server's ghost, of the disc radius; its caption sits kGhostCaption radii below.
constexpr qreal kGhost = 0.8;
constexpr qreal kGhostCaption = 1.5;
constexpr qreal kGhostOpacity = 0.7;

} // namespace

void ClusterOverlayPainter::paintDropTarget(QPainter &painter, const ClusterScene &scene, const ClusterDrag &drag)
{
    const ClusterLayout &l = scene.layout;
    if (!drag.isDraggingNode() || !l.contains(drag.node()))
        return;
    // The side the server would join lights up; the circle out of which a server gets
    // a side of its own is dashed, and red when the drop would do that.
    const bool changes = scene.network.dropTarget(drag.node(), drag.pos()).has_value();
    const std::vector<raft::NodeId> joined = scene.network.dropJoins(drag.node(), drag.pos());
    QPen circle(ClusterPalette::mutedInk(), std::max<qreal>(1.5, l.radius() * 0.05), Qt::DashLine);
    if (changes && joined.empty()) {
        circle.setColor(ClusterPalette::cutLink());
        circle.setWidthF(circle.widthF() * 1.6);
    } else if (changes) {
        painter.setPen(QPen(ClusterPalette::dropEdge(), std::max<qreal>(3, l.radius() * 0.1)));
        painter.setBrush(ClusterPalette::dropFill());
        painter.drawPath(scene.network.sidePath(joined));
    }
    const qreal big = l.sidesRadius();
    painter.setPen(circle);
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(l.centre(), big, big);
}

std::vector<ClusterOverlayPainter::Note> ClusterOverlayPainter::notes(const ClusterScene &scene,
                                                                      const ClusterDrag &drag)
{
    const QRectF bounds = scene.layout.bounds();
    std::vector<Note> notes;
    // (Hold mode's note is a banner: ClusterCaptionPainter.)
    if (drag.isActive())
        return notes;
    std::vector<raft::NodeId> selected;
    for (raft::NodeId id = 1; id <= raft::kMaxNodes; ++id)
        if (scene.selected[static_cast<std::size_t>(id)])
            selected.push_back(id);
    if (selected.size() >= 2) {
        const QString text = tr("Selected: %1 · right-click for “Partition: selection vs the rest”")
                                 .arg(NetworkSides::nodeList(selected));
        const QSizeF size = scene.text.size(ClusterText::Font::Small, text);
        notes.push_back({text,
                         QPointF(size.width() / 2 + kEdgeMarginX, bounds.height() - size.height() / 2 - kEdgeMarginY),
                         ClusterPalette::ink(), size});
    }
    return notes;
}

void ClusterOverlayPainter::paintNotes(QPainter &painter, const ClusterScene &scene, const ClusterDrag &drag)
{
    for (const Note &note : notes(scene, drag))
        scene.text.draw(painter, ClusterText::Font::Small, note.text, note.centre, note.colour);
}

std::vector<QRectF> ClusterOverlayPainter::noteBoxes(const ClusterScene &scene, const ClusterDrag &drag)
{
    std::vector<QRectF> boxes;
    for (const Note &note : notes(scene, drag))
        boxes.emplace_back(note.centre - QPointF(note.size.width() / 2, note.size.height() / 2), note.size);
    return boxes;
}

void ClusterOverlayPainter::paintDrag(QPainter &painter, const ClusterScene &scene, const ClusterDrag &drag)
{
    const ClusterLayout &l = scene.layout;
    if (drag.state() == ClusterDrag::State::RubberBand) {
        painter.setPen(QPen(ClusterPalette::ink(), 1, Qt::DashLine));
        painter.setBrush(ClusterPalette::bandFill());
        painter.drawRect(drag.band());
        return;
    }
    if (!drag.isDraggingNode() || !l.contains(drag.node()))
        return;
    const raft::NodeId id = drag.node();
    const QPointF at = drag.pos();
    const QString name = ClusterNodePainter::nameOf(id);
    const std::vector<raft::NodeId> joined = scene.network.dropJoins(id, at);
    QString caption;
    if (!scene.network.dropTarget(id, at))
        caption = scene.network.isPartitioned()
            ? tr("%1 stays on its side").arg(name)
            : tr("Drop %1 outside the circle to cut it off from the rest").arg(name);
    else if (joined.empty())
        caption = tr("Drop: %1 gets a side of its own").arg(name);
    else
        caption = tr("Drop: %1 joins %2").arg(name, NetworkSides::nodeList(joined));
    // A ghost of the server follows the pointer, tied to where it stands.
    painter.setPen(QPen(ClusterPalette::mutedInk(), std::max<qreal>(1.0, l.radius() * 0.04), Qt::DashLine));
    painter.drawLine(l.nodeCentre(id), at);
    const NodeLook look = ClusterNodePainter::lookOf(scene.sim, id);
    painter.setOpacity(kGhostOpacity);
    ClusterPalette::drawNodeDisc(painter, at, l.radius() * kGhost, look);
    painter.setOpacity(1.0);
    scene.text.draw(painter, ClusterText::Font::Name, name, at, ClusterPalette::textOn(look));
    ClusterCaptionPainter::paintCaption(painter, scene, caption, QString(), at + QPointF(0, l.radius() * kGhostCaption),
                                        ClusterPalette::dragCaptionFill(), ClusterPalette::ink());
}

void ClusterOverlayPainter::paintLegend(QPainter &painter, const ClusterScene &scene)
{
    const ClusterLayout &l = scene.layout;
    if (!l.legendShown())
        return;
    if (VectorPaint::isVector(painter)) {
        // On a vector device: the panel's shapes and texts, where the pixmap would go.
        painter.save();
        painter.translate(l.legendRect().topLeft());
        ClusterLegend::paint(painter, l.legendUnit(), l.legendColumns());
        painter.restore();
        return;
    }
    const QString key = QStringLiteral("%1 %2 %3").arg(l.legendUnit()).arg(l.legendColumns()).arg(scene.dpr);
    if (m_legend.isNull() || m_legendKey != key) {
        m_legend = ClusterLegend::render(l.legendUnit(), scene.dpr, l.legendColumns());
        m_legendKey = key;
    }
    painter.drawPixmap(l.legendRect().topLeft(), m_legend);
}

} // namespace widgets
