#include "icons.h"

#include "widgets/clusterpalette.h"

#include <QPainter>
#include <QPixmap>

#include <cmath>
#include <functional>

using widgets::ClusterPalette;
using widgets::NodeLook;

namespace {

/// paint renders an icon at the usual sizes with `draw(painter, side)`.
QIcon paint(const std::function<void(QPainter &, qreal)> &draw)
{
    QIcon icon;
    for (int side : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        draw(painter, side);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void ring(QPainter &painter, qreal side, bool withLeader)
{
    const QPointF centre(side / 2, side / 2);
    const qreal radius = side * 0.34;
    const qreal disc = side * 0.12;
    for (int i = 0; i < 5; ++i) {
        const double angle = -M_PI / 2 + i * 2 * M_PI / 5;
        const QPointF c = centre + QPointF(std::cos(angle), std::sin(angle)) * radius;
        NodeLook look;
        look.role = withLeader && i == 0 ? raft::Role::Leader : raft::Role::Follower;
        ClusterPalette::drawNodeDisc(painter, c, disc, look);
    }
}

} // namespace

QIcon Icons::application()
{
    return paint([](QPainter &painter, qreal side) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(ClusterPalette::background());
        painter.drawRoundedRect(QRectF(0, 0, side, side), side * 0.18, side * 0.18);
        ring(painter, side, true);
    });
}

QIcon Icons::clientRequest()
{
    return paint([](QPainter &painter, qreal side) {
        ClusterPalette::drawMessage(painter, QPointF(side / 2, side / 2), side * 0.42, raft::MessageType::AppendEntries,
                                    true, 1);
    });
}

QIcon Icons::crash()
{
    return paint([](QPainter &painter, qreal side) {
        ClusterPalette::drawCrashBadge(painter, QPointF(side / 2, side / 2), side * 0.46);
    });
}

QIcon Icons::splitVote()
{
    return paint([](QPainter &painter, qreal side) {
        NodeLook look;
        look.role = raft::Role::Candidate;
        ClusterPalette::drawNodeDisc(painter, QPointF(side * 0.3, side * 0.5), side * 0.22, look);
        ClusterPalette::drawNodeDisc(painter, QPointF(side * 0.7, side * 0.5), side * 0.22, look);
    });
}

QIcon Icons::heal()
{
    return paint([](QPainter &painter, qreal side) {
        NodeLook look;
        painter.setPen(QPen(widgets::ClusterPalette::recovery(), side * 0.1, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(side * 0.22, side * 0.5), QPointF(side * 0.78, side * 0.5));
        ClusterPalette::drawNodeDisc(painter, QPointF(side * 0.2, side * 0.5), side * 0.17, look);
        ClusterPalette::drawNodeDisc(painter, QPointF(side * 0.8, side * 0.5), side * 0.17, look);
    });
}

QIcon Icons::newCluster()
{
    return paint([](QPainter &painter, qreal side) { ring(painter, side, false); });
}

QIcon Icons::legend()
{
    return paint([](QPainter &painter, qreal side) {
        painter.setPen(QPen(ClusterPalette::ink(), std::max<qreal>(1.0, side * 0.06)));
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(QRectF(side * 0.12, side * 0.12, side * 0.76, side * 0.76), side * 0.08, side * 0.08);
        for (int i = 0; i < 3; ++i) {
            const qreal y = side * (0.3 + i * 0.2);
            NodeLook look;
            look.role = static_cast<raft::Role>(i);
            ClusterPalette::drawNodeDisc(painter, QPointF(side * 0.3, y), side * 0.06, look);
            painter.drawLine(QPointF(side * 0.42, y), QPointF(side * 0.76, y));
        }
    });
}
