#pragma once

#include "linearizability.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace raft {

/// KvStore is the replicated state machine: a map from keys to values, changed
/// only by applying committed commands in log order (§5.3).
/// Commands: "set KEY VALUE", "del KEY" and "incr KEY" (the key's integer value plus
/// one; absent or not a number counts as 0); the empty command (a leader's no-op)
/// changes nothing. An unknown command also changes nothing. A command may carry a
/// client session in front, "cC#N " (client C's request number N, dissertation
/// §6.3): with sessions on, the state machine applies each (C, N) once and skips a
/// retried duplicate; with sessions off it applies every copy.
class KvStore {
public:
    /// apply runs one committed command; returns false when it was a duplicate of a
    /// session request already applied (and so skipped, §6.3).
    bool apply(std::string_view command);
    /// setSessions turns the session table on (the default) or off.
    void setSessions(bool on) { m_sessionsOn = on; }
    /// value returns the value of key, or nullptr if it is not set.
    const std::string *value(const std::string &key) const;
    const std::map<std::string, std::string> &data() const { return m_data; }
    /// clear forgets the data and the session table (a crash: the state machine is
    /// rebuilt from the log).
    void clear()
    {
        m_data.clear();
        m_sessions.clear();
    }
    /// Session is a command's client session: client C, request number N (0: none).
    struct Session {
        int client = 0;
        std::uint64_t seq = 0;
    };
    /// sessionOf splits "cC#N rest" into its session and the command after it.
    static Session sessionOf(std::string_view command, std::string_view *rest = nullptr);
    /// keyOf is the key a command names ("" for the no-op).
    static std::string keyOf(std::string_view command);

    /// encode writes the whole map as one string (a snapshot's data, §7):
    /// "<key length>:<key><value length>:<value>" for each key in order.
    std::string encode() const;
    /// decode replaces the map with the one `data` encodes; returns false (and leaves
    /// the map empty) if data is not something encode wrote.
    bool decode(std::string_view data);

    /// isValidCommand tells whether command is "set K V" or "del K" (single-word K).
    static bool isValidCommand(std::string_view command);
    /// writeOf is the command as a write for the linearizability checker: Put or
    /// Delete of its key (client, times and outcome left for the caller); nullopt for
    /// the no-op and commands that are not writes.
    static std::optional<KvOperation> writeOf(std::string_view command);

    bool operator==(const KvStore &) const = default;

private:
    std::map<std::string, std::string> m_data;
    /// m_sessions: the last request number applied per client (§6.3).
    std::map<int, std::uint64_t> m_sessions;
    bool m_sessionsOn = true;
};

} // namespace raft
