#include "widgets/clustercaptionlayout.h"

#include "widgets/clustervector.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace widgets {

namespace {

using vec::kPi;
using vec::length;
using vec::unit;

/// kReadableWeight: covering a label that must stay readable costs this much more.
constexpr double kReadableWeight = 4;
/// kOutsideWeight: each pixel of a caption outside the widget costs this much.
constexpr double kOutsideWeight = 3;

double covered(const QRectF &box, const std::vector<QRectF> &obstacles)
{
    double area = 0;
    for (const QRectF &obstacle : obstacles) {
        const QRectF overlap = box.intersected(obstacle);
        area += overlap.width() * overlap.height();
    }
    return area;
}

double outside(const QRectF &box, const QRectF &bounds)
{
    const QRectF inside = box.intersected(bounds);
    return box.width() * box.height() - inside.width() * inside.height();
}

} // namespace

std::vector<QRectF> ClusterCaptionLayout::placeSides(const ClusterNetworkGeometry &geometry,
                                                     const std::vector<Side> &sides,
                                                     const std::vector<QRectF> &obstacles, std::vector<QRectF> readable)
{
    const ClusterLayout &l = geometry.layout();
    const QRectF bounds = l.bounds();
    const qreal big = l.sidesRadius();
    const double step = kPi / std::max(l.nodes(), 1);
    std::vector<QRectF> placed;
    for (const Side &side : sides) {
        const QSizeF size = side.size;
        QPointF towards;
        for (const raft::NodeId id : side.nodes)
            towards += l.outward(id);
        if (!side.nodes.empty())
            towards /= static_cast<qreal>(side.nodes.size());
        const QPointF preferred = length(towards) > 0.15 ? l.centre() + unit(towards) * l.ring() * 0.45 : l.centre();
        std::vector<QPointF> candidates{preferred};
        for (const raft::NodeId id : side.nodes) {
            const QPointF out = l.outward(id);
            const double angle = std::atan2(out.y(), out.x());
            for (const double turn : {-1.0, -0.6, 0.0, 0.6, 1.0}) {
                const QPointF dir(std::cos(angle + turn * step), std::sin(angle + turn * step));
                for (const qreal fraction : {0.22, 0.38, 0.54, 0.7})
                    candidates.push_back(l.centre() + dir * l.ring() * fraction);
                // Outside the circle, clear of the discs (the box's half-diagonal away).
                const qreal half = std::abs(dir.x()) * size.width() / 2 + std::abs(dir.y()) * size.height() / 2;
                candidates.push_back(l.centre() + dir * (big + half + 4));
            }
        }
        // A side's label stays on its side of the walls (or out of the circle).
        const auto onSide = [&](QPointF p) {
            const raft::NodeId owner = l.sliceOwner(p);
            return owner == raft::kNoNode || std::find(side.nodes.begin(), side.nodes.end(), owner) != side.nodes.end();
        };
        QRectF best;
        double bestScore = 1e300;
        for (const QPointF &at : candidates) {
            const QRectF box(at - QPointF(size.width() / 2, size.height() / 2), size);
            if (geometry.isPartitioned() && !side.isolated
                && !(onSide(at) && onSide(box.topLeft()) && onSide(box.topRight()) && onSide(box.bottomLeft())
                     && onSide(box.bottomRight())))
                continue;
            // Covering another label is worst: neither can be read.
            const double score = length(at - preferred) * size.height() * 0.25 + covered(box, obstacles)
                + kReadableWeight * covered(box, readable) + kOutsideWeight * outside(box, bounds);
            if (score < bestScore) {
                bestScore = score;
                best = box;
            }
        }
        if (best.isEmpty())
            best = QRectF(preferred - QPointF(size.width() / 2, size.height() / 2), size);
        readable.push_back(best);
        placed.push_back(best);
    }
    return placed;
}

QPointF ClusterCaptionLayout::placeHeadline(const ClusterLayout &layout, QSizeF size,
                                            const std::vector<QRectF> &obstacles)
{
    const QRectF bounds = layout.bounds();
    const qreal w = size.width() / 2 + 8;
    const qreal h = size.height() / 2 + 8;
    const qreal left = layout.legendShown() ? layout.legendRect().right() + 8 + w : w;
    const qreal x = layout.centre().x();
    const std::array<QPointF, 6> candidates{
        QPointF(x, bounds.height() - h),    QPointF(x, h),
        QPointF(bounds.width() - w, h),     QPointF(bounds.width() - w, bounds.height() - h),
        QPointF(left, bounds.height() - h), QPointF(left, h)};
    QPointF best = candidates.front();
    double bestScore = 1e300;
    for (const QPointF &at : candidates) {
        const QRectF box(at - QPointF(size.width() / 2, size.height() / 2), size);
        const double score = covered(box, obstacles) + kOutsideWeight * outside(box, bounds);
        if (score < bestScore - 1) {
            bestScore = score;
            best = at;
        }
    }
    return best;
}

} // namespace widgets
