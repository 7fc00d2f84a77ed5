#include "widgets/clusterlegend.h"

#include "widgets/clusterlayout.h"
#include "widgets/clusterpalette.h"
#include "widgets/clustertext.h"
#include "widgets/vectorpaint.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <vector>

namespace widgets {

namespace {

enum class Glyph {
    None,
    Follower,
    Candidate,
    Leader,
    Crashed,
    Paused,
    Learner,
    Spare,
    Term,
    Timer,
    LogBar,
    Acting,
    VotesDecided,
    VotesOpen,
    RequestVote,
    VoteReply,
    Heartbeat,
    Entries,
    AppendReply,
    Snapshot,
    Waiting,
    Lost,
    Partition,
    NoQuorum,
    Cut,
    LinkOverride,
    Selected,
    Select,
    MoveServer,
    Pan,
};

struct Row {
    bool header = false;
    Glyph glyph = Glyph::None;
    QString text;
};

constexpr qreal kPad = 10;
constexpr qreal kGlyphColumn = 58;
constexpr qreal kGlyphColumnNarrow = 48;
constexpr qreal kTextWidth = 236;
constexpr qreal kTextWidthNarrow = 112;
constexpr qreal kColumnGap = 14;
constexpr qreal kRowMin = 28;
constexpr qreal kFont = ClusterLayout::kLegendText;
constexpr qreal kHeaderFont = kFont + 0.5;
constexpr qreal kTitleFont = kFont + 3;

/// drawText draws text with font (telling the text probe).
void drawText(QPainter &painter, const QFont &font, const QRectF &box, int flags, const QString &text)
{
    painter.setFont(font);
    ClusterText::noteDrawn(font);
    painter.drawText(box, flags, text);
}

void drawArrowHead(QPainter &painter, QPointF tip, QPointF direction, qreal size)
{
    const qreal len = std::hypot(direction.x(), direction.y());
    if (len <= 0)
        return;
    const QPointF u = direction / len;
    const QPointF n(-u.y(), u.x());
    const QPolygonF head({tip, tip - u * size + n * size * 0.55, tip - u * size - n * size * 0.55});
    painter.drawPolygon(head);
}

void drawGlyph(QPainter &painter, Glyph glyph, QPointF c, qreal u)
{
    const qreal r = 11.5 * u;
    const qreal m = 15 * u;
    const QPointF left = c - QPointF(10 * u, 0);
    const QPointF right = c + QPointF(10 * u, 0);
    switch (glyph) {
    case Glyph::None: break;
    case Glyph::Follower: ClusterPalette::drawNodeDisc(painter, c, r, {raft::Role::Follower, false, false}); break;
    case Glyph::Candidate: ClusterPalette::drawNodeDisc(painter, c, r, {raft::Role::Candidate, false, false}); break;
    case Glyph::Leader:
        ClusterPalette::drawNodeDisc(painter, c, r, {raft::Role::Leader, false, false});
        ClusterPalette::drawCrown(painter, c - QPointF(0, r * 0.30), r * 0.9);
        break;
    case Glyph::Crashed:
        ClusterPalette::drawNodeDisc(painter, c, r, {raft::Role::Follower, true, false});
        ClusterPalette::drawCrashBadge(painter, c + QPointF(r * 0.75, -r * 0.6), r * 0.55);
        break;
    case Glyph::Paused:
        ClusterPalette::drawNodeDisc(painter, c, r, {raft::Role::Follower, false, true});
        ClusterPalette::drawPauseBadge(painter, c + QPointF(r * 0.75, -r * 0.6), r * 0.55);
        break;
    case Glyph::Learner:
        ClusterPalette::drawNodeDisc(painter, c, r,
                                     {raft::Role::Follower, false, false, raft::MemberState::Learner});
        break;
    case Glyph::Spare:
        ClusterPalette::drawNodeDisc(painter, c, r, {raft::Role::Follower, false, false, raft::MemberState::Spare});
        break;
    case Glyph::Term: {
        ClusterPalette::drawNodeDisc(painter, c, r, {raft::Role::Follower, false, false});
        painter.setPen(ClusterPalette::ink());
        drawText(painter, ClusterText::makeFont(std::max(r * 1.25, kFont * u), true),
                 QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter | Qt::TextDontClip, QStringLiteral("7"));
        break;
    }
    case Glyph::Timer: {
        // Plenty of time left, and running out (red).
        const qreal small = r * 0.62;
        const QPointF a = c - QPointF(small * 1.25, 0);
        const QPointF b = c + QPointF(small * 1.25, 0);
        ClusterPalette::drawTimerTrack(painter, a, small);
        ClusterPalette::drawTimerArc(painter, a, small, 0.62, false);
        ClusterPalette::drawNodeDisc(painter, a, small, {raft::Role::Follower, false, false});
        ClusterPalette::drawTimerTrack(painter, b, small);
        ClusterPalette::drawTimerArc(painter, b, small, 0.18, false);
        ClusterPalette::drawNodeDisc(painter, b, small, {raft::Role::Follower, false, false});
        break;
    }
    case Glyph::Acting: {
        ClusterPalette::drawNodeDisc(painter, c, r * 0.8, {raft::Role::Follower, false, false});
        QPen ring(ClusterPalette::acting(), std::max<qreal>(1.5, 2.5 * u), Qt::CustomDashLine, Qt::FlatCap);
        ring.setDashPattern({1.5, 1.5});
        painter.setPen(ring);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, r * 1.15, r * 1.15);
        break;
    }
    case Glyph::LogBar: {
        const QRectF bar(c.x() - 20 * u, c.y() - 4 * u, 40 * u, 8 * u);
        painter.setPen(QPen(ClusterPalette::mutedInk(), std::max<qreal>(1.0, u)));
        painter.setBrush(ClusterPalette::paper());
        painter.drawRect(bar);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ClusterPalette::ink());
        painter.drawRect(QRectF(bar.left(), bar.top(), bar.width() * 0.65, bar.height()));
        break;
    }
    case Glyph::VotesDecided:
        ClusterPalette::drawVoteMark(painter, left, 7 * u, raft::VoteState::Granted);
        ClusterPalette::drawVoteMark(painter, right, 7 * u, raft::VoteState::Denied);
        break;
    case Glyph::VotesOpen:
        ClusterPalette::drawVoteMark(painter, left, 7 * u, raft::VoteState::Requested);
        ClusterPalette::drawVoteMark(painter, right, 7 * u, raft::VoteState::None);
        break;
    case Glyph::RequestVote: ClusterPalette::drawMessage(painter, c, m, raft::MessageType::RequestVote, true, 0); break;
    case Glyph::Entries:
        ClusterPalette::drawMessage(painter, c, m * 1.2, raft::MessageType::AppendEntries, true, 3, kFont * u);
        break;
    case Glyph::VoteReply:
        ClusterPalette::drawMessage(painter, left, m, raft::MessageType::RequestVoteReply, true, 0);
        ClusterPalette::drawMessage(painter, right, m, raft::MessageType::RequestVoteReply, false, 0);
        break;
    case Glyph::Heartbeat: ClusterPalette::drawMessage(painter, c, m, raft::MessageType::AppendEntries, true, 0); break;
    case Glyph::AppendReply:
        ClusterPalette::drawMessage(painter, left, m, raft::MessageType::AppendEntriesReply, true, 0);
        ClusterPalette::drawMessage(painter, right, m, raft::MessageType::AppendEntriesReply, false, 0);
        break;
    case Glyph::Snapshot:
        ClusterPalette::drawMessage(painter, left, m * 1.1, raft::MessageType::InstallSnapshot, true, 0, kFont * u, 2,
                                    5);
        ClusterPalette::drawMessage(painter, right, m, raft::MessageType::InstallSnapshotReply, true, 0);
        break;
    case Glyph::Waiting:
        ClusterPalette::drawMessage(painter, c, m, raft::MessageType::AppendEntries, true, 0);
        ClusterPalette::drawWaitingRing(painter, c, m);
        break;
    case Glyph::Lost:
        painter.setOpacity(0.5);
        ClusterPalette::drawMessage(painter, c, m, raft::MessageType::AppendEntries, true, 0);
        painter.setOpacity(1.0);
        ClusterPalette::drawLostMark(painter, c, m);
        break;
    case Glyph::Partition: {
        const QRectF box(c.x() - 22 * u, c.y() - 10 * u, 44 * u, 20 * u);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ClusterPalette::groupTint(1));
        painter.drawRect(QRectF(box.left(), box.top(), box.width() / 2, box.height()));
        painter.setBrush(ClusterPalette::groupTint(2));
        painter.drawRect(QRectF(box.center().x(), box.top(), box.width() / 2, box.height()));
        ClusterPalette::drawWall(painter, QPointF(c.x(), box.top()), QPointF(c.x(), box.bottom()), 6 * u);
        ClusterPalette::drawLostMark(painter, c - QPointF(6 * u, 0), 7 * u);
        break;
    }
    case Glyph::NoQuorum: {
        const QRectF box(c.x() - 20 * u, c.y() - 10 * u, 40 * u, 20 * u);
        painter.setPen(QPen(ClusterPalette::groupEdge(1), std::max<qreal>(1.0, u)));
        painter.setBrush(ClusterPalette::groupTint(1));
        painter.drawRect(box);
        const QBrush hatch(ClusterPalette::noQuorumHatch(), Qt::BDiagPattern);
        if (VectorPaint::isVector(painter)) {
            QPainterPath path;
            path.addRect(box);
            VectorPaint::fillPattern(painter, path, hatch);
            break;
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(hatch);
        painter.drawRect(box);
        break;
    }
    case Glyph::Cut: {
        const QPointF a = c - QPointF(22 * u, 0);
        const QPointF b = c + QPointF(22 * u, 0);
        QPen dashed(ClusterPalette::cutLink(), std::max<qreal>(1.0, 2.2 * u), Qt::CustomDashLine, Qt::FlatCap);
        dashed.setDashPattern({3, 2});
        painter.setPen(dashed);
        painter.drawLine(a, b - QPointF(6 * u, 0));
        painter.setPen(Qt::NoPen);
        painter.setBrush(ClusterPalette::cutLink());
        drawArrowHead(painter, b, b - a, 8 * u);
        ClusterPalette::drawLostMark(painter, c - QPointF(3 * u, 0), 9 * u);
        break;
    }
    case Glyph::LinkOverride: {
        const QRectF box(c.x() - 23 * u, c.y() - 10 * u, 46 * u, 20 * u);
        painter.setPen(QPen(ClusterPalette::linkOverride(), std::max<qreal>(1.0, 1.2 * u)));
        painter.setBrush(ClusterPalette::badgeFill());
        painter.drawRoundedRect(box, 5 * u, 5 * u);
        painter.setPen(ClusterPalette::ink());
        drawText(painter, ClusterText::makeFont(kFont * u, false), box, Qt::AlignCenter | Qt::TextDontClip,
                 ClusterLegend::tr("20%"));
        break;
    }
    case Glyph::Select: {
        const QRectF band(c.x() - 20 * u, c.y() - 10 * u, 40 * u, 20 * u);
        painter.setPen(QPen(ClusterPalette::ink(), std::max<qreal>(1.0, u), Qt::DashLine));
        painter.setBrush(ClusterPalette::bandSample());
        painter.drawRect(band);
        break;
    }
    case Glyph::MoveServer: {
        ClusterPalette::drawNodeDisc(painter, c - QPointF(10 * u, 0), 8 * u, {raft::Role::Follower, false, false});
        ClusterPalette::drawWall(painter, c + QPointF(5 * u, -11 * u), c + QPointF(5 * u, 11 * u), 4 * u);
        painter.setPen(QPen(ClusterPalette::ink(), std::max<qreal>(1.0, 1.6 * u)));
        painter.drawLine(c - QPointF(1 * u, 0), c + QPointF(16 * u, 0));
        painter.setPen(Qt::NoPen);
        painter.setBrush(ClusterPalette::ink());
        drawArrowHead(painter, c + QPointF(20 * u, 0), QPointF(1, 0), 6 * u);
        break;
    }
    case Glyph::Pan: {
        // Four arrows: the picture moves.
        painter.setPen(QPen(ClusterPalette::mutedInk(), std::max<qreal>(1.0, 1.6 * u)));
        painter.drawLine(c - QPointF(14 * u, 0), c + QPointF(14 * u, 0));
        painter.drawLine(c - QPointF(0, 10 * u), c + QPointF(0, 10 * u));
        painter.setPen(Qt::NoPen);
        painter.setBrush(ClusterPalette::mutedInk());
        drawArrowHead(painter, c + QPointF(16 * u, 0), QPointF(1, 0), 6 * u);
        drawArrowHead(painter, c - QPointF(16 * u, 0), QPointF(-1, 0), 6 * u);
        drawArrowHead(painter, c + QPointF(0, 12 * u), QPointF(0, 1), 6 * u);
        drawArrowHead(painter, c - QPointF(0, 12 * u), QPointF(0, -1), 6 * u);
        break;
    }
    case Glyph::Selected:
        painter.setPen(QPen(ClusterPalette::selection(), 6 * u));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, r * 1.25, r * 1.25);
        ClusterPalette::drawNodeDisc(painter, c, r, {raft::Role::Follower, false, false});
        break;
    }
}

/// rows lists the legend: full sentences, or brief labels for the two-column panel.
std::vector<Row> rows(bool brief)
{
    auto pick = [brief](const QString &full, const QString &shortText) { return brief ? shortText : full; };
    std::vector<Row> all = {
        {true, Glyph::None, ClusterLegend::tr("Servers")},
        {false, Glyph::Follower, ClusterLegend::tr("Follower")},
        {false, Glyph::Candidate,
         pick(ClusterLegend::tr("Candidate: dashed ring, asks for votes"), ClusterLegend::tr("Candidate"))},
        {false, Glyph::Leader, pick(ClusterLegend::tr("Leader: crown and double ring"), ClusterLegend::tr("Leader"))},
        {false, Glyph::Crashed,
         pick(ClusterLegend::tr("Crashed: grey; term and log survive on disk"), ClusterLegend::tr("Crashed"))},
        {false, Glyph::Paused,
         pick(ClusterLegend::tr("Paused: frozen, its messages wait"), ClusterLegend::tr("Paused"))},
        {false, Glyph::Term,
         pick(ClusterLegend::tr("Big number: the server's current term"), ClusterLegend::tr("Current term"))},
        {false, Glyph::Timer,
         pick(ClusterLegend::tr("Election timer: empties as the timeout nears; red when it is running out"),
              ClusterLegend::tr("Timer; red: running out"))},
        {false, Glyph::LogBar,
         pick(ClusterLegend::tr("Log length; the dark part is committed"), ClusterLegend::tr("Log; dark = committed"))},
        {false, Glyph::Acting,
         pick(ClusterLegend::tr("Green dashed ring: acted in the last step"), ClusterLegend::tr("Acted last step"))},
        {true, Glyph::None, pick(ClusterLegend::tr("Votes around a candidate"), ClusterLegend::tr("Votes"))},
        {false, Glyph::VotesDecided,
         pick(ClusterLegend::tr("Vote granted / refused"), ClusterLegend::tr("Granted / refused"))},
        {false, Glyph::VotesOpen,
         pick(ClusterLegend::tr("Asked, reply in flight / not asked"), ClusterLegend::tr("Asked / not asked"))},
        {true, Glyph::None, pick(ClusterLegend::tr("Membership changes (§6)"), ClusterLegend::tr("Membership"))},
        {false, Glyph::Learner,
         pick(ClusterLegend::tr("Learner: hollow, catching up; no vote yet (§4.2.1)"),
              ClusterLegend::tr("Learner: catching up"))},
        {false, Glyph::Spare,
         pick(ClusterLegend::tr("Spare or removed: greyed, outside the configuration (§6)"),
              ClusterLegend::tr("Spare / removed"))},
        {true, Glyph::None, ClusterLegend::tr("Messages")},
        {false, Glyph::RequestVote, ClusterLegend::tr("RequestVote")},
        {false, Glyph::VoteReply,
         pick(ClusterLegend::tr("Vote reply: granted / refused"), ClusterLegend::tr("Vote reply"))},
        {false, Glyph::Heartbeat,
         pick(ClusterLegend::tr("AppendEntries, empty: a heartbeat"), ClusterLegend::tr("Heartbeat"))},
        {false, Glyph::Entries,
         pick(ClusterLegend::tr("AppendEntries carrying 3 entries"), ClusterLegend::tr("AppendEntries, 3 entries"))},
        {false, Glyph::AppendReply,
         pick(ClusterLegend::tr("AppendEntries reply: success / failure"), ClusterLegend::tr("Append reply"))},
        {false, Glyph::Snapshot,
         pick(ClusterLegend::tr("InstallSnapshot, chunk 2 of 5, and its reply (§7)"),
              ClusterLegend::tr("InstallSnapshot 2/5"))},
        {false, Glyph::Waiting,
         pick(ClusterLegend::tr("Waiting at the door (receiver paused or held)"),
              ClusterLegend::tr("Waiting at door"))},
        {false, Glyph::Lost,
         pick(ClusterLegend::tr("Lost: a red ✗ where it vanished, fading out"), ClusterLegend::tr("Lost: red ✗"))},
        {true, Glyph::None, ClusterLegend::tr("Network")},
        {false, Glyph::Partition,
         pick(ClusterLegend::tr("Partition: a wall between sides; messages die at it"),
              ClusterLegend::tr("Partition wall"))},
        {false, Glyph::NoQuorum,
         pick(ClusterLegend::tr("Hatched side: no quorum, cannot elect or commit"), ClusterLegend::tr("No quorum"))},
        {false, Glyph::Cut,
         pick(ClusterLegend::tr("Cut: messages this way are lost (red ✗)"), ClusterLegend::tr("Cut link"))},
        {false, Glyph::LinkOverride,
         pick(ClusterLegend::tr("Link with its own loss or latency"), ClusterLegend::tr("Own conditions"))},
        {false, Glyph::Selected, pick(ClusterLegend::tr("Selected server or message"), ClusterLegend::tr("Selected"))},
        {true, Glyph::None, ClusterLegend::tr("Mouse")},
        {false, Glyph::Select,
         pick(ClusterLegend::tr("Drag on empty space: select; Ctrl-click: add"), ClusterLegend::tr("Drag: select"))},
        {false, Glyph::MoveServer,
         pick(ClusterLegend::tr("Drag a server to another side to move it"), ClusterLegend::tr("Drag: move server"))},
        {false, Glyph::Pan,
         pick(ClusterLegend::tr("Pan: middle button, or Shift and drag"), ClusterLegend::tr("Pan: middle / Shift"))},
    };
    // The brief panel of a small view has no room for InstallSnapshot (§7), which only
    // runs with snapshots on; the full legend explains it.
    if (brief)
        std::erase_if(all, [](const Row &row) { return row.glyph == Glyph::Snapshot; });
    return all;
}

/// Fonts holds the legend's fonts at one scale.
struct Fonts {
    explicit Fonts(qreal u)
        : text(ClusterText::makeFont(kFont * u, false))
        , header(ClusterText::makeFont(kHeaderFont * u, true))
        , title(ClusterText::makeFont(kTitleFont * u, true))
    { }
    QFont text;
    QFont header;
    QFont title;
};

/// sections splits the rows at their headers.
std::vector<std::vector<Row>> sections(bool brief)
{
    std::vector<std::vector<Row>> result;
    for (Row &row : rows(brief)) {
        if (row.header || result.empty())
            result.emplace_back();
        result.back().push_back(std::move(row));
    }
    return result;
}

/// section measures (painter == nullptr) or paints one section whose column starts
/// at x and is `width` wide, from y down; returns its height.
qreal section(QPainter *painter, const std::vector<Row> &rows, const Fonts &fonts, qreal x, qreal y, qreal width,
              qreal glyphColumn, qreal textWidth, qreal u)
{
    const QFontMetricsF textMetrics(fonts.text);
    const QFontMetricsF headerMetrics(fonts.header);
    const qreal top = y;
    for (const Row &row : rows) {
        if (row.header) {
            y += 5 * u;
            if (painter) {
                painter->setFont(fonts.header);
                ClusterText::noteDrawn(fonts.header);
                painter->setPen(ClusterPalette::mutedInk());
                painter->drawText(QPointF(x, y + headerMetrics.ascent()), row.text);
                painter->setPen(QPen(ClusterPalette::legendRule(), std::max<qreal>(1.0, u)));
                const qreal lineY = y + headerMetrics.height() + 1 * u;
                painter->drawLine(QPointF(x, lineY), QPointF(x + width, lineY));
            }
            y += headerMetrics.height() + 4 * u;
            continue;
        }
        const QRectF textBox(QPointF(x + glyphColumn * u, y), QSizeF(textWidth, 1000 * u));
        const QRectF used = textMetrics.boundingRect(textBox, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                                                     row.text);
        const qreal height = std::max(kRowMin * u, used.height() + 4 * u);
        if (painter) {
            drawGlyph(*painter, row.glyph, QPointF(x + (glyphColumn / 2 - 4) * u, y + height / 2), u);
            painter->setPen(ClusterPalette::ink());
            drawText(*painter, fonts.text, QRectF(textBox.left(), y, textBox.width(), height),
                     Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignVCenter, row.text);
        }
        y += height;
    }
    return y - top;
}

/// splitColumns splits sections of `heights` into `columns` consecutive runs (fewer
/// if there are fewer sections) so that the tallest run is as short as it can be;
/// it returns the first section of each run.
std::vector<std::size_t> splitColumns(const std::vector<qreal> &heights, int columns)
{
    const std::size_t n = heights.size();
    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(columns), std::max<std::size_t>(n, 1));
    std::vector<std::size_t> best{0};
    qreal bestTallest = 1e18;
    std::vector<std::size_t> starts{0};
    // Few sections and columns: try every split.
    auto search = [&](auto &&self, std::size_t from) -> void {
        if (starts.size() == k) {
            qreal tallest = 0;
            for (std::size_t c = 0; c < k; ++c) {
                const std::size_t to = c + 1 < k ? starts[c + 1] : n;
                qreal sum = 0;
                for (std::size_t i = starts[c]; i < to; ++i)
                    sum += heights[i];
                tallest = std::max(tallest, sum);
            }
            if (tallest < bestTallest) {
                bestTallest = tallest;
                best = starts;
            }
            return;
        }
        for (std::size_t next = from + 1; next + (k - starts.size()) <= n; ++next) {
            starts.push_back(next);
            self(self, next);
            starts.pop_back();
        }
    };
    search(search, 0);
    return best;
}

/// layout measures (painter == nullptr) or paints the panel at scale u: one column
/// of sentences, or two to four columns of brief labels for views that are short.
QSizeF layout(QPainter *painter, qreal u, int columns)
{
    const Fonts fonts(u);
    const QFontMetricsF titleMetrics(fonts.title);
    const qreal textWidth = (columns > 1 ? kTextWidthNarrow : kTextWidth) * u;
    const qreal glyphColumn = columns > 1 ? kGlyphColumnNarrow : kGlyphColumn;
    const qreal columnWidth = glyphColumn * u + textWidth;
    const qreal gap = kColumnGap * u;
    const qreal width = 2 * kPad * u + columns * columnWidth + (columns - 1) * gap;

    qreal y = kPad * u;
    if (painter) {
        painter->setFont(fonts.title);
        ClusterText::noteDrawn(fonts.title);
        painter->setPen(ClusterPalette::ink());
        painter->drawText(QPointF(kPad * u, y + titleMetrics.ascent()), ClusterLegend::tr("Legend"));
    }
    y += titleMetrics.height() + 2 * u;

    const std::vector<std::vector<Row>> parts = sections(columns > 1);
    std::vector<qreal> heights;
    heights.reserve(parts.size());
    for (const auto &part : parts)
        heights.push_back(section(nullptr, part, fonts, 0, 0, columnWidth, glyphColumn, textWidth, u));
    // Consecutive sections per column, split so that the tallest column is shortest.
    const std::vector<std::size_t> starts = splitColumns(heights, std::max(columns, 1));
    qreal tallest = 0;
    for (std::size_t column = 0; column < starts.size(); ++column) {
        const qreal x = kPad * u + static_cast<qreal>(column) * (columnWidth + gap);
        qreal columnY = y;
        const std::size_t from = starts[column];
        const std::size_t to = column + 1 < starts.size() ? starts[column + 1] : parts.size();
        for (std::size_t i = from; i < to; ++i)
            columnY += painter ? section(painter, parts[i], fonts, x, columnY, columnWidth, glyphColumn, textWidth, u)
                               : heights[i];
        tallest = std::max(tallest, columnY - y);
    }
    return {width, y + tallest + kPad * u};
}

} // namespace

QSizeF ClusterLegend::sizeAt(qreal unit, int columns)
{
    return layout(nullptr, unit, columns);
}

QPixmap ClusterLegend::render(qreal unit, qreal dpr, int columns)
{
    const QSizeF size = sizeAt(unit, columns);
    QPixmap pixmap((size * dpr).toSize() + QSize(1, 1));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(painter, unit, columns);
    return pixmap;
}

void ClusterLegend::paint(QPainter &painter, qreal unit, int columns)
{
    const QSizeF size = sizeAt(unit, columns);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QRectF panel(QPointF(0.5, 0.5), size - QSizeF(1, 1));
    painter.setPen(QPen(ClusterPalette::legendEdge(), 1));
    painter.setBrush(ClusterPalette::legendFill());
    painter.drawRoundedRect(panel, 8 * unit, 8 * unit);
    layout(&painter, unit, columns);
}

QStringList ClusterLegend::lines(int columns)
{
    QStringList texts;
    for (const Row &row : rows(columns > 1))
        texts << row.text;
    return texts;
}

} // namespace widgets
