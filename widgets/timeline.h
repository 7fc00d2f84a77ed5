#pragma once

#include "raft/history.h"

#include <QHash>
#include <QPixmap>
#include <QWidget>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace widgets {

/// TimelineMark is one mark on the timeline: an event of the trace worth seeing at a
/// glance, or one of the user's own actions.
struct TimelineMark {
    enum class Kind : std::uint8_t {
        Election, ///< a BecameLeader event; `term` is the term won
        Commit, ///< a leader's CommitAdvanced (reason Majority)
        Crash, ///< a NodeCrashed event
        Restart, ///< a NodeRestarted event
        Violation, ///< an InvariantViolated event
        Action, ///< a user action of History::script(); `source` indexes the script
    };
    Kind kind = Kind::Election;
    raft::Time t = 0;
    std::uint64_t step = 0;
    raft::NodeId node = raft::kNoNode;
    raft::Term term = 0;
    /// source indexes the trace's events (History::trace()), or the script for actions.
    std::size_t source = 0;
    /// input is the action's kind (actions only).
    raft::InputKind input = raft::InputKind::Say;
};

/// TimelineSpan is a stretch of time: a leader's reign, or a time during which the
/// network had faults (partitions or cut links).
struct TimelineSpan {
    raft::Time begin = 0;
    /// end is when it stopped; nullopt while it still holds at the frontier.
    std::optional<raft::Time> end;
    /// node and term: the leader (reigns only).
    raft::NodeId node = raft::kNoNode;
    raft::Term term = 0;
    /// partition: the network was split into groups (faults only; else links were cut).
    bool partition = false;
    /// source indexes the trace (reigns: the BecameLeader) or the script (faults: the
    /// action that started it).
    std::size_t source = 0;
};

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
/// refresh() is cheap enough for every frame: the marks are cached and only the
/// events added to the trace since the last call are read. They are rebuilt from the
/// whole trace only when the history is replaced or has branched.
class Timeline : public QWidget {
    Q_OBJECT
public:
    explicit Timeline(QWidget *parent = nullptr);

    /// setHistory shows a history (not owned; nullptr for none) and rebuilds the marks.
    /// Call it again after the history object was replaced, even at the same address.
    void setHistory(const raft::History *history);
    /// history is the history shown, or nullptr.
    const raft::History *history() const { return m_history; }
    /// refresh brings the marks, the playhead and the view up to date after the history
    /// moved: it reads only what is new, unless the history branched.
    void refresh();

    /// marks lists the cached marks of the trace in time order (actions not included).
    const std::vector<TimelineMark> &marks() const { return m_marks; }
    /// actionMarks lists the user's actions in time order.
    const std::vector<TimelineMark> &actionMarks() const { return m_actions; }
    /// reigns lists the leaders' reigns in time order.
    const std::vector<TimelineSpan> &reigns() const { return m_reigns; }
    /// faults lists the times the network had faults, in time order.
    const std::vector<TimelineSpan> &faults() const { return m_faults; }
    /// markCount is the number of marks and actions cached.
    std::size_t markCount() const { return m_marks.size() + m_actions.size(); }
    /// rebuildCount counts how often the marks were rebuilt from the whole trace.
    std::uint64_t rebuildCount() const { return m_rebuilds; }

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
    /// Layout is where each lane of the strip lies, for the widget's current size.
    struct Layout {
        double left = 0;
        double right = 0;
        /// The user's lane: their actions, crashes and restarts.
        double userTop = 0;
        double userBottom = 0;
        double userRadius = 0;
        /// The terms' lane: elections won and the reigns that follow them.
        double termTop = 0;
        double termBottom = 0;
        double termRadius = 0;
        double reignHeight = 0;
        double commitTop = 0;
        double commitBottom = 0;
        double axis = 0;
        double bottom = 0;
        /// start (ms) is shown at x = left; pixelsPerMs is the scale.
        double start = 0;
        double pixelsPerMs = 1;
        double x(raft::Time t) const { return left + (static_cast<double>(t) - start) * pixelsPerMs; }
        double userCentre() const { return (userTop + userBottom) / 2; }
        double termCentre() const { return (termTop + termBottom) / 2; }
    };
    Layout layout() const;

    /// Hit is what lies under the mouse: a mark, a fault span, or nothing.
    struct Hit {
        const TimelineMark *mark = nullptr;
        const TimelineSpan *span = nullptr;
    };
    Hit hitAt(QPointF pos) const;
    QString toolTipFor(const Hit &hit) const;

    void rebuild();
    /// hasBranched tells whether the history no longer continues what was read.
    bool hasBranched() const;
    void readEvents();
    void readScript();
    /// followLive pans a zoomed view so that the live position stays in sight.
    void followLive();
    void seekTo(double x);
    void updateAccessibleText();
    void retranslate();

    raft::Time liveTime() const;
    raft::Time frontierTime() const;

    void paintAxis(QPainter &painter, const Layout &l) const;
    void paintSpans(QPainter &painter, const Layout &l) const;
    void paintMarks(QPainter &painter, const Layout &l) const;
    void paintPosition(QPainter &painter, const Layout &l) const;
    /// Glyph is a mark's picture; glyph() returns its sprite for the current lanes.
    enum class Glyph : std::uint8_t { Request, Action, Pause, Crash, Restart, Election, Violation };
    const QPixmap &glyph(Glyph kind, raft::Term term, const Layout &l, qreal dpr) const;
    /// playheadLabelRect is where the live time is written under the axis.
    QRectF playheadLabelRect(const Layout &l) const;

    const raft::History *m_history = nullptr;

    std::vector<TimelineMark> m_marks;
    std::vector<TimelineMark> m_actions;
    std::vector<TimelineSpan> m_reigns;
    std::vector<TimelineSpan> m_faults;
    /// m_readEvents: how many of the trace's events the marks reflect; m_lastEvent is
    /// the last of them, to notice a branch that replaced it.
    std::size_t m_readEvents = 0;
    raft::TraceEvent m_lastEvent;
    /// m_readInputs: how many of the script's inputs the marks reflect; m_lastInput is
    /// the last of them.
    std::size_t m_readInputs = 0;
    raft::Input m_lastInput;
    std::uint64_t m_lastFrontierStep = 0;
    /// m_network replays the script's topology actions, to know when it had faults.
    std::optional<raft::Network> m_network;
    std::uint64_t m_rebuilds = 0;
    /// m_glyphs caches the sprites of glyph(), for m_glyphRadius and m_glyphDpr.
    mutable QHash<quint64, QPixmap> m_glyphs;
    mutable double m_glyphRadius = 0;
    mutable qreal m_glyphDpr = 0;

    /// What the last paint showed, so refresh() repaints only when something moved.
    raft::Time m_paintedLive = -1;
    raft::Time m_paintedFrontier = -1;
    std::size_t m_paintedMarks = 0;

    bool m_zoomed = false;
    double m_viewStart = 0;
    double m_viewSpan = 1000;
    /// m_followedLive: the live time when the view last followed it.
    raft::Time m_followedLive = -1;
    bool m_dragging = false;
    /// m_hoverX: where the mouse hovers (a guide line shows the time there), or < 0.
    double m_hoverX = -1;
    raft::Time m_lastSeek = -1;
};

} // namespace widgets
