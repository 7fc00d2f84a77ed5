// The linearizability checker for key-value histories: it accepts every history that
// has a legal order and rejects the classic violations (stale reads, reads of values
// never written, writes that went back in time).
#include "raft/linearizability.h"

#include <gtest/gtest.h>

using raft::KvOperation;
using Kind = KvOperation::Kind;
using Outcome = KvOperation::Outcome;

namespace {

KvOperation put(int client, std::string key, std::string value, std::int64_t invoke, std::int64_t complete,
                Outcome outcome = Outcome::Ok)
{
    return KvOperation{client, Kind::Put, std::move(key), std::move(value), false, invoke, complete, outcome};
}
KvOperation del(int client, std::string key, std::int64_t invoke, std::int64_t complete)
{
    return KvOperation{client, Kind::Delete, std::move(key), {}, false, invoke, complete, Outcome::Ok};
}
KvOperation get(int client, std::string key, std::optional<std::string> value, std::int64_t invoke,
                std::int64_t complete)
{
    return KvOperation{client, Kind::Get, std::move(key), value.value_or(""), value.has_value(),
                       invoke, complete,  Outcome::Ok};
}

} // namespace

TEST(Linearizability, SequentialHistoryIsLinearizable)
{
    const auto r = raft::checkLinearizable({get(1, "x", std::nullopt, 0, 1), put(1, "x", "a", 2, 3),
                                            get(2, "x", "a", 4, 5), del(1, "x", 6, 7),
                                            get(2, "x", std::nullopt, 8, 9)});
    EXPECT_TRUE(r.linearizable) << r.explanation;
    EXPECT_TRUE(r.conclusive);
}

TEST(Linearizability, StaleReadAfterACompletedWriteIsCaught)
{
    // The read starts after the write of "b" finished, yet sees "a".
    const auto r = raft::checkLinearizable({put(1, "x", "a", 0, 1), put(1, "x", "b", 2, 3), get(2, "x", "a", 4, 5)});
    EXPECT_FALSE(r.linearizable);
    EXPECT_NE(r.explanation.find("key x"), std::string::npos) << r.explanation;
}

TEST(Linearizability, ConcurrentReadMaySeeEitherValue)
{
    for (const char *seen : {"a", "b"}) {
        const auto r = raft::checkLinearizable(
            {put(1, "x", "a", 0, 1), put(1, "x", "b", 2, 10), get(2, "x", std::string(seen), 3, 4)});
        EXPECT_TRUE(r.linearizable) << seen << ": " << r.explanation;
    }
}

TEST(Linearizability, ReadsMustNotGoBackInTime)
{
    // Two sequential reads during one write: "new" then "old" is impossible.
    const auto r = raft::checkLinearizable(
        {put(1, "x", "old", 0, 1), put(1, "x", "new", 2, 20), get(2, "x", "new", 3, 4), get(2, "x", "old", 5, 6)});
    EXPECT_FALSE(r.linearizable);
}

TEST(Linearizability, ValueNeverWrittenIsCaught)
{
    const auto r = raft::checkLinearizable({put(1, "x", "a", 0, 1), get(2, "x", "zzz", 2, 3)});
    EXPECT_FALSE(r.linearizable);
    EXPECT_NE(r.explanation.find("get x -> \"zzz\""), std::string::npos) << r.explanation;
}

TEST(Linearizability, UnknownWriteMayOrMayNotHaveHappened)
{
    // No answer for "b": a later read may see it, or not; and it may appear late.
    for (const char *seen : {"a", "b"}) {
        const auto r = raft::checkLinearizable({put(1, "x", "a", 0, 1), put(1, "x", "b", 2, 0, Outcome::Unknown),
                                                get(2, "x", std::string(seen), 50, 51), get(2, "x", "b", 60, 61)});
        EXPECT_TRUE(r.linearizable) << seen << ": " << r.explanation;
    }
    // But it cannot take effect before it was invoked.
    const auto early = raft::checkLinearizable(
        {put(1, "x", "a", 0, 1), get(2, "x", "b", 2, 3), put(1, "x", "b", 10, 0, Outcome::Unknown)});
    EXPECT_FALSE(early.linearizable);
}

TEST(Linearizability, FailedWriteMustNotBeSeen)
{
    const auto r = raft::checkLinearizable(
        {put(1, "x", "a", 0, 1), put(1, "x", "b", 2, 3, Outcome::Failed), get(2, "x", "b", 4, 5)});
    EXPECT_FALSE(r.linearizable);
}

TEST(Linearizability, KeysAreIndependent)
{
    const auto r = raft::checkLinearizable(
        {put(1, "x", "a", 0, 10), put(2, "y", "b", 0, 10), get(3, "x", "a", 11, 12), get(3, "y", std::nullopt, 1, 2)});
    EXPECT_TRUE(r.linearizable) << r.explanation;
}

TEST(Linearizability, ManyConcurrentClientsStayFast)
{
    // 6 clients, 50 rounds each, every round overlapping all others: the memo keeps
    // the search small. Each read returns the value of the round's last writer.
    std::vector<KvOperation> history;
    for (int round = 0; round < 50; ++round) {
        const std::int64_t t = round * 100;
        for (int c = 0; c < 5; ++c)
            history.push_back(put(c, "k", "r" + std::to_string(round) + "c" + std::to_string(c), t, t + 50));
        history.push_back(get(5, "k", "r" + std::to_string(round) + "c4", t + 60, t + 70));
    }
    const auto r = raft::checkLinearizable(history);
    EXPECT_TRUE(r.linearizable) << r.explanation;
    EXPECT_TRUE(r.conclusive);
    EXPECT_LT(r.steps, 1'000'000u);
}

TEST(Linearizability, BudgetMakesTheVerdictInconclusive)
{
    const auto r = raft::checkLinearizable({put(1, "x", "a", 0, 10), put(2, "x", "b", 0, 10), get(3, "x", "b", 11, 12)},
                                           2);
    EXPECT_FALSE(r.conclusive);
}
