#pragma once
// Running a scenario script in a test, and saying what went wrong in words.
#include "raft/scenarioplayer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace raft::testing {

/// playScript parses `script` (named `file` in errors), expects it to be valid, and
/// runs it to the end.
inline ScenarioRunner playScript(const std::string &script, const std::string &file = "test")
{
    Scenario scenario = Scenario::parse(script, file);
    EXPECT_TRUE(scenario.isValid()) << (scenario.errors().empty() ? "" : scenario.errors().front());
    ScenarioRunner runner(std::move(scenario));
    runner.run();
    return runner;
}

/// describeFailures lists a run's failed expectations and its violations, one a line.
inline std::string describeFailures(const ScenarioRunner &runner)
{
    std::string s;
    for (const ExpectationFailure &f : runner.failures())
        s += "line " + std::to_string(f.line) + ": " + f.text + ": " + f.why + "\n";
    for (const Violation &v : runner.simulation().violations())
        s += "violation: " + v.what + "\n";
    return s;
}

} // namespace raft::testing
