// The election-timing experiment (§9.3, Figure 16) on fixed seeds: deterministic, the
// same with one thread or two, and with the paper's shape. Small trial counts, so the
// whole file runs in seconds.
#include "experiment/electiontiming.h"

#include <gtest/gtest.h>

using namespace experiment;

namespace {

TrialSetup setupFor(TimeoutRange range)
{
    TrialSetup s;
    s.timeout = range;
    s.capMs = 2'000;
    return s;
}

/// summaries runs `trials` trials of each range (seed 11, two threads).
std::vector<Summary> summaries(const std::vector<TimeoutRange> &ranges, int trials, TrialSetup base = TrialSetup{})
{
    std::vector<TrialSetup> setups;
    for (const TimeoutRange &r : ranges) {
        TrialSetup s = base;
        s.timeout = r;
        s.capMs = 2'000;
        setups.push_back(s);
    }
    std::vector<Summary> out;
    for (const auto &results : runParallel(setups, trials, 11, 2))
        out.push_back(summarize(results));
    return out;
}

} // namespace

TEST(ElectionTiming, SameSeedSameTrial)
{
    const TrialSetup s = setupFor({150, 155});
    EXPECT_EQ(runTrial(s, 42), runTrial(s, 42));
    // Different trials differ (the crash moment alone is drawn from 75,000 µs).
    EXPECT_NE(runTrial(s, 42).downtimeMs, runTrial(s, 43).downtimeMs);
}

TEST(ElectionTiming, ResultsDoNotDependOnTheThreadCount)
{
    const std::vector<TrialSetup> setups = {setupFor({150, 155}), setupFor({25, 50}), setupFor({150, 150})};
    const auto one = runParallel(setups, 24, 5, 1);
    const auto two = runParallel(setups, 24, 5, 2);
    const auto three = runParallel(setups, 24, 5, 3);
    EXPECT_EQ(one, two);
    EXPECT_EQ(one, three);
    // A range's trials do not depend on the ranges run beside it.
    const auto alone = runParallel({setups[1]}, 24, 5, 2);
    EXPECT_EQ(alone[0], one[1]);
}

// §9.3: "the smallest possible downtime was about half of the minimum election timeout"
// (the crash comes at most one heartbeat, half the minimum, after the followers heard
// from the leader), and a trial never outlasts its cap.
TEST(ElectionTiming, DowntimeLiesBetweenHalfTheMinimumAndTheCap)
{
    const Summary s = summaries({{150, 200}}, 40).front();
    EXPECT_EQ(s.trials, 40);
    EXPECT_GE(s.bestMs, 75.0);
    EXPECT_LE(s.worstMs, 2'000.0);
    EXPECT_LE(s.bestMs, s.medianMs);
    EXPECT_LE(s.medianMs, s.p90Ms);
    EXPECT_LE(s.p90Ms, s.p99Ms);
    EXPECT_LE(s.p99Ms, s.worstMs);
    EXPECT_EQ(s.sortedMs.size(), 40u);
}

// Figure 16, top: without randomization elections keep splitting; a little
// randomization (5 ms) cuts the downtime; more randomization lowers the worst case.
TEST(ElectionTiming, MoreRandomnessLessDowntime)
{
    const auto s = summaries({{150, 150}, {150, 151}, {150, 155}, {150, 300}}, 60);
    const Summary &none = s[0], &one = s[1], &five = s[2], &wide = s[3];
    EXPECT_GT(none.medianMs, 5 * five.medianMs);
    EXPECT_GT(none.censored, 10); // still leaderless at the 2 s cap
    EXPECT_EQ(none.splitRate, 1.0);
    EXPECT_GT(one.meanMs, five.meanMs);
    EXPECT_GT(one.worstMs, wide.worstMs);
    EXPECT_GT(five.worstMs, wide.worstMs);
    EXPECT_EQ(wide.censored, 0);
}

// Figure 16, bottom: shorter timeouts find a new leader sooner — as long as the
// timeout stays well above the broadcast time (§5.6). With the paper's 15 ms of disk
// per vote, 12–24 ms is too short and elections keep failing; with a fast disk it is
// the fastest range, as in the paper.
TEST(ElectionTiming, ShortTimeoutsAreFastestWhileAboveTheBroadcastTime)
{
    TrialSetup fastDisk;
    fastDisk.disk = {1'000, 2'000};
    const auto fast = summaries({{12, 24}, {25, 50}, {150, 155}}, 60, fastDisk);
    EXPECT_LT(fast[0].meanMs, fast[1].meanMs);
    EXPECT_LT(fast[1].meanMs, fast[2].meanMs);
    EXPECT_EQ(fast[0].censored, 0);

    const auto slow = summaries({{12, 24}, {25, 50}}, 30);
    EXPECT_GT(slow[0].meanMs, slow[1].meanMs);
}

// The window's whole-millisecond clock: with 1 ms messages every follower hears the
// heartbeat in the same tick, so a 5 ms range gives ties that a real clock almost
// never has.
TEST(ElectionTiming, MillisecondGrainMakesTies)
{
    TrialSetup ms;
    ms.grain = Grain::Millisecond;
    const Summary coarse = summaries({{150, 155}}, 80, ms).front();
    const Summary fine = summaries({{150, 155}}, 80).front();
    EXPECT_GT(coarse.tieRate, 0.1);
    EXPECT_LT(fine.tieRate, 0.05);
}

TEST(ElectionTiming, SplitVotesByClusterSize)
{
    SplitVoteOptions o;
    o.sizes = {3, 9};
    o.latencies = {{200, 600}};
    o.trials = 40;
    o.threads = 2;
    const auto cells = runSplitVote(o);
    ASSERT_EQ(cells.size(), 2u);
    EXPECT_EQ(cells[0].servers, 3);
    EXPECT_EQ(cells[1].servers, 9);
    // More servers, more candidates whose timers fire close together.
    EXPECT_LE(cells[0].summary.splitRate, cells[1].summary.splitRate);
}

TEST(ElectionTiming, SummaryArithmetic)
{
    std::vector<TrialResult> trials;
    for (int i = 1; i <= 10; ++i)
        trials.push_back(
            TrialResult{.downtimeMs = 10.0 * i, .terms = i <= 3 ? 2 : 1, .firstGapMs = i == 1 ? 0.0 : 1.0});
    trials.back().censored = true;
    const Summary s = summarize(trials);
    EXPECT_DOUBLE_EQ(s.meanMs, 55.0);
    EXPECT_DOUBLE_EQ(s.medianMs, 50.0); // nearest rank: the 5th of 10
    EXPECT_DOUBLE_EQ(s.p90Ms, 90.0);
    EXPECT_DOUBLE_EQ(s.worstMs, 100.0);
    EXPECT_EQ(s.censored, 1);
    EXPECT_DOUBLE_EQ(s.splitRate, 0.3);
    EXPECT_DOUBLE_EQ(s.tieRate, 0.1);
}

TEST(ElectionTiming, RangesParse)
{
    std::string error;
    const auto ranges = parseTimeoutRanges("150-155,12-24", error);
    ASSERT_EQ(ranges.size(), 2u);
    EXPECT_EQ(ranges[1], (TimeoutRange{12, 24}));
    EXPECT_TRUE(parseTimeoutRanges("150-", error).empty());
    EXPECT_NE(error.find("'150-'"), std::string::npos);
    const auto latencies = parseLatencyRanges("0.2-0.6,10-20", error);
    ASSERT_EQ(latencies.size(), 2u);
    EXPECT_EQ(latencies[0], (LatencyRange{200, 600}));
    EXPECT_EQ(latencies[0].label(), "0.2-0.6");
    EXPECT_TRUE(parseLatencyRanges("0.0001-1", error).empty());
    EXPECT_EQ(paperRanges().size(), 10u);
}
