#pragma once

#include "raft/types.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace widgets {

/// ClusterStyle is how large the cluster picture's text is: the user's text scale
/// (1.0–2.5) and presentation mode (for a projector: larger discs and messages, and no
/// text under kPresentationText pixels).
struct ClusterStyle {
    double textScale = 1.0;
    bool presentation = false;
    /// minText is the smallest font size, in pixels, any text of the picture may have.
    qreal minText() const;
    /// clamped is this style with textScale in [kMinTextScale, kMaxTextScale].
    ClusterStyle clamped() const;
    bool operator==(const ClusterStyle &) const = default;

    static constexpr double kMinTextScale = 1.0;
    static constexpr double kMaxTextScale = 2.5;
    /// kBaseText: the smallest text at text scale 1, in pixels.
    static constexpr qreal kBaseText = 10;
    /// kPresentationText: the smallest text in presentation mode, in pixels.
    static constexpr qreal kPresentationText = 24;
};

/// ClusterLayout is where everything of the cluster picture goes for one widget size,
/// cluster size, legend, zoom and pan: the ring of servers, the size of their discs,
/// each server's label, the lanes messages fly on, the legend panel and the circle
/// the partition's sides fill. It is pure geometry (QtGui value types only): the view
/// asks it, the painters draw where it says and the tests check it without a window.
///
/// Building one has two steps. `fit()` solves how the cluster fits the widget at
/// zoom 1 (the legend, the disc radius and the ring radius); it measures text and is
/// done again only when the size, the legend, the cluster size or the language
/// change. The constructor then scales the fit by the zoom and moves it by the pan.
///
/// Coordinates are widget pixels, y pointing down. S1 sits at twelve o'clock and the
/// others follow clockwise (two servers side by side).
class ClusterLayout {
public:
    /// Text is how wide the labels' texts are per pixel of font size: the widest
    /// name ("S8 crashed") in bold, the widest log line ("log 888 · commit 888") and
    /// the widest line a server outside the voters has ("removed: C_old,new leaves it out").
    struct Text {
        qreal nameAdvance = 0;
        qreal logAdvance = 0;
        qreal memberAdvance = 0;
        qreal lineHeight = 0;
        /// measure measures these samples with the application's default font (the
        /// member line as wide as the widest of memberSamples).
        static Text measure(const QString &nameSample, const QString &logSample, const QStringList &memberSamples = {});
    };
    /// ExtraLine is the line a server's label has below its log line, if any: where it
    /// stands in the configuration (a learner, spare or removed server, §6; as wide as
    /// the widest such line), or else its snapshot ("snapshot ≤ 12", §7; no wider than
    /// the log line).
    enum ExtraLine : std::uint8_t { kNoLine = 0, kMemberLine = 1, kSnapshotLine = 2 };
    /// MemberLines holds each server's ExtraLine (index 1..9).
    using MemberLines = std::array<std::uint8_t, raft::kMaxNodes + 1>;
    /// LegendSize is the size of the legend panel at a scale and a number of columns
    /// (ClusterLegend::sizeAt).
    using LegendSize = std::function<QSizeF(qreal unit, int columns)>;

    /// Style is how large the picture's text is (ClusterStyle).
    using Style = ClusterStyle;
    static constexpr double kMinTextScale = ClusterStyle::kMinTextScale;
    static constexpr double kMaxTextScale = ClusterStyle::kMaxTextScale;
    static constexpr qreal kPresentationText = ClusterStyle::kPresentationText;
    /// kLegendText: the legend's text size at legend scale 1, in pixels.
    static constexpr qreal kLegendText = 13;

    /// Fit is how the cluster fits the widget at zoom 1. It changes with the widget's
    /// size, not with zoom or pan.
    struct Fit {
        QSizeF size;
        int nodes = 0;
        bool legendWanted = false;
        qreal legendUnit = 1;
        int legendColumns = 1;
        QRectF legendRect;
        bool legendShown =
            false; ///< wanted (the legend shows at any size, except in presentation mode where it cannot be read at 24 px)
        /// legendOverlaid: the legend lies over the picture (no room beside it).
        bool legendOverlaid = false;
        Style style;
        /// banners: where each banner asked for goes, in order, in the band along the
        /// top that the ring leaves free (beside the legend when it is beside).
        std::vector<QRectF> banners;
        qreal radius = 0;
        qreal ring = 0;
        QPointF centre;
        Text text;
        /// memberLines: the servers whose labels have a member line (the fit makes room
        /// for it below the name where it can).
        MemberLines memberLines{};
    };
    /// fit solves the fit for a widget of `size` showing `nodes` servers (0..9).
    /// Invariant of the result: every disc and label lies inside the widget (beside
    /// the legend when it is shown) and neighbouring discs keep apart.
    static Fit fit(QSizeF size, int nodes, bool legend, const Text &text, const LegendSize &legendSize,
                   const Style &style = ClusterStyle(), const std::vector<QSizeF> &banners = {},
                   const MemberLines &memberLines = {});

    /// LabelMetrics is the geometry of a server's label for a disc of radius r: what
    /// the fit reserves is what the node painter draws.
    struct LabelMetrics {
        bool detailed = false; ///< big enough for the log bar and the log line
        qreal namePixels = 0;
        qreal smallPixels = 0;
        qreal pad = 0;
        qreal gap = 0;
        qreal barWidth = 0;
        qreal barHeight = 0;
    };
    static LabelMetrics labelMetrics(qreal r, const Style &style = ClusterStyle());
    /// labelMetrics is the label geometry of this layout's discs.
    LabelMetrics labelMetrics() const { return labelMetrics(m_radius, m_style); }
    /// style is the text style the layout was fitted for.
    const Style &style() const { return m_style; }

    /// Lane is the straight path a message follows from the sender's door to the
    /// receiver's, to the right of the centre line (y down) so that a request and its
    /// reply pass each other.
    struct Lane {
        QPointF start;
        QPointF end;
        /// at is the point `fraction` (0..1) of the way.
        QPointF at(double fraction) const { return start + (end - start) * fraction; }
    };

    ClusterLayout() = default;
    /// ClusterLayout scales `fit` by `zoom` about its centre and moves it by `pan`.
    ClusterLayout(const Fit &fit, double zoom, QPointF pan);

    int nodes() const { return m_nodes; }
    /// bounds is the widget's rectangle.
    QRectF bounds() const { return QRectF(QPointF(0, 0), m_size); }
    /// centre is the centre of the ring.
    QPointF centre() const { return m_centre; }
    /// ring is the radius of the ring of disc centres.
    qreal ring() const { return m_ring; }
    /// radius is the radius of a server's disc.
    qreal radius() const { return m_radius; }
    /// outer is how far a server's drawing (its rings and timer) reaches from its centre.
    qreal outer() const { return m_outer; }
    /// messageSize is the nominal size of a message glyph.
    qreal messageSize() const { return m_message; }
    /// laneOffset is how far a lane runs beside the centre line between two servers.
    qreal laneOffset() const { return m_lane; }
    qreal legendUnit() const { return m_legendUnit; }
    int legendColumns() const { return m_legendColumns; }
    QRectF legendRect() const { return m_legendRect; }
    /// legendShown: the legend is wanted (it shows at any size).
    bool legendShown() const { return m_legendShown; }
    /// legendOverlaid: the legend lies over the picture, which had no room beside it.
    bool legendOverlaid() const { return m_legendOverlaid; }
    /// bannerBoxes are where the banners go (the sides' verdicts, the headline, the
    /// hold note): in a band along the top, clear of the ring, the labels and messages.
    const std::vector<QRectF> &bannerBoxes() const { return m_banners; }
    /// kBannerGap: pixels between two banners and between the band and the ring's room.
    static constexpr qreal kBannerGap = 6;

    /// contains tells whether id names a server of this layout.
    bool contains(raft::NodeId id) const { return id >= 1 && id <= m_nodes; }
    /// nodeCentre is the centre of server id's disc (a null point for no server).
    QPointF nodeCentre(raft::NodeId id) const;
    /// outward is the unit vector from the ring's centre toward server id.
    QPointF outward(raft::NodeId id) const;
    /// discBox is the square around everything drawn of server id's disc (outer()).
    QRectF discBox(raft::NodeId id) const;
    /// labelBox is where server id's label of `size` goes: outside the ring, just
    /// clear of the disc, centred on the ray from the ring's centre; moved inside the
    /// widget where it would reach past an edge (unless zoomed in or panned).
    QRectF labelBox(raft::NodeId id, QSizeF size) const;
    /// reservedLabelSize is the largest label server id has at this radius (with its
    /// member line, if it has one), or a voter's for no server: what the fit makes room for.
    QSizeF reservedLabelSize(raft::NodeId id = raft::kNoNode) const;
    /// lane is the path of a message from -> to.
    Lane lane(raft::NodeId from, raft::NodeId to) const;
    /// doorQueue is where the `slot`-th message waiting at the door of the lane
    /// from -> to sits (slot 0 right at the door).
    QPointF doorQueue(raft::NodeId from, raft::NodeId to, int slot) const;
    /// badgeBox is the box of a link badge of `textSize` on the lane from -> to, near the sender.
    QRectF badgeBox(raft::NodeId from, raft::NodeId to, QSizeF textSize) const;
    /// captionBox is a caption of `size` centred on `centre`, moved inside the widget.
    QRectF captionBox(QPointF centre, QSizeF size) const;
    /// nodeAt is the server whose drawing (within outer()) holds pos, nearest first, or kNoNode.
    raft::NodeId nodeAt(QPointF pos) const;
    /// innerNodeAt is the server whose inner disc (kInnerDisc of the radius) holds pos,
    /// or kNoNode: that part of a disc wins over a message passing over it.
    raft::NodeId innerNodeAt(QPointF pos) const;

    /// sidesRadius is the radius of the circle the partition's slices fill (out of
    /// which a dragged server gets a side of its own).
    qreal sidesRadius() const;
    /// sliceOwner is the server whose slice of the sides' circle holds pos (the
    /// nearest server), or kNoNode outside the circle.
    raft::NodeId sliceOwner(QPointF pos) const;
    /// gapDirection is the unit vector from the ring's centre through the gap between
    /// server id and the next one clockwise.
    QPointF gapDirection(raft::NodeId id) const;
    /// direction is the unit vector from the ring's centre to server id of `nodes`.
    static QPointF direction(int nodes, raft::NodeId id);

    // Geometry constants, as fractions of the disc radius r unless said otherwise.
    /// kInnerDisc: the part of a disc a click always gives to the server.
    static constexpr qreal kInnerDisc = 0.75;
    /// kLabelGap: the gap between a disc's drawing and its label.
    static constexpr qreal kLabelGap = 0.08;
    /// kMessageSize, kMessageMin, kMessageMax: a message glyph's size (px bounds).
    static constexpr qreal kMessageSize = 0.30;
    static constexpr qreal kMessageMin = 5;
    static constexpr qreal kMessageMax = 26;
    /// kLane: a lane's offset from the centre line (at least kLaneForMessage of a message).
    static constexpr qreal kLane = 0.24;
    static constexpr qreal kLaneForMessage = 0.65;
    /// kDoor: how far before the disc's drawing a lane ends, in message sizes.
    static constexpr qreal kDoor = 0.75;
    /// kQueueSpacing: distance between messages queued at a door, in message sizes.
    static constexpr qreal kQueueSpacing = 1.15;
    /// kQueuePlaces: the places of a door queue after its first (ClusterMessages::kStackShown − 1):
    /// all of them fit in the receiver's half of the lane.
    static constexpr int kQueuePlaces = 3;
    /// kQueueMinSpacing: the closest two places of a door queue come, in message sizes
    /// (on a lane too short for even that, the queue reaches past its half).
    static constexpr qreal kQueueMinSpacing = 0.3;
    /// kSidesMargin: how far the sides' circle reaches past the discs' drawing.
    static constexpr qreal kSidesMargin = 0.55;
    /// kCaptionMargin: pixels a caption keeps from the widget's edges.
    static constexpr qreal kCaptionMargin = 4;

private:
    int m_nodes = 0;
    QSizeF m_size;
    QPointF m_centre;
    qreal m_ring = 0;
    qreal m_radius = 0;
    qreal m_outer = 0;
    qreal m_message = 0;
    qreal m_lane = 0;
    qreal m_legendUnit = 1;
    int m_legendColumns = 1;
    QRectF m_legendRect;
    bool m_legendShown = false;
    bool m_legendOverlaid = false;
    Style m_style;
    std::vector<QRectF> m_banners;
    ClusterLayout::Text m_text;
    MemberLines m_memberLines{};
    /// m_labelsInside: labels are kept inside the widget (not when zoomed in or panned,
    /// where they go out of view with their discs).
    bool m_labelsInside = true;
    std::array<QPointF, raft::kMaxNodes + 1> m_centres{};
    std::array<QPointF, raft::kMaxNodes + 1> m_outward{};
};

} // namespace widgets
