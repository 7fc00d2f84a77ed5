#include "widgets/clustercaptionpainter.h"

#include "widgets/clustercaptionlayout.h"
#include "widgets/clusternetworkpainter.h"
#include "widgets/clusternodepainter.h"
#include "widgets/clusterpalette.h"
#include "widgets/networksides.h"

#include <QPainter>

#include <algorithm>

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

void ClusterCaptionPainter::paint(QPainter &painter, const ClusterScene &scene, const ClusterNodePainter &nodes)
{
    if (!scene.sim.network().hasFaults())
        return;
    const std::vector<NetworkSide> sides = NetworkSides::of(scene.sim);
    if (sides.empty())
        return;
    const ClusterLayout &l = scene.layout;
    // Placing the labels takes a search: do it again only when what they say, or the
    // picture under them, changed.
    QString key = QStringLiteral("%1 %2 %3 %4 %5 %6")
                      .arg(ClusterNetworkPainter::signature(scene.sim, l.nodes()))
                      .arg(l.bounds().width())
                      .arg(l.bounds().height())
                      .arg(l.radius())
                      .arg(l.centre().x())
                      .arg(l.centre().y());
    for (const NetworkSide &side : sides)
        key += QLatin1Char('|') + NetworkSides::tag(side, l.nodes()) + QLatin1Char('/')
            + NetworkSides::leaderNote(side);
    if (key != m_key) {
        m_key = key;
        place(scene, nodes);
    }
    for (const Tag &tag : m_tags) {
        if (tag.quorum)
            paintCaption(painter, scene, tag.title, tag.note, tag.box.center(), ClusterPalette::plate(),
                         ClusterPalette::ink());
        else
            paintCaption(painter, scene, tag.title, tag.note, tag.box.center(), ClusterPalette::noQuorumFill(),
                         ClusterPalette::onDark());
    }
    if (!m_headline.isEmpty())
        paintCaption(painter, scene, m_headline, QString(), m_headlineAt, ClusterPalette::headlineFill(),
                     ClusterPalette::ink());
}

void ClusterCaptionPainter::place(const ClusterScene &scene, const ClusterNodePainter &nodes)
{
    const ClusterLayout &l = scene.layout;
    const std::vector<NetworkSide> sides = NetworkSides::of(scene.sim);
    // What the captions should not cover: the discs, the servers' labels, the legend;
    // and, worse, the link badges.
    std::vector<QRectF> obstacles;
    for (raft::NodeId id = 1; id <= l.nodes(); ++id) {
        obstacles.push_back(l.discBox(id));
        const QRectF label = nodes.labelRect(id);
        if (!label.isEmpty())
            obstacles.push_back(label);
    }
    if (l.legendShown())
        obstacles.push_back(l.legendRect());
    std::vector<QRectF> readable;
    const raft::Network &network = scene.sim.network();
    for (raft::NodeId from = 1; from <= l.nodes(); ++from)
        for (raft::NodeId to = 1; to <= l.nodes(); ++to)
            if (from != to && network.link(from, to))
                readable.push_back(ClusterNetworkPainter::badgeBox(scene, from, to));

    m_tags.clear();
    std::vector<ClusterCaptionLayout::Side> places;
    for (const NetworkSide &side : sides) {
        Tag tag;
        tag.title = NetworkSides::tag(side, l.nodes());
        // Level of detail: a small picture gets the verdict without the note.
        tag.note = l.radius() >= kNoteRadius ? NetworkSides::leaderNote(side) : QString();
        tag.quorum = side.quorum;
        places.push_back({side.nodes, side.isolated, captionSize(scene, tag.title, tag.note)});
        m_tags.push_back(tag);
    }
    const std::vector<QRectF> boxes = ClusterCaptionLayout::placeSides(scene.network, places, obstacles, readable);
    for (std::size_t i = 0; i < m_tags.size(); ++i)
        m_tags[i].box = boxes[i];

    m_headline = NetworkSides::headline(sides);
    if (!m_headline.isEmpty()) {
        // The headline goes to the edge of the view where it hides the least.
        obstacles.insert(obstacles.end(), readable.begin(), readable.end());
        obstacles.insert(obstacles.end(), boxes.begin(), boxes.end());
        m_headlineAt = ClusterCaptionLayout::placeHeadline(l, captionSize(scene, m_headline, QString()), obstacles);
    }
}

} // namespace widgets
