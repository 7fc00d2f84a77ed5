// ClusterPalette's colours for the panes around the cluster: the step banner, the
// timeline, the log grid, the events and the icons. The cluster's own are in
// clusterpalette.cpp; both read the one table in clusterpalettecolours.h.

#include "widgets/clusterpalette.h"

#include "widgets/clusterpalettecolours.h"

namespace widgets {

using namespace palette;

// --- the other panes ------------------------------------------------------------------

QColor ClusterPalette::paneCard()
{
    return QColor::fromRgba(kWhite);
}
QColor ClusterPalette::paneBorder()
{
    return QColor::fromRgba(kPaneBorder);
}
QColor ClusterPalette::flash()
{
    return QColor::fromRgba(kYellow);
}
QColor ClusterPalette::cellSelection()
{
    return withAlpha(kYellow, 150);
}
QColor ClusterPalette::toneAccent(raft::Tone tone)
{
    switch (tone) {
    case raft::Tone::Progress: return QColor::fromRgba(kBlue);
    case raft::Tone::Trouble:
    case raft::Tone::Alarm: return QColor::fromRgba(kVermillion);
    case raft::Tone::Election: return QColor::fromRgba(kOrange);
    case raft::Tone::Recovery: return QColor::fromRgba(kBluishGreen);
    case raft::Tone::Leader:
    case raft::Tone::Plain:
    case raft::Tone::Narration: return {};
    }
    return {};
}
QColor ClusterPalette::toneTint(raft::Tone tone)
{
    switch (tone) {
    case raft::Tone::Alarm: return QColor::fromRgba(kAlarmTint);
    case raft::Tone::Leader: return QColor::fromRgba(kLeaderTint);
    case raft::Tone::Election: return QColor::fromRgba(kElectionTint);
    case raft::Tone::Progress: return QColor::fromRgba(kProgressTint);
    case raft::Tone::Trouble: return QColor::fromRgba(kTroubleTint);
    case raft::Tone::Recovery: return QColor::fromRgba(kRecoveryTint);
    case raft::Tone::Narration: return QColor::fromRgba(kNarrationTint);
    case raft::Tone::Plain: return {};
    }
    return {};
}
QColor ClusterPalette::deepBlue()
{
    return QColor::fromRgba(kDarkBlue);
}
QColor ClusterPalette::focus()
{
    return QColor::fromRgba(kBlue);
}
QColor ClusterPalette::recovery()
{
    return QColor::fromRgba(kBluishGreen);
}
QColor ClusterPalette::alarm()
{
    return QColor::fromRgba(kVermillion);
}

QColor ClusterPalette::fault()
{
    return QColor::fromRgba(kVermillion);
}
QColor ClusterPalette::grid()
{
    return QColor::fromRgba(kGrid);
}
QColor ClusterPalette::futureVeil()
{
    return QColor::fromRgba(kFutureVeil);
}
QColor ClusterPalette::futureHatch()
{
    return QColor::fromRgba(kFutureHatch);
}
QColor ClusterPalette::crashedCellEdge()
{
    return QColor::fromRgba(kCrashedCellEdge);
}
QColor ClusterPalette::crashedCellInk()
{
    return QColor::fromRgba(kCrashedCellInk);
}
QColor ClusterPalette::emptyCellEdge()
{
    return QColor::fromRgba(kEmptyCellEdge);
}

QColor ClusterPalette::snapshotFill()
{
    return QColor::fromRgba(kSnapshotFill);
}

QColor ClusterPalette::snapshotEdge()
{
    return QColor::fromRgba(kSnapshotEdge);
}

} // namespace widgets
