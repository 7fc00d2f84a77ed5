// Tests of the trace's message records (MessageRecord): every message sent is recorded
// with its send, its delivery or loss, its wait at a door and its copies, and a history
// that goes back and branches keeps the records true to the timeline.
#include "raft/history.h"
#include "raft/simulation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

namespace raft {
namespace {

ClusterConfig cluster(int nodes, std::uint64_t seed)
{
    ClusterConfig c;
    c.nodes = nodes;
    c.seed = seed;
    return c;
}

std::size_t countFate(const Trace &trace, MessageRecord::Fate fate)
{
    const auto &records = trace.messages();
    return static_cast<std::size_t>(
        std::count_if(records.begin(), records.end(), [&](const MessageRecord &r) { return r.fate == fate; }));
}

TEST(MessageRecord, EveryMessageSentIsRecordedAndEnds)
{
    Simulation sim(cluster(3, 4));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    sim.runFor(raft::fromMs(1000));
    const Trace &trace = sim.trace();
    EXPECT_EQ(trace.messages().size(), sim.stats().messagesSent);
    EXPECT_EQ(countFate(trace, MessageRecord::Fate::Delivered), sim.stats().messagesDelivered);
    EXPECT_EQ(countFate(trace, MessageRecord::Fate::InFlight), sim.network().size());
    std::uint64_t lastId = 0;
    for (const MessageRecord &r : trace.messages()) {
        EXPECT_GT(r.id, lastId);
        lastId = r.id;
        EXPECT_NE(r.from, r.to);
        if (r.fate == MessageRecord::Fate::Delivered) {
            EXPECT_GE(r.endAt, r.sentAt);
            EXPECT_EQ(r.endAt, r.dueAt);
        }
    }
}

TEST(MessageRecord, HeartbeatsAndTheirRepliesAreMarked)
{
    Simulation sim(cluster(3, 4));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    sim.runFor(raft::fromMs(1000)); // no client: everything the leader sends now is a heartbeat
    std::size_t beats = 0;
    std::size_t replies = 0;
    for (const MessageRecord &r : sim.trace().messages()) {
        if (r.type == MessageType::AppendEntries && r.entries > 0) {
            EXPECT_FALSE(r.heartbeat);
        }
        if (r.type == MessageType::AppendEntries && r.heartbeat)
            ++beats;
        if (r.type == MessageType::AppendEntriesReply && r.heartbeat) {
            ++replies;
            const std::optional<MessageRecord> cause = sim.trace().messageRecord(r.cause);
            ASSERT_TRUE(cause.has_value());
            EXPECT_TRUE(cause->heartbeat);
            EXPECT_EQ(cause->to, r.from);
        }
        if (r.type == MessageType::RequestVote) {
            EXPECT_FALSE(r.heartbeat);
        }
    }
    EXPECT_GT(beats, 10u);
    EXPECT_GT(replies, 10u);
}

TEST(MessageRecord, LostAtAWallWithItsReason)
{
    Simulation sim(cluster(3, 4));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    const NodeId leader = *sim.leader();
    ASSERT_TRUE(sim.isolate(leader));
    sim.runFor(raft::fromMs(500));
    const auto &records = sim.trace().messages();
    const bool lostAtWall = std::any_of(records.begin(), records.end(), [&](const MessageRecord &r) {
        return r.from == leader && r.fate == MessageRecord::Fate::Lost && r.lossReason == Reason::LinkCut
            && r.endAt >= r.sentAt;
    });
    EXPECT_TRUE(lostAtWall);
    EXPECT_EQ(countFate(sim.trace(), MessageRecord::Fate::Lost), sim.stats().messagesDropped);
}

TEST(MessageRecord, HeldMessagesWaitAtTheDoorAndCopiesNameTheirOriginal)
{
    Simulation sim(cluster(3, 4));
    ASSERT_TRUE(sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromMs(5000)));
    ASSERT_TRUE(sim.setHold(true));
    sim.runFor(raft::fromMs(200));
    const std::vector<const Envelope *> waiting = sim.network().envelopes();
    ASSERT_FALSE(waiting.empty());
    const std::uint64_t id = waiting.front()->id;
    ASSERT_TRUE(sim.duplicateMessage(id));
    const MessageRecord &copy = sim.trace().messages().back();
    EXPECT_EQ(copy.copyOf, id);
    EXPECT_EQ(copy.from, waiting.front()->message.from);
    sim.runFor(raft::fromMs(200));
    std::optional<MessageRecord> held = sim.trace().messageRecord(id);
    ASSERT_TRUE(held.has_value());
    EXPECT_TRUE(held->held);
    EXPECT_GE(held->waitAt, held->sentAt);
    EXPECT_EQ(held->fate, MessageRecord::Fate::InFlight);
    ASSERT_TRUE(sim.deliverMessage(id));
    held = sim.trace().messageRecord(id);
    EXPECT_EQ(held->fate, MessageRecord::Fate::Delivered);
    EXPECT_EQ(held->endAt, sim.now());
}

TEST(MessageRecord, ABranchKeepsOnlyTheNewTimelinesMessages)
{
    History history(cluster(3, 4));
    history.advanceTo(raft::fromMs(2000));
    history.seekToTime(raft::fromMs(800));
    ASSERT_TRUE(history.act(act::Crash{1}));
    history.advanceTo(raft::fromMs(2000));
    // The same inputs from scratch give the same records.
    History fresh(cluster(3, 4));
    fresh.advanceTo(raft::fromMs(800));
    ASSERT_TRUE(fresh.act(act::Crash{1}));
    fresh.advanceTo(raft::fromMs(2000));
    EXPECT_EQ(history.trace().messages(), fresh.trace().messages());
    EXPECT_FALSE(history.trace().messages().empty());
}

} // namespace
} // namespace raft
