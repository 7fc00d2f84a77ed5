#include "livecluster.h"

#include "httpclient.h"
#include "nodewatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>

#include <csignal>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace live {

/// Process is one server's process and what the cluster knows of it.
struct LiveCluster::Process {
    QProcess *process = nullptr;
    bool paused = false;
    /// expectingExit: the cluster killed it, so its exit is no surprise.
    bool expectingExit = false;
    QString output;
};

namespace {
constexpr int kMaxOutput = 256 << 10;
constexpr int kKillWaitMs = 5000;
} // namespace

QList<quint16> freeLoopbackPorts(int count)
{
    // Below the ephemeral range: a port there is never handed to an outgoing socket.
    int low = 32768;
    QFile range(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (range.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = range.readAll().simplified().split(' ');
        if (!parts.isEmpty() && parts[0].toInt() > 2048)
            low = parts[0].toInt();
    }
    const int first = std::max(1024, low / 2);
    QList<quint16> ports;
    std::vector<std::unique_ptr<QTcpServer>> held;
    for (int attempt = 0; attempt < 2000 && ports.size() < count; ++attempt) {
        const auto port = static_cast<quint16>(QRandomGenerator::global()->bounded(first, low));
        if (ports.contains(port))
            continue;
        auto server = std::make_unique<QTcpServer>();
        if (server->listen(QHostAddress(QHostAddress::LocalHost), port)) {
            ports.push_back(port);
            held.push_back(std::move(server));
        }
    }
    return ports.size() == count ? ports : QList<quint16>();
}

LiveCluster::LiveCluster(QObject *parent)
    : QObject(parent)
{ }

LiveCluster::~LiveCluster()
{
    stopAll();
}

bool LiveCluster::launch(const LaunchOptions &options, QString *error)
{
    if (!m_servers.empty()) {
        *error = tr("a cluster is already running");
        return false;
    }
    if (options.servers < 1 || options.servers > 9) {
        *error = tr("a cluster has 1 to 9 servers");
        return false;
    }
    m_options = options;
    if (m_options.program.isEmpty())
        m_options.program = QCoreApplication::applicationFilePath();
    m_dataRoot = options.dataRoot;
    if (m_dataRoot.isEmpty()) {
        m_temporary = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/raftviz-live-XXXXXX"));
        if (!m_temporary->isValid()) {
            *error = tr("cannot create a temporary folder: %1").arg(m_temporary->errorString());
            return false;
        }
        m_dataRoot = m_temporary->path();
    }
    const QList<quint16> ports = freeLoopbackPorts(3 * options.servers);
    if (ports.isEmpty()) {
        *error = tr("cannot find %1 free ports on 127.0.0.1").arg(3 * options.servers);
        return false;
    }
    for (int i = 0; i < options.servers; ++i) {
        LiveServer s;
        s.id = i + 1;
        const qsizetype first = qsizetype{3} * i;
        s.peerPort = ports[first];
        s.httpPort = ports[first + 1];
        s.watchPort = ports[first + 2];
        s.dataDir = QDir(m_dataRoot).filePath(QStringLiteral("S%1").arg(s.id));
        m_servers.push_back(s);
        m_processes.push_back(std::make_unique<Process>());
    }
    m_watchers.assign(m_servers.size(), nullptr);
    m_clients.assign(m_servers.size(), nullptr);
    for (int id = 1; id <= size(); ++id) {
        if (!startProcess(id)) {
            *error = tr("cannot start %1: %2").arg(m_options.program, m_processes[id - 1]->process->errorString());
            stopAll();
            return false;
        }
    }
    return true;
}

void LiveCluster::attach(const QList<LiveServer> &servers)
{
    stopAll();
    m_servers.assign(servers.begin(), servers.end());
    m_processes.clear();
    m_watchers.assign(m_servers.size(), nullptr);
    m_clients.assign(m_servers.size(), nullptr);
}

const LiveServer &LiveCluster::server(int id) const
{
    return m_servers.at(static_cast<std::size_t>(id - 1));
}

QString LiveCluster::clusterArgument() const
{
    QStringList parts;
    for (const LiveServer &s : m_servers)
        parts << QStringLiteral("S%1=%2:%3").arg(s.id).arg(s.host).arg(s.peerPort);
    return parts.join(QLatin1Char(','));
}

QStringList LiveCluster::arguments(int id) const
{
    const LiveServer &s = server(id);
    QStringList args{QStringLiteral("--node"),
                     QStringLiteral("S%1").arg(id),
                     QStringLiteral("--cluster"),
                     clusterArgument(),
                     QStringLiteral("--data"),
                     s.dataDir,
                     QStringLiteral("--http"),
                     QString::number(s.httpPort),
                     QStringLiteral("--watch"),
                     QString::number(s.watchPort),
                     QStringLiteral("--election-timeout"),
                     QStringLiteral("%1-%2").arg(m_options.electionTimeoutMin).arg(m_options.electionTimeoutMax),
                     QStringLiteral("--heartbeat"),
                     QString::number(m_options.heartbeatMs),
                     QStringLiteral("--request-timeout"),
                     QString::number(m_options.requestTimeoutMs)};
    if (!m_options.fsync)
        args << QStringLiteral("--no-fsync");
    return args + m_options.extraArguments;
}

bool LiveCluster::startProcess(int id)
{
    Process &p = *m_processes[static_cast<std::size_t>(id - 1)];
    if (p.process && p.process->state() != QProcess::NotRunning)
        return false;
    if (!p.process) {
        p.process = new QProcess(this);
        p.process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef __linux__
        // If whatever launched the cluster dies (even by kill -9), its servers go too.
        p.process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
        connect(p.process, &QProcess::readyRead, this, [this, id] {
            Process &q = *m_processes[static_cast<std::size_t>(id - 1)];
            while (q.process->canReadLine()) {
                const QString line = QString::fromUtf8(q.process->readLine()).trimmed();
                q.output += line + QLatin1Char('\n');
                if (q.output.size() > kMaxOutput)
                    q.output.remove(0, q.output.size() - kMaxOutput);
                emit outputLine(id, line);
            }
        });
        connect(p.process, &QProcess::finished, this, [this, id](int code, QProcess::ExitStatus status) {
            Process &q = *m_processes[static_cast<std::size_t>(id - 1)];
            q.output += QString::fromUtf8(q.process->readAll());
            const bool expected = q.expectingExit;
            q.expectingExit = false;
            q.paused = false;
            if (!expected)
                m_unexpected << QStringLiteral("S%1 exited on its own (%2 %3); its last output:\n%4")
                                    .arg(id)
                                    .arg(status == QProcess::CrashExit ? QStringLiteral("crash, signal")
                                                                       : QStringLiteral("exit code"))
                                    .arg(code)
                                    .arg(q.output.right(4000));
            emit serverExited(id, code, expected);
        });
    }
    p.paused = false;
    p.expectingExit = false;
    p.process->start(m_options.program, arguments(id));
    if (!p.process->waitForStarted(kKillWaitMs))
        return false;
    emit serverStarted(id);
    return true;
}

bool LiveCluster::isRunning(int id) const
{
    if (id < 1 || id > size() || m_processes.empty())
        return false;
    const Process &p = *m_processes[static_cast<std::size_t>(id - 1)];
    return p.process && p.process->state() == QProcess::Running;
}

bool LiveCluster::isPaused(int id) const
{
    return isRunning(id) && m_processes[static_cast<std::size_t>(id - 1)]->paused;
}

qint64 LiveCluster::pid(int id) const
{
    return isRunning(id) ? m_processes[static_cast<std::size_t>(id - 1)]->process->processId() : 0;
}

bool LiveCluster::crash(int id)
{
    if (!isRunning(id))
        return false;
    Process &p = *m_processes[static_cast<std::size_t>(id - 1)];
    p.expectingExit = true;
    p.process->kill(); // SIGKILL: no chance to flush or say goodbye, as in a power cut
    p.process->waitForFinished(kKillWaitMs);
    return true;
}

bool LiveCluster::restart(int id)
{
    if (id < 1 || id > size() || m_processes.empty() || isRunning(id))
        return false;
    return startProcess(id);
}

bool LiveCluster::pause(int id)
{
    if (!isRunning(id) || isPaused(id))
        return false;
    Process &p = *m_processes[static_cast<std::size_t>(id - 1)];
    if (::kill(static_cast<pid_t>(p.process->processId()), SIGSTOP) != 0)
        return false;
    p.paused = true;
    return true;
}

bool LiveCluster::resume(int id)
{
    if (!isPaused(id))
        return false;
    Process &p = *m_processes[static_cast<std::size_t>(id - 1)];
    if (::kill(static_cast<pid_t>(p.process->processId()), SIGCONT) != 0)
        return false;
    p.paused = false;
    return true;
}

void LiveCluster::stopAll()
{
    for (NodeWatcher *w : m_watchers)
        if (w)
            w->stop();
    for (const auto &p : m_processes) {
        if (p->process && p->process->state() != QProcess::NotRunning) {
            p->expectingExit = true;
            p->process->kill();
        }
    }
    for (const auto &p : m_processes)
        if (p->process && p->process->state() != QProcess::NotRunning)
            p->process->waitForFinished(kKillWaitMs);
}

NodeWatcher *LiveCluster::watcher(int id)
{
    NodeWatcher *&w = m_watchers.at(static_cast<std::size_t>(id - 1));
    if (!w) {
        const LiveServer &s = server(id);
        w = new NodeWatcher(id, s.host, s.watchPort, this);
        w->start();
    }
    return w;
}

HttpClient *LiveCluster::http(int id)
{
    HttpClient *&c = m_clients.at(static_cast<std::size_t>(id - 1));
    if (!c) {
        const LiveServer &s = server(id);
        c = new HttpClient(s.host, s.httpPort, this);
    }
    return c;
}

QString LiveCluster::output(int id) const
{
    if (id < 1 || id > static_cast<int>(m_processes.size()))
        return {};
    return m_processes[static_cast<std::size_t>(id - 1)]->output;
}

} // namespace live
