// StepBanner: the sentence that explains the step just taken.
#include "widgets/stepbanner.h"

#include "raft/history.h"
#include "widgets/eventtext.h"

#include <QImage>

#include <gtest/gtest.h>

using raft::EventKind;
using raft::TraceEvent;
using widgets::StepBanner;

TEST(StepBanner, ElectionWonIsTheHeadline)
{
    raft::History history(raft::ClusterConfig{.nodes = 5, .seed = 3});
    // Step one event at a time until a leader is elected, as a teacher would.
    std::size_t before = 0;
    std::pair<std::size_t, std::size_t> range;
    while (history.currentStep() < 100'000) {
        before = history.trace().size();
        ASSERT_TRUE(history.step());
        const auto &events = history.trace().events();
        bool won = false;
        for (std::size_t i = before; i < events.size(); ++i)
            won = won || events[i].kind == EventKind::BecameLeader;
        if (won) {
            range = {before, events.size()};
            break;
        }
    }
    ASSERT_LT(range.first, range.second);
    const raft::NodeId leader = history.simulation().leader().value_or(raft::kNoNode);
    ASSERT_NE(leader, raft::kNoNode);

    StepBanner banner;
    banner.resize(1280, banner.sizeHint().height());
    EXPECT_TRUE(banner.isEmpty());
    banner.showStep(history.trace(), range.first, range.second);
    ASSERT_FALSE(banner.isEmpty());
    EXPECT_EQ(banner.mainEvent().kind, EventKind::BecameLeader);
    EXPECT_TRUE(banner.mainText().contains(widgets::EventText::nodeText(leader))) << banner.mainText().toStdString();
    EXPECT_EQ(banner.sectionText(), QStringLiteral("§5.2"));
    EXPECT_FALSE(banner.mainText().contains(QStringLiteral("§"))); // the badge carries it
    EXPECT_EQ(banner.stepText(), QStringLiteral("Step %1").arg(history.currentStep()));
    EXPECT_EQ(banner.timeText(), widgets::EventText::timeText(static_cast<double>(history.simulation().now())));
    // The vote that made the majority came in the same step; it is worded below.
    if (range.second - range.first > 1) {
        EXPECT_FALSE(banner.detailText().isEmpty());
    }

    // Painting works, and clearing empties the band.
    QImage image(banner.size(), QImage::Format_ARGB32);
    banner.render(&image);
    banner.clear();
    EXPECT_TRUE(banner.isEmpty());
    EXPECT_TRUE(banner.mainText().isEmpty());
    EXPECT_TRUE(banner.sectionText().isEmpty());
}

TEST(StepBanner, MostImportantEventFirstTheRestCounted)
{
    // One step of a made-up trace: heartbeat noise around a refusal and a commit.
    raft::Trace trace;
    const auto add = [&](EventKind kind, raft::NodeId node, raft::Reason reason = raft::Reason::None) -> TraceEvent & {
        return trace.add(TraceEvent{.t = 1250, .step = 42, .kind = kind, .reason = reason, .node = node});
    };
    add(EventKind::HeartbeatTimeout, 1).term = 2;
    add(EventKind::AppendAccepted, 2, raft::Reason::Heartbeat).term = 2;
    TraceEvent &rejected = add(EventKind::AppendRejected, 3, raft::Reason::MissingEntry);
    rejected.peer = 1;
    rejected.index = 7;
    rejected.index2 = 4;
    TraceEvent &commit = add(EventKind::CommitAdvanced, 1, raft::Reason::Majority);
    commit.index = 6;
    commit.index2 = 5;
    commit.term = 2;
    add(EventKind::AppendAccepted, 4, raft::Reason::Heartbeat).term = 2;
    add(EventKind::AppendAccepted, 5, raft::Reason::Heartbeat).term = 2;
    add(EventKind::ReplicationAcked, 1).peer = 2;

    StepBanner banner;
    banner.resize(1280, banner.sizeHint().height());
    banner.showStep(trace, 0, trace.size());
    EXPECT_EQ(banner.mainEvent().kind, EventKind::CommitAdvanced);
    EXPECT_EQ(banner.sectionText(), widgets::EventText::section(trace.events()[3]));
    EXPECT_EQ(banner.stepText(), QStringLiteral("Step 42"));
    // Six others: the three most important are worded (the refusal, the ack, the
    // heartbeat timer), in the order they happened; the heartbeats accepted are counted.
    const QString detail = banner.detailText();
    EXPECT_TRUE(detail.endsWith(QStringLiteral("+3 more"))) << detail.toStdString();
    const qsizetype rejectedAt = detail.indexOf(widgets::EventText::describe(trace, trace.events()[2]));
    const qsizetype ackedAt = detail.indexOf(widgets::EventText::describe(trace, trace.events()[6]));
    EXPECT_GE(rejectedAt, 0);
    EXPECT_GT(ackedAt, rejectedAt);
    EXPECT_TRUE(detail.contains(widgets::EventText::describe(trace, trace.events()[0])));
    EXPECT_FALSE(detail.contains(widgets::EventText::describe(trace, trace.events()[1]))); // routine

    // A step of one event has no second line; a range past the end is clamped.
    banner.showStep(trace, 2, 3);
    EXPECT_EQ(banner.mainEvent().kind, EventKind::AppendRejected);
    EXPECT_TRUE(banner.detailText().isEmpty());
    EXPECT_EQ(banner.sectionText(), QStringLiteral("§5.3"));
    banner.showStep(trace, 6, 100);
    EXPECT_EQ(banner.mainEvent().kind, EventKind::ReplicationAcked);
    banner.showStep(trace, 100, 200);
    EXPECT_TRUE(banner.isEmpty());
}

TEST(StepBanner, KeepsItsOwnCopyOfTheEvents)
{
    raft::Trace trace;
    TraceEvent say{.t = 10, .step = 1, .kind = EventKind::Narration};
    say.text = trace.addText("Watch the leader");
    trace.add(say);
    StepBanner banner;
    banner.showStep(trace, 0, 1);
    trace.clear(); // the history moved on
    EXPECT_TRUE(banner.mainText().contains(QStringLiteral("Watch the leader")));
    banner.resize(900, banner.sizeHint().height());
    QImage image(banner.size(), QImage::Format_ARGB32);
    banner.render(&image);
    EXPECT_TRUE(banner.mainText().contains(QStringLiteral("Watch the leader")));
}

TEST(StepBanner, FlashesWhenTheSentenceChanges)
{
    raft::Trace trace;
    trace.add(TraceEvent{.t = 5, .step = 1, .kind = EventKind::NodeCrashed, .node = 2});
    trace.add(TraceEvent{.t = 9, .step = 2, .kind = EventKind::NodeRestarted, .node = 2});
    StepBanner banner;
    EXPECT_EQ(banner.flash().alpha(), 0);
    banner.showStep(trace, 0, 1);
    EXPECT_GT(banner.flash().alpha(), 0);
    EXPECT_EQ(banner.sectionText(), QStringLiteral("§5.5"));
    EXPECT_TRUE(banner.mainText().contains(QStringLiteral("S2")));
    // The same sentence again (a paused frame) does not flash anew.
    banner.setFlash(QColor(0, 0, 0, 0));
    banner.showStep(trace, 0, 1);
    EXPECT_EQ(banner.flash().alpha(), 0);
}
