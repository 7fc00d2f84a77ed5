#pragma once

#include "message.h"
#include "trace.h"
#include "types.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace raft {

/// NetworkConfig holds the conditions every link starts with.
struct NetworkConfig {
    Time latencyMin = fromMs(10);
    Time latencyMax = fromMs(20);
    /// loss: probability that a message is lost on its way.
    double loss = 0.0;
    /// duplicate: probability that the network delivers a second copy.
    double duplicate = 0.0;

    bool operator==(const NetworkConfig &) const = default;
};

/// LinkConditions are the conditions of one one-way link when they differ from the
/// network's (a per-link override): same fields as NetworkConfig.
using LinkConditions = NetworkConfig;

/// Envelope is one message in flight, with the network's bookkeeping.
/// A message is drawn at (now - sentAt) / (deliverAt - sentAt) of its path.
struct Envelope {
    /// id is unique in a run and increases with sending order: the tie-breaker of
    /// the delivery order (deliverAt, id).
    std::uint64_t id = 0;
    Message message;
    Time sentAt = 0;
    Time deliverAt = 0;
    /// doomed: the network has already decided to lose it (random loss, or a wall
    /// was up when it was sent); it vanishes at lostAt, with lossReason.
    bool doomed = false;
    Reason lossReason = Reason::None;
    Time lostAt = 0;
    /// waiting: it reached its destination's door and waits there (the receiver is
    /// paused, or the message is held for manual delivery).
    bool waiting = false;
    /// held: the message waits at the door until the user delivers it.
    bool held = false;
    /// duplicate: this copy was made by the network.
    bool duplicate = false;

    /// eventTime is when the network next acts on it: lostAt or deliverAt.
    Time eventTime() const { return doomed ? lostAt : deliverAt; }

    bool operator==(const Envelope &) const = default;
};

/// Network is the message bus: the messages in flight, their timing and the faults
/// that can befall them: loss, duplication, partitions into groups, one-way link
/// cuts, and manual ("held") delivery. It draws random numbers only from the Rng it
/// is given, so a run stays deterministic.
class Network {
    /// Mirror (mirror.h) copies a real server's reported state in, for the live cluster.
    friend class Mirror;

public:
    Network(const NetworkConfig &config, int nodes);

    const NetworkConfig &config() const { return m_config; }
    void setConfig(const NetworkConfig &config) { m_config = config; }
    /// setWholeMsClock draws latencies in whole milliseconds (ClusterConfig::wholeMsClock).
    void setWholeMsClock(bool wholeMs) { m_wholeMs = wholeMs; }

    // --- topology ---
    /// canReach tells whether a message from `from` to `to` gets through now.
    bool canReach(NodeId from, NodeId to) const;
    /// blockReason is Partition or LinkCut when from cannot reach to, else None.
    Reason blockReason(NodeId from, NodeId to) const;
    /// partition replaces the groups: every node listed goes to the group of its list;
    /// nodes not listed form one more group.
    void partition(const std::vector<std::vector<NodeId>> &groups);
    /// addNode adds server S<count+1> (up to S9), in partition group `group`, with
    /// every link of it open.
    void addNode(int group);
    /// cut cuts the one-way link from -> to (adds to the faults in place).
    void cut(NodeId from, NodeId to);
    /// restore reopens the one-way link from -> to.
    void restore(NodeId from, NodeId to);
    /// isolate cuts every link to and from node.
    void isolate(NodeId node);
    /// heal removes every partition and cut.
    void heal();
    /// groupOf is node's partition group (0 when there is no partition).
    int groupOf(NodeId node) const { return m_group[node]; }
    bool isCut(NodeId from, NodeId to) const { return m_cut[from][to]; }
    bool hasFaults() const;
    /// isCalm: every message sent now arrives: no partition, cut, hold or loss on any
    /// link (latency and duplication do not matter).
    bool isCalm() const;
    /// cutLinkCount counts the cut links, one per direction.
    int cutLinkCount() const;
    /// groups lists the partition's groups (empty when there is no partition), each
    /// sorted, in order of their smallest node.
    std::vector<std::vector<NodeId>> groups() const;

    // --- per-link conditions ---
    /// setLink overrides the conditions of the one-way link from -> to (nullopt: back
    /// to the network's). Overrides survive heal(): they are conditions, not walls.
    void setLink(NodeId from, NodeId to, const std::optional<LinkConditions> &conditions);
    const std::optional<LinkConditions> &link(NodeId from, NodeId to) const { return m_link[from][to]; }
    /// conditions are what a message from -> to meets now.
    const LinkConditions &conditions(NodeId from, NodeId to) const;

    // --- hold mode ---
    /// setHold makes every message sent from now on wait at its destination's door.
    void setHold(bool hold) { m_hold = hold; }
    bool isHolding() const { return m_hold; }

    // --- traffic ---
    /// send puts a message in flight at `now`, drawing its latency, loss and
    /// duplication from rng. Returns how many envelopes it created (1 or 2). `now`
    /// may lie ahead of the clock (a server that sends once its disk write is done):
    /// the message waits at its sender until then, and walls standing at the call
    /// decide its fate.
    int send(const Message &message, Time now, Rng &rng);
    /// nextEventTime is the earliest eventTime() of a message not waiting.
    std::optional<Time> nextEventTime() const;
    /// popNext removes and returns the next envelope due at or before `until`, in
    /// (eventTime, id) order.
    std::optional<Envelope> popNext(Time until);
    /// find returns the envelope with this id, or nullptr.
    const Envelope *find(std::uint64_t id) const;
    /// take removes the envelope with this id and returns it.
    std::optional<Envelope> take(std::uint64_t id);
    /// park keeps an envelope at its destination's door (waiting).
    void park(Envelope envelope);
    /// unparkFor puts every message waiting at node's door (and not held) back in
    /// flight, due at `now`, in their original order.
    void unparkFor(NodeId node, Time now);
    /// duplicateMessage makes a copy of envelope id, sent now. Returns the new id, or 0.
    std::uint64_t duplicateMessage(std::uint64_t id, Time now, Rng &rng);

    /// nextId is the id the next message sent will get.
    std::uint64_t nextId() const { return m_nextId; }
    /// size is the number of messages in flight (including waiting ones).
    std::size_t size() const { return m_live; }
    /// envelopes returns every message in flight ordered by id.
    std::vector<const Envelope *> envelopes() const;
    /// forEach calls f(const Envelope &) for every message in flight (unordered).
    template <typename F> void forEach(F &&f) const
    {
        for (const Slot &slot : m_slots)
            if (slot.alive)
                f(slot.envelope);
    }

    /// operator== compares what the network holds (conditions, faults, hold mode and
    /// the messages in flight), not how it stores them: where a message sits among the
    /// slots, or a stale heap item a look-up has not yet dropped, is not state.
    bool operator==(const Network &other) const;

private:
    struct Slot {
        Envelope envelope;
        bool alive = false;
        bool operator==(const Slot &) const = default;
    };
    struct HeapItem {
        Time at;
        std::uint64_t id;
        std::uint32_t slot;
        bool operator==(const HeapItem &) const = default;
    };
    Time drawLatency(const LinkConditions &conditions, Rng &rng) const;
    std::uint64_t insert(Envelope envelope);
    /// allocate finds a free slot for a new envelope; activate puts the envelope
    /// written there in flight (send writes it in place: no copy of the message).
    std::uint32_t allocate();
    void activate(std::uint32_t slot);
    void schedule(std::uint32_t slot);
    bool isCurrent(const HeapItem &item) const;
    void pruneHeapTop() const;

    NetworkConfig m_config;
    int m_nodes;
    bool m_hold = false;
    bool m_wholeMs = false;
    std::uint64_t m_nextId = 1;
    std::array<int, kMaxNodes + 1> m_group{};
    std::array<std::array<bool, kMaxNodes + 1>, kMaxNodes + 1> m_cut{};
    std::array<std::array<std::optional<LinkConditions>, kMaxNodes + 1>, kMaxNodes + 1> m_link{};
    std::vector<Slot> m_slots;
    std::vector<std::uint32_t> m_free;
    /// m_heap orders scheduled envelopes; stale items are skipped lazily (mutable so
    /// const look-ups can drop them).
    mutable std::vector<HeapItem> m_heap;
    std::size_t m_live = 0;
    /// m_recent: the slots of the last two envelopes inserted, which find() tries first
    /// (the trace looks up each message just sent; not part of operator==).
    std::array<std::uint32_t, 2> m_recent{};
    std::uint32_t m_recentNext = 0;
};

} // namespace raft
