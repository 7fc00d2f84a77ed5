#pragma once

#include "raft/types.h"
#include "widgets/clusterhit.h"

#include <QPointF>
#include <QRectF>

#include <optional>

namespace widgets {

/// ClusterDrag is what the mouse is doing in the cluster view while a button is held:
/// a small state machine, free of widgets, that the view feeds with presses, moves and
/// releases and that answers with what the gesture meant.
///
///   None ──press on a server──▶ PendingNode ──moved ≥ kNodeThreshold──▶ Node
///   None ──press on a link, wall or nothing──▶ Pending ──moved ≥ kThreshold──▶ RubberBand
///   None ──middle button, or Shift + left──▶ Pan
/// and every state returns to None on release (or cancel()).
class ClusterDrag {
public:
    enum class State {
        None,
        Pending, ///< pressed on empty space or a link: a click, or the start of a rubber band
        RubberBand, ///< selecting the servers inside a rectangle
        PendingNode, ///< pressed on a server: a click, or the start of a drag
        Node, ///< dragging a server toward another side
        Pan, ///< moving the picture
    };

    /// Release is what a finished gesture meant.
    struct Release {
        enum class Kind {
            Nothing,
            Panned,
            DroppedNode, ///< node dropped at pos
            ClickedLink, ///< link clicked
            ClickedEmpty, ///< a click on empty space (or a wall)
            RubberBand, ///< band: select the servers inside
            ClickedNode, ///< a press on node released where it was
        };
        Kind kind = Kind::Nothing;
        raft::NodeId node = raft::kNoNode;
        ClusterNetworkGeometry::Link link{raft::kNoNode, raft::kNoNode};
        QRectF band;
        QPointF pos;
        bool adds = false; ///< Ctrl was held at the press
    };

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::None; }
    /// isDraggingNode: a server is being dragged (past the threshold).
    bool isDraggingNode() const { return m_state == State::Node; }

    /// startPan starts a pan at pos, remembering the picture's pan then.
    void startPan(QPointF pos, QPointF panAtPress);
    /// press starts a gesture of the left button at pos on `hit` (Ctrl: adds). A press
    /// on a server with Ctrl only toggles it (the caller's business) and starts nothing.
    void press(QPointF pos, const ClusterHit &hit, bool adds);
    /// move follows the pointer; it returns true when the drag became a rubber band
    /// or a server drag on this move (hover highlights should end).
    bool move(QPointF pos);
    /// pan is the picture's pan for the pointer's position during a Pan.
    QPointF pan() const { return m_panAtPress + (m_pos - m_pressPos); }
    /// release ends the gesture at pos and says what it meant.
    Release release(QPointF pos);
    /// cancel drops the gesture (Escape, or a new simulation).
    void cancel() { m_state = State::None; }

    QPointF pressPos() const { return m_pressPos; }
    /// pos is the pointer's last position.
    QPointF pos() const { return m_pos; }
    /// node is the server pressed or dragged.
    raft::NodeId node() const { return m_node; }
    /// band is the rubber band's rectangle.
    QRectF band() const { return QRectF(m_pressPos, m_pos).normalized(); }
    bool adds() const { return m_adds; }

    /// kThreshold: how far (px) the pointer moves before a press on empty space
    /// becomes a rubber band; a press on a server needs kNodeThreshold.
    static constexpr qreal kThreshold = 4.0;
    static constexpr qreal kNodeThreshold = 6.0;

private:
    State m_state = State::None;
    QPointF m_pressPos;
    QPointF m_pos;
    QPointF m_panAtPress;
    raft::NodeId m_node = raft::kNoNode;
    bool m_adds = false;
    std::optional<ClusterNetworkGeometry::Link> m_link;
};

} // namespace widgets
