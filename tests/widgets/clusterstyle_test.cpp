// ClusterView's style: the text scale, presentation mode (no text under 24 px at
// 1920×1080), the mark of the servers that acted in the last step, and the legend
// that shows at any size.
//
// How text sizes are measured: every painter of the cluster picture (the fonts of
// ClusterText, the legend, the entry count on an AppendEntries, the empty view)
// reports the font of each text it draws to ClusterText::noteDrawn at the moment it
// draws it; a ClusterText::Probe collects those pixel sizes while a fresh view paints
// a frame (fresh, so that every cached pixmap with text in it is painted then too).
#include "raft/simulation.h"
#include "slowcluster.h"
#include "widgets/clusterlegend.h"
#include "widgets/clustermessages.h"
#include "widgets/clusterpalette.h"
#include "widgets/clustertext.h"
#include "widgets/clusterview.h"

#include <QDir>
#include <QImage>
#include <QLineF>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

using widgets::ClusterLayout;
using widgets::ClusterPalette;
using widgets::ClusterText;
using widgets::ClusterView;

namespace {

raft::ClusterConfig config(int nodes)
{
    return testing_widgets::slowConfig(nodes, 5);
}

void saveScreenshot(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("RAFTVIZ_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(name));
}

/// Scene is one of the pictures whose texts are measured.
enum class Scene { Election, Replication, Partition, Held };

/// stage brings sim to a moment that shows the texts of `scene`.
void stage(raft::Simulation &sim, Scene scene)
{
    switch (scene) {
    case Scene::Election:
        // A candidate with its tally, messages in flight.
        ASSERT_TRUE(sim.timeout(1));
        sim.runFor(raft::fromMs(200));
        break;
    case Scene::Replication: {
        ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(60'000)));
        const raft::NodeId leader = *sim.leader();
        for (int i = 0; i < 12; ++i)
            (void)sim.request(leader, "set x " + std::to_string(i));
        if (sim.size() > 1) {
            // A link with its own conditions carries a badge.
            raft::LinkConditions lossy = sim.network().conditions(leader, leader % sim.size() + 1);
            lossy.loss = 0.2;
            ASSERT_TRUE(sim.setLinkConditions(leader, leader % sim.size() + 1, lossy));
        }
        sim.runFor(raft::fromMs(150));
        break;
    }
    case Scene::Partition: {
        ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(60'000)));
        // Three sides, none with a quorum: side captions and the headline.
        std::vector<std::vector<raft::NodeId>> groups(3);
        for (raft::NodeId id = 1; id <= sim.size(); ++id)
            groups[static_cast<std::size_t>((id - 1) % 3)].push_back(id);
        groups.erase(std::remove_if(groups.begin(), groups.end(), [](const auto &g) { return g.empty(); }),
                     groups.end());
        if (groups.size() > 1) {
            ASSERT_TRUE(sim.partition(groups));
        }
        sim.runFor(raft::fromMs(700));
        break;
    }
    case Scene::Held:
        ASSERT_TRUE(sim.setHold(true));
        ASSERT_TRUE(sim.timeout(1));
        sim.runFor(raft::fromMs(600));
        break;
    }
}

/// smallestText paints a fresh view of `size` showing sim and returns the smallest
/// text drawn (0 if none was) and how many texts were drawn.
std::pair<int, std::size_t> smallestText(const raft::Simulation &sim, QSize size, bool presentation, double scale,
                                         const QString &shot = {})
{
    ClusterView view;
    view.resize(size);
    view.setTextScale(scale);
    view.setPresentation(presentation);
    view.setSimulation(&sim);
    view.setActingNodes({1});
    ClusterText::Probe probe;
    const QImage image = view.grab().toImage();
    if (!shot.isEmpty())
        saveScreenshot(image, shot);
    view.setPresentation(false);
    const std::vector<int> &sizes = probe.sizes();
    if (sizes.empty())
        return {0, 0};
    return {*std::min_element(sizes.begin(), sizes.end()), sizes.size()};
}

/// coversDisc tells whether box covers part of the disc drawn in discBox (a circle,
/// not its box: the corners of a disc's box are free space).
bool coversDisc(const QRectF &box, const QRectF &discBox)
{
    const QPointF centre = discBox.center();
    const QPointF nearest(std::clamp(centre.x(), box.left(), box.right()),
                          std::clamp(centre.y(), box.top(), box.bottom()));
    return std::hypot(nearest.x() - centre.x(), nearest.y() - centre.y()) < discBox.width() / 2;
}

} // namespace

TEST(ClusterStyle, PresentationDrawsNoTextUnder24PixelsAt1920x1080)
{
    // The whole screen, and the cluster pane of a presentation window (the lesson
    // bar and the log grid take the rest of the height: 434 px with a lesson open and
    // five servers' logs at 24 px; there the legend cannot be read and is left out).
    for (const QSize size : {QSize(1920, 1080), QSize(1920, 640), QSize(1920, 434)}) {
        for (const int nodes : {1, 3, 5, 9}) {
            for (const Scene scene : {Scene::Election, Scene::Replication, Scene::Partition, Scene::Held}) {
                raft::Simulation sim(config(nodes));
                stage(sim, scene);
                const QString shot = QStringLiteral("presentation-%1x%2-%3-%4.png")
                                         .arg(size.width())
                                         .arg(size.height())
                                         .arg(nodes)
                                         .arg(static_cast<int>(scene));
                const auto [smallest, count] = smallestText(sim, size, true, 1.0, shot);
                const std::string at = std::to_string(size.width()) + "x" + std::to_string(size.height()) + ", "
                    + std::to_string(nodes) + " servers, scene " + std::to_string(static_cast<int>(scene));
                EXPECT_GT(count, size.height() > 600 ? 20u : 2u)
                    << at << ": the legend, the labels and the discs have text";
                EXPECT_GE(smallest, ClusterLayout::kPresentationText) << at;
            }
        }
    }
    EXPECT_FALSE(ClusterPalette::isHighContrast()) << "leaving presentation mode restores the palette";
}

TEST(ClusterStyle, TextScaleEnlargesEveryText)
{
    raft::Simulation sim(config(5));
    stage(sim, Scene::Election);
    const auto [normal, normalCount] = smallestText(sim, {1280, 720}, false, 1.0);
    const auto [large, largeCount] = smallestText(sim, {1280, 720}, false, 2.0);
    ASSERT_GT(normalCount, 0u);
    ASSERT_GT(largeCount, 0u);
    EXPECT_GE(normal, 10) << "no text under 10 px at 100%";
    EXPECT_GE(large, 20) << "no text under 20 px at 200%";
}

TEST(ClusterStyle, TextScaleIsClampedAndMakesRoomForLargerLabels)
{
    raft::Simulation sim(config(5));
    ClusterView view;
    view.resize(1280, 720);
    view.setSimulation(&sim);
    view.setLegendVisible(false);
    const QSizeF normal = view.clusterLayout().reservedLabelSize();
    view.setTextScale(9);
    EXPECT_DOUBLE_EQ(view.textScale(), ClusterLayout::kMaxTextScale);
    const QSizeF large = view.clusterLayout().reservedLabelSize();
    EXPECT_GT(large.height(), normal.height() * 1.5);
    // The larger labels still fit the widget and keep off the other discs.
    const ClusterLayout &l = view.clusterLayout();
    for (raft::NodeId id = 1; id <= 5; ++id) {
        const QRectF label = l.labelBox(id, l.reservedLabelSize());
        EXPECT_TRUE(l.bounds().adjusted(-1, -1, 1, 1).contains(label)) << "S" << id;
        for (raft::NodeId other = 1; other <= 5; ++other)
            EXPECT_FALSE(label.intersects(l.discBox(other).adjusted(2, 2, -2, -2))) << "S" << id << " over S" << other;
    }
    view.setTextScale(0.2);
    EXPECT_DOUBLE_EQ(view.textScale(), ClusterLayout::kMinTextScale);
}

TEST(ClusterStyle, PresentationHasLargerDiscsAndTheHighContrastPalette)
{
    raft::Simulation sim(config(5));
    ClusterView view;
    view.resize(1920, 1080);
    view.setSimulation(&sim);
    // (Without the legend, whose larger text takes room beside the ring.)
    view.setLegendVisible(false);
    const qreal normal = view.nodeRadius();
    const QColor normalBackground = ClusterPalette::background();
    view.setPresentation(true);
    EXPECT_TRUE(view.isPresentation());
    EXPECT_TRUE(ClusterPalette::isHighContrast());
    // At full screen the discs are already large (the labels' room bounds them); in a
    // pane they keep their size while every text grows to at least 24 px.
    EXPECT_GE(view.nodeRadius(), normal * 0.95);
    EXPECT_GE(view.clusterLayout().labelMetrics().smallPixels, ClusterLayout::kPresentationText);
    EXPECT_NE(ClusterPalette::background(), normalBackground);
    // The high-contrast ink is darker against a lighter background.
    EXPECT_LT(ClusterPalette::ink().lightness(), 10);
    view.setPresentation(false);
    EXPECT_FALSE(ClusterPalette::isHighContrast());
    EXPECT_EQ(ClusterPalette::background(), normalBackground);
}

TEST(ClusterStyle, ActingServersAreMarkedWithoutTouchingTheSelection)
{
    raft::Simulation sim(config(3));
    ClusterView view;
    view.resize(900, 600);
    view.setSimulation(&sim);
    view.setLegendVisible(false);
    view.setSelectedNode(2);
    const QImage before = view.grab().toImage();
    view.setActingNodes({3, 0, 42});
    EXPECT_EQ(view.actingNodes(), std::vector<raft::NodeId>{3});
    EXPECT_EQ(view.selectedNode(), 2) << "marking the acting server leaves the selection alone";
    EXPECT_EQ(view.selectedNodes(), std::vector<raft::NodeId>{2});
    const QImage after = view.grab().toImage();
    // The mark is drawn around S3, in the acting colour, just outside its drawing.
    const ClusterLayout &l = view.clusterLayout();
    const QPointF c = l.nodeCentre(3);
    const qreal reach = l.outer() + l.radius() * 0.3;
    const QRect around = QRectF(c - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach)).toAlignedRect();
    EXPECT_NE(before.copy(around), after.copy(around));
    int acting = 0;
    const QColor colour = ClusterPalette::acting();
    for (int y = around.top(); y <= around.bottom(); ++y)
        for (int x = around.left(); x <= around.right(); ++x)
            if (after.rect().contains(x, y) && after.pixelColor(x, y) == colour)
                ++acting;
    EXPECT_GT(acting, 30);
    // Not around the others.
    for (const raft::NodeId other : {1, 2}) {
        const QPointF o = l.nodeCentre(other);
        const QRect box = QRectF(o - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach)).toAlignedRect();
        int marked = 0;
        for (int y = box.top(); y <= box.bottom(); ++y)
            for (int x = box.left(); x <= box.right(); ++x)
                if (after.rect().contains(x, y) && std::hypot(x - o.x(), y - o.y()) < reach
                    && after.pixelColor(x, y) == colour)
                    ++marked;
        EXPECT_EQ(marked, 0) << "S" << other;
    }
    view.setActingNodes({});
    EXPECT_TRUE(view.actingNodes().empty());
}

TEST(ClusterStyle, LegendShowsAtAnySizeAndSaysWhenItToggles)
{
    raft::Simulation sim(config(5));
    ClusterView view;
    QSignalSpy spy(&view, &ClusterView::legendVisibilityChanged);
    view.setSimulation(&sim);
    for (const QSize size : {QSize(320, 240), QSize(640, 360), QSize(775, 420), QSize(1920, 1080)}) {
        view.resize(size);
        EXPECT_TRUE(view.clusterLayout().legendShown()) << size.width() << "x" << size.height();
        const QRectF legend = view.clusterLayout().legendRect();
        EXPECT_TRUE(view.clusterLayout().bounds().contains(legend))
            << size.width() << "x" << size.height() << ": legend " << legend.width() << "x" << legend.height();
    }
    view.setLegendVisible(false);
    view.setLegendVisible(false);
    view.setLegendVisible(true);
    ASSERT_EQ(spy.count(), 2) << "one signal per change";
    EXPECT_FALSE(spy.at(0).at(0).toBool());
    EXPECT_TRUE(spy.at(1).at(0).toBool());
}

TEST(ClusterStyle, LegendNamesTheRedOfTheTimerAndOfLostMessages)
{
    // The timer running out and the ✗ of a lost message are one red, and the legend
    // paints that red.
    EXPECT_EQ(ClusterPalette::timerColour(0.1, false), ClusterPalette::timerRunningOut());
    EXPECT_EQ(ClusterPalette::timerRunningOut(), ClusterPalette::cutLink());
    EXPECT_NE(ClusterPalette::timerColour(0.9, false), ClusterPalette::timerRunningOut());
    const QColor red = ClusterPalette::cutLink();
    EXPECT_GT(red.red(), 2 * red.green()) << "red, not orange";
    const QImage legend = widgets::ClusterLegend::render(1.0, 1.0, 1).toImage();
    int redPixels = 0;
    for (int y = 0; y < legend.height(); ++y)
        for (int x = 0; x < legend.width(); ++x)
            if (legend.pixelColor(x, y) == red)
                ++redPixels;
    EXPECT_GT(redPixels, 20);
}

TEST(ClusterStyle, BannersLabelsDiscsAndMessagesNeverOverlapFrom1024x768To3840x2160)
{
    // A broken network with every banner (the headline, one verdict per side, hold
    // mode) and messages in flight and waiting: each thing's box keeps off the others.
    const std::vector<QSize> sizes{{1024, 768}, {1280, 720}, {1366, 768}, {1920, 1080}, {2560, 1440}, {3840, 2160}};
    for (const bool presentation : {false, true}) {
        for (int nodes = 1; nodes <= raft::kMaxNodes; ++nodes) {
            raft::Simulation sim(config(nodes));
            stage(sim, Scene::Partition);
            ASSERT_TRUE(sim.setHold(true));
            // An election on a side: RequestVotes in flight, and held at doors.
            for (raft::NodeId id = 1; id <= nodes; ++id)
                if (sim.role(id) != raft::Role::Leader && sim.timeout(id))
                    break;
            sim.runFor(raft::fromMs(450));
            // A candidate that times out again and again behind held messages: its
            // RequestVotes queue at the doors of its side (S1 and S4 share one) past
            // ClusterMessages::kStackShown and pile up.
            if (nodes >= 4) {
                const raft::NodeId candidate = sim.role(1) == raft::Role::Leader ? 4 : 1;
                for (int i = 0; i < 7; ++i) {
                    ASSERT_TRUE(sim.timeout(candidate));
                    sim.runFor(raft::fromMs(30));
                }
                sim.runFor(raft::fromMs(420)); // every message of this config flies 400 ms
            }
            for (const QSize size : sizes) {
                ClusterView view;
                view.resize(size);
                view.setPresentation(presentation);
                view.setSimulation(&sim);
                const ClusterLayout &l = view.clusterLayout();
                const std::string at = std::to_string(size.width()) + "x" + std::to_string(size.height()) + ", "
                    + std::to_string(nodes) + " servers" + (presentation ? ", presentation" : "");
                const std::vector<QRectF> &banners = l.bannerBoxes();
                EXPECT_GE(banners.size(), nodes >= 2 ? 4u : 1u) << at << ": headline, sides and hold";
                std::vector<QRectF> discs;
                std::vector<QRectF> labels;
                for (raft::NodeId id = 1; id <= nodes; ++id) {
                    discs.push_back(l.discBox(id));
                    labels.push_back(l.labelBox(id, l.reservedLabelSize()));
                }
                std::vector<QRectF> messages;
                const qreal m = l.messageSize();
                for (const raft::Envelope *envelope : sim.network().envelopes())
                    if (const auto pos = view.messagePosition(envelope->id))
                        messages.emplace_back(*pos - QPointF(m * 0.7, m * 0.7), QSizeF(m * 1.4, m * 1.4));
                EXPECT_TRUE(nodes == 1 || !messages.empty()) << at;
                for (std::size_t i = 0; i < banners.size(); ++i) {
                    const QRectF &banner = banners[i];
                    EXPECT_TRUE(l.bounds().contains(banner)) << at << ": banner " << i;
                    for (std::size_t j = 0; j < i; ++j)
                        EXPECT_FALSE(banner.intersects(banners[j])) << at << ": banners " << i << " and " << j;
                    for (std::size_t k = 0; k < discs.size(); ++k) {
                        EXPECT_FALSE(banner.intersects(discs[k])) << at << ": banner " << i << " over S" << k + 1;
                        EXPECT_FALSE(banner.intersects(labels[k]))
                            << at << ": banner " << i << " over S" << k + 1 << "'s label";
                    }
                    for (const QRectF &message : messages)
                        EXPECT_FALSE(banner.intersects(message)) << at << ": banner " << i << " over a message";
                    if (l.legendShown() && !l.legendOverlaid()) {
                        EXPECT_FALSE(banner.intersects(l.legendRect())) << at << ": banner " << i << " over the legend";
                    }
                }
                for (std::size_t k = 0; k < labels.size(); ++k)
                    for (const QRectF &message : messages)
                        EXPECT_FALSE(labels[k].intersects(message))
                            << at << ": a message over S" << k + 1 << "'s label";
                // A long queue at a door piles up, counted "+N": the count keeps off
                // every disc, label and banner, and the pile stays on the receiver's
                // half of its lane, off the sender's disc.
                const std::vector<QRectF> stacks = view.heldCountBoxes();
                EXPECT_TRUE(nodes < 4 || !stacks.empty()) << at << ": a door with a long queue";
                for (const QRectF &stack : stacks) {
                    for (std::size_t k = 0; k < discs.size(); ++k) {
                        EXPECT_FALSE(coversDisc(stack, discs[k])) << at << ": a +N stack over S" << k + 1;
                        EXPECT_FALSE(stack.intersects(labels[k])) << at << ": a +N stack over S" << k + 1 << "'s label";
                    }
                    for (const QRectF &banner : banners)
                        EXPECT_FALSE(stack.intersects(banner)) << at << ": a banner over a +N stack";
                }
                for (raft::NodeId from = 1; from <= nodes; ++from)
                    for (raft::NodeId to = 1; to <= nodes; ++to) {
                        if (from == to)
                            continue;
                        const ClusterLayout::Lane lane = l.lane(from, to);
                        const QPointF pile = l.doorQueue(from, to, widgets::ClusterMessages::kStackShown - 1);
                        const qreal shortest = ClusterLayout::kQueuePlaces * ClusterLayout::kQueueMinSpacing
                            * l.messageSize();
                        EXPECT_LE(QLineF(pile, lane.end).length(),
                                  std::max(QLineF(lane.start, lane.end).length() / 2, shortest) + 0.01)
                            << at << ": the pile at S" << to << "'s door from S" << from
                            << " reaches past half its lane";
                    }
            }
        }
    }
}
