#pragma once

#include <QObject>
#include <QString>

class QWidget;
class SimulationController;

/// RunFileCommands are the File menu's commands on the run itself: save it and open it
/// again (a readable run file, docs/run-file.md), edit the notes saved with it, export
/// the trace (JSON lines) and every server's log (CSV). Files are written atomically;
/// a file that cannot be read or replayed changes nothing and says why.
class RunFileCommands : public QObject {
    Q_OBJECT
public:
    /// RunFileCommands asks its questions over `window`, and acts on `controller`.
    RunFileCommands(QWidget *window, SimulationController *controller);

    /// saveRunFile saves the run (config, actions, notes, position) to path; returns ""
    /// or the problem.
    QString saveRunFile(const QString &path);
    /// openRunFile replays a saved run. On a malformed file or a replay that does not
    /// match, it changes nothing, shows the problems (objectName "runErrorBox",
    /// non-blocking; unless showErrors is false) and returns them ("" on success).
    QString openRunFile(const QString &path, bool showErrors = true);
    /// exportTraceFile writes the events up to the live step as JSON lines; "" or the problem.
    QString exportTraceFile(const QString &path);
    /// exportLogTableFile writes every server's log as CSV; "" or the problem.
    QString exportLogTableFile(const QString &path);

public Q_SLOTS:
    /// saveRun, openRun, exportTrace and exportLogTable ask for a file, then act.
    void saveRun();
    void openRun();
    /// editRunNotes edits the notes saved with the run.
    void editRunNotes();
    void exportTrace();
    void exportLogTable();

Q_SIGNALS:
    /// reported: a sentence for the status bar, shown for timeoutMs.
    void reported(const QString &text, int timeoutMs);
    /// runOpened: a saved run replaced the world.
    void runOpened();

private:
    /// exportTo asks for a file (dialog title, suggested name, filter), writes it with
    /// `write` and says how it went.
    void exportTo(const QString &title, const QString &fileName, const QString &filter,
                  QString (RunFileCommands::*write)(const QString &));

    QWidget *m_window = nullptr;
    SimulationController *m_controller = nullptr;
};
