// Stable storage in real processes: a server killed with kill -9 whose log tail is
// then corrupted (and whose state replacement was torn mid-write) starts, says what
// it cut, catches up, and the cluster stays safe. Damage a crash cannot cause, and a
// second server on the same folder, are refused with a reason.
#include "clusterhelpers.h"

#include "app/live/liveprobe.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QtEndian>

using livetest::LogEntry;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    f.write(bytes);
}

/// follower returns a running server that is not the leader.
int followerOf(live::LiveCluster &cluster, int leader)
{
    return leader % cluster.size() + 1;
}

/// writeMany writes n values key0..key<n-1> and returns the last index (0 on failure).
std::uint64_t writeMany(live::LiveCluster &cluster, int n, const QString &prefix)
{
    std::uint64_t last = 0;
    for (int i = 0; i < n; ++i) {
        last = livetest::writeValue(cluster, prefix + QString::number(i), QStringLiteral("v%1").arg(i), 10000);
        if (last == 0)
            return 0;
    }
    return last;
}

void expectLogsAgree(live::LiveCluster &cluster, std::uint64_t upTo)
{
    const std::vector<LogEntry> first = livetest::fetchLog(cluster, 1, upTo);
    ASSERT_EQ(first.size(), upTo);
    for (int id = 2; id <= cluster.size(); ++id)
        EXPECT_EQ(livetest::fetchLog(cluster, id, upTo), first) << "S" << id << " disagrees with S1";
}

} // namespace

TEST(LiveStorage, CorruptLogTailAndTornStateWriteAreCutReportedAndCaughtUp)
{
    live::LiveCluster cluster; // its destructor kills every server, pass or fail
    std::string error;
    const int leader = livetest::launchWithLeader(cluster, 3, error);
    ASSERT_NE(leader, 0) << error;
    const std::uint64_t before = writeMany(cluster, 20, QStringLiteral("a"));
    ASSERT_NE(before, 0u);
    ASSERT_TRUE(livetest::waitForCommit(cluster, before, 10000));

    const int f = followerOf(cluster, leader);
    ASSERT_TRUE(cluster.crash(f));
    const QString dir = cluster.server(f).dataDir;
    // What a crash in the middle of an append leaves: the next entry's record whole
    // in length but not in content (its checksum fails), then half of another header.
    // (Records are `u32 length | u32 crc32 | type, u64 index, u64 term, command`.)
    QByteArray log = readFile(dir + QStringLiteral("/log"));
    ASSERT_GT(log.size(), 100);
    qsizetype last = 0;
    for (qsizetype pos = 0; pos + 8 <= log.size();) {
        last = pos;
        pos += 8 + static_cast<qsizetype>(qFromLittleEndian<quint32>(log.constData() + pos));
    }
    QByteArray torn = log.mid(last);
    qToLittleEndian<quint64>(qFromLittleEndian<quint64>(torn.constData() + 9) + 1, torn.data() + 9);
    torn[4] = static_cast<char>(torn[4] ^ 0xff);
    log += torn;
    log.append("\x30\x00\x00", 3);
    writeFile(dir + QStringLiteral("/log"), log);
    // A state replacement torn mid-write: 9 of its 22 bytes reached the disk.
    writeFile(dir + QStringLiteral("/state.tmp"), readFile(dir + QStringLiteral("/state")).left(9));

    ASSERT_TRUE(cluster.restart(f));
    ASSERT_TRUE(
        live::waitUntil([&] { return cluster.output(f).count(QStringLiteral("repaired stable storage")) >= 2; }, 10000))
        << cluster.output(f).toStdString();
    const QString out = cluster.output(f);
    EXPECT_TRUE(out.contains(QStringLiteral("state: removed"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("(9 bytes)"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("log: cut"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("checksum mismatch"))) << out.toStdString();

    EXPECT_TRUE(out.contains(QStringLiteral("kept %1 entries").arg(before))) << out.toStdString();

    // It rejoins with every entry it had acknowledged; the cluster goes on and agrees.
    const std::uint64_t after = writeMany(cluster, 5, QStringLiteral("b"));
    ASSERT_GT(after, before);
    ASSERT_TRUE(livetest::waitForCommit(cluster, after, 15000));
    expectLogsAgree(cluster, after);
    const std::vector<LogEntry> log1 = livetest::fetchLog(cluster, f, after);
    int values = 0;
    for (const LogEntry &e : log1)
        values += e.command.rfind("set a", 0) == 0 || e.command.rfind("set b", 0) == 0;
    EXPECT_EQ(values, 25); // every acknowledged write, once
    EXPECT_TRUE(cluster.unexpectedExits().isEmpty()) << livetest::describeExits(cluster);
}

TEST(LiveStorage, DamagedStateFileRefusesToStartAndSaysWhy)
{
    live::LiveCluster cluster; // its destructor kills every server, pass or fail
    std::string error;
    const int leader = livetest::launchWithLeader(cluster, 3, error);
    ASSERT_NE(leader, 0) << error;
    ASSERT_NE(writeMany(cluster, 3, QStringLiteral("x")), 0u);
    const int f = followerOf(cluster, leader);
    ASSERT_TRUE(cluster.crash(f));
    const QString state = cluster.server(f).dataDir + QStringLiteral("/state");
    const QByteArray good = readFile(state);
    ASSERT_EQ(good.size(), 22);
    writeFile(state, good.left(11));

    ASSERT_TRUE(cluster.restart(f));
    ASSERT_TRUE(live::waitUntil([&] { return !cluster.isRunning(f); }, 10000)) << "it started on a damaged state";
    EXPECT_TRUE(cluster.output(f).contains(QStringLiteral("is damaged (11 bytes"))) << cluster.output(f).toStdString();
    EXPECT_TRUE(cluster.output(f).contains(QStringLiteral("Refusing to start")));
    ASSERT_EQ(cluster.unexpectedExits().size(), 1);
    EXPECT_TRUE(cluster.unexpectedExits()[0].contains(QStringLiteral("exit code 3")));

    // With the file restored it starts and catches up.
    writeFile(state, good);
    ASSERT_TRUE(cluster.restart(f));
    const std::uint64_t last = writeMany(cluster, 1, QStringLiteral("y"));
    ASSERT_NE(last, 0u);
    EXPECT_TRUE(livetest::waitForCommit(cluster, last, 15000));
    EXPECT_TRUE(cluster.isRunning(f));
}

TEST(LiveStorage, SecondServerOnTheSameFolderIsRefused)
{
    live::LiveCluster cluster;
    QString error;
    ASSERT_TRUE(cluster.launch(livetest::launchOptions(3), &error)) << error.toStdString();
    ASSERT_TRUE(live::waitUntil([&] { return !livetest::status(cluster, 2, 300).isEmpty(); }, 10000));
    QProcess second;
    second.setProcessChannelMode(QProcess::MergedChannels);
    second.start(QStringLiteral(RAFTVIZ_BINARY), cluster.arguments(2));
    ASSERT_TRUE(second.waitForFinished(10000));
    EXPECT_EQ(second.exitCode(), 3);
    const QString out = QString::fromUtf8(second.readAll());
    EXPECT_TRUE(out.contains(QStringLiteral("is in use by another server (pid "))
                && out.contains(QString::number(cluster.pid(2))))
        << out.toStdString();
    EXPECT_TRUE(cluster.isRunning(2));
    EXPECT_TRUE(cluster.unexpectedExits().isEmpty()) << livetest::describeExits(cluster);
}
