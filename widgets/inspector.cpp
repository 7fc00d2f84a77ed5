#include "inspector.h"

#include "eventtext.h"
#include "selection.h"
#include "simulationsource.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

QString yesNo(bool value)
{
    return value ? Inspector::tr("yes") : Inspector::tr("no");
}

/// ms words a duration in ticks (raft::Time) as whole milliseconds.
QString ms(double ticks)
{
    return Inspector::tr("%1 ms").arg(std::llround(ticks / static_cast<double>(raft::kTicksPerMs)));
}

QString voteText(raft::VoteState vote)
{
    switch (vote) {
    case raft::VoteState::None: return Inspector::tr("not asked");
    case raft::VoteState::Requested: return Inspector::tr("asked, no answer yet");
    case raft::VoteState::Granted: return Inspector::tr("granted");
    case raft::VoteState::Denied: return Inspector::tr("denied");
    }
    return {};
}

QString lossText(raft::Reason reason)
{
    // Only the reasons a message is lost for (not a switch: Reason has many more).
    if (reason == raft::Reason::Partition)
        return Inspector::tr("a partition");
    if (reason == raft::Reason::LinkCut)
        return Inspector::tr("a cut link");
    if (reason == raft::Reason::RandomLoss)
        return Inspector::tr("random loss");
    if (reason == raft::Reason::DestinationCrashed)
        return Inspector::tr("the receiver is down");
    if (reason == raft::Reason::UserDropped)
        return Inspector::tr("dropped by you");
    return Inspector::tr("the network");
}

} // namespace

Inspector::Inspector(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("inspector"));
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setWordWrap(true);
    m_title->setMargin(6);
    updateTitleFont();

    m_tree->setObjectName(QStringLiteral("inspectorTree"));
    m_tree->setColumnCount(2);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(10);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setFocusPolicy(Qt::NoFocus);
    m_tree->setAlternatingRowColors(true);
    m_tree->setHeaderHidden(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_tree, 1);
    clear();
}

void Inspector::setSource(const SimulationSource *source)
{
    setSimulation(&source->simulation());
    connect(source, &SimulationSource::structureChanged, this, [this, source] {
        setSimulation(&source->simulation());
        if (m_selection)
            showSelection();
    });
    connect(source, &SimulationSource::advanced, this, &Inspector::onAdvanced);
}

void Inspector::setSelection(const Selection *selection)
{
    m_selection = selection;
    connect(selection, &Selection::changed, this, &Inspector::showSelection);
    showSelection();
}

void Inspector::setSimulation(const raft::Simulation *simulation)
{
    m_sim = simulation;
    clear();
}

void Inspector::showSelection()
{
    if (m_selection->message() != 0)
        showMessage(m_selection->message());
    else if (m_selection->node() != raft::kNoNode)
        showNode(m_selection->node());
    else
        followLeader();
}

void Inspector::followLeader()
{
    const raft::NodeId leader = m_sim ? m_sim->leader().value_or(raft::kNoNode) : raft::kNoNode;
    if (m_node == leader && (leader != raft::kNoNode || m_message == 0))
        return;
    if (leader == raft::kNoNode)
        clear();
    else
        showNode(leader);
}

void Inspector::onAdvanced(double displayTime)
{
    // Until the user picks something, the inspector shows the leader.
    if (m_selection && m_selection->isEmpty())
        followLeader();
    refresh(displayTime);
}

void Inspector::showNode(raft::NodeId id)
{
    m_message = 0;
    m_lastEnvelope.reset();
    m_node = id;
    if (id == raft::kNoNode)
        clear();
    else
        refresh(m_displayTime);
}

void Inspector::showMessage(std::uint64_t id)
{
    m_node = raft::kNoNode;
    m_message = id;
    m_lastEnvelope.reset();
    if (id == 0)
        clear();
    else
        refresh(m_displayTime);
}

void Inspector::clear()
{
    m_node = raft::kNoNode;
    m_message = 0;
    m_lastEnvelope.reset();
    m_title->setText(tr("Nothing selected"));
    m_tree->clear();
    m_rows.clear();
    auto *hint = new QTreeWidgetItem(m_tree);
    hint->setText(0, tr("Click a server or a message to see its fields."));
    hint->setFirstColumnSpanned(true);
    hint->setForeground(0, palette().brush(QPalette::PlaceholderText));
}

void Inspector::refresh(double displayTime)
{
    m_displayTime = displayTime;
    if (!m_sim)
        return;
    if (m_node != raft::kNoNode && m_node <= m_sim->size()) {
        const QString state = m_sim->status(m_node) == raft::NodeStatus::Up
            ? EventText::roleText(m_sim->role(m_node))
            : EventText::statusText(m_sim->status(m_node));
        show(tr("%1 — %2, term %3").arg(EventText::nodeText(m_node), state).arg(m_sim->term(m_node)),
             nodeRows(displayTime));
    } else if (m_node != raft::kNoNode) {
        // A server added later in the run, seen from before it was added: it stays
        // selected (forward again, it is back), but it has no fields here.
        show(tr("%1 does not exist at this moment: it is added later in the run").arg(EventText::nodeText(m_node)),
             {});
    } else if (m_message != 0) {
        if (const raft::Envelope *envelope = m_sim->network().find(m_message))
            m_lastEnvelope = *envelope;
        if (!m_lastEnvelope) {
            // Not in flight: perhaps it was just lost.
            for (const raft::LostMessage &lost : m_sim->recentlyLost())
                if (lost.envelope.id == m_message)
                    m_lastEnvelope = lost.envelope;
        }
        if (!m_lastEnvelope) {
            clear();
            return;
        }
        const raft::Message &m = m_lastEnvelope->message;
        show(tr("Message #%1: %2 %3 → %4")
                 .arg(m_message)
                 .arg(EventText::messageTypeText(m.type), EventText::nodeText(m.from), EventText::nodeText(m.to)),
             messageRows(displayTime));
    }
}

QString Inspector::configText(const raft::Configuration &c)
{
    const auto names = [](const std::vector<raft::NodeId> &ids) {
        QStringList list;
        for (raft::NodeId v : ids)
            list << EventText::nodeText(v);
        return list.join(QLatin1Char(' '));
    };
    QString text = c.isJoint() ? tr("C_old,new: new %1, old %2").arg(names(c.voters), names(c.old))
                               : tr("%1: %2").arg(QString::fromStdString(c.label()), names(c.voters));
    if (!c.learners.empty())
        text += tr(" + learners %1").arg(names(c.learners));
    return text;
}

QList<Inspector::Row> Inspector::nodeRows(double displayTime) const
{
    QList<Row> rows;
    const raft::NodeId id = m_node;
    const raft::Server &server = m_sim->server(id);
    const raft::Node *node = m_sim->node(id);
    const raft::Log &log = m_sim->log(id);

    rows.append({tr("State"), {}, true});
    rows.append({tr("Status"), EventText::statusText(server.status)});
    rows.append({tr("Role"), EventText::roleText(m_sim->role(id))});
    rows.append({tr("currentTerm"), QString::number(m_sim->term(id))});
    const raft::NodeId votedFor = node ? node->votedFor() : server.storage.votedFor;
    rows.append(
        {tr("votedFor"), votedFor == raft::kNoNode ? tr("nobody in this term") : EventText::nodeText(votedFor)});
    if (node) {
        rows.append({tr("Leader it knows"),
                     node->leaderHint() == raft::kNoNode ? tr("none") : EventText::nodeText(node->leaderHint())});
        rows.append({tr("commitIndex"), QString::number(node->commitIndex())});
        rows.append({tr("lastApplied"), QString::number(node->lastApplied())});
    } else {
        rows.append({tr("commitIndex"), tr("lost in the crash (volatile)")});
        rows.append({tr("lastApplied"), tr("lost in the crash (volatile)")});
    }
    rows.append({tr("Log length"), tr("%1 (last term %2)").arg(log.lastIndex()).arg(log.lastTerm())});

    // §6: the configuration this server uses (the newest in its log, committed or not),
    // and how it stands in the cluster's.
    const raft::Configuration believed = m_sim->configurationOf(id);
    rows.append({tr("Configuration (§6)"), {}, true});
    rows.append({tr("In force here"), believed.empty() ? tr("none: a spare server") : configText(believed)});
    if (node && node->configurationIndex() > 0)
        rows.append({tr("From entry"),
                     node->configurationIndex() <= node->commitIndex()
                         ? tr("%1 (committed)").arg(node->configurationIndex())
                         : tr("%1 (not committed yet)").arg(node->configurationIndex())});
    QString standing;
    switch (m_sim->memberState(id)) {
    case raft::MemberState::Voter: standing = tr("voter"); break;
    case raft::MemberState::Learner:
        if (const std::optional<raft::CatchUp> c = m_sim->catchUp(id))
            standing = tr("learner, catching up %1/%2").arg(c->match).arg(c->of);
        else
            standing = tr("learner");
        break;
    case raft::MemberState::Spare: standing = tr("spare: in no configuration"); break;
    case raft::MemberState::Removed: standing = tr("removed (§4.2.2)"); break;
    }
    rows.append({tr("Membership"), standing});

    if (node) {
        const bool paused = server.status == raft::NodeStatus::Paused;
        // A paused server's timers are frozen at the moment it was paused.
        const double now = paused ? static_cast<double>(server.pausedAt) : displayTime;
        if (node->role() == raft::Role::Leader) {
            const double left = static_cast<double>(node->heartbeatDeadline()) - now;
            rows.append({tr("Next heartbeat"), tr("in %1").arg(ms(std::max(0.0, left)))});
        } else {
            const double left = static_cast<double>(node->electionDeadline()) - now;
            QString text =
                tr("in %1 (of %2)").arg(ms(std::max(0.0, left)), ms(static_cast<double>(node->electionTimeout())));
            if (paused)
                text = tr("frozen, %1 left").arg(ms(std::max(0.0, left)));
            rows.append({tr("Election timeout"), text});
        }
    } else {
        rows.append({tr("Election timeout"), tr("not running (crashed)")});
    }

    // Reads (§6.4): the ones this server was asked, the last few first.
    const auto &reads = m_sim->reads();
    int shown = 0;
    for (auto it = reads.rbegin(); it != reads.rend() && shown < 3; ++it) {
        if (it->node != id)
            continue;
        if (shown++ == 0)
            rows.append({tr("Reads (§6.4)"), {}, true});
        const QString value = it->answeredAt ? (it->value ? QString::fromStdString(*it->value) : tr("(none)"))
                                             : QString::fromStdString(it->why);
        rows.append({tr("read #%1 of %2").arg(it->id).arg(QString::fromStdString(it->key)), value});
    }

    if (node && node->role() == raft::Role::Leader) {
        rows.append({tr("Replication (leader's view, Figure 2)"), {}, true});
        for (raft::NodeId peer = 1; peer <= m_sim->size(); ++peer) {
            if (peer == id)
                continue;
            // Flow control: why the leader does not resend everything (raft/progress.h).
            const raft::Progress &p = node->progress(peer);
            QString flow;
            if (p.state == raft::FlowState::Snapshot)
                flow = tr("snapshot: sending its snapshot up to index %1 (%2 of %3 bytes confirmed)")
                           .arg(p.pendingSnapshot)
                           .arg(p.snapshotOffset)
                           .arg(node->snapshot().data.size());
            else if (p.state == raft::FlowState::Probe)
                flow = p.probeSent ? tr("probe: waiting for the answer before sending more")
                                   : tr("probe: finding where the logs match");
            else
                flow = p.inflightCount > 0
                    ? tr("replicate: %n batch(es) in flight, not resent", nullptr, p.inflightCount)
                    : tr("replicate: up to date, heartbeats only");
            rows.append({EventText::nodeText(peer),
                         tr("nextIndex %1, matchIndex %2; %3").arg(p.nextIndex).arg(p.matchIndex).arg(flow)});
        }
    } else if (node && node->role() == raft::Role::Candidate) {
        rows.append({tr("Votes in term %1: %2 of %3 needed").arg(node->term()).arg(node->votes()).arg(node->quorum()),
                     {},
                     true});
        for (raft::NodeId peer = 1; peer <= m_sim->size(); ++peer) {
            if (peer == id)
                continue;
            rows.append({EventText::nodeText(peer), voteText(node->progress(peer).vote)});
        }
    }

    const auto &store = server.kv.data();
    rows.append({tr("Key/value store (keys: %1)").arg(store.size()), {}, true});
    if (store.empty()) {
        rows.append({tr("(empty)"), {}});
    } else {
        for (const auto &[key, value] : store)
            rows.append({QString::fromStdString(key), QString::fromStdString(value)});
    }

    // §7: the snapshot that replaced the log's prefix, and what it holds.
    const raft::Snapshot &snapshot = node ? node->snapshot() : server.storage.snapshot;
    if (!snapshot.empty()) {
        rows.append({tr("Snapshot (§7)"), {}, true});
        rows.append({tr("lastIncludedIndex"), QString::number(snapshot.index)});
        rows.append({tr("lastIncludedTerm"), QString::number(snapshot.term)});
        rows.append({tr("Configuration"), configText(snapshot.config)});
        raft::KvStore contents;
        if (contents.decode(snapshot.data)) {
            rows.append({tr("State machine"),
                         tr("%n key(s), %1 bytes", nullptr, static_cast<int>(contents.data().size()))
                             .arg(snapshot.data.size())});
            for (const auto &[key, value] : contents.data())
                rows.append({QStringLiteral("  ") + QString::fromStdString(key), QString::fromStdString(value)});
        }
    }
    if (node && node->incomingSnapshot().index != 0) {
        rows.append({tr("Receiving a snapshot"),
                     tr("up to index %1: %2 bytes so far")
                         .arg(node->incomingSnapshot().index)
                         .arg(node->incomingSnapshot().data.size())});
    }

    if (!log.empty()) {
        rows.append({tr("Last entries"), {}, true});
        const raft::Index first = log.lastIndex() >= log.firstIndex() + 5 ? log.lastIndex() - 4 : log.firstIndex();
        const raft::Index commit = m_sim->commitIndex(id);
        for (raft::Index i = log.lastIndex(); i >= first; --i) {
            const raft::Entry &entry = log.at(i);
            rows.append(
                {tr("index %1").arg(i),
                 tr("term %1 · %2%3")
                     .arg(entry.term)
                     .arg(EventText::commandText(entry.command), i <= commit ? tr(" · committed") : QString())});
        }
    }
    return rows;
}

QList<Inspector::Row> Inspector::messageRows(double displayTime) const
{
    QList<Row> rows;
    const raft::Envelope &envelope = *m_lastEnvelope;
    const raft::Message &m = envelope.message;
    const bool inFlight = m_sim->network().find(envelope.id) != nullptr;

    rows.append({tr("RPC"), {}, true});
    rows.append({tr("Type"), EventText::messageTypeText(m.type)});
    rows.append({tr("From"), EventText::nodeText(m.from)});
    rows.append({tr("To"), EventText::nodeText(m.to)});
    rows.append({tr("term"), QString::number(m.term)});
    switch (m.type) {
    case raft::MessageType::RequestVote:
    case raft::MessageType::PreVote:
        rows.append({tr("lastLogIndex"), QString::number(m.lastLogIndex)});
        rows.append({tr("lastLogTerm"), QString::number(m.lastLogTerm)});
        break;
    case raft::MessageType::RequestVoteReply:
    case raft::MessageType::PreVoteReply: rows.append({tr("voteGranted"), yesNo(m.voteGranted)}); break;
    case raft::MessageType::TimeoutNow: break;
    case raft::MessageType::AppendEntries:
        rows.append({tr("prevLogIndex"), QString::number(m.prevLogIndex)});
        rows.append({tr("prevLogTerm"), QString::number(m.prevLogTerm)});
        rows.append({tr("entries"), m.entries.empty() ? tr("none — a heartbeat") : QString::number(m.entries.size())});
        rows.append({tr("leaderCommit"), QString::number(m.leaderCommit)});
        break;
    case raft::MessageType::InstallSnapshot:
        // Figure 13's arguments.
        rows.append({tr("lastIncludedIndex"), QString::number(m.lastIncludedIndex)});
        rows.append({tr("lastIncludedTerm"), QString::number(m.lastIncludedTerm)});
        rows.append({tr("offset"), QString::number(m.snapshotOffset)});
        rows.append({tr("data"), tr("%1 of %2 bytes").arg(m.chunk->data.size()).arg(m.chunk->snapshotSize)});
        rows.append({tr("done"), yesNo(m.chunk->done)});
        break;
    case raft::MessageType::InstallSnapshotReply:
        rows.append({tr("lastIncludedIndex"), QString::number(m.lastIncludedIndex)});
        rows.append({tr("bytes received"), QString::number(m.snapshotOffset)});
        rows.append({tr("installed"), yesNo(m.success)});
        if (m.success)
            rows.append({tr("matchIndex"), QString::number(m.matchIndex)});
        break;
    case raft::MessageType::AppendEntriesReply:
        rows.append({tr("success"), yesNo(m.success)});
        if (m.success) {
            rows.append({tr("matchIndex"), QString::number(m.matchIndex)});
        } else {
            rows.append({tr("rejectedIndex"), QString::number(m.rejectedIndex)});
            rows.append({tr("conflictTerm"), QString::number(m.conflictTerm)});
            rows.append({tr("conflictIndex"), QString::number(m.conflictIndex)});
        }
        break;
    }

    rows.append({tr("In the network"), {}, true});
    rows.append({tr("Sent at"), EventText::timeText(static_cast<double>(envelope.sentAt))});
    rows.append({tr("Due at"), EventText::timeText(static_cast<double>(envelope.deliverAt))});
    QString state;
    if (!inFlight) {
        state = tr("no longer in flight (delivered or lost)");
        for (const raft::LostMessage &lost : m_sim->recentlyLost())
            if (lost.envelope.id == envelope.id)
                state = tr("lost at %1: %2")
                            .arg(EventText::timeText(static_cast<double>(lost.lostAt)), lossText(lost.reason));
    } else if (envelope.held) {
        state = tr("held at %1's door until you deliver it").arg(EventText::nodeText(m.to));
    } else if (envelope.waiting) {
        state = tr("waiting at %1's door (it is paused)").arg(EventText::nodeText(m.to));
    } else if (envelope.doomed) {
        state = tr("in flight, but it will be lost (%1)").arg(lossText(envelope.lossReason));
    } else {
        const double span = static_cast<double>(envelope.deliverAt - envelope.sentAt);
        const double done = span > 0 ? (displayTime - static_cast<double>(envelope.sentAt)) / span : 1.0;
        state = tr("in flight, %1% of the way").arg(std::clamp(static_cast<int>(done * 100.0), 0, 100));
    }
    rows.append({tr("State"), state});
    rows.append({tr("Copy made by the network"), yesNo(envelope.duplicate)});

    if (!m.entries.empty()) {
        rows.append({tr("Entries carried"), {}, true});
        raft::Index index = m.prevLogIndex;
        for (const raft::Entry &entry : m.entries) {
            ++index;
            rows.append({tr("index %1").arg(index),
                         tr("term %1 · %2").arg(entry.term).arg(EventText::commandText(entry.command))});
        }
    }
    return rows;
}

void Inspector::show(const QString &title, const QList<Row> &rows)
{
    m_title->setText(title);
    if (rows.size() == m_rows.size()) {
        // Same shape as before: update the texts in place (cheap at 60 frames a second).
        bool sameShape = true;
        for (int i = 0; i < rows.size() && sameShape; ++i)
            sameShape = rows[i].isSection == m_rows[i].isSection;
        if (sameShape && m_tree->topLevelItemCount() == rows.size()) {
            for (int i = 0; i < rows.size(); ++i) {
                if (rows[i] == m_rows[i])
                    continue;
                QTreeWidgetItem *item = m_tree->topLevelItem(i);
                item->setText(0, rows[i].field);
                item->setText(1, rows[i].value);
            }
            m_rows = rows;
            return;
        }
    }
    m_tree->clear();
    QFont sectionFont = m_tree->font();
    sectionFont.setBold(true);
    for (const Row &row : rows) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, row.field);
        item->setText(1, row.value);
        if (row.isSection) {
            item->setFirstColumnSpanned(true);
            item->setFont(0, sectionFont);
            item->setBackground(0, palette().brush(QPalette::Button));
        }
    }
    m_rows = rows;
}

QStringList Inspector::lines() const
{
    QStringList out;
    out.append(m_title->text());
    for (const Row &row : m_rows)
        out.append(row.isSection ? row.field : tr("%1: %2").arg(row.field, row.value));
    return out;
}

void Inspector::updateTitleFont()
{
    // A little larger than the rest, whatever the Text Size setting made of the rest.
    QFont titleFont = font();
    titleFont.setBold(true);
    if (titleFont.pixelSize() > 0)
        titleFont.setPixelSize(titleFont.pixelSize() * 11 / 10);
    else
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
}

void Inspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateTitleFont();
        m_rows.clear(); // the section rows' bold font is made from the tree's
        if (m_node != raft::kNoNode || m_message != 0)
            refresh(m_displayTime);
    }
    if (event->type() == QEvent::LanguageChange) {
        m_rows.clear();
        if (m_node == raft::kNoNode && m_message == 0)
            clear();
        else
            refresh(m_displayTime);
    }
    QWidget::changeEvent(event);
}

} // namespace widgets
