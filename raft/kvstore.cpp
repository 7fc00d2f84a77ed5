#include "kvstore.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <vector>

namespace raft {

namespace {
/// Words holds the first three words of a command and how many it has: no command
/// looks further (a value is everything after the key). No allocation: every server
/// parses every entry it applies.
struct Words {
    std::array<std::string_view, 3> first;
    std::size_t count = 0;
    std::size_t size() const { return count; }
    std::string_view operator[](std::size_t i) const { return first[i]; }
};

Words words(std::string_view s)
{
    Words out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
            ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t')
            ++j;
        if (j > i) {
            if (out.count < out.first.size())
                out.first[out.count] = s.substr(i, j - i);
            ++out.count;
        }
        i = j;
    }
    return out;
}
} // namespace

KvStore::Session KvStore::sessionOf(std::string_view command, std::string_view *rest)
{
    Session session;
    if (rest)
        *rest = command;
    if (command.size() < 4 || command[0] != 'c')
        return session;
    const std::size_t hash = command.find('#');
    const std::size_t space = command.find(' ');
    if (hash == std::string_view::npos || space == std::string_view::npos || hash > space || hash == 1
        || space == hash + 1)
        return session;
    std::uint64_t client = 0;
    std::uint64_t seq = 0;
    for (std::size_t i = 1; i < hash; ++i) {
        if (command[i] < '0' || command[i] > '9' || client > 1'000'000)
            return session;
        client = client * 10 + static_cast<std::uint64_t>(command[i] - '0');
    }
    for (std::size_t i = hash + 1; i < space; ++i) {
        if (command[i] < '0' || command[i] > '9' || seq > 1'000'000'000'000)
            return session;
        seq = seq * 10 + static_cast<std::uint64_t>(command[i] - '0');
    }
    session.client = static_cast<int>(client);
    session.seq = seq;
    if (rest)
        *rest = command.substr(space + 1);
    return session;
}

std::string KvStore::keyOf(std::string_view command)
{
    std::string_view rest;
    sessionOf(command, &rest);
    const auto w = words(rest);
    return w.size() >= 2 ? std::string(w[1]) : std::string();
}

bool KvStore::apply(std::string_view full)
{
    std::string_view command;
    const Session session = sessionOf(full, &command);
    if (session.client != 0 && m_sessionsOn) {
        // §6.3: the session table remembers the last request of each client; a
        // retried request that was applied before is skipped (its answer is known).
        std::uint64_t &last = m_sessions[session.client];
        if (session.seq <= last)
            return false;
        last = session.seq;
    }
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
    } else if (w.size() == 2 && w[0] == "incr") {
        std::string &value = m_data[std::string(w[1])];
        std::int64_t n = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (error != std::errc() || end != value.data() + value.size() || n == std::numeric_limits<std::int64_t>::max())
            n = 0;
        value = std::to_string(n + 1);
    }
    return true;
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
    // The session table is part of the state machine, so a snapshot carries it (§6.3:
    // a server restored from a snapshot must still skip a retried duplicate).
    for (const auto &[client, seq] : m_sessions)
        out += '#' + std::to_string(client) + ':' + std::to_string(seq);
    return out;
}

bool KvStore::decode(std::string_view data)
{
    m_data.clear();
    m_sessions.clear();
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
    const auto number = [&](std::uint64_t &into, std::size_t digits) {
        into = 0;
        const std::size_t start = at;
        while (at < data.size() && data[at] >= '0' && data[at] <= '9' && at - start < digits)
            into = into * 10 + static_cast<std::uint64_t>(data[at++] - '0');
        return at != start;
    };
    while (at < data.size() && data[at] != '#') {
        std::string key, value;
        if (!field(key) || !field(value)) {
            clear();
            return false;
        }
        m_data[std::move(key)] = std::move(value);
    }
    while (at < data.size()) {
        std::uint64_t client = 0, seq = 0;
        ++at; // '#'
        if (!number(client, 9) || at >= data.size() || data[at++] != ':' || !number(seq, 19)
            || (at < data.size() && data[at] != '#')) {
            clear();
            return false;
        }
        m_sessions[static_cast<int>(client)] = seq;
    }
    return true;
}

std::optional<KvOperation> KvStore::writeOf(std::string_view full)
{
    std::string_view command;
    sessionOf(full, &command);
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

bool KvStore::isValidCommand(std::string_view full)
{
    std::string_view command;
    sessionOf(full, &command);
    const auto w = words(command);
    return (w.size() >= 3 && w[0] == "set") || (w.size() == 2 && (w[0] == "del" || w[0] == "incr"));
}

} // namespace raft
