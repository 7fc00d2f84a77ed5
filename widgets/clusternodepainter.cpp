#include "widgets/clusternodepainter.h"

#include "widgets/alarm.h"
#include "widgets/clusterpalette.h"
#include "widgets/clustervector.h"
#include "widgets/vectorpaint.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <optional>

namespace widgets {

namespace {

using vec::unit;

// Where a disc's marks go, as fractions of the disc radius r (px floors where given).
/// kHaloWidth: the selection halo's pen (at least kHaloWidthMin px).
constexpr qreal kHaloWidth = 0.24;
constexpr qreal kHaloWidthMin = 4;
/// kVoteMark: a vote mark's radius; kVoteGap its gap from the disc's drawing.
constexpr qreal kVoteMark = 0.17;
constexpr qreal kVoteMarkMin = 4;
constexpr qreal kVoteGap = 0.05;
/// kTermWordAt, kTermAt, kTallyAt: heights of "term", the term and the tally (down is +).
constexpr qreal kTermWordAt = -0.50;
constexpr qreal kTermAt = 0.05;
constexpr qreal kTallyAt = 0.58;
/// kChipAt: the configuration chip's centre, on the disc's lower rim.
constexpr qreal kChipAt = 0.98;
/// kCaptionChord: the widest a text inside the disc may be, of the radius.
constexpr qreal kCaptionChord = 1.55;
/// kCrownAt, kCrownWidth: the leader's crown, its base above the centre.
constexpr qreal kCrownAt = -0.74;
constexpr qreal kCrownWidth = 0.58;
/// kLeaderWordRadius: below this radius (px) a leader's disc leaves out the word "term" for its crown.
constexpr qreal kLeaderWordRadius = 36;
/// kActingGap, kActingWidth: the ring of a server that acted in the last step, past
/// the disc's drawing; kActingDashes: how many dashes go round it.
constexpr qreal kActingGap = 0.06;
constexpr qreal kActingWidth = 0.09;
constexpr qreal kActingWidthMin = 2.5;
constexpr int kActingDashes = 16;
/// kBadge: a crash or pause badge's radius (at least kBadgeMin px).
constexpr qreal kBadge = 0.27;
constexpr qreal kBadgeMin = 5;
/// kDiscSprite: half the side of a disc's pixmap, at least (it must hold the crown).
constexpr qreal kDiscSprite = 1.42;

/// newSprite is a transparent pixmap of `size` logical pixels at pixel ratio dpr.
QPixmap newSprite(QSizeF size, qreal dpr)
{
    QPixmap pixmap(QSize(static_cast<int>(size.width()), static_cast<int>(size.height())) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

} // namespace

ClusterNodePainter::Timer ClusterNodePainter::timerOf(const raft::Simulation &sim, raft::NodeId id,
                                                      double displayTime)
{
    const NodeLook look = lookOf(sim, id);
    const raft::Node *node = sim.node(id);
    if (look.crashed || look.role == raft::Role::Leader || !node)
        return {};
    // While paused the timer stands still at the time the node froze.
    const double at = look.paused ? static_cast<double>(sim.server(id).pausedAt) : displayTime;
    const double timeout = static_cast<double>(std::max<raft::Time>(node->electionTimeout(), 1));
    return {true, (static_cast<double>(node->electionDeadline()) - at) / timeout, look.paused};
}

QString ClusterNodePainter::nameOf(raft::NodeId id)
{
    return QString::fromStdString(raft::nodeName(id));
}

NodeLook ClusterNodePainter::lookOf(const raft::Simulation &sim, raft::NodeId id)
{
    const raft::Server &server = sim.server(id);
    const raft::Node *node = sim.node(id);
    NodeLook look;
    look.crashed = server.status == raft::NodeStatus::Crashed || !node;
    look.paused = server.status == raft::NodeStatus::Paused;
    look.role = look.crashed ? raft::Role::Follower : node->role();
    look.member = sim.memberState(id);
    return look;
}

QRectF ClusterNodePainter::labelRect(raft::NodeId id) const
{
    return id >= 1 && id <= raft::kMaxNodes ? m_sprites[static_cast<std::size_t>(id)].labelRect : QRectF();
}

void ClusterNodePainter::paint(QPainter &painter, const ClusterScene &scene, const NodeSet &banded,
                               const NodeSet &staged)
{
    const int nodes = scene.layout.nodes();
    raft::Index maxLog = 1;
    for (raft::NodeId id = 1; id <= nodes; ++id)
        maxLog = std::max(maxLog, scene.sim.log(id).lastIndex());
    for (raft::NodeId id = 1; id <= nodes; ++id) {
        const auto i = static_cast<std::size_t>(id);
        paintNode(painter, scene, id, maxLog, scene.selected[i] || banded[i], staged[i]);
    }
}

void ClusterNodePainter::paintNode(QPainter &painter, const ClusterScene &scene, raft::NodeId id, raft::Index maxLog,
                                   bool halo, bool staged)
{
    const ClusterLayout &l = scene.layout;
    const QPointF c = l.nodeCentre(id);
    const qreal r = l.radius();
    const NodeLook look = lookOf(scene.sim, id);

    if (halo) {
        const qreal distance = l.outer() + std::max<qreal>(2, r * kHalo);
        ClusterPalette::drawRing(painter, c, distance, std::max<qreal>(kHaloWidthMin, r * kHaloWidth),
                                 ClusterPalette::selection());
    }

    if (!staged)
        paintDisc(painter, scene, id);

    if (scene.acting[static_cast<std::size_t>(id)]) {
        // The server that acted in the last step: a dashed ring of its own colour, so
        // it reads apart from the selection's solid halo (also in greyscale).
        const qreal width = std::max<qreal>(kActingWidthMin, r * kActingWidth);
        const qreal distance = l.outer() + r * kActingGap + width / 2;
        QPen pen(ClusterPalette::acting(), width, Qt::CustomDashLine, Qt::FlatCap);
        const qreal perimeter = 2 * vec::kPi * distance / width;
        pen.setDashPattern({perimeter / (2 * kActingDashes), perimeter / (2 * kActingDashes)});
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, distance, distance);
    }

    if (const raft::Violation *alarm = alarmViolation(scene.sim)) {
        // The alarm: a server the alarm's finding names wears a bold ring.
        const auto &named = alarm->nodes;
        if (std::find(named.begin(), named.end(), id) != named.end())
            paintAlarmRing(painter, scene, id);
    }

    const raft::Node *node = scene.sim.node(id);
    if (const Timer timer = timerOf(scene.sim, id, scene.displayTime); timer.shown)
        m_sprites[static_cast<std::size_t>(id)].timer.paint(painter, c, r, scene.dpr, timer.left, timer.frozen);

    // A candidate's vote tally: one mark per peer, on the side facing that peer.
    if (look.role == raft::Role::Candidate) {
        const qreal mark = std::max<qreal>(kVoteMarkMin, r * kVoteMark);
        for (raft::NodeId peer = 1; peer <= l.nodes(); ++peer) {
            if (peer == id)
                continue;
            const QPointF dir = unit(l.nodeCentre(peer) - c);
            ClusterPalette::drawVoteMark(painter, c + dir * (l.outer() + mark + r * kVoteGap), mark,
                                         node->progress(peer).vote);
        }
    }

    paintChip(painter, scene, id);
    paintLabel(painter, scene, id, look, maxLog);
}

void ClusterNodePainter::paintAlarmRing(QPainter &painter, const ClusterScene &scene, raft::NodeId id)
{
    // The ring stays while the alarm does, and most frames repaint only a sliver of
    // it: blitting the part in the clip costs far less than filling the whole band.
    // The pixmap is drawn at the ring's offset within a device pixel and blitted at a
    // whole one, so that the ring lies where a direct fill puts it.
    const ClusterLayout &l = scene.layout;
    const qreal r = l.radius();
    const qreal width = std::max<qreal>(3, r * 0.16);
    const qreal distance = l.outer() + r * (kActingGap + kActingWidth) + width;
    const QPointF c = l.nodeCentre(id);
    if (!VectorPaint::blitsWholePixels(painter)) {
        ClusterPalette::drawRing(painter, c, distance, width, ClusterPalette::alarm());
        return;
    }
    const qreal dpr = scene.dpr;
    const qreal reach = distance + width / 2 + 2; // antialiasing and rounding
    const QPointF origin(std::floor((c.x() - reach) * dpr), std::floor((c.y() - reach) * dpr));
    const QPointF inside = c - origin / dpr; // the centre, in the pixmap
    const QColor colour = ClusterPalette::alarm();
    Sprites &sprites = m_sprites[static_cast<std::size_t>(id)];
    const QString key = QStringLiteral("%1 %2 %3 %4 %5 %6")
                            .arg(distance)
                            .arg(width)
                            .arg(colour.rgba())
                            .arg(inside.x())
                            .arg(inside.y())
                            .arg(dpr);
    if (sprites.ringKey != key || sprites.ring.isNull()) {
        const qreal side = std::ceil(2 * reach) + 2;
        sprites.ring = newSprite(QSizeF(side, side), dpr);
        QPainter p(&sprites.ring);
        p.setRenderHint(QPainter::Antialiasing);
        ClusterPalette::drawRing(p, inside, distance, width, colour);
        sprites.ringKey = key;
    }
    painter.drawPixmap(origin / dpr, sprites.ring);
}

void ClusterNodePainter::paintChip(QPainter &painter, const ClusterScene &scene, raft::NodeId id)
{
    // §6: the configuration this server believes in ("C4", "C_old,new"), as a chip on
    // the lower rim of its disc, so that servers that disagree while a change spreads
    // show it. Left out when the picture is too small for details.
    const ClusterLayout &l = scene.layout;
    if (!l.labelMetrics().detailed)
        return;
    const raft::Configuration believed = scene.sim.configurationOf(id);
    if (believed.empty())
        return;
    const QString chip = QString::fromStdString(believed.label());
    const QPointF centre = l.nodeCentre(id) + QPointF(0, l.radius() * kChipAt);
    const bool joint = believed.isJoint();
    const auto draw = [&](QPainter &p) {
        const QSizeF text = scene.text.size(ClusterText::Font::Small, chip);
        const Chip box = chipGeometry(scene.text.font(ClusterText::Font::Small), chip, text, centre);
        p.save();
        p.setPen(QPen(joint ? ClusterPalette::alarm() : ClusterPalette::mutedInk(), 1));
        p.setBrush(ClusterPalette::plate());
        p.drawRoundedRect(box.pill, box.corner, box.corner);
        p.restore();
        scene.text.draw(p, ClusterText::Font::Small, chip, centre, ClusterPalette::ink());
    };
    // The chip lies over the timer, which moves: it is drawn every frame, from a
    // pixmap made at its offset within a device pixel (measuring its text costs more
    // than blitting it).
    const qreal dpr = scene.dpr;
    if (!VectorPaint::blitsWholePixels(painter)) {
        draw(painter);
        return;
    }
    Sprites &sprites = m_sprites[static_cast<std::size_t>(id)];
    const ChipKey key{chip, joint, centre, dpr};
    if (sprites.chip.isNull() || !(sprites.chipKey == key)) {
        const QSizeF text = scene.text.size(ClusterText::Font::Small, chip);
        const QRectF reach = chipGeometry(scene.text.font(ClusterText::Font::Small), chip, text, centre)
                                 .pill.adjusted(-2, -2, 2, 2); // the pen and antialiasing
        const QPoint origin(static_cast<int>(std::floor(reach.left() * dpr)),
                            static_cast<int>(std::floor(reach.top() * dpr)));
        const QSize pixels(static_cast<int>(std::ceil(reach.right() * dpr)) - origin.x(),
                           static_cast<int>(std::ceil(reach.bottom() * dpr)) - origin.y());
        sprites.chip = QPixmap(pixels);
        sprites.chip.setDevicePixelRatio(dpr);
        sprites.chip.fill(Qt::transparent);
        QPainter p(&sprites.chip);
        p.setRenderHints(painter.renderHints());
        p.translate(-QPointF(origin) / dpr);
        draw(p);
        sprites.chipOrigin = QPointF(origin) / dpr;
        sprites.chipKey = key;
    }
    painter.drawPixmap(sprites.chipOrigin, sprites.chip);
}

ClusterNodePainter::Chip ClusterNodePainter::chipGeometry(const QFont &font, const QString &text, QSizeF line,
                                                          QPointF centre)
{
    // The text is drawn with its line box centred on `centre`; its ink may reach below
    // the line (the underscore of "C_old,new" does in many fonts), so the pill is
    // built around both, with a pen's width to spare.
    const QFontMetricsF metrics(font);
    const QPointF topLeft = centre - QPointF(line.width() / 2, line.height() / 2);
    Chip chip;
    chip.ink = metrics.boundingRect(text).translated(topLeft + QPointF(0, metrics.ascent()));
    const QRectF body = chip.ink.united(QRectF(topLeft, line)).adjusted(0, -1.5, 0, 1.5);
    // Round ends: the ink stays within the straight part between them.
    chip.corner = body.height() / 2;
    chip.pill = body.adjusted(-chip.corner, 0, chip.corner, 0);
    return chip;
}

QString ClusterNodePainter::discVotes(const ClusterScene &scene, raft::NodeId id, const NodeLook &look)
{
    const raft::Node *node = scene.sim.node(id);
    QString votes = look.role == raft::Role::Candidate && scene.layout.labelMetrics().detailed
        ? tr("%1 of %2 votes").arg(node->votes()).arg(node->quorum())
        : QString();
    // Level of detail: a text that does not fit the disc at the style's smallest size
    // is left out (the vote marks around a candidate still tell its tally).
    if (!votes.isEmpty()
        && scene.text.size(ClusterText::Font::Caption, votes).width() > scene.layout.radius() * kCaptionChord)
        votes.clear();
    return votes;
}

void ClusterNodePainter::drawDisc(QPainter &p, const ClusterScene &scene, raft::NodeId id, QPointF o,
                                  const NodeLook &look, const QString &votes)
{
    const qreal r = scene.layout.radius();
    if (!look.crashed && look.role != raft::Role::Leader)
        ClusterPalette::drawTimerTrack(p, o, r);
    ClusterPalette::drawNodeDisc(p, o, r, look);
    const QColor ink = ClusterPalette::textOn(look);
    const QString term = QString::number(scene.sim.term(id));
    const QPointF termAt = o + QPointF(0, r * kTermAt);
    const QPointF wordAt = o + QPointF(0, r * kTermWordAt);
    // The word "term" where it fits the disc's width and stays clear of the number
    // (text of presentation mode's size on a small disc would sit on it).
    if (scene.layout.labelMetrics().detailed && (look.role != raft::Role::Leader || r >= kLeaderWordRadius)
        && scene.text.size(ClusterText::Font::Caption, tr("term")).width() <= r * kCaptionChord
        && scene.text.ink(ClusterText::Font::Caption, tr("term"), wordAt).bottom() + 1
            <= scene.text.ink(ClusterText::Font::Term, term, termAt).top())
        scene.text.draw(p, ClusterText::Font::Caption, tr("term"), wordAt, ink);
    if (!votes.isEmpty())
        scene.text.draw(p, ClusterText::Font::Caption, votes, o + QPointF(0, r * kTallyAt), ink);
    scene.text.draw(p, ClusterText::Font::Term, term, termAt, ink);
    if (look.role == raft::Role::Leader)
        ClusterPalette::drawCrown(p, o + QPointF(0, r * kCrownAt), r * kCrownWidth);
}

qreal ClusterNodePainter::discHalf(const ClusterLayout &l)
{
    return std::ceil(std::max(l.outer(), l.radius() * kDiscSprite)) + 2;
}

void ClusterNodePainter::paintDisc(QPainter &painter, const ClusterScene &scene, raft::NodeId id)
{
    if (!VectorPaint::isVector(painter)) {
        const Disc drawn = disc(scene, id);
        painter.drawPixmap(drawn.topLeft, *drawn.pixmap);
        return;
    }
    // The shapes and texts the pixmap is made of, where the pixmap would put them.
    const NodeLook look = lookOf(scene.sim, id);
    const QPointF c = scene.layout.nodeCentre(id);
    const qreal half = discHalf(scene.layout);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    drawDisc(painter, scene, id, QPointF(std::round(c.x() - half) + half, std::round(c.y() - half) + half), look,
             discVotes(scene, id, look));
    painter.restore();
}

ClusterNodePainter::Disc ClusterNodePainter::disc(const ClusterScene &scene, raft::NodeId id)
{
    const ClusterLayout &l = scene.layout;
    const NodeLook look = lookOf(scene.sim, id);
    const QPointF c = l.nodeCentre(id);
    Sprites &sprites = m_sprites[static_cast<std::size_t>(id)];
    // The disc, its texts and badges change only with an event: draw them from a
    // pixmap made when they last changed.
    const QString votes = discVotes(scene, id, look);
    const QString key = QStringLiteral("%1 %2 %3 %4 %5 ")
                            .arg(static_cast<int>(look.role))
                            .arg(look.crashed ? 1 : 0)
                            .arg(look.paused ? 1 : 0)
                            .arg(scene.sim.term(id))
                            .arg(static_cast<int>(look.member))
        + votes;
    const qreal half = discHalf(l);
    if (sprites.discKey != key || sprites.disc.isNull()) {
        sprites.disc = newSprite(QSizeF(2 * half, 2 * half), scene.dpr);
        QPainter p(&sprites.disc);
        p.setRenderHint(QPainter::Antialiasing);
        p.setRenderHint(QPainter::TextAntialiasing);
        drawDisc(p, scene, id, QPointF(half, half), look, votes);
        sprites.discKey = key;
    }
    return {&sprites.disc, QPointF(std::round(c.x() - half), std::round(c.y() - half)), &sprites.discKey};
}

QString ClusterNodePainter::labelName(raft::NodeId id, const NodeLook &look)
{
    QString name = nameOf(id);
    if (look.crashed)
        return tr("%1 crashed").arg(name);
    if (look.paused)
        return tr("%1 paused").arg(name);
    return name;
}

ClusterNodePainter::LabelText ClusterNodePainter::labelText(const ClusterScene &scene, raft::NodeId id,
                                                            const NodeLook &look)
{
    // The label outside the ring: name and status, log bar, log length and commitIndex.
    LabelText text;
    text.name = labelName(id, look);
    const bool detailed = scene.layout.labelMetrics().detailed;
    const raft::Index last = scene.sim.log(id).lastIndex();
    const raft::Index commit = look.crashed ? 0 : scene.sim.commitIndex(id);
    const raft::Index snapshot = scene.sim.log(id).snapshotIndex();
    if (detailed)
        text.log = look.crashed ? tr("log %1 on disk").arg(last) : tr("log %1 · commit %2").arg(last).arg(commit);
    // §6: where the server stands in the configuration in force (its own belief is the
    // chip on its disc, paintChip).
    switch (look.member) {
    case raft::MemberState::Voter: break;
    case raft::MemberState::Learner:
        if (const std::optional<raft::CatchUp> progress = scene.sim.catchUp(id))
            text.member = tr("catching up %1/%2").arg(progress->match).arg(progress->of);
        else
            text.member = tr("learner");
        break;
    case raft::MemberState::Spare:
        // Outside the configuration in force: never in one, or leaving (it still
        // believes in one that names it, until it learns the change, §4.2.2).
        text.member = scene.sim.configurationOf(id).contains(id)
            ? tr("leaving: %1 leaves it out").arg(QString::fromStdString(scene.sim.configuration().label()))
            : tr("spare: in no configuration");
        break;
    case raft::MemberState::Removed:
        text.member = tr("removed: %1 leaves it out").arg(QString::fromStdString(scene.sim.configuration().label()));
        break;
    }
    // §7: the compacted prefix, under the server: on a line of its own below the log
    // line (where the fit reserves room for a member line), or in front of the log line
    // when the server has a member line too.
    if (detailed && snapshot > 0) {
        if (text.member.isEmpty()) {
            text.member = tr("snapshot ≤ %1").arg(snapshot);
            text.snapshotLine = true;
        } else {
            text.log = tr("snapshot ≤ %1 · %2").arg(snapshot).arg(text.log);
        }
    }
    return text;
}

ClusterNodePainter::LabelBox ClusterNodePainter::measureLabel(const ClusterScene &scene, const LabelText &text)
{
    const ClusterLayout::LabelMetrics metrics = scene.layout.labelMetrics();
    const bool detailed = metrics.detailed;
    const qreal pad = metrics.pad;
    const qreal gap = metrics.gap;
    LabelBox box;
    box.name = scene.text.size(ClusterText::Font::Name, text.name);
    box.log = detailed ? scene.text.size(ClusterText::Font::Small, text.log) : QSizeF();
    box.member = text.member.isEmpty() ? QSizeF() : scene.text.size(ClusterText::Font::Small, text.member);
    const qreal width = std::ceil(std::max({box.name.width(), box.log.width(), box.member.width(), metrics.barWidth}))
        + 2 * pad;
    const qreal height = std::ceil(box.name.height() + (detailed ? gap + metrics.barHeight + gap + box.log.height() : 0)
                                   + (text.member.isEmpty() ? 0 : gap + box.member.height()))
        + pad;
    box.size = QSizeF(width, height);
    box.barTop = std::round(pad / 2 + box.name.height() + gap);
    return box;
}

void ClusterNodePainter::drawLabel(QPainter &p, const ClusterScene &scene, const NodeLook &look, const LabelText &text,
                                   const LabelBox &box)
{
    const ClusterLayout::LabelMetrics metrics = scene.layout.labelMetrics();
    const qreal pad = metrics.pad;
    const qreal gap = metrics.gap;
    // A plate in the background colour keeps the label readable over links and regions.
    p.setPen(Qt::NoPen);
    p.setBrush(ClusterPalette::plate());
    p.drawRoundedRect(QRectF(QPointF(0, 0), box.size), pad * 1.5, pad * 1.5);
    const qreal x = box.size.width() / 2;
    const bool outside = look.member == raft::MemberState::Spare || look.member == raft::MemberState::Removed;
    scene.text.draw(p, ClusterText::Font::Name, text.name, QPointF(x, pad / 2 + box.name.height() / 2),
                    look.crashed || outside ? ClusterPalette::mutedInk() : ClusterPalette::ink());
    qreal below = pad / 2 + box.name.height();
    if (metrics.detailed) {
        scene.text.draw(p, ClusterText::Font::Small, text.log,
                        QPointF(x, box.barTop + metrics.barHeight + gap + box.log.height() / 2),
                        ClusterPalette::mutedInk());
        below = box.barTop + metrics.barHeight + gap + box.log.height();
    }
    if (!text.member.isEmpty())
        scene.text.draw(p, ClusterText::Font::Small, text.member, QPointF(x, below + gap + box.member.height() / 2),
                        text.snapshotLine ? ClusterPalette::mutedInk() : ClusterPalette::ink());
}

void ClusterNodePainter::prepareLabel(const ClusterScene &scene, raft::NodeId id, const NodeLook &look)
{
    // The texts come from a pixmap made when they last changed; the bar, which moves
    // whenever any log grows, is drawn on top.
    Sprites &sprites = m_sprites[static_cast<std::size_t>(id)];
    const LabelText text = labelText(scene, id, look);
    const QString key = text.name + QLatin1Char('\n') + text.log + QLatin1Char('\n') + text.member;
    if (sprites.labelKey == key && !sprites.label.isNull())
        return;
    const LabelBox box = measureLabel(scene, text);
    sprites.labelSize = box.size;
    sprites.barTop = box.barTop;
    sprites.label = newSprite(sprites.labelSize, scene.dpr);
    QPainter p(&sprites.label);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    drawLabel(p, scene, look, text, box);
    sprites.labelKey = key;
}

void ClusterNodePainter::prepare(const ClusterScene &scene)
{
    // In the order the layers draw them: a server's disc, then its label.
    for (raft::NodeId id = 1; id <= scene.layout.nodes(); ++id) {
        (void)disc(scene, id);
        prepareLabel(scene, id, lookOf(scene.sim, id));
    }
}

void ClusterNodePainter::paintLabel(QPainter &painter, const ClusterScene &scene, raft::NodeId id, const NodeLook &look,
                                    raft::Index maxLog)
{
    const ClusterLayout &l = scene.layout;
    const ClusterLayout::LabelMetrics metrics = l.labelMetrics();
    Sprites &sprites = m_sprites[static_cast<std::size_t>(id)];
    QRectF box;
    qreal barTop = 0;
    if (VectorPaint::isVector(painter)) {
        // The texts and plate the pixmap is made of, where the pixmap would go.
        const LabelText text = labelText(scene, id, look);
        const LabelBox measured = measureLabel(scene, text);
        box = l.labelBox(id, measured.size);
        barTop = measured.barTop;
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.translate(box.topLeft());
        drawLabel(painter, scene, look, text, measured);
        painter.restore();
    } else {
        prepareLabel(scene, id, look);
        box = l.labelBox(id, sprites.labelSize);
        barTop = sprites.barTop;
        painter.drawPixmap(box.topLeft(), sprites.label);
    }
    sprites.labelRect = box;
    if (metrics.detailed) {
        const raft::Index last = scene.sim.log(id).lastIndex();
        const raft::Index commit = look.crashed ? 0 : scene.sim.commitIndex(id);
        const qreal perEntry = metrics.barWidth / static_cast<qreal>(std::max<raft::Index>(maxLog, 1));
        const int lastPixels = static_cast<int>(std::lround(perEntry * static_cast<qreal>(last)));
        const int commitPixels = static_cast<int>(std::lround(perEntry * static_cast<qreal>(commit)));
        // Whole pixels: no antialiasing needed.
        const int x = static_cast<int>(box.left() + std::round((box.width() - metrics.barWidth) / 2));
        const int y = static_cast<int>(box.top() + barTop);
        const int h = static_cast<int>(metrics.barHeight);
        painter.fillRect(x, y, static_cast<int>(metrics.barWidth), h, ClusterPalette::logBarTrack());
        painter.fillRect(x, y, lastPixels, h, ClusterPalette::logBarLength());
        painter.fillRect(x, y, commitPixels, h, look.crashed ? ClusterPalette::mutedInk() : ClusterPalette::ink());
        // The snapshot's part of the log, in the snapshot colour, over the committed bar.
        const raft::Index snapshot = scene.sim.log(id).snapshotIndex();
        if (snapshot > 0)
            painter.fillRect(x, y, static_cast<int>(std::lround(perEntry * static_cast<qreal>(snapshot))), h,
                             ClusterPalette::snapshotEdge());
    }
}

void ClusterNodePainter::paintBadges(QPainter &painter, const ClusterScene &scene)
{
    const ClusterLayout &l = scene.layout;
    for (raft::NodeId id = 1; id <= l.nodes(); ++id) {
        const raft::NodeStatus status = scene.sim.status(id);
        if (status == raft::NodeStatus::Up)
            continue;
        const QPointF badge = l.nodeCentre(id) + QPointF(l.radius() * kBadgeOffset, -l.radius() * kBadgeOffset);
        const qreal size = std::max<qreal>(kBadgeMin, l.radius() * kBadge);
        if (status == raft::NodeStatus::Crashed)
            ClusterPalette::drawCrashBadge(painter, badge, size);
        else
            ClusterPalette::drawPauseBadge(painter, badge, size);
    }
}

} // namespace widgets
