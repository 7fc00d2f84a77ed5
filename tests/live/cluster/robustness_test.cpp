// A real server shrugs off bad input: malformed frames on its peer port close that
// connection only, bad HTTP requests get 4xx with a JSON error; and the control
// channel cuts links the way the simulator does (same events, same words).
#include "clusterhelpers.h"

#include "app/live/http.h"
#include "app/live/liveprobe.h"
#include "app/live/nodewatcher.h"
#include "app/live/wire.h"

#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QTcpSocket>

#include <set>

namespace {

/// sendRaw connects to port, writes bytes (optionally closing at once), and waits for
/// the server to close the connection; returns what it answered.
QByteArray sendRaw(quint16 port, const QByteArray &bytes, bool closeAfterWrite, bool *closedByServer)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(bytes);
    socket.flush();
    if (closeAfterWrite) {
        socket.disconnectFromHost();
        *closedByServer = false;
        return {};
    }
    QByteArray answer;
    *closedByServer = live::waitUntil(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        5000);
    return answer;
}

std::string frameBytes(const live::Hello &hello, const raft::Message *message)
{
    std::string out;
    live::appendHello(out, hello);
    if (message)
        live::appendMessage(out, *message);
    return out;
}

/// rawHttp sends one raw request and returns the status and JSON body of the answer.
std::pair<int, QJsonObject> rawHttp(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(3000))
        return {0, {}};
    socket.write(request);
    live::HttpParser parser(live::HttpParser::Mode::Response);
    live::HttpResponse response;
    live::waitUntil(
        [&] {
            const QByteArray bytes = socket.readAll();
            parser.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
            return parser.nextResponse(response) != live::HttpParser::Status::NeedMore;
        },
        5000);
    return {response.status, QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object()};
}

} // namespace

TEST(LiveServer, MalformedFramesCloseOnlyTheirConnection)
{
    live::LiveCluster cluster;
    std::string error;
    ASSERT_NE(livetest::launchWithLeader(cluster, 3, error), 0) << error;
    const int target = 2;
    const quint16 port = cluster.server(target).peerPort;
    bool closed = false;

    // A stranger speaking HTTP to the peer port.
    sendRaw(port, "GET / HTTP/1.1\r\n\r\n", false, &closed);
    EXPECT_TRUE(closed);
    // A Hello, then a header announcing a 2 GB frame.
    std::string big = frameBytes(live::Hello{1, target, 3, 0}, nullptr)
        + std::string("RVZF\x01\x02\xff\xff\xff\x7f", 10);
    sendRaw(port, QByteArray::fromStdString(big), false, &closed);
    EXPECT_TRUE(closed);
    // A Hello from a server that is not in the cluster.
    sendRaw(port, QByteArray::fromStdString(frameBytes(live::Hello{9, target, 3, 0}, nullptr)), false, &closed);
    EXPECT_TRUE(closed);
    // A message cut short by the caller hanging up.
    raft::Message m;
    m.type = raft::MessageType::AppendEntries;
    m.from = 1;
    m.to = target;
    m.term = 1;
    m.entries = {raft::Entry{1, "set x 1"}};
    const std::string whole = frameBytes(live::Hello{1, target, 3, 0}, &m);
    sendRaw(port, QByteArray::fromStdString(whole.substr(0, whole.size() - 4)), true, &closed);

    ASSERT_TRUE(live::waitUntil(
        [&] { return cluster.output(target).contains(QStringLiteral("closed in the middle of a frame")); }, 5000))
        << cluster.output(target).toStdString();
    const QString out = cluster.output(target);
    EXPECT_TRUE(out.contains(QStringLiteral("bad magic"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("exceeds the limit of 4194304"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("from 9 is not a server of S1..S3"))) << out.toStdString();

    // The server is still a working member of the cluster.
    const std::uint64_t index = livetest::writeValue(cluster, QStringLiteral("after"), QStringLiteral("ok"), 10000);
    ASSERT_NE(index, 0u);
    EXPECT_TRUE(livetest::waitForCommit(cluster, index, 10000));
    EXPECT_TRUE(cluster.unexpectedExits().isEmpty()) << livetest::describeExits(cluster);
}

TEST(LiveServer, BadHttpRequestsGetJsonErrors)
{
    live::LiveCluster cluster; // its destructor kills every server, pass or fail
    std::string error;
    const int leader = livetest::launchWithLeader(cluster, 3, error);
    ASSERT_NE(leader, 0) << error;
    const quint16 port = cluster.server(leader).httpPort;
    struct Case {
        QByteArray request;
        int status;
        const char *error;
    };
    const Case cases[] = {
        {"BLAH\r\n\r\n", 400, "malformed request line"},
        {"GET /nope HTTP/1.1\r\n\r\n", 404, "no such resource"},
        {"POST /kv/x HTTP/1.1\r\nContent-Length: 1\r\n\r\n1", 405, "answers GET, PUT and DELETE"},
        {"PUT /kv/a%20b HTTP/1.1\r\nContent-Length: 1\r\n\r\n1", 400, "spaces"},
        {"PUT /kv/a HTTP/1.1\r\nContent-Length: 0\r\n\r\n", 400, "empty value"},
        {"PUT /kv/a HTTP/1.1\r\nContent-Length: 3\r\n\r\n x ", 400, "start or end with a space"},
        {"PUT /kv/a HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n", 413, "exceeds the limit"},
        {"PUT /kv/a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501, "Transfer-Encoding"},
        {"GET /log?from=x HTTP/1.1\r\n\r\n", 400, "from=N"},
        {"GET /status HTTP/3\r\n\r\n", 505, "HTTP/1.0 and HTTP/1.1"},
    };
    for (const Case &c : cases) {
        const auto [status, json] = rawHttp(port, c.request);
        EXPECT_EQ(status, c.status) << c.request.toStdString();
        EXPECT_TRUE(json.value(QStringLiteral("error")).toString().contains(QLatin1String(c.error)))
            << c.request.toStdString() << " -> " << QJsonDocument(json).toJson().toStdString();
    }
    EXPECT_TRUE(cluster.unexpectedExits().isEmpty()) << livetest::describeExits(cluster);
}

TEST(LiveServer, ControlChannelCutsLinksAsTheSimulatorDoes)
{
    live::LiveCluster cluster; // its destructor kills every server, pass or fail
    std::string error;
    const int old = livetest::launchWithLeader(cluster, 3, error);
    ASSERT_NE(old, 0) << error;
    live::NodeWatcher *watcher = cluster.watcher(old);
    std::vector<QJsonObject> events;
    std::vector<QJsonObject> replies;
    QObject::connect(watcher, &live::NodeWatcher::eventReceived,
                     [&](int, const QJsonObject &e) { events.push_back(e); });
    QObject::connect(watcher, &live::NodeWatcher::replyReceived,
                     [&](int, const QJsonObject &r) { replies.push_back(r); });
    ASSERT_TRUE(live::waitUntil([&] { return watcher->isConnected(); }, 5000));

    // A message the leader sent arrives at a follower with the same id: a watcher can
    // pair the two ends (to draw it in flight).
    const int follower = old % 3 + 1;
    std::set<qint64> sent;
    bool paired = false;
    QObject::connect(watcher, &live::NodeWatcher::messageReceived, [&](int, const QJsonObject &m) {
        if (m.value(QStringLiteral("dir")).toString() == QLatin1String("sent"))
            sent.insert(m.value(QStringLiteral("id")).toInteger());
    });
    QObject::connect(cluster.watcher(follower), &live::NodeWatcher::messageReceived, [&](int, const QJsonObject &m) {
        if (m.value(QStringLiteral("dir")).toString() == QLatin1String("received")
            && m.value(QStringLiteral("from")).toInt() == old)
            paired = paired || sent.count(m.value(QStringLiteral("id")).toInteger()) > 0;
    });
    EXPECT_TRUE(live::waitUntil([&] { return paired; }, 5000)) << "no message seen at both ends";

    // Isolate the leader: the other two elect a new one in a later term.
    QStringList others;
    for (int id = 1; id <= 3; ++id)
        if (id != old)
            others << QStringLiteral("S%1").arg(id);
    ASSERT_TRUE(watcher->sendCommand(QStringLiteral("drop both ") + others.join(QLatin1Char(' '))));
    int fresh = 0;
    ASSERT_TRUE(live::waitUntil(
        [&] {
            fresh = live::findLeader(cluster, 300);
            return fresh != 0 && fresh != old;
        },
        15000))
        << livetest::describeStatuses(cluster);
    ASSERT_NE(livetest::writeValue(cluster, QStringLiteral("during"), QStringLiteral("cut"), 10000), 0u);
    // The old leader still believes it leads, but cannot commit a write.
    const live::HttpResult stale = live::fetch(*cluster.http(old), QStringLiteral("PUT"), QStringLiteral("/kv/stale"),
                                               QByteArray("no"), 6000);
    ASSERT_EQ(stale.outcome, live::HttpResult::Outcome::Answered);
    EXPECT_EQ(stale.response.status, 504) << stale.response.body;

    // Heal: the old leader hears the higher term and steps down (§5.1).
    ASSERT_TRUE(watcher->sendCommand(QStringLiteral("heal")));
    ASSERT_TRUE(live::waitUntil(
        [&] { return livetest::status(cluster, old, 300).value(QStringLiteral("role")).toString() == "follower"; },
        10000));
    const std::uint64_t last = livetest::writeValue(cluster, QStringLiteral("after"), QStringLiteral("heal"), 10000);
    ASSERT_NE(last, 0u);
    ASSERT_TRUE(livetest::waitForCommit(cluster, last, 10000));
    const auto log = livetest::fetchLog(cluster, old, last);
    for (const auto &e : log)
        EXPECT_NE(e.command, "set stale no") << "an uncommitted entry of the deposed leader survived at " << e.index;

    // The watch stream told it in the simulator's words.
    auto has = [&](const char *kind, const char *words) {
        for (const QJsonObject &e : events)
            if (e.value(QStringLiteral("kind")).toString() == QLatin1String(kind)
                && e.value(QStringLiteral("why")).toString().contains(QLatin1String(words)))
                return true;
        return false;
    };
    EXPECT_TRUE(has("NetworkChanged", "<-> ")) << "no 'The link Sx <-> Sy was cut'";
    EXPECT_TRUE(has("MessageLost", "is cut"));
    EXPECT_TRUE(has("NetworkChanged", "was restored"));
    EXPECT_TRUE(has("BecameFollower", ""));
    ASSERT_GE(replies.size(), 2u);
    EXPECT_TRUE(replies[0].value(QStringLiteral("ok")).toBool());
    EXPECT_TRUE(cluster.unexpectedExits().isEmpty()) << livetest::describeExits(cluster);
}
