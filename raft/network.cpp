#include "network.h"

#include <algorithm>

namespace raft {

namespace {
// Min-heap order on (time, id): std::push_heap keeps the largest on top, so "less"
// here means "later".
bool later(Time aAt, std::uint64_t aId, Time bAt, std::uint64_t bId)
{
    return aAt != bAt ? aAt > bAt : aId > bId;
}
} // namespace

Network::Network(const NetworkConfig &config, int nodes)
    : m_config(config)
    , m_nodes(nodes)
{ }

// --- topology -------------------------------------------------------------------

bool Network::canReach(NodeId from, NodeId to) const
{
    return !m_cut[from][to] && m_group[from] == m_group[to];
}

Reason Network::blockReason(NodeId from, NodeId to) const
{
    if (m_group[from] != m_group[to])
        return Reason::Partition;
    if (m_cut[from][to])
        return Reason::LinkCut;
    return Reason::None;
}

void Network::partition(const std::vector<std::vector<NodeId>> &groups)
{
    const int rest = static_cast<int>(groups.size()) + 1;
    for (NodeId n = 1; n <= m_nodes; ++n)
        m_group[n] = rest;
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (NodeId n : groups[g])
            if (n >= 1 && n <= m_nodes)
                m_group[n] = static_cast<int>(g) + 1;
    // One group holding everyone is no partition at all.
    bool split = false;
    for (NodeId n = 2; n <= m_nodes; ++n)
        split = split || m_group[n] != m_group[1];
    if (!split)
        m_group.fill(0);
}

void Network::addNode(int group)
{
    if (m_nodes >= kMaxNodes)
        return;
    ++m_nodes;
    m_group[static_cast<std::size_t>(m_nodes)] = group;
}

void Network::cut(NodeId from, NodeId to)
{
    m_cut[from][to] = true;
}

void Network::restore(NodeId from, NodeId to)
{
    m_cut[from][to] = false;
}

void Network::isolate(NodeId node)
{
    for (NodeId other = 1; other <= m_nodes; ++other) {
        if (other == node)
            continue;
        m_cut[node][other] = true;
        m_cut[other][node] = true;
    }
}

void Network::heal()
{
    m_group.fill(0);
    for (auto &row : m_cut)
        row.fill(false);
}

bool Network::hasFaults() const
{
    for (NodeId a = 1; a <= m_nodes; ++a) {
        if (m_group[a] != 0)
            return true;
        for (NodeId b = 1; b <= m_nodes; ++b)
            if (m_cut[a][b])
                return true;
    }
    return false;
}

bool Network::isCalm() const
{
    if (m_hold || m_config.loss > 0 || hasFaults())
        return false;
    for (NodeId a = 1; a <= m_nodes; ++a)
        for (NodeId b = 1; b <= m_nodes; ++b)
            if (m_link[a][b] && m_link[a][b]->loss > 0)
                return false;
    return true;
}

int Network::cutLinkCount() const
{
    int n = 0;
    for (NodeId a = 1; a <= m_nodes; ++a)
        for (NodeId b = 1; b <= m_nodes; ++b)
            n += m_cut[a][b] ? 1 : 0;
    return n;
}

// --- traffic --------------------------------------------------------------------

std::vector<std::vector<NodeId>> Network::groups() const
{
    std::vector<std::vector<NodeId>> out;
    std::vector<int> seen;
    for (NodeId n = 1; n <= m_nodes; ++n) {
        if (m_group[n] == 0)
            return {};
        const auto it = std::find(seen.begin(), seen.end(), m_group[n]);
        if (it == seen.end()) {
            seen.push_back(m_group[n]);
            out.push_back({n});
        } else {
            out[static_cast<std::size_t>(it - seen.begin())].push_back(n);
        }
    }
    return out;
}

void Network::setLink(NodeId from, NodeId to, const std::optional<LinkConditions> &conditions)
{
    m_link[from][to] = conditions;
}

const LinkConditions &Network::conditions(NodeId from, NodeId to) const
{
    return m_link[from][to] ? *m_link[from][to] : m_config;
}

Time Network::drawLatency(const LinkConditions &conditions, Rng &rng) const
{
    const Time lo = std::max<Time>(m_wholeMs ? fromMs(1) : 1, conditions.latencyMin);
    const Time hi = std::max(lo, conditions.latencyMax);
    return rng.uniformTime(lo, hi, m_wholeMs);
}

std::uint32_t Network::allocate()
{
    if (m_free.empty()) {
        m_slots.emplace_back();
        return static_cast<std::uint32_t>(m_slots.size() - 1);
    }
    const std::uint32_t slot = m_free.back();
    m_free.pop_back();
    return slot;
}

void Network::activate(std::uint32_t slot)
{
    m_slots[slot].alive = true;
    m_recent[m_recentNext++ & 1u] = slot;
    ++m_live;
    if (!m_slots[slot].envelope.waiting)
        schedule(slot);
}

std::uint64_t Network::insert(Envelope envelope)
{
    const std::uint32_t slot = allocate();
    m_slots[slot].envelope = std::move(envelope);
    activate(slot);
    return m_slots[slot].envelope.id;
}

void Network::schedule(std::uint32_t slot)
{
    const Envelope &e = m_slots[slot].envelope;
    m_heap.push_back(HeapItem{e.eventTime(), e.id, slot});
    std::push_heap(m_heap.begin(), m_heap.end(),
                   [](const HeapItem &a, const HeapItem &b) { return later(a.at, a.id, b.at, b.id); });
}

bool Network::isCurrent(const HeapItem &item) const
{
    const Slot &s = m_slots[item.slot];
    return s.alive && s.envelope.id == item.id && !s.envelope.waiting && s.envelope.eventTime() == item.at;
}

void Network::pruneHeapTop() const
{
    while (!m_heap.empty() && !isCurrent(m_heap.front())) {
        std::pop_heap(m_heap.begin(), m_heap.end(),
                      [](const HeapItem &a, const HeapItem &b) { return later(a.at, a.id, b.at, b.id); });
        m_heap.pop_back();
    }
}

int Network::send(const Message &message, Time now, Rng &rng)
{
    const LinkConditions &link = conditions(message.from, message.to);
    const auto make = [&](bool duplicate) {
        // Written in place in its slot, every field of it (the slot may hold an old one).
        const std::uint32_t slot = allocate();
        Envelope &e = m_slots[slot].envelope;
        e.id = m_nextId++;
        e.message = message;
        e.sentAt = now;
        e.deliverAt = now + drawLatency(link, rng);
        e.doomed = false;
        e.lossReason = Reason::None;
        e.lostAt = 0;
        e.waiting = false;
        e.held = m_hold;
        e.duplicate = duplicate;
        const Time latency = e.deliverAt - now;
        const Reason blocked = blockReason(message.from, message.to);
        if (blocked != Reason::None) {
            // A wall stands between them: the message is lost where it meets it.
            e.doomed = true;
            e.lossReason = blocked;
            e.lostAt = now + (m_wholeMs ? fromMs(toMs(latency / 2)) : latency / 2);
        } else if (rng.chance(link.loss)) {
            e.doomed = true;
            e.lossReason = Reason::RandomLoss;
            e.lostAt = now + rng.uniformTime(latency / 4, (3 * latency) / 4, m_wholeMs);
        }
        activate(slot);
    };
    make(false);
    if (rng.chance(link.duplicate)) {
        make(true);
        return 2;
    }
    return 1;
}

std::optional<Time> Network::nextEventTime() const
{
    pruneHeapTop();
    if (m_heap.empty())
        return std::nullopt;
    return m_heap.front().at;
}

std::optional<Envelope> Network::popNext(Time until)
{
    pruneHeapTop();
    if (m_heap.empty() || m_heap.front().at > until)
        return std::nullopt;
    const std::uint32_t slot = m_heap.front().slot;
    std::pop_heap(m_heap.begin(), m_heap.end(),
                  [](const HeapItem &a, const HeapItem &b) { return later(a.at, a.id, b.at, b.id); });
    m_heap.pop_back();
    Envelope e = std::move(m_slots[slot].envelope);
    m_slots[slot].alive = false;
    m_free.push_back(slot);
    --m_live;
    return e;
}

const Envelope *Network::find(std::uint64_t id) const
{
    for (std::uint32_t slot : m_recent)
        if (slot < m_slots.size() && m_slots[slot].alive && m_slots[slot].envelope.id == id)
            return &m_slots[slot].envelope;
    for (const Slot &s : m_slots)
        if (s.alive && s.envelope.id == id)
            return &s.envelope;
    return nullptr;
}

std::optional<Envelope> Network::take(std::uint64_t id)
{
    for (std::uint32_t i = 0; i < m_slots.size(); ++i) {
        Slot &s = m_slots[i];
        if (s.alive && s.envelope.id == id) {
            Envelope e = std::move(s.envelope);
            s.alive = false;
            m_free.push_back(i);
            --m_live;
            return e; // its heap item is now stale and is skipped when it surfaces
        }
    }
    return std::nullopt;
}

void Network::park(Envelope envelope)
{
    envelope.waiting = true;
    insert(std::move(envelope));
}

void Network::unparkFor(NodeId node, Time now)
{
    std::vector<std::uint32_t> slots;
    for (std::uint32_t i = 0; i < m_slots.size(); ++i) {
        const Slot &s = m_slots[i];
        if (s.alive && s.envelope.waiting && !s.envelope.held && s.envelope.message.to == node)
            slots.push_back(i);
    }
    std::sort(slots.begin(), slots.end(),
              [&](std::uint32_t a, std::uint32_t b) { return m_slots[a].envelope.id < m_slots[b].envelope.id; });
    for (std::uint32_t slot : slots) {
        Envelope &e = m_slots[slot].envelope;
        e.waiting = false;
        e.deliverAt = std::max(e.deliverAt, now);
        schedule(slot);
    }
}

std::uint64_t Network::duplicateMessage(std::uint64_t id, Time now, Rng &rng)
{
    const Envelope *original = find(id);
    if (!original)
        return 0;
    Envelope e;
    e.id = m_nextId++;
    e.message = original->message;
    e.sentAt = now;
    e.deliverAt = now + drawLatency(conditions(e.message.from, e.message.to), rng);
    e.held = original->held;
    e.duplicate = true;
    return insert(std::move(e));
}

bool Network::operator==(const Network &o) const
{
    if (!(m_config == o.m_config && m_nodes == o.m_nodes && m_hold == o.m_hold && m_wholeMs == o.m_wholeMs
          && m_nextId == o.m_nextId && m_group == o.m_group && m_cut == o.m_cut && m_link == o.m_link
          && m_live == o.m_live))
        return false;
    const std::vector<const Envelope *> mine = envelopes();
    const std::vector<const Envelope *> theirs = o.envelopes();
    return std::equal(mine.begin(), mine.end(), theirs.begin(), theirs.end(),
                      [](const Envelope *a, const Envelope *b) { return *a == *b; });
}

std::vector<const Envelope *> Network::envelopes() const
{
    std::vector<const Envelope *> out;
    out.reserve(m_live);
    forEach([&](const Envelope &e) { out.push_back(&e); });
    std::sort(out.begin(), out.end(), [](const Envelope *a, const Envelope *b) { return a->id < b->id; });
    return out;
}

} // namespace raft
