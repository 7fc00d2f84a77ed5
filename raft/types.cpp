#include "types.h"

#include <charconv>
#include <cmath>
#include <limits>

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

Time fromMsDouble(double ms)
{
    return static_cast<Time>(std::llround(ms * static_cast<double>(kTicksPerMs)));
}

namespace {
/// kFractionDigits is the number of decimals a tick needs: log10(kTicksPerMs).
constexpr int fractionDigits()
{
    int digits = 0;
    for (Time t = kTicksPerMs; t > 1; t /= 10)
        ++digits;
    return digits;
}
constexpr int kFractionDigits = fractionDigits();
static_assert([] {
    Time t = 1;
    for (int i = 0; i < kFractionDigits; ++i)
        t *= 10;
    return t == kTicksPerMs;
}(), "kTicksPerMs must be a power of ten");
} // namespace

std::string formatMs(Time t)
{
    // Integer arithmetic only: exact, and no locale can put a comma in it.
    std::string out;
    if (t < 0)
        out += '-';
    const std::uint64_t magnitude = t < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(t) : static_cast<std::uint64_t>(t);
    const std::uint64_t whole = magnitude / static_cast<std::uint64_t>(kTicksPerMs);
    std::uint64_t fraction = magnitude % static_cast<std::uint64_t>(kTicksPerMs);
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, whole).ptr;
    out.append(buffer, end);
    if (fraction != 0) {
        int digits = kFractionDigits;
        while (fraction % 10 == 0) {
            fraction /= 10;
            --digits;
        }
        std::string decimals(static_cast<std::size_t>(digits), '0');
        for (int i = digits - 1; i >= 0; --i, fraction /= 10)
            decimals[static_cast<std::size_t>(i)] = static_cast<char>('0' + fraction % 10);
        out += '.';
        out += decimals;
    }
    return out;
}

std::optional<Time> parseMs(std::string_view text)
{
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    const std::size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    const auto digitsOnly = [](std::string_view s) {
        for (const char c : s)
            if (c < '0' || c > '9')
                return false;
        return true;
    };
    if (whole.empty() || !digitsOnly(whole) || (dot != std::string_view::npos && fraction.empty())
        || !digitsOnly(fraction))
        return std::nullopt;
    // A number too large for the clock comes out as the largest time, which every
    // range check refuses with its own words.
    constexpr Time kLargest = std::numeric_limits<Time>::max();
    Time value = 0;
    const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), value);
    if (ec != std::errc() || value > kLargest / kTicksPerMs - 1)
        return negative ? -kLargest : kLargest;
    value *= kTicksPerMs;
    // Each decimal must land on a tick: with microsecond ticks 0.001 yes, 0.0005 no.
    Time place = kTicksPerMs;
    for (const char c : fraction) {
        place /= 10;
        if (place == 0) {
            if (c != '0')
                return std::nullopt;
            continue;
        }
        value += (c - '0') * place;
    }
    return negative ? -value : value;
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
