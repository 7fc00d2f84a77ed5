#pragma once

#include "raft/simulation.h"
#include "raft/types.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace widgets {

/// NetworkSide is one side of a broken network: servers that the walls keep together.
struct NetworkSide {
    /// nodes: the side's servers, in increasing order.
    std::vector<raft::NodeId> nodes;
    /// live: how many of them are voters of the configuration in force (§6) and not
    /// crashed (paused ones count: they come back).
    int live = 0;
    /// quorum: the live servers are a majority of the cluster (Simulation::hasQuorum),
    /// so this side can elect a leader and commit (§5.2, §5.3).
    bool quorum = false;
    /// leaders: live servers of the side in role leader. On a side without a quorum
    /// such a leader is a stale one: it keeps its title but commits nothing.
    std::vector<raft::NodeId> leaders;
    /// isolated: a single server that link cuts (both ways) keep from everyone of its
    /// group, rather than a partition group of its own.
    bool isolated = false;
};

/// NetworkSides tells which sides a broken network has and whether each one holds a
/// quorum, and words that for the view and the status bar. It only reads the
/// simulation; the quorum rule itself is Simulation::hasQuorum.
class NetworkSides {
    Q_DECLARE_TR_FUNCTIONS(NetworkSides)

public:
    /// of returns the sides of sim's network: its partition groups, with every server
    /// cut off both ways from all the other members of its group taken out as a side
    /// of its own. Empty when the network is in one piece (one-way cuts that leave
    /// every server with a way in and out do not make sides).
    static std::vector<NetworkSide> of(const raft::Simulation &sim);
    /// nodeList words servers as "S1 S2 S3".
    static QString nodeList(const std::vector<raft::NodeId> &nodes);
    /// voters counts the voters of the configuration in force (both halves while
    /// joint): what "3 of 5" counts against (§6).
    static int voters(const raft::Simulation &sim);
    /// isVoter tells whether id votes in the configuration in force.
    static bool isVoter(const raft::Simulation &sim, raft::NodeId id);
    /// tag is the side's plain label: "No quorum: 2 of 5" or "Quorum: 3 of 5".
    static QString tag(const NetworkSide &side, int clusterSize);
    /// leaderNote says what the side's leaders are worth: "S1 still acts as leader but
    /// cannot commit" on a side without a quorum, "leader S3" on one with it, "" if none.
    static QString leaderNote(const NetworkSide &side);
    /// headline is the view's one-line verdict when no side has a working leader
    /// ("No side has a leader", "No side has a quorum: ..."), else "".
    static QString headline(const std::vector<NetworkSide> &sides);
    /// summary is a sentence about the sides' quorums: "" when the network is whole,
    /// else e.g. "No quorum: S1 S2 (2 of 5) · Quorum: S3 S4 S5 (3 of 5), leader S3".
    /// brief (for a status bar) names only the sides without a quorum.
    static QString summary(const raft::Simulation &sim, bool brief = false);
};

} // namespace widgets
