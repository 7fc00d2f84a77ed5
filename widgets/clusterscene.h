#pragma once

#include "raft/simulation.h"
#include "widgets/clusterlayout.h"
#include "widgets/clusternetworkgeometry.h"
#include "widgets/clustertext.h"

#include <array>
#include <cstdint>

namespace widgets {

/// ClusterScene is what the painters of one frame read: the simulation at a display
/// time, where things go, the view's selection and its fonts. The painters only paint
/// from it; they change nothing but their own caches.
struct ClusterScene {
    const raft::Simulation &sim;
    const ClusterNetworkGeometry &network;
    const ClusterLayout &layout;
    ClusterText &text;
    double displayTime = 0;
    qreal dpr = 1;
    /// selected: which servers are selected (index 1..9).
    std::array<bool, raft::kMaxNodes + 1> selected{};
    /// acting: which servers acted in the last step (index 1..9).
    std::array<bool, raft::kMaxNodes + 1> acting{};
    /// selectedMessage: the selected message's id, or 0.
    std::uint64_t selectedMessage = 0;
};

} // namespace widgets
