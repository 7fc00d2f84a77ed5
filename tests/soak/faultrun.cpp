#include "faultrun.h"

#include "raft/runfile.h"

#include <algorithm>
#include <array>
#include <sstream>

namespace raft::soak {

namespace {

/// drawProfile draws the profile of a run from a stream of its own: four runs in ten
/// are classic, one in ten each of the others.
FaultRun::Profile drawProfile(std::uint64_t seed)
{
    Rng rng(mixSeed(seed, 0x9f1));
    const std::int64_t pick = rng.uniform(0, 9);
    if (pick < 4)
        return FaultRun::Profile::Classic;
    return static_cast<FaultRun::Profile>(pick - 3);
}

/// drawConfig draws the cluster of a run: mostly 3 and 5 servers, sometimes 1, 2, 4,
/// 6 or 7; a latency range that is sometimes much wider than the heartbeat, so that
/// messages overtake each other; loss and duplication up to 30%. A profile other than
/// the classic one then adjusts what it needs.
ClusterConfig drawConfig(Rng &rng, std::uint64_t seed, FaultRun::Profile profile, const BugSwitches &bugs)
{
    using Profile = FaultRun::Profile;
    static constexpr std::array<int, 12> kSizes = {1, 2, 3, 3, 3, 4, 5, 5, 5, 5, 6, 7};
    ClusterConfig c;
    c.seed = seed;
    c.nodes = kSizes[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(kSizes.size()) - 1))];
    c.electionTimeoutMin = raft::fromMs(rng.uniform(100, 250));
    c.electionTimeoutMax = c.electionTimeoutMin + raft::fromMs(rng.uniform(20, 250));
    c.heartbeatInterval = raft::fromMs(rng.uniform(10, raft::toMs(c.electionTimeoutMin) / 3));
    c.network.latencyMin = raft::fromMs(rng.uniform(1, 20));
    c.network.latencyMax = c.network.latencyMin
        + (rng.chance(0.5) ? raft::fromMs(rng.uniform(0, 30)) : raft::fromMs(rng.uniform(30, 200)));
    c.network.loss = rng.chance(0.3) ? 0.0 : rng.unit() * 0.3;
    c.network.duplicate = rng.chance(0.4) ? 0.0 : rng.unit() * 0.3;
    c.noop = !rng.chance(0.4);
    // The dissertation's options come from a stream of their own, so that the runs
    // drawn before they existed keep their clusters and storms.
    Rng options(mixSeed(seed, 0x9e7));
    c.preVote = options.chance(0.5);
    c.checkQuorum = options.chance(0.5);
    // Reads (§6.4): ReadIndex mostly; a lease when CheckQuorum makes it sound.
    c.reads = c.checkQuorum && options.chance(0.3) ? ReadMode::Lease : ReadMode::ReadIndex;
    // §7: some profiles compact their logs often (small snapshot-every) and send
    // snapshots in small chunks, so followers that fall behind need InstallSnapshot.
    Rng snapshots(mixSeed(seed, 0x5a9));
    c.snapshotEvery = snapshots.chance(0.4) ? static_cast<Index>(snapshots.uniform(2, 25)) : 0;
    c.snapshotChunk = snapshots.chance(0.5) ? static_cast<std::uint64_t>(snapshots.uniform(4, 40)) : 0;
    // Membership changes (§6) likewise: up to two spare servers to add.
    Rng members(mixSeed(seed, 0x3e3));
    const int spare = static_cast<int>(members.uniform(0, 2));
    c.checkInvariants = true;
    c.recordTrace = true;
    c.bugs = bugs;

    Rng adjust(mixSeed(seed, 0x9f2));
    const auto oneOf = [&](std::initializer_list<int> sizes) {
        return sizes.begin()[adjust.uniform(0, static_cast<std::int64_t>(sizes.size()) - 1)];
    };
    switch (profile) {
    case Profile::Classic: break;
    case Profile::Figure8:
        // Figure 8 needs entries of old terms left uncommitted: no no-op, and a
        // network that mostly delivers, so that partial replication is what faults make.
        c.nodes = oneOf({3, 5, 5});
        c.noop = false;
        c.network.latencyMax = c.network.latencyMin + raft::fromMs(adjust.uniform(0, 40));
        c.network.loss = adjust.chance(0.5) ? 0.0 : adjust.unit() * 0.1;
        c.network.duplicate = adjust.chance(0.5) ? 0.0 : adjust.unit() * 0.1;
        break;
    case Profile::LongLog:
    case Profile::DivergentTails:
        c.nodes = oneOf({3, 4, 5, 5});
        c.network.latencyMax = c.network.latencyMin + raft::fromMs(adjust.uniform(0, 60));
        c.network.loss = adjust.chance(0.5) ? 0.0 : adjust.unit() * 0.05;
        c.network.duplicate = adjust.chance(0.5) ? 0.0 : adjust.unit() * 0.1;
        c.noop = adjust.chance(0.5);
        break;
    case Profile::RollingRestarts: c.nodes = oneOf({3, 5, 5, 7}); break;
    case Profile::Bridges: c.nodes = oneOf({3, 4, 5, 5, 6, 7}); break;
    case Profile::Reordering:
        // Latencies far wider than the heartbeat and election timeout: messages
        // overtake each other and outlive terms; copies everywhere.
        c.nodes = oneOf({3, 3, 5});
        c.network.latencyMax = c.network.latencyMin + raft::fromMs(adjust.uniform(100, 400));
        c.network.duplicate = 0.1 + adjust.unit() * 0.4;
        c.network.loss = adjust.chance(0.5) ? 0.0 : adjust.unit() * 0.1;
        c.noop = adjust.chance(0.5);
        break;
    }
    c.servers = std::min<int>(kMaxNodes, c.nodes + spare);
    return c;
}

NetworkConfig drawNetwork(Rng &rng)
{
    NetworkConfig n;
    n.latencyMin = raft::fromMs(rng.uniform(1, 30));
    n.latencyMax = n.latencyMin + raft::fromMs(rng.uniform(0, 150));
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
    Burst,
    StaleReply,
    Bridge,
    DivergentTail,
    Snapshot,
    Figure8,
};
constexpr std::size_t kActionCount = static_cast<std::size_t>(Action::Figure8) + 1;

/// kWeights[profile][action]: how often each profile draws each action. The classic
/// row is the sweep's original mix (its new actions weigh 0, so its runs are the ones
/// the sweep always ran); so is every row for the Figure 8 choreography (F8), which
/// only the figure8 profile plays.
constexpr std::array<std::array<int, kActionCount>, FaultRun::kProfiles> kWeights = {{
    // Cr Re Pa Rs Pt Is Cu Rc He Rq To St Dr Du De Ho Nw Li CL IL PL RD Tr Bu SR Br DT Sn F8
    {8, 10, 6, 8, 5, 5, 6, 3, 6, 22, 5, 2, 4, 4, 3, 2, 3, 4, 8, 4, 3, 10, 4, 0, 0, 0, 0, 5, 0}, // classic
    {4, 10, 2, 4, 2, 2, 2, 2, 5, 20, 6, 2, 2, 1, 1, 0, 0, 1, 10, 6, 2, 25, 2, 3, 0, 0, 2, 2, 14}, // figure8
    {6, 10, 3, 4, 2, 3, 2, 2, 5, 8, 3, 1, 2, 2, 1, 0, 1, 2, 4, 2, 1, 4, 2, 25, 0, 0, 4, 5, 0}, // long log
    {3, 8, 1, 3, 3, 2, 2, 2, 10, 10, 3, 1, 1, 1, 1, 0, 1, 1, 3, 4, 1, 8, 1, 8, 0, 1, 20, 3, 0}, // divergent tails
    {4, 6, 3, 4, 3, 3, 3, 2, 5, 20, 4, 2, 2, 2, 2, 1, 2, 3, 4, 3, 2, 8, 3, 5, 1, 1, 1, 4, 0}, // rolling restarts
    {3, 6, 2, 3, 3, 3, 12, 6, 6, 18, 4, 1, 2, 2, 1, 1, 2, 6, 3, 3, 2, 6, 2, 3, 1, 15, 2, 3, 0}, // bridges
    {3, 6, 4, 5, 2, 2, 3, 3, 5, 18, 6, 2, 4, 12, 10, 4, 4, 6, 3, 3, 3, 6, 2, 3, 12, 1, 1, 3, 0}, // reordering
}};

Action drawAction(Rng &rng, FaultRun::Profile profile)
{
    const auto &weights = kWeights[static_cast<std::size_t>(profile)];
    int total = 0;
    for (int w : weights)
        total += w;
    std::int64_t pick = rng.uniform(0, total - 1);
    for (std::size_t a = 0; a < kActionCount; ++a) {
        if (pick < weights[a])
            return static_cast<Action>(a);
        pick -= weights[a];
    }
    return Action::Request;
}

std::string networkText(const NetworkConfig &n)
{
    std::ostringstream out;
    out << "latency " << raft::formatMs(n.latencyMin) << " " << raft::formatMs(n.latencyMax) << ", loss " << n.loss
        << ", duplicate " << n.duplicate;
    return out.str();
}

} // namespace

const char *profileName(FaultRun::Profile profile)
{
    switch (profile) {
    case FaultRun::Profile::Classic: return "classic";
    case FaultRun::Profile::Figure8: return "figure8";
    case FaultRun::Profile::LongLog: return "long-log";
    case FaultRun::Profile::DivergentTails: return "divergent-tails";
    case FaultRun::Profile::RollingRestarts: return "rolling-restarts";
    case FaultRun::Profile::Bridges: return "bridges";
    case FaultRun::Profile::Reordering: return "reordering";
    }
    return "?";
}

std::string formatConfig(const ClusterConfig &c)
{
    std::ostringstream out;
    out << "nodes " << c.nodes << ", seed " << c.seed << ", election-timeout " << raft::formatMs(c.electionTimeoutMin)
        << " " << raft::formatMs(c.electionTimeoutMax) << ", heartbeat " << raft::formatMs(c.heartbeatInterval) << ", "
        << networkText(c.network) << ", noop " << (c.noop ? "on" : "off") << ", prevote " << (c.preVote ? "on" : "off")
        << ", checkquorum " << (c.checkQuorum ? "on" : "off") << ", snapshot-every " << c.snapshotEvery
        << ", snapshot-chunk " << c.snapshotChunk << ", reads " << readModeName(c.reads) << ", servers "
        << c.machines();
    for (const std::string &bug : bugNames(c.bugs))
        out << ", bug " << bug;
    return out.str();
}

std::string timedInput(const Input &in)
{
    // The run-file wording, with the time: "t=1234 crash S3".
    return "t=" + std::to_string(in.t) + " " + raft::formatInput(in);
}

FaultRun::FaultRun(std::uint64_t seed)
    : FaultRun(seed, BugSwitches{})
{ }

FaultRun::FaultRun(std::uint64_t seed, const BugSwitches &bugs)
    : m_seed(seed)
    , m_profile(drawProfile(seed))
    , m_rng(mixSeed(seed, 0x50a4))
    , m_config(drawConfig(m_rng, seed, m_profile, bugs))
    , m_sim(m_config)
    , m_readRng(mixSeed(seed, 0x7ead))
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

const Violation *FaultRun::firstViolation() const
{
    for (const Violation &v : m_sim.violations())
        if (std::find(m_tolerated.begin(), m_tolerated.end(), v.property) == m_tolerated.end()
            && std::find(m_tolerated.begin(), m_tolerated.end(), "*") == m_tolerated.end())
            return &v;
    return nullptr;
}

bool FaultRun::run()
{
    storm();
    if (const Violation *v = firstViolation())
        return fail("invariant violated at t=" + std::to_string(v->t) + ": " + v->what);
    if (!converge())
        return false;
    if (const Violation *v = firstViolation())
        return fail("invariant violated at t=" + std::to_string(v->t) + ": " + v->what);
    return true;
}

void FaultRun::storm()
{
    if (m_profile == Profile::RollingRestarts) {
        // Each server in turn crashes and comes back while requests flow; now and
        // then another fault on top.
        const int rounds = static_cast<int>(m_rng.uniform(1, 2));
        for (int round = 0; round < rounds; ++round) {
            for (NodeId id = 1; id <= m_config.nodes && !broken(); ++id) {
                m_sim.runFor(raft::fromMs(m_rng.uniform(50, 400)));
                settle();
                if (const auto leader = m_sim.leader())
                    burst(*leader, static_cast<int>(m_rng.uniform(0, 6)));
                settle();
                if (m_sim.status(id) != NodeStatus::Crashed)
                    (void)m_sim.crash(id);
                m_sim.runFor(raft::fromMs(m_rng.uniform(0, 600)));
                settle();
                (void)m_sim.restart(id);
                if (m_rng.chance(0.3)) {
                    m_sim.runFor(raft::fromMs(m_rng.uniform(0, 200)));
                    act();
                }
            }
        }
        m_sim.runFor(raft::fromMs(m_rng.uniform(0, 500)));
        return;
    }
    const int count = static_cast<int>(m_rng.uniform(10, 40));
    for (int i = 0; i < count && !broken(); ++i) {
        m_sim.runFor(raft::fromMs(m_rng.uniform(0, 300)));
        act();
        maybeRead();
        if (m_sim.violations().empty())
            changeMembership();
    }
    m_sim.runFor(raft::fromMs(m_rng.uniform(0, 500)));
}

void FaultRun::burst(NodeId to, int count)
{
    for (int k = 0; k < count; ++k) {
        ++m_requests;
        (void)m_sim.request(to, "set k" + std::to_string(m_rng.uniform(0, 4)) + " " + std::to_string(m_requests));
    }
}

bool FaultRun::staleReply()
{
    Simulation &sim = m_sim;
    const auto leader = sim.leader();
    if (!leader || m_config.nodes < 3 || sim.status(*leader) != NodeStatus::Up)
        return false;
    const NodeId l = *leader;
    std::vector<NodeId> others;
    for (NodeId id = 1; id <= m_config.nodes; ++id)
        if (id != l && sim.status(id) == NodeStatus::Up)
            others.push_back(id);
    if (others.size() < 2)
        return false;
    const auto pick = [&] {
        const auto k = static_cast<std::size_t>(m_rng.uniform(0, static_cast<std::int64_t>(others.size()) - 1));
        const NodeId id = others[k];
        others.erase(others.begin() + static_cast<std::ptrdiff_t>(k));
        return id;
    };
    const NodeId slow = pick();
    const NodeId next = pick();
    // 1. The follower's answers to the leader take a long way round.
    LinkConditions slowLink;
    slowLink.latencyMin = raft::fromMs(m_rng.uniform(600, 1200));
    slowLink.latencyMax = slowLink.latencyMin + raft::fromMs(m_rng.uniform(0, 400));
    (void)sim.setLinkConditions(slow, l, slowLink);
    // 2. A request: an AppendEntries to it, an answer on the slow link.
    burst(l, 1);
    sim.runFor(m_config.network.latencyMax + 1);
    settle();
    // 3. It freezes (it learns of no new term), and leadership goes to another server
    //    and comes back to the first in a later term (§3.10), before the answer lands.
    (void)sim.pause(slow);
    (void)sim.transfer(next);
    sim.runUntil([&] { return sim.leader() == next; }, raft::fromMs(400));
    settle();
    (void)sim.transfer(l);
    sim.runUntil([&] { return sim.leader() == l; }, raft::fromMs(400));
    settle();
    return true;
}

bool FaultRun::bridge()
{
    const int n = m_config.nodes;
    if (n < 3)
        return false;
    // One server (the bridge) sees everyone; the others are split into two sides
    // that cannot reach each other.
    const NodeId through = anyNode();
    std::vector<NodeId> left, right;
    for (NodeId id = 1; id <= n; ++id)
        if (id != through)
            (m_rng.chance(0.5) ? left : right).push_back(id);
    if (left.empty() || right.empty())
        return false;
    for (NodeId a : left)
        for (NodeId b : right)
            (void)m_sim.cut(a, b, true);
    return true;
}

bool FaultRun::divergentTail()
{
    Simulation &sim = m_sim;
    const auto leader = sim.leader();
    if (!leader || sim.status(*leader) != NodeStatus::Up)
        return false;
    const NodeId old = *leader;
    const Term oldTerm = sim.term(old);
    (void)sim.isolate(old);
    burst(old, static_cast<int>(m_rng.uniform(5, 150)));
    sim.runUntil(
        [&] {
            const auto now = sim.leader();
            return now && *now != old && sim.term(*now) > oldTerm;
        },
        raft::fromMs(3000));
    settle();
    if (const auto now = sim.leader(); now && *now != old)
        burst(*now, static_cast<int>(m_rng.uniform(5, 150)));
    if (m_rng.chance(0.5)) {
        sim.runFor(raft::fromMs(m_rng.uniform(0, 500)));
        settle();
        (void)sim.heal();
    }
    return true;
}

bool FaultRun::figure8()
{
    Simulation &sim = m_sim;
    const int n = m_config.nodes;
    if (n < 3)
        return false;
    // Everyone back, so that the choreography decides who hears what.
    settle();
    (void)sim.heal();
    for (NodeId id = 1; id <= n; ++id) {
        if (sim.status(id) == NodeStatus::Crashed)
            (void)sim.restart(id);
        else if (sim.status(id) == NodeStatus::Paused)
            (void)sim.resume(id);
    }
    const Time timeout = m_config.electionTimeoutMax;
    const Time flight = sim.network().config().latencyMax + raft::fromMs(1);
    if (!sim.runUntil([&] { return sim.leader().has_value(); }, 10 * timeout))
        return true;
    settle();
    // (a) The leader and the largest minority it can have: a request reaches them only.
    const NodeId first = *sim.leader();
    std::vector<NodeId> minority{first};
    std::vector<NodeId> majority;
    for (NodeId id = 1; id <= n; ++id)
        if (id != first)
            majority.push_back(id);
    const auto minoritySize = static_cast<std::size_t>(n - (n / 2 + 1));
    while (minority.size() < minoritySize) {
        const auto k = static_cast<std::size_t>(m_rng.uniform(0, static_cast<std::int64_t>(majority.size()) - 1));
        minority.push_back(majority[k]);
        majority.erase(majority.begin() + static_cast<std::ptrdiff_t>(k));
    }
    (void)sim.partition({minority, majority});
    burst(first, static_cast<int>(m_rng.uniform(1, 3)));
    sim.runFor(flight + m_rng.uniform(0, 2 * m_config.heartbeatInterval));
    settle();
    (void)sim.crash(first);
    // (b) The majority elects one of its own, which stores a request of its term alone.
    (void)sim.heal();
    const auto inMajority = [&] {
        const auto l = sim.leader();
        return l && std::find(majority.begin(), majority.end(), *l) != majority.end();
    };
    (void)sim.timeout(
        majority[static_cast<std::size_t>(m_rng.uniform(0, static_cast<std::int64_t>(majority.size()) - 1))]);
    if (!sim.runUntil(inMajority, 10 * timeout))
        return true;
    settle();
    const NodeId second = *sim.leader();
    (void)sim.isolate(second);
    burst(second, static_cast<int>(m_rng.uniform(1, 2)));
    sim.runFor(m_rng.uniform(0, flight));
    settle();
    (void)sim.crash(second);
    (void)sim.heal();
    // (c) The first leader returns; its log (or a minority fellow's) is now the most up
    //     to date of those up, so one of them wins and sends the old entry to a majority.
    (void)sim.restart(first);
    (void)sim.timeout(first);
    if (!sim.runUntil([&] { return sim.leader() && *sim.leader() != second; }, 10 * timeout))
        return true;
    settle();
    const NodeId third = *sim.leader();
    if (m_rng.chance(0.2))
        burst(third, 1); // sometimes an entry of its own term commits the old one safely
    sim.runFor(flight + m_rng.uniform(0, 3 * m_config.heartbeatInterval + 2 * flight));
    settle();
    (void)sim.crash(third);
    // (d) The second leader returns: its last term is the highest, so it can win, and it
    //     overwrites what the third replicated (§5.4.2: harmless only if uncommitted).
    (void)sim.restart(second);
    (void)sim.timeout(second);
    sim.runUntil([&] { return sim.leader().has_value(); }, 10 * timeout);
    settle();
    if (m_rng.chance(0.7))
        (void)sim.restart(third);
    return true;
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
    switch (drawAction(m_rng, m_profile)) {
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
    case Action::Snapshot:
        // §7: refused when the server is down or applied nothing since its snapshot.
        done = sim.snapshot(anyNode()).isDone();
        break;
    case Action::StageTimer:
        if (!followers.empty())
            done = sim.setElectionDeadline(pick(followers), sim.now() + raft::fromMs(m_rng.uniform(0, 50))).isDone();
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
    case Action::Burst:
        // Many requests at once: logs of hundreds or thousands of entries, batches
        // crossing the probe limit (64) and the log's chunks (256).
        if (const auto leader = sim.leader())
            burst(*leader, static_cast<int>(m_rng.chance(0.2) ? m_rng.uniform(100, 400) : m_rng.uniform(10, 100)));
        done = true;
        break;
    case Action::StaleReply: done = staleReply(); break;
    case Action::Bridge: done = bridge(); break;
    case Action::DivergentTail: done = divergentTail(); break;
    case Action::Figure8: done = figure8(); break;
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

void FaultRun::maybeRead()
{
    // Reads mostly go to the leader; a stale answer from anyone would be a
    // "Linearizable reads" violation (§6.4), which the simulation checks.
    if (m_readRng.chance(0.15)) {
        // A session client (§6.3): it retries until some server it asks answers.
        settle();
        ++m_sessionClients;
        const auto leader = m_sim.leader();
        const NodeId to = leader && m_readRng.chance(0.7) ? *leader
                                                          : static_cast<NodeId>(m_readRng.uniform(1, m_config.nodes));
        (void)m_sim.request(to,
                            "set k" + std::to_string(m_readRng.uniform(0, 4)) + " s" + std::to_string(m_sessionClients),
                            m_sessionClients, 1);
    }
    if (!m_readRng.chance(0.4))
        return;
    settle();
    const auto leader = m_sim.leader();
    const NodeId at = leader && m_readRng.chance(0.7) ? *leader
                                                      : static_cast<NodeId>(m_readRng.uniform(1, m_config.nodes));
    (void)m_sim.read(at, "k" + std::to_string(m_readRng.uniform(0, 4)));
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
    calm.latencyMin = std::min<Time>(m_config.network.latencyMin, raft::fromMs(10));
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
    // Session clients retry until a leader they asked answers (§6.3): let them finish,
    // so that their retries do not keep the logs growing while agreement is checked.
    if (!sim.runUntil([&] { return sim.clientsWaiting() == 0; }, raft::fromMs(30'000)))
        return fail(std::to_string(sim.clientsWaiting()) + " session clients still unanswered after healing");
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
                || (node->log().has(r.index) && node->log().termAt(r.index) != r.term))
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
            committed = sim.runUntil([&] { return everyoneHas(r); }, raft::fromMs(5000));
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
        sim.runUntil(agreed, raft::fromMs(2000));
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
    if (c > reference.lastIndex()) // only a bug switch gets here; Raft never does
        return fail("leader " + nodeName(leader) + "'s commitIndex " + std::to_string(c) + " is past its log");
    // The leader's state machine from its snapshot (§7), then the entries after it.
    KvStore rebuilt;
    if (!rebuilt.decode(sim.node(leader)->snapshot().data))
        return fail("leader " + nodeName(leader) + "'s snapshot does not decode");
    for (Index i = reference.snapshotIndex() + 1; i <= c; ++i)
        rebuilt.apply(reference.at(i).command);
    for (NodeId id = 1; id <= n; ++id) {
        if (!member(id))
            continue;
        const std::string who = nodeName(id);
        if (sim.commitIndex(id) != c)
            return fail(who + "'s commitIndex " + std::to_string(sim.commitIndex(id)) + " differs from leader "
                        + nodeName(leader) + "'s " + std::to_string(c));
        if (sim.log(id).lastIndex() < c || !sim.log(id).has(c)
            || sim.log(id).fingerprint(c) != reference.fingerprint(c))
            return fail(who + "'s committed prefix differs from leader " + nodeName(leader) + "'s");
        if (r.index > sim.log(id).snapshotIndex() && sim.log(id).at(r.index).command != command)
            return fail(who + " holds another command at the fresh request's index");
        if (!(sim.server(id).kv == rebuilt))
            return fail(who + "'s state machine differs from the committed log applied in order");
    }
    // Every committed request was answered or reported lost: the leader that applied
    // the fresh request settled every request at or below it.
    if (const Index p = sim.firstPendingIndex(); p != 0 && p <= r.index)
        return fail("a client request at index " + std::to_string(p) + " (committed: the fresh request at "
                    + std::to_string(r.index) + " is) was neither answered nor reported lost");
    return true;
}

std::string FaultRun::report(std::size_t traceLines) const
{
    std::ostringstream out;
    out << "fault run seed " << m_seed << ": " << (m_failure.empty() ? "ok" : m_failure) << "\n";
    out << "  profile: " << profileName(m_profile) << "\n";
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
