#include "widgets/networksides.h"

#include <QStringList>

#include <algorithm>

namespace widgets {

std::vector<NetworkSide> NetworkSides::of(const raft::Simulation &sim)
{
    const raft::Network &network = sim.network();
    const int n = sim.size();
    std::vector<std::vector<raft::NodeId>> groups = network.groups();
    if (groups.empty()) {
        groups.emplace_back();
        for (raft::NodeId id = 1; id <= n; ++id)
            groups.back().push_back(id);
    }
    std::vector<NetworkSide> sides;
    for (const std::vector<raft::NodeId> &group : groups) {
        NetworkSide rest;
        for (const raft::NodeId id : group) {
            // Cut off both ways from every other member: a side of its own.
            bool alone = group.size() > 1;
            for (const raft::NodeId other : group)
                if (other != id && (network.canReach(id, other) || network.canReach(other, id)))
                    alone = false;
            if (alone) {
                NetworkSide side;
                side.nodes = {id};
                side.isolated = true;
                sides.push_back(side);
            } else {
                rest.nodes.push_back(id);
            }
        }
        if (!rest.nodes.empty())
            sides.push_back(rest);
    }
    if (sides.size() < 2)
        return {};
    std::sort(sides.begin(), sides.end(),
              [](const NetworkSide &a, const NetworkSide &b) { return a.nodes.front() < b.nodes.front(); });
    for (NetworkSide &side : sides) {
        std::vector<raft::NodeId> live;
        for (const raft::NodeId id : side.nodes) {
            if (!sim.isLive(id) || !isVoter(sim, id))
                continue;
            live.push_back(id);
            if (sim.role(id) == raft::Role::Leader)
                side.leaders.push_back(id);
        }
        side.live = static_cast<int>(live.size());
        side.quorum = sim.hasQuorum(live);
    }
    return sides;
}

bool NetworkSides::isVoter(const raft::Simulation &sim, raft::NodeId id)
{
    const raft::Configuration &c = sim.configuration();
    return c.empty() ? id <= sim.config().nodes : c.isVoter(id);
}

int NetworkSides::voters(const raft::Simulation &sim)
{
    int n = 0;
    for (raft::NodeId id = 1; id <= sim.size(); ++id)
        n += isVoter(sim, id) ? 1 : 0;
    return n;
}

QString NetworkSides::nodeList(const std::vector<raft::NodeId> &nodes)
{
    QStringList names;
    for (const raft::NodeId id : nodes)
        names << QString::fromStdString(raft::nodeName(id));
    return names.join(QLatin1Char(' '));
}

QString NetworkSides::tag(const NetworkSide &side, int clusterSize)
{
    return side.quorum ? tr("Quorum: %1 of %2").arg(side.live).arg(clusterSize)
                       : tr("No quorum: %1 of %2").arg(side.live).arg(clusterSize);
}

QString NetworkSides::leaderNote(const NetworkSide &side)
{
    if (side.leaders.empty())
        return side.quorum ? tr("no leader yet") : tr("cannot elect a leader or commit");
    const QString names = nodeList(side.leaders);
    if (!side.quorum)
        return side.leaders.size() == 1 ? tr("%1 still acts as leader but cannot commit").arg(names)
                                        : tr("%1 still act as leaders but cannot commit").arg(names);
    return tr("leader %1").arg(names);
}

QString NetworkSides::headline(const std::vector<NetworkSide> &sides)
{
    if (sides.empty())
        return {};
    bool anyQuorum = false;
    bool quorumLeader = false;
    bool anyLeader = false;
    for (const NetworkSide &side : sides) {
        anyQuorum = anyQuorum || side.quorum;
        anyLeader = anyLeader || !side.leaders.empty();
        quorumLeader = quorumLeader || (side.quorum && !side.leaders.empty());
    }
    if (!anyQuorum)
        return tr("No side has a quorum: no leader can be elected and nothing can be committed");
    if (!anyLeader)
        return tr("No side has a leader");
    if (!quorumLeader)
        return tr("No working leader: the majority side has not elected one yet");
    return {};
}

QString NetworkSides::summary(const raft::Simulation &sim, bool brief)
{
    const std::vector<NetworkSide> sides = of(sim);
    QStringList parts;
    for (const NetworkSide &side : sides) {
        if (brief && side.quorum)
            continue;
        const QString who = nodeList(side.nodes);
        QString text = side.quorum ? tr("Quorum: %1 (%2 of %3)").arg(who).arg(side.live).arg(voters(sim))
                                   : tr("No quorum: %1 (%2 of %3)").arg(who).arg(side.live).arg(voters(sim));
        if (!side.leaders.empty())
            text += QStringLiteral(", ") + leaderNote(side);
        parts << text;
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace widgets
