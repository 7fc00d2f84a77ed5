#pragma once

#include "raft/message.h"
#include "raft/simulation.h"
#include "raft/trace.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace raft {
struct WordArg;
}

namespace widgets {

/// EventText words the simulation in the user's language: every raft::EventKind as a
/// sentence built from the event's structured fields, with the rule that applied and
/// the paper's section, plus the names of roles, statuses and RPCs. It is the one
/// place in the window that does so: the Events pane, the status bar and the
/// inspector all use it. The sentence and its values come from the core
/// (raft::wordingOf), the kinds' titles and sections from its catalogue
/// (raft/eventcatalog.h), so its English is raft::Trace::describe()'s; the other
/// languages come from the translation files (context raft::kWordingContext).
class EventText {
    Q_DECLARE_TR_FUNCTIONS(EventText)

public:
    /// describe words one event: "S3 denied its vote to S1 in term 4: S1's last log
    /// term 2 is older than S3's 3 (§5.4.1)".
    static QString describe(const raft::Trace &trace, const raft::TraceEvent &event);
    /// kindTitle is a short name for a kind of event ("Vote denied").
    static QString kindTitle(raft::EventKind kind);
    /// section is the paper's section for the event ("§5.4.1"), or "".
    static QString section(const raft::TraceEvent &event);
    /// nodesOf lists the servers an event concerns: its node, then its peer.
    static QList<raft::NodeId> nodesOf(const raft::TraceEvent &event);
    /// isRoutine tells whether an event is the steady background of a cluster: a
    /// heartbeat sent or accepted, a message lost because its receiver is down.
    static bool isRoutine(const raft::TraceEvent &event);
    /// reasonText is a reason's rule in a few words ("the candidate's last log term is older").
    static QString reasonText(raft::Reason reason);
    /// fieldsText lists the event's own fields with their names: "prevLogIndex 7 · entries 2".
    static QString fieldsText(const raft::Trace &trace, const raft::TraceEvent &event);

    /// nodeText names a server: "S3" ("—" for nobody).
    static QString nodeText(raft::NodeId id);
    /// roleText is "follower", "candidate" or "leader" in the user's language.
    static QString roleText(raft::Role role);
    /// statusText is "up", "crashed" or "paused" in the user's language.
    static QString statusText(raft::NodeStatus status);
    /// messageTypeText names an RPC: "RequestVote", "AppendEntries reply", …
    static QString messageTypeText(raft::MessageType type);
    /// timeText shows a virtual time (ticks, raft::Time, fractional between ticks)
    /// as seconds: "1.250 s".
    static QString timeText(double time);
    /// msText shows a virtual time or delay in milliseconds, with a decimal part only
    /// when it is not whole: "150", "0.25" (raft::formatMs).
    static QString msText(raft::Time time);
    /// commandText shows a client command, or "no-op" for the empty one.
    static QString commandText(const std::string &command);
    /// fill replaces each %1..%9 of a (translated) pattern by its arg, in one pass.
    static QString fill(const QString &pattern, const QStringList &args);

private:
    static QString sentence(const raft::Trace &trace, const raft::TraceEvent &event);
    /// argText shows one value of a sentence; text is the event's text.
    static QString argText(const raft::WordArg &arg, const QString &text);
};

} // namespace widgets
