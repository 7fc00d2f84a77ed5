#pragma once

#include "raft/simulation.h"

#include <cstdint>

namespace testing_widgets {

/// slowConfig: a cluster whose messages take a visible while (400 ms), so a test or a
/// picture catches them mid-flight; election timeouts 1.5–3 s, heartbeats every 500 ms.
inline raft::ClusterConfig slowConfig(int nodes, std::uint64_t seed = 11)
{
    raft::ClusterConfig config;
    config.nodes = nodes;
    config.seed = seed;
    config.network.latencyMin = raft::fromMs(400);
    config.network.latencyMax = raft::fromMs(400);
    config.electionTimeoutMin = raft::fromMs(1500);
    config.electionTimeoutMax = raft::fromMs(3000);
    config.heartbeatInterval = raft::fromMs(500);
    return config;
}

} // namespace testing_widgets
