#pragma once

#include "types.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace raft {

/// Configuration is the set of servers a Raft cluster consists of (paper §6,
/// dissertation §4): the voters whose majority elects leaders and commits entries,
/// the learners a leader is catching up before they become voters (dissertation
/// §4.2.1; they do not vote and are not counted), and, only while the cluster is in
/// joint consensus (C_old,new, §6), the old voters, whose majority is needed as well.
/// A configuration travels in the log as a "config ..." entry (encode/decode) and
/// takes effect on a server as soon as it is in its log, committed or not (§4.1).
/// Invariant: voters, learners and old are sorted, without duplicates, in 1..kMaxNodes;
/// no learner is a voter.
struct Configuration {
    std::vector<NodeId> voters;
    std::vector<NodeId> learners;
    /// old: the voters of C_old while joint; empty otherwise.
    std::vector<NodeId> old;

    /// first is the configuration a cluster starts with: S1..S<n> voting.
    static Configuration first(int n);

    bool empty() const { return voters.empty() && old.empty() && learners.empty(); }
    /// isJoint tells whether this is C_old,new: decisions need majorities of both.
    bool isJoint() const { return !old.empty(); }
    /// isVoter tells whether id votes and counts: in voters, or in old while joint.
    bool isVoter(NodeId id) const;
    bool isLearner(NodeId id) const;
    /// contains tells whether id is a voter or a learner.
    bool contains(NodeId id) const { return isVoter(id) || isLearner(id); }
    /// members lists every voter, old voter and learner, in order.
    std::vector<NodeId> members() const;

    /// hasQuorum tells whether the servers in `granted` (a bit per id: 1 << id) hold a
    /// majority of voters and, while joint, a majority of old as well (§6).
    bool hasQuorum(std::uint32_t granted) const;
    /// committedIndex is the highest index stored on a quorum: `match(id)` gives each
    /// voter's matchIndex (the leader's own last index for itself). While joint, the
    /// lower of the two majorities' indexes (§6).
    template <class Match> std::uint64_t committedIndex(const Match &match) const
    {
        const std::uint64_t a = majorityIndex(voters, match);
        return isJoint() ? std::min(a, majorityIndex(old, match)) : a;
    }
    /// quorumSize is how many voters of `voters` make a majority.
    int quorumSize() const { return static_cast<int>(voters.size()) / 2 + 1; }

    /// overlapsInMajority tells whether every quorum of this configuration shares a
    /// server with every quorum of `other` (so two leaders cannot be elected in one
    /// term, one by each: the property Figure 10 of the paper shows broken).
    bool overlapsInMajority(const Configuration &other) const;

    /// encode is the log entry's command: "config S1 S2 S3" or, joint,
    /// "config S1 S2 S4 old S1 S2 S3". Learners are the leader's and stay out of it.
    std::string encode() const;
    /// decode reads a command written by encode; nullopt if it is not one.
    static std::optional<Configuration> decode(std::string_view command);
    /// isConfigCommand tells whether a log command is a configuration entry.
    static bool isConfigCommand(std::string_view command) { return command.rfind("config ", 0) == 0; }
    /// label is the short name a chip shows: "C4" (four voters) or "C_old,new".
    std::string label() const;
    /// describe lists the servers: "S1 S2 S3", "S1 S2 S4 (old S1 S2 S3)", with
    /// " + learner S5" when learners are caught up.
    std::string describe() const;

    bool operator==(const Configuration &) const = default;

private:
    template <class Match> static std::uint64_t majorityIndex(const std::vector<NodeId> &set, const Match &match)
    {
        if (set.empty())
            return ~std::uint64_t{0};
        std::uint64_t values[kMaxNodes];
        std::size_t n = 0;
        for (NodeId id : set)
            values[n++] = match(id);
        // The quorum-th largest: sort descending (at most 9 values).
        for (std::size_t i = 1; i < n; ++i)
            for (std::size_t j = i; j > 0 && values[j] > values[j - 1]; --j)
                std::swap(values[j], values[j - 1]);
        return values[n / 2];
    }
};

/// MemberState is how a server stands in the configuration in force (§6): a voter,
/// a learner the leader is catching up (dissertation §4.2.1), a spare machine no
/// configuration names, or a server that learned of its removal (§4.2.2).
enum class MemberState : std::uint8_t { Voter, Learner, Spare, Removed };
/// memberStateName returns "voter", "learner", "spare" or "removed".
const char *memberStateName(MemberState state);

/// nodeList writes ids as "S1 S2 S3".
std::string nodeList(const std::vector<NodeId> &ids);

} // namespace raft
