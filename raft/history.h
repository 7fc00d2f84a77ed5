#pragma once

#include "simulation.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace raft {

/// HistoryOptions tunes how often the history takes a checkpoint.
struct HistoryOptions {
    /// checkpointEvery: steps between two checkpoints. Seeking replays at most this
    /// many steps; each checkpoint costs the state's size minus the log chunks it
    /// shares with its neighbours.
    std::uint64_t checkpointEvery = 4000;
    /// kNever: checkpointEvery for a run that never goes back (only the first is kept).
    static constexpr std::uint64_t kNever = std::uint64_t{1} << 62;
};

/// History keeps a whole run so it can be replayed to any earlier moment and played
/// forward again. It relies on determinism: a run is its config plus its inputs, and
/// the state at any step is the nearest earlier checkpoint replayed with the recorded
/// inputs. Going back does not forget the future: playing forward follows the recorded
/// inputs again, until the user acts, which starts a new branch from that moment
/// (act() discards the old future; callers confirm with the user first).
///
/// The timeline is counted in steps (Simulation::stepCount()): every event and every
/// user action is one step. The frontier is the furthest step recorded.
class History {
    /// Mirror (mirror.h) copies a real server's reported state in, for the live cluster.
    friend class Mirror;

public:
    explicit History(const ClusterConfig &config, HistoryOptions options = {});
    // The live simulation writes into this object's trace: it stays where it is.
    History(const History &) = delete;
    History &operator=(const History &) = delete;

    /// simulation is the live state, at currentStep(). Change it only through History.
    const Simulation &simulation() const { return m_sim; }

    /// config is the configuration the run started from (a run file stores this one:
    /// the live simulation's config follows network changes made during the run).
    const ClusterConfig &config() const { return m_checkpoints.front().config(); }

    std::uint64_t currentStep() const { return m_sim.stepCount(); }
    std::uint64_t frontierStep() const { return m_frontierStep; }
    Time frontierTime() const { return m_frontierTime; }
    /// generation counts the branches: it grows each time acting in the past discarded
    /// a recorded future (views that cache the timeline rebuild when it changes).
    std::uint64_t generation() const { return m_generation; }
    /// hasFuture tells whether the live state is behind the frontier.
    bool hasFuture() const { return currentStep() < m_frontierStep; }
    /// script is every input of the timeline up to the frontier.
    const std::vector<Input> &script() const { return m_script; }
    /// trace is the trace of the whole timeline up to the frontier; the events up to
    /// the live state are the first visibleEvents() of it.
    const Trace &trace() const { return m_trace; }
    std::size_t visibleEvents() const;
    /// streamTrace makes the timeline keep no trace (a run that never goes back, like
    /// the headless runner's): each event goes to `forward` once complete and is
    /// forgotten (Trace::stream). flushTrace hands over the events still held.
    void streamTrace(Trace::Forward forward) { m_trace.stream(std::move(forward)); }
    void flushTrace() { m_trace.flush(); }

    // --- forward ---
    /// step processes one step: the next recorded input if it is due, else the next
    /// event. Returns false when nothing is left to do.
    bool step();
    /// advanceTo plays every step due at or before t, then sets the clock to t.
    void advanceTo(Time t);
    /// runUntil plays until pred() holds after a step (true) or maxDuration passes.
    bool runUntil(const std::function<bool()> &pred, Time maxDuration);
    /// runUntilEvent plays until a step records an event that `match` accepts (true:
    /// the live state is right after that step), or maxDuration passes (false). It is
    /// "run to the next election won / commit / term change / event at S3".
    bool runUntilEvent(const std::function<bool(const TraceEvent &)> &match, Time maxDuration);
    /// replay plays a saved run from the start of this (fresh) history: each input at
    /// its step and time, then on to the run's end (`endStep`, clock at `endTime`) if
    /// given, and last back or forth to step `position` (clock at `positionTime` if it
    /// had run on past that step). Returns an empty string, or what did not match (a
    /// file edited by hand, or saved by a raftviz whose simulation differs).
    std::string replay(const std::vector<Input> &script, std::optional<std::uint64_t> position,
                       std::optional<std::uint64_t> endStep = std::nullopt, Time endTime = 0,
                       std::optional<Time> positionTime = std::nullopt);
    /// act performs a user action now. If the live state is behind the frontier, the
    /// old future is discarded first: a new branch starts here (even when the action
    /// is refused; callers ask Simulation::check first when that matters).
    ActionResult act(const Action &action);
    /// edit lets f change the live simulation now with any of its user actions (e.g. a
    /// scenario line) and records what it did, like act(). Returns f's result.
    template <typename F> auto edit(F &&f)
    {
        beginEdit();
        if constexpr (std::is_void_v<decltype(f(m_sim))>) {
            f(m_sim);
            endEdit();
        } else {
            auto result = f(m_sim);
            endEdit();
            return result;
        }
    }

    // --- back and forth ---
    /// stepBack undoes exactly one step. Returns false at step 0.
    bool stepBack();
    /// seekToStep puts the live state right after `step` steps (clamped to the frontier).
    void seekToStep(std::uint64_t step);
    /// seekToTime puts the live state at virtual time t: every step due at or before
    /// t done, the clock at t (clamped to the frontier).
    void seekToTime(Time t);

    /// checkpointCount and memoryBytes describe what the history holds (the live
    /// state's trace excluded; log chunks shared between checkpoints counted once).
    std::size_t checkpointCount() const { return m_checkpoints.size(); }
    std::size_t memoryBytes() const;

private:
    /// replayOne performs the next step of the recorded timeline if it is due at or
    /// before `until`. Requires the live state behind the frontier.
    bool replayOne(Time until);
    /// placeClock sets the clock to t without playing the events due at t (the
    /// recorded step already says which of them came first). Returns false if an
    /// event is due before t: the recording does not match this simulation.
    bool placeClock(Time t);
    /// restoreBefore restores the latest checkpoint at or before `step` whose clock is
    /// at or before `time`, unless the live state is already closer.
    void restoreBefore(std::uint64_t step, Time time);
    /// recorded brings the frontier along after the live state moved past it.
    void recorded();
    void maybeCheckpoint();
    void discardFuture();
    void beginEdit();
    void endEdit();
    /// harvest moves the inputs the simulation recorded into the script (at the
    /// frontier) or drops them (they replay a script already kept).
    void harvest(bool keep);
    /// syncSink points the live simulation's trace at the master trace at the frontier
    /// and at a scratch trace while it replays a past already recorded.
    void syncSink();

    HistoryOptions m_options;
    Simulation m_sim;
    std::vector<Simulation> m_checkpoints;
    std::vector<Input> m_script;
    /// m_nextInput: the first input of the script the live state has not applied.
    std::size_t m_nextInput = 0;
    Trace m_trace;
    Trace m_scratch;
    std::uint64_t m_generation = 0;
    std::uint64_t m_frontierStep = 0;
    Time m_frontierTime = 0;
};

} // namespace raft
