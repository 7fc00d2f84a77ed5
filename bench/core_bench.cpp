// raftviz_bench: Google Benchmark cases for the raft/ core (issue 2 §4).
#include "bench/corebench.h"

#include <benchmark/benchmark.h>

namespace {

/// The workload: 5 nodes, 60 virtual seconds, a request every 100 ms.
void workload(benchmark::State &state, bool invariants, bool trace)
{
    std::uint64_t seed = 1;
    std::uint64_t delivered = 0;
    std::uint64_t events = 0;
    for (auto _ : state) {
        corebench::WorkloadOptions options;
        options.seed = seed++;
        options.checkInvariants = invariants;
        options.recordTrace = trace;
        const corebench::WorkloadResult result = corebench::runWorkload(options);
        delivered += result.stats.messagesDelivered;
        events += result.stats.events;
        if (result.violations != 0)
            state.SkipWithError("invariant violated");
    }
    state.counters["delivered/s"] = benchmark::Counter(static_cast<double>(delivered), benchmark::Counter::kIsRate);
    state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["sim_s/s"] = benchmark::Counter(60.0 * static_cast<double>(state.iterations()),
                                                   benchmark::Counter::kIsRate);
}

void BM_Workload(benchmark::State &state)
{
    workload(state, true, true);
}
void BM_WorkloadNoTrace(benchmark::State &state)
{
    workload(state, true, false);
}
void BM_WorkloadNoInvariants(benchmark::State &state)
{
    workload(state, false, false);
}

/// One election from a cold start: until the first leader is known.
void BM_FirstElection(benchmark::State &state)
{
    std::uint64_t seed = 1;
    for (auto _ : state) {
        corebench::WorkloadOptions options;
        options.seed = seed++;
        raft::Simulation sim(corebench::workloadConfig(options));
        const bool elected = sim.runUntil([&] { return sim.leader().has_value(); }, 10'000);
        benchmark::DoNotOptimize(elected);
    }
}

/// Copying the whole world, as the app does for its scrubbing checkpoints.
void BM_CopySimulation(benchmark::State &state)
{
    corebench::WorkloadOptions options;
    options.duration = 10'000;
    raft::Simulation sim(corebench::workloadConfig(options));
    sim.advanceTo(options.duration);
    for (auto _ : state) {
        raft::Simulation copy = sim;
        benchmark::DoNotOptimize(copy);
    }
}

} // namespace

BENCHMARK(BM_Workload)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkloadNoTrace)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkloadNoInvariants)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FirstElection)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CopySimulation)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
