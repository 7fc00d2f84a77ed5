#include "widgets/clusterview.h"
#include "widgets/simulationsource.h"

#include "widgets/clusterlegend.h"
#include "widgets/clusterpalette.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QPaintEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace widgets {

ClusterView::ClusterView(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true); // hovering highlights links
    setFocusPolicy(Qt::StrongFocus);
    setContextMenuPolicy(Qt::DefaultContextMenu);
    setToolTip(QString()); // tool tips come from event()
    // Touch screens and whiteboards: a pinch zooms (a long press is a held mouse press).
    setAttribute(Qt::WA_AcceptTouchEvents);
    grabGesture(Qt::PinchGesture);
    m_longPress.setSingleShot(true);
    connect(&m_longPress, &QTimer::timeout, this, &ClusterView::longPressed);
}

ClusterView::~ClusterView() = default;

QSize ClusterView::sizeHint() const
{
    return {960, 640};
}

QSize ClusterView::minimumSizeHint() const
{
    return {240, 180};
}

// --- state ---

void ClusterView::setSimulation(const raft::Simulation *simulation)
{
    m_simulation = simulation;
    m_selectedNode = raft::kNoNode;
    m_selected = {};
    m_selectedMessage = 0;
    m_drag.cancel();
    m_hoverLink.reset();
    m_quickNode = raft::kNoNode;
    m_quickShown = false;
    m_quickOpacity = 0;
    m_longPress.stop();
    m_displayTime = simulation ? static_cast<double>(simulation->now()) : 0.0;
    invalidateLayout();
    update();
}

void ClusterView::setDisplayTime(double ticks)
{
    m_displayTime = ticks;
    followMembership();
    requestFrame();
}

void ClusterView::setSelectedNode(raft::NodeId id)
{
    std::array<bool, raft::kMaxNodes + 1> selected{};
    if (id >= 1 && id <= raft::kMaxNodes)
        selected[static_cast<std::size_t>(id)] = true;
    else
        id = raft::kNoNode;
    if (m_selectedNode == id && m_selectedMessage == 0 && m_selected == selected)
        return;
    m_selectedNode = id;
    m_selected = selected;
    m_selectedMessage = 0;
    update();
}

void ClusterView::setSelectedMessage(std::uint64_t id)
{
    if (m_selectedMessage == id && m_selectedNode == raft::kNoNode)
        return;
    m_selectedMessage = id;
    m_selectedNode = raft::kNoNode;
    m_selected = {};
    update();
}

std::vector<raft::NodeId> ClusterView::selectedNodes() const
{
    std::vector<raft::NodeId> nodes;
    for (raft::NodeId id = 1; id <= raft::kMaxNodes; ++id)
        if (m_selected[static_cast<std::size_t>(id)])
            nodes.push_back(id);
    return nodes;
}

void ClusterView::setSelectedNodes(const std::vector<raft::NodeId> &nodes)
{
    m_selected = {};
    m_selectedNode = raft::kNoNode;
    for (const raft::NodeId id : nodes) {
        if (id < 1 || id > raft::kMaxNodes)
            continue;
        m_selected[static_cast<std::size_t>(id)] = true;
        if (m_selectedNode == raft::kNoNode)
            m_selectedNode = id;
    }
    m_selectedMessage = 0;
    update();
}

bool ClusterView::canPartitionSelection() const
{
    if (!m_simulation)
        return false;
    const std::size_t count = selectedNodes().size();
    return count >= 1 && count < static_cast<std::size_t>(m_simulation->size());
}

void ClusterView::requestPartitionOfSelection()
{
    if (!canPartitionSelection())
        return;
    std::vector<raft::NodeId> rest;
    for (raft::NodeId id = 1; id <= m_simulation->size(); ++id)
        if (!m_selected[static_cast<std::size_t>(id)])
            rest.push_back(id);
    std::vector<std::vector<raft::NodeId>> groups{selectedNodes(), rest};
    if (groups[1].front() < groups[0].front())
        std::swap(groups[0], groups[1]);
    emit partitionRequested(groups);
}

void ClusterView::emitSelection()
{
    emit selectionChanged(selectedNodes());
}

void ClusterView::setLegendVisible(bool visible)
{
    if (m_legendVisible == visible)
        return;
    m_legendVisible = visible;
    invalidateLayout();
    update();
    emit legendVisibilityChanged(visible);
}

void ClusterView::setTextScale(double scale)
{
    const ClusterLayout::Style style = ClusterLayout::Style{scale, m_style.presentation}.clamped();
    if (style == m_style)
        return;
    m_style = style;
    restyle();
}

void ClusterView::setPresentation(bool on)
{
    if (on == m_style.presentation && on == ClusterPalette::isHighContrast())
        return;
    m_style.presentation = on;
    ClusterPalette::setHighContrast(on);
    restyle();
}

void ClusterView::restyle()
{
    m_overlayPainter.invalidate();
    m_text.clear();
    m_messagePainter.invalidate();
    m_nodePainter.invalidate();
    m_captionPainter.invalidate();
    m_stage.invalidate();
    m_fit.reset();
    m_builtDpr = 0; // the fonts and sprites are remade at the next paint
    invalidateLayout();
    update();
}

void ClusterView::setActingNodes(const std::vector<raft::NodeId> &nodes)
{
    std::array<bool, raft::kMaxNodes + 1> acting{};
    for (const raft::NodeId id : nodes)
        if (id >= 1 && id <= raft::kMaxNodes)
            acting[static_cast<std::size_t>(id)] = true;
    if (acting == m_acting)
        return;
    m_acting = acting;
    update();
}

std::vector<raft::NodeId> ClusterView::actingNodes() const
{
    std::vector<raft::NodeId> nodes;
    for (raft::NodeId id = 1; id <= raft::kMaxNodes; ++id)
        if (m_acting[static_cast<std::size_t>(id)])
            nodes.push_back(id);
    return nodes;
}

void ClusterView::setZoom(double factor)
{
    // About the widget's centre: the pan scales with the zoom.
    zoomAbout(clusterLayout().centre() - m_pan, factor);
}

void ClusterView::resetView()
{
    m_zoom = 1.0;
    m_pan = QPointF();
    invalidateLayout();
    update();
}

// --- geometry ---

void ClusterView::invalidateLayout()
{
    m_layoutValid = false;
    m_geometryValid = false;
    m_networkPainter.invalidate();
    m_stage.invalidate();
}

ClusterLayout::MemberLines ClusterView::memberLines() const
{
    ClusterLayout::MemberLines lines{};
    if (!m_simulation)
        return lines;
    for (raft::NodeId id = 1; id <= std::min(m_simulation->size(), raft::kMaxNodes); ++id)
        lines[static_cast<std::size_t>(id)] = m_simulation->memberState(id) != raft::MemberState::Voter
            ? ClusterLayout::kMemberLine
            : m_simulation->log(id).snapshotIndex() > 0 ? ClusterLayout::kSnapshotLine // ClusterNodePainter
                                                        : ClusterLayout::kNoLine;
    return lines;
}

void ClusterView::followMembership()
{
    // A server that leaves the voters (or joins them) gains (or loses) a line under
    // its name: the fit makes room for it, and what was drawn for the old one goes.
    if (m_fit && m_fit->memberLines != memberLines()) {
        m_fit.reset();
        invalidateLayout();
    }
}

int ClusterView::logDigits() const
{
    raft::Index longest = 0;
    if (m_simulation)
        for (raft::NodeId id = 1; id <= m_simulation->size(); ++id)
            longest = std::max(longest, m_simulation->log(id).lastIndex());
    int digits = 1;
    for (; longest >= 10; longest /= 10)
        ++digits;
    return digits;
}

const ClusterLayout &ClusterView::clusterLayout() const
{
    const int nodes = m_simulation ? std::clamp(m_simulation->size(), 0, raft::kMaxNodes) : 0;
    // (A hidden widget is resized without a resize event: compare the size too.)
    const int digits = logDigits();
    if (m_layoutValid && m_layout.nodes() == nodes && m_layout.bounds().size() == QSizeF(size())
        && m_textDigits == digits)
        return m_layout;
    // The fit (legend, disc and ring sizes) depends only on the widget's size, the
    // legend, the cluster's size and the language; zooming and panning reuse it.
    if (!m_textMetrics || m_textDigits != digits) {
        // The log line at its widest for logs of this many digits: a picture of short
        // logs has room for larger discs (and lays itself out again at 10, 100, …).
        // The member lines ClusterNodePainter writes, at their widest.
        const QString eights(digits, QLatin1Char('8'));
        const QString config = QStringLiteral("C_old,new");
        const QStringList members{tr("removed: %1 leaves it out").arg(config),
                                  tr("leaving: %1 leaves it out").arg(config), tr("spare: in no configuration"),
                                  tr("catching up %1/%2").arg(888).arg(888), tr("learner")};
        m_textMetrics = ClusterLayout::Text::measure(tr("%1 crashed").arg(QStringLiteral("S8")),
                                                     tr("log %1 · commit %2").arg(eights).arg(eights), members);
        m_textDigits = digits;
        m_fit.reset();
    }
    const ClusterLayout::Text &textMetrics = *m_textMetrics;
    // The banners along the top (a broken network's verdicts, hold mode) take a band
    // the ring keeps out of.
    std::vector<ClusterCaptionPainter::Banner> banners;
    if (m_simulation && (m_simulation->network().hasFaults() || m_simulation->network().isHolding()))
        banners = ClusterCaptionPainter::banners(*m_simulation, true);
    const ClusterLayout::MemberLines members = memberLines();
    if (!m_fit || m_fit->size != QSizeF(size()) || m_fit->legendWanted != m_legendVisible || m_fit->nodes != nodes
        || m_fit->style != m_style || banners != m_fitBanners || m_fit->memberLines != members) {
        ClusterLayout::Fit fit = ClusterLayout::fit(size(), nodes, m_legendVisible, textMetrics, &ClusterLegend::sizeAt,
                                                    m_style, {}, members);
        if (!banners.empty()) {
            // Measured with the fonts of the disc without the band: the discs only
            // shrink when the band is made, and the text with them.
            ClusterText text;
            text.setRadius(fit.radius, m_style);
            std::vector<QSizeF> sizes;
            for (ClusterCaptionPainter::Banner banner : banners) {
                if (fit.radius < ClusterCaptionPainter::kNoteRadius)
                    banner.note.clear();
                sizes.push_back(ClusterCaptionPainter::bannerSize(text, fit.radius, banner));
            }
            fit = ClusterLayout::fit(size(), nodes, m_legendVisible, textMetrics, &ClusterLegend::sizeAt, m_style,
                                     sizes, members);
        }
        m_fit = fit;
        m_fitBanners = banners;
    }
    m_layout = ClusterLayout(*m_fit, m_zoom, m_pan);
    m_layoutValid = true;
    m_geometryValid = false;
    return m_layout;
}

const ClusterNetworkGeometry &ClusterView::networkGeometry() const
{
    const ClusterLayout &l = clusterLayout();
    const ClusterNetworkGeometry::Groups groups = m_simulation
        ? ClusterNetworkGeometry::groupsOf(m_simulation->network(), l.nodes())
        : ClusterNetworkGeometry::Groups{};
    if (!m_geometryValid || groups != m_geometryGroups) {
        m_geometry = ClusterNetworkGeometry(l, groups);
        m_geometryGroups = groups;
        m_geometryValid = true;
    }
    return m_geometry;
}

QPointF ClusterView::nodeCenter(raft::NodeId id) const
{
    return clusterLayout().nodeCentre(id);
}

qreal ClusterView::nodeRadius() const
{
    return clusterLayout().radius();
}

qreal ClusterView::sidesRadius() const
{
    return clusterLayout().sidesRadius();
}

std::vector<ClusterMessages::Placed> ClusterView::placedMessages() const
{
    if (!m_simulation)
        return {};
    return ClusterMessages::inFlight(m_simulation->network(), networkGeometry(), m_displayTime);
}

std::vector<QRectF> ClusterView::heldCountBoxes() const
{
    std::vector<QRectF> boxes;
    if (!m_simulation)
        return boxes;
    const ClusterLayout &l = clusterLayout();
    const QFontMetricsF metrics(m_text.font(ClusterText::Font::Small));
    const QSizeF badge = metrics.size(0, QStringLiteral("+99"));
    for (const ClusterMessages::Stack &stack : ClusterMessages::stacks(placedMessages(), l, badge))
        boxes.push_back(ClusterMessages::countBox(stack, metrics.size(0, QStringLiteral("+%1").arg(stack.hidden))));
    return boxes;
}

std::optional<QPointF> ClusterView::messagePosition(std::uint64_t id) const
{
    return ClusterMessages::find(placedMessages(), id);
}

ClusterHit ClusterView::hitTest(QPointF pos) const
{
    if (!m_simulation)
        return {};
    return ClusterHit::at(pos, networkGeometry(), placedMessages());
}

raft::NodeId ClusterView::nodeAt(QPointF pos) const
{
    return clusterLayout().nodeAt(pos);
}

std::uint64_t ClusterView::messageAt(QPointF pos) const
{
    const std::vector<std::uint64_t> ids = ClusterHit::messagesAt(pos, clusterLayout(), placedMessages());
    return ids.empty() ? 0 : ids.front();
}

std::optional<ClusterView::Link> ClusterView::linkAt(QPointF pos) const
{
    if (!m_simulation)
        return {};
    return networkGeometry().linkAt(pos);
}

std::optional<QPointF> ClusterView::wallCrossing(raft::NodeId from, raft::NodeId to) const
{
    if (!m_simulation)
        return {};
    return networkGeometry().wallCrossing(from, to);
}

std::optional<std::vector<std::vector<raft::NodeId>>> ClusterView::dropTarget(raft::NodeId id, QPointF pos) const
{
    if (!m_simulation)
        return {};
    return networkGeometry().dropTarget(id, pos);
}

// --- painting ---

ClusterScene ClusterView::scene()
{
    return ClusterScene{.sim = *m_simulation,
                        .network = networkGeometry(),
                        .layout = clusterLayout(),
                        .text = m_text,
                        .displayTime = m_displayTime,
                        .dpr = devicePixelRatioF(),
                        .selected = m_selected,
                        .acting = m_acting,
                        .selectedMessage = m_selectedMessage};
}

void ClusterView::setAddButtonVisible(bool visible)
{
    m_addButtonVisible = visible;
    update();
}

QRectF ClusterView::addButtonRect() const
{
    if (!m_addButtonVisible || !m_simulation || m_simulation->size() >= raft::kMaxNodes)
        return {};
    const ClusterLayout &l = clusterLayout();
    const int n = l.nodes();
    if (n < 1)
        return {};
    // Halfway between the last server and S1 on the ring (S1 sits at twelve o'clock).
    const QPointF first = l.nodeCentre(1) - l.centre();
    const qreal ring = std::max<qreal>(std::hypot(first.x(), first.y()), l.radius() * 2);
    // (One or two servers leave twelve o'clock free.)
    const QPointF between = n <= 2 ? QPointF(0, -1) : ClusterLayout::direction(2 * n, static_cast<raft::NodeId>(2 * n));
    const qreal size = std::max<qreal>(10, l.radius() * 0.32);
    const QPointF c = l.centre() + between * ring;
    return QRectF(c - QPointF(size, size), QSizeF(2 * size, 2 * size));
}

void ClusterView::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    paintScene(painter);
    notePainted(event->region());
}

void ClusterView::paintScene(QPainter &painter)
{
    followMembership();
    const ClusterLayout &l = clusterLayout();
    const qreal dpr = devicePixelRatioF();
    if (m_text.setRadius(l.radius(), l.style()) || dpr != m_builtDpr) {
        // The layout changed: the sprites are remade for the new size.
        m_text.clear();
        m_messagePainter.invalidate();
        m_nodePainter.invalidate();
        m_stage.invalidate();
        m_builtDpr = dpr;
    }
    if (!m_simulation || l.nodes() == 0) {
        paintEmpty(painter);
        return;
    }
    const ClusterScene s = scene();
    // A still frame (nothing hovered or dragged) starts from the still layer: the
    // background with the discs that have no halo and, if nothing moves over it, the
    // legend. Otherwise the layers are drawn one by one, in the same order.
    const bool still = !m_hoverLink && !m_drag.isActive();
    ClusterNodePainter::NodeSet staged{};
    const bool legendStaged = still && legendIsStill(s);
    if (still) {
        for (raft::NodeId id = 1; id <= l.nodes(); ++id)
            staged[static_cast<std::size_t>(id)] = !m_selected[static_cast<std::size_t>(id)];
        m_nodePainter.prepare(s);
        m_stage.paint(painter, s, m_networkPainter, m_nodePainter, m_overlayPainter, staged, legendStaged);
    } else {
        m_networkPainter.paintBackground(painter, s);
    }

    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (m_hoverLink && !m_drag.isActive())
        ClusterNetworkPainter::paintHover(painter, s, *m_hoverLink);
    ClusterOverlayPainter::paintDropTarget(painter, s, m_drag);

    ClusterNodePainter::NodeSet banded{};
    if (m_drag.state() == ClusterDrag::State::RubberBand)
        for (raft::NodeId id = 1; id <= l.nodes(); ++id)
            banded[static_cast<std::size_t>(id)] = m_drag.band().contains(l.nodeCentre(id));
    m_nodePainter.paint(painter, s, banded, staged);

    m_captionPainter.paint(painter, s, m_nodePainter);
    ClusterNetworkPainter::paintBadges(painter, s);
    m_messagePainter.paintLost(painter, s, ClusterMessages::lost(*m_simulation, s.network, m_displayTime));
    m_messagePainter.paintInFlight(painter, s, placedMessages());
    ClusterNodePainter::paintBadges(painter, s);

    ClusterOverlayPainter::paintNotes(painter, s, m_drag);
    ClusterOverlayPainter::paintDrag(painter, s, m_drag);
    if (!legendStaged)
        m_overlayPainter.paintLegend(painter, s);
    if (const QRectF add = addButtonRect(); !add.isEmpty())
        ClusterPalette::drawAddButton(painter, add);
    paintQuickButtons(painter);
}

bool ClusterView::legendIsStill(const ClusterScene &s) const
{
    // The legend is drawn over everything else; it can lie in the still layer only
    // where nothing that changes from frame to frame is drawn: away from the sides'
    // circle (discs, timers, votes, lanes, messages, badges), the servers' labels and
    // the notes, and with no captions of a broken network.
    const ClusterLayout &l = s.layout;
    if (!l.legendShown() || m_simulation->network().hasFaults())
        return false;
    const QRectF legend = l.legendRect().adjusted(-2, -2, 2, 2);
    if (legend.intersects(ClusterNetworkPainter::reach(s)))
        return false;
    for (raft::NodeId id = 1; id <= l.nodes(); ++id)
        if (legend.intersects(l.labelBox(id, l.reservedLabelSize(id) + QSizeF(2, 2)))
            || legend.intersects(m_nodePainter.labelRect(id)))
            return false;
    for (const QRectF &note : ClusterOverlayPainter::noteBoxes(s, m_drag))
        if (legend.intersects(note))
            return false;
    return true;
}

void ClusterView::paintEmpty(QPainter &painter)
{
    painter.fillRect(rect(), ClusterPalette::background());
    painter.setPen(ClusterPalette::mutedInk());
    const QFont font = ClusterText::makeFont(m_style.minText() * 1.4, false);
    painter.setFont(font);
    ClusterText::noteDrawn(font);
    painter.drawText(rect(), Qt::AlignCenter, tr("No cluster"));
}

// --- events (the mouse and keyboard: clusterviewinput.cpp) ---

void ClusterView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidateLayout();
    m_overlayPainter.invalidate();
    m_stage.invalidate();
}

void ClusterView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        m_overlayPainter.invalidate();
        m_text.clear();
        m_nodePainter.invalidate();
        m_captionPainter.invalidate();
        m_stage.invalidate();
        m_textMetrics.reset();
        m_fit.reset();
        invalidateLayout();
        update();
    }
    QWidget::changeEvent(event);
}

void ClusterView::setSource(const SimulationSource *source)
{
    setSimulation(&source->simulation());
    setDisplayTime(source->displayTime());
    connect(source, &SimulationSource::structureChanged, this,
            [this, source] { setSimulation(&source->simulation()); });
    connect(source, &SimulationSource::advanced, this, &ClusterView::setDisplayTime);
}

} // namespace widgets
