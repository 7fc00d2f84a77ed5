#pragma once

#include "widgets/timelineglyphs.h"
#include "widgets/timelinelayout.h"
#include "widgets/timelinemarks.h"

#include <QFont>
#include <QRectF>

class QPainter;

namespace widgets {

/// TimelineView is what the timeline shows besides its marks: the playhead, the end
/// of the recording and where the mouse hovers.
struct TimelineView {
    /// live is the playhead's time.
    raft::Time live = 0;
    /// recordedEnd is where the recorded run ends (History::frontierTime()).
    raft::Time recordedEnd = 0;
    /// frontier is the latest time shown: the later of recordedEnd and live.
    raft::Time frontier = 0;
    /// hasFuture: the playhead is behind the end of the recording.
    bool hasFuture = false;
    /// hoverX is where the mouse hovers (< 0: nowhere); dragging: the playhead is dragged.
    double hoverX = -1;
    bool dragging = false;
};

/// TimelinePainter paints the timeline's strip for one frame: the time axis, the
/// network's faults and the leaders' reigns, the marks (commits, actions, crashes,
/// restarts, elections, violations), the recorded future, the hover guide and the
/// playhead. It only paints: the marks come from TimelineMarks, the geometry from
/// TimelineLayout, the pictures from TimelineGlyphs.
class TimelinePainter {
public:
    TimelinePainter(QPainter &painter, const TimelineLayout &layout, const TimelineMarks &marks, TimelineGlyphs &glyphs,
                    const QFont &font, int width);

    /// paint paints everything, in layers from the back.
    void paint(const TimelineView &view);

    /// playheadLabelRect is where the playhead's time is written under the axis.
    static QRectF playheadLabelRect(const TimelineLayout &layout, const QFont &font, raft::Time live, int width);

private:
    using Glyph = TimelineGlyphs::Glyph;

    void paintAxis() const;
    void paintSpans() const;
    void paintMarks() const;
    void paintPosition() const;

    QPainter &m_painter;
    const TimelineLayout &m_layout;
    const TimelineMarks &m_marks;
    TimelineGlyphs &m_glyphs;
    QFont m_font;
    int m_width = 0;
    TimelineView m_view;
};

} // namespace widgets
