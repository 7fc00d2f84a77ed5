// The alarm in the window (issue 11): when an invariant breaks, in a lesson or in free
// play, playback stops right after the event that broke it; the red banner, the step
// banner (property, section, what differs), the rings on the cluster and the marks in
// the log grid all name the same finding (widgets::alarmViolation).
#include "windowfixture.h"

#include "app/violationbanner.h"
#include "raft/scenarioplayer.h"
#include "widgets/alarm.h"
#include "widgets/logmodel.h"
#include "widgets/logview.h"
#include "widgets/stepbanner.h"

#include <QFile>

#include <algorithm>

using raft::PlayerStop;

namespace {

QString lessonText(const char *name)
{
    QFile file(QStringLiteral(RAFTVIZ_SOURCE_DIR "/resources/scenarios/") + QLatin1String(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly | QIODevice::Text)) << name;
    return QString::fromUtf8(file.readAll());
}

/// playToAlarm plays the loaded lesson frame by frame as a class would (Next at each
/// stop) until the clock stops because an invariant broke. Returns false if the lesson
/// ended first.
bool playToAlarm(SimulationController &controller)
{
    controller.setSpeed(1.0);
    const std::size_t before = controller.simulation().violations().size();
    for (int frame = 0; frame < 20'000; ++frame) {
        if (controller.simulation().violations().size() > before)
            return true;
        switch (controller.lessonStop()) {
        case PlayerStop::End: return false;
        case PlayerStop::Say:
        case PlayerStop::Reveal: controller.nextLine(); break;
        case PlayerStop::Ask: controller.answerQuestion(0); break;
        case PlayerStop::Wait: controller.continueLesson(); break;
        case PlayerStop::None: controller.play(); break;
        }
        controller.advanceFrame(20.0);
    }
    return false;
}

} // namespace

class AlarmTest : public WindowFixture {
protected:
    void SetUp() override
    {
        WindowFixture::SetUp();
        controller().setFrameTimerEnabled(false); // the test moves time, frame by frame
    }

    /// expectOneFinding checks that every part of the window names the alarm's finding
    /// and that playback stands right after the step that broke it.
    void expectOneFinding()
    {
        const raft::Violation *alarm = widgets::alarmViolation(sim());
        ASSERT_NE(alarm, nullptr);
        EXPECT_FALSE(controller().isPlaying());
        EXPECT_EQ(alarm->step, history().currentStep()) << "playback stops right after the breaking step";
        EXPECT_EQ(alarm->t, sim().now());
        EXPECT_DOUBLE_EQ(controller().displayTime(), static_cast<double>(alarm->t));
        const QString what = QString::fromStdString(alarm->what);

        // The red banner.
        EXPECT_TRUE(m_window->violationText().contains(what)) << m_window->violationText().toStdString();
        // The step banner: the property and what differs large, the section as its badge.
        const widgets::StepBanner *banner = m_window->stepBanner();
        ASSERT_FALSE(banner->isEmpty());
        EXPECT_TRUE(banner->isVisible());
        EXPECT_EQ(banner->mainEvent().kind, raft::EventKind::InvariantViolated);
        EXPECT_TRUE(banner->mainText().contains(what)) << banner->mainText().toStdString();
        EXPECT_EQ(banner->sectionText(), QString::fromStdString(alarm->section));
        EXPECT_EQ(banner->mainEvent().step, alarm->step);

        // The log grid marks exactly the entry of that finding, on its servers.
        const widgets::LogModel *model = m_window->findChild<widgets::LogView *>()->model();
        for (raft::NodeId id = 1; id <= sim().size(); ++id) {
            for (int column = 0; column < model->columnCount(); ++column) {
                const bool marked = model->index(id - 1, column).data(widgets::LogModel::ViolationRole).toBool();
                const bool named = std::find(alarm->nodes.begin(), alarm->nodes.end(), id) != alarm->nodes.end()
                    && alarm->index == static_cast<raft::Index>(column) + 1;
                EXPECT_EQ(marked, named) << "S" << id << " entry " << column + 1 << " for " << alarm->what;
            }
        }
    }
};

// Figure 2 (votedFor on stable storage): the lesson breaks "One vote per term" at a
// restart and "Election Safety" inside a run; each time playback stops at that event
// (not at the next say line), and everything names the finding of that moment.
TEST_F(AlarmTest, ALessonStopsAtEachViolationAndEveryPartNamesTheSameFinding)
{
    ASSERT_EQ(controller().loadScenario(lessonText("bug-forget-vote-on-restart.scenario"),
                                        QStringLiteral("bug-forget-vote-on-restart.scenario")),
              QString());
    ASSERT_TRUE(playToAlarm(controller()));
    EXPECT_EQ(widgets::alarmViolation(sim())->property, "One vote per term");
    EXPECT_EQ(controller().lessonStop(), PlayerStop::None) << "stopped by the alarm, not by a say line";
    expectOneFinding();

    ASSERT_TRUE(playToAlarm(controller()));
    EXPECT_EQ(widgets::alarmViolation(sim())->property, "Election Safety");
    EXPECT_EQ(controller().lessonStop(), PlayerStop::None) << "inside the run, before the say line after it";
    expectOneFinding();
    // The banner counts the run's other findings.
    EXPECT_TRUE(m_window->violationText().contains(QStringLiteral("more"))) << m_window->violationText().toStdString();
}

// Figure 2 (apply only committed entries): each follower's early apply is its own
// finding; the marks in the log grid follow the one the banners name.
TEST_F(AlarmTest, TheEntryMarkedIsTheEntryTheBannersName)
{
    ASSERT_EQ(controller().loadScenario(lessonText("bug-apply-before-commit.scenario"),
                                        QStringLiteral("bug-apply-before-commit.scenario")),
              QString());
    ASSERT_TRUE(playToAlarm(controller()));
    const raft::Violation first = *widgets::alarmViolation(sim());
    EXPECT_EQ(first.index, 1u);
    expectOneFinding();
    if (playToAlarm(controller())) {
        EXPECT_NE(widgets::alarmViolation(sim())->nodes, first.nodes) << "the other follower";
        expectOneFinding();
    }
}

// Free play (no lesson): the alarm stops the clock at the event, stepping back before
// it and playing on rings it again at the same event.
TEST_F(AlarmTest, FreePlayStopsAtTheEventAndAgainAfterSteppingBack)
{
    raft::ClusterConfig config;
    config.nodes = 3;
    config.noop = false;
    config.bugs.applyBeforeCommit = true;
    controller().newCluster(config);
    controller().setSpeed(1.0);
    controller().play();
    for (int frame = 0; frame < 5'000 && controller().isPlaying(); ++frame) {
        if (frame == 50 && sim().leader())
            controller().requestToLeader(QStringLiteral("set x 1"));
        if (frame > 50 && frame % 25 == 0 && sim().leader())
            controller().requestToLeader(QStringLiteral("set y 2"));
        controller().advanceFrame(20.0);
    }
    ASSERT_FALSE(sim().violations().empty());
    expectOneFinding();
    const std::uint64_t step = history().currentStep();

    controller().seekToStep(step - 1);
    EXPECT_TRUE(m_window->violationText().isEmpty());
    controller().play();
    for (int frame = 0; frame < 1'000 && controller().isPlaying(); ++frame)
        controller().advanceFrame(20.0);
    EXPECT_EQ(history().currentStep(), step) << "the alarm rang at the same event again";
    expectOneFinding();
}

// The finding the alarm shows is the first of the latest step that broke anything.
TEST(AlarmViolation, IsTheFirstFindingOfTheLatestBreakingStep)
{
    raft::ClusterConfig config;
    config.nodes = 3;
    raft::Simulation sim(config);
    EXPECT_EQ(widgets::alarmViolation(sim), nullptr);
}
