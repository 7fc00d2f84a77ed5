#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

/// raft is the Qt-free, deterministic core of raftviz: the protocol (Node, Log),
/// the replicated state machine (KvStore) and the simulated world (Network,
/// Simulation), plus the safety checker (Invariants) and the scenario language.
namespace raft {

/// Time is virtual time in ticks since the simulation started; a millisecond is
/// kTicksPerMs ticks. Files, JSON and words keep milliseconds: convert at the edge.
using Time = std::int64_t;
/// kTicksPerMs is the number of ticks in a millisecond: a power of ten, so that a
/// time is an exact decimal number of milliseconds.
inline constexpr Time kTicksPerMs = 1000;

/// fromMs converts whole milliseconds to ticks.
constexpr Time fromMs(std::int64_t ms) { return ms * kTicksPerMs; }
/// fromSeconds converts whole seconds to ticks.
constexpr Time fromSeconds(std::int64_t s) { return s * 1000 * kTicksPerMs; }
/// toMs converts ticks to whole milliseconds, rounding down (toward -infinity).
constexpr std::int64_t toMs(Time t) { return t >= 0 ? t / kTicksPerMs : -((-t + kTicksPerMs - 1) / kTicksPerMs); }
/// toMsDouble converts ticks to milliseconds for display and statistics.
constexpr double toMsDouble(Time t) { return static_cast<double>(t) / static_cast<double>(kTicksPerMs); }
/// fromMsDouble converts milliseconds to the nearest tick.
Time fromMsDouble(double ms);
/// formatMs writes a time in milliseconds without a unit: "1234" when whole, else the
/// shortest exact decimal, "1234.5" (the same in every locale).
std::string formatMs(Time t);
/// parseMs reads what formatMs writes ("1234", "1234.5", "-1"): a decimal number of
/// milliseconds that must come out as a whole number of ticks; nullopt otherwise.
std::optional<Time> parseMs(std::string_view text);
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
    /// uniformTime returns a time in [lo, hi] ticks; with wholeMs, a whole number of
    /// milliseconds in [toMs(lo), toMs(hi)], drawn as every time was drawn before a tick
    /// was a microsecond (ClusterConfig::wholeMsClock).
    Time uniformTime(Time lo, Time hi, bool wholeMs)
    {
        return wholeMs ? fromMs(uniform(toMs(lo), toMs(hi))) : uniform(lo, hi);
    }
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
