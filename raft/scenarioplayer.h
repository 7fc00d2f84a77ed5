#pragma once

#include "condition.h"
#include "history.h"
#include "scenario.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace raft {

/// PlayerStop is why a ScenarioPlayer stopped playing.
enum class PlayerStop : std::uint8_t {
    None, ///< it reached the time it was asked to play to
    Say, ///< a say line ran: the narration is shown, the lesson waits for Next
    Wait, ///< a "wait until" does not hold yet: the world runs, the lesson waits for the class
    Ask, ///< a question is asked: the lesson waits for an answer
    Reveal, ///< a reveal line judged the answers: the lesson waits for Next
    End, ///< every line has run: the clock stops
};

/// LineReport is how one line of the script went, for whoever shows it.
struct LineReport {
    const ScenarioCommand *command = nullptr;
    bool ok = true;
    std::string why;
};

/// Question is the question being asked or the last one asked: the ask line, its
/// answers, the class's pick and, once revealed, the truth as the run tells it.
struct Question {
    const ScenarioCommand *ask = nullptr;
    std::vector<const ScenarioCommand *> answers;
    /// chosen: 0-based index into answers, once the class picked one.
    std::optional<std::size_t> chosen;
    bool revealed = false;
    /// right[i]: answer i's condition held at the reveal; why[i]: why not, if not.
    std::vector<bool> right;
    std::vector<std::string> why;

    /// classWasRight: revealed, chosen, and the chosen answer holds.
    bool classWasRight() const { return revealed && chosen && *chosen < right.size() && right[*chosen]; }
};

/// ScenarioPlayer plays a valid Scenario on a History in virtual time, line by line,
/// and keeps the score. It is the one player of the scenario language: the window
/// drives it frame by frame (advance to the frame's time, stop where it says), the
/// headless runner to the end (releasing every stop itself). So a lesson passes or
/// fails with the same words in both.
///
/// Lines that take no time (actions, checks, say, ask) run as soon as the clock
/// reaches them; "run T" and "run until" let the world run. It stops after every say
/// line, at a wait until that does not hold yet, at a question and at a reveal; the
/// caller releases the stop with next(), answer() or doItForMe().
///
/// The player works on the History's frontier: its actions are recorded there like
/// the user's. It is a copyable value (the window keeps copies to return to).
class ScenarioPlayer {
public:
    /// Requires scenario.isValid().
    explicit ScenarioPlayer(Scenario scenario);

    const Scenario &scenario() const { return *m_scenario; }

    /// advance plays lines and the world until virtual time t, or until a stop. While
    /// stopped (say, ask, reveal, end) it does nothing. A wait that does not hold stops
    /// where it begins (Wait); called again, the world runs on to t and the wait ends
    /// as soon as its condition holds.
    /// Requires the history at its frontier. Returns where it stopped.
    PlayerStop advance(History &history, Time t);
    /// finishLine plays until the line under way has run (however long it takes) and
    /// returns its report; at a stop it first releases it the way headless does (Next,
    /// do it for me, the answer `answerPolicy`). Requires !atEnd().
    LineReport finishLine(History &history, std::size_t answerPolicy = 0);

    /// stop is where the player stands (None while it is between lines or in a run).
    PlayerStop stop() const { return m_stop; }
    bool atEnd() const { return m_next >= commands().size() && !m_active; }
    /// next is the index in commands() of the line under way or to run next.
    std::size_t next() const { return m_next; }

    /// proceed releases a Say or Reveal stop: the lesson plays on to its next stop.
    void proceed();
    /// answer picks answer `choice` (0-based) of the question asked; releases Ask.
    /// Returns false (and changes nothing) if no question waits or there is no such answer.
    bool answer(std::size_t choice);
    /// doItForMe performs the actions that stand in for the class after a wait
    /// (its stand-in lines) now; then the wait goes on, for at most
    /// Scenario::kDefaultMax. Returns false (and acts no more) if the player is not
    /// waiting or the stand-ins already acted.
    bool doItForMe(History &history);
    /// waitHint is the hint of the wait under way ("" if none).
    std::string waitHint() const;
    /// question is the question asked or last asked (nullopt before the first).
    const std::optional<Question> &question() const { return m_question; }

    /// setHaltOnViolation: when on (the window's alarm), advance() returns as soon as a
    /// step breaks an invariant, right after that step, even inside a run or between
    /// two lines due at the same moment; the line under way stays under way, and the
    /// next advance() goes on from there. Off (headless), a violation stops nothing.
    void setHaltOnViolation(bool on) { m_haltOnViolation = on; }
    /// halted tells whether the last advance() returned because an invariant broke.
    bool halted() const { return m_halted; }

    /// onLine is called after each line has run, with its report.
    void setLineObserver(std::function<void(const LineReport &)> observer) { m_observer = std::move(observer); }

    /// passed counts the expectations that held: checks, run until and wait until.
    int passed() const { return m_passed; }
    /// failures holds every failed check, timed-out run until or wait, impossible action.
    const std::vector<ExpectationFailure> &failures() const { return m_failures; }

private:
    const std::vector<ScenarioCommand> &commands() const { return m_scenario->commands(); }
    /// step makes progress on the current line, playing the world to at most `limit`.
    /// Returns true when a line finished (its report in m_last).
    bool step(History &history, Time limit);
    /// begin starts the line at m_next: instant lines run at once (true); run, run
    /// until and wait become the active line (false).
    bool begin(History &history);
    /// play runs the active timed line towards `limit`; true when it finished.
    bool play(History &history, Time limit);
    void finish(const ScenarioCommand &command, bool ok, std::string why, bool counts);
    /// playTo plays the world to `until`; with the halt on it stops right after a step
    /// that broke an invariant instead (then true).
    bool playTo(History &history, Time until);
    /// broke: with the halt on, an invariant broke since advance() began (sets m_halted).
    bool broke(const History &history);

    std::shared_ptr<const Scenario> m_scenario;
    std::size_t m_next = 0;
    /// m_active: a run, run until or wait line is under way (commands()[m_next]).
    bool m_active = false;
    Time m_deadline = 0;
    bool m_hasDeadline = false;
    ConditionStart m_start;
    PlayerStop m_stop = PlayerStop::None;
    std::optional<Question> m_question;
    int m_passed = 0;
    std::vector<ExpectationFailure> m_failures;
    LineReport m_last;
    std::function<void(const LineReport &)> m_observer;
    bool m_haltOnViolation = false;
    bool m_halted = false;
    /// m_violationsSeen: the violations when advance() began (the halt looks for more).
    std::size_t m_violationsSeen = 0;
};

/// ScenarioRunner runs a valid Scenario to its end without a window: a History of
/// its own, played by a ScenarioPlayer that releases every stop itself (waits by the
/// script's own stand-in lines, questions by the answer policy).
class ScenarioRunner {
public:
    /// ScenarioRunner builds the History from scenario.config(). Requires
    /// scenario.isValid(). answerPolicy: the answer (0-based) picked at each question.
    explicit ScenarioRunner(Scenario scenario, std::size_t answerPolicy = 0, HistoryOptions options = {});

    const Scenario &scenario() const { return m_player.scenario(); }
    const Simulation &simulation() const { return m_history->simulation(); }
    const History &history() const { return *m_history; }
    const ScenarioPlayer &player() const { return m_player; }

    /// atEnd tells whether every command has run.
    bool atEnd() const { return m_player.atEnd(); }
    /// next is the index in commands() of the command step() would run.
    std::size_t next() const { return m_player.next(); }
    /// step runs the next command to its end and returns how it went. Requires !atEnd().
    CommandOutcome step();
    /// run runs every remaining command.
    void run();
    /// setLineObserver: see ScenarioPlayer::setLineObserver.
    void setLineObserver(std::function<void(const LineReport &)> observer)
    {
        m_player.setLineObserver(std::move(observer));
    }

    /// streamTrace makes the run keep no trace: each event goes to `forward` once
    /// complete and is forgotten (Trace::stream); flushTrace hands over the last ones.
    void streamTrace(Trace::Forward forward) { m_history->streamTrace(std::move(forward)); }
    void flushTrace() { m_history->flushTrace(); }

    int passed() const { return m_player.passed(); }
    const std::vector<ExpectationFailure> &failures() const { return m_player.failures(); }
    /// succeeded: no expectation failed and no invariant broke, unless the script
    /// expects a violation (`expect violation NAME`, a lesson about a bug switch).
    bool succeeded() const;

private:
    std::unique_ptr<History> m_history;
    ScenarioPlayer m_player;
    std::size_t m_answerPolicy = 0;
};

} // namespace raft
