#pragma once

#include "raft/simulation.h"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

/// corebench measures the speed of the raft/ core on the workload of issue 2 §4.
/// It lives outside raft/ because it reads a wall clock, which the core never does.
namespace corebench {

/// WorkloadOptions describes one run of the benchmark workload.
struct WorkloadOptions {
    std::uint64_t seed = 1;
    /// duration of virtual time to simulate.
    raft::Time duration = raft::fromSeconds(60);
    /// requestEvery: one client "set" to the leader this often (virtual time).
    raft::Time requestEvery = raft::fromMs(100);
    bool checkInvariants = true;
    bool recordTrace = true;
    /// preVote, checkQuorum: the dissertation's options (§9.6, §6.2), off by default.
    bool preVote = false;
    bool checkQuorum = false;
    /// readEvery: one read of a key at the leader this often (0: none; §6.4).
    raft::Time readEvery = 0;
    /// snapshotEvery: each server snapshots after this many applied entries (§7); 0 never.
    raft::Index snapshotEvery = 0;
    /// membershipEvery: one membership change this often (§6), half a period in: the
    /// leader removes a follower, the next time adds it back; 0 never.
    raft::Time membershipEvery = 0;
};

/// WorkloadResult is what one run did.
struct WorkloadResult {
    raft::Stats stats;
    raft::Time simulated = 0;
    std::size_t violations = 0;
    std::uint64_t requestsAccepted = 0;
    /// committed: the highest commitIndex any server reached.
    raft::Index committed = 0;
    /// readsAnswered: reads that got an answer.
    std::uint64_t readsAnswered = 0;
    /// membershipChanges: membership changes the leader took (membershipEvery).
    std::uint64_t membershipChanges = 0;
};

/// workloadConfig is the cluster of the workload: 5 nodes, election timeout
/// 100-200 ms, heartbeat 50 ms, latency 10-15 ms.
raft::ClusterConfig workloadConfig(const WorkloadOptions &options);

/// runWorkload runs the workload once: virtual time advances in steps of
/// requestEvery and after each step the leader (if any) gets one "set" request.
WorkloadResult runWorkload(const WorkloadOptions &options);

/// kSnapshotWorkloadEvery is the second workload's snapshot-every (issue 10).
inline constexpr raft::Index kSnapshotWorkloadEvery = 100;
/// kMembershipWorkloadEvery: the second workload's one membership change per virtual minute.
inline constexpr raft::Time kMembershipWorkloadEvery = raft::fromSeconds(60);

/// benchMain is `raftviz --bench`: it repeats the workload with fresh seeds until
/// enough wall time has passed and prints one JSON line with the medians; then the
/// second workload (the same with snapshot-every 100) under "snapshots".
/// Options after --bench: --min-seconds S (default 2), --seed N (first seed),
/// --no-trace, --no-invariants, --no-replication (leave out the replication economy
/// section, see replicationbench.h), --prevote, --checkquorum, --reads (one read per
/// 100 ms), --no-options-run (leave out the second run, with PreVote, CheckQuorum and
/// one read per 100 ms, reported under "with_prevote_checkquorum_reads").
/// Matches raft::BenchFunction.
int benchMain(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace corebench
