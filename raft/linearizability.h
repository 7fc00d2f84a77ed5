#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace raft {

/// KvOperation is one client operation on the key-value state machine as the client
/// saw it from outside: when it was invoked, when the answer came, and what it said.
struct KvOperation {
    enum class Kind : std::uint8_t { Put, Delete, Get };
    /// Outcome: Ok (answered), Failed (known not to have taken effect, e.g. refused
    /// before it reached the log, or its entry was overwritten), Unknown (no answer:
    /// timeout or lost connection; a write may or may not have taken effect).
    enum class Outcome : std::uint8_t { Ok, Failed, Unknown };

    int client = 0;
    Kind kind = Kind::Get;
    std::string key;
    /// value: what a Put wrote, or what a Get read (when found).
    std::string value;
    /// found: for a Get, whether the key held a value.
    bool found = false;
    /// invoke / complete: times on one clock (any unit); complete is ignored when the
    /// outcome is Unknown.
    std::int64_t invoke = 0;
    std::int64_t complete = 0;
    Outcome outcome = Outcome::Ok;

    bool operator==(const KvOperation &) const = default;
};

/// LinearizabilityResult is the checker's verdict.
struct LinearizabilityResult {
    /// linearizable: a legal sequential order exists that respects real time.
    bool linearizable = true;
    /// conclusive: false when the search hit its step budget before deciding (the
    /// verdict then says linearizable = true, unproven).
    bool conclusive = true;
    /// explanation: for a violation, the key and the operation that cannot be placed.
    std::string explanation;
    /// steps: search steps taken, over all keys.
    std::uint64_t steps = 0;
};

/// checkLinearizable decides whether `history` is linearizable for a key-value map
/// (Herlihy & Wing): every operation that took effect appears to happen at one instant
/// between its invocation and its completion, and each Get returns the value of the
/// latest Put or Delete of its key before it in that order. Keys are independent
/// objects, so each key is checked alone (linearizability is local). Failed
/// operations are left out; an Unknown write may take effect at any time after its
/// invocation, or never; an Unknown read constrains nothing.
///
/// The search is Wing & Gong's with Lowe's memoisation of (operations placed, state):
/// exponential in the worst case, fast on real histories. `maxStepsPerKey` bounds it.
LinearizabilityResult checkLinearizable(const std::vector<KvOperation> &history,
                                        std::uint64_t maxStepsPerKey = 5'000'000);

/// describeOperation words an operation for reports: "client 2 put x=\"7\" [120, 135]".
std::string describeOperation(const KvOperation &op);

} // namespace raft
