#include "chaosrun.h"

#include "clusterhelpers.h"

#include "app/live/httpclient.h"
#include "app/live/liveprobe.h"
#include "app/live/nodewatcher.h"

#include <QJsonDocument>
#include <QTimer>

namespace livetest {

using raft::KvOperation;

/// Client is one client: its own connection to each server, the server it believes
/// leads, and how many operations it has issued.
struct ChaosRun::Client {
    std::vector<std::unique_ptr<live::HttpClient>> servers;
    int target = 1;
    int issued = 0;
    bool busy = false;
};

namespace {
constexpr int kRequestTimeoutMs = 4000;
} // namespace

ChaosRun::ChaosRun(live::LiveCluster &cluster, const ChaosOptions &options)
    : m_cluster(cluster)
    , m_options(options)
    , m_rng(options.seed)
    , m_fault(static_cast<std::size_t>(cluster.size()), Fault::None)
    , m_faultUntil(static_cast<std::size_t>(cluster.size()), 0)
    , m_role(static_cast<std::size_t>(cluster.size()))
    , m_term(static_cast<std::size_t>(cluster.size()), 0)
{
    // The watch channels tell who leads, as the window will learn it.
    for (int id = 1; id <= cluster.size(); ++id) {
        live::NodeWatcher *w = cluster.watcher(id);
        auto take = [this](int server, const QJsonObject &status) {
            m_role[static_cast<std::size_t>(server - 1)] = status.value(QStringLiteral("role")).toString();
            m_term[static_cast<std::size_t>(server - 1)] = status.value(QStringLiteral("term")).toInteger();
        };
        connect(w, &live::NodeWatcher::helloReceived, this, take);
        connect(w, &live::NodeWatcher::statusReceived, this, take);
    }
    for (int c = 0; c < options.clients; ++c) {
        auto client = std::make_unique<Client>();
        for (int id = 1; id <= cluster.size(); ++id) {
            const live::LiveServer &s = cluster.server(id);
            client->servers.push_back(std::make_unique<live::HttpClient>(s.host, s.httpPort));
        }
        client->target = 1 + c % cluster.size();
        m_clients.push_back(std::move(client));
    }
}

ChaosRun::~ChaosRun() = default;

int ChaosRun::knownLeader() const
{
    int leader = 0;
    for (int id = 1; id <= m_cluster.size(); ++id) {
        const auto i = static_cast<std::size_t>(id - 1);
        if (m_fault[i] == Fault::None && m_role[i] == QLatin1String("leader")
            && (leader == 0 || m_term[i] > m_term[static_cast<std::size_t>(leader - 1)]))
            leader = id;
    }
    return leader;
}

int ChaosRun::pickServer(bool preferLeader)
{
    const int leader = knownLeader();
    if (preferLeader && leader != 0)
        return leader;
    std::vector<int> healthy;
    for (int id = 1; id <= m_cluster.size(); ++id)
        if (m_fault[static_cast<std::size_t>(id - 1)] == Fault::None)
            healthy.push_back(id);
    if (healthy.empty())
        return 0;
    return healthy[static_cast<std::size_t>(m_rng.uniform(0, static_cast<std::int64_t>(healthy.size()) - 1))];
}

bool ChaosRun::run()
{
    m_clock.start();
    for (int c = 0; c < static_cast<int>(m_clients.size()); ++c)
        issue(c);
    QTimer chaos;
    chaos.setSingleShot(true);
    connect(&chaos, &QTimer::timeout, this, [&] {
        chaosStep();
        chaos.start(static_cast<int>(m_rng.uniform(300, 900)));
    });
    chaos.start(600);
    const qint64 end = static_cast<qint64>(m_options.seconds) * 1000;
    live::waitUntil([&] { return m_clock.elapsed() >= end; }, static_cast<int>(end) + 1000);
    chaos.stop();
    m_stopping = true;
    // Repair first, so that clients stuck on a paused server get their answer.
    for (int id = 1; id <= m_cluster.size(); ++id)
        repair(id);
    return live::waitUntil(
        [&] {
            for (const auto &c : m_clients)
                if (c->busy)
                    return false;
            return true;
        },
        kRequestTimeoutMs + 3000);
}

void ChaosRun::repair(int id)
{
    const auto i = static_cast<std::size_t>(id - 1);
    switch (m_fault[i]) {
    case Fault::None: return;
    case Fault::Down:
        if (m_cluster.restart(id))
            ++m_restarts;
        break;
    case Fault::Paused: m_cluster.resume(id); break;
    case Fault::Isolated: m_cluster.watcher(id)->sendCommand(QStringLiteral("heal")); break;
    }
    m_fault[i] = Fault::None;
    m_role[i].clear();
}

void ChaosRun::chaosStep()
{
    const qint64 t = m_clock.elapsed();
    // Repair every fault whose time is up...
    int disrupted = 0;
    for (int id = 1; id <= m_cluster.size(); ++id) {
        const auto i = static_cast<std::size_t>(id - 1);
        if (m_fault[i] != Fault::None && t >= m_faultUntil[i])
            repair(id);
        disrupted += m_fault[i] != Fault::None ? 1 : 0;
    }
    // ...then break something, never more than a minority at once, and now and then
    // (after the first three faults) leave the cluster whole for a step.
    const int minority = (m_cluster.size() - 1) / 2;
    const int faults = m_kills + m_pauses + m_isolations;
    if (disrupted >= minority || (faults >= 3 && m_rng.chance(0.3)))
        return;
    // The first fault kills the leader, the second isolates the leader (which then
    // keeps believing it leads: the case that exposes early acknowledgements and
    // stale reads), the third kills again; later ones are drawn at random (kill 60%,
    // pause 15%, isolation 25%) and hit the leader half of the time.
    const int id = pickServer(faults < 2 || m_rng.chance(0.5));
    if (id == 0)
        return;
    const auto i = static_cast<std::size_t>(id - 1);
    const bool isLeader = id == knownLeader();
    const double r = faults == 1 ? 1.0 : faults < 3 ? 0.0 : m_rng.unit();
    if (r < 0.6) {
        m_cluster.crash(id); // kill -9
        m_fault[i] = Fault::Down;
        ++m_kills;
        m_leaderKills += isLeader ? 1 : 0;
    } else if (r < 0.75) {
        if (!m_cluster.pause(id)) // SIGSTOP
            return;
        m_fault[i] = Fault::Paused;
        ++m_pauses;
    } else {
        QStringList peers;
        for (int p = 1; p <= m_cluster.size(); ++p)
            if (p != id)
                peers << QStringLiteral("S%1").arg(p);
        if (!m_cluster.watcher(id)->sendCommand(QStringLiteral("drop both ") + peers.join(QLatin1Char(' '))))
            return;
        m_fault[i] = Fault::Isolated;
        ++m_isolations;
    }
    // A down server stays down 0.3-1 s; a paused or isolated one 0.5-1.5 s.
    m_faultUntil[i] = t + (m_fault[i] == Fault::Down ? m_rng.uniform(300, 1000) : m_rng.uniform(500, 1500));
    m_role[i].clear();
}

void ChaosRun::issue(int c)
{
    Client &client = *m_clients[static_cast<std::size_t>(c)];
    client.busy = false;
    if (m_stopping)
        return;
    KvOperation op;
    op.client = c;
    op.key = "k" + std::to_string(m_rng.uniform(1, m_options.keys));
    const double r = m_rng.unit();
    QString method = QStringLiteral("GET");
    QByteArray body;
    if (r < 0.55) {
        op.kind = KvOperation::Kind::Put;
        op.value = "c" + std::to_string(c) + "-" + std::to_string(++client.issued);
        method = QStringLiteral("PUT");
        body = QByteArray::fromStdString(op.value);
    } else if (r < 0.65) {
        op.kind = KvOperation::Kind::Delete;
        method = QStringLiteral("DELETE");
    }
    op.invoke = now();
    op.outcome = KvOperation::Outcome::Unknown;
    const std::size_t index = m_history.size();
    m_history.push_back(op);
    client.busy = true;
    client.servers[static_cast<std::size_t>(client.target - 1)]->request(
        method, QStringLiteral("/kv/") + QString::fromStdString(op.key), body, kRequestTimeoutMs,
        [this, c, index](const live::HttpResult &result) { finished(c, index, result); });
}

void ChaosRun::finished(int c, std::size_t index, const live::HttpResult &result)
{
    Client &client = *m_clients[static_cast<std::size_t>(c)];
    KvOperation &op = m_history[index];
    op.complete = now();
    int delayMs = 0;
    auto retarget = [&] {
        const int next = pickServer(true);
        client.target = next != 0 ? next : 1 + static_cast<int>(m_rng.uniform(0, m_cluster.size() - 1));
    };
    using Outcome = live::HttpResult::Outcome;
    if (result.outcome == Outcome::NotSent) {
        op.outcome = KvOperation::Outcome::Failed; // the server never saw it
        retarget();
        delayMs = 30;
    } else if (result.outcome == Outcome::Unknown) {
        op.outcome = KvOperation::Outcome::Unknown;
        retarget();
        delayMs = 10;
    } else {
        const int status = result.response.status;
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(result.response.body)).object();
        if (status == 200 || (status == 404 && op.kind == KvOperation::Kind::Get)) {
            op.outcome = KvOperation::Outcome::Ok;
            if (op.kind == KvOperation::Kind::Get) {
                op.found = status == 200;
                op.value = json.value(QStringLiteral("value")).toString().toStdString();
            } else {
                const std::string command = op.kind == KvOperation::Kind::Put ? "set " + op.key + " " + op.value
                                                                              : "del " + op.key;
                m_acks.push_back(Ack{index, static_cast<std::uint64_t>(json.value(QStringLiteral("index")).toInteger()),
                                     static_cast<std::uint64_t>(json.value(QStringLiteral("term")).toInteger()),
                                     command});
            }
        } else if (status == 307) {
            // A follower refuses before anything reaches the log (§8): not applied.
            op.outcome = KvOperation::Outcome::Failed;
            const int leader = serverFromName(json.value(QStringLiteral("leader")).toString());
            if (leader != 0)
                client.target = leader;
            else
                retarget();
        } else if (status == 503) {
            // No leader known, or the entry was overwritten before it committed.
            op.outcome = KvOperation::Outcome::Failed;
            retarget();
            delayMs = 30;
        } else if (status == 504) {
            op.outcome = KvOperation::Outcome::Unknown;
            retarget();
        } else {
            op.outcome = KvOperation::Outcome::Unknown;
            m_problems.push_back("unexpected answer " + std::to_string(status) + " to " + raft::describeOperation(op)
                                 + ": " + result.response.body);
        }
    }
    if (delayMs == 0)
        QTimer::singleShot(0, this, [this, c] { issue(c); });
    else
        QTimer::singleShot(delayMs, this, [this, c] { issue(c); });
}

std::string ChaosRun::summary() const
{
    int ok = 0;
    int failed = 0;
    int unknown = 0;
    int reads = 0;
    for (const KvOperation &op : m_history) {
        ok += op.outcome == KvOperation::Outcome::Ok;
        failed += op.outcome == KvOperation::Outcome::Failed;
        unknown += op.outcome == KvOperation::Outcome::Unknown;
        reads += op.outcome == KvOperation::Outcome::Ok && op.kind == KvOperation::Kind::Get;
    }
    return std::to_string(m_history.size()) + " operations (" + std::to_string(ok) + " answered, "
        + std::to_string(failed) + " refused, " + std::to_string(unknown) + " without answer), "
        + std::to_string(m_acks.size()) + " writes acknowledged, " + std::to_string(reads) + " reads; "
        + std::to_string(m_kills) + " kill -9 (" + std::to_string(m_leaderKills) + " of the leader), "
        + std::to_string(m_restarts) + " restarts, " + std::to_string(m_pauses) + " pauses, "
        + std::to_string(m_isolations) + " isolations";
}

} // namespace livetest
