#pragma once

#include "raft/types.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// experiment holds the measurements raftviz makes on the core: many independent,
/// deterministic simulations run on every core. Qt-free, so the window, the command
/// line and the tests share it. Each trial is a raft::Simulation seeded from
/// (seed, setting, trial): the results never depend on the number of threads.
namespace experiment {

/// TimeoutRange is an election timeout range in whole milliseconds, e.g. 150–155.
struct TimeoutRange {
    int minMs = 150;
    int maxMs = 300;
    /// label is "150-155".
    std::string label() const;
    bool operator==(const TimeoutRange &) const = default;
};

/// LatencyRange is a range of delays in microseconds (a one-way network flight or one
/// disk write); sub-millisecond values need the microsecond grain.
struct LatencyRange {
    std::int64_t minUs = 0;
    std::int64_t maxUs = 0;
    /// label is "0.2-0.6" (milliseconds).
    std::string label() const;
    bool operator==(const LatencyRange &) const = default;
};

/// parseTimeoutRanges reads "150-155,150-200" (whole ms); on error, error says why.
std::vector<TimeoutRange> parseTimeoutRanges(std::string_view text, std::string &error);
/// parseLatencyRanges reads "0.2-0.6,5-10" (ms, at most three decimals).
std::vector<LatencyRange> parseLatencyRanges(std::string_view text, std::string &error);

/// paperRanges are the ranges of Figure 16 (§9.3): 150–150 … 150–300 and 12–24 …
/// 100–200 (150–300 is in both graphs; listed once).
std::vector<TimeoutRange> paperRanges();

/// Grain is the tick of the simulated clock. Microsecond is the core's own clock
/// (raft::kTicksPerMs ticks to a millisecond), so that a 5 ms timeout range has 5001
/// possible values, not 6. Millisecond lets a tick stand for a whole millisecond (the
/// experiment scales its settings down), to show what a coarse clock does to ties.
enum class Grain : std::uint8_t { Microsecond, Millisecond };
const char *grainName(Grain grain);

/// TrialSetup is one setting of the world a trial runs in (§9.3's method).
struct TrialSetup {
    int servers = 5;
    TimeoutRange timeout;
    /// network: one-way message delay; disk: one write to stable storage (a server
    /// answers only once its write is done). Together they give the broadcast time.
    LatencyRange network{200, 600};
    LatencyRange disk{14'000, 15'000};
    /// unevenLogs: the crashing leader's newest entry reaches only some followers,
    /// so the others cannot win (the paper's worst case). Off: all logs equal.
    bool unevenLogs = true;
    Grain grain = Grain::Microsecond;
    /// capMs: a trial still leaderless after this long is stopped and counted as
    /// censored (no randomization, 150–150, can split for ever).
    std::int64_t capMs = 10'000;
};

/// TrialResult is one crash and its recovery.
struct TrialResult {
    /// downtimeMs: from the crash until the new leader's first AppendEntries has
    /// reached every other live server (capMs if censored).
    double downtimeMs = 0;
    bool censored = false;
    /// terms: how many terms the recovery used (1: the first election won).
    int terms = 0;
    /// candidacies: election timeouts that fired during the recovery.
    int candidacies = 0;
    /// firstGapMs: how far apart the first two survivors' election timers were set to
    /// fire at the crash (0: a tie on the clock; -1: S1 never led, nothing crashed).
    double firstGapMs = 0;
    bool operator==(const TrialResult &) const = default;
};

/// runTrial runs one trial: S1 wins an election, leads a few heartbeats, broadcasts a
/// synchronized heartbeat and a new entry (which only some followers get when
/// unevenLogs), then crashes at a uniformly random point within its heartbeat
/// interval (half the minimum election timeout, as in the paper). Deterministic in
/// (setup, seed).
TrialResult runTrial(const TrialSetup &setup, std::uint64_t seed);

/// Summary is the distribution of one setting's trials.
struct Summary {
    int trials = 0;
    int censored = 0;
    double meanMs = 0;
    double medianMs = 0;
    double p90Ms = 0;
    double p99Ms = 0;
    double worstMs = 0;
    double bestMs = 0;
    /// splitRate: share of trials that needed more than one term.
    double splitRate = 0;
    /// tieRate: share of trials whose first two timers fired at the same tick.
    double tieRate = 0;
    double meanTerms = 0;
    /// sortedMs: every downtime, ascending (the cumulative distribution).
    std::vector<double> sortedMs;
};
Summary summarize(const std::vector<TrialResult> &trials);

/// Progress lets another thread watch and stop a run: done counts finished trials;
/// setting cancel makes the workers stop early (the result is then incomplete).
struct Progress {
    std::atomic<std::int64_t> done{0};
    std::atomic<bool> cancel{false};
};

/// runParallel runs trials 0..count-1 of each setup on `threads` threads (0: every
/// core), trial i of setup k seeded with trialSeed(seed, setups[k], i). Returns
/// results[k][i]; identical for every thread count. Empty if cancelled.
std::vector<std::vector<TrialResult>> runParallel(const std::vector<TrialSetup> &setups, int count, std::uint64_t seed,
                                                  int threads, Progress *progress = nullptr);

/// trialSeed derives a trial's seed from the run's seed, its setting and its number,
/// so a setting's results do not depend on which other settings run beside it.
std::uint64_t trialSeed(std::uint64_t seed, const TrialSetup &setup, int trial);

/// threadCount is what runParallel uses for `threads` (0: the machine's cores).
int threadCount(int threads);

// --- the two experiments -------------------------------------------------------

/// PaperFigure is a number §9.3 reports for one range, to print beside ours.
struct PaperFigure {
    TimeoutRange range;
    /// statistic: "median", "worst", "mean" or "leaderless" (over valueMs).
    std::string_view statistic;
    double valueMs = 0;
};
/// paperFigures: 150–155 median 287 ms; 150–200 worst 513 ms (1000 trials); 12–24
/// mean 35 ms and worst 152 ms; 150–150 leaderless for over 10 s.
std::vector<PaperFigure> paperFigures();

/// TimingOptions: Figure 16 — downtime after a leader crash versus timeout range.
struct TimingOptions {
    std::vector<TimeoutRange> ranges = paperRanges();
    int trials = 1000;
    std::uint64_t seed = 1;
    int threads = 0;
    TrialSetup base; ///< servers, network, disk, grain, cap (its timeout is replaced)
};

/// RangeResult is one range's trials and their summary.
struct RangeResult {
    TimeoutRange range;
    Summary summary;
};
/// runElectionTiming runs the experiment; empty if cancelled.
std::vector<RangeResult> runElectionTiming(const TimingOptions &options, Progress *progress = nullptr);

/// SplitVoteOptions: split votes and time to a new leader versus cluster size and
/// network latency, every log equal (only genuine split votes cost a term).
struct SplitVoteOptions {
    std::vector<int> sizes{3, 5, 7, 9};
    std::vector<LatencyRange> latencies{{200, 600}, {5'000, 10'000}, {10'000, 20'000}, {25'000, 50'000}};
    TimeoutRange timeout{150, 300};
    int trials = 1000;
    std::uint64_t seed = 1;
    int threads = 0;
    TrialSetup base;
};
/// SplitVoteResult is one (size, latency) cell.
struct SplitVoteResult {
    int servers = 0;
    LatencyRange latency;
    Summary summary;
};
std::vector<SplitVoteResult> runSplitVote(const SplitVoteOptions &options, Progress *progress = nullptr);

} // namespace experiment
