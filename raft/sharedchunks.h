#pragma once
// raft/sharedchunks.h: SharedChunks<T>, a growing array whose copies share their chunks.
//
// Why: History keeps a checkpoint (a copy of the Simulation) every few thousand steps,
// and the Simulation and its Invariants keep records that grow with the run (every
// client operation, every input, every committed entry). Copied whole, each checkpoint
// held all of them again: memory grew with the square of the run's length (a virtual
// hour: some 450 MB of checkpoints). Here a copy copies only the list of chunks; a
// chunk is copied the first time one side changes it (as raft::Log does with entries).

#include "indexedrange.h"

#include <algorithm>
#include <cstddef>
#include <memory>
#include <unordered_set>
#include <vector>

namespace raft {

template <typename T> class SharedChunks : public IndexedRange<SharedChunks<T>, T, const T &> {
public:
    static constexpr std::size_t kChunk = 256;

    std::size_t size() const { return m_size; }
    const T &operator[](std::size_t i) const { return (*m_chunks[i / kChunk])[i % kChunk]; }

    /// mutate returns element i for writing; its chunk stops being shared first.
    T &mutate(std::size_t i) { return own(i / kChunk)[i % kChunk]; }
    void push_back(T value)
    {
        if (m_size % kChunk == 0) {
            auto chunk = std::make_shared<std::vector<T>>();
            chunk->reserve(kChunk);
            m_chunks.push_back(std::move(chunk));
        }
        own(m_chunks.size() - 1).push_back(std::move(value));
        ++m_size;
    }
    /// resize keeps the first n elements (n <= size()), or adds default ones.
    void resize(std::size_t n)
    {
        while (m_size > n) {
            std::vector<T> &last = own(m_chunks.size() - 1);
            const std::size_t drop = std::min(m_size - n, last.size());
            last.resize(last.size() - drop);
            m_size -= drop;
            if (last.empty())
                m_chunks.pop_back();
        }
        while (m_size < n)
            push_back(T{});
    }
    void clear()
    {
        m_chunks.clear();
        m_size = 0;
    }
    /// memoryBytes counts the list of chunks and each chunk not in `counted` yet (all
    /// of them when counted is null), with `extra(element)` for what an element holds
    /// on the heap.
    template <typename Extra> std::size_t memoryBytes(std::unordered_set<const void *> *counted, Extra extra) const
    {
        std::size_t bytes = m_chunks.capacity() * sizeof(Chunk);
        for (const Chunk &chunk : m_chunks) {
            if (counted && !counted->insert(chunk.get()).second)
                continue;
            bytes += sizeof(std::vector<T>) + chunk->capacity() * sizeof(T);
            for (const T &element : *chunk)
                bytes += extra(element);
        }
        return bytes;
    }
    std::size_t memoryBytes(std::unordered_set<const void *> *counted = nullptr) const
    {
        return memoryBytes(counted, [](const T &) { return std::size_t{0}; });
    }
    bool operator==(const SharedChunks &other) const
    {
        if (m_size != other.m_size)
            return false;
        for (std::size_t c = 0; c < m_chunks.size(); ++c)
            if (m_chunks[c] != other.m_chunks[c] && !(*m_chunks[c] == *other.m_chunks[c]))
                return false;
        return true;
    }

private:
    using Chunk = std::shared_ptr<std::vector<T>>;
    std::vector<T> &own(std::size_t c)
    {
        Chunk &chunk = m_chunks[c];
        if (chunk.use_count() > 1) {
            auto copy = std::make_shared<std::vector<T>>();
            copy->reserve(kChunk);
            copy->assign(chunk->begin(), chunk->end());
            chunk = std::move(copy);
        }
        return *chunk;
    }

    std::vector<Chunk> m_chunks;
    std::size_t m_size = 0;
};

} // namespace raft
