#include "historybench.h"

#include "raft/history.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>
#include <string>

#include <sys/resource.h>

namespace historybench {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

raft::ClusterConfig config()
{
    raft::ClusterConfig c;
    c.seed = 2026;
    return c;
}

/// peakRssMb is the process's largest resident set so far (Linux reports it in KiB).
double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

std::string command(std::int64_t n)
{
    return "set k" + std::to_string(n % 100) + " v" + std::to_string(n);
}

} // namespace

int historyBenchMain(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    long minutes = 60;
    long seeks = 200;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == "--minutes" && hasValue) {
            minutes = std::stol(args[++i]);
        } else if (args[i] == "--seeks" && hasValue) {
            seeks = std::stol(args[++i]);
        } else {
            err << "raftviz --bench-history: unknown option '" << args[i] << "' (use --minutes M, --seeks N)\n";
            return 2;
        }
    }
    if (minutes < 1 || seeks < 1) {
        err << "raftviz --bench-history: --minutes and --seeks must be at least 1\n";
        return 2;
    }
    const raft::Time end = raft::fromSeconds(minutes * 60);
    const raft::Time every = raft::fromMs(100); // 10 client requests per second

    // Without history: the plain simulation.
    auto start = Clock::now();
    {
        raft::Simulation sim(config());
        for (raft::Time t = every; t <= end; t += every) {
            sim.advanceTo(t);
            if (auto leader = sim.leader())
                (void)sim.request(*leader, command(t / every)); // to the leader: the request goes out
        }
    }
    const double plain = secondsSince(start);

    // With history: the same run, recorded.
    start = Clock::now();
    raft::History history(config());
    for (raft::Time t = every; t <= end; t += every) {
        history.advanceTo(t);
        if (auto leader = history.simulation().leader())
            (void)history.act(raft::act::Request{*leader, command(t / every)});
    }
    const double record = secondsSince(start);

    // Random seeks anywhere in the hour, from wherever the last one left off.
    raft::Rng rng(7);
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(seeks));
    for (long i = 0; i < seeks; ++i) {
        const raft::Time target = rng.uniform(0, history.frontierTime());
        const auto seekStart = Clock::now();
        history.seekToTime(target);
        times.push_back(secondsSince(seekStart) * 1000.0);
    }
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2];
    const double worst = times.back();
    // The trace is kept with or without history (the plain run keeps one too), so
    // history_mb is what the history adds: checkpoints and the script of inputs.
    const double traceMb = static_cast<double>(history.trace().memoryBytes()) / (1024.0 * 1024.0);
    const double historyMb = static_cast<double>(history.memoryBytes() - history.trace().memoryBytes())
        / (1024.0 * 1024.0);

    char line[640];
    std::snprintf(line, sizeof line,
                  "{\"minutes\":%ld,\"record_s\":%.3f,\"plain_s\":%.3f,\"record_over_plain\":%.2f,"
                  "\"history_mb\":%.1f,\"trace_mb\":%.1f,\"peak_rss_mb\":%.1f,\"checkpoints\":%zu,\"steps\":%llu,"
                  "\"seeks\":%ld,\"seek_ms_median\":%.2f,\"seek_ms_max\":%.2f}",
                  minutes, record, plain, plain > 0 ? record / plain : 0.0, historyMb, traceMb, peakRssMb(),
                  history.checkpointCount(), static_cast<unsigned long long>(history.frontierStep()), seeks, median,
                  worst);
    out << line << '\n';
    return 0;
}

} // namespace historybench
