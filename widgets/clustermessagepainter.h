#pragma once

#include "widgets/clustermessages.h"
#include "widgets/clusterscene.h"

#include <QHash>
#include <QPixmap>

#include <cstdint>
#include <vector>

class QPainter;

namespace widgets {

/// ClusterMessagePainter paints the messages: each one in flight where
/// ClusterMessages placed it (a waiting one with a dashed ring), the recently lost
/// ones fading out with a ✗ where they vanished, and a halo around the selected one.
/// Messages are blitted from sprites, one per look (type, ✓/✗, entry count); on a
/// vector device they are drawn as the shapes the sprites are made of.
class ClusterMessagePainter {
public:
    /// paintLost draws the messages lost recently, fading.
    void paintLost(QPainter &painter, const ClusterScene &scene, const std::vector<ClusterMessages::Lost> &lost);
    /// paintInFlight draws the messages in flight and the selected one's halo.
    void paintInFlight(QPainter &painter, const ClusterScene &scene,
                       const std::vector<ClusterMessages::Placed> &placed);
    /// invalidate forgets the sprites (new size or pixel ratio).
    void invalidate() { m_sprites.clear(); }

    /// kHalo: the selected message's halo radius, in message sizes.
    static constexpr qreal kHalo = 1.15;

private:
    /// Look is what a message's sprite shows.
    struct Look {
        raft::MessageType type = raft::MessageType::AppendEntries;
        bool ok = true;
        int entries = 0;
        int chunk = 0;
        int chunks = 0;
    };
    static Look lookOf(const raft::Message &message);
    /// spriteSide is the side of a message's sprite, in logical pixels.
    static int spriteSide(const ClusterScene &scene);
    /// draw draws a message of `look` centred on `centre`.
    static void draw(QPainter &painter, const ClusterScene &scene, const Look &look, QPointF centre);
    const QPixmap &sprite(const ClusterScene &scene, const raft::Message &message);
    void blit(QPainter &painter, const ClusterScene &scene, const raft::Message &message, QPointF pos);

    QHash<std::uint32_t, QPixmap> m_sprites;
};

} // namespace widgets
