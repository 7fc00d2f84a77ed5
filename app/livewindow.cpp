#include "livewindow.h"

#include "liveactions.h"
#include "livesource.h"

#include "app/live/livecluster.h"

#include "widgets/clusterview.h"
#include "widgets/eventspane.h"
#include "widgets/inspector.h"
#include "widgets/logview.h"
#include "widgets/selection.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSlider>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

constexpr int kStatusMs = 8000;

QString serverName(raft::NodeId id)
{
    return QStringLiteral("S%1").arg(id);
}

} // namespace

LiveWindow::LiveWindow(std::unique_ptr<live::LiveCluster> cluster, const live::MirrorTiming &timing, QWidget *parent)
    : QMainWindow(parent)
    , m_cluster(std::move(cluster))
{
    m_source = new LiveSource(m_cluster.get(), timing, this);
    m_actions = new LiveActions(m_cluster.get(), m_source, this);
    connect(m_actions, &LiveActions::reported, this, &LiveWindow::report);
    connect(m_actions, &LiveActions::requestAnswered, this, [this](bool, const QString &text) { report(text); });
    build();
    buildLiveToolBar();
    connectViews();
}

LiveWindow::LiveWindow(const live::MirrorTiming &timing, std::vector<QJsonObject> records, const QString &fileName,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_fileName(fileName)
{
    m_source = new LiveSource(timing, std::move(records), this);
    build();
    buildReplayToolBar();
    connectViews();
}

LiveWindow::~LiveWindow()
{
    // The views read the source and the source reads the cluster: views first, then
    // the source and the actions, the cluster (killing its servers) last.
    delete takeCentralWidget();
    qDeleteAll(findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly));
    delete m_actions;
    delete m_source;
    m_cluster.reset();
}

QString LiveWindow::badgeText() const
{
    return m_source->isReplay() ? tr("REPLAY") : tr("LIVE");
}

void LiveWindow::build()
{
    setObjectName(QStringLiteral("liveWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    const raft::Simulation &sim = m_source->simulation();
    setWindowTitle(m_source->isReplay() ? tr("Replay of a live cluster — %1").arg(QFileInfo(m_fileName).fileName())
                                        : tr("Live cluster of %n server(s) — raftviz", nullptr, sim.size()));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 6, 8, 6);
    m_badge = new QLabel(QStringLiteral("● ") + badgeText(), central);
    m_badge->setObjectName(QStringLiteral("liveBadge"));
    m_badge->setStyleSheet(m_source->isReplay()
                               ? QStringLiteral("background:#6d4c9f;color:white;font-weight:bold;padding:3px 10px;"
                                                "border-radius:9px")
                               : QStringLiteral("background:#d32f2f;color:white;font-weight:bold;padding:3px 10px;"
                                                "border-radius:9px"));
    m_summary = new QLabel(central);
    m_summary->setObjectName(QStringLiteral("liveSummary"));
    bar->addWidget(m_badge);
    bar->addSpacing(8);
    bar->addWidget(m_summary, 1);
    layout->addLayout(bar);
    m_clusterView = new widgets::ClusterView(central);
    layout->addWidget(m_clusterView, 1);
    setCentralWidget(central);

    m_selection = new widgets::Selection(this);
    m_logView = new widgets::LogView(this);
    m_inspector = new widgets::Inspector(this);
    m_eventsPane = new widgets::EventsPane(this);
    const auto dock = [this](QWidget *widget, const QString &title, const char *name, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    dock(m_logView, tr("Log"), "liveLogDock", Qt::BottomDockWidgetArea);
    QDockWidget *events = dock(m_eventsPane, tr("Events"), "liveEventsDock", Qt::RightDockWidgetArea);
    QDockWidget *inspector = dock(m_inspector, tr("Inspector"), "liveInspectorDock", Qt::RightDockWidgetArea);
    tabifyDockWidget(inspector, events);
    events->raise();
    statusBar();
    resize(1180, 780);
}

void LiveWindow::buildLiveToolBar()
{
    QToolBar *tools = addToolBar(tr("Live cluster"));
    tools->setObjectName(QStringLiteral("liveToolBar"));
    QAction *back = tools->addAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), tr("Step &Back"));
    back->setObjectName(QStringLiteral("liveStepBackAction"));
    back->setEnabled(false);
    const QString why = tr("A live cluster cannot step back: its servers are real processes and their past is "
                           "gone. Save the recording, then replay it (Cluster › Live Cluster… › Replay) to watch "
                           "it again.");
    back->setToolTip(why);
    back->setStatusTip(why);
    tools->addSeparator();
    tools->addWidget(new QLabel(tr("Client request: "), tools));
    m_requestEdit = new QLineEdit(tools);
    m_requestEdit->setObjectName(QStringLiteral("liveRequestEdit"));
    m_requestEdit->setPlaceholderText(tr("set x 1 · del x · get x"));
    m_requestEdit->setMaximumWidth(220);
    tools->addWidget(m_requestEdit);
    QAction *send = tools->addAction(tr("Send over &HTTP"));
    send->setObjectName(QStringLiteral("liveSendAction"));
    send->setToolTip(tr("Send the request to the leader's HTTP port (PUT, DELETE or GET /kv/KEY)"));
    const auto sendRequest = [this] {
        const QString text = m_requestEdit->text().trimmed();
        if (!text.isEmpty())
            m_actions->request(text);
    };
    connect(send, &QAction::triggered, this, sendRequest);
    connect(m_requestEdit, &QLineEdit::returnPressed, this, sendRequest);
    tools->addSeparator();
    QAction *heal = tools->addAction(tr("&Heal"));
    heal->setObjectName(QStringLiteral("liveHealAction"));
    heal->setToolTip(tr("Tell every server to take all traffic again"));
    connect(heal, &QAction::triggered, m_actions, &LiveActions::heal);
    QAction *save = tools->addAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save Recording…"));
    save->setObjectName(QStringLiteral("liveSaveAction"));
    save->setToolTip(tr("Save everything the servers reported, to replay it later"));
    connect(save, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the live recording"), QString(),
                                                          tr("Live recordings (*.rvlive)"));
        if (path.isEmpty())
            return;
        const QString error = saveRecording(path);
        report(error.isEmpty() ? tr("Recording saved to %1").arg(path) : error);
    });
}

void LiveWindow::buildReplayToolBar()
{
    QToolBar *tools = addToolBar(tr("Replay"));
    tools->setObjectName(QStringLiteral("replayToolBar"));
    m_playAction = tools->addAction(style()->standardIcon(QStyle::SP_MediaPause), tr("&Pause"));
    m_playAction->setObjectName(QStringLiteral("replayPlayAction"));
    connect(m_playAction, &QAction::triggered, this, [this] { m_source->setPlaying(!m_source->isPlaying()); });
    QAction *again = tools->addAction(style()->standardIcon(QStyle::SP_MediaSkipBackward), tr("Start &Over"));
    again->setObjectName(QStringLiteral("replayStartOverAction"));
    connect(again, &QAction::triggered, m_source, &LiveSource::restartReplay);
    m_replaySlider = new QSlider(Qt::Horizontal, tools);
    m_replaySlider->setObjectName(QStringLiteral("replaySlider"));
    m_replaySlider->setRange(0, static_cast<int>(m_source->replayEnd()));
    m_replaySlider->setMinimumWidth(300);
    m_replaySlider->setToolTip(tr("Drag to go to a moment of the recording"));
    tools->addWidget(m_replaySlider);
    connect(m_replaySlider, &QSlider::sliderMoved, m_source, [this](int ms) { m_source->seekReplay(ms); });
    connect(m_source, &LiveSource::playingChanged, this, &LiveWindow::updateReplayControls);
}

void LiveWindow::updateReplayControls()
{
    if (!m_playAction)
        return;
    const bool playing = m_source->isPlaying();
    m_playAction->setText(playing ? tr("&Pause") : tr("&Play"));
    m_playAction->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    if (!m_replaySlider->isSliderDown())
        m_replaySlider->setValue(static_cast<int>(m_source->displayMs()));
}

void LiveWindow::connectViews()
{
    m_clusterView->setSource(m_source);
    m_eventsPane->setSource(m_source);
    m_logView->setSource(m_source);
    m_inspector->setSource(m_source);
    m_selection->setSource(m_source);
    m_logView->setSelection(m_selection);
    m_inspector->setSelection(m_selection);
    connect(m_clusterView, &widgets::ClusterView::nodeSelected, m_selection, &widgets::Selection::selectNode);
    connect(m_clusterView, &widgets::ClusterView::messageSelected, m_selection, &widgets::Selection::selectMessage);
    connect(m_clusterView, &widgets::ClusterView::selectionChanged, m_selection, &widgets::Selection::selectNodes);
    connect(m_eventsPane, &widgets::EventsPane::nodesActivated, this, [this](const QList<raft::NodeId> &nodes) {
        m_selection->selectNodes(std::vector<raft::NodeId>(nodes.begin(), nodes.end()));
        m_clusterView->setSelectedNodes(std::vector<raft::NodeId>(nodes.begin(), nodes.end()));
    });
    connect(m_source, &LiveSource::advanced, this, [this] {
        const raft::Simulation &sim = m_source->simulation();
        const std::optional<raft::NodeId> leader = sim.leader();
        QString text = leader ? tr("Leader %1 in term %2").arg(serverName(*leader)).arg(sim.term(*leader))
                              : tr("No leader");
        if (m_cluster)
            text += QStringLiteral(" · ")
                + (m_cluster->ownsProcesses() ? tr("%n server process(es) on this machine", nullptr, m_cluster->size())
                                              : tr("%n server(s) run elsewhere", nullptr, m_cluster->size()));
        else
            text += QStringLiteral(" · ")
                + tr("%1 s of %2 s")
                      .arg(m_source->displayMs() / 1000.0, 0, 'f', 1)
                      .arg(m_source->replayEnd() / 1000.0, 0, 'f', 1);
        if (m_summary->text() != text)
            m_summary->setText(text);
        updateReplayControls();
    });
    if (m_source->isReplay())
        return;
    connect(m_clusterView, &widgets::ClusterView::linkClicked, m_actions, &LiveActions::toggleCut);
    connect(m_clusterView, &widgets::ClusterView::partitionRequested, m_actions, &LiveActions::partition);
    connect(m_clusterView, &widgets::ClusterView::nodeContextMenuRequested, this, [this](raft::NodeId id, QPoint at) {
        QMenu *menu = createNodeMenu(id);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(at);
    });
    connect(m_clusterView, &widgets::ClusterView::linkContextMenuRequested, this,
            [this](raft::NodeId from, raft::NodeId to, QPoint at) {
                auto *menu = new QMenu(this);
                menu->setAttribute(Qt::WA_DeleteOnClose);
                const bool cut = m_source->simulation().network().isCut(from, to);
                menu->addAction(cut ? tr("Open link %1 → %2").arg(serverName(from), serverName(to))
                                    : tr("Cut link %1 → %2").arg(serverName(from), serverName(to)),
                                this, [this, from, to] { m_actions->toggleCut(from, to); });
                menu->popup(at);
            });
    connect(m_clusterView, &widgets::ClusterView::backgroundContextMenuRequested, this, [this](QPoint at) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(tr("&Heal the network"), m_actions, &LiveActions::heal);
        menu->popup(at);
    });
}

QMenu *LiveWindow::createNodeMenu(raft::NodeId id)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("liveNodeMenu"));
    if (!m_actions)
        return menu;
    const raft::NodeStatus status = m_source->simulation().status(id);
    const bool own = m_actions->canControlProcesses();
    const auto add = [&](const QString &text, bool enabled, auto slot, const char *name) {
        QAction *a = menu->addAction(text, this, [this, id, slot] { (m_actions->*slot)(id); });
        a->setObjectName(QLatin1String(name));
        a->setEnabled(enabled);
        return a;
    };
    add(tr("&Crash %1 (kill -9)").arg(serverName(id)), own && status != raft::NodeStatus::Crashed, &LiveActions::crash,
        "liveCrashAction");
    add(tr("&Restart %1 on its data folder").arg(serverName(id)), own && status == raft::NodeStatus::Crashed,
        &LiveActions::restart, "liveRestartAction");
    add(tr("&Pause %1 (SIGSTOP)").arg(serverName(id)), own && status == raft::NodeStatus::Up, &LiveActions::pause,
        "livePauseAction");
    add(tr("Res&ume %1 (SIGCONT)").arg(serverName(id)), own && status == raft::NodeStatus::Paused, &LiveActions::resume,
        "liveResumeAction");
    menu->addSeparator();
    const bool up = status == raft::NodeStatus::Up;
    add(tr("Start an &election now"), up && m_source->simulation().role(id) != raft::Role::Leader,
        &LiveActions::timeout, "liveTimeoutAction");
    add(tr("&Isolate %1").arg(serverName(id)), up, &LiveActions::isolate, "liveIsolateAction");
    add(tr("Re&connect %1").arg(serverName(id)), up, &LiveActions::reconnect, "liveReconnectAction");
    if (!own)
        menu->setToolTipsVisible(true);
    return menu;
}

void LiveWindow::report(const QString &text)
{
    statusBar()->showMessage(text, kStatusMs);
}

QString LiveWindow::saveRecording(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(m_source->mirror().recording());
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void LiveWindow::closeEvent(QCloseEvent *event)
{
    if (m_cluster)
        m_cluster->stopAll();
    event->accept();
}

LiveWindow *LiveWindow::open(const LiveClusterRequest &request, QWidget *parent, QString *error)
{
    if (request.mode == LiveClusterRequest::Mode::Replay) {
        QFile file(request.recording);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read %1: %2").arg(request.recording, file.errorString());
            return nullptr;
        }
        live::MirrorTiming timing;
        std::vector<QJsonObject> records;
        QString problem;
        if (!live::LiveMirror::parseRecording(file.readAll(), &timing, &records, &problem)) {
            *error = QStringLiteral("%1: %2").arg(request.recording, problem);
            return nullptr;
        }
        return new LiveWindow(timing, std::move(records), request.recording, parent);
    }
    auto cluster = std::make_unique<live::LiveCluster>();
    if (request.mode == LiveClusterRequest::Mode::Attach) {
        cluster->attach(request.servers);
    } else if (!cluster->launch(request.launch, error)) {
        return nullptr;
    }
    return new LiveWindow(std::move(cluster), request.timing, parent);
}

void LiveWindow::openDialog(QWidget *parent)
{
    LiveClusterDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    LiveWindow *window = open(dialog.request(), parent, &error);
    if (!window) {
        QMessageBox::warning(parent, tr("Live Cluster"), error);
        return;
    }
    window->setWindowFlag(Qt::Window);
    window->show();
}
