// SimulationController's lessons: a scenario played by raft::ScenarioPlayer (the
// player --headless uses), stopping at its say lines, waits and questions, with the
// narration following the history position.
#include "simulationcontroller.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

using raft::PlayerStop;
using raft::Time;

// --- loading -------------------------------------------------------------------------

QString SimulationController::loadScenario(const QString &text, const QString &fileName)
{
    raft::Scenario scenario = raft::Scenario::parse(text.toStdString(), fileName.toStdString());
    if (!scenario.isValid()) {
        QStringList lines;
        for (const std::string &error : scenario.errors())
            lines.append(QString::fromStdString(error));
        return lines.join(QLatin1Char('\n'));
    }
    const std::string problem = scenario.config().validate();
    if (!problem.empty())
        return tr("%1: %2").arg(fileName, QString::fromStdString(problem));

    m_scenarioName = QFileInfo(fileName).completeBaseName();
    // A lesson builds its own world (with an automatic client only if it says
    // "client every T") and plays at its own pace (the teacher may still change it).
    const double pace = scenario.pace();
    restartLesson(raft::ScenarioPlayer(std::move(scenario)));
    setSpeed(pace);
    report(tr("Playing scenario “%1”.").arg(m_scenarioName));
    return {};
}

QString SimulationController::loadScenarioFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return tr("%1: cannot open the file: %2").arg(path, file.errorString());
    const QString text = QString::fromUtf8(file.readAll());
    // Resource paths (":/scenarios/x.scenario") are named by their file name only.
    const QString name = path.startsWith(QLatin1Char(':')) ? QFileInfo(path).fileName() : path;
    return loadScenario(text, name);
}

void SimulationController::restartLesson(raft::ScenarioPlayer player)
{
    pause();
    const raft::ClusterConfig config = player.scenario().config();
    player.setLineObserver([this](const raft::LineReport &line) { onLessonLine(line); });
    // The alarm stops the lesson at the event that breaks an invariant, inside a run.
    player.setHaltOnViolation(true);
    m_lesson = std::move(player);
    m_lessonMarks.clear();
    m_lessonFree = false;
    m_lessonFinishedSent = false;
    m_scenarioFailures.clear();
    replaceSimulation(config);
    m_lessonGeneration = m_history->generation();
    // The first lines (up to the first say) run at once, at time zero.
    advanceLesson(0.0);
    changed();
}

// --- what the lesson bar reads --------------------------------------------------------

std::vector<raft::ExpectationFailure> SimulationController::lessonFailures() const
{
    return m_lesson ? m_lesson->failures() : std::vector<raft::ExpectationFailure>{};
}

std::vector<const raft::Input *> SimulationController::sayInputs() const
{
    std::vector<const raft::Input *> says;
    for (const raft::Input &input : m_history->script())
        if (input.kind() == raft::InputKind::Say)
            says.push_back(&input);
    return says;
}

int SimulationController::narrationIndex() const
{
    // A say input applied at step s is in force from step s + 1 on.
    int index = -1;
    for (const raft::Input *say : sayInputs()) {
        if (say->step >= m_history->currentStep())
            break;
        ++index;
    }
    return index;
}

QString SimulationController::narration() const
{
    const int index = narrationIndex();
    if (index < 0)
        return {};
    return QString::fromStdString(std::get<raft::act::Say>(sayInputs()[static_cast<std::size_t>(index)]->action).text);
}

PlayerStop SimulationController::lessonStop() const
{
    if (!m_lesson)
        return PlayerStop::None;
    if (m_history->hasFuture()) {
        // Behind the frontier the lesson stands at a say line if the live moment is
        // right after one (where Back and Next stop).
        for (const raft::Input *say : sayInputs())
            if (say->step + 1 == m_history->currentStep())
                return PlayerStop::Say;
        return PlayerStop::None;
    }
    return m_lessonFree ? PlayerStop::End : m_lesson->stop();
}

QString SimulationController::waitHint() const
{
    if (!m_lesson || m_history->hasFuture())
        return {};
    return QString::fromStdString(m_lesson->waitHint());
}

const std::optional<raft::Question> &SimulationController::question() const
{
    static const std::optional<raft::Question> none;
    return m_lesson ? m_lesson->question() : none;
}

// --- playing --------------------------------------------------------------------------

void SimulationController::markStop()
{
    const std::uint64_t step = m_history->currentStep();
    while (!m_lessonMarks.empty() && m_lessonMarks.back().first >= step)
        m_lessonMarks.pop_back();
    m_lessonMarks.emplace_back(step, *m_lesson);
}

void SimulationController::advanceLesson(double t)
{
    const Time target = static_cast<Time>(std::floor(t));
    m_lessonBusy = true;
    if (m_history->hasFuture()) {
        // The recorded run replays, stopping at each of its say lines.
        for (const raft::Input *say : sayInputs()) {
            if (say->step < m_history->currentStep())
                continue;
            if (say->t <= target) {
                // A violation recorded on the way stops the replay there first.
                if (playUntilAlarm(say->t, say->step + 1)) {
                    m_displayTime = static_cast<double>(simulation().now());
                    m_lessonBusy = false;
                    pause();
                    return;
                }
                m_history->seekToStep(say->step + 1);
                m_displayTime = static_cast<double>(simulation().now());
                m_lessonBusy = false;
                pause();
                Q_EMIT lessonChanged();
                return;
            }
            break;
        }
        if (target < m_history->frontierTime()) {
            const bool alarm = playUntilAlarm(target);
            m_displayTime = alarm ? static_cast<double>(simulation().now()) : std::max(m_displayTime, t);
            m_lessonBusy = false;
            if (alarm)
                pause();
            return;
        }
        m_history->seekToStep(m_history->frontierStep());
    }
    const PlayerStop before = m_lesson->stop();
    const PlayerStop stop = m_lesson->advance(*m_history, target);
    m_lessonBusy = false;
    // A wait stops the clock where it begins; played on, the world runs while it waits.
    const bool stopped = stop == PlayerStop::Say || stop == PlayerStop::Ask || stop == PlayerStop::Reveal
        || stop == PlayerStop::End || (stop == PlayerStop::Wait && before != PlayerStop::Wait);
    // The alarm stops it right after the step that broke an invariant.
    const bool halted = m_lesson->halted();
    m_displayTime = stopped || halted ? static_cast<double>(simulation().now()) : std::max(m_displayTime, t);
    if (stopped || halted) {
        // The clock stops at the lesson's stops, and after its last line.
        pause();
        if (stopped && stop != PlayerStop::End)
            markStop();
    }
    if (stop == PlayerStop::End && !m_lessonFinishedSent) {
        m_lessonFinishedSent = true;
        Q_EMIT scenarioFinished(m_scenarioName, m_lesson->passed(), static_cast<int>(m_lesson->failures().size()));
    }
    if (stop != before)
        Q_EMIT lessonChanged();
}

void SimulationController::lessonStep()
{
    // A step from a say line leaves it; lines due before the next event run first (a
    // run that ends before it, the instant lines after it); a stop there is the step.
    m_lesson->proceed();
    const std::optional<Time> next = simulation().nextEventTime();
    if (next && *next > simulation().now())
        advanceLesson(static_cast<double>(*next - 1));
    if (m_lesson->stop() != PlayerStop::None && m_lesson->stop() != PlayerStop::Wait)
        return;
    if (m_history->hasFuture())
        return;
    m_history->step();
    // A run until or a wait sees the event at once.
    advanceLesson(static_cast<double>(simulation().now()));
}

bool SimulationController::releaseStop()
{
    if (!m_lesson || m_lessonFree || m_history->hasFuture())
        return false;
    switch (m_lesson->stop()) {
    case PlayerStop::Say:
    case PlayerStop::Reveal: m_lesson->proceed(); return true;
    case PlayerStop::Ask: return m_lesson->answer(0);
    case PlayerStop::Wait: return m_lesson->doItForMe(*m_history);
    case PlayerStop::None:
    case PlayerStop::End: return false;
    }
    return false;
}

void SimulationController::afterLessonChange()
{
    if (!m_lesson || m_lessonBusy)
        return;
    if (m_history->generation() != m_lessonGeneration) {
        // The class acted in the past: the lesson goes on from the last stop before it.
        m_lessonGeneration = m_history->generation();
        const std::uint64_t step = m_history->currentStep();
        while (!m_lessonMarks.empty() && m_lessonMarks.back().first > step)
            m_lessonMarks.pop_back();
        if (!m_lessonMarks.empty()) {
            m_lesson = m_lessonMarks.back().second;
            m_lesson->proceed();
        }
        m_lessonFinishedSent = false;
        m_lessonFree = false;
        Q_EMIT lessonChanged();
    }
    if (m_lesson->stop() == PlayerStop::Wait && !m_history->hasFuture() && !m_lessonFree) {
        // The class may just have done what the wait asks for.
        advanceLesson(static_cast<double>(simulation().now()));
    }
}

void SimulationController::onLessonLine(const raft::LineReport &line)
{
    const raft::ScenarioCommand &command = *line.command;
    if (!line.ok)
        m_scenarioFailures.append(tr("line %1: %2 — %3")
                                      .arg(command.line)
                                      .arg(QString::fromStdString(command.text), QString::fromStdString(line.why)));
    Q_EMIT scenarioLineReached(command.line, QString::fromStdString(command.text), line.ok,
                               QString::fromStdString(line.why));
    if (!line.ok)
        report(tr("Scenario line %1 (%2): %3")
                   .arg(command.line)
                   .arg(QString::fromStdString(command.text), QString::fromStdString(line.why)));
}

// --- the lesson bar's buttons ------------------------------------------------------------

void SimulationController::nextLine()
{
    if (!m_lesson)
        return;
    if (!m_history->hasFuture()) {
        if (m_lessonFree || m_lesson->stop() == PlayerStop::End)
            return;
        if (m_lesson->stop() == PlayerStop::Ask) {
            report(tr("Pick an answer first."));
            return;
        }
        m_lesson->proceed();
    }
    Q_EMIT lessonChanged();
    play();
}

void SimulationController::previousLine()
{
    if (!m_lesson)
        return;
    pause();
    const std::vector<const raft::Input *> says = sayInputs();
    // The say in force now; Back from it goes to the one before (or the start).
    const int index = narrationIndex();
    const bool atSay = index >= 0 && says[static_cast<std::size_t>(index)]->step + 1 == m_history->currentStep();
    const int target = atSay ? index - 1 : index;
    m_history->seekToStep(target >= 0 ? says[static_cast<std::size_t>(target)]->step + 1 : 0);
    afterSeek();
    Q_EMIT lessonChanged();
}

void SimulationController::continueLesson()
{
    if (!m_lesson)
        return;
    if (m_history->hasFuture()) {
        nextLine();
        return;
    }
    if (m_lesson->stop() == PlayerStop::Wait) {
        m_lessonBusy = true;
        m_lesson->doItForMe(*m_history);
        m_lessonBusy = false;
        advanceLesson(static_cast<double>(simulation().now()));
        changed();
        play();
        return;
    }
    if (m_lesson->atEnd()) {
        // "Continue freely": the class plays on from the end of the lesson.
        m_lessonFree = true;
        Q_EMIT lessonChanged();
        play();
        return;
    }
    nextLine();
}

void SimulationController::answerQuestion(int choice)
{
    if (!m_lesson || m_history->hasFuture() || choice < 0)
        return;
    if (!m_lesson->answer(static_cast<std::size_t>(choice)))
        return;
    Q_EMIT lessonChanged();
    play();
}
