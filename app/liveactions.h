#pragma once

#include "raft/types.h"

#include <QObject>
#include <QString>

#include <vector>

class LiveSource;

namespace live {
class LiveCluster;
}

/// LiveActions turns the window's mouse actions on a live cluster into real ones:
/// Crash is kill -9 of the server's process, Restart starts it again on its data
/// folder, Pause and Resume are SIGSTOP and SIGCONT (all three only for servers
/// launched here); Start election, Isolate, Reconnect, link cuts, partitions and Heal
/// are commands on the servers' control channels (`drop out|both`, `heal`, `timeout`:
/// a cut link from -> to is its sender dropping what it sends to that peer); a client
/// request is an HTTP request to the leader. Each action reports what it did, or why
/// it could not, as one sentence (reported()).
class LiveActions : public QObject {
    Q_OBJECT
public:
    LiveActions(live::LiveCluster *cluster, LiveSource *source, QObject *parent = nullptr);

    /// canControlProcesses: the servers were launched here (crash, restart, pause work).
    bool canControlProcesses() const;

public Q_SLOTS:
    void crash(raft::NodeId id);
    void restart(raft::NodeId id);
    void pause(raft::NodeId id);
    void resume(raft::NodeId id);
    void timeout(raft::NodeId id);
    void isolate(raft::NodeId id);
    void reconnect(raft::NodeId id);
    /// toggleCut cuts the one-way link from -> to, or reopens it if it is cut.
    void toggleCut(raft::NodeId from, raft::NodeId to);
    void partition(const std::vector<std::vector<raft::NodeId>> &groups);
    void heal();
    /// request sends a client command: "set KEY VALUE" (PUT), "del KEY" (DELETE) or
    /// "get KEY" (GET) to the leader the mirror knows (else S1), following one redirect.
    void request(const QString &command);

Q_SIGNALS:
    void reported(const QString &text);
    /// requestAnswered: a client request ended; ok when the server answered 2xx.
    void requestAnswered(bool ok, const QString &text);

private:
    bool command(raft::NodeId id, const QString &line);
    bool needProcesses(raft::NodeId id);
    void sendRequest(raft::NodeId to, const QString &method, const QString &key, const QByteArray &body,
                     bool mayFollow);

    live::LiveCluster *m_cluster;
    LiveSource *m_source;
};
