// Tests of the scenario language: the parser (setup, every action and check, time
// units, comments, and FILE:LINE errors for malformed lines) and the runner
// (run-until semantics, failed expectations that do not stop the script,
// impossible actions that fail instead of crashing).
#include "raft/bounds.h"
#include "raft/scenario.h"
#include "raft/scenarioplayer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace raft {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::StartsWith;

Scenario parseOk(std::string_view text)
{
    Scenario scenario = Scenario::parse(text, "test.txt");
    EXPECT_THAT(scenario.errors(), IsEmpty()) << text;
    return scenario;
}

/// only parses a one-line action or check (after an optional setup) and returns it.
ScenarioCommand only(std::string_view text)
{
    const Scenario scenario = parseOk(text);
    EXPECT_THAT(scenario.commands(), SizeIs(1)) << text;
    return scenario.commands().empty() ? ScenarioCommand{} : scenario.commands().front();
}

/// errorsOf parses text and returns its errors.
std::vector<std::string> errorsOf(std::string_view text)
{
    return Scenario::parse(text, "bad.txt").errors();
}

/// runScript parses and runs a whole script.
ScenarioRunner runScript(std::string_view text)
{
    Scenario scenario = parseOk(text);
    ScenarioRunner runner(std::move(scenario));
    runner.run();
    return runner;
}

std::vector<int> failedLines(const ScenarioRunner &runner)
{
    std::vector<int> lines;
    for (const ExpectationFailure &failure : runner.failures())
        lines.push_back(failure.line);
    return lines;
}

// --- times ----------------------------------------------------------------------

TEST(ScenarioTime, AcceptsMillisecondsAndSeconds)
{
    EXPECT_EQ(parseTime("150"), fromMs(150));
    EXPECT_EQ(parseTime("150ms"), fromMs(150));
    EXPECT_EQ(parseTime("2s"), fromMs(2000));
    EXPECT_EQ(parseTime("1.5s"), fromMs(1500));
    EXPECT_EQ(parseTime("0.25s"), fromMs(250));
    EXPECT_EQ(parseTime("0"), 0);
    EXPECT_EQ(parseTime("0s"), 0);
}

TEST(ScenarioTime, RejectsMalformedTimes)
{
    for (const char *bad : {"", "ms", "s", "-3", "2m", "1e3", "1.", ".5s", "10 s", "x", "1,5s",
                            "99999999999999999999", "0.0000001s", "1.0001ms"})
        EXPECT_EQ(parseTime(bad), std::nullopt) << bad;
}

// --- setup ----------------------------------------------------------------------

TEST(ScenarioParse, DefaultsWithoutSetup)
{
    const Scenario scenario = parseOk("run 1s\n");
    EXPECT_EQ(scenario.config(), ClusterConfig{});
    EXPECT_EQ(scenario.config().nodes, 5);
    EXPECT_EQ(scenario.fileName(), "test.txt");
}

TEST(ScenarioParse, SetupLinesShapeTheCluster)
{
    const Scenario scenario = parseOk("nodes 3\n"
                                      "seed 99\n"
                                      "election-timeout 200 400ms\n"
                                      "heartbeat 0.05s\n"
                                      "latency 5 8\n"
                                      "loss 0.1\n"
                                      "duplicate 5%\n"
                                      "option noop off\n"
                                      "option invariants on\n");
    const ClusterConfig &config = scenario.config();
    EXPECT_EQ(config.nodes, 3);
    EXPECT_EQ(config.seed, 99u);
    EXPECT_EQ(config.electionTimeoutMin, raft::fromMs(200));
    EXPECT_EQ(config.electionTimeoutMax, raft::fromMs(400));
    EXPECT_EQ(config.heartbeatInterval, raft::fromMs(50));
    EXPECT_EQ(config.network.latencyMin, raft::fromMs(5));
    EXPECT_EQ(config.network.latencyMax, raft::fromMs(8));
    EXPECT_DOUBLE_EQ(config.network.loss, 0.1);
    EXPECT_DOUBLE_EQ(config.network.duplicate, 0.05);
    EXPECT_FALSE(config.noop);
    EXPECT_TRUE(config.checkInvariants);
    EXPECT_THAT(scenario.commands(), IsEmpty());
}

TEST(ScenarioParse, CommentsBlankLinesAndLineNumbers)
{
    const Scenario scenario = parseOk("# a lesson\n"
                                      "\n"
                                      "nodes 3   # three servers\n"
                                      "   \t\n"
                                      "run 100ms # wait\n"
                                      "# crash S1\n"
                                      "CRASH s2\r\n");
    ASSERT_THAT(scenario.commands(), SizeIs(2));
    EXPECT_EQ(scenario.commands()[0].line, 5);
    EXPECT_EQ(scenario.commands()[0].text, "run 100ms");
    EXPECT_EQ(scenario.commands()[1].line, 7);
    EXPECT_EQ(scenario.commands()[1].kind, CommandKind::Crash);
    EXPECT_EQ(scenario.commands()[1].node, (NodeRef{2, false}));
    EXPECT_EQ(scenario.config().nodes, 3);
}

TEST(ScenarioParse, IgnoresAByteOrderMark)
{
    const Scenario scenario = parseOk("\xEF\xBB\xBFnodes 3\nrun 1s\n");
    EXPECT_EQ(scenario.config().nodes, 3);
}

// --- actions --------------------------------------------------------------------

TEST(ScenarioParse, Run)
{
    const ScenarioCommand run = only("run 2s");
    EXPECT_EQ(run.kind, CommandKind::Run);
    EXPECT_EQ(run.duration, raft::fromMs(2000));

    const ScenarioCommand leader = only("run until leader");
    EXPECT_EQ(leader.kind, CommandKind::RunUntil);
    EXPECT_EQ(leader.condition.kind, ConditionKind::LeaderIs);
    EXPECT_EQ(leader.condition.want, LeaderWant::Any);
    EXPECT_EQ(leader.duration, Scenario::kDefaultMax);

    const ScenarioCommand newLeader = only("run until new-leader max 3s");
    EXPECT_EQ(newLeader.condition.kind, ConditionKind::NewLeader);
    EXPECT_EQ(newLeader.duration, raft::fromMs(3000));

    const ScenarioCommand committed = only("run until committed 7 max 250ms");
    EXPECT_EQ(committed.condition.kind, ConditionKind::Committed);
    EXPECT_EQ(committed.condition.number, 7u);
    EXPECT_EQ(committed.duration, raft::fromMs(250));
}

TEST(ScenarioParse, NodeActions)
{
    const std::vector<std::pair<const char *, CommandKind>> cases = {
        {"crash S1", CommandKind::Crash},        {"restart S2", CommandKind::Restart},
        {"pause S3", CommandKind::Pause},        {"resume S4", CommandKind::Resume},
        {"timeout S5", CommandKind::Timeout},    {"isolate S1", CommandKind::Isolate},
        {"reconnect S2", CommandKind::Reconnect}};
    for (const auto &[text, kind] : cases) {
        const ScenarioCommand command = only(text);
        EXPECT_EQ(command.kind, kind) << text;
        EXPECT_FALSE(command.node.isLeader) << text;
        EXPECT_EQ(command.node.id, text[std::string_view(text).size() - 1] - '0') << text;
    }
    const ScenarioCommand crashLeader = only("crash leader");
    EXPECT_TRUE(crashLeader.node.isLeader);
    EXPECT_EQ(crashLeader.node.text(), "leader");
}

TEST(ScenarioParse, RequestKeepsTheCommandAsWritten)
{
    const ScenarioCommand set = only("request S2 set x 5");
    EXPECT_EQ(set.kind, CommandKind::Request);
    EXPECT_EQ(set.node, (NodeRef{2, false}));
    EXPECT_EQ(set.argument, "set x 5");

    const ScenarioCommand del = only("request leader del x   # gone");
    EXPECT_TRUE(del.node.isLeader);
    EXPECT_EQ(del.argument, "del x");
    EXPECT_EQ(del.text, "request leader del x");
}

TEST(ScenarioParse, PartitionCutHealSay)
{
    const ScenarioCommand partition = only("partition S1 S2 | S3 S4 S5");
    EXPECT_EQ(partition.kind, CommandKind::Partition);
    EXPECT_EQ(partition.groups, (std::vector<std::vector<NodeId>>{{1, 2}, {3, 4, 5}}));

    const ScenarioCommand tight = only("nodes 3\npartition S1|S2|S3");
    EXPECT_EQ(tight.groups, (std::vector<std::vector<NodeId>>{{1}, {2}, {3}}));

    const ScenarioCommand oneWay = only("cut S1 -> S2");
    EXPECT_EQ(oneWay.kind, CommandKind::Cut);
    EXPECT_EQ(oneWay.node.id, 1);
    EXPECT_EQ(oneWay.peer.id, 2);
    EXPECT_FALSE(oneWay.bothWays);

    const ScenarioCommand bothWays = only("cut leader<->S4");
    EXPECT_TRUE(bothWays.node.isLeader);
    EXPECT_EQ(bothWays.peer.id, 4);
    EXPECT_TRUE(bothWays.bothWays);

    EXPECT_EQ(only("heal").kind, CommandKind::Heal);

    const ScenarioCommand say = only("say  S1 is   the leader now  # not this");
    EXPECT_EQ(say.kind, CommandKind::Say);
    EXPECT_EQ(say.argument, "S1 is   the leader now");
}

// --- checks ---------------------------------------------------------------------

TEST(ScenarioParse, ExpectLeader)
{
    const ScenarioCommand node = only("expect leader S3");
    EXPECT_EQ(node.kind, CommandKind::ExpectLeader);
    EXPECT_EQ(node.condition.want, LeaderWant::Node);
    EXPECT_EQ(node.condition.node.id, 3);
    EXPECT_EQ(only("expect leader any").condition.want, LeaderWant::Any);
    EXPECT_EQ(only("expect leader none").condition.want, LeaderWant::None);

    const ScenarioCommand in = only("expect leader in S1 S2 S5");
    EXPECT_EQ(in.kind, CommandKind::ExpectLeaderIn);
    EXPECT_THAT(in.condition.nodes, ElementsAre(1, 2, 5));
}

TEST(ScenarioParse, ExpectRoleAndStatus)
{
    const ScenarioCommand role = only("expect role S2 candidate");
    EXPECT_EQ(role.kind, CommandKind::ExpectRole);
    EXPECT_EQ(role.condition.role, Role::Candidate);
    EXPECT_EQ(only("expect role leader leader").condition.role, Role::Leader);
    EXPECT_EQ(only("expect role S1 follower").condition.role, Role::Follower);

    const ScenarioCommand status = only("expect status S4 paused");
    EXPECT_EQ(status.kind, CommandKind::ExpectStatus);
    EXPECT_EQ(status.condition.status, NodeStatus::Paused);
    EXPECT_EQ(only("expect status S4 crashed").condition.status, NodeStatus::Crashed);
    EXPECT_EQ(only("expect status S4 up").condition.status, NodeStatus::Up);
}

TEST(ScenarioParse, ExpectComparisons)
{
    const std::vector<std::pair<const char *, Compare>> cases = {
        {"expect term S1 = 3", Compare::Equal},        {"expect term S1 == 3", Compare::Equal},
        {"expect term S1 3", Compare::Equal},          {"expect term S1 != 3", Compare::NotEqual},
        {"expect term S1 < 3", Compare::Less},         {"expect term S1 <= 3", Compare::LessEqual},
        {"expect term S1 > 3", Compare::Greater},      {"expect term S1 >= 3", Compare::GreaterEqual},
        {"expect term S1 >=3", Compare::GreaterEqual}, {"expect term S1 <3", Compare::Less}};
    for (const auto &[text, op] : cases) {
        const ScenarioCommand command = only(text);
        EXPECT_EQ(command.kind, CommandKind::ExpectTerm) << text;
        EXPECT_EQ(command.condition.compare, op) << text;
        EXPECT_EQ(command.condition.number, 3u) << text;
    }
    EXPECT_EQ(only("expect commit leader >= 4").kind, CommandKind::ExpectCommit);
    EXPECT_EQ(only("expect applied S2 = 0").kind, CommandKind::ExpectApplied);
}

TEST(ScenarioParse, ExpectLogKvAgreeViolations)
{
    const ScenarioCommand log = only("expect log S2 1 1 2 4");
    EXPECT_EQ(log.kind, CommandKind::ExpectLog);
    EXPECT_THAT(log.condition.terms, ElementsAre(1u, 1u, 2u, 4u));
    EXPECT_THAT(only("expect log S2 empty").condition.terms, IsEmpty());

    const ScenarioCommand kv = only("expect kv S1 x=5 y=<none> z=");
    EXPECT_EQ(kv.kind, CommandKind::ExpectKv);
    ASSERT_THAT(kv.condition.kv, SizeIs(3));
    EXPECT_EQ(kv.condition.kv[0], (KvExpectation{"x", std::string("5")}));
    EXPECT_EQ(kv.condition.kv[1], (KvExpectation{"y", std::nullopt}));
    EXPECT_EQ(kv.condition.kv[2], (KvExpectation{"z", std::string()}));

    EXPECT_EQ(only("expect agree").kind, CommandKind::ExpectAgree);
    EXPECT_EQ(only("expect violations none").kind, CommandKind::ExpectNoViolations);
}

// --- errors ---------------------------------------------------------------------

struct BadLine {
    const char *script;
    int line;
    const char *problem;
};

TEST(ScenarioErrors, EveryMalformedLineNamesFileLineAndProblem)
{
    const std::vector<BadLine> cases = {
        {"crsh S1", 1, "unknown command 'crsh' (did you mean 'crash'?)"},
        {"\nrestrat S1", 2, "(did you mean 'restart'?)"},
        {"frobnicate", 1, "unknown command 'frobnicate'"},
        {"term S1 = 3", 1, "(did you mean 'expect term'?)"},
        {"until leader", 1, "(did you mean 'run until'?)"},
        {"crash", 1, "missing argument: usage is 'crash Sx'"},
        {"crash S1 S2", 1, "too many arguments"},
        {"crash S6", 1, "'S6' does not exist: this cluster has 5 nodes (S1..S5)"},
        {"nodes 3\ncrash S4", 2, "this cluster has 3 nodes (S1..S3)"},
        {"nodes 1\npause S2", 2, "this cluster has 1 node (only S1)"},
        {"crash S0", 1, "no node 'S0'"},
        {"crash S10", 1, "no node 'S10'"},
        {"crash bob", 1, "expected a node (S1..S5 or leader), got 'bob'"},
        {"run", 1, "run needs a duration"},
        {"run soon", 1, "bad duration 'soon'"},
        {"run 10 seconds", 1, "write the unit right after the number: run 10s"},
        {"run 1.0005ms", 1, "bad duration '1.0005ms'"},
        {"run until", 1, "run until needs a condition"},
        {"run until lader", 1, "(did you mean 'leader'?)"},
        {"run until committed", 1, "run until committed needs an index"},
        {"run until committed x", 1, "bad index 'x'"},
        {"run until leader 5s", 1, "write 'max T'"},
        {"run until leader max", 1, "max needs a time"},
        {"run until leader max 0", 1, "max must be above 0"},
        {"request S1", 1, "missing argument"},
        {"request S1 put x 1", 1, "unknown client command 'put'"},
        {"request S1 set x", 1, "set needs a key and a value"},
        {"request S1 set x 1 2", 1, "set takes one key and one value"},
        {"request S1 del", 1, "del needs a key"},
        {"request S9 set x 1", 1, "'S9' does not exist"},
        {"partition S1 S2 S3 S4 S5", 1, "at least two groups separated by '|'"},
        {"partition S1 S2 | S3 S4", 1, "missing: S5"},
        {"partition S1 S2 | S2 S3 S4 S5", 1, "S2 is listed twice"},
        {"partition S1 S2 || S3 S4 S5", 1, "empty group"},
        {"partition leader | S1 S2 S3 S4 S5", 1, "'leader' cannot be used here"},
        {"cut S1 S2", 1, "cut needs an arrow"},
        {"cut S1 -> S1", 1, "two different nodes"},
        {"cut S1 S2 -> S3", 1, "exactly one node to one node"},
        {"heal now", 1, "usage is 'heal'"},
        {"say", 1, "say needs the text"},
        {"say # only a comment", 1, "say needs the text"},
        {"expect", 1, "expect needs something to check"},
        {"expect leadr S1", 1, "unknown check 'leadr' (did you mean 'leader'?)"},
        {"expect leader", 1, "usage is 'expect leader Sx|any|none'"},
        {"expect leader leader", 1, "expect leader takes a node, any or none"},
        {"expect leader in", 1, "needs one or more nodes"},
        {"expect leader in S1 leader", 1, "'leader' cannot be used here"},
        {"expect role S1 boss", 1, "unknown role 'boss'"},
        {"expect role S1 leder", 1, "(did you mean 'leader'?)"},
        {"expect role S1 crashed", 1, "is a status, not a role (did you mean 'expect status'?)"},
        {"expect status S1 dead", 1, "unknown status 'dead'"},
        {"expect term S1", 1, "missing argument"},
        {"expect term S1 ~ 3", 1, "unknown comparison '~'"},
        {"expect term S1 >=", 1, "missing number"},
        {"expect term S1 >= three", 1, "bad number 'three'"},
        {"expect term S1 >= 3 4", 1, "too many arguments"},
        {"expect commit S7 = 1", 1, "'S7' does not exist"},
        {"expect log S1", 1, "expect log needs a node and the terms"},
        {"expect log S1 1 x", 1, "bad term 'x'"},
        {"expect kv S1", 1, "expect kv needs a node and one or more KEY=VALUE"},
        {"expect kv S1 x", 1, "expected KEY=VALUE (or KEY=<none>), got 'x'"},
        {"expect kv S1 =5", 1, "got '=5'"},
        {"expect agree S1", 1, "usage is 'expect agree'"},
        {"expect violations some", 1, "only 'expect violations none'"},
        {"nodes", 1, "usage is 'nodes N'"},
        {"nodes 0", 1, "a cluster has 1 to 9 nodes, not 0"},
        {"nodes 10", 1, "a cluster has 1 to 9 nodes, not 10"},
        {"nodes three", 1, "bad node count 'three'"},
        {"seed -1", 1, "bad seed '-1'"},
        {"election-timeout 300", 1, "usage is 'election-timeout MIN MAX'"},
        {"election-timeout 300 150", 1, "the minimum 300ms is above the maximum 150ms"},
        {"election-timeout 0 0", 1, "the minimum must be above 0"},
        {"heartbeat 0", 1, "the interval must be above 0"},
        {"heartbeat 200\nrun 1s", 1, "the cluster setup is not usable: heartbeat (200 ms) must be shorter"},
        {"latency fast 20", 1, "bad minimum 'fast'"},
        {"loss 1.5", 1, "bad probability '1.5'"},
        {"duplicate -0.1", 1, "bad probability '-0.1'"},
        {"option noop maybe", 1, "must be 'on' or 'off'"},
        {"option nop on", 1, "unknown option 'nop' (did you mean 'noop'?)"},
        {"seed 1\nseed 2", 2, "'seed' is already set on line 1"},
        {"option noop on\noption invariants on\noption noop off", 3, "'option noop' is already set on line 1"},
        {"run 1s\nnodes 3", 2, "'nodes' is a setup line: setup must come before the first action (line 1)"},
        {"expect leader none\nseed 3", 2, "setup must come before the first action (line 1)"},
    };
    for (const BadLine &bad : cases) {
        const std::vector<std::string> errors = errorsOf(bad.script);
        ASSERT_THAT(errors, SizeIs(1)) << bad.script;
        EXPECT_THAT(errors[0], StartsWith("bad.txt:" + std::to_string(bad.line) + ": ")) << bad.script;
        EXPECT_THAT(errors[0], HasSubstr(bad.problem)) << bad.script;
    }
}

TEST(ScenarioErrors, CollectsEveryErrorInLineOrder)
{
    const Scenario scenario = Scenario::parse("nodes 3\n"
                                              "crsh S1\n"
                                              "run until leader\n"
                                              "request S7 set x 1\n"
                                              "expect trem S1 >= 1\n"
                                              "seed 4\n",
                                              "lesson.txt");
    EXPECT_FALSE(scenario.isValid());
    ASSERT_THAT(scenario.errors(), SizeIs(4));
    EXPECT_THAT(scenario.errors()[0], StartsWith("lesson.txt:2: unknown command 'crsh'"));
    EXPECT_THAT(scenario.errors()[1], StartsWith("lesson.txt:4: 'S7' does not exist"));
    EXPECT_THAT(scenario.errors()[2], StartsWith("lesson.txt:5: unknown check 'trem' (did you mean 'term'?)"));
    EXPECT_THAT(scenario.errors()[3], StartsWith("lesson.txt:6: 'seed' is a setup line"));
    // The good lines are still parsed, so a teacher sees only real mistakes.
    ASSERT_THAT(scenario.commands(), SizeIs(1));
    EXPECT_EQ(scenario.commands()[0].line, 3);
}

TEST(ScenarioErrors, UnusableSetupIsReportedOnItsLastLine)
{
    const std::vector<std::string> errors = errorsOf("nodes 3\nheartbeat 400\nelection-timeout 100 200\n\nrun 1s\n");
    ASSERT_THAT(errors, SizeIs(1));
    EXPECT_THAT(errors[0], StartsWith("bad.txt:3: the cluster setup is not usable"));
}

TEST(ScenarioErrors, AMalformedNodeCountDoesNotCascade)
{
    // With "nodes 12" rejected, S7 is not reported as well.
    const std::vector<std::string> errors = errorsOf("nodes 12\ncrash S7\n");
    ASSERT_THAT(errors, SizeIs(1));
    EXPECT_THAT(errors[0], HasSubstr("1 to 9 nodes"));
}

TEST(ScenarioErrors, MangledScriptsNeverCrashTheParser)
{
    // Deterministic fuzzing: random edits of a script that uses every command.
    const std::string script = "nodes 5\nseed 3\nelection-timeout 150 300\nheartbeat 50\nlatency 10 20\n"
                               "loss 0.1\nduplicate 5%\noption noop off\nrun 1.5s\nrun until leader max 2s\n"
                               "run until new-leader\nrun until committed 3 max 1s\ncrash S1\nrestart S1\n"
                               "pause leader\nresume S2\ntimeout S3\nrequest leader set x 5\nrequest S2 del x\n"
                               "partition S1 S2 | S3 S4 S5\nisolate S4\ncut S1 -> S2\ncut S2 <-> S3\n"
                               "reconnect S4\nheal\nsay hello\nexpect leader S1\nexpect leader in S1 S2\n"
                               "expect role S1 leader\nexpect status S2 up\nexpect term S1 >= 2\n"
                               "expect commit leader < 4\nexpect applied S3 = 0\nexpect log S1 1 1 2\n"
                               "expect kv S1 x=5 y=<none>\nexpect agree\nexpect violations none # end\n";
    ASSERT_THAT(Scenario::parse(script, "fuzz.txt").errors(), IsEmpty());
    const std::string alphabet = "S0123456789 |<->=#.%msxleadrunti\n\t\r";
    Rng rng(2024);
    int malformed = 0;
    for (int round = 0; round < 1000; ++round) {
        std::string mangled = script;
        const int edits = 1 + static_cast<int>(rng.uniform(0, 4));
        for (int e = 0; e < edits; ++e) {
            const auto at = static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(mangled.size()) - 1));
            const char c =
                alphabet[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(alphabet.size()) - 1))];
            switch (rng.uniform(0, 2)) {
            case 0: mangled[at] = c; break;
            case 1: mangled.insert(mangled.begin() + static_cast<std::ptrdiff_t>(at), c); break;
            default: mangled.erase(at, 1); break;
            }
        }
        const Scenario scenario = Scenario::parse(mangled, "fuzz.txt");
        malformed += scenario.isValid() ? 0 : 1;
        for (const std::string &error : scenario.errors())
            EXPECT_THAT(error, ::testing::MatchesRegex("fuzz\\.txt:[0-9]+: .+")) << mangled;
        for (const ScenarioCommand &command : scenario.commands()) {
            EXPECT_GE(command.line, 1);
            EXPECT_FALSE(command.text.empty());
        }
    }
    EXPECT_GT(malformed, 300);
}

// --- running ----------------------------------------------------------------------

TEST(ScenarioRun, RunAdvancesVirtualTime)
{
    const ScenarioRunner runner = runScript("run 150\nrun 150ms\nrun 2s\nrun 0.5s\n");
    EXPECT_EQ(runner.simulation().now(), raft::fromMs(2800));
    EXPECT_TRUE(runner.succeeded());
    EXPECT_EQ(runner.passed(), 0);
}

TEST(ScenarioRun, RunUntilStopsRightAfterTheEventThatMakesItTrue)
{
    const ScenarioRunner runner = runScript("seed 7\nrun until leader\n");
    const Simulation &sim = runner.simulation();
    ASSERT_TRUE(sim.leader().has_value());
    EXPECT_EQ(runner.passed(), 1);
    // The last trace event is the election that made it true, at the current time.
    const TraceEvents &events = sim.trace().events();
    ASSERT_FALSE(events.empty());
    const auto won = std::find_if(events.rbegin(), events.rend(),
                                  [](const TraceEvent &e) { return e.kind == EventKind::BecameLeader; });
    ASSERT_NE(won, events.rend());
    EXPECT_EQ(won->t, sim.now());
    EXPECT_EQ(won->step, sim.stepCount());

    // The same world stepped by hand reaches a leader at the same moment.
    Simulation manual(runner.scenario().config());
    while (!manual.leader())
        ASSERT_TRUE(manual.step());
    EXPECT_EQ(manual.now(), sim.now());
}

TEST(ScenarioRun, RunUntilReturnsAtOnceWhenItAlreadyHolds)
{
    Scenario scenario = parseOk("run until leader\nrun until leader\nrun until committed 1\nrun until committed 0\n");
    ScenarioRunner runner(std::move(scenario));
    runner.step();
    const Time elected = runner.simulation().now();
    const std::uint64_t steps = runner.simulation().stepCount();
    runner.step();
    EXPECT_EQ(runner.simulation().now(), elected);
    EXPECT_EQ(runner.simulation().stepCount(), steps);
    runner.step(); // the no-op commits after one round trip
    EXPECT_GT(runner.simulation().now(), elected);
    const Time committed = runner.simulation().now();
    runner.step();
    EXPECT_EQ(runner.simulation().now(), committed);
    EXPECT_TRUE(runner.succeeded());
    EXPECT_EQ(runner.passed(), 4);
}

TEST(ScenarioRun, RunUntilNewLeaderWaitsForAHigherTerm)
{
    const ScenarioRunner runner = runScript("timeout S1\n"
                                            "run until leader\n"
                                            "isolate S1\n"
                                            "run until new-leader max 3s\n"
                                            "expect leader in S2 S3 S4 S5\n"
                                            "expect term leader >= 2\n"
                                            "expect role S1 leader\n");
    EXPECT_TRUE(runner.succeeded()) << (runner.failures().empty() ? "" : runner.failures()[0].why);
    EXPECT_EQ(runner.passed(), 5);
}

TEST(ScenarioRun, RunUntilThatTimesOutIsAFailedExpectation)
{
    const ScenarioRunner runner = runScript("nodes 3\n"
                                            "partition S1 | S2 | S3\n"
                                            "run until leader max 2s\n"
                                            "expect leader none\n");
    ASSERT_THAT(runner.failures(), SizeIs(1));
    EXPECT_EQ(runner.failures()[0].line, 3);
    EXPECT_EQ(runner.failures()[0].text, "run until leader max 2s");
    EXPECT_EQ(runner.failures()[0].why, "after 2s: no leader");
    EXPECT_EQ(runner.simulation().now(), raft::fromMs(2000));
    EXPECT_EQ(runner.passed(), 1);
    EXPECT_FALSE(runner.succeeded());
}

TEST(ScenarioRun, FailedExpectationsAreRecordedAndTheScriptGoesOn)
{
    const ScenarioRunner runner = runScript("nodes 3\n"
                                            "timeout S1\n"
                                            "run until leader\n"
                                            "expect leader S2\n"
                                            "expect role S3 leader\n"
                                            "expect term S1 > 5\n"
                                            "expect commit S1 >= 99\n"
                                            "expect log S1 2 2\n"
                                            "expect kv S1 x=1\n"
                                            "run 500ms\n"
                                            "expect leader S1\n"
                                            "expect log S2 1\n");
    EXPECT_THAT(failedLines(runner), ElementsAre(4, 5, 6, 7, 8, 9));
    const std::vector<ExpectationFailure> &f = runner.failures();
    EXPECT_EQ(f[0].text, "expect leader S2");
    EXPECT_EQ(f[0].why, "S1 leads term 1");
    EXPECT_EQ(f[1].why, "S3 is follower in term 1");
    EXPECT_EQ(f[2].why, "S1's term is 1");
    EXPECT_EQ(f[3].why, "S1's commitIndex is 0");
    EXPECT_EQ(f[4].why, "S1's log has terms 1");
    EXPECT_EQ(f[5].why, "S1 has no key x");
    EXPECT_EQ(runner.passed(), 3);
}

TEST(ScenarioRun, ImpossibleActionsFailWithAReason)
{
    const ScenarioRunner runner = runScript("nodes 3\n"
                                            "restart S1\n"
                                            "resume S1\n"
                                            "crash S2\n"
                                            "crash S2\n"
                                            "pause S2\n"
                                            "timeout S2\n"
                                            "pause S3\n"
                                            "pause S3\n"
                                            "restart S3\n"
                                            "resume S3\n"
                                            "timeout S1\n"
                                            "run until leader\n"
                                            "timeout S1\n"
                                            "cut leader -> S1\n");
    EXPECT_THAT(failedLines(runner), ElementsAre(2, 3, 5, 6, 7, 9, 10, 14, 15));
    const std::vector<ExpectationFailure> &f = runner.failures();
    EXPECT_EQ(f[0].why, "S1 is up; only a crashed server can restart");
    EXPECT_EQ(f[1].why, "S1 is up, not paused");
    EXPECT_EQ(f[2].why, "S2 is already crashed");
    EXPECT_EQ(f[3].why, "S2 is crashed; only a server that is up can pause");
    EXPECT_EQ(f[4].why, "S2 is crashed; only a server that is up can time out");
    EXPECT_EQ(f[5].why, "S3 is paused; only a server that is up can pause");
    EXPECT_EQ(f[6].why, "S3 is paused, not crashed; use resume");
    EXPECT_EQ(f[7].why, "S1 is the leader; a leader has no election timer");
    EXPECT_THAT(f[8].why, HasSubstr("cut needs two different nodes"));
}

TEST(ScenarioRun, LeaderWithoutALeaderIsAFailedExpectation)
{
    const ScenarioRunner runner = runScript("request leader set x 1\n"
                                            "isolate leader\n"
                                            "expect term leader = 0\n"
                                            "expect leader any\n"
                                            "expect leader none\n"
                                            "expect leader in S1 S2\n");
    EXPECT_THAT(failedLines(runner), ElementsAre(1, 2, 3, 4, 6));
    for (const ExpectationFailure &failure : runner.failures())
        EXPECT_EQ(failure.why, "no leader");
    EXPECT_EQ(runner.passed(), 1);
}

TEST(ScenarioRun, RequestsReachTheLogExactlyAsWritten)
{
    const ScenarioRunner runner = runScript("nodes 3\n"
                                            "timeout S2\n"
                                            "run until leader\n"
                                            "request leader set x 5\n"
                                            "request S2 set y 7\n"
                                            "request S1 set ignored 1\n"
                                            "request S2 del y\n"
                                            "run until committed 4\n"
                                            "run 300ms\n"
                                            "expect kv S1 x=5 y=<none> ignored=<none>\n"
                                            "expect applied S3 = 4\n"
                                            "expect agree\n");
    EXPECT_TRUE(runner.succeeded()) << (runner.failures().empty() ? "" : runner.failures()[0].why);
    const Log &log = runner.simulation().log(3);
    ASSERT_EQ(log.lastIndex(), 4u);
    EXPECT_EQ(log.at(1).command, "");
    EXPECT_EQ(log.at(2).command, "set x 5");
    EXPECT_EQ(log.at(3).command, "set y 7");
    EXPECT_EQ(log.at(4).command, "del y");
}

TEST(ScenarioRun, PausedNodesAreLiveForAgree)
{
    const ScenarioRunner runner = runScript("nodes 3\n"
                                            "timeout S1\n"
                                            "run until leader\n"
                                            "run 200ms\n"
                                            "pause S3\n"
                                            "request S1 set x 1\n"
                                            "run 300ms\n"
                                            "expect agree\n"
                                            "expect status S3 paused\n"
                                            "crash S3\n"
                                            "expect agree\n"
                                            "expect role S3 follower\n");
    EXPECT_THAT(failedLines(runner), ElementsAre(8, 12));
    EXPECT_EQ(runner.failures()[0].why, "S1 has committed 2 entries, S3 1");
    EXPECT_EQ(runner.failures()[1].why, "S3 is crashed (a crashed server has no role)");
}

TEST(ScenarioRun, PartitionIsolateCutReconnectAndHeal)
{
    const ScenarioRunner runner = runScript("nodes 5\n"
                                            "timeout S1\n"
                                            "run until leader\n"
                                            "partition S1 S2 | S3 S4 S5\n"
                                            "request S1 set lost 1\n"
                                            "run until new-leader max 3s\n"
                                            "expect leader in S3 S4 S5\n"
                                            "expect role S1 leader\n"
                                            "expect commit S1 = 0\n"
                                            "heal\n"
                                            "run 1s\n"
                                            "expect role S1 follower\n"
                                            "expect kv S1 lost=<none>\n"
                                            "expect agree\n"
                                            "isolate leader\n"
                                            "run until new-leader max 3s\n"
                                            "reconnect S1\n"
                                            "reconnect S2\n"
                                            "reconnect S3\n"
                                            "reconnect S4\n"
                                            "reconnect S5\n"
                                            "cut S1 <-> S2\n"
                                            "run 1s\n"
                                            "expect leader any\n"
                                            "heal\n"
                                            "run 1s\n"
                                            "expect agree\n"
                                            "expect violations none\n");
    EXPECT_TRUE(runner.succeeded()) << (runner.failures().empty() ? "" : runner.failures()[0].why);
    EXPECT_EQ(runner.passed(), 12);
}

TEST(ScenarioRun, SayAddsNarrationToTheTrace)
{
    const ScenarioRunner runner = runScript("run 100ms\nsay hello, class\n");
    const Trace &trace = runner.simulation().trace();
    ASSERT_FALSE(trace.events().empty());
    const TraceEvent &last = trace.events().back();
    EXPECT_EQ(last.kind, EventKind::Narration);
    EXPECT_EQ(last.t, raft::fromMs(100));
    EXPECT_EQ(trace.textOf(last), "hello, class");
}

TEST(ScenarioRun, SameScriptSameWorld)
{
    const char *script = "seed 42\nloss 0.05\nduplicate 0.05\nrun until leader\nrequest leader set x 1\n"
                         "crash leader\nrun until leader\nrun 2s\n";
    const ScenarioRunner a = runScript(script);
    const ScenarioRunner b = runScript(script);
    EXPECT_TRUE(a.simulation() == b.simulation());
    EXPECT_EQ(a.simulation().now(), b.simulation().now());
    EXPECT_EQ(a.simulation().stats(), b.simulation().stats());
    EXPECT_EQ(a.simulation().inputs(), b.simulation().inputs());
    EXPECT_EQ(a.simulation().trace().events(), b.simulation().trace().events());
    EXPECT_GT(a.simulation().trace().size(), 10u);
}

TEST(ScenarioRun, StepRunsOneCommandAtATime)
{
    Scenario scenario = parseOk("run 100ms\nexpect leader S1\nrun 100ms\n");
    ScenarioRunner runner(std::move(scenario));
    EXPECT_FALSE(runner.atEnd());
    EXPECT_EQ(runner.next(), 0u);
    EXPECT_TRUE(runner.step().ok);
    EXPECT_EQ(runner.simulation().now(), raft::fromMs(100));
    const CommandOutcome failed = runner.step();
    EXPECT_FALSE(failed.ok);
    EXPECT_EQ(failed.why, "no leader");
    EXPECT_TRUE(runner.step().ok);
    EXPECT_TRUE(runner.atEnd());
    EXPECT_EQ(runner.simulation().now(), raft::fromMs(200));
}

// Issue 14: a scenario cannot ask for more than a week of virtual time, nor for
// delays that would overflow time arithmetic.
TEST(ScenarioErrors, HugeTimesAndDelaysAreRefused)
{
    EXPECT_THAT(errorsOf("run 999999999999s\n"), ElementsAre(HasSubstr("bad.txt:1: bad duration")));
    EXPECT_THAT(errorsOf("run 999999999999s\n"), ElementsAre(HasSubstr("at most a week")));
    EXPECT_THAT(errorsOf("latency 1 999999999999s\n"), Not(IsEmpty()));
    EXPECT_THAT(errorsOf("election-timeout 150 3600s\n"), ElementsAre(HasSubstr("election timeout")));
    EXPECT_THAT(errorsOf("latency 10 90s\n"), ElementsAre(HasSubstr("latency must be a range")));
    EXPECT_THAT(errorsOf("run 7d\n"), Not(IsEmpty()));
    EXPECT_THAT(errorsOf("run 604800s\n"), IsEmpty());
}

} // namespace
} // namespace raft
