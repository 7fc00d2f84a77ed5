#include "storage.h"

#include "wire.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace live {

using raft::Index;
using raft::NodeId;
using raft::Term;

namespace {

constexpr char kStateMagic[4] = {'R', 'V', 'S', 'T'};
constexpr std::uint8_t kStateVersion = 1;
constexpr std::uint8_t kRecordEntry = 1;
constexpr std::uint8_t kRecordTruncate = 2;
/// kMaxRecord bounds a log record's payload: type, index, term and one command.
constexpr std::uint32_t kMaxRecord = 1 + 8 + 8 + kMaxCommandBytes;

std::uint32_t crc(std::string_view bytes)
{
    return static_cast<std::uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef *>(bytes.data()), static_cast<uInt>(bytes.size())));
}

void put(std::string &out, std::uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
std::uint64_t get(const char *p, int bytes)
{
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

std::string errnoText(const std::string &what)
{
    return what + ": " + std::strerror(errno);
}

/// readFile reads a whole file; false if it does not exist (or cannot be read).
bool readFile(const std::string &path, std::string &out, std::string &error)
{
    out.clear();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT)
            error = errnoText("cannot open " + path);
        return false;
    }
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            error = errnoText("cannot read " + path);
            ::close(fd);
            return false;
        }
        if (n == 0)
            break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return true;
}

std::string encodeState(NodeId self, Term term, NodeId votedFor)
{
    std::string s(kStateMagic, sizeof kStateMagic);
    put(s, kStateVersion, 1);
    put(s, static_cast<std::uint64_t>(self), 1);
    put(s, term, 8);
    put(s, static_cast<std::uint64_t>(votedFor), 1);
    put(s, 0, 3);
    put(s, crc(s), 4);
    return s;
}

void appendRecord(std::string &out, std::uint8_t type, Index index, const raft::Entry *entry)
{
    std::string payload;
    put(payload, type, 1);
    put(payload, index, 8);
    if (entry) {
        put(payload, entry->term, 8);
        payload += entry->command;
    }
    put(out, payload.size(), 4);
    put(out, crc(payload), 4);
    out += payload;
}

} // namespace

Storage::OpenResult Storage::open(const std::string &dir, NodeId self, bool fsync)
{
    OpenResult result;
    std::unique_ptr<Storage> s(new Storage);
    s->m_dir = dir;
    s->m_self = self;
    s->m_fsync = fsync;
    bool haveState = false;
    bool rewrite = false;
    if (!s->lock(result.error) || !s->loadState(haveState, result) || !s->replayLog(haveState, result, rewrite))
        return result;
    if (!haveState && !s->m_loaded.log.empty()) {
        result.error = s->statePath() + " is missing but the log holds " + std::to_string(s->m_loaded.log.lastIndex())
            + " entries. Refusing to start: forgetting votedFor could grant a second vote in one term";
        return result;
    }
    if (rewrite && !s->rewriteLog(result.error))
        return result;
    s->m_logFd = ::open(s->logPath().c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (s->m_logFd < 0) {
        result.error = errnoText("cannot open " + s->logPath());
        return result;
    }
    s->m_stored = s->m_loaded.log.lastIndex();
    if (!haveState && !s->saveHardState(0, raft::kNoNode, result.error))
        return result;
    if (fsync && ::fsync(s->m_dirFd) != 0) {
        result.error = errnoText("cannot fsync " + dir);
        return result;
    }
    result.storage = std::move(s);
    return result;
}

bool Storage::lock(std::string &error)
{
    std::error_code ec;
    std::filesystem::create_directories(m_dir, ec);
    if (ec) {
        error = "cannot create " + m_dir + ": " + ec.message();
        return false;
    }
    // One server per folder: the lock lives as long as the process.
    const std::string lockPath = m_dir + "/LOCK";
    m_lockFd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_lockFd < 0) {
        error = errnoText("cannot open " + lockPath);
        return false;
    }
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        std::string owner;
        std::string ignored;
        readFile(lockPath, owner, ignored);
        while (!owner.empty() && (owner.back() == '\n' || owner.back() == ' '))
            owner.pop_back();
        error = m_dir + " is in use by another server" + (owner.empty() ? "" : " (" + owner + ")")
            + "; a folder holds one server's stable storage";
        return false;
    }
    const std::string owner = "pid " + std::to_string(::getpid()) + ", " + raft::nodeName(m_self) + "\n";
    if (::ftruncate(m_lockFd, 0) != 0 || ::pwrite(m_lockFd, owner.data(), owner.size(), 0) < 0) {
        error = errnoText("cannot write " + lockPath);
        return false;
    }
    m_dirFd = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_dirFd < 0) {
        error = errnoText("cannot open " + m_dir);
        return false;
    }
    return true;
}

bool Storage::loadState(bool &haveState, OpenResult &result)
{
    // state.tmp is a replacement that never got renamed: a crash in the middle of
    // saving. The rename had not happened, so nothing depended on it.
    std::string bytes;
    const std::string tmpPath = m_dir + "/state.tmp";
    if (readFile(tmpPath, bytes, result.error)) {
        ::unlink(tmpPath.c_str());
        result.notes.push_back("state: removed " + tmpPath + " (" + std::to_string(bytes.size())
                               + " bytes), a save interrupted before its rename; the previous state stands");
    }
    if (!result.error.empty())
        return false;
    haveState = readFile(statePath(), bytes, result.error);
    if (!result.error.empty())
        return false;
    if (!haveState)
        return true;
    if (bytes.size() != kStateBytes || std::memcmp(bytes.data(), kStateMagic, 4) != 0
        || get(bytes.data() + 18, 4) != crc(std::string_view(bytes).substr(0, 18))
        || static_cast<std::uint8_t>(bytes[4]) != kStateVersion) {
        result.error = statePath() + " is damaged (" + std::to_string(bytes.size()) + " bytes, expected "
            + std::to_string(kStateBytes)
            + " with a valid checksum); it is only ever replaced by rename, so a crash cannot do this. "
              "Refusing to start: forgetting votedFor could grant a second vote in one term";
        return false;
    }
    const auto holder = static_cast<NodeId>(static_cast<unsigned char>(bytes[5]));
    if (holder != m_self) {
        result.error = m_dir + " holds the stable storage of " + raft::nodeName(holder) + ", not "
            + raft::nodeName(m_self);
        return false;
    }
    m_loaded.currentTerm = get(bytes.data() + 6, 8);
    m_loaded.votedFor = static_cast<NodeId>(static_cast<unsigned char>(bytes[14]));
    if (m_loaded.votedFor > raft::kMaxNodes) {
        result.error = statePath() + " names votedFor " + std::to_string(m_loaded.votedFor) + ", not a server";
        return false;
    }
    return true;
}

bool Storage::replayLog(bool haveState, OpenResult &result, bool &rewrite)
{
    // Replay whole records; the first record that is short, fails its checksum or
    // breaks the index sequence ends the log, and the rest of the file is cut off.
    std::string bytes;
    if (!readFile(logPath(), bytes, result.error) && !result.error.empty())
        return false;
    raft::Log &log = m_loaded.log;
    std::size_t pos = 0;
    std::size_t records = 0;
    std::string damage;
    while (pos < bytes.size() && damage.empty()) {
        const std::size_t left = bytes.size() - pos;
        const std::uint64_t length = left < 8 ? 0 : get(bytes.data() + pos, 4);
        if (left < 8) {
            damage = "a torn record header (" + std::to_string(left) + " of 8 bytes)";
        } else if (length < 9 || length > kMaxRecord) {
            damage = "a record length of " + std::to_string(length) + " bytes";
        } else if (left - 8 < length) {
            damage = "a torn record (" + std::to_string(left - 8) + " of " + std::to_string(length) + " bytes)";
        } else if (crc(std::string_view(bytes).substr(pos + 8, length)) != get(bytes.data() + pos + 4, 4)) {
            damage = "a checksum mismatch in record " + std::to_string(records + 1);
        } else {
            const std::string_view payload(bytes.data() + pos + 8, length);
            const auto type = static_cast<std::uint8_t>(payload[0]);
            const Index index = get(payload.data() + 1, 8);
            const Term term = length >= 17 ? get(payload.data() + 9, 8) : 0;
            if (type == kRecordEntry && length >= 17 && index == log.lastIndex() + 1) {
                // The state is saved before the entries that depend on it, so no entry
                // has a later term than the state file says.
                if (haveState && term > m_loaded.currentTerm) {
                    result.error = logPath() + " holds entry " + std::to_string(index) + " of term "
                        + std::to_string(term) + " but " + statePath() + " says term "
                        + std::to_string(m_loaded.currentTerm)
                        + ": the state is older than the log (was it saved without fsync?). Refusing to start";
                    return false;
                }
                if (term == 0 || term < log.lastTerm())
                    damage = "entry " + std::to_string(index) + " of impossible term " + std::to_string(term);
                else
                    log.append(raft::Entry{term, std::string(payload.substr(17))});
            } else if (type == kRecordTruncate && length == 9 && index <= log.lastIndex()) {
                log.truncateAfter(index);
                rewrite = true;
            } else {
                damage = "record " + std::to_string(records + 1) + " out of sequence (type " + std::to_string(type)
                    + ", index " + std::to_string(index) + " after " + std::to_string(log.lastIndex()) + ")";
            }
        }
        if (damage.empty()) {
            pos += 8 + length;
            ++records;
        }
    }
    if (!damage.empty()) {
        result.notes.push_back("log: cut " + std::to_string(bytes.size() - pos) + " bytes at offset "
                               + std::to_string(pos) + " (" + damage + "); kept " + std::to_string(log.lastIndex())
                               + " entries");
        rewrite = true;
    }
    m_logBytes = pos;
    return true;
}

bool Storage::rewriteLog(std::string &error)
{
    // The new file holds exactly the entries kept, and replaces the old one by rename.
    std::string compact;
    const raft::Log &log = m_loaded.log;
    for (Index i = 1; i <= log.lastIndex(); ++i)
        appendRecord(compact, kRecordEntry, i, &log.at(i));
    const std::string tmp = m_dir + "/log.tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const bool ok = fd >= 0 && writeAll(fd, compact, error) && (!m_fsync || ::fsync(fd) == 0)
        && ::rename(tmp.c_str(), logPath().c_str()) == 0;
    if (!ok && error.empty())
        error = errnoText("cannot rewrite " + logPath());
    if (fd >= 0)
        ::close(fd);
    if (ok && m_fsync)
        ::fsync(m_dirFd);
    m_logBytes = compact.size();
    return ok;
}

Storage::~Storage()
{
    for (const int fd : {m_logFd, m_dirFd, m_lockFd})
        if (fd >= 0)
            ::close(fd);
}

bool Storage::writeAll(int fd, const std::string &bytes, std::string &error)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            error = errnoText("write failed in " + m_dir);
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool Storage::saveHardState(Term term, NodeId votedFor, std::string &error)
{
    const std::string tmp = m_dir + "/state.tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = errnoText("cannot create " + tmp);
        return false;
    }
    const bool ok = writeAll(fd, encodeState(m_self, term, votedFor), error) && (!m_fsync || ::fsync(fd) == 0);
    ::close(fd);
    if (!ok) {
        if (error.empty())
            error = errnoText("cannot fsync " + tmp);
        return false;
    }
    if (::rename(tmp.c_str(), statePath().c_str()) != 0) {
        error = errnoText("cannot rename " + tmp);
        return false;
    }
    if (m_fsync && ::fsync(m_dirFd) != 0) {
        error = errnoText("cannot fsync " + m_dir);
        return false;
    }
    return true;
}

bool Storage::appendLog(const raft::Log &log, Index from, std::string &error)
{
    m_buffer.clear();
    from = std::min(from, m_stored + 1);
    // §5.3: conflicting entries were removed; the file records it rather than
    // rewriting in place, so a crash here leaves whole records only.
    if (from <= m_stored)
        appendRecord(m_buffer, kRecordTruncate, from - 1, nullptr);
    for (Index i = from; i <= log.lastIndex(); ++i)
        appendRecord(m_buffer, kRecordEntry, i, &log.at(i));
    if (!writeAll(m_logFd, m_buffer, error))
        return false;
    if (m_fsync && ::fdatasync(m_logFd) != 0) {
        error = errnoText("cannot fsync " + logPath());
        return false;
    }
    m_logBytes += m_buffer.size();
    m_stored = log.lastIndex();
    return true;
}

bool Storage::save(const raft::Ready &ready, const raft::Node &node, std::string &error)
{
    if (ready.hardStateChanged && !saveHardState(node.term(), node.votedFor(), error))
        return false;
    if (ready.persistFrom != 0 && !appendLog(node.log(), ready.persistFrom, error))
        return false;
    return true;
}

} // namespace live
