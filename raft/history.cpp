#include "history.h"

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace raft {

namespace {
constexpr Time kForever = std::numeric_limits<Time>::max();
}

History::History(const ClusterConfig &config, HistoryOptions options)
    : m_options(options)
    , m_sim(config)
{
    if (m_options.checkpointEvery == 0)
        m_options.checkpointEvery = 1;
    m_sim.setTraceSink(&m_trace);
    // A replay behind the frontier records what m_trace already holds: its sink keeps
    // nothing (no events, no message records), so a seek costs no trace at all.
    m_scratch.stream({});
    m_checkpoints.push_back(m_sim.checkpoint());
}

void History::syncSink()
{
    if (!hasFuture()) {
        m_sim.setTraceSink(&m_trace);
    } else if (&m_sim.trace() != &m_scratch) {
        m_scratch.clear();
        m_sim.setTraceSink(&m_scratch);
    }
}

std::size_t History::visibleEvents() const
{
    const auto &events = m_trace.events();
    const std::uint64_t step = currentStep();
    const auto it = std::upper_bound(events.begin(), events.end(), step,
                                     [](std::uint64_t s, const TraceEvent &e) { return s < e.step; });
    return static_cast<std::size_t>(it - events.begin());
}

void History::maybeCheckpoint()
{
    if (currentStep() >= m_checkpoints.back().stepCount() + m_options.checkpointEvery)
        m_checkpoints.push_back(m_sim.checkpoint());
}

void History::recorded()
{
    if (currentStep() < m_frontierStep)
        return;
    m_frontierStep = currentStep();
    m_frontierTime = m_sim.now();
}

bool History::replayOne(Time until)
{
    syncSink();
    if (m_nextInput < m_script.size() && m_script[m_nextInput].step == currentStep()) {
        const Input &input = m_script[m_nextInput];
        if (input.t > until)
            return false;
        m_sim.setClock(input.t);
        // A recorded input was possible when it was recorded; the replay is deterministic.
        (void)m_sim.apply(input.action);
        harvest(false);
        ++m_nextInput;
        return true;
    }
    if (currentStep() >= m_frontierStep)
        return false;
    const bool moved = m_sim.stepBefore(until);
    syncSink();
    return moved;
}

bool History::step()
{
    if (hasFuture())
        return replayOne(kForever);
    syncSink();
    const bool moved = m_sim.step();
    maybeCheckpoint();
    recorded();
    return moved;
}

void History::advanceTo(Time t)
{
    while (hasFuture()) {
        if (!replayOne(t)) {
            m_sim.setClock(t); // the next recorded step comes later than t
            return;
        }
    }
    syncSink();
    while (m_sim.stepBefore(t))
        maybeCheckpoint();
    m_sim.setClock(t);
    recorded();
}

bool History::runUntil(const std::function<bool()> &pred, Time maxDuration)
{
    if (pred())
        return true;
    const Time deadline = m_sim.now() + maxDuration;
    for (;;) {
        bool moved;
        if (hasFuture()) {
            moved = replayOne(deadline);
        } else {
            syncSink();
            moved = m_sim.stepBefore(deadline);
            maybeCheckpoint();
            recorded();
        }
        if (!moved)
            break;
        if (pred())
            return true;
    }
    advanceTo(deadline);
    return false;
}

bool History::runUntilEvent(const std::function<bool(const TraceEvent &)> &match, Time maxDuration)
{
    std::size_t seen = visibleEvents();
    return runUntil(
        [&] {
            const std::size_t now = visibleEvents();
            const auto &events = m_trace.events();
            for (std::size_t i = seen; i < now; ++i)
                if (match(events[i]))
                    return true;
            seen = now;
            return false;
        },
        maxDuration);
}

void History::discardFuture()
{
    ++m_generation;
    m_script.resize(m_nextInput);
    while (m_checkpoints.size() > 1
           && (m_checkpoints.back().stepCount() > currentStep()
               || (m_checkpoints.back().stepCount() == currentStep() && m_checkpoints.back().now() > m_sim.now())))
        m_checkpoints.pop_back();
    m_frontierStep = currentStep();
    m_frontierTime = m_sim.now();
    m_trace.truncateAfterStep(currentStep());
}

void History::harvest(bool keep)
{
    std::vector<Input> inputs = m_sim.takeInputs();
    if (!keep)
        return;
    for (Input &input : inputs)
        m_script.push_back(std::move(input));
    m_nextInput = m_script.size();
}

void History::beginEdit()
{
    if (hasFuture() || m_sim.now() < m_frontierTime)
        discardFuture();
    syncSink();
}

void History::endEdit()
{
    harvest(true);
    maybeCheckpoint();
    recorded();
}

ActionResult History::act(const Action &action)
{
    return edit([&](Simulation &sim) { return sim.apply(action); });
}

std::string History::replay(const std::vector<Input> &script, std::optional<std::uint64_t> position,
                            std::optional<std::uint64_t> endStep, Time endTime, std::optional<Time> positionTime)
{
    for (std::size_t i = 0; i < script.size(); ++i) {
        const Input &in = script[i];
        const std::string which = "action " + std::to_string(i + 1) + " (" + inputKindName(in.kind()) + " at "
            + formatMs(in.t) + " ms, step " + std::to_string(in.step) + ")";
        while (currentStep() < in.step) {
            // Past its time the step cannot come any more: stop here rather than
            // play on for ever towards a step number the file made up.
            if (m_sim.now() > in.t)
                break;
            if (!step())
                return which + ": the run ended before its step";
        }
        if (currentStep() != in.step || m_sim.now() > in.t)
            return which + ": the run had moved past it (the file does not match this simulation)";
        if (!placeClock(in.t))
            return which + ": events came between its step and its time (the file does not match this simulation)";
        if (const ActionResult result = act(in.action); !result)
            return which + ": it was impossible at that moment (" + result.describe() + ")";
    }
    if (endStep) {
        while (currentStep() < *endStep && m_sim.now() <= endTime) {
            if (!step())
                return "the run ended before its recorded end (step " + std::to_string(*endStep) + ")";
        }
        if (currentStep() != *endStep || m_sim.now() > endTime || !placeClock(endTime))
            return "the recorded end (step " + std::to_string(*endStep) + " at " + formatMs(endTime)
                + " ms) does not match this simulation";
    }
    if (position) {
        if (*position > m_frontierStep) {
            // Beyond the recorded end only as far as the clock the file names (or
            // the end's): a made-up step number cannot make this run for ever.
            const Time limit = positionTime ? *positionTime : std::max(endTime, m_frontierTime);
            while (currentStep() < *position && m_sim.now() <= limit) {
                if (!step())
                    break;
            }
        } else if (positionTime && *positionTime <= m_frontierTime) {
            // The viewer may have stood at the last step before the clock reached the
            // end (played forward from the past, then paused): both numbers count.
            restoreBefore(*position, *positionTime);
            while (currentStep() < *position && replayOne(*positionTime)) { }
            m_sim.setClock(*positionTime);
        } else {
            seekToStep(*position);
        }
        // The clock may have run on past the step's own time (no event in between).
        if (positionTime && *positionTime > m_sim.now() && currentStep() == *position) {
            const auto next = m_sim.nextEventTime();
            if (!next || *next > *positionTime)
                advanceTo(*positionTime);
        }
    }
    return {};
}

bool History::placeClock(Time t)
{
    // Events due at t itself may still be waiting: the action was taken between two
    // events of one millisecond (stepping one event at a time), and advanceTo(t)
    // would play them first. Only an event due strictly before t means a mismatch.
    if (const auto next = m_sim.nextEventTime(); next && *next < t)
        return false;
    m_sim.setClock(t);
    recorded();
    return true;
}

void History::restoreBefore(std::uint64_t step, Time time)
{
    // The latest checkpoint at or before both the step and the time.
    auto it = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), step,
                               [](std::uint64_t s, const Simulation &c) { return s < c.stepCount(); });
    while (it != m_checkpoints.begin() && std::prev(it)->now() > time)
        --it;
    const Simulation &checkpoint = it == m_checkpoints.begin() ? m_checkpoints.front() : *std::prev(it);
    const bool liveIsCloser = currentStep() <= step && m_sim.now() <= time && currentStep() >= checkpoint.stepCount();
    if (!liveIsCloser) {
        m_sim.restore(checkpoint);
        const std::uint64_t at = checkpoint.stepCount();
        m_nextInput = static_cast<std::size_t>(
            std::lower_bound(m_script.begin(), m_script.end(), at,
                             [](const Input &in, std::uint64_t s) { return in.step < s; })
            - m_script.begin());
    }
}

bool History::stepBack()
{
    if (currentStep() == 0)
        return false;
    seekToStep(currentStep() - 1);
    return true;
}

void History::seekToStep(std::uint64_t step)
{
    step = std::min(step, m_frontierStep);
    restoreBefore(step, kForever);
    while (currentStep() < step && replayOne(kForever)) { }
    if (step == m_frontierStep)
        m_sim.setClock(m_frontierTime);
}

void History::seekToTime(Time t)
{
    t = std::min(t, m_frontierTime);
    restoreBefore(m_frontierStep, t);
    while (replayOne(t)) { }
    m_sim.setClock(t);
}

std::size_t History::memoryBytes() const
{
    std::unordered_set<const void *> counted;
    std::size_t bytes = sizeof(*this) + m_script.capacity() * sizeof(Input) + m_trace.memoryBytes();
    for (const Input &input : m_script) {
        const std::string *text = nullptr;
        if (const auto *request = std::get_if<act::Request>(&input.action))
            text = &request->command;
        else if (const auto *say = std::get_if<act::Say>(&input.action))
            text = &say->text;
        bytes += text && text->capacity() > 15 ? text->capacity() + 1 : 0;
    }
    for (const Simulation &checkpoint : m_checkpoints)
        bytes += checkpoint.memoryBytes(&counted);
    return bytes;
}

} // namespace raft
