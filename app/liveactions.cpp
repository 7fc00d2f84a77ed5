#include "liveactions.h"

#include "livesource.h"

#include "app/live/httpclient.h"
#include "app/live/livecluster.h"
#include "app/live/nodewatcher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <algorithm>

namespace {

constexpr int kRequestTimeoutMs = 6000;

QString name(raft::NodeId id)
{
    return QStringLiteral("S%1").arg(id);
}

} // namespace

LiveActions::LiveActions(live::LiveCluster *cluster, LiveSource *source, QObject *parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_source(source)
{ }

bool LiveActions::canControlProcesses() const
{
    return m_cluster->ownsProcesses();
}

bool LiveActions::needProcesses(raft::NodeId id)
{
    if (id < 1 || id > m_cluster->size())
        return false;
    if (canControlProcesses())
        return true;
    emit reported(tr("%1 runs elsewhere: only servers launched from this window can be killed, restarted or "
                     "paused")
                      .arg(name(id)));
    return false;
}

bool LiveActions::command(raft::NodeId id, const QString &line)
{
    if (id < 1 || id > m_cluster->size())
        return false;
    if (m_cluster->watcher(id)->sendCommand(line))
        return true;
    emit reported(tr("%1 cannot be reached: its control channel is not connected").arg(name(id)));
    return false;
}

void LiveActions::crash(raft::NodeId id)
{
    if (!needProcesses(id))
        return;
    const qint64 pid = m_cluster->pid(id);
    if (!m_cluster->crash(id)) {
        emit reported(tr("%1 is not running").arg(name(id)));
        return;
    }
    m_source->processChanged(id, QStringLiteral("crashed"));
    emit reported(tr("%1 killed with kill -9 (process %2): only its data folder is left").arg(name(id)).arg(pid));
}

void LiveActions::restart(raft::NodeId id)
{
    if (!needProcesses(id))
        return;
    if (!m_cluster->restart(id)) {
        emit reported(tr("%1 could not be started again").arg(name(id)));
        return;
    }
    emit reported(tr("%1 started again on its data folder (process %2)").arg(name(id)).arg(m_cluster->pid(id)));
}

void LiveActions::pause(raft::NodeId id)
{
    if (!needProcesses(id))
        return;
    if (!m_cluster->pause(id)) {
        emit reported(tr("%1 cannot be paused now").arg(name(id)));
        return;
    }
    m_source->processChanged(id, QStringLiteral("paused"));
    emit reported(tr("%1 frozen with SIGSTOP").arg(name(id)));
}

void LiveActions::resume(raft::NodeId id)
{
    if (!needProcesses(id))
        return;
    if (!m_cluster->resume(id)) {
        emit reported(tr("%1 is not paused").arg(name(id)));
        return;
    }
    m_source->processChanged(id, QStringLiteral("resumed"));
    emit reported(tr("%1 resumed with SIGCONT").arg(name(id)));
}

void LiveActions::timeout(raft::NodeId id)
{
    if (command(id, QStringLiteral("timeout")))
        emit reported(tr("%1 told to start an election now").arg(name(id)));
}

void LiveActions::isolate(raft::NodeId id)
{
    QStringList others;
    for (raft::NodeId p = 1; p <= m_cluster->size(); ++p)
        if (p != id)
            others << name(p);
    if (!others.isEmpty() && command(id, QStringLiteral("drop both ") + others.join(QLatin1Char(' '))))
        emit reported(tr("%1 drops all traffic to and from its peers").arg(name(id)));
}

void LiveActions::reconnect(raft::NodeId id)
{
    bool ok = command(id, QStringLiteral("heal"));
    for (raft::NodeId p = 1; p <= m_cluster->size(); ++p)
        if (p != id && m_cluster->watcher(p)->isConnected())
            ok = m_cluster->watcher(p)->sendCommand(QStringLiteral("heal ") + name(id)) && ok;
    if (ok)
        emit reported(tr("%1 reconnected: every link to and from it is open").arg(name(id)));
}

void LiveActions::toggleCut(raft::NodeId from, raft::NodeId to)
{
    if (from == to)
        return;
    const raft::Network &net = m_source->simulation().network();
    if (net.isCut(from, to)) {
        // heal reopens both directions at `from`; the other direction stays cut if
        // its own sender drops it.
        if (command(from, QStringLiteral("heal ") + name(to)) && m_cluster->watcher(to)->isConnected())
            m_cluster->watcher(to)->sendCommand(QStringLiteral("heal ") + name(from));
        emit reported(tr("Link %1 → %2 open again").arg(name(from), name(to)));
        if (net.isCut(to, from))
            command(to, QStringLiteral("drop out ") + name(from));
        return;
    }
    if (command(from, QStringLiteral("drop out ") + name(to)))
        emit reported(tr("Link %1 → %2 cut: %1 drops what it sends to %2").arg(name(from), name(to)));
}

void LiveActions::partition(const std::vector<std::vector<raft::NodeId>> &groups)
{
    const int n = m_cluster->size();
    std::vector<int> groupOf(static_cast<std::size_t>(n) + 1, 0);
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (const raft::NodeId id : groups[g])
            if (id >= 1 && id <= n)
                groupOf[static_cast<std::size_t>(id)] = static_cast<int>(g) + 1;
    QStringList sides;
    for (const auto &group : groups) {
        QStringList names;
        for (const raft::NodeId id : group)
            names << name(id);
        sides << names.join(QLatin1Char(' '));
    }
    for (raft::NodeId id = 1; id <= n; ++id) {
        QStringList others;
        for (raft::NodeId p = 1; p <= n; ++p)
            if (p != id && groupOf[static_cast<std::size_t>(p)] != groupOf[static_cast<std::size_t>(id)])
                others << name(p);
        if (!m_cluster->watcher(id)->isConnected())
            continue;
        m_cluster->watcher(id)->sendCommand(QStringLiteral("heal"));
        if (!others.isEmpty())
            m_cluster->watcher(id)->sendCommand(QStringLiteral("drop both ") + others.join(QLatin1Char(' ')));
    }
    emit reported(
        tr("Partition: %1 (each server drops traffic across the wall)").arg(sides.join(QStringLiteral(" | "))));
}

void LiveActions::heal()
{
    for (raft::NodeId id = 1; id <= m_cluster->size(); ++id)
        if (m_cluster->watcher(id)->isConnected())
            m_cluster->watcher(id)->sendCommand(QStringLiteral("heal"));
    emit reported(tr("Healed: every server takes all traffic again"));
}

void LiveActions::request(const QString &command)
{
    const QStringList words = command.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString verb = words.value(0).toLower();
    QString method;
    if ((verb == QLatin1String("set") || verb == QLatin1String("put")) && words.size() >= 3)
        method = QStringLiteral("PUT");
    else if ((verb == QLatin1String("del") || verb == QLatin1String("delete")) && words.size() == 2)
        method = QStringLiteral("DELETE");
    else if (verb == QLatin1String("get") && words.size() == 2)
        method = QStringLiteral("GET");
    if (method.isEmpty()) {
        emit requestAnswered(false, tr("Write a request as: set KEY VALUE, del KEY or get KEY"));
        return;
    }
    const QByteArray body = method == QLatin1String("PUT") ? words.mid(2).join(QLatin1Char(' ')).toUtf8()
                                                           : QByteArray();
    const std::optional<raft::NodeId> leader = m_source->simulation().leader();
    sendRequest(leader.value_or(1), method, words[1], body, true);
}

void LiveActions::sendRequest(raft::NodeId to, const QString &method, const QString &key, const QByteArray &body,
                              bool mayFollow)
{
    const QString target = QStringLiteral("/kv/") + QString::fromLatin1(QUrl::toPercentEncoding(key));
    m_cluster->http(to)->request(
        method, target, body, kRequestTimeoutMs, [this, to, method, key, body, mayFollow](const live::HttpResult &r) {
            if (r.outcome != live::HttpResult::Outcome::Answered) {
                emit requestAnswered(false, tr("%1 %2 to %3: no answer (%4)").arg(method, key, name(to), r.error));
                return;
            }
            const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(r.response.body)).object();
            const QString leader = json.value(QLatin1String("leader")).toString();
            if (r.response.status == 307 && mayFollow && leader.size() >= 2) {
                const raft::NodeId next = leader.mid(1).toInt();
                if (next >= 1 && next <= m_cluster->size() && next != to) {
                    sendRequest(next, method, key, body, false);
                    return;
                }
            }
            const bool ok = r.response.status / 100 == 2;
            const QString detail = ok ? tr("index %1, term %2")
                                            .arg(json.value(QLatin1String("index")).toInteger())
                                            .arg(json.value(QLatin1String("term")).toInteger())
                                      : json.value(QLatin1String("error")).toString();
            emit requestAnswered(
                ok, tr("%1 %2 → %3: HTTP %4, %5").arg(method, key, name(to)).arg(r.response.status).arg(detail));
        });
}
