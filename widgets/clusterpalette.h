#pragma once

#include "raft/configuration.h"
#include "raft/eventcatalog.h"
#include "raft/message.h"
#include "raft/node.h"
#include "raft/types.h"

#include <QColor>
#include <QPointF>
#include <QRectF>

class QPainter;

namespace widgets {

/// NodeLook is everything that decides how a server's disc is drawn.
struct NodeLook {
    raft::Role role = raft::Role::Follower;
    bool crashed = false;
    bool paused = false;
    /// member: how the server stands in the configuration in force (§6): a learner
    /// is drawn hollow, a spare or removed server greyed.
    raft::MemberState member = raft::MemberState::Voter;
};

/// ClusterPalette holds the colours and glyphs that the cluster view and its legend
/// share. The colours come from the Okabe–Ito palette (safe for colour-blind eyes),
/// and every role, RPC and mark also has its own shape, so the picture still reads
/// when printed or projected in greyscale:
///  - follower: light disc, thin solid outline; candidate: orange disc, thick dashed
///    outline; leader: dark blue disc, bold double ring and a crown; crashed: grey,
///    dotted outline and a lightning badge.
///  - requests are dark (RequestVote: orange diamond; AppendEntries: blue envelope,
///    hollow when it is a heartbeat, else showing its entry count); replies are light
///    and round (RequestVoteReply: yellow disc; AppendEntriesReply: sky-blue rounded
///    square) and carry a ✓ or a ✗.
/// Every draw function paints around a centre `c` at a size in pixels and leaves the
/// painter's state as it found it.
class ClusterPalette {
public:
    /// setHighContrast switches every colour to its high-contrast variant (presentation
    /// mode: white background, black ink, darker lines and timers) or back.
    static void setHighContrast(bool on);
    /// isHighContrast tells whether the high-contrast variant is in use.
    static bool isHighContrast();

    /// background is the colour behind the cluster.
    static QColor background();
    /// ink is the colour of ordinary text and outlines.
    static QColor ink();
    /// mutedInk is the colour of secondary text.
    static QColor mutedInk();
    /// selection is the colour of the halo around the selected node or message.
    static QColor selection();
    /// alarm is the vermillion that marks the servers and entries a broken property names.
    static QColor alarm();
    /// cutLink is the colour of a cut link and of a lost message's mark: the red of
    /// the lessons' "red ✗".
    static QColor cutLink();
    /// acting is the colour of the ring around a server that acted in the last step.
    static QColor acting();
    /// timerRunningOut is the colour of an election timer with less than
    /// kTimerRunningOut of its time left (the same red).
    static QColor timerRunningOut();
    static constexpr double kTimerRunningOut = 0.25;
    /// roleFill is the fill of a running server's disc in that role.
    static QColor roleFill(raft::Role role);
    /// textOn is the colour of text drawn on a disc with this look.
    static QColor textOn(const NodeLook &look);
    /// messageFill is the main colour of one RPC type.
    static QColor messageFill(raft::MessageType type);
    /// groupTint is the translucent fill of partition group `group` (1, 2, ...).
    static QColor groupTint(int group);
    /// groupEdge is the outline colour of partition group `group`.
    static QColor groupEdge(int group);
    /// link is the colour of the faint line between two servers that can talk.
    static QColor link();
    /// wallLink is the colour of the dotted line between two servers a wall separates.
    static QColor wallLink();
    /// liveLink is the colour of the open direction of a link cut the other way.
    static QColor liveLink();
    /// linkOverride is the colour of a link direction with conditions of its own and of
    /// its badge's outline; badgeFill is the badge's fill.
    static QColor linkOverride();
    static QColor badgeFill();
    /// noQuorumHatch is the colour of the hatching over a side without a quorum;
    /// noQuorumFill the fill of its label.
    static QColor noQuorumHatch();
    static QColor noQuorumFill();
    /// headlineFill is the fill of the view's headline ("No side has a leader").
    static QColor headlineFill();
    /// wall is the colour of a partition wall.
    static QColor wall();
    /// bricks is the colour of the lighter bricks laid on a wall.
    static QColor bricks();
    /// timerColour is the colour of an election timer with `fraction` of its time left.
    static QColor timerColour(double fraction, bool frozen);
    /// paper is the white of glyph fills and of text on dark fills.
    static QColor paper();
    /// onDark is the colour of text on a dark caption (a side without a quorum).
    static QColor onDark();
    /// plate is the translucent background behind a server's label and a side's caption.
    static QColor plate();
    /// quickButtonFill, quickButtonInk and quickButtonHover colour the quick buttons
    /// around a hovered server (ClusterQuickButtons); a disabled one is drawn in
    /// quickButtonDisabled.
    static QColor quickButtonFill();
    static QColor quickButtonInk();
    static QColor quickButtonHover();
    static QColor quickButtonDisabled();
    /// drawAddButton draws the "+" of Cluster › Add Server in `box` (§6).
    static void drawAddButton(QPainter &painter, const QRectF &box);
    /// dragCaptionFill is the fill of the caption that follows a dragged server.
    static QColor dragCaptionFill();
    /// logBarTrack, logBarLength: the empty log bar, and the part the log fills (the
    /// committed part is ink).
    static QColor logBarTrack();
    static QColor logBarLength();
    /// hoverGlow is the glow along a hovered link.
    static QColor hoverGlow();
    /// bandFill is the fill of the rubber band that selects servers; bandSample the
    /// stronger one of its small sample in the legend.
    static QColor bandFill();
    static QColor bandSample();
    /// dropFill, dropEdge: the side a dragged server would join.
    static QColor dropFill();
    static QColor dropEdge();
    /// legendFill, legendEdge, legendRule: the legend panel and its rules.
    static QColor legendFill();
    static QColor legendEdge();
    static QColor legendRule();

    // --- the other panes: step banner, timeline, log grid, events, icons --------------
    /// paneCard is the white card behind the step banner and the timeline's lanes.
    static QColor paneCard();
    /// paneBorder is the thin border of a card and the timeline's axis.
    static QColor paneBorder();
    /// flash is the yellow a new step flashes in (and, translucent, a selected log cell).
    static QColor flash();
    /// cellSelection is the translucent yellow behind a selected log-grid cell.
    static QColor cellSelection();
    /// toneAccent is a step's accent colour by its tone (blue progress, vermillion
    /// trouble and alarms, orange elections, green recovery); invalid for the tones
    /// that take their colour elsewhere (leader: its term; plain, narration: muted ink).
    static QColor toneAccent(raft::Tone tone);
    /// toneTint is the background of an event row in its tone (invalid: no tint).
    static QColor toneTint(raft::Tone tone);
    /// deepBlue marks what is committed on the timeline and the step banner's badge.
    static QColor deepBlue();
    /// focus is the blue of the focused timeline.
    static QColor focus();
    /// recovery is the green of a restart, a heal, a server back.
    static QColor recovery();
    /// fault is the vermillion of a network fault on the timeline.
    static QColor fault();
    /// grid is the timeline's grid lines.
    static QColor grid();
    /// futureVeil and futureHatch cover the recorded future on the timeline.
    static QColor futureVeil();
    static QColor futureHatch();
    /// crashedCellEdge and crashedCellInk draw a crashed server's log cells.
    static QColor crashedCellEdge();
    static QColor crashedCellInk();
    /// emptyCellEdge is the dotted outline of an empty log cell.
    static QColor emptyCellEdge();
    /// snapshotFill and snapshotEdge draw a log's compacted prefix, the block that
    /// stands for its snapshot (§7), in the log grid and on a server's log bar.
    static QColor snapshotFill();
    static QColor snapshotEdge();

    /// ringRadius is the radius of a leader's second ring and of the timer arc, for a
    /// disc of radius r; ringWidth is their pen width.
    static qreal ringRadius(qreal r) { return r * 1.17; }
    static qreal ringWidth(qreal r) { return r * 0.10; }
    /// outerRadius is how far a node's drawing reaches (disc, ring, arc).
    static qreal outerRadius(qreal r) { return ringRadius(r) + ringWidth(r) * 0.5; }

    /// drawNodeDisc draws a server's disc of radius r with the outline of its role
    /// (and a leader's second ring); text and badges are drawn by the caller.
    static void drawNodeDisc(QPainter &painter, QPointF c, qreal r, const NodeLook &look);
    /// timerWidth is the pen width of the election timer of a disc of radius r.
    static qreal timerWidth(qreal r) { return r * 0.08; }
    /// drawTimerTrack draws the pale full circle the election timer of a disc of radius r runs on.
    static void drawTimerTrack(QPainter &painter, QPointF c, qreal r);
    /// drawTimerArc draws the election timer's arc of the time left (fraction in
    /// [0, 1]), clockwise from twelve o'clock, on the track of a disc of radius r.
    static void drawTimerArc(QPainter &painter, QPointF c, qreal r, double fraction, bool frozen);
    /// drawTimerBand fills the timer's band of a disc of radius r from `from` to `to` of
    /// a turn, clockwise from twelve o'clock, in `colour` (ClusterTimerSprite draws
    /// the part of an arc that is not a whole quarter with it).
    static void drawTimerBand(QPainter &painter, QPointF c, qreal r, double from, double to, const QColor &colour);
    /// drawRing draws a solid ring of `width` centred on the circle of `radius` about c
    /// (filled as a band, not stroked: cheap enough to draw every frame).
    static void drawRing(QPainter &painter, QPointF c, qreal radius, qreal width, const QColor &colour);
    /// drawCrown draws the leader's crown, `width` wide, its base centred on `base`.
    static void drawCrown(QPainter &painter, QPointF base, qreal width);
    /// drawPauseBadge draws a paused server's badge: two bars in a dark disc.
    static void drawPauseBadge(QPainter &painter, QPointF c, qreal radius);
    /// drawCrashBadge draws a crashed server's badge: a lightning bolt in a dark disc.
    static void drawCrashBadge(QPainter &painter, QPointF c, qreal radius);
    /// drawCheck draws a ✓ that fits a square of side `size`.
    static void drawCheck(QPainter &painter, QPointF c, qreal size, const QColor &colour, qreal width);
    /// drawCross draws a ✗ that fits a square of side `size`.
    static void drawCross(QPainter &painter, QPointF c, qreal size, const QColor &colour, qreal width);
    /// drawVoteMark draws one peer's vote in a candidate's election: granted (✓ in a
    /// green disc), requested (hollow dashed ring: reply in flight), denied (✗ in a
    /// vermillion disc) or none (a small grey dot).
    static void drawVoteMark(QPainter &painter, QPointF c, qreal radius, raft::VoteState vote);
    /// drawMessage draws one message of nominal size `size`: its type's shape, a ✓/✗
    /// for replies (`ok`), and for AppendEntries its entry count (0 = hollow heartbeat).
    /// An entry count is never drawn smaller than minText pixels.
    /// For InstallSnapshot, chunk and chunks (when chunks > 1) draw "chunk/chunks".
    static void drawMessage(QPainter &painter, QPointF c, qreal size, raft::MessageType type, bool ok, int entries,
                            qreal minText = 0, int chunk = 0, int chunks = 0);
    /// drawWaitingRing draws the dashed ring around a message waiting at a door.
    static void drawWaitingRing(QPainter &painter, QPointF c, qreal size);
    /// drawLostMark draws the ✗ that marks where a message was lost.
    static void drawLostMark(QPainter &painter, QPointF c, qreal size);
    /// drawWall draws a partition wall from a to b, `width` thick: a dark band laid
    /// with lighter bricks, so it reads as a wall in colour and in greyscale.
    static void drawWall(QPainter &painter, QPointF a, QPointF b, qreal width);
};

} // namespace widgets
