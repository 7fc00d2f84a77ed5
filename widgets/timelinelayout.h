#pragma once

#include "raft/types.h"

#include <algorithm>
#include <cmath>

namespace widgets {

/// TimelineLayout is where each lane of the timeline's strip lies for one size of the
/// widget, and which window of virtual time it shows: the painter draws by it and the
/// widget's hit tests read it.
struct TimelineLayout {
    /// kMargin is the horizontal margin on each side of the time axis.
    static constexpr double kMargin = 12;

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
    /// start (ticks, raft::Time) is shown at x = left, start + span at x = right.
    double start = 0;
    double span = static_cast<double>(raft::fromSeconds(1));

    /// make lays out a strip of width × height whose axis labels need labelHeight
    /// pixels, showing [start, start + span].
    static TimelineLayout make(double width, double height, double labelHeight, double start, double span)
    {
        // Lanes of fixed proportions, sized for 56 pixels above the axis and scaled.
        TimelineLayout l;
        l.left = kMargin;
        l.right = std::max(l.left + 1, width - kMargin);
        l.bottom = height;
        l.axis = std::max(24.0, height - labelHeight);
        const double s = std::max(0.5, (l.axis - 3) / 53.0);
        l.userTop = 2;
        l.userBottom = l.userTop + 18 * s;
        l.userRadius = 7.5 * s;
        l.termTop = l.userBottom + 2 * s;
        l.termBottom = l.termTop + 22 * s;
        l.termRadius = 10 * s;
        l.reignHeight = 11 * s;
        l.commitTop = l.termBottom + 3 * s;
        l.commitBottom = std::min(l.axis - 1, l.commitTop + 8 * s);
        l.start = start;
        l.span = span;
        return l;
    }

    double pixelsPerMs() const { return (right - left) / span; }
    /// x is the x coordinate of virtual time t.
    double x(raft::Time t) const { return left + (static_cast<double>(t) - start) * pixelsPerMs(); }
    /// timeAt is the virtual time under x, clamped to [0, frontier].
    raft::Time timeAt(double x, raft::Time frontier) const
    {
        const double t = start + (x - left) / (right - left) * span;
        return std::clamp<raft::Time>(static_cast<raft::Time>(std::llround(t)), 0, frontier);
    }
    double userCentre() const { return (userTop + userBottom) / 2; }
    double termCentre() const { return (termTop + termBottom) / 2; }
};

} // namespace widgets
