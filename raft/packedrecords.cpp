#include "packedrecords.h"

#include <algorithm>
#include <cstring>

namespace raft {

namespace {

using Byte = std::uint8_t;

/// kMaxRecord bounds one packed record: a few bytes and at most eleven varints of ten.
constexpr std::size_t kMaxRecord = 128;

void putVarint(Byte *&out, std::uint64_t v)
{
    while (v >= 0x80) {
        *out++ = static_cast<Byte>(v | 0x80);
        v >>= 7;
    }
    *out++ = static_cast<Byte>(v);
}

std::uint64_t getVarint(const Byte *&in)
{
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        const Byte b = *in++;
        v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
}

/// zigzag maps a two's-complement difference to a small unsigned number: 0, -1, 1,
/// -2 ... become 0, 1, 2, 3 ...
std::uint64_t zigzag(std::uint64_t v)
{
    return (v << 1) ^ (0 - (v >> 63));
}

std::uint64_t unzigzag(std::uint64_t z)
{
    return (z >> 1) ^ (0 - (z & 1));
}

template <typename V> std::uint64_t bits(V v)
{
    return static_cast<std::uint64_t>(v);
}

/// putDiff writes v - base, exact modulo 2^64 for any two values.
void putDiff(Byte *&out, std::uint64_t v, std::uint64_t base)
{
    putVarint(out, zigzag(v - base));
}

std::uint64_t getDiff(const Byte *&in, std::uint64_t base)
{
    return base + unzigzag(getVarint(in));
}

/// Node ids 0..15 (every server, and kNoNode) share one byte; others take two varints.
bool nodesFit(NodeId a, NodeId b)
{
    return a >= 0 && a <= 15 && b >= 0 && b <= 15;
}

void putNodes(Byte *&out, NodeId a, NodeId b, bool fit)
{
    if (fit) {
        *out++ = static_cast<Byte>(a | (b << 4));
    } else {
        putVarint(out, zigzag(bits(static_cast<std::int64_t>(a))));
        putVarint(out, zigzag(bits(static_cast<std::int64_t>(b))));
    }
}

void getNodes(const Byte *&in, NodeId &a, NodeId &b, bool fit)
{
    if (fit) {
        a = *in & 0x0f;
        b = *in >> 4;
        ++in;
    } else {
        a = static_cast<NodeId>(static_cast<std::int64_t>(unzigzag(getVarint(in))));
        b = static_cast<NodeId>(static_cast<std::int64_t>(unzigzag(getVarint(in))));
    }
}

/// kGroup: records share an offset in groups of this many; reading record i decodes
/// the ones before it in its group too (at most kGroup - 1). An offset per record
/// cost 2 bytes of the ~13 a packed event takes.
constexpr std::size_t kGroup = 4;

/// Packer writes one block: a 16-bit offset per group of kGroup records, then the
/// records, into a scratch buffer that finish() copies to the block's own bytes.
class Packer {
public:
    explicit Packer(std::size_t count)
    {
        thread_local std::vector<Byte> scratch;
        const std::size_t table = (count + kGroup - 1) / kGroup * 2;
        scratch.resize(table + count * kMaxRecord);
        m_start = scratch.data();
        m_out = m_start + table;
    }
    /// begin marks where record i starts; it is then written through the pointer.
    Byte *&begin(std::size_t i)
    {
        if (i % kGroup == 0) {
            const auto offset = static_cast<std::uint16_t>(m_out - m_start);
            m_start[i / kGroup * 2] = static_cast<Byte>(offset & 0xff);
            m_start[i / kGroup * 2 + 1] = static_cast<Byte>(offset >> 8);
        }
        return m_out;
    }
    PackedBytes finish(std::size_t &size)
    {
        size = static_cast<std::size_t>(m_out - m_start);
        std::shared_ptr<Byte[]> bytes = std::make_shared<Byte[]>(size);
        std::memcpy(bytes.get(), m_start, size);
        return bytes;
    }

private:
    Byte *m_start = nullptr;
    Byte *m_out = nullptr;
};

/// groupAt finds the first record of the group that holds record i.
const Byte *groupAt(const PackedBytes &bytes, std::size_t i)
{
    const Byte *start = bytes.get();
    const std::size_t g = i / kGroup;
    return start + (start[g * 2] | (static_cast<std::size_t>(start[g * 2 + 1]) << 8));
}

// Event flags: which fields differ from their defaults.
constexpr std::uint64_t kEvTime = std::uint64_t{1} << 0; // t differs from the block's first event
constexpr std::uint64_t kEvStep = std::uint64_t{1} << 1;
constexpr std::uint64_t kEvReason = std::uint64_t{1} << 2;
constexpr std::uint64_t kEvWideNodes = std::uint64_t{1} << 3;
constexpr std::uint64_t kEvTerm = std::uint64_t{1} << 4; // term differs from the block's first event
constexpr std::uint64_t kEvTerm2 = std::uint64_t{1} << 5; // term2 is not 0
constexpr std::uint64_t kEvIndex = std::uint64_t{1} << 6;
constexpr std::uint64_t kEvIndex2 = std::uint64_t{1} << 7;
constexpr std::uint64_t kEvValue = std::uint64_t{1} << 8;
constexpr std::uint64_t kEvText = std::uint64_t{1} << 9; // text is not -1

// Message flags.
constexpr std::uint64_t kMsgCopyOf = std::uint64_t{1} << 0;
constexpr std::uint64_t kMsgCause = std::uint64_t{1} << 1;
constexpr std::uint64_t kMsgWait = std::uint64_t{1} << 2; // waitAt/waitStep are not -1/0
constexpr std::uint64_t kMsgHeartbeat = std::uint64_t{1} << 3;
constexpr std::uint64_t kMsgHeld = std::uint64_t{1} << 4;
constexpr std::uint64_t kMsgWideNodes = std::uint64_t{1} << 5;
constexpr std::uint64_t kMsgEnd = std::uint64_t{1} << 6; // endStep/endAt are not 0/0
constexpr std::uint64_t kMsgEntries = std::uint64_t{1} << 7;
constexpr std::uint64_t kMsgLoss = std::uint64_t{1} << 8;

} // namespace

// --- TraceEvents ---

void TraceEvents::closeTail()
{
    Block block;
    block.plain = std::make_shared<const std::vector<TraceEvent>>(std::move(m_tail));
    m_blocks.push_back(std::move(block));
    m_tail = {};
    m_tail.reserve(kBlock);
    while (m_blocks.size() - m_packed > m_plainBlocks)
        pack(m_blocks[m_packed++]);
}

void TraceEvents::pack(Block &block)
{
    const std::vector<TraceEvent> &events = *block.plain;
    const TraceEvent &first = events.front();
    block.t = first.t;
    block.step = first.step;
    block.term = first.term;
    block.index = first.index;
    block.text = first.text;
    Packer packer(kBlock);
    for (std::size_t i = 0; i < kBlock; ++i) {
        const TraceEvent &e = events[i];
        const bool fit = nodesFit(e.node, e.peer);
        std::uint64_t flags = 0;
        flags |= e.t != block.t ? kEvTime : 0;
        flags |= e.step != block.step ? kEvStep : 0;
        flags |= e.reason != Reason::None ? kEvReason : 0;
        flags |= fit ? 0 : kEvWideNodes;
        flags |= e.term != block.term ? kEvTerm : 0;
        flags |= e.term2 != 0 ? kEvTerm2 : 0;
        flags |= e.index != 0 ? kEvIndex : 0;
        flags |= e.index2 != 0 ? kEvIndex2 : 0;
        flags |= e.value != 0 ? kEvValue : 0;
        flags |= e.text != -1 ? kEvText : 0;
        Byte *&out = packer.begin(i);
        *out++ = static_cast<Byte>(e.kind);
        putVarint(out, flags);
        if (flags & kEvReason)
            *out++ = static_cast<Byte>(e.reason);
        putNodes(out, e.node, e.peer, fit);
        if (flags & kEvTime)
            putDiff(out, bits(e.t), bits(block.t));
        if (flags & kEvStep)
            putDiff(out, e.step, block.step);
        if (flags & kEvTerm)
            putDiff(out, e.term, block.term);
        if (flags & kEvTerm2)
            putDiff(out, e.term2, block.term);
        if (flags & kEvIndex)
            putDiff(out, e.index, block.index);
        if (flags & kEvIndex2)
            putDiff(out, e.index2, block.index);
        if (flags & kEvValue)
            putVarint(out, zigzag(bits(e.value)));
        if (flags & kEvText)
            putDiff(out, bits(static_cast<std::int64_t>(e.text)), bits(block.text));
    }
    block.bytes = packer.finish(block.size);
    block.plain.reset();
}

TraceEvent TraceEvents::unpack(const Block &block, std::size_t at)
{
    const Byte *in = groupAt(block.bytes, at);
    for (std::size_t skip = at % kGroup;; --skip) {
        TraceEvent e;
        e.kind = static_cast<EventKind>(*in++);
        const std::uint64_t flags = getVarint(in);
        if (flags & kEvReason)
            e.reason = static_cast<Reason>(*in++);
        getNodes(in, e.node, e.peer, !(flags & kEvWideNodes));
        e.t = flags & kEvTime ? static_cast<Time>(getDiff(in, bits(block.t))) : block.t;
        e.step = flags & kEvStep ? getDiff(in, block.step) : block.step;
        e.term = flags & kEvTerm ? getDiff(in, block.term) : block.term;
        if (flags & kEvTerm2)
            e.term2 = getDiff(in, block.term);
        if (flags & kEvIndex)
            e.index = getDiff(in, block.index);
        if (flags & kEvIndex2)
            e.index2 = getDiff(in, block.index);
        if (flags & kEvValue)
            e.value = static_cast<std::int64_t>(unzigzag(getVarint(in)));
        if (flags & kEvText)
            e.text = static_cast<std::int32_t>(static_cast<std::int64_t>(getDiff(in, bits(block.text))));
        if (skip == 0)
            return e;
    }
}

void TraceEvents::resize(std::size_t n)
{
    const std::size_t full = m_blocks.size() * kBlock;
    if (n >= full) {
        m_tail.resize(std::min(n - full, m_tail.size()));
        return;
    }
    const std::size_t b = n / kBlock;
    std::vector<TraceEvent> tail;
    tail.reserve(kBlock);
    for (std::size_t i = 0; i < n % kBlock; ++i)
        tail.push_back((*this)[b * kBlock + i]);
    m_blocks.resize(b);
    m_packed = std::min(m_packed, b);
    m_tail = std::move(tail);
}

void TraceEvents::clear()
{
    m_blocks.clear();
    m_packed = 0;
    m_tail.clear();
}

std::size_t TraceEvents::memoryBytes() const
{
    std::size_t bytes = m_blocks.capacity() * sizeof(Block) + m_tail.capacity() * sizeof(TraceEvent);
    for (const Block &block : m_blocks)
        bytes += block.plain ? kBlock * sizeof(TraceEvent) : block.size;
    return bytes;
}

bool TraceEvents::operator==(const TraceEvents &other) const
{
    if (size() != other.size())
        return false;
    for (std::size_t i = 0; i < size(); ++i) {
        const std::size_t b = i / kBlock;
        if (b < m_blocks.size() && b < other.m_blocks.size()
            && ((m_blocks[b].bytes && m_blocks[b].bytes == other.m_blocks[b].bytes)
                || (m_blocks[b].plain && m_blocks[b].plain == other.m_blocks[b].plain))) {
            i = (b + 1) * kBlock - 1; // the same packed block, shared by a copy
            continue;
        }
        if (!((*this)[i] == other[i]))
            return false;
    }
    return true;
}

// --- MessageRecords ---

MessageRecord MessageRecords::unpack(const Block &block, std::size_t at)
{
    const Byte *in = groupAt(block.bytes, at);
    for (std::size_t skip = at % kGroup;; --skip) {
        MessageRecord r;
        r.type = static_cast<MessageType>(*in++);
        r.fate = static_cast<MessageRecord::Fate>(*in++);
        const std::uint64_t flags = getVarint(in);
        if (flags & kMsgLoss)
            r.lossReason = static_cast<Reason>(*in++);
        r.id = getDiff(in, block.firstId);
        if (flags & kMsgCopyOf)
            r.copyOf = getDiff(in, r.id);
        if (flags & kMsgCause)
            r.cause = getDiff(in, r.id);
        r.sentStep = getDiff(in, block.sentStep);
        r.sentAt = static_cast<Time>(getDiff(in, bits(block.sentAt)));
        r.dueAt = static_cast<Time>(getDiff(in, bits(r.sentAt)));
        if (flags & kMsgEnd) {
            r.endStep = getDiff(in, r.sentStep);
            r.endAt = static_cast<Time>(getDiff(in, bits(r.sentAt)));
        }
        if (flags & kMsgWait) {
            r.waitStep = getDiff(in, r.sentStep);
            r.waitAt = static_cast<Time>(getDiff(in, bits(r.sentAt)));
        }
        r.term = getDiff(in, block.term);
        if (flags & kMsgEntries)
            r.entries = static_cast<std::uint32_t>(getVarint(in));
        getNodes(in, r.from, r.to, !(flags & kMsgWideNodes));
        r.heartbeat = flags & kMsgHeartbeat;
        r.held = flags & kMsgHeld;
        if (skip == 0)
            return r;
    }
}

std::uint64_t MessageRecords::unpackId(const Block &block, std::size_t at)
{
    return block.open ? (*block.open)[at].id : unpack(block, at).id;
}

void MessageRecords::push_back(const MessageRecord &record)
{
    if (m_blocks.empty() || m_blocks.back().count == kBlock) {
        Block block;
        block.open = std::make_shared<Open>();
        block.open->reserve(kBlock);
        block.firstId = record.id;
        m_blocks.push_back(std::move(block));
        if (m_blocks.size() > m_plainBlocks)
            maybePack(m_blocks.size() - 1 - m_plainBlocks); // it has aged enough
    }
    Block &block = openBlock(m_blocks.size() - 1);
    block.open->push_back(record);
    ++block.count;
    block.inFlight += record.fate == MessageRecord::Fate::InFlight ? 1 : 0;
    block.lastStep = std::max({block.lastStep, record.endStep, record.waitStep});
    ++m_size;
    maybePack(m_blocks.size() - 1);
}

std::size_t MessageRecords::indexOf(std::uint64_t id) const
{
    if (m_blocks.empty() || id < m_blocks.front().firstId)
        return m_size;
    // Ids are mostly dense: try the block a dense run would put it in first.
    std::size_t b = (id - m_blocks.front().firstId) / kBlock;
    if (b >= m_blocks.size() || m_blocks[b].firstId > id || (b + 1 < m_blocks.size() && m_blocks[b + 1].firstId <= id)) {
        const auto it = std::upper_bound(m_blocks.begin(), m_blocks.end(), id,
                                         [](std::uint64_t wanted, const Block &block) { return wanted < block.firstId; });
        b = static_cast<std::size_t>(it - m_blocks.begin()) - 1;
    }
    const Block &block = m_blocks[b];
    // Dense within the block (the common case): where a dense run would put it.
    if (const std::uint64_t k = id - block.firstId; k < block.count && unpackId(block, k) == id)
        return b * kBlock + k;
    std::size_t lo = 0;
    std::size_t hi = block.count;
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (unpackId(block, mid) < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < block.count && unpackId(block, lo) == id ? b * kBlock + lo : m_size;
}

MessageRecords::Block &MessageRecords::openBlock(std::size_t b)
{
    Block &block = m_blocks[b];
    if (!block.open) {
        auto open = std::make_shared<Open>();
        open->reserve(kBlock);
        block.inFlight = 0;
        for (std::size_t i = 0; i < block.count; ++i) {
            open->push_back(unpack(block, i));
            block.inFlight += open->back().fate == MessageRecord::Fate::InFlight ? 1 : 0;
        }
        block.open = std::move(open);
        block.bytes.reset();
        block.bytesSize = 0;
    } else if (block.open.use_count() > 1) {
        block.open = std::make_shared<Open>(*block.open); // shared with a copy: ours now
    }
    return block;
}

void MessageRecords::maybePack(std::size_t b)
{
    Block &block = m_blocks[b];
    if (!block.open || block.count != kBlock || block.inFlight != 0 || b + m_plainBlocks >= m_blocks.size())
        return;
    const Open &records = *block.open;
    block.firstId = records[0].id;
    block.sentStep = records[0].sentStep;
    block.sentAt = records[0].sentAt;
    block.term = records[0].term;
    block.lastStep = 0;
    Packer packer(kBlock);
    for (std::size_t i = 0; i < kBlock; ++i) {
        const MessageRecord &r = records[i];
        block.lastStep = std::max({block.lastStep, r.endStep, r.waitStep});
        const bool fit = nodesFit(r.from, r.to);
        std::uint64_t flags = 0;
        flags |= r.copyOf != 0 ? kMsgCopyOf : 0;
        flags |= r.cause != 0 ? kMsgCause : 0;
        flags |= (r.waitAt != -1 || r.waitStep != 0) ? kMsgWait : 0;
        flags |= r.heartbeat ? kMsgHeartbeat : 0;
        flags |= r.held ? kMsgHeld : 0;
        flags |= fit ? 0 : kMsgWideNodes;
        flags |= (r.endStep != 0 || r.endAt != 0) ? kMsgEnd : 0;
        flags |= r.entries != 0 ? kMsgEntries : 0;
        flags |= r.lossReason != Reason::None ? kMsgLoss : 0;
        Byte *&out = packer.begin(i);
        *out++ = static_cast<Byte>(r.type);
        *out++ = static_cast<Byte>(r.fate);
        putVarint(out, flags);
        if (flags & kMsgLoss)
            *out++ = static_cast<Byte>(r.lossReason);
        putDiff(out, r.id, block.firstId);
        if (flags & kMsgCopyOf)
            putDiff(out, r.copyOf, r.id);
        if (flags & kMsgCause)
            putDiff(out, r.cause, r.id);
        putDiff(out, r.sentStep, block.sentStep);
        putDiff(out, bits(r.sentAt), bits(block.sentAt));
        putDiff(out, bits(r.dueAt), bits(r.sentAt));
        if (flags & kMsgEnd) {
            putDiff(out, r.endStep, r.sentStep);
            putDiff(out, bits(r.endAt), bits(r.sentAt));
        }
        if (flags & kMsgWait) {
            putDiff(out, r.waitStep, r.sentStep);
            putDiff(out, bits(r.waitAt), bits(r.sentAt));
        }
        putDiff(out, r.term, block.term);
        if (flags & kMsgEntries)
            putVarint(out, r.entries);
        putNodes(out, r.from, r.to, fit);
    }
    block.bytes = packer.finish(block.bytesSize);
    block.open.reset();
}

void MessageRecords::truncateAfterStep(std::uint64_t step)
{
    // The ones sent later go: a suffix, since ids follow the sending order.
    while (m_size > 0 && (*this)[m_size - 1].sentStep > step) {
        Block &block = openBlock(m_blocks.size() - 1);
        block.inFlight -= block.open->back().fate == MessageRecord::Fate::InFlight ? 1 : 0;
        block.open->pop_back();
        --block.count;
        --m_size;
        if (block.count == 0)
            m_blocks.pop_back();
    }
    // The others are in flight again if they arrived (or began to wait) later.
    for (std::size_t b = 0; b < m_blocks.size(); ++b) {
        if (m_blocks[b].lastStep <= step)
            continue;
        Block &block = openBlock(b);
        block.lastStep = 0;
        for (std::size_t i = 0; i < block.count; ++i) {
            MessageRecord &r = (*block.open)[i];
            if (r.fate != MessageRecord::Fate::InFlight && r.endStep > step) {
                r.fate = MessageRecord::Fate::InFlight;
                r.endStep = 0;
                r.endAt = 0;
                r.lossReason = Reason::None;
                ++block.inFlight;
            }
            if (r.waitAt >= 0 && r.waitStep > step) {
                r.waitAt = -1;
                r.waitStep = 0;
            }
            block.lastStep = std::max({block.lastStep, r.endStep, r.waitStep});
        }
        maybePack(b);
    }
}

void MessageRecords::clear()
{
    m_blocks.clear();
    m_size = 0;
}

std::size_t MessageRecords::memoryBytes() const
{
    std::size_t bytes = m_blocks.capacity() * sizeof(Block);
    for (const Block &block : m_blocks)
        bytes += block.open ? block.open->capacity() * sizeof(MessageRecord) : block.bytesSize;
    return bytes;
}

bool MessageRecords::operator==(const MessageRecords &other) const
{
    if (m_size != other.m_size)
        return false;
    for (std::size_t i = 0; i < m_size; ++i)
        if (!((*this)[i] == other[i]))
            return false;
    return true;
}

} // namespace raft
