#include "livebench.h"

#include "httpclient.h"
#include "livecluster.h"
#include "liveprobe.h"

#include "raft/json.h"

#include <QElapsedTimer>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>

namespace live {

namespace {

struct BenchOptions {
    int seconds = 5;
    int clients = 8;
    int servers = 3;
};

struct BenchResult {
    bool ok = false;
    std::string error;
    std::uint64_t writes = 0;
    std::uint64_t failures = 0;
    double seconds = 0;
    std::vector<double> latencies;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::lround(p * static_cast<double>(values.size() - 1)));
    return values[std::min(rank, values.size() - 1)];
}

BenchResult runOnce(const BenchOptions &options, bool fsync)
{
    BenchResult result;
    LiveCluster cluster;
    LaunchOptions launch;
    launch.servers = options.servers;
    launch.fsync = fsync;
    // A loaded machine delays heartbeats; wider timeouts keep one leader for the run.
    launch.electionTimeoutMin = 300;
    launch.electionTimeoutMax = 600;
    launch.heartbeatMs = 75;
    QString error;
    if (!cluster.launch(launch, &error)) {
        result.error = error.toStdString();
        return result;
    }
    const int leader = findLeader(cluster, 20000);
    if (leader == 0) {
        result.error = "no leader within 20 s";
        return result;
    }
    const LiveServer &target = cluster.server(leader);
    std::vector<std::unique_ptr<HttpClient>> clients;
    int active = options.clients;
    QElapsedTimer clock;
    clock.start();
    const qint64 end = static_cast<qint64>(options.seconds) * 1000;
    std::vector<std::uint64_t> sequence(static_cast<std::size_t>(options.clients), 0);
    std::function<void(int)> next = [&](int c) {
        if (clock.elapsed() >= end) {
            --active;
            return;
        }
        const std::uint64_t n = ++sequence[static_cast<std::size_t>(c)];
        const QString key = QStringLiteral("/kv/bench-%1-%2").arg(c).arg(n);
        clients[static_cast<std::size_t>(c)]->request(
            QStringLiteral("PUT"), key, QByteArray::number(n), 5000, [&, c](const HttpResult &r) {
                if (r.outcome == HttpResult::Outcome::Answered && r.response.status == 200) {
                    ++result.writes;
                    result.latencies.push_back(r.elapsedMs);
                } else {
                    ++result.failures;
                }
                next(c);
            });
    };
    for (int c = 0; c < options.clients; ++c) {
        clients.push_back(std::make_unique<HttpClient>(target.host, target.httpPort));
        next(c);
    }
    waitUntil([&] { return active == 0; }, static_cast<int>(end) + 15000);
    result.seconds = static_cast<double>(clock.elapsed()) / 1000.0;
    result.ok = cluster.unexpectedExits().isEmpty() && active == 0;
    if (!cluster.unexpectedExits().isEmpty())
        result.error = cluster.unexpectedExits().join(QLatin1Char('\n')).toStdString();
    return result;
}

void writeResult(raft::JsonWriter &json, const BenchResult &r)
{
    json.beginObject();
    json.key("writes").value(r.writes).key("failures").value(r.failures);
    json.key("writes_per_second").value(r.seconds > 0 ? static_cast<double>(r.writes) / r.seconds : 0.0);
    json.key("p50_ms").value(percentile(r.latencies, 0.50));
    json.key("p99_ms").value(percentile(r.latencies, 0.99));
    json.endObject();
}

bool parseInt(const std::string &text, int lo, int hi, int &out)
{
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size() && out >= lo && out <= hi;
}

} // namespace

int runBenchLive(const std::vector<std::string> &args)
{
    BenchOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == "--seconds" && hasValue && parseInt(args[i + 1], 1, 3600, options.seconds)) {
            ++i;
        } else if (args[i] == "--clients" && hasValue && parseInt(args[i + 1], 1, 256, options.clients)) {
            ++i;
        } else if (args[i] == "--servers" && hasValue && parseInt(args[i + 1], 1, 9, options.servers)) {
            ++i;
        } else {
            std::fprintf(stderr,
                         "raftviz: --bench-live: unexpected \"%s\"\n"
                         "usage: raftviz --bench-live [--seconds N] [--clients N] [--servers N]\n",
                         args[i].c_str());
            return 2;
        }
    }
    const BenchResult synced = runOnce(options, true);
    const BenchResult unsynced = runOnce(options, false);
    raft::JsonWriter json;
    json.beginObject();
    json.key("benchmark").value("live");
    json.key("servers").value(options.servers).key("clients").value(options.clients);
    json.key("seconds_per_run").value(options.seconds);
    json.key("fsync");
    writeResult(json, synced);
    json.key("no_fsync");
    writeResult(json, unsynced);
    json.endObject();
    std::printf("%s\n", json.str().c_str());
    for (const BenchResult *r : {&synced, &unsynced})
        if (!r->ok)
            std::fprintf(stderr, "raftviz: --bench-live: %s\n", r->error.c_str());
    return synced.ok && unsynced.ok ? 0 : 1;
}

} // namespace live
