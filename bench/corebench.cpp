#include "corebench.h"

#include "raft/json.h"
#include "replicationbench.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <ostream>

namespace corebench {

raft::ClusterConfig workloadConfig(const WorkloadOptions &options)
{
    raft::ClusterConfig config;
    config.nodes = 5;
    config.seed = options.seed;
    config.electionTimeoutMin = 100;
    config.electionTimeoutMax = 200;
    config.heartbeatInterval = 50;
    config.network.latencyMin = 10;
    config.network.latencyMax = 15;
    config.checkInvariants = options.checkInvariants;
    config.recordTrace = options.recordTrace;
    config.preVote = options.preVote;
    config.checkQuorum = options.checkQuorum;
    config.snapshotEvery = options.snapshotEvery;
    return config;
}

WorkloadResult runWorkload(const WorkloadOptions &options)
{
    raft::Simulation sim(workloadConfig(options));
    WorkloadResult result;
    std::uint64_t n = 0;
    std::string command;
    for (raft::Time t = options.requestEvery; t <= options.duration; t += options.requestEvery) {
        sim.advanceTo(t);
        // (The membership work adds here: one membership change per virtual minute.)
        if (const std::optional<raft::NodeId> leader = sim.leader()) {
            command = "set k" + std::to_string(n % 16) + " " + std::to_string(n);
            ++n;
            if (sim.request(*leader, command).proposal.accepted)
                ++result.requestsAccepted;
        }
    }
    sim.advanceTo(options.duration);
    result.stats = sim.stats();
    result.simulated = sim.now();
    result.violations = sim.violations().size();
    for (raft::NodeId id = 1; id <= sim.size(); ++id)
        result.committed = std::max(result.committed, sim.commitIndex(id));
    return result;
}

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

} // namespace

int benchMain(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    WorkloadOptions options;
    double minSeconds = 2.0;
    bool replication = true;
    std::size_t i = 0;
    while (i < args.size() && args[i] != "--bench")
        ++i;
    for (++i; i < args.size(); ++i) {
        const std::string &arg = args[i];
        char *end = nullptr;
        if (arg == "--min-seconds" && i + 1 < args.size()) {
            minSeconds = std::strtod(args[++i].c_str(), &end);
            if (*end != '\0' || minSeconds < 0) {
                err << "raftviz --bench: bad --min-seconds '" << args[i] << "'\n";
                return 2;
            }
        } else if (arg == "--seed" && i + 1 < args.size()) {
            options.seed = std::strtoull(args[++i].c_str(), &end, 10);
            if (*end != '\0') {
                err << "raftviz --bench: bad --seed '" << args[i] << "'\n";
                return 2;
            }
        } else if (arg == "--no-trace") {
            options.recordTrace = false;
        } else if (arg == "--no-invariants") {
            options.checkInvariants = false;
        } else if (arg == "--no-replication") {
            replication = false;
        } else if (arg == "--prevote") {
            options.preVote = true;
        } else if (arg == "--checkquorum") {
            options.checkQuorum = true;
        } else {
            err << "raftviz --bench: unknown option '" << arg << "'\n"
                << "usage: raftviz --bench [--min-seconds S] [--seed N] [--no-trace] [--no-invariants] "
                   "[--no-replication] [--prevote] [--checkquorum]\n";
            return 2;
        }
    }

    using Clock = std::chrono::steady_clock;
    // The second workload: the same cluster and requests with snapshot-every 100
    // (§7), timed the same way, a third of the time of the first.
    const auto timeSnapshots = [&](double seconds) {
        WorkloadOptions second = options;
        second.snapshotEvery = kSnapshotWorkloadEvery;
        std::vector<double> rates;
        std::uint64_t taken = 0, installed = 0;
        std::size_t broken = 0;
        const Clock::time_point begin = Clock::now();
        while (std::chrono::duration<double>(Clock::now() - begin).count() < seconds || rates.size() < 3) {
            const Clock::time_point runStart = Clock::now();
            const WorkloadResult result = runWorkload(second);
            const double wall = std::chrono::duration<double>(Clock::now() - runStart).count();
            rates.push_back(static_cast<double>(result.stats.messagesDelivered) / wall);
            taken += result.stats.snapshotsTaken;
            installed += result.stats.snapshotsInstalled;
            broken += result.violations;
            ++second.seed;
        }
        raft::JsonWriter w;
        w.beginObject();
        w.key("snapshot_every").value(static_cast<unsigned long long>(kSnapshotWorkloadEvery));
        w.key("runs").value(rates.size());
        w.key("messages_delivered_per_wall_second").value(median(rates));
        w.key("snapshots_taken_per_run").value(taken / rates.size());
        w.key("snapshots_installed_per_run").value(installed / rates.size());
        w.key("violations").value(broken);
        w.endObject();
        return std::make_pair(w.str(), broken);
    };
    std::vector<double> simRates;
    std::vector<double> deliveryRates;
    std::vector<double> eventRates;
    // CPU time too: on a shared machine the wall-clock rates drop with the load,
    // the CPU-time rates much less.
    std::vector<double> cpuDeliveryRates;
    std::vector<std::uint64_t> seeds;
    std::uint64_t delivered = 0;
    std::uint64_t events = 0;
    std::size_t violations = 0;
    const Clock::time_point start = Clock::now();
    double elapsed = 0;
    // At least three runs, so the median means something.
    while (elapsed < minSeconds || seeds.size() < 3) {
        const Clock::time_point runStart = Clock::now();
        const std::clock_t cpuStart = std::clock();
        const WorkloadResult result = runWorkload(options);
        const double wall = std::chrono::duration<double>(Clock::now() - runStart).count();
        const double cpu = std::max(1e-9, static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        cpuDeliveryRates.push_back(static_cast<double>(result.stats.messagesDelivered) / cpu);
        seeds.push_back(options.seed++);
        simRates.push_back(static_cast<double>(result.simulated) / 1000.0 / wall);
        deliveryRates.push_back(static_cast<double>(result.stats.messagesDelivered) / wall);
        eventRates.push_back(static_cast<double>(result.stats.events) / wall);
        delivered += result.stats.messagesDelivered;
        events += result.stats.events;
        violations += result.violations;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }

    raft::JsonWriter json;
    json.beginObject();
    json.key("benchmark").value("core");
    json.key("nodes").value(5);
    json.key("sim_seconds_per_run").value(static_cast<double>(options.duration) / 1000.0);
    json.key("invariants").value(options.checkInvariants);
    json.key("trace").value(options.recordTrace);
    json.key("prevote").value(options.preVote);
    json.key("checkquorum").value(options.checkQuorum);
    json.key("runs").value(seeds.size());
    // Seeds are consecutive: the first and the last say which ran.
    json.key("seeds").beginObject().key("first").value(seeds.front()).key("last").value(seeds.back()).endObject();
    json.key("wall_seconds").value(elapsed);
    json.key("sim_seconds_per_wall_second").value(median(simRates));
    json.key("messages_delivered_per_wall_second").value(median(deliveryRates));
    json.key("events_per_wall_second").value(median(eventRates));
    json.key("messages_delivered_per_cpu_second").value(median(cpuDeliveryRates));
    json.key("messages_delivered_per_run").value(delivered / seeds.size());
    json.key("events_per_run").value(events / seeds.size());
    json.key("violations").value(violations);
    const auto [snapshotJson, snapshotViolations] = timeSnapshots(minSeconds / 3);
    violations += snapshotViolations;
    json.key("snapshots").raw(snapshotJson);
    if (replication) {
        // Replication economy (flow control): entry copies against the minimum,
        // catch-up time, and the wall time of growing bursts.
        json.key("replication");
        writeReplicationBench(json);
    }
    json.endObject();
    out << json.str() << '\n';
    return violations == 0 ? 0 : 1;
}

} // namespace corebench
