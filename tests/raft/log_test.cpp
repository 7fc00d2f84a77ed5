// Tests of raft::Log: indexing, truncation, the prefix fingerprints and the
// up-to-date comparison of §5.4.1.
#include "nodeharness.h"

#include "raft/log.h"

#include <gtest/gtest.h>

namespace raft {
namespace {

using testing::makeLog;

TEST(Log, EmptyLogHasIndexAndTermZero)
{
    Log log;
    EXPECT_TRUE(log.empty());
    EXPECT_EQ(log.lastIndex(), 0u);
    EXPECT_EQ(log.lastTerm(), 0u);
    EXPECT_EQ(log.termAt(0), 0u);
    EXPECT_EQ(log.fingerprint(0), 0u);
}

TEST(Log, AppendNumbersEntriesFromOne)
{
    Log log;
    log.append({1, "set x 1"});
    log.append({1, "set y 2"});
    log.append({3, ""});
    EXPECT_FALSE(log.empty());
    EXPECT_EQ(log.lastIndex(), 3u);
    EXPECT_EQ(log.lastTerm(), 3u);
    EXPECT_EQ(log.termAt(1), 1u);
    EXPECT_EQ(log.termAt(2), 1u);
    EXPECT_EQ(log.termAt(3), 3u);
    EXPECT_EQ(log.at(2).command, "set y 2");
    EXPECT_EQ(log.at(3).command, "");
    ASSERT_EQ(log.entries().size(), 3u);
    EXPECT_EQ(log.entries()[0], (Entry{1, "set x 1"}));
}

TEST(Log, TruncateAfterKeepsThePrefix)
{
    Log log = makeLog({1, 1, 2, 2, 3});
    log.truncateAfter(3);
    EXPECT_EQ(log.lastIndex(), 3u);
    EXPECT_EQ(log.lastTerm(), 2u);
    EXPECT_TRUE(log == makeLog({1, 1, 2}));

    log.truncateAfter(7); // beyond the end: nothing to remove
    EXPECT_EQ(log.lastIndex(), 3u);

    log.truncateAfter(0);
    EXPECT_TRUE(log.empty());
    EXPECT_EQ(log.lastTerm(), 0u);
}

TEST(Log, FingerprintsAgreeExactlyOnEqualPrefixes)
{
    const Log a = makeLog({1, 1, 2, 3});
    Log b = makeLog({1, 1, 2, 2});
    for (Index i = 0; i <= 3; ++i)
        EXPECT_EQ(a.fingerprint(i), b.fingerprint(i)) << "index " << i;
    EXPECT_NE(a.fingerprint(4), b.fingerprint(4));

    // The same term with another command is another entry.
    Log c;
    c.append({1, "set k1 1"});
    c.append({1, "set other 9"});
    EXPECT_EQ(c.fingerprint(1), a.fingerprint(1));
    EXPECT_NE(c.fingerprint(2), a.fingerprint(2));

    // An entry that differs early changes every later fingerprint.
    Log d;
    d.append({1, "set zzz 0"});
    for (Index i = 2; i <= 4; ++i)
        d.append(a.at(i));
    for (Index i = 1; i <= 4; ++i)
        EXPECT_NE(d.fingerprint(i), a.fingerprint(i)) << "index " << i;
}

TEST(Log, FingerprintsAreRecomputedAfterTruncation)
{
    Log a = makeLog({1, 2, 2});
    const Log reference = makeLog({1, 3});
    a.truncateAfter(1);
    a.append(Entry{3, testing::commandFor(2)});
    EXPECT_EQ(a.fingerprint(2), reference.fingerprint(2));
    EXPECT_TRUE(a == reference);
}

TEST(Log, EqualityComparesEntries)
{
    EXPECT_TRUE(makeLog({1, 2}) == makeLog({1, 2}));
    EXPECT_FALSE(makeLog({1, 2}) == makeLog({1, 3}));
    EXPECT_FALSE(makeLog({1, 2}) == makeLog({1, 2, 2}));
}

// Reference: §5.4.1 — "If the logs have last entries with different terms, then the
// log with the later term is more up-to-date. If the logs end with the same term,
// then whichever log is longer is more up-to-date."
TEST(Log, IsUpToDateComparesLastTermThenLength)
{
    const Log log = makeLog({1, 1, 2}); // last entry (3, 2)
    EXPECT_TRUE(log.isUpToDate(3, 2)); // identical
    EXPECT_TRUE(log.isUpToDate(4, 2)); // same term, longer
    EXPECT_FALSE(log.isUpToDate(2, 2)); // same term, shorter
    EXPECT_TRUE(log.isUpToDate(1, 3)); // later term wins even when much shorter
    EXPECT_FALSE(log.isUpToDate(9, 1)); // older term loses even when much longer
    EXPECT_FALSE(log.isUpToDate(0, 0)); // an empty log is behind

    const Log empty;
    EXPECT_TRUE(empty.isUpToDate(0, 0));
    EXPECT_TRUE(empty.isUpToDate(5, 1));
}

TEST(Log, FirstIndexOfTermFindsTheStartOfTheRun)
{
    const Log log = makeLog({1, 1, 2, 2, 2, 4});
    EXPECT_EQ(log.firstIndexOfTerm(1), 1u);
    EXPECT_EQ(log.firstIndexOfTerm(2), 1u);
    EXPECT_EQ(log.firstIndexOfTerm(3), 3u);
    EXPECT_EQ(log.firstIndexOfTerm(5), 3u);
    EXPECT_EQ(log.firstIndexOfTerm(6), 6u);
}

TEST(Log, LastIndexOfTermFindsTheEndOfTheRun)
{
    const Log log = makeLog({1, 1, 2, 2, 2, 4});
    EXPECT_EQ(log.lastIndexOfTerm(1), 2u);
    EXPECT_EQ(log.lastIndexOfTerm(2), 5u);
    EXPECT_EQ(log.lastIndexOfTerm(3), 0u);
    EXPECT_EQ(log.lastIndexOfTerm(4), 6u);
    EXPECT_EQ(log.lastIndexOfTerm(5), 0u);
    EXPECT_EQ(Log().lastIndexOfTerm(1), 0u);
}

} // namespace
} // namespace raft
