#pragma once

#include "configuration.h"
#include "types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace raft {

/// Snapshot is what a server keeps instead of the log prefix it compacted (§7,
/// Figure 12): the state machine as it was after applying entry `index`, the index
/// and term of that last included entry, and the configuration in force there.
/// It is stable storage. index 0 means "no snapshot".
/// Invariant: a snapshot holds only committed entries (index <= commitIndex).
struct Snapshot {
    /// index and term of the last entry the snapshot replaces (lastIncludedIndex,
    /// lastIncludedTerm).
    Index index = 0;
    Term term = 0;
    /// config is the configuration in force at `index` (§4.1, dissertation §5.4.2:
    /// the newest configuration entry at or before it, else the first one), and
    /// configIndex the index of that entry (0: the first configuration).
    Configuration config;
    Index configIndex = 0;
    /// data is the state machine's contents, as KvStore::encode writes them; this is
    /// what InstallSnapshot carries in chunks.
    std::string data;
    /// print is the log's fingerprint at `index` (Log::fingerprint): the digest of the
    /// prefix the snapshot replaces, so the safety checker can still compare logs.
    std::uint64_t print = 0;

    bool empty() const { return index == 0; }
    bool operator==(const Snapshot &) const = default;
};

} // namespace raft
