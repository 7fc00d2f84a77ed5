#pragma once

#include "message.h"
#include "trace.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

/// RAFT_TRANSLATABLE(context, text) marks a string that the window shows in the user's
/// language. Here it is the English string itself; lupdate collects it for the
/// translators under `context` (app/CMakeLists.txt names the alias), and the window
/// translates it with QCoreApplication::translate(context, text).
#define RAFT_TRANSLATABLE(context, text) text

namespace raft {

/// kWordingContext is the translation context of every string of the catalogue and of
/// the events' sentences (eventwording.h).
inline constexpr const char *kWordingContext = "EventWording";

/// Importance says how much a student should see an event.
enum class Importance : std::uint8_t {
    Routine, ///< the steady background of a healthy cluster (heartbeats): hidden unless asked for
    Normal, ///< a step of the protocol
    Key, ///< a turning point not to miss (an election starts, a commit, a crash): highlighted
    Headline, ///< the story itself (a leader, a violation, the lesson's words): highlighted and bold
};

/// Mark is what an event puts on the timeline.
enum class Mark : std::uint8_t {
    None,
    Election, ///< an election won: a disc with the term, and the reign that follows
    Commit, ///< a leader committed by counting replicas: a tick
    Crash, ///< a server crashed
    Restart, ///< a server restarted
    Violation, ///< a safety property broke
    Fault, ///< the network's faults changed: the fault band starts, changes or ends (fields say how)
};

/// Tone is the colour family an event is shown in (the step banner's accent, the
/// events pane's highlight).
enum class Tone : std::uint8_t {
    Plain,
    Election, ///< campaigning and voting
    Leader, ///< a leader takes office (the term's colour)
    Progress, ///< replication and commitment moving forward
    Trouble, ///< a refusal, a conflict, a loss, a fault
    Recovery, ///< a server comes back
    Alarm, ///< a safety violation
    Narration, ///< the lesson's own words
};

/// Leadership says what an event does to the reign of its node as leader.
enum class Leadership : std::uint8_t {
    None,
    Begins, ///< the node becomes leader (a newer leader also ends any older reign)
    Ends, ///< the node stops leading (if it led)
};

/// Field names one member of TraceEvent (Term1 and Index1 are TraceEvent::term and
/// TraceEvent::index).
enum class Field : std::uint8_t { None, Node, Peer, Term1, Term2, Index1, Index2, Value, Text, Reason };

/// FieldType says how a field's number reads, in words and in JSON.
enum class FieldType : std::uint8_t {
    Number, ///< a count, an index or a term, written as a number
    Node, ///< a server id: "S3", JSON "S3" or null
    Flag, ///< 0 or 1, JSON false / true
    Message, ///< a MessageType, JSON its name
    Role, ///< a Role, JSON its name
    Text, ///< the event's text (Trace::textOf)
    Reason, ///< the event's Reason
    Ticks, ///< a virtual time (raft::Time), written in milliseconds (formatMs)
};

/// FieldUse is what one field of an event means for one kind: its JSON name, its type
/// and its meaning in words. A field may mean different things for different reasons
/// (a VoteDenied's value is the vote already cast for AlreadyVoted, else the voter's
/// last log term): then the kind lists it twice, with `only` and `unless`.
struct FieldUse {
    Field field = Field::None;
    FieldType type = FieldType::Number;
    /// json is the field's name in Trace::toJson() (the common fields node, peer,
    /// reason, term and text are written under those names for every kind).
    std::string_view json;
    std::string_view meaning;
    /// only: the use applies only to events with this reason (None: to any).
    Reason only = Reason::None;
    /// unless: the use does not apply to events with this reason (None: no exception).
    Reason unless = Reason::None;

    constexpr FieldUse when(Reason reason) const
    {
        FieldUse copy = *this;
        copy.only = reason;
        return copy;
    }
    constexpr FieldUse except(Reason reason) const
    {
        FieldUse copy = *this;
        copy.unless = reason;
        return copy;
    }
    /// appliesTo tells whether this use describes the field of `event`.
    constexpr bool appliesTo(const TraceEvent &event) const
    {
        return field != Field::None && (only == Reason::None || event.reason == only)
            && (unless == Reason::None || event.reason != unless);
    }
};

/// kMaxFieldUses bounds the uses one kind lists.
inline constexpr std::size_t kMaxFieldUses = 10;
using FieldUses = std::array<FieldUse, kMaxFieldUses>;

/// kReasonCount is the size of the Reason enum.
inline constexpr std::size_t kReasonCount = static_cast<std::size_t>(Reason::NotInConfiguration) + 1;
static_assert(kReasonCount <= 64, "ReasonSet has one bit per reason");
/// ReasonSet is a set of reasons, one bit per Reason.
using ReasonSet = std::uint64_t;
constexpr ReasonSet reasons(std::initializer_list<Reason> list)
{
    ReasonSet set = 0;
    for (Reason r : list)
        set |= ReasonSet{1} << static_cast<unsigned>(r);
    return set;
}
/// contains tells whether set holds reason; a value outside the enum (a corrupt
/// event) is in no set.
constexpr bool contains(ReasonSet set, Reason reason)
{
    const auto bit = static_cast<unsigned>(reason);
    return bit < kReasonCount && ((set >> bit) & 1U) != 0;
}

/// Variant: the events of a kind that carry one particular reason, shown otherwise
/// than the kind's other events (a heartbeat accepted is routine, entries accepted
/// are not; a leader's commit is key and marked, a follower's is not).
struct Variant {
    /// reason: Reason::None when the kind has no variant.
    Reason reason = Reason::None;
    Importance importance = Importance::Normal;
    std::uint8_t rank = 0;
    Mark mark = Mark::None;
};

/// EventKindInfo is everything the program knows about one EventKind apart from its
/// sentence (eventwording.h): every reader of the trace (the English trace, its
/// JSON, the window's words, the step banner, the events pane, the timeline) asks it.
struct EventKindInfo {
    EventKind kind = EventKind::Narration;
    /// name is the stable identifier, as in JSON: "VoteDenied".
    std::string_view name;
    /// title is a short English name for people ("Vote denied"), translated by the window.
    const char *title = "";
    /// section is the paper's section that explains the kind ("§5.4.1", "§5.3, §5.4.2"),
    /// or "" when the paper has none (the network, the user's actions).
    const char *section = "";
    /// sectionFromReason: an event's reason, when it is one of `reasons` and has a
    /// section, says it instead (a vote denied for a stale term is §5.1, for an older
    /// log §5.4.1).
    bool sectionFromReason = false;
    /// reasons lists the reasons events of this kind may carry (None included if they
    /// may carry none).
    ReasonSet reasons = 0;
    Importance importance = Importance::Normal;
    /// rank orders the events of one step for the step banner: the highest is the
    /// headline (0..100).
    std::uint8_t rank = 0;
    Variant variant;
    Mark mark = Mark::None;
    Tone tone = Tone::Plain;
    Leadership leadership = Leadership::None;
    /// fields: what each field the kind fills means, in the order JSON writes them.
    FieldUses fields{};
};

/// ReasonInfo is what the program knows about one Reason.
struct ReasonInfo {
    Reason reason = Reason::None;
    /// name is the stable identifier, as in JSON: "LogTermOlder".
    std::string_view name;
    /// section is the paper's section of the rule, or "".
    const char *section = "";
    /// meaning is the rule in a few English words, translated by the window.
    const char *meaning = "";
};

/// MessageTypeInfo names one MessageType.
struct MessageTypeInfo {
    MessageType type = MessageType::AppendEntries;
    /// name is the RPC's name, as in the paper and in JSON: "AppendEntriesReply";
    /// the window translates it.
    const char *name = "";
};

/// kEventKindCount, kReasonCount, kMessageTypeCount: the size of each enum.
inline constexpr std::size_t kEventKindCount = static_cast<std::size_t>(EventKind::InvariantViolated) + 1;
inline constexpr std::size_t kMessageTypeCount = static_cast<std::size_t>(MessageType::InstallSnapshotReply) + 1;

/// eventKinds is the catalogue of event kinds, one row per EventKind in enum order.
const std::array<EventKindInfo, kEventKindCount> &eventKinds();
/// reasonInfos is the catalogue of reasons, one row per Reason in enum order.
const std::array<ReasonInfo, kReasonCount> &reasonInfos();
/// messageTypes names every MessageType, in enum order.
const std::array<MessageTypeInfo, kMessageTypeCount> &messageTypes();

/// infoOf returns the catalogue's row for a kind, a reason or a message type.
const EventKindInfo &infoOf(EventKind kind);
const ReasonInfo &infoOf(Reason reason);
const MessageTypeInfo &infoOf(MessageType type);

/// importanceOf, rankOf and markOf read the catalogue for one event, its variant included.
Importance importanceOf(const TraceEvent &event);
int rankOf(const TraceEvent &event);
Mark markOf(const TraceEvent &event);
/// isRoutine tells whether an event is the steady background of a cluster: a heartbeat
/// sent or accepted, a message lost because its receiver is down.
bool isRoutine(const TraceEvent &event);

/// fieldValue returns the raw number of one field of an event (Text: the text's id;
/// Reason: the reason's value).
std::int64_t fieldValue(const TraceEvent &event, Field field);

} // namespace raft
