#include "watchserver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

namespace live {

WatchServer::WatchServer(CommandHandler onCommand, HelloHandler hello, LogHandler onLog, QObject *parent)
    : QObject(parent)
    , m_onCommand(std::move(onCommand))
    , m_hello(std::move(hello))
    , m_onLog(std::move(onLog))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &WatchServer::accept);
}

bool WatchServer::listen(const QHostAddress &address, quint16 port, std::string &error)
{
    if (m_server->listen(address, port))
        return true;
    error = "cannot listen for watchers on " + address.toString().toStdString() + ":" + std::to_string(port) + ": "
        + m_server->errorString().toStdString();
    return false;
}

void WatchServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_watchers.size() >= static_cast<std::size_t>(kMaxWatchers)) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setParent(this);
        socket->setReadBufferSize(64 << 10);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_watchers.push_back(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket, std::string()); });
        write(socket, m_hello());
    }
}

void WatchServer::read(QTcpSocket *socket)
{
    while (socket->canReadLine()) {
        const QByteArray line = socket->readLine(kMaxCommandLine + 2).trimmed();
        if (line.isEmpty())
            continue;
        write(socket, m_onCommand(line.toStdString()));
        if (std::find(m_watchers.begin(), m_watchers.end(), socket) == m_watchers.end())
            return;
    }
    if (socket->bytesAvailable() > kMaxCommandLine)
        drop(socket, "a command line longer than " + std::to_string(kMaxCommandLine) + " bytes");
}

void WatchServer::write(QTcpSocket *socket, const std::string &line)
{
    if (socket->bytesToWrite() > kMaxBacklog)
        return drop(socket, "it fell more than " + std::to_string(kMaxBacklog) + " bytes behind");
    socket->write(line.data(), static_cast<qint64>(line.size()));
    socket->write("\n", 1);
}

void WatchServer::broadcast(const std::string &line)
{
    const std::vector<QTcpSocket *> watchers = m_watchers;
    for (QTcpSocket *socket : watchers)
        write(socket, line);
}

void WatchServer::drop(QTcpSocket *socket, const std::string &why)
{
    const auto it = std::find(m_watchers.begin(), m_watchers.end(), socket);
    if (it == m_watchers.end())
        return;
    m_watchers.erase(it);
    if (!why.empty())
        m_onLog("disconnecting a watcher: " + why);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

} // namespace live
