// ClusterView, offscreen: geometry, selection and menus by mouse, animation of
// messages, the rendered picture, legend and zoom.
#include "app/language.h"
#include "raft/simulation.h"
#include "slowcluster.h"
#include "widgets/clusterpalette.h"
#include "widgets/clusterview.h"
#include "widgets/renderbench.h"

#include <QContextMenuEvent>
#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include "imagetools.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <set>

using widgets::ClusterPalette;
using widgets::ClusterView;

namespace {

using testing_widgets::slowConfig;

qreal distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

/// electLeader runs sim until it has a leader.
void electLeader(raft::Simulation &sim)
{
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(60'000)));
}

/// midFlight returns a message in flight that is not waiting and has travelled a part
/// of its way at sim.now(), or nullptr.
const raft::Envelope *midFlight(const raft::Simulation &sim)
{
    for (const raft::Envelope *envelope : sim.network().envelopes())
        if (!envelope->waiting && !envelope->doomed && envelope->sentAt < sim.now()
            && envelope->deliverAt > sim.now() + raft::fromMs(150))
            return envelope;
    return nullptr;
}

/// saveScreenshot keeps a picture for a human to look at when RAFTVIZ_SCREENSHOT_DIR is set.
void saveScreenshot(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("RAFTVIZ_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(name));
}

class ClusterViewTest : public ::testing::Test {
protected:
    void show(const raft::Simulation &sim, QSize size = {1280, 720})
    {
        m_view = std::make_unique<ClusterView>();
        m_view->resize(size);
        m_view->setSimulation(&sim);
        m_view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_view.get()));
    }
    std::unique_ptr<ClusterView> m_view;
};

} // namespace

TEST_F(ClusterViewTest, NodeCentresLieOnARingInsideTheWidget)
{
    for (int nodes = 1; nodes <= raft::kMaxNodes; ++nodes) {
        raft::Simulation sim(slowConfig(nodes));
        show(sim, {800, 600});
        QPointF mean;
        for (raft::NodeId id = 1; id <= nodes; ++id)
            mean += m_view->nodeCenter(id);
        mean /= nodes;
        const qreal ring = distance(m_view->nodeCenter(1), mean);
        const qreal r = m_view->nodeRadius();
        EXPECT_GT(r, 10) << nodes << " nodes";
        for (raft::NodeId id = 1; id <= nodes; ++id) {
            const QPointF c = m_view->nodeCenter(id);
            EXPECT_NEAR(distance(c, mean), ring, 0.5) << "S" << id << " of " << nodes;
            EXPECT_TRUE(QRectF(m_view->rect()).adjusted(r, r, -r, -r).contains(c)) << "S" << id << " of " << nodes;
            for (raft::NodeId other = 1; other < id; ++other)
                EXPECT_GT(distance(c, m_view->nodeCenter(other)), 2.4 * r) << "discs overlap: S" << id;
            EXPECT_EQ(m_view->nodeAt(c), id);
        }
    }
}

TEST_F(ClusterViewTest, ClickingANodeSelectsItAndEmptySpaceClearsIt)
{
    raft::Simulation sim(slowConfig(5));
    show(sim);
    QSignalSpy spy(m_view.get(), &ClusterView::nodeSelected);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->nodeCenter(3).toPoint());
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<raft::NodeId>(), 3);
    EXPECT_EQ(m_view->selectedNode(), 3);

    // A click on the rim (the timer ring) still hits the server.
    const QPointF rim = m_view->nodeCenter(4) + QPointF(m_view->nodeRadius() * 1.1, 0);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, rim.toPoint());
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(m_view->selectedNode(), 4);

    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, QPoint(m_view->width() - 5, m_view->height() - 5));
    ASSERT_EQ(spy.count(), 3);
    EXPECT_EQ(spy.at(2).at(0).value<raft::NodeId>(), raft::kNoNode);
    EXPECT_EQ(m_view->selectedNode(), raft::kNoNode);
}

TEST_F(ClusterViewTest, ClickingAMessageSelectsIt)
{
    raft::Simulation sim(slowConfig(3));
    electLeader(sim);
    sim.runFor(raft::fromMs(100));
    const raft::Envelope *envelope = midFlight(sim);
    ASSERT_NE(envelope, nullptr);
    const std::uint64_t id = envelope->id;
    show(sim);
    const auto pos = m_view->messagePosition(id);
    ASSERT_TRUE(pos.has_value());
    EXPECT_EQ(m_view->messageAt(*pos), id);
    // Generous: a few pixels off still hits it.
    EXPECT_EQ(m_view->messageAt(*pos + QPointF(4, 3)), id);

    QSignalSpy messages(m_view.get(), &ClusterView::messageSelected);
    QSignalSpy nodes(m_view.get(), &ClusterView::nodeSelected);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, pos->toPoint());
    ASSERT_EQ(messages.count(), 1);
    EXPECT_EQ(messages.at(0).at(0).value<std::uint64_t>(), id);
    EXPECT_EQ(nodes.count(), 0);
    EXPECT_EQ(m_view->selectedMessage(), id);
    EXPECT_EQ(m_view->selectedNode(), raft::kNoNode);
}

TEST_F(ClusterViewTest, RightClickRequestsTheMenuOfWhatIsUnderThePointer)
{
    raft::Simulation sim(slowConfig(5));
    electLeader(sim);
    sim.runFor(raft::fromMs(100));
    const raft::Envelope *envelope = midFlight(sim);
    ASSERT_NE(envelope, nullptr);
    show(sim);
    QSignalSpy nodeMenu(m_view.get(), &ClusterView::nodeContextMenuRequested);
    QSignalSpy messageMenu(m_view.get(), &ClusterView::messageContextMenuRequested);
    QSignalSpy backgroundMenu(m_view.get(), &ClusterView::backgroundContextMenuRequested);
    auto rightClick = [&](QPointF pos) {
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos.toPoint(), m_view->mapToGlobal(pos.toPoint()));
        QApplication::sendEvent(m_view.get(), &event);
    };

    rightClick(m_view->nodeCenter(2));
    ASSERT_EQ(nodeMenu.count(), 1);
    EXPECT_EQ(nodeMenu.at(0).at(0).value<raft::NodeId>(), 2);
    EXPECT_EQ(nodeMenu.at(0).at(1).toPoint(), m_view->mapToGlobal(m_view->nodeCenter(2).toPoint()));

    rightClick(*m_view->messagePosition(envelope->id));
    ASSERT_EQ(messageMenu.count(), 1);
    EXPECT_EQ(messageMenu.at(0).at(0).value<std::uint64_t>(), envelope->id);

    rightClick(QPointF(m_view->width() - 5, m_view->height() - 5));
    EXPECT_EQ(backgroundMenu.count(), 1);
    EXPECT_EQ(nodeMenu.count(), 1);
    EXPECT_EQ(messageMenu.count(), 1);
}

TEST_F(ClusterViewTest, MessageMovesFromSenderTowardReceiver)
{
    raft::Simulation sim(slowConfig(3));
    electLeader(sim);
    sim.runFor(raft::fromMs(100));
    const raft::Envelope *envelope = midFlight(sim);
    ASSERT_NE(envelope, nullptr);
    const std::uint64_t id = envelope->id;
    show(sim);
    const QPointF from = m_view->nodeCenter(envelope->message.from);
    const QPointF to = m_view->nodeCenter(envelope->message.to);

    std::vector<QPointF> positions;
    for (double t = static_cast<double>(sim.now()); t < static_cast<double>(envelope->deliverAt); t += 37.5) {
        m_view->setDisplayTime(t);
        const auto pos = m_view->messagePosition(id);
        ASSERT_TRUE(pos.has_value());
        positions.push_back(*pos);
    }
    ASSERT_GE(positions.size(), 3u);
    for (std::size_t i = 1; i < positions.size(); ++i) {
        EXPECT_LT(distance(positions[i], to), distance(positions[i - 1], to));
        EXPECT_GT(distance(positions[i], from), distance(positions[i - 1], from));
    }
    // Halfway in time is halfway along the path, between the two doors.
    m_view->setDisplayTime((static_cast<double>(envelope->sentAt) + static_cast<double>(envelope->deliverAt)) / 2);
    const QPointF half = *m_view->messagePosition(id);
    EXPECT_NEAR(distance(half, from), distance(half, to), 1.0);
}

TEST_F(ClusterViewTest, LostMessageFadesOutWithAMarkWhereItVanished)
{
    raft::Simulation sim(slowConfig(3));
    electLeader(sim);
    sim.runFor(raft::fromMs(100));
    const raft::Envelope *envelope = midFlight(sim);
    ASSERT_NE(envelope, nullptr);
    const std::uint64_t id = envelope->id;
    show(sim);
    m_view->setLegendVisible(false);
    const QPointF where = *m_view->messagePosition(id);
    ASSERT_TRUE(sim.dropMessage(id));
    EXPECT_FALSE(m_view->messagePosition(id).has_value());
    const QRect around = QRectF(where - QPointF(20, 20), QSizeF(40, 40)).toRect();

    m_view->setDisplayTime(static_cast<double>(sim.now()));
    const int fresh = countColour(render(*m_view).copy(around), ClusterPalette::cutLink(), 12);
    EXPECT_GT(fresh, 20) << "a ✗ marks the spot";
    m_view->setDisplayTime(static_cast<double>(sim.now() + raft::fromMs(2000)));
    EXPECT_EQ(countColour(render(*m_view).copy(around), ClusterPalette::cutLink(), 12), 0) << "and fades away";
}

TEST_F(ClusterViewTest, RenderedClusterIsNotBlankAndShowsTheLeader)
{
    raft::ClusterConfig config = slowConfig(5);
    raft::Simulation sim(config);
    electLeader(sim);
    for (int i = 0; i < 3; ++i)
        (void)sim.request(*sim.leader(), "set x " + std::to_string(i));
    sim.runFor(raft::fromMs(1300));
    show(sim);
    const QImage image = render(*m_view);
    saveScreenshot(image, QStringLiteral("clusterview.png"));

    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 20u);
    EXPECT_GT(countColour(image, ClusterPalette::roleFill(raft::Role::Leader), 2), 2000);
    // The leader's disc is filled with the leader's colour at its centre.
    const QPoint centre = m_view->nodeCenter(*sim.leader()).toPoint()
        + QPoint(0, static_cast<int>(m_view->nodeRadius() * 0.8));
    EXPECT_EQ(QColor(image.pixel(centre)).rgb(), ClusterPalette::roleFill(raft::Role::Leader).rgb());
    // Followers are drawn in their own colour.
    EXPECT_GT(countColour(image, ClusterPalette::roleFill(raft::Role::Follower), 2), 4 * 2000);
}

TEST_F(ClusterViewTest, FaultsRender)
{
    // A candidate counting votes, a crashed and a paused server, a partition, a cut
    // link, lost and waiting messages: all drawn without trouble.
    raft::ClusterConfig config = slowConfig(7);
    raft::Simulation sim(config);
    electLeader(sim);
    const raft::NodeId leader = *sim.leader();
    const raft::NodeId crashed = leader % 7 + 1;
    const raft::NodeId paused = crashed % 7 + 1;
    EXPECT_TRUE(sim.crash(crashed));
    EXPECT_TRUE(sim.pause(paused));
    EXPECT_TRUE(sim.cut(paused % 7 + 1, leader, false));
    sim.runFor(raft::fromMs(1200));
    EXPECT_TRUE(sim.partition({{leader, crashed}}));
    sim.runFor(raft::fromMs(700));
    const raft::NodeId candidate = (paused + 1) % 7 + 1;
    if (sim.status(candidate) == raft::NodeStatus::Up && sim.role(candidate) != raft::Role::Leader) {
        EXPECT_TRUE(sim.timeout(candidate));
    }
    sim.runFor(raft::fromMs(250));
    show(sim);
    m_view->setSelectedNode(leader);
    const QImage image = render(*m_view);
    saveScreenshot(image, QStringLiteral("clusterview-faults.png"));
    saveScreenshot(image.convertToFormat(QImage::Format_Grayscale8), QStringLiteral("clusterview-faults-grey.png"));

    EXPECT_EQ(sim.status(crashed), raft::NodeStatus::Crashed);
    EXPECT_GT(countColour(image, ClusterPalette::roleFill(raft::Role::Candidate), 2), 500);
    EXPECT_GT(countColour(image, ClusterPalette::selection(), 2), 500);
    bool waiting = false;
    for (const raft::Envelope *envelope : sim.network().envelopes())
        waiting = waiting || envelope->waiting;
    EXPECT_TRUE(waiting) << "messages to the paused server wait at its door";
}

TEST_F(ClusterViewTest, SplitVoteShowsBothCandidatesTallies)
{
    // Two servers time out together: each asks the others, and the marks around each
    // candidate show granted, refused and pending votes.
    raft::Simulation sim(slowConfig(5));
    sim.runFor(raft::fromMs(100));
    EXPECT_TRUE(sim.timeout(1));
    EXPECT_TRUE(sim.timeout(3));
    sim.runFor(raft::fromMs(650));
    ASSERT_EQ(sim.role(1), raft::Role::Candidate);
    ASSERT_EQ(sim.role(3), raft::Role::Candidate);
    show(sim);
    m_view->setDisplayTime(static_cast<double>(sim.now()) + 0.5);
    const QImage image = render(*m_view);
    saveScreenshot(image, QStringLiteral("clusterview-election.png"));
    EXPECT_GT(countColour(image, ClusterPalette::roleFill(raft::Role::Candidate), 2), 2 * 2000);
}

TEST_F(ClusterViewTest, SmallViewKeepsNineServersApart)
{
    raft::ClusterConfig config = slowConfig(9);
    raft::Simulation sim(config);
    electLeader(sim);
    sim.runFor(raft::fromMs(200));
    show(sim, {480, 300});
    const qreal r = m_view->nodeRadius();
    EXPECT_GT(r, 6);
    for (raft::NodeId a = 1; a <= 9; ++a) {
        EXPECT_EQ(m_view->nodeAt(m_view->nodeCenter(a)), a);
        for (raft::NodeId b = 1; b < a; ++b)
            EXPECT_GT(distance(m_view->nodeCenter(a), m_view->nodeCenter(b)), 2.4 * r);
    }
    const QImage image = render(*m_view);
    saveScreenshot(image, QStringLiteral("clusterview-small.png"));
    EXPECT_GT(countColour(image, ClusterPalette::roleFill(raft::Role::Leader), 2), 50);
}

TEST_F(ClusterViewTest, ToolTipsDescribeServersAndMessages)
{
    raft::Simulation sim(slowConfig(3));
    electLeader(sim);
    sim.runFor(raft::fromMs(100));
    const raft::Envelope *envelope = midFlight(sim);
    ASSERT_NE(envelope, nullptr);
    show(sim);
    auto hover = [&](QPointF pos) {
        QHelpEvent event(QEvent::ToolTip, pos.toPoint(), m_view->mapToGlobal(pos.toPoint()));
        QApplication::sendEvent(m_view.get(), &event);
        return QToolTip::isVisible() ? QToolTip::text() : QString();
    };
    const QString leader = hover(m_view->nodeCenter(*sim.leader()));
    EXPECT_TRUE(leader.contains(QStringLiteral("leader"))) << leader.toStdString();
    EXPECT_TRUE(leader.contains(QStringLiteral("term %1").arg(sim.term(*sim.leader())))) << leader.toStdString();
    const QString message = hover(*m_view->messagePosition(envelope->id));
    EXPECT_TRUE(message.contains(QString::fromLatin1(raft::messageTypeName(envelope->message.type))))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("#%1").arg(envelope->id))) << message.toStdString();
    QToolTip::hideText();
}

TEST_F(ClusterViewTest, LegendToggles)
{
    raft::Simulation sim(slowConfig(5));
    show(sim);
    EXPECT_TRUE(m_view->isLegendVisible());
    const QPointF withLegend = m_view->nodeCenter(1);
    const QImage shown = render(*m_view);

    m_view->setLegendVisible(false);
    EXPECT_FALSE(m_view->isLegendVisible());
    const QImage hidden = render(*m_view);
    saveScreenshot(hidden, QStringLiteral("clusterview-nolegend.png"));
    // The ring makes room for the legend, and takes the room back without it.
    EXPECT_NEAR(m_view->nodeCenter(1).x(), m_view->width() / 2.0, 1.0);
    EXPECT_GT(withLegend.x(), m_view->nodeCenter(1).x() + 50);
    // The legend's corner is painted only while it is visible.
    const QRect corner(20, 20, 150, 250);
    EXPECT_NE(shown.copy(corner), hidden.copy(corner));
    EXPECT_EQ(countColour(hidden.copy(corner), ClusterPalette::background(), 0), corner.width() * corner.height());

    m_view->setLegendVisible(true);
    EXPECT_EQ(m_view->nodeCenter(1), withLegend);
}

TEST_F(ClusterViewTest, LegendFitsAShortViewInTwoColumns)
{
    // The window's default layout leaves the cluster about 775 by 420 pixels.
    raft::Simulation sim(slowConfig(5));
    electLeader(sim);
    show(sim, {775, 420});
    const QPointF withLegend = m_view->nodeCenter(1);
    const QImage image = render(*m_view);
    saveScreenshot(image, QStringLiteral("clusterview-short.png"));
    m_view->setLegendVisible(false);
    EXPECT_GT(withLegend.x(), m_view->nodeCenter(1).x() + 50) << "the legend is shown and the ring makes room";
    EXPECT_NE(image.copy(20, 20, 150, 150), render(*m_view).copy(20, 20, 150, 150));
}

TEST_F(ClusterViewTest, ZoomChangesGeometry)
{
    raft::Simulation sim(slowConfig(5));
    show(sim);
    m_view->setLegendVisible(false);
    const QPointF centre(m_view->width() / 2.0, m_view->height() / 2.0);
    const qreal ring = distance(m_view->nodeCenter(1), centre);
    const qreal radius = m_view->nodeRadius();

    m_view->setZoom(1.5);
    EXPECT_DOUBLE_EQ(m_view->zoom(), 1.5);
    EXPECT_NEAR(distance(m_view->nodeCenter(1), centre), ring * 1.5, 0.5);
    EXPECT_NEAR(m_view->nodeRadius(), radius * 1.5, 0.1);

    m_view->setZoom(100);
    EXPECT_DOUBLE_EQ(m_view->zoom(), ClusterView::kMaxZoom);
    m_view->setZoom(0);
    EXPECT_DOUBLE_EQ(m_view->zoom(), ClusterView::kMinZoom);

    // The wheel zooms in about the cursor: the point under it stays put.
    m_view->resetView();
    const QPointF cursor = m_view->nodeCenter(2);
    QWheelEvent wheel(cursor, m_view->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view.get(), &wheel);
    EXPECT_GT(m_view->zoom(), 1.05);
    EXPECT_GT(m_view->nodeRadius(), radius * 1.05);
    EXPECT_NEAR(m_view->nodeCenter(2).x(), cursor.x(), 0.5);
    EXPECT_NEAR(m_view->nodeCenter(2).y(), cursor.y(), 0.5);
}

TEST_F(ClusterViewTest, ReplacingTheSimulationClearsTheSelection)
{
    raft::Simulation first(slowConfig(5));
    show(first);
    m_view->setSelectedNode(5);
    EXPECT_EQ(m_view->selectedNode(), 5);
    raft::Simulation second(slowConfig(3));
    m_view->setSimulation(&second);
    EXPECT_EQ(m_view->selectedNode(), raft::kNoNode);
    EXPECT_EQ(m_view->nodeAt(m_view->nodeCenter(3)), 3);
    EXPECT_EQ(m_view->nodeCenter(4), QPointF());
    // A new cluster assigned in place (same object, other size) is noticed too.
    first = raft::Simulation(slowConfig(3));
    m_view->setSimulation(&first);
    EXPECT_FALSE(render(*m_view).isNull());
}

TEST_F(ClusterViewTest, HitTestListsEveryMessageSentAtTheSameInstantOnALink)
{
    // Two messages sent down one link in the same millisecond, with the same latency,
    // are drawn on the same spot.
    raft::Simulation sim(slowConfig(3));
    electLeader(sim);
    const raft::NodeId leader = *sim.leader();
    const raft::NodeId follower = leader % 3 + 1;
    sim.runFor(raft::fromMs(10));
    std::uint64_t before = 0;
    for (const raft::Envelope *envelope : sim.network().envelopes())
        before = std::max(before, envelope->id);
    // With flow control the leader sends one AppendEntries down a link at a time, so
    // the second message is the network's copy of the first (same instant, same
    // fixed latency).
    ASSERT_TRUE(sim.request(leader, "set x 1").proposal.accepted);
    std::vector<std::uint64_t> sent;
    const auto carrying = [&] {
        sent.clear();
        for (const raft::Envelope *envelope : sim.network().envelopes())
            if (envelope->id > before && envelope->message.from == leader && envelope->message.to == follower
                && !envelope->message.entries.empty())
                sent.push_back(envelope->id);
        return !sent.empty();
    };
    // The entry leaves at once, or once the follower's position is known (probe).
    ASSERT_TRUE(sim.runUntil(carrying, raft::fromMs(3000)));
    ASSERT_EQ(sent.size(), 1u);
    ASSERT_TRUE(sim.duplicateMessage(sent[0]));
    for (const raft::Envelope *envelope : sim.network().envelopes())
        if (envelope->id > sent[0] && envelope->message.from == leader && envelope->message.to == follower)
            sent.push_back(envelope->id);
    ASSERT_EQ(sent.size(), 2u);
    show(sim);
    m_view->setDisplayTime(static_cast<double>(sim.now() + raft::fromMs(200)));
    const QPointF at = *m_view->messagePosition(sent[0]);
    // They fan out: the copy steps back along the lane, towards the sender, by a
    // fraction of a message (each can be seen), still within a click's reach.
    const QPointF copy = *m_view->messagePosition(sent[1]);
    const qreal apart = QLineF(at, copy).length();
    EXPECT_NEAR(apart, widgets::ClusterMessages::kFanStep * m_view->clusterLayout().messageSize(), 0.5);
    const QPointF sender = m_view->nodeCenter(leader);
    EXPECT_LT(QLineF(copy, sender).length(), QLineF(at, sender).length()) << "the copy is nearer its sender";
    const widgets::ClusterHit hit = m_view->hitTest(at);
    EXPECT_EQ(hit.kind, widgets::ClusterHit::Kind::Message);
    ASSERT_GE(hit.messages.size(), 2u);
    // Both, nearest first, then any other message within reach, e.g. a reply passing
    // on the other lane.
    EXPECT_EQ(hit.messages[0], sent[0]);
    EXPECT_EQ(hit.messages[1], sent[1]);
    EXPECT_EQ(m_view->messageAt(at), sent[0]);
    EXPECT_EQ(m_view->messageAt(copy), sent[1]);
    // The context menu is asked for the one under the point.
    QSignalSpy menu(m_view.get(), &ClusterView::messageContextMenuRequested);
    QContextMenuEvent event(QContextMenuEvent::Mouse, at.toPoint(), m_view->mapToGlobal(at.toPoint()));
    QApplication::sendEvent(m_view.get(), &event);
    ASSERT_EQ(menu.count(), 1);
    EXPECT_EQ(menu.at(0).at(0).value<std::uint64_t>(), sent[0]);
}

// A long queue at a held door piles up on its last place (counted "+N" there): every
// message of the pile is hit there, so the menu lists them all.
TEST_F(ClusterViewTest, AHeldQueuePilesUpOnItsLastPlace)
{
    raft::Simulation sim(slowConfig(3));
    ASSERT_TRUE(sim.setHold(true));
    for (int i = 0; i < 7; ++i) {
        ASSERT_TRUE(sim.timeout(1));
        sim.runFor(raft::fromMs(1));
    }
    sim.runFor(raft::fromMs(600));
    std::vector<std::uint64_t> waiting;
    for (const raft::Envelope *envelope : sim.network().envelopes())
        if (envelope->waiting && envelope->message.from == 1 && envelope->message.to == 2)
            waiting.push_back(envelope->id);
    ASSERT_GE(waiting.size(), 7u);
    show(sim);
    m_view->setDisplayTime(static_cast<double>(sim.now()));
    std::vector<QPointF> places;
    for (const std::uint64_t id : waiting) {
        const QPointF at = *m_view->messagePosition(id);
        if (std::none_of(places.begin(), places.end(), [&](QPointF p) { return QLineF(p, at).length() < 0.5; }))
            places.push_back(at);
    }
    EXPECT_EQ(places.size(), static_cast<std::size_t>(widgets::ClusterMessages::kStackShown));
    const QPointF last = m_view->clusterLayout().doorQueue(1, 2, widgets::ClusterMessages::kStackShown - 1);
    const widgets::ClusterHit hit = m_view->hitTest(last);
    std::size_t piled = 0;
    for (const std::uint64_t id : hit.messages)
        if (QLineF(*m_view->messagePosition(id), last).length() < 0.5)
            ++piled;
    EXPECT_EQ(piled, waiting.size() - widgets::ClusterMessages::kStackShown + 1);
    const auto stacks = widgets::ClusterMessages::stacks(
        widgets::ClusterMessages::inFlight(sim.network(), m_view->networkGeometry(), m_view->displayTime()),
        m_view->clusterLayout());
    ASSERT_GE(stacks.size(), 1u);
    EXPECT_EQ(stacks[0].from, 1);
    EXPECT_EQ(stacks[0].to, 2);
    EXPECT_EQ(stacks[0].hidden, static_cast<int>(waiting.size()) - widgets::ClusterMessages::kStackShown);
}

TEST_F(ClusterViewTest, AWallIsHitButActsAsEmptySpace)
{
    raft::Simulation sim(slowConfig(5));
    ASSERT_TRUE(sim.partition({{1, 2}, {3, 4, 5}}));
    show(sim);
    const auto &walls = m_view->networkGeometry().walls();
    ASSERT_EQ(walls.size(), 2u);
    const QPointF onWall = walls[0].line.pointAt(0.97);
    const widgets::ClusterHit hit = m_view->hitTest(onWall);
    EXPECT_EQ(hit.kind, widgets::ClusterHit::Kind::Wall);
    EXPECT_EQ(hit.node, walls[0].after);
    QSignalSpy background(m_view.get(), &ClusterView::backgroundContextMenuRequested);
    QContextMenuEvent event(QContextMenuEvent::Mouse, onWall.toPoint(), m_view->mapToGlobal(onWall.toPoint()));
    QApplication::sendEvent(m_view.get(), &event);
    EXPECT_EQ(background.count(), 1);
    EXPECT_EQ(m_view->hitTest(m_view->nodeCenter(3)).kind, widgets::ClusterHit::Kind::Node);
    EXPECT_EQ(m_view->hitTest(QPointF(m_view->width() - 3, m_view->height() - 3)).kind,
              widgets::ClusterHit::Kind::Background);
}

TEST_F(ClusterViewTest, LabelsAreDrawnWithinTheRoomTheLayoutReserved)
{
    // The labels drawn are no bigger than what the fit made room for (the longest
    // name, "S8 crashed", and log line), so the layout's promise that nothing overlaps
    // holds for what is drawn.
    raft::Simulation sim(slowConfig(9));
    electLeader(sim);
    EXPECT_TRUE(sim.crash(8));
    EXPECT_TRUE(sim.pause(3));
    for (const QSize size : {QSize(1024, 768), QSize(1920, 1080), QSize(3840, 2160)}) {
        show(sim, size);
        (void)render(*m_view);
        const widgets::ClusterLayout &l = m_view->clusterLayout();
        const QSizeF reserved = l.reservedLabelSize();
        for (raft::NodeId id = 1; id <= 9; ++id) {
            const QRectF drawn = m_view->labelRect(id);
            ASSERT_FALSE(drawn.isEmpty()) << "S" << id;
            EXPECT_LE(drawn.width(), reserved.width() + 2) << "S" << id << " at " << size.width();
            EXPECT_LE(drawn.height(), reserved.height() + 2) << "S" << id << " at " << size.width();
            EXPECT_TRUE(l.bounds().adjusted(-1, -1, 1, 1).contains(drawn))
                << "S" << id << " at " << size.width() << ": " << drawn.left() << "," << drawn.top() << " "
                << drawn.width() << "x" << drawn.height();
            for (raft::NodeId other = 1; other <= 9; ++other) {
                const QRectF disc = l.discBox(other).adjusted(1, 1, -1, -1);
                const QRectF common = drawn.intersected(disc);
                // A label may only touch the corner of a disc's box, never the disc.
                if (!common.isEmpty()) {
                    EXPECT_GT(QLineF(common.center(), l.nodeCentre(other)).length(), l.outer() * 0.7)
                        << "S" << id << "'s label over S" << other;
                }
            }
        }
    }
}

TEST_F(ClusterViewTest, TheStillLayerDrawsWhatTheLayersDraw)
{
    // A still frame is drawn from the still layer (background, discs, legend composed
    // once); hovering a link makes the view draw every layer one by one. Away from the
    // hovered link the two must give the very same pixels, and leaving the link must
    // give back the first picture.
    raft::Simulation sim(slowConfig(9));
    electLeader(sim);
    sim.runFor(raft::fromMs(300));
    show(sim, {1920, 1080});
    m_view->setSelectedNode(2);
    const QImage still = render(*m_view);
    const QPointF a = m_view->nodeCenter(1);
    const QPointF b = m_view->nodeCenter(5);
    QTest::mouseMove(m_view.get(), ((a + b) / 2).toPoint());
    ASSERT_TRUE(m_view->hoveredLink().has_value());
    const QImage layered = render(*m_view);
    const qreal reach = m_view->nodeRadius() * 0.6 + 12; // the glow, the lane's arrow, antialiasing
    int different = 0;
    int nearLink = 0;
    for (int y = 0; y < still.height(); ++y) {
        for (int x = 0; x < still.width(); ++x) {
            if (still.pixel(x, y) == layered.pixel(x, y))
                continue;
            // Distance from the hovered segment.
            const QPointF p(x, y);
            const QPointF d = b - a;
            const qreal t = std::clamp(QPointF::dotProduct(p - a, d) / QPointF::dotProduct(d, d), 0.0, 1.0);
            if (distance(p, a + d * t) <= reach)
                ++nearLink;
            else
                ++different;
        }
    }
    EXPECT_GT(nearLink, 100) << "the hovered link is drawn";
    EXPECT_EQ(different, 0) << "everything else is the same";
    QTest::mouseMove(m_view.get(), QPoint(3, m_view->height() - 3));
    ASSERT_FALSE(m_view->hoveredLink().has_value());
    EXPECT_EQ(render(*m_view), still);
}

TEST(RenderBench, PrintsOneJsonLineWithTheFrameTimes)
{
    testing::internal::CaptureStdout();
    const int status = widgets::runRenderBenchmark({QStringLiteral("--frames"), QStringLiteral("30")});
    const std::string out = testing::internal::GetCapturedStdout();
    EXPECT_EQ(status, 0);
    EXPECT_NE(out.find("\"frame_ms_median\":"), std::string::npos) << out;
    EXPECT_NE(out.find("\"frame_ms_p99\":"), std::string::npos) << out;
    EXPECT_NE(out.find("\"frames\":30,"), std::string::npos) << out;
    EXPECT_NE(out.find("\"width\":1280,\"height\":720"), std::string::npos) << out;
    const auto at = out.find("\"messages_in_flight\":");
    ASSERT_NE(at, std::string::npos);
    EXPECT_GT(std::stoi(out.substr(at + 21)), 200) << out;
    EXPECT_EQ(widgets::runRenderBenchmark({QStringLiteral("--size"), QStringLiteral("bad")}), 1);
}

TEST_F(ClusterViewTest, ARemovedServersLabelStaysInsideAShortPane)
{
    // A server removed from the configuration (§6) has a line under its name that a
    // voter has not ("removed: C3 leaves it out"). The fit makes room for it where that
    // server stands; where even the smallest discs leave no room, the label moves
    // inside rather than be cut off at the bottom of a short pane.
    raft::Simulation sim(slowConfig(5));
    electLeader(sim);
    // A leader changes the configuration once it has committed an entry of its term.
    const raft::NodeId leader = *sim.leader();
    ASSERT_TRUE(sim.request(leader, "set a 1").isDone());
    ASSERT_TRUE(sim.runUntil([&] { return sim.commitIndex(leader) == sim.log(leader).lastIndex(); }, raft::fromMs(60'000)));
    // The two servers at the bottom of the ring (but the leader).
    for (const raft::NodeId removed : {raft::NodeId{3}, raft::NodeId{4}}) {
        if (removed == leader)
            continue;
        const raft::ActionResult result = sim.apply(raft::act::RemoveServer{removed});
        ASSERT_TRUE(result.isDone()) << "S" << removed << ": " << result.describe();
        ASSERT_TRUE(sim.runUntil([&] { return sim.memberState(removed) == raft::MemberState::Removed; }, raft::fromMs(60'000)));
    }
    ASSERT_TRUE(sim.memberState(3) == raft::MemberState::Removed || sim.memberState(4) == raft::MemberState::Removed);
    for (const bool presentation : {false, true}) {
        for (const QSize size : {QSize(1280, 220), QSize(1024, 170), QSize(800, 120)}) {
            show(sim, size);
            m_view->setPresentation(presentation);
            const QImage image = render(*m_view);
            saveScreenshot(image,
                           QStringLiteral("removed-label-%1x%2%3.png")
                               .arg(size.width())
                               .arg(size.height())
                               .arg(presentation ? QStringLiteral("-presentation") : QString()));
            const widgets::ClusterLayout &l = m_view->clusterLayout();
            for (raft::NodeId id = 1; id <= 5; ++id) {
                const QRectF drawn = m_view->labelRect(id);
                ASSERT_FALSE(drawn.isEmpty()) << "S" << id;
                EXPECT_TRUE(l.bounds().contains(drawn))
                    << "S" << id << " at " << size.width() << "x" << size.height()
                    << (presentation ? " presenting" : "") << ": " << drawn.left() << "," << drawn.top() << " "
                    << drawn.width() << "x" << drawn.height();
                // A removed server's label is taller than a voter's: the fit reserves that.
                if (sim.memberState(id) == raft::MemberState::Removed && !presentation && size.height() >= 200) {
                    EXPECT_GT(l.reservedLabelSize(id).height(), l.reservedLabelSize().height()) << "S" << id;
                    EXPECT_LE(drawn.height(), l.reservedLabelSize(id).height() + 2) << "S" << id;
                }
            }
        }
    }
}

TEST_F(ClusterViewTest, AChineseLegendInAShortPaneIsAPanelNotASliver)
{
    // Chinese breaks a line at any character, so the legend's text grows taller as its
    // columns narrow. Shrunk in two columns only, it never fitted a short pane and
    // ended as a sliver a few pixels wide; it now takes the number of columns in which
    // it is largest.
    Language::apply(QStringLiteral("zh_CN"));
    raft::Simulation sim(slowConfig(5));
    show(sim, {965, 200});
    m_view->setLegendVisible(true);
    const QRectF legend = m_view->clusterLayout().legendRect();
    const int columns = m_view->clusterLayout().legendColumns();
    saveScreenshot(render(*m_view), QStringLiteral("legend-zh-965x200.png"));
    Language::apply(QStringLiteral("en"));
    ASSERT_FALSE(legend.isEmpty());
    EXPECT_GE(legend.width(), 200) << columns << " columns";
    EXPECT_LE(legend.bottom(), 200);
    EXPECT_LE(legend.right(), 965);
}

TEST_F(ClusterViewTest, ASnapshotsLabelLineGetsItsRoom)
{
    // Once a server has a snapshot (§7) its log line reads "snapshot ≤ 7 · log 7 ·
    // commit 7", wider than a log line without one: the fit makes room for it, so the
    // label is neither cut off at the pane's edge nor pushed over its disc.
    raft::Simulation sim(slowConfig(3));
    electLeader(sim);
    const raft::NodeId leader = *sim.leader();
    for (int i = 1; i <= 7; ++i)
        ASSERT_TRUE(sim.request(leader, "set k" + std::to_string(i) + " " + std::to_string(i)).isDone());
    ASSERT_TRUE(sim.runUntil(
        [&] {
            for (raft::NodeId id = 1; id <= 3; ++id)
                if (sim.commitIndex(id) < sim.log(leader).lastIndex()
                    || sim.server(id).node->lastApplied() < sim.commitIndex(id))
                    return false;
            return true;
        },
        raft::fromMs(60'000)));
    for (raft::NodeId id = 1; id <= 3; ++id) {
        const raft::ActionResult result = sim.apply(raft::act::Snapshot{id});
        ASSERT_TRUE(result.isDone()) << "S" << id << ": " << result.describe();
        ASSERT_GT(sim.log(id).snapshotIndex(), 0u);
    }
    for (const QSize size : {QSize(965, 260), QSize(1280, 300), QSize(800, 220)}) {
        show(sim, size);
        const QImage image = render(*m_view);
        saveScreenshot(image, QStringLiteral("snapshot-label-%1x%2.png").arg(size.width()).arg(size.height()));
        const widgets::ClusterLayout &l = m_view->clusterLayout();
        for (raft::NodeId id = 1; id <= 3; ++id) {
            const QRectF drawn = m_view->labelRect(id);
            ASSERT_FALSE(drawn.isEmpty()) << "S" << id;
            EXPECT_TRUE(l.bounds().contains(drawn)) << "S" << id << " at " << size.width() << "x" << size.height();
            EXPECT_LE(drawn.width(), l.reservedLabelSize(id).width() + 2)
                << "S" << id << " at " << size.width() << "x" << size.height();
        }
    }
}
