// Breaking the network with the mouse (issue 5), offscreen: partitions by selection
// and by dragging, links that are clicked and cut one way, per-link conditions, the
// Network pane's controls and statistics.
#include "app/language.h"
#include "app/mainwindow.h"
#include "app/simulationcontroller.h"
#include "raft/simulation.h"
#include "slowcluster.h"
#include "widgets/clusterpalette.h"
#include "widgets/clusterview.h"
#include "widgets/networkpane.h"
#include "widgets/networksides.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "imagetools.h"
#include "windowfixture.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <optional>
#include <vector>

using widgets::ClusterView;
using widgets::NetworkPane;
using widgets::NetworkSides;
using Groups = std::vector<std::vector<raft::NodeId>>;

namespace {

using testing_widgets::slowConfig;

/// saveScreenshot keeps a picture for a human to look at when RAFTVIZ_SCREENSHOT_DIR is set.
void saveScreenshot(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("RAFTVIZ_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(name));
}

qreal distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

/// electLeader runs sim until it has a leader and returns it.
raft::NodeId electLeader(raft::Simulation &sim)
{
    EXPECT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(60'000)));
    return sim.leader().value_or(raft::kNoNode);
}

/// drag presses the left button at `from`, moves through the middle to `to` and releases.
void drag(QWidget *widget, QPointF from, QPointF to, Qt::KeyboardModifiers modifiers = {})
{
    QTest::mousePress(widget, Qt::LeftButton, modifiers, from.toPoint());
    QTest::mouseMove(widget, ((from * 3 + to) / 4).toPoint());
    QTest::mouseMove(widget, ((from + to) / 2).toPoint());
    QTest::mouseMove(widget, to.toPoint());
    QTest::mouseRelease(widget, Qt::LeftButton, modifiers, to.toPoint());
}

class NetworkViewTest : public ::testing::Test {
protected:
    void show(const raft::Simulation &sim, QSize size = {1280, 720})
    {
        m_view = std::make_unique<ClusterView>();
        m_view->resize(size);
        m_view->setSimulation(&sim);
        m_view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_view.get()));
    }
    /// ringCentre is the centre of the ring of servers.
    QPointF ringCentre() const
    {
        QPointF sum;
        const int n = m_view->simulation()->size();
        for (raft::NodeId id = 1; id <= n; ++id)
            sum += m_view->nodeCenter(id);
        return sum / n;
    }
    /// watch records every partitionRequested and linkClicked of the view.
    void watch()
    {
        QObject::connect(m_view.get(), &ClusterView::partitionRequested,
                         [this](const Groups &groups) { m_partitions.push_back(groups); });
        QObject::connect(m_view.get(), &ClusterView::linkClicked,
                         [this](raft::NodeId from, raft::NodeId to) { m_clicks.emplace_back(from, to); });
        QObject::connect(m_view.get(), &ClusterView::selectionChanged,
                         [this](const std::vector<raft::NodeId> &nodes) { m_selections.push_back(nodes); });
    }
    std::unique_ptr<ClusterView> m_view;
    std::vector<Groups> m_partitions;
    std::vector<ClusterView::Link> m_clicks;
    std::vector<std::vector<raft::NodeId>> m_selections;
};

} // namespace

// --- partitions by selection ---

TEST_F(NetworkViewTest, CtrlClickSelectsSeveralServersAndPartitionsThemFromTheRest)
{
    raft::Simulation sim(slowConfig(5));
    show(sim);
    watch();
    QTest::mouseClick(m_view.get(), Qt::LeftButton, Qt::ControlModifier, m_view->nodeCenter(2).toPoint());
    QTest::mouseClick(m_view.get(), Qt::LeftButton, Qt::ControlModifier, m_view->nodeCenter(4).toPoint());
    EXPECT_EQ(m_view->selectedNodes(), (std::vector<raft::NodeId>{2, 4}));
    ASSERT_FALSE(m_selections.empty());
    EXPECT_EQ(m_selections.back(), (std::vector<raft::NodeId>{2, 4}));
    // Ctrl-click again takes a server out; a plain click selects only it.
    QTest::mouseClick(m_view.get(), Qt::LeftButton, Qt::ControlModifier, m_view->nodeCenter(4).toPoint());
    EXPECT_EQ(m_view->selectedNodes(), (std::vector<raft::NodeId>{2}));
    QTest::mouseClick(m_view.get(), Qt::LeftButton, Qt::ControlModifier, m_view->nodeCenter(4).toPoint());
    EXPECT_TRUE(m_view->canPartitionSelection());

    m_view->requestPartitionOfSelection();
    ASSERT_EQ(m_partitions.size(), 1u);
    const Groups expected{{1, 3, 5}, {2, 4}};
    EXPECT_EQ(m_partitions.front(), expected);

    // Applied, the network has exactly those groups.
    ASSERT_TRUE(sim.partition(m_partitions.front()));
    const raft::Network &network = sim.network();
    EXPECT_EQ(network.groupOf(2), network.groupOf(4));
    EXPECT_EQ(network.groupOf(1), network.groupOf(3));
    EXPECT_EQ(network.groupOf(1), network.groupOf(5));
    EXPECT_NE(network.groupOf(1), network.groupOf(2));
    EXPECT_EQ(network.groups(), expected);
    EXPECT_FALSE(network.canReach(2, 3));
    EXPECT_TRUE(network.canReach(2, 4));

    // Selecting everyone (or no one) is no partition.
    m_view->setSelectedNodes({1, 2, 3, 4, 5});
    EXPECT_FALSE(m_view->canPartitionSelection());
    m_view->requestPartitionOfSelection();
    EXPECT_EQ(m_partitions.size(), 1u);
}

TEST_F(NetworkViewTest, RubberBandOnEmptySpaceSelectsTheServersInside)
{
    raft::Simulation sim(slowConfig(5));
    show(sim);
    watch();
    const qreal r = m_view->nodeRadius();
    const QPointF a = m_view->nodeCenter(1);
    const QPointF b = m_view->nodeCenter(2);
    const QPointF topLeft(std::min(a.x(), b.x()) - 1.6 * r, std::min(a.y(), b.y()) - 1.6 * r);
    const QPointF bottomRight(std::max(a.x(), b.x()) + 1.6 * r, std::max(a.y(), b.y()) + 1.6 * r);
    ASSERT_EQ(m_view->nodeAt(topLeft), raft::kNoNode);
    drag(m_view.get(), topLeft, bottomRight);
    EXPECT_EQ(m_view->selectedNodes(), (std::vector<raft::NodeId>{1, 2}));
    ASSERT_FALSE(m_selections.empty());
    EXPECT_EQ(m_selections.back(), (std::vector<raft::NodeId>{1, 2}));
    EXPECT_TRUE(m_partitions.empty()) << "selecting partitions nothing by itself";
    EXPECT_TRUE(m_clicks.empty());

    // With Ctrl the band adds to the selection.
    const QPointF c = m_view->nodeCenter(4);
    drag(m_view.get(), c + QPointF(-1.5 * r, -1.5 * r), c + QPointF(1.5 * r, 1.5 * r), Qt::ControlModifier);
    EXPECT_EQ(m_view->selectedNodes(), (std::vector<raft::NodeId>{1, 2, 4}));

    // A click on empty space clears it.
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, QPoint(3, m_view->height() - 3));
    EXPECT_TRUE(m_view->selectedNodes().empty());
}

TEST_F(NetworkViewTest, MiddleButtonOrShiftPansInsteadOfEmptySpace)
{
    raft::Simulation sim(slowConfig(5));
    show(sim);
    const QPointF before = m_view->nodeCenter(1);
    const QPoint start(m_view->width() - 20, m_view->height() - 20);
    QTest::mousePress(m_view.get(), Qt::MiddleButton, {}, start);
    QTest::mouseMove(m_view.get(), start - QPoint(60, 40));
    QTest::mouseRelease(m_view.get(), Qt::MiddleButton, {}, start - QPoint(60, 40));
    EXPECT_NEAR(m_view->nodeCenter(1).x(), before.x() - 60, 1.0);
    EXPECT_NEAR(m_view->nodeCenter(1).y(), before.y() - 40, 1.0);
    EXPECT_TRUE(m_view->selectedNodes().empty()) << "panning selects nothing";
    // Shift and the left button pan too (for a touchpad without a middle button).
    const QPointF moved = m_view->nodeCenter(1);
    drag(m_view.get(), QPointF(start), QPointF(start + QPoint(30, 10)), Qt::ShiftModifier);
    EXPECT_NEAR(m_view->nodeCenter(1).x(), moved.x() + 30, 1.0);
    EXPECT_NEAR(m_view->nodeCenter(1).y(), moved.y() + 10, 1.0);
    EXPECT_TRUE(m_view->selectedNodes().empty());
}

// --- partitions by dragging ---

TEST_F(NetworkViewTest, DraggingAServerAcrossTheWallMovesItToTheOtherSide)
{
    raft::Simulation sim(slowConfig(5));
    ASSERT_TRUE(sim.partition({{1, 2}, {3, 4, 5}}));
    show(sim);
    watch();
    // S3 dropped on S2: it joins S1 and S2.
    drag(m_view.get(), m_view->nodeCenter(3), m_view->nodeCenter(2));
    ASSERT_EQ(m_partitions.size(), 1u);
    EXPECT_EQ(m_partitions.back(), (Groups{{1, 2, 3}, {4, 5}}));
    ASSERT_TRUE(sim.partition(m_partitions.back()));
    EXPECT_EQ(sim.network().groupOf(3), sim.network().groupOf(1));

    // S5 dropped out of the circle: a side of its own.
    const QPointF far = ringCentre() + (m_view->nodeCenter(5) - ringCentre()) * 1.9;
    ASSERT_GT(distance(far, ringCentre()), m_view->sidesRadius());
    drag(m_view.get(), m_view->nodeCenter(5), far);
    ASSERT_EQ(m_partitions.size(), 2u);
    EXPECT_EQ(m_partitions.back(), (Groups{{1, 2, 3}, {4}, {5}}));

    // A drop on its own slice, or next to a server of its own side, changes nothing.
    drag(m_view.get(), m_view->nodeCenter(1), m_view->nodeCenter(1) + QPointF(m_view->nodeRadius() * 0.5, 0));
    drag(m_view.get(), m_view->nodeCenter(1), m_view->nodeCenter(2));
    EXPECT_EQ(m_partitions.size(), 2u);
    EXPECT_EQ(m_view->selectedNodes(), (std::vector<raft::NodeId>{1}));
}

TEST_F(NetworkViewTest, DraggingAServerOutOfAWholeRingCutsItOff)
{
    raft::Simulation sim(slowConfig(5));
    show(sim);
    watch();
    // Inside the ring nothing happens; out of the circle the server gets a side of its own.
    drag(m_view.get(), m_view->nodeCenter(3), m_view->nodeCenter(4));
    EXPECT_TRUE(m_partitions.empty());
    const QPointF c = m_view->nodeCenter(3);
    const QPointF away = ringCentre() + (c - ringCentre()) * 1.9;
    ASSERT_GT(distance(away, ringCentre()), m_view->sidesRadius());
    drag(m_view.get(), c, away);
    ASSERT_EQ(m_partitions.size(), 1u);
    EXPECT_EQ(m_partitions.back(), (Groups{{1, 2, 4, 5}, {3}}));
    // Dragging it back onto any other server's slice makes the ring whole again.
    ASSERT_TRUE(sim.partition(m_partitions.back()));
    drag(m_view.get(), c, m_view->nodeCenter(2));
    ASSERT_EQ(m_partitions.size(), 2u);
    EXPECT_EQ(m_partitions.back(), (Groups{{1, 2, 3, 4, 5}}));
    ASSERT_TRUE(sim.partition(m_partitions.back()));
    EXPECT_FALSE(sim.network().hasFaults()) << "one group of everyone is no partition";
}

// --- links ---

TEST_F(NetworkViewTest, ClickingALinkEmitsItsDirection)
{
    raft::Simulation sim(slowConfig(5));
    show(sim);
    watch();
    const QPointF a = m_view->nodeCenter(1);
    const QPointF b = m_view->nodeCenter(2);
    const QPointF middle = (a + b) / 2;
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, middle.toPoint());
    ASSERT_EQ(m_clicks.size(), 1u);
    EXPECT_EQ(m_clicks.back(), (ClusterView::Link{1, 2})) << "on the centre line the lower server comes first";
    // Messages keep to the right of their way: S2 -> S1 runs on the other side.
    const QPointF u = (b - a) / distance(a, b);
    const QPointF right(-u.y(), u.x());
    const qreal lane = m_view->nodeRadius() * 0.3;
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, (middle - right * lane).toPoint());
    ASSERT_EQ(m_clicks.size(), 2u);
    EXPECT_EQ(m_clicks.back(), (ClusterView::Link{2, 1}));
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, (middle + right * lane).toPoint());
    EXPECT_EQ(m_clicks.back(), (ClusterView::Link{1, 2}));
    EXPECT_TRUE(m_partitions.empty());

    // Hovering highlights it; right-click asks for its menu.
    QTest::mouseMove(m_view.get(), middle.toPoint());
    ASSERT_TRUE(m_view->hoveredLink().has_value());
    EXPECT_EQ(*m_view->hoveredLink(), (ClusterView::Link{1, 2}));
    std::optional<ClusterView::Link> menu;
    QObject::connect(m_view.get(), &ClusterView::linkContextMenuRequested,
                     [&](raft::NodeId from, raft::NodeId to, QPoint) {
                         menu = ClusterView::Link{from, to};
                     });
    QContextMenuEvent event(QContextMenuEvent::Mouse, middle.toPoint(), m_view->mapToGlobal(middle.toPoint()));
    QApplication::sendEvent(m_view.get(), &event);
    ASSERT_TRUE(menu.has_value());
    EXPECT_EQ(*menu, (ClusterView::Link{1, 2}));
    // A server is not a link.
    EXPECT_FALSE(m_view->linkAt(m_view->nodeCenter(3)).has_value());
}

TEST(NetworkLinks, OneWayCutLosesOnlyThatDirection)
{
    raft::Simulation sim(slowConfig(5, 3));
    const raft::NodeId leader = electLeader(sim);
    ASSERT_NE(leader, raft::kNoNode);
    sim.runFor(raft::fromMs(1000));
    const raft::NodeId follower = leader % 5 + 1;
    const raft::Index matchAtCut = sim.node(leader)->progress(follower).matchIndex;
    const std::size_t traceAtCut = sim.trace().size();
    const std::uint64_t droppedAtCut = sim.stats().messagesDropped;
    // The follower can hear the leader but not answer it.
    ASSERT_TRUE(sim.cut(follower, leader, false));
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(sim.request(leader, "set k" + std::to_string(i) + " " + std::to_string(i)).proposal.accepted);
        sim.runFor(raft::fromMs(600));
    }
    sim.runFor(raft::fromMs(2000));
    int cutLosses = 0;
    for (std::size_t i = traceAtCut; i < sim.trace().size(); ++i) {
        const raft::TraceEvent &event = sim.trace().events()[i];
        if (event.kind != raft::EventKind::MessageLost)
            continue;
        EXPECT_EQ(event.reason, raft::Reason::LinkCut);
        EXPECT_EQ(event.node, follower) << "only the cut direction loses messages";
        EXPECT_EQ(event.peer, leader);
        ++cutLosses;
    }
    EXPECT_GT(cutLosses, 5);
    EXPECT_EQ(sim.stats().messagesDropped - droppedAtCut, static_cast<std::uint64_t>(cutLosses));
    // Leader -> follower still works: the follower has every entry and knows them
    // committed; its answers never arrive, so the leader's matchIndex for it is stuck.
    ASSERT_EQ(sim.leader(), leader);
    EXPECT_EQ(sim.commitIndex(follower), sim.commitIndex(leader));
    EXPECT_EQ(sim.log(follower).lastIndex(), sim.log(leader).lastIndex());
    EXPECT_EQ(sim.node(leader)->progress(follower).matchIndex, matchAtCut);
    EXPECT_TRUE(sim.network().isCut(follower, leader));
    EXPECT_FALSE(sim.network().isCut(leader, follower));
}

TEST_F(NetworkViewTest, MessagesSentIntoAWallDieAtTheWall)
{
    raft::Simulation sim(slowConfig(5, 3));
    const raft::NodeId leader = electLeader(sim);
    ASSERT_NE(leader, raft::kNoNode);
    const raft::NodeId buddy = leader % 5 + 1;
    std::vector<raft::NodeId> rest;
    for (raft::NodeId id = 1; id <= 5; ++id)
        if (id != leader && id != buddy)
            rest.push_back(id);
    ASSERT_TRUE(sim.partition({{leader, buddy}, rest}));
    show(sim);
    // No wall between servers of one side; a wall where a lane leaves its side: as
    // far from the nearest server of each side (it stands in the gap between them).
    EXPECT_FALSE(m_view->wallCrossing(leader, buddy).has_value());
    for (const raft::NodeId other : rest) {
        const auto wall = m_view->wallCrossing(leader, other);
        ASSERT_TRUE(wall.has_value());
        qreal near = 1e9;
        qreal far = 1e9;
        for (raft::NodeId id = 1; id <= 5; ++id) {
            const qreal d = distance(*wall, m_view->nodeCenter(id));
            (id == leader || id == buddy ? near : far) = std::min(id == leader || id == buddy ? near : far, d);
        }
        EXPECT_NEAR(near, far, 2.0) << "S" << other;
    }
    // A heartbeat sent across flies to the wall and vanishes there.
    sim.runFor(raft::fromMs(600));
    const raft::Envelope *doomed = nullptr;
    for (const raft::Envelope *envelope : sim.network().envelopes())
        if (envelope->doomed && envelope->lossReason == raft::Reason::Partition && envelope->message.from == leader)
            doomed = envelope;
    ASSERT_NE(doomed, nullptr);
    const auto wall = m_view->wallCrossing(leader, doomed->message.to);
    ASSERT_TRUE(wall.has_value());
    m_view->setDisplayTime(static_cast<double>(doomed->lostAt) - 0.01);
    const auto at = m_view->messagePosition(doomed->id);
    ASSERT_TRUE(at.has_value());
    EXPECT_LT(distance(*at, *wall), 2.0);
}

TEST(NetworkSides, SidesWithoutAQuorumAreNamed)
{
    raft::Simulation sim(slowConfig(5));
    EXPECT_TRUE(NetworkSides::of(sim).empty()) << "a whole network has no sides";
    EXPECT_TRUE(NetworkSides::summary(sim).isEmpty());
    ASSERT_TRUE(sim.partition({{1, 2}, {3, 4, 5}}));
    auto sides = NetworkSides::of(sim);
    ASSERT_EQ(sides.size(), 2u);
    EXPECT_EQ(sides[0].nodes, (std::vector<raft::NodeId>{1, 2}));
    EXPECT_FALSE(sides[0].quorum);
    EXPECT_TRUE(sides[1].quorum);
    EXPECT_EQ(NetworkSides::tag(sides[0], 5), QStringLiteral("No quorum: 2 of 5"));
    EXPECT_EQ(NetworkSides::tag(sides[1], 5), QStringLiteral("Quorum: 3 of 5"));
    EXPECT_EQ(NetworkSides::headline(sides), QStringLiteral("No side has a leader"));
    // A crashed server does not vote: the side of three is down to two.
    ASSERT_TRUE(sim.crash(5));
    sides = NetworkSides::of(sim);
    EXPECT_FALSE(sides[1].quorum);
    EXPECT_EQ(NetworkSides::tag(sides[1], 5), QStringLiteral("No quorum: 2 of 5"));
    EXPECT_TRUE(NetworkSides::headline(sides).startsWith(QStringLiteral("No side has a quorum")));
    // An isolated server is a side of its own.
    ASSERT_TRUE(sim.heal());
    ASSERT_TRUE(sim.isolate(4));
    sides = NetworkSides::of(sim);
    ASSERT_EQ(sides.size(), 2u);
    EXPECT_EQ(sides[1].nodes, (std::vector<raft::NodeId>{4}));
    EXPECT_TRUE(sides[1].isolated);
    EXPECT_TRUE(NetworkSides::summary(sim).contains(QStringLiteral("No quorum: S4 (1 of 5)")));
}

// --- the Network pane ---

TEST(NetworkPaneTest, ChangingLossEmitsTheConfigAndRaisesDrops)
{
    raft::ClusterConfig config = slowConfig(5, 4);
    config.network.latencyMin = raft::fromMs(20);
    config.network.latencyMax = raft::fromMs(40);
    config.electionTimeoutMin = raft::fromMs(300);
    config.electionTimeoutMax = raft::fromMs(600);
    config.heartbeatInterval = raft::fromMs(100);
    raft::Simulation sim(config);
    NetworkPane pane;
    pane.setSimulation(&sim);
    std::vector<raft::NetworkConfig> emitted;
    QObject::connect(&pane, &NetworkPane::networkConfigChanged,
                     [&](const raft::NetworkConfig &c) { emitted.push_back(c); });
    auto *loss = pane.findChild<QDoubleSpinBox *>(QStringLiteral("lossSpin"));
    auto *slider = pane.findChild<QSlider *>(QStringLiteral("lossSlider"));
    ASSERT_NE(loss, nullptr);
    ASSERT_NE(slider, nullptr);
    EXPECT_EQ(loss->value(), 0.0);

    // A run without loss drops nothing.
    sim.runFor(raft::fromMs(5000));
    EXPECT_EQ(sim.stats().messagesDropped, 0u);

    loss->setValue(20.0);
    ASSERT_EQ(emitted.size(), 1u);
    EXPECT_DOUBLE_EQ(emitted.back().loss, 0.2);
    EXPECT_EQ(emitted.back().latencyMin, raft::fromMs(20));
    EXPECT_EQ(emitted.back().latencyMax, raft::fromMs(40));
    EXPECT_EQ(emitted.back().duplicate, 0.0);
    EXPECT_EQ(slider->value(), 20) << "the slider follows the box";

    ASSERT_TRUE(sim.setNetworkConfig(emitted.back()));
    EXPECT_EQ(sim.inputs().back().kind(), raft::InputKind::SetNetwork);
    sim.runFor(raft::fromMs(5000));
    const std::uint64_t dropped = sim.stats().messagesDropped;
    EXPECT_GT(dropped, 10u);
    EXPECT_NEAR(static_cast<double>(dropped) / static_cast<double>(sim.stats().messagesSent), 0.2 * 0.5, 0.1)
        << "about a fifth of the messages sent after the change";
    pane.refresh();
    auto *shown = pane.findChild<QLabel *>(QStringLiteral("statsDropped"));
    ASSERT_NE(shown, nullptr);
    EXPECT_TRUE(shown->text().startsWith(QString::number(dropped))) << shown->text().toStdString();
    EXPECT_TRUE(emitted.size() == 1u) << "refresh reports nothing";

    // The slider commits when moved by the keyboard; latency keeps min <= max.
    slider->triggerAction(QAbstractSlider::SliderPageStepAdd);
    ASSERT_EQ(emitted.size(), 2u);
    EXPECT_DOUBLE_EQ(emitted.back().loss, 0.3);
    auto *latencyMax = pane.findChild<QSpinBox *>(QStringLiteral("latencyMax"));
    auto *latencyMin = pane.findChild<QSpinBox *>(QStringLiteral("latencyMin"));
    latencyMax->setValue(10);
    EXPECT_EQ(emitted.back().latencyMax, raft::fromMs(10));
    EXPECT_EQ(emitted.back().latencyMin, raft::fromMs(10));
    EXPECT_EQ(latencyMin->value(), 10);
    EXPECT_TRUE(sim.setNetworkConfig(emitted.back()));
}

TEST(NetworkPaneTest, LinkOverrideRowRoundTrips)
{
    raft::Simulation sim(slowConfig(5));
    NetworkPane pane;
    pane.setSimulation(&sim);
    std::vector<std::tuple<raft::NodeId, raft::NodeId, std::optional<raft::LinkConditions>>> emitted;
    QObject::connect(&pane, &NetworkPane::linkConditionsChanged,
                     [&](raft::NodeId from, raft::NodeId to, const std::optional<raft::LinkConditions> &c) {
                         emitted.emplace_back(from, to, c);
                     });
    auto *table = pane.findChild<QTableWidget *>(QStringLiteral("linkTable"));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rowCount(), 0);

    pane.editLink(2, 4);
    auto *from = pane.findChild<QComboBox *>(QStringLiteral("linkFrom"));
    auto *to = pane.findChild<QComboBox *>(QStringLiteral("linkTo"));
    EXPECT_EQ(from->currentData().toInt(), 2);
    EXPECT_EQ(to->currentData().toInt(), 4);
    auto *latencyMin = pane.findChild<QSpinBox *>(QStringLiteral("linkLatencyMin"));
    EXPECT_EQ(latencyMin->value(), 400) << "the editor starts from the link's current conditions";
    latencyMin->setValue(50);
    pane.findChild<QSpinBox *>(QStringLiteral("linkLatencyMax"))->setValue(80);
    pane.findChild<QDoubleSpinBox *>(QStringLiteral("linkLoss"))->setValue(30.0);
    pane.findChild<QPushButton *>(QStringLiteral("linkSet"))->click();
    ASSERT_EQ(emitted.size(), 1u);
    const auto &[f, t, conditions] = emitted.back();
    EXPECT_EQ(f, 2);
    EXPECT_EQ(t, 4);
    ASSERT_TRUE(conditions.has_value());
    EXPECT_EQ(conditions->latencyMin, raft::fromMs(50));
    EXPECT_EQ(conditions->latencyMax, raft::fromMs(80));
    EXPECT_DOUBLE_EQ(conditions->loss, 0.3);
    EXPECT_EQ(conditions->duplicate, 0.0);

    ASSERT_TRUE(sim.setLinkConditions(f, t, conditions));
    pane.refresh();
    ASSERT_EQ(table->rowCount(), 1);
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("S2"));
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("S4"));
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("50–80 ms"));
    EXPECT_EQ(table->item(0, 3)->text(), QStringLiteral("30 %"));
    EXPECT_EQ(sim.network().conditions(2, 4).loss, 0.3);
    EXPECT_EQ(sim.network().conditions(4, 2).loss, 0.0) << "one direction only";

    // Both ways: two signals.
    pane.findChild<QCheckBox *>(QStringLiteral("linkBothWays"))->setChecked(true);
    pane.findChild<QPushButton *>(QStringLiteral("linkSet"))->click();
    ASSERT_EQ(emitted.size(), 3u);
    EXPECT_EQ(std::get<0>(emitted.back()), 4);
    EXPECT_EQ(std::get<1>(emitted.back()), 2);

    auto *remove = pane.findChild<QToolButton *>(QStringLiteral("removeLink2to4"));
    ASSERT_NE(remove, nullptr);
    remove->click();
    ASSERT_EQ(emitted.size(), 4u);
    EXPECT_EQ(std::get<0>(emitted.back()), 2);
    EXPECT_EQ(std::get<1>(emitted.back()), 4);
    EXPECT_FALSE(std::get<2>(emitted.back()).has_value());
    ASSERT_TRUE(sim.setLinkConditions(2, 4, std::nullopt));
    pane.refresh();
    EXPECT_EQ(table->rowCount(), 0);
    // The override survived a heal until removed: it is a condition, not a wall.
}

TEST(NetworkPaneTest, FaultsAreListedAndHealIsRequested)
{
    raft::Simulation sim(slowConfig(5));
    NetworkPane pane;
    pane.setSimulation(&sim);
    auto *faults = pane.findChild<QListWidget *>(QStringLiteral("faultList"));
    auto *heal = pane.findChild<QPushButton *>(QStringLiteral("healButton"));
    ASSERT_NE(faults, nullptr);
    ASSERT_NE(heal, nullptr);
    EXPECT_FALSE(heal->isEnabled());
    ASSERT_TRUE(sim.partition({{1, 2}, {3, 4, 5}}));
    ASSERT_TRUE(sim.cut(3, 4, false));
    ASSERT_TRUE(sim.cut(4, 5, true));
    pane.refresh();
    QStringList lines;
    for (int i = 0; i < faults->count(); ++i)
        lines << faults->item(i)->text();
    EXPECT_EQ(lines,
              (QStringList{QStringLiteral("Partition: S1 S2 | S3 S4 S5"), QStringLiteral("Cut one way: S3 → S4"),
                           QStringLiteral("Cut both ways: S4 ↔ S5")}));
    EXPECT_TRUE(heal->isEnabled());
    auto *quorum = pane.findChild<QLabel *>(QStringLiteral("quorumLabel"));
    EXPECT_TRUE(quorum->text().contains(QStringLiteral("No quorum: S1 S2 (2 of 5)"))) << quorum->text().toStdString();
    int heals = 0;
    QObject::connect(&pane, &NetworkPane::healRequested, [&] { ++heals; });
    heal->click();
    EXPECT_EQ(heals, 1);
    ASSERT_TRUE(sim.heal());
    pane.refresh();
    EXPECT_FALSE(heal->isEnabled());
    ASSERT_EQ(faults->count(), 1);
    EXPECT_TRUE(faults->item(0)->text().startsWith(QStringLiteral("No faults")));
}

TEST(NetworkPaneTest, RefreshLeavesAFieldBeingEditedAlone)
{
    raft::Simulation sim(slowConfig(5));
    NetworkPane pane;
    pane.setSimulation(&sim);
    pane.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&pane));
    auto *latencyMin = pane.findChild<QSpinBox *>(QStringLiteral("latencyMin"));
    latencyMin->setFocus();
    QApplication::processEvents();
    ASSERT_TRUE(latencyMin->hasFocus());
    raft::NetworkConfig changed = sim.network().config();
    changed.latencyMin = raft::fromMs(100);
    changed.latencyMax = raft::fromMs(500);
    ASSERT_TRUE(sim.setNetworkConfig(changed));
    pane.refresh();
    EXPECT_EQ(latencyMin->value(), 400) << "the user is typing there";
    EXPECT_EQ(pane.findChild<QSpinBox *>(QStringLiteral("latencyMax"))->value(), 500);
    latencyMin->clearFocus();
    pane.refresh();
    EXPECT_EQ(latencyMin->value(), 100);
}

TEST_F(NetworkViewTest, PartitionWallCutAndBadgeAreDrawn)
{
    raft::Simulation sim(slowConfig(5));
    ASSERT_TRUE(sim.timeout(1));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader() == raft::NodeId{1}; }, raft::fromMs(60'000)));
    sim.runFor(raft::fromMs(1000));
    show(sim);
    m_view->setLegendVisible(false); // its glyphs use the same colours
    const QImage whole = render(*m_view);
    // (Antialiased dark text hits the wall's colour in a few hundred pixels; a wall
    // takes well over a thousand.)
    EXPECT_LT(countColour(whole, widgets::ClusterPalette::wall()), 500) << "no wall before the partition";

    EXPECT_TRUE(sim.partition({{1, 2}, {3, 4, 5}}));
    EXPECT_TRUE(sim.cut(3, 4, false));
    raft::LinkConditions flaky = sim.network().config();
    flaky.loss = 0.2;
    EXPECT_TRUE(sim.setLinkConditions(4, 5, flaky));
    sim.runFor(raft::fromMs(650));
    m_view->setDisplayTime(static_cast<double>(sim.now()) + 0.5);
    const QImage image = render(*m_view);
    saveScreenshot(image, QStringLiteral("network-partition.png"));
    EXPECT_GT(countColour(image, widgets::ClusterPalette::wall()), 1500) << "the wall stands out";
    EXPECT_GT(countColour(image, widgets::ClusterPalette::badgeFill()), 100) << "S4 -> S5 carries its badge";
    EXPECT_GT(countColour(image, widgets::ClusterPalette::cutLink(), 8), 100) << "the cut S3 -> S4 is red";
    m_view->resize(780, 380);
    const QImage small = render(*m_view);
    saveScreenshot(small, QStringLiteral("network-partition-small.png"));
    EXPECT_GT(countColour(small, widgets::ClusterPalette::wall()), 150);

    // A drag in progress shows where S3 would go; the drop asks for it.
    m_view->resize(1280, 720);
    watch();
    const QPointF from = m_view->nodeCenter(3);
    const QPointF to = m_view->nodeCenter(2) + (m_view->nodeCenter(2) - m_view->nodeCenter(3)) * 0.1;
    ASSERT_TRUE(m_view->dropTarget(3, to).has_value());
    EXPECT_EQ(*m_view->dropTarget(3, to), (Groups{{1, 2, 3}, {4, 5}}));
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, from.toPoint());
    QTest::mouseMove(m_view.get(), ((from + to) / 2).toPoint());
    QTest::mouseMove(m_view.get(), to.toPoint());
    saveScreenshot(render(*m_view), QStringLiteral("network-drag.png"));
    EXPECT_TRUE(m_partitions.empty()) << "nothing happens before the drop";
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, to.toPoint());
    ASSERT_EQ(m_partitions.size(), 1u);

    // Healed: the wall is gone, the link keeps its own conditions (and its badge).
    EXPECT_TRUE(sim.heal());
    const QImage healed = render(*m_view);
    EXPECT_LT(countColour(healed, widgets::ClusterPalette::wall()), 200);
    EXPECT_GT(countColour(healed, widgets::ClusterPalette::badgeFill()), 100);
}

TEST_F(NetworkViewTest, NineServersWithAPartitionAnIsolatedServerAndAHoveredLink)
{
    raft::Simulation sim(slowConfig(9, 5));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(60'000)));
    sim.runFor(raft::fromMs(800));
    const raft::NodeId leader = *sim.leader();
    std::vector<raft::NodeId> minority{leader, leader % 9 + 1, (leader + 1) % 9 + 1};
    EXPECT_TRUE(sim.partition({minority}));
    const raft::NodeId alone = (leader + 4) % 9 + 1;
    EXPECT_TRUE(sim.isolate(alone));
    EXPECT_TRUE(sim.cut((leader + 5) % 9 + 1, (leader + 6) % 9 + 1, false));
    sim.runFor(raft::fromMs(900));
    show(sim);
    const QImage image = render(*m_view);
    saveScreenshot(image, QStringLiteral("network-nine.png"));
    m_view->setLegendVisible(false);
    const QImage plain = render(*m_view);
    EXPECT_GT(countColour(plain, widgets::ClusterPalette::wall()), 300);
    const auto sides = NetworkSides::of(sim);
    ASSERT_EQ(sides.size(), 3u) << "the partition's two groups and the isolated server";
    int withoutQuorum = 0;
    for (const auto &side : sides)
        withoutQuorum += side.quorum ? 0 : 1;
    EXPECT_EQ(withoutQuorum, 2);
    // Hovering a link highlights it.
    const QPointF mid = (m_view->nodeCenter(1) + m_view->nodeCenter(5)) / 2;
    QTest::mouseMove(m_view.get(), mid.toPoint());
    ASSERT_TRUE(m_view->hoveredLink().has_value());
    EXPECT_EQ(*m_view->hoveredLink(), (ClusterView::Link{1, 5}));
    const QImage hovered = render(*m_view);
    saveScreenshot(hovered, QStringLiteral("network-hover.png"));
    ASSERT_EQ(hovered.size(), plain.size());
    int changed = 0;
    for (int y = static_cast<int>(mid.y()) - 20; y <= static_cast<int>(mid.y()) + 20; ++y)
        for (int x = static_cast<int>(mid.x()) - 20; x <= static_cast<int>(mid.x()) + 20; ++x)
            changed += hovered.pixel(x, y) != plain.pixel(x, y) ? 1 : 0;
    EXPECT_GT(changed, 100) << "the hovered link is drawn differently";
    QTest::mouseMove(m_view.get(), QPoint(2, 2));
    EXPECT_FALSE(m_view->hoveredLink().has_value());
}

// --- the window: the view, the Network pane and the controller wired together ---

namespace {

/// NetworkWindowTest gives each test a fresh window in English, its clock stopped.
class NetworkWindowTest : public WindowFixture {
protected:
    QSize windowSize() const override { return {1600, 1000}; }
    /// lastInput is the kind of the last user action the run recorded (the history
    /// keeps the script; the live simulation does not).
    raft::InputKind lastInput()
    {
        const auto &script = controller().history().script();
        EXPECT_FALSE(script.empty());
        return script.empty() ? raft::InputKind::Say : script.back().kind();
    }
    ClusterView &view() { return *m_window->clusterView(); }
    QAction *action(const char *name) { return m_window->findChild<QAction *>(QLatin1String(name)); }
    QAction *menuAction(QMenu *menu, const char *name)
    {
        for (QAction *a : menu->actions())
            if (a->objectName() == QLatin1String(name))
                return a;
        return nullptr;
    }
};

} // namespace

TEST_F(NetworkWindowTest, SelectionBecomesAPartitionAndTheStatusBarNamesTheSideWithoutQuorum)
{
    // Nothing selected: the action explains how to select, and changes nothing.
    action("partitionSelectionAction")->trigger();
    EXPECT_FALSE(sim().network().hasFaults());
    EXPECT_TRUE(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("First select")));

    QTest::mouseClick(&view(), Qt::LeftButton, Qt::ControlModifier, view().nodeCenter(1).toPoint());
    QTest::mouseClick(&view(), Qt::LeftButton, Qt::ControlModifier, view().nodeCenter(2).toPoint());
    QAction *partition = action("partitionSelectionAction");
    ASSERT_NE(partition, nullptr);
    partition->trigger();
    EXPECT_EQ(sim().network().groups(), (Groups{{1, 2}, {3, 4, 5}}));
    EXPECT_EQ(lastInput(), raft::InputKind::Partition);
    EXPECT_EQ(sim().trace().events().back().kind, raft::EventKind::NetworkChanged);
    controller().runTo(raft::fromMs(50));
    auto *quorum = m_window->statusBar()->findChild<QLabel *>(QStringLiteral("quorumLabel"));
    ASSERT_NE(quorum, nullptr);
    EXPECT_TRUE(quorum->isVisible());
    EXPECT_EQ(quorum->text(), QStringLiteral("No quorum: S1 S2 (2 of 5)"));

    // Drag S3 over to S1's side: 3|2 the other way round.
    QTest::mousePress(&view(), Qt::LeftButton, {}, view().nodeCenter(3).toPoint());
    QTest::mouseMove(&view(), ((view().nodeCenter(3) + view().nodeCenter(2)) / 2).toPoint());
    QTest::mouseMove(&view(), view().nodeCenter(2).toPoint());
    QTest::mouseRelease(&view(), Qt::LeftButton, {}, view().nodeCenter(2).toPoint());
    EXPECT_EQ(sim().network().groups(), (Groups{{1, 2, 3}, {4, 5}}));
    controller().runTo(raft::fromMs(100));
    EXPECT_EQ(quorum->text(), QStringLiteral("No quorum: S4 S5 (2 of 5)"));

    action("healAction")->trigger();
    controller().runTo(raft::fromMs(150));
    EXPECT_FALSE(sim().network().hasFaults());
    EXPECT_FALSE(quorum->isVisible());
}

TEST_F(NetworkWindowTest, ClickingALaneCutsThatDirectionAndClickingAgainReopensIt)
{
    const QPointF a = view().nodeCenter(1);
    const QPointF b = view().nodeCenter(2);
    const QPointF u = (b - a) / distance(a, b);
    const QPointF right(-u.y(), u.x());
    const QPointF laneBA = (a + b) / 2 - right * view().nodeRadius() * 0.3;
    // Another cut that must survive the reopening.
    controller().cut(1, 3, false);
    QTest::mouseClick(&view(), Qt::LeftButton, {}, laneBA.toPoint());
    EXPECT_TRUE(sim().network().isCut(2, 1));
    EXPECT_FALSE(sim().network().isCut(1, 2)) << "one way only";
    QTest::mouseClick(&view(), Qt::LeftButton, {}, laneBA.toPoint());
    EXPECT_FALSE(sim().network().isCut(2, 1));
    EXPECT_TRUE(sim().network().isCut(1, 3)) << "reopening one link leaves the others cut";
}

TEST_F(NetworkWindowTest, LinkMenuCutsBothWaysAndOpensTheLinkEditor)
{
    const QPointF middle = (view().nodeCenter(2) + view().nodeCenter(4)) / 2;
    QContextMenuEvent event(QContextMenuEvent::Mouse, middle.toPoint(), view().mapToGlobal(middle.toPoint()));
    QApplication::sendEvent(&view(), &event);
    QMenu *menu = openMenu(QStringLiteral("linkMenu"));
    ASSERT_NE(menu, nullptr);
    QAction *both = menuAction(menu, "cutBothAction");
    ASSERT_NE(both, nullptr);
    both->trigger();
    EXPECT_TRUE(sim().network().isCut(2, 4));
    EXPECT_TRUE(sim().network().isCut(4, 2));
    menu->close();

    widgets::NetworkPane *pane = m_window->networkPane();
    ASSERT_NE(pane, nullptr);
    QMenu *again = m_window->createLinkMenu(2, 4);
    EXPECT_FALSE(menuAction(again, "cutBothAction")->isEnabled());
    EXPECT_TRUE(menuAction(again, "restoreLinkAction")->isEnabled());
    menuAction(again, "linkConditionsAction")->trigger();
    delete again;
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("networkDock"));
    ASSERT_NE(dock, nullptr);
    EXPECT_TRUE(dock->isVisible());
    EXPECT_EQ(pane->findChild<QComboBox *>(QStringLiteral("linkFrom"))->currentData().toInt(), 2);
    EXPECT_EQ(pane->findChild<QComboBox *>(QStringLiteral("linkTo"))->currentData().toInt(), 4);

    // The pane's link editor reaches the simulation as a recorded input.
    pane->findChild<QDoubleSpinBox *>(QStringLiteral("linkLoss"))->setValue(20.0);
    pane->findChild<QPushButton *>(QStringLiteral("linkSet"))->click();
    ASSERT_TRUE(sim().network().link(2, 4).has_value());
    EXPECT_DOUBLE_EQ(sim().network().link(2, 4)->loss, 0.2);
    EXPECT_EQ(lastInput(), raft::InputKind::SetLink);
}

TEST_F(NetworkWindowTest, NetworkPaneChangesTheWholeNetworkAndItsDockComesBackFromTheViewMenu)
{
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("networkDock"));
    ASSERT_NE(dock, nullptr);
    QAction *toggle = action("networkDockToggle");
    ASSERT_NE(toggle, nullptr);
    dock->close();
    EXPECT_FALSE(dock->isVisible());
    toggle->trigger();
    EXPECT_TRUE(dock->isVisible());
    dock->raise();

    m_window->networkPane()->findChild<QDoubleSpinBox *>(QStringLiteral("lossSpin"))->setValue(20.0);
    EXPECT_DOUBLE_EQ(sim().network().config().loss, 0.2);
    EXPECT_EQ(lastInput(), raft::InputKind::SetNetwork);
    controller().runTo(raft::fromMs(3000));
    EXPECT_GT(sim().stats().messagesDropped, 0u);
    auto *dropped = m_window->networkPane()->findChild<QLabel *>(QStringLiteral("statsDropped"));
    m_window->networkPane()->refresh();
    EXPECT_TRUE(dropped->text().startsWith(QString::number(sim().stats().messagesDropped)));
}

TEST_F(NetworkWindowTest, TheScenariosMenuOffersTheNetworkLessons)
{
    for (const char *name :
         {"partition-leader-minority", "partition-leader-majority", "one-way-link", "flaky-network"}) {
        QAction *lesson = m_window->findChild<QAction *>(QStringLiteral("scenario:") + QLatin1String(name));
        ASSERT_NE(lesson, nullptr) << name;
        EXPECT_NE(lesson->text(), QLatin1String(name)) << "a shipped lesson has a title";
    }
    QAction *flaky = m_window->findChild<QAction *>(QStringLiteral("scenario:flaky-network"));
    EXPECT_EQ(flaky->text(), QStringLiteral("Flaky Network (20% Loss)"));
    flaky->trigger();
    controller().runTo(raft::fromMs(100));
    EXPECT_DOUBLE_EQ(sim().network().config().loss, 0.2);
}
