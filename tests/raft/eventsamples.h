#pragma once
// Events of every kind for the tests of the catalogue and of its wordings (the core's
// English in tests/raft, the window's languages in tests/widgets).

#include "raft/eventcatalog.h"

#include <vector>

namespace raft::samples {

/// allKinds lists every EventKind.
inline std::vector<EventKind> allKinds()
{
    std::vector<EventKind> kinds;
    for (std::size_t i = 0; i < kEventKindCount; ++i)
        kinds.push_back(static_cast<EventKind>(i));
    return kinds;
}

/// reasonsOf lists the reasons a kind may carry.
inline std::vector<Reason> reasonsOf(const EventKindInfo &info)
{
    std::vector<Reason> out;
    for (std::size_t i = 0; i < kReasonCount; ++i)
        if (contains(info.reasons, static_cast<Reason>(i)))
            out.push_back(static_cast<Reason>(i));
    return out;
}

/// sample is an event of `kind` with `reason` whose declared fields hold distinct
/// values of the right types: servers S3 (node), S5 (peer) and S4 (a server in
/// value); terms 41 and 27; indexes 113 and `entries`; the text "set x 1".
inline TraceEvent sample(Trace &trace, EventKind kind, Reason reason, std::uint64_t entries = 2)
{
    TraceEvent e{.t = 1234, .step = 56, .kind = kind, .reason = reason};
    for (const FieldUse &use : infoOf(kind).fields) {
        if (!use.appliesTo(e))
            continue;
        switch (use.field) {
        case Field::Node: e.node = 3; break;
        case Field::Peer: e.peer = 5; break;
        case Field::Term1: e.term = 41; break;
        case Field::Term2: e.term2 = 27; break;
        case Field::Index1: e.index = 113; break;
        case Field::Index2: e.index2 = entries; break;
        case Field::Text: e.text = trace.addText("set x 1"); break;
        case Field::Value:
            switch (use.type) {
            case FieldType::Node: e.value = 4; break;
            case FieldType::Role: e.value = static_cast<std::int64_t>(Role::Candidate); break;
            case FieldType::Flag: e.value = 1; break;
            case FieldType::Message: e.value = static_cast<std::int64_t>(MessageType::AppendEntries); break;
            case FieldType::Number:
            case FieldType::Ticks:
            case FieldType::Text:
            case FieldType::Reason: e.value = 19; break;
            }
            break;
        case Field::Reason:
        case Field::None: break;
        }
    }
    return e;
}

} // namespace raft::samples
