// User actions answer with a reason: done, or refused with a typed reason worded from
// one table; check() says the same as apply() without acting; a refused action
// changes nothing and records nothing.
#include "raft/action.h"
#include "raft/runfile.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace raft;

namespace {

Simulation withLeader(int nodes, std::uint64_t seed)
{
    Simulation sim(ClusterConfig{.nodes = nodes, .seed = seed});
    EXPECT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    return sim;
}

/// reasonOf is the reason apply() gives, or nullopt when it was done.
std::optional<RefusalReason> reasonOf(const ActionResult &result)
{
    return result.refusal() ? std::optional(result.refusal()->reason) : std::nullopt;
}

/// everyAction lists one action of each kind, aimed at servers 1..n and messages in
/// flight, so some are possible and some are not.
std::vector<Action> someActions(const Simulation &sim, Rng &rng)
{
    const auto node = [&] { return static_cast<NodeId>(rng.uniform(0, sim.size() + 1)); };
    std::uint64_t message = 1 + static_cast<std::uint64_t>(rng.uniform(0, 40));
    if (const auto all = sim.network().envelopes(); !all.empty() && rng.chance(0.7))
        message = all[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(all.size()) - 1))]->id;
    NetworkConfig conditions{
        .latencyMin = raft::fromMs(rng.uniform(0, 20)), .latencyMax = raft::fromMs(rng.uniform(0, 40)), .loss = 0.1};
    return {act::Crash{node()},
            act::Restart{node()},
            act::Pause{node()},
            act::Resume{node()},
            act::Timeout{node()},
            act::Request{node(), "set a 1"},
            act::Partition{{{node(), node()}, {node()}}},
            act::Isolate{node()},
            act::Cut{node(), node(), rng.chance(0.5)},
            act::Reconnect{node()},
            act::Heal{},
            act::Drop{message},
            act::Deliver{message},
            act::Duplicate{message},
            act::Hold{rng.chance(0.5)},
            act::SetNetwork{conditions},
            act::Say{"look"},
            act::SetTimer{node(), sim.now() + raft::fromMs(rng.uniform(-20, 50))},
            act::SetLink{node(), node(), rng.chance(0.5) ? std::optional(conditions) : std::nullopt},
            act::Restore{node(), node(), rng.chance(0.5)},
            act::AutoClient{raft::fromMs(rng.uniform(-10, 200))}};
}

} // namespace

TEST(ActionResult, EveryReasonHasItsOwnWordsAndName)
{
    std::set<std::string> patterns;
    std::set<std::string> names;
    for (std::size_t i = 0; i < kRefusalReasons; ++i) {
        const auto reason = static_cast<RefusalReason>(i);
        patterns.insert(refusalPattern(reason));
        names.insert(refusalReasonName(reason));
        const Refusal r{reason, InputKind::Pause, 2, 3, 17};
        const std::string text = describeRefusal(r);
        EXPECT_EQ(text.find('%'), std::string::npos) << text;
        EXPECT_FALSE(text.empty());
    }
    EXPECT_EQ(patterns.size(), kRefusalReasons);
    EXPECT_EQ(names.size(), kRefusalReasons);
}

TEST(ActionResult, WordsNameTheServerTheLinkAndTheMessage)
{
    EXPECT_EQ(describeRefusal({RefusalReason::CrashedNotUp, InputKind::Timeout, 2}),
              "S2 is crashed; only a server that is up can time out");
    EXPECT_EQ(describeRefusal({RefusalReason::LinkNotCut, InputKind::Restore, 1, 4}), "the link S1 -> S4 is not cut");
    EXPECT_EQ(describeRefusal({RefusalReason::NoSuchMessage, InputKind::Drop, kNoNode, kNoNode, 42}),
              "message #42 is not in flight");
    EXPECT_EQ(ActionResult().describe(), "done");
}

TEST(ActionResult, EachImpossibleActionGivesItsReason)
{
    Simulation sim = withLeader(3, 10);
    const NodeId leader = *sim.leader();
    const NodeId f = leader % 3 + 1;
    const NodeId g = f % 3 + 1;
    ASSERT_TRUE(sim.crash(f));
    ASSERT_TRUE(sim.pause(g));
    EXPECT_EQ(reasonOf(sim.crash(f)), RefusalReason::AlreadyCrashed);
    EXPECT_EQ(reasonOf(sim.restart(leader)), RefusalReason::UpNotCrashed);
    EXPECT_EQ(reasonOf(sim.restart(g)), RefusalReason::PausedNotCrashed);
    EXPECT_EQ(reasonOf(sim.pause(f)), RefusalReason::CrashedNotUp);
    EXPECT_EQ(reasonOf(sim.timeout(g)), RefusalReason::PausedNotUp);
    EXPECT_EQ(reasonOf(sim.resume(leader)), RefusalReason::UpNotPaused);
    EXPECT_EQ(reasonOf(sim.resume(f)), RefusalReason::CrashedNotPaused);
    EXPECT_EQ(reasonOf(sim.timeout(leader)), RefusalReason::IsLeader);
    EXPECT_EQ(reasonOf(sim.setElectionDeadline(leader, sim.now() + raft::fromMs(5))), RefusalReason::IsLeader);
    EXPECT_EQ(reasonOf(sim.crash(4)), RefusalReason::NoSuchServer);
    EXPECT_EQ(reasonOf(sim.cut(2, 2, true)), RefusalReason::SameServer);
    EXPECT_EQ(reasonOf(sim.restoreLink(1, 2, true)), RefusalReason::LinkNotCut);
    EXPECT_EQ(reasonOf(sim.dropMessage(999999)), RefusalReason::NoSuchMessage);
    EXPECT_EQ(reasonOf(sim.setNetworkConfig(NetworkConfig{.latencyMin = raft::fromMs(5), .latencyMax = raft::fromMs(2)})),
              RefusalReason::BadConditions);
    // A message to the paused server waits at its door: it cannot be delivered by hand.
    sim.runFor(raft::fromMs(200));
    std::uint64_t waiting = 0;
    sim.network().forEach([&](const Envelope &e) {
        if (e.message.to == g && waiting == 0)
            waiting = e.id;
    });
    ASSERT_NE(waiting, 0u);
    const ActionResult refused = sim.deliverMessage(waiting);
    EXPECT_EQ(reasonOf(refused), RefusalReason::DestinationPaused);
    EXPECT_EQ(refused.describe(),
              "message #" + std::to_string(waiting) + " goes to " + nodeName(g) + ", which is paused; resume it first");
    ASSERT_TRUE(sim.resume(g));
    ASSERT_TRUE(sim.setElectionDeadline(g, sim.now() + raft::fromMs(1)));
    EXPECT_EQ(reasonOf(sim.setElectionDeadline(g, sim.now() - raft::fromMs(1))), RefusalReason::TimeInPast);
}

TEST(ActionResult, CheckAgreesWithApplyAndARefusalChangesNothing)
{
    int done = 0;
    int refused = 0;
    std::set<RefusalReason> seen;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        Simulation sim = withLeader(5, seed);
        Rng rng(seed * 31);
        for (int round = 0; round < 60; ++round) {
            sim.runFor(raft::fromMs(rng.uniform(0, 40)));
            for (const Action &action : someActions(sim, rng)) {
                const ActionResult predicted = sim.check(action);
                const Simulation before = sim;
                const std::uint64_t step = sim.stepCount();
                const ActionResult result = sim.apply(action);
                ASSERT_EQ(predicted.refusal(), result.refusal()) << inputKindName(kindOf(action));
                if (result) {
                    ++done;
                    ASSERT_FALSE(sim.inputs().empty());
                    EXPECT_EQ(sim.inputs().back().action, action);
                    EXPECT_EQ(sim.inputs().back().step, step);
                } else {
                    ++refused;
                    seen.insert(result.refusal()->reason);
                    EXPECT_EQ(result.refusal()->action, kindOf(action));
                    EXPECT_TRUE(sim == before) << "refused " << inputKindName(kindOf(action)) << " changed the world";
                }
            }
            // Bring crashed and paused servers back now and then, so runs go on.
            if (round % 10 == 9)
                for (NodeId id = 1; id <= sim.size(); ++id)
                    (void)(sim.status(id) == NodeStatus::Crashed ? sim.restart(id) : sim.resume(id));
        }
        EXPECT_TRUE(sim.violations().empty());
    }
    EXPECT_GT(done, 500);
    EXPECT_GT(refused, 500);
    EXPECT_GE(seen.size(), 10u) << "the random actions meet most reasons";
}

TEST(Input, EveryKindRoundTripsThroughItsRunFileLine)
{
    // One recorded input of each kind: the line written for it reads back the same.
    const NetworkConfig slow{.latencyMin = raft::fromMs(30), .latencyMax = raft::fromMs(90), .loss = 0.3, .duplicate = 0.1};
    const std::vector<Action> actions = {
        act::Crash{3},
        act::Restart{3},
        act::Pause{2},
        act::Resume{2},
        act::Timeout{5},
        act::Request{1, "set greeting hello  world"},
        act::Partition{{{1, 2}, {3, 4, 5}}},
        act::Isolate{4},
        act::Cut{1, 2, false},
        act::Reconnect{4},
        act::Heal{},
        act::Drop{17},
        act::Deliver{18},
        act::Duplicate{19},
        act::Hold{true},
        act::SetNetwork{slow},
        act::Say{"who can commit now?"},
        act::SetTimer{2, raft::fromMs(777)},
        act::SetLink{1, 3, slow},
        act::Restore{2, 5, true},
        act::Cut{4, 1, true},
        act::SetLink{3, 1, std::nullopt},
        act::Hold{false},
        act::Transfer{3},
        act::Snapshot{2},
        act::Read{2, "x"},
        act::Request{5, "incr n", 7, 3},
        act::AutoClient{raft::fromMs(250)},
        act::AutoClient{0},
        act::AddServer{4},
        act::RemoveServer{2},
        act::Reconfigure{{1, 3, 4}},
    };
    RunFile run;
    std::set<InputKind> kinds;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        run.inputs.push_back(Input{raft::fromMs(static_cast<Time>(100 + i)), 10 * i, actions[i]});
        kinds.insert(kindOf(actions[i]));
    }
    EXPECT_EQ(kinds.size(), std::variant_size_v<Action>) << "every kind is covered";
    const std::string text = formatRunFile(run);
    const RunFileResult back = parseRunFile(text, "all.raftrun");
    ASSERT_TRUE(back.errors.empty()) << back.errors.front();
    ASSERT_EQ(back.run->inputs.size(), run.inputs.size());
    for (std::size_t i = 0; i < run.inputs.size(); ++i)
        EXPECT_EQ(back.run->inputs[i], run.inputs[i]) << formatInput(run.inputs[i]);
    // And the text is the format's own, line for line.
    EXPECT_NE(text.find("at 105 step 50 request S1 set greeting hello  world\n"), std::string::npos) << text;
    EXPECT_NE(text.find("at 106 step 60 partition S1 S2 | S3 S4 S5\n"), std::string::npos);
    EXPECT_NE(text.find("at 117 step 170 timer S2 777\n"), std::string::npos);
    EXPECT_NE(text.find("at 118 step 180 link S1 -> S3 30 90 0.3 0.1\n"), std::string::npos);
    EXPECT_NE(text.find("at 119 step 190 restore S2 <-> S5\n"), std::string::npos);
    EXPECT_NE(text.find("at 121 step 210 link S3 -> S1 default\n"), std::string::npos);
    EXPECT_NE(text.find("at 131 step 310 reconfigure S1 S3 S4\n"), std::string::npos) << text;
    EXPECT_EQ(formatRunFile(*back.run), text);
}
