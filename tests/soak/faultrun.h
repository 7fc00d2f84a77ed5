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
/// A run follows one Profile (drawn from the seed): the classic mix above, or one that
/// makes a dangerous kind of history common (see Profile).
///
/// Its recorded inputs replay the run exactly: see replay().
class FaultRun {
public:
    /// Profile is the kind of storm a run plays.
    enum class Profile : std::uint8_t {
        /// Classic: every fault at random, 1-7 servers.
        Classic,
        /// Figure8: no-op off, 3 or 5 servers, leaders crash or are cut off right after
        /// a request so entries sit on a few servers, then new leaders of later terms
        /// (§5.4.2, Figure 8).
        Figure8,
        /// LongLog: bursts of tens to hundreds of requests, so logs grow to hundreds or
        /// thousands of entries and batches cross the 64-entry probe limit and the
        /// 256-entry log chunk; followers crash, fall behind and catch up.
        LongLog,
        /// DivergentTails: a cut-off leader keeps taking requests while the majority
        /// elects another that takes others; then they meet: long conflicting tails.
        DivergentTails,
        /// RollingRestarts: every server in turn crashes and restarts, under load.
        RollingRestarts,
        /// Bridges: partitions where one server sees both sides, and one-way cuts.
        Bridges,
        /// Reordering: much duplication, wide latency ranges, messages delivered or
        /// copied by hand, and replies that arrive after two elections.
        Reordering,
    };
    static constexpr int kProfiles = 7;

    explicit FaultRun(std::uint64_t seed);
    /// FaultRun with rules switched off (raft/bugs.h): the sweep must catch each bug.
    FaultRun(std::uint64_t seed, const BugSwitches &bugs);

    /// tolerate lets the run go on past violations of `property` (e.g. "Leader commit
    /// rule"), which then fail nothing: the sweep can show that a bug that breaks one
    /// rule (Figure 8's, by commit-old-terms) goes on to break the Figure 3 properties.
    /// "*" tolerates every property: the run plays on past any violation, as the window
    /// lets a class do (the core must not crash then). Call before run().
    void tolerate(std::string property) { m_tolerated.push_back(std::move(property)); }
    /// firstViolation is the first violation of a property not tolerated, or nullptr.
    const Violation *firstViolation() const;

    /// run plays the storm and the convergence. Returns true when no invariant broke
    /// and the cluster converged; otherwise failure() says what went wrong.
    bool run();

    std::uint64_t seed() const { return m_seed; }
    const ClusterConfig &config() const { return m_config; }
    Profile profile() const { return m_profile; }
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
    /// burst sends `count` requests to `to` at once (they may all go to one leader).
    void burst(NodeId to, int count);
    /// staleReply stages a reply overtaken by two elections: a follower's answer on a
    /// slow link reaches a leader that has meanwhile stepped down and won again.
    bool staleReply();
    /// bridge partitions the servers into two sides that only one server sees both of.
    bool bridge();
    /// divergentTail cuts the leader off with a burst of requests, lets the majority
    /// elect a leader and gives it a burst too (the heal comes later).
    bool divergentTail();
    /// figure8 plays the history of the paper's Figure 8 with random servers, times and
    /// detours: a leader cut off with a minority stores a request there and crashes; the
    /// majority elects another that stores a request of a later term alone and crashes;
    /// a server of the first minority (whose log is now the most up to date) wins and
    /// replicates the old entry to a majority, and crashes before an entry of its own
    /// term commits; the second one comes back and wins. Correct Raft never counted the
    /// old entry as committed; a leader that does (bug commit-old-terms) loses it here.
    bool figure8();
    /// maybeRead: now and then a client reads a key, at the leader or anywhere, and a
    /// session client sends a request it retries until answered (§6.3).
    void maybeRead();
    /// changeMembership sometimes asks the leader to add, remove or reconfigure.
    void changeMembership();
    /// settle processes everything due now, so the next action replays exactly.
    void settle() { m_sim.advanceTo(m_sim.now()); }
    NodeId anyNode();
    bool fail(std::string why);
    /// broken: a property not tolerated has broken (the storm stops there).
    bool broken() const { return firstViolation() != nullptr; }

    std::uint64_t m_seed;
    Profile m_profile;
    Rng m_rng;
    ClusterConfig m_config;
    Simulation m_sim;
    std::string m_failure;
    int m_actions = 0;
    int m_requests = 0;
    /// m_readRng draws the clients' reads (§6.4), a stream of its own so that the storm
    /// of faults and requests stays the one drawn before reads existed.
    Rng m_readRng;
    int m_sessionClients = 0;
    Rng m_memberRng;
    std::vector<std::string> m_tolerated;
};

/// profileName names a profile ("classic", "figure8", ...).
const char *profileName(FaultRun::Profile profile);
/// formatConfig describes a ClusterConfig on one line.
std::string formatConfig(const ClusterConfig &config);
/// formatInput describes one recorded input on one line, e.g. "t=1234 cut S1 -> S3".
std::string formatInput(const Input &input);

} // namespace raft::soak
