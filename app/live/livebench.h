#pragma once

#include <string>
#include <vector>

namespace live {

/// runBenchLive is `raftviz --bench-live [--seconds N] [--clients N] [--servers N]`: it
/// launches a cluster of server processes on loopback (3 by default), waits for a
/// leader, and has N clients (8 by default) each write unique keys to the leader in a
/// closed loop for N seconds (5 by default), once with fsync and once without. It
/// prints one JSON line: writes committed per second and the p50/p99 latency of a
/// write (HTTP PUT until the answer that it is committed and applied). Exit code 0,
/// 1 if a run could not elect a leader or a server died, 2 for a wrong command line.
int runBenchLive(const std::vector<std::string> &args);

} // namespace live
