#pragma once

#include "raft/node.h"

#include <memory>
#include <string>
#include <vector>

namespace live {

/// Storage is one server's stable storage in a folder of its own (Figure 2: currentTerm,
/// votedFor and the log survive a crash). It holds three files:
///
///   LOCK   held with flock() while a server runs: a second server on the folder is
///          refused; the kernel releases it when the process dies, even by kill -9.
///   state  currentTerm and votedFor (and the owner's id), 22 bytes with a CRC-32.
///          Replaced atomically: written to state.tmp, fsync, rename, fsync of the
///          folder. A crash leaves either the old or the new file, never a mix.
///   log    append-only records, each `u32 length | u32 crc32 | payload`; a payload is
///          an entry (index, term, command) or a truncation ("entries after index are
///          gone"). fdatasync before the caller may send anything depending on it.
///
/// On open, a torn or corrupt tail of the log (a crash in the middle of an append) is
/// cut off at the last whole record and reported; a half-written state.tmp is removed
/// and reported. Damage a crash cannot cause (the state file itself corrupt or missing
/// beside a non-empty log) refuses to start: guessing could cast a second vote in a term.
///
/// Invariant: every record in the log file (after open) is whole and checksummed, and
/// replaying them yields the log the node last saved.
class Storage {
public:
    /// OpenResult is what open() found: the storage, or why not; and what was cut.
    struct OpenResult {
        std::unique_ptr<Storage> storage;
        std::string error;
        /// notes: one line per repair made ("log: cut 13 bytes ...").
        std::vector<std::string> notes;
    };

    /// open locks `dir` (creating it if needed) for server `self`, loads the state and
    /// the log, and repairs a torn tail. With fsync false, nothing is flushed to disk
    /// (fast, but a power loss may forget votes and entries: for benchmarks).
    static OpenResult open(const std::string &dir, raft::NodeId self, bool fsync);

    ~Storage();
    Storage(const Storage &) = delete;
    Storage &operator=(const Storage &) = delete;

    /// loaded is the persistent state found on open (after repairs).
    const raft::PersistentState &loaded() const { return m_loaded; }

    /// save makes durable what `ready` says changed in `node`: the hard state when
    /// hardStateChanged, and the log from persistFrom on. Call it before sending
    /// ready's messages. Returns false (with why) if the disk refused: the caller must
    /// stop, since it can no longer keep the paper's promises.
    [[nodiscard]] bool save(const raft::Ready &ready, const raft::Node &node, std::string &error);

    /// saveHardState writes currentTerm and votedFor atomically.
    [[nodiscard]] bool saveHardState(raft::Term term, raft::NodeId votedFor, std::string &error);

    const std::string &dir() const { return m_dir; }
    std::string logPath() const { return m_dir + "/log"; }
    std::string statePath() const { return m_dir + "/state"; }
    /// logBytes is the log file's size.
    std::uint64_t logBytes() const { return m_logBytes; }

    /// kStateBytes is the size of a state file.
    static constexpr std::size_t kStateBytes = 22;

private:
    Storage() = default;
    // The steps of open(): each false with why.
    bool lock(std::string &error);
    bool loadState(bool &haveState, OpenResult &result);
    bool replayLog(bool haveState, OpenResult &result, bool &rewrite);
    bool rewriteLog(std::string &error);
    bool appendLog(const raft::Log &log, raft::Index from, std::string &error);
    bool writeAll(int fd, const std::string &bytes, std::string &error);

    std::string m_dir;
    raft::NodeId m_self = raft::kNoNode;
    bool m_fsync = true;
    int m_lockFd = -1;
    int m_dirFd = -1;
    int m_logFd = -1;
    std::uint64_t m_logBytes = 0;
    /// m_stored: the index of the last entry in the log file.
    raft::Index m_stored = 0;
    raft::PersistentState m_loaded;
    std::string m_buffer;
};

} // namespace live
