#pragma once

#include "widgets/clusterdrag.h"
#include "widgets/clusterscene.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QString>

#include <vector>

class QPainter;

namespace widgets {

/// ClusterOverlayPainter paints what lies over the cluster: the legend panel, the
/// note along the bottom edge (what a multiple selection can do), and the
/// marks of a gesture in progress: the rubber band, the side a dragged server would
/// join (or the circle out of which it gets a side of its own), the server's ghost
/// under the pointer and a caption saying what the drop would do.
class ClusterOverlayPainter {
    Q_DECLARE_TR_FUNCTIONS(widgets::ClusterView)

public:
    /// paintDropTarget marks where a dragged server would go (under the servers).
    static void paintDropTarget(QPainter &painter, const ClusterScene &scene, const ClusterDrag &drag);
    /// paintNotes draws the notes along the bottom edge.
    static void paintNotes(QPainter &painter, const ClusterScene &scene, const ClusterDrag &drag);
    /// noteBoxes lists where the notes along the bottom edge go.
    static std::vector<QRectF> noteBoxes(const ClusterScene &scene, const ClusterDrag &drag);
    /// paintDrag draws the rubber band, or the dragged server's ghost and caption.
    static void paintDrag(QPainter &painter, const ClusterScene &scene, const ClusterDrag &drag);
    /// paintLegend draws the legend panel (from a pixmap made for its scale; on a vector
    /// device, as shapes and text).
    void paintLegend(QPainter &painter, const ClusterScene &scene);
    /// invalidate forgets the legend's pixmap (new language or font).
    void invalidate() { m_legend = QPixmap(); }

private:
    /// Note is one note along the bottom edge.
    struct Note {
        QString text;
        QPointF centre;
        QColor colour;
        QSizeF size;
    };
    static std::vector<Note> notes(const ClusterScene &scene, const ClusterDrag &drag);

    QPixmap m_legend;
    QString m_legendKey; ///< the scale, columns and pixel ratio m_legend was painted at
};

} // namespace widgets
