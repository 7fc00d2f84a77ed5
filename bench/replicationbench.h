#pragma once

#include "raft/json.h"
#include "raft/simulation.h"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

/// Replication economy (issue 14): what a leader sends to replicate a workload,
/// against the minimum (every new entry copied once to every follower), and how fast
/// a burst catches up. The workloads run in virtual time, so their figures are
/// deterministic; only the wall time of a burst is measured with a clock.
namespace corebench {

/// EconomyResult is one replication workload's cost.
struct EconomyResult {
    /// entries: new entries the leader replicated (its log growth during the run).
    std::uint64_t entries = 0;
    /// minimumCopies = entries x (servers - 1); entryCopies: entries actually sent.
    std::uint64_t minimumCopies = 0;
    std::uint64_t entryCopies = 0;
    /// rpcs: RequestVote and AppendEntries sent; messages: every message delivered.
    std::uint64_t rpcs = 0;
    std::uint64_t messagesDelivered = 0;
    std::uint64_t events = 0;
    /// catchUp: virtual time from the first request until every server holds and has
    /// committed the leader's whole log.
    raft::Time catchUp = 0;
    bool caughtUp = false;
    std::size_t violations = 0;

    double copyRatio() const
    {
        return minimumCopies == 0 ? 0.0 : static_cast<double>(entryCopies) / static_cast<double>(minimumCopies);
    }
};

/// economyConfig: 5 servers, election timeout 150-300 ms, heartbeat 50 ms, latency
/// 10-20 ms (the defaults), no loss.
raft::ClusterConfig economyConfig(std::uint64_t seed, int nodes = 5);

/// runSequential sends `requests` writes to the leader, one every `every` ms.
EconomyResult runSequential(int requests, raft::Time every, std::uint64_t seed = 1, int nodes = 5);
/// runBurst sends `requests` writes to the leader at one instant.
EconomyResult runBurst(int requests, std::uint64_t seed = 1, int nodes = 5, bool checkInvariants = true);

/// writeReplicationBench measures the sequential, burst and catch-up workloads (and
/// the wall time of bursts of 20,000, 40,000 and 80,000 requests, to show the cost is
/// linear) and writes them as one JSON object value (the "replication" section of
/// `raftviz --bench`).
void writeReplicationBench(raft::JsonWriter &json);

} // namespace corebench
