// The Live Cluster window against 3 real server processes on 127.0.0.1: the mirror
// shows a leader, kill -9 of the leader shows it crashed and a new leader appears,
// restarting brings it back, and a client request over HTTP reaches the mirrored logs.
// Every wait is bounded in time; every process is killed at the end.
#include "app/liveactions.h"
#include "app/livesource.h"
#include "app/livewindow.h"

#include "app/live/livecluster.h"

#include "widgets/clusterview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>
#include <functional>
#include <memory>
#include <optional>
#include <sys/types.h>

namespace {

/// waitUntil runs the event loop until pred() holds or timeoutMs passes.
bool waitUntil(const std::function<bool()> &pred, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!pred()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0;
}

bool hasCommand(const raft::Log &log, const std::string &command)
{
    for (raft::Index i = 1; i <= log.lastIndex(); ++i)
        if (log.at(i).command == command)
            return true;
    return false;
}

LiveClusterRequest launchRequest()
{
    LiveClusterRequest r;
    r.mode = LiveClusterRequest::Mode::Launch;
    r.launch.servers = 3;
    r.launch.program = QStringLiteral(RAFTVIZ_BINARY);
    // Wide enough for a loaded 2-core machine, quick enough to keep the test short.
    r.launch.electionTimeoutMin = 300;
    r.launch.electionTimeoutMax = 600;
    r.launch.heartbeatMs = 75;
    r.launch.fsync = false;
    r.timing = live::MirrorTiming{3, 300, 600, 75};
    return r;
}

TEST(LiveWindow, MirrorsLeaderCrashRestartAndHttpRequests)
{
    QString error;
    std::unique_ptr<LiveWindow> window(LiveWindow::open(launchRequest(), nullptr, &error));
    ASSERT_TRUE(window) << error.toStdString();
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    window->show();
    LiveSource *source = window->source();
    live::LiveCluster *cluster = window->cluster();
    const raft::Simulation &sim = source->simulation();
    // The cluster view draws the mirror itself, under the LIVE mark.
    EXPECT_EQ(window->clusterView()->simulation(), &sim);
    EXPECT_EQ(window->badgeText(), QStringLiteral("LIVE"));
    auto *badge = window->findChild<QLabel *>(QStringLiteral("liveBadge"));
    ASSERT_NE(badge, nullptr);
    EXPECT_TRUE(badge->isVisible());
    EXPECT_TRUE(badge->text().contains(QStringLiteral("LIVE")));

    std::vector<qint64> pids;
    for (int id = 1; id <= 3; ++id)
        pids.push_back(cluster->pid(id));

    // 1. A leader appears in the mirror, and it is the real one.
    ASSERT_TRUE(waitUntil([&] { return sim.leader().has_value(); }, 15000)) << "no leader in the mirror";
    const raft::NodeId first = *sim.leader();
    const raft::Term firstTerm = sim.term(first);
    EXPECT_GE(firstTerm, 1u);
    for (raft::NodeId id = 1; id <= 3; ++id)
        EXPECT_EQ(sim.status(id), raft::NodeStatus::Up) << "S" << id;

    // 2. kill -9 of the leader: shown crashed at once, then a new leader of a later term.
    window->liveActions()->crash(first);
    EXPECT_FALSE(cluster->isRunning(first));
    EXPECT_EQ(sim.status(first), raft::NodeStatus::Crashed);
    EXPECT_FALSE(processAlive(pids[static_cast<std::size_t>(first - 1)]));
    ASSERT_TRUE(waitUntil(
        [&] {
            const auto l = sim.leader();
            return l && *l != first && sim.term(*l) > firstTerm;
        },
        15000))
        << "no new leader after kill -9 of S" << first;
    const raft::NodeId second = *sim.leader();

    // 3. Restart brings it back, as a follower of the new leader.
    window->liveActions()->restart(first);
    ASSERT_TRUE(waitUntil(
        [&] {
            return sim.status(first) == raft::NodeStatus::Up && sim.role(first) == raft::Role::Follower
                && sim.term(first) >= sim.term(second);
        },
        15000))
        << "S" << first << " did not come back";

    // 4. A client request over HTTP shows up in the mirrored logs of every server.
    std::optional<bool> answered;
    QObject::connect(window->liveActions(), &LiveActions::requestAnswered, window.get(),
                     [&](bool ok, const QString &) { answered = ok; });
    window->liveActions()->request(QStringLiteral("set colour blue"));
    ASSERT_TRUE(waitUntil([&] { return answered.has_value(); }, 10000)) << "no HTTP answer";
    EXPECT_TRUE(*answered);
    ASSERT_TRUE(waitUntil(
        [&] {
            for (raft::NodeId id = 1; id <= 3; ++id)
                if (!hasCommand(sim.log(id), "set colour blue"))
                    return false;
            return true;
        },
        10000))
        << "the write is not in every mirrored log";
    const std::optional<raft::NodeId> leader = sim.leader();
    ASSERT_TRUE(leader.has_value());
    ASSERT_NE(sim.server(*leader).kv.value("colour"), nullptr);
    EXPECT_EQ(*sim.server(*leader).kv.value("colour"), "blue");

    // The events pane's trace holds the servers' own events: elections, the crash.
    bool sawLeader = false;
    bool sawCrash = false;
    for (const raft::TraceEvent &e : source->history().trace().events()) {
        sawLeader = sawLeader || e.kind == raft::EventKind::BecameLeader;
        sawCrash = sawCrash || (e.kind == raft::EventKind::NodeCrashed && e.node == first);
    }
    EXPECT_TRUE(sawLeader);
    EXPECT_TRUE(sawCrash);
    EXPECT_TRUE(cluster->unexpectedExits().isEmpty()) << cluster->unexpectedExits().join('\n').toStdString();

    if (const QByteArray shot = qgetenv("RAFTVIZ_LIVE_SCREENSHOT"); !shot.isEmpty()) {
        window->resize(1280, 800);
        QCoreApplication::processEvents();
        window->grab().save(QString::fromLocal8Bit(shot));
    }

    // 5. The recording replays to the same world in a REPLAY window.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.rvlive"));
    ASSERT_EQ(window->saveRecording(path), QString());
    const raft::Simulation snapshot = sim;
    const raft::Trace trace = source->history().trace();
    LiveClusterRequest replay;
    replay.mode = LiveClusterRequest::Mode::Replay;
    replay.recording = path;
    std::unique_ptr<LiveWindow> again(LiveWindow::open(replay, nullptr, &error));
    ASSERT_TRUE(again) << error.toStdString();
    again->setAttribute(Qt::WA_DeleteOnClose, false);
    EXPECT_EQ(again->badgeText(), QStringLiteral("REPLAY"));
    again->source()->seekReplay(again->source()->replayEnd());
    const raft::Simulation &replayed = again->source()->simulation();
    EXPECT_EQ(replayed.leader(), snapshot.leader());
    for (raft::NodeId id = 1; id <= 3; ++id) {
        EXPECT_EQ(replayed.status(id), snapshot.status(id)) << "S" << id;
        EXPECT_EQ(replayed.term(id), snapshot.term(id)) << "S" << id;
        EXPECT_TRUE(replayed.log(id) == snapshot.log(id)) << "S" << id;
    }
    EXPECT_EQ(again->source()->history().trace().size(), trace.size());

    // 6. Closing the window kills every server it launched.
    window.reset();
    for (std::size_t i = 0; i < pids.size(); ++i)
        EXPECT_TRUE(waitUntil([&] { return !processAlive(pids[i]); }, 5000)) << "S" << i + 1 << " still runs";
}

} // namespace
