#include "httpserver.h"

#include "raft/json.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace live {

HttpResponse jsonResponse(int status, std::string body)
{
    HttpResponse r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = std::move(body);
    r.body += '\n';
    return r;
}

HttpResponse jsonError(int status, const std::string &why)
{
    raft::JsonWriter json;
    json.beginObject().key("error").value(why).endObject();
    return jsonResponse(status, json.take());
}

HttpResponder::HttpResponder(HttpConnection *connection, std::uint64_t request)
    : m_connection(connection)
    , m_request(request)
{ }

void HttpResponder::respond(const HttpResponse &response) const
{
    if (m_connection)
        m_connection->respond(m_request, response);
}

bool HttpResponder::isOpen() const
{
    return !m_connection.isNull();
}

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::accept);
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, std::string &error)
{
    if (m_server->listen(address, port))
        return true;
    error = "cannot listen for HTTP on " + address.toString().toStdString() + ":" + std::to_string(port) + ": "
        + m_server->errorString().toStdString();
    return false;
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

void HttpServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_open >= kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        new HttpConnection(this, socket);
    }
}

HttpConnection::HttpConnection(HttpServer *server, QTcpSocket *socket)
    : QObject(server)
    , m_server(server)
    , m_socket(socket)
    , m_idle(new QTimer(this))
{
    ++m_server->m_open;
    socket->setParent(this);
    socket->setReadBufferSize(256 << 10);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_idle->setSingleShot(true);
    connect(m_idle, &QTimer::timeout, this, [this] {
        if (m_waiting != 0)
            return m_idle->start(HttpServer::kIdleTimeoutMs); // the handler is still at work
        if (m_parser.buffered() > 0)
            return fail(408, "request not complete within " + std::to_string(HttpServer::kIdleTimeoutMs) + " ms");
        deleteLater();
    });
    m_idle->start(HttpServer::kIdleTimeoutMs);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::read);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_closing && m_socket->bytesToWrite() == 0)
            m_socket->disconnectFromHost();
    });
}

HttpConnection::~HttpConnection()
{
    --m_server->m_open;
}

void HttpConnection::read()
{
    if (m_closing)
        return;
    const QByteArray bytes = m_socket->readAll();
    m_parser.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    // A client may pipeline, but not without bound while we are busy.
    if (m_parser.buffered() > (HttpLimits{}.head + HttpLimits{}.body) * 2)
        return fail(413, "too much data sent ahead of the answers");
    if (m_waiting == 0)
        serveNext();
}

void HttpConnection::serveNext()
{
    HttpRequest request;
    switch (m_parser.nextRequest(request)) {
    case HttpParser::Status::NeedMore: return;
    case HttpParser::Status::Error: return fail(m_parser.errorStatus(), m_parser.error());
    case HttpParser::Status::Complete: break;
    }
    m_waiting = ++m_nextRequest;
    m_keepAlive = request.keepAlive;
    m_idle->start(HttpServer::kIdleTimeoutMs);
    m_server->m_handler(request, HttpResponder(this, m_waiting));
}

void HttpConnection::respond(std::uint64_t request, const HttpResponse &response)
{
    if (request != m_waiting || m_closing)
        return;
    m_waiting = 0;
    const std::string bytes = formatResponse(response, m_keepAlive);
    m_socket->write(bytes.data(), static_cast<qint64>(bytes.size()));
    m_idle->start(HttpServer::kIdleTimeoutMs);
    if (!m_keepAlive) {
        m_closing = true;
        if (m_socket->bytesToWrite() == 0)
            m_socket->disconnectFromHost();
        return;
    }
    // The next pipelined request, if one is already here (later, not from inside the
    // handler that is answering).
    QTimer::singleShot(0, this, [this] {
        if (m_waiting == 0 && !m_closing)
            serveNext();
    });
}

void HttpConnection::fail(int status, const std::string &why)
{
    m_waiting = 0;
    m_keepAlive = false;
    const std::string bytes = formatResponse(jsonError(status, why), false);
    m_socket->write(bytes.data(), static_cast<qint64>(bytes.size()));
    m_closing = true;
    m_socket->disconnectFromHost();
}

} // namespace live
