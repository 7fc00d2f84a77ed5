// The cluster view's direct-manipulation aids, offscreen: the quick buttons around a
// hovered server (they act through the window's action road and show refusals as the
// menu does), the long press that opens a context menu, and pinch zoom.
#include "raft/simulation.h"
#include "slowcluster.h"
#include "widgets/clusterquickbuttons.h"
#include "widgets/clusterview.h"
#include "widgets/refusaltext.h"

#include <QAction>
#include <QDir>
#include <QApplication>
#include <QGestureEvent>
#include <QLineF>
#include <QMenu>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QPointingDevice>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include "windowfixture.h"
#include <gtest/gtest.h>

#include <memory>
#include <variant>

using raft::NodeStatus;
using widgets::ClusterQuickButtons;
using widgets::ClusterView;
using widgets::RefusalText;

namespace {

/// saveScreenshot keeps a picture for a human to look at when RAFTVIZ_SCREENSHOT_DIR is set.
void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RAFTVIZ_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name));
}

/// hover sends a move of the mouse with no button held to pos.
void hover(QWidget *widget, QPointF pos)
{
    QMouseEvent event(QEvent::MouseMove, pos, widget->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

/// button finds the shown quick button of this kind.
std::optional<ClusterQuickButtons::Button> button(const ClusterView &view, ClusterQuickButtons::Kind kind)
{
    for (const ClusterQuickButtons::Button &b : view.quickButtons())
        if (b.kind == kind)
            return b;
    return std::nullopt;
}

class TouchWindowTest : public WindowFixture {
protected:
    ClusterView &view() { return *m_window->clusterView(); }

    raft::NodeId electLeader()
    {
        for (raft::Time t = raft::fromMs(250); t <= raft::fromMs(20'000) && !sim().leader(); t += raft::fromMs(250))
            controller().runTo(t);
        return sim().leader().value_or(raft::kNoNode);
    }

    /// clickButton hovers server id and clicks its quick button of this kind.
    void clickButton(raft::NodeId id, ClusterQuickButtons::Kind kind)
    {
        hover(&view(), view().nodeCenter(id));
        ASSERT_EQ(view().quickButtonsNode(), id);
        const auto b = button(view(), kind);
        ASSERT_TRUE(b.has_value());
        // Moving onto the button keeps the buttons of the same server.
        hover(&view(), b->centre);
        ASSERT_EQ(view().quickButtonsNode(), id);
        QTest::mouseClick(&view(), Qt::LeftButton, {}, b->centre.toPoint());
    }

};

} // namespace

TEST_F(TouchWindowTest, QuickButtonsPauseCrashAndRestartTheHoveredServer)
{
    const raft::NodeId leader = electLeader();
    ASSERT_NE(leader, raft::kNoNode);
    const raft::NodeId follower = leader == 1 ? 2 : 1;
    using Kind = ClusterQuickButtons::Kind;

    clickButton(follower, Kind::PauseResume);
    EXPECT_EQ(sim().status(follower), NodeStatus::Paused);
    EXPECT_TRUE(m_window->statusBar()->currentMessage().contains(QStringLiteral("paused")));
    // The same button now resumes.
    ASSERT_TRUE(std::holds_alternative<raft::act::Resume>(button(view(), Kind::PauseResume)->action));
    clickButton(follower, Kind::PauseResume);
    EXPECT_EQ(sim().status(follower), NodeStatus::Up);

    clickButton(follower, Kind::CrashRestart);
    EXPECT_EQ(sim().status(follower), NodeStatus::Crashed);
    clickButton(follower, Kind::CrashRestart);
    EXPECT_EQ(sim().status(follower), NodeStatus::Up);

    // A time-out starts an election: the follower's term rises.
    const raft::Term before = sim().term(follower);
    clickButton(follower, Kind::Timeout);
    EXPECT_GT(sim().term(follower), before);

    // The client request goes to the server, recorded like the menu's.
    const std::size_t inputs = history().script().size();
    const raft::NodeId newLeader = electLeader();
    ASSERT_NE(newLeader, raft::kNoNode);
    const std::size_t entries = sim().log(newLeader).lastIndex();
    clickButton(newLeader, Kind::Request);
    EXPECT_GT(history().script().size(), inputs);
    EXPECT_EQ(sim().log(newLeader).lastIndex(), entries + 1);
    EXPECT_TRUE(m_window->statusBar()->currentMessage().contains(QStringLiteral("appended")));
}

TEST_F(TouchWindowTest, ARefusedQuickButtonIsDisabledWithTheReasonTheMenuGives)
{
    const raft::NodeId leader = electLeader();
    ASSERT_NE(leader, raft::kNoNode);
    hover(&view(), view().nodeCenter(leader));
    const auto timeout = button(view(), ClusterQuickButtons::Kind::Timeout);
    ASSERT_TRUE(timeout.has_value());
    const raft::ActionResult check = sim().check(raft::act::Timeout{leader});
    ASSERT_FALSE(check.isDone());
    const QString reason = RefusalText::describe(check);
    QTest::qWait(300); // faded in
    saveScreenshot(&view(), QStringLiteral("quick-buttons-leader.png"));
    EXPECT_FALSE(timeout->enabled);
    EXPECT_TRUE(timeout->toolTip.contains(reason)) << timeout->toolTip.toStdString();
    // The others are enabled.
    EXPECT_TRUE(button(view(), ClusterQuickButtons::Kind::PauseResume)->enabled);

    // A click reports the refusal in the status bar, word for word as the action's road
    // does, and changes nothing.
    const raft::Term term = sim().term(leader);
    QTest::mouseClick(&view(), Qt::LeftButton, {}, timeout->centre.toPoint());
    EXPECT_EQ(m_window->statusBar()->currentMessage(), reason);
    EXPECT_EQ(sim().term(leader), term);
    EXPECT_EQ(sim().leader(), std::optional<raft::NodeId>(leader));

    // A crashed server cannot be paused: disabled, with the core's reason.
    controller().crash(leader);
    hover(&view(), view().nodeCenter(leader == 1 ? 2 : 1));
    hover(&view(), view().nodeCenter(leader));
    const auto pause = button(view(), ClusterQuickButtons::Kind::PauseResume);
    ASSERT_TRUE(pause.has_value());
    EXPECT_FALSE(pause->enabled);
    EXPECT_TRUE(pause->toolTip.contains(RefusalText::describe(sim().check(raft::act::Pause{leader}))));
    EXPECT_TRUE(button(view(), ClusterQuickButtons::Kind::CrashRestart)->enabled);

    // In Chinese, the tool tip is Chinese too.
    Language::apply(QStringLiteral("zh_CN"));
    const auto chinese = button(view(), ClusterQuickButtons::Kind::PauseResume);
    ASSERT_TRUE(chinese.has_value());
    EXPECT_TRUE(chinese->toolTip.contains(QStringLiteral("被拒绝"))) << chinese->toolTip.toStdString();
    EXPECT_TRUE(chinese->toolTip.startsWith(QStringLiteral("暂停"))) << chinese->toolTip.toStdString();
}

TEST_F(TouchWindowTest, LongPressOnAServerOpensItsMenu)
{
    const QPoint at = view().nodeCenter(3).toPoint();
    QTest::mousePress(&view(), Qt::LeftButton, {}, at);
    QTest::qWait(ClusterView::kLongPressMs / 2);
    EXPECT_EQ(openMenu(QStringLiteral("nodeMenu")), nullptr) << "not before the press is long";
    QTest::qWait(ClusterView::kLongPressMs);
    QMenu *menu = openMenu(QStringLiteral("nodeMenu"));
    ASSERT_NE(menu, nullptr);
    EXPECT_EQ(QApplication::activePopupWidget(), menu);
    closePopups();

    // A press that moves is a drag, not a long press.
    QMouseEvent press(QEvent::MouseButtonPress, at, view().mapToGlobal(at), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QApplication::sendEvent(&view(), &press);
    const QPointF moved = QPointF(at) + QPointF(40, 0);
    QMouseEvent move(QEvent::MouseMove, moved, view().mapToGlobal(moved), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(&view(), &move);
    QTest::qWait(ClusterView::kLongPressMs * 3 / 2);
    EXPECT_EQ(QApplication::activePopupWidget(), nullptr);
    QMouseEvent release(QEvent::MouseButtonRelease, moved, view().mapToGlobal(moved), Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QApplication::sendEvent(&view(), &release);
}

namespace {

class TouchViewTest : public ::testing::Test {
protected:
    void show(const raft::Simulation &sim, QSize size = {1280, 720})
    {
        m_view = std::make_unique<ClusterView>();
        m_view->resize(size);
        m_view->setSimulation(&sim);
        m_view->setQuickButtonsEnabled(true);
        m_view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_view.get()));
    }
    std::unique_ptr<ClusterView> m_view;
};

} // namespace

TEST_F(TouchViewTest, QuickButtonsNeverCoverALabelOrAnotherServer)
{
    for (const QSize size : {QSize(1280, 720), QSize(800, 600), QSize(3840, 2160)}) {
        for (int nodes = 1; nodes <= raft::kMaxNodes; ++nodes) {
            for (const double scale : {1.0, 2.0}) {
                raft::Simulation sim(testing_widgets::slowConfig(nodes));
                show(sim, size);
                m_view->setTextScale(scale);
                (void)m_view->grab(); // the labels are placed when painted
                for (raft::NodeId id = 1; id <= nodes; ++id) {
                    SCOPED_TRACE(testing::Message() << size.width() << "x" << size.height() << " " << nodes
                                                    << " servers, text ×" << scale << ", S" << id);
                    hover(m_view.get(), m_view->nodeCenter(id));
                    const auto buttons = m_view->quickButtons();
                    ASSERT_EQ(buttons.size(), 4u);
                    for (const auto &b : buttons) {
                        EXPECT_TRUE(QRectF(m_view->rect()).contains(b.rect()));
                        for (raft::NodeId other = 1; other <= nodes; ++other) {
                            EXPECT_FALSE(b.rect().intersects(m_view->labelRect(other))) << "label of S" << other;
                            if (other != id) {
                                EXPECT_FALSE(b.rect().intersects(m_view->clusterLayout().discBox(other)));
                            }
                        }
                    }
                    for (std::size_t i = 0; i < buttons.size(); ++i)
                        for (std::size_t j = i + 1; j < buttons.size(); ++j)
                            EXPECT_GE(QLineF(buttons[i].centre, buttons[j].centre).length(),
                                      buttons[i].radius + buttons[j].radius);
                }
            }
        }
    }
}

TEST_F(TouchViewTest, QuickButtonsGrowWithTheTextScaleAndTheZoom)
{
    raft::Simulation sim(testing_widgets::slowConfig(5));
    show(sim);
    hover(m_view.get(), m_view->nodeCenter(2));
    const qreal normal = m_view->quickButtons().front().radius;
    m_view->setZoom(2.0);
    hover(m_view.get(), m_view->nodeCenter(2));
    const qreal zoomed = m_view->quickButtons().front().radius;
    EXPECT_GT(zoomed, normal * 1.5);
    m_view->setZoom(1.0);
    m_view->setTextScale(2.0);
    hover(m_view.get(), m_view->nodeCenter(2));
    EXPECT_GT(m_view->quickButtons().front().radius, normal * 1.3);
}

TEST_F(TouchViewTest, QuickButtonsFadeInAndOutAndStayOutOfPicturesUnlessHovered)
{
    raft::Simulation sim(testing_widgets::slowConfig(3));
    show(sim);
    const QImage plain = m_view->grab().toImage();
    QSignalSpy actions(m_view.get(), &ClusterView::nodeActionRequested);

    hover(m_view.get(), m_view->nodeCenter(1));
    EXPECT_EQ(m_view->quickButtonsNode(), 1);
    EXPECT_LT(m_view->quickButtonsOpacity(), 1.0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_view->quickButtonsOpacity() >= 1.0; }, 2000));
    EXPECT_NE(m_view->grab().toImage(), plain) << "hovered: the buttons are in the picture";
    saveScreenshot(m_view.get(), QStringLiteral("quick-buttons.png"));

    // A click on a button asks for its action and selects nothing.
    const auto pause = button(*m_view, ClusterQuickButtons::Kind::PauseResume);
    ASSERT_TRUE(pause.has_value());
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, pause->centre.toPoint());
    ASSERT_EQ(actions.count(), 1);
    EXPECT_EQ(actions.at(0).at(0).value<raft::Action>(), raft::Action(raft::act::Pause{1}));
    EXPECT_EQ(m_view->selectedNode(), raft::kNoNode);
    // The second press of a double click does not act again (it would undo the first).
    QMouseEvent twice(QEvent::MouseButtonDblClick, pause->centre, m_view->mapToGlobal(pause->centre), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view.get(), &twice);
    EXPECT_EQ(actions.count(), 1);

    // Away from the server, they fade out and leave the picture as it was.
    hover(m_view.get(), QPointF(3, 3));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_view->quickButtonsNode() == raft::kNoNode; }, 2000));
    EXPECT_EQ(m_view->grab().toImage(), plain);
}

TEST_F(TouchViewTest, LongPressOnAMessageRequestsItsMenu)
{
    raft::Simulation sim(testing_widgets::slowConfig(3));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(60'000)));
    sim.runFor(raft::fromMs(100));
    const raft::Envelope *flying = nullptr;
    for (const raft::Envelope *e : sim.network().envelopes())
        if (!e->waiting && !e->doomed && e->sentAt < sim.now() && e->deliverAt > sim.now() + raft::fromMs(150))
            flying = e;
    ASSERT_NE(flying, nullptr);
    show(sim);
    QSignalSpy menus(m_view.get(), &ClusterView::messageContextMenuRequested);
    const QPoint at = m_view->messagePosition(flying->id)->toPoint();
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, at);
    ASSERT_TRUE(QTest::qWaitFor([&] { return menus.count() == 1; }, 3 * ClusterView::kLongPressMs));
    EXPECT_EQ(menus.at(0).at(0).value<std::uint64_t>(), flying->id);
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, at);
}

TEST_F(TouchViewTest, AFingerHeldOnAServerRequestsItsMenu)
{
    // A touch screen: the touch becomes a held press (Qt makes mouse events of a touch
    // the view does not take), and holding still opens the menu.
    raft::Simulation sim(testing_widgets::slowConfig(3));
    show(sim);
    QSignalSpy menus(m_view.get(), &ClusterView::nodeContextMenuRequested);
    QPointingDevice *screen = QTest::createTouchDevice();
    const QPoint at = m_view->nodeCenter(2).toPoint();
    QTest::touchEvent(m_view.get(), screen).press(0, at);
    ASSERT_TRUE(QTest::qWaitFor([&] { return menus.count() == 1; }, 3 * ClusterView::kLongPressMs));
    EXPECT_EQ(menus.at(0).at(0).value<raft::NodeId>(), 2);
    QTest::touchEvent(m_view.get(), screen).release(0, at);
}

TEST_F(TouchViewTest, PinchAndNativeZoomGesturesZoomAboutTheirCentre)
{
    raft::Simulation sim(testing_widgets::slowConfig(5));
    show(sim);
    // A trackpad's zoom gesture: +0.5 is half as large again; the point under the
    // fingers stays where it is.
    const QPointF anchor = m_view->nodeCenter(2);
    QNativeGestureEvent native(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, anchor,
                               anchor, m_view->mapToGlobal(anchor), 0.5, QPointF());
    QApplication::sendEvent(m_view.get(), &native);
    EXPECT_DOUBLE_EQ(m_view->zoom(), 1.5);
    EXPECT_NEAR(m_view->nodeCenter(2).x(), anchor.x(), 0.5);
    EXPECT_NEAR(m_view->nodeCenter(2).y(), anchor.y(), 0.5);

    // A touch screen's pinch: the change of scale since the last event.
    QPinchGesture pinch;
    pinch.setChangeFlags(QPinchGesture::ScaleFactorChanged);
    pinch.setScaleFactor(0.5);
    pinch.setCenterPoint(m_view->mapToGlobal(QPointF(m_view->rect().center())));
    QGestureEvent gestures({&pinch});
    QApplication::sendEvent(m_view.get(), &gestures);
    EXPECT_DOUBLE_EQ(m_view->zoom(), 0.75);

    // The zoom commands' limits hold for gestures too.
    QNativeGestureEvent huge(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, anchor, anchor,
                             m_view->mapToGlobal(anchor), 100.0, QPointF());
    QApplication::sendEvent(m_view.get(), &huge);
    EXPECT_DOUBLE_EQ(m_view->zoom(), ClusterView::kMaxZoom);
}
