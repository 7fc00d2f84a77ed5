#include "mainwindow.h"

#include "actiontable.h"
#include "commandguards.h"
#include "fileerrorbox.h"
#include "icons.h"
#include "language.h"
#include "lessonbar.h"
#include "newclusterdialog.h"
#include "presentationmode.h"
#include "settings.h"
#include "shortcutsdialog.h"
#include "simulationcontroller.h"
#include "speedcontrols.h"
#include "statusline.h"
#include "violationbanner.h"

#include "widgets/clusterview.h"
#include "widgets/eventspane.h"
#include "widgets/inspector.h"
#include "widgets/logview.h"
#include "widgets/networkpane.h"
#include "widgets/selection.h"
#include "widgets/spacetimepane.h"
#include "widgets/spacetimeview.h"
#include "widgets/stepbanner.h"
#include "widgets/timeline.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTabBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using raft::NodeId;

MainWindow::MainWindow(const MainWindowOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_settings(options.settingsFile.isEmpty() ? std::make_unique<Settings>()
                                                : std::make_unique<Settings>(options.settingsFile))
    , m_controller(new SimulationController(this))
    , m_selection(new widgets::Selection(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Icons::application());
    // No AnimatedDocks: leaving presentation mode and Reset Layout call restoreState,
    // which crashes Qt 6.4 while a dropped dock is still animating into place.
    setDockOptions(QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);

    createCentralWidget();
    createDocks();
    m_runFiles = new RunFileCommands(this, m_controller);
    m_guards = new CommandGuards(this, m_controller);
    createActions();
    m_presentation = new PresentationMode(
        {.window = this,
         .cluster = m_clusterView,
         .kept = m_logDock,
         .keptIfShown = {m_spaceTimeDock},
         .hidden = {m_inspectorDock, m_eventsDock, m_networkDock, m_toolBar, m_timeline}},
        this);
    connect(m_presentation, &PresentationMode::changed, this, [this](bool active) {
        m_spaceTimePane->setPresentation(active);
        applyTextScale();
        fitLogDock();
        m_actions->refresh();
    });
    connect(m_guards, &CommandGuards::holdUnchanged, m_actions, &ActionTable::refresh);
    // Cells with commands, or with a larger text, are taller: the dock follows.
    connect(m_logView, &widgets::LogView::cellSizeChanged, this, &MainWindow::fitLogDock);
    m_paneText.setPanes({m_logDock, m_inspectorDock, m_eventsDock, m_networkDock, m_spaceTimeDock, m_lessonBar,
                         m_stepBanner, m_timeline, m_violationBanner});
    m_contextMenus = new ContextMenus(this, m_controller, m_selection, m_clusterView, m_actions);
    m_statusLine = new StatusLine(statusBar(), m_controller);
    connectViews();
    connectSelection();
    retranslateUi();
    placeOnScreen();
    resetLayout();
    m_defaultState = saveState();
    readSettings();
    if (m_options.autoPlay)
        m_controller->play();
}

MainWindow::~MainWindow() = default;

// --- construction ---------------------------------------------------------------------

void MainWindow::createCentralWidget()
{
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    m_violationBanner = new ViolationBanner(central);
    m_lessonBar = new LessonBar(m_controller, &m_lessons, central);
    m_clusterView = new widgets::ClusterView(central);
    m_clusterView->setObjectName(QStringLiteral("clusterView"));
    // §6: the "+" on the ring adds a server (Cluster › Add Server).
    m_clusterView->setAddButtonVisible(true);
    m_clusterView->setQuickButtonsEnabled(true);
    connect(m_clusterView, &widgets::ClusterView::addServerRequested, m_controller,
            &SimulationController::addNextServer);
    // The banner that explains each step, and the timeline, under the cluster view.
    m_stepBanner = new widgets::StepBanner(central);
    m_stepBanner->setObjectName(QStringLiteral("stepBanner"));
    // It appears when the user steps, and makes room again during playback.
    m_stepBanner->hide();
    m_timeline = new widgets::Timeline(central);
    m_timeline->setObjectName(QStringLiteral("timeline"));

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_violationBanner);
    layout->addWidget(m_lessonBar);
    layout->addWidget(m_clusterView, 1);
    layout->addWidget(m_stepBanner);
    layout->addWidget(m_timeline);
    setCentralWidget(central);
}

void MainWindow::createDocks()
{
    const auto makeDock = [this](const char *name, QWidget *widget, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(this);
        dock->setObjectName(QLatin1String(name));
        dock->setWidget(widget);
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                          | QDockWidget::DockWidgetFloatable);
        dock->toggleViewAction()->setObjectName(dock->objectName() + QStringLiteral("Toggle"));
        addDockWidget(area, dock);
        return dock;
    };
    m_inspector = new widgets::Inspector(this);
    m_inspectorDock = makeDock("inspectorDock", m_inspector, Qt::RightDockWidgetArea);
    m_eventsPane = new widgets::EventsPane(this);
    m_eventsDock = makeDock("eventsDock", m_eventsPane, Qt::RightDockWidgetArea);
    m_logView = new widgets::LogView(this);
    m_logDock = makeDock("logDock", m_logView, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    m_networkPane = new widgets::NetworkPane(this);
    m_networkDock = makeDock("networkDock", m_networkPane, Qt::RightDockWidgetArea);
    // The Network pane shares the Inspector's place, one tab away.
    tabifyDockWidget(m_inspectorDock, m_networkDock);
    m_inspectorDock->raise();
    // The space-time diagram shares the log grid's place, one tab away.
    m_spaceTimePane = new widgets::SpaceTimePane(this);
    m_spaceTimeDock = makeDock("spaceTimeDock", m_spaceTimePane, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_logDock, m_spaceTimeDock);
    m_logDock->raise();
}

widgets::SpaceTimeView *MainWindow::spaceTimeView() const
{
    return m_spaceTimePane->view();
}

void MainWindow::resetLayout()
{
    for (QDockWidget *dock : {m_logDock, m_inspectorDock, m_eventsDock, m_networkDock, m_spaceTimeDock}) {
        dock->setFloating(false);
        dock->show();
    }
    tabifyDockWidget(m_inspectorDock, m_networkDock);
    m_inspectorDock->raise();
    tabifyDockWidget(m_logDock, m_spaceTimeDock);
    m_logDock->raise();
    m_toolBar->show();
    resizeDocks({m_inspectorDock, m_eventsDock}, {width() * 39 / 100, width() * 39 / 100}, Qt::Horizontal);
    resizeDocks({m_inspectorDock, m_eventsDock}, {height() * 42 / 100, height() * 58 / 100}, Qt::Vertical);
    fitLogDock();
}

void MainWindow::placeOnScreen()
{
    // Most of the screen, centred: a projector's 1920×1080 is not a laptop's 1280×720.
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen) {
        resize(1280, 720);
        return;
    }
    const QRect available = screen->availableGeometry();
    const QSize size(std::max(800, available.width() * 85 / 100), std::max(600, available.height() * 85 / 100));
    resize(size.boundedTo(available.size()));
    move(available.center() - QPoint(width() / 2, height() / 2));
}

void MainWindow::fitLogDock()
{
    // The rows at the grid's cell height (taller with commands or a larger text), the
    // headers, the legend strip and the dock's title (84 px at the normal size).
    const int rows = m_controller->simulation().size();
    const int chrome = static_cast<int>(84 * m_paneText.scale());
    const int wanted = m_logView->cellSize().height() * rows + chrome;
    resizeDocks({m_logDock}, {std::min(wanted, height() * (isPresentation() ? 45 : 36) / 100)}, Qt::Vertical);
}

void MainWindow::setPresentation(bool on, bool fullScreen)
{
    m_presentation->setActive(on, fullScreen);
}

bool MainWindow::isPresentation() const
{
    return m_presentation && m_presentation->isActive();
}

void MainWindow::setTextSize(int percent)
{
    m_textSize = std::clamp(percent, Settings::kMinTextSize, Settings::kMaxTextSize);
    if (m_options.useSettings)
        m_settings->setTextSize(m_textSize);
    applyTextScale();
    fitLogDock();
    m_actions->refresh();
}

void MainWindow::applyTextScale()
{
    double scale = m_textSize / 100.0;
    if (isPresentation())
        scale = std::max(scale, PaneText::scaleForPixels(PresentationMode::kMinTextPixels));
    m_paneText.setScale(scale);
    m_clusterView->setTextScale(scale);
    // The tabs of tabified docks (the log grid beside the space-time diagram) belong
    // to the window, not to a pane.
    for (QTabBar *tabs : findChildren<QTabBar *>(Qt::FindDirectChildrenOnly))
        tabs->setFont(scale == 1.0 ? QFont() : PaneText::scaled(QApplication::font(), scale));
}

void MainWindow::showDock(QDockWidget *dock)
{
    dock->show();
    dock->raise();
}

void MainWindow::connectViews()
{
    // Each view follows the controller by itself.
    m_clusterView->setSource(m_controller);
    m_eventsPane->setSource(m_controller);
    m_timeline->setSource(m_controller);
    m_stepBanner->setSource(m_controller);
    m_logView->setSource(m_controller);
    m_inspector->setSource(m_controller);
    m_networkPane->setSource(m_controller);
    m_violationBanner->setSource(m_controller);
    m_selection->setSource(m_controller);
    m_logView->setSelection(m_selection);
    m_inspector->setSelection(m_selection);
    widgets::SpaceTimeView *spaceTime = m_spaceTimePane->view();
    spaceTime->setSource(m_controller);
    spaceTime->setSelection(m_selection);

    // The commands' enabled, checked and Play/Pause states.
    connect(m_controller, &SimulationController::advanced, m_actions, &ActionTable::refresh);
    connect(m_controller, &SimulationController::playingChanged, m_actions, &ActionTable::refresh);
    connect(m_controller, &SimulationController::holdChanged, m_actions, &ActionTable::refresh);
    connect(m_controller, &SimulationController::autoRequestsChanged, m_actions, &ActionTable::refresh);

    // What the views ask of the world goes to the controller.
    connect(m_clusterView, &widgets::ClusterView::partitionRequested, m_controller, &SimulationController::partition);
    connect(m_clusterView, &widgets::ClusterView::linkClicked, m_controller, &SimulationController::toggleCut);
    connect(m_networkPane, &widgets::NetworkPane::networkConfigChanged, m_controller,
            &SimulationController::setNetworkConfig);
    connect(m_networkPane, &widgets::NetworkPane::linkConditionsChanged, m_controller,
            &SimulationController::setLinkConditions);
    connect(m_networkPane, &widgets::NetworkPane::healRequested, m_controller, &SimulationController::heal);
    connect(m_timeline, &widgets::Timeline::seekRequested, m_controller, &SimulationController::seekToTime);
    connect(spaceTime, &widgets::SpaceTimeView::seekRequested, m_controller, &SimulationController::seekToTime);
    // A message clicked in the diagram: go to its send, where it is in flight, and select it.
    connect(spaceTime, &widgets::SpaceTimeView::messageActivated, this, [this](std::uint64_t id, raft::Time sentAt) {
        m_controller->seekToTime(sentAt);
        m_selection->selectMessage(id);
    });
    connect(spaceTime, &widgets::SpaceTimeView::nodeActivated, m_selection, &widgets::Selection::selectNode);
    connect(m_eventsPane, &widgets::EventsPane::eventActivated, m_controller, [this](std::size_t traceIndex) {
        const raft::Trace &trace = m_controller->history().trace();
        if (traceIndex < trace.size())
            m_controller->seekToStep(trace.events()[traceIndex].step);
    });
    m_controller->setBranchConfirmation([this] { return askBranch(); });

    // The parts that carry commands of their own.
    const auto report = [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); };
    connect(m_controller, &SimulationController::actionReported, this,
            [report](const QString &text) { report(text, 8000); });
    connect(m_lessonBar, &LessonBar::reported, this, report);
    connect(m_lessonBar, &LessonBar::nextRequested, m_controller, &SimulationController::nextLine);
    connect(m_lessonBar, &LessonBar::backRequested, m_controller, &SimulationController::previousLine);
    connect(m_lessonBar, &LessonBar::continueRequested, m_controller, &SimulationController::continueLesson);
    connect(m_lessonBar, &LessonBar::answerChosen, m_controller, &SimulationController::answerQuestion);
    connect(m_runFiles, &RunFileCommands::reported, this, report);
    connect(m_runFiles, &RunFileCommands::runOpened, this, [this] {
        m_lessonBar->setScenario(QString());
        fitLogDock();
    });
    connect(m_contextMenus, &ContextMenus::inspectorWanted, this, [this] { showDock(m_inspectorDock); });
    connect(m_contextMenus, &ContextMenus::networkPaneWanted, this, [this] { showDock(m_networkDock); });
    connect(m_contextMenus, &ContextMenus::linkEditorWanted, this, [this](NodeId from, NodeId to) {
        showDock(m_networkDock);
        m_networkPane->editLink(from, to);
    });
}

void MainWindow::connectSelection()
{
    // The cluster view keeps a selection of its own: the two are kept in step here,
    // through the view's public API, until the view reads the shared one itself.
    const auto fromView = [this] {
        if (const std::uint64_t message = m_clusterView->selectedMessage()) {
            m_selection->selectMessage(message);
            return;
        }
        std::vector<NodeId> nodes = m_clusterView->selectedNodes();
        if (const auto main = std::find(nodes.begin(), nodes.end(), m_clusterView->selectedNode()); main != nodes.end())
            std::rotate(nodes.begin(), main, main + 1);
        m_selection->selectNodes(nodes);
    };
    connect(m_clusterView, &widgets::ClusterView::nodeSelected, m_selection, fromView);
    connect(m_clusterView, &widgets::ClusterView::messageSelected, m_selection, fromView);
    connect(m_clusterView, &widgets::ClusterView::selectionChanged, m_selection, fromView);
    connect(m_selection, &widgets::Selection::changed, m_clusterView, [this] {
        if (m_selection->message() != 0)
            m_clusterView->setSelectedMessage(m_selection->message());
        else
            m_clusterView->setSelectedNodes(m_selection->nodes());
    });
    // A line of the Events pane selects the servers it is about.
    connect(m_eventsPane, &widgets::EventsPane::nodesActivated, m_selection, [this](const QList<NodeId> &nodes) {
        if (!nodes.isEmpty())
            m_selection->selectNodes(std::vector<NodeId>(nodes.begin(), nodes.end()));
    });
    // After the step banner (connected in connectViews) has explained the step.
    connect(m_controller, &SimulationController::stepped, this, &MainWindow::onStepped);
}

void MainWindow::onStepped()
{
    if (m_stepBanner->isEmpty())
        return;
    // The server that acted is marked in the picture; the selection (and with it the
    // inspector) stays the teacher's, so a leader's nextIndex can stay on screen.
    const NodeId node = m_stepBanner->mainEvent().node;
    if (node >= 1 && node <= m_controller->simulation().size())
        m_clusterView->setActingNodes({node});
    else
        m_clusterView->setActingNodes({});
}

// --- words ----------------------------------------------------------------------------

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("raftviz — the Raft classroom"));
    m_actions->retranslate();
    m_actions->refresh();
    for (QAction *action : std::as_const(m_lessonActions)) {
        const QString title = m_lessons.title(action->data().toString(), Language::current());
        action->setText(title);
        action->setStatusTip(tr("Play the scenario “%1”").arg(title));
        action->setToolTip(ActionTable::toolTipText(title, {}));
    }
    m_toolBar->setWindowTitle(tr("Toolbar"));
    m_toolBar->toggleViewAction()->setStatusTip(tr("Show or hide the toolbar"));
    m_speedControls->retranslate();
    m_logDock->setWindowTitle(tr("Log"));
    m_inspectorDock->setWindowTitle(tr("Inspector"));
    m_eventsDock->setWindowTitle(tr("Events"));
    m_networkDock->setWindowTitle(tr("Network"));
    m_spaceTimeDock->setWindowTitle(tr("Space-Time"));
    m_spaceTimeDock->toggleViewAction()->setStatusTip(
        tr("Show or hide the space-time diagram: every message as an arrow between the servers' lanes"));
    m_logDock->toggleViewAction()->setStatusTip(tr("Show or hide every server's log"));
    m_inspectorDock->toggleViewAction()->setStatusTip(tr("Show or hide the fields of the selected server or message"));
    m_eventsDock->toggleViewAction()->setStatusTip(tr("Show or hide what happened, and why"));
    m_networkDock->toggleViewAction()->setStatusTip(
        tr("Show or hide the network's conditions, its faults and the message statistics"));
    m_stepBanner->setPlaceholderText(tr("Step forward (→) or back (←): each event is explained here."));
    m_timeline->setToolTip(QString());
    m_statusLine->update();
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
    if (m_options.useSettings)
        m_settings->setLanguage(code);
    retranslateUi();
}

QString MainWindow::violationText() const
{
    return ViolationBanner::text(m_controller->simulation());
}

// --- settings ---------------------------------------------------------------------------

void MainWindow::readSettings()
{
    if (!m_options.useSettings) {
        m_controller->newCluster(raft::ClusterConfig{});
        m_actions->refresh();
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
    m_clusterView->setLegendVisible(m_settings->legendVisible());
    setTextSize(m_settings->textSize());
    m_controller->newCluster(m_settings->clusterConfig());
    const QString language = m_settings->language();
    if (language != Language::current())
        setLanguage(language);
    m_actions->refresh();
}

void MainWindow::writeSettings()
{
    if (!m_options.useSettings)
        return;
    m_settings->setGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSpeed(m_controller->speed());
    m_settings->setAutoRequests(m_controller->autoRequests());
    m_settings->setLegendVisible(m_clusterView->isLegendVisible());
    m_settings->setLanguage(Language::current());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    setPresentation(false); // the layout saved is the everyday one
    writeSettings();
    m_controller->pause();
    event->accept();
}

// --- dialogs ------------------------------------------------------------------------------

void MainWindow::newCluster()
{
    if (!m_guards->confirmNewCluster())
        return;
    auto *dialog = new NewClusterDialog(m_controller->config(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const raft::ClusterConfig config = dialog->config();
        m_controller->newCluster(config);
        if (m_options.useSettings)
            m_settings->setClusterConfig(config);
        fitLogDock();
        m_controller->play();
    });
    dialog->open();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(m_actions->shortcutActions(), this);
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

// --- scenarios ------------------------------------------------------------------------------

void MainWindow::playLesson(const QString &name)
{
    // A translated lesson, if there is one, narrates in the user's language.
    if (openScenarioFile(m_lessons.path(name, Language::current())).isEmpty())
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

QString MainWindow::openScenarioFile(const QString &path, bool showErrors)
{
    QString error = m_controller->loadScenarioFile(path);
    if (error.isEmpty()) {
        m_lessonBar->setScenario(path);
        fitLogDock();
        return {};
    }
    if (!showErrors)
        return error;
    QString hint;
    if (QFile file(path); file.open(QIODevice::ReadOnly))
        hint = FileErrorBox::kindHint(QString::fromUtf8(file.readAll()), false);
    FileErrorBox::show(this, QStringLiteral("scenarioErrorBox"), tr("Cannot Run the Scenario"),
                       tr("The scenario “%1” has errors, so nothing was changed.").arg(QFileInfo(path).fileName()),
                       hint, error.split(QLatin1Char('\n'), Qt::SkipEmptyParts));
    return error;
}
