#pragma once

#include "http.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <optional>

class QTcpSocket;
class QTimer;

namespace live {

/// HttpResult is how one request ended, as a client needs to know it for
/// linearizability: Answered (a response arrived), NotSent (the connection could not
/// be made, so the server never saw the request), or Unknown (sent, but no complete
/// answer before the timeout or the connection closed: it may or may not have
/// taken effect).
struct HttpResult {
    enum class Outcome : std::uint8_t { Answered, NotSent, Unknown };
    Outcome outcome = Outcome::Unknown;
    HttpResponse response;
    /// error: why there is no answer.
    QString error;
    /// elapsedMs: from the call to the end, in milliseconds (sub-millisecond precision).
    double elapsedMs = 0;
};

/// HttpClient is a small HTTP/1.1 client for one server (host:port) over one
/// keep-alive connection: requests go one at a time, in order; every request has a
/// timeout; nothing blocks. Redirects are not followed (the caller decides).
class HttpClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResult &)>;
    static constexpr int kMaxQueued = 1024;

    HttpClient(QString host, quint16 port, QObject *parent = nullptr);
    ~HttpClient() override;

    /// request sends `method target` with `body`; `done` is called exactly once (later,
    /// never from inside request()). A request past kMaxQueued fails at once (NotSent).
    void request(const QString &method, const QString &target, const QByteArray &body, int timeoutMs, Callback done);

    const QString &host() const { return m_host; }
    quint16 port() const { return m_port; }
    /// busy tells whether a request is in flight or queued.
    bool busy() const { return m_current.has_value() || !m_queue.empty(); }

private:
    struct Pending {
        std::string bytes;
        int timeoutMs = 0;
        Callback done;
        QElapsedTimer clock;
        bool sent = false;
    };
    void startNext();
    void finish(HttpResult::Outcome outcome, const QString &error, HttpResponse response = {});
    void onReadyRead();
    void onClosed(const QString &why);

    QString m_host;
    quint16 m_port;
    QTcpSocket *m_socket;
    QTimer *m_timeout;
    HttpParser m_parser;
    std::deque<Pending> m_queue;
    std::optional<Pending> m_current;
};

} // namespace live
