#include "widgets/clustermessagepainter.h"

#include "widgets/clusterpalette.h"
#include "widgets/clustertext.h"
#include "widgets/vectorpaint.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

bool replyOk(const raft::Message &message)
{
    switch (message.type) {
    case raft::MessageType::RequestVoteReply:
    case raft::MessageType::PreVoteReply: return message.voteGranted;
    case raft::MessageType::AppendEntriesReply: return message.success;
    // A chunk acknowledged is no failure: only a stale-term answer is.
    case raft::MessageType::InstallSnapshotReply: return message.success || message.snapshotOffset > 0;
    case raft::MessageType::InstallSnapshot:
    case raft::MessageType::RequestVote:
    case raft::MessageType::PreVote:
    case raft::MessageType::TimeoutNow:
    case raft::MessageType::AppendEntries: return true;
    }
    return true;
}

} // namespace

ClusterMessagePainter::Look ClusterMessagePainter::lookOf(const raft::Message &message)
{
    Look look;
    look.type = message.type;
    look.entries = message.type == raft::MessageType::AppendEntries
        ? static_cast<int>(std::min<std::size_t>(message.entries.size(), 100))
        : 0;
    look.ok = replyOk(message);
    // InstallSnapshot: which chunk of how many (§7, Figure 13's offset and done).
    const raft::SnapshotChunk &payload = *message.chunk;
    if (message.type == raft::MessageType::InstallSnapshot && !payload.data.empty()
        && payload.data.size() < payload.snapshotSize) {
        const std::uint64_t size = payload.data.size();
        look.chunks = static_cast<int>(std::min<std::uint64_t>((payload.snapshotSize + size - 1) / size, 99));
        look.chunk = static_cast<int>(std::min<std::uint64_t>(message.snapshotOffset / size + 1, 99));
    }
    return look;
}

int ClusterMessagePainter::spriteSide(const ClusterScene &scene)
{
    return static_cast<int>(std::ceil(scene.layout.messageSize() * 1.8)) + 4;
}

void ClusterMessagePainter::draw(QPainter &painter, const ClusterScene &scene, const Look &look, QPointF centre)
{
    const ClusterLayout::Style &style = scene.layout.style();
    ClusterPalette::drawMessage(painter, centre, scene.layout.messageSize(), look.type, look.ok, look.entries,
                                style.presentation ? style.minText() : 0, look.chunk, look.chunks);
}

const QPixmap &ClusterMessagePainter::sprite(const ClusterScene &scene, const raft::Message &message)
{
    const Look look = lookOf(message);
    const std::uint32_t key = static_cast<std::uint32_t>(look.type) | (look.ok ? 16u : 0u)
        | (static_cast<std::uint32_t>(look.entries) << 5) | (static_cast<std::uint32_t>(look.chunk) << 12)
        | (static_cast<std::uint32_t>(look.chunks) << 19);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    const int side = spriteSide(scene);
    QPixmap pixmap(QSize(side, side) * scene.dpr);
    pixmap.setDevicePixelRatio(scene.dpr);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        draw(painter, scene, look, QPointF(side / 2.0, side / 2.0));
    }
    return *m_sprites.insert(key, pixmap);
}

void ClusterMessagePainter::blit(QPainter &painter, const ClusterScene &scene, const raft::Message &message,
                                 QPointF pos)
{
    if (VectorPaint::isVector(painter)) {
        // On a vector device: the shapes the sprite is made of, where the sprite would go.
        const qreal half = spriteSide(scene) / 2.0;
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        draw(painter, scene, lookOf(message),
             QPointF(std::round(pos.x() - half) + half, std::round(pos.y() - half) + half));
        painter.restore();
        return;
    }
    const QPixmap &pixmap = sprite(scene, message);
    const qreal half = pixmap.width() / pixmap.devicePixelRatio() / 2;
    // Whole pixels keep the blit on the raster engine's fast path.
    painter.drawPixmap(QPointF(std::round(pos.x() - half), std::round(pos.y() - half)), pixmap);
}

void ClusterMessagePainter::paintInFlight(QPainter &painter, const ClusterScene &scene,
                                          const std::vector<ClusterMessages::Placed> &placed)
{
    const qreal m = scene.layout.messageSize();
    std::optional<QPointF> selected;
    for (const ClusterMessages::Placed &p : placed) {
        blit(painter, scene, p.envelope->message, p.pos);
        if (p.envelope->waiting)
            ClusterPalette::drawWaitingRing(painter, p.pos, m);
        if (p.envelope->id == scene.selectedMessage)
            selected = p.pos;
    }
    // A long queue at a door: the messages under its last place, counted.
    const QSizeF badge = scene.text.size(ClusterText::Font::Small, QStringLiteral("+99"));
    for (const ClusterMessages::Stack &stack : ClusterMessages::stacks(placed, scene.layout, badge))
        scene.text.draw(painter, ClusterText::Font::Small, QStringLiteral("+%1").arg(stack.hidden), stack.badge,
                        ClusterPalette::ink());
    if (selected) {
        const qreal radius = m * kHalo;
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(ClusterPalette::selection(), std::max<qreal>(3, m * 0.30)));
        painter.drawEllipse(*selected, radius, radius);
        painter.setPen(QPen(ClusterPalette::ink(), std::max<qreal>(1, m * 0.08)));
        painter.drawEllipse(*selected, radius + m * 0.15, radius + m * 0.15);
    }
}

void ClusterMessagePainter::paintLost(QPainter &painter, const ClusterScene &scene,
                                      const std::vector<ClusterMessages::Lost> &lost)
{
    for (const ClusterMessages::Lost &l : lost) {
        painter.setOpacity(0.55 * l.fade);
        blit(painter, scene, l.envelope->message, l.pos);
        painter.setOpacity(l.fade);
        ClusterPalette::drawLostMark(painter, l.pos, scene.layout.messageSize());
    }
    painter.setOpacity(1.0);
}

} // namespace widgets
