#include "nodewatcher.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

namespace live {

NodeWatcher::NodeWatcher(int server, QString host, quint16 port, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_host(std::move(host))
    , m_port(port)
    , m_socket(new QTcpSocket(this))
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, [this] {
        if (m_running && m_socket->state() == QAbstractSocket::UnconnectedState)
            m_socket->connectToHost(m_host, m_port);
    });
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_backoff = 0;
        emit connectionChanged(m_server, true);
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        emit connectionChanged(m_server, false);
        redial();
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            redial();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &NodeWatcher::readLines);
}

bool NodeWatcher::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void NodeWatcher::start()
{
    m_running = true;
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        m_socket->connectToHost(m_host, m_port);
}

void NodeWatcher::stop()
{
    m_running = false;
    m_retry->stop();
    m_socket->abort();
}

void NodeWatcher::redial()
{
    if (!m_running || m_retry->isActive())
        return;
    m_backoff = m_backoff == 0 ? 100 : std::min(m_backoff * 2, 1000);
    m_retry->start(m_backoff);
}

bool NodeWatcher::sendCommand(const QString &line)
{
    if (!isConnected() || line.contains(QLatin1Char('\n')))
        return false;
    m_socket->write(line.toUtf8() + '\n');
    return true;
}

void NodeWatcher::readLines()
{
    while (m_socket->canReadLine()) {
        const QByteArray line = m_socket->readLine();
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.isEmpty())
            continue;
        const auto [key, value] = std::pair{object.begin().key(), object.begin().value().toObject()};
        if (key == QLatin1String("event"))
            emit eventReceived(m_server, value);
        else if (key == QLatin1String("message"))
            emit messageReceived(m_server, value);
        else if (key == QLatin1String("status"))
            emit statusReceived(m_server, value);
        else if (key == QLatin1String("reply"))
            emit replyReceived(m_server, value);
        else if (key == QLatin1String("hello"))
            emit helloReceived(m_server, value);
    }
    if (m_socket->bytesAvailable() > kMaxLine)
        m_socket->abort();
}

} // namespace live
