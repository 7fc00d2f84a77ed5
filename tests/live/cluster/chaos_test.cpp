// Proof that the real cluster is Raft: server processes on 127.0.0.1 under client load,
// killed with kill -9 (the leader first and often), restarted, paused and isolated;
// then healed and checked. Every acknowledged write is in every server's log at the
// index it was acknowledged with, in real-time order; the clients' history is
// linearizable; the committed logs agree; no server died on its own.
//
// RAFTVIZ_LIVE_SECONDS=N makes each run's chaos last N seconds (default 8 and 10);
// RAFTVIZ_LIVE_SEED=N repeats a run's choices (the timing of a real cluster varies).
#include "chaosrun.h"
#include "clusterhelpers.h"

#include "app/live/liveprobe.h"

#include <gtest/gtest.h>

#include <QDateTime>

#include <cstdlib>
#include <map>

using livetest::ChaosOptions;
using livetest::ChaosRun;
using livetest::LogEntry;

namespace {

int envInt(const char *name, int fallback)
{
    const char *v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

void chaosTest(int servers, int defaultSeconds)
{
    ChaosOptions options;
    options.seconds = envInt("RAFTVIZ_LIVE_SECONDS", defaultSeconds);
    options.seed = static_cast<std::uint64_t>(envInt("RAFTVIZ_LIVE_SEED", 0));
    if (options.seed == 0)
        options.seed = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch() % 1000000);
    options.clients = servers == 3 ? 3 : 4;
    std::printf("[ chaos    ] %d servers, %d s, seed %llu (RAFTVIZ_LIVE_SEED=%llu repeats the choices)\n", servers,
                options.seconds, static_cast<unsigned long long>(options.seed),
                static_cast<unsigned long long>(options.seed));

    live::LiveCluster cluster; // its destructor kills every server, pass or fail
    std::string error;
    ASSERT_NE(livetest::launchWithLeader(cluster, servers, error), 0) << error;

    ChaosRun run(cluster, options);
    ASSERT_TRUE(run.run()) << "clients did not finish: " << run.summary();
    std::printf("[ chaos    ] %s\n", run.summary().c_str());
    for (const std::string &p : run.problems())
        ADD_FAILURE() << p;

    // Healed: one leader, and a last write that commits everything before it.
    ASSERT_NE(live::findLeader(cluster, 20000), 0) << "no leader after healing\n"
                                                   << livetest::describeStatuses(cluster);
    const std::uint64_t last = livetest::writeValue(cluster, QStringLiteral("final"), QStringLiteral("done"), 20000);
    ASSERT_NE(last, 0u) << "the healed cluster took no write";
    ASSERT_TRUE(livetest::waitForCommit(cluster, last, 20000)) << "not every server caught up to " << last << "\n"
                                                               << livetest::describeStatuses(cluster);

    EXPECT_TRUE(cluster.unexpectedExits().isEmpty()) << livetest::describeExits(cluster);

    // The committed logs agree, entry for entry.
    std::vector<std::vector<LogEntry>> logs;
    for (int id = 1; id <= servers; ++id) {
        logs.push_back(livetest::fetchLog(cluster, id, last));
        ASSERT_EQ(logs.back().size(), last) << "S" << id << "'s log is short";
    }
    for (int id = 2; id <= servers; ++id)
        for (std::uint64_t i = 0; i < last; ++i)
            ASSERT_EQ(logs[static_cast<std::size_t>(id - 1)][i], logs[0][i])
                << "S" << id << " and S1 differ at committed index " << i + 1;

    // Every acknowledged write is at its index on every server...
    const auto &history = run.history();
    for (const livetest::Ack &ack : run.acks()) {
        ASSERT_GE(ack.index, 1u);
        ASSERT_LE(ack.index, last);
        const LogEntry &entry = logs[0][ack.index - 1];
        EXPECT_EQ(entry.command, ack.command)
            << "acknowledged write lost: " << raft::describeOperation(history[ack.op]);
        EXPECT_EQ(entry.term, ack.term) << "at index " << ack.index;
    }
    // ...and in real-time order: a write acknowledged before another began comes first.
    std::multimap<std::int64_t, std::uint64_t> byCompletion; // completion time -> index
    for (const livetest::Ack &ack : run.acks())
        byCompletion.emplace(history[ack.op].complete, ack.index);
    for (const livetest::Ack &ack : run.acks()) {
        const std::int64_t invoked = history[ack.op].invoke;
        for (auto it = byCompletion.begin(); it != byCompletion.end() && it->first < invoked; ++it)
            EXPECT_LT(it->second, ack.index) << raft::describeOperation(history[ack.op]);
    }

    // The clients' reads and writes are linearizable.
    const raft::LinearizabilityResult lin = raft::checkLinearizable(history);
    EXPECT_TRUE(lin.linearizable) << lin.explanation;
    EXPECT_TRUE(lin.conclusive) << "the checker ran out of steps (" << lin.steps << ")";

    // The run did what it claims: faults happened and clients got through.
    EXPECT_GE(run.kills(), 2);
    EXPECT_GE(run.leaderKills(), 1);
    EXPECT_GE(run.isolations(), 1);
    EXPECT_GE(run.acks().size(), 10u) << run.summary();
}

} // namespace

TEST(LiveCluster, ThreeServersUnderKillNine)
{
    chaosTest(3, 8);
}

TEST(LiveCluster, FiveServersUnderKillNine)
{
    chaosTest(5, 10);
}
