#include "widgets/clustertooltips.h"

#include "widgets/clusternodepainter.h"

#include <cmath>

namespace widgets {

QString ClusterToolTips::text(const raft::Simulation &sim, const ClusterHit &hit)
{
    switch (hit.kind) {
    case ClusterHit::Kind::Node: return node(sim, hit.node);
    case ClusterHit::Kind::Message: return message(sim, hit.message());
    case ClusterHit::Kind::Link: return link(sim, hit.link.first, hit.link.second);
    case ClusterHit::Kind::Wall:
    case ClusterHit::Kind::Background: return background();
    }
    return {};
}

QString ClusterToolTips::background()
{
    return tr("Drag to select servers (Ctrl-click adds or removes one)\n"
              "Pan: middle button, or hold Shift and drag\n"
              "Drag a server onto another side's slice to move it there,\n"
              "or out of the circle to give it a side of its own");
}

QString ClusterToolTips::message(const raft::Simulation &sim, std::uint64_t id)
{
    const raft::Envelope *envelope = sim.network().find(id);
    if (!envelope)
        return {};
    const raft::Message &m = envelope->message;
    QString text = tr("%1 #%2: %3 → %4, term %5")
                       .arg(QString::fromLatin1(raft::messageTypeName(m.type)))
                       .arg(envelope->id)
                       .arg(ClusterNodePainter::nameOf(m.from), ClusterNodePainter::nameOf(m.to))
                       .arg(m.term);
    switch (m.type) {
    case raft::MessageType::RequestVote:
    case raft::MessageType::PreVote:
        text += QLatin1Char('\n') + tr("last log index %1, last log term %2").arg(m.lastLogIndex).arg(m.lastLogTerm);
        break;
    case raft::MessageType::RequestVoteReply:
    case raft::MessageType::PreVoteReply:
        text += QLatin1Char('\n') + (m.voteGranted ? tr("vote granted") : tr("vote refused"));
        break;
    case raft::MessageType::TimeoutNow:
        text += QLatin1Char('\n') + tr("start an election now: leadership is handed over");
        break;
    case raft::MessageType::AppendEntries:
        text += QLatin1Char('\n')
            + (m.entries.empty() ? tr("heartbeat (no entries)")
                                 : tr("%n entries", nullptr, static_cast<int>(m.entries.size())));
        text += QLatin1Char('\n')
            + tr("prevLogIndex %1, prevLogTerm %2, leaderCommit %3")
                  .arg(m.prevLogIndex)
                  .arg(m.prevLogTerm)
                  .arg(m.leaderCommit);
        break;
    case raft::MessageType::AppendEntriesReply:
        text += QLatin1Char('\n')
            + (m.success ? tr("success, matchIndex %1").arg(m.matchIndex)
                         : tr("failure at prevLogIndex %1").arg(m.rejectedIndex));
        break;
    case raft::MessageType::InstallSnapshot:
        text += QLatin1Char('\n')
            + tr("snapshot up to index %1 (term %2)").arg(m.lastIncludedIndex).arg(m.lastIncludedTerm);
        text += QLatin1Char('\n')
            + tr("bytes %1–%2 of %3%4")
                  .arg(m.snapshotOffset)
                  .arg(m.snapshotOffset + m.chunk->data.size())
                  .arg(m.chunk->snapshotSize)
                  .arg(m.chunk->done ? tr(", the last chunk") : QString());
        break;
    case raft::MessageType::InstallSnapshotReply:
        text += QLatin1Char('\n')
            + (m.success ? tr("installed: matchIndex %1").arg(m.matchIndex)
                         : tr("holds %1 bytes of the snapshot up to index %2")
                               .arg(m.snapshotOffset)
                               .arg(m.lastIncludedIndex));
        break;
    }
    if (envelope->waiting)
        text += QLatin1Char('\n') + tr("waiting at the door");
    if (envelope->doomed)
        text += QLatin1Char('\n') + tr("will be lost");
    return text;
}

QString ClusterToolTips::node(const raft::Simulation &sim, raft::NodeId id)
{
    const raft::NodeStatus status = sim.status(id);
    QString role;
    if (status == raft::NodeStatus::Crashed)
        role = tr("crashed");
    else
        switch (sim.role(id)) {
        case raft::Role::Follower: role = tr("follower"); break;
        case raft::Role::Candidate: role = tr("candidate"); break;
        case raft::Role::Leader: role = tr("leader"); break;
        }
    if (status == raft::NodeStatus::Paused)
        role = tr("%1, paused").arg(role);
    return tr("%1: %2, term %3\nlog %4, commitIndex %5")
        .arg(ClusterNodePainter::nameOf(id), role)
        .arg(sim.term(id))
        .arg(sim.log(id).lastIndex())
        .arg(sim.commitIndex(id));
}

QString ClusterToolTips::link(const raft::Simulation &sim, raft::NodeId from, raft::NodeId to)
{
    const raft::Network &network = sim.network();
    const auto state = [&](raft::NodeId x, raft::NodeId y) {
        const QString arrow = tr("%1 → %2").arg(ClusterNodePainter::nameOf(x), ClusterNodePainter::nameOf(y));
        const raft::Reason blocked = network.blockReason(x, y);
        if (blocked == raft::Reason::Partition)
            return tr("%1: blocked by the partition wall").arg(arrow);
        if (blocked == raft::Reason::LinkCut)
            return tr("%1: cut, messages this way are lost").arg(arrow);
        const raft::LinkConditions &c = network.conditions(x, y);
        const QString conditions = tr("latency %1–%2 ms, loss %3%, duplication %4%")
                                       .arg(QString::fromStdString(raft::formatMs(c.latencyMin)),
                                            QString::fromStdString(raft::formatMs(c.latencyMax)))
                                       .arg(std::round(c.loss * 1000.0) / 10.0)
                                       .arg(std::round(c.duplicate * 1000.0) / 10.0);
        return network.link(x, y) ? tr("%1: open, its own conditions: %2").arg(arrow, conditions)
                                  : tr("%1: open (%2)").arg(arrow, conditions);
    };
    return state(from, to) + QLatin1Char('\n') + state(to, from) + QLatin1Char('\n')
        + tr("Click: cut or restore %1 → %2 (the lane nearer the pointer)\n"
             "Right-click: cut, restore, link conditions…")
              .arg(ClusterNodePainter::nameOf(from), ClusterNodePainter::nameOf(to));
}

} // namespace widgets
