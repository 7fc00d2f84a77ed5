#pragma once

#include "experiment/electiontiming.h"

#include <QDialog>

#include <memory>
#include <thread>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;
class QTimer;

/// ExperimentDialog (Experiments › Election Timing…) runs the paper's election-timing
/// experiment (§9.3, Figure 16) and the split-vote sweep in the background, on every
/// core, with progress and cancel, and draws the results with Qt Charts: one
/// cumulative distribution per timeout range with the paper's figures marked, and
/// the split-vote rate per cluster size, one line per network latency. The trials
/// are experiment:: simulations, independent of the window's cluster.
class ExperimentDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExperimentDialog(QWidget *parent = nullptr);
    ~ExperimentDialog() override;

    /// Page is one of the two experiments.
    enum class Page { ElectionTiming, SplitVote };
    void showPage(Page page);

    /// setTrials sets the trials per setting (for tests and screenshots).
    void setTrials(int trials);
    /// setRanges sets the timeout ranges, as "150-155,150-200".
    void setRanges(const QString &ranges);
    /// isRunning tells whether an experiment runs in the background.
    bool isRunning() const { return m_worker != nullptr; }
    /// timingChart and splitChart are the two charts (read by tests).
    const QChart *timingChart() const { return m_timingChart; }
    const QChart *splitChart() const { return m_splitChart; }
    const std::vector<experiment::RangeResult> &timingResults() const { return m_timing; }
    const std::vector<experiment::SplitVoteResult> &splitResults() const { return m_split; }

    /// open shows the one dialog of `parent`, making it if needed.
    static ExperimentDialog *open(QWidget *parent);

public slots:
    /// run starts the experiment of the page shown; cancel stops it.
    void run();
    void cancel();

signals:
    /// finished: a run ended (cancelled: no results were kept).
    void finished(bool cancelled);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    struct Job;
    QWidget *createTimingPage();
    QWidget *createSplitPage();
    void retranslateUi();
    void pollProgress();
    void done(bool cancelled);
    void showTiming();
    void showSplit();
    void setRunning(bool running);
    experiment::TrialSetup baseSetup() const;

    QTabWidget *m_tabs = nullptr;
    // election timing
    QLabel *m_rangesLabel = nullptr;
    QLineEdit *m_ranges = nullptr;
    QChartView *m_timingView = nullptr;
    QChart *m_timingChart = nullptr;
    QTableWidget *m_timingTable = nullptr;
    QLabel *m_timingNote = nullptr;
    // split votes
    QLabel *m_sizesLabel = nullptr;
    QLineEdit *m_sizes = nullptr;
    QLabel *m_latenciesLabel = nullptr;
    QLineEdit *m_latencies = nullptr;
    QLabel *m_splitRangeLabel = nullptr;
    QLineEdit *m_splitRange = nullptr;
    QChartView *m_splitView = nullptr;
    QChart *m_splitChart = nullptr;
    QTableWidget *m_splitTable = nullptr;
    // shared
    QLabel *m_trialsLabel = nullptr;
    QSpinBox *m_trials = nullptr;
    QLabel *m_seedLabel = nullptr;
    QSpinBox *m_seed = nullptr;
    QLabel *m_grainLabel = nullptr;
    QComboBox *m_grain = nullptr;
    QLabel *m_setupNote = nullptr;
    QString m_timingNoteText;
    QString m_splitNoteText;
    QLabel *m_problem = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QTimer *m_poll = nullptr;

    /// m_job is shared with the worker thread: its progress and, at the end, results.
    std::unique_ptr<Job> m_job;
    std::unique_ptr<std::thread> m_worker;
    std::vector<experiment::RangeResult> m_timing;
    std::vector<experiment::SplitVoteResult> m_split;
};
