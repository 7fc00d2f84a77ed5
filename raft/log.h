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

/// Log is a server's log: the entries after its last snapshot, (snapshotIndex(),
/// lastIndex()], each at its real index (§7: the snapshot replaces the prefix; the
/// log only remembers the index and term of the last entry it replaced). Each entry
/// also carries a fingerprint of the whole prefix up to it, so two logs can be
/// compared at any index in O(1) (used by the Log Matching check, §5.3); the
/// snapshot's fingerprint stands for the prefix it replaced.
///
/// Entries live in fixed-size chunks shared between copies of a log: copying a log
/// of any length costs a pointer per chunk, which is what makes the history's frequent
/// checkpoints and the stable-storage copy cheap. A log sees only the first entries
/// of its last chunk up to its own length; it appends in place when its end is the
/// chunk's end, and copies the chunk first otherwise or before shrinking it.
/// Sharing is invisible through the interface.
/// Chunk k of m_chunks holds the entries with real indexes (m_firstChunk + k) * kChunk + 1
/// on, so compaction drops whole chunks in front and copies nothing; the first chunk
/// may still hold entries at or below the snapshot, which are never read.
/// Invariant: snapshotIndex() <= lastIndex().
/// Invariant: fingerprint(i) == fingerprint(i-1) mixed with entry i, for i > snapshotIndex().
/// Invariant: every chunk but the last holds exactly kChunk entries.
class Log {
public:
    static constexpr Index kChunk = 256;

    /// lastIndex is the index of the last entry; snapshotIndex() when no entry follows
    /// the snapshot (0 for an empty log without snapshot).
    Index lastIndex() const { return m_last; }
    /// lastTerm is the term of the last entry, else the snapshot's last included term.
    Term lastTerm() const { return m_last == m_base ? m_baseTerm : at(m_last).term; }
    /// empty: no entry follows the snapshot.
    bool empty() const { return m_last == m_base; }
    /// snapshotIndex is the last index the snapshot replaced (0: no snapshot);
    /// firstIndex the first index the log holds an entry for.
    Index snapshotIndex() const { return m_base; }
    Term snapshotTerm() const { return m_baseTerm; }
    Index firstIndex() const { return m_base + 1; }
    /// size counts the entries after the snapshot.
    Index size() const { return m_last - m_base; }
    /// has tells whether termAt(i) is known: i == 0 or snapshotIndex() <= i <= lastIndex().
    bool has(Index i) const { return i == 0 || (i >= m_base && i <= m_last); }

    /// termAt is the term of entry i: 0 for i == 0, the snapshot's term at
    /// snapshotIndex(). Requires has(i).
    Term termAt(Index i) const { return i == 0 ? 0 : i == m_base ? m_baseTerm : at(i).term; }
    /// at returns entry i. Requires snapshotIndex() < i <= lastIndex().
    const Entry &at(Index i) const { return m_chunks[(i - 1) / kChunk - m_firstChunk]->entries[(i - 1) % kChunk]; }
    /// fingerprint is a hash of entries 1..i (0 for i == 0; the snapshot's at
    /// snapshotIndex()). Requires has(i).
    std::uint64_t fingerprint(Index i) const
    {
        if (i == 0)
            return 0;
        if (i == m_base)
            return m_basePrint;
        return m_chunks[(i - 1) / kChunk - m_firstChunk]->prints[(i - 1) % kChunk];
    }

    /// compact forgets the entries up to i, which a snapshot now holds (§7); the
    /// entries after i stay. Requires snapshotIndex() <= i <= lastIndex().
    void compact(Index i);
    /// resetTo discards every entry: the log starts after a snapshot that ends at
    /// (index, term) with fingerprint `print` (Figure 13 step 7).
    void resetTo(Index index, Term term, std::uint64_t print);

    /// append adds one entry after the last.
    void append(Entry entry);
    /// truncateAfter removes every entry with an index greater than i. Requires
    /// i >= snapshotIndex() (a snapshot holds only committed entries, never cut).
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

    /// entries returns a copy of every entry after the snapshot, in order (for tests
    /// and reports).
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
    /// m_firstChunk: how many chunks of kChunk entries compaction dropped in front.
    Index m_firstChunk = 0;
    Index m_last = 0;
    /// The snapshot's end: last included index and term, and the prefix fingerprint.
    Index m_base = 0;
    Term m_baseTerm = 0;
    std::uint64_t m_basePrint = 0;
};

} // namespace raft
