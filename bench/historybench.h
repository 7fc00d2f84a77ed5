#pragma once

#include <iosfwd>
#include <string>
#include <vector>

/// historybench measures the history of issue 4: the cost of recording a long run,
/// what the history holds, and how fast it seeks.
namespace historybench {

/// historyBenchMain is `raftviz --bench-history [--minutes M] [--seeks N]`: one run of
/// M virtual minutes (default 60; 5 nodes, 10 client requests per second) recorded
/// with and without history, then N random seeks (default 200). Prints one JSON line:
/// record_s, plain_s, history_mb (checkpoints + inputs: what the history adds),
/// trace_mb (the trace, which a run keeps with or without history), checkpoints,
/// steps, seek_ms_median, seek_ms_max.
int historyBenchMain(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace historybench
