// raft::SharedChunks (records that copies of a Simulation share) against a plain
// std::vector model: random appends, writes, truncations and copies leave every array
// equal to its model, and a copy never sees its original's writes. And the reason it
// exists: a History's checkpoints grow with the run, not with its square.
#include "raft/history.h"
#include "raft/sharedchunks.h"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <unordered_set>
#include <vector>

namespace raft {
namespace {

TEST(SharedChunks, MatchesAVectorUnderRandomAppendsWritesTruncationsAndCopies)
{
    Rng rng(3);
    std::array<SharedChunks<std::string>, 3> vs;
    std::array<std::vector<std::string>, 3> models;
    for (int round = 0; round < 3000; ++round) {
        const auto a = static_cast<std::size_t>(rng.uniform(0, 2));
        const auto b = static_cast<std::size_t>(rng.uniform(0, 2));
        switch (rng.uniform(0, 6)) {
        case 0:
        case 1: { // appends that cross chunks
            const int n = static_cast<int>(rng.uniform(1, 400));
            for (int i = 0; i < n; ++i) {
                const std::string value = "v" + std::to_string(rng.uniform(0, 1'000'000));
                vs[a].push_back(value);
                models[a].push_back(value);
            }
            break;
        }
        case 2: // a write anywhere
            if (!models[a].empty()) {
                const auto i = static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(models[a].size()) - 1));
                vs[a].mutate(i) += "!";
                models[a][i] += "!";
            }
            break;
        case 3: { // truncate or grow
            const auto n = static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(models[a].size()) + 50));
            vs[a].resize(n);
            models[a].resize(n);
            break;
        }
        case 4: // a copy, after which both go their own way
            vs[b] = vs[a];
            models[b] = models[a];
            break;
        case 5:
            if (rng.chance(0.1)) {
                vs[a].clear();
                models[a].clear();
            }
            break;
        default: break;
        }
        for (std::size_t k = 0; k < vs.size(); ++k) {
            ASSERT_EQ(vs[k].size(), models[k].size()) << "round " << round;
            ASSERT_TRUE(std::equal(vs[k].begin(), vs[k].end(), models[k].begin(), models[k].end())) << "round " << round;
        }
        ASSERT_EQ(vs[a] == vs[b], models[a] == models[b]);
    }
}

TEST(SharedChunks, ACopySharesItsChunksUntilOneSideWrites)
{
    SharedChunks<int> a;
    for (int i = 0; i < 1000; ++i)
        a.push_back(i);
    const SharedChunks<int> b = a;
    std::unordered_set<const void *> counted;
    const std::size_t first = a.memoryBytes(&counted);
    EXPECT_LT(b.memoryBytes(&counted), first / 10) << "the copy's chunks are the original's";
    a.mutate(5) = -1;
    EXPECT_EQ(b[5], 5);
    EXPECT_EQ(a[5], -1);
    std::unordered_set<const void *> again;
    (void)a.memoryBytes(&again);
    EXPECT_GT(b.memoryBytes(&again), 0u) << "one chunk is b's own now";
}

/// checkpointBytes records `minutes` of 5 servers with a client request every 100 ms
/// (the --bench-history workload) and returns what its history holds besides the trace.
std::size_t checkpointBytes(int minutes)
{
    ClusterConfig config;
    config.nodes = 5;
    config.seed = 1;
    History history(config, HistoryOptions{.checkpointEvery = 2000});
    for (Time t = raft::fromMs(100); t <= raft::fromSeconds(minutes * 60); t += raft::fromMs(100)) {
        history.advanceTo(t);
        if (auto leader = history.simulation().leader())
            (void)history.act(act::Request{
                *leader, "set k" + std::to_string(raft::toMs(t) % 7) + " " + std::to_string(raft::toMs(t))});
    }
    return history.memoryBytes() - history.trace().memoryBytes();
}

// Each checkpoint copies the simulation, whose records (client operations, the
// checker's view of every log) grow with the run. Shared, twice the run costs about
// twice the memory; copied whole it cost four times.
TEST(SharedChunks, CheckpointsGrowWithTheRunNotItsSquare)
{
    const double four = static_cast<double>(checkpointBytes(4));
    const double eight = static_cast<double>(checkpointBytes(8));
    EXPECT_LT(eight / four, 2.6) << four << " bytes for 4 minutes, " << eight << " for 8";
}

} // namespace
} // namespace raft
