// raftviz_bench: Google Benchmark cases for the raft/ core (issue 2 §4).
#include "bench/corebench.h"

#include "raft/runfile.h"
#include "raft/scenario.h"

#include <benchmark/benchmark.h>

#include <random>
#include <string>

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
        const bool elected = sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromSeconds(10));
        benchmark::DoNotOptimize(elected);
    }
}

/// Copying the whole world, as the app does for its scrubbing checkpoints.
void BM_CopySimulation(benchmark::State &state)
{
    corebench::WorkloadOptions options;
    options.duration = raft::fromSeconds(10);
    raft::Simulation sim(corebench::workloadConfig(options));
    sim.advanceTo(options.duration);
    for (auto _ : state) {
        raft::Simulation copy = sim;
        benchmark::DoNotOptimize(copy);
    }
}

/// junk is 4 MB of what a teacher might open by mistake (issue 9: a junk file froze
/// the window for 22 s): kind 0 random bytes, kind 1 printable lines of ~40
/// characters, kind 2 one printable line without an end.
std::string junk(int kind)
{
    std::mt19937 rng(9);
    std::string text;
    text.reserve(4u << 20);
    while (text.size() < (4u << 20)) {
        char c = kind == 0 ? static_cast<char>(rng() % 256) : static_cast<char>(32 + rng() % 95);
        if (kind == 1 && rng() % 40 == 0)
            c = '\n';
        text.push_back(c);
    }
    return text;
}

void BM_ParseJunkScenario(benchmark::State &state)
{
    const std::string text = junk(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        const raft::Scenario scenario = raft::Scenario::parse(text, "junk.scenario");
        benchmark::DoNotOptimize(scenario.errors().size());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_ParseJunkRunFile(benchmark::State &state)
{
    const std::string text = "raftviz-run 1\n" + junk(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        const raft::RunFileResult run = raft::parseRunFile(text, "junk.raftrun");
        benchmark::DoNotOptimize(run.errors.size());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

} // namespace

BENCHMARK(BM_ParseJunkScenario)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseJunkRunFile)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Workload)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkloadNoTrace)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorkloadNoInvariants)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FirstElection)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CopySimulation)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
