// Experiments › Election Timing…: the dialog runs the experiment in the background and
// draws one cumulative curve per range, the paper's figures marked; it can be cancelled.
#include "app/experimentdialog.h"
#include "app/language.h"

#include <QAbstractSeries>
#include <QChart>
#include <QCoreApplication>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <gtest/gtest.h>

namespace {

/// waitFinished waits (in virtual patience, not a timing assertion) for the run to end.
bool waitFinished(QSignalSpy &spy)
{
    for (int i = 0; i < 600 && spy.isEmpty(); ++i)
        spy.wait(100);
    return !spy.isEmpty();
}

} // namespace

TEST(ExperimentDialog, DrawsOneCurvePerRangeAndThePapersMarks)
{
    ExperimentDialog dialog;
    dialog.setTrials(20);
    dialog.setRanges(QStringLiteral("150-155,150-200,25-50"));
    QSignalSpy finished(&dialog, &ExperimentDialog::finished);
    dialog.run();
    EXPECT_TRUE(dialog.isRunning());
    ASSERT_TRUE(waitFinished(finished));
    EXPECT_FALSE(finished.front().front().toBool()); // not cancelled
    EXPECT_FALSE(dialog.isRunning());
    ASSERT_EQ(dialog.timingResults().size(), 3u);
    const QList<QAbstractSeries *> series = dialog.timingChart()->series();
    ASSERT_EQ(series.size(), 4); // three ranges and the paper's marks
    for (int i = 0; i < 3; ++i) {
        const auto *curve = qobject_cast<const QLineSeries *>(series[i]);
        ASSERT_NE(curve, nullptr);
        EXPECT_EQ(curve->count(), 2 * 20); // a step per trial, none censored
        EXPECT_DOUBLE_EQ(curve->points().back().y(), 100.0);
    }
    const auto *marks = qobject_cast<const QScatterSeries *>(series[3]);
    ASSERT_NE(marks, nullptr);
    // 150–155's median (287 ms at 50%) and 150–200's worst case (513 ms at 100%).
    ASSERT_EQ(marks->count(), 2);
    EXPECT_EQ(marks->points()[0], QPointF(287, 50));
    EXPECT_EQ(marks->points()[1], QPointF(513, 100));

    // RAFTVIZ_EXPERIMENT_SHOT=FILE.png keeps a picture of the dialog to look at.
    if (const QByteArray shot = qgetenv("RAFTVIZ_EXPERIMENT_SHOT"); !shot.isEmpty()) {
        dialog.setTrials(300);
        dialog.setRanges(QStringLiteral("150-150,150-151,150-155,150-175,150-200,150-300,12-24,25-50,50-100,100-200"));
        finished.clear();
        dialog.run();
        ASSERT_TRUE(waitFinished(finished));
        dialog.show();
        dialog.grab().save(QString::fromLocal8Bit(shot));
    }
}

TEST(ExperimentDialog, SplitVotesOneLinePerLatency)
{
    ExperimentDialog dialog;
    dialog.showPage(ExperimentDialog::Page::SplitVote);
    dialog.setTrials(10);
    QSignalSpy finished(&dialog, &ExperimentDialog::finished);
    dialog.run();
    ASSERT_TRUE(waitFinished(finished));
    ASSERT_EQ(dialog.splitResults().size(), 16u); // sizes 3, 5, 7, 9 × four latencies
    const QList<QAbstractSeries *> series = dialog.splitChart()->series();
    ASSERT_EQ(series.size(), 4);
    for (QAbstractSeries *s : series)
        EXPECT_EQ(qobject_cast<QLineSeries *>(s)->count(), 4);

    if (const QByteArray shot = qgetenv("RAFTVIZ_SPLITVOTE_SHOT"); !shot.isEmpty()) {
        dialog.setTrials(300);
        finished.clear();
        dialog.run();
        ASSERT_TRUE(waitFinished(finished));
        dialog.show();
        dialog.grab().save(QString::fromLocal8Bit(shot));
    }
}

TEST(ExperimentDialog, CancelKeepsNoResults)
{
    ExperimentDialog dialog;
    dialog.setTrials(100'000);
    dialog.setRanges(QStringLiteral("150-150"));
    QSignalSpy finished(&dialog, &ExperimentDialog::finished);
    dialog.run();
    dialog.cancel();
    ASSERT_TRUE(waitFinished(finished));
    EXPECT_TRUE(finished.front().front().toBool()); // cancelled
    EXPECT_TRUE(dialog.timingResults().empty());
    EXPECT_FALSE(dialog.isRunning());
}

// Every word of the dialog is translated, and a language change rewords it at once.
TEST(ExperimentDialog, SpeaksChinese)
{
    ExperimentDialog dialog;
    dialog.setTrials(20);
    dialog.setRanges(QStringLiteral("150-155,150-200,12-24,25-50"));
    QSignalSpy finished(&dialog, &ExperimentDialog::finished);
    dialog.run();
    ASSERT_TRUE(waitFinished(finished));
    ASSERT_TRUE(Language::apply(QStringLiteral("zh_CN")));
    QCoreApplication::processEvents(); // the LanguageChange events are posted
    EXPECT_EQ(dialog.windowTitle(), QStringLiteral("实验"));
    EXPECT_EQ(dialog.findChild<QPushButton *>(QStringLiteral("runButton"))->text(), QStringLiteral("运行(&R)"));
    EXPECT_EQ(dialog.findChild<QTabWidget *>()->tabText(0), QStringLiteral("选举计时（§9.3）"));
    if (const QByteArray shot = qgetenv("RAFTVIZ_EXPERIMENT_ZH_SHOT"); !shot.isEmpty()) {
        dialog.show();
        dialog.grab().save(QString::fromLocal8Bit(shot));
    }
    Language::apply(QStringLiteral("en"));
    QCoreApplication::processEvents();
    EXPECT_EQ(dialog.windowTitle(), QStringLiteral("Experiments"));
}
