#include "types.h"

namespace raft {

std::string nodeName(NodeId id)
{
    if (id == kNoNode)
        return "-";
    return "S" + std::to_string(id);
}

const char *roleName(Role role)
{
    switch (role) {
    case Role::Follower: return "follower";
    case Role::Candidate: return "candidate";
    case Role::Leader: return "leader";
    }
    return "?";
}

namespace {
std::uint64_t splitmix64(std::uint64_t &x)
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}
} // namespace

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream)
{
    std::uint64_t x = seed ^ (stream * 0xd1b54a32d192ed03ULL);
    splitmix64(x);
    return splitmix64(x);
}

void Rng::reseed(std::uint64_t seed)
{
    std::uint64_t x = seed;
    for (std::uint64_t &s : m_s)
        s = splitmix64(x);
}

std::uint64_t Rng::next()
{
    // xoshiro256**: small, fast, and the same everywhere.
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

std::int64_t Rng::uniform(std::int64_t lo, std::int64_t hi)
{
    if (hi <= lo)
        return lo;
    const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
    // Lemire's multiply-shift; the tiny bias for huge spans does not matter here,
    // but the mapping must be ours so every standard library gives the same numbers.
    __extension__ typedef unsigned __int128 Wide;
    const Wide product = static_cast<Wide>(next()) * span;
    return lo + static_cast<std::int64_t>(product >> 64);
}

double Rng::unit()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

bool Rng::chance(double p)
{
    if (p <= 0.0)
        return false;
    return unit() < p;
}

} // namespace raft
