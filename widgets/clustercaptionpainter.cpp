#include "widgets/clustercaptionpainter.h"

#include "widgets/clusternetworkpainter.h"
#include "widgets/clusternodepainter.h"
#include "widgets/clusterpalette.h"
#include "widgets/networksides.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

qreal captionPad(const ClusterLayout &layout)
{
    return std::max<qreal>(4, layout.radius() * 0.12);
}

} // namespace

QSizeF ClusterCaptionPainter::captionSize(const ClusterScene &scene, const QString &title, const QString &note)
{
    const qreal pad = captionPad(scene.layout);
    const QSizeF titleSize = scene.text.size(ClusterText::Font::SmallBold, title);
    const QSizeF noteSize = note.isEmpty() ? QSizeF() : scene.text.size(ClusterText::Font::Small, note);
    return {std::max(titleSize.width(), noteSize.width()) + 2 * pad, titleSize.height() + noteSize.height() + pad};
}

void ClusterCaptionPainter::paintCaption(QPainter &painter, const ClusterScene &scene, const QString &title,
                                         const QString &note, QPointF centre, const QColor &fill, const QColor &ink)
{
    const ClusterLayout &l = scene.layout;
    const QSizeF titleSize = scene.text.size(ClusterText::Font::SmallBold, title);
    const qreal pad = captionPad(l);
    const QRectF box = l.captionBox(centre, captionSize(scene, title, note));
    painter.setPen(QPen(ink, std::max<qreal>(1.0, l.radius() * 0.04)));
    painter.setBrush(fill);
    painter.drawRoundedRect(box, pad, pad);
    const qreal x = box.center().x();
    scene.text.draw(painter, ClusterText::Font::SmallBold, title,
                    QPointF(x, box.top() + pad / 2 + titleSize.height() / 2), ink);
    if (!note.isEmpty()) {
        const QSizeF noteSize = scene.text.size(ClusterText::Font::Small, note);
        scene.text.draw(painter, ClusterText::Font::Small, note,
                        QPointF(x, box.top() + pad / 2 + titleSize.height() + noteSize.height() / 2), ink);
    }
}

std::vector<ClusterCaptionPainter::Banner> ClusterCaptionPainter::banners(const raft::Simulation &sim, bool notes)
{
    std::vector<Banner> list;
    if (sim.network().hasFaults()) {
        const std::vector<NetworkSide> sides = NetworkSides::of(sim);
        const QString headline = NetworkSides::headline(sides);
        if (!headline.isEmpty())
            list.push_back({Banner::Kind::Headline, headline, QString()});
        for (const NetworkSide &side : sides) {
            // Away from its side, a verdict names the side's servers.
            const QString title = QStringLiteral("%1 · %2").arg(NetworkSides::nodeList(side.nodes),
                                                                NetworkSides::tag(side, NetworkSides::voters(sim)));
            list.push_back({side.quorum ? Banner::Kind::Quorum : Banner::Kind::NoQuorum, title,
                            notes ? NetworkSides::leaderNote(side) : QString()});
        }
    }
    if (sim.network().isHolding())
        list.push_back({Banner::Kind::Hold, tr("Hold: messages wait for manual delivery"), QString()});
    return list;
}

QSizeF ClusterCaptionPainter::bannerSize(ClusterText &text, qreal r, const Banner &banner)
{
    const qreal pad = std::max<qreal>(4, r * 0.12);
    const QSizeF titleSize = text.size(ClusterText::Font::SmallBold, banner.title);
    const QSizeF noteSize = banner.note.isEmpty() ? QSizeF() : text.size(ClusterText::Font::Small, banner.note);
    return {std::ceil(std::max(titleSize.width(), noteSize.width()) + 2 * pad),
            std::ceil(titleSize.height() + noteSize.height() + pad)};
}

void ClusterCaptionPainter::paint(QPainter &painter, const ClusterScene &scene, const ClusterNodePainter &)
{
    const ClusterLayout &l = scene.layout;
    const std::vector<QRectF> &boxes = l.bannerBoxes();
    if (boxes.empty())
        return;
    m_banners = banners(scene.sim, true);
    for (std::size_t i = 0; i < m_banners.size() && i < boxes.size(); ++i) {
        Banner &banner = m_banners[i];
        // Level of detail: the note goes when the band made no room for it.
        if (!banner.note.isEmpty() && bannerSize(scene.text, l.radius(), banner).height() > boxes[i].height() + 1)
            banner.note.clear();
        const QPointF centre = boxes[i].center();
        switch (banner.kind) {
        case Banner::Kind::Quorum:
            paintCaption(painter, scene, banner.title, banner.note, centre, ClusterPalette::plate(),
                         ClusterPalette::ink());
            break;
        case Banner::Kind::NoQuorum:
            paintCaption(painter, scene, banner.title, banner.note, centre, ClusterPalette::noQuorumFill(),
                         ClusterPalette::onDark());
            break;
        case Banner::Kind::Headline:
            paintCaption(painter, scene, banner.title, banner.note, centre, ClusterPalette::headlineFill(),
                         ClusterPalette::ink());
            break;
        case Banner::Kind::Hold:
            paintCaption(painter, scene, banner.title, banner.note, centre, ClusterPalette::plate(),
                         ClusterPalette::mutedInk());
            break;
        }
    }
}

} // namespace widgets
