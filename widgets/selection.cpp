#include "selection.h"

#include "simulationsource.h"

#include <algorithm>

namespace widgets {

Selection::Selection(QObject *parent)
    : QObject(parent)
{ }

void Selection::setSource(const SimulationSource *source)
{
    connect(source, &SimulationSource::structureChanged, this, &Selection::clear);
}

bool Selection::contains(raft::NodeId id) const
{
    return std::find(m_nodes.begin(), m_nodes.end(), id) != m_nodes.end();
}

void Selection::selectNode(raft::NodeId id)
{
    set(id == raft::kNoNode ? std::vector<raft::NodeId>{} : std::vector<raft::NodeId>{id}, 0);
}

void Selection::selectNodes(const std::vector<raft::NodeId> &nodes)
{
    std::vector<raft::NodeId> unique;
    for (const raft::NodeId id : nodes)
        if (id != raft::kNoNode && std::find(unique.begin(), unique.end(), id) == unique.end())
            unique.push_back(id);
    set(std::move(unique), 0);
}

void Selection::selectMessage(std::uint64_t id)
{
    set({}, id);
}

void Selection::clear()
{
    set({}, 0);
}

void Selection::set(std::vector<raft::NodeId> nodes, std::uint64_t message)
{
    if (nodes == m_nodes && message == m_message)
        return;
    m_nodes = std::move(nodes);
    m_message = message;
    Q_EMIT changed();
}

} // namespace widgets
