#include "mainwindow.h"

#include "clientrequestdialog.h"
#include "icons.h"
#include "language.h"
#include "newclusterdialog.h"
#include "runio.h"
#include "settings.h"
#include "shortcutsdialog.h"
#include "simulationcontroller.h"

#include "widgets/clusterpalette.h"
#include "widgets/clusterview.h"
#include "widgets/eventspane.h"
#include "widgets/eventtext.h"
#include "widgets/inspector.h"
#include "widgets/logview.h"
#include "widgets/networkpane.h"
#include "widgets/networksides.h"
#include "widgets/stepbanner.h"
#include "widgets/timeline.h"

#include "raft/runfile.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSlider>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

using raft::NodeId;
using raft::NodeStatus;
using widgets::EventText;

namespace {

/// The speed slider is logarithmic: position = 100 × log10(speed).
constexpr int kSliderMin = -300; // 1/1000×
constexpr int kSliderMax = 100; // 10×

int sliderPosition(double speed)
{
    return static_cast<int>(std::lround(std::log10(speed) * 100.0));
}

double sliderSpeed(int position)
{
    return std::pow(10.0, position / 100.0);
}

const char *const kScenarioPrefix = ":/scenarios";

/// logDockHeight fits the Log dock to a cluster of `rows` servers (the rows, the index
/// header, the legend strip, a scroll bar and the dock's title), but leaves the
/// cluster picture at least two thirds of a window `windowHeight` high.
int logDockHeight(int rows, int windowHeight)
{
    return std::min(26 * rows + 84, windowHeight * 34 / 100);
}

} // namespace

MainWindow::MainWindow(const MainWindowOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_settings(options.settingsFile.isEmpty() ? std::make_unique<Settings>()
                                                : std::make_unique<Settings>(options.settingsFile))
    , m_controller(new SimulationController(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Icons::application());
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);

    createCentralWidget();
    createActions();
    createMenus();
    createToolBars();
    createDocks();
    createStatusBar();
    connectController();
    createHistoryUi();
    retranslateUi();
    resize(1280, 720);
    resetLayout();
    m_defaultState = saveState();
    readSettings();
    onStructureChanged();
    onHistoryReplaced();
    if (m_options.autoPlay)
        m_controller->play();
}

MainWindow::~MainWindow() = default;

// --- construction ---------------------------------------------------------------------

void MainWindow::createCentralWidget()
{
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    m_violationBanner = new QLabel(central);
    m_violationBanner->setObjectName(QStringLiteral("violationBanner"));
    m_violationBanner->setWordWrap(true);
    m_violationBanner->setMargin(8);
    m_violationBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #c01c1c; color: white; font-weight: bold; font-size: 12pt; }"));
    m_violationBanner->hide();

    m_scenarioBar = new QLabel(central);
    m_scenarioBar->setObjectName(QStringLiteral("scenarioBar"));
    m_scenarioBar->setWordWrap(true);
    m_scenarioBar->setMargin(6);
    m_scenarioBar->setTextFormat(Qt::RichText);
    m_scenarioBar->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff6d5; color: #1b2631; border-bottom: 1px solid #e6d28a; font-size: 11pt; }"));
    m_scenarioBar->hide();

    m_clusterView = new widgets::ClusterView(central);
    m_clusterView->setObjectName(QStringLiteral("clusterView"));

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_violationBanner);
    layout->addWidget(m_scenarioBar);
    layout->addWidget(m_clusterView, 1);
    setCentralWidget(central);

    connect(m_clusterView, &widgets::ClusterView::nodeSelected, this, &MainWindow::onNodeSelected);
    connect(m_clusterView, &widgets::ClusterView::messageSelected, this, &MainWindow::onMessageSelected);
    connect(m_clusterView, &widgets::ClusterView::nodeContextMenuRequested, this, &MainWindow::showNodeMenu);
    connect(m_clusterView, &widgets::ClusterView::messageContextMenuRequested, this, &MainWindow::showMessageMenu);
    connect(m_clusterView, &widgets::ClusterView::backgroundContextMenuRequested, this,
            &MainWindow::showBackgroundMenu);
    // Breaking the network with the mouse: sides by selection or by dragging a server,
    // a click on a link's lane cuts (or reopens) that direction.
    connect(m_clusterView, &widgets::ClusterView::partitionRequested, m_controller, &SimulationController::partition);
    connect(m_clusterView, &widgets::ClusterView::linkClicked, m_controller, &SimulationController::toggleCut);
    connect(m_clusterView, &widgets::ClusterView::linkContextMenuRequested, this, &MainWindow::showLinkMenu);
}

void MainWindow::createActions()
{
    auto make = [this](const char *name, const QList<QKeySequence> &keys = {}) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        action->setShortcuts(keys);
        // Shortcuts work wherever the focus is in the window, docks included.
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
        return action;
    };
    QStyle *s = style();

    m_openScenarioAction = make("openScenarioAction", {QKeySequence::Open});
    m_openScenarioAction->setIcon(s->standardIcon(QStyle::SP_DialogOpenButton));
    connect(m_openScenarioAction, &QAction::triggered, this, &MainWindow::openScenario);
    m_savePictureAction = make("savePictureAction", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)});
    m_savePictureAction->setIcon(s->standardIcon(QStyle::SP_DialogSaveButton));
    connect(m_savePictureAction, &QAction::triggered, this, &MainWindow::savePicture);
    m_quitAction = make("quitAction", {QKeySequence::Quit});
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_playAction = make("playAction", {QKeySequence(Qt::Key_Space)});
    m_playAction->setIcon(s->standardIcon(QStyle::SP_MediaPlay));
    connect(m_playAction, &QAction::triggered, m_controller, &SimulationController::togglePlay);
    m_stepAction = make("stepAction", {QKeySequence(Qt::Key_Period), QKeySequence(Qt::Key_Right)});
    m_stepAction->setIcon(s->standardIcon(QStyle::SP_MediaSkipForward));
    connect(m_stepAction, &QAction::triggered, m_controller, &SimulationController::stepOnce);
    m_fasterAction = make("fasterAction", {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    m_fasterAction->setIcon(s->standardIcon(QStyle::SP_MediaSeekForward));
    connect(m_fasterAction, &QAction::triggered, m_controller, &SimulationController::faster);
    m_slowerAction = make("slowerAction", {QKeySequence(Qt::Key_Minus)});
    m_slowerAction->setIcon(s->standardIcon(QStyle::SP_MediaSeekBackward));
    connect(m_slowerAction, &QAction::triggered, m_controller, &SimulationController::slower);
    m_startOverAction = make("startOverAction", {QKeySequence(Qt::CTRL | Qt::Key_R)});
    m_startOverAction->setIcon(s->standardIcon(QStyle::SP_BrowserReload));
    connect(m_startOverAction, &QAction::triggered, m_controller, &SimulationController::startOver);
    m_autoRequestsAction = make("autoRequestsAction", {QKeySequence(Qt::Key_A)});
    m_autoRequestsAction->setCheckable(true);
    m_autoRequestsAction->setChecked(m_controller->autoRequests());
    connect(m_autoRequestsAction, &QAction::toggled, m_controller, &SimulationController::setAutoRequests);
    m_requestLeaderAction = make("requestLeaderAction", {QKeySequence(Qt::Key_C)});
    m_requestLeaderAction->setIcon(Icons::clientRequest());
    connect(m_requestLeaderAction, &QAction::triggered, m_controller, &SimulationController::requestNext);
    connect(m_requestLeaderAction, &QAction::triggered, this, [this] {
        if (!m_controller->simulation().leader())
            statusBar()->showMessage(tr("There is no leader right now: the client must wait and retry."), 6000);
        else
            statusBar()->showMessage(tr("A client sent the next request to the leader."), 4000);
    });
    m_crashLeaderAction = make("crashLeaderAction", {QKeySequence(Qt::Key_K)});
    m_crashLeaderAction->setIcon(Icons::crash());
    connect(m_crashLeaderAction, &QAction::triggered, m_controller, &SimulationController::crashLeader);

    m_splitVoteAction = make("splitVoteAction", {QKeySequence(Qt::Key_V)});
    m_splitVoteAction->setIcon(Icons::splitVote());
    connect(m_splitVoteAction, &QAction::triggered, m_controller, &SimulationController::provokeSplitVote);
    m_spreadTimersAction = make("spreadTimersAction", {QKeySequence(Qt::Key_T)});
    connect(m_spreadTimersAction, &QAction::triggered, m_controller, &SimulationController::spreadTimers);
    m_restartAllAction = make("restartAllAction", {QKeySequence(Qt::Key_R)});
    m_restartAllAction->setIcon(s->standardIcon(QStyle::SP_DialogResetButton));
    connect(m_restartAllAction, &QAction::triggered, m_controller, &SimulationController::restartAll);
    m_healAction = make("healAction", {QKeySequence(Qt::Key_H)});
    m_healAction->setIcon(Icons::heal());
    connect(m_healAction, &QAction::triggered, m_controller, &SimulationController::heal);
    m_partitionSelectionAction = make("partitionSelectionAction", {QKeySequence(Qt::Key_P)});
    connect(m_partitionSelectionAction, &QAction::triggered, this, [this] {
        if (m_clusterView->canPartitionSelection())
            m_clusterView->requestPartitionOfSelection();
        else
            statusBar()->showMessage(tr("First select the servers of one side: Ctrl-click them, or drag a box "
                                        "around them on empty space."),
                                     8000);
    });
    m_newClusterAction = make("newClusterAction", {QKeySequence::New});
    m_newClusterAction->setIcon(Icons::newCluster());
    connect(m_newClusterAction, &QAction::triggered, this, &MainWindow::newCluster);

    m_legendAction = make("legendAction", {QKeySequence(Qt::Key_L)});
    m_legendAction->setCheckable(true);
    m_legendAction->setChecked(true);
    m_legendAction->setIcon(Icons::legend());
    connect(m_legendAction, &QAction::toggled, m_clusterView, &widgets::ClusterView::setLegendVisible);
    m_zoomInAction = make("zoomInAction", {QKeySequence::ZoomIn});
    connect(m_zoomInAction, &QAction::triggered, this,
            [this] { m_clusterView->setZoom(m_clusterView->zoom() * 1.25); });
    m_zoomOutAction = make("zoomOutAction", {QKeySequence::ZoomOut});
    connect(m_zoomOutAction, &QAction::triggered, this,
            [this] { m_clusterView->setZoom(m_clusterView->zoom() / 1.25); });
    m_resetZoomAction = make("resetZoomAction", {QKeySequence(Qt::CTRL | Qt::Key_0)});
    connect(m_resetZoomAction, &QAction::triggered, m_clusterView, &widgets::ClusterView::resetView);
    m_resetLayoutAction = make("resetLayoutAction");
    connect(m_resetLayoutAction, &QAction::triggered, this, [this] {
        restoreState(m_defaultState);
        resetLayout();
    });

    m_languageGroup = new QActionGroup(this);
    m_englishAction = make("englishAction");
    m_chineseAction = make("chineseAction");
    for (QAction *action : {m_englishAction, m_chineseAction}) {
        action->setCheckable(true);
        m_languageGroup->addAction(action);
    }
    m_englishAction->setData(QStringLiteral("en"));
    m_chineseAction->setData(QStringLiteral("zh_CN"));
    // Each language names itself, so that anyone can find their way back.
    m_englishAction->setText(Language::displayName(QStringLiteral("en")));
    m_chineseAction->setText(Language::displayName(QStringLiteral("zh_CN")));
    connect(m_languageGroup, &QActionGroup::triggered, this,
            [this](QAction *action) { setLanguage(action->data().toString()); });

    m_shortcutsAction = make("shortcutsAction", {QKeySequence(Qt::Key_Question), QKeySequence::HelpContents});
    m_shortcutsAction->setIcon(s->standardIcon(QStyle::SP_DialogHelpButton));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_aboutAction = make("aboutAction");
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);

    for (const QString &path : scenarioResources()) {
        auto *action = new QAction(this);
        action->setObjectName(QStringLiteral("scenario:") + QFileInfo(path).completeBaseName());
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { runBuiltInScenario(path); });
        m_scenarioActions.append(action);
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_openScenarioAction);
    m_fileMenu->addAction(m_savePictureAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_simulationMenu = menuBar()->addMenu(QString());
    m_simulationMenu->setObjectName(QStringLiteral("simulationMenu"));
    m_simulationMenu->addAction(m_playAction);
    m_simulationMenu->addAction(m_stepAction);
    m_simulationMenu->addSeparator();
    m_simulationMenu->addAction(m_fasterAction);
    m_simulationMenu->addAction(m_slowerAction);
    m_simulationMenu->addSeparator();
    m_simulationMenu->addAction(m_requestLeaderAction);
    m_simulationMenu->addAction(m_autoRequestsAction);
    m_simulationMenu->addAction(m_crashLeaderAction);
    m_simulationMenu->addSeparator();
    m_simulationMenu->addAction(m_startOverAction);

    m_clusterMenu = menuBar()->addMenu(QString());
    m_clusterMenu->setObjectName(QStringLiteral("clusterMenu"));
    m_clusterMenu->addAction(m_splitVoteAction);
    m_clusterMenu->addAction(m_spreadTimersAction);
    m_clusterMenu->addAction(m_restartAllAction);
    m_clusterMenu->addSeparator();
    m_clusterMenu->addAction(m_partitionSelectionAction);
    m_clusterMenu->addAction(m_healAction);
    m_clusterMenu->addSeparator();
    m_clusterMenu->addAction(m_newClusterAction);

    m_scenariosMenu = menuBar()->addMenu(QString());
    m_scenariosMenu->setObjectName(QStringLiteral("scenariosMenu"));
    for (QAction *action : m_scenarioActions)
        m_scenariosMenu->addAction(action);
    m_scenariosMenu->addSeparator();
    m_scenariosMenu->addAction(m_openScenarioAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_legendAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_resetZoomAction);
    m_viewMenu->addSeparator();
    // The docks' toggle actions are added in createDocks().

    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsMenu->setObjectName(QStringLiteral("settingsMenu"));
    m_languageMenu = m_settingsMenu->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageMenu->addAction(m_englishAction);
    m_languageMenu->addAction(m_chineseAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_shortcutsAction);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBars()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(22, 22));
    m_toolBar->addAction(m_playAction);
    m_toolBar->addAction(m_stepAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_slowerAction);
    m_speedSlider = new QSlider(Qt::Horizontal, m_toolBar);
    m_speedSlider->setObjectName(QStringLiteral("speedSlider"));
    m_speedSlider->setRange(kSliderMin, kSliderMax);
    m_speedSlider->setPageStep(30);
    m_speedSlider->setFixedWidth(130);
    m_speedSlider->setValue(sliderPosition(m_controller->speed()));
    m_toolBar->addWidget(m_speedSlider);
    m_toolBar->addAction(m_fasterAction);
    m_toolbarSpeed = new QLabel(m_toolBar);
    m_toolbarSpeed->setObjectName(QStringLiteral("toolbarSpeed"));
    m_toolbarSpeed->setMinimumWidth(m_toolbarSpeed->fontMetrics().horizontalAdvance(QStringLiteral("1/1000×")) + 8);
    QFont speedFont = m_toolbarSpeed->font();
    speedFont.setBold(true);
    m_toolbarSpeed->setFont(speedFont);
    m_toolBar->addWidget(m_toolbarSpeed);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_requestLeaderAction);
    m_toolBar->addAction(m_crashLeaderAction);
    m_toolBar->addAction(m_splitVoteAction);
    m_toolBar->addAction(m_healAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_newClusterAction);
    // Only the most used commands carry their words; the rest show an icon and a tooltip.
    for (QAction *action : {m_slowerAction, m_fasterAction, m_newClusterAction}) {
        if (QWidget *button = m_toolBar->widgetForAction(action))
            if (auto *tool = qobject_cast<QToolButton *>(button))
                tool->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }

    connect(m_speedSlider, &QSlider::valueChanged, this,
            [this](int position) { m_controller->setSpeed(sliderSpeed(position)); });
}

void MainWindow::createDocks()
{
    m_inspector = new widgets::Inspector(this);
    m_inspectorDock = new QDockWidget(this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    m_inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);

    m_eventsPane = new widgets::EventsPane(this);
    m_eventsDock = new QDockWidget(this);
    m_eventsDock->setObjectName(QStringLiteral("eventsDock"));
    m_eventsDock->setWidget(m_eventsPane);
    addDockWidget(Qt::RightDockWidgetArea, m_eventsDock);

    m_logView = new widgets::LogView(this);
    m_logDock = new QDockWidget(this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_logView);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    createNetworkDock();

    for (QDockWidget *dock : {m_logDock, m_inspectorDock, m_eventsDock, m_networkDock}) {
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                          | QDockWidget::DockWidgetFloatable);
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(dock->objectName() + QStringLiteral("Toggle"));
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addAction(m_toolBar->toggleViewAction());
    m_toolBar->toggleViewAction()->setObjectName(QStringLiteral("toolBarToggle"));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_resetLayoutAction);

    connect(m_eventsPane, &widgets::EventsPane::nodesActivated, this, &MainWindow::onEventNodesActivated);
}

void MainWindow::resetLayout()
{
    for (QDockWidget *dock : {m_logDock, m_inspectorDock, m_eventsDock, m_networkDock}) {
        dock->setFloating(false);
        dock->show();
    }
    // The Network pane shares the Inspector's place, one tab away.
    tabifyDockWidget(m_inspectorDock, m_networkDock);
    m_inspectorDock->raise();
    m_toolBar->show();
    resizeDocks({m_inspectorDock, m_eventsDock}, {width() * 39 / 100, width() * 39 / 100}, Qt::Horizontal);
    resizeDocks({m_inspectorDock, m_eventsDock}, {height() * 42 / 100, height() * 58 / 100}, Qt::Vertical);
    const int rows = m_controller->simulation().size();
    resizeDocks({m_logDock}, {logDockHeight(rows, height())}, Qt::Vertical);
}

void MainWindow::createStatusBar()
{
    m_timeLabel = new QLabel(this);
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_speedLabel = new QLabel(this);
    m_speedLabel->setObjectName(QStringLiteral("speedLabel"));
    m_leaderLabel = new QLabel(this);
    m_leaderLabel->setObjectName(QStringLiteral("leaderLabel"));
    QFont bold = m_leaderLabel->font();
    bold.setBold(true);
    m_leaderLabel->setFont(bold);
    m_timeLabel->setMinimumWidth(m_timeLabel->fontMetrics().horizontalAdvance(QStringLiteral("t = 0000.000 s")) + 10);
    m_quorumLabel = new QLabel(this);
    m_quorumLabel->setObjectName(QStringLiteral("quorumLabel"));
    m_quorumLabel->setStyleSheet(QStringLiteral("color: #9c3f00;"));
    m_quorumLabel->hide();
    statusBar()->addPermanentWidget(m_quorumLabel);
    statusBar()->addPermanentWidget(m_leaderLabel);
    statusBar()->addPermanentWidget(m_timeLabel);
    statusBar()->addPermanentWidget(m_speedLabel);
}

void MainWindow::connectController()
{
    connect(m_controller, &SimulationController::advanced, this, &MainWindow::onAdvanced);
    connect(m_controller, &SimulationController::structureChanged, this, &MainWindow::onStructureChanged);
    connect(m_controller, &SimulationController::playingChanged, this, &MainWindow::onPlayingChanged);
    connect(m_controller, &SimulationController::speedChanged, this, &MainWindow::onSpeedChanged);
    connect(m_controller, &SimulationController::autoRequestsChanged, m_autoRequestsAction, &QAction::setChecked);
    connect(m_controller, &SimulationController::actionReported, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_controller, &SimulationController::scenarioLineReached, this, &MainWindow::onScenarioLine);
    connect(m_controller, &SimulationController::scenarioFinished, this, &MainWindow::onScenarioFinished);
}

// --- words ----------------------------------------------------------------------------

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("raftviz — the Raft classroom"));

    m_fileMenu->setTitle(tr("&File"));
    m_simulationMenu->setTitle(tr("&Simulation"));
    m_clusterMenu->setTitle(tr("&Cluster"));
    m_scenariosMenu->setTitle(tr("Sce&narios"));
    m_viewMenu->setTitle(tr("&View"));
    m_settingsMenu->setTitle(tr("Se&ttings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));

    auto words = [](QAction *action, const QString &text, const QString &tip) {
        action->setText(text);
        action->setStatusTip(tip);
        QString toolTip = QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
        if (!action->shortcut().isEmpty())
            toolTip += QStringLiteral(" (%1)").arg(action->shortcut().toString(QKeySequence::NativeText));
        action->setToolTip(toolTip);
    };
    words(m_openScenarioAction, tr("&Open Scenario…"), tr("Run a scenario script from a file"));
    words(m_savePictureAction, tr("Save &Picture…"), tr("Save a picture of the window as a PNG file"));
    words(m_quitAction, tr("&Quit"), tr("Close raftviz"));
    words(m_playAction, m_controller->isPlaying() ? tr("&Pause") : tr("&Play"),
          tr("Start or stop the clock of the simulated world"));
    words(m_stepAction, tr("&Step"), tr("Stop the clock and process exactly one event: a delivery, a loss or a timer"));
    words(m_fasterAction, tr("&Faster"), tr("Run the simulated world faster"));
    words(m_slowerAction, tr("S&lower"), tr("Run the simulated world slower"));
    words(m_startOverAction, tr("Start &Over"), tr("Rebuild the cluster (or the scenario) from time zero"));
    words(m_autoRequestsAction, tr("&Automatic Client Requests"),
          tr("A client sends a request to the leader every 100 ms of simulated time"));
    words(m_requestLeaderAction, tr("&Client Request"), tr("A client sends the next request to the leader"));
    words(m_crashLeaderAction, tr("&Crash the Leader"), tr("Crash the current leader and watch a new one get elected"));
    words(m_splitVoteAction, tr("Provoke a Split &Vote"),
          tr("Make several followers time out at the same instant so that no candidate gets a majority"));
    words(m_spreadTimersAction, tr("Spread &Timers"),
          tr("Spread the followers' election timers evenly over the timeout range, so that one clearly fires first"));
    words(m_restartAllAction, tr("&Restart All"), tr("Restart every crashed server and resume every paused one"));
    words(m_healAction, tr("&Heal Network"), tr("Remove every partition and cut link"));
    words(m_partitionSelectionAction, tr("&Partition: Selection vs the Rest"),
          tr("Put the selected servers on one side of a wall and the others on the other side "
             "(select with Ctrl-click or by dragging on empty space)"));
    words(m_newClusterAction, tr("&New Cluster…"),
          tr("Build a fresh cluster: servers, seed, timeouts, latency, loss and duplication"));
    words(m_legendAction, tr("&Legend"), tr("Show or hide the legend that explains every colour, shape and mark"));
    words(m_zoomInAction, tr("Zoom &In"), tr("Enlarge the cluster picture"));
    words(m_zoomOutAction, tr("Zoom &Out"), tr("Shrink the cluster picture"));
    words(m_resetZoomAction, tr("&Fit to Window"), tr("Show the whole cluster at the window's size"));
    words(m_resetLayoutAction, tr("Reset &Layout"), tr("Put every pane back in its place"));
    words(m_shortcutsAction, tr("&Keyboard Shortcuts"), tr("List every command and its keys"));
    words(m_aboutAction, tr("&About raftviz"), tr("What raftviz is, and where it comes from"));
    m_englishAction->setStatusTip(tr("Show the interface in English"));
    m_chineseAction->setStatusTip(tr("Show the interface in Simplified Chinese"));
    for (QAction *action : m_scenarioActions) {
        const QString path = action->data().toString();
        words(action, scenarioTitle(path), tr("Play the scenario “%1”").arg(scenarioTitle(path)));
    }

    m_toolBar->setWindowTitle(tr("Toolbar"));
    m_speedSlider->setToolTip(tr("Speed of the simulated world: 1/1000× to 10× real time"));
    m_logDock->setWindowTitle(tr("Log"));
    m_inspectorDock->setWindowTitle(tr("Inspector"));
    m_eventsDock->setWindowTitle(tr("Events"));
    m_logDock->toggleViewAction()->setStatusTip(tr("Show or hide every server's log"));
    m_inspectorDock->toggleViewAction()->setStatusTip(tr("Show or hide the fields of the selected server or message"));
    m_eventsDock->toggleViewAction()->setStatusTip(tr("Show or hide what happened, and why"));
    m_networkDock->setWindowTitle(tr("Network"));
    m_networkDock->toggleViewAction()->setStatusTip(
        tr("Show or hide the network's conditions, its faults and the message statistics"));
    m_toolBar->toggleViewAction()->setStatusTip(tr("Show or hide the toolbar"));
    retranslateHistoryUi();
    onSpeedChanged(m_controller->speed());
    updateStatus();
    updateBanners();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::setLanguage(const QString &code)
{
    if (!Language::apply(code)) {
        statusBar()->showMessage(tr("The translation for %1 is missing.").arg(Language::displayName(code)), 8000);
        return;
    }
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == code);
    if (m_options.useSettings)
        m_settings->setLanguage(code);
    retranslateUi();
}

// --- settings ---------------------------------------------------------------------------

void MainWindow::readSettings()
{
    if (!m_options.useSettings) {
        m_controller->newCluster(raft::ClusterConfig{});
        const QString code = Language::current();
        for (QAction *action : m_languageGroup->actions())
            action->setChecked(action->data().toString() == code);
        return;
    }
    const QByteArray geometry = m_settings->geometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_settings->windowState();
    if (!state.isEmpty())
        restoreState(state);
    m_controller->setSpeed(m_settings->speed());
    m_controller->setAutoRequests(m_settings->autoRequests());
    m_legendAction->setChecked(m_settings->legendVisible());
    m_controller->newCluster(m_settings->clusterConfig());
    const QString language = m_settings->language();
    if (language != Language::current())
        setLanguage(language);
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == Language::current());
}

void MainWindow::writeSettings()
{
    if (!m_options.useSettings)
        return;
    m_settings->setGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSpeed(m_controller->speed());
    m_settings->setAutoRequests(m_autoRequestsAction->isChecked());
    m_settings->setLegendVisible(m_legendAction->isChecked());
    m_settings->setLanguage(Language::current());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    m_controller->pause();
    event->accept();
}

// --- the controller's signals -----------------------------------------------------------

void MainWindow::onStructureChanged()
{
    const raft::Simulation *sim = &m_controller->simulation();
    m_clusterView->setSimulation(sim);
    m_logView->setSimulation(sim);
    m_inspector->setSimulation(sim);
    m_inspectLeader = true;
    m_eventsPane->setSimulation(sim);
    m_networkPane->setSimulation(sim);
    m_lastNarration.clear();
    onAdvanced(m_controller->displayTime());
}

void MainWindow::onAdvanced(double displayTime)
{
    if (m_inspectLeader) {
        // Until the user picks something, the inspector shows the leader.
        const raft::NodeId leader = m_controller->simulation().leader().value_or(raft::kNoNode);
        if (m_inspector->node() != leader || (leader == raft::kNoNode && m_inspector->message() != 0)) {
            if (leader == raft::kNoNode)
                m_inspector->clear();
            else
                m_inspector->showNode(leader);
        }
    }
    m_clusterView->setDisplayTime(displayTime);
    m_logView->refresh();
    m_eventsPane->refresh();
    if (m_networkPane->isVisible())
        m_networkPane->refresh();
    m_inspector->refresh(displayTime);
    updateStatus();
    updateBanners();
}

void MainWindow::onPlayingChanged(bool playing)
{
    m_playAction->setText(playing ? tr("&Pause") : tr("&Play"));
    m_playAction->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playAction->setToolTip(QStringLiteral("%1 (%2)").arg(
        playing ? tr("Pause") : tr("Play"), m_playAction->shortcut().toString(QKeySequence::NativeText)));
    updateStatus();
}

void MainWindow::onSpeedChanged(double speed)
{
    {
        const QSignalBlocker blocker(m_speedSlider);
        m_speedSlider->setValue(sliderPosition(speed));
    }
    m_toolbarSpeed->setText(SimulationController::speedText(speed));
    m_speedLabel->setText(tr("Speed %1").arg(SimulationController::speedText(speed)));
}

void MainWindow::updateStatus()
{
    const raft::Simulation &sim = m_controller->simulation();
    const QString time = tr("t = %1").arg(EventText::timeText(m_controller->displayTime()));
    if (m_timeLabel->text() != time)
        m_timeLabel->setText(time);
    // Labels change only when their text does: this runs at 60 frames a second.
    auto set = [](QLabel *label, const QString &text) {
        if (label->text() != text)
            label->setText(text);
    };
    QColor colour;
    if (const auto leader = sim.leader()) {
        set(m_leaderLabel, tr("Leader %1 · term %2").arg(EventText::nodeText(*leader)).arg(sim.term(*leader)));
        colour = widgets::ClusterPalette::roleFill(raft::Role::Leader);
    } else {
        raft::Term highest = 0;
        for (NodeId id = 1; id <= sim.size(); ++id)
            highest = std::max(highest, sim.term(id));
        set(m_leaderLabel, tr("No leader · highest term %1").arg(highest));
        colour = QColor(0xB0, 0x30, 0x1C);
    }
    const QString style = QStringLiteral("color: %1;").arg(colour.name());
    if (m_leaderLabel->styleSheet() != style)
        m_leaderLabel->setStyleSheet(style);
    // A partition: say plainly which sides have no quorum.
    const QString quorum = sim.network().hasFaults() ? widgets::NetworkSides::summary(sim, true) : QString();
    set(m_quorumLabel, quorum);
    if (m_quorumLabel->isHidden() != quorum.isEmpty())
        m_quorumLabel->setVisible(!quorum.isEmpty());
    if (!m_controller->isPlaying())
        set(m_speedLabel, tr("Paused · speed %1").arg(SimulationController::speedText(m_controller->speed())));
    else
        set(m_speedLabel, tr("Speed %1").arg(SimulationController::speedText(m_controller->speed())));
}

QString MainWindow::violationText() const
{
    const auto &violations = m_controller->simulation().violations();
    if (violations.empty())
        return {};
    const raft::Violation &first = violations.front();
    QString text = tr("⚠ Safety violated at %1 (event %2): %3")
                       .arg(EventText::timeText(static_cast<double>(first.t)))
                       .arg(first.step)
                       .arg(QString::fromStdString(first.what));
    if (violations.size() > 1)
        text += tr(" — and %1 more").arg(violations.size() - 1);
    return text;
}

void MainWindow::updateBanners()
{
    const QString violation = violationText();
    if (m_violationBanner->text() != violation)
        m_violationBanner->setText(violation);
    m_violationBanner->setVisible(!violation.isEmpty());

    if (m_controller->scenarioName().isEmpty()) {
        m_scenarioBar->hide();
        return;
    }
    QString text = tr("<b>Scenario: %1</b>").arg(scenarioDisplayTitle().toHtmlEscaped());
    if (!m_lastNarration.isEmpty())
        text += QStringLiteral(" — ") + m_lastNarration.toHtmlEscaped();
    if (!m_controller->isScenarioRunning())
        text += tr(" <i>(finished)</i>");
    if (!m_controller->scenarioFailures().isEmpty())
        text += tr(" <span style='color:#b0301c'>failed expectations: %1</span>")
                    .arg(m_controller->scenarioFailures().size());
    if (m_scenarioBar->text() != text)
        m_scenarioBar->setText(text);
    m_scenarioBar->show();
}

void MainWindow::onScenarioLine(int line, const QString &text, bool ok, const QString &why)
{
    Q_UNUSED(line);
    if (text.startsWith(QLatin1String("say ")))
        m_lastNarration = text.mid(4).trimmed();
    if (!ok)
        statusBar()->showMessage(tr("Line %1: %2 — %3").arg(line).arg(text, why), 10000);
    updateBanners();
}

void MainWindow::onScenarioFinished(const QString &, int passed, int failed)
{
    const QString name = scenarioDisplayTitle();
    if (failed == 0)
        statusBar()->showMessage(tr("Scenario “%1” finished: every expectation held (%2).").arg(name).arg(passed),
                                 10000);
    else
        statusBar()->showMessage(tr("Scenario “%1” finished: %2 held, %3 failed.").arg(name).arg(passed).arg(failed),
                                 10000);
    updateBanners();
}

// --- selection ----------------------------------------------------------------------------

void MainWindow::onNodeSelected(NodeId id)
{
    // Clicking empty space hands the inspector back to the leader.
    m_inspectLeader = id == raft::kNoNode;
    if (m_inspectLeader) {
        onAdvanced(m_controller->displayTime());
        m_logView->setHighlightedNodes({});
        return;
    }
    m_inspector->showNode(id);
    m_inspector->refresh(m_controller->displayTime());
    m_logView->setHighlightedNodes(id == raft::kNoNode ? QList<NodeId>() : QList<NodeId>{id});
}

void MainWindow::onMessageSelected(std::uint64_t id)
{
    m_inspectLeader = false;
    m_inspector->showMessage(id);
    m_inspector->refresh(m_controller->displayTime());
    m_logView->setHighlightedNodes({});
}

void MainWindow::onEventNodesActivated(const QList<NodeId> &nodes)
{
    if (nodes.isEmpty())
        return;
    m_inspectLeader = false;
    m_clusterView->setSelectedNodes(std::vector<NodeId>(nodes.begin(), nodes.end()));
    m_inspector->showNode(nodes.first());
    m_inspector->refresh(m_controller->displayTime());
    m_logView->setHighlightedNodes(nodes);
}

// --- context menus ------------------------------------------------------------------------

void MainWindow::popup(QMenu *menu, QPoint globalPos)
{
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

QMenu *MainWindow::createNodeMenu(NodeId id)
{
    const raft::Simulation &sim = m_controller->simulation();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("nodeMenu"));
    const NodeStatus status = sim.status(id);
    const QString name = EventText::nodeText(id);
    const QString state = status == NodeStatus::Up ? EventText::roleText(sim.role(id)) : EventText::statusText(status);
    menu->addSection(tr("%1 — %2, term %3").arg(name, state).arg(sim.term(id)));

    QAction *pauseAction = menu->addAction(status == NodeStatus::Paused ? tr("&Resume") : tr("&Pause"));
    pauseAction->setObjectName(status == NodeStatus::Paused ? QStringLiteral("resumeNodeAction")
                                                            : QStringLiteral("pauseNodeAction"));
    pauseAction->setStatusTip(tr("A paused server freezes: its timers stop and its messages wait at the door"));
    pauseAction->setEnabled(status != NodeStatus::Crashed);
    connect(pauseAction, &QAction::triggered, m_controller, [this, id, status] {
        if (status == NodeStatus::Paused)
            m_controller->resumeNode(id);
        else
            m_controller->pauseNode(id);
    });

    QAction *crashAction = menu->addAction(status == NodeStatus::Crashed ? tr("Re&start") : tr("&Crash"));
    crashAction->setObjectName(status == NodeStatus::Crashed ? QStringLiteral("restartNodeAction")
                                                             : QStringLiteral("crashNodeAction"));
    crashAction->setIcon(status == NodeStatus::Crashed ? style()->standardIcon(QStyle::SP_BrowserReload)
                                                       : Icons::crash());
    crashAction->setStatusTip(
        status == NodeStatus::Crashed
            ? tr("Restart from stable storage: term, vote and log survive; commitIndex starts at 0")
            : tr("Crash: only the stable storage (term, vote, log) survives"));
    connect(crashAction, &QAction::triggered, m_controller, [this, id, status] {
        if (status == NodeStatus::Crashed)
            m_controller->restart(id);
        else
            m_controller->crash(id);
    });

    QAction *timeoutAction = menu->addAction(tr("&Time Out Now"));
    timeoutAction->setObjectName(QStringLiteral("timeoutNodeAction"));
    timeoutAction->setStatusTip(tr("Start an election now, as if the election timer had fired"));
    timeoutAction->setEnabled(status == NodeStatus::Up && sim.role(id) != raft::Role::Leader);
    connect(timeoutAction, &QAction::triggered, m_controller, [this, id] { m_controller->timeoutNow(id); });

    QAction *requestAction = menu->addAction(Icons::clientRequest(), tr("Client &Request…"));
    requestAction->setObjectName(QStringLiteral("requestNodeAction"));
    requestAction->setStatusTip(tr("Send a client command to this server"));
    connect(requestAction, &QAction::triggered, this, [this, id] { requestDialog(id); });

    menu->addSeparator();
    bool hasCuts = false;
    for (NodeId other = 1; other <= sim.size(); ++other)
        hasCuts = hasCuts || (other != id && (sim.network().isCut(id, other) || sim.network().isCut(other, id)));
    QAction *isolateAction = menu->addAction(hasCuts ? tr("Reco&nnect") : tr("&Isolate from Network"));
    isolateAction->setObjectName(hasCuts ? QStringLiteral("reconnectNodeAction") : QStringLiteral("isolateNodeAction"));
    isolateAction->setIcon(hasCuts ? Icons::heal() : QIcon());
    isolateAction->setStatusTip(hasCuts ? tr("Restore every cut link to and from this server")
                                        : tr("Cut every link to and from this server"));
    connect(isolateAction, &QAction::triggered, m_controller, [this, id, hasCuts] {
        if (hasCuts)
            m_controller->reconnect(id);
        else
            m_controller->isolate(id);
    });

    // Sides: the selection this server belongs to (or the server alone) against the rest.
    const std::vector<NodeId> selected = m_clusterView->selectedNodes();
    const bool inSelection = std::find(selected.begin(), selected.end(), id) != selected.end();
    const std::vector<NodeId> side = inSelection ? selected : std::vector<NodeId>{id};
    QAction *partitionAction = menu->addAction(
        tr("Partition: %1 vs the Rest").arg(widgets::NetworkSides::nodeList(side)));
    partitionAction->setObjectName(QStringLiteral("partitionNodeAction"));
    partitionAction->setStatusTip(tr("Put these servers on one side of a wall and every other server on the other "
                                     "side (Ctrl-click or drag on empty space to select several)"));
    partitionAction->setEnabled(static_cast<int>(side.size()) < sim.size());
    connect(partitionAction, &QAction::triggered, this, [this, side] {
        m_clusterView->setSelectedNodes(side);
        m_clusterView->requestPartitionOfSelection();
    });
    return menu;
}

QMenu *MainWindow::createMessageMenu(std::uint64_t id)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("messageMenu"));
    if (const raft::Envelope *envelope = m_controller->simulation().network().find(id)) {
        const raft::Message &m = envelope->message;
        menu->addSection(
            tr("%1 %2 → %3")
                .arg(EventText::messageTypeText(m.type), EventText::nodeText(m.from), EventText::nodeText(m.to)));
    }
    QAction *deliver = menu->addAction(tr("Deliver &now"));
    deliver->setObjectName(QStringLiteral("deliverMessageAction"));
    deliver->setStatusTip(tr("Deliver this message at once, ahead of the others: its receiver handles it now"));
    connect(deliver, &QAction::triggered, m_controller, [this, id] { m_controller->deliverMessage(id); });
    QAction *drop = menu->addAction(tr("&Drop"));
    drop->setObjectName(QStringLiteral("dropMessageAction"));
    drop->setStatusTip(tr("Lose this message, as an unreliable network may"));
    connect(drop, &QAction::triggered, m_controller, [this, id] { m_controller->dropMessage(id); });
    QAction *duplicate = menu->addAction(tr("D&uplicate"));
    duplicate->setObjectName(QStringLiteral("duplicateMessageAction"));
    duplicate->setStatusTip(tr("Send a second copy of this message, as an unreliable network may"));
    connect(duplicate, &QAction::triggered, m_controller, [this, id] { m_controller->duplicateMessage(id); });
    QAction *inspect = menu->addAction(tr("&Inspect"));
    inspect->setObjectName(QStringLiteral("inspectMessageAction"));
    inspect->setStatusTip(tr("Show every field of this message in the inspector"));
    connect(inspect, &QAction::triggered, this, [this, id] {
        m_clusterView->setSelectedMessage(id);
        onMessageSelected(id);
        m_inspectorDock->show();
        m_inspectorDock->raise();
    });
    return menu;
}

QMenu *MainWindow::createBackgroundMenu()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("backgroundMenu"));
    QAction *request = menu->addAction(Icons::clientRequest(), tr("Client &Request to the Leader…"));
    request->setObjectName(QStringLiteral("requestLeaderMenuAction"));
    request->setStatusTip(tr("Send a client command to the current leader"));
    connect(request, &QAction::triggered, this, &MainWindow::requestToLeaderDialog);
    QAction *heal = menu->addAction(Icons::heal(), tr("&Heal Network"));
    heal->setObjectName(QStringLiteral("healMenuAction"));
    heal->setStatusTip(m_healAction->statusTip());
    connect(heal, &QAction::triggered, m_controller, &SimulationController::heal);
    menu->addAction(m_partitionSelectionAction);
    QAction *network = menu->addAction(tr("Network &Conditions…"));
    network->setObjectName(QStringLiteral("networkConditionsMenuAction"));
    network->setStatusTip(tr("Latency, loss and duplication of the whole network and of single links"));
    connect(network, &QAction::triggered, this, [this] {
        m_networkDock->show();
        m_networkDock->raise();
    });
    menu->addSeparator();
    menu->addAction(m_splitVoteAction);
    menu->addAction(m_restartAllAction);
    menu->addAction(m_legendAction);
    return menu;
}

void MainWindow::showNodeMenu(NodeId id, QPoint globalPos)
{
    // A right-click on a server of a multiple selection keeps the selection, for
    // "Partition: selection vs the rest".
    const std::vector<NodeId> selected = m_clusterView->selectedNodes();
    if (std::find(selected.begin(), selected.end(), id) == selected.end())
        m_clusterView->setSelectedNode(id);
    onNodeSelected(id);
    popup(createNodeMenu(id), globalPos);
}

void MainWindow::showMessageMenu(std::uint64_t id, QPoint globalPos)
{
    popup(createMessageMenu(id), globalPos);
}

void MainWindow::showBackgroundMenu(QPoint globalPos)
{
    popup(createBackgroundMenu(), globalPos);
}

QMenu *MainWindow::createLinkMenu(NodeId from, NodeId to)
{
    const raft::Network &network = m_controller->simulation().network();
    const QString a = EventText::nodeText(from);
    const QString b = EventText::nodeText(to);
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("linkMenu"));
    menu->addSection(tr("Link %1 ↔ %2").arg(a, b));
    const bool forwardCut = network.isCut(from, to);
    const bool backwardCut = network.isCut(to, from);
    const auto add = [&](const QString &text, const QString &name, const QString &tip, bool enabled) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        action->setStatusTip(tip);
        action->setEnabled(enabled);
        return action;
    };
    QAction *cutForward = add(tr("Cut %1 → %2").arg(a, b), QStringLiteral("cutForwardAction"),
                              tr("Messages from %1 to %2 are lost; %2 can still reach %1").arg(a, b), !forwardCut);
    connect(cutForward, &QAction::triggered, m_controller, [this, from, to] { m_controller->cut(from, to, false); });
    QAction *cutBackward = add(tr("Cut %1 → %2").arg(b, a), QStringLiteral("cutBackwardAction"),
                               tr("Messages from %1 to %2 are lost; %2 can still reach %1").arg(b, a), !backwardCut);
    connect(cutBackward, &QAction::triggered, m_controller, [this, from, to] { m_controller->cut(to, from, false); });
    QAction *cutBoth = add(tr("Cut Both Ways"), QStringLiteral("cutBothAction"),
                           tr("Neither %1 nor %2 can reach the other").arg(a, b), !(forwardCut && backwardCut));
    connect(cutBoth, &QAction::triggered, m_controller, [this, from, to] { m_controller->cut(from, to, true); });
    QAction *restore = add(tr("&Restore %1 ↔ %2").arg(a, b), QStringLiteral("restoreLinkAction"),
                           tr("Reopen both directions of this link (a partition wall, if any, stays)"),
                           forwardCut || backwardCut);
    restore->setIcon(Icons::heal());
    connect(restore, &QAction::triggered, m_controller,
            [this, from, to] { m_controller->restoreLink(from, to, true); });
    if (network.groupOf(from) != network.groupOf(to)) {
        QAction *wall = menu->addAction(tr("A partition wall stands between them"));
        wall->setEnabled(false);
    }
    menu->addSeparator();
    QAction *conditions = add(tr("Link &Conditions %1 → %2…").arg(a, b), QStringLiteral("linkConditionsAction"),
                              tr("Give this one-way link its own latency, loss and duplication"), true);
    connect(conditions, &QAction::triggered, this, [this, from, to] { editLinkConditions(from, to); });
    if (network.link(from, to) || network.link(to, from)) {
        QAction *reset = add(tr("The Network's Conditions Again"), QStringLiteral("resetLinkConditionsAction"),
                             tr("Both directions of this link meet the network's conditions again"), true);
        connect(reset, &QAction::triggered, m_controller, [this, from, to] {
            if (m_controller->simulation().network().link(from, to))
                m_controller->setLinkConditions(from, to, std::nullopt);
            if (m_controller->simulation().network().link(to, from))
                m_controller->setLinkConditions(to, from, std::nullopt);
        });
    }
    return menu;
}

void MainWindow::showLinkMenu(NodeId from, NodeId to, QPoint globalPos)
{
    popup(createLinkMenu(from, to), globalPos);
}

void MainWindow::createNetworkDock()
{
    m_networkPane = new widgets::NetworkPane(this);
    m_networkDock = new QDockWidget(this);
    m_networkDock->setObjectName(QStringLiteral("networkDock"));
    m_networkDock->setWidget(m_networkPane);
    addDockWidget(Qt::RightDockWidgetArea, m_networkDock);
    // The Network pane shares the Inspector's place, one tab away.
    tabifyDockWidget(m_inspectorDock, m_networkDock);
    m_inspectorDock->raise();
    connect(m_networkPane, &widgets::NetworkPane::networkConfigChanged, m_controller,
            &SimulationController::setNetworkConfig);
    connect(m_networkPane, &widgets::NetworkPane::linkConditionsChanged, m_controller,
            &SimulationController::setLinkConditions);
    connect(m_networkPane, &widgets::NetworkPane::healRequested, m_controller, &SimulationController::heal);
}

void MainWindow::editLinkConditions(NodeId from, NodeId to)
{
    m_networkDock->show();
    m_networkDock->raise();
    m_networkPane->editLink(from, to);
}

// --- dialogs ------------------------------------------------------------------------------

void MainWindow::requestDialog(NodeId id)
{
    auto *dialog = new ClientRequestDialog(EventText::nodeText(id), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] { m_controller->request(id, dialog->command()); });
    dialog->open();
}

void MainWindow::requestToLeaderDialog()
{
    auto *dialog = new ClientRequestDialog(tr("the leader"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_controller->requestToLeader(dialog->command()); });
    dialog->open();
}

void MainWindow::newCluster()
{
    auto *dialog = new NewClusterDialog(m_controller->config(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const raft::ClusterConfig config = dialog->config();
        m_controller->newCluster(config);
        if (m_options.useSettings)
            m_settings->setClusterConfig(config);
        const int rows = config.nodes;
        resizeDocks({m_logDock}, {logDockHeight(rows, height())}, Qt::Vertical);
        m_controller->play();
    });
    dialog->open();
}

void MainWindow::showShortcuts()
{
    QList<QAction *> list = {
        m_playAction,          m_stepAction,        m_fasterAction,       m_slowerAction,
        m_requestLeaderAction, m_crashLeaderAction, m_autoRequestsAction, m_splitVoteAction,
        m_spreadTimersAction,  m_restartAllAction,  m_healAction,         m_partitionSelectionAction,
        m_legendAction,        m_zoomInAction,      m_zoomOutAction,      m_resetZoomAction,
        m_startOverAction,     m_newClusterAction,  m_openScenarioAction, m_savePictureAction,
        m_shortcutsAction,     m_quitAction};
    // The history's commands, after Step.
    list.insert(list.indexOf(m_stepAction) + 1, m_stepBackAction);
    list << m_nextElectionAction << m_nextCommitAction << m_nextTermAction << m_nextAtNodeAction << m_holdAction
         << m_deliverAllAction << m_saveRunAction << m_openRunAction;
    auto *dialog = new ShortcutsDialog(list, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About raftviz"),
                       tr("<h3>raftviz %1</h3>"
                          "<p>A classroom for the Raft consensus algorithm: watch servers elect a leader, "
                          "replicate a log and survive crashes and partitions, one event at a time.</p>"
                          "<p>Everything it shows follows the extended Raft paper (Ongaro and Ousterhout, "
                          "“In Search of an Understandable Consensus Algorithm”, Figure 2) and is checked "
                          "after every event against the paper's safety properties.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::savePicture()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Picture"), QStringLiteral("raftviz.png"),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (grab().save(path, "PNG"))
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 6000);
    else
        QMessageBox::warning(this, tr("Save Picture"), tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)));
}

// --- scenarios ------------------------------------------------------------------------------

QStringList MainWindow::scenarioResources()
{
    QStringList paths;
    const QDir dir{QString::fromLatin1(kScenarioPrefix)};
    for (const QString &name : dir.entryList({QStringLiteral("*.scenario")}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    // The lessons in teaching order, then any others by name.
    static const QStringList order = {
        QStringLiteral("leader-election"),
        QStringLiteral("split-vote"),
        QStringLiteral("leader-crash"),
        QStringLiteral("lagging-follower"),
        QStringLiteral("minority-leader"),
        QStringLiteral("partition-leader-minority"),
        QStringLiteral("partition-leader-majority"),
        QStringLiteral("one-way-link"),
        QStringLiteral("flaky-network"),
    };
    std::stable_sort(paths.begin(), paths.end(), [](const QString &a, const QString &b) {
        auto rank = [](const QString &path) {
            const qsizetype i = order.indexOf(QFileInfo(path).completeBaseName());
            return i < 0 ? order.size() : i;
        };
        return rank(a) < rank(b);
    });
    return paths;
}

QString MainWindow::scenarioTitle(const QString &resourcePath)
{
    const QString base = QFileInfo(resourcePath).completeBaseName();
    if (base == QLatin1String("leader-election"))
        return tr("Leader Election");
    if (base == QLatin1String("split-vote"))
        return tr("Split Vote");
    if (base == QLatin1String("leader-crash"))
        return tr("Leader Crash and Re-election");
    if (base == QLatin1String("lagging-follower"))
        return tr("Log Replication with a Lagging Follower");
    if (base == QLatin1String("minority-leader"))
        return tr("Partition: the Leader on the Minority Side");
    if (base == QLatin1String("partition-leader-minority"))
        return tr("Partition 3|2, Leader on the Minority Side");
    if (base == QLatin1String("partition-leader-majority"))
        return tr("Partition 3|2, Leader on the Majority Side");
    if (base == QLatin1String("one-way-link"))
        return tr("One-Way Link Failure");
    if (base == QLatin1String("flaky-network"))
        return tr("Flaky Network (20% Loss)");
    return base;
}

void MainWindow::runBuiltInScenario(const QString &resourcePath)
{
    // A translated lesson, if there is one, narrates in the user's language.
    const QFileInfo info(resourcePath);
    const QString localized = info.path() + QLatin1Char('/') + Language::current() + QLatin1Char('/') + info.fileName();
    const QString path = QFile::exists(localized) ? localized : resourcePath;
    const QString error = openScenarioFile(path);
    if (error.isEmpty())
        m_controller->play();
}

void MainWindow::openScenario()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), QString(),
                                                      tr("Scenario scripts (*.scenario *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    if (openScenarioFile(path).isEmpty())
        m_controller->play();
}

QString MainWindow::scenarioDisplayTitle() const
{
    if (m_scenarioPath.startsWith(QLatin1String(kScenarioPrefix)))
        return scenarioTitle(m_scenarioPath);
    // A script of the user's: its first comment line, if it has one, names it.
    QFile file(m_scenarioPath);
    if (!m_scenarioPath.isEmpty() && file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        const QString first = QString::fromUtf8(file.readLine()).trimmed();
        if (first.startsWith(QLatin1Char('#')) && first.size() > 1)
            return first.mid(1).trimmed();
    }
    return m_controller->scenarioName();
}

QString MainWindow::openScenarioFile(const QString &path, bool showErrors)
{
    const QString error = m_controller->loadScenarioFile(path);
    if (error.isEmpty()) {
        m_scenarioPath = path;
        m_lastNarration.clear();
        const int rows = m_controller->simulation().size();
        resizeDocks({m_logDock}, {logDockHeight(rows, height())}, Qt::Vertical);
        updateBanners();
        return {};
    }
    if (!showErrors)
        return error;
    // Non-blocking, so that nothing waits on it (tests, a running clock).
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Cannot Run the Scenario"),
        tr("The scenario “%1” has errors, so nothing was changed.").arg(QFileInfo(path).fileName()), QMessageBox::Ok,
        this);
    box->setObjectName(QStringLiteral("scenarioErrorBox"));
    box->setInformativeText(error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return error;
}

// --- history: stepping, the timeline, branches, saved runs --------------------------------

namespace {

/// setWords gives an action its text, status tip and a tooltip with its shortcut.
void setWords(QAction *action, const QString &text, const QString &tip)
{
    action->setText(text);
    action->setStatusTip(tip);
    QString toolTip = QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
    if (!action->shortcut().isEmpty())
        toolTip += QStringLiteral(" (%1)").arg(action->shortcut().toString(QKeySequence::NativeText));
    action->setToolTip(toolTip);
}

} // namespace

void MainWindow::createHistoryUi()
{
    // The banner that explains each step, and the timeline, under the cluster view.
    m_stepBanner = new widgets::StepBanner(centralWidget());
    m_stepBanner->setObjectName(QStringLiteral("stepBanner"));
    m_timeline = new widgets::Timeline(centralWidget());
    m_timeline->setObjectName(QStringLiteral("timeline"));
    if (auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout())) {
        layout->addWidget(m_stepBanner);
        layout->addWidget(m_timeline);
    }
    // The banner appears when the user steps, and makes room again during playback.
    m_stepBanner->hide();
    connect(m_controller, &SimulationController::playingChanged, this, [this](bool playing) {
        if (playing)
            m_stepBanner->hide();
    });

    auto make = [this](const char *name, const QList<QKeySequence> &keys = {}) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
        return action;
    };
    m_stepBackAction = make("stepBackAction", {QKeySequence(Qt::Key_Comma), QKeySequence(Qt::Key_Left)});
    m_stepBackAction->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_stepBackAction->setAutoRepeat(true);
    m_stepAction->setAutoRepeat(true);
    connect(m_stepBackAction, &QAction::triggered, m_controller, &SimulationController::stepBack);

    using Next = SimulationController::NextEvent;
    m_nextElectionAction = make("nextElectionAction", {QKeySequence(Qt::SHIFT | Qt::Key_E)});
    connect(m_nextElectionAction, &QAction::triggered, m_controller,
            [this] { m_controller->runToNext(Next::ElectionWon); });
    m_nextCommitAction = make("nextCommitAction", {QKeySequence(Qt::SHIFT | Qt::Key_C)});
    connect(m_nextCommitAction, &QAction::triggered, m_controller, [this] { m_controller->runToNext(Next::Commit); });
    m_nextTermAction = make("nextTermAction", {QKeySequence(Qt::SHIFT | Qt::Key_T)});
    connect(m_nextTermAction, &QAction::triggered, m_controller, [this] { m_controller->runToNext(Next::TermChange); });
    m_nextAtNodeAction = make("nextAtNodeAction", {QKeySequence(Qt::SHIFT | Qt::Key_N)});
    connect(m_nextAtNodeAction, &QAction::triggered, this, [this] {
        const NodeId node = m_clusterView->selectedNode();
        if (node == raft::kNoNode) {
            statusBar()->showMessage(tr("Select a server first: click it in the cluster view."), 8000);
            return;
        }
        m_controller->runToNext(Next::AtNode, node);
    });

    // H is Heal already: hold is Shift+H.
    m_holdAction = make("holdAction", {QKeySequence(Qt::SHIFT | Qt::Key_H)});
    m_holdAction->setCheckable(true);
    connect(m_holdAction, &QAction::toggled, m_controller, &SimulationController::setHold);
    connect(m_controller, &SimulationController::holdChanged, this, [this](bool hold) {
        const QSignalBlocker blocker(m_holdAction);
        m_holdAction->setChecked(hold);
    });
    m_deliverAllAction = make("deliverAllAction", {QKeySequence(Qt::SHIFT | Qt::Key_D)});
    connect(m_deliverAllAction, &QAction::triggered, m_controller, &SimulationController::deliverAllWaiting);

    m_saveRunAction = make("saveRunAction", {QKeySequence::Save});
    m_saveRunAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    connect(m_saveRunAction, &QAction::triggered, this, &MainWindow::saveRun);
    m_openRunAction = make("openRunAction", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
    connect(m_openRunAction, &QAction::triggered, this, &MainWindow::openRun);
    m_runNotesAction = make("runNotesAction");
    connect(m_runNotesAction, &QAction::triggered, this, &MainWindow::editRunNotes);
    m_exportTraceAction = make("exportTraceAction");
    connect(m_exportTraceAction, &QAction::triggered, this, &MainWindow::exportTrace);
    m_exportLogAction = make("exportLogAction");
    connect(m_exportLogAction, &QAction::triggered, this, &MainWindow::exportLogTable);

    // Menus: the run files before Save Picture, the history commands after Step.
    const QList<QAction *> fileActions = m_fileMenu->actions();
    QAction *before = fileActions.size() > 1 ? fileActions.at(1) : nullptr;
    m_fileMenu->insertAction(before, m_openRunAction);
    m_fileMenu->insertAction(before, m_saveRunAction);
    m_fileMenu->insertAction(before, m_runNotesAction);
    m_fileMenu->insertSeparator(before);
    m_fileMenu->insertAction(before, m_exportTraceAction);
    m_fileMenu->insertAction(before, m_exportLogAction);

    const QList<QAction *> simActions = m_simulationMenu->actions();
    const qsizetype stepAt = simActions.indexOf(m_stepAction);
    QAction *afterStep = stepAt >= 0 && stepAt + 1 < simActions.size() ? simActions.at(stepAt + 1) : nullptr;
    m_simulationMenu->insertAction(m_stepAction, m_stepBackAction);
    m_runToNextMenu = new QMenu(m_simulationMenu);
    m_runToNextMenu->setObjectName(QStringLiteral("runToNextMenu"));
    m_runToNextMenu->addAction(m_nextElectionAction);
    m_runToNextMenu->addAction(m_nextCommitAction);
    m_runToNextMenu->addAction(m_nextTermAction);
    m_runToNextMenu->addAction(m_nextAtNodeAction);
    m_simulationMenu->insertMenu(afterStep, m_runToNextMenu);
    m_simulationMenu->insertSeparator(afterStep);
    m_simulationMenu->insertAction(afterStep, m_holdAction);
    m_simulationMenu->insertAction(afterStep, m_deliverAllAction);

    // The toolbar: Step back beside Step; both repeat while the button is held.
    m_toolBar->insertAction(m_stepAction, m_stepBackAction);
    for (QAction *action : {m_stepBackAction, m_stepAction}) {
        if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action))) {
            button->setAutoRepeat(true);
            button->setAutoRepeatDelay(400);
            button->setAutoRepeatInterval(80);
        }
    }

    m_controller->setBranchConfirmation([this] { return askBranch(); });
    connect(m_controller, &SimulationController::structureChanged, this, &MainWindow::onHistoryReplaced);
    connect(m_controller, &SimulationController::advanced, this, &MainWindow::onHistoryAdvanced);
    connect(m_controller, &SimulationController::stepped, this, &MainWindow::onStepped);
    connect(m_timeline, &widgets::Timeline::seekRequested, m_controller, &SimulationController::seekToTime);
    connect(m_eventsPane, &widgets::EventsPane::eventActivated, this, &MainWindow::onEventActivated);
}

void MainWindow::retranslateHistoryUi()
{
    setWords(m_stepBackAction, tr("Step &Back"), tr("Stop the clock and undo exactly one event"));
    m_runToNextMenu->setTitle(tr("Run to &Next"));
    setWords(m_nextElectionAction, tr("&Election Won"), tr("Play until a candidate wins an election, then stop"));
    setWords(m_nextCommitAction, tr("&Commit"), tr("Play until a leader commits an entry, then stop"));
    setWords(m_nextTermAction, tr("&Term Change"), tr("Play until a server's term rises, then stop"));
    setWords(m_nextAtNodeAction, tr("Event at the &Selected Server"),
             tr("Play until something happens at the selected server, then stop"));
    setWords(m_holdAction, tr("&Hold Messages (Deliver by Hand)"),
             tr("Every new message waits at its receiver's door until you deliver it (right-click it)"));
    setWords(m_deliverAllAction, tr("&Deliver All Waiting"), tr("Deliver every held message, oldest first"));
    setWords(m_saveRunAction, tr("&Save Run…"), tr("Save the cluster, every action and your notes to a file"));
    setWords(m_openRunAction, tr("Open &Run…"), tr("Open a saved run and replay it to where it was saved"));
    setWords(m_runNotesAction, tr("Run &Notes…"), tr("Edit the notes saved with the run"));
    setWords(m_exportTraceAction, tr("Export &Trace…"), tr("Save the events up to now as JSON lines"));
    setWords(m_exportLogAction, tr("Export &Log Table…"), tr("Save every server's log as a CSV table"));
    m_stepBanner->setPlaceholderText(tr("Step forward (→) or back (←): each event is explained here."));
    m_timeline->setToolTip(QString());
}

void MainWindow::onHistoryReplaced()
{
    const raft::History &history = m_controller->history();
    m_timeline->setHistory(&history);
    m_eventsPane->setTrace(&history.trace(), history.visibleEvents(), history.generation());
    m_stepBanner->clear();
    m_timeline->refresh();
}

void MainWindow::onHistoryAdvanced()
{
    const raft::History &history = m_controller->history();
    m_eventsPane->setVisibleCount(history.visibleEvents(), history.generation());
    m_timeline->refresh();
}

void MainWindow::onStepped(std::size_t firstEvent, std::size_t endEvent)
{
    const raft::History &history = m_controller->history();
    m_stepBanner->showStep(history.trace(), firstEvent, endEvent);
    m_stepBanner->show();
    if (m_stepBanner->isEmpty())
        return;
    // The server that acted is selected, and the inspector shows it.
    const NodeId node = m_stepBanner->mainEvent().node;
    if (node >= 1 && node <= m_controller->simulation().size()) {
        m_clusterView->setSelectedNode(node);
        m_inspectLeader = false;
        m_inspector->showNode(node);
    }
}

void MainWindow::onEventActivated(std::size_t traceIndex)
{
    const raft::Trace &trace = m_controller->history().trace();
    if (traceIndex >= trace.size())
        return;
    m_controller->seekToStep(trace.events()[traceIndex].step);
}

bool MainWindow::askBranch()
{
    ++m_branchQuestions;
    if (m_branchAnswer)
        return *m_branchAnswer;
    if (m_branchNoAsk)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Start a New Branch?"),
                    tr("Acting here starts a new branch and discards what happened after this moment. Continue?"),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("branchQuestion"));
    box.setDefaultButton(QMessageBox::Cancel);
    auto *dontAsk = new QCheckBox(tr("Don't ask again"), &box);
    box.setCheckBox(dontAsk);
    const bool yes = box.exec() == QMessageBox::Yes;
    if (yes && dontAsk->isChecked())
        m_branchNoAsk = true;
    return yes;
}

QString MainWindow::saveRunFile(const QString &path)
{
    const std::string text = raft::formatRunFile(m_controller->runFile());
    const QString error = RunIo::writeAtomically(path, QByteArray::fromStdString(text));
    if (error.isEmpty())
        statusBar()->showMessage(tr("Saved the run to %1").arg(QDir::toNativeSeparators(path)), 6000);
    return error;
}

QString MainWindow::openRunFile(const QString &path, bool showErrors)
{
    QString text;
    QString error = RunIo::readText(path, text);
    std::optional<raft::RunFile> run;
    if (error.isEmpty()) {
        const raft::RunFileResult parsed = raft::parseRunFile(text.toStdString(),
                                                              QFileInfo(path).fileName().toStdString());
        QStringList lines;
        for (const std::string &line : parsed.errors)
            lines.append(QString::fromStdString(line));
        error = lines.join(QLatin1Char('\n'));
        if (error.isEmpty() && parsed.run)
            run = parsed.run;
        else if (error.isEmpty())
            error = tr("%1: not a saved run").arg(QFileInfo(path).fileName());
    }
    if (run) {
        const QString problem = m_controller->loadRun(*run);
        if (problem.isEmpty()) {
            m_scenarioPath.clear();
            const int rows = m_controller->simulation().size();
            resizeDocks({m_logDock}, {logDockHeight(rows, height())}, Qt::Vertical);
            updateBanners();
            statusBar()->showMessage(tr("Opened the run %1").arg(QFileInfo(path).fileName()), 6000);
            return {};
        }
        error = tr("%1: %2").arg(QFileInfo(path).fileName(), problem);
    }
    if (!showErrors)
        return error;
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Cannot Open the Run"),
        tr("The run “%1” cannot be replayed, so nothing was changed.").arg(QFileInfo(path).fileName()), QMessageBox::Ok,
        this);
    box->setObjectName(QStringLiteral("runErrorBox"));
    box->setInformativeText(error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return error;
}

QString MainWindow::exportTraceFile(const QString &path)
{
    const raft::History &history = m_controller->history();
    return RunIo::writeAtomically(path, RunIo::traceJsonLines(history.trace(), history.visibleEvents()));
}

QString MainWindow::exportLogTableFile(const QString &path)
{
    return RunIo::writeAtomically(path, RunIo::logTableCsv(m_controller->simulation()));
}

void MainWindow::saveRun()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Run"), QStringLiteral("run.raftrun"),
                                                tr("raftviz runs (*.raftrun)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".raftrun")))
        path += QStringLiteral(".raftrun");
    const QString error = saveRunFile(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Save Run"), error);
}

void MainWindow::openRun()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Run"), QString(),
                                                      tr("raftviz runs (*.raftrun);;All files (*)"));
    if (!path.isEmpty())
        openRunFile(path);
}

void MainWindow::editRunNotes()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("runNotesDialog"));
    dialog.setWindowTitle(tr("Run Notes"));
    auto *edit = new QPlainTextEdit(&dialog);
    edit->setPlainText(m_controller->notes().join(QLatin1Char('\n')));
    edit->setPlaceholderText(tr("What this run shows, for the next lecture…"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    dialog.resize(480, 300);
    if (dialog.exec() == QDialog::Accepted)
        m_controller->setNotes(edit->toPlainText().split(QLatin1Char('\n')));
}

void MainWindow::exportTrace()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Trace"), QStringLiteral("trace.jsonl"),
                                                      tr("JSON lines (*.jsonl)"));
    if (path.isEmpty())
        return;
    const QString error = exportTraceFile(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export Trace"), error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 6000);
}

void MainWindow::exportLogTable()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Log Table"), QStringLiteral("logs.csv"),
                                                      tr("CSV tables (*.csv)"));
    if (path.isEmpty())
        return;
    const QString error = exportLogTableFile(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export Log Table"), error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 6000);
}
