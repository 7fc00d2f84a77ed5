#include "widgets/timelinemarks.h"

#include "raft/eventcatalog.h"

#include <algorithm>

using raft::TraceEvent;
using raft::TraceEvents;

namespace widgets {

namespace {

/// markKind is the timeline's mark for a catalogue mark (nullopt: none, or a span).
std::optional<TimelineMark::Kind> markKind(raft::Mark mark)
{
    switch (mark) {
    case raft::Mark::Election: return TimelineMark::Kind::Election;
    case raft::Mark::Commit: return TimelineMark::Kind::Commit;
    case raft::Mark::Crash: return TimelineMark::Kind::Crash;
    case raft::Mark::Restart: return TimelineMark::Kind::Restart;
    case raft::Mark::Violation: return TimelineMark::Kind::Violation;
    case raft::Mark::None:
    case raft::Mark::Fault: return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

std::vector<TimelineMark>::const_iterator firstAtOrAfter(const std::vector<TimelineMark> &marks, double t)
{
    return std::lower_bound(marks.begin(), marks.end(), t,
                            [](const TimelineMark &m, double time) { return static_cast<double>(m.t) < time; });
}

void TimelineMarks::reset(const raft::History *history)
{
    m_history = history;
    rebuild();
}

void TimelineMarks::update()
{
    if (!m_history)
        return;
    if (hasBranched()) {
        rebuild();
        return;
    }
    readEvents();
    readScript();
    m_lastFrontierStep = m_history->frontierStep();
}

void TimelineMarks::rebuild()
{
    ++m_rebuilds;
    m_marks.clear();
    m_actions.clear();
    m_reigns.clear();
    m_faults.clear();
    m_readEvents = 0;
    m_readInputs = 0;
    m_lastFrontierStep = 0;
    if (!m_history)
        return;
    readEvents();
    readScript();
    m_lastFrontierStep = m_history->frontierStep();
}

bool TimelineMarks::hasBranched() const
{
    const raft::Trace &trace = m_history->trace();
    if (trace.size() < m_readEvents || m_history->frontierStep() < m_lastFrontierStep)
        return true;
    if (m_readEvents > 0 && !(trace.events()[m_readEvents - 1] == m_lastEvent))
        return true;
    const std::vector<raft::Input> &script = m_history->script();
    if (script.size() < m_readInputs)
        return true;
    return m_readInputs > 0 && !(script[m_readInputs - 1] == m_lastInput);
}

void TimelineMarks::readEvents()
{
    const TraceEvents &events = m_history->trace().events();
    for (std::size_t i = m_readEvents; i < events.size(); ++i) {
        const TraceEvent &e = events[i];
        const raft::EventKindInfo &info = raft::infoOf(e.kind);
        // A reign lasts from the election until the leader crashes, steps down or a
        // newer leader is elected (the old one may still believe it leads, cut off).
        const bool open = !m_reigns.empty() && !m_reigns.back().end;
        switch (info.leadership) {
        case raft::Leadership::Begins:
            if (open)
                m_reigns.back().end = e.t;
            m_reigns.push_back(TimelineSpan{.begin = e.t, .node = e.node, .term = e.term, .source = i});
            break;
        case raft::Leadership::Ends:
            if (open && m_reigns.back().node == e.node)
                m_reigns.back().end = e.t;
            break;
        case raft::Leadership::None: break;
        }
        const raft::Mark mark = raft::markOf(e);
        if (mark == raft::Mark::Fault) {
            // The event says which faults remain after it: cut links, partition groups.
            const bool faulty = e.index > 0 || e.index2 > 0;
            const bool partitioned = e.index2 > 0;
            const bool spanOpen = !m_faults.empty() && !m_faults.back().end;
            if (faulty && !spanOpen)
                m_faults.push_back(TimelineSpan{.begin = e.t, .partition = partitioned, .source = i});
            else if (faulty)
                m_faults.back().partition = m_faults.back().partition || partitioned;
            else if (spanOpen)
                m_faults.back().end = e.t;
        }
        if (const auto kind = markKind(mark))
            m_marks.push_back(
                TimelineMark{.kind = *kind, .t = e.t, .step = e.step, .node = e.node, .term = e.term, .source = i});
    }
    m_readEvents = events.size();
    if (m_readEvents > 0)
        m_lastEvent = events.back();
}

void TimelineMarks::readScript()
{
    const std::vector<raft::Input> &script = m_history->script();
    for (std::size_t i = m_readInputs; i < script.size(); ++i) {
        const raft::Input &in = script[i];
        m_actions.push_back(TimelineMark{.kind = TimelineMark::Kind::Action,
                                         .t = in.t,
                                         .step = in.step,
                                         .node = raft::subjectOf(in.action),
                                         .source = i,
                                         .input = in.kind()});
    }
    m_readInputs = script.size();
    if (m_readInputs > 0)
        m_lastInput = script.back();
}

} // namespace widgets
