#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

class QTcpSocket;
class QTimer;

namespace live {

/// NodeWatcher is a watcher's end of one server's watch channel: it connects to the
/// server's --watch port, turns the JSON lines it receives into signals, and sends
/// control commands. When the connection drops (the server was killed or restarted)
/// it dials again with back-off (100 ms doubling to 1 s) until stop() is called.
class NodeWatcher : public QObject {
    Q_OBJECT
public:
    /// kMaxLine bounds one received line; a longer one drops the connection.
    static constexpr qint64 kMaxLine = 1 << 20;

    NodeWatcher(int server, QString host, quint16 port, QObject *parent = nullptr);

    int server() const { return m_server; }
    bool isConnected() const;
    /// start dials the server and keeps dialling; stop hangs up for good.
    void start();
    void stop();
    /// sendCommand sends one control line ("drop both S2", "heal", "timeout", "status");
    /// false if not connected. Its answer arrives as replyReceived.
    bool sendCommand(const QString &line);

signals:
    void connectionChanged(int server, bool connected);
    /// helloReceived: the server's status when the connection opened.
    void helloReceived(int server, const QJsonObject &status);
    /// eventReceived: one trace event (raft::Trace::toJson: t, kind, node, ..., why).
    void eventReceived(int server, const QJsonObject &event);
    /// messageReceived: a message the server sent, received, or could not send
    /// (dir "sent", "received", "unsent").
    void messageReceived(int server, const QJsonObject &message);
    void statusReceived(int server, const QJsonObject &status);
    void replyReceived(int server, const QJsonObject &reply);

private:
    void readLines();
    void redial();

    int m_server;
    QString m_host;
    quint16 m_port;
    QTcpSocket *m_socket;
    QTimer *m_retry;
    int m_backoff = 0;
    bool m_running = false;
};

} // namespace live
