// LiveMirror without processes: records as a watcher receives them, and what the
// mirrored world shows for them.
#include "app/live/livemirror.h"

#include <QJsonArray>

#include <gtest/gtest.h>

namespace {

using live::LiveMirror;

QJsonObject status(const char *role, int term, const QJsonValue &leader, int logLength, int lastLogTerm, int commit)
{
    return QJsonObject{{"role", role},          {"term", term},           {"leader", leader},
                       {"votedFor", leader},    {"logLength", logLength}, {"lastLogTerm", lastLogTerm},
                       {"commitIndex", commit}, {"lastApplied", commit},  {"electionTimeout", 1500},
                       {"electionDueMs", 700}};
}

QJsonObject message(const char *dir, int id, const char *type, int from, int to, int term)
{
    return QJsonObject{{"dir", dir},
                       {"id", id},
                       {"type", type},
                       {"from", QStringLiteral("S%1").arg(from)},
                       {"to", QStringLiteral("S%1").arg(to)},
                       {"term", term}};
}

live::MirrorTiming timing()
{
    return live::MirrorTiming{3, 1000, 2000, 300};
}

TEST(LiveMirror, StatusReportsBecomeRolesTermsAndLogs)
{
    LiveMirror m(timing());
    // Before any report a server is unknown: drawn crashed.
    EXPECT_EQ(m.simulation().status(1), raft::NodeStatus::Crashed);
    m.apply(LiveMirror::record(10, 1, "hello", status("leader", 2, "S1", 1, 2, 1)));
    m.apply(LiveMirror::record(11, 2, "hello", status("follower", 2, QJsonObject{{"id", 1}}, 0, 0, 0)));
    EXPECT_EQ(m.simulation().status(1), raft::NodeStatus::Up);
    EXPECT_EQ(m.simulation().role(1), raft::Role::Leader);
    EXPECT_EQ(m.simulation().term(2), 2u);
    EXPECT_EQ(m.simulation().node(2)->leaderHint(), 1);
    EXPECT_EQ(m.simulation().leader(), std::optional<raft::NodeId>(1));
    // The mirror lacks S1's entry: it asks for it from index 1, then has it.
    EXPECT_EQ(m.logWanted(1), 1u);
    const QJsonArray entries{QJsonObject{{"index", 1}, {"term", 2}, {"command", "set x 1"}}};
    m.apply(LiveMirror::record(12, 1, "log", QJsonObject{{"from", 1}, {"lastIndex", 1}, {"entries", entries}}));
    EXPECT_EQ(m.logWanted(1), 0u);
    ASSERT_EQ(m.simulation().log(1).lastIndex(), 1u);
    EXPECT_EQ(m.simulation().log(1).at(1).command, "set x 1");
    EXPECT_EQ(m.simulation().commitIndex(1), 1u);
    ASSERT_NE(m.simulation().server(1).kv.value("x"), nullptr);
    // The election timer drawn is the one reported: 700 ms left of 1500.
    EXPECT_EQ(m.simulation().node(2)->electionDeadline(), raft::fromMs(11 + 700));
    EXPECT_EQ(m.simulation().node(2)->electionTimeout(), raft::fromMs(1500));
}

TEST(LiveMirror, MessagesFlyUntilReceivedAndDieWhereCut)
{
    LiveMirror m(timing());
    m.apply(LiveMirror::record(0, 1, "hello", status("leader", 1, "S1", 0, 0, 0)));
    m.apply(LiveMirror::record(0, 2, "hello", status("follower", 1, "S1", 0, 0, 0)));
    m.apply(LiveMirror::record(100, 1, "message", message("sent", 7, "AppendEntries", 1, 2, 1)));
    ASSERT_EQ(m.simulation().network().size(), 1u);
    const raft::Envelope *e = m.simulation().network().envelopes().front();
    EXPECT_EQ(e->sentAt, raft::fromMs(100));
    EXPECT_EQ(e->deliverAt, raft::fromMs(100) + m.flight());
    // Received at once in reality; drawn until its flight ends.
    m.apply(LiveMirror::record(101, 2, "message", message("received", 7, "AppendEntries", 1, 2, 1)));
    EXPECT_EQ(m.simulation().network().size(), 1u);
    m.setClock(100.0 + raft::toMsDouble(m.flight()));
    EXPECT_EQ(m.simulation().network().size(), 0u);
    EXPECT_EQ(m.simulation().stats().messagesDelivered, 1u);

    // S2 drops what it receives from S1: the link S1 -> S2 is cut, and the message in
    // flight dies.
    const QJsonObject cut{
        {"kind", "NetworkChanged"}, {"node", "S1"}, {"peer", "S2"}, {"reason", "LinkCut"}, {"links", 0}};
    m.apply(LiveMirror::record(500, 2, "event", cut));
    EXPECT_TRUE(m.simulation().network().isCut(1, 2));
    EXPECT_FALSE(m.simulation().network().isCut(2, 1));
    m.apply(LiveMirror::record(510, 1, "message", message("sent", 8, "AppendEntries", 1, 2, 1)));
    const QJsonObject lost{
        {"kind", "MessageLost"}, {"node", "S1"}, {"peer", "S2"}, {"reason", "LinkCut"}, {"message", "AppendEntries"}};
    m.apply(LiveMirror::record(511, 2, "event", lost));
    EXPECT_EQ(m.simulation().network().size(), 0u);
    ASSERT_EQ(m.simulation().recentlyLost().size(), 1u);
    EXPECT_EQ(m.simulation().recentlyLost().front().reason, raft::Reason::LinkCut);
    // The trace holds the servers' events, one step each, in the order received.
    const raft::Trace &trace = m.history().trace();
    ASSERT_EQ(trace.size(), 2u + 2u); // two NodeRestarted (first sight) + cut + lost
    EXPECT_EQ(trace.events().back().kind, raft::EventKind::MessageLost);
    EXPECT_EQ(m.history().visibleEvents(), trace.size());
}

TEST(LiveMirror, CrashKeepsStableStorageAndHelloBringsItBack)
{
    LiveMirror m(timing());
    m.apply(LiveMirror::record(0, 3, "hello", status("leader", 4, "S3", 0, 0, 0)));
    m.apply(LiveMirror::record(50, 3, "process", QJsonObject{{"state", "crashed"}}));
    EXPECT_EQ(m.simulation().status(3), raft::NodeStatus::Crashed);
    EXPECT_EQ(m.simulation().term(3), 4u);
    EXPECT_FALSE(m.simulation().leader().has_value());
    // A late status report of the dead process does not bring it back; a hello does.
    m.apply(LiveMirror::record(51, 3, "status", status("leader", 4, "S3", 0, 0, 0)));
    EXPECT_EQ(m.simulation().status(3), raft::NodeStatus::Crashed);
    m.apply(LiveMirror::record(900, 3, "hello", status("follower", 4, QJsonValue(), 0, 0, 0)));
    EXPECT_EQ(m.simulation().status(3), raft::NodeStatus::Up);
    EXPECT_EQ(m.simulation().role(3), raft::Role::Follower);
    EXPECT_EQ(m.history().trace().events().back().kind, raft::EventKind::NodeRestarted);
}

TEST(LiveMirror, RecordingReplaysToTheSameWorld)
{
    LiveMirror m(timing());
    m.apply(LiveMirror::record(0, 1, "hello", status("leader", 1, "S1", 0, 0, 0)));
    m.apply(LiveMirror::record(5, 2, "hello", status("follower", 1, "S1", 0, 0, 0)));
    m.apply(LiveMirror::record(9, 1, "message", message("sent", 1, "AppendEntries", 1, 2, 1)));
    live::MirrorTiming t;
    std::vector<QJsonObject> records;
    QString error;
    ASSERT_TRUE(LiveMirror::parseRecording(m.recording(), &t, &records, &error)) << error.toStdString();
    EXPECT_EQ(t.servers, 3);
    EXPECT_EQ(t.heartbeatMs, 300);
    LiveMirror again(t);
    for (const QJsonObject &r : records)
        ASSERT_TRUE(again.apply(r));
    EXPECT_TRUE(again.simulation() == m.simulation());
    EXPECT_TRUE(again.history().trace() == m.history().trace());
    // A damaged file names its line.
    QByteArray bad = m.recording();
    bad += "{not json\n";
    records.clear();
    EXPECT_FALSE(LiveMirror::parseRecording(bad, &t, &records, &error));
    EXPECT_TRUE(error.startsWith("line 5:")) << error.toStdString();
}

} // namespace

namespace {

QJsonObject networkChanged(int node, int peer, const char *reason, int links)
{
    return QJsonObject{{"kind", "NetworkChanged"},
                       {"node", QStringLiteral("S%1").arg(node)},
                       {"peer", QStringLiteral("S%1").arg(peer)},
                       {"reason", reason},
                       {"links", links}};
}

TEST(LiveMirror, DropsThatSplitTheServersAreDrawnAsAPartition)
{
    LiveMirror m(timing());
    for (int id = 1; id <= 3; ++id)
        m.apply(LiveMirror::record(0, id, "hello", status("follower", 1, QJsonValue(), 0, 0, 0)));
    // S1 drops all traffic with S2 and S3 (Isolate): S1 on one side, S2 and S3 on the other.
    m.apply(LiveMirror::record(10, 1, "event", networkChanged(1, 2, "LinkCut", 1)));
    m.apply(LiveMirror::record(11, 1, "event", networkChanged(1, 3, "LinkCut", 1)));
    const raft::Network &net = m.simulation().network();
    EXPECT_NE(net.groupOf(1), 0);
    EXPECT_NE(net.groupOf(1), net.groupOf(2));
    EXPECT_EQ(net.groupOf(2), net.groupOf(3));
    EXPECT_EQ(net.cutLinkCount(), 0);
    EXPECT_FALSE(net.canReach(2, 1));
    // Healed, then one direction cut: a cut link, no sides.
    m.apply(LiveMirror::record(20, 1, "event", networkChanged(1, 2, "Healed", 1)));
    m.apply(LiveMirror::record(21, 1, "event", networkChanged(1, 3, "Healed", 1)));
    m.apply(LiveMirror::record(22, 2, "event", networkChanged(2, 3, "LinkCut", 0)));
    EXPECT_EQ(net.groupOf(1), 0);
    EXPECT_EQ(net.cutLinkCount(), 1);
    EXPECT_TRUE(net.isCut(2, 3));
    EXPECT_FALSE(net.isCut(3, 2));
    // A restarted server has forgotten its drops (its hello says it is a new process).
    m.apply(LiveMirror::record(30, 2, "hello", status("follower", 1, QJsonValue(), 0, 0, 0)));
    EXPECT_FALSE(net.hasFaults());
}

} // namespace
