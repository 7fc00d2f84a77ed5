#include "bugs.h"

#include <array>

namespace raft {

namespace {
// One row per switch. A new switch is a flag in BugSwitches, one row here and the
// branch in raft/node.cpp that reads it; the scenario and run-file parsers, the JSON
// and the window read this table.
constexpr std::array<BugInfo, 10> kBugs = {{
    {"vote-without-log-check", "§5.4.1", "vote only for a candidate whose log is at least as up-to-date",
     &BugSwitches::voteWithoutLogCheck},
    {"commit-old-terms", "§5.4.2", "commit only entries of the current term by counting replicas",
     &BugSwitches::commitOldTerms},
    {"forget-vote-on-restart", "§5.2", "keep votedFor on stable storage", &BugSwitches::forgetVoteOnRestart},
    {"same-timeouts", "§5.2", "randomize election timeouts", &BugSwitches::sameTimeouts},
    {"apply-before-commit", "§5.3", "apply only committed entries", &BugSwitches::applyBeforeCommit},
    {"truncate-on-stale-append", "§5.3", "delete entries only when they conflict", &BugSwitches::truncateOnStaleAppend},
    {"committed-config", "§6", "use the newest configuration in the log, committed or not",
     &BugSwitches::committedConfig},
    {"two-at-once", "§6", "change one server at a time, or through joint consensus", &BugSwitches::twoAtOnce},
    {"change-before-commit", "§6", "start a change only after committing an entry of the leader's term",
     &BugSwitches::changeBeforeCommit},
    {"votes-disrupt", "§6", "ignore RequestVote while a current leader is heard from", &BugSwitches::votesDisrupt},
}};
} // namespace

bool BugSwitches::any() const
{
    for (const BugInfo &bug : kBugs)
        if (this->*bug.flag)
            return true;
    return false;
}

std::span<const BugInfo> bugTable()
{
    return kBugs;
}

const BugInfo *findBug(std::string_view name)
{
    for (const BugInfo &bug : kBugs)
        if (bug.name == name)
            return &bug;
    return nullptr;
}

std::vector<std::string> bugNames(const BugSwitches &bugs)
{
    std::vector<std::string> names;
    for (const BugInfo &bug : kBugs)
        if (bugs.*bug.flag)
            names.emplace_back(bug.name);
    return names;
}

std::string bugNameList()
{
    std::string list;
    for (const BugInfo &bug : kBugs) {
        if (!list.empty())
            list += ", ";
        list += bug.name;
    }
    return list;
}

} // namespace raft
