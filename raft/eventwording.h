#pragma once

#include "trace.h"

#include <array>
#include <cstdint>
#include <string>

namespace raft {

/// WordArg is one value a sentence refers to as %1..%9, typed so that each language
/// can show it its own way (a server's name, a role, an RPC, the event's text).
struct WordArg {
    enum class Type : std::uint8_t {
        Number, ///< `value` in decimal
        Node, ///< the server `value`: "S3" ("-" for none)
        Role, ///< the Role `value`: "follower"
        Message, ///< the MessageType `value`: "AppendEntries"
        ReasonName, ///< the Reason `value`'s identifier: "LogTermOlder"
        Text, ///< the event's text as it is
        Quoted, ///< the event's text in quotes: "\"set x 1\""
        Command, ///< the event's text in quotes, or "no-op" when it is empty
        Nodes, ///< the servers of the bit set `value` (1 << id): "S1 S2 S3"
        Millis, ///< the virtual time `value` (ticks) in milliseconds: "1234" or "1234.5"
    };
    Type type = Type::Number;
    std::uint64_t value = 0;
};

/// Wording is the sentence for one event: an English pattern whose %1..%9 stand for
/// its args. Trace::describe() fills it in English; the window translates the
/// pattern (context kWordingContext) and fills it in the user's language, so both
/// say the same thing from the same fields.
struct Wording {
    /// pattern is the English sentence, e.g. "%1 voted for %2 in term %3: …".
    const char *pattern = "";
    std::array<WordArg, 6> args{};
    std::uint8_t count = 0;
};

/// wordingOf chooses the sentence for an event from its kind, its reason and its fields.
Wording wordingOf(const TraceEvent &event);

/// fillPattern replaces each %1..%9 of `pattern` by the matching entry of `args`
/// (markers beyond args.size() stay as they are). The window fills translated
/// patterns the same way.
std::string fillPattern(std::string_view pattern, const std::string *args, std::size_t count);

} // namespace raft
