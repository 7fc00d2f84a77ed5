#include "log.h"

#include <algorithm>

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

Log::Chunk &Log::writableLast()
{
    std::shared_ptr<Chunk> &last = m_chunks.back();
    const std::size_t mine = static_cast<std::size_t>((m_last - 1) % kChunk) + 1;
    if (last.use_count() > 1) {
        // Copy-on-write: another log shares this chunk, maybe with other entries
        // past our end. Take a private copy of our part.
        auto copy = std::make_shared<Chunk>();
        copy->entries.reserve(kChunk);
        copy->prints.reserve(kChunk);
        copy->entries.assign(last->entries.begin(), last->entries.begin() + static_cast<std::ptrdiff_t>(mine));
        copy->prints.assign(last->prints.begin(), last->prints.begin() + static_cast<std::ptrdiff_t>(mine));
        last = std::move(copy);
    } else if (last->entries.size() > mine) {
        // Ours alone now, but a copy that has since died appended past our end:
        // its entries are garbage to us.
        last->entries.resize(mine);
        last->prints.resize(mine);
    }
    return *last;
}

void Log::append(Entry entry)
{
    const std::uint64_t prev = fingerprint(m_last);
    const std::uint64_t print = mix(mix(prev == 0 && m_last == 0 ? 0x5eedULL : prev, entry.term),
                                    hashString(entry.command));
    const std::size_t offset = static_cast<std::size_t>(m_last % kChunk);
    if (offset == 0 || m_chunks.empty()) {
        // A new chunk; after a snapshot that ends inside a chunk, its first places
        // (at or below the snapshot) are left empty and never read.
        auto chunk = std::make_shared<Chunk>();
        chunk->entries.reserve(kChunk);
        chunk->prints.reserve(kChunk);
        chunk->entries.resize(offset);
        chunk->prints.resize(offset);
        m_chunks.push_back(std::move(chunk));
    } else if (m_chunks.back()->entries.size() != offset) {
        // A log sharing this chunk appended past our end: ours must diverge.
        writableLast();
    }
    // Appending in place is safe even when the chunk is shared: every sharer sees
    // only its own first entries, and ours end exactly where the chunk's end.
    Chunk &chunk = *m_chunks.back();
    chunk.entries.push_back(std::move(entry));
    chunk.prints.push_back(print);
    ++m_last;
}

void Log::truncateAfter(Index i)
{
    if (i >= m_last)
        return;
    i = std::max(i, m_base);
    m_chunks.resize(static_cast<std::size_t>((i + kChunk - 1) / kChunk - m_firstChunk));
    m_last = i;
    if (i % kChunk != 0 && !m_chunks.empty()) {
        Chunk &chunk = writableLast(); // never shrink a chunk another log still reads
        chunk.entries.resize(i % kChunk);
        chunk.prints.resize(i % kChunk);
    }
}

void Log::compact(Index i)
{
    if (i <= m_base || i > m_last)
        return;
    m_baseTerm = termAt(i);
    m_basePrint = fingerprint(i);
    m_base = i;
    // Drop the chunks that hold only entries at or below i; a chunk that also holds
    // later entries stays whole (its first places are simply no longer read).
    const Index first = i / kChunk;
    const Index drop = std::min<Index>(first - m_firstChunk, m_chunks.size());
    m_chunks.erase(m_chunks.begin(), m_chunks.begin() + static_cast<std::ptrdiff_t>(drop));
    m_firstChunk = first;
}

void Log::resetTo(Index index, Term term, std::uint64_t print)
{
    m_chunks.clear();
    m_firstChunk = index / kChunk;
    m_last = index;
    m_base = index;
    m_baseTerm = term;
    m_basePrint = print;
}

std::vector<Entry> Log::entries() const
{
    std::vector<Entry> out;
    out.reserve(size());
    for (Index i = m_base + 1; i <= m_last; ++i)
        out.push_back(at(i));
    return out;
}

std::size_t Log::memoryBytes(std::unordered_set<const void *> *counted) const
{
    std::size_t bytes = sizeof(*this) + m_chunks.capacity() * sizeof(m_chunks[0]);
    for (const auto &chunk : m_chunks) {
        if (counted && !counted->insert(chunk.get()).second)
            continue;
        bytes += sizeof(Chunk) + chunk->entries.capacity() * sizeof(Entry)
            + chunk->prints.capacity() * sizeof(std::uint64_t);
        for (const Entry &e : chunk->entries)
            if (e.command.capacity() > 15)
                bytes += e.command.capacity() + 1;
    }
    return bytes;
}

bool Log::operator==(const Log &other) const
{
    if (m_last != other.m_last || m_base != other.m_base || m_baseTerm != other.m_baseTerm
        || m_basePrint != other.m_basePrint)
        return false;
    for (Index i = m_base + 1; i <= m_last; ++i) {
        const Index c = (i - 1) / kChunk;
        if (c - m_firstChunk < m_chunks.size() && c - other.m_firstChunk < other.m_chunks.size()
            && m_chunks[c - m_firstChunk] == other.m_chunks[c - other.m_firstChunk]) {
            i = (c + 1) * kChunk; // a shared chunk: equal up to its end (or ours)
            continue;
        }
        if (!(at(i) == other.at(i)))
            return false;
    }
    return true;
}

bool Log::isUpToDate(Index lastIndex, Term lastTerm) const
{
    if (lastTerm != this->lastTerm())
        return lastTerm > this->lastTerm();
    return lastIndex >= this->lastIndex();
}

Index Log::firstIndexOfTerm(Index i) const
{
    if (i <= m_base || i > lastIndex())
        return i;
    const Term term = termAt(i);
    // Entries at or below the snapshot are committed and match the leader's: the hint
    // need not reach below the first entry we hold.
    while (i > m_base + 1 && termAt(i - 1) == term)
        --i;
    return i;
}

Index Log::lastIndexOfTerm(Term term) const
{
    for (Index i = lastIndex(); i >= m_base && i > 0; --i) {
        const Term t = termAt(i);
        if (t == term)
            return i;
        if (t < term)
            break; // terms never decrease along a log
    }
    return 0;
}

} // namespace raft
