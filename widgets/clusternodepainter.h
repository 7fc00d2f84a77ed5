#pragma once

#include "widgets/clusterpalette.h"
#include "widgets/clusterscene.h"
#include "widgets/clustertimersprite.h"

#include <QCoreApplication>
#include <QFont>
#include <QPixmap>
#include <QRectF>
#include <QString>

#include <array>

class QPainter;

namespace widgets {

/// ClusterNodePainter paints the servers: each one's selection halo, disc (role by
/// colour and shape, term, crown, a candidate's tally in words), election timer,
/// a candidate's vote marks facing each peer, its label outside the ring (name and
/// status, log bar, log length and commitIndex) and its crash or pause badge.
///
/// A disc and a label change only with an event, so each is painted into a pixmap
/// when what it shows changes and blitted every frame; the timer and the log bar,
/// which move, are drawn on top. On a vector device (an SVG for slides) the same
/// drawing code draws them directly, where the pixmaps would go.
class ClusterNodePainter {
    Q_DECLARE_TR_FUNCTIONS(widgets::ClusterView)

public:
    using NodeSet = std::array<bool, raft::kMaxNodes + 1>;
    /// paint draws every server; `banded` marks servers inside a rubber band (they get
    /// a halo), `staged` those whose disc the still layer already shows.
    void paint(QPainter &painter, const ClusterScene &scene, const NodeSet &banded, const NodeSet &staged = {});
    /// Disc is a server's disc as a pixmap and where its top left corner goes.
    struct Disc {
        const QPixmap *pixmap = nullptr;
        QPointF topLeft;
        /// key says what the disc shows (role, status, term, tally).
        const QString *key = nullptr;
    };
    /// disc makes server id's disc ready (remade if what it shows changed).
    Disc disc(const ClusterScene &scene, raft::NodeId id);
    /// paintDisc draws server id's disc: blitted from its pixmap, or, on a vector device
    /// (VectorPaint::isVector), as the shapes and texts the pixmap is made of.
    void paintDisc(QPainter &painter, const ClusterScene &scene, raft::NodeId id);
    /// prepare makes every disc and label ready, in the order paint() would (text
    /// rendering keeps state between calls, so the order is kept to keep the pixels).
    void prepare(const ClusterScene &scene);
    /// paintBadges draws the crash and pause badges (above the messages that queue at
    /// a paused server's door).
    static void paintBadges(QPainter &painter, const ClusterScene &scene);
    /// labelRect is where server id's label was last drawn (empty before).
    QRectF labelRect(raft::NodeId id) const;
    /// invalidate forgets the pixmaps (new size, pixel ratio, language or font).
    void invalidate() { m_sprites = {}; }

    /// Timer is how a server's election timer is drawn at a display time: whether it
    /// shows (not for a leader or a crashed server), the time left as a fraction of
    /// the timeout (drawn clamped to [0, 1]) and whether it stands still (paused).
    struct Timer {
        bool shown = false;
        double left = 0;
        bool frozen = false;
    };
    /// timerOf is server id's timer at displayTime.
    static Timer timerOf(const raft::Simulation &sim, raft::NodeId id, double displayTime);

    /// nameOf is how server id is named: "S3".
    static QString nameOf(raft::NodeId id);
    /// lookOf is how server id of sim is drawn.
    static NodeLook lookOf(const raft::Simulation &sim, raft::NodeId id);

    /// Chip is the geometry of a configuration chip ("C3", "C_old,new"): the pill, its
    /// corner radius, and the box of the text's ink (glyphs that reach below the
    /// descent, such as the underscore, included).
    /// Invariant: the rounded pill contains the ink box.
    struct Chip {
        QRectF pill;
        qreal corner = 0;
        QRectF ink;
    };
    /// chipGeometry places a chip whose text, of line size `line` (as ClusterText
    /// measures it) in `font`, is centred on `centre`.
    static Chip chipGeometry(const QFont &font, const QString &text, QSizeF line, QPointF centre);

    /// kHalo: how far a selection halo stands off the disc's drawing, of the radius.
    static constexpr qreal kHalo = 0.12;
    /// kBadgeOffset: where a status badge sits, of the radius, up and right of the centre.
    static constexpr qreal kBadgeOffset = 0.76;

private:
    /// ChipKey is what a chip's pixmap was made for.
    struct ChipKey {
        QString text;
        bool joint = false;
        QPointF centre;
        qreal dpr = 0;
        bool operator==(const ChipKey &) const = default;
    };
    /// Sprites: one server's disc (with its texts) and label, and what they show.
    struct Sprites {
        QString discKey;
        QPixmap disc;
        QString labelKey;
        QPixmap label;
        QSizeF labelSize;
        qreal barTop = 0; ///< where the log bar goes, from the label's top
        QRectF labelRect; ///< where the label was last drawn
        QString ringKey;
        QPixmap ring; ///< the alarm ring, drawn where ringKey says
        ClusterTimerSprite timer; ///< the election timer's band
        ChipKey chipKey;
        QPixmap chip; ///< the configuration chip, drawn at chipOrigin
        QPointF chipOrigin;
    };
    /// LabelText: the lines of a server's label.
    struct LabelText {
        QString name;
        QString log;
        QString member;
        bool snapshotLine = false; ///< the member line tells the snapshot
    };
    /// LabelBox: a label's size, where its log bar goes, and the size of each line.
    struct LabelBox {
        QSizeF size;
        qreal barTop = 0;
        QSizeF name;
        QSizeF log;
        QSizeF member;
    };
    static LabelText labelText(const ClusterScene &scene, raft::NodeId id, const NodeLook &look);
    static LabelBox measureLabel(const ClusterScene &scene, const LabelText &text);
    /// drawLabel draws a label's plate and texts with its top left corner at (0, 0).
    static void drawLabel(QPainter &p, const ClusterScene &scene, const NodeLook &look, const LabelText &text,
                          const LabelBox &box);
    /// discVotes is the tally a candidate's disc shows ("" if none, or if it does not fit).
    static QString discVotes(const ClusterScene &scene, raft::NodeId id, const NodeLook &look);
    /// drawDisc draws server id's disc, its texts and crown centred on o.
    static void drawDisc(QPainter &p, const ClusterScene &scene, raft::NodeId id, QPointF o, const NodeLook &look,
                         const QString &votes);
    /// discHalf is half the side of a disc's pixmap.
    static qreal discHalf(const ClusterLayout &l);
    void paintNode(QPainter &painter, const ClusterScene &scene, raft::NodeId id, raft::Index maxLog, bool halo,
                   bool staged);
    static QString labelName(raft::NodeId id, const NodeLook &look);
    /// paintAlarmRing draws the alarm's ring around server id's disc from a pixmap
    /// made when its size, colour or place changed.
    void paintAlarmRing(QPainter &painter, const ClusterScene &scene, raft::NodeId id);
    /// paintChip draws the configuration server id believes in on its disc's rim (§6).
    void paintChip(QPainter &painter, const ClusterScene &scene, raft::NodeId id);
    void prepareLabel(const ClusterScene &scene, raft::NodeId id, const NodeLook &look);
    void paintLabel(QPainter &painter, const ClusterScene &scene, raft::NodeId id, const NodeLook &look,
                    raft::Index maxLog);

    std::array<Sprites, raft::kMaxNodes + 1> m_sprites;
};

} // namespace widgets
