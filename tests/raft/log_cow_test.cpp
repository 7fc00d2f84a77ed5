// Copy-on-write of raft::Log's shared chunks, checked against a plain std::vector
// model: any sequence of copies, appends, truncations and destructions must leave
// every live log equal, entry by entry and fingerprint by fingerprint, to its model.
#include "raft/log.h"
#include "raft/types.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace raft {
namespace {

/// Twin is a Log under test and the vector of entries it must hold.
struct Twin {
    Log log;
    std::vector<Entry> model;
};

/// expectSame compares a log with its model: length, every entry, and every
/// fingerprint against a log rebuilt from the model alone (no sharing).
void expectSame(const Twin &twin, int slot, int step)
{
    ASSERT_EQ(twin.log.lastIndex(), twin.model.size()) << "slot " << slot << " step " << step;
    Log fresh;
    for (const Entry &e : twin.model)
        fresh.append(e);
    for (Index i = 1; i <= twin.model.size(); ++i) {
        ASSERT_EQ(twin.log.at(i), twin.model[i - 1]) << "slot " << slot << " step " << step << " index " << i;
        ASSERT_EQ(twin.log.fingerprint(i), fresh.fingerprint(i)) << "slot " << slot << " index " << i;
    }
    ASSERT_TRUE(twin.log == fresh);
}

// The case of the audit: a copy appends in place at the shared chunk's end, then
// dies; the original's next append must land right after its own last entry.
TEST(LogCopyOnWrite, OriginalAppendsAfterItsOwnEndWhenACopyThatAppendedDies)
{
    Log original;
    for (Term t = 1; t <= 5; ++t)
        original.append({1, "e" + std::to_string(t)});
    {
        Log copy = original;
        copy.append({2, "copy's"});
        copy.append({2, "copy's too"});
    }
    original.append({3, "mine"});
    ASSERT_EQ(original.lastIndex(), 6u);
    EXPECT_EQ(original.at(6), (Entry{3, "mine"}));
    Log fresh;
    for (Index i = 1; i <= 6; ++i)
        fresh.append(original.at(i));
    EXPECT_EQ(original.fingerprint(6), fresh.fingerprint(6));
}

// Random sequences over a handful of live logs, with lengths that cross chunk
// boundaries (Log::kChunk) both ways.
TEST(LogCopyOnWrite, RandomCopiesAppendsTruncationsAndDestructionsMatchAVectorModel)
{
    constexpr int kSlots = 5;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Rng rng(seed);
        std::vector<std::optional<Twin>> slots(kSlots);
        slots[0].emplace();
        for (int step = 0; step < 400; ++step) {
            const int s = static_cast<int>(rng.uniform(0, kSlots - 1));
            std::optional<Twin> &slot = slots[static_cast<std::size_t>(s)];
            const std::int64_t op = rng.uniform(0, 99);
            if (!slot) {
                // Bring the slot to life as a copy of another live log (or empty).
                const int from = static_cast<int>(rng.uniform(0, kSlots - 1));
                if (slots[static_cast<std::size_t>(from)])
                    slot = slots[static_cast<std::size_t>(from)];
                else
                    slot.emplace();
            } else if (op < 45) {
                const std::int64_t n = rng.chance(0.1) ? rng.uniform(1, 2 * Log::kChunk) : rng.uniform(1, 5);
                for (std::int64_t k = 0; k < n; ++k) {
                    Entry e{static_cast<Term>(rng.uniform(1, 4)), "c" + std::to_string(rng.uniform(0, 999))};
                    slot->model.push_back(e);
                    slot->log.append(e);
                }
            } else if (op < 65) {
                const Index to = static_cast<Index>(rng.uniform(0, static_cast<std::int64_t>(slot->model.size())));
                slot->model.resize(to);
                slot->log.truncateAfter(to);
            } else if (op < 80) {
                const int to = static_cast<int>(rng.uniform(0, kSlots - 1));
                if (to != s)
                    slots[static_cast<std::size_t>(to)] = *slot; // copy-assign over a live or dead slot
            } else if (op < 90) {
                slot.reset(); // destroy
            } else {
                Twin moved = std::move(*slot);
                slot = std::move(moved);
            }
            for (int k = 0; k < kSlots; ++k)
                if (slots[static_cast<std::size_t>(k)])
                    expectSame(*slots[static_cast<std::size_t>(k)], k, step);
            if (::testing::Test::HasFatalFailure()) {
                ADD_FAILURE() << "seed " << seed;
                return;
            }
        }
    }
}

} // namespace
} // namespace raft
