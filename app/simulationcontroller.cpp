#include "simulationcontroller.h"

#include "widgets/eventtext.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

using raft::NodeId;
using raft::NodeStatus;
using raft::Time;

namespace {

/// kMaxFrameWallMs caps one frame's wall delta, so that a stalled window (dragged,
/// suspended) does not jump the simulation forward by minutes.
constexpr double kMaxFrameWallMs = 100.0;

QString nodeText(NodeId id)
{
    return QString::fromStdString(raft::nodeName(id));
}

} // namespace

SimulationController::SimulationController(QObject *parent)
    : QObject(parent)
    , m_sim(std::make_unique<raft::Simulation>(raft::ClusterConfig{}))
{
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    m_frameTimer.setInterval(kFrameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &SimulationController::onFrame);
    m_wallClock.start();
}

SimulationController::~SimulationController() = default;

const std::vector<double> &SimulationController::speedLadder()
{
    static const std::vector<double> ladder = {
        1.0 / 1000, 1.0 / 500, 1.0 / 200, 1.0 / 100, 1.0 / 50, 1.0 / 30, 1.0 / 20,
        1.0 / 10, 1.0 / 5, 1.0 / 2, 1.0, 2.0, 5.0, 10.0,
    };
    return ladder;
}

QString SimulationController::speedText(double speed)
{
    if (speed >= 1.0) {
        const double rounded = std::round(speed * 10.0) / 10.0;
        return tr("%1×").arg(QString::number(rounded, 'g', 3));
    }
    const double inverse = 1.0 / speed;
    return tr("1/%1×").arg(QString::number(std::round(inverse), 'f', 0));
}

// --- time ---------------------------------------------------------------------------

void SimulationController::play()
{
    if (m_playing)
        return;
    m_playing = true;
    m_lastWallNs = m_wallClock.nsecsElapsed();
    m_frameTimer.start();
    Q_EMIT playingChanged(true);
}

void SimulationController::pause()
{
    if (!m_playing)
        return;
    m_playing = false;
    // Nothing moves while paused, so the frame timer rests.
    m_frameTimer.stop();
    Q_EMIT playingChanged(false);
}

void SimulationController::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void SimulationController::stepOnce()
{
    pause();
    // A step must not run past a scenario's "run" boundary without the script
    // seeing it: run pending instant commands first.
    runInstantCommands();
    const auto next = m_sim->nextEventTime();
    if (!next) {
        report(tr("Nothing is scheduled: no message is in flight and no timer runs."));
        return;
    }
    if (m_runTarget && *next > *m_runTarget) {
        // The current "run" ends before the next event: finish it first.
        advanceTimeTo(static_cast<double>(*m_runTarget));
        changed();
        return;
    }
    const std::size_t before = m_sim->trace().size();
    m_sim->step();
    m_displayTime = std::max(m_displayTime, static_cast<double>(m_sim->now()));
    if (m_runTarget && m_runIsUntil && untilHolds())
        advanceTimeTo(m_displayTime);
    // Say what the step did: its first event is the cause (a delivery, a timer), the
    // rest its consequences, listed in the Events pane.
    const auto &events = m_sim->trace().events();
    if (events.size() > before) {
        QString text = widgets::EventText::describe(m_sim->trace(), events[before]);
        if (events.size() > before + 1)
            text += tr(" (and %1 more in the Events pane)").arg(events.size() - before - 1);
        report(text);
    }
    changed();
}

void SimulationController::setSpeed(double speed)
{
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (std::abs(speed - m_speed) < 1e-12)
        return;
    m_speed = speed;
    Q_EMIT speedChanged(m_speed);
}

void SimulationController::faster()
{
    for (double s : speedLadder()) {
        if (s > m_speed * 1.0001) {
            setSpeed(s);
            return;
        }
    }
    setSpeed(kMaxSpeed);
}

void SimulationController::slower()
{
    const auto &ladder = speedLadder();
    for (auto it = ladder.rbegin(); it != ladder.rend(); ++it) {
        if (*it < m_speed * 0.9999) {
            setSpeed(*it);
            return;
        }
    }
    setSpeed(kMinSpeed);
}

void SimulationController::setAutoRequests(bool on)
{
    if (on == m_autoRequests)
        return;
    m_autoRequests = on;
    // The next request comes one interval from now, not in a burst for the time missed.
    m_nextAutoRequest = m_sim->now() + kAutoRequestInterval;
    Q_EMIT autoRequestsChanged(on);
}

void SimulationController::onFrame()
{
    const qint64 nowNs = m_wallClock.nsecsElapsed();
    const double wallMs = static_cast<double>(nowNs - m_lastWallNs) / 1e6;
    m_lastWallNs = nowNs;
    advanceFrame(std::clamp(wallMs, 0.0, kMaxFrameWallMs));
}

void SimulationController::advanceFrame(double wallMs)
{
    if (!m_playing || wallMs <= 0.0)
        return;
    advanceTimeTo(m_displayTime + wallMs * m_speed);
    changed();
}

void SimulationController::runTo(Time t)
{
    advanceTimeTo(static_cast<double>(t));
    changed();
}

void SimulationController::advanceTimeTo(double t)
{
    // Each pass moves the clock to the nearest of: the frame's target, the end of the
    // scenario's current run, the next automatic request. Scenario commands that take
    // no time run as soon as the clock reaches them.
    for (int guard = 0; guard < 100000; ++guard) {
        runInstantCommands();
        double limit = t;
        if (m_runTarget)
            limit = std::min(limit, static_cast<double>(*m_runTarget));
        if (m_autoRequests)
            limit = std::min(limit, static_cast<double>(m_nextAutoRequest));
        const Time whole = static_cast<Time>(std::floor(limit));

        bool untilMet = false;
        if (m_runTarget && m_runIsUntil) {
            // "run until" stops right after the event that makes it true.
            for (;;) {
                const auto next = m_sim->nextEventTime();
                if (!next || *next > whole)
                    break;
                m_sim->step();
                if (untilHolds()) {
                    untilMet = true;
                    break;
                }
            }
        }
        if (!untilMet && whole > m_sim->now())
            m_sim->advanceTo(whole);
        m_displayTime = std::max(m_displayTime, untilMet ? static_cast<double>(m_sim->now()) : limit);

        if (m_autoRequests && m_sim->now() >= m_nextAutoRequest) {
            requestNext();
            m_nextAutoRequest += kAutoRequestInterval;
        }
        if (m_runTarget && (untilMet || m_sim->now() >= *m_runTarget)) {
            const raft::ScenarioCommand &command = m_scenario->commands()[m_nextCommand];
            const bool ok = !m_runIsUntil || untilMet || untilHolds();
            m_runTarget.reset();
            ++m_nextCommand;
            finishCommand(command, ok,
                ok ? std::string() : "the condition did not hold within " + std::to_string(command.duration) + " ms");
            continue;
        }
        if (limit >= t)
            break;
    }
}

void SimulationController::runInstantCommands()
{
    if (!m_scenario || m_runTarget)
        return;
    const auto &commands = m_scenario->commands();
    while (m_nextCommand < commands.size()) {
        const raft::ScenarioCommand &command = commands[m_nextCommand];
        if (command.kind == raft::CommandKind::Run) {
            m_runTarget = m_sim->now() + command.duration;
            m_runIsUntil = false;
            return;
        }
        if (command.kind == raft::CommandKind::RunUntil) {
            const auto leader = m_sim->leader();
            m_untilHadLeader = leader.has_value();
            m_untilBaseTerm = leader ? m_sim->term(*leader) : 0;
            m_runIsUntil = true;
            if (untilHolds()) {
                ++m_nextCommand;
                finishCommand(command, true, {});
                continue;
            }
            m_runTarget = m_sim->now() + command.duration;
            return;
        }
        const raft::CommandOutcome outcome = raft::executeCommand(*m_sim, command);
        ++m_nextCommand;
        finishCommand(command, outcome.ok, outcome.why);
    }
}

bool SimulationController::untilHolds() const
{
    if (!m_scenario || m_nextCommand >= m_scenario->commands().size())
        return false;
    const raft::ScenarioCommand &command = m_scenario->commands()[m_nextCommand];
    const auto leader = m_sim->leader();
    switch (command.until) {
    case raft::UntilCondition::Leader:
        return leader.has_value();
    case raft::UntilCondition::NewLeader:
        return leader && (!m_untilHadLeader || m_sim->term(*leader) > m_untilBaseTerm);
    case raft::UntilCondition::Committed:
        return leader && m_sim->commitIndex(*leader) >= command.number;
    }
    return false;
}

void SimulationController::finishCommand(const raft::ScenarioCommand &command, bool ok, const std::string &why)
{
    const bool counts = raft::isCheck(command.kind) || command.kind == raft::CommandKind::RunUntil;
    if (ok && counts)
        ++m_scenarioPassed;
    if (!ok) {
        m_scenarioFailures.append(tr("line %1: %2 — %3")
                                      .arg(command.line)
                                      .arg(QString::fromStdString(command.text), QString::fromStdString(why)));
    }
    Q_EMIT scenarioLineReached(command.line, QString::fromStdString(command.text), ok, QString::fromStdString(why));
    if (!ok)
        report(tr("Scenario line %1 (%2): %3")
                   .arg(command.line)
                   .arg(QString::fromStdString(command.text), QString::fromStdString(why)));
    if (m_scenario && m_nextCommand >= m_scenario->commands().size())
        Q_EMIT scenarioFinished(m_scenarioName, m_scenarioPassed, static_cast<int>(m_scenarioFailures.size()));
}

// --- scenarios ----------------------------------------------------------------------

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

    const raft::ClusterConfig config = scenario.config();
    m_scenario = std::move(scenario);
    m_scenarioName = QFileInfo(fileName).completeBaseName();
    m_nextCommand = 0;
    m_runTarget.reset();
    m_scenarioPassed = 0;
    m_scenarioFailures.clear();
    // A lesson drives the cluster itself: no automatic requests in the way.
    setAutoRequests(false);
    replaceSimulation(config);
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

// --- servers ------------------------------------------------------------------------

bool SimulationController::requireNode(NodeId id) const
{
    return id >= 1 && id <= m_sim->size();
}

void SimulationController::crash(NodeId id)
{
    if (!requireNode(id))
        return;
    if (m_sim->crash(id))
        report(tr("%1 crashed. Its term, vote and log survive on stable storage.").arg(nodeText(id)));
    else
        report(tr("%1 is already down.").arg(nodeText(id)));
    changed();
}

void SimulationController::restart(NodeId id)
{
    if (!requireNode(id))
        return;
    if (m_sim->restart(id))
        report(tr("%1 restarted from stable storage as a follower.").arg(nodeText(id)));
    else
        report(tr("%1 is not crashed.").arg(nodeText(id)));
    changed();
}

void SimulationController::pauseNode(NodeId id)
{
    if (!requireNode(id))
        return;
    if (m_sim->pause(id))
        report(tr("%1 is paused: its timers stop and its messages wait at the door.").arg(nodeText(id)));
    else
        report(tr("%1 cannot be paused now.").arg(nodeText(id)));
    changed();
}

void SimulationController::resumeNode(NodeId id)
{
    if (!requireNode(id))
        return;
    if (m_sim->resume(id))
        report(tr("%1 resumed.").arg(nodeText(id)));
    else
        report(tr("%1 is not paused.").arg(nodeText(id)));
    changed();
}

void SimulationController::timeoutNow(NodeId id)
{
    if (!requireNode(id))
        return;
    if (m_sim->timeout(id))
        report(tr("%1 timed out and starts an election.").arg(nodeText(id)));
    else
        report(tr("%1 cannot start an election now (it must be up and not the leader).").arg(nodeText(id)));
    changed();
}

void SimulationController::request(NodeId id, const QString &command)
{
    if (!requireNode(id))
        return;
    if (!m_sim->isLive(id)) {
        report(tr("%1 is down: the client gets no answer.").arg(nodeText(id)));
        return;
    }
    const raft::ProposeResult result = m_sim->request(id, command.toStdString());
    if (result.accepted) {
        report(tr("%1 appended “%2” at index %3 in term %4.")
                   .arg(nodeText(id), command)
                   .arg(result.index)
                   .arg(result.term));
    } else if (result.leaderHint != raft::kNoNode) {
        report(tr("%1 is not the leader and refused “%2”; it points the client to %3.")
                   .arg(nodeText(id), command, nodeText(result.leaderHint)));
    } else {
        report(tr("%1 is not the leader and knows no leader: “%2” was refused.").arg(nodeText(id), command));
    }
    changed();
}

void SimulationController::requestToLeader(const QString &command)
{
    const auto leader = m_sim->leader();
    if (!leader) {
        report(tr("There is no leader right now: the client must wait and retry."));
        return;
    }
    request(*leader, command);
}

void SimulationController::requestNext()
{
    const auto leader = m_sim->leader();
    if (!leader || m_sim->status(*leader) != NodeStatus::Up)
        return;
    static const char *const keys[] = {"x", "y", "z"};
    ++m_requestCounter;
    const std::string command = std::string("set ") + keys[(m_requestCounter - 1) % 3] + " "
        + std::to_string(m_requestCounter);
    m_sim->request(*leader, command);
}

void SimulationController::crashLeader()
{
    const auto leader = m_sim->leader();
    if (!leader) {
        report(tr("There is no leader to crash."));
        return;
    }
    crash(*leader);
}

// --- network ------------------------------------------------------------------------

void SimulationController::isolate(NodeId id)
{
    if (!requireNode(id))
        return;
    if (m_sim->isolate(id))
        report(tr("%1 is cut off from every other server.").arg(nodeText(id)));
    changed();
}

void SimulationController::reconnect(NodeId id)
{
    if (!requireNode(id))
        return;
    if (m_sim->reconnect(id))
        report(tr("%1's links are restored.").arg(nodeText(id)));
    else
        report(tr("%1 has no cut link.").arg(nodeText(id)));
    changed();
}

void SimulationController::heal()
{
    if (m_sim->heal())
        report(tr("The network is healed: every partition and cut is gone."));
    else
        report(tr("The network has no fault to heal."));
    changed();
}

void SimulationController::dropMessage(std::uint64_t id)
{
    if (m_sim->dropMessage(id))
        report(tr("Message #%1 dropped.").arg(id));
    else
        report(tr("Message #%1 is no longer in flight.").arg(id));
    changed();
}

void SimulationController::duplicateMessage(std::uint64_t id)
{
    if (m_sim->duplicateMessage(id))
        report(tr("Message #%1 duplicated: the network sends a second copy.").arg(id));
    else
        report(tr("Message #%1 is no longer in flight.").arg(id));
    changed();
}

// --- the cluster --------------------------------------------------------------------

void SimulationController::newCluster(const raft::ClusterConfig &config)
{
    const std::string problem = config.validate();
    if (!problem.empty()) {
        report(tr("Cannot build that cluster: %1").arg(QString::fromStdString(problem)));
        return;
    }
    m_scenario.reset();
    m_scenarioName.clear();
    m_runTarget.reset();
    m_scenarioFailures.clear();
    replaceSimulation(config);
    report(tr("New cluster: %1 servers, seed %2.").arg(config.nodes).arg(config.seed));
}

void SimulationController::startOver()
{
    const raft::ClusterConfig config = m_sim->config();
    if (m_scenario) {
        // Replay the scenario from its first line.
        m_nextCommand = 0;
        m_runTarget.reset();
        m_scenarioPassed = 0;
        m_scenarioFailures.clear();
        replaceSimulation(config);
        report(tr("Scenario “%1” starts over.").arg(m_scenarioName));
        return;
    }
    replaceSimulation(config);
    report(tr("The cluster starts over from time zero."));
}

void SimulationController::restartAll()
{
    int restarted = 0;
    for (NodeId id = 1; id <= m_sim->size(); ++id) {
        if (m_sim->status(id) == NodeStatus::Crashed && m_sim->restart(id))
            ++restarted;
        else if (m_sim->status(id) == NodeStatus::Paused && m_sim->resume(id))
            ++restarted;
    }
    if (restarted > 0)
        report(tr("Servers restarted or resumed: %1.").arg(restarted));
    else
        report(tr("Every server is already up."));
    changed();
}

void SimulationController::provokeSplitVote()
{
    // Candidates whose timers fire at the same instant each vote for themselves; with
    // k candidates among n running servers, at most n - k votes are left to share, so
    // no candidate can reach a quorum q when 1 + (n - k) < q. At least the two
    // earliest timers are aligned (RaftScope's "A"), more when two would still let
    // someone win.
    std::vector<std::pair<Time, NodeId>> followers;
    int live = 0;
    const int quorum = m_sim->size() / 2 + 1;
    bool leaderUp = false;
    for (NodeId id = 1; id <= m_sim->size(); ++id) {
        if (m_sim->status(id) != NodeStatus::Up)
            continue;
        ++live;
        const raft::Node *node = m_sim->node(id);
        if (node->role() == raft::Role::Leader)
            leaderUp = true;
        else
            followers.emplace_back(node->electionDeadline(), id);
    }
    const int wanted = std::max(2, live + 2 - quorum);
    if (static_cast<int>(followers.size()) < wanted || live < quorum) {
        report(tr("A split vote needs at least %1 running followers and a running majority.").arg(wanted));
        return;
    }
    std::sort(followers.begin(), followers.end());
    followers.resize(static_cast<std::size_t>(wanted));
    QStringList names;
    for (const auto &[deadline, id] : followers)
        names.append(nodeText(id));
    if (leaderUp) {
        // The leader's heartbeats would reset any timer set for later: time out now.
        for (const auto &[deadline, id] : followers)
            m_sim->timeout(id);
        report(tr("%1 time out at the same instant: each votes for itself, and no one can reach %2 votes — "
                  "a split vote. Watch new random timeouts settle it.")
                   .arg(names.join(QStringLiteral(", ")))
                   .arg(quorum));
    } else {
        // No leader: align the timers, and watch the arcs run out together.
        const Time at = std::max(followers.front().first, m_sim->now());
        for (const auto &[deadline, id] : followers)
            m_sim->setElectionDeadline(id, at);
        report(tr("The election timers of %1 now fire together at %2: each will vote for itself, and no one "
                  "can reach %3 votes — a split vote.")
                   .arg(names.join(QStringLiteral(", ")), widgets::EventText::timeText(static_cast<double>(at)))
                   .arg(quorum));
    }
    changed();
}

void SimulationController::spreadTimers()
{
    // RaftScope's "T": the followers' timers, in the order they would fire, spread
    // evenly over the timeout range from now, so that one clearly fires first.
    std::vector<std::pair<Time, NodeId>> followers;
    for (NodeId id = 1; id <= m_sim->size(); ++id) {
        const raft::Node *node = m_sim->node(id);
        if (node && m_sim->status(id) == NodeStatus::Up && node->role() != raft::Role::Leader)
            followers.emplace_back(node->electionDeadline(), id);
    }
    if (followers.empty()) {
        report(tr("No running follower has an election timer to spread."));
        return;
    }
    std::sort(followers.begin(), followers.end());
    const raft::ClusterConfig &config = m_sim->config();
    const Time span = config.electionTimeoutMax - config.electionTimeoutMin;
    const auto count = static_cast<Time>(followers.size());
    for (Time i = 0; i < count; ++i) {
        const Time offset = count > 1 ? span * i / (count - 1) : 0;
        m_sim->setElectionDeadline(followers[static_cast<std::size_t>(i)].second,
                                   m_sim->now() + config.electionTimeoutMin + offset);
    }
    report(tr("The followers' election timers are spread over %1–%2 ms from now.")
               .arg(config.electionTimeoutMin)
               .arg(config.electionTimeoutMax));
    changed();
}

// --- internals ----------------------------------------------------------------------

void SimulationController::replaceSimulation(const raft::ClusterConfig &config)
{
    m_sim = std::make_unique<raft::Simulation>(config);
    m_displayTime = 0.0;
    m_nextAutoRequest = kAutoRequestInterval;
    m_requestCounter = 0;
    m_violationsSeen = 0;
    Q_EMIT structureChanged();
    runInstantCommands();
    changed();
}

void SimulationController::changed()
{
    const auto &violations = m_sim->violations();
    if (violations.size() > m_violationsSeen) {
        // A broken safety property is the moment to look: stop the clock there.
        m_violationsSeen = violations.size();
        pause();
        report(tr("Safety violated: %1").arg(QString::fromStdString(violations.back().what)));
    }
    Q_EMIT advanced(m_displayTime);
}

void SimulationController::report(const QString &text)
{
    Q_EMIT actionReported(text);
}
