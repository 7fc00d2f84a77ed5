#pragma once

#include "httpserver.h"
#include "nodeoptions.h"
#include "storage.h"

#include "raft/json.h"
#include "raft/kvstore.h"
#include "raft/node.h"
#include "raft/trace.h"

#include <QElapsedTimer>
#include <QObject>

#include <map>
#include <memory>

class QTimer;

namespace live {

class PeerTransport;
class WatchServer;

/// LiveNode runs one raft::Node as a real server: the same core as the simulator,
/// driven by a monotonic clock (milliseconds since the process started), fed by
/// messages from PeerTransport, with Storage as its stable storage and a KvStore as
/// its state machine. After every batch of inputs it takes the node's Ready and does
/// what Figure 2 requires in order: save (and fsync) the hard state and the log, then
/// send the messages, then apply the committed entries and answer the clients.
///
/// It also serves HTTP (GET /status, GET /log, PUT|GET|DELETE /kv/KEY) and the watch
/// channel (trace stream out, control commands in).
class LiveNode : public QObject {
    Q_OBJECT
public:
    LiveNode(const NodeOptions &options, std::unique_ptr<Storage> storage, QObject *parent = nullptr);
    ~LiveNode() override;

    /// start opens the peer, HTTP and watch ports; false, with why, if one cannot be bound.
    bool start(std::string &error);

    const raft::Node &node() const { return m_node; }

private:
    enum class RequestKind : std::uint8_t { Put, Delete, Get };
    /// Pending is a client request in the log, waiting to be applied.
    struct Pending {
        raft::Term term = 0;
        RequestKind kind = RequestKind::Put;
        std::string key;
        std::string value;
        std::string command;
        HttpResponder responder;
        raft::Time deadline = 0;
    };

    /// now is the real time since the server started, in raft::Time ticks.
    raft::Time now() const { return m_clock.nsecsElapsed() / (1'000'000 / raft::kTicksPerMs); }
    void log(const std::string &line) const;

    // --- the node's inputs and outputs ---
    void receive(const raft::Message &message, std::uint64_t id);
    void tick();
    void scheduleFlush();
    void flush();
    void armTimer();
    void send(const raft::Message &message);
    void apply(raft::Index from, raft::Index to);
    void expirePending();

    // --- the watch channel ---
    void publish(raft::TraceEvent event, const std::string &text = std::string());
    void publishMessage(const char *direction, const raft::Message &message, std::uint64_t id);
    /// publishDropped reports a message dropped by the control channel (MessageLost).
    void publishDropped(const raft::Message &message);
    void publishStatusIfChanged();
    std::string command(const std::string &line);
    void setDropped(raft::NodeId peer, bool in, bool out, bool dropped);

    // --- HTTP ---
    void serve(const HttpRequest &request, const HttpResponder &responder);
    void serveKv(const HttpRequest &request, const std::string &key, const HttpResponder &responder);
    void redirectToLeader(const HttpRequest &request, const HttpResponder &responder);
    std::string statusJson() const;
    std::string logJson(const std::string &query) const;
    void writeServer(raft::JsonWriter &json, raft::NodeId id) const;

    NodeOptions m_options;
    std::unique_ptr<Storage> m_storage;
    QElapsedTimer m_clock;
    raft::Node m_node;
    raft::KvStore m_kv;
    raft::Ready m_ready;
    /// m_scratch words events for the watch stream (its texts are cleared each time).
    raft::Trace m_scratch;
    PeerTransport *m_transport = nullptr;
    HttpServer *m_http = nullptr;
    WatchServer *m_watch = nullptr;
    QTimer *m_timer = nullptr;
    QTimer *m_housekeeping = nullptr;
    bool m_flushScheduled = false;
    std::uint64_t m_step = 0;
    /// m_tickets: votes this server received in its last election (its own included).
    int m_tickets = 0;
    /// Per peer (index = id): when it was last heard from, and what the control
    /// channel told this server to drop.
    std::vector<raft::Time> m_lastHeard;
    std::vector<bool> m_dropIn;
    std::vector<bool> m_dropOut;
    /// m_pending: client requests by log index (one index may hold an old and a new one).
    std::multimap<raft::Index, Pending> m_pending;
    std::string m_lastStatus;
};

/// runNode is `raftviz --node ...`: it parses the options, opens the storage and runs
/// the server until it is killed. Returns the exit code (2 for a wrong command line,
/// 3 when the storage or a port cannot be opened).
int runNode(const std::vector<std::string> &args);

} // namespace live
