// raft::ChunkedVector (the trace's record store) against a plain std::vector model:
// random appends, truncations, copies, moves and clears must leave every live vector
// equal to its model, element by element; records never move while it grows; blocks
// given back are reused by the next vector on the same thread.
#include "raft/chunkedvector.h"
#include "raft/types.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace raft {
namespace {

struct Record {
    std::uint64_t id = 0;
    std::int64_t at = 0;
    bool operator==(const Record &) const = default;
};

using Records = ChunkedVector<Record>;

void expectSame(const Records &v, const std::vector<Record> &model, int step)
{
    ASSERT_EQ(v.size(), model.size()) << "step " << step;
    ASSERT_EQ(v.empty(), model.empty());
    for (std::size_t i = 0; i < model.size(); ++i)
        ASSERT_EQ(v[i], model[i]) << "step " << step << " index " << i;
    ASSERT_TRUE(std::equal(v.begin(), v.end(), model.begin(), model.end()));
    ASSERT_TRUE(std::equal(v.rbegin(), v.rend(), model.rbegin(), model.rend()));
    if (!model.empty()) {
        EXPECT_EQ(v.front(), model.front());
        EXPECT_EQ(v.back(), model.back());
    }
}

TEST(ChunkedVector, MatchesAVectorUnderRandomAppendsTruncationsCopiesAndMoves)
{
    Rng rng(7);
    std::array<Records, 3> vs;
    std::array<std::vector<Record>, 3> models;
    std::uint64_t next = 1;
    for (int step = 0; step < 4000; ++step) {
        const auto a = static_cast<std::size_t>(rng.uniform(0, 2));
        const auto b = static_cast<std::size_t>(rng.uniform(0, 2));
        switch (rng.uniform(0, 9)) {
        case 0: { // a burst that crosses block boundaries
            const int n = static_cast<int>(rng.uniform(1, 1300));
            for (int i = 0; i < n; ++i) {
                const Record r{next, static_cast<std::int64_t>(next) * 3};
                ++next;
                vs[a].push_back(r);
                models[a].push_back(r);
            }
            break;
        }
        case 1: { // truncate to a random length
            const auto n = static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(models[a].size())));
            vs[a].resize(n);
            models[a].resize(n);
            break;
        }
        case 2:
            if (a != b) {
                vs[a] = vs[b];
                models[a] = models[b];
            }
            break;
        case 3:
            if (a != b) {
                vs[a] = std::move(vs[b]);
                models[a] = std::move(models[b]);
                vs[b].clear();
                models[b].clear();
            }
            break;
        case 4:
            vs[a].clear();
            models[a].clear();
            break;
        case 5:
            if (!models[a].empty()) {
                vs[a].pop_back();
                models[a].pop_back();
            }
            break;
        case 6: // grow with value-initialised records
            vs[a].resize(models[a].size() + 3);
            models[a].resize(models[a].size() + 3);
            break;
        default: {
            const Record r{next, -static_cast<std::int64_t>(next)};
            ++next;
            vs[a].emplace_back(r);
            models[a].push_back(r);
            break;
        }
        }
        for (std::size_t i = 0; i < vs.size(); ++i)
            expectSame(vs[i], models[i], step);
        if (HasFatalFailure())
            return;
    }
    EXPECT_EQ(vs[0] == vs[1], models[0] == models[1]);
}

TEST(ChunkedVector, RecordsStayWhereTheyAreWhileItGrows)
{
    Records v;
    const Record *first = &v.emplace_back(Record{1, 1});
    const Record *middle = nullptr;
    for (std::uint64_t i = 2; i <= 5 * Records::kBlock; ++i) {
        const Record &r = v.emplace_back(Record{i, 0});
        if (i == Records::kBlock + 7)
            middle = &r;
    }
    EXPECT_EQ(first, &v[0]);
    EXPECT_EQ(first->id, 1u);
    ASSERT_NE(middle, nullptr);
    EXPECT_EQ(middle, &v[Records::kBlock + 6]);
    EXPECT_EQ(v.capacity(), 5 * Records::kBlock);
}

TEST(ChunkedVector, ANewVectorTakesTheBlocksAnOldOneGaveBack)
{
    const Record *block = nullptr;
    {
        Records old;
        block = &old.emplace_back(Record{1, 1});
    }
    Records fresh;
    EXPECT_EQ(&fresh.emplace_back(Record{2, 2}), block) << "the pooled block is reused";
    // A truncation gives back whole blocks only: the kept block stays in place.
    for (std::uint64_t i = 3; i < 3 * Records::kBlock; ++i)
        fresh.emplace_back(Record{i, 0});
    fresh.resize(Records::kBlock + 1);
    EXPECT_EQ(fresh.capacity(), 2 * Records::kBlock);
    EXPECT_EQ(&fresh[0], block);
}

TEST(ChunkedVector, IteratorsAreRandomAccessForTheStandardAlgorithms)
{
    Records v;
    for (std::uint64_t i = 0; i < 3 * Records::kBlock; ++i)
        v.emplace_back(Record{i * 2, 0});
    const auto it = std::lower_bound(v.begin(), v.end(), std::uint64_t{801},
                                     [](const Record &r, std::uint64_t id) { return r.id < id; });
    ASSERT_NE(it, v.end());
    EXPECT_EQ(it->id, 802u);
    EXPECT_EQ(it - v.begin(), 401);
    EXPECT_EQ((v.end() - 1)->id, v.back().id);
    Records::const_iterator c = v.begin();
    c += 5;
    EXPECT_EQ(c[1].id, 12u);
}

} // namespace
} // namespace raft
