// runfile_load_fuzz: libFuzzer target for the run-file loader (raft/runfile.h) and
// the replay that Open Run does with what it loaded (raft/history.h). Whatever a
// saved run holds, parseRunFile must return a run or its errors with FILE:LINE; a run
// it accepts must write back (formatRunFile) to a text that reads as the same run;
// and replaying a short accepted run must end — never crash, hang or allocate without
// bound.
#include "raft/history.h"
#include "raft/runfile.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort();
}

/// kReplayUpTo: runs whose every time lies within this many virtual ms are replayed
/// (longer ones only parsed: a fuzz input must take milliseconds).
constexpr raft::Time kReplayUpTo = 3000;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const raft::RunFileResult parsed = raft::parseRunFile(text, "fuzz.run");
    for (const std::string &error : parsed.errors)
        check(error.rfind("fuzz.run:", 0) == 0);
    if (!parsed.run) {
        check(!parsed.errors.empty());
        return 0;
    }
    const raft::RunFile &run = *parsed.run;
    // Written back, it reads as the same run.
    const raft::RunFileResult again = raft::parseRunFile(raft::formatRunFile(run), "again.run");
    check(again.run.has_value() && *again.run == run);

    if (!run.config.validate().empty() || run.endTime > kReplayUpTo || run.positionTime.value_or(0) > kReplayUpTo
        || run.config.nodes > 5 || run.config.heartbeatInterval < 5 || run.config.network.latencyMin < 2)
        return 0;
    for (const raft::Input &in : run.inputs)
        if (in.t > kReplayUpTo)
            return 0;
    raft::History history(run.config);
    (void)history.replay(run.inputs, run.position, run.endStep, run.endTime, run.positionTime);
    check(history.simulation().now() <= kReplayUpTo + run.config.electionTimeoutMax + 1);
    return 0;
}
