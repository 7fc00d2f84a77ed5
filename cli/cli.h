#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace raft {
class ScenarioRunner;
} // namespace raft

/// raftviz::cli is raftviz's command line without a window: it reads the files and
/// the arguments, writes the reports and hands --bench to its timer. All the I/O the
/// core (raft/) never does lives here.
namespace raftviz::cli {

/// BenchFunction runs the --bench workload. It gets the whole command line and
/// the streams to write to, and returns the exit code. The benchmark lives outside
/// raft/ (it reads a wall clock, which the core never does) and is handed in here.
using BenchFunction = int (*)(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

/// cliMain is raftviz's command line without a window:
///   raftviz --headless --script FILE [--json] [--trace]
///   raftviz --bench [bench options]          (only when `bench` is given)
/// It returns the exit code: 0 when every expectation held and no invariant broke,
/// 1 otherwise, 2 when the script is malformed or unreadable or the command line is wrong.
int cliMain(int argc, char **argv, BenchFunction bench = nullptr);

/// runCli is cliMain with the arguments (args[0] is the program name) and the
/// output streams spelled out, so that tests can run it in-process.
int runCli(const std::vector<std::string> &args, std::ostream &out, std::ostream &err, BenchFunction bench = nullptr);

/// runResultJson describes the end of a run as one JSON object: time, leader,
/// nodes (status, role, term, votedFor, commitIndex, lastApplied, log, kv),
/// violations, expectations {passed, failed} and stats.
std::string runResultJson(const raft::ScenarioRunner &runner);

/// cliUsage is the usage text printed for a wrong command line.
std::string cliUsage();

} // namespace raftviz::cli
