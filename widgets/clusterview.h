#pragma once

#include "raft/simulation.h"
#include "raft/types.h"

#include <QFont>
#include <QHash>
#include <QPainterPath>
#include <QPixmap>
#include <QPointF>
#include <QStaticText>
#include <QWidget>

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace widgets {

struct NetworkSide;

/// ClusterView draws a Simulation as a classroom picture: 1–9 servers on a ring and
/// every message in flight between them, at the display time it is given.
///
/// Each server shows its role by colour and shape (ClusterPalette), its term as a big
/// number, its name, its election timer as an arc that empties toward the timeout,
/// its log length and commitIndex, and, for a candidate, one vote mark per peer
/// pointing at that peer. Paused servers carry a pause badge; crashed ones are grey
/// and show the term and log of their stable storage. Messages are drawn at
/// (displayTime − sentAt) / (deliverAt − sentAt) of their path, requests and replies
/// on opposite lanes; waiting messages sit at the receiver's door; lost messages fade
/// out with a ✗ where they vanished. A legend panel explains every mark.
///
/// The network: every pair of servers is joined by a faint link. A partition divides
/// the ring into tinted slices, one side per group, with thick walls between them; a
/// message sent across a wall flies to the wall and dies there with its ✗. A side
/// without a quorum is hatched and labelled "No quorum: 2 of 5"; when no side has a
/// working leader a headline says so. A cut direction is a dashed red arrow with a ✗
/// on its lane (the other direction, if open, a grey arrow), and a link with its own
/// conditions carries a badge ("loss 20%").
///
/// The view only reads the simulation. Clicks, drags and context-menu requests are
/// reported as signals; the controller decides what they do. The mouse:
///  - left click selects a server or a message; a click on empty space clears the
///    selection and emits nodeSelected(kNoNode). Ctrl-click adds or removes a server;
///    dragging on empty space draws a rubber band that selects the servers inside it
///    (with Ctrl: adds them). Ctrl+A selects every server, Escape clears.
///  - dragging a server moves it to another side: drop it on the slice of a server of
///    another side to join that side, or outside the dashed circle to give it a side
///    of its own (with no partition, this makes one: the server against the rest).
///    Dropping it on its own slice, or on a server of its own side, changes nothing.
///  - clicking a link emits linkClicked(from, to) for the direction whose lane is
///    nearer the pointer (messages keep to the right of their direction of travel;
///    on the centre line, from < to); hovering highlights it.
///  - the middle button, or Shift with the left button, pans (Space is the window's
///    Play key); the wheel zooms about the cursor, and a double click on empty space
///    resets the view.
///  - hovering shows a tool tip with the item's fields.
///
/// Painting is made cheap for 60 frames per second: messages are blitted from
/// pre-rendered sprites, text from cached QStaticText, and the links, sides, walls and
/// legend from pixmaps rebuilt only when the layout or the network's faults change.
class ClusterView : public QWidget {
    Q_OBJECT

public:
    explicit ClusterView(QWidget *parent = nullptr);
    ~ClusterView() override;

    /// setSimulation shows `simulation` (not owned; nullptr shows nothing). It clears
    /// the selection and sets the display time to the simulation's now().
    void setSimulation(const raft::Simulation *simulation);
    /// simulation is the simulation shown, or nullptr.
    const raft::Simulation *simulation() const { return m_simulation; }
    /// setDisplayTime sets the virtual time drawn, in ms (at or after the simulation's
    /// now(); the fraction animates messages and timers between events) and repaints.
    void setDisplayTime(double virtualMs);
    /// displayTime is the virtual time drawn.
    double displayTime() const { return m_displayTime; }

    /// selectedNode is the selected server, or kNoNode.
    raft::NodeId selectedNode() const { return m_selectedNode; }
    /// selectedMessage is the id of the selected message, or 0.
    std::uint64_t selectedMessage() const { return m_selectedMessage; }
    /// setSelectedNode selects a server (kNoNode clears); it clears the message
    /// selection and emits nothing.
    void setSelectedNode(raft::NodeId id);
    /// setSelectedMessage selects a message by id (0 clears); it clears the server
    /// selection and emits nothing.
    void setSelectedMessage(std::uint64_t id);
    /// selectedNodes lists every selected server in increasing order (Ctrl-click and
    /// the rubber band select several; a plain click selects one).
    std::vector<raft::NodeId> selectedNodes() const;
    /// setSelectedNodes selects these servers (the first becomes selectedNode()); it
    /// clears the message selection and emits nothing.
    void setSelectedNodes(const std::vector<raft::NodeId> &nodes);
    /// canPartitionSelection tells whether requestPartitionOfSelection() would do
    /// something: at least one server is selected, and not all of them.
    bool canPartitionSelection() const;
    /// requestPartitionOfSelection emits partitionRequested({selection, the rest})
    /// ("Partition: selection vs the rest"), if canPartitionSelection().
    void requestPartitionOfSelection();

    /// setLegendVisible shows or hides the legend panel (the ring makes room for it).
    void setLegendVisible(bool visible);
    /// isLegendVisible tells whether the legend is wanted (a view too small to read it
    /// in leaves it out until it grows).
    bool isLegendVisible() const { return m_legendVisible; }

    /// setZoom scales the picture about the widget's centre (1 = fit the widget;
    /// clamped to [kMinZoom, kMaxZoom]). The mouse wheel zooms about the cursor.
    void setZoom(double factor);
    /// zoom is the zoom factor (1 = fit the widget).
    double zoom() const { return m_zoom; }
    /// resetView returns to zoom 1, centred.
    void resetView();

    /// nodeCenter is the centre of server id's disc, in widget coordinates.
    QPointF nodeCenter(raft::NodeId id) const;
    /// nodeRadius is the radius of a server's disc, in pixels.
    qreal nodeRadius() const;
    /// messagePosition is where message id is drawn now, if it is in flight.
    std::optional<QPointF> messagePosition(std::uint64_t id) const;
    /// nodeAt is the server whose disc (or timer ring) contains pos, or kNoNode.
    raft::NodeId nodeAt(QPointF pos) const;
    /// messageAt is the message in flight nearest to pos within a generous radius, or 0.
    std::uint64_t messageAt(QPointF pos) const;
    /// Link is one direction of the link between two servers: from -> to.
    using Link = std::pair<raft::NodeId, raft::NodeId>;
    /// linkAt is the link direction under pos (outside the servers' discs), if any:
    /// the pair whose centre line is nearest, and of its two lanes the nearer one (on
    /// the centre line itself, the lower server first).
    std::optional<Link> linkAt(QPointF pos) const;
    /// hoveredLink is the link direction under the mouse, if any.
    std::optional<Link> hoveredLink() const { return m_hoverLink; }
    /// wallCrossing is where a message from -> to meets a partition wall (where it is
    /// drawn lost), or nothing when no wall stands between them.
    std::optional<QPointF> wallCrossing(raft::NodeId from, raft::NodeId to) const;
    /// sidesRadius is the radius of the circle the partition's slices fill (and out of
    /// which a dragged server is given a side of its own).
    qreal sidesRadius() const;
    /// dropTarget says what dropping server id at pos would do: the partition groups
    /// that would result, or nothing if it changes nothing.
    std::optional<std::vector<std::vector<raft::NodeId>>> dropTarget(raft::NodeId id, QPointF pos) const;

    static constexpr double kMinZoom = 0.3;
    static constexpr double kMaxZoom = 4.0;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// nodeSelected: the user clicked server id (kNoNode: clicked empty space).
    void nodeSelected(raft::NodeId id);
    /// messageSelected: the user clicked the message with this id.
    void messageSelected(std::uint64_t id);
    /// nodeContextMenuRequested: the user right-clicked server id.
    void nodeContextMenuRequested(raft::NodeId id, QPoint globalPos);
    /// messageContextMenuRequested: the user right-clicked the message with this id.
    void messageContextMenuRequested(std::uint64_t id, QPoint globalPos);
    /// backgroundContextMenuRequested: the user right-clicked empty space.
    void backgroundContextMenuRequested(QPoint globalPos);
    /// selectionChanged: the set of selected servers changed by the user's hand
    /// (Ctrl-click, rubber band, click, Ctrl+A, Escape).
    void selectionChanged(const std::vector<raft::NodeId> &nodes);
    /// partitionRequested: the user asked for these partition groups (every server in
    /// exactly one group, each sorted, in order of their first server; one group of
    /// everyone means no partition): by "selection vs the rest" or by dragging a
    /// server to another side.
    void partitionRequested(const std::vector<std::vector<raft::NodeId>> &groups);
    /// linkClicked: the user clicked the lane of the link from -> to.
    void linkClicked(raft::NodeId from, raft::NodeId to);
    /// linkContextMenuRequested: the user right-clicked the lane of the link from -> to.
    void linkContextMenuRequested(raft::NodeId from, raft::NodeId to, QPoint globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    /// Layout is where everything goes for the current size, zoom and cluster size.
    struct Layout {
        int nodes = 0;
        QPointF centre;
        qreal ring = 0; ///< radius of the ring of node centres
        qreal radius = 0; ///< radius of a node's disc
        qreal outer = 0; ///< how far a node's drawing (rings) reaches
        qreal message = 0; ///< nominal size of a message glyph
        qreal lane = 0; ///< sideways offset of a message lane from the centre line
        qreal legendUnit = 1; ///< scale of the legend panel
        int legendColumns = 1;
        QRectF legendRect; ///< where the legend panel goes (if shown)
        bool legendShown = false; ///< visible, and the view is large enough for it
        std::array<QPointF, raft::kMaxNodes + 1> centres{};
        std::array<QPointF, raft::kMaxNodes + 1> outward{}; ///< unit vector away from the ring centre
    };
    /// Fit is how the cluster fits the widget at zoom 1: the legend, the size of the
    /// discs and of the ring. It changes with the widget's size, not with zoom or pan.
    struct Fit {
        bool valid = false;
        QSize size;
        bool legend = false;
        int nodes = 0;
        qreal legendUnit = 1;
        int legendColumns = 1;
        QRectF legendRect;
        bool legendShown = false;
        qreal radius = 0;
        qreal ring = 0;
        QPointF centre;
    };
    /// Lane is the straight path a message follows from one door to the other.
    struct Lane {
        QPointF start;
        QPointF end;
    };
    enum class FontKind { Term, Caption, Name, Small, SmallBold };

    const Layout &layout() const;
    Fit fit(int nodes) const;
    /// direction is the unit vector from the ring's centre to server id.
    static QPointF direction(int nodes, raft::NodeId id);
    void invalidateLayout();
    Lane lane(raft::NodeId from, raft::NodeId to) const;
    double travelFraction(const raft::Envelope &envelope) const;
    /// forEachDrawnMessage calls f(envelope, position) for every message drawn now.
    template <typename F> void forEachDrawnMessage(F &&f) const;

    void paintScene(QPainter &painter);
    void paintBackground(QPainter &painter);
    void paintNode(QPainter &painter, raft::NodeId id, raft::Index maxLog);
    void paintMessages(QPainter &painter);
    void paintLostMessages(QPainter &painter);
    void paintEmpty(QPainter &painter);
    const QPixmap &sprite(const raft::Message &message);
    void drawText(QPainter &painter, FontKind kind, const QString &text, QPointF centre, const QColor &colour);
    QSizeF textSize(FontKind kind, const QString &text);
    std::uint64_t networkSignature() const;
    void selectAt(QPointF pos, bool toggle);
    QString toolTipAt(QPointF pos) const;
    QString linkToolTip(raft::NodeId from, raft::NodeId to) const;

    // --- the network's picture ---
    /// groupOfNode is server id's partition group (0: no partition).
    int groupOfNode(raft::NodeId id) const;
    /// isPartitioned tells whether the servers are in more than one group.
    bool isPartitioned() const;
    /// sliceOwner is the server whose slice of the sides' circle holds pos (the
    /// nearest server), or kNoNode outside the circle.
    raft::NodeId sliceOwner(QPointF pos) const;
    /// sidePath is the area of the slices of these servers, clipped to the circle.
    QPainterPath sidePath(const std::vector<raft::NodeId> &nodes) const;
    /// linkBadge words the conditions of the link from -> to when they differ from
    /// the network's ("loss 20% · 40–80 ms"), else "".
    QString linkBadge(raft::NodeId from, raft::NodeId to) const;
    /// wallStart is how far from the centre the wall between ring neighbours a and b
    /// begins: past every lane between servers of one side that crosses it.
    qreal wallStart(raft::NodeId a, raft::NodeId b) const;
    void paintSides(QPainter &painter);
    void paintLinks(QPainter &painter);
    void paintWalls(QPainter &painter);
    void paintHover(QPainter &painter);
    void paintSideTags(QPainter &painter);
    /// placeSideTags finds a place for each side's label and for the headline.
    void placeSideTags(const std::vector<NetworkSide> &sides);
    void paintBadges(QPainter &painter);
    /// badgeBox is where the badge of link from -> to, saying `text`, goes.
    QRectF badgeBox(raft::NodeId from, raft::NodeId to, const QString &text);
    void paintDrag(QPainter &painter);
    void paintDropTarget(QPainter &painter);
    /// dropJoins lists the servers that server id would share a side with if dropped
    /// at pos (empty: no change, or a side of its own).
    std::vector<raft::NodeId> dropJoins(raft::NodeId id, QPointF pos) const;
    /// paintCaption draws a label of one or two lines (title, note) in a rounded box
    /// centred on `centre` and kept inside the widget.
    void paintCaption(QPainter &painter, const QString &title, const QString &note, QPointF centre, const QColor &fill,
                      const QColor &ink);
    /// captionSize is the size of the box paintCaption draws.
    QSizeF captionSize(const QString &title, const QString &note);
    /// SidesGeometry is the partition's picture for the current layout and faults,
    /// computed when first needed after either changes.
    struct SidesGeometry {
        bool valid = false;
        std::uint64_t signature = 0;
        /// hole: the radius of the untinted disc in the middle (the walls start at its
        /// edge), big enough that no message between servers of one side crosses a wall.
        qreal hole = 0;
        std::array<std::array<std::optional<QPointF>, raft::kMaxNodes + 1>, raft::kMaxNodes + 1> walls{};
        std::array<std::array<bool, raft::kMaxNodes + 1>, raft::kMaxNodes + 1> known{};
    };
    const SidesGeometry &sidesGeometry() const;
    /// gapDirection is the unit vector from the ring's centre through the gap between
    /// server id and the next one clockwise.
    QPointF gapDirection(raft::NodeId id) const;
    void setHoverLink(std::optional<Link> link);
    void emitSelection();
    void finishRubberBand(QPointF pos, bool add);

    const raft::Simulation *m_simulation = nullptr;
    double m_displayTime = 0;
    raft::NodeId m_selectedNode = raft::kNoNode;
    std::uint64_t m_selectedMessage = 0;
    /// m_selected: which servers are selected. Invariant: m_selectedNode is one of them
    /// (or kNoNode when none is).
    std::array<bool, raft::kMaxNodes + 1> m_selected{};
    bool m_legendVisible = true;
    double m_zoom = 1.0;
    QPointF m_pan;

    /// Drag is what the mouse is doing while a button is held.
    enum class Drag {
        None,
        Pending, ///< pressed on empty space or a link: a click, or the start of a rubber band
        RubberBand, ///< selecting the servers inside a rectangle
        PendingNode, ///< pressed on a server: a click, or the start of a drag
        Node, ///< dragging a server toward another side
        Pan, ///< moving the picture (middle button, or Shift and the left button)
    };
    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    QPointF m_dragPos;
    QPointF m_panAtPress;
    raft::NodeId m_dragNode = raft::kNoNode;
    bool m_pressAdds = false; ///< Ctrl was held at the press
    std::optional<Link> m_pressLink;
    std::optional<Link> m_hoverLink;

    mutable SidesGeometry m_sides;
    /// SideTag is a side's label as placed: "No quorum: 2 of 5" and its note.
    struct SideTag {
        QString title;
        QString note;
        QRectF box;
        bool quorum = false;
    };
    std::vector<SideTag> m_tags;
    QString m_tagsKey; ///< what m_tags were placed for
    QString m_headline;
    QPointF m_headlineAt;
    mutable Layout m_layout;
    mutable bool m_layoutValid = false;
    mutable Fit m_fit;

    // Caches, rebuilt when the layout (or for the background, the faults) change.
    QPixmap m_background;
    std::uint64_t m_backgroundSignature = 0;
    bool m_backgroundValid = false;
    QPixmap m_legend;
    QString m_legendKey; ///< the scale, columns and pixel ratio m_legend was painted at
    QHash<std::uint32_t, QPixmap> m_sprites;
    /// NodeSprites: one server's disc (with its texts) and label, and what they show.
    struct NodeSprites {
        QString discKey;
        QPixmap disc;
        QString labelKey;
        QPixmap label;
        QSizeF labelSize;
        qreal barTop = 0; ///< where the log bar goes, from the label's top
        QRectF labelRect; ///< where the label was last drawn
    };
    std::array<NodeSprites, raft::kMaxNodes + 1> m_nodeSprites;
    qreal m_builtRadius = -1; ///< node radius the fonts, texts and sprites were made for
    qreal m_builtDpr = 0;
    std::array<QFont, 5> m_fonts;
    std::array<QHash<QString, QStaticText>, 5> m_texts;
    std::array<QString, raft::kMaxNodes + 1> m_names;
};

} // namespace widgets
