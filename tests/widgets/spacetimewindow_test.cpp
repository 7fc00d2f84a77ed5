// The space-time diagram in the window: a View menu entry, a click on an arrow selects
// the message (the Inspector shows it) and goes to its send, a click on a lane's name
// selects the server everywhere, and the Heartbeats box hides heartbeats.
#include "widgets/selection.h"
#include "widgets/spacetimepane.h"
#include "widgets/spacetimeview.h"
#include "windowfixture.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QMenu>

#include <algorithm>
#include <cstdlib>

namespace {

class SpaceTimeWindow : public WindowFixture {
protected:
    void SetUp() override
    {
        WindowFixture::SetUp();
        controller().runTo(raft::fromMs(2000));
        m_window->spaceTimeDock()->show();
        m_window->spaceTimeDock()->raise();
        QApplication::processEvents();
        view()->setVisibleRange(raft::fromMs(800), raft::fromMs(800));
    }
    widgets::SpaceTimeView *view() { return m_window->spaceTimeView(); }
};

TEST_F(SpaceTimeWindow, IsAPaneOfTheViewMenu)
{
    QAction *toggle = m_window->spaceTimeDock()->toggleViewAction();
    auto *viewMenu = m_window->findChild<QMenu *>(QStringLiteral("viewMenu"));
    ASSERT_NE(viewMenu, nullptr);
    EXPECT_TRUE(viewMenu->actions().contains(toggle));
    EXPECT_EQ(view()->model().lanes(), sim().size());
}

TEST_F(SpaceTimeWindow, ClickOnAnArrowSelectsTheMessageAndGoesToItsSend)
{
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view()));
    const auto &records = view()->model().messages();
    const std::vector<widgets::SpaceTimeArrow> arrows = view()->arrows();
    const auto target = std::find_if(arrows.begin(), arrows.end(), [&](const widgets::SpaceTimeArrow &a) {
        const raft::MessageRecord &r = records[a.index];
        return std::abs(r.from - r.to) >= 2 && a.end == widgets::SpaceTimeArrow::End::Delivered
            && view()->plotRect().contains(a.from) && view()->plotRect().contains(a.to)
            && view()->messageAt(((a.from + a.to) / 2).toPoint()) == a.id;
    });
    ASSERT_NE(target, arrows.end());
    const raft::Time sentAt = records[target->index].sentAt;
    m_window->setBranchAnswer(true);
    QTest::mouseClick(view(), Qt::LeftButton, {}, ((target->from + target->to) / 2).toPoint());
    EXPECT_EQ(sim().now(), sentAt);
    EXPECT_EQ(m_window->selection()->message(), target->id);
    // At its send it is in flight: the cluster view and the inspector can show it.
    EXPECT_NE(sim().network().find(target->id), nullptr);
}

TEST_F(SpaceTimeWindow, ClickOnALaneNameSelectsTheServer)
{
    ASSERT_TRUE(QTest::qWaitForWindowExposed(view()));
    QTest::mouseClick(view(), Qt::LeftButton, {}, QPoint(6, static_cast<int>(view()->laneY(3))));
    EXPECT_EQ(m_window->selection()->node(), 3);
}

TEST_F(SpaceTimeWindow, HeartbeatsBoxHidesHeartbeats)
{
    auto *pane = qobject_cast<widgets::SpaceTimePane *>(m_window->spaceTimeDock()->widget());
    ASSERT_NE(pane, nullptr);
    const auto &records = view()->model().messages();
    const auto beats = [&] {
        const auto arrows = view()->arrows();
        return std::count_if(arrows.begin(), arrows.end(),
                             [&](const widgets::SpaceTimeArrow &a) { return records[a.index].heartbeat; });
    };
    ASSERT_GT(beats(), 0);
    pane->heartbeatsBox()->setChecked(false);
    EXPECT_FALSE(view()->heartbeatsShown());
    EXPECT_EQ(beats(), 0);
}

TEST_F(SpaceTimeWindow, KeepsItsPlaceInPresentationMode)
{
    auto *pane = qobject_cast<widgets::SpaceTimePane *>(m_window->spaceTimeDock()->widget());
    ASSERT_NE(pane, nullptr);
    ASSERT_TRUE(view()->isVisible());
    m_window->setPresentation(true, false);
    QApplication::processEvents();
    EXPECT_TRUE(view()->isVisible());
    EXPECT_FALSE(pane->heartbeatsBox()->isVisible()); // the controls make room
    m_window->setPresentation(false);
    QApplication::processEvents();
    EXPECT_TRUE(pane->heartbeatsBox()->isVisible());
}

} // namespace
