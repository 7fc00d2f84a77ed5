#pragma once

#include "liveclusterdialog.h"

#include "raft/types.h"

#include <QJsonObject>
#include <QMainWindow>

#include <memory>
#include <vector>

class LiveActions;
class LiveSource;
class QAction;
class QLabel;
class QLineEdit;
class QSlider;

namespace live {
class LiveCluster;
}
namespace widgets {
class ClusterView;
class EventsPane;
class Inspector;
class LogView;
class Selection;
} // namespace widgets

/// LiveWindow shows a real cluster with the simulator's own views: the cluster view,
/// the log view, the inspector and the events pane read a LiveSource (a mirror of the
/// servers) exactly as they read the simulator, under a red LIVE mark (REPLAY for a
/// recording). The mouse acts on the real servers through LiveActions: a server's
/// context menu kills it with kill -9, starts it again, freezes it with SIGSTOP,
/// isolates it; clicking a link cuts it, dragging a server partitions; client
/// requests go over HTTP. Stepping back is impossible live (the past of real
/// processes is gone), but everything received can be saved as a recording and played
/// again here (Cluster › Live Cluster… › Replay).
///
/// The window owns the LiveCluster: closing it kills the servers it launched.
class LiveWindow : public QMainWindow {
    Q_OBJECT
public:
    /// LiveWindow watches `cluster` (launched or attached) with the given timing.
    LiveWindow(std::unique_ptr<live::LiveCluster> cluster, const live::MirrorTiming &timing, QWidget *parent = nullptr);
    /// LiveWindow replays a recording.
    LiveWindow(const live::MirrorTiming &timing, std::vector<QJsonObject> records, const QString &fileName,
               QWidget *parent = nullptr);
    ~LiveWindow() override;

    /// open starts what the dialog asked for (launch, attach or replay) in a new window;
    /// nullptr and why when it cannot.
    static LiveWindow *open(const LiveClusterRequest &request, QWidget *parent, QString *error);
    /// openDialog asks with a LiveClusterDialog, then opens the window (errors in a box).
    static void openDialog(QWidget *parent);

    LiveSource *source() const { return m_source; }
    LiveActions *liveActions() const { return m_actions; }
    live::LiveCluster *cluster() const { return m_cluster.get(); }
    widgets::ClusterView *clusterView() const { return m_clusterView; }
    widgets::LogView *logView() const { return m_logView; }
    widgets::EventsPane *eventsPane() const { return m_eventsPane; }
    /// badgeText is what the LIVE / REPLAY mark says.
    QString badgeText() const;

    /// saveRecording writes everything received so far (atomically); "" or the error.
    QString saveRecording(const QString &path) const;
    /// createNodeMenu builds a server's context menu (the caller owns it).
    QMenu *createNodeMenu(raft::NodeId id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void build();
    void buildLiveToolBar();
    void buildReplayToolBar();
    void connectViews();
    void report(const QString &text);
    void updateReplayControls();

    std::unique_ptr<live::LiveCluster> m_cluster;
    LiveSource *m_source = nullptr;
    LiveActions *m_actions = nullptr;
    QString m_fileName;
    widgets::Selection *m_selection = nullptr;
    widgets::ClusterView *m_clusterView = nullptr;
    widgets::LogView *m_logView = nullptr;
    widgets::Inspector *m_inspector = nullptr;
    widgets::EventsPane *m_eventsPane = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_requestEdit = nullptr;
    QAction *m_playAction = nullptr;
    QSlider *m_replaySlider = nullptr;
};
