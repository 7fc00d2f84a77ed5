#include "widgets/clusterpalette.h"

#include "widgets/clusterpalettecolours.h"

#include "widgets/clustertext.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>

namespace widgets {

namespace {

using namespace palette;

bool g_highContrast = false;

/// rgb is `normal`, or `contrast` in the high-contrast variant.
QColor rgb(QRgb normal, QRgb contrast)
{
    return QColor::fromRgba(g_highContrast ? contrast : normal);
}

QPen pen(const QColor &colour, qreal width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen p(colour, width, style, Qt::FlatCap, Qt::MiterJoin);
    return p;
}

QPen roundPen(const QColor &colour, qreal width)
{
    return QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
}

} // namespace

void ClusterPalette::setHighContrast(bool on)
{
    g_highContrast = on;
}

bool ClusterPalette::isHighContrast()
{
    return g_highContrast;
}

QColor ClusterPalette::background()
{
    return rgb(kBackground, kContrastBackground);
}
QColor ClusterPalette::ink()
{
    return rgb(kInk, kContrastInk);
}
QColor ClusterPalette::mutedInk()
{
    return rgb(kMutedInk, kContrastMutedInk);
}
QColor ClusterPalette::selection()
{
    return QColor::fromRgba(kSelection);
}
QColor ClusterPalette::cutLink()
{
    return QColor::fromRgba(kRed);
}
QColor ClusterPalette::acting()
{
    return QColor::fromRgba(kBluishGreen);
}
QColor ClusterPalette::timerRunningOut()
{
    return QColor::fromRgba(kRed);
}

QColor ClusterPalette::roleFill(raft::Role role)
{
    switch (role) {
    case raft::Role::Follower: return rgb(kFollowerFill, kContrastFollowerFill);
    case raft::Role::Candidate: return QColor::fromRgba(kCandidateFill);
    case raft::Role::Leader: return QColor::fromRgba(kBlue);
    }
    return QColor::fromRgba(kFollowerFill);
}

QColor ClusterPalette::textOn(const NodeLook &look)
{
    if (look.crashed || look.member == raft::MemberState::Spare || look.member == raft::MemberState::Removed)
        return rgb(kCrashedInk, kContrastCrashedInk);
    if (look.member == raft::MemberState::Learner)
        return ink();
    return look.role == raft::Role::Leader ? paper() : ink();
}

QColor ClusterPalette::messageFill(raft::MessageType type)
{
    switch (type) {
    case raft::MessageType::RequestVote: return QColor::fromRgba(kOrange);
    case raft::MessageType::RequestVoteReply: return QColor::fromRgba(kYellow);
    case raft::MessageType::AppendEntries: return QColor::fromRgba(kBlue);
    case raft::MessageType::AppendEntriesReply: return QColor::fromRgba(kSkyBlue);
    case raft::MessageType::PreVote: return paper();
    case raft::MessageType::PreVoteReply: return paper();
    case raft::MessageType::TimeoutNow: return QColor::fromRgba(kOrange);
    case raft::MessageType::InstallSnapshot: return QColor::fromRgba(kReddishPurple);
    case raft::MessageType::InstallSnapshotReply: return QColor::fromRgba(kSnapshotFill);
    }
    return QColor::fromRgba(kBlue);
}

QColor ClusterPalette::groupTint(int group)
{
    static const std::array<QRgb, 4> tints{0x2E56B4E9, 0x2EE69F00, 0x2E009E73, 0x2ECC79A7};
    return QColor::fromRgba(tints[static_cast<std::size_t>(std::max(group - 1, 0)) % tints.size()]);
}

QColor ClusterPalette::groupEdge(int group)
{
    static const std::array<QRgb, 4> edges{0xFF2B7BB0, 0xFFA36F00, 0xFF00795A, 0xFFA0527F};
    return QColor::fromRgba(edges[static_cast<std::size_t>(std::max(group - 1, 0)) % edges.size()]);
}

QColor ClusterPalette::link()
{
    return rgb(kLink, kContrastLink);
}
QColor ClusterPalette::wallLink()
{
    return rgb(kWallLink, kContrastLink);
}
QColor ClusterPalette::liveLink()
{
    return QColor::fromRgba(kLiveLink);
}
QColor ClusterPalette::linkOverride()
{
    return QColor::fromRgba(kDarkOrange);
}
QColor ClusterPalette::badgeFill()
{
    return QColor::fromRgba(kBadgeFill);
}
QColor ClusterPalette::noQuorumHatch()
{
    return QColor::fromRgba(kNoQuorumHatch);
}
QColor ClusterPalette::noQuorumFill()
{
    return QColor::fromRgba(kNoQuorumFill);
}
QColor ClusterPalette::headlineFill()
{
    return QColor::fromRgba(kHeadlineFill);
}
QColor ClusterPalette::wall()
{
    return QColor::fromRgba(kWall);
}
QColor ClusterPalette::bricks()
{
    return QColor::fromRgba(kBricks);
}
QColor ClusterPalette::paper()
{
    return QColor::fromRgba(kWhite);
}
QColor ClusterPalette::onDark()
{
    return QColor::fromRgba(kWhite);
}
QColor ClusterPalette::quickButtonFill()
{
    return rgb(kWhite, kWhite);
}
QColor ClusterPalette::quickButtonInk()
{
    return rgb(kFollowerEdge, kContrastInk);
}
QColor ClusterPalette::quickButtonHover()
{
    return rgb(kBlue, kDarkBlue);
}
QColor ClusterPalette::quickButtonDisabled()
{
    return rgb(kCrashedEdge, kContrastMutedInk);
}
QColor ClusterPalette::plate()
{
    return g_highContrast ? withAlpha(kContrastBackground, kContrastPlateAlpha) : withAlpha(kBackground, kPlateAlpha);
}
QColor ClusterPalette::dragCaptionFill()
{
    return withAlpha(kBackground, kDragCaptionAlpha);
}
QColor ClusterPalette::logBarTrack()
{
    return rgb(kLogBarTrack, kContrastLogBarTrack);
}
QColor ClusterPalette::logBarLength()
{
    return rgb(kLogBarLength, kContrastLogBarLength);
}
QColor ClusterPalette::hoverGlow()
{
    return withAlpha(kSelection, kHoverAlpha);
}
QColor ClusterPalette::bandFill()
{
    return withAlpha(kSelection, kBandAlpha);
}
QColor ClusterPalette::bandSample()
{
    return withAlpha(kSelection, kBandSampleAlpha);
}
QColor ClusterPalette::dropFill()
{
    return withAlpha(kSelection, kDropAlpha);
}
QColor ClusterPalette::dropEdge()
{
    return QColor::fromRgba(kSelection).darker(kDropEdgeDarker);
}
QColor ClusterPalette::legendFill()
{
    return rgb(kLegendFill, kContrastLegendFill);
}
QColor ClusterPalette::legendEdge()
{
    return rgb(kLegendEdge, kContrastLegendEdge);
}
QColor ClusterPalette::legendRule()
{
    return QColor::fromRgba(kLegendRule);
}

QColor ClusterPalette::timerColour(double fraction, bool frozen)
{
    if (frozen)
        return QColor::fromRgba(kFrozenTimer);
    return fraction < kTimerRunningOut ? timerRunningOut() : rgb(kTimer, kContrastTimer);
}

void ClusterPalette::drawAddButton(QPainter &painter, const QRectF &box)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal r = box.width() / 2;
    QPen edge = pen(rgb(kFollowerEdge, kContrastFollowerEdge), std::max<qreal>(1.5, r * 0.14), Qt::CustomDashLine);
    edge.setDashPattern({2, 2});
    painter.setPen(edge);
    painter.setBrush(background());
    painter.drawEllipse(box.center(), r, r);
    painter.setPen(pen(ink(), std::max<qreal>(1.5, r * 0.18)));
    const qreal arm = r * 0.5;
    painter.drawLine(box.center() - QPointF(arm, 0), box.center() + QPointF(arm, 0));
    painter.drawLine(box.center() - QPointF(0, arm), box.center() + QPointF(0, arm));
    painter.restore();
}

void ClusterPalette::drawNodeDisc(QPainter &painter, QPointF c, qreal r, const NodeLook &look)
{
    painter.save();
    if (look.crashed) {
        painter.setBrush(QColor::fromRgba(kCrashedFill));
        QPen p = pen(QColor::fromRgba(kCrashedEdge), std::max<qreal>(1.5, r * 0.06), Qt::CustomDashLine);
        p.setCapStyle(Qt::RoundCap);
        p.setDashPattern({0.01, 1.6});
        painter.setPen(p);
        painter.drawEllipse(c, r, r);
        painter.restore();
        return;
    }
    if (look.member == raft::MemberState::Spare || look.member == raft::MemberState::Removed) {
        // Outside the configuration (§6): greyed, a thin solid outline (crashed is dotted).
        painter.setBrush(QColor::fromRgba(kCrashedFill));
        painter.setPen(pen(QColor::fromRgba(kCrashedEdge), std::max<qreal>(1.0, r * 0.05)));
        painter.drawEllipse(c, r, r);
        painter.restore();
        return;
    }
    if (look.member == raft::MemberState::Learner && look.role != raft::Role::Leader) {
        // A learner (dissertation §4.2.1): hollow, it holds entries but has no vote.
        painter.setBrush(background());
        painter.setPen(pen(rgb(kFollowerEdge, kContrastFollowerEdge), std::max<qreal>(2.0, r * 0.10)));
        painter.drawEllipse(c, r, r);
        painter.restore();
        return;
    }
    painter.setBrush(roleFill(look.role));
    switch (look.role) {
    case raft::Role::Follower:
        painter.setPen(pen(rgb(kFollowerEdge, kContrastFollowerEdge), std::max<qreal>(1.0, r * 0.05)));
        painter.drawEllipse(c, r, r);
        break;
    case raft::Role::Candidate: {
        QPen p = pen(QColor::fromRgba(kCandidateEdge), std::max<qreal>(2.0, r * 0.10), Qt::CustomDashLine);
        // About twelve dashes around the disc, whatever its size.
        const qreal perimeter = 2 * 3.14159265 * r / p.widthF();
        p.setDashPattern({perimeter / 24, perimeter / 24});
        painter.setPen(p);
        painter.drawEllipse(c, r, r);
        break;
    }
    case raft::Role::Leader: {
        painter.setPen(pen(QColor::fromRgba(kDarkBlue), std::max<qreal>(2.0, r * 0.08)));
        painter.drawEllipse(c, r, r);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(pen(QColor::fromRgba(kDarkBlue), std::max<qreal>(2.0, ringWidth(r))));
        painter.drawEllipse(c, ringRadius(r), ringRadius(r));
        break;
    }
    }
    painter.restore();
}

void ClusterPalette::drawTimerTrack(QPainter &painter, QPointF c, qreal r)
{
    painter.save();
    const qreal rr = ringRadius(r);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(pen(rgb(kTrack, kContrastTrack), timerWidth(r)));
    painter.drawEllipse(c, rr, rr);
    painter.restore();
}

namespace {

/// fillBand fills the band of a circle of `radius` about c, `half` each side of it,
/// clockwise from twelve o'clock from `from` to `to` of a turn (0 ≤ from < to ≤ 1):
/// several times cheaper than stroking the arc with a wide pen (the stroker flattens
/// and offsets the curve every time), which matters for what is drawn every frame for
/// every server.
void fillBand(QPainter &painter, QPointF c, qreal radius, qreal half, double from, double to, const QColor &colour)
{
    constexpr int kSteps = 180;
    constexpr double kPi = 3.14159265358979323846;
    static const std::array<QPointF, kSteps + 1> unitCircle = [] {
        std::array<QPointF, kSteps + 1> table{};
        for (int i = 0; i <= kSteps; ++i) {
            // Clockwise from twelve o'clock, with y pointing down.
            const double angle = -kPi / 2 + 2 * kPi * i / kSteps;
            table[static_cast<std::size_t>(i)] = QPointF(std::cos(angle), std::sin(angle));
        }
        return table;
    }();
    const auto at = [](double turn) {
        const double angle = -kPi / 2 + 2 * kPi * turn;
        return QPointF(std::cos(angle), std::sin(angle));
    };
    // The whole steps strictly inside (from, to), with a point at each end.
    const int first = static_cast<int>(std::floor(from * kSteps)) + 1;
    const int last = static_cast<int>(std::ceil(to * kSteps)) - 1;
    const QPointF head = from <= 0 ? unitCircle[0] : at(from);
    const QPointF tip = at(to);
    std::array<QPointF, std::size_t{2} * (kSteps + 2)> band;
    std::size_t n = 0;
    band[n++] = c + head * (radius + half);
    for (int i = first; i <= last; ++i)
        band[n++] = c + unitCircle[static_cast<std::size_t>(i)] * (radius + half);
    band[n++] = c + tip * (radius + half);
    band[n++] = c + tip * (radius - half);
    for (int i = last; i >= first; --i)
        band[n++] = c + unitCircle[static_cast<std::size_t>(i)] * (radius - half);
    band[n++] = c + head * (radius - half);
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPolygon(band.data(), static_cast<int>(n));
    painter.restore();
}

} // namespace

void ClusterPalette::drawTimerArc(QPainter &painter, QPointF c, qreal r, double fraction, bool frozen)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    if (fraction <= 0)
        return;
    fillBand(painter, c, ringRadius(r), timerWidth(r) / 2, 0, fraction, timerColour(fraction, frozen));
}

void ClusterPalette::drawTimerBand(QPainter &painter, QPointF c, qreal r, double from, double to, const QColor &colour)
{
    from = std::clamp(from, 0.0, 1.0);
    to = std::clamp(to, 0.0, 1.0);
    if (to <= from)
        return;
    fillBand(painter, c, ringRadius(r), timerWidth(r) / 2, from, to, colour);
}

void ClusterPalette::drawRing(QPainter &painter, QPointF c, qreal radius, qreal width, const QColor &colour)
{
    fillBand(painter, c, radius, width / 2, 0, 1.0, colour);
}

void ClusterPalette::drawCrown(QPainter &painter, QPointF base, qreal width)
{
    const qreal w = width;
    const qreal h = width * 0.68;
    const QPolygonF crown({
        QPointF(-0.50 * w, 0),
        QPointF(0.50 * w, 0),
        QPointF(0.56 * w, -0.92 * h),
        QPointF(0.26 * w, -0.48 * h),
        QPointF(0, -1.0 * h),
        QPointF(-0.26 * w, -0.48 * h),
        QPointF(-0.56 * w, -0.92 * h),
    });
    painter.save();
    painter.translate(base);
    painter.setBrush(QColor::fromRgba(kYellow));
    painter.setPen(QPen(QColor::fromRgba(kDarkOrange), std::max<qreal>(1.0, w * 0.07), Qt::SolidLine, Qt::RoundCap,
                        Qt::RoundJoin));
    painter.drawPolygon(crown);
    painter.restore();
}

void ClusterPalette::drawPauseBadge(QPainter &painter, QPointF c, qreal radius)
{
    painter.save();
    painter.setPen(QPen(paper(), std::max<qreal>(1.0, radius * 0.14)));
    painter.setBrush(QColor::fromRgba(kBadge));
    painter.drawEllipse(c, radius, radius);
    painter.setPen(Qt::NoPen);
    painter.setBrush(paper());
    const qreal bw = radius * 0.26;
    const qreal bh = radius * 1.0;
    painter.drawRect(QRectF(c.x() - radius * 0.38, c.y() - bh / 2, bw, bh));
    painter.drawRect(QRectF(c.x() + radius * 0.12, c.y() - bh / 2, bw, bh));
    painter.restore();
}

void ClusterPalette::drawCrashBadge(QPainter &painter, QPointF c, qreal radius)
{
    painter.save();
    painter.setPen(QPen(paper(), std::max<qreal>(1.0, radius * 0.14)));
    painter.setBrush(QColor::fromRgba(kBadge));
    painter.drawEllipse(c, radius, radius);
    const qreal s = radius;
    const QPolygonF bolt({
        QPointF(0.12 * s, -0.72 * s),
        QPointF(-0.38 * s, 0.08 * s),
        QPointF(-0.02 * s, 0.08 * s),
        QPointF(-0.14 * s, 0.72 * s),
        QPointF(0.38 * s, -0.12 * s),
        QPointF(0.02 * s, -0.12 * s),
    });
    painter.translate(c);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgba(kYellow));
    painter.drawPolygon(bolt);
    painter.restore();
}

void ClusterPalette::drawCheck(QPainter &painter, QPointF c, qreal size, const QColor &colour, qreal width)
{
    const qreal s = size / 2;
    const QPointF points[3] = {c + QPointF(-0.80 * s, 0.02 * s), c + QPointF(-0.22 * s, 0.62 * s),
                               c + QPointF(0.82 * s, -0.62 * s)};
    painter.save();
    painter.setPen(roundPen(colour, width));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(points, 3);
    painter.restore();
}

void ClusterPalette::drawCross(QPainter &painter, QPointF c, qreal size, const QColor &colour, qreal width)
{
    const qreal s = size / 2 * 0.72;
    painter.save();
    painter.setPen(roundPen(colour, width));
    painter.drawLine(c + QPointF(-s, -s), c + QPointF(s, s));
    painter.drawLine(c + QPointF(-s, s), c + QPointF(s, -s));
    painter.restore();
}

void ClusterPalette::drawVoteMark(QPainter &painter, QPointF c, qreal radius, raft::VoteState vote)
{
    painter.save();
    const qreal edge = std::max<qreal>(1.0, radius * 0.16);
    switch (vote) {
    case raft::VoteState::Granted:
        painter.setPen(QPen(paper(), edge));
        painter.setBrush(QColor::fromRgba(kBluishGreen));
        painter.drawEllipse(c, radius, radius);
        drawCheck(painter, c, radius * 1.25, paper(), radius * 0.30);
        break;
    case raft::VoteState::Denied:
        painter.setPen(QPen(paper(), edge));
        painter.setBrush(QColor::fromRgba(kVermillion));
        painter.drawEllipse(c, radius, radius);
        drawCross(painter, c, radius * 1.5, paper(), radius * 0.30);
        break;
    case raft::VoteState::Requested: {
        QPen p(QColor::fromRgba(kInk), std::max<qreal>(1.2, radius * 0.24), Qt::CustomDashLine, Qt::FlatCap);
        p.setDashPattern({1.6, 1.2});
        painter.setPen(p);
        painter.setBrush(paper());
        painter.drawEllipse(c, radius * 0.85, radius * 0.85);
        break;
    }
    case raft::VoteState::None:
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor::fromRgba(kCrashedEdge));
        painter.drawEllipse(c, radius * 0.38, radius * 0.38);
        break;
    }
    painter.restore();
}

void ClusterPalette::drawMessage(QPainter &painter, QPointF c, qreal size, raft::MessageType type, bool ok, int entries,
                                 qreal minText, int chunk, int chunks)
{
    painter.save();
    const qreal m = size;
    const qreal edge = std::max<qreal>(1.0, m * 0.09);
    const QColor replyInk = ok ? QColor::fromRgba(kInk) : QColor::fromRgba(kDarkVermillion);
    switch (type) {
    case raft::MessageType::RequestVote: {
        const qreal d = m * 0.64;
        const QPolygonF diamond({c + QPointF(0, -d), c + QPointF(d, 0), c + QPointF(0, d), c + QPointF(-d, 0)});
        painter.setPen(QPen(QColor::fromRgba(kDarkOrange), edge, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        painter.setBrush(QColor::fromRgba(kOrange));
        painter.drawPolygon(diamond);
        break;
    }
    case raft::MessageType::RequestVoteReply:
        painter.setPen(QPen(QColor::fromRgba(kDarkOrange), edge));
        painter.setBrush(QColor::fromRgba(kYellow));
        painter.drawEllipse(c, m * 0.52, m * 0.52);
        if (ok)
            drawCheck(painter, c, m * 0.62, replyInk, m * 0.15);
        else
            drawCross(painter, c, m * 0.78, replyInk, m * 0.15);
        break;
    case raft::MessageType::AppendEntries: {
        const QRectF box(c.x() - m * 0.68, c.y() - m * 0.46, m * 1.36, m * 0.92);
        const bool heartbeat = entries <= 0;
        painter.setPen(QPen(heartbeat ? QColor::fromRgba(kBlue) : QColor::fromRgba(kDarkBlue), edge * 1.2,
                            Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        painter.setBrush(heartbeat ? QBrush(paper()) : QBrush(QColor::fromRgba(kBlue)));
        painter.drawRect(box);
        if (heartbeat) {
            // The flap of an empty envelope.
            const QPointF points[3] = {box.topLeft(), QPointF(box.center().x(), box.top() + box.height() * 0.55),
                                       box.topRight()};
            painter.setPen(QPen(QColor::fromRgba(kBlue), edge, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
            painter.drawPolyline(points, 3);
        } else {
            const QString text = entries > 99 ? QStringLiteral("99+") : QString::number(entries);
            const QFont font = ClusterText::makeFont(std::max(m * (text.size() > 2 ? 0.50 : 0.72), minText), true);
            painter.setFont(font);
            ClusterText::noteDrawn(font);
            painter.setPen(paper());
            painter.drawText(box, Qt::AlignCenter | Qt::TextDontClip, text);
        }
        break;
    }
    case raft::MessageType::PreVote: {
        // A RequestVote's diamond in outline only, dashed: a question, not yet a vote.
        const qreal d = m * 0.64;
        const QPolygonF diamond({c + QPointF(0, -d), c + QPointF(d, 0), c + QPointF(0, d), c + QPointF(-d, 0)});
        painter.setPen(QPen(QColor::fromRgba(kDarkOrange), edge * 1.4, Qt::DashLine, Qt::FlatCap, Qt::MiterJoin));
        painter.setBrush(paper());
        painter.drawPolygon(diamond);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor::fromRgba(kOrange));
        painter.drawEllipse(c, m * 0.16, m * 0.16);
        break;
    }
    case raft::MessageType::PreVoteReply:
        // A vote reply's disc in outline only, dashed.
        painter.setPen(QPen(QColor::fromRgba(kDarkOrange), edge * 1.4, Qt::DashLine));
        painter.setBrush(paper());
        painter.drawEllipse(c, m * 0.52, m * 0.52);
        if (ok)
            drawCheck(painter, c, m * 0.62, replyInk, m * 0.15);
        else
            drawCross(painter, c, m * 0.78, replyInk, m * 0.15);
        break;
    case raft::MessageType::TimeoutNow: {
        // A baton: a solid orange triangle pointing the way, "your turn to campaign".
        const qreal d = m * 0.66;
        const QPolygonF baton({c + QPointF(-d, -d * 0.8), c + QPointF(d, 0), c + QPointF(-d, d * 0.8)});
        painter.setPen(QPen(QColor::fromRgba(kDarkOrange), edge, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        painter.setBrush(QColor::fromRgba(kOrange));
        painter.drawPolygon(baton);
        break;
    }
    case raft::MessageType::InstallSnapshot: {
        // A stack of pages (the state machine's contents), reddish purple, with the
        // chunk counter ("2/5") when the snapshot travels in pieces.
        const QRectF page(c.x() - m * 0.66, c.y() - m * 0.50, m * 1.20, m * 1.0);
        painter.setPen(QPen(QColor::fromRgba(kDarkPurple), edge, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        painter.setBrush(QColor::fromRgba(kSnapshotFill));
        painter.drawRect(page.translated(m * 0.16, -m * 0.14));
        painter.setBrush(QColor::fromRgba(kReddishPurple));
        painter.drawRect(page.translated(-m * 0.04, m * 0.06));
        if (chunks > 1) {
            const QString text = QStringLiteral("%1/%2").arg(std::min(chunk, 99)).arg(std::min(chunks, 99));
            const QFont font = ClusterText::makeFont(std::max(m * 0.42, minText), true);
            painter.setFont(font);
            ClusterText::noteDrawn(font);
            painter.setPen(QColor::fromRgba(kDarkPurple));
            painter.drawText(page.translated(-m * 0.04, m * 0.06), Qt::AlignCenter | Qt::TextDontClip, text);
        }
        break;
    }
    case raft::MessageType::InstallSnapshotReply: {
        const qreal h = m * 0.50;
        painter.setPen(QPen(QColor::fromRgba(kDarkPurple), edge));
        painter.setBrush(QColor::fromRgba(kSnapshotFill));
        painter.drawRoundedRect(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h), h * 0.2, h * 0.2);
        if (ok)
            drawCheck(painter, c, m * 0.62, replyInk, m * 0.15);
        else
            drawCross(painter, c, m * 0.78, replyInk, m * 0.15);
        break;
    }
    case raft::MessageType::AppendEntriesReply: {
        const qreal h = m * 0.50;
        painter.setPen(QPen(QColor::fromRgba(kDarkBlue), edge));
        painter.setBrush(QColor::fromRgba(kSkyBlue));
        painter.drawRoundedRect(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h), h * 0.45, h * 0.45);
        if (ok)
            drawCheck(painter, c, m * 0.62, replyInk, m * 0.15);
        else
            drawCross(painter, c, m * 0.78, replyInk, m * 0.15);
        break;
    }
    }
    painter.restore();
}

void ClusterPalette::drawWaitingRing(QPainter &painter, QPointF c, qreal size)
{
    painter.save();
    QPen p(QColor::fromRgba(kInk), std::max<qreal>(1.2, size * 0.09), Qt::CustomDashLine, Qt::FlatCap);
    p.setDashPattern({2.0, 1.5});
    painter.setPen(p);
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(c, size * 0.92, size * 0.92);
    painter.restore();
}

void ClusterPalette::drawLostMark(QPainter &painter, QPointF c, qreal size)
{
    drawCross(painter, c, size * 1.25, paper(), size * 0.34);
    drawCross(painter, c, size * 1.25, cutLink(), size * 0.20);
}

void ClusterPalette::drawWall(QPainter &painter, QPointF a, QPointF b, qreal width)
{
    painter.save();
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(wall(), width, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(a, b);
    // Bricks: short light dashes down the middle of the band.
    QPen laid(bricks(), width * 0.42, Qt::CustomDashLine, Qt::FlatCap);
    laid.setDashPattern({2.2, 1.4});
    painter.setPen(laid);
    painter.drawLine(a, b);
    painter.restore();
}

} // namespace widgets
