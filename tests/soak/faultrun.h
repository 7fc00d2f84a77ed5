#pragma once

#include "raft/simulation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace raft::soak {

/// FaultRun is one randomized run of a cluster under faults, drawn entirely from one
/// seed: the cluster (1–7 servers, timeouts, latency range, loss, duplication, the
/// no-op option), then a storm of user actions at random times — crashes and
/// restarts, pauses and resumes, partitions, isolations, one-way and two-way cuts,
/// reconnects and heals, client requests, forced and staged elections, dropped,
/// duplicated and hand-delivered messages, hold mode, network changes — with the
/// safety invariants checked after every event. Then it heals everything, restarts
/// and resumes every server, calms the network and checks that the cluster
/// converges: a leader exists, a fresh request commits, and every server's committed
/// prefix and state machine agree.
///
/// Its recorded inputs replay the run exactly: see replay().
class FaultRun {
public:
    explicit FaultRun(std::uint64_t seed);

    /// run plays the storm and the convergence. Returns true when no invariant broke
    /// and the cluster converged; otherwise failure() says what went wrong.
    bool run();

    std::uint64_t seed() const { return m_seed; }
    const ClusterConfig &config() const { return m_config; }
    const Simulation &simulation() const { return m_sim; }
    const std::string &failure() const { return m_failure; }
    /// actions counts the user actions the storm took.
    int actions() const { return m_actions; }

    /// report describes the run for a human who wants to replay it: the seed, the
    /// config, every recorded input, the violations, and, in words, the last
    /// `traceLines` trace events up to the first violation (or the end).
    std::string report(std::size_t traceLines = 40) const;

    /// replay builds a fresh Simulation from config and applies each input after the
    /// same number of steps (Input::step) and at the same time as in the original,
    /// then runs it to `until`. A run replayed this way ends identical.
    static Simulation replay(const ClusterConfig &config, const std::vector<Input> &inputs, Time until);

private:
    void storm();
    bool converge();
    void act();
    /// changeMembership sometimes asks the leader to add, remove or reconfigure.
    void changeMembership();
    /// settle processes everything due now, so the next action replays exactly.
    void settle() { m_sim.advanceTo(m_sim.now()); }
    NodeId anyNode();
    bool fail(std::string why);

    std::uint64_t m_seed;
    Rng m_rng;
    ClusterConfig m_config;
    Simulation m_sim;
    std::string m_failure;
    int m_actions = 0;
    int m_requests = 0;
    Rng m_memberRng;
};

/// formatConfig describes a ClusterConfig on one line.
std::string formatConfig(const ClusterConfig &config);
/// formatInput describes one recorded input on one line, e.g. "t=1234 cut S1 -> S3".
std::string formatInput(const Input &input);

} // namespace raft::soak
