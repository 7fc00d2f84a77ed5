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
    config.electionTimeoutMin = raft::fromMs(100);
    config.electionTimeoutMax = raft::fromMs(200);
    config.heartbeatInterval = raft::fromMs(50);
    config.network.latencyMin = raft::fromMs(10);
    config.network.latencyMax = raft::fromMs(15);
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
        const std::optional<raft::NodeId> leader = sim.leader();
        if (leader && options.membershipEvery > 0
            && (t + options.membershipEvery / 2) % options.membershipEvery < options.requestEvery) {
            // One change (§6): remove the highest-numbered follower, or add back one
            // that is out.
            const raft::Configuration &c = sim.node(*leader)->configuration();
            raft::NodeId out = raft::kNoNode, follower = raft::kNoNode;
            for (raft::NodeId id = 1; id <= sim.size(); ++id) {
                if (!c.isVoter(id) && out == raft::kNoNode)
                    out = id;
                if (c.isVoter(id) && id != *leader)
                    follower = id;
            }
            const raft::ActionResult changed = out != raft::kNoNode ? sim.addServer(out) : sim.removeServer(follower);
            result.membershipChanges += changed.isDone() ? 1 : 0;
        }
        if (leader) {
            command = "set k" + std::to_string(n % 16) + " " + std::to_string(n);
            ++n;
            if (sim.request(*leader, command).proposal.accepted)
                ++result.requestsAccepted;
            if (options.readEvery > 0 && t % options.readEvery < options.requestEvery)
                (void)sim.read(*leader, "k" + std::to_string(n % 16));
        }
    }
    sim.advanceTo(options.duration);
    result.stats = sim.stats();
    result.simulated = sim.now();
    result.violations = sim.violations().size();
    for (raft::NodeId id = 1; id <= sim.size(); ++id)
        result.committed = std::max(result.committed, sim.commitIndex(id));
    for (const raft::ReadRecord &read : sim.reads())
        result.readsAnswered += read.answeredAt ? 1 : 0;
    return result;
}

namespace {

/// Measurement is the medians of repeated runs of one workload.
struct Measurement {
    std::vector<std::uint64_t> seeds;
    double elapsed = 0;
    double simRate = 0;
    double deliveryRate = 0;
    double eventRate = 0;
    double cpuDeliveryRate = 0;
    std::uint64_t delivered = 0;
    std::uint64_t events = 0;
    std::uint64_t readsAnswered = 0;
    std::uint64_t snapshotsTaken = 0;
    std::uint64_t snapshotsInstalled = 0;
    std::uint64_t membershipChanges = 0;
    std::size_t violations = 0;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

Measurement measure(WorkloadOptions options, double minSeconds)
{
    using Clock = std::chrono::steady_clock;
    std::vector<double> simRates;
    std::vector<double> deliveryRates;
    std::vector<double> eventRates;
    // CPU time too: on a shared machine the wall-clock rates drop with the load,
    // the CPU-time rates much less.
    std::vector<double> cpuDeliveryRates;
    Measurement m;
    const Clock::time_point start = Clock::now();
    // At least three runs, so the median means something.
    while (m.elapsed < minSeconds || m.seeds.size() < 3) {
        const Clock::time_point runStart = Clock::now();
        const std::clock_t cpuStart = std::clock();
        const WorkloadResult result = runWorkload(options);
        const double wall = std::chrono::duration<double>(Clock::now() - runStart).count();
        const double cpu = std::max(1e-9, static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        cpuDeliveryRates.push_back(static_cast<double>(result.stats.messagesDelivered) / cpu);
        m.seeds.push_back(options.seed++);
        simRates.push_back(static_cast<double>(result.simulated) / static_cast<double>(raft::fromSeconds(1)) / wall);
        deliveryRates.push_back(static_cast<double>(result.stats.messagesDelivered) / wall);
        eventRates.push_back(static_cast<double>(result.stats.events) / wall);
        m.delivered += result.stats.messagesDelivered;
        m.events += result.stats.events;
        m.readsAnswered += result.readsAnswered;
        m.snapshotsTaken += result.stats.snapshotsTaken;
        m.snapshotsInstalled += result.stats.snapshotsInstalled;
        m.membershipChanges += result.membershipChanges;
        m.violations += result.violations;
        m.elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    m.simRate = median(simRates);
    m.deliveryRate = median(deliveryRates);
    m.eventRate = median(eventRates);
    m.cpuDeliveryRate = median(cpuDeliveryRates);
    return m;
}

} // namespace

int benchMain(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    WorkloadOptions options;
    double minSeconds = 2.0;
    bool replication = true;
    bool optionsRun = true;
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
        } else if (arg == "--reads") {
            options.readEvery = raft::fromMs(100);
        } else if (arg == "--no-options-run") {
            optionsRun = false;
        } else {
            err << "raftviz --bench: unknown option '" << arg << "'\n"
                << "usage: raftviz --bench [--min-seconds S] [--seed N] [--no-trace] [--no-invariants] "
                   "[--no-replication] [--prevote] [--checkquorum] [--reads] [--no-options-run]\n";
            return 2;
        }
    }

    const Measurement main = measure(options, minSeconds);
    raft::JsonWriter json;
    json.beginObject();
    json.key("benchmark").value("core");
    json.key("nodes").value(5);
    json.key("sim_seconds_per_run").value(static_cast<double>(options.duration) / static_cast<double>(raft::fromSeconds(1)));
    json.key("invariants").value(options.checkInvariants);
    json.key("trace").value(options.recordTrace);
    json.key("prevote").value(options.preVote);
    json.key("checkquorum").value(options.checkQuorum);
    json.key("reads_per_second").value(options.readEvery > 0 ? raft::fromSeconds(1) / options.readEvery : 0);
    json.key("runs").value(main.seeds.size());
    // Seeds are consecutive: the first and the last say which ran.
    json.key("seeds")
        .beginObject()
        .key("first")
        .value(main.seeds.front())
        .key("last")
        .value(main.seeds.back())
        .endObject();
    json.key("wall_seconds").value(main.elapsed);
    json.key("sim_seconds_per_wall_second").value(main.simRate);
    json.key("messages_delivered_per_wall_second").value(main.deliveryRate);
    json.key("events_per_wall_second").value(main.eventRate);
    json.key("messages_delivered_per_cpu_second").value(main.cpuDeliveryRate);
    json.key("messages_delivered_per_run").value(main.delivered / main.seeds.size());
    json.key("events_per_run").value(main.events / main.seeds.size());
    json.key("reads_answered_per_run").value(main.readsAnswered / main.seeds.size());
    json.key("violations").value(main.violations);
    std::size_t violations = main.violations;
    if (optionsRun) {
        // The same workload with the dissertation's options on and one read of a key
        // at the leader per 100 ms (ReadIndex, §6.4), beside the default.
        WorkloadOptions withOptions = options;
        withOptions.preVote = true;
        withOptions.checkQuorum = true;
        withOptions.readEvery = raft::fromMs(100);
        const Measurement m = measure(withOptions, minSeconds / 2);
        violations += m.violations;
        json.key("with_prevote_checkquorum_reads").beginObject();
        json.key("runs").value(m.seeds.size());
        json.key("messages_delivered_per_wall_second").value(m.deliveryRate);
        json.key("messages_delivered_per_cpu_second").value(m.cpuDeliveryRate);
        json.key("events_per_wall_second").value(m.eventRate);
        json.key("messages_delivered_per_run").value(m.delivered / m.seeds.size());
        json.key("reads_answered_per_run").value(m.readsAnswered / m.seeds.size());
        json.key("violations").value(m.violations);
        json.endObject();
    }
    {
        // The second workload: the same cluster and requests with snapshot-every 100
        // (§7) and one membership change per virtual minute (§6), timed the same way,
        // a third of the time of the first.
        WorkloadOptions second = options;
        second.snapshotEvery = kSnapshotWorkloadEvery;
        second.membershipEvery = kMembershipWorkloadEvery;
        const Measurement m = measure(second, minSeconds / 3);
        violations += m.violations;
        json.key("snapshots").beginObject();
        json.key("snapshot_every").value(static_cast<unsigned long long>(kSnapshotWorkloadEvery));
        json.key("runs").value(m.seeds.size());
        json.key("messages_delivered_per_wall_second").value(m.deliveryRate);
        json.key("snapshots_taken_per_run").value(m.snapshotsTaken / m.seeds.size());
        json.key("snapshots_installed_per_run").value(m.snapshotsInstalled / m.seeds.size());
        json.key("membership_change_every_ms").value(static_cast<long long>(kMembershipWorkloadEvery));
        json.key("membership_changes_per_run").value(m.membershipChanges / m.seeds.size());
        json.key("violations").value(m.violations);
        json.endObject();
    }
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
