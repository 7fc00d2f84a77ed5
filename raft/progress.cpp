#include "progress.h"

#include <algorithm>

namespace raft {

const char *flowStateName(FlowState state)
{
    switch (state) {
    case FlowState::Probe: return "probe";
    case FlowState::Replicate: return "replicate";
    case FlowState::Snapshot: return "snapshot";
    }
    return "?";
}

void Progress::becomeProbe()
{
    state = FlowState::Probe;
    nextIndex = matchIndex + 1;
    probeSent = false;
    inflightCount = 0;
    pendingSnapshot = 0;
    snapshotOffset = 0;
    snapshotSent = false;
}

void Progress::becomeReplicate()
{
    becomeProbe();
    state = FlowState::Replicate;
}

void Progress::becomeSnapshot(Index index)
{
    becomeProbe();
    state = FlowState::Snapshot;
    pendingSnapshot = index;
}

void Progress::sentSnapshotChunk(Time now)
{
    snapshotSent = true;
    snapshotSentAt = now;
}

bool Progress::isPaused() const
{
    switch (state) {
    case FlowState::Probe: return probeSent;
    case FlowState::Replicate: return inflightCount >= kMaxInflight;
    case FlowState::Snapshot: return true;
    }
    return true;
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
    if (state == FlowState::Snapshot) {
        // An answer to an AppendEntries sent before the snapshot, or to a heartbeat.
        // Only a match at or past the snapshot makes the snapshot unnecessary.
        if (matchIndex >= pendingSnapshot)
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
    if (state == FlowState::Snapshot)
        return snapshotSent ? snapshotSentAt : -1;
    return inflightCount > 0 ? inflightSentAt[0] : -1;
}

} // namespace raft
