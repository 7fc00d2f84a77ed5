#include "experimentdialog.h"

#include <QChart>
#include <QChartView>
#include <QCloseEvent>
#include <QColor>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

/// Job is one background run: the worker writes the results, then sets finished;
/// the window reads them only after that.
struct ExperimentDialog::Job {
    experiment::Progress progress;
    std::int64_t total = 0;
    std::atomic<bool> finished{false};
    std::vector<experiment::RangeResult> timing;
    std::vector<experiment::SplitVoteResult> split;
};

namespace {

/// makeResults builds a page's chart (legend on the right), its view and the table
/// of figures under it.
std::tuple<QChart *, QChartView *, QTableWidget *> makeResults(QWidget *page)
{
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *view = new QChartView(chart, page);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(340);
    auto *table = new QTableWidget(page);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->setMaximumHeight(190);
    return {chart, view, table};
}

QString number(double value, int decimals = 1)
{
    return QLocale().toString(value, 'f', decimals);
}

QString percent(double share)
{
    return QLocale().toString(100 * share, 'f', 1) + QLatin1Char('%');
}

QString rangeText(const experiment::TimeoutRange &r)
{
    return QStringLiteral("%1–%2").arg(r.minMs).arg(r.maxMs);
}

/// curveColour gives up to ten curves colours that differ (Qt Charts' themes repeat
/// theirs after five).
QColor curveColour(int i)
{
    static const QRgb colours[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                   0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    return QColor(colours[i % 10]);
}

/// replaceChart gives view a new, empty chart titled `title` and deletes the old one.
QChart *replaceChart(QChartView *view, const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignRight);
    QChart *old = view->chart();
    view->setChart(chart); // the view owns the new chart and lets go of the old one
    delete old;
    return chart;
}

/// cumulative turns sorted downtimes into a step curve in percent; censored trials
/// (at the cap) are left out, so such a curve ends below 100%.
QList<QPointF> cumulative(const experiment::Summary &s, double capMs)
{
    QList<QPointF> points;
    const auto n = static_cast<double>(s.sortedMs.size());
    double previous = 0;
    for (std::size_t i = 0; i < s.sortedMs.size(); ++i) {
        const double x = s.sortedMs[i];
        if (x >= capMs)
            break;
        points.append(QPointF(x, previous));
        previous = 100.0 * static_cast<double>(i + 1) / n;
        points.append(QPointF(x, previous));
    }
    return points;
}

} // namespace

ExperimentDialog::ExperimentDialog(QWidget *parent)
    : QDialog(parent)
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("experimentDialog"));
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createTimingPage(), QString());
    m_tabs->addTab(createSplitPage(), QString());

    // What both experiments share: trials, seed, the clock's grain.
    m_trials = new QSpinBox(this);
    m_trials->setObjectName(QStringLiteral("trials"));
    m_trials->setRange(10, 100'000);
    m_trials->setSingleStep(100);
    m_trials->setValue(1000);
    m_seed = new QSpinBox(this);
    m_seed->setRange(1, 1'000'000);
    m_seed->setValue(1);
    m_grain = new QComboBox(this);
    m_grain->addItem(QString());
    m_grain->addItem(QString());
    m_trialsLabel = new QLabel(this);
    m_seedLabel = new QLabel(this);
    m_grainLabel = new QLabel(this);
    auto *shared = new QHBoxLayout;
    for (auto [label, field] :
         {std::pair<QLabel *, QWidget *>{m_trialsLabel, m_trials}, {m_seedLabel, m_seed}, {m_grainLabel, m_grain}}) {
        label->setBuddy(field);
        shared->addWidget(label);
        shared->addWidget(field);
    }
    shared->addStretch(1);
    m_setupNote = new QLabel(this);
    m_setupNote->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_progressBar = new QProgressBar(this);
    m_runButton = new QPushButton(this);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setDefault(true);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_closeButton = new QPushButton(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progressBar, 1);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(shared);
    layout->addWidget(m_setupNote);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);

    connect(m_runButton, &QPushButton::clicked, this, &ExperimentDialog::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExperimentDialog::cancel);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::close);
    connect(m_poll, &QTimer::timeout, this, &ExperimentDialog::pollProgress);
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int page) { m_setupNote->setText(page == 0 ? m_timingNoteText : m_splitNoteText); });
    m_poll->setInterval(100);
    setRunning(false);
    retranslateUi();
    resize(980, 760);
}

ExperimentDialog::~ExperimentDialog()
{
    if (m_worker) {
        m_job->progress.cancel = true;
        m_worker->join();
    }
}

ExperimentDialog *ExperimentDialog::open(QWidget *parent)
{
    auto *dialog = parent->findChild<ExperimentDialog *>(QStringLiteral("experimentDialog"),
                                                         Qt::FindDirectChildrenOnly);
    if (!dialog)
        dialog = new ExperimentDialog(parent);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

QWidget *ExperimentDialog::createTimingPage()
{
    auto *page = new QWidget(this);
    m_ranges = new QLineEdit(page);
    m_ranges->setObjectName(QStringLiteral("ranges"));
    QStringList ranges;
    for (const experiment::TimeoutRange &r : experiment::paperRanges())
        ranges << QString::fromStdString(r.label());
    m_ranges->setText(ranges.join(QLatin1Char(',')));
    m_rangesLabel = new QLabel(page);
    m_rangesLabel->setBuddy(m_ranges);
    auto *form = new QHBoxLayout;
    form->addWidget(m_rangesLabel);
    form->addWidget(m_ranges, 1);

    std::tie(m_timingChart, m_timingView, m_timingTable) = makeResults(page);
    m_timingNote = new QLabel(page);
    m_timingNote->setWordWrap(true);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_timingView, 1);
    layout->addWidget(m_timingTable);
    layout->addWidget(m_timingNote);
    return page;
}

QWidget *ExperimentDialog::createSplitPage()
{
    auto *page = new QWidget(this);
    m_sizes = new QLineEdit(QStringLiteral("3,5,7,9"), page);
    QStringList latencies;
    for (const experiment::LatencyRange &l : experiment::SplitVoteOptions{}.latencies)
        latencies << QString::fromStdString(l.label());
    m_latencies = new QLineEdit(latencies.join(QLatin1Char(',')), page);
    m_splitRange = new QLineEdit(QStringLiteral("150-300"), page);
    m_sizesLabel = new QLabel(page);
    m_latenciesLabel = new QLabel(page);
    m_splitRangeLabel = new QLabel(page);
    auto *form = new QHBoxLayout;
    for (auto [label, field] : {std::pair<QLabel *, QLineEdit *>{m_sizesLabel, m_sizes},
                                {m_latenciesLabel, m_latencies},
                                {m_splitRangeLabel, m_splitRange}}) {
        label->setBuddy(field);
        form->addWidget(label);
        form->addWidget(field, 1);
    }
    std::tie(m_splitChart, m_splitView, m_splitTable) = makeResults(page);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_splitView, 1);
    layout->addWidget(m_splitTable);
    return page;
}

void ExperimentDialog::retranslateUi()
{
    setWindowTitle(tr("Experiments"));
    m_tabs->setTabText(0, tr("Election timing (§9.3)"));
    m_tabs->setTabText(1, tr("Split votes"));
    m_rangesLabel->setText(tr("Election timeout &ranges (ms):"));
    m_ranges->setToolTip(tr("Comma-separated MIN-MAX ranges in milliseconds; the defaults are those of the "
                            "paper's Figure 16"));
    m_sizesLabel->setText(tr("Cluster si&zes:"));
    m_latenciesLabel->setText(tr("Network &latencies (ms):"));
    m_splitRangeLabel->setText(tr("&Timeout (ms):"));
    m_trialsLabel->setText(tr("T&rials per setting:"));
    m_seedLabel->setText(tr("S&eed:"));
    m_grainLabel->setText(tr("Clock &grain:"));
    m_grain->setItemText(0, tr("microseconds"));
    m_grain->setItemText(1, tr("milliseconds (the window's clock)"));
    m_timingNoteText = tr(
        "Each trial follows the paper's method: a leader of five servers broadcasts a synchronized heartbeat "
        "and a new entry that only some followers get (those without it cannot win), then crashes at a random "
        "moment within its heartbeat interval (half the minimum timeout). Downtime runs from the crash until "
        "the new leader's first heartbeat has reached every other server. Network 0.2–0.6 ms, disk write "
        "14–15 ms (a vote counts once saved); a trial still leaderless after 10 s is stopped (censored).");
    m_splitNoteText = tr("Each trial: the same crash with every log equal (any server may win), for each cluster "
                         "size and network latency; disk write 14–15 ms. A split vote is a trial that needed more than "
                         "one term; the table also gives the time until the new leader's first heartbeat reached "
                         "everyone.");
    m_setupNote->setText(m_tabs->currentIndex() == 0 ? m_timingNoteText : m_splitNoteText);
    m_runButton->setText(tr("&Run"));
    m_cancelButton->setText(tr("&Cancel"));
    m_closeButton->setText(tr("Close"));
    m_timingChart->setTitle(tr("Time without a leader after a crash (cumulative)"));
    m_splitChart->setTitle(tr("Split votes after a crash, by cluster size"));
    if (!m_timing.empty())
        showTiming();
    if (!m_split.empty())
        showSplit();
}

void ExperimentDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ExperimentDialog::closeEvent(QCloseEvent *event)
{
    cancel();
    QDialog::closeEvent(event);
}

void ExperimentDialog::showPage(Page page)
{
    m_tabs->setCurrentIndex(page == Page::ElectionTiming ? 0 : 1);
}

void ExperimentDialog::setTrials(int trials)
{
    m_trials->setValue(trials);
}

void ExperimentDialog::setRanges(const QString &ranges)
{
    m_ranges->setText(ranges);
}

experiment::TrialSetup ExperimentDialog::baseSetup() const
{
    experiment::TrialSetup setup;
    setup.grain = m_grain->currentIndex() == 0 ? experiment::Grain::Microsecond : experiment::Grain::Millisecond;
    return setup;
}

void ExperimentDialog::setRunning(bool running)
{
    m_runButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_tabs->tabBar()->setEnabled(!running);
    m_ranges->setEnabled(!running);
    m_trials->setEnabled(!running);
    m_seed->setEnabled(!running);
    m_grain->setEnabled(!running);
    if (running)
        m_poll->start();
    else
        m_poll->stop();
}

void ExperimentDialog::run()
{
    if (m_worker)
        return;
    m_problem->clear();
    std::string error;
    auto job = std::make_unique<Job>();
    const int trials = m_trials->value();
    const auto seed = static_cast<std::uint64_t>(m_seed->value());
    std::function<void()> work;
    if (m_tabs->currentIndex() == 0) {
        experiment::TimingOptions options;
        options.ranges = experiment::parseTimeoutRanges(m_ranges->text().toStdString(), error);
        if (options.ranges.empty()) {
            m_problem->setText(tr("Timeout ranges: %1").arg(QString::fromStdString(error)));
            return;
        }
        options.trials = trials;
        options.seed = seed;
        options.base = baseSetup();
        job->total = static_cast<std::int64_t>(options.ranges.size()) * trials;
        Job *j = job.get();
        work = [j, options] { j->timing = experiment::runElectionTiming(options, &j->progress); };
    } else {
        experiment::SplitVoteOptions options;
        options.sizes.clear();
        for (const QString &part : m_sizes->text().split(QLatin1Char(','))) {
            bool ok = false;
            const int n = part.trimmed().toInt(&ok);
            if (!ok || n < 3 || n > 9) {
                m_problem->setText(tr("Cluster sizes: '%1' is no size from 3 to 9").arg(part.trimmed()));
                return;
            }
            options.sizes.push_back(n);
        }
        options.latencies = experiment::parseLatencyRanges(m_latencies->text().toStdString(), error);
        if (options.latencies.empty()) {
            m_problem->setText(tr("Network latencies: %1").arg(QString::fromStdString(error)));
            return;
        }
        const auto range = experiment::parseTimeoutRanges(m_splitRange->text().toStdString(), error);
        if (range.size() != 1) {
            m_problem->setText(tr("Timeout: %1").arg(QString::fromStdString(error)));
            return;
        }
        options.timeout = range.front();
        options.trials = trials;
        options.seed = seed;
        options.base = baseSetup();
        job->total = static_cast<std::int64_t>(options.sizes.size() * options.latencies.size()) * trials;
        Job *j = job.get();
        work = [j, options] { j->split = experiment::runSplitVote(options, &j->progress); };
    }
    m_job = std::move(job);
    m_progressBar->setRange(0, 1000);
    m_progressBar->setValue(0);
    Job *j = m_job.get();
    m_worker = std::make_unique<std::thread>([j, work] {
        work();
        j->finished = true;
    });
    setRunning(true);
}

void ExperimentDialog::cancel()
{
    if (m_job)
        m_job->progress.cancel = true;
}

void ExperimentDialog::pollProgress()
{
    if (!m_job)
        return;
    const double share = m_job->total > 0 ? static_cast<double>(m_job->progress.done.load()) / m_job->total : 1.0;
    m_progressBar->setValue(static_cast<int>(std::lround(1000 * std::min(1.0, share))));
    if (m_job->finished)
        done(m_job->progress.cancel.load());
}

void ExperimentDialog::done(bool cancelled)
{
    m_worker->join();
    m_worker.reset();
    std::unique_ptr<Job> job = std::move(m_job);
    setRunning(false);
    if (cancelled) {
        m_progressBar->setValue(0);
    } else if (!job->timing.empty()) {
        m_timing = std::move(job->timing);
        showTiming();
    } else {
        m_split = std::move(job->split);
        showSplit();
    }
    emit finished(cancelled);
}

void ExperimentDialog::showTiming()
{
    // A fresh chart each time: axes and series of an earlier run leave nothing behind.
    QChart *chart = replaceChart(m_timingView, tr("Time without a leader after a crash (cumulative)"));
    m_timingChart = chart;
    const double cap = static_cast<double>(experiment::TrialSetup{}.capMs);
    double xMax = 100;
    for (const experiment::RangeResult &r : m_timing) {
        auto *series = new QLineSeries;
        series->setName(rangeText(r.range));
        series->setColor(curveColour(static_cast<int>(chart->series().size())));
        const QList<QPointF> points = cumulative(r.summary, cap);
        series->append(points);
        if (!points.isEmpty())
            xMax = std::max(xMax, std::min(points.back().x(), 1000.0));
        chart->addSeries(series);
    }
    // The paper's figures, where our ranges include theirs.
    auto *marks = new QScatterSeries;
    marks->setName(tr("the paper"));
    marks->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    marks->setMarkerSize(11);
    marks->setColor(Qt::black);
    marks->setPointLabelsVisible(true);
    marks->setPointLabelsFormat(QStringLiteral("@xPoint"));
    marks->setPointLabelsClipping(false); // the worst cases sit on the 100% line
    QStringList notes;
    for (const experiment::PaperFigure &f : experiment::paperFigures()) {
        const auto it = std::find_if(m_timing.begin(), m_timing.end(),
                                     [&](const experiment::RangeResult &r) { return r.range == f.range; });
        if (it == m_timing.end())
            continue;
        const experiment::Summary &s = it->summary;
        if (f.statistic == "median") {
            marks->append(f.valueMs, 50);
            notes << tr("%1 median: paper %2 ms, ours %3 ms")
                         .arg(rangeText(f.range))
                         .arg(f.valueMs)
                         .arg(number(s.medianMs));
        } else if (f.statistic == "worst") {
            marks->append(f.valueMs, 100);
            notes << tr("%1 worst: paper %2 ms, ours %3 ms")
                         .arg(rangeText(f.range))
                         .arg(f.valueMs)
                         .arg(number(s.worstMs));
        } else if (f.statistic == "mean") {
            notes
                << tr("%1 mean: paper %2 ms, ours %3 ms").arg(rangeText(f.range)).arg(f.valueMs).arg(number(s.meanMs));
        } else {
            notes << tr("%1: the paper's elections kept splitting for over 10 s; ours: %2 of %3 trials leaderless at "
                        "10 s")
                         .arg(rangeText(f.range))
                         .arg(s.censored)
                         .arg(s.trials);
        }
    }
    chart->addSeries(marks);
    auto *x = new QValueAxis;
    x->setTitleText(tr("time without a leader (ms)"));
    x->setRange(0, std::ceil(xMax / 50) * 50);
    x->setLabelFormat(QStringLiteral("%d"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("trials (%)"));
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    m_timingNote->setText(tr("The paper's figures (black squares: a median at 50%, a worst case at 100%): ")
                          + notes.join(QStringLiteral("; ")) + QLatin1Char('.'));

    const QStringList headers = {tr("Range (ms)"), tr("Trials"),     tr("Mean (ms)"), tr("Median (ms)"),
                                 tr("p99 (ms)"),   tr("Worst (ms)"), tr("Censored"),  tr("Over one term"),
                                 tr("Ties"),       tr("The paper")};
    m_timingTable->setColumnCount(static_cast<int>(headers.size()));
    m_timingTable->setHorizontalHeaderLabels(headers);
    m_timingTable->setRowCount(static_cast<int>(m_timing.size()));
    for (int row = 0; row < static_cast<int>(m_timing.size()); ++row) {
        const experiment::RangeResult &r = m_timing[static_cast<std::size_t>(row)];
        const experiment::Summary &s = r.summary;
        QStringList paper;
        for (const experiment::PaperFigure &f : experiment::paperFigures())
            if (f.range == r.range)
                paper << (f.statistic == "leaderless"   ? tr("leaderless > 10 s")
                              : f.statistic == "median" ? tr("median %1").arg(f.valueMs)
                              : f.statistic == "worst"  ? tr("worst %1").arg(f.valueMs)
                                                        : tr("mean %1").arg(f.valueMs));
        const QStringList cells = {rangeText(r.range),
                                   QString::number(s.trials),
                                   number(s.meanMs),
                                   number(s.medianMs),
                                   number(s.p99Ms),
                                   number(s.worstMs),
                                   QString::number(s.censored),
                                   percent(s.splitRate),
                                   percent(s.tieRate),
                                   paper.join(QStringLiteral(", "))};
        for (int col = 0; col < static_cast<int>(cells.size()); ++col)
            m_timingTable->setItem(row, col, new QTableWidgetItem(cells[col]));
    }
    m_timingTable->resizeColumnsToContents();
}

void ExperimentDialog::showSplit()
{
    QChart *chart = replaceChart(m_splitView, tr("Split votes after a crash, by cluster size"));
    m_splitChart = chart;
    std::vector<experiment::LatencyRange> latencies;
    for (const experiment::SplitVoteResult &c : m_split)
        if (std::find(latencies.begin(), latencies.end(), c.latency) == latencies.end())
            latencies.push_back(c.latency);
    double yMax = 10;
    int minSize = 9;
    int maxSize = 3;
    for (const experiment::LatencyRange &l : latencies) {
        auto *series = new QLineSeries;
        series->setName(tr("network %1 ms").arg(QString::fromStdString(l.label())));
        series->setColor(curveColour(static_cast<int>(chart->series().size())));
        series->setPointsVisible(true);
        for (const experiment::SplitVoteResult &c : m_split) {
            if (c.latency != l)
                continue;
            series->append(c.servers, 100 * c.summary.splitRate);
            yMax = std::max(yMax, 100 * c.summary.splitRate);
            minSize = std::min(minSize, c.servers);
            maxSize = std::max(maxSize, c.servers);
        }
        chart->addSeries(series);
    }
    auto *x = new QValueAxis;
    x->setTitleText(tr("servers"));
    x->setRange(minSize - 1, maxSize + 1);
    x->setTickCount(maxSize - minSize + 3); // one tick per whole number
    x->setLabelFormat(QStringLiteral("%.0f"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("split votes (% of trials)"));
    y->setRange(0, std::min(100.0, std::ceil(yMax / 10) * 10 + 10));
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    const QStringList headers = {tr("Servers"),     tr("Network (ms)"), tr("Split votes"), tr("Mean (ms)"),
                                 tr("Median (ms)"), tr("p99 (ms)"),     tr("Worst (ms)"),  tr("Censored")};
    m_splitTable->setColumnCount(static_cast<int>(headers.size()));
    m_splitTable->setHorizontalHeaderLabels(headers);
    m_splitTable->setRowCount(static_cast<int>(m_split.size()));
    for (int row = 0; row < static_cast<int>(m_split.size()); ++row) {
        const experiment::SplitVoteResult &c = m_split[static_cast<std::size_t>(row)];
        const experiment::Summary &s = c.summary;
        const QStringList cells = {QString::number(c.servers), QString::fromStdString(c.latency.label()),
                                   percent(s.splitRate),       number(s.meanMs),
                                   number(s.medianMs),         number(s.p99Ms),
                                   number(s.worstMs),          QString::number(s.censored)};
        for (int col = 0; col < static_cast<int>(cells.size()); ++col)
            m_splitTable->setItem(row, col, new QTableWidgetItem(cells[col]));
    }
    m_splitTable->resizeColumnsToContents();
}
