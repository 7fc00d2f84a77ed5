#include "replicationbench.h"

#include "raft/json.h"

#include <chrono>

namespace corebench {

using raft::ClusterConfig;
using raft::Index;
using raft::NodeId;
using raft::Simulation;
using raft::Time;

ClusterConfig economyConfig(std::uint64_t seed, int nodes)
{
    ClusterConfig c;
    c.nodes = nodes;
    c.seed = seed;
    return c;
}

namespace {

/// Economy watches one leader's replication from the moment it is elected and settled.
class Economy {
public:
    Economy(std::uint64_t seed, int nodes, bool checkInvariants)
        : m_sim([&] {
            ClusterConfig c = economyConfig(seed, nodes);
            c.checkInvariants = checkInvariants;
            return c;
        }())
    {
        m_sim.runUntil([&] { return m_sim.leader().has_value(); }, raft::fromSeconds(10));
        m_sim.runFor(raft::fromMs(200)); // the no-op is everywhere; only heartbeats from here on
        m_leader = *m_sim.leader();
        m_start = m_sim.stats();
        m_firstIndex = m_sim.log(m_leader).lastIndex();
        m_startTime = m_sim.now();
    }

    Simulation &sim() { return m_sim; }
    NodeId leader() const { return m_leader; }

    /// finish runs until every server holds and has committed the leader's log (at
    /// most 60 virtual seconds) and returns the costs since the start.
    EconomyResult finish()
    {
        EconomyResult r;
        const Index last = m_sim.log(m_leader).lastIndex();
        r.caughtUp = m_sim.runUntil(
            [&] {
                for (NodeId id = 1; id <= m_sim.size(); ++id)
                    if (m_sim.log(id).lastIndex() < last || m_sim.commitIndex(id) < last)
                        return false;
                return true;
            },
            raft::fromSeconds(60));
        r.catchUp = m_sim.now() - m_startTime;
        const raft::Stats &s = m_sim.stats();
        r.entries = last - m_firstIndex;
        r.minimumCopies = r.entries * static_cast<std::uint64_t>(m_sim.size() - 1);
        r.entryCopies = s.entriesSent - m_start.entriesSent;
        r.rpcs = s.rpcsSent - m_start.rpcsSent;
        r.messagesDelivered = s.messagesDelivered - m_start.messagesDelivered;
        r.events = s.events - m_start.events;
        r.violations = m_sim.violations().size();
        return r;
    }

private:
    Simulation m_sim;
    NodeId m_leader = raft::kNoNode;
    raft::Stats m_start;
    Index m_firstIndex = 0;
    Time m_startTime = 0;
};

} // namespace

EconomyResult runSequential(int requests, Time every, std::uint64_t seed, int nodes)
{
    Economy economy(seed, nodes, true);
    // The leader is up for the whole workload: every request is sent (finish() counts
    // what was accepted).
    for (int i = 0; i < requests; ++i) {
        (void)economy.sim().request(economy.leader(), "set k" + std::to_string(i % 10) + " " + std::to_string(i));
        economy.sim().runFor(every);
    }
    return economy.finish();
}

EconomyResult runBurst(int requests, std::uint64_t seed, int nodes, bool checkInvariants)
{
    Economy economy(seed, nodes, checkInvariants);
    for (int i = 0; i < requests; ++i)
        (void)economy.sim().request(economy.leader(), "set k" + std::to_string(i % 10) + " " + std::to_string(i));
    return economy.finish();
}

namespace {

void writeEconomy(raft::JsonWriter &json, const EconomyResult &r)
{
    json.beginObject();
    json.key("entries").value(r.entries);
    json.key("minimum_entry_copies").value(r.minimumCopies);
    json.key("entry_copies").value(r.entryCopies);
    json.key("copies_over_minimum").value(r.copyRatio());
    json.key("rpcs").value(r.rpcs);
    json.key("caught_up").value(r.caughtUp);
    json.key("catch_up_virtual_ms").milliseconds(r.catchUp);
    json.key("violations").value(r.violations);
    json.endObject();
}

} // namespace

void writeReplicationBench(raft::JsonWriter &json)
{
    json.beginObject();
    json.key("benchmark").value("replication");
    json.key("nodes").value(5);
    json.key("sequential_500_every_20ms");
    writeEconomy(json, runSequential(500, raft::fromMs(20)));
    json.key("burst_2000");
    writeEconomy(json, runBurst(2000));
    json.key("catch_up_40000");
    writeEconomy(json, runBurst(40'000));
    // Wall time of bursts of growing size (invariants on): linear cost means a
    // constant time per request.
    json.key("burst_wall_seconds").beginObject();
    for (int n : {20'000, 40'000, 80'000}) {
        const auto start = std::chrono::steady_clock::now();
        const EconomyResult r = runBurst(n);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        json.key(std::to_string(n)).beginObject();
        json.key("wall_seconds").value(wall);
        json.key("microseconds_per_request").value(wall * 1e6 / n);
        json.key("catch_up_virtual_ms").milliseconds(r.catchUp);
        json.key("events").value(r.events);
        json.endObject();
    }
    json.endObject();
    json.endObject();
}

} // namespace corebench
