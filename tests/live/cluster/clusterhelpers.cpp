#include "clusterhelpers.h"

#include "app/live/liveprobe.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace livetest {

live::LaunchOptions launchOptions(int servers)
{
    live::LaunchOptions o;
    o.servers = servers;
    o.program = QStringLiteral(RAFTVIZ_BINARY);
    o.electionTimeoutMin = 300;
    o.electionTimeoutMax = 600;
    o.heartbeatMs = 75;
    o.requestTimeoutMs = 3000;
    return o;
}

int launchWithLeader(live::LiveCluster &cluster, int servers, std::string &error)
{
    QString why;
    if (!cluster.launch(launchOptions(servers), &why)) {
        error = why.toStdString();
        return 0;
    }
    const int leader = live::findLeader(cluster, 15000);
    if (leader == 0)
        error = "no leader within 15 s\n" + describeExits(cluster);
    return leader;
}

QJsonObject status(live::LiveCluster &cluster, int id, int timeoutMs)
{
    return live::fetchJson(*cluster.http(id), QStringLiteral("/status"), timeoutMs);
}

std::vector<LogEntry> fetchLog(live::LiveCluster &cluster, int id, std::uint64_t upTo)
{
    std::vector<LogEntry> out;
    // Each page moves `from` on; a page that brings nothing ends the loop.
    for (int page = 0; page < 10000 && out.size() < upTo; ++page) {
        const QJsonObject log = live::fetchJson(*cluster.http(id),
                                                QStringLiteral("/log?from=%1&max=1000").arg(out.size() + 1), 5000);
        const QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
        if (entries.isEmpty())
            break;
        for (const QJsonValue &v : entries) {
            if (out.size() >= upTo)
                break;
            const QJsonObject e = v.toObject();
            out.push_back(LogEntry{static_cast<std::uint64_t>(e.value(QStringLiteral("index")).toInteger()),
                                   static_cast<std::uint64_t>(e.value(QStringLiteral("term")).toInteger()),
                                   e.value(QStringLiteral("command")).toString().toStdString()});
        }
    }
    return out;
}

std::uint64_t writeValue(live::LiveCluster &cluster, const QString &key, const QString &value, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    int target = 1;
    while (clock.elapsed() < timeoutMs) {
        if (cluster.ownsProcesses() && !cluster.isRunning(target)) {
            target = target % cluster.size() + 1;
            continue;
        }
        const live::HttpResult r = live::fetch(*cluster.http(target), QStringLiteral("PUT"),
                                               QStringLiteral("/kv/") + key, value.toUtf8(), 3000);
        const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(r.response.body)).object();
        if (r.outcome == live::HttpResult::Outcome::Answered && r.response.status == 200)
            return static_cast<std::uint64_t>(body.value(QStringLiteral("index")).toInteger());
        const int leader = serverFromName(body.value(QStringLiteral("leader")).toString());
        if (r.outcome == live::HttpResult::Outcome::Answered && r.response.status == 307 && leader != 0) {
            target = leader;
            continue;
        }
        target = target % cluster.size() + 1;
        live::waitUntil([] { return false; }, 100);
    }
    return 0;
}

bool waitForCommit(live::LiveCluster &cluster, std::uint64_t index, int timeoutMs)
{
    return live::waitUntil(
        [&] {
            for (int id = 1; id <= cluster.size(); ++id) {
                if (!cluster.isRunning(id))
                    continue;
                const QJsonObject s = status(cluster, id, 500);
                if (static_cast<std::uint64_t>(s.value(QStringLiteral("commitIndex")).toInteger()) < index)
                    return false;
            }
            return true;
        },
        timeoutMs);
}

int serverFromName(const QString &name)
{
    if (name.size() < 2 || name[0] != QLatin1Char('S'))
        return 0;
    bool ok = false;
    const int id = name.mid(1).toInt(&ok);
    return ok ? id : 0;
}

std::string describeStatuses(live::LiveCluster &cluster)
{
    std::string all;
    for (int id = 1; id <= cluster.size(); ++id) {
        all += "S" + std::to_string(id) + ": "
            + QJsonDocument(status(cluster, id, 500)).toJson(QJsonDocument::Compact).toStdString() + "\n";
        all += cluster.output(id).right(1500).toStdString();
    }
    return all + describeExits(cluster);
}

std::string describeExits(const live::LiveCluster &cluster)
{
    return cluster.unexpectedExits().join(QStringLiteral("\n----\n")).toStdString();
}

} // namespace livetest
