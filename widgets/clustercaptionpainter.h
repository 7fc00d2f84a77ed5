#pragma once

#include "widgets/clusterscene.h"

#include <QColor>
#include <QCoreApplication>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace widgets {

class ClusterNodePainter;

/// ClusterCaptionPainter paints the banners of the band along the top of the view:
/// each side's verdict of a broken network ("S1 S2 · No quorum: 2 of 5", with what its
/// leader is worth), the headline when no side has a working leader, and the note of
/// hold mode. ClusterLayout keeps the band clear of the ring, so no banner covers a
/// server, a label or a message. It also draws any caption box for the other painters
/// (paintCaption).
class ClusterCaptionPainter {
    Q_DECLARE_TR_FUNCTIONS(widgets::ClusterView)

public:
    /// Banner is one banner of the band.
    struct Banner {
        enum class Kind { Quorum, NoQuorum, Headline, Hold };
        Kind kind = Kind::Headline;
        QString title;
        QString note;
        bool operator==(const Banner &) const = default;
    };
    /// banners lists the banners sim calls for, in the band's order (none when the
    /// network is whole and not holding); `notes`: with each side's note.
    static std::vector<Banner> banners(const raft::Simulation &sim, bool notes);
    /// bannerSize is the size of a banner's box with the fonts of `text` and a disc
    /// radius r.
    static QSizeF bannerSize(ClusterText &text, qreal r, const Banner &banner);

    /// paint draws the banners where the layout put them.
    void paint(QPainter &painter, const ClusterScene &scene, const ClusterNodePainter &nodes);
    /// invalidate forgets the banners (new language or fonts).
    void invalidate() { m_banners.clear(); }

    /// captionSize is the size of the box paintCaption draws.
    static QSizeF captionSize(const ClusterScene &scene, const QString &title, const QString &note);
    /// paintCaption draws a label of one or two lines (title, note) in a rounded box
    /// centred on `centre` and kept inside the widget.
    static void paintCaption(QPainter &painter, const ClusterScene &scene, const QString &title, const QString &note,
                             QPointF centre, const QColor &fill, const QColor &ink);

    /// kNoteRadius: below this disc radius (px) a side's caption leaves out its note.
    static constexpr qreal kNoteRadius = 26;

private:
    std::vector<Banner> m_banners;
};

} // namespace widgets
