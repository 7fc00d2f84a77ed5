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

std::string KvStore::encode() const
{
    std::string out;
    for (const auto &[key, value] : m_data) {
        out += std::to_string(key.size()) + ':' + key;
        out += std::to_string(value.size()) + ':' + value;
    }
    return out;
}

bool KvStore::decode(std::string_view data)
{
    m_data.clear();
    std::size_t at = 0;
    const auto field = [&](std::string &into) {
        std::size_t length = 0;
        const std::size_t start = at;
        while (at < data.size() && data[at] >= '0' && data[at] <= '9' && at - start < 9)
            length = length * 10 + static_cast<std::size_t>(data[at++] - '0');
        if (at == start || at >= data.size() || data[at] != ':' || data.size() - at - 1 < length)
            return false;
        into.assign(data.substr(at + 1, length));
        at += 1 + length;
        return true;
    };
    while (at < data.size()) {
        std::string key, value;
        if (!field(key) || !field(value)) {
            m_data.clear();
            return false;
        }
        m_data[std::move(key)] = std::move(value);
    }
    return true;
}

bool KvStore::isValidCommand(std::string_view command)
{
    const auto w = words(command);
    return (w.size() >= 3 && w[0] == "set") || (w.size() == 2 && w[0] == "del");
}

} // namespace raft
