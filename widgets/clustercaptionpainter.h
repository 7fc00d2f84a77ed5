#pragma once

#include "widgets/clusterscene.h"

#include <QColor>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace widgets {

class ClusterNodePainter;

/// ClusterCaptionPainter paints the captions of a broken network: each side's verdict
/// ("No quorum: 2 of 5", with what its leader is worth) and the headline when no side
/// has a working leader, where ClusterCaptionLayout placed them. It also draws any
/// caption box for the other painters (paintCaption).
class ClusterCaptionPainter {
public:
    /// paint draws the sides' captions and the headline; `nodes` tells where the
    /// servers' labels are, which the captions avoid.
    void paint(QPainter &painter, const ClusterScene &scene, const ClusterNodePainter &nodes);
    /// invalidate forces the captions to be placed again.
    void invalidate() { m_key.clear(); }

    /// captionSize is the size of the box paintCaption draws.
    static QSizeF captionSize(const ClusterScene &scene, const QString &title, const QString &note);
    /// paintCaption draws a label of one or two lines (title, note) in a rounded box
    /// centred on `centre` and kept inside the widget.
    static void paintCaption(QPainter &painter, const ClusterScene &scene, const QString &title, const QString &note,
                             QPointF centre, const QColor &fill, const QColor &ink);

    /// kNoteRadius: below this disc radius (px) a side's caption leaves out its note.
    static constexpr qreal kNoteRadius = 26;

private:
    /// Tag is a side's caption as placed.
    struct Tag {
        QString title;
        QString note;
        QRectF box;
        bool quorum = false;
    };
    void place(const ClusterScene &scene, const ClusterNodePainter &nodes);

    std::vector<Tag> m_tags;
    QString m_key; ///< what m_tags were placed for
    QString m_headline;
    QPointF m_headlineAt;
};

} // namespace widgets
