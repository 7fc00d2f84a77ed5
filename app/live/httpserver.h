#pragma once

#include "http.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <string>

class QHostAddress;
class QTcpServer;
class QTcpSocket;
class QTimer;

namespace live {

class HttpConnection;

/// HttpResponder answers one request, now or later (a write is answered once it is
/// committed). It is a cheap handle: if the client has gone, respond() does nothing.
class HttpResponder {
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection *connection, std::uint64_t request);
    /// respond sends the response; only the first call for a request counts.
    void respond(const HttpResponse &response) const;
    /// isOpen tells whether the client is still there to be answered.
    bool isOpen() const;

private:
    QPointer<HttpConnection> m_connection;
    std::uint64_t m_request = 0;
};

/// HttpServer is a small HTTP/1.1 server on QTcpServer: keep-alive, one request at a
/// time per connection (the next is read once the previous is answered), every size
/// bounded (HttpLimits), idle and slow connections closed after a timeout, at most
/// kMaxConnections open. It never blocks: a handler that cannot answer at once keeps
/// the responder and answers later.
class HttpServer : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxConnections = 256;
    /// kIdleTimeoutMs: a connection with no complete request for this long is closed
    /// (with 408 if a request was under way).
    static constexpr int kIdleTimeoutMs = 30000;

    using Handler = std::function<void(const HttpRequest &, const HttpResponder &)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);

    /// listen binds address:port; false with why.
    bool listen(const QHostAddress &address, quint16 port, std::string &error);
    quint16 port() const;

private:
    friend class HttpConnection;
    void accept();

    Handler m_handler;
    QTcpServer *m_server = nullptr;
    int m_open = 0;
};

/// HttpConnection is one client connection of an HttpServer.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    HttpConnection(HttpServer *server, QTcpSocket *socket);
    ~HttpConnection() override;
    void respond(std::uint64_t request, const HttpResponse &response);

private:
    void read();
    void serveNext();
    void fail(int status, const std::string &why);

    HttpServer *m_server;
    QTcpSocket *m_socket;
    HttpParser m_parser{HttpParser::Mode::Request};
    std::uint64_t m_nextRequest = 0;
    /// m_waiting: the request being handled (0 = none); m_keepAlive its wish.
    std::uint64_t m_waiting = 0;
    bool m_keepAlive = true;
    bool m_closing = false;
    QTimer *m_idle = nullptr;
};

/// jsonError builds the JSON body {"error": why} with the given status.
HttpResponse jsonResponse(int status, std::string body);
HttpResponse jsonError(int status, const std::string &why);

} // namespace live
