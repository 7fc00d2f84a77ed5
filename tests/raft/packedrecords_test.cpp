// raft::TraceEvents and raft::MessageRecords (the trace's packed record stores) against
// plain std::vector models: random records (extreme values included), appends,
// truncations, updates, copies and clears must leave every store equal to its model,
// record by record; a copy never sees its original's changes; and a real run's records
// take a fraction of their plain size.
#include "raft/packedrecords.h"
#include "raft/simulation.h"
#include "raft/types.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace raft {
namespace {

/// anyU64 draws small values mostly, and now and then the extremes.
std::uint64_t anyU64(Rng &rng, std::uint64_t near)
{
    switch (rng.uniform(0, 7)) {
    case 0: return 0;
    case 1: return std::numeric_limits<std::uint64_t>::max();
    case 2: return static_cast<std::uint64_t>(rng.uniform(0, std::numeric_limits<std::int64_t>::max()));
    default: return near + static_cast<std::uint64_t>(rng.uniform(0, 3));
    }
}

std::int64_t anyI64(Rng &rng, std::int64_t near)
{
    switch (rng.uniform(0, 7)) {
    case 0: return std::numeric_limits<std::int64_t>::min();
    case 1: return std::numeric_limits<std::int64_t>::max();
    case 2: return -1;
    default: // near it, wrapping like the stores' own differences (no signed overflow)
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(near) + static_cast<std::uint64_t>(rng.uniform(-2, 5)));
    }
}

NodeId anyNode(Rng &rng)
{
    switch (rng.uniform(0, 9)) {
    case 0: return 16; // past one nibble
    case 1: return -3;
    case 2: return std::numeric_limits<NodeId>::max();
    default: return static_cast<NodeId>(rng.uniform(0, 9));
    }
}

TraceEvent anyEvent(Rng &rng, std::uint64_t step)
{
    TraceEvent e;
    e.t = anyI64(rng, static_cast<std::int64_t>(step / 3));
    e.step = rng.chance(0.95) ? step : anyU64(rng, step);
    e.kind = static_cast<EventKind>(rng.uniform(0, static_cast<std::int64_t>(EventKind::InvariantViolated)));
    e.reason = static_cast<Reason>(rng.uniform(0, static_cast<std::int64_t>(Reason::NotInConfiguration)));
    e.node = anyNode(rng);
    e.peer = anyNode(rng);
    e.term = anyU64(rng, 4);
    e.term2 = rng.chance(0.5) ? 0 : anyU64(rng, 3);
    e.index = anyU64(rng, step / 10);
    e.index2 = rng.chance(0.5) ? 0 : anyU64(rng, step / 10);
    e.value = rng.chance(0.5) ? 0 : anyI64(rng, 0);
    e.text = rng.chance(0.7) ? -1 : static_cast<std::int32_t>(rng.uniform(0, std::numeric_limits<std::int32_t>::max()));
    return e;
}

void expectSame(const TraceEvents &v, const std::vector<TraceEvent> &model, int step)
{
    ASSERT_EQ(v.size(), model.size()) << "step " << step;
    ASSERT_EQ(v.empty(), model.empty());
    for (std::size_t i = 0; i < model.size(); ++i)
        ASSERT_EQ(v[i], model[i]) << "step " << step << " index " << i;
    ASSERT_TRUE(std::equal(v.begin(), v.end(), model.begin(), model.end()));
    ASSERT_TRUE(std::equal(v.rbegin(), v.rend(), model.rbegin(), model.rend()));
    if (!model.empty()) {
        EXPECT_EQ(v.front(), model.front());
        EXPECT_EQ(v.back(), model.back());
    }
}

TEST(TraceEvents, MatchesAVectorUnderRandomAppendsTruncationsCopiesAndClears)
{
    Rng rng(11);
    // Two of them keep one plain block, so that packing is exercised at once.
    std::array<TraceEvents, 3> vs{TraceEvents(1), TraceEvents(0), TraceEvents()};
    std::array<std::vector<TraceEvent>, 3> models;
    std::uint64_t step = 1;
    for (int round = 0; round < 1500; ++round) {
        const auto a = static_cast<std::size_t>(rng.uniform(0, 2));
        const auto b = static_cast<std::size_t>(rng.uniform(0, 2));
        switch (rng.uniform(0, 9)) {
        case 0:
        case 1:
        case 2: { // a burst that crosses blocks; each event is filled in after it is added
            const int n = static_cast<int>(rng.uniform(1, 300));
            for (int i = 0; i < n; ++i) {
                const TraceEvent e = anyEvent(rng, step);
                step += static_cast<std::uint64_t>(rng.uniform(0, 2));
                TraceEvent &added = vs[a].emplace_back(TraceEvent{});
                added = e;
                models[a].push_back(e);
            }
            break;
        }
        case 3: { // truncate to a random length
            const auto n = static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(models[a].size())));
            vs[a].resize(n);
            models[a].resize(n);
            break;
        }
        case 4: // copy, then both go their own way
            vs[b] = vs[a];
            models[b] = models[a];
            break;
        case 5:
            if (rng.chance(0.2)) {
                vs[a].clear();
                models[a].clear();
            }
            break;
        default: break;
        }
        for (std::size_t i = 0; i < vs.size(); ++i)
            expectSame(vs[i], models[i], round);
        ASSERT_EQ(vs[a] == vs[b], models[a] == models[b]);
    }
}

TEST(TraceEvents, StandardAlgorithmsWorkOnItsIterators)
{
    TraceEvents events;
    for (std::uint64_t step = 0; step < 1000; ++step) {
        TraceEvent e;
        e.step = step / 3;
        e.t = static_cast<Time>(step);
        events.emplace_back(e);
    }
    const auto it = std::lower_bound(events.begin(), events.end(), std::uint64_t{100},
                                     [](const TraceEvent &e, std::uint64_t s) { return e.step < s; });
    EXPECT_EQ(it.index(), 300u);
    EXPECT_EQ(it->step, 100u);
    EXPECT_EQ(std::count_if(events.begin(), events.end(), [](const TraceEvent &e) { return e.step == 5; }), 3);
    EXPECT_EQ((events.end() - events.begin()), 1000);
    EXPECT_EQ(events.rbegin()->t, 999);
}

MessageRecord anyMessage(Rng &rng, std::uint64_t id, std::uint64_t step)
{
    MessageRecord r;
    r.id = id;
    r.copyOf = rng.chance(0.9) ? 0 : anyU64(rng, id - 1);
    r.cause = rng.chance(0.3) ? 0 : anyU64(rng, id > 5 ? id - 5 : 0);
    r.sentStep = step;
    r.sentAt = anyI64(rng, static_cast<std::int64_t>(step / 3));
    r.dueAt = anyI64(rng, r.sentAt / 2 + 10);
    r.waitAt = -1;
    r.term = anyU64(rng, 3);
    r.entries = rng.chance(0.6) ? 0 : static_cast<std::uint32_t>(rng.uniform(0, std::numeric_limits<std::uint32_t>::max()));
    r.from = anyNode(rng);
    r.to = anyNode(rng);
    r.type = static_cast<MessageType>(rng.uniform(0, 3));
    r.heartbeat = rng.chance(0.5);
    r.held = rng.chance(0.1);
    return r;
}

/// Model keeps message records as plain structs, with the rules the store follows.
struct Model {
    std::vector<MessageRecord> records;
    void truncateAfterStep(std::uint64_t step)
    {
        while (!records.empty() && records.back().sentStep > step)
            records.pop_back();
        for (MessageRecord &r : records) {
            if (r.fate != MessageRecord::Fate::InFlight && r.endStep > step) {
                r.fate = MessageRecord::Fate::InFlight;
                r.endStep = 0;
                r.endAt = 0;
                r.lossReason = Reason::None;
            }
            if (r.waitAt >= 0 && r.waitStep > step) {
                r.waitAt = -1;
                r.waitStep = 0;
            }
        }
    }
};

void expectSame(const MessageRecords &v, const Model &model, int round)
{
    ASSERT_EQ(v.size(), model.records.size()) << "round " << round;
    for (std::size_t i = 0; i < model.records.size(); ++i) {
        ASSERT_EQ(v[i], model.records[i]) << "round " << round << " index " << i;
        ASSERT_EQ(v.indexOf(model.records[i].id), i);
    }
    ASSERT_TRUE(std::equal(v.begin(), v.end(), model.records.begin(), model.records.end()));
}

TEST(MessageRecords, MatchesAVectorUnderRandomSendsEndsTruncationsAndCopies)
{
    Rng rng(5);
    std::array<MessageRecords, 3> vs{MessageRecords(1), MessageRecords(0), MessageRecords()};
    std::array<Model, 3> models;
    std::array<std::uint64_t, 3> nextId{1, 1, 1};
    std::array<std::uint64_t, 3> steps{1, 1, 1};
    for (int round = 0; round < 1500; ++round) {
        const auto a = static_cast<std::size_t>(rng.uniform(0, 2));
        const auto b = static_cast<std::size_t>(rng.uniform(0, 2));
        Model &model = models[a];
        switch (rng.uniform(0, 9)) {
        case 0:
        case 1: { // sends, with gaps in the ids now and then
            const int n = static_cast<int>(rng.uniform(1, 200));
            for (int i = 0; i < n; ++i) {
                nextId[a] += rng.chance(0.05) ? static_cast<std::uint64_t>(rng.uniform(2, 100)) : 1;
                steps[a] += static_cast<std::uint64_t>(rng.uniform(0, 2));
                const MessageRecord r = anyMessage(rng, nextId[a], steps[a]);
                vs[a].push_back(r);
                model.records.push_back(r);
            }
            break;
        }
        case 2:
        case 3:
        case 4: { // most in-flight messages arrive, are lost, or begin to wait
            for (std::size_t i = 0; i < model.records.size(); ++i) {
                MessageRecord &m = model.records[i];
                if (m.fate != MessageRecord::Fate::InFlight || rng.chance(0.1))
                    continue;
                steps[a] += static_cast<std::uint64_t>(rng.uniform(0, 1));
                const std::uint64_t step = steps[a];
                const Time at = anyI64(rng, m.sentAt);
                const int what = static_cast<int>(rng.uniform(0, 2));
                const auto change = [&](MessageRecord &r) {
                    if (what == 2) {
                        if (r.waitAt < 0) {
                            r.waitAt = at < 0 ? 0 : at;
                            r.waitStep = step;
                        }
                        return;
                    }
                    r.fate = what == 0 ? MessageRecord::Fate::Delivered : MessageRecord::Fate::Lost;
                    r.endAt = at;
                    r.endStep = step;
                    r.lossReason = what == 0 ? Reason::None : Reason::RandomLoss;
                };
                change(m);
                vs[a].update(vs[a].indexOf(m.id), change);
            }
            break;
        }
        case 5: { // a branch: back to a random step
            const std::uint64_t step = static_cast<std::uint64_t>(rng.uniform(0, static_cast<std::int64_t>(steps[a])));
            vs[a].truncateAfterStep(step);
            model.truncateAfterStep(step);
            steps[a] = std::max(step, model.records.empty() ? step : model.records.back().sentStep);
            break;
        }
        case 6: // copy, then both go their own way
            vs[b] = vs[a];
            models[b] = models[a];
            nextId[b] = nextId[a];
            steps[b] = steps[a];
            break;
        case 7:
            if (rng.chance(0.2)) {
                vs[a].clear();
                model.records.clear();
            }
            break;
        default: break;
        }
        for (std::size_t i = 0; i < vs.size(); ++i)
            expectSame(vs[i], models[i], round);
        ASSERT_EQ(vs[a] == vs[b], models[a].records == models[b].records);
        EXPECT_EQ(vs[a].indexOf(nextId[a] + 1000), vs[a].size());
    }
}

// A real run: ten minutes of 5 servers with a client. Its records, packed but for
// the newest blocks, take a fraction of their plain size (72 and 112 bytes), and read
// back the same as the run's own counts say.
TEST(PackedRecords, ARunsRecordsTakeAFractionOfTheirPlainSize)
{
    ClusterConfig config;
    config.nodes = 5;
    config.seed = 3;
    config.autoClient = raft::fromMs(100);
    Simulation sim(config);
    sim.runFor(raft::fromMs(600'000));
    const Trace &trace = sim.trace();
    ASSERT_GT(trace.events().size(), 8 * TraceEvents::kPlainBlocks * TraceEvents::kBlock);
    ASSERT_GT(trace.messages().size(), 3 * MessageRecords::kPlainBlocks * MessageRecords::kBlock);
    const double perEvent = static_cast<double>(trace.events().memoryBytes()) / static_cast<double>(trace.events().size());
    const double perMessage
        = static_cast<double>(trace.messages().memoryBytes()) / static_cast<double>(trace.messages().size());
    EXPECT_LT(perEvent, 24.0);
    EXPECT_LT(perMessage, 40.0);
    std::uint64_t delivered = 0;
    for (const MessageRecord &r : trace.messages())
        delivered += r.fate == MessageRecord::Fate::Delivered ? 1 : 0;
    EXPECT_EQ(delivered, sim.stats().messagesDelivered);
    RecordProperty("bytes_per_event", std::to_string(perEvent));
    RecordProperty("bytes_per_message", std::to_string(perMessage));
}

} // namespace
} // namespace raft
