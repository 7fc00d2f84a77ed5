#pragma once

#include "raft/simulation.h"
#include "widgets/clusterhit.h"

#include <QCoreApplication>
#include <QString>

namespace widgets {

/// ClusterToolTips words the tool tip of whatever a ClusterHit found: a server's role,
/// term and log; a message's fields; both directions of a link and what a click does;
/// or, on empty space, what the mouse can do.
class ClusterToolTips {
    Q_DECLARE_TR_FUNCTIONS(widgets::ClusterView)

public:
    /// text is the tool tip for hit in sim ("" for none).
    static QString text(const raft::Simulation &sim, const ClusterHit &hit);
    static QString node(const raft::Simulation &sim, raft::NodeId id);
    static QString message(const raft::Simulation &sim, std::uint64_t id);
    static QString link(const raft::Simulation &sim, raft::NodeId from, raft::NodeId to);
    static QString background();
};

} // namespace widgets
