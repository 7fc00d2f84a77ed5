#include "peertransport.h"

#include <QDateTime>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <unistd.h>

namespace live {

using raft::NodeId;

/// Incoming is one connection a peer opened to this server.
struct PeerTransport::Incoming {
    QTcpSocket *socket = nullptr;
    FrameReader reader;
    /// peer: who said Hello (kNoNode until then).
    NodeId peer = raft::kNoNode;
};

namespace {
constexpr int kHelloTimeoutMs = 5000;
constexpr int kMinBackoffMs = 50;
constexpr int kMaxBackoffMs = 1000;
} // namespace

PeerTransport::PeerTransport(const NodeOptions &options, MessageHandler onMessage, LogHandler onLog, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_onMessage(std::move(onMessage))
    , m_onLog(std::move(onLog))
    , m_out(options.cluster.size() + 1)
    , m_httpPorts(options.cluster.size() + 1, 0)
    , m_jitter(static_cast<std::uint64_t>(::getpid()) * 0x9E3779B97F4A7C15ull)
    , m_nextId(static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch()) << 16)
{ }

PeerTransport::~PeerTransport() = default;

bool PeerTransport::start(std::string &error)
{
    const ServerAddress &self = m_options.cluster[static_cast<std::size_t>(m_options.self - 1)];
    m_server = new QTcpServer(this);
    m_server->setMaxPendingConnections(kMaxInbound);
    QHostAddress address;
    if (!address.setAddress(QString::fromStdString(self.host)))
        address = self.host == "localhost" ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(QHostAddress::Any);
    if (!m_server->listen(address, self.port)) {
        error = "cannot listen for peers on " + self.host + ":" + std::to_string(self.port) + ": "
            + m_server->errorString().toStdString();
        return false;
    }
    connect(m_server, &QTcpServer::newConnection, this, &PeerTransport::acceptConnections);
    for (NodeId peer = 1; peer <= static_cast<NodeId>(m_options.cluster.size()); ++peer) {
        if (peer == m_options.self)
            continue;
        Outgoing &out = m_out[static_cast<std::size_t>(peer)];
        out.socket = new QTcpSocket(this);
        out.retry = new QTimer(this);
        out.retry->setSingleShot(true);
        connect(out.retry, &QTimer::timeout, this, [this, peer] { connectTo(peer); });
        connect(out.socket, &QTcpSocket::connected, this, [this, peer] {
            Outgoing &o = m_out[static_cast<std::size_t>(peer)];
            o.socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            o.socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
            m_frame.clear();
            appendHello(m_frame,
                        Hello{m_options.self, peer, static_cast<int>(m_options.cluster.size()), m_options.httpPort});
            o.socket->write(m_frame.data(), static_cast<qint64>(m_frame.size()));
            o.ready = true;
            o.backoff = 0;
            m_onLog("connected to " + raft::nodeName(peer));
        });
        connect(out.socket, &QTcpSocket::disconnected, this, [this, peer] {
            Outgoing &o = m_out[static_cast<std::size_t>(peer)];
            if (o.ready)
                m_onLog("lost the connection to " + raft::nodeName(peer) + "; reconnecting");
            o.ready = false;
            scheduleReconnect(peer);
        });
        connect(out.socket, &QTcpSocket::errorOccurred, this, [this, peer](QAbstractSocket::SocketError) {
            Outgoing &o = m_out[static_cast<std::size_t>(peer)];
            if (o.socket->state() == QAbstractSocket::UnconnectedState) {
                o.ready = false;
                scheduleReconnect(peer);
            }
        });
        // Peers never answer on this connection (their replies come on their own);
        // anything that arrives is discarded.
        connect(out.socket, &QTcpSocket::readyRead, this,
                [this, peer] { m_out[static_cast<std::size_t>(peer)].socket->readAll(); });
        connectTo(peer);
    }
    return true;
}

void PeerTransport::connectTo(NodeId peer)
{
    Outgoing &out = m_out[static_cast<std::size_t>(peer)];
    if (out.socket->state() != QAbstractSocket::UnconnectedState)
        return;
    const ServerAddress &address = m_options.cluster[static_cast<std::size_t>(peer - 1)];
    out.socket->connectToHost(QString::fromStdString(address.host), address.port);
}

void PeerTransport::scheduleReconnect(NodeId peer)
{
    Outgoing &out = m_out[static_cast<std::size_t>(peer)];
    if (out.retry->isActive())
        return;
    out.backoff = out.backoff == 0 ? kMinBackoffMs : std::min(out.backoff * 2, kMaxBackoffMs);
    // Jitter (up to a quarter of the delay) keeps restarted servers from dialling in step.
    m_jitter = m_jitter * 6364136223846793005ull + 1442695040888963407ull;
    const int jitter = static_cast<int>((m_jitter >> 33) % static_cast<std::uint64_t>(out.backoff / 4 + 1));
    out.retry->start(out.backoff + jitter);
}

std::uint64_t PeerTransport::send(const raft::Message &message)
{
    if (message.to < 1 || message.to > static_cast<NodeId>(m_options.cluster.size()) || message.to == m_options.self)
        return 0;
    Outgoing &out = m_out[static_cast<std::size_t>(message.to)];
    if (!out.ready || out.socket->bytesToWrite() > kMaxQueuedBytes)
        return 0;
    const std::uint64_t id = ++m_nextId;
    m_frame.clear();
    appendMessage(m_frame, message, id);
    const bool written = out.socket->write(m_frame.data(), static_cast<qint64>(m_frame.size()))
        == static_cast<qint64>(m_frame.size());
    return written ? id : 0;
}

bool PeerTransport::isConnected(NodeId peer) const
{
    return peer >= 1 && peer < static_cast<NodeId>(m_out.size()) && m_out[static_cast<std::size_t>(peer)].ready;
}

std::uint16_t PeerTransport::httpPortOf(NodeId peer) const
{
    if (peer < 1 || peer >= static_cast<NodeId>(m_httpPorts.size()))
        return 0;
    return m_httpPorts[static_cast<std::size_t>(peer)];
}

std::string PeerTransport::describe(QTcpSocket *socket) const
{
    for (const auto &in : m_in)
        if (in->socket == socket && in->peer != raft::kNoNode)
            return raft::nodeName(in->peer) + " (" + socket->peerAddress().toString().toStdString() + ":"
                + std::to_string(socket->peerPort()) + ")";
    return socket->peerAddress().toString().toStdString() + ":" + std::to_string(socket->peerPort());
}

void PeerTransport::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_in.size() >= static_cast<std::size_t>(kMaxInbound)) {
            m_onLog("refusing a connection from " + describe(socket) + ": too many open");
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setParent(this);
        socket->setReadBufferSize(1 << 20);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto in = std::make_unique<Incoming>(
            Incoming{socket, FrameReader(DecodeContext{static_cast<int>(m_options.cluster.size()), m_options.self}),
                     raft::kNoNode});
        m_in.push_back(std::move(in));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readIncoming(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            for (const auto &i : m_in)
                if (i->socket == socket && i->reader.buffered() > 0)
                    m_onLog("the connection from " + describe(socket) + " closed in the middle of a frame ("
                            + std::to_string(i->reader.buffered()) + " bytes dropped)");
            dropIncoming(socket, std::string());
        });
        QTimer::singleShot(kHelloTimeoutMs, socket, [this, socket] {
            for (const auto &i : m_in)
                if (i->socket == socket && i->peer == raft::kNoNode)
                    return dropIncoming(socket, "no Hello within " + std::to_string(kHelloTimeoutMs) + " ms");
        });
    }
}

void PeerTransport::readIncoming(QTcpSocket *socket)
{
    Incoming *in = nullptr;
    for (const auto &i : m_in)
        if (i->socket == socket)
            in = i.get();
    if (!in)
        return;
    char buffer[1 << 16];
    while (socket->bytesAvailable() > 0) {
        const qint64 n = socket->read(buffer, sizeof buffer);
        if (n <= 0)
            break;
        in->reader.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
        Frame frame;
        FrameReader::Status status;
        while ((status = in->reader.next(frame)) == FrameReader::Status::Complete) {
            if (const Hello *hello = std::get_if<Hello>(&frame)) {
                in->peer = hello->from;
                m_httpPorts[static_cast<std::size_t>(hello->from)] = hello->httpPort;
                // A peer that dials again has restarted or lost its old connection:
                // the old one is stale.
                for (const auto &other : m_in)
                    if (other.get() != in && other->peer == hello->from)
                        QTimer::singleShot(0, this, [this, s = other->socket] { dropIncoming(s, std::string()); });
            } else {
                const WireMessage &w = std::get<WireMessage>(frame);
                m_onMessage(w.message, w.id);
            }
        }
        if (status == FrameReader::Status::Error)
            return dropIncoming(socket, in->reader.error());
    }
}

void PeerTransport::dropIncoming(QTcpSocket *socket, const std::string &why)
{
    for (auto it = m_in.begin(); it != m_in.end(); ++it) {
        if ((*it)->socket != socket)
            continue;
        if (!why.empty())
            m_onLog("closing the connection from " + describe(socket) + ": " + why);
        m_in.erase(it);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        return;
    }
}

} // namespace live
