#pragma once

#include "linearizability.h"

#include <map>
#include <optional>
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

    /// isValidCommand tells whether command is "set K V" or "del K" (single-word K).
    static bool isValidCommand(std::string_view command);
    /// writeOf is the command as a write for the linearizability checker: Put or
    /// Delete of its key (client, times and outcome left for the caller); nullopt for
    /// the no-op and commands that are not writes.
    static std::optional<KvOperation> writeOf(std::string_view command);

    bool operator==(const KvStore &) const = default;

private:
    std::map<std::string, std::string> m_data;
};

} // namespace raft
