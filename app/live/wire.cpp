#include "wire.h"

#include <cstring>

namespace live {

using raft::Index;
using raft::Message;
using raft::MessageType;
using raft::NodeId;
using raft::Term;

namespace {

void putU8(std::string &out, std::uint64_t v)
{
    out.push_back(static_cast<char>(v & 0xff));
}
void putU16(std::string &out, std::uint64_t v)
{
    for (int i = 0; i < 2; ++i)
        putU8(out, v >> (8 * i));
}
void putU32(std::string &out, std::uint64_t v)
{
    for (int i = 0; i < 4; ++i)
        putU8(out, v >> (8 * i));
}
void putU64(std::string &out, std::uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        putU8(out, v >> (8 * i));
}

std::uint64_t readLe(const char *p, int bytes)
{
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

/// beginFrame writes a frame header with a placeholder length and returns where the
/// payload starts; endFrame fills the length in.
std::size_t beginFrame(std::string &out, FrameKind kind)
{
    out.append(kWireMagic, sizeof kWireMagic);
    putU8(out, kWireVersion);
    putU8(out, static_cast<std::uint8_t>(kind));
    putU32(out, 0);
    return out.size();
}
void endFrame(std::string &out, std::size_t payloadStart)
{
    const std::uint64_t length = out.size() - payloadStart;
    for (int i = 0; i < 4; ++i)
        out[payloadStart - 4 + static_cast<std::size_t>(i)] = static_cast<char>((length >> (8 * i)) & 0xff);
}

/// Cursor reads a payload field by field; the first short read or bad value sets
/// the error, and every later read is a no-op returning 0.
class Cursor {
public:
    Cursor(std::string_view data, std::string &error)
        : m_data(data)
        , m_error(error)
    { }

    std::uint64_t u8(const char *field) { return take(1, field); }
    std::uint64_t u16(const char *field) { return take(2, field); }
    std::uint64_t u32(const char *field) { return take(4, field); }
    std::uint64_t u64(const char *field) { return take(8, field); }
    /// number reads a u64 term or index and checks it is below kMaxWireNumber.
    std::uint64_t number(const char *field)
    {
        const std::uint64_t v = u64(field);
        if (ok() && v >= kMaxWireNumber)
            fail(std::string(field) + " " + std::to_string(v) + " is out of range");
        return v;
    }
    /// flag reads a boolean byte: 0 or 1, nothing else.
    bool flag(const char *field)
    {
        const std::uint64_t v = u8(field);
        if (ok() && v > 1)
            fail(std::string(field) + " is " + std::to_string(v) + ", not a boolean");
        return v == 1;
    }
    std::string bytes(std::size_t n, const char *field)
    {
        if (!ok())
            return {};
        if (m_data.size() - m_pos < n) {
            fail(std::string("truncated payload: ") + field + " needs " + std::to_string(n) + " bytes, "
                 + std::to_string(m_data.size() - m_pos) + " left");
            return {};
        }
        std::string s(m_data.substr(m_pos, n));
        m_pos += n;
        return s;
    }
    std::size_t left() const { return m_data.size() - m_pos; }
    bool ok() const { return m_error.empty(); }
    void fail(std::string why)
    {
        if (ok())
            m_error = std::move(why);
    }

private:
    std::uint64_t take(std::size_t n, const char *field)
    {
        if (!ok())
            return 0;
        if (m_data.size() - m_pos < n) {
            fail(std::string("truncated payload: no room for ") + field);
            return 0;
        }
        const std::uint64_t v = readLe(m_data.data() + m_pos, static_cast<int>(n));
        m_pos += n;
        return v;
    }

    std::string_view m_data;
    std::size_t m_pos = 0;
    std::string &m_error;
};

std::string nodeText(std::uint64_t id)
{
    return "S" + std::to_string(id);
}

/// checkNode verifies that `id` names a server of the cluster.
void checkNode(Cursor &c, std::uint64_t id, const char *field, const DecodeContext &ctx)
{
    if (c.ok() && (id < 1 || id > static_cast<std::uint64_t>(ctx.clusterSize)))
        c.fail(std::string(field) + " " + std::to_string(id) + " is not a server of S1..S"
               + std::to_string(ctx.clusterSize));
}

bool decodeHello(Cursor &c, const DecodeContext &ctx, Hello &h)
{
    const std::uint64_t from = c.u8("from");
    const std::uint64_t to = c.u8("to");
    const std::uint64_t size = c.u8("clusterSize");
    const std::uint64_t http = c.u16("httpPort");
    if (!c.ok())
        return false;
    if (size != static_cast<std::uint64_t>(ctx.clusterSize)) {
        c.fail("caller has a cluster of " + std::to_string(size) + " servers, this server one of "
               + std::to_string(ctx.clusterSize));
        return false;
    }
    checkNode(c, from, "from", ctx);
    checkNode(c, to, "to", ctx);
    if (c.ok() && to != static_cast<std::uint64_t>(ctx.self))
        c.fail("Hello addressed to " + nodeText(to) + ", but this is "
               + nodeText(static_cast<std::uint64_t>(ctx.self)));
    if (c.ok() && from == to)
        c.fail("Hello from " + nodeText(from) + " to itself");
    h.from = static_cast<NodeId>(from);
    h.to = static_cast<NodeId>(to);
    h.clusterSize = static_cast<int>(size);
    h.httpPort = static_cast<std::uint16_t>(http);
    return c.ok();
}

/// decodeAppendEntries reads an AppendEntries after its common fields: the entries
/// must fit the payload and form a possible piece of a leader's log.
void decodeAppendEntries(Cursor &c, Message &m)
{
    m.prevLogIndex = c.number("prevLogIndex");
    m.prevLogTerm = c.number("prevLogTerm");
    m.leaderCommit = c.number("leaderCommit");
    const std::uint64_t count = c.u32("entry count");
    if (!c.ok())
        return;
    if ((m.prevLogIndex == 0) != (m.prevLogTerm == 0)) {
        c.fail("prevLogIndex and prevLogTerm disagree about entry 0");
        return;
    }
    if (m.prevLogTerm > m.term) {
        c.fail("prevLogTerm " + std::to_string(m.prevLogTerm) + " is later than term " + std::to_string(m.term));
        return;
    }
    if (count > kMaxEntriesPerFrame) {
        c.fail(std::to_string(count) + " entries exceed the limit of " + std::to_string(kMaxEntriesPerFrame));
        return;
    }
    // Each entry needs at least 12 bytes: refuse a count the payload cannot hold
    // before reserving room for it.
    if (count * 12 > c.left()) {
        c.fail("truncated payload: " + std::to_string(count) + " entries cannot fit in " + std::to_string(c.left())
               + " bytes");
        return;
    }
    if (m.prevLogIndex + count >= kMaxWireNumber) {
        c.fail("entries would run past index " + std::to_string(kMaxWireNumber));
        return;
    }
    m.entries.reserve(count);
    Term previous = m.prevLogTerm;
    for (std::uint64_t i = 0; i < count && c.ok(); ++i) {
        raft::Entry e;
        e.term = c.number("entry term");
        const std::uint64_t length = c.u32("command length");
        if (!c.ok())
            break;
        // A leader's log: terms never fall along the log, and none is later than
        // the leader's own term (§5.3, Log Matching).
        if (e.term < previous || e.term > m.term || e.term == 0) {
            c.fail("entry " + std::to_string(m.prevLogIndex + i + 1) + " has term " + std::to_string(e.term)
                   + ", outside " + std::to_string(previous == 0 ? 1 : previous) + ".." + std::to_string(m.term));
            break;
        }
        if (length > kMaxCommandBytes) {
            c.fail("command of " + std::to_string(length) + " bytes exceeds the limit of "
                   + std::to_string(kMaxCommandBytes));
            break;
        }
        e.command = c.bytes(length, "command");
        previous = e.term;
        m.entries.push_back(std::move(e));
    }
}

bool decodeMessage(Cursor &c, const DecodeContext &ctx, WireMessage &w)
{
    w.id = c.u64("id");
    Message &m = w.message;
    const std::uint64_t type = c.u8("type");
    if (c.ok() && type > static_cast<std::uint64_t>(MessageType::TimeoutNow)) {
        c.fail("unknown message type " + std::to_string(type));
        return false;
    }
    m = Message{};
    m.type = static_cast<MessageType>(type);
    const std::uint64_t from = c.u8("from");
    const std::uint64_t to = c.u8("to");
    m.term = c.number("term");
    checkNode(c, from, "from", ctx);
    checkNode(c, to, "to", ctx);
    if (c.ok() && ctx.peer != raft::kNoNode && from != static_cast<std::uint64_t>(ctx.peer))
        c.fail("message from " + nodeText(from) + " on the connection of "
               + nodeText(static_cast<std::uint64_t>(ctx.peer)));
    if (c.ok() && to != static_cast<std::uint64_t>(ctx.self))
        c.fail("message for " + nodeText(to) + " reached " + nodeText(static_cast<std::uint64_t>(ctx.self)));
    // Every RPC and reply carries its sender's term, which is at least 1: terms start
    // at 0 and the first election raises it (§5.2).
    if (c.ok() && m.term == 0)
        c.fail("term 0 in a message");
    m.from = static_cast<NodeId>(from);
    m.to = static_cast<NodeId>(to);
    switch (m.type) {
    case MessageType::RequestVote:
    case MessageType::PreVote:
        m.lastLogIndex = c.number("lastLogIndex");
        m.lastLogTerm = c.number("lastLogTerm");
        // A log never holds an entry of a term later than its owner's currentTerm.
        if (c.ok() && m.lastLogTerm > m.term)
            c.fail("lastLogTerm " + std::to_string(m.lastLogTerm) + " is later than term " + std::to_string(m.term));
        if (c.ok() && (m.lastLogIndex == 0) != (m.lastLogTerm == 0))
            c.fail("lastLogIndex and lastLogTerm disagree about an empty log");
        break;
    case MessageType::RequestVoteReply:
    case MessageType::PreVoteReply: m.voteGranted = c.flag("voteGranted"); break;
    case MessageType::AppendEntries: decodeAppendEntries(c, m); break;
    case MessageType::TimeoutNow: break;
    // The live cluster does not compact its logs (snapshots are a simulation setting,
    // §7): InstallSnapshot never goes on the wire, and a frame naming it is refused above.
    case MessageType::InstallSnapshot:
    case MessageType::InstallSnapshotReply: break;
    case MessageType::AppendEntriesReply:
        m.success = c.flag("success");
        m.matchIndex = c.number("matchIndex");
        m.rejectedIndex = c.number("rejectedIndex");
        m.conflictTerm = c.number("conflictTerm");
        m.conflictIndex = c.number("conflictIndex");
        if (c.ok() && m.conflictTerm > m.term)
            c.fail("conflictTerm " + std::to_string(m.conflictTerm) + " is later than term " + std::to_string(m.term));
        break;
    }
    return c.ok();
}

} // namespace

void appendHello(std::string &out, const Hello &hello)
{
    const std::size_t start = beginFrame(out, FrameKind::Hello);
    putU8(out, static_cast<std::uint64_t>(hello.from));
    putU8(out, static_cast<std::uint64_t>(hello.to));
    putU8(out, static_cast<std::uint64_t>(hello.clusterSize));
    putU16(out, hello.httpPort);
    endFrame(out, start);
}

void appendMessage(std::string &out, const Message &m, std::uint64_t id)
{
    const std::size_t start = beginFrame(out, FrameKind::Raft);
    putU64(out, id);
    putU8(out, static_cast<std::uint64_t>(m.type));
    putU8(out, static_cast<std::uint64_t>(m.from));
    putU8(out, static_cast<std::uint64_t>(m.to));
    putU64(out, m.term);
    switch (m.type) {
    case MessageType::RequestVote:
    case MessageType::PreVote:
        putU64(out, m.lastLogIndex);
        putU64(out, m.lastLogTerm);
        break;
    case MessageType::RequestVoteReply:
    case MessageType::PreVoteReply: putU8(out, m.voteGranted ? 1 : 0); break;
    case MessageType::TimeoutNow: break;
    case MessageType::InstallSnapshot: // never sent by a live node (no compaction)
    case MessageType::InstallSnapshotReply: break;
    case MessageType::AppendEntries:
        putU64(out, m.prevLogIndex);
        putU64(out, m.prevLogTerm);
        putU64(out, m.leaderCommit);
        putU32(out, m.entries.size());
        for (const raft::Entry &e : m.entries) {
            putU64(out, e.term);
            putU32(out, e.command.size());
            out += e.command;
        }
        break;
    case MessageType::AppendEntriesReply:
        putU8(out, m.success ? 1 : 0);
        putU64(out, m.matchIndex);
        putU64(out, m.rejectedIndex);
        putU64(out, m.conflictTerm);
        putU64(out, m.conflictIndex);
        break;
    }
    endFrame(out, start);
}

bool decodePayload(FrameKind kind, std::string_view payload, const DecodeContext &context, Frame &out,
                   std::string &error)
{
    error.clear();
    Cursor c(payload, error);
    bool ok = false;
    if (kind == FrameKind::Hello) {
        Hello h;
        ok = decodeHello(c, context, h);
        if (ok)
            out = h;
    } else if (kind == FrameKind::Raft) {
        WireMessage w;
        ok = decodeMessage(c, context, w);
        if (ok)
            out = std::move(w);
    } else {
        c.fail("unknown frame kind " + std::to_string(static_cast<int>(kind)));
    }
    if (ok && c.left() != 0) {
        c.fail(std::to_string(c.left()) + " stray bytes after the " + (kind == FrameKind::Hello ? "Hello" : "message"));
        ok = false;
    }
    return ok;
}

void FrameReader::feed(std::string_view bytes)
{
    if (failed())
        return;
    // Drop what earlier frames used before growing the buffer.
    if (m_start > 0 && (m_start == m_buffer.size() || m_start > (64u << 10))) {
        m_buffer.erase(0, m_start);
        m_start = 0;
    }
    m_buffer.append(bytes);
}

FrameReader::Status FrameReader::next(Frame &out)
{
    if (failed())
        return Status::Error;
    const std::size_t have = buffered();
    if (have < kFrameHeaderSize) {
        // Check what has arrived of the magic at once: a stranger is refused early.
        const std::size_t n = std::min(have, sizeof kWireMagic);
        if (std::memcmp(m_buffer.data() + m_start, kWireMagic, n) != 0)
            m_error = "bad magic: this is not a raftviz server speaking";
        return failed() ? Status::Error : Status::NeedMore;
    }
    const char *h = m_buffer.data() + m_start;
    if (std::memcmp(h, kWireMagic, sizeof kWireMagic) != 0) {
        m_error = "bad magic: this is not a raftviz server speaking";
        return Status::Error;
    }
    const auto version = static_cast<std::uint8_t>(h[4]);
    const auto kind = static_cast<std::uint8_t>(h[5]);
    const std::uint64_t length = readLe(h + 6, 4);
    if (version != kWireVersion) {
        m_error = "wire version " + std::to_string(version) + ", this server speaks " + std::to_string(kWireVersion);
        return Status::Error;
    }
    if (kind != static_cast<std::uint8_t>(FrameKind::Hello) && kind != static_cast<std::uint8_t>(FrameKind::Raft)) {
        m_error = "unknown frame kind " + std::to_string(kind);
        return Status::Error;
    }
    if (length > kMaxPayload) {
        m_error = "frame of " + std::to_string(length) + " bytes exceeds the limit of " + std::to_string(kMaxPayload);
        return Status::Error;
    }
    const auto frameKind = static_cast<FrameKind>(kind);
    if (m_helloSeen == (frameKind == FrameKind::Hello)) {
        m_error = m_helloSeen ? "a second Hello on one connection" : "a message before the Hello";
        return Status::Error;
    }
    if (have < kFrameHeaderSize + length)
        return Status::NeedMore;
    const std::string_view payload(h + kFrameHeaderSize, length);
    std::string why;
    if (!decodePayload(frameKind, payload, m_context, out, why)) {
        m_error = std::move(why);
        return Status::Error;
    }
    m_start += kFrameHeaderSize + length;
    if (frameKind == FrameKind::Hello) {
        m_helloSeen = true;
        m_context.peer = std::get<Hello>(out).from;
    }
    return Status::Complete;
}

} // namespace live
