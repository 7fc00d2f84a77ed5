#pragma once

#include "widgets/spacetimemodel.h"

#include <QWidget>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace widgets {

class Selection;
class SimulationSource;

/// SpaceTimeArrow is one message as the space-time diagram draws it: a line from its
/// send on the sender's lane to its delivery on the receiver's lane, or to the point
/// where it was lost (an ×), or to the receiver's door and then along the receiver's
/// lane while it waits there. A copy the network made starts where its original was
/// when it was copied (a fork).
struct SpaceTimeArrow {
    enum class End : std::uint8_t { Delivered, Lost, InFlight };
    /// index into SpaceTimeModel::messages().
    std::size_t index = 0;
    std::uint64_t id = 0;
    QPointF from;
    QPointF to;
    /// waitUntil: for a message that waited at the door (at `to`), where the wait ends
    /// on the receiver's lane; equal to `to` when it did not wait.
    QPointF waitUntil;
    End end = End::Delivered;
    bool copy = false;
};

/// SpaceTimeView is the space-time diagram of a run: one horizontal lane per server,
/// virtual time running left to right, each message an arrow from its send to its
/// delivery (lost: ends in ×; duplicated: forks; held or at a paused door: waits
/// along the receiver's lane), each server's role spans as coloured bands labelled
/// with the term, the leader's commits as ticks on its lane, crashes, restarts and the
/// user's actions as flags, and the times of network faults shaded. The playhead (the
/// live moment) is a line across the lanes; the recorded future after it is veiled.
///
/// It reads the History of its source through a SpaceTimeModel, which indexes the
/// messages by time, so painting touches only what crosses the window shown. When a
/// window holds more than kMaxArrows messages (a wide zoom on a long run) it draws, per
/// sender's lane, how many messages start in each pixel column instead of arrows.
///
/// Mouse: a click on an arrow selects the message and asks to seek to its send
/// (messageActivated); on a lane's name, selects the server (nodeActivated); elsewhere
/// it asks to seek to the time under it (seekRequested). The wheel zooms around the
/// cursor, dragging pans; the view follows the playhead until the user pans, and
/// Home (or a double click) brings the following back.
class SpaceTimeView : public QWidget {
    Q_OBJECT
public:
    /// kMaxArrows: above this many messages in the window, the view counts instead.
    static constexpr std::size_t kMaxArrows = 4000;

    explicit SpaceTimeView(QWidget *parent = nullptr);

    /// setSource shows the source's history and follows its signals. Call it once.
    void setSource(const SimulationSource *source);
    /// setHistory shows a history (not owned) at display time `now` (tests, benchmark).
    void setHistory(const raft::History *history, double now);
    /// setDisplayTime moves the playhead (the view follows it unless the user panned).
    void setDisplayTime(double now);
    /// setSelection highlights the selected servers' lanes and the selected message.
    void setSelection(const Selection *selection);
    /// setHeartbeatsShown shows or hides heartbeats (empty AppendEntries and their replies).
    void setHeartbeatsShown(bool shown);
    bool heartbeatsShown() const { return m_heartbeats; }
    /// setPresentation: larger lanes and text, high contrast (presentation mode).
    void setPresentation(bool on);

    /// setVisibleRange shows [start, start + span] and stops following the playhead.
    void setVisibleRange(raft::Time start, raft::Time span);
    /// follow shows `span` ending a little after the playhead, and keeps doing so (at
    /// the start of a run, a narrower window that the run fills).
    void follow(raft::Time span);
    /// zoomBy multiplies the span by factor (< 1 zooms in) keeping time `anchor` in place.
    void zoomBy(double factor, double anchor);
    double visibleStart() const { return m_start; }
    double visibleSpan() const { return m_span; }
    bool isFollowing() const { return m_following; }

    const SpaceTimeModel &model() const { return m_model; }
    /// refresh reads what the history added and repaints.
    void refresh();

    // --- geometry (widget pixels) ---
    double xForTime(double t) const;
    double timeForX(double x) const;
    /// laneY is the y of server id's lane line.
    double laneY(raft::NodeId id) const;
    /// laneAt is the server whose lane (or name) is under y, or kNoNode.
    raft::NodeId laneAt(double y) const;
    /// plotRect is where time runs (right of the names, under the time axis).
    QRectF plotRect() const;
    /// arrowOf is how message `index` is drawn.
    SpaceTimeArrow arrowOf(std::size_t index) const;
    /// arrows lists the arrows in view (empty in density mode).
    std::vector<SpaceTimeArrow> arrows() const;
    /// isDensityMode tells whether the window holds too many messages for arrows.
    bool isDensityMode() const;
    /// messageAt is the id of the message whose arrow passes nearest pos (0: none).
    std::uint64_t messageAt(QPointF pos) const;

    /// paintDiagram paints the whole diagram into `painter` over `size` (the widget's
    /// paintEvent, the picture export and the benchmark all use it).
    void paintDiagram(QPainter &painter, QSizeF area) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// messageActivated: the user clicked message `id`, sent at `sentAt`.
    void messageActivated(std::uint64_t id, raft::Time sentAt);
    /// nodeActivated: the user clicked server id's lane name.
    void nodeActivated(raft::NodeId id);
    /// seekRequested: the user clicked at time t.
    void seekRequested(raft::Time t);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    /// Geometry of the current size, computed once per paint or hit test.
    double nameWidth() const;
    double axisHeight() const;
    void followPlayhead();
    double axisStep(QRectF plot) const;
    void paintGrid(QPainter &painter, QRectF plot) const;
    void paintAxis(QPainter &painter, QRectF plot) const;
    void paintBands(QPainter &painter, QRectF plot) const;
    void paintFaults(QPainter &painter, QRectF plot) const;
    void paintArrows(QPainter &painter, QRectF plot) const;
    void paintDensity(QPainter &painter, QRectF plot) const;
    void paintMarks(QPainter &painter, QRectF plot) const;
    void paintNames(QPainter &painter, QRectF plot) const;
    QString toolTipAt(QPointF pos) const;
    /// timeText is a virtual time (ticks) in seconds, with as many decimals as a `step`
    /// (ticks) needs.
    static QString timeText(double time, double step);

    const SimulationSource *m_source = nullptr;
    const Selection *m_selection = nullptr;
    SpaceTimeModel m_model;
    double m_now = 0;
    double m_start = 0;
    double m_span = static_cast<double>(raft::fromSeconds(4));
    /// m_followSpan: the span wanted while following (the window may be narrower at
    /// the start of a run).
    double m_followSpan = static_cast<double>(raft::fromSeconds(4));
    bool m_following = true;
    bool m_heartbeats = true;
    bool m_presentation = false;
    /// The plot's rectangle for m_plotSize and the current font (see plotRect).
    mutable QRectF m_plot;
    mutable QSize m_plotSize;
    mutable bool m_plotValid = false;
    /// m_densityTotal: the messages the last density paint counted (for its note).
    mutable std::size_t m_densityTotal = 0;
    // Dragging.
    std::optional<QPointF> m_pressAt;
    double m_pressStart = 0;
    bool m_panning = false;
};

} // namespace widgets
