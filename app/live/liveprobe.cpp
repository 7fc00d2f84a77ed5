#include "liveprobe.h"

#include "livecluster.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <map>

namespace live {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() >= timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

HttpResult fetch(HttpClient &client, const QString &method, const QString &target, const QByteArray &body,
                 int timeoutMs)
{
    std::optional<HttpResult> result;
    client.request(method, target, body, timeoutMs, [&result](const HttpResult &r) { result = r; });
    // The client's own timeout ends the request; the margin only guards against a bug.
    if (!waitUntil([&] { return result.has_value(); }, timeoutMs + 2000)) {
        HttpResult r;
        r.outcome = HttpResult::Outcome::Unknown;
        r.error = QStringLiteral("no callback");
        return r;
    }
    return *result;
}

QJsonObject fetchJson(HttpClient &client, const QString &target, int timeoutMs)
{
    const HttpResult r = fetch(client, QStringLiteral("GET"), target, QByteArray(), timeoutMs);
    if (r.outcome != HttpResult::Outcome::Answered)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromStdString(r.response.body)).object();
}

int findLeader(LiveCluster &cluster, int timeoutMs)
{
    int leader = 0;
    waitUntil(
        [&] {
            std::map<int, int> votes; // leader id -> servers naming it
            std::vector<int> claimants; // servers that say they lead (a deposed one may too)
            for (int id = 1; id <= cluster.size(); ++id) {
                if (cluster.ownsProcesses() && (!cluster.isRunning(id) || cluster.isPaused(id)))
                    continue;
                const QJsonObject status = fetchJson(*cluster.http(id), QStringLiteral("/status"), 500);
                if (status.isEmpty())
                    continue;
                const int named = status.value(QStringLiteral("leader")).toObject().value(QStringLiteral("id")).toInt();
                if (named != 0)
                    ++votes[named];
                if (status.value(QStringLiteral("role")).toString() == QLatin1String("leader"))
                    claimants.push_back(id);
            }
            leader = 0;
            for (const int id : claimants)
                if (2 * votes[id] > cluster.size())
                    leader = id;
            return leader != 0;
        },
        timeoutMs);
    return leader;
}

} // namespace live
