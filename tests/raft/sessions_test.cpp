// Client sessions (Ongaro's dissertation §6.3): a client that hears no answer retries
// the same request; with sessions the state machine applies it once, without them a
// counter counts it twice.
#include "raft/kvstore.h"
#include "raft/runfile.h"
#include "raft/scenarioplayer.h"

#include <gtest/gtest.h>

namespace raft {
namespace {

// Reference: §6.3 — "each client's session ... tracks the latest serial number
// processed for the client": a duplicate is not applied again.
TEST(KvStoreSessions, ADuplicateOfASessionRequestIsSkippedOnlyWithSessions)
{
    KvStore on;
    EXPECT_TRUE(on.apply("c1#1 incr n"));
    EXPECT_FALSE(on.apply("c1#1 incr n"));
    EXPECT_TRUE(on.apply("c2#1 incr n")); // another client
    EXPECT_TRUE(on.apply("c1#2 incr n"));
    EXPECT_EQ(*on.value("n"), "3");
    KvStore off;
    off.setSessions(false);
    EXPECT_TRUE(off.apply("c1#1 incr n"));
    EXPECT_TRUE(off.apply("c1#1 incr n"));
    EXPECT_EQ(*off.value("n"), "2");
}

TEST(KvStoreSessions, IncrCountsFromZeroAndCommandsValidate)
{
    KvStore kv;
    kv.apply("set n seven");
    kv.apply("incr n");
    EXPECT_EQ(*kv.value("n"), "1");
    kv.apply("incr m");
    EXPECT_EQ(*kv.value("m"), "1");
    EXPECT_TRUE(KvStore::isValidCommand("incr n"));
    EXPECT_TRUE(KvStore::isValidCommand("c3#9 set x 1"));
    EXPECT_FALSE(KvStore::isValidCommand("incr"));
    EXPECT_EQ(KvStore::keyOf("c3#9 incr n"), "n");
    const KvStore::Session s = KvStore::sessionOf("c12#34 del x");
    EXPECT_EQ(s.client, 12);
    EXPECT_EQ(s.seq, 34u);
    EXPECT_EQ(KvStore::sessionOf("cat 1").client, 0);
}

std::string retryScript(bool sessions)
{
    return std::string("nodes 3\nlatency 10 10\noption sessions ") + (sessions ? "on" : "off") + R"(
timeout S1
run until leader max 1s
run 100ms
request S1 client 1 1 incr n
run 15ms
crash S1
run 2s
)";
}

// Reference: §6.3 — the leader crashes after replicating but before answering; the
// client retries at the new leader. Without sessions the command is applied twice.
TEST(ClientSessions, ARetriedIncrIsAppliedTwiceWithoutSessionsOnceWithThem)
{
    for (const bool sessions : {false, true}) {
        Scenario scenario = Scenario::parse(retryScript(sessions) + "expect kv leader n=" + (sessions ? "1" : "2")
                                                + "\nexpect violations none\n",
                                            "retry.txt");
        ASSERT_TRUE(scenario.isValid()) << scenario.errors().front();
        ScenarioRunner runner(std::move(scenario));
        runner.run();
        for (const ExpectationFailure &f : runner.failures())
            ADD_FAILURE() << "sessions " << sessions << ": line " << f.line << ": " << f.text << ": " << f.why;
        // The client did retry, and its retry reached the new leader.
        std::size_t retries = 0;
        for (const TraceEvent &e : runner.history().trace().events())
            retries += e.kind == EventKind::ClientRetried ? 1 : 0;
        EXPECT_GE(retries, 1u);
    }
}

TEST(ClientSessions, RunFilesKeepSessionRequestsAndTheOption)
{
    RunFile run;
    run.config.sessions = false;
    run.inputs.push_back(Input{raft::fromMs(10), 1, act::Request{2, "incr n", 7, 3}});
    const std::string text = formatRunFile(run);
    EXPECT_NE(text.find("sessions off\n"), std::string::npos);
    EXPECT_NE(text.find("request S2 client 7 3 incr n\n"), std::string::npos) << text;
    const RunFileResult back = parseRunFile(text, "run.raftrun");
    ASSERT_TRUE(back.run.has_value()) << back.errors.front();
    EXPECT_FALSE(back.run->config.sessions);
    EXPECT_EQ(back.run->inputs, run.inputs);
}

} // namespace
} // namespace raft
