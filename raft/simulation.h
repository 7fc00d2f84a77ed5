#pragma once

#include "action.h"
#include "invariants.h"
#include "kvstore.h"
#include "linearizability.h"
#include "network.h"
#include "node.h"
#include "sharedchunks.h"
#include "trace.h"
#include "types.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace raft {

/// ClusterConfig is everything that defines a run besides the user's actions.
struct ClusterConfig {
    /// nodes: the first configuration is S1..S<nodes> (§6).
    int nodes = 5;
    /// servers: the machines S1..S<servers> that exist (0: as many as nodes); those
    /// past `nodes` are spare, outside the configuration until a leader adds them.
    int servers = 0;
    std::uint64_t seed = 1;
    Time electionTimeoutMin = fromMs(150);
    Time electionTimeoutMax = fromMs(300);
    Time heartbeatInterval = fromMs(50);
    NetworkConfig network;
    /// diskLatencyMin/Max: how long one write to a server's stable storage takes,
    /// drawn from [min, max] per write (0 0: instant, the default). A server answers
    /// an RPC only when what it changed is written (Figure 2: persist before
    /// responding), so a vote counts only once the voter has saved it; requests leave
    /// at once. Writes of one server complete in order; what changes while a write
    /// waits to start joins it.
    Time diskLatencyMin = 0;
    Time diskLatencyMax = 0;
    /// noop: a new leader appends a no-op entry (§8).
    bool noop = true;
    /// preVote: servers ask before they campaign (dissertation §9.6).
    bool preVote = false;
    /// checkQuorum: leaders step down without a majority, followers stick to a live
    /// leader (§6.2, §4.2.3).
    bool checkQuorum = false;
    /// snapshotEvery: a server snapshots its state machine once it has applied this
    /// many entries past its last snapshot (§7); 0 = never.
    Index snapshotEvery = 0;
    /// snapshotChunk: the most bytes of snapshot data one InstallSnapshot carries
    /// (0: the whole snapshot in one message).
    std::uint64_t snapshotChunk = 0;
    /// sessions: the state machine applies each client request once (§6.3).
    bool sessions = true;
    /// reads: how servers answer reads (§6.4); Lease needs checkQuorum.
    ReadMode reads = ReadMode::ReadIndex;
    /// bugs: rules switched off in every server, for teaching only (raft/bugs.h).
    BugSwitches bugs;
    /// checkInvariants: check the safety properties after every event.
    bool checkInvariants = true;
    /// recordTrace: keep trace events (off only for raw speed).
    bool recordTrace = true;
    /// autoClient: the automatic client, part of the world, sends the leader one
    /// request every autoClient ticks ("set x 1", "set y 2", ...); 0: there is none.
    /// Invariant: autoClient is 0 or within [kMinClientInterval, kMaxDelay].
    /// act::AutoClient changes it mid-run.
    Time autoClient = 0;
    /// wholeMsClock: every random delay (election timeouts, latencies, disk writes)
    /// is a whole number of milliseconds, drawn as before virtual time counted
    /// microseconds, so that a run saved then (run file version 1) replays step for
    /// step. New runs use the microsecond clock.
    bool wholeMsClock = false;

    /// machines is how many servers exist: max(nodes, servers).
    int machines() const { return servers > nodes ? servers : nodes; }
    /// validate returns an empty string when the config is usable, else the problem.
    std::string validate() const;
    bool operator==(const ClusterConfig &) const = default;
};

/// NodeStatus: a server is up, crashed (only its stable storage is left) or paused
/// (frozen: its timers stop, its inbound messages wait at the door).
enum class NodeStatus : std::uint8_t { Up, Crashed, Paused };
const char *nodeStatusName(NodeStatus status);

/// CatchUp is a learner's progress: its matchIndex of the leader's last index.
struct CatchUp {
    Index match = 0;
    Index of = 0;
    bool operator==(const CatchUp &) const = default;
};

/// Server is one machine of the simulated world: the Raft node while it runs, its
/// stable storage and its state machine.
struct Server {
    std::optional<Node> node;
    PersistentState storage;
    KvStore kv;
    NodeStatus status = NodeStatus::Up;
    Time pausedAt = 0;
    std::uint32_t incarnation = 0;
    /// diskBusyUntil: when the last write to its stable storage completes;
    /// diskWriteStart: when that write starts. Writes of one server run one at a
    /// time, in order; changes made while a write waits to start join it (a group
    /// commit), so at most one write waits (see ClusterConfig::diskLatencyMin).
    Time diskBusyUntil = 0;
    Time diskWriteStart = 0;

    bool operator==(const Server &) const = default;
};

/// Stats counts what happened in a run.
struct Stats {
    std::uint64_t messagesSent = 0;
    std::uint64_t messagesDelivered = 0;
    std::uint64_t messagesDropped = 0;
    /// entriesSent counts entry copies sent in AppendEntries (the replication cost);
    /// entryBytesSent the bytes of their commands.
    std::uint64_t entriesSent = 0;
    std::uint64_t entryBytesSent = 0;
    /// rpcsSent counts RequestVote and AppendEntries sent (replies not counted).
    std::uint64_t rpcsSent = 0;
    std::uint64_t elections = 0;
    std::uint64_t events = 0;
    /// snapshotsTaken / snapshotsInstalled count SnapshotTaken and SnapshotInstalled (§7).
    std::uint64_t snapshotsTaken = 0;
    std::uint64_t snapshotsInstalled = 0;
    bool operator==(const Stats &) const = default;
};

/// Violation is a broken property and the event that broke it.
struct Violation {
    Time t = 0;
    std::uint64_t step = 0;
    /// what: the whole sentence ("Election Safety: S2 and S4 both lead term 3").
    std::string what;
    /// property and section: "Election Safety", "§5.2".
    std::string property;
    std::string section;
    /// nodes: the servers involved; index: the log entry involved (0: none).
    std::vector<NodeId> nodes;
    Index index = 0;
    bool operator==(const Violation &) const = default;
};

/// ReadRecord is one client read as the client saw it (the JSON's `reads`).
struct ReadRecord {
    /// id numbers the reads of a run from 1 (reads()[id - 1]).
    std::uint64_t id = 0;
    NodeId node = kNoNode;
    std::string key;
    /// value: what the answer said (nullopt: the key was absent, or no answer yet).
    std::optional<std::string> value;
    Time issuedAt = 0;
    /// answeredAt: nullopt while pending, or when refused or never answered.
    std::optional<Time> answeredAt;
    /// why: "pending", "answered", "answered locally (may be stale)", "not the
    /// leader; try S2", "server down", "leader stepped down", ...
    std::string why;
    bool operator==(const ReadRecord &) const = default;
};

/// LostMessage is a message the network lost recently, kept briefly so a view can
/// show where it vanished.
struct LostMessage {
    Envelope envelope;
    Time lostAt = 0;
    Reason reason = Reason::None;
    bool operator==(const LostMessage &) const = default;
};

/// Simulation is the world: servers + network + one virtual clock (ticks, kTicksPerMs to a millisecond) + one seeded
/// generator + the order of timer and delivery events. It is the only way time
/// moves. It is a copyable value: a copy continues exactly as the original would.
/// Events at the same time run in a total order: deliveries by message id, then
/// timers by node id, then the automatic client (ClusterConfig::autoClient).
class Simulation {
    /// Mirror (mirror.h) copies a real server's reported state in, for the live cluster.
    friend class Mirror;

public:
    explicit Simulation(const ClusterConfig &config);

    const ClusterConfig &config() const { return m_config; }
    Time now() const { return m_now; }
    /// size is how many servers exist (members of the configuration or not).
    /// It starts at config().machines() and grows when a leader is asked to add the
    /// next server (S<size()+1>, up to S9): a new machine with empty storage.
    int size() const { return static_cast<int>(m_servers.size()); }

    // --- moving time ---
    /// step processes exactly one event (a delivery, a loss, or a timer) and returns
    /// true, or returns false if nothing is scheduled.
    bool step();
    /// stepBefore processes the next event if it is due at or before limit, and
    /// returns whether it did.
    bool stepBefore(Time limit);
    /// nextEventTime is when step() would act, if anything is scheduled.
    std::optional<Time> nextEventTime() const;
    /// advanceTo processes every event due at or before t, then sets the clock to t.
    void advanceTo(Time t);
    void runFor(Time duration) { advanceTo(m_now + duration); }
    /// runUntil returns true at once if pred() holds; otherwise it processes events
    /// until pred() holds right after one of them (true), or until `maxDuration` has
    /// passed (false, with the clock at the deadline).
    bool runUntil(const std::function<bool()> &pred, Time maxDuration);

    // --- what is there ---
    const Server &server(NodeId id) const { return m_servers[id - 1]; }
    /// node returns the running node, or nullptr if the server is crashed.
    const Node *node(NodeId id) const;
    NodeStatus status(NodeId id) const { return server(id).status; }
    bool isLive(NodeId id) const { return status(id) != NodeStatus::Crashed; }
    /// role of a crashed server is Follower; term and log come from its storage.
    Role role(NodeId id) const;
    Term term(NodeId id) const;
    const Log &log(NodeId id) const;
    Index commitIndex(NodeId id) const;
    /// leader is the live node in role leader with the highest term, if any.
    std::optional<NodeId> leader() const;
    /// configuration is the configuration in force in the cluster: the leader's (with
    /// the learners it catches up), else the newest any server holds (§6).
    const Configuration &configuration() const;
    /// configurationOf is the configuration server id believes in (a crashed server's
    /// is read from its stable storage).
    Configuration configurationOf(NodeId id) const;
    /// isRemoved tells whether a server learned of its removal (§4.2.2) and no leader
    /// is adding it back.
    bool isRemoved(NodeId id) const;
    /// memberState is how server id stands in the configuration in force (§6).
    MemberState memberState(NodeId id) const;
    /// catchUp is a learner's progress as the leader sees it (dissertation §4.2.1):
    /// how far its log matches the leader's, of the leader's last index. nullopt
    /// unless id is a learner of a live leader.
    std::optional<CatchUp> catchUp(NodeId id) const;
    const Network &network() const { return m_network; }
    /// trace is the run's trace (or the outside sink it writes to, see setTraceSink).
    const Trace &trace() const { return m_sink ? *m_sink : m_trace; }
    const Stats &stats() const { return m_stats; }
    const std::vector<Violation> &violations() const { return m_violations; }
    const std::vector<Input> &inputs() const { return m_inputs; }
    /// recentlyLost holds the messages lost in the last kLostMemory (oldest first).
    const std::vector<LostMessage> &recentlyLost() const { return m_lost; }
    static constexpr Time kLostMemory = fromMs(2000);
    /// pendingCount is how many client requests a leader accepted that are neither
    /// answered nor reported lost yet; firstPendingIndex the lowest index among them
    /// (0 when none).
    std::size_t pendingCount() const { return m_pending.size(); }
    Index firstPendingIndex() const { return m_pending.empty() ? 0 : m_pending.begin()->first; }
    /// stepCount numbers the events processed so far (user actions count too).
    std::uint64_t stepCount() const { return m_stats.events; }
    /// nextClientCommand is the command the automatic client sends next ("set x 1",
    /// "set y 2", "set z 3", "set x 4", ...: numbered by the client requests so far).
    std::string nextClientCommand() const;
    /// nextClientTime is when the automatic client sends its next request: the next
    /// multiple of its interval (counted from when it started) while a leader is up;
    /// nullopt when it is off or no leader is up to take a request.
    std::optional<Time> nextClientTime() const;

    // --- user actions (each recorded as an Input at now()) ---
    // Each answers done, or refused with a reason (and then does nothing): crash a
    // crashed server, restart one that is up, drop a message no longer in flight...
    /// check says, without acting, whether apply(action) would be done now.
    ActionResult check(const Action &action) const;
    /// apply performs a user action now (a click, a scenario line, a replayed input).
    ActionResult apply(const Action &action);
    ActionResult crash(NodeId id) { return apply(act::Crash{id}); }
    ActionResult restart(NodeId id) { return apply(act::Restart{id}); }
    ActionResult pause(NodeId id) { return apply(act::Pause{id}); }
    ActionResult resume(NodeId id) { return apply(act::Resume{id}); }
    /// timeout makes node start an election now (it must be up and not the leader).
    ActionResult timeout(NodeId id) { return apply(act::Timeout{id}); }
    /// transfer asks the leader to hand leadership over to id (dissertation §3.10):
    /// it stops taking requests, brings id up to date and sends it TimeoutNow.
    ActionResult transfer(NodeId id) { return apply(act::Transfer{id}); }
    /// setElectionDeadline makes node's election timer fire at `at`. The node must be
    /// up, not paused, not the leader, and at >= now().
    ActionResult setElectionDeadline(NodeId id, Time at) { return apply(act::SetTimer{id, at}); }
    /// request sends a client command to node; result.proposal says where it went. A
    /// request to a server that is down is done: the client simply gets no answer.
    ActionResult request(NodeId id, const std::string &command) { return apply(act::Request{id, command}); }
    /// request as client `client`, request number `seq`: the client retries it after
    /// kClientRetry without an answer, to the leader it learns of (§6.3).
    ActionResult request(NodeId id, const std::string &command, int client, std::uint64_t seq)
    {
        return apply(act::Request{id, command, client, seq});
    }
    /// kClientRetry: how long a session client waits for an answer before it retries.
    static constexpr Time kClientRetry = fromMs(1000);
    /// kClientHintPause: how soon a refused session client tries the leader it was told of.
    static constexpr Time kClientHintPause = fromMs(10);
    ActionResult partition(const std::vector<std::vector<NodeId>> &groups) { return apply(act::Partition{groups}); }
    ActionResult isolate(NodeId id) { return apply(act::Isolate{id}); }
    ActionResult cut(NodeId from, NodeId to, bool bothWays) { return apply(act::Cut{from, to, bothWays}); }
    /// reconnect removes every cut to and from id (partition groups stay).
    ActionResult reconnect(NodeId id) { return apply(act::Reconnect{id}); }
    /// restoreLink reopens the cut link from -> to (and to -> from if bothWays);
    /// refused if no such link is cut.
    ActionResult restoreLink(NodeId from, NodeId to, bool bothWays) { return apply(act::Restore{from, to, bothWays}); }
    ActionResult heal() { return apply(act::Heal{}); }
    /// dropMessage loses the message with this id (refused if not in flight).
    ActionResult dropMessage(std::uint64_t id) { return apply(act::Drop{id}); }
    /// deliverMessage delivers the message with this id now, ahead of its time.
    ActionResult deliverMessage(std::uint64_t id) { return apply(act::Deliver{id}); }
    /// duplicateMessage makes the network send a copy of a message in flight.
    ActionResult duplicateMessage(std::uint64_t id) { return apply(act::Duplicate{id}); }
    /// setHold turns manual delivery on or off for messages sent from now on.
    ActionResult setHold(bool hold) { return apply(act::Hold{hold}); }
    ActionResult setNetworkConfig(const NetworkConfig &config) { return apply(act::SetNetwork{config}); }
    /// setLinkConditions overrides the one-way link from -> to (nullopt: back to the
    /// network's conditions).
    ActionResult setLinkConditions(NodeId from, NodeId to, const std::optional<LinkConditions> &conditions)
    {
        return apply(act::SetLink{from, to, conditions});
    }
    /// addServer, removeServer and reconfigure ask the leader to change the
    /// configuration (§6, dissertation §4).
    ActionResult addServer(NodeId id) { return apply(act::AddServer{id}); }
    ActionResult removeServer(NodeId id) { return apply(act::RemoveServer{id}); }
    ActionResult reconfigure(const std::vector<NodeId> &voters) { return apply(act::Reconfigure{voters}); }
    /// hasQuorum tells whether `side` holds a majority of the voters of the
    /// configuration in force (of both while joint) (§5.2, §6: only a majority can
    /// elect a leader or commit).
    bool hasQuorum(const std::vector<NodeId> &side) const;
    /// say adds a line of narration to the trace.
    ActionResult say(const std::string &text) { return apply(act::Say{text}); }
    /// snapshot makes server id snapshot its state machine now (§7); refused unless
    /// it is up and applied an entry since its last snapshot.
    ActionResult snapshot(NodeId id) { return apply(act::Snapshot{id}); }
    /// read asks server id for key (§6.4); the answer, when it comes, is in reads().
    ActionResult read(NodeId id, const std::string &key) { return apply(act::Read{id, key}); }
    /// clientsWaiting counts the session clients still waiting for an answer (§6.3).
    std::size_t clientsWaiting() const;
    /// reads lists every client read of the run, in the order they were issued.
    const std::vector<ReadRecord> &reads() const { return m_reads; }
    /// setAutoClient starts the automatic client (a request to the leader every
    /// `every` ticks, the first `every` from now), or stops it (0).
    ActionResult setAutoClient(Time every) { return apply(act::AutoClient{every}); }

    /// checkInvariantsNow runs the safety checks regardless of config (for tests).
    bool checkInvariantsNow();
    /// kLeaderlessAlarm: the liveness alarm rings when every server is up and every
    /// message arrives, yet no server has led for this long (§5.2: randomized
    /// timeouts make endless split votes unlikely).
    static constexpr Time kLeaderlessAlarm = fromSeconds(10);

    // --- history support ---
    /// checkpoint returns a copy of the whole state except the trace (cheap: logs
    /// share their chunks with the original), with the invariant checker's memory
    /// when carriesChecker().
    Simulation checkpoint();
    /// carriesChecker tells whether checkpoints keep the checker's memory: when a bug
    /// switch is on and checking is, so that a world rebuilt from one reports exactly
    /// the straight run's findings (without a bug switch there are none to differ).
    bool carriesChecker() const { return m_config.bugs.any() && m_config.checkInvariants; }
    /// restore replaces the state with a checkpoint's and cuts the trace and inputs
    /// back to the checkpoint's step; the checker goes on from the checkpoint's (if
    /// it carries one), so the restored run finds what the straight run found. The
    /// checkpoint must come from this run's timeline; if it lies ahead of the live
    /// state, pass the timeline's inputs so the ones in between are not lost.
    void restore(const Simulation &checkpoint, const std::vector<Input> *timeline = nullptr);
    /// setClock moves the clock forward to t without processing anything. Requires no
    /// event due before t (as after advanceTo), so replays can place inputs exactly.
    void setClock(Time t);
    /// setRecordInputs turns the recording of inputs() on (the default) or off.
    void setRecordInputs(bool on) { m_recordInputs = on; }
    /// takeInputs hands over the inputs recorded so far and forgets them (a History
    /// moves them into its script after every change).
    std::vector<Input> takeInputs() { return std::exchange(m_inputs, {}); }
    /// setChecking turns the safety checks on or off (a replay of a checked past
    /// need not check again). Turning them on starts the checker afresh.
    void setChecking(bool on);
    /// memoryBytes estimates the memory the state holds, without the trace; log chunks
    /// already in `counted` are skipped (see Log::memoryBytes).
    std::size_t memoryBytes(std::unordered_set<const void *> *counted = nullptr) const;

    /// setTraceSink makes the simulation write its trace into `sink` (not owned; it
    /// must outlive the simulation's use of it) instead of its own; nullptr switches
    /// back. A history uses it to keep one trace for the whole timeline.
    void setTraceSink(Trace *sink);

    /// operator== compares the whole state of the world: clock, generator, servers,
    /// network, stats, violations, inputs. The trace is a record of the run, not state
    /// (compare it on its own); the checker's memory and scratch buffers are not state
    /// either (though a checkpoint may carry the checker along).
    bool operator==(const Simulation &other) const;

private:
    /// mut is the only way to change a server: it marks the server for the next check
    /// of the invariants (a server nothing touched is not checked again).
    Server &mut(NodeId id)
    {
        m_dirty.bits |= 1u << (id - 1);
        return m_servers[id - 1];
    }
    Trace &out() { return m_sink ? *m_sink : m_trace; }
    /// record notes the action as an input at now() and, unless the action counts
    /// its own step (a delivery does), begins a step.
    void record(const Action &action, bool beginsStep = true);
    std::optional<Refusal> refusalFor(const Action &action) const;
    // perform does an action that check() accepted (simulationactions.cpp).
    void perform(const act::Crash &a);
    void perform(const act::Restart &a);
    void perform(const act::Pause &a);
    void perform(const act::Resume &a);
    void perform(const act::Timeout &a);
    ProposeResult perform(const act::Request &a);
    void perform(const act::Partition &a);
    void perform(const act::Isolate &a);
    void perform(const act::Cut &a);
    void perform(const act::Reconnect &a);
    void perform(const act::Heal &a);
    void perform(const act::Drop &a);
    void perform(const act::Deliver &a);
    void perform(const act::Duplicate &a);
    void perform(const act::Hold &a);
    void perform(const act::SetNetwork &a);
    void perform(const act::Say &a);
    void perform(const act::SetTimer &a);
    void perform(const act::SetLink &a);
    void perform(const act::Restore &a);
    void perform(const act::Transfer &a);
    void perform(const act::Snapshot &a);
    /// takeSnapshot has server id's node compact its log up to lastApplied, with the
    /// state machine's contents (§7), and saves the result.
    void takeSnapshot(NodeId id, bool forced);
    void perform(const act::Read &a);
    /// send hands a client command to server id: the trace, the pending request and
    /// the Ready; `call` is the session call it belongs to (0: none).
    ProposeResult send(NodeId id, const std::string &command, std::size_t op, std::size_t call);
    /// retry resends session call `call` (its timeout passed without an answer).
    void retry(std::size_t call);
    /// nextRetry is the session call whose retry is due first, and when.
    std::optional<std::size_t> nextRetry(Time &at) const;
    /// answerRead completes read id at server `node` from its state machine.
    void answerRead(std::uint64_t id, NodeId node, Reason why);
    /// failRead records that read id gets no answer (refused, or its server lost it).
    void failRead(std::uint64_t id, std::string why);
    /// checkReads checks the history of key's writes and reads (§6.4).
    void checkReads(const std::string &key, const ReadRecord &read);
    void perform(const act::AutoClient &a);
    /// sendClientRequest is the automatic client's event: the next command to the leader.
    void sendClientRequest(Time at);
    void perform(const act::AddServer &a);
    /// addMachine adds server S<size()+1> with empty storage, outside every
    /// configuration, on the side of the network `near` is on.
    void addMachine(NodeId near);
    void perform(const act::RemoveServer &a);
    void perform(const act::Reconfigure &a);
    /// changeMembership has the leader move to `voters`.
    void changeMembership(const std::vector<NodeId> &voters, bool joint);
    std::optional<Refusal> membershipRefusal(InputKind kind, const std::vector<NodeId> &voters) const;
    void beginStep();
    /// recordSent records the messages with ids [first, end) just sent (MessageRecord):
    /// `copyOf` for a copy the user asked for; m_cause names the message being handled.
    void recordSent(std::uint64_t first, std::uint64_t end, std::uint64_t copyOf = 0);
    /// recordEnd records that message id was delivered or lost now.
    void recordEnd(std::uint64_t id, MessageRecord::Fate fate, Reason reason = Reason::None);
    void deliver(Envelope envelope);
    void lose(const Envelope &envelope, Reason reason);
    void drain(NodeId id);
    void afterStep();
    TraceEvent &addEvent(EventKind kind, NodeId node, Reason reason = Reason::None);
    NodeConfig nodeConfig(NodeId id, std::uint32_t incarnation) const;
    std::optional<NodeId> nextTimer(Time &at) const;

    ClusterConfig m_config;
    Time m_now = 0;
    Rng m_rng;
    Network m_network;
    std::vector<Server> m_servers;
    Trace m_trace;
    /// m_sink, when set, receives the trace instead of m_trace (not owned).
    Trace *m_sink = nullptr;
    Stats m_stats;
    Invariants m_invariants;
    std::vector<Violation> m_violations;
    std::vector<Input> m_inputs;
    bool m_recordInputs = true;
    std::vector<LostMessage> m_lost;
    /// m_cause: the message whose delivery the current step handles (0: none).
    std::uint64_t m_cause = 0;
    /// PendingRequest is a client request a leader accepted and has not yet answered.
    struct PendingRequest {
        Index index = 0;
        Term term = 0;
        std::string command;
        /// op: the request's entry in m_ops (0: none); call: its session call (0: none).
        std::size_t op = 0;
        std::size_t call = 0;
        /// committedTerm: the term of the entry committed at index, once any server
        /// applied it (0: not yet). A server whose snapshot covers the index (§7) no
        /// longer knows that term; the client's outcome still depends on it.
        Term committedTerm = 0;
        bool operator==(const PendingRequest &) const = default;
    };
    /// kAnotherEntry: a committedTerm that is no request's term (the committed entry
    /// is another one, whose term no server still holds).
    static constexpr Term kAnotherEntry = ~Term{0};
    /// PendingMap holds the pending requests by index (in acceptance order at one index).
    using PendingMap = std::multimap<Index, PendingRequest>;
    PendingMap m_pending;
    /// m_clientAt: when the automatic client's next request is due (it skips the
    /// moments when no leader is up); m_clientRequests: the client requests made so
    /// far (by the user and the automatic client), which numbers the next command.
    Time m_clientAt = 0;
    std::uint64_t m_clientRequests = 0;
    /// settleRequests gives the requests in [first, last), at indexes server id has
    /// applied, their outcome: answered or lost.
    void settleRequests(NodeId id, PendingMap::iterator first, PendingMap::iterator last);
    Ready m_ready;
    std::vector<ServerView> m_views;
    std::vector<Finding> m_found;
    /// DirtySet: the servers changed since the invariants were last checked, one bit
    /// each. A copied or moved world marks them all: its views still point into the
    /// servers of the world it came from.
    struct DirtySet {
        static constexpr std::uint32_t kAll = ~std::uint32_t{0};
        std::uint32_t bits = kAll;
        DirtySet() = default;
        DirtySet(const DirtySet &) { }
        DirtySet &operator=(const DirtySet &)
        {
            bits = kAll;
            return *this;
        }
    };
    DirtySet m_dirty;
    /// m_leaderlessSince: since when the cluster has been calm (all up, every message
    /// arriving) without a leader; m_leaderlessReported: the alarm rang for it.
    /// ClientCall is a session client's request until it is answered (§6.3): where it
    /// last went, and when it gives up waiting and retries.
    struct ClientCall {
        int client = 0;
        std::uint64_t seq = 0;
        std::string command;
        NodeId target = kNoNode;
        NodeId hint = kNoNode;
        Time deadline = 0;
        std::size_t op = 0;
        int attempts = 1;
        bool done = false;
        bool operator==(const ClientCall &) const = default;
    };
    std::vector<ClientCall> m_calls;
    /// m_reads: every read; m_ops: writes and reads as clients saw them (the
    /// linearizability checker's history, §6.4); m_readOp[id - 1]: a read's entry there.
    std::vector<ReadRecord> m_reads;
    SharedChunks<KvOperation> m_ops;
    std::vector<std::size_t> m_readOp;
    /// m_unlinearizable: keys whose history already broke (reported once each).
    std::vector<std::string> m_unlinearizable;
    Time m_leaderlessSince = 0;
    bool m_leaderlessReported = false;
    void checkLiveness();
    void addViolation(Finding finding);
};

} // namespace raft
