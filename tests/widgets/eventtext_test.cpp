// EventText: the window's words for every kind of event and every reason, in English
// (the core's own sentences, raft::Trace::describe) and in Chinese (the translation of
// the same patterns), each naming the same servers and numbers.
#include "widgets/eventtext.h"

#include "../raft/eventsamples.h"
#include "app/language.h"
#include "raft/eventwording.h"
#include "widgets/eventmodel.h"

#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

using raft::EventKind;
using raft::Reason;
using raft::TraceEvent;
using raft::samples::allKinds;
using raft::samples::reasonsOf;
using raft::samples::sample;
using widgets::EventText;

namespace {

/// LanguageScope switches the interface language for one test and back to English.
class LanguageScope {
public:
    explicit LanguageScope(const QString &code) { m_ok = Language::apply(code); }
    ~LanguageScope() { Language::apply(QStringLiteral("en")); }
    LanguageScope(const LanguageScope &) = delete;
    LanguageScope &operator=(const LanguageScope &) = delete;
    bool ok() const { return m_ok; }

private:
    bool m_ok = false;
};

/// tokens lists the server names ("S3") and numbers ("113") a sentence mentions.
QSet<QString> tokens(const QString &text)
{
    static const QRegularExpression token(QStringLiteral("S[0-9]+|[0-9]+"));
    QSet<QString> out;
    for (const QRegularExpressionMatch &m : token.globalMatch(text))
        out.insert(m.captured());
    return out;
}

/// forEachSample calls f with every kind, each reason it may carry, and 0, 1 and 2
/// entries (the sentences that count).
template <typename F> void forEachSample(F f)
{
    for (EventKind kind : allKinds())
        for (Reason reason : reasonsOf(raft::infoOf(kind)))
            for (std::uint64_t entries : {0, 1, 2}) {
                raft::Trace trace;
                const TraceEvent e = sample(trace, kind, reason, entries);
                f(trace, e, std::string(raft::infoOf(kind).name) + "/" + raft::reasonName(reason));
            }
}

} // namespace

TEST(EventText, EveryKindAndReasonReadsInEnglishAsTheTrace)
{
    LanguageScope english(QStringLiteral("en"));
    forEachSample([](const raft::Trace &trace, const TraceEvent &e, const std::string &what) {
        const QString text = EventText::describe(trace, e);
        EXPECT_FALSE(text.isEmpty()) << what;
        EXPECT_EQ(text.toStdString(), trace.describe(e)) << what;
    });
    for (EventKind kind : allKinds())
        EXPECT_EQ(EventText::kindTitle(kind).toStdString(), raft::infoOf(kind).title);
}

TEST(EventText, EveryKindAndReasonReadsInChineseWithTheSameServersAndNumbers)
{
    LanguageScope chinese(QStringLiteral("zh_CN"));
    ASSERT_TRUE(chinese.ok()) << "the Chinese translation is not in the program";
    forEachSample([](const raft::Trace &trace, const TraceEvent &e, const std::string &what) {
        const QString english = QString::fromStdString(trace.describe(e));
        const QString text = EventText::describe(trace, e);
        EXPECT_FALSE(text.isEmpty()) << what;
        if (e.kind != EventKind::Narration) {
            EXPECT_NE(text, english) << what << " is not translated: " << english.toStdString();
        }
        EXPECT_FALSE(text.contains(QRegularExpression(QStringLiteral("%[0-9]")))) << what << ": " << text.toStdString();
        const QSet<QString> said = tokens(text);
        for (const QString &token : tokens(english))
            EXPECT_TRUE(said.contains(token)) << what << ": the Chinese omits " << token.toStdString() << "\n  "
                                              << english.toStdString() << "\n  " << text.toStdString();
    });
    // Every title and every rule in Chinese, none left in English.
    for (EventKind kind : allKinds()) {
        const QString title = EventText::kindTitle(kind);
        EXPECT_FALSE(title.isEmpty());
        EXPECT_NE(title.toStdString(), raft::infoOf(kind).title) << raft::eventKindName(kind);
    }
    for (std::size_t i = 0; i < raft::kReasonCount; ++i) {
        const auto reason = static_cast<Reason>(i);
        EXPECT_NE(EventText::reasonText(reason).toStdString(), raft::infoOf(reason).meaning)
            << raft::reasonName(reason);
    }
    for (std::size_t i = 0; i < raft::kMessageTypeCount; ++i)
        EXPECT_FALSE(EventText::messageTypeText(static_cast<raft::MessageType>(i)).isEmpty());
    EXPECT_EQ(EventText::messageTypeText(raft::MessageType::RequestVoteReply), QStringLiteral("RequestVote 回复"));
}

TEST(EventText, ServersAndFieldsComeFromTheCatalogue)
{
    LanguageScope english(QStringLiteral("en"));
    raft::Trace trace;
    // A vote refused because the voter already voted: the voter, the candidate, and
    // the server it voted for.
    const TraceEvent denied = sample(trace, EventKind::VoteDenied, Reason::AlreadyVoted);
    EXPECT_EQ(EventText::nodesOf(denied), (QList<raft::NodeId>{3, 5, 4}));
    const TraceEvent partition = sample(trace, EventKind::NetworkChanged, Reason::Partition);
    EXPECT_TRUE(EventText::nodesOf(partition).isEmpty());

    const TraceEvent accepted = sample(trace, EventKind::AppendAccepted, Reason::None);
    const QString fields = EventText::fieldsText(trace, accepted);
    EXPECT_TRUE(fields.contains(QStringLiteral("prevLogIndex 113"))) << fields.toStdString();
    EXPECT_TRUE(fields.contains(QStringLiteral("entries 2"))) << fields.toStdString();
    EXPECT_TRUE(fields.contains(QStringLiteral("peer S5"))) << fields.toStdString();
    EXPECT_FALSE(fields.contains(QStringLiteral("set x 1"))) << "the text is the sentence's, not a field";
    EXPECT_EQ(EventText::reasonText(Reason::LogTermOlder), QStringLiteral("the candidate's last log term is older"));

    EXPECT_TRUE(EventText::isRoutine(sample(trace, EventKind::AppendAccepted, Reason::Heartbeat, 0)));
    EXPECT_FALSE(EventText::isRoutine(accepted));
    EXPECT_EQ(EventText::section(sample(trace, EventKind::AppendRejected, Reason::StaleTerm)), QStringLiteral("§5.1"));
}

TEST(EventText, TheEventsPaneShowsTheCataloguesFacts)
{
    LanguageScope english(QStringLiteral("en"));
    raft::Simulation sim(raft::ClusterConfig{.nodes = 3, .seed = 5});
    sim.runFor(raft::fromMs(2000));
    EXPECT_TRUE(sim.isolate(2));
    widgets::EventModel model;
    model.setSimulation(&sim);
    ASSERT_GT(model.rowCount(), 0);
    bool sawLeader = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const TraceEvent &e = model.event(row);
        const QString tip = model.index(row, widgets::EventModel::EventColumn).data(Qt::ToolTipRole).toString();
        EXPECT_TRUE(tip.contains(EventText::kindTitle(e.kind))) << tip.toStdString();
        if (e.reason != Reason::None) {
            EXPECT_TRUE(tip.contains(QStringLiteral("Rule: ") + EventText::reasonText(e.reason))) << tip.toStdString();
        }
        const QVariant font = model.index(row, widgets::EventModel::EventColumn).data(Qt::FontRole);
        const QVariant tint = model.index(row, widgets::EventModel::EventColumn).data(Qt::BackgroundRole);
        const raft::Importance importance = raft::importanceOf(e);
        EXPECT_EQ(font.isValid(), importance == raft::Importance::Headline) << raft::eventKindName(e.kind);
        EXPECT_EQ(tint.isValid(), importance >= raft::Importance::Key) << raft::eventKindName(e.kind);
        if (e.kind == EventKind::BecameLeader) {
            sawLeader = true;
            EXPECT_TRUE(tip.contains(QStringLiteral("votes "))) << tip.toStdString();
        }
    }
    EXPECT_TRUE(sawLeader);
    // The isolation is a key event: tinted, with the faults that remain in its fields.
    const TraceEvent &isolated = model.event(model.rowCount() - 1);
    ASSERT_EQ(isolated.kind, EventKind::NetworkChanged);
    const QString tip =
        model.index(model.rowCount() - 1, widgets::EventModel::EventColumn).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("cutLinks 4"))) << tip.toStdString();
}
