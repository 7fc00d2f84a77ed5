#pragma once

#include "raft/types.h"

#include <QList>
#include <QMainWindow>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QSlider;
class QToolBar;
class Settings;
class SimulationController;

namespace widgets {
class ClusterView;
class EventsPane;
class Inspector;
class LogView;
class NetworkPane;
class StepBanner;
class Timeline;
} // namespace widgets

/// MainWindowOptions says where the window keeps its settings and how it starts.
struct MainWindowOptions {
    /// settingsFile: an INI file to use instead of the user's settings ("" = the user's).
    QString settingsFile;
    /// useSettings: false starts from the defaults and saves nothing (screenshots).
    bool useSettings = true;
    /// autoPlay: start the clock at once.
    bool autoPlay = true;
};

/// MainWindow is the classroom window: the cluster view in the middle, the Log,
/// Inspector and Events docks around it, menus, a toolbar and a status bar. It builds
/// itself in createActions(), createMenus(), createToolBars(), createDocks() and
/// createStatusBar(), and words itself in retranslateUi() (again whenever the
/// language changes). Every command is a QAction with a shortcut and a status tip;
/// every change to the world goes through the SimulationController.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const MainWindowOptions &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    SimulationController *controller() const { return m_controller; }
    widgets::ClusterView *clusterView() const { return m_clusterView; }
    widgets::Inspector *inspector() const { return m_inspector; }
    widgets::LogView *logView() const { return m_logView; }
    widgets::EventsPane *eventsPane() const { return m_eventsPane; }
    widgets::NetworkPane *networkPane() const { return m_networkPane; }

    /// createNodeMenu builds the context menu of server id (objectName "nodeMenu");
    /// the caller owns it.
    QMenu *createNodeMenu(raft::NodeId id);
    /// createMessageMenu builds the context menu of a message ("messageMenu").
    QMenu *createMessageMenu(std::uint64_t id);
    /// createBackgroundMenu builds the context menu of empty space ("backgroundMenu").
    QMenu *createBackgroundMenu();
    /// createLinkMenu builds the context menu of the link from -> to ("linkMenu"): cut
    /// either direction or both, restore, and its own conditions in the Network pane.
    QMenu *createLinkMenu(raft::NodeId from, raft::NodeId to);

    /// openScenarioFile plays a script; on a malformed file it changes nothing, shows
    /// a message box naming FILE:LINE and the problem (objectName
    /// "scenarioErrorBox", non-blocking; unless showErrors is false) and returns the
    /// error text ("" on success).
    QString openScenarioFile(const QString &path, bool showErrors = true);
    /// scenarioResources lists the scripts shipped in the Scenarios menu (resource paths).
    static QStringList scenarioResources();
    /// scenarioTitle is the menu title of a shipped script, in the user's language.
    static QString scenarioTitle(const QString &resourcePath);

    /// setLanguage switches the interface language ("en", "zh_CN") and remembers it.
    void setLanguage(const QString &code);
    /// violationText is what the red banner says ("" when no invariant broke).
    QString violationText() const;

    // --- history: stepping, the timeline, branches, saved runs ---
    widgets::Timeline *timeline() const { return m_timeline; }
    widgets::StepBanner *stepBanner() const { return m_stepBanner; }
    /// setBranchAnswer answers "start a new branch here?" without a dialog (tests,
    /// scripts); nullopt asks the user.
    void setBranchAnswer(std::optional<bool> answer) { m_branchAnswer = answer; }
    /// branchQuestions counts how often that question was put.
    int branchQuestions() const { return m_branchQuestions; }
    /// saveRunFile saves the run (config, actions, notes, position) to path,
    /// atomically; returns "" or the problem.
    QString saveRunFile(const QString &path);
    /// openRunFile replays a saved run. On a malformed file or a replay that does not
    /// match, it changes nothing, shows the problems (objectName "runErrorBox",
    /// non-blocking; unless showErrors is false) and returns them ("" on success).
    QString openRunFile(const QString &path, bool showErrors = true);
    /// exportTraceFile writes the visible events as JSON lines; "" or the problem.
    QString exportTraceFile(const QString &path);
    /// exportLogTableFile writes every server's log as CSV; "" or the problem.
    QString exportLogTableFile(const QString &path);

public Q_SLOTS:
    void openScenario();
    void newCluster();
    void showShortcuts();
    void about();
    void savePicture();
    /// requestToLeaderDialog asks for a command and sends it to the leader.
    void requestToLeaderDialog();
    /// requestDialog asks for a command and sends it to server id.
    void requestDialog(raft::NodeId id);
    void saveRun();
    void openRun();
    /// editRunNotes edits the notes saved with the run.
    void editRunNotes();
    void exportTrace();
    void exportLogTable();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBars();
    void createDocks();
    void createStatusBar();
    void createCentralWidget();
    void connectController();
    void retranslateUi();
    void readSettings();
    void writeSettings();
    void resetLayout();

    void onAdvanced(double displayTime);
    void onStructureChanged();
    void onPlayingChanged(bool playing);
    void onSpeedChanged(double speed);
    void onNodeSelected(raft::NodeId id);
    void onMessageSelected(std::uint64_t id);
    void onEventNodesActivated(const QList<raft::NodeId> &nodes);
    void onScenarioLine(int line, const QString &text, bool ok, const QString &why);
    void onScenarioFinished(const QString &name, int passed, int failed);
    void showNodeMenu(raft::NodeId id, QPoint globalPos);
    void showMessageMenu(std::uint64_t id, QPoint globalPos);
    void showBackgroundMenu(QPoint globalPos);
    void showLinkMenu(raft::NodeId from, raft::NodeId to, QPoint globalPos);
    /// createNetworkDock makes the Network pane's dock (called by createDocks()).
    void createNetworkDock();
    /// editLinkConditions shows the Network pane with the link from -> to in its editor.
    void editLinkConditions(raft::NodeId from, raft::NodeId to);
    void runBuiltInScenario(const QString &resourcePath);
    void updateStatus();
    void updateBanners();
    /// scenarioDisplayTitle names the scenario being played, in the user's language
    /// for the shipped ones.
    QString scenarioDisplayTitle() const;
    void popup(QMenu *menu, QPoint globalPos);

    // --- history ---
    /// createHistoryUi adds the step banner and timeline under the cluster view, the
    /// step back / run to next / hold actions and the run files to the menus.
    void createHistoryUi();
    void retranslateHistoryUi();
    /// onHistoryReplaced points the timeline and events pane at a new history.
    void onHistoryReplaced();
    /// onHistoryAdvanced keeps the timeline and the events pane at the live step.
    void onHistoryAdvanced();
    /// onStepped explains a step in the banner and highlights the server that acted.
    void onStepped(std::size_t firstEvent, std::size_t endEvent);
    /// onEventActivated jumps to the step of a clicked event.
    void onEventActivated(std::size_t traceIndex);
    /// askBranch asks before an action discards the recorded future.
    bool askBranch();

    MainWindowOptions m_options;
    std::unique_ptr<Settings> m_settings;
    SimulationController *m_controller = nullptr;
    QByteArray m_defaultState;

    // Central area.
    widgets::ClusterView *m_clusterView = nullptr;
    QLabel *m_violationBanner = nullptr;
    QLabel *m_scenarioBar = nullptr;
    QString m_lastNarration;
    /// m_inspectLeader: nothing is selected, so the inspector shows the leader.
    bool m_inspectLeader = true;
    /// m_scenarioPath: the script last opened (a resource path for the shipped ones).
    QString m_scenarioPath;

    // Docks.
    QDockWidget *m_logDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_eventsDock = nullptr;
    QDockWidget *m_networkDock = nullptr;
    widgets::NetworkPane *m_networkPane = nullptr;
    widgets::LogView *m_logView = nullptr;
    widgets::Inspector *m_inspector = nullptr;
    widgets::EventsPane *m_eventsPane = nullptr;

    // Status bar.
    QLabel *m_timeLabel = nullptr;
    QLabel *m_speedLabel = nullptr;
    QLabel *m_leaderLabel = nullptr;
    /// m_quorumLabel says which sides of a partition have no quorum (hidden when whole).
    QLabel *m_quorumLabel = nullptr;

    // Toolbar.
    QToolBar *m_toolBar = nullptr;
    QSlider *m_speedSlider = nullptr;
    QLabel *m_toolbarSpeed = nullptr;

    // Menus.
    QMenu *m_fileMenu = nullptr;
    QMenu *m_simulationMenu = nullptr;
    QMenu *m_clusterMenu = nullptr;
    QMenu *m_scenariosMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;

    // Actions.
    QAction *m_openScenarioAction = nullptr;
    QAction *m_savePictureAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_fasterAction = nullptr;
    QAction *m_slowerAction = nullptr;
    QAction *m_startOverAction = nullptr;
    QAction *m_autoRequestsAction = nullptr;
    QAction *m_requestLeaderAction = nullptr;
    QAction *m_crashLeaderAction = nullptr;
    QAction *m_splitVoteAction = nullptr;
    QAction *m_spreadTimersAction = nullptr;
    QAction *m_restartAllAction = nullptr;
    QAction *m_healAction = nullptr;
    QAction *m_partitionSelectionAction = nullptr;
    QAction *m_newClusterAction = nullptr;
    QAction *m_legendAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_resetZoomAction = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_chineseAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QList<QAction *> m_scenarioActions;

    // History.
    widgets::StepBanner *m_stepBanner = nullptr;
    widgets::Timeline *m_timeline = nullptr;
    QMenu *m_runToNextMenu = nullptr;
    QAction *m_stepBackAction = nullptr;
    QAction *m_nextElectionAction = nullptr;
    QAction *m_nextCommitAction = nullptr;
    QAction *m_nextTermAction = nullptr;
    QAction *m_nextAtNodeAction = nullptr;
    QAction *m_holdAction = nullptr;
    QAction *m_deliverAllAction = nullptr;
    QAction *m_saveRunAction = nullptr;
    QAction *m_openRunAction = nullptr;
    QAction *m_runNotesAction = nullptr;
    QAction *m_exportTraceAction = nullptr;
    QAction *m_exportLogAction = nullptr;
    std::optional<bool> m_branchAnswer;
    int m_branchQuestions = 0;
    /// m_branchNoAsk: the user ticked "Don't ask again" and said yes.
    bool m_branchNoAsk = false;
};
