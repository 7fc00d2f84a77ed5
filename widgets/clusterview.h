#pragma once

#include "raft/simulation.h"
#include "raft/types.h"
#include "widgets/clustercaptionpainter.h"
#include "widgets/clusterdrag.h"
#include "widgets/clusterhit.h"
#include "widgets/clusterlayout.h"
#include "widgets/clustermessagepainter.h"
#include "widgets/clusternetworkgeometry.h"
#include "widgets/clusternetworkpainter.h"
#include "widgets/clusternodepainter.h"
#include "widgets/clusteroverlaypainter.h"
#include "widgets/clusterquickbuttons.h"
#include "widgets/clusterstage.h"
#include "widgets/clustertext.h"

#include <QPointF>
#include <QRegion>
#include <QTimer>
#include <QVariantAnimation>
#include <QWidget>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace widgets {

class SimulationSource;

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
///  - hovering shows a tool tip with the item's fields. Hovering a server (when
///    setQuickButtonsEnabled) fades in small round buttons around it
///    (ClusterQuickButtons: pause/resume, crash/restart, time out, client request);
///    a click on one emits nodeActionRequested with its typed action, and a button
///    the simulation would refuse is drawn disabled with the reason as its tool tip.
///  - touch: pressing a server or a message for kLongPressMs without moving opens its
///    context menu (as a right click does); a pinch (QPinchGesture, or a trackpad's
///    native zoom gesture) zooms about its centre, through the same zoom as the wheel.
///
/// The view is glue between parts that each do one job: ClusterLayout (where things
/// go) and ClusterNetworkGeometry (sides, walls, link lanes) are pure geometry;
/// ClusterMessages places the messages at the display time; ClusterHit::at answers what
/// lies under a point for press, hover, context menu and tool tip alike; ClusterDrag is
/// the mouse's state machine; one painter per layer (network, nodes, captions,
/// messages, overlays) draws from them. Painting is made cheap for 60 frames per
/// second: messages are blitted from pre-rendered sprites, text from cached
/// QStaticText, and the links, sides, walls and legend from pixmaps rebuilt only when
/// the layout or the network's faults change; a new display time repaints only where
/// things moved and the servers whose disc or label changed (pendingRepaint).
class ClusterView : public QWidget {
    Q_OBJECT

public:
    explicit ClusterView(QWidget *parent = nullptr);
    ~ClusterView() override;

    /// setSimulation shows `simulation` (not owned; nullptr shows nothing). It clears
    /// the selection and sets the display time to the simulation's now().
    /// setSource shows the source's world and follows its signals. Call it once.
    void setSource(const SimulationSource *source);
    void setSimulation(const raft::Simulation *simulation);
    /// simulation is the simulation shown, or nullptr.
    const raft::Simulation *simulation() const { return m_simulation; }
    /// setDisplayTime sets the virtual time drawn, in ticks (at or after the simulation's
    /// now(); the fraction animates messages and timers between events) and repaints.
    void setDisplayTime(double ticks);
    /// displayTime is the virtual time drawn.
    double displayTime() const { return m_displayTime; }
    /// pendingRepaint is the region setDisplayTime asked to repaint since the last
    /// paint: when only time moved (the world is the one last painted), just where
    /// things move (messages, lost marks, timers) now and where they were drawn;
    /// otherwise the whole view. Nothing outside it differs from the last frame.
    QRegion pendingRepaint() const { return m_pendingRepaint; }

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

    /// setAddButtonVisible shows the "+" on the ring (membership changes, §6): a
    /// click on it emits addServerRequested. Off by default (a live cluster has none).
    void setAddButtonVisible(bool visible);
    /// addButtonRect is where the "+" is drawn: on the ring, between the last server
    /// and S1 (empty when hidden, or when nine servers exist).
    QRectF addButtonRect() const;

    /// setLegendVisible shows or hides the legend panel and emits
    /// legendVisibilityChanged when that changes. The legend shows at any size: beside
    /// the ring when there is room (the ring makes room for it), else over the picture.
    void setLegendVisible(bool visible);
    /// isLegendVisible tells whether the legend is shown.
    bool isLegendVisible() const { return m_legendVisible; }

    /// setTextScale scales every text of the picture (and the legend) by `scale`,
    /// clamped to [1.0, 2.5]; the discs and the ring make room for the larger labels.
    void setTextScale(double scale);
    /// textScale is the text scale (1 = the normal size).
    double textScale() const { return m_style.textScale; }
    /// setPresentation switches presentation mode on or off: larger discs and
    /// messages, the high-contrast palette (ClusterPalette::setHighContrast) and no
    /// text smaller than ClusterLayout::kPresentationText pixels.
    void setPresentation(bool on);
    /// isPresentation tells whether presentation mode is on.
    bool isPresentation() const { return m_style.presentation; }

    /// setActingNodes marks the servers that acted in the last step (a dashed ring of
    /// their own, ClusterPalette::acting) without changing the selection; an empty
    /// list clears the marks.
    void setActingNodes(const std::vector<raft::NodeId> &nodes);
    /// actingNodes lists the servers marked as acting, in increasing order.
    std::vector<raft::NodeId> actingNodes() const;

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
    /// heldCountBoxes is, for each door queue longer than ClusterMessages::kStackShown,
    /// the box of its "+N" count.
    std::vector<QRectF> heldCountBoxes() const;
    /// nodeAt is the server whose disc (or timer ring) contains pos, or kNoNode.
    raft::NodeId nodeAt(QPointF pos) const;
    /// messageAt is the message in flight nearest to pos within a generous radius, or 0.
    std::uint64_t messageAt(QPointF pos) const;
    /// Link is one direction of the link between two servers: from -> to.
    using Link = ClusterNetworkGeometry::Link;
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

    /// labelRect is where server id's label was last drawn (empty before the first paint).
    QRectF labelRect(raft::NodeId id) const { return m_nodePainter.labelRect(id); }
    /// hitTest is what lies under pos (widget coordinates): a server, the messages
    /// there, a link's lane, a wall or the background. Press, context menu, hover and
    /// tool tip all act on it.
    ClusterHit hitTest(QPointF pos) const;
    /// clusterLayout is where everything goes at the current size, zoom and cluster size.
    const ClusterLayout &clusterLayout() const;
    /// networkGeometry is the partition's picture on the current layout.
    const ClusterNetworkGeometry &networkGeometry() const;

    /// setQuickButtonsEnabled turns the quick buttons around a hovered server on or off
    /// (off by default: a live cluster has none).
    void setQuickButtonsEnabled(bool on);
    /// quickButtonsNode is the server whose quick buttons are shown (or fading out), or
    /// kNoNode.
    raft::NodeId quickButtonsNode() const { return m_quickNode; }
    /// quickButtons are the buttons around quickButtonsNode() as they stand now (empty
    /// when none are shown): where, what a click asks for, enabled or why not.
    std::vector<ClusterQuickButtons::Button> quickButtons() const;
    /// quickButtonsOpacity is the buttons' fade: 0 hidden … 1 fully shown.
    qreal quickButtonsOpacity() const { return m_quickOpacity; }

    /// zoomAbout sets the zoom to `factor` (clamped to [kMinZoom, kMaxZoom]) keeping the
    /// point `anchor` (widget coordinates) where it is: the wheel, a pinch and the
    /// zoom commands (about the centre, setZoom) all zoom through it.
    void zoomAbout(QPointF anchor, double factor);

    /// kLongPressMs: how long a press must hold still to open the context menu.
    static constexpr int kLongPressMs = 600;
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
    /// legendVisibilityChanged: the legend was shown or hidden (setLegendVisible), so
    /// the window can say so.
    void legendVisibilityChanged(bool visible);
    /// addServerRequested: the user clicked the "+" on the ring.
    void addServerRequested();
    /// nodeActionRequested: the user clicked a quick button of a server; `action` is
    /// what the button stands for (the same typed action the server's menu asks for).
    void nodeActionRequested(const raft::Action &action);

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
    /// scene is what the painters read for this frame.
    ClusterScene scene();
    void invalidateLayout();
    /// memberLines says which servers' labels have a line for their place in the
    /// configuration (what the fit must make room for).
    ClusterLayout::MemberLines memberLines() const;
    /// followMembership refits the picture when memberLines() changed since the fit.
    void followMembership();
    /// restyle forgets every cache that depends on the fonts or the palette.
    void restyle();
    /// placedMessages places the messages in flight at the display time.
    std::vector<ClusterMessages::Placed> placedMessages() const;
    void paintScene(QPainter &painter);
    // Partial frames (clusterviewrepaint.cpp).
    /// FrameKey names the world a frame shows, but for what each server's disc and
    /// label show: any change of it (an action, a new role or status, an alarm, an
    /// event while the network is broken or held, a new simulation) repaints the
    /// whole view.
    struct FrameKey {
        const raft::Simulation *sim = nullptr;
        /// actions: the inputs but client requests (whose effects are a server's log
        /// and new messages, which partial frames repaint), and where the last one is.
        std::size_t actions = 0;
        std::size_t lastAction = 0;
        std::size_t violations = 0;
        std::uint64_t faultyStep = 0;
        std::string configuration;
        std::string roles;
        /// logDigits: a longer log number lays the picture out again.
        int logDigits = 1;
        bool operator==(const FrameKey &) const = default;
    };
    FrameKey frameKey() const;
    /// logDigits is how many digits the longest log's length has (at least 1).
    int logDigits() const;
    /// NodeKey: what a server's disc shows (term, votes, configuration…) and what its
    /// label shows (log, commit, the longest log the bars are scaled to…); a change of
    /// either repaints discArea(id) or labelArea(id). NodeKeys holds them for 1..9.
    struct NodeKey {
        std::string disc;
        std::string label;
    };
    using NodeKeys = std::array<NodeKey, raft::kMaxNodes + 1>;
    NodeKeys nodeKeys() const;
    /// discArea is where server id's disc, badges, chip and vote marks are drawn;
    /// labelArea where its label is, at any length.
    QRegion discArea(raft::NodeId id) const;
    QRegion labelArea(raft::NodeId id) const;
    /// timerChange is where server id's timer differs between how it was last painted
    /// and how it is now: the part of its band between the two times left (all of
    /// the band if it changed colour, appeared or went).
    QRegion timerChange(raft::NodeId id) const;
    /// bandRegion covers the part of server id's timer band from `from` to `to` of a turn.
    QRegion bandRegion(raft::NodeId id, double from, double to) const;
    /// movingRegion is where the things that move with the display time alone are
    /// drawn at it: messages in flight and lost, door counts (the timers: timerChange).
    QRegion movingRegion() const;
    /// requestFrame schedules the repaint of a new display time (partial if it can be).
    void requestFrame();
    /// notePainted remembers what a paint of `painted` (the whole frame or a part of
    /// it) drew.
    void notePainted(const QRegion &painted);
    void paintEmpty(QPainter &painter);
    /// legendIsStill tells whether the legend can lie in the still layer this frame.
    bool legendIsStill(const ClusterScene &scene) const;
    /// select acts on a left press on `hit` (Ctrl: toggles a server).
    void select(const ClusterHit &hit, bool toggle);
    void setHoverLink(std::optional<Link> link);
    void emitSelection();
    void finishRubberBand(QRectF band, bool add);
    void finishDrag(const ClusterDrag::Release &release);
    // Hover buttons, long press and gestures (clusterviewtouch.cpp).
    /// setQuickNode shows the quick buttons of id (fading in), or fades them out (kNoNode).
    void setQuickNode(raft::NodeId id);
    /// hoverQuickButtons follows the pointer at pos: the buttons stay while it is
    /// within their reach of the server they belong to.
    void hoverQuickButtons(QPointF pos);
    /// quickButtonAt is the index of the shown quick button under pos, or -1.
    int quickButtonAt(QPointF pos) const;
    void paintQuickButtons(QPainter &painter);
    /// startLongPress arms the long-press timer for a press on `hit` at pos.
    void startLongPress(QPointF pos, const ClusterHit &hit);
    void cancelLongPress();
    void longPressed();
    bool gestureEvent(QEvent *event);

    const raft::Simulation *m_simulation = nullptr;
    double m_displayTime = 0;
    raft::NodeId m_selectedNode = raft::kNoNode;
    std::uint64_t m_selectedMessage = 0;
    /// m_selected: which servers are selected. Invariant: m_selectedNode is one of them
    /// (or kNoNode when none is).
    std::array<bool, raft::kMaxNodes + 1> m_selected{};
    bool m_legendVisible = true;
    bool m_addButtonVisible = false;
    ClusterLayout::Style m_style;
    /// m_acting: which servers acted in the last step (setActingNodes).
    std::array<bool, raft::kMaxNodes + 1> m_acting{};
    double m_zoom = 1.0;
    QPointF m_pan;
    ClusterDrag m_drag;
    std::optional<Link> m_hoverLink;
    bool m_quickEnabled = false;
    raft::NodeId m_quickNode = raft::kNoNode;
    /// m_quickShown: the buttons of m_quickNode are wanted (false while they fade out).
    bool m_quickShown = false;
    int m_quickHovered = -1;
    qreal m_quickOpacity = 0;
    QVariantAnimation *m_quickFade = nullptr;
    QTimer m_longPress;
    QPointF m_longPressPos;
    ClusterHit m_longPressHit;

    // Geometry, computed when first needed after what it depends on changed.
    mutable std::optional<ClusterLayout::Text> m_textMetrics;
    /// m_textDigits: the digits of the longest log m_textMetrics was measured for.
    mutable int m_textDigits = 0;
    mutable std::optional<ClusterLayout::Fit> m_fit;
    /// m_fitBanners: the banners m_fit made room for.
    mutable std::vector<ClusterCaptionPainter::Banner> m_fitBanners;
    mutable ClusterLayout m_layout;
    mutable bool m_layoutValid = false;
    mutable ClusterNetworkGeometry m_geometry;
    mutable ClusterNetworkGeometry::Groups m_geometryGroups{};
    mutable bool m_geometryValid = false;

    // The painters, each with the caches of its layer.
    ClusterText m_text;
    qreal m_builtDpr = 0;
    ClusterNetworkPainter m_networkPainter;
    ClusterNodePainter m_nodePainter;
    ClusterCaptionPainter m_captionPainter;
    ClusterMessagePainter m_messagePainter;
    ClusterOverlayPainter m_overlayPainter;
    ClusterStage m_stage;

    // What the last paint drew, for partial frames.
    std::optional<FrameKey> m_paintedKey;
    NodeKeys m_paintedNodes;
    std::array<ClusterNodePainter::Timer, raft::kMaxNodes + 1> m_paintedTimers{};
    // frameKey's count of the client requests among the inputs, kept up to date.
    mutable const raft::Simulation *m_countedSim = nullptr;
    mutable std::size_t m_countedInputs = 0;
    mutable std::size_t m_countedRequests = 0;
    mutable std::size_t m_lastAction = 0;
    double m_paintedTime = 0;
    QRegion m_paintedMoving;
    QRegion m_pendingRepaint;
};

} // namespace widgets
