#pragma once

#include "types.h"

namespace raft {

/// kMaxDelay bounds every configured delay (latency, election timeout, heartbeat):
/// a minute is far beyond any lesson, and keeps time arithmetic far from overflow.
inline constexpr Time kMaxDelay = fromSeconds(60);
/// kMaxRunTime bounds the virtual time a file may ask for (a run's end, an action's
/// time, a scenario's run): a week of virtual time.
inline constexpr Time kMaxRunTime = fromSeconds(7LL * 24 * 3600);
/// kMinClientInterval is the shortest interval of the automatic client: a request a
/// millisecond already floods any lesson; finer ones would only fill the log.
inline constexpr Time kMinClientInterval = fromMs(1);

} // namespace raft
