// Every client request a leader accepted gets exactly one outcome in the trace:
// ClientAnswered once its entry is applied, or ClientLost once another entry took its
// index. The trace alone carries enough to check this, and State Machine Safety, by
// (index, term) (issue 14, defects 1 and 5).
#include "raft/scenario.h"
#include "raft/scenarioplayer.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace raft {
namespace {

std::string readFile(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::optional<TraceEvent> findEvent(const Simulation &sim, EventKind kind, const std::string &command)
{
    for (const TraceEvent &e : sim.trace().events())
        if (e.kind == kind && sim.trace().textOf(e) == command)
            return e;
    return std::nullopt;
}

// Reference: §5.3, §8 — S1's uncommitted entry 1 (term 1) and S2's committed entry 1
// (term 2) share index 1. The lost one is reported; the committed one is answered.
TEST(ClientOutcome, LostAndCommittedRequestsAtOneIndexBothGetTheirOutcome)
{
    const std::string path = std::string(RAFTVIZ_SOURCE_DIR) + "/tests/scenarios/lost_and_committed_share_an_index.txt";
    Scenario scenario = Scenario::parse(readFile(path), path);
    ASSERT_TRUE(scenario.isValid()) << (scenario.errors().empty() ? "" : scenario.errors().front());
    ScenarioRunner runner(std::move(scenario));
    runner.run();
    ASSERT_TRUE(runner.succeeded()) << (runner.failures().empty() ? "violation" : runner.failures().front().why);
    const Simulation &sim = runner.simulation();

    const std::optional<TraceEvent> answered = findEvent(sim, EventKind::ClientAnswered, "set b 2");
    ASSERT_TRUE(answered.has_value()) << "the committed write was never answered";
    EXPECT_EQ(answered->node, 2);
    EXPECT_EQ(answered->index, 1u);
    EXPECT_EQ(answered->term2, 2u);
    const std::optional<TraceEvent> lost = findEvent(sim, EventKind::ClientLost, "set a 1");
    ASSERT_TRUE(lost.has_value()) << "the overwritten write was not reported lost";
    EXPECT_EQ(lost->index, 1u);
    EXPECT_EQ(lost->term2, 1u);
    EXPECT_FALSE(findEvent(sim, EventKind::ClientAnswered, "set a 1").has_value());
    EXPECT_FALSE(findEvent(sim, EventKind::ClientLost, "set b 2").has_value());
}

// Reference: §5.4.3 (State Machine Safety) — checked from the trace alone: every
// Applied event names (index, entry term); no two servers apply different terms at one
// index; an answered request's term is the applied term at its index, and a lost
// one's term never is (Applied is silent for no-ops). Many requests, leader changes and partitions.
TEST(ClientOutcome, TraceAloneProvesStateMachineSafetyByIndexAndTerm)
{
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        ClusterConfig config;
        config.nodes = 5;
        config.seed = seed;
        config.noop = seed % 2 == 0;
        Simulation sim(config);
        Rng rng(seed);
        int accepted = 0;
        Index highest = 0;
        for (int round = 0; round < 30; ++round) {
            sim.runFor(raft::fromMs(rng.uniform(20, 200)));
            const NodeId target = sim.leader() && rng.chance(0.8) ? *sim.leader()
                                                                  : static_cast<NodeId>(rng.uniform(1, 5));
            const ProposeResult r
                = sim.request(target, "set k" + std::to_string(round % 3) + " " + std::to_string(round)).proposal;
            if (r.accepted) {
                ++accepted;
                highest = std::max(highest, r.index);
            }
            // Faults at random: a heal with nothing to heal is refused, and that is fine.
            if (rng.chance(0.15) && sim.leader())
                (void)sim.isolate(*sim.leader());
            else if (rng.chance(0.2))
                (void)sim.heal();
        }
        // Heal, then write until the log reaches every index a request was accepted at,
        // so that each of them is decided.
        (void)sim.heal();
        for (int round = 0; round < 200; ++round) {
            ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000))) << "seed " << seed;
            sim.advanceTo(sim.now());
            const NodeId leader = *sim.leader();
            if (sim.commitIndex(leader) >= highest && sim.node(leader)->lastApplied() == sim.log(leader).lastIndex())
                break;
            const ProposeResult r = sim.request(leader, "set end " + std::to_string(round)).proposal;
            accepted += r.accepted ? 1 : 0;
            highest = std::max(highest, r.index);
            sim.runFor(raft::fromMs(50));
        }
        sim.runFor(raft::fromMs(1000));
        ASSERT_TRUE(sim.violations().empty()) << sim.violations().front().what;

        std::map<Index, Term> applied; // index -> the term every server applied there
        int answers = 0;
        int losses = 0;
        for (const TraceEvent &e : sim.trace().events()) {
            if (e.kind != EventKind::Applied)
                continue;
            const auto [it, fresh] = applied.emplace(e.index, e.term2);
            EXPECT_TRUE(fresh || it->second == e.term2) << "seed " << seed << ": two terms applied at " << e.index;
        }
        for (const TraceEvent &e : sim.trace().events()) {
            if (e.kind == EventKind::ClientAnswered) {
                ++answers;
                ASSERT_TRUE(applied.count(e.index)) << "seed " << seed;
                EXPECT_EQ(applied[e.index], e.term2) << "seed " << seed << ": answered the wrong term at " << e.index;
            } else if (e.kind == EventKind::ClientLost) {
                ++losses;
                // Applied is silent for no-ops: a request lost to a no-op has no Applied.
                const auto it = applied.find(e.index);
                EXPECT_TRUE(it == applied.end() || it->second != e.term2)
                    << "seed " << seed << ": reported lost but applied at " << e.index;
            }
        }
        // Every accepted request has exactly one outcome.
        EXPECT_EQ(answers + losses, accepted) << "seed " << seed;
    }
}

} // namespace
} // namespace raft
