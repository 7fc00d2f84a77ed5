#include "scenarioplayer.h"

#include <algorithm>
#include <limits>

namespace raft {

namespace {

constexpr Time kForever = std::numeric_limits<Time>::max();

bool isTimed(CommandKind kind)
{
    return kind == CommandKind::Run || kind == CommandKind::RunUntil || kind == CommandKind::Wait;
}

} // namespace

ScenarioPlayer::ScenarioPlayer(Scenario scenario)
    : m_scenario(std::make_shared<const Scenario>(std::move(scenario)))
{ }

std::string ScenarioPlayer::waitHint() const
{
    if (!m_active || commands()[m_next].kind != CommandKind::Wait)
        return {};
    return commands()[m_next].argument;
}

void ScenarioPlayer::finish(const ScenarioCommand &command, bool ok, std::string why, bool counts)
{
    if (!ok)
        m_failures.push_back({command.line, command.text, why});
    else if (counts)
        ++m_passed;
    m_last = {&command, ok, std::move(why)};
    if (m_observer)
        m_observer(m_last);
}

bool ScenarioPlayer::begin(History &history)
{
    const ScenarioCommand &command = commands()[m_next];
    const Simulation &sim = history.simulation();
    if (isTimed(command.kind)) {
        m_active = true;
        m_start = ConditionStart::of(sim);
        m_hasDeadline = command.kind != CommandKind::Wait;
        m_deadline = sim.now() + command.duration;
        // A wait that does not hold yet stops the lesson where it begins: the class
        // acts (or Continue acts for it) before any more time passes.
        if (command.kind == CommandKind::Wait && !holds(sim, command.condition, m_start))
            m_stop = PlayerStop::Wait;
        return false;
    }
    ++m_next;
    if (command.kind == CommandKind::Ask) {
        Question question;
        question.ask = &command;
        while (m_next < commands().size() && commands()[m_next].kind == CommandKind::Answer)
            question.answers.push_back(&commands()[m_next++]);
        m_question = std::move(question);
        m_stop = PlayerStop::Ask;
        finish(command, true, {}, false);
        return true;
    }
    if (command.kind == CommandKind::Reveal) {
        Question &question = *m_question;
        question.revealed = true;
        question.right.clear();
        question.why.clear();
        bool any = false;
        for (const ScenarioCommand *answer : question.answers) {
            const ConditionResult result = evaluate(sim, answer->condition);
            question.right.push_back(result.holds);
            question.why.push_back(result.why);
            any = any || result.holds;
        }
        m_stop = PlayerStop::Reveal;
        // The run decides which answer is right; if it makes none right, the lesson
        // asked a question its own run does not answer.
        finish(command, any, any ? std::string() : "no answer holds in this run", true);
        return true;
    }
    if (command.kind == CommandKind::Answer) {
        // Answers belong to their question (taken with the ask line).
        finish(command, true, {}, false);
        return true;
    }
    if (command.standIn) {
        // Reached in order, a stand-in's wait held already: nobody needs to do it.
        return true;
    }
    const CommandOutcome outcome = history.edit([&](Simulation &s) { return executeCommand(s, command); });
    if (command.kind == CommandKind::Say)
        m_stop = PlayerStop::Say;
    finish(command, outcome.ok, outcome.why, isCheck(command.kind));
    return true;
}

bool ScenarioPlayer::broke(const History &history)
{
    if (m_haltOnViolation && history.simulation().violations().size() > m_violationsSeen)
        m_halted = true;
    return m_halted;
}

bool ScenarioPlayer::playTo(History &history, Time until)
{
    if (!m_haltOnViolation) {
        history.advanceTo(until);
        return false;
    }
    const Time span = until - history.simulation().now();
    history.runUntil([&] { return broke(history); }, span);
    return m_halted;
}

bool ScenarioPlayer::play(History &history, Time limit)
{
    const ScenarioCommand &command = commands()[m_next];
    const Simulation &sim = history.simulation();
    const Time until = m_hasDeadline ? std::min(limit, m_deadline) : limit;
    if (command.kind == CommandKind::Run) {
        if (until > sim.now() && playTo(history, until))
            return false; // the alarm: the run goes on at the next advance
        if (sim.now() < m_deadline)
            return false;
        m_active = false;
        ++m_next;
        finish(command, true, {}, false);
        return true;
    }
    // run until and wait until: stop right after the event that makes it true.
    bool met = holds(sim, command.condition, m_start);
    while (!met) {
        const std::optional<Time> next = sim.nextEventTime();
        if (!next || *next > until)
            break;
        history.step();
        met = holds(sim, command.condition, m_start);
        if (!met && broke(history))
            return false; // the alarm: the wait goes on at the next advance
    }
    if (!met && until > sim.now() && playTo(history, until))
        return false;
    const bool timedOut = !met && m_hasDeadline && sim.now() >= m_deadline;
    if (!met && !timedOut) {
        m_stop = command.kind == CommandKind::Wait ? PlayerStop::Wait : PlayerStop::None;
        return false;
    }
    m_active = false;
    m_stop = PlayerStop::None;
    ++m_next;
    // The lines that stood in for the class are not needed once the wait is over.
    while (command.kind == CommandKind::Wait && m_next < commands().size() && commands()[m_next].standIn)
        ++m_next;
    std::string why;
    if (timedOut) {
        const ConditionResult result = evaluate(sim, command.condition, m_start);
        const Time waited = command.kind == CommandKind::Wait ? Scenario::kDefaultMax : command.duration;
        why = "after " + formatDuration(waited) + ": " + result.why;
    }
    finish(command, met, why, true);
    return true;
}

bool ScenarioPlayer::step(History &history, Time limit)
{
    if (m_active)
        return play(history, limit);
    if (m_next >= commands().size())
        return false;
    if (begin(history))
        return true;
    if (m_stop == PlayerStop::Wait)
        return false;
    return play(history, limit);
}

PlayerStop ScenarioPlayer::advance(History &history, Time t)
{
    m_halted = false;
    m_violationsSeen = history.simulation().violations().size();
    for (;;) {
        if (m_stop == PlayerStop::Say || m_stop == PlayerStop::Ask || m_stop == PlayerStop::Reveal)
            return m_stop;
        if (atEnd()) {
            m_stop = PlayerStop::End;
            return m_stop;
        }
        if (!step(history, t))
            return m_stop == PlayerStop::Wait ? PlayerStop::Wait : PlayerStop::None;
        // A line finished: instant lines after it run at the same moment, unless it
        // broke an invariant (the alarm stops right there).
        if (broke(history))
            return m_stop;
    }
}

void ScenarioPlayer::proceed()
{
    if (m_stop == PlayerStop::Say || m_stop == PlayerStop::Reveal)
        m_stop = PlayerStop::None;
}

bool ScenarioPlayer::answer(std::size_t choice)
{
    if (m_stop != PlayerStop::Ask || !m_question || choice >= m_question->answers.size())
        return false;
    m_question->chosen = choice;
    m_stop = PlayerStop::None;
    return true;
}

bool ScenarioPlayer::doItForMe(History &history)
{
    // m_hasDeadline: the stand-ins already acted and the wait runs on as a "run until".
    if (!m_active || commands()[m_next].kind != CommandKind::Wait || m_hasDeadline)
        return false;
    for (std::size_t i = m_next + 1; i < commands().size() && commands()[i].standIn; ++i) {
        const ScenarioCommand &command = commands()[i];
        const CommandOutcome outcome = history.edit([&](Simulation &s) { return executeCommand(s, command); });
        finish(command, outcome.ok, outcome.why, false);
    }
    // From now on the wait is a "run until" of the default length.
    m_hasDeadline = true;
    m_deadline = history.simulation().now() + Scenario::kDefaultMax;
    return true;
}

LineReport ScenarioPlayer::finishLine(History &history, std::size_t answerPolicy)
{
    for (;;) {
        switch (m_stop) {
        case PlayerStop::Say:
        case PlayerStop::Reveal: proceed(); break;
        case PlayerStop::Ask:
            if (!answer(answerPolicy))
                answer(m_question->answers.empty() ? 0 : m_question->answers.size() - 1);
            if (m_stop == PlayerStop::Ask)
                m_stop = PlayerStop::None; // a question without answers
            break;
        case PlayerStop::Wait:
            if (!m_hasDeadline)
                doItForMe(history);
            break;
        case PlayerStop::None:
        case PlayerStop::End: break;
        }
        if (m_next >= commands().size() && !m_active)
            return m_last;
        // A wait nobody has acted on yet is first only looked at (now): the stand-in
        // lines then act, and the wait runs on for at most kDefaultMax.
        const bool lookOnly = m_active ? commands()[m_next].kind == CommandKind::Wait && !m_hasDeadline
                                       : commands()[m_next].kind == CommandKind::Wait;
        if (step(history, lookOnly ? history.simulation().now() : kForever))
            return m_last;
    }
}

// ---------------------------------------------------------------------------

ScenarioRunner::ScenarioRunner(Scenario scenario, std::size_t answerPolicy, HistoryOptions options)
    : m_history(std::make_unique<History>(scenario.config(), options))
    , m_player(std::move(scenario))
    , m_answerPolicy(answerPolicy)
{ }

CommandOutcome ScenarioRunner::step()
{
    const LineReport report = m_player.finishLine(*m_history, m_answerPolicy);
    return {report.ok, report.why};
}

void ScenarioRunner::run()
{
    while (!atEnd())
        step();
}

bool ScenarioRunner::succeeded() const
{
    if (!failures().empty())
        return false;
    const auto &commands = scenario().commands();
    const bool expectsViolation = std::any_of(commands.begin(), commands.end(), [](const ScenarioCommand &c) {
        return c.kind == CommandKind::ExpectViolation;
    });
    return expectsViolation || simulation().violations().empty();
}

} // namespace raft
