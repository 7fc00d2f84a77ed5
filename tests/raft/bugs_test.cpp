// Bug switches (raft/bugs.h): each switches one rule of the paper off, and a short
// script makes the violation it allows really happen; the same script with the
// switch off keeps every property. Also the alarm's parts that live in the core: the
// findings name the servers and the entry involved, and the liveness alarm rings
// when a calm cluster elects nobody for ten seconds.
#include "raft/runfile.h"
#include "raft/scenarioplayer.h"
#include "scriptrun.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace raft {
namespace {

struct BugCase {
    const char *bug;
    const char *property;
    const char *script; // without the bug line; ends with the run that breaks it
};

// The scripts are the lessons' (resources/scenarios/bug-*.scenario) in brief.
const BugCase kCases[] = {
    // §5.4.1: S3 lacks committed entries, yet S2 votes for it.
    {"vote-without-log-check", "leader-completeness", R"(nodes 3
seed 1
timeout S1
run until leader max 1s
isolate S3
request S1 set x 1
run until committed 2 max 1s
run 100ms
crash S1
reconnect S3
timeout S3
run 1s
)"},
    // Figure 8: an entry of term 1 on a majority is counted as committed, then overwritten.
    {"commit-old-terms", "any", R"(nodes 5
option noop off
timeout S1
run until leader max 1s
request S1 set a 1
run until committed 1 max 1s
run 200ms
partition S1 S2 | S3 S4 S5
request S1 set b 2
run 100ms
crash S1
timeout S5
run until leader max 1s
isolate S5
request S5 set c 3
run 100ms
crash S5
heal
restart S1
run until leader max 3s
run 300ms
crash S1
crash S2
restart S5
run 2s
)"},
    // Figure 2: S2 forgets that it voted for S1 in term 1 and votes for S3 too.
    {"forget-vote-on-restart", "election-safety", R"(nodes 3
option noop off
partition S1 S2 | S3
pause S3
timeout S1
run until leader max 1s
crash S2
restart S2
partition S1 | S2 S3
resume S3
timeout S3
run 300ms
)"},
    // §5.2: equal timeouts split every vote, for ever.
    {"same-timeouts", "liveness", R"(nodes 3
run 11s
)"},
    // Figure 2: followers apply what they store, before it commits.
    {"apply-before-commit", "state-machine-safety", R"(nodes 3
option noop off
timeout S1
run until leader max 1s
run 200ms
request S1 set x 1
run 100ms
)"},
    // §5.3: a reordered heartbeat deletes committed entries.
    {"truncate-on-stale-append", "any", R"(nodes 3
latency 10 100
timeout S1
run until leader max 1s
request S1 set a 1
run 40ms
request S1 set b 2
run 40ms
request S1 set c 3
run 40ms
request S1 set d 4
run 2s
)"},
};

ScenarioRunner play(const std::string &script)
{
    return testing::playScript(script, "bug.txt");
}

std::string report(const ScenarioRunner &runner)
{
    return testing::describeFailures(runner);
}

// Reference: §5.4.1, §5.4.2 (Figure 8), Figure 2 (votedFor on stable storage), §5.2
// (randomized timeouts), §5.3 — each rule is needed: without it the property breaks.
TEST(BugSwitches, EachBugProducesItsViolationAndTheSameScriptWithoutItDoesNot)
{
    for (const BugCase &c : kCases) {
        const ScenarioRunner on = play(std::string("bug ") + c.bug + "\n" + c.script + "expect violation " + c.property
                                       + "\n");
        EXPECT_TRUE(on.succeeded()) << c.bug << ":\n" << report(on);
        EXPECT_FALSE(on.simulation().violations().empty()) << c.bug;
        const ScenarioRunner off = play(std::string(c.script) + "expect violations none\n");
        EXPECT_TRUE(off.succeeded()) << c.bug << " off:\n" << report(off);
    }
}

TEST(BugSwitches, EveryNameInTheTableParsesAndRoundTripsThroughRunFiles)
{
    for (const BugInfo &bug : bugTable()) {
        const Scenario s = Scenario::parse(std::string("bug ") + std::string(bug.name) + "\nrun 1s\n", "s.txt");
        ASSERT_TRUE(s.isValid()) << bug.name;
        EXPECT_TRUE(s.config().bugs.*bug.flag) << bug.name;
        EXPECT_TRUE(s.config().bugs.any());
        RunFile run;
        run.config = s.config();
        const RunFileResult back = parseRunFile(formatRunFile(run), "r.raftrun");
        ASSERT_TRUE(back.run.has_value()) << back.errors.front();
        EXPECT_EQ(back.run->config.bugs, s.config().bugs) << bug.name;
    }
    EXPECT_FALSE(BugSwitches{}.any());
}

TEST(BugSwitches, AnUnknownNameIsAnErrorWithASuggestion)
{
    const Scenario s = Scenario::parse("nodes 3\nbug same-timeout\nrun 1s\n", "s.txt");
    ASSERT_EQ(s.errors().size(), 1u);
    EXPECT_NE(s.errors()[0].find("s.txt:2: "), std::string::npos) << s.errors()[0];
    EXPECT_NE(s.errors()[0].find("did you mean 'same-timeouts'"), std::string::npos) << s.errors()[0];
}

// §5.3 broken by a bug switch must still be a run one can watch: a follower that
// truncates on every stale AppendEntries loses entries its leader counts as matched,
// and rejects every probe at that matchIndex. Each rejection used to release a new
// probe, so each duplicated rejection released two, and the messages in flight grew
// without bound (the GUI monkey's seed 188: 78 to 77,660 in six virtual seconds).
// Flow control keeps one probe in flight whatever the follower answers.
TEST(BugSwitches, TruncateOnStaleAppendBreaksSafetyWithoutFloodingTheNetwork)
{
    std::string script = R"(nodes 3
latency 10 100
duplicate 30%
bug truncate-on-stale-append
timeout S1
run until leader max 1s
client every 20ms
)";
    for (int k = 0; k < 200; ++k) // 20 virtual seconds, looked at every 100 ms
        script += "run 100ms\n";
    Scenario scenario = Scenario::parse(script, "flood.txt");
    ASSERT_TRUE(scenario.isValid()) << scenario.errors().front();
    ScenarioRunner runner(std::move(scenario));
    // Three servers, each with a message or two per peer and a heartbeat round out,
    // doubled by duplication: a few dozen at most. (Stop at once past the bound: a
    // runaway fills the memory within seconds.)
    constexpr std::size_t kBound = 200;
    std::size_t most = 0;
    while (!runner.atEnd() && most < kBound) {
        (void)runner.step();
        most = std::max(most, runner.simulation().network().size());
    }
    EXPECT_LT(most, kBound) << "messages in flight ran away by " << runner.simulation().now() << " ms";
    EXPECT_FALSE(runner.simulation().violations().empty()) << "the bug no longer shows";
}

// Reference: §5.2 — "Election Safety: at most one leader can be elected in a given
// term"; the alarm names both leaders and the term.
TEST(Alarm, ElectionSafetyNamesBothLeadersAndTheTerm)
{
    const ScenarioRunner r = play(std::string("bug forget-vote-on-restart\n") + kCases[2].script);
    // Forgetting the vote breaks "one vote per term" first; two leaders follow.
    const auto &all = r.simulation().violations();
    const auto it = std::find_if(all.begin(), all.end(),
                                 [](const Violation &x) { return x.property == "Election Safety"; });
    ASSERT_NE(it, all.end()) << report(r);
    const Violation &v = *it;
    EXPECT_EQ(v.property, "Election Safety");
    EXPECT_EQ(v.section, "§5.2");
    EXPECT_EQ(v.what, "Election Safety: S1 and S3 both lead term 1");
    EXPECT_EQ(v.nodes, (std::vector<NodeId>{1, 3}));
}

// Reference: §5.2 — randomized timeouts make endless split votes unlikely; a calm
// cluster without a leader for 10 s rings the liveness alarm, once.
TEST(Alarm, LivenessRingsOnceAfterTenLeaderlessSecondsOfACalmCluster)
{
    ClusterConfig c;
    c.nodes = 3;
    c.bugs.sameTimeouts = true;
    Simulation sim(c);
    sim.runFor(Simulation::kLeaderlessAlarm - raft::fromMs(100));
    EXPECT_TRUE(sim.violations().empty());
    sim.runFor(raft::fromMs(5000));
    ASSERT_EQ(sim.violations().size(), 1u);
    EXPECT_EQ(sim.violations()[0].property, "Liveness");
    EXPECT_EQ(sim.violations()[0].what.find("Liveness: no leader for 10 s"), 0u) << sim.violations()[0].what;
}

// Slow settings are no alarm: with timeouts of 20–40 s and links of 2–4 s, the first
// election alone takes more than 10 s. The alarm waits for ten elections' worth.
TEST(Alarm, SlowTimingWaitsTenElectionsBeforeTheLivenessAlarm)
{
    ClusterConfig c;
    c.nodes = 3;
    c.electionTimeoutMin = raft::fromSeconds(20);
    c.electionTimeoutMax = raft::fromSeconds(40);
    c.heartbeatInterval = raft::fromSeconds(2);
    c.network.latencyMin = raft::fromSeconds(2);
    c.network.latencyMax = raft::fromSeconds(4);
    Simulation sim(c);
    sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromSeconds(200));
    EXPECT_GT(sim.now(), Simulation::kLeaderlessAlarm) << "the setting is slow enough to test";
    EXPECT_TRUE(sim.violations().empty()) << sim.violations().front().what;
    // The same slow cluster with every timeout equal splits its votes for ever: once
    // ten elections' time (10 × (40 s + 2 × 4 s) = 480 s) has passed, the alarm rings.
    c.bugs.sameTimeouts = true;
    Simulation stuck(c);
    stuck.runFor(raft::fromSeconds(470));
    EXPECT_TRUE(stuck.violations().empty());
    stuck.runFor(raft::fromSeconds(20));
    ASSERT_EQ(stuck.violations().size(), 1u);
    EXPECT_EQ(stuck.violations()[0].what.find("Liveness: no leader for 480 s"), 0u) << stuck.violations()[0].what;
}

// A cluster that cannot elect because the user keeps a majority down is no alarm.
TEST(Alarm, NoLivenessAlarmWhileServersAreDown)
{
    ClusterConfig c;
    c.nodes = 3;
    Simulation sim(c);
    ASSERT_TRUE(sim.crash(1));
    ASSERT_TRUE(sim.crash(2));
    sim.runFor(raft::fromMs(30'000));
    EXPECT_TRUE(sim.violations().empty());
}

} // namespace
} // namespace raft
