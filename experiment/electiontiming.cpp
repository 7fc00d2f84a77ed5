#include "electiontiming.h"

#include "raft/simulation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <thread>

namespace experiment {

using raft::NodeId;
using raft::Simulation;
using raft::Time;

// --- names and parsing ---------------------------------------------------------

std::string TimeoutRange::label() const
{
    return std::to_string(minMs) + "-" + std::to_string(maxMs);
}

namespace {

/// millis writes microseconds as milliseconds without trailing zeros: 200 -> "0.2".
std::string millis(std::int64_t us)
{
    std::string s = std::to_string(us / 1000);
    std::int64_t frac = us % 1000;
    if (frac == 0)
        return s;
    std::string digits = std::to_string(frac);
    digits.insert(0, 3 - digits.size(), '0');
    while (digits.back() == '0')
        digits.pop_back();
    return s + "." + digits;
}

/// parseMicros reads "0.25" (ms, at most three decimals) as 250 µs.
bool parseMicros(std::string_view text, std::int64_t &us)
{
    const std::size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    std::int64_t ms = 0;
    if (whole.empty()
        || std::from_chars(whole.data(), whole.data() + whole.size(), ms).ptr != whole.data() + whole.size())
        return false;
    std::int64_t frac = 0;
    if (dot != std::string_view::npos) {
        std::string digits(text.substr(dot + 1));
        if (digits.empty() || digits.size() > 3)
            return false;
        digits.append(3 - digits.size(), '0');
        if (std::from_chars(digits.data(), digits.data() + digits.size(), frac).ptr != digits.data() + digits.size())
            return false;
    }
    if (ms < 0 || ms > 60'000)
        return false;
    us = ms * 1000 + frac;
    return true;
}

/// splitList splits "a,b,c" on commas (empty items are kept, to be reported).
std::vector<std::string_view> splitList(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        out.push_back(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos)
            return out;
        start = comma + 1;
    }
}

} // namespace

std::string LatencyRange::label() const
{
    return millis(minUs) + "-" + millis(maxUs);
}

std::vector<TimeoutRange> parseTimeoutRanges(std::string_view text, std::string &error)
{
    std::vector<TimeoutRange> out;
    for (std::string_view item : splitList(text)) {
        const std::size_t dash = item.find('-');
        TimeoutRange r;
        const auto number = [](std::string_view s, int &v) {
            return !s.empty() && std::from_chars(s.data(), s.data() + s.size(), v).ptr == s.data() + s.size();
        };
        if (dash == std::string_view::npos || !number(item.substr(0, dash), r.minMs)
            || !number(item.substr(dash + 1), r.maxMs)) {
            error = "bad timeout range '" + std::string(item) + "': expected MIN-MAX in whole ms, e.g. 150-155";
            return {};
        }
        if (r.minMs < 2 || r.maxMs < r.minMs || r.maxMs > 60'000) {
            error = "bad timeout range '" + std::string(item) + "': need 2 <= MIN <= MAX <= 60000 ms";
            return {};
        }
        out.push_back(r);
    }
    return out;
}

std::vector<LatencyRange> parseLatencyRanges(std::string_view text, std::string &error)
{
    std::vector<LatencyRange> out;
    for (std::string_view item : splitList(text)) {
        const std::size_t dash = item.find('-');
        LatencyRange r;
        if (dash == std::string_view::npos || !parseMicros(item.substr(0, dash), r.minUs)
            || !parseMicros(item.substr(dash + 1), r.maxUs) || r.maxUs < r.minUs) {
            error = "bad latency range '" + std::string(item)
                + "': expected MIN-MAX in ms with MIN <= MAX and at most three decimals, e.g. 0.2-0.6";
            return {};
        }
        out.push_back(r);
    }
    return out;
}

std::vector<TimeoutRange> paperRanges()
{
    return {{150, 150}, {150, 151}, {150, 155}, {150, 175}, {150, 200},
            {150, 300}, {12, 24},   {25, 50},   {50, 100},  {100, 200}};
}

const char *grainName(Grain grain)
{
    return grain == Grain::Microsecond ? "us" : "ms";
}

std::vector<PaperFigure> paperFigures()
{
    return {{{150, 150}, "leaderless", 10'000},
            {{150, 155}, "median", 287},
            {{150, 200}, "worst", 513},
            {{12, 24}, "mean", 35},
            {{12, 24}, "worst", 152}};
}

// --- one trial ------------------------------------------------------------------

namespace {

/// Clock converts the experiment's microseconds and milliseconds into simulation
/// ticks of the chosen grain: the core's own at Microsecond, one tick standing for a
/// millisecond at Millisecond.
struct Clock {
    Time perMs;
    Time ticksFromMs(std::int64_t ms) const { return ms * perMs; }
    /// ticksFromUs rounds to the nearest tick.
    Time ticksFromUs(std::int64_t us) const { return (us * perMs + 500) / 1000; }
    double ms(Time ticks) const { return static_cast<double>(ticks) / static_cast<double>(perMs); }
};

/// newLeaderEstablished tells whether some live server leads a term above `oldTerm`
/// and every other live server has heard its AppendEntries in that term.
bool newLeaderEstablished(const Simulation &sim, raft::Term oldTerm)
{
    const auto leader = sim.leader();
    if (!leader || sim.term(*leader) <= oldTerm)
        return false;
    const raft::Term term = sim.term(*leader);
    for (NodeId id = 1; id <= sim.size(); ++id) {
        const raft::Node *n = sim.node(id);
        if (id == *leader || !n)
            continue;
        if (n->term() != term || n->leaderHint() != *leader)
            return false;
    }
    return true;
}

} // namespace

TrialResult runTrial(const TrialSetup &setup, std::uint64_t seed)
{
    const Clock clock{setup.grain == Grain::Microsecond ? raft::kTicksPerMs : 1};
    static_assert(raft::kTicksPerMs >= 1000, "the microsecond grain needs a tick of at most a microsecond");
    raft::ClusterConfig c;
    c.nodes = setup.servers;
    c.seed = seed;
    c.electionTimeoutMin = clock.ticksFromMs(setup.timeout.minMs);
    c.electionTimeoutMax = clock.ticksFromMs(setup.timeout.maxMs);
    // §9.3: the heartbeat interval was half the minimum election timeout.
    c.heartbeatInterval = std::max<Time>(1, c.electionTimeoutMin / 2);
    c.network.latencyMin = std::max<Time>(1, clock.ticksFromUs(setup.network.minUs));
    c.network.latencyMax = std::max(c.network.latencyMin, clock.ticksFromUs(setup.network.maxUs));
    c.diskLatencyMin = clock.ticksFromUs(setup.disk.minUs);
    c.diskLatencyMax = std::max(c.diskLatencyMin, clock.ticksFromUs(setup.disk.maxUs));
    c.noop = false; // the new leader's first AppendEntries is its heartbeat
    c.checkInvariants = false;
    c.recordTrace = false;
    Simulation sim(c);
    sim.setRecordInputs(false);
    raft::Rng rng(raft::mixSeed(seed, 0x7e57));

    // 1. S1 wins an election while the others keep quiet, then leads for a while.
    const Time quiet = 4 * c.electionTimeoutMax + 1000 * clock.perMs;
    for (NodeId id = 2; id <= c.nodes; ++id)
        (void)sim.setElectionDeadline(id, quiet);
    (void)sim.timeout(1);
    if (!sim.runUntil([&] { return newLeaderEstablished(sim, 0); }, quiet))
        return TrialResult{.downtimeMs = static_cast<double>(setup.capMs), .censored = true, .firstGapMs = -1};
    for (int beat = 0; beat < 3; ++beat)
        sim.advanceTo(sim.node(1)->heartbeatDeadline());
    // 2. The heartbeat at now() was just broadcast, in sync, to every follower. The
    // leader takes a new entry; with unevenLogs it reaches only half the followers
    // (rounded down, so the others form no majority and cannot win).
    (void)sim.request(1, "x");
    if (setup.unevenLogs) {
        std::vector<NodeId> followers;
        for (NodeId id = 2; id <= c.nodes; ++id)
            followers.push_back(id);
        for (std::size_t i = followers.size(); i > 1; --i) // Fisher–Yates, our own mapping
            std::swap(followers[i - 1],
                      followers[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(i) - 1))]);
        const std::size_t missing = followers.size() / 2;
        std::vector<std::uint64_t> drop;
        sim.network().forEach([&](const raft::Envelope &e) {
            if (e.message.from == 1 && !e.message.entries.empty()
                && std::find(followers.begin(), followers.begin() + static_cast<std::ptrdiff_t>(missing), e.message.to)
                    != followers.begin() + static_cast<std::ptrdiff_t>(missing))
                drop.push_back(e.id);
        });
        std::sort(drop.begin(), drop.end());
        for (std::uint64_t id : drop)
            (void)sim.dropMessage(id);
    }
    // 3. The crash: uniformly within the heartbeat interval after that broadcast.
    const Time crashAt = sim.now() + rng.uniform(0, c.heartbeatInterval - 1);
    sim.advanceTo(crashAt);
    const raft::Term oldTerm = sim.term(1);
    const std::uint64_t electionsBefore = sim.stats().elections;
    (void)sim.crash(1);

    TrialResult r;
    std::vector<Time> deadlines;
    for (NodeId id = 2; id <= c.nodes; ++id)
        if (const raft::Node *n = sim.node(id))
            deadlines.push_back(n->electionDeadline());
    std::sort(deadlines.begin(), deadlines.end());
    if (deadlines.size() >= 2)
        r.firstGapMs = clock.ms(deadlines[1] - deadlines[0]);

    // 4. Until the new leader's first heartbeat has reached everyone else.
    const Time cap = crashAt + clock.ticksFromMs(setup.capMs);
    bool done = false;
    while (sim.stepBefore(cap)) {
        if (newLeaderEstablished(sim, oldTerm)) {
            done = true;
            break;
        }
    }
    r.candidacies = static_cast<int>(sim.stats().elections - electionsBefore);
    if (!done) {
        r.censored = true;
        r.downtimeMs = static_cast<double>(setup.capMs);
        raft::Term highest = oldTerm;
        for (NodeId id = 2; id <= c.nodes; ++id)
            highest = std::max(highest, sim.term(id));
        r.terms = static_cast<int>(highest - oldTerm);
        return r;
    }
    r.downtimeMs = clock.ms(sim.now() - crashAt);
    r.terms = static_cast<int>(sim.term(*sim.leader()) - oldTerm);
    return r;
}

// --- statistics -----------------------------------------------------------------

Summary summarize(const std::vector<TrialResult> &trials)
{
    Summary s;
    s.trials = static_cast<int>(trials.size());
    if (trials.empty())
        return s;
    double sum = 0;
    double terms = 0;
    int splits = 0;
    int ties = 0;
    s.sortedMs.reserve(trials.size());
    for (const TrialResult &t : trials) {
        s.sortedMs.push_back(t.downtimeMs);
        sum += t.downtimeMs;
        terms += t.terms;
        s.censored += t.censored ? 1 : 0;
        splits += t.terms > 1 ? 1 : 0;
        ties += t.firstGapMs == 0 ? 1 : 0;
    }
    std::sort(s.sortedMs.begin(), s.sortedMs.end());
    const auto n = static_cast<double>(trials.size());
    // Nearest-rank percentiles: a value some trial really had.
    const auto rank = [&](double p) {
        const auto i = static_cast<std::size_t>(std::ceil(p * n));
        return s.sortedMs[std::clamp<std::size_t>(i, 1, s.sortedMs.size()) - 1];
    };
    s.meanMs = sum / n;
    s.medianMs = rank(0.5);
    s.p90Ms = rank(0.9);
    s.p99Ms = rank(0.99);
    s.worstMs = s.sortedMs.back();
    s.bestMs = s.sortedMs.front();
    s.splitRate = splits / n;
    s.tieRate = ties / n;
    s.meanTerms = terms / n;
    return s;
}

// --- running many ---------------------------------------------------------------

std::uint64_t trialSeed(std::uint64_t seed, const TrialSetup &setup, int trial)
{
    std::uint64_t s = raft::mixSeed(seed, static_cast<std::uint64_t>(setup.servers));
    s = raft::mixSeed(
        s, static_cast<std::uint64_t>(setup.timeout.minMs) << 32 | static_cast<std::uint32_t>(setup.timeout.maxMs));
    s = raft::mixSeed(
        s, static_cast<std::uint64_t>(setup.network.minUs) << 32 | static_cast<std::uint32_t>(setup.network.maxUs));
    return raft::mixSeed(s, static_cast<std::uint64_t>(trial));
}

int threadCount(int threads)
{
    if (threads > 0)
        return threads;
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

std::vector<std::vector<TrialResult>> runParallel(const std::vector<TrialSetup> &setups, int count, std::uint64_t seed,
                                                  int threads, Progress *progress)
{
    std::vector<std::vector<TrialResult>> results(
        setups.size(), std::vector<TrialResult>(static_cast<std::size_t>(std::max(0, count))));
    const std::int64_t total = static_cast<std::int64_t>(setups.size()) * std::max(0, count);
    // Jobs are handed out in small batches from one counter; each result goes to its
    // own slot, so the order in which threads finish does not matter.
    constexpr std::int64_t kBatch = 8;
    std::atomic<std::int64_t> next{0};
    const auto work = [&] {
        while (!(progress && progress->cancel.load(std::memory_order_relaxed))) {
            const std::int64_t first = next.fetch_add(kBatch, std::memory_order_relaxed);
            if (first >= total)
                return;
            const std::int64_t last = std::min(total, first + kBatch);
            for (std::int64_t job = first; job < last; ++job) {
                const auto k = static_cast<std::size_t>(job / count);
                const int i = static_cast<int>(job % count);
                results[k][static_cast<std::size_t>(i)] = runTrial(setups[k], trialSeed(seed, setups[k], i));
            }
            if (progress)
                progress->done.fetch_add(last - first, std::memory_order_relaxed);
        }
    };
    const int n = std::min<std::int64_t>(threadCount(threads), std::max<std::int64_t>(1, total / kBatch));
    std::vector<std::thread> pool;
    for (int t = 1; t < n; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    if (progress && progress->cancel.load())
        return {};
    return results;
}

std::vector<RangeResult> runElectionTiming(const TimingOptions &options, Progress *progress)
{
    std::vector<TrialSetup> setups;
    for (const TimeoutRange &range : options.ranges) {
        TrialSetup s = options.base;
        s.timeout = range;
        setups.push_back(s);
    }
    const auto results = runParallel(setups, options.trials, options.seed, options.threads, progress);
    std::vector<RangeResult> out;
    for (std::size_t k = 0; k < results.size(); ++k)
        out.push_back(RangeResult{options.ranges[k], summarize(results[k])});
    return out;
}

std::vector<SplitVoteResult> runSplitVote(const SplitVoteOptions &options, Progress *progress)
{
    std::vector<TrialSetup> setups;
    for (int size : options.sizes) {
        for (const LatencyRange &latency : options.latencies) {
            TrialSetup s = options.base;
            s.servers = size;
            s.network = latency;
            s.timeout = options.timeout;
            s.unevenLogs = false;
            setups.push_back(s);
        }
    }
    const auto results = runParallel(setups, options.trials, options.seed, options.threads, progress);
    std::vector<SplitVoteResult> out;
    for (std::size_t k = 0; k < results.size(); ++k)
        out.push_back(SplitVoteResult{setups[k].servers, setups[k].network, summarize(results[k])});
    return out;
}

} // namespace experiment
