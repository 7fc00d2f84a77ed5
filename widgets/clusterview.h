#pragma once

#include "raft/simulation.h"
#include "raft/types.h"

#include <QFont>
#include <QHash>
#include <QPixmap>
#include <QPointF>
#include <QStaticText>
#include <QWidget>

#include <array>
#include <cstdint>
#include <optional>

namespace widgets {

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
/// out with a ✗ where they vanished. Partition groups are tinted regions, cut links
/// dashed red arrows. A legend panel explains every mark.
///
/// The view only reads the simulation. Clicks and context-menu requests are reported
/// as signals; the controller decides what they do. Left click selects a server or a
/// message (a click on empty space clears the selection and emits nodeSelected(kNoNode));
/// dragging empty space pans, the wheel zooms about the cursor, and a double click on
/// empty space resets the view. Hovering shows a tool tip with the item's fields.
///
/// Painting is made cheap for 60 frames per second: messages are blitted from
/// pre-rendered sprites, text from cached QStaticText, and the links, regions and
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

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    /// Layout is where everything goes for the current size, zoom and cluster size.
    struct Layout {
        int nodes = 0;
        QPointF centre;
        qreal ring = 0;        ///< radius of the ring of node centres
        qreal radius = 0;      ///< radius of a node's disc
        qreal outer = 0;       ///< how far a node's drawing (rings) reaches
        qreal message = 0;     ///< nominal size of a message glyph
        qreal lane = 0;        ///< sideways offset of a message lane from the centre line
        qreal legendUnit = 1;  ///< scale of the legend panel
        int legendColumns = 1;
        QRectF legendRect;     ///< where the legend panel goes (if shown)
        bool legendShown = false;  ///< visible, and the view is large enough for it
        std::array<QPointF, raft::kMaxNodes + 1> centres{};
        std::array<QPointF, raft::kMaxNodes + 1> outward{};  ///< unit vector away from the ring centre
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
    enum class FontKind { Term, Caption, Name, Small };

    const Layout &layout() const;
    Fit fit(int nodes) const;
    /// direction is the unit vector from the ring's centre to server id.
    static QPointF direction(int nodes, raft::NodeId id);
    void invalidateLayout();
    Lane lane(raft::NodeId from, raft::NodeId to) const;
    double travelFraction(const raft::Envelope &envelope) const;
    /// forEachDrawnMessage calls f(envelope, position) for every message drawn now.
    template <typename F>
    void forEachDrawnMessage(F &&f) const;

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
    void selectAt(QPointF pos);
    QString toolTipAt(QPointF pos) const;

    const raft::Simulation *m_simulation = nullptr;
    double m_displayTime = 0;
    raft::NodeId m_selectedNode = raft::kNoNode;
    std::uint64_t m_selectedMessage = 0;
    bool m_legendVisible = true;
    double m_zoom = 1.0;
    QPointF m_pan;
    QPointF m_pressPos;
    QPointF m_panAtPress;
    bool m_panning = false;
    bool m_pressed = false;

    mutable Layout m_layout;
    mutable bool m_layoutValid = false;
    mutable Fit m_fit;

    // Caches, rebuilt when the layout (or for the background, the faults) change.
    QPixmap m_background;
    std::uint64_t m_backgroundSignature = 0;
    bool m_backgroundValid = false;
    QPixmap m_legend;
    QString m_legendKey;  ///< the scale, columns and pixel ratio m_legend was painted at
    QHash<std::uint32_t, QPixmap> m_sprites;
    /// NodeSprites: one server's disc (with its texts) and label, and what they show.
    struct NodeSprites {
        QString discKey;
        QPixmap disc;
        QString labelKey;
        QPixmap label;
        QSizeF labelSize;
        qreal barTop = 0;  ///< where the log bar goes, from the label's top
    };
    std::array<NodeSprites, raft::kMaxNodes + 1> m_nodeSprites;
    qreal m_builtRadius = -1;  ///< node radius the fonts, texts and sprites were made for
    qreal m_builtDpr = 0;
    std::array<QFont, 4> m_fonts;
    std::array<QHash<QString, QStaticText>, 4> m_texts;
    std::array<QString, raft::kMaxNodes + 1> m_names;
};

} // namespace widgets
