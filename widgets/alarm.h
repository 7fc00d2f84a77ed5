#pragma once

namespace raft {
class Simulation;
struct Violation;
} // namespace raft

namespace widgets {

/// alarmViolation is the finding the alarm shows: the first violation recorded at the
/// latest step that broke a property (nullptr while none has). Playback stops right
/// after that step; the red banner, the rings on the cluster, the marks in the log grid
/// and the step banner at that step all name this one finding, so that the sentence and
/// the marks never disagree. The step's other findings are counted, not marked.
const raft::Violation *alarmViolation(const raft::Simulation &sim);

} // namespace widgets
