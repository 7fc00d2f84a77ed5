// Membership changes in the window (paper §6, dissertation §4): Cluster › Add Server,
// Add and Remove in a server's menu, how a learner, a spare and a removed server are
// drawn, the quorum box counting voters, and the inspector's configuration.
#include "app/mainwindow.h"
#include "app/simulationcontroller.h"
#include "widgets/clusternodepainter.h"
#include "widgets/clusterview.h"
#include "widgets/inspector.h"
#include "widgets/networksides.h"
#include "widgets/selection.h"
#include "windowfixture.h"

#include <QLineF>
#include <QMenu>
#include <QTest>

#include <gtest/gtest.h>

namespace {

class MembershipWindowTest : public WindowFixture {
protected:
    raft::NodeId electLeader()
    {
        for (raft::Time t = sim().now() + raft::fromMs(250); t <= sim().now() + raft::fromMs(20'000) && !sim().leader(); t += 250)
            controller().runTo(t);
        return sim().leader().value_or(raft::kNoNode);
    }
    /// settle runs until the leader committed an entry of its term and no change is pending.
    void settle()
    {
        for (int i = 0; i < 40; ++i) {
            const auto l = sim().leader();
            if (l && !sim().node(*l)->isChangePending()
                && sim().log(*l).termAt(sim().commitIndex(*l)) == sim().term(*l))
                return;
            controller().runTo(sim().now() + raft::fromMs(250));
        }
    }
};

// Reference: §4.2.1 — Cluster › Add Server brings in a new machine (the world grows
// by one), which first catches up as a learner and then votes; the chip and the
// quorum count follow.
TEST_F(MembershipWindowTest, AddServerGrowsTheClusterByANewVoter)
{
    ASSERT_NE(electLeader(), raft::kNoNode);
    settle();
    const int before = sim().size();
    EXPECT_EQ(SimulationController::nextServerToAdd(sim()), before + 1);
    QAction *add = action("addServerAction");
    ASSERT_NE(add, nullptr);
    add->trigger();
    ASSERT_EQ(sim().size(), before + 1);
    const raft::NodeId added = static_cast<raft::NodeId>(before + 1);
    EXPECT_EQ(widgets::ClusterNodePainter::lookOf(sim(), added).member, raft::MemberState::Learner);
    for (int i = 0; i < 40 && sim().memberState(added) != raft::MemberState::Voter; ++i)
        controller().runTo(sim().now() + raft::fromMs(250));
    EXPECT_EQ(sim().memberState(added), raft::MemberState::Voter);
    EXPECT_EQ(widgets::NetworkSides::voters(sim()), before + 1);
    EXPECT_EQ(sim().configurationOf(added).voters.size(), static_cast<std::size_t>(before + 1));
    EXPECT_TRUE(sim().violations().empty());
}

// Found by the GUI monkey (monkey_test.cpp): a server added during the run stays
// selected when the teacher steps back to before it existed (its id means the same
// machine, like a selected message that is not in flight). The inspector then went
// on showing that server's fields from the later moment, as if it were part of the
// world shown; it must say that the server does not exist yet.
TEST_F(MembershipWindowTest, InspectorOfAServerSteppedBackBeforeItsAdditionShowsNoStaleFields)
{
    ASSERT_NE(electLeader(), raft::kNoNode);
    settle();
    const int before = sim().size();
    const std::uint64_t beforeAdd = history().currentStep();
    action("addServerAction")->trigger();
    ASSERT_EQ(sim().size(), before + 1);
    const auto added = static_cast<raft::NodeId>(before + 1);
    controller().runTo(sim().now() + raft::fromMs(500));
    m_window->selection()->selectNode(added);
    ASSERT_TRUE(m_window->inspector()->lines().front().contains(QStringLiteral("S%1").arg(added)));
    ASSERT_GT(m_window->inspector()->lines().size(), 1);

    controller().seekToStep(beforeAdd);
    ASSERT_EQ(sim().size(), before);
    const QStringList lines = m_window->inspector()->lines();
    EXPECT_EQ(lines.size(), 1) << lines.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(lines.front().contains(QStringLiteral("does not exist"))) << lines.front().toStdString();

    // Forward again past the addition, its fields come back.
    controller().seekToStep(history().frontierStep());
    EXPECT_GT(m_window->inspector()->lines().size(), 1);
    EXPECT_FALSE(m_window->inspector()->lines().front().contains(QStringLiteral("does not exist")));
}

// The "+" on the ring sits between the last server and S1, clear of every disc, and a
// click on it asks the leader to add the next server.
TEST_F(MembershipWindowTest, PlusOnTheRingAddsAServer)
{
    ASSERT_NE(electLeader(), raft::kNoNode);
    settle();
    auto *view = m_window->findChild<widgets::ClusterView *>(QStringLiteral("clusterView"));
    ASSERT_NE(view, nullptr);
    const QRectF plus = view->addButtonRect();
    ASSERT_FALSE(plus.isEmpty());
    EXPECT_TRUE(view->rect().contains(plus.toAlignedRect()));
    for (raft::NodeId id = 1; id <= sim().size(); ++id)
        EXPECT_GT(QLineF(plus.center(), view->nodeCenter(id)).length(), plus.width()) << id;
    const int before = sim().size();
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, plus.center().toPoint());
    EXPECT_EQ(sim().size(), before + 1);
    EXPECT_EQ(sim().memberState(static_cast<raft::NodeId>(before + 1)), raft::MemberState::Learner);
}

// Reference: §4.2.2 — Remove in a server's menu; the removed server is drawn greyed
// (outside the configuration) and the inspector says so.
TEST_F(MembershipWindowTest, RemoveInTheMenuLeavesTheServerGreyed)
{
    const raft::NodeId leader = electLeader();
    ASSERT_NE(leader, raft::kNoNode);
    settle();
    const raft::NodeId other = leader == 1 ? 2 : 1;
    QMenu *menu = m_window->createNodeMenu(other);
    QAction *remove = menu->findChild<QAction *>(QStringLiteral("removeNodeAction"));
    ASSERT_NE(remove, nullptr);
    ASSERT_TRUE(remove->isEnabled()) << remove->statusTip().toStdString();
    remove->trigger();
    delete menu;
    for (int i = 0; i < 40 && sim().memberState(other) != raft::MemberState::Removed; ++i)
        controller().runTo(sim().now() + raft::fromMs(250));
    EXPECT_EQ(sim().memberState(other), raft::MemberState::Removed);
    EXPECT_EQ(widgets::ClusterNodePainter::lookOf(sim(), other).member, raft::MemberState::Removed);
    EXPECT_EQ(widgets::NetworkSides::voters(sim()), sim().size() - 1);

    // The removed server's menu offers to add it back, enabled once nothing is pending.
    settle();
    menu = m_window->createNodeMenu(other);
    QAction *addBack = menu->findChild<QAction *>(QStringLiteral("addNodeAction"));
    ASSERT_NE(addBack, nullptr);
    EXPECT_TRUE(addBack->isEnabled()) << addBack->statusTip().toStdString();
    delete menu;
    EXPECT_TRUE(sim().violations().empty());
}

// The refusal is the core's: with no leader, Remove is disabled and its tip says why.
TEST_F(MembershipWindowTest, RemoveWithoutALeaderIsRefusedWithTheReason)
{
    QMenu *menu = m_window->createNodeMenu(2);
    QAction *remove = menu->findChild<QAction *>(QStringLiteral("removeNodeAction"));
    ASSERT_NE(remove, nullptr);
    EXPECT_FALSE(remove->isEnabled());
    EXPECT_TRUE(remove->statusTip().contains(QStringLiteral("no leader"))) << remove->statusTip().toStdString();
    delete menu;
}

// A configuration is worded with its label and servers; joint shows both halves.
TEST(MembershipText, ConfigurationIsWordedWithBothHalvesWhileJoint)
{
    raft::Configuration c = raft::Configuration::first(3);
    EXPECT_EQ(widgets::Inspector::configText(c), QStringLiteral("C3: S1 S2 S3"));
    c.old = c.voters;
    c.voters = {1, 4, 5};
    EXPECT_EQ(widgets::Inspector::configText(c), QStringLiteral("C_old,new: new S1 S4 S5, old S1 S2 S3"));
}

} // namespace
