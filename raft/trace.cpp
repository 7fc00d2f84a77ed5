#include "trace.h"

#include "eventcatalog.h"
#include "eventwording.h"
#include "json.h"
#include "message.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

namespace raft {

std::int32_t Trace::addText(std::string text)
{
    m_texts.push_back(std::move(text));
    return static_cast<std::int32_t>(m_texts.size() - 1);
}

const std::string &Trace::text(std::int32_t id) const
{
    static const std::string empty;
    if (id < 0 || static_cast<std::size_t>(id) >= m_texts.size())
        return empty;
    return m_texts[static_cast<std::size_t>(id)];
}

std::string_view Trace::textOf(const TraceEvent &event) const
{
    return text(event.text);
}

void Trace::flush()
{
    if (!m_streaming)
        return;
    if (m_forward)
        for (const TraceEvent &event : m_events)
            m_forward(*this, event);
    m_events.clear();
    m_texts.clear();
}

void Trace::clear()
{
    m_events.clear();
    m_texts.clear();
    m_messages.clear();
}

std::optional<MessageRecord> Trace::messageRecord(std::uint64_t id) const
{
    const std::size_t at = m_messages.indexOf(id);
    if (at == m_messages.size())
        return std::nullopt;
    return m_messages[at];
}

void Trace::truncateAfterStep(std::uint64_t step)
{
    // Events are recorded in step order, so the ones to drop are a suffix.
    std::size_t keep = m_events.size();
    while (keep > 0 && m_events[keep - 1].step > step)
        --keep;
    std::int32_t lastText = -1;
    for (std::size_t i = keep; i-- > 0;) {
        if (m_events[i].text >= 0) {
            lastText = m_events[i].text;
            break;
        }
    }
    m_events.resize(keep);
    m_texts.resize(static_cast<std::size_t>(lastText + 1));
    m_messages.truncateAfterStep(step);
}

std::size_t Trace::memoryBytes() const
{
    std::size_t bytes = m_events.memoryBytes() + m_texts.capacity() * sizeof(std::string) + m_messages.memoryBytes();
    for (const std::string &t : m_texts)
        if (t.capacity() > 15)
            bytes += t.capacity() + 1;
    return bytes;
}

namespace {
/// englishArg shows one value of a sentence in English.
std::string englishArg(const WordArg &arg, std::string_view text)
{
    switch (arg.type) {
    case WordArg::Type::Number: return std::to_string(arg.value);
    case WordArg::Type::Millis: return formatMs(static_cast<Time>(arg.value));
    case WordArg::Type::Node: return nodeName(static_cast<NodeId>(arg.value));
    case WordArg::Type::Role: return roleName(static_cast<Role>(arg.value));
    case WordArg::Type::Message: return messageTypeName(static_cast<MessageType>(arg.value));
    case WordArg::Type::ReasonName: return reasonName(static_cast<Reason>(arg.value));
    case WordArg::Type::Text: return std::string(text);
    case WordArg::Type::Quoted: return "\"" + std::string(text) + "\"";
    case WordArg::Type::Command: return text.empty() ? std::string("no-op") : "\"" + std::string(text) + "\"";
    case WordArg::Type::Nodes: {
        std::string out;
        for (NodeId id = 1; id <= kMaxNodes; ++id)
            if ((arg.value >> id) & 1u)
                out += (out.empty() ? "" : " ") + nodeName(id);
        return out;
    }
    }
    return {};
}
} // namespace

std::string Trace::describe(const TraceEvent &e) const
{
    const Wording wording = wordingOf(e);
    std::array<std::string, std::tuple_size_v<decltype(wording.args)>> args;
    for (std::size_t i = 0; i < wording.count; ++i)
        args[i] = englishArg(wording.args[i], textOf(e));
    std::string s = fillPattern(wording.pattern, args.data(), wording.count);
    const char *section = sectionOf(e);
    if (*section)
        s += std::string(" (") + section + ")";
    return s;
}

namespace {
void appendJsonString(std::string &out, std::string_view s)
{
    out += jsonEscape(s);
}

void field(std::string &out, std::string_view name, std::uint64_t v)
{
    out += ",\"";
    out += name;
    out += "\":";
    out += std::to_string(v);
}

/// isCommon tells whether a field is written for every kind, before the kind's own.
bool isCommon(Field f)
{
    return f == Field::Node || f == Field::Peer || f == Field::Term1 || f == Field::Reason || f == Field::Text;
}

void nodeField(std::string &out, std::string_view name, NodeId id)
{
    out += ",\"";
    out += name;
    out += "\":";
    if (id == kNoNode)
        out += "null";
    else
        appendJsonString(out, nodeName(id));
}
} // namespace

std::string Trace::toJson(const TraceEvent &e) const
{
    std::string out = "{\"t\":" + formatMs(e.t);
    field(out, "step", e.step);
    out += ",\"kind\":";
    appendJsonString(out, eventKindName(e.kind));
    nodeField(out, "node", e.node);
    if (e.peer != kNoNode)
        nodeField(out, "peer", e.peer);
    if (e.reason != Reason::None) {
        out += ",\"reason\":";
        appendJsonString(out, reasonName(e.reason));
    }
    field(out, "term", e.term);
    // Then the kind's own fields, under the names the catalogue gives them.
    for (const FieldUse &use : infoOf(e.kind).fields) {
        if (!use.appliesTo(e) || isCommon(use.field))
            continue;
        const std::int64_t value = fieldValue(e, use.field);
        if (use.type == FieldType::Node) {
            nodeField(out, use.json, static_cast<NodeId>(value));
            continue;
        }
        out += ",\"";
        out += use.json;
        out += "\":";
        switch (use.type) {
        case FieldType::Flag: out += value != 0 ? "true" : "false"; break;
        case FieldType::Message: appendJsonString(out, messageTypeName(static_cast<MessageType>(value))); break;
        case FieldType::Role: appendJsonString(out, roleName(static_cast<Role>(value))); break;
        case FieldType::Node:
        case FieldType::Number:
        case FieldType::Text:
        case FieldType::Reason: out += std::to_string(static_cast<std::uint64_t>(value)); break;
        case FieldType::Ticks: out += formatMs(value); break;
        }
    }
    if (e.text >= 0) {
        out += ",\"text\":";
        appendJsonString(out, textOf(e));
    }
    out += ",\"why\":";
    appendJsonString(out, describe(e));
    out += '}';
    return out;
}

} // namespace raft
