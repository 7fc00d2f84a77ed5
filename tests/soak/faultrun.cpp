#include "faultrun.h"

#include "raft/runfile.h"

#include <algorithm>
#include <array>
#include <sstream>

namespace raft::soak {

namespace {

/// drawConfig draws the cluster of a run: mostly 3 and 5 servers, sometimes 1, 2, 4,
/// 6 or 7; a latency range that is sometimes much wider than the heartbeat, so that
/// messages overtake each other; loss and duplication up to 30%.
ClusterConfig drawConfig(Rng &rng, std::uint64_t seed)
{
    static constexpr std::array<int, 12> kSizes = {1, 2, 3, 3, 3, 4, 5, 5, 5, 5, 6, 7};
    ClusterConfig c;
    c.seed = seed;
    c.nodes = kSizes[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(kSizes.size()) - 1))];
    c.electionTimeoutMin = rng.uniform(100, 250);
    c.electionTimeoutMax = c.electionTimeoutMin + rng.uniform(20, 250);
    c.heartbeatInterval = rng.uniform(10, c.electionTimeoutMin / 3);
    c.network.latencyMin = rng.uniform(1, 20);
    c.network.latencyMax = c.network.latencyMin + (rng.chance(0.5) ? rng.uniform(0, 30) : rng.uniform(30, 200));
    c.network.loss = rng.chance(0.3) ? 0.0 : rng.unit() * 0.3;
    c.network.duplicate = rng.chance(0.4) ? 0.0 : rng.unit() * 0.3;
    c.noop = !rng.chance(0.4);
    // The dissertation's options come from a stream of their own, so that the runs
    // drawn before they existed keep their clusters and storms.
    Rng options(mixSeed(seed, 0x9e7));
    c.preVote = options.chance(0.5);
    c.checkQuorum = options.chance(0.5);
    // Membership changes (§6) likewise: up to two spare servers to add.
    Rng members(mixSeed(seed, 0x3e3));
    c.servers = std::min<int>(kMaxNodes, c.nodes + static_cast<int>(members.uniform(0, 2)));
    c.checkInvariants = true;
    c.recordTrace = true;
    return c;
}

NetworkConfig drawNetwork(Rng &rng)
{
    NetworkConfig n;
    n.latencyMin = rng.uniform(1, 30);
    n.latencyMax = n.latencyMin + rng.uniform(0, 150);
    n.loss = rng.chance(0.4) ? 0.0 : rng.unit() * 0.4;
    n.duplicate = rng.chance(0.5) ? 0.0 : rng.unit() * 0.3;
    return n;
}

enum class Action : std::uint8_t {
    Crash,
    Restart,
    Pause,
    Resume,
    Partition,
    Isolate,
    Cut,
    Reconnect,
    Heal,
    Request,
    Timeout,
    StageTimer,
    Drop,
    Duplicate,
    Deliver,
    Hold,
    Network,
    Link,
    CrashLeader,
    IsolateLeader,
    PauseLeader,
    RequestThenDepose,
    Transfer,
};

struct Weighted {
    Action action;
    int weight;
};

constexpr std::array<Weighted, 23> kActions = {{
    {Action::Crash, 8},       {Action::Restart, 10},
    {Action::Pause, 6},       {Action::Resume, 8},
    {Action::Partition, 5},   {Action::Isolate, 5},
    {Action::Cut, 6},         {Action::Reconnect, 3},
    {Action::Heal, 6},        {Action::Request, 22},
    {Action::Timeout, 5},     {Action::StageTimer, 2},
    {Action::Drop, 4},        {Action::Duplicate, 4},
    {Action::Deliver, 3},     {Action::Hold, 2},
    {Action::Network, 3},     {Action::Link, 4},
    {Action::CrashLeader, 8}, {Action::IsolateLeader, 4},
    {Action::PauseLeader, 3}, {Action::RequestThenDepose, 10},
    {Action::Transfer, 4},
}};

Action drawAction(Rng &rng)
{
    int total = 0;
    for (const Weighted &w : kActions)
        total += w.weight;
    std::int64_t pick = rng.uniform(0, total - 1);
    for (const Weighted &w : kActions) {
        if (pick < w.weight)
            return w.action;
        pick -= w.weight;
    }
    return Action::Request;
}

std::string networkText(const NetworkConfig &n)
{
    std::ostringstream out;
    out << "latency " << n.latencyMin << " " << n.latencyMax << ", loss " << n.loss << ", duplicate " << n.duplicate;
    return out.str();
}

} // namespace

std::string formatConfig(const ClusterConfig &c)
{
    std::ostringstream out;
    out << "nodes " << c.nodes << ", seed " << c.seed << ", election-timeout " << c.electionTimeoutMin << " "
        << c.electionTimeoutMax << ", heartbeat " << c.heartbeatInterval << ", " << networkText(c.network) << ", noop "
        << (c.noop ? "on" : "off") << ", prevote " << (c.preVote ? "on" : "off") << ", checkquorum "
        << (c.checkQuorum ? "on" : "off") << ", servers " << c.machines();
    return out.str();
}

std::string timedInput(const Input &in)
{
    // The run-file wording, with the time: "t=1234 crash S3".
    return "t=" + std::to_string(in.t) + " " + raft::formatInput(in);
}

FaultRun::FaultRun(std::uint64_t seed)
    : m_seed(seed)
    , m_rng(mixSeed(seed, 0x50a4))
    , m_config(drawConfig(m_rng, seed))
    , m_sim(m_config)
    , m_memberRng(mixSeed(seed, 0x3e4))
{ }

void FaultRun::changeMembership()
{
    // Membership changes come from a stream of their own, so that the storms drawn
    // before they existed keep their other actions. The leader may refuse (no leader,
    // a change pending, nothing of its term committed yet): that is part of the test.
    Simulation &sim = m_sim;
    const auto leader = sim.leader();
    if (!leader || !m_memberRng.chance(0.3))
        return;
    settle();
    const Configuration &c = sim.node(*leader)->configuration();
    std::vector<NodeId> in, out;
    for (NodeId id = 1; id <= sim.size(); ++id)
        (c.isVoter(id) ? in : out).push_back(id);
    const auto pick = [&](const std::vector<NodeId> &from) {
        return from[static_cast<std::size_t>(m_memberRng.uniform(0, static_cast<std::int64_t>(from.size()) - 1))];
    };
    const std::int64_t what = m_memberRng.uniform(0, 2);
    if (what == 0 && !out.empty()) {
        (void)sim.addServer(pick(out));
    } else if (what == 1 && in.size() > 1) {
        (void)sim.removeServer(pick(in));
    } else {
        std::vector<NodeId> voters;
        for (NodeId id = 1; id <= sim.size(); ++id)
            if (m_memberRng.chance(0.6))
                voters.push_back(id);
        if (voters.empty())
            voters.push_back(*leader);
        (void)sim.reconfigure(voters);
    }
}

bool FaultRun::fail(std::string why)
{
    m_failure = std::move(why);
    return false;
}

NodeId FaultRun::anyNode()
{
    return static_cast<NodeId>(m_rng.uniform(1, m_sim.size()));
}

bool FaultRun::run()
{
    storm();
    if (!m_sim.violations().empty())
        return fail("invariant violated at t=" + std::to_string(m_sim.violations().front().t) + ": "
                    + m_sim.violations().front().what);
    if (!converge())
        return false;
    if (!m_sim.violations().empty())
        return fail("invariant violated at t=" + std::to_string(m_sim.violations().front().t) + ": "
                    + m_sim.violations().front().what);
    return true;
}

void FaultRun::storm()
{
    const int count = static_cast<int>(m_rng.uniform(10, 40));
    for (int i = 0; i < count && m_sim.violations().empty(); ++i) {
        m_sim.runFor(m_rng.uniform(0, 300));
        act();
        if (m_sim.violations().empty())
            changeMembership();
    }
    m_sim.runFor(m_rng.uniform(0, 500));
}

void FaultRun::act()
{
    settle();
    Simulation &sim = m_sim;
    const int n = sim.size();
    std::vector<NodeId> up, crashed, paused, followers;
    for (NodeId id = 1; id <= n; ++id) {
        switch (sim.status(id)) {
        case NodeStatus::Up:
            up.push_back(id);
            if (sim.role(id) != Role::Leader)
                followers.push_back(id);
            break;
        case NodeStatus::Crashed: crashed.push_back(id); break;
        case NodeStatus::Paused: paused.push_back(id); break;
        }
    }
    const auto pick = [&](const std::vector<NodeId> &from) {
        return from[static_cast<std::size_t>(m_rng.uniform(0, static_cast<std::int64_t>(from.size()) - 1))];
    };
    const auto pickMessage = [&]() -> std::uint64_t {
        const auto all = sim.network().envelopes();
        if (all.empty())
            return 0;
        return all[static_cast<std::size_t>(m_rng.uniform(0, static_cast<std::int64_t>(all.size()) - 1))]->id;
    };

    bool done = false;
    switch (drawAction(m_rng)) {
    case Action::Crash:
        if (!up.empty() || !paused.empty())
            done = sim.crash(up.empty() ? pick(paused) : pick(up)).isDone();
        break;
    case Action::Restart:
        if (!crashed.empty())
            done = sim.restart(pick(crashed)).isDone();
        break;
    case Action::Pause:
        if (!up.empty())
            done = sim.pause(pick(up)).isDone();
        break;
    case Action::Resume:
        if (!paused.empty())
            done = sim.resume(pick(paused)).isDone();
        break;
    case Action::Partition: {
        const int groups = static_cast<int>(m_rng.uniform(2, 3));
        std::vector<std::vector<NodeId>> g(static_cast<std::size_t>(groups));
        for (NodeId id = 1; id <= n; ++id)
            g[static_cast<std::size_t>(m_rng.uniform(0, groups - 1))].push_back(id);
        g.erase(std::remove_if(g.begin(), g.end(), [](const auto &x) { return x.empty(); }), g.end());
        done = sim.partition(g).isDone();
        break;
    }
    case Action::Isolate: done = sim.isolate(anyNode()).isDone(); break;
    case Action::Cut:
        if (n >= 2) {
            const NodeId from = anyNode();
            NodeId to = anyNode();
            while (to == from)
                to = anyNode();
            done = sim.cut(from, to, m_rng.chance(0.5)).isDone();
        }
        break;
    case Action::Reconnect: done = sim.reconnect(anyNode()).isDone(); break;
    case Action::Heal: done = sim.heal().isDone(); break;
    case Action::Request: break; // below
    case Action::Timeout:
        if (!followers.empty())
            done = sim.timeout(pick(followers)).isDone();
        break;
    case Action::Transfer:
        // §3.10: refused when there is no leader or the target cannot campaign.
        if (!followers.empty())
            done = sim.transfer(pick(followers)).isDone();
        break;
    case Action::StageTimer:
        if (!followers.empty())
            done = sim.setElectionDeadline(pick(followers), sim.now() + m_rng.uniform(0, 50)).isDone();
        break;
    case Action::Drop:
        if (const std::uint64_t id = pickMessage())
            done = sim.dropMessage(id).isDone();
        break;
    case Action::Duplicate:
        if (const std::uint64_t id = pickMessage())
            done = sim.duplicateMessage(id).isDone();
        break;
    case Action::Deliver:
        if (const std::uint64_t id = pickMessage())
            done = sim.deliverMessage(id).isDone();
        break;
    case Action::Hold: done = sim.setHold(!sim.network().isHolding()).isDone(); break;
    case Action::Network: done = sim.setNetworkConfig(drawNetwork(m_rng)).isDone(); break;
    case Action::CrashLeader:
        // Leader changes while entries are in flight are where Figure 8 lives (§5.4.2).
        if (const auto leader = sim.leader())
            done = sim.crash(*leader).isDone();
        break;
    case Action::IsolateLeader:
        if (const auto leader = sim.leader())
            done = sim.isolate(*leader).isDone();
        break;
    case Action::PauseLeader:
        if (const auto leader = sim.leader())
            done = sim.pause(*leader).isDone();
        break;
    case Action::RequestThenDepose:
        // A request reaches the leader, which falls before (or just after) its
        // AppendEntries get out: entries that exist on one or a few servers only, the
        // raw material of conflicting logs (§5.3) and of Figure 8 (§5.4.2).
        if (const auto leader = sim.leader(); leader && sim.status(*leader) == NodeStatus::Up) {
            ++m_requests;
            (void)sim.request(*leader,
                              "set k" + std::to_string(m_rng.uniform(0, 4)) + " " + std::to_string(m_requests));
            sim.runFor(m_rng.uniform(0, m_config.network.latencyMax));
            settle();
            done = (m_rng.chance(0.5) ? sim.crash(*leader) : sim.isolate(*leader)).isDone();
        }
        break;
    case Action::Link:
        // One slow, lossy or duplicating one-way link (or back to normal).
        if (n >= 2) {
            const NodeId from = anyNode();
            NodeId to = anyNode();
            while (to == from)
                to = anyNode();
            std::optional<LinkConditions> conditions;
            if (m_rng.chance(0.75))
                conditions = drawNetwork(m_rng);
            done = sim.setLinkConditions(from, to, conditions).isDone();
        }
        break;
    }
    if (!done) {
        // A client request: usually to the leader, sometimes to anyone.
        const auto leader = sim.leader();
        const NodeId to = leader && m_rng.chance(0.8) ? *leader : anyNode();
        const std::string key = "k" + std::to_string(m_rng.uniform(0, 4));
        ++m_requests;
        (void)sim.request(to, m_rng.chance(0.1) ? "del " + key : "set " + key + " " + std::to_string(m_requests));
    }
    ++m_actions;
}

bool FaultRun::converge()
{
    Simulation &sim = m_sim;
    const int n = sim.size();

    // Undo every fault. Each undo is possible by construction; a refusal is a bug.
    const auto undo = [&](const ActionResult &result) {
        if (!result && m_failure.empty())
            m_failure = "converging was refused: " + result.describe();
    };
    settle();
    undo(sim.heal());
    if (sim.network().isHolding())
        undo(sim.setHold(false));
    for (NodeId id = 1; id <= n; ++id) {
        if (sim.status(id) == NodeStatus::Crashed)
            undo(sim.restart(id));
        else if (sim.status(id) == NodeStatus::Paused)
            undo(sim.resume(id));
    }
    for (NodeId from = 1; from <= n; ++from)
        for (NodeId to = 1; to <= n; ++to)
            if (sim.network().link(from, to))
                undo(sim.setLinkConditions(from, to, std::nullopt));
    NetworkConfig calm;
    calm.latencyMin = std::min<Time>(m_config.network.latencyMin, 10);
    calm.latencyMax = calm.latencyMin + 10;
    undo(sim.setNetworkConfig(calm));
    // Messages held for manual delivery would wait forever: carry them over, late.
    std::vector<std::uint64_t> held;
    sim.network().forEach([&](const Envelope &e) {
        if (e.held)
            held.push_back(e.id);
    });
    std::sort(held.begin(), held.end());
    for (std::uint64_t id : held) {
        settle();
        undo(sim.deliverMessage(id));
    }
    if (!m_failure.empty())
        return false;
    sim.runFor(2 * m_config.electionTimeoutMax);
    // A change under way completes (or its leader gives it up) once the faults are gone.
    sim.runUntil(
        [&] {
            const auto l = sim.leader();
            return l && !sim.node(*l)->isChangePending();
        },
        30 * m_config.electionTimeoutMax);
    // From here on only the voters of the configuration in force must agree: spare
    // and removed servers are not members (§6).
    const auto member = [&](NodeId id) {
        const auto l = sim.leader();
        return !l || sim.node(*l)->configuration().isVoter(id);
    };

    // A leader exists and a fresh request commits everywhere.
    const auto everyoneHas = [&](const ProposeResult &r) {
        for (NodeId id = 1; id <= n; ++id) {
            if (!member(id))
                continue;
            const Node *node = sim.node(id);
            if (!node || node->commitIndex() < r.index || node->lastApplied() != node->commitIndex()
                || node->log().termAt(r.index) != r.term)
                return false;
        }
        return true;
    };
    bool committed = false;
    ProposeResult r;
    std::string command;
    for (int attempt = 1; attempt <= 5 && !committed; ++attempt) {
        if (!sim.runUntil([&] { return sim.leader().has_value(); }, 20 * m_config.electionTimeoutMax))
            continue;
        settle();
        command = "set fresh " + std::to_string(m_seed) + "-" + std::to_string(attempt);
        r = sim.request(*sim.leader(), command).proposal;
        if (r.accepted)
            committed = sim.runUntil([&] { return everyoneHas(r); }, 5000);
    }
    if (!committed)
        return fail(sim.leader() ? "no fresh request committed on every server after healing"
                                 : "no leader after healing");

    // Every commitIndex reaches the leader's; then the committed prefixes and the state
    // machines must agree.
    // (A configuration entry the fresh request's commit let the leader append — C_new
    // after C_old,new, §6 — may still be on its way: wait until nothing is pending and
    // the commit indexes agree once everything due now is done.)
    const auto agreed = [&] {
        const auto l = sim.leader();
        if (!l || sim.node(*l)->isChangePending())
            return false;
        for (NodeId id = 1; id <= n; ++id)
            if (member(id) && sim.commitIndex(id) != sim.commitIndex(*l))
                return false;
        return true;
    };
    for (int attempt = 0; attempt < 5; ++attempt) {
        sim.runUntil(agreed, 2000);
        settle();
        if (agreed())
            break;
        // A leader that removed itself stepped down once C_new committed; its
        // successor knows the commit index only when an entry of its own term commits
        // (without the no-op, that takes a client).
        if (const auto l = sim.leader())
            (void)sim.request(*l, "set settle " + std::to_string(attempt));
    }
    if (!sim.leader())
        return fail("no leader after healing");
    const NodeId leader = *sim.leader();
    const Index c = sim.commitIndex(leader);
    const Log &reference = sim.log(leader);
    KvStore rebuilt;
    for (Index i = 1; i <= c; ++i)
        rebuilt.apply(reference.at(i).command);
    for (NodeId id = 1; id <= n; ++id) {
        if (!member(id))
            continue;
        const std::string who = nodeName(id);
        if (sim.commitIndex(id) != c)
            return fail(who + "'s commitIndex " + std::to_string(sim.commitIndex(id)) + " differs from leader "
                        + nodeName(leader) + "'s " + std::to_string(c));
        if (sim.log(id).lastIndex() < c || sim.log(id).fingerprint(c) != reference.fingerprint(c))
            return fail(who + "'s committed prefix differs from leader " + nodeName(leader) + "'s");
        if (sim.log(id).at(r.index).command != command)
            return fail(who + " holds another command at the fresh request's index");
        if (!(sim.server(id).kv == rebuilt))
            return fail(who + "'s state machine differs from the committed log applied in order");
    }
    return true;
}

std::string FaultRun::report(std::size_t traceLines) const
{
    std::ostringstream out;
    out << "fault run seed " << m_seed << ": " << (m_failure.empty() ? "ok" : m_failure) << "\n";
    out << "  config: " << formatConfig(m_config) << "\n";
    out << "  replay: build/tests/raft_soak --seed " << m_seed << " --trace\n";
    out << "  inputs (" << m_sim.inputs().size() << "):\n";
    for (const Input &in : m_sim.inputs())
        out << "    " << timedInput(in) << "\n";
    for (const Violation &v : m_sim.violations())
        out << "  violation at t=" << v.t << " step " << v.step << ": " << v.what << "\n";
    // The trace up to the first violation (or the end), in words.
    const auto &events = m_sim.trace().events();
    std::size_t end = events.size();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].kind == EventKind::InvariantViolated) {
            end = i + 1;
            break;
        }
    }
    const std::size_t from = end > traceLines ? end - traceLines : 0;
    out << "  trace events " << from + 1 << ".." << end << " of " << events.size() << ":\n";
    for (std::size_t i = from; i < end; ++i)
        out << "    t=" << events[i].t << " " << m_sim.trace().describe(events[i]) << "\n";
    return out.str();
}

Simulation FaultRun::replay(const ClusterConfig &config, const std::vector<Input> &inputs, Time until)
{
    Simulation sim(config);
    for (const Input &in : inputs) {
        // Exactly the events the original processed before the input, then the input
        // at its time (events due at that same time may still be waiting, as they
        // were in the original).
        while (sim.stepCount() < in.step && sim.step()) { }
        sim.setClock(in.t);
        (void)sim.apply(in.action); // a recorded input was possible when recorded
    }
    sim.advanceTo(until);
    return sim;
}

} // namespace raft::soak
