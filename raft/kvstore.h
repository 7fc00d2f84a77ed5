#pragma once

#include <map>
#include <string>
#include <string_view>

namespace raft {

/// KvStore is the replicated state machine: a map from keys to values, changed
/// only by applying committed commands in log order (§5.3).
/// Commands: "set KEY VALUE" and "del KEY"; the empty command (a leader's no-op)
/// changes nothing. An unknown command also changes nothing.
class KvStore {
public:
    /// apply runs one committed command.
    void apply(std::string_view command);
    /// value returns the value of key, or nullptr if it is not set.
    const std::string *value(const std::string &key) const;
    const std::map<std::string, std::string> &data() const { return m_data; }
    void clear() { m_data.clear(); }

    /// encode writes the whole map as one string (a snapshot's data, §7):
    /// "<key length>:<key><value length>:<value>" for each key in order.
    std::string encode() const;
    /// decode replaces the map with the one `data` encodes; returns false (and leaves
    /// the map empty) if data is not something encode wrote.
    bool decode(std::string_view data);

    /// isValidCommand tells whether command is "set K V" or "del K" (single-word K).
    static bool isValidCommand(std::string_view command);

    bool operator==(const KvStore &) const = default;

private:
    std::map<std::string, std::string> m_data;
};

} // namespace raft
