#pragma once

#include "simulation.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace raft {

/// RunFile is a saved run: the cluster configuration, every user action with the
/// time and step it happened at, the teacher's notes, and where the viewer was.
/// Determinism makes this enough to rebuild the whole run.
///
/// The text format is line-based and meant to be read (docs/run-file.md):
///
///     raftviz-run 1
///     nodes 5
///     seed 42
///     election-timeout 150 300
///     heartbeat 50
///     latency 10 20
///     loss 0
///     duplicate 0
///     option noop on
///     note Kill the leader before it commits index 3.
///     at 1234 step 567 crash S3
///     at 1300 step 610 request S1 set x 5
///     end 700 3000
///     position 640 2500
struct RunFile {
    ClusterConfig config;
    std::vector<Input> inputs;
    std::vector<std::string> notes;
    /// position: the step the viewer was at when saving (none: the end of the run),
    /// and the clock there (it may have run on past the step's own time).
    std::optional<std::uint64_t> position;
    std::optional<Time> positionTime;
    /// end: where the recorded run ends (its last step and the clock then), so that
    /// a viewer who had gone back keeps the future on reopening.
    std::optional<std::uint64_t> endStep;
    Time endTime = 0;

    bool operator==(const RunFile &) const = default;
};

/// formatRunFile writes a run in the text format.
std::string formatRunFile(const RunFile &run);

/// RunFileResult is a parsed run, or every problem found, each as "FILE:LINE: problem".
struct RunFileResult {
    std::optional<RunFile> run;
    std::vector<std::string> errors;
};

/// parseRunFile reads the text format. It never throws: a malformed, truncated or
/// hand-edited file gives errors naming the line and the problem.
RunFileResult parseRunFile(std::string_view text, const std::string &fileName);

/// isRunFileText tells whether text starts like a run file (its first line that is
/// not blank or a comment is "raftviz-run ..."), so that a run opened as a scenario
/// can be pointed to the right command.
bool isRunFileText(std::string_view text);

/// formatInput writes one input as it appears after "at T step N " (e.g. "crash S3").
std::string formatInput(const Input &input);

} // namespace raft
