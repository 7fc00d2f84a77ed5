#include "log.h"

namespace raft {

namespace {
std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

std::uint64_t hashString(const std::string &s)
{
    std::uint64_t h = 1469598103934665603ULL; // FNV-1a
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}
} // namespace

void Log::append(Entry entry)
{
    const std::uint64_t prev = m_prints.empty() ? 0x5eedULL : m_prints.back();
    m_prints.push_back(mix(mix(prev, entry.term), hashString(entry.command)));
    m_entries.push_back(std::move(entry));
}

void Log::truncateAfter(Index i)
{
    if (i < m_entries.size()) {
        m_entries.resize(i);
        m_prints.resize(i);
    }
}

bool Log::isUpToDate(Index lastIndex, Term lastTerm) const
{
    if (lastTerm != this->lastTerm())
        return lastTerm > this->lastTerm();
    return lastIndex >= this->lastIndex();
}

Index Log::firstIndexOfTerm(Index i) const
{
    if (i == 0 || i > lastIndex())
        return i;
    const Term term = termAt(i);
    while (i > 1 && termAt(i - 1) == term)
        --i;
    return i;
}

Index Log::lastIndexOfTerm(Term term) const
{
    for (Index i = lastIndex(); i > 0; --i) {
        const Term t = termAt(i);
        if (t == term)
            return i;
        if (t < term)
            break; // terms never decrease along a log
    }
    return 0;
}

} // namespace raft
