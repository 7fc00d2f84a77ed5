#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace raft {

/// BugSwitches turns single rules of Raft off in every server, for teaching only: a
/// lesson switches one on to show the violation it lets happen. The flags are read in
/// raft/node.cpp (and, for the vote on restart, by the server that reloads its
/// storage). Invariant: all off unless a script or run file says `bug NAME`.
struct BugSwitches {
    /// voteWithoutLogCheck: grant a vote without the §5.4.1 up-to-date check.
    bool voteWithoutLogCheck = false;
    /// commitOldTerms: count replicas of entries of earlier terms (Figure 8, §5.4.2).
    bool commitOldTerms = false;
    /// forgetVoteOnRestart: votedFor is not kept on stable storage (Figure 2).
    bool forgetVoteOnRestart = false;
    /// sameTimeouts: every election timeout is the minimum, not random (§5.2).
    bool sameTimeouts = false;
    /// applyBeforeCommit: a follower applies entries as soon as it stores them.
    bool applyBeforeCommit = false;
    /// truncateOnStaleAppend: an AppendEntries drops every entry after its own, even
    /// when nothing conflicts (§5.3 truncates only on a conflict).
    bool truncateOnStaleAppend = false;
    /// committedConfig: a server uses only the newest *committed* configuration of its
    /// log (§4.1 says the newest, committed or not).
    bool committedConfig = false;
    /// twoAtOnce: a leader starts a change while another is pending, and `reconfigure`
    /// jumps straight to C_new without joint consensus (Figure 10, §6).
    bool twoAtOnce = false;
    /// changeBeforeCommit: a leader starts a change before it has committed an entry
    /// of its own term (the 2015 correction to the dissertation's §4.1).
    bool changeBeforeCommit = false;
    /// votesDisrupt: a server that heard from a leader within the minimum election
    /// timeout still grants votes, so a removed server can disrupt (§6, §4.2.3).
    bool votesDisrupt = false;

    /// any tells whether any rule is switched off.
    bool any() const;
    bool operator==(const BugSwitches &) const = default;
};

/// BugInfo is one row of the bug table: the name a script uses, the rule it breaks
/// (with its section) and the flag it sets.
struct BugInfo {
    std::string_view name;
    std::string_view section;
    std::string_view rule;
    bool BugSwitches::*flag;
};

/// bugTable lists every switch, in the order docs and menus show them.
std::span<const BugInfo> bugTable();
/// findBug returns the row named `name`, or nullptr.
const BugInfo *findBug(std::string_view name);
/// bugNames lists the names of the switches that are on in `bugs`, in table order.
std::vector<std::string> bugNames(const BugSwitches &bugs);
/// bugNameList is every known name, comma-separated (for error messages).
std::string bugNameList();

} // namespace raft
