#pragma once

#include <cstdint>
#include <string>
#include <string_view>

/// raft is the Qt-free, deterministic core of raftviz: the protocol (Node, Log),
/// the replicated state machine (KvStore) and the simulated world (Network,
/// Simulation), plus the safety checker (Invariants) and the scenario language.
namespace raft {

/// Time is virtual time in milliseconds since the simulation started.
using Time = std::int64_t;
/// Term is a Raft term number (§5.1). Term 0 means "before any election".
using Term = std::uint64_t;
/// Index is a log index; the first entry has index 1, 0 means "no entry" (§5.3).
using Index = std::uint64_t;
/// NodeId names a server: 1..9, shown as S1..S9. kNoNode means "nobody".
using NodeId = int;

inline constexpr NodeId kNoNode = 0;
inline constexpr int kMaxNodes = 9;

/// Role is a server's state in Figure 2: follower, candidate or leader.
enum class Role : std::uint8_t { Follower, Candidate, Leader };

/// nodeName returns "S3" for 3 and "-" for kNoNode.
std::string nodeName(NodeId id);
/// roleName returns "follower", "candidate" or "leader".
const char *roleName(Role role);

/// Rng is a seeded 64-bit generator whose mapping to ranges is written here,
/// so that the same seed gives the same numbers with every standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed = 1) { reseed(seed); }
    void reseed(std::uint64_t seed);
    /// next returns the next raw 64-bit value (splitmix64-seeded xoshiro256**).
    std::uint64_t next();
    /// uniform returns an integer in [lo, hi], both inclusive. Requires lo <= hi.
    std::int64_t uniform(std::int64_t lo, std::int64_t hi);
    /// unit returns a double in [0, 1).
    double unit();
    /// chance returns true with probability p (p <= 0 never draws).
    bool chance(double p);

    bool operator==(const Rng &) const = default;

private:
    std::uint64_t m_s[4];
};

/// mixSeed derives an independent seed for stream `stream` of a run seeded with `seed`.
std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream);

} // namespace raft
