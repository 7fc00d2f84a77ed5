#pragma once

#include "types.h"

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace raft {

/// Entry is one log entry: the term in which a leader created it and the client
/// command it carries, as the client wrote it ("set x 5"). An empty command is the
/// no-op a new leader appends (§8).
struct Entry {
    Term term = 0;
    std::string command;

    bool operator==(const Entry &) const = default;
};

/// Log is a server's log: entries 1..lastIndex(). Each entry also carries a
/// fingerprint of the whole prefix up to it, so two logs can be compared at any
/// index in O(1) (used by the Log Matching check, §5.3).
///
/// Entries live in fixed-size chunks shared between copies of a log: copying a log
/// of any length costs a pointer per chunk, which is what makes the history's frequent
/// checkpoints and the stable-storage copy cheap. A log sees only the first entries
/// of its last chunk up to its own length; it appends in place when its end is the
/// chunk's end, and copies the chunk first otherwise or before shrinking it.
/// Sharing is invisible through the interface.
/// Invariant: fingerprint(i) == fingerprint(i-1) mixed with entry i.
/// Invariant: every chunk but the last holds exactly kChunk entries.
class Log {
public:
    static constexpr Index kChunk = 256;

    /// lastIndex is the index of the last entry, 0 when the log is empty.
    Index lastIndex() const { return m_size; }
    /// lastTerm is the term of the last entry, 0 when the log is empty.
    Term lastTerm() const { return m_size == 0 ? 0 : at(m_size).term; }
    bool empty() const { return m_size == 0; }

    /// termAt is the term of entry i, 0 for i == 0. Requires i <= lastIndex().
    Term termAt(Index i) const { return i == 0 ? 0 : at(i).term; }
    /// at returns entry i. Requires 1 <= i <= lastIndex().
    const Entry &at(Index i) const { return m_chunks[(i - 1) / kChunk]->entries[(i - 1) % kChunk]; }
    /// fingerprint is a hash of entries 1..i (0 for i == 0).
    std::uint64_t fingerprint(Index i) const
    {
        return i == 0 ? 0 : m_chunks[(i - 1) / kChunk]->prints[(i - 1) % kChunk];
    }

    /// append adds one entry after the last.
    void append(Entry entry);
    /// truncateAfter removes every entry with an index greater than i.
    void truncateAfter(Index i);

    /// isUpToDate tells whether a log ending at (lastIndex, lastTerm) is at least as
    /// up-to-date as this one: a later last term wins, and with equal last terms the
    /// longer log wins (§5.4.1).
    bool isUpToDate(Index lastIndex, Term lastTerm) const;
    /// firstIndexOfTerm returns the first index, at or before i, of the run of
    /// entries that have entry i's term (the fast back-off hint of §5.3).
    Index firstIndexOfTerm(Index i) const;
    /// lastIndexOfTerm returns the last index holding `term`, or 0 if none does.
    Index lastIndexOfTerm(Term term) const;

    /// entries returns a copy of every entry, in order (for tests and reports).
    std::vector<Entry> entries() const;
    /// memoryBytes estimates the memory this log holds. With `counted`, chunks already
    /// in the set are skipped (shared with a log counted before) and new ones added.
    std::size_t memoryBytes(std::unordered_set<const void *> *counted = nullptr) const;

    bool operator==(const Log &other) const;

private:
    struct Chunk {
        std::vector<Entry> entries;
        std::vector<std::uint64_t> prints;
    };
    /// writableLast makes the last chunk private to this log and cuts it to exactly
    /// this log's entries: a chunk with a use count of 1 may still hold entries past
    /// our end, appended by a copy that has since been destroyed.
    Chunk &writableLast();

    std::vector<std::shared_ptr<Chunk>> m_chunks;
    Index m_size = 0;
};

} // namespace raft
