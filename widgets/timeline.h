#pragma once

#include "raft/history.h"
#include "widgets/timelineglyphs.h"
#include "widgets/timelinelayout.h"
#include "widgets/timelinemarks.h"

#include <QWidget>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace widgets {

class SimulationSource;

/// Timeline draws a run's whole history as a strip under the cluster view: virtual
/// time in seconds, the leaders' reigns coloured by term, elections won, commits,
/// crashes and restarts, the times the network had faults, the user's own actions, the
/// live position (the playhead) and the frontier, where the recorded run ends. The
/// recorded future between the two is drawn lighter and hatched. Every mark has its
/// own shape as well as its colour, so the strip reads in greyscale.
///
/// Clicking or dragging asks the controller to seek (seekRequested), continuously while
/// dragging; a click on a mark asks for its exact time. Hovering shows a guide line with
/// its time and a tooltip wording the nearest mark (EventText). The wheel zooms around
/// the cursor (Shift+wheel pans), and a zoomed view follows the live position when it
/// moves. Home and End ask for the start and the frontier; + and - zoom, 0 shows the
/// whole run.
///
/// refresh() is cheap enough for every frame: the marks are cached (TimelineMarks)
/// and only the events added to the trace since the last call are read. They are
/// rebuilt from the whole trace only when the history is replaced or has branched.
/// TimelinePainter paints them; this class keeps the view (zoom, pan, playhead) and
/// answers the mouse and the keyboard.
class Timeline : public QWidget {
    Q_OBJECT
public:
    explicit Timeline(QWidget *parent = nullptr);

    /// setHistory shows a history (not owned; nullptr for none) and rebuilds the marks.
    /// Call it again after the history object was replaced, even at the same address.
    /// setSource shows the source's world and follows its signals. Call it once.
    void setSource(const SimulationSource *source);
    void setHistory(const raft::History *history);
    /// history is the history shown, or nullptr.
    const raft::History *history() const { return m_history; }
    /// refresh brings the marks, the playhead and the view up to date after the history
    /// moved: it reads only what is new, unless the history branched.
    void refresh();

    /// marks lists the cached marks of the trace in time order (actions not included).
    const std::vector<TimelineMark> &marks() const { return m_marks.marks(); }
    /// actionMarks lists the user's actions in time order.
    const std::vector<TimelineMark> &actionMarks() const { return m_marks.actions(); }
    /// reigns lists the leaders' reigns in time order.
    const std::vector<TimelineSpan> &reigns() const { return m_marks.reigns(); }
    /// faults lists the times the network had faults, in time order.
    const std::vector<TimelineSpan> &faults() const { return m_marks.faults(); }
    /// markCount is the number of marks and actions cached.
    std::size_t markCount() const { return m_marks.count(); }
    /// rebuildCount counts how often the marks were rebuilt from the whole trace.
    std::uint64_t rebuildCount() const { return m_marks.rebuildCount(); }

    /// xForTime is the x coordinate (widget pixels) of virtual time t in the current view.
    double xForTime(raft::Time t) const;
    /// timeForX is the virtual time under x in the current view, in [0, frontierTime].
    raft::Time timeForX(double x) const;

    /// visibleStart and visibleSpan describe the window of time shown.
    raft::Time visibleStart() const;
    raft::Time visibleSpan() const;
    /// isZoomed tells whether the view shows a window of the run rather than all of it.
    bool isZoomed() const { return m_zoomed; }
    /// setVisibleRange shows [start, start + span] (zoomed); a span that covers the whole
    /// run shows it all again.
    void setVisibleRange(raft::Time start, raft::Time span);
    /// zoomBy multiplies the visible span by factor (< 1 zooms in), keeping time
    /// `anchor` at the same place on screen.
    void zoomBy(double factor, raft::Time anchor);
    /// zoomToFit shows the whole run, from 0 to the frontier, from now on.
    void zoomToFit();

    /// toolTipAt is the tooltip shown for the mouse at pos: the nearest mark's
    /// sentence, or the reign or network fault under it ("" for nothing).
    QString toolTipAt(QPointF pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// seekRequested: the user clicked, dragged or pressed a key to go to time t.
    void seekRequested(raft::Time t);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// layout is the strip's geometry for the widget's size and the window of time shown.
    TimelineLayout layout() const;

    /// Hit is what lies under the mouse: a mark, a fault span, or nothing.
    struct Hit {
        const TimelineMark *mark = nullptr;
        const TimelineSpan *span = nullptr;
    };
    Hit hitAt(QPointF pos) const;
    QString toolTipFor(const Hit &hit) const;

    /// followLive pans a zoomed view so that the live position stays in sight.
    void followLive();
    void seekTo(double x);
    void updateAccessibleText();
    void retranslate();

    raft::Time liveTime() const;
    raft::Time frontierTime() const;

    const raft::History *m_history = nullptr;

    TimelineMarks m_marks;
    TimelineGlyphs m_glyphs;

    /// What the last paint showed, so refresh() repaints only when something moved.
    raft::Time m_paintedLive = -1;
    raft::Time m_paintedFrontier = -1;
    std::size_t m_paintedMarks = 0;

    bool m_zoomed = false;
    double m_viewStart = 0;
    double m_viewSpan = static_cast<double>(raft::fromSeconds(1));
    /// m_followedLive: the live time when the view last followed it.
    raft::Time m_followedLive = -1;
    bool m_dragging = false;
    /// m_hoverX: where the mouse hovers (a guide line shows the time there), or < 0.
    double m_hoverX = -1;
    raft::Time m_lastSeek = -1;
};

} // namespace widgets
