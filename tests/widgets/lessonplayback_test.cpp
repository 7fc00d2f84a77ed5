// Lessons in the window: the controller plays a lesson with raft::ScenarioPlayer, the
// player --headless uses, stopping at its say lines, waits and questions; Back and
// Next move along the narration through the history; the narration shown follows the
// history position. And every shipped lesson ends with the same result and the same
// failure words in the window as headless.
#include "app/simulationcontroller.h"

#include "raft/scenarioplayer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>

#include <gtest/gtest.h>

using raft::PlayerStop;

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly | QIODevice::Text)) << path.toStdString();
    return QString::fromUtf8(file.readAll());
}

/// playLikeAClass plays a loaded lesson with frames, as the window does, pressing
/// Next at each say line and reveal, Continue at each wait and the first answer at
/// each question, until the lesson ends. Returns false if it never ended.
bool playLikeAClass(SimulationController &controller)
{
    controller.setSpeed(1.0);
    for (int frame = 0; frame < 200000; ++frame) {
        switch (controller.lessonStop()) {
        case PlayerStop::End: return true;
        case PlayerStop::Say:
        case PlayerStop::Reveal: controller.nextLine(); break;
        case PlayerStop::Ask: controller.answerQuestion(0); break;
        case PlayerStop::Wait:
            if (controller.waitHint().isEmpty())
                break;
            controller.continueLesson();
            break;
        case PlayerStop::None: controller.play(); break;
        }
        controller.advanceFrame(50.0);
    }
    return false;
}

/// Lesson is a small lesson with two say lines, a wait and a question.
const char *const kLesson = "nodes 3\n"
                            "seed 4\n"
                            "pace 1/10\n"
                            "say first\n"
                            "timeout S2\n"
                            "run until leader max 1s\n"
                            "say second\n"
                            "run 200ms\n"
                            "wait until status S2 crashed | Crash S2\n"
                            "crash S2\n"
                            "ask Who leads next?\n"
                            "answer S1 when leader S1\n"
                            "answer S3 when leader S3\n"
                            "run until new-leader max 2s\n"
                            "reveal\n"
                            "say third\n"
                            "run 100ms\n";

} // namespace

TEST(LessonPlayback, StopsAtEachSayLineAndNextPlaysOn)
{
    SimulationController controller;
    ASSERT_EQ(controller.loadScenario(QString::fromLatin1(kLesson), QStringLiteral("lesson.scenario")), QString());
    EXPECT_DOUBLE_EQ(controller.speed(), 0.1) << "the lesson's pace";
    EXPECT_EQ(controller.lessonStop(), PlayerStop::Say);
    EXPECT_EQ(controller.narration(), QStringLiteral("first"));
    EXPECT_FALSE(controller.isPlaying());
    // Frames do nothing while the lesson waits for Next.
    controller.advanceFrame(1000);
    EXPECT_EQ(controller.simulation().now(), 0);
    controller.nextLine();
    EXPECT_TRUE(controller.isPlaying());
    controller.setSpeed(1.0);
    for (int i = 0; i < 100 && controller.lessonStop() != PlayerStop::Say; ++i)
        controller.advanceFrame(50);
    ASSERT_EQ(controller.lessonStop(), PlayerStop::Say);
    EXPECT_EQ(controller.narration(), QStringLiteral("second"));
    EXPECT_EQ(controller.simulation().leader(), std::optional<raft::NodeId>(2));
    EXPECT_FALSE(controller.isPlaying()) << "the clock stops at a say line";
}

TEST(LessonPlayback, WaitsForTheClassAndGoesOnWhenTheConditionHolds)
{
    SimulationController controller;
    ASSERT_EQ(controller.loadScenario(QString::fromLatin1(kLesson), QStringLiteral("lesson.scenario")), QString());
    controller.setSpeed(1.0);
    for (int i = 0; i < 1000 && controller.lessonStop() != PlayerStop::Wait; ++i) {
        if (controller.lessonStop() == PlayerStop::Say)
            controller.nextLine();
        controller.advanceFrame(50);
    }
    ASSERT_EQ(controller.lessonStop(), PlayerStop::Wait);
    EXPECT_EQ(controller.waitHint(), QStringLiteral("Crash S2"));
    // The class does it with the mouse: the lesson sees it at once, and its own
    // "crash S2" line (which stood in for the class) is not run again.
    controller.crash(2);
    EXPECT_EQ(controller.lessonStop(), PlayerStop::Ask);
    ASSERT_TRUE(controller.question().has_value());
    EXPECT_EQ(controller.question()->answers.size(), 2u);
    EXPECT_TRUE(controller.lessonFailures().empty());
    // The class picks S3; the run decides.
    controller.answerQuestion(1);
    for (int i = 0; i < 1000 && controller.lessonStop() != PlayerStop::Reveal; ++i)
        controller.advanceFrame(50);
    ASSERT_EQ(controller.lessonStop(), PlayerStop::Reveal);
    const raft::Question &question = *controller.question();
    ASSERT_TRUE(question.revealed);
    const raft::NodeId leader = controller.simulation().leader().value_or(raft::kNoNode);
    EXPECT_EQ(question.right[0], leader == 1);
    EXPECT_EQ(question.right[1], leader == 3);
    EXPECT_EQ(question.classWasRight(), leader == 3);
    // A wrong answer says why the run makes it wrong.
    for (std::size_t i = 0; i < question.right.size(); ++i)
        EXPECT_EQ(question.why[i].empty(), question.right[i]) << i;
}

TEST(LessonPlayback, BackReturnsToThePreviousSayLineAndTheNarrationFollowsHistory)
{
    SimulationController controller;
    ASSERT_EQ(controller.loadScenario(QString::fromLatin1(kLesson), QStringLiteral("lesson.scenario")), QString());
    ASSERT_TRUE(playLikeAClass(controller));
    EXPECT_EQ(controller.narration(), QStringLiteral("third"));
    EXPECT_FALSE(controller.isPlaying()) << "the clock stops after the last line";
    const raft::Time end = controller.simulation().now();
    // Back from the end goes to the last say line's moment, then to the one before.
    controller.previousLine();
    EXPECT_EQ(controller.narration(), QStringLiteral("third"));
    EXPECT_EQ(controller.lessonStop(), PlayerStop::Say);
    controller.previousLine();
    EXPECT_EQ(controller.narration(), QStringLiteral("second"));
    EXPECT_EQ(controller.lessonStop(), PlayerStop::Say);
    EXPECT_EQ(controller.simulation().leader(), std::optional<raft::NodeId>(2));
    // Scrubbing shows the narration in force at that moment.
    controller.seekToTime(raft::fromMs(0));
    EXPECT_EQ(controller.narration(), QStringLiteral("first"));
    // Next replays the recorded run to the next say line.
    controller.nextLine();
    controller.setSpeed(1.0);
    for (int i = 0; i < 1000 && controller.lessonStop() != PlayerStop::Say; ++i)
        controller.advanceFrame(50);
    EXPECT_EQ(controller.narration(), QStringLiteral("second"));
    EXPECT_TRUE(controller.history().hasFuture());
    controller.seekToTime(end);
    EXPECT_EQ(controller.narration(), QStringLiteral("third"));
    EXPECT_FALSE(controller.isScenarioRunning());
}

TEST(LessonPlayback, EveryShippedLessonEndsTheSameInTheWindowAndHeadless)
{
    QDir root(QStringLiteral(RAFTVIZ_SOURCE_DIR "/resources/scenarios"));
    QStringList files;
    for (const QString &name : root.entryList({QStringLiteral("*.scenario")}, QDir::Files))
        files << root.filePath(name);
    for (const QString &name : QDir(root.filePath(QStringLiteral("zh_CN"))).entryList({QStringLiteral("*.scenario")}))
        files << root.filePath(QStringLiteral("zh_CN/") + name);
    ASSERT_GE(files.size(), 18);
    for (const QString &path : files) {
        const QString text = readFile(path);
        raft::Scenario scenario = raft::Scenario::parse(text.toStdString(), QFileInfo(path).fileName().toStdString());
        ASSERT_TRUE(scenario.isValid()) << path.toStdString();
        raft::ScenarioRunner headless(scenario);
        headless.run();

        SimulationController window;
        ASSERT_EQ(window.loadScenario(text, QFileInfo(path).fileName()), QString());
        ASSERT_TRUE(playLikeAClass(window)) << path.toStdString();
        EXPECT_EQ(window.lessonFailures(), headless.failures()) << path.toStdString();
        EXPECT_EQ(window.lessonPassed(), headless.passed()) << path.toStdString();
        EXPECT_EQ(window.simulation().now(), headless.simulation().now()) << path.toStdString();
        EXPECT_EQ(window.simulation().stats(), headless.simulation().stats()) << path.toStdString();
        EXPECT_EQ(window.history().trace().size(), headless.history().trace().size()) << path.toStdString();
        EXPECT_EQ(window.history().script(), headless.history().script()) << path.toStdString();
    }
}

// The snapshot lessons (§7) play to the end in the window too: the class takes the
// snapshot with the mouse (SimulationController::takeSnapshot, the menu's action),
// answers each question, and every expectation holds.
TEST(LessonPlayback, SnapshotLessonsPlayToTheEndInTheWindow)
{
    for (const char *name : {"snapshot-far-behind", "snapshot-restart"}) {
        QFile file(QStringLiteral(RAFTVIZ_SOURCE_DIR "/resources/scenarios/%1.scenario").arg(QLatin1String(name)));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly | QIODevice::Text)) << name;
        SimulationController controller;
        ASSERT_EQ(controller.loadScenario(QString::fromUtf8(file.readAll()), QLatin1String(name)), QString()) << name;
        controller.setSpeed(1.0);
        for (int i = 0; i < 4000 && controller.lessonStop() != PlayerStop::End; ++i) {
            switch (controller.lessonStop()) {
            case PlayerStop::Say:
            case PlayerStop::Reveal: controller.nextLine(); break;
            case PlayerStop::Wait: controller.takeSnapshot(2); break; // the only wait: S2's snapshot
            case PlayerStop::Ask: controller.answerQuestion(1); break;
            case PlayerStop::None:
                if (!controller.isPlaying())
                    controller.play();
                break;
            case PlayerStop::End: break;
            }
            controller.advanceFrame(50);
        }
        EXPECT_EQ(controller.lessonStop(), PlayerStop::End) << name;
        EXPECT_TRUE(controller.lessonFailures().empty())
            << name << ": " << (controller.lessonFailures().empty() ? "" : controller.lessonFailures().front().why);
        EXPECT_TRUE(controller.simulation().violations().empty()) << name;
    }
}
