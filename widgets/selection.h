#pragma once

#include "raft/types.h"

#include <QObject>

#include <cstdint>
#include <vector>

namespace widgets {

class SimulationSource;

/// Selection is what the user picked, shared by every view: one or more servers (the
/// first is the main one, the one the inspector shows) or one message. The cluster view,
/// the log view and the inspector all read and write this one object, so that picking a
/// server anywhere selects it everywhere.
///
/// Invariant: servers and a message are never selected together; nodes() holds no
/// duplicate and no kNoNode.
class Selection : public QObject {
    Q_OBJECT
public:
    explicit Selection(QObject *parent = nullptr);

    /// setSource clears the selection whenever the source's world is replaced (its server
    /// and message ids then mean something else).
    void setSource(const SimulationSource *source);

    /// nodes lists the selected servers, the main one first.
    const std::vector<raft::NodeId> &nodes() const { return m_nodes; }
    /// node is the main selected server (kNoNode if none).
    raft::NodeId node() const { return m_nodes.empty() ? raft::kNoNode : m_nodes.front(); }
    /// message is the selected message's id (0 if none).
    std::uint64_t message() const { return m_message; }
    bool isEmpty() const { return m_nodes.empty() && m_message == 0; }
    /// contains tells whether server id is among the selected ones.
    bool contains(raft::NodeId id) const;

public Q_SLOTS:
    /// selectNode selects one server alone (kNoNode clears).
    void selectNode(raft::NodeId id);
    /// selectNodes selects these servers, the first as the main one (empty clears).
    void selectNodes(const std::vector<raft::NodeId> &nodes);
    /// selectMessage selects one message (0 clears).
    void selectMessage(std::uint64_t id);
    void clear();

Q_SIGNALS:
    /// changed: the selected servers or message changed.
    void changed();

private:
    void set(std::vector<raft::NodeId> nodes, std::uint64_t message);

    std::vector<raft::NodeId> m_nodes;
    std::uint64_t m_message = 0;
};

} // namespace widgets
