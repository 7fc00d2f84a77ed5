#pragma once

#include <QObject>

#include <functional>
#include <string>
#include <vector>

class QHostAddress;
class QTcpServer;
class QTcpSocket;

namespace live {

/// WatchServer is a server's channel to its watchers (the window, tests): over one
/// TCP connection it streams JSON lines out (a hello with the server's status, then
/// its trace events, messages sent and received, and status changes) and reads
/// command lines in ("drop both S2", "heal", "timeout", ...), answering each with one
/// JSON line. A command line is at most kMaxCommandLine bytes; a watcher that falls
/// more than kMaxBacklog bytes behind is disconnected rather than buffered for.
class WatchServer : public QObject {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxCommandLine = 1024;
    static constexpr qint64 kMaxBacklog = 8 << 20;
    static constexpr int kMaxWatchers = 16;

    /// CommandHandler answers one command line with one JSON line.
    using CommandHandler = std::function<std::string(const std::string &)>;
    /// HelloHandler gives the first line a new watcher receives.
    using HelloHandler = std::function<std::string()>;
    using LogHandler = std::function<void(const std::string &)>;

    WatchServer(CommandHandler onCommand, HelloHandler hello, LogHandler onLog, QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port, std::string &error);
    /// hasWatchers tells whether anyone listens (so the server can skip building lines).
    bool hasWatchers() const { return !m_watchers.empty(); }
    /// broadcast sends one JSON line (without its newline) to every watcher.
    void broadcast(const std::string &line);

private:
    void accept();
    void read(QTcpSocket *socket);
    void drop(QTcpSocket *socket, const std::string &why);
    void write(QTcpSocket *socket, const std::string &line);

    CommandHandler m_onCommand;
    HelloHandler m_hello;
    LogHandler m_onLog;
    QTcpServer *m_server = nullptr;
    std::vector<QTcpSocket *> m_watchers;
};

} // namespace live
