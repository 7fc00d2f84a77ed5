#include "kvstore.h"

#include <vector>

namespace raft {

namespace {
std::vector<std::string_view> words(std::string_view s)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
            ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t')
            ++j;
        if (j > i)
            out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}
} // namespace

void KvStore::apply(std::string_view command)
{
    const auto w = words(command);
    if (w.size() >= 3 && w[0] == "set") {
        // The value is everything after the key, so "set greeting hello world" works.
        const std::size_t valueStart = static_cast<std::size_t>(w[2].data() - command.data());
        std::string_view value = command.substr(valueStart);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
            value.remove_suffix(1);
        m_data[std::string(w[1])] = std::string(value);
    } else if (w.size() == 2 && w[0] == "del") {
        m_data.erase(std::string(w[1]));
    }
}

const std::string *KvStore::value(const std::string &key) const
{
    const auto it = m_data.find(key);
    return it == m_data.end() ? nullptr : &it->second;
}

std::optional<KvOperation> KvStore::writeOf(std::string_view command)
{
    KvStore one;
    one.apply(command);
    const auto w = words(command);
    if (w.size() >= 3 && w[0] == "set") {
        KvOperation op;
        op.kind = KvOperation::Kind::Put;
        op.key = std::string(w[1]);
        op.value = one.data().begin()->second;
        return op;
    }
    if (w.size() == 2 && w[0] == "del") {
        KvOperation op;
        op.kind = KvOperation::Kind::Delete;
        op.key = std::string(w[1]);
        return op;
    }
    return std::nullopt;
}

bool KvStore::isValidCommand(std::string_view command)
{
    const auto w = words(command);
    return (w.size() >= 3 && w[0] == "set") || (w.size() == 2 && w[0] == "del");
}

} // namespace raft
