#include "alarm.h"

#include "raft/simulation.h"

namespace widgets {

const raft::Violation *alarmViolation(const raft::Simulation &sim)
{
    const auto &violations = sim.violations();
    if (violations.empty())
        return nullptr;
    // Back to the first finding of the last step that had any: a step's findings are
    // recorded in the order the checker found them, and the step banner shows the first.
    std::size_t first = violations.size() - 1;
    while (first > 0 && violations[first - 1].step == violations.back().step)
        --first;
    return &violations[first];
}

} // namespace widgets
