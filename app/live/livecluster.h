#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QProcess;
class QTemporaryDir;

namespace live {

class HttpClient;
class NodeWatcher;

/// LiveServer is where one server of a live cluster can be reached.
struct LiveServer {
    int id = 0;
    QString host = QStringLiteral("127.0.0.1");
    quint16 peerPort = 0;
    quint16 httpPort = 0;
    quint16 watchPort = 0;
    /// dataDir: its stable storage (empty when attached to a server run elsewhere).
    QString dataDir;
};

/// LaunchOptions says how to start a cluster of server processes on this machine.
struct LaunchOptions {
    int servers = 3;
    /// program: the raftviz binary (empty = this program).
    QString program;
    /// dataRoot: the folder that holds S1/, S2/, ... (empty = a temporary folder,
    /// removed when the LiveCluster goes).
    QString dataRoot;
    bool fsync = true;
    int electionTimeoutMin = 150;
    int electionTimeoutMax = 300;
    int heartbeatMs = 50;
    int requestTimeoutMs = 5000;
    QStringList extraArguments;
};

/// LiveCluster is the watcher's side of a real cluster: it launches server processes
/// (`raftviz --node ...`) on free loopback ports, or attaches to servers run
/// elsewhere, and acts on them as the window's mouse actions do: crash = kill -9,
/// restart = start again on the same data folder, pause/resume = SIGSTOP/SIGCONT;
/// partitions and link cuts go through each server's control channel (watcher()).
/// It records every exit it did not cause (a server that died on its own).
/// Destroying it kills every process it started.
class LiveCluster : public QObject {
    Q_OBJECT
public:
    explicit LiveCluster(QObject *parent = nullptr);
    ~LiveCluster() override;

    /// launch starts options.servers processes; false, with why, if it cannot.
    bool launch(const LaunchOptions &options, QString *error);
    /// attach watches servers that run elsewhere (no processes: crash and the like
    /// are refused).
    void attach(const QList<LiveServer> &servers);

    int size() const { return static_cast<int>(m_servers.size()); }
    const LiveServer &server(int id) const;
    /// ownsProcesses: launched here, so crash/restart/pause work.
    bool ownsProcesses() const { return !m_processes.empty(); }
    bool isRunning(int id) const;
    bool isPaused(int id) const;
    qint64 pid(int id) const;

    /// crash kills server id with SIGKILL (kill -9) and waits for it to be gone.
    bool crash(int id);
    /// restart starts server id again on its data folder.
    bool restart(int id);
    /// pause / resume send SIGSTOP / SIGCONT.
    bool pause(int id);
    bool resume(int id);
    /// stopAll kills every process and waits for each (bounded).
    void stopAll();

    /// watcher returns server id's watch channel (created and started on first use).
    NodeWatcher *watcher(int id);
    /// http returns a client for server id's HTTP port (one keep-alive connection).
    HttpClient *http(int id);

    /// output is what server id wrote to stderr (the last 256 KiB, over restarts).
    QString output(int id) const;
    /// unexpectedExits describes every exit not caused by crash() or stopAll().
    const QStringList &unexpectedExits() const { return m_unexpected; }
    /// clusterArgument is the --cluster value every server was given.
    QString clusterArgument() const;
    /// arguments is the command line of server id.
    QStringList arguments(int id) const;
    QString dataRoot() const { return m_dataRoot; }

signals:
    void serverStarted(int id);
    /// serverExited: expected is false when the server died on its own.
    void serverExited(int id, int exitCode, bool expected);
    void outputLine(int id, const QString &line);

private:
    struct Process;
    bool startProcess(int id);

    LaunchOptions m_options;
    QString m_dataRoot;
    std::unique_ptr<QTemporaryDir> m_temporary;
    std::vector<LiveServer> m_servers;
    std::vector<std::unique_ptr<Process>> m_processes;
    std::vector<NodeWatcher *> m_watchers;
    std::vector<HttpClient *> m_clients;
    QStringList m_unexpected;
};

/// freeLoopbackPorts picks `count` distinct ports free on 127.0.0.1, below the
/// kernel's ephemeral range (so that no outgoing connection takes one while its server
/// is down). Empty if it cannot find enough.
QList<quint16> freeLoopbackPorts(int count);

} // namespace live
