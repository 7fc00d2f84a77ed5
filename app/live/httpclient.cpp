#include "httpclient.h"

#include <QTcpSocket>
#include <QTimer>

namespace live {

namespace {
/// responseParser reads responses of up to 8 MiB (a page of /log).
HttpParser responseParser()
{
    return HttpParser(HttpParser::Mode::Response, HttpLimits{16u << 10, 64, 8u << 20});
}
} // namespace

HttpClient::HttpClient(QString host, quint16 port, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_socket(new QTcpSocket(this))
    , m_timeout(new QTimer(this))
    , m_parser(responseParser())
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        const QString why = QStringLiteral("no answer within %1 ms").arg(m_current ? m_current->timeoutMs : 0);
        finish(m_current && m_current->sent ? HttpResult::Outcome::Unknown : HttpResult::Outcome::NotSent, why);
        m_socket->abort(); // a late answer must not be taken for the next request's
        m_parser = responseParser();
    });
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_current && !m_current->sent) {
            m_current->sent = true;
            m_socket->write(m_current->bytes.data(), static_cast<qint64>(m_current->bytes.size()));
        }
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpClient::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { onClosed(QStringLiteral("connection closed")); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            onClosed(m_socket->errorString());
    });
}

HttpClient::~HttpClient()
{
    m_socket->disconnect(this);
    m_socket->abort();
}

void HttpClient::request(const QString &method, const QString &target, const QByteArray &body, int timeoutMs,
                         Callback done)
{
    Pending p;
    const QString host = m_host + QLatin1Char(':') + QString::number(m_port);
    p.bytes = formatRequest(method.toStdString(), host.toStdString(), target.toStdString(),
                            std::string_view(body.constData(), static_cast<std::size_t>(body.size())));
    p.timeoutMs = timeoutMs;
    p.done = std::move(done);
    p.clock.start();
    if (m_queue.size() >= static_cast<std::size_t>(kMaxQueued)) {
        HttpResult r;
        r.outcome = HttpResult::Outcome::NotSent;
        r.error = QStringLiteral("too many requests queued");
        QTimer::singleShot(0, this, [r, cb = std::move(p.done)] { cb(r); });
        return;
    }
    m_queue.push_back(std::move(p));
    if (!m_current)
        QTimer::singleShot(0, this, &HttpClient::startNext);
}

void HttpClient::startNext()
{
    if (m_current || m_queue.empty())
        return;
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    m_timeout->start(m_current->timeoutMs);
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        m_current->sent = true;
        m_socket->write(m_current->bytes.data(), static_cast<qint64>(m_current->bytes.size()));
    } else if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        m_socket->connectToHost(m_host, m_port);
    }
}

void HttpClient::finish(HttpResult::Outcome outcome, const QString &error, HttpResponse response)
{
    m_timeout->stop();
    if (!m_current)
        return;
    HttpResult r;
    r.outcome = outcome;
    r.error = error;
    r.response = std::move(response);
    r.elapsedMs = static_cast<double>(m_current->clock.nsecsElapsed()) / 1e6;
    Callback done = std::move(m_current->done);
    m_current.reset();
    QTimer::singleShot(0, this, &HttpClient::startNext);
    done(r);
}

void HttpClient::onReadyRead()
{
    const QByteArray bytes = m_socket->readAll();
    m_parser.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    HttpResponse response;
    switch (m_parser.nextResponse(response)) {
    case HttpParser::Status::NeedMore: return;
    case HttpParser::Status::Error: {
        const QString why = QString::fromStdString("bad response: " + m_parser.error());
        finish(HttpResult::Outcome::Unknown, why);
        m_socket->abort();
        m_parser = responseParser();
        return;
    }
    case HttpParser::Status::Complete: break;
    }
    if (!m_current)
        return; // an answer nobody waits for (the request timed out)
    const bool close = headerValue(response.headers, "Connection") == "close";
    finish(HttpResult::Outcome::Answered, QString(), std::move(response));
    if (close)
        m_socket->disconnectFromHost();
}

void HttpClient::onClosed(const QString &why)
{
    m_parser = responseParser();
    if (!m_current)
        return;
    finish(m_current->sent ? HttpResult::Outcome::Unknown : HttpResult::Outcome::NotSent, why);
}

} // namespace live
