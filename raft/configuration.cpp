#include "configuration.h"

#include <charconv>

namespace raft {

namespace {

bool has(const std::vector<NodeId> &set, NodeId id)
{
    return std::binary_search(set.begin(), set.end(), id);
}

std::uint32_t maskOf(const std::vector<NodeId> &set)
{
    std::uint32_t mask = 0;
    for (NodeId id : set)
        mask |= 1u << id;
    return mask;
}

bool majorityOf(const std::vector<NodeId> &set, std::uint32_t granted)
{
    int n = 0;
    for (NodeId id : set)
        n += (granted >> id) & 1u ? 1 : 0;
    return n >= static_cast<int>(set.size()) / 2 + 1;
}

std::vector<std::string_view> words(std::string_view s)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ')
            ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ')
            ++j;
        if (j > i)
            out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

} // namespace

std::string nodeList(const std::vector<NodeId> &ids)
{
    std::string out;
    for (NodeId id : ids)
        out += (out.empty() ? "" : " ") + nodeName(id);
    return out;
}

Configuration Configuration::first(int n)
{
    Configuration c;
    for (NodeId id = 1; id <= n; ++id)
        c.voters.push_back(id);
    return c;
}

bool Configuration::isVoter(NodeId id) const
{
    return has(voters, id) || has(old, id);
}

bool Configuration::isLearner(NodeId id) const
{
    return has(learners, id);
}

std::vector<NodeId> Configuration::members() const
{
    std::vector<NodeId> out;
    const std::uint32_t mask = maskOf(voters) | maskOf(old) | maskOf(learners);
    for (NodeId id = 1; id <= kMaxNodes; ++id)
        if ((mask >> id) & 1u)
            out.push_back(id);
    return out;
}

bool Configuration::hasQuorum(std::uint32_t granted) const
{
    if (voters.empty() && old.empty())
        return false;
    return (voters.empty() || majorityOf(voters, granted)) && (old.empty() || majorityOf(old, granted));
}

bool Configuration::overlapsInMajority(const Configuration &other) const
{
    if (empty() || other.empty())
        return true;
    // Quorums are closed upwards, so two disjoint quorums exist exactly when some
    // quorum of this configuration leaves a quorum of the other outside it: try every
    // set of servers (2^9 at most) as this side's quorum and its complement as the
    // other's.
    const std::uint32_t all = ((1u << (kMaxNodes + 1)) - 1) & ~1u;
    for (std::uint32_t set = 0; set <= all; set += 2)
        if (hasQuorum(set) && other.hasQuorum(all & ~set))
            return false;
    return true;
}

std::string Configuration::encode() const
{
    std::string out = "config " + nodeList(voters);
    if (isJoint())
        out += " old " + nodeList(old);
    return out;
}

std::optional<Configuration> Configuration::decode(std::string_view command)
{
    if (!isConfigCommand(command))
        return std::nullopt;
    Configuration c;
    std::vector<NodeId> *into = &c.voters;
    const auto w = words(command.substr(7));
    for (std::string_view word : w) {
        if (word == "old") {
            if (into == &c.old)
                return std::nullopt;
            into = &c.old;
            continue;
        }
        int id = 0;
        if (word.size() < 2 || (word[0] != 'S' && word[0] != 's'))
            return std::nullopt;
        const auto [end, ec] = std::from_chars(word.data() + 1, word.data() + word.size(), id);
        if (ec != std::errc() || end != word.data() + word.size() || id < 1 || id > kMaxNodes)
            return std::nullopt;
        if (!into->empty() && into->back() >= id)
            return std::nullopt; // sorted, no duplicates
        into->push_back(id);
    }
    if (c.voters.empty())
        return std::nullopt;
    return c;
}

std::string Configuration::label() const
{
    if (isJoint())
        return "C_old,new";
    return "C" + std::to_string(voters.size());
}

std::string Configuration::describe() const
{
    std::string out = nodeList(voters);
    if (isJoint())
        out += " (old " + nodeList(old) + ")";
    if (!learners.empty())
        out += " + learner" + std::string(learners.size() > 1 ? "s " : " ") + nodeList(learners);
    return out;
}

const char *memberStateName(MemberState state)
{
    switch (state) {
    case MemberState::Voter: return "voter";
    case MemberState::Learner: return "learner";
    case MemberState::Spare: return "spare";
    case MemberState::Removed: return "removed";
    }
    return "?";
}

} // namespace raft
