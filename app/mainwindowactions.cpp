// MainWindow's commands: the one table that describes each of them, and the layouts
// of the menus and the toolbar that place them by name.
#include "mainwindow.h"

#include "actiontable.h"
#include "commandguards.h"
#include "experimentdialog.h"
#include "icons.h"
#include "language.h"
#include "livewindow.h"
#include "simulationcontroller.h"
#include "speedcontrols.h"

#include "widgets/clusterview.h"
#include "widgets/selection.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSlider>
#include <QStatusBar>
#include <QToolBar>

namespace {

using Option = ActionOption;

constexpr unsigned operator|(Option a, Option b)
{
    return static_cast<unsigned>(a) | static_cast<unsigned>(b);
}

constexpr unsigned flags(Option a)
{
    return static_cast<unsigned>(a);
}

} // namespace

void MainWindow::createActions()
{
    using Next = SimulationController::NextEvent;
    SimulationController *c = m_controller;
    widgets::ClusterView *view = m_clusterView;
    const auto language = [this](const char *code) {
        return ActionSpec{.handler = [this, code](bool) { setLanguage(QLatin1String(code)); },
                          .checkedWhen = [code] { return Language::current() == QLatin1String(code); },
                          .group = "language",
                          .verbatimText = [code] { return Language::displayName(QLatin1String(code)); }};
    };
    auto english = language("en");
    english.name = "englishAction";
    english.tip = QT_TR_NOOP("Show the interface in English");
    auto chinese = language("zh_CN");
    chinese.name = "chineseAction";
    chinese.tip = QT_TR_NOOP("Show the interface in Simplified Chinese");
    // Settings › Text Size: every pane's text, 100% to 250%.
    struct TextSize {
        int percent;
        const char *name;
    };
    static constexpr TextSize kTextSizes[] = {{100, "textSize100Action"}, {125, "textSize125Action"},
                                              {150, "textSize150Action"}, {175, "textSize175Action"},
                                              {200, "textSize200Action"}, {250, "textSize250Action"}};
    std::vector<ActionSpec> textSizes;
    std::vector<const char *> textSizeNames;
    for (const TextSize &size : kTextSizes) {
        textSizes.push_back(
            {.name = size.name,
             .tip = QT_TR_NOOP("Set the size of the text in every pane (Ctrl + and Ctrl − zoom the cluster)"),
             .handler = [this, percent = size.percent](bool) { setTextSize(percent); },
             .checkedWhen = [this, percent = size.percent] { return m_textSize == percent; },
             .group = "textSize",
             .verbatimText = [percent = size.percent] { return QStringLiteral("%1%").arg(percent); }});
        textSizeNames.push_back(size.name);
    }

    // In the order the shortcuts dialog lists them: the clock first, as in class.
    std::vector<ActionSpec> table = {
        // --- the clock and the history ---
        {.name = "playAction",
         .text = QT_TR_NOOP("&Play"),
         .tip = QT_TR_NOOP("Start or stop the clock of the simulated world"),
         .keys = {Qt::Key_Space},
         .icon = QStyle::SP_MediaPlay,
         .handler = [c](bool) { c->togglePlay(); },
         .alternateWhen = [c] { return c->isPlaying(); },
         .alternateText = QT_TR_NOOP("&Pause"),
         .alternateIcon = QStyle::SP_MediaPause},
        {.name = "stepBackAction",
         .text = QT_TR_NOOP("Step &Back"),
         .tip = QT_TR_NOOP("Stop the clock and undo exactly one event"),
         .keys = {Qt::Key_Comma, Qt::Key_Left},
         .icon = QStyle::SP_MediaSkipBackward,
         .handler = [c](bool) { c->stepBack(); },
         // At the start of the run there is no earlier step.
         .enabledWhen = [c] { return c->history().currentStep() > 0; },
         .options = flags(Option::RepeatWhileHeld)},
        {.name = "stepAction",
         .text = QT_TR_NOOP("&Step"),
         .tip = QT_TR_NOOP("Stop the clock and process exactly one event: a delivery, a loss or a timer"),
         .keys = {Qt::Key_Period, Qt::Key_Right},
         .icon = QStyle::SP_MediaSkipForward,
         .handler = [c](bool) { c->stepOnce(); },
         .options = flags(Option::RepeatWhileHeld)},
        {.name = "nextElectionAction",
         .text = QT_TR_NOOP("&Election Won"),
         .tip = QT_TR_NOOP("Play until a candidate wins an election, then stop"),
         .keys = {Qt::SHIFT | Qt::Key_E},
         .handler = [c](bool) { c->runToNext(Next::ElectionWon); }},
        {.name = "nextCommitAction",
         .text = QT_TR_NOOP("&Commit"),
         .tip = QT_TR_NOOP("Play until a leader commits an entry, then stop"),
         .keys = {Qt::SHIFT | Qt::Key_C},
         .handler = [c](bool) { c->runToNext(Next::Commit); }},
        {.name = "nextTermAction",
         .text = QT_TR_NOOP("&Term Change"),
         .tip = QT_TR_NOOP("Play until a server's term rises, then stop"),
         .keys = {Qt::SHIFT | Qt::Key_T},
         .handler = [c](bool) { c->runToNext(Next::TermChange); }},
        {.name = "nextAtNodeAction",
         .text = QT_TR_NOOP("Event at the &Selected Server"),
         .tip = QT_TR_NOOP("Play until something happens at the selected server, then stop"),
         .keys = {Qt::SHIFT | Qt::Key_N},
         .handler =
             [this, c](bool) {
                 if (m_selection->node() == raft::kNoNode)
                     statusBar()->showMessage(tr("Select a server first: click it in the cluster view."), 8000);
                 else
                     c->runToNext(Next::AtNode, m_selection->node());
             }},
        // H is Heal already: hold is Shift+H.
        {.name = "holdAction",
         .text = QT_TR_NOOP("&Hold Messages (Deliver by Hand)"),
         .tip = QT_TR_NOOP("Every new message waits at its receiver's door until you deliver it (right-click it)"),
         .keys = {Qt::SHIFT | Qt::Key_H},
         .handler = [this](bool checked) { m_guards->setHold(checked); },
         .checkedWhen = [c] { return c->isHolding(); }},
        {.name = "deliverAllAction",
         .text = QT_TR_NOOP("&Deliver All Waiting"),
         .tip = QT_TR_NOOP("Deliver every held message, oldest first"),
         .keys = {Qt::SHIFT | Qt::Key_D},
         .handler = [c](bool) { c->deliverAllWaiting(); },
         .enabledWhen = [c] { return !c->waitingMessages().empty(); }},
        {.name = "fasterAction",
         .text = QT_TR_NOOP("&Faster"),
         .tip = QT_TR_NOOP("Run the simulated world faster"),
         .keys = {Qt::Key_Plus, Qt::Key_Equal},
         .icon = QStyle::SP_MediaSeekForward,
         .handler = [c](bool) { c->faster(); },
         .options = flags(Option::IconOnly)},
        {.name = "slowerAction",
         .text = QT_TR_NOOP("S&lower"),
         .tip = QT_TR_NOOP("Run the simulated world slower"),
         .keys = {Qt::Key_Minus},
         .icon = QStyle::SP_MediaSeekBackward,
         .handler = [c](bool) { c->slower(); },
         .options = flags(Option::IconOnly)},
        // --- the client and the leader ---
        {.name = "requestLeaderAction",
         .text = QT_TR_NOOP("&Client Request"),
         .tip = QT_TR_NOOP("A client sends the next request to the leader"),
         .keys = {Qt::Key_C},
         .icon = &Icons::clientRequest,
         .handler =
             [this, c](bool) {
                 c->requestNext();
                 if (!c->simulation().leader())
                     statusBar()->showMessage(tr("There is no leader right now: the client must wait and retry."),
                                              6000);
                 else
                     statusBar()->showMessage(tr("A client sent the next request to the leader."), 4000);
             }},
        {.name = "crashLeaderAction",
         .text = QT_TR_NOOP("C&rash the Leader"),
         .tip = QT_TR_NOOP("Crash the current leader and watch a new one get elected"),
         .keys = {Qt::Key_K},
         .icon = &Icons::crash,
         .handler = [c](bool) { c->crashLeader(); },
         .enabledWhen =
             [c] {
                 const auto leader = c->simulation().leader();
                 return leader && c->simulation().check(raft::act::Crash{*leader}).isDone();
             }},
        {.name = "autoRequestsAction",
         .text = QT_TR_NOOP("&Automatic Client Requests"),
         .tip = QT_TR_NOOP("A client sends a request to the leader every 100 ms of simulated time"),
         .keys = {Qt::Key_A},
         .handler = [c](bool checked) { c->setAutoRequests(checked); },
         .checkedWhen = [c] { return c->autoRequests(); }},
        // --- the cluster ---
        {.name = "splitVoteAction",
         .text = QT_TR_NOOP("Provoke a Split &Vote"),
         .tip = QT_TR_NOOP("Make several followers time out at the same instant so that no candidate gets a majority"),
         .keys = {Qt::Key_V},
         .icon = &Icons::splitVote,
         .handler = [c](bool) { c->provokeSplitVote(); }},
        {.name = "spreadTimersAction",
         .text = QT_TR_NOOP("Spread &Timers"),
         .tip = QT_TR_NOOP("Spread the followers' election timers evenly over the timeout range, so that one "
                           "clearly fires first"),
         .keys = {Qt::Key_T},
         .handler = [c](bool) { c->spreadTimers(); }},
        {.name = "restartAllAction",
         .text = QT_TR_NOOP("&Restart All"),
         .tip = QT_TR_NOOP("Restart every crashed server and resume every paused one"),
         .keys = {Qt::Key_R},
         .icon = QStyle::SP_DialogResetButton,
         .handler = [this](bool) { m_guards->restartAll(); }},
        {.name = "healAction",
         .text = QT_TR_NOOP("&Heal Network"),
         .tip = QT_TR_NOOP("Remove every partition and cut link"),
         .keys = {Qt::Key_H},
         .icon = &Icons::heal,
         .handler = [c](bool) { c->heal(); }},
        {.name = "addServerAction",
         .text = QT_TR_NOOP("&Add Server"),
         .tip = QT_TR_NOOP("Ask the leader to add a server: a spare one, or a new machine; it catches up as a "
                           "learner before it votes (§4.2.1)"),
         .keys = {Qt::SHIFT | Qt::Key_A},
         .handler = [c](bool) { c->addNextServer(); },
         .enabledWhen =
             [c] {
                 const raft::Simulation &sim = c->simulation();
                 return sim.check(raft::act::AddServer{SimulationController::nextServerToAdd(sim)}).isDone();
             }},
        {.name = "partitionSelectionAction",
         .text = QT_TR_NOOP("&Partition: Selection vs the Rest"),
         .tip = QT_TR_NOOP("Put the selected servers on one side of a wall and the others on the other side "
                           "(select with Ctrl-click or by dragging on empty space)"),
         .keys = {Qt::Key_P},
         .handler =
             [this, view](bool) {
                 if (view->canPartitionSelection())
                     view->requestPartitionOfSelection();
                 else
                     statusBar()->showMessage(tr("First select the servers of one side: Ctrl-click them, or drag a "
                                                 "box around them on empty space."),
                                              8000);
             }},
        {.name = "startOverAction",
         .text = QT_TR_NOOP("Start &Over"),
         .tip = QT_TR_NOOP("Rebuild the cluster (or the scenario) from time zero"),
         .keys = {Qt::CTRL | Qt::Key_R},
         .icon = QStyle::SP_BrowserReload,
         .handler = [this](bool) { m_guards->startOver(); }},
        {.name = "newClusterAction",
         .text = QT_TR_NOOP("&New Cluster…"),
         .tip = QT_TR_NOOP("Build a fresh cluster: servers, seed, timeouts, latency, loss and duplication"),
         .keys = {QKeySequence::New},
         .icon = &Icons::newCluster,
         .handler = [this](bool) { newCluster(); },
         .options = flags(Option::IconOnly)},
        {.name = "liveClusterAction",
         .text = QT_TR_NOOP("&Live Cluster…"),
         .tip = QT_TR_NOOP("Launch real server processes on this machine, attach to running ones, or replay a "
                           "recording, and watch them in a window of their own"),
         .handler = [this](bool) { LiveWindow::openDialog(this); }},
        // --- experiments ---
        {.name = "electionTimingAction",
         .text = QT_TR_NOOP("&Election Timing…"),
         .tip = QT_TR_NOOP("Repeat the paper's election-timing experiment (§9.3) and split votes by cluster size, "
                           "thousands of crashes on every core, and chart the results"),
         .handler = [this](bool) { ExperimentDialog::open(this)->showPage(ExperimentDialog::Page::ElectionTiming); }},
        // --- the view ---
        {.name = "legendAction",
         .text = QT_TR_NOOP("&Legend"),
         .tip = QT_TR_NOOP("Show or hide the legend that explains every colour, shape and mark"),
         .keys = {Qt::Key_L},
         .icon = &Icons::legend,
         .handler = [view](bool checked) { view->setLegendVisible(checked); },
         .checkedWhen = [view] { return view->isLegendVisible(); }},
        {.name = "zoomInAction",
         .text = QT_TR_NOOP("Zoom &In"),
         .tip = QT_TR_NOOP("Enlarge the cluster picture"),
         .keys = {QKeySequence::ZoomIn},
         .handler = [view](bool) { view->setZoom(view->zoom() * 1.25); }},
        {.name = "zoomOutAction",
         .text = QT_TR_NOOP("Zoom &Out"),
         .tip = QT_TR_NOOP("Shrink the cluster picture"),
         .keys = {QKeySequence::ZoomOut},
         .handler = [view](bool) { view->setZoom(view->zoom() / 1.25); }},
        {.name = "resetZoomAction",
         .text = QT_TR_NOOP("&Fit to Window"),
         .tip = QT_TR_NOOP("Show the whole cluster at the window's size"),
         .keys = {Qt::CTRL | Qt::Key_0},
         .handler = [view](bool) { view->resetView(); }},
        {.name = "presentationAction",
         .text = QT_TR_NOOP("&Presentation"),
         .tip = QT_TR_NOOP("Full screen for a projector: the cluster and the lesson large, the log under them, "
                           "everything else hidden (Esc leaves)"),
         .keys = {Qt::Key_F5},
         .handler = [this](bool checked) { setPresentation(checked); },
         .checkedWhen = [this] { return isPresentation(); }},
        {.name = "exitPresentationAction",
         .text = QT_TR_NOOP("Leave Presentation"),
         .tip = QT_TR_NOOP("Back to the window with every pane"),
         .keys = {Qt::Key_Escape},
         .handler = [this](bool) { setPresentation(false); },
         .enabledWhen = [this] { return isPresentation(); }},
        {.name = "resetLayoutAction",
         .text = QT_TR_NOOP("&Reset Layout"),
         .tip = QT_TR_NOOP("Put every pane back in its place"),
         .handler =
             [this](bool) {
                 restoreState(m_defaultState);
                 resetLayout();
             }},
        // --- files ---
        {.name = "openScenarioAction",
         .text = QT_TR_NOOP("&Open Scenario…"),
         .tip = QT_TR_NOOP("Run a scenario script from a file"),
         .keys = {QKeySequence::Open},
         .icon = QStyle::SP_DialogOpenButton,
         .handler = [this](bool) { openScenario(); }},
        {.name = "openRunAction",
         .text = QT_TR_NOOP("Open &Run…"),
         .tip = QT_TR_NOOP("Open a saved run and replay it to where it was saved"),
         .keys = {Qt::CTRL | Qt::SHIFT | Qt::Key_O},
         .handler = [this](bool) { m_runFiles->openRun(); }},
        {.name = "saveRunAction",
         .text = QT_TR_NOOP("&Save Run…"),
         .tip = QT_TR_NOOP("Save the cluster, every action and your notes to a file"),
         .keys = {QKeySequence::Save},
         .icon = QStyle::SP_DialogSaveButton,
         .handler = [this](bool) { m_runFiles->saveRun(); }},
        {.name = "runNotesAction",
         .text = QT_TR_NOOP("Run &Notes…"),
         .tip = QT_TR_NOOP("Edit the notes saved with the run"),
         .handler = [this](bool) { m_runFiles->editRunNotes(); }},
        {.name = "exportTraceAction",
         .text = QT_TR_NOOP("Export &Trace…"),
         .tip = QT_TR_NOOP("Save the events up to now as JSON lines"),
         .handler = [this](bool) { m_runFiles->exportTrace(); }},
        {.name = "exportLogAction",
         .text = QT_TR_NOOP("Export &Log Table…"),
         .tip = QT_TR_NOOP("Save every server's log as a CSV table"),
         .handler = [this](bool) { m_runFiles->exportLogTable(); }},
        {.name = "savePictureAction",
         .text = QT_TR_NOOP("Save &Picture…"),
         .tip = QT_TR_NOOP("Save a picture of the window as a PNG file"),
         .keys = {Qt::CTRL | Qt::SHIFT | Qt::Key_S},
         .icon = QStyle::SP_DialogSaveButton,
         .handler = [this](bool) { savePicture(); }},
        {.name = "exportPictureAction",
         .text = QT_TR_NOOP("Export P&icture…"),
         .tip = QT_TR_NOOP(
             "Save the cluster, the log grid, the space-time diagram or the window as PNG or SVG, for slides"),
         .handler = [this](bool) { exportPicture(); }},
        {.name = "exportAnimationAction",
         .text = QT_TR_NOOP("Export &Animation…"),
         .tip = QT_TR_NOOP("Save a span of the run as an animated PNG, for slides and web pages"),
         .handler = [this](bool) { exportAnimation(); }},
        {.name = "quitAction",
         .text = QT_TR_NOOP("&Quit"),
         .tip = QT_TR_NOOP("Close raftviz"),
         .keys = {QKeySequence::Quit},
         .handler = [this](bool) { close(); },
         .options = flags(Option::QuitRole)},
        // --- settings and help ---
        english,
        chinese,
        {.name = "shortcutsAction",
         .text = QT_TR_NOOP("&Keyboard Shortcuts"),
         .tip = QT_TR_NOOP("List every command and its keys"),
         .keys = {Qt::Key_Question, QKeySequence::HelpContents},
         .icon = QStyle::SP_DialogHelpButton,
         .handler = [this](bool) { showShortcuts(); }},
        {.name = "aboutAction",
         .text = QT_TR_NOOP("&About raftviz"),
         .tip = QT_TR_NOOP("What raftviz is, and where it comes from"),
         .handler = [this](bool) { about(); },
         .options = flags(Option::AboutRole)},
    };
    for (ActionSpec &spec : textSizes)
        table.push_back(std::move(spec));
    m_actions = new ActionTable(this, "MainWindow", std::move(table));

    // The Scenarios menu: one action per shipped lesson, worded in retranslateUi().
    for (const LessonCatalogue::Lesson &lesson : m_lessons.lessons()) {
        auto *action = new QAction(this);
        action->setObjectName(QStringLiteral("scenario:") + lesson.name);
        action->setData(lesson.name);
        connect(action, &QAction::triggered, this, [this, name = lesson.name] { playLesson(name); });
        m_lessonActions.append(action);
    }

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(22, 22));
    m_toolBar->toggleViewAction()->setObjectName(QStringLiteral("toolBarToggle"));
    m_speedControls = new SpeedControls(m_toolBar, m_controller);

    const char *const sep = ActionTable::kSeparator;
    m_actions->buildMenus(
        menuBar(),
        {
            {"fileMenu",
             QT_TR_NOOP("&File"),
             {"openScenarioAction", "openRunAction", "saveRunAction", "runNotesAction", sep, "exportTraceAction",
              "exportLogAction", "savePictureAction", "exportPictureAction", "exportAnimationAction", sep,
              "quitAction"}},
            {"simulationMenu",
             QT_TR_NOOP("&Simulation"),
             {"playAction", "stepBackAction", "stepAction", "runToNextMenu", sep, "holdAction", "deliverAllAction", sep,
              "fasterAction", "slowerAction", sep, "requestLeaderAction", "autoRequestsAction", "crashLeaderAction",
              sep, "startOverAction"}},
            {"runToNextMenu",
             QT_TR_NOOP("Run to &Next"),
             {"nextElectionAction", "nextCommitAction", "nextTermAction", "nextAtNodeAction"}},
            {"clusterMenu",
             QT_TR_NOOP("&Cluster"),
             {"splitVoteAction", "spreadTimersAction", "restartAllAction", sep, "addServerAction", sep,
              "partitionSelectionAction", "healAction", sep, "newClusterAction", "liveClusterAction"}},
            {"scenariosMenu", QT_TR_NOOP("Sce&narios"), {"@lessons", sep, "openScenarioAction"}},
            {"viewMenu",
             QT_TR_NOOP("&View"),
             {"presentationAction", "exitPresentationAction", "legendAction", sep, "zoomInAction", "zoomOutAction",
              "resetZoomAction", sep, "@panes", sep, "resetLayoutAction"}},
            {"experimentsMenu", QT_TR_NOOP("E&xperiments"), {"electionTimingAction"}},
            {"settingsMenu", QT_TR_NOOP("Se&ttings"), {"languageMenu", "textSizeMenu"}},
            {"textSizeMenu", QT_TR_NOOP("Text &Size"), textSizeNames},
            {"languageMenu", QT_TR_NOOP("&Language"), {"englishAction", "chineseAction"}},
            {"helpMenu", QT_TR_NOOP("&Help"), {"shortcutsAction", sep, "aboutAction"}},
        },
        {{QStringLiteral("lessons"), m_lessonActions},
         {QStringLiteral("panes"),
          {m_logDock->toggleViewAction(), m_inspectorDock->toggleViewAction(), m_eventsDock->toggleViewAction(),
           m_networkDock->toggleViewAction(), m_spaceTimeDock->toggleViewAction(), m_toolBar->toggleViewAction()}}});
    m_actions->buildToolBar(m_toolBar,
                            {"playAction", "stepBackAction", "stepAction", sep, "slowerAction", "@speedSlider",
                             "fasterAction", "@speedLabel", sep, "requestLeaderAction", "crashLeaderAction",
                             "splitVoteAction", "healAction", sep, "newClusterAction"},
                            {{QStringLiteral("speedSlider"), m_speedControls->slider()},
                             {QStringLiteral("speedLabel"), m_speedControls->label()}});
}
