#pragma once

// The colour values behind ClusterPalette, shared by its .cpp files only: every colour of
// the window is named here once (Okabe–Ito base colours, their companions, the
// high-contrast variants) and handed out by ClusterPalette's functions.

#include <QColor>

namespace widgets::palette {

// Okabe–Ito colours and darker/lighter companions for outlines and fills.
inline constexpr QRgb kBackground = 0xFFF7F8FA;
inline constexpr QRgb kInk = 0xFF1B2631;
inline constexpr QRgb kMutedInk = 0xFF56626E;
inline constexpr QRgb kSelection = 0xFFF0E442;
inline constexpr QRgb kVermillion = 0xFFD55E00;
/// kRed: the red of a lost message's ✗, a cut link and a timer running out: darker
/// and redder than vermillion so that it reads as red next to the orange candidates.
inline constexpr QRgb kRed = 0xFFC81E1E;
inline constexpr QRgb kDarkVermillion = 0xFF9C3F00;
inline constexpr QRgb kBluishGreen = 0xFF009E73;
inline constexpr QRgb kBlue = 0xFF0072B2;
inline constexpr QRgb kDarkBlue = 0xFF00304D;
inline constexpr QRgb kSkyBlue = 0xFF56B4E9;
inline constexpr QRgb kOrange = 0xFFE69F00;
inline constexpr QRgb kDarkOrange = 0xFF5C3D00;
inline constexpr QRgb kYellow = 0xFFF0E442;
inline constexpr QRgb kFollowerFill = 0xFFDDEBF6;
inline constexpr QRgb kFollowerEdge = 0xFF2B5D82;
inline constexpr QRgb kCandidateFill = 0xFFF5BE55;
inline constexpr QRgb kCandidateEdge = 0xFF6B4500;
inline constexpr QRgb kCrashedFill = 0xFFE4E4E4;
inline constexpr QRgb kCrashedEdge = 0xFF8A8A8A;
inline constexpr QRgb kCrashedInk = 0xFF5E5E5E;
inline constexpr QRgb kTrack = 0xFFDCE2E8;
inline constexpr QRgb kTimer = 0xFF6A8BA6;
inline constexpr QRgb kFrozenTimer = 0xFFA9B3BC;
inline constexpr QRgb kBadge = 0xFF263238;
inline constexpr QRgb kWhite = 0xFFFFFFFF;
inline constexpr QRgb kLink = 0xFFCFD6DD;
inline constexpr QRgb kWallLink = 0xFFC4CBD2;
inline constexpr QRgb kLiveLink = 0xFF8FA0B0;
inline constexpr QRgb kBadgeFill = 0xFFFFF1C7;
inline constexpr QRgb kNoQuorumHatch = 0x4637474F;
inline constexpr QRgb kNoQuorumFill = 0xDC37474F;
inline constexpr QRgb kHeadlineFill = 0xF0FCE4D6;
inline constexpr QRgb kWall = 0xFF3B4550;
inline constexpr QRgb kBricks = 0xFFA7B1BB;
inline constexpr QRgb kLogBarTrack = 0xFFE2E7EC;
inline constexpr QRgb kLogBarLength = 0xFF9FB0BF;
inline constexpr QRgb kLegendFill = 0xEEFFFFFF;
inline constexpr QRgb kLegendEdge = 0xFFB8C2CC;
inline constexpr QRgb kLegendRule = 0xFFC5CDD5;
inline constexpr QRgb kPaneBorder = 0xFFC9D1D9;
inline constexpr QRgb kGrid = 0xFFE6EAEE;
inline constexpr QRgb kFutureVeil = 0xA5FFFFFF;
inline constexpr QRgb kFutureHatch = 0x4656626E;
inline constexpr QRgb kCrashedCellEdge = 0xFF8C8C8C;
inline constexpr QRgb kCrashedCellInk = 0xFF6E6E6E;
inline constexpr QRgb kEmptyCellEdge = 0xFFB0B8C0;
// Snapshots (§7): the Okabe-Ito reddish purple for InstallSnapshot; the compacted
// prefix of a log is a grey block hatched in a dark purple, unlike any term's colour.
inline constexpr QRgb kReddishPurple = 0xFFCC79A7;
inline constexpr QRgb kDarkPurple = 0xFF5E2A4B;
inline constexpr QRgb kSnapshotFill = 0xFFE8E8EC;
inline constexpr QRgb kSnapshotEdge = 0xFF7A4A6A;
inline constexpr QRgb kAlarmTint = 0xFFC01C1C;
inline constexpr QRgb kLeaderTint = 0xFFD6E8F5;
inline constexpr QRgb kElectionTint = 0xFFFBEBC8;
inline constexpr QRgb kProgressTint = 0xFFDCF1E6;
inline constexpr QRgb kTroubleTint = 0xFFF8E0D6;
inline constexpr QRgb kRecoveryTint = 0xFFD8EFEC;
inline constexpr QRgb kNarrationTint = 0xFFFFF8D0;
/// The high-contrast variants (presentation mode).
inline constexpr QRgb kContrastBackground = 0xFFFFFFFF;
inline constexpr QRgb kContrastInk = 0xFF000000;
inline constexpr QRgb kContrastMutedInk = 0xFF2E3A45;
inline constexpr QRgb kContrastFollowerFill = 0xFFFFFFFF;
inline constexpr QRgb kContrastFollowerEdge = 0xFF000000;
inline constexpr QRgb kContrastCrashedInk = 0xFF303030;
inline constexpr QRgb kContrastTrack = 0xFFAEB8C2;
inline constexpr QRgb kContrastTimer = 0xFF1F4E79;
inline constexpr QRgb kContrastLink = 0xFF8794A1;
inline constexpr QRgb kContrastLogBarTrack = 0xFFC2CAD2;
inline constexpr QRgb kContrastLogBarLength = 0xFF5B7085;
inline constexpr QRgb kContrastLegendFill = 0xFFFFFFFF;
inline constexpr QRgb kContrastLegendEdge = 0xFF000000;
/// Alphas of the translucent companions of the base colours.
inline constexpr int kPlateAlpha = 215;
inline constexpr int kContrastPlateAlpha = 245;
inline constexpr int kDragCaptionAlpha = 235;
inline constexpr int kHoverAlpha = 150;
inline constexpr int kBandAlpha = 50;
inline constexpr int kBandSampleAlpha = 70;
inline constexpr int kDropAlpha = 110;
inline constexpr int kDropEdgeDarker = 140;

/// withAlpha is `rgb` with its alpha set.
inline QColor withAlpha(QRgb rgb, int alpha)
{
    QColor colour = QColor::fromRgba(rgb);
    colour.setAlpha(alpha);
    return colour;
}

} // namespace widgets::palette
