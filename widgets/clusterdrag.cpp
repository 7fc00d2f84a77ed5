#include "widgets/clusterdrag.h"

#include <cmath>

namespace widgets {

void ClusterDrag::startPan(QPointF pos, QPointF panAtPress)
{
    m_state = State::Pan;
    m_pressPos = pos;
    m_pos = pos;
    m_panAtPress = panAtPress;
}

void ClusterDrag::press(QPointF pos, const ClusterHit &hit, bool adds)
{
    m_pressPos = pos;
    m_pos = pos;
    m_adds = adds;
    m_link.reset();
    m_node = raft::kNoNode;
    m_state = State::None;
    switch (hit.kind) {
    case ClusterHit::Kind::Node:
        m_node = hit.node;
        m_state = adds ? State::None : State::PendingNode;
        break;
    case ClusterHit::Kind::Message: break; // selected at once; nothing to drag
    case ClusterHit::Kind::Link:
        m_link = hit.link;
        m_state = State::Pending;
        break;
    case ClusterHit::Kind::Wall:
    case ClusterHit::Kind::Background: m_state = State::Pending; break;
    }
}

bool ClusterDrag::move(QPointF pos)
{
    const QPointF delta = pos - m_pressPos;
    const qreal distance = std::hypot(delta.x(), delta.y());
    bool started = false;
    switch (m_state) {
    case State::Pending:
        if (distance >= kThreshold) {
            m_state = State::RubberBand;
            started = true;
        }
        break;
    case State::PendingNode:
        if (distance >= kNodeThreshold) {
            m_state = State::Node;
            started = true;
        }
        break;
    case State::Pan:
    case State::RubberBand:
    case State::Node:
    case State::None: break;
    }
    m_pos = pos;
    return started;
}

ClusterDrag::Release ClusterDrag::release(QPointF pos)
{
    Release r;
    r.pos = pos;
    r.adds = m_adds;
    r.node = m_node;
    const State state = m_state;
    m_state = State::None;
    switch (state) {
    case State::None: break;
    case State::Pan: r.kind = Release::Kind::Panned; break;
    case State::Node: r.kind = Release::Kind::DroppedNode; break;
    case State::Pending:
        if (m_link) {
            r.kind = Release::Kind::ClickedLink;
            r.link = *m_link;
        } else {
            r.kind = Release::Kind::ClickedEmpty;
        }
        break;
    case State::RubberBand:
        r.kind = Release::Kind::RubberBand;
        r.band = QRectF(m_pressPos, pos).normalized();
        break;
    case State::PendingNode: r.kind = Release::Kind::ClickedNode; break;
    }
    return r;
}

} // namespace widgets
