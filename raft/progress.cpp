#include "progress.h"

#include <algorithm>

namespace raft {

const char *flowStateName(FlowState state)
{
    switch (state) {
    case FlowState::Probe: return "probe";
    case FlowState::Replicate: return "replicate";
    }
    return "?";
}

void Progress::becomeProbe()
{
    state = FlowState::Probe;
    nextIndex = matchIndex + 1;
    probeSent = false;
    inflightCount = 0;
}

void Progress::becomeReplicate()
{
    state = FlowState::Replicate;
    nextIndex = matchIndex + 1;
    probeSent = false;
    inflightCount = 0;
}

bool Progress::isPaused() const
{
    return state == FlowState::Probe ? probeSent : inflightCount >= kMaxInflight;
}

void Progress::sentEntries(Index last, Time now)
{
    if (state == FlowState::Probe) {
        sentProbe(now);
        return;
    }
    inflight[inflightCount] = last;
    inflightSentAt[inflightCount] = now;
    ++inflightCount;
    nextIndex = last + 1;
}

void Progress::sentProbe(Time now)
{
    if (state != FlowState::Probe)
        return;
    if (!probeSent)
        probeSentAt = now;
    probeSent = true;
}

bool Progress::acknowledge(Index match)
{
    const bool advanced = match > matchIndex;
    if (advanced)
        matchIndex = match;
    if (nextIndex < matchIndex + 1)
        nextIndex = matchIndex + 1;
    if (state == FlowState::Probe) {
        // The follower's position is known: stream from here on.
        becomeReplicate();
        return advanced;
    }
    // Free every message the answer covers.
    int freed = 0;
    while (freed < inflightCount && inflight[freed] <= matchIndex)
        ++freed;
    if (freed > 0) {
        std::copy(inflight.begin() + freed, inflight.begin() + inflightCount, inflight.begin());
        std::copy(inflightSentAt.begin() + freed, inflightSentAt.begin() + inflightCount, inflightSentAt.begin());
        inflightCount = static_cast<std::uint8_t>(inflightCount - freed);
    }
    return advanced;
}

Time Progress::oldestUnanswered() const
{
    if (state == FlowState::Probe)
        return probeSent ? probeSentAt : -1;
    return inflightCount > 0 ? inflightSentAt[0] : -1;
}

} // namespace raft
