#pragma once

#include "types.h"

#include <string>
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
/// Invariant: fingerprint(i) == fingerprint(i-1) mixed with entry i.
class Log {
public:
    /// lastIndex is the index of the last entry, 0 when the log is empty.
    Index lastIndex() const { return m_entries.size(); }
    /// lastTerm is the term of the last entry, 0 when the log is empty.
    Term lastTerm() const { return m_entries.empty() ? 0 : m_entries.back().term; }
    bool empty() const { return m_entries.empty(); }

    /// termAt is the term of entry i, 0 for i == 0. Requires i <= lastIndex().
    Term termAt(Index i) const { return i == 0 ? 0 : m_entries[i - 1].term; }
    /// at returns entry i. Requires 1 <= i <= lastIndex().
    const Entry &at(Index i) const { return m_entries[i - 1]; }
    /// fingerprint is a hash of entries 1..i (0 for i == 0).
    std::uint64_t fingerprint(Index i) const { return i == 0 ? 0 : m_prints[i - 1]; }

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

    const std::vector<Entry> &entries() const { return m_entries; }

    bool operator==(const Log &other) const { return m_entries == other.m_entries; }

private:
    std::vector<Entry> m_entries;
    std::vector<std::uint64_t> m_prints;
};

} // namespace raft
