#pragma once

#include "contextmenus.h"
#include "lessoncatalogue.h"
#include "panetext.h"
#include "pictureexport.h"
#include "runfilecommands.h"

#include "raft/types.h"

#include <QList>
#include <QMainWindow>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

class ActionTable;
class CommandGuards;
class PresentationMode;
class LessonBar;
class QAction;
class QDockWidget;
class QMenu;
class QToolBar;
class Settings;
class SimulationController;
class SpeedControls;
class StatusLine;
class ViolationBanner;

namespace widgets {
class ClusterView;
class EventsPane;
class Inspector;
class LogView;
class NetworkPane;
class Selection;
class SpaceTimePane;
class SpaceTimeView;
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

/// MainWindow is the classroom window: the cluster view in the middle with the lesson
/// bar over it and the step banner and timeline under it, the Log, Inspector, Network
/// and Events docks around it, the menus, the toolbar and the status bar. It assembles
/// the parts and leaves each its job: every command is a row of one ActionTable
/// (createActions(), which also lays out the menus and the toolbar), the views follow the
/// SimulationController themselves, one widgets::Selection is shared by the cluster
/// view, the log view and the inspector, and ContextMenus, RunFileCommands and the
/// LessonCatalogue carry their own commands. Every change to the world goes through the
/// SimulationController.
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
    widgets::Timeline *timeline() const { return m_timeline; }
    widgets::StepBanner *stepBanner() const { return m_stepBanner; }
    /// spaceTimeView is the space-time diagram (the Space-Time dock).
    widgets::SpaceTimeView *spaceTimeView() const;
    /// spaceTimeDock is the dock that holds it.
    QDockWidget *spaceTimeDock() const { return m_spaceTimeDock; }
    /// selection is what the user picked, shared by every view.
    widgets::Selection *selection() const { return m_selection; }
    /// actions is the table of the window's commands.
    const ActionTable *actions() const { return m_actions; }
    /// lessons is the catalogue of the shipped lessons (the Scenarios menu).
    const LessonCatalogue &lessons() const { return m_lessons; }

    /// createNodeMenu, createMessageMenu, createBackgroundMenu and createLinkMenu build
    /// the cluster view's context menus (see ContextMenus); the caller owns them.
    QMenu *createNodeMenu(raft::NodeId id) { return m_contextMenus->createNodeMenu(id); }
    QMenu *createMessageMenu(std::uint64_t id) { return m_contextMenus->createMessageMenu(id); }
    QMenu *createMessagesMenu(const std::vector<std::uint64_t> &ids) { return m_contextMenus->createMessagesMenu(ids); }
    QMenu *createBackgroundMenu() { return m_contextMenus->createBackgroundMenu(); }
    QMenu *createLinkMenu(raft::NodeId from, raft::NodeId to) { return m_contextMenus->createLinkMenu(from, to); }

    /// saveRunFile, openRunFile, exportTraceFile and exportLogTableFile: see RunFileCommands.
    QString saveRunFile(const QString &path) { return m_runFiles->saveRunFile(path); }
    QString openRunFile(const QString &path, bool showErrors = true)
    {
        return m_runFiles->openRunFile(path, showErrors);
    }
    QString exportTraceFile(const QString &path) { return m_runFiles->exportTraceFile(path); }
    QString exportLogTableFile(const QString &path) { return m_runFiles->exportLogTableFile(path); }

    /// pictureWidget is the widget a picture of `view` shows (mainwindowexport.cpp).
    QWidget *pictureWidget(PictureExport::View view);
    /// exportPictureFile writes a picture of `view` (PNG at scale, or SVG by the name).
    /// Returns "" or the error, naming the file.
    QString exportPictureFile(PictureExport::View view, const QString &path, double scale = 1.0);
    /// animationFrameCount is how many frames an animation of [from, to] has, played
    /// `speed` times faster than real time at `fps` frames a second.
    static int animationFrameCount(raft::Time from, raft::Time to, double speed, int fps);
    /// exportAnimationFile writes [from, to] of the recorded run as an APNG of `view`,
    /// then puts the run back where it was. Returns "" or the error, naming the file.
    QString exportAnimationFile(PictureExport::View view, const QString &path, raft::Time from, raft::Time to,
                                double speed, int fps);

    /// openScenarioFile plays a script; on a malformed file it changes nothing, shows
    /// a message box naming FILE:LINE and the problem (objectName
    /// "scenarioErrorBox", non-blocking; unless showErrors is false) and returns the
    /// error text ("" on success).
    QString openScenarioFile(const QString &path, bool showErrors = true);
    /// playLesson plays a shipped lesson by name, in the user's language if translated.
    void playLesson(const QString &name);

    /// setLanguage switches the interface language ("en", "zh_CN") and remembers it.
    void setLanguage(const QString &code);
    /// violationText is what the red banner says ("" when no invariant broke).
    QString violationText() const;

    /// setPresentation enters or leaves presentation mode (View › Presentation, F5;
    /// Esc leaves); fullScreen false keeps the window's size (screenshots).
    void setPresentation(bool on, bool fullScreen = true);
    bool isPresentation() const;
    /// setTextSize sets the text size of every pane, in percent (100–250), and
    /// remembers it; textSize is the setting (presentation mode may enlarge further).
    void setTextSize(int percent);
    int textSize() const { return m_textSize; }
    /// textScale is the scale the panes' text has now (the setting, or presentation
    /// mode's floor of PresentationMode::kMinTextPixels).
    double textScale() const { return m_paneText.scale(); }
    /// guards asks before the commands that lose work (tests answer through it).
    CommandGuards *guards() const { return m_guards; }

    /// setBranchAnswer answers "start a new branch here?" without a dialog (tests,
    /// scripts); nullopt asks the user.
    void setBranchAnswer(std::optional<bool> answer) { m_branchAnswer = answer; }
    /// branchQuestions counts how often that question was put.
    int branchQuestions() const { return m_branchQuestions; }

public Q_SLOTS:
    void openScenario();
    void newCluster();
    void showShortcuts();
    void about();
    void savePicture();
    /// exportPicture asks which view, which file (PNG 1×/2× or SVG) and writes it.
    void exportPicture();
    /// exportAnimation asks for a time span, speed and frame rate and writes an APNG.
    void exportAnimation();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Construction.
    void createCentralWidget();
    void createDocks();
    /// createActions builds the table of commands, the lessons' actions, the menus and
    /// the toolbar (mainwindowactions.cpp).
    void createActions();
    /// connectViews gives each view the controller and the shared selection.
    void connectViews();
    /// connectSelection keeps the cluster view and the selection in step, and lets the
    /// events pane and the step banner select the servers they are about.
    void connectSelection();
    void retranslateUi();
    void readSettings();
    void writeSettings();
    void resetLayout();
    /// fitLogDock gives the Log dock the height of the current cluster's rows.
    void fitLogDock();
    /// showDock shows a dock and brings it to the front of its tabs.
    static void showDock(QDockWidget *dock);
    /// onStepped marks the server that acted in the step just explained (the
    /// selection and the inspector stay where the teacher put them).
    void onStepped();
    /// placeOnScreen sizes the window to most of the screen, centred.
    void placeOnScreen();
    /// applyTextScale gives every pane and the cluster the text scale now in force.
    void applyTextScale();
    /// askBranch asks before an action discards the recorded future.
    bool askBranch();

    MainWindowOptions m_options;
    std::unique_ptr<Settings> m_settings;
    SimulationController *m_controller = nullptr;
    widgets::Selection *m_selection = nullptr;
    LessonCatalogue m_lessons;
    QByteArray m_defaultState;

    // Central area.
    widgets::ClusterView *m_clusterView = nullptr;
    ViolationBanner *m_violationBanner = nullptr;
    LessonBar *m_lessonBar = nullptr;
    widgets::StepBanner *m_stepBanner = nullptr;
    widgets::Timeline *m_timeline = nullptr;

    // Docks.
    QDockWidget *m_logDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_eventsDock = nullptr;
    QDockWidget *m_networkDock = nullptr;
    QDockWidget *m_spaceTimeDock = nullptr;
    widgets::SpaceTimePane *m_spaceTimePane = nullptr;
    widgets::NetworkPane *m_networkPane = nullptr;
    widgets::LogView *m_logView = nullptr;
    widgets::Inspector *m_inspector = nullptr;
    widgets::EventsPane *m_eventsPane = nullptr;

    // Commands, bars and menus.
    ActionTable *m_actions = nullptr;
    QList<QAction *> m_lessonActions;
    QToolBar *m_toolBar = nullptr;
    SpeedControls *m_speedControls = nullptr;
    StatusLine *m_statusLine = nullptr;
    ContextMenus *m_contextMenus = nullptr;
    RunFileCommands *m_runFiles = nullptr;
    CommandGuards *m_guards = nullptr;
    PresentationMode *m_presentation = nullptr;
    PaneText m_paneText;
    int m_textSize = 100;

    std::optional<bool> m_branchAnswer;
    int m_branchQuestions = 0;
    /// m_branchNoAsk: the user ticked "Don't ask again" and said yes.
    bool m_branchNoAsk = false;
};
