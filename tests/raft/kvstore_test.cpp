// Tests of raft::KvStore, the replicated state machine.
#include "raft/kvstore.h"

#include <gtest/gtest.h>

namespace raft {
namespace {

TEST(KvStore, SetStoresAndOverwrites)
{
    KvStore kv;
    EXPECT_EQ(kv.value("x"), nullptr);
    kv.apply("set x 5");
    ASSERT_NE(kv.value("x"), nullptr);
    EXPECT_EQ(*kv.value("x"), "5");
    kv.apply("set x 6");
    EXPECT_EQ(*kv.value("x"), "6");
    EXPECT_EQ(kv.data().size(), 1u);
}

TEST(KvStore, ValueIsEverythingAfterTheKey)
{
    KvStore kv;
    kv.apply("set greeting hello world");
    ASSERT_NE(kv.value("greeting"), nullptr);
    EXPECT_EQ(*kv.value("greeting"), "hello world");
}

TEST(KvStore, DelRemovesAKey)
{
    KvStore kv;
    kv.apply("set x 1");
    kv.apply("set y 2");
    kv.apply("del x");
    EXPECT_EQ(kv.value("x"), nullptr);
    ASSERT_NE(kv.value("y"), nullptr);
    kv.apply("del missing"); // deleting what is not there changes nothing
    EXPECT_EQ(kv.data().size(), 1u);
}

TEST(KvStore, NoOpAndUnknownCommandsChangeNothing)
{
    KvStore kv;
    kv.apply("set x 1");
    const KvStore before = kv;
    kv.apply(""); // a leader's no-op (§8)
    kv.apply("get x");
    kv.apply("set");
    kv.apply("set x");
    kv.apply("del");
    kv.apply("del x y");
    EXPECT_EQ(kv, before);
}

TEST(KvStore, ValidCommandsAreSetAndDel)
{
    EXPECT_TRUE(KvStore::isValidCommand("set x 5"));
    EXPECT_TRUE(KvStore::isValidCommand("set msg two words"));
    EXPECT_TRUE(KvStore::isValidCommand("del x"));
    EXPECT_FALSE(KvStore::isValidCommand(""));
    EXPECT_FALSE(KvStore::isValidCommand("set x"));
    EXPECT_FALSE(KvStore::isValidCommand("del"));
    EXPECT_FALSE(KvStore::isValidCommand("del x y"));
    EXPECT_FALSE(KvStore::isValidCommand("put x 5"));
}

TEST(KvStore, ApplyingTheSameCommandsGivesTheSameState)
{
    // The replicated state machine is deterministic: the same log gives the same state.
    const char *commands[] = {"set a 1", "set b 2", "del a", "set c 3", "set b 4"};
    KvStore one;
    KvStore two;
    for (const char *c : commands)
        one.apply(c);
    for (const char *c : commands)
        two.apply(c);
    EXPECT_EQ(one, two);
    EXPECT_EQ(one.value("a"), nullptr);
    EXPECT_EQ(*one.value("b"), "4");
    one.clear();
    EXPECT_TRUE(one.data().empty());
}

} // namespace
} // namespace raft
