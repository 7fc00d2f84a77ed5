#pragma once

#include "packedrecords.h"
#include "tracerecords.h"

#include <functional>
#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace raft {

/// Trace is the run's list of events plus the strings some of them carry, and the
/// record of every message sent (MessageRecord).
class Trace {
public:
    /// Forward receives each complete event of a streaming trace (see stream()).
    using Forward = std::function<void(const Trace &, const TraceEvent &)>;

    /// add appends an event and returns it, for the caller to fill in.
    TraceEvent &add(const TraceEvent &event)
    {
        if (m_streaming)
            flush();
        return m_events.emplace_back(event);
    }
    /// stream makes the trace keep no events: from now on each event, once complete
    /// (when the next one is added, or at flush()), goes to `forward` (which may be
    /// empty: the events are simply dropped) and is forgotten with its text. A run that
    /// prints its trace then holds one event at a time, and one that does not holds
    /// none. events() shows only what is not forwarded yet.
    void stream(Forward forward)
    {
        m_streaming = true;
        m_forward = std::move(forward);
    }
    /// flush forwards and forgets every event held, when streaming.
    void flush();
    /// addText stores a string and returns its id for TraceEvent::text.
    std::int32_t addText(std::string text);
    const std::string &text(std::int32_t id) const;
    std::string_view textOf(const TraceEvent &event) const;

    const TraceEvents &events() const { return m_events; }
    std::size_t size() const { return m_events.size(); }

    /// streaming tells whether the trace forwards its events and keeps none; it then
    /// keeps no message records either (a headless run has no diagram to draw).
    bool streaming() const { return m_streaming; }
    /// addMessage records a message sent (ids must increase).
    void addMessage(const MessageRecord &record) { m_messages.push_back(record); }
    /// messageRecord finds the record of message id (nullopt: sent before this trace began).
    std::optional<MessageRecord> messageRecord(std::uint64_t id) const;
    /// updateMessage lets `change` edit the record of message id, if there is one, and
    /// tells whether there was.
    template <typename Change> bool updateMessage(std::uint64_t id, Change &&change)
    {
        const std::size_t at = m_messages.indexOf(id);
        if (at == m_messages.size())
            return false;
        m_messages.update(at, std::forward<Change>(change));
        return true;
    }
    /// messages lists every message recorded, in sending (id) order.
    const MessageRecords &messages() const { return m_messages; }
    void clear();
    /// truncateAfterStep removes every event of a step after `step` (and their texts),
    /// the messages sent after it, and what happened to the others after it.
    void truncateAfterStep(std::uint64_t step);
    std::size_t memoryBytes() const;

    /// operator== compares the events and texts held.
    bool operator==(const Trace &other) const { return m_events == other.m_events && m_texts == other.m_texts; }

    /// describe words an event in English, with its reason and the paper's section:
    /// "S3 denied its vote to S1 in term 4: S1's last log term 2 is older than S3's 3 (§5.4.1)".
    std::string describe(const TraceEvent &event) const;
    /// toJson returns the event as one JSON object: t, step, kind, node, peer, reason,
    /// term, the kind's own fields under the catalogue's names, text, and why (describe()).
    std::string toJson(const TraceEvent &event) const;

private:
    TraceEvents m_events;
    std::vector<std::string> m_texts;
    bool m_streaming = false;
    Forward m_forward;
    MessageRecords m_messages;
};

} // namespace raft
