#pragma once

#include "nodeoptions.h"
#include "wire.h"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace live {

/// PeerTransport carries one server's Raft messages over TCP. It holds one outgoing
/// connection to each peer, for the messages this server sends, and reconnects it
/// with exponential back-off (50 ms doubling to 1 s, with jitter) whenever it drops;
/// the peers' connections to this server arrive at its listener and carry their
/// messages in. Each connection opens with a Hello frame. A frame that fails to decode
/// closes its connection with a log line; the server carries on.
///
/// Sending never blocks and never queues without bound: a message for a peer that is
/// not connected, or whose connection has more than kMaxQueuedBytes unsent, is dropped
/// (Raft treats the network as lossy, §5.3).
class PeerTransport : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kMaxQueuedBytes = 8 << 20;
    static constexpr int kMaxInbound = 32;

    /// MessageHandler gets every message decoded from a peer, with its sender's id.
    using MessageHandler = std::function<void(const raft::Message &, std::uint64_t id)>;
    /// LogHandler gets one line for each connection event worth telling.
    using LogHandler = std::function<void(const std::string &)>;

    PeerTransport(const NodeOptions &options, MessageHandler onMessage, LogHandler onLog, QObject *parent = nullptr);
    ~PeerTransport() override;

    /// listen opens the peer port (this server's --cluster address) and starts
    /// connecting to every peer. False, with why, if the port cannot be bound.
    bool start(std::string &error);

    /// send encodes `message` and writes it to the connection to message.to. Returns
    /// the id it gave the message, or 0 when it was dropped (not connected, or too
    /// much unsent).
    std::uint64_t send(const raft::Message &message);

    /// isConnected tells whether the outgoing connection to peer is up.
    bool isConnected(raft::NodeId peer) const;
    /// httpPortOf is the HTTP port peer announced in its Hello (0 = unknown or none).
    std::uint16_t httpPortOf(raft::NodeId peer) const;

private:
    struct Outgoing {
        QTcpSocket *socket = nullptr;
        QTimer *retry = nullptr;
        int backoff = 0;
        bool ready = false;
    };
    struct Incoming;

    void connectTo(raft::NodeId peer);
    void scheduleReconnect(raft::NodeId peer);
    void acceptConnections();
    void readIncoming(QTcpSocket *socket);
    void dropIncoming(QTcpSocket *socket, const std::string &why);
    std::string describe(QTcpSocket *socket) const;

    NodeOptions m_options;
    MessageHandler m_onMessage;
    LogHandler m_onLog;
    QTcpServer *m_server = nullptr;
    std::vector<Outgoing> m_out;
    std::vector<std::unique_ptr<Incoming>> m_in;
    std::vector<std::uint16_t> m_httpPorts;
    std::string m_frame;
    std::uint64_t m_jitter = 0;
    /// m_nextId: the next message id, unique across this server's restarts (it
    /// starts from the wall clock in milliseconds, shifted to leave room).
    std::uint64_t m_nextId = 0;
};

} // namespace live
