#pragma once
// raft/packedrecords.h: the trace's two record stores, TraceEvents and MessageRecords,
// kept compact. A virtual hour of the bench workload records about 2.3 million events
// and 900,000 messages; as plain structs (72 and 112 bytes) that is some 270 MB, as
// packed blocks about a sixth of it.
//
// How: records are kept in blocks of kBlock. The newest blocks are plain structs, so a
// record being written costs a copy. An older block that will not change any more is
// packed:
// each record is written as a few variable-length integers, most of them the small
// difference from the block's first record (times, steps, terms, indexes) or from the
// record itself (a message's delivery time from its sending time). Each packed block
// begins with the offset of every fourth record, so record i is found by unpacking at
// most four: reading stays O(1), with no cache and nothing mutable behind a const
// method. Packed blocks never change, so copies of a store share them.
//
// Reading returns records by value (operator[], iterators whose reference is a
// TraceEvent or MessageRecord), which binds to `const TraceEvent &e = events[i]` as
// before. Unpacking is exact for every value: the differences are taken modulo 2^64.

#include "indexedrange.h"
#include "tracerecords.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

namespace raft {

/// PackedBytes is one packed block: the offset of every fourth record, then the records.
using PackedBytes = std::shared_ptr<const std::uint8_t[]>;

/// TraceEvents is the trace's list of events, in the order they happened.
///
/// emplace_back returns the new event for the caller to fill in; the reference is good
/// until the next emplace_back, resize or clear (the event is packed then).
class TraceEvents : public IndexedRange<TraceEvents, TraceEvent, TraceEvent> {
public:
    static constexpr std::size_t kBlock = 64;
    static constexpr std::size_t kPlainBlocks = 256;

    TraceEvents() = default;
    /// plainBlocks: how many of the newest full blocks stay plain (tests pack early).
    explicit TraceEvents(std::size_t plainBlocks)
        : m_plainBlocks(plainBlocks)
    { }

    std::size_t size() const { return m_blocks.size() * kBlock + m_tail.size(); }
    TraceEvent operator[](std::size_t i) const
    {
        const std::size_t block = i / kBlock;
        if (block >= m_blocks.size())
            return m_tail[i - m_blocks.size() * kBlock];
        const Block &b = m_blocks[block];
        return b.plain ? (*b.plain)[i % kBlock] : unpack(b, i % kBlock);
    }

    TraceEvent &emplace_back(const TraceEvent &event)
    {
        if (m_tail.size() == kBlock)
            closeTail();
        return m_tail.emplace_back(event);
    }
    /// resize keeps the first n events (n <= size()).
    void resize(std::size_t n);
    void clear();
    /// memoryBytes is what the store holds on the heap.
    std::size_t memoryBytes() const;
    bool operator==(const TraceEvents &other) const;

private:
    /// Block is a full block: plain, or packed with the values its records are told
    /// against.
    struct Block {
        std::shared_ptr<const std::vector<TraceEvent>> plain;
        PackedBytes bytes;
        std::size_t size = 0; ///< bytes, the offsets included
        Time t = 0;
        std::uint64_t step = 0;
        Term term = 0;
        Index index = 0;
        std::int64_t text = -1;
    };
    static TraceEvent unpack(const Block &block, std::size_t at);
    /// closeTail makes the full tail a plain block, and packs the oldest plain block
    /// once more than kPlainBlocks are plain.
    void closeTail();
    void pack(Block &block);

    std::vector<Block> m_blocks;
    /// m_packed: blocks [0, m_packed) are packed, the others plain. A short run (the
    /// benchmark's minute, a lesson) packs nothing; a long one keeps its newest
    /// kPlainBlocks blocks plain, where views read most.
    std::size_t m_packed = 0;
    std::size_t m_plainBlocks = kPlainBlocks;
    /// m_tail holds the events after the full blocks (fewer than kBlock, or exactly
    /// kBlock until the next event arrives) as plain structs.
    std::vector<TraceEvent> m_tail;
};

/// MessageRecords is the trace's record of every message sent, in increasing id.
///
/// A record changes after it is added (it arrives, is lost, waits at a door), so a
/// block is packed only once it is full, every message in it has arrived or been lost,
/// and kPlainBlocks newer blocks follow it; a message held for ever keeps its one block
/// plain. update() changes a record wherever it is, unpacking its block again if need be.
class MessageRecords : public IndexedRange<MessageRecords, MessageRecord, MessageRecord> {
public:
    static constexpr std::size_t kBlock = 64;
    /// kPlainBlocks: the newest blocks stay plain (a short run packs nothing).
    static constexpr std::size_t kPlainBlocks = 256;

    MessageRecords() = default;
    /// plainBlocks: how many of the newest blocks stay plain (tests pack early).
    explicit MessageRecords(std::size_t plainBlocks)
        : m_plainBlocks(plainBlocks)
    { }

    std::size_t size() const { return m_size; }
    MessageRecord operator[](std::size_t i) const
    {
        const Block &block = m_blocks[i / kBlock];
        return block.open ? (*block.open)[i % kBlock] : unpack(block, i % kBlock);
    }

    /// push_back adds the record of a message sent later than every other one here.
    void push_back(const MessageRecord &record);
    /// indexOf is the position of message id, or size() when it is not here.
    std::size_t indexOf(std::uint64_t id) const;
    /// update lets `change` edit the record at `at` (< size()) and keeps the block's
    /// bookkeeping; a block full of ended messages is packed.
    template <typename Change> void update(std::size_t at, Change &&change)
    {
        Block &block = openBlock(at / kBlock);
        MessageRecord &r = (*block.open)[at % kBlock];
        const bool wasInFlight = r.fate == MessageRecord::Fate::InFlight;
        change(r);
        block.inFlight += static_cast<int>(r.fate == MessageRecord::Fate::InFlight) - static_cast<int>(wasInFlight);
        block.lastStep = std::max(block.lastStep, std::max(r.endStep, r.waitStep));
        maybePack(at / kBlock);
    }
    /// truncateAfterStep forgets the messages sent after `step`, and what happened to
    /// the others after it (they are in flight again, or not waiting yet).
    void truncateAfterStep(std::uint64_t step);
    void clear();
    std::size_t memoryBytes() const;
    bool operator==(const MessageRecords &other) const;

private:
    /// Open: a block's records as plain structs (reserved for kBlock, filled as sent).
    using Open = std::vector<MessageRecord>;
    struct Block {
        /// open: the records as plain structs (the newest block, or one not packed yet).
        std::shared_ptr<Open> open;
        PackedBytes bytes;
        std::size_t bytesSize = 0;
        std::size_t count = 0; ///< records in the block
        int inFlight = 0; ///< of them, not delivered or lost yet (open blocks)
        /// lastStep: the latest step any record of the block names (its end or wait).
        std::uint64_t lastStep = 0;
        std::uint64_t firstId = 0;
        std::uint64_t sentStep = 0;
        Time sentAt = 0;
        Term term = 0;
    };
    static MessageRecord unpack(const Block &block, std::size_t at);
    static std::uint64_t unpackId(const Block &block, std::size_t at);
    /// openBlock unpacks block b if it is packed (and unshares it) and returns it.
    Block &openBlock(std::size_t b);
    void maybePack(std::size_t b);

    std::vector<Block> m_blocks;
    std::size_t m_size = 0;
    std::size_t m_plainBlocks = kPlainBlocks;
};

} // namespace raft
