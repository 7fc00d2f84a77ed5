#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace raftviz::cli {

/// isExperimentCommand tells whether the command line asks for --experiment.
bool isExperimentCommand(const std::vector<std::string> &args);

/// runExperiment runs `raftviz --experiment election-timing|split-vote [options]`:
/// many trials on every core, a table beside the paper's figures (stderr when --json
/// puts one JSON object on stdout), optionally every trial as CSV. Returns 0, or 2
/// for a wrong command line or an unwritable file.
int runExperiment(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

/// experimentUsage is the part of --help about --experiment.
std::string experimentUsage();

} // namespace raftviz::cli
