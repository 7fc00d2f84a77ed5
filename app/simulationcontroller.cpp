#include "simulationcontroller.h"

#include "widgets/alarm.h"
#include "widgets/eventtext.h"
#include "widgets/refusaltext.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <utility>

using raft::NodeId;
using raft::NodeStatus;
using raft::Time;
using widgets::RefusalText;

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
    : widgets::SimulationSource(parent)
    , m_history(std::make_unique<raft::History>(raft::ClusterConfig{.autoClient = kAutoRequestInterval}))
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
        1.0 / 10,   1.0 / 5,   1.0 / 2,   1.0,       2.0,      5.0,      10.0,
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
    if (m_frameTimerEnabled)
        m_frameTimer.start();
    Q_EMIT playingChanged(true);
}

void SimulationController::setFrameTimerEnabled(bool on)
{
    m_frameTimerEnabled = on;
    if (!on)
        m_frameTimer.stop();
    else if (m_playing)
        m_frameTimer.start();
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
    // At a line of a lesson, Space is Next (a presenter's key).
    if (!m_playing && lessonStop() == raft::PlayerStop::Say) {
        nextLine();
        return;
    }
    if (m_playing)
        pause();
    else
        play();
}

void SimulationController::stepOnce()
{
    pause();
    const auto next = simulation().nextEventTime();
    if (!next && !m_history->hasFuture()) {
        report(tr("Nothing is scheduled: no message is in flight and no timer runs."));
        return;
    }
    const std::size_t before = m_history->visibleEvents();
    // A lesson sees the step: its lines due before the event run first.
    if (m_lesson && !m_lessonFree && !m_history->hasFuture())
        lessonStep();
    else
        m_history->step();
    m_displayTime = static_cast<double>(simulation().now());
    // Say what the step did: its first event is the cause (a delivery, a timer), the
    // rest its consequences, listed in the Events pane.
    const raft::Trace &trace = m_history->trace();
    const std::size_t after = m_history->visibleEvents();
    if (after > before) {
        QString text = widgets::EventText::describe(trace, trace.events()[before]);
        if (after > before + 1)
            text += tr(" (and %1 more in the Events pane)").arg(after - before - 1);
        report(text);
    }
    changed();
    Q_EMIT stepped(before, after);
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
    if (on != autoRequests()) {
        perform(raft::act::AutoClient{on ? kAutoRequestInterval : 0}, [&](const auto &) {
            return on
                ? tr("A client now sends the leader a request every %1 ms of simulated time.")
                      .arg(widgets::EventText::msText(kAutoRequestInterval))
                : tr("The automatic client stopped sending requests.");
        });
    }
    Q_EMIT autoRequestsChanged(autoRequests());
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
    // speed is virtual milliseconds per wall millisecond.
    advanceTimeTo(m_displayTime + wallMs * m_speed * static_cast<double>(raft::kTicksPerMs));
    changed();
}

void SimulationController::runTo(Time t)
{
    // At once, as headless plays: every stop of a lesson is released on the way, and
    // the alarm (which stops playback at a violation) too.
    for (int guard = 0; guard < 100000; ++guard) {
        const std::size_t violations = simulation().violations().size();
        advanceTimeTo(static_cast<double>(t));
        if (simulation().now() >= t)
            break;
        if (simulation().violations().size() == violations && !releaseStop())
            break;
    }
    changed();
}

void SimulationController::advanceTimeTo(double t)
{
    if (m_lesson && !m_lessonFree) {
        advanceLesson(t);
        return;
    }
    // The automatic client is part of the world: it acts inside advanceTo, and
    // behind the frontier its requests replay with everything else.
    const Time whole = static_cast<Time>(std::floor(t));
    if (whole > simulation().now() && playUntilAlarm(whole)) {
        m_displayTime = static_cast<double>(simulation().now());
        return;
    }
    m_displayTime = std::max(m_displayTime, t);
}

bool SimulationController::playUntilAlarm(Time until, std::uint64_t lastStep)
{
    const std::size_t seen = simulation().violations().size();
    const bool stopped = m_history->runUntil(
        [&] { return simulation().violations().size() > seen || m_history->currentStep() >= lastStep; },
        std::max<Time>(until - simulation().now(), 0));
    return stopped && simulation().violations().size() > seen;
}

// --- user actions -------------------------------------------------------------------

bool SimulationController::perform(const raft::Action &action,
                                   const std::function<QString(const raft::ActionResult &)> &doneText)
{
    // Refused now: say why, and ask nothing (not even to branch).
    if (const raft::ActionResult check = simulation().check(action); !check) {
        report(RefusalText::describe(check));
        return false;
    }
    if (!confirmBranch())
        return false;
    const raft::ActionResult result = change([&](raft::Simulation &sim) { return sim.apply(action); });
    report(result ? doneText(result) : RefusalText::describe(result));
    changed();
    return result.isDone();
}

void SimulationController::crash(NodeId id)
{
    perform(raft::act::Crash{id}, [&](const auto &) {
        return tr("%1 crashed. Its term, vote and log survive on stable storage.").arg(nodeText(id));
    });
}

void SimulationController::restart(NodeId id)
{
    perform(raft::act::Restart{id},
            [&](const auto &) { return tr("%1 restarted from stable storage as a follower.").arg(nodeText(id)); });
}

void SimulationController::pauseNode(NodeId id)
{
    perform(raft::act::Pause{id}, [&](const auto &) {
        return tr("%1 is paused: its timers stop and its messages wait at the door.").arg(nodeText(id));
    });
}

void SimulationController::resumeNode(NodeId id)
{
    perform(raft::act::Resume{id}, [&](const auto &) { return tr("%1 resumed.").arg(nodeText(id)); });
}

void SimulationController::timeoutNow(NodeId id)
{
    perform(raft::act::Timeout{id},
            [&](const auto &) { return tr("%1 timed out and starts an election.").arg(nodeText(id)); });
}

void SimulationController::makeLeader(NodeId id)
{
    perform(raft::act::Transfer{id},
            [&](const auto &) { return tr("The leader hands leadership over to %1 (§3.10).").arg(nodeText(id)); });
}

void SimulationController::takeSnapshot(NodeId id)
{
    perform(raft::act::Snapshot{id}, [&](const auto &) {
        return tr("%1 took a snapshot up to index %2 and discarded the log before it (§7).")
            .arg(nodeText(id))
            .arg(simulation().log(id).snapshotIndex());
    });
}

void SimulationController::addServer(NodeId id)
{
    perform(raft::act::AddServer{id}, [&](const auto &) {
        return tr("The leader catches %1 up as a learner; then it appends the configuration with %1 (§4.2.1).")
            .arg(nodeText(id));
    });
}

void SimulationController::addNextServer()
{
    addServer(nextServerToAdd(simulation()));
}

void SimulationController::removeServer(NodeId id)
{
    perform(raft::act::RemoveServer{id}, [&](const auto &) {
        return tr("The leader appends the configuration without %1; %1 leaves once it is committed (§4.2.2).")
            .arg(nodeText(id));
    });
}

NodeId SimulationController::nextServerToAdd(const raft::Simulation &sim)
{
    for (NodeId id = 1; id <= sim.size(); ++id)
        if (sim.memberState(id) == raft::MemberState::Spare || sim.memberState(id) == raft::MemberState::Removed)
            return id;
    return static_cast<NodeId>(std::min(sim.size() + 1, raft::kMaxNodes));
}

void SimulationController::read(NodeId id, const QString &key)
{
    perform(raft::act::Read{id, key.toStdString()}, [&](const auto &) {
        const raft::ReadRecord &read = simulation().reads().back();
        if (read.answeredAt)
            return tr("%1 answered: %2 = %3")
                .arg(nodeText(id), key, read.value ? QString::fromStdString(*read.value) : tr("(none)"));
        if (read.why == "pending")
            return tr("%1 took the read of %2; the answer follows once it is confirmed (§6.4).").arg(nodeText(id), key);
        return tr("%1 did not take the read of %2: %3").arg(nodeText(id), key, QString::fromStdString(read.why));
    });
}

void SimulationController::request(NodeId id, const QString &command)
{
    if (id >= 1 && id <= simulation().size() && !simulation().isLive(id)) {
        report(tr("%1 is down: the client gets no answer.").arg(nodeText(id)));
        return;
    }
    perform(raft::act::Request{id, command.toStdString()}, [&](const raft::ActionResult &done) {
        const raft::ProposeResult &result = done.proposal;
        if (result.accepted)
            return tr("%1 appended “%2” at index %3 in term %4.")
                .arg(nodeText(id), command)
                .arg(result.index)
                .arg(result.term);
        if (result.leaderHint != raft::kNoNode)
            return tr("%1 is not the leader and refused “%2”; it points the client to %3.")
                .arg(nodeText(id), command, nodeText(result.leaderHint));
        return tr("%1 is not the leader and knows no leader: “%2” was refused.").arg(nodeText(id), command);
    });
}

void SimulationController::requestToLeader(const QString &command)
{
    const auto leader = simulation().leader();
    if (!leader) {
        report(tr("There is no leader right now: the client must wait and retry."));
        return;
    }
    request(*leader, command);
}

void SimulationController::requestNext()
{
    if (!confirmBranch())
        return;
    const auto leader = simulation().leader();
    if (!leader || simulation().status(*leader) != NodeStatus::Up)
        return;
    // The leader is up: the request goes out (refused only for a server that is not).
    (void)change([&](raft::Simulation &sim) { return sim.request(*leader, sim.nextClientCommand()); });
    // Paused, no frame follows: the views and a waiting lesson learn of it now.
    changed();
}

void SimulationController::crashLeader()
{
    const auto leader = simulation().leader();
    if (!leader) {
        report(tr("There is no leader to crash."));
        return;
    }
    crash(*leader);
}

// --- network ------------------------------------------------------------------------

void SimulationController::isolate(NodeId id)
{
    perform(raft::act::Isolate{id},
            [&](const auto &) { return tr("%1 is cut off from every other server.").arg(nodeText(id)); });
}

void SimulationController::reconnect(NodeId id)
{
    perform(raft::act::Reconnect{id}, [&](const auto &) { return tr("%1's links are restored.").arg(nodeText(id)); });
}

void SimulationController::heal()
{
    perform(raft::act::Heal{},
            [&](const auto &) { return tr("The network is healed: every partition and cut is gone."); });
}

void SimulationController::partition(const std::vector<std::vector<NodeId>> &groups)
{
    perform(raft::act::Partition{groups}, [&](const auto &) {
        QStringList sides;
        for (const auto &group : groups) {
            QStringList names;
            for (const NodeId id : group)
                names << nodeText(id);
            sides << names.join(QLatin1Char(' '));
        }
        if (simulation().network().groups().empty())
            return tr("No partition: every server is on one side again.");
        return tr("Partition: %1. Messages across a wall are lost.").arg(sides.join(QStringLiteral(" | ")));
    });
}

void SimulationController::cut(NodeId from, NodeId to, bool bothWays)
{
    perform(raft::act::Cut{from, to, bothWays}, [&](const auto &) {
        return bothWays ? tr("The link %1 ↔ %2 is cut both ways.").arg(nodeText(from), nodeText(to))
                        : tr("The link %1 → %2 is cut: messages that way are lost, the other way still works.")
                              .arg(nodeText(from), nodeText(to));
    });
}

void SimulationController::restoreLink(NodeId from, NodeId to, bool bothWays)
{
    perform(raft::act::Restore{from, to, bothWays}, [&](const auto &) {
        return bothWays ? tr("The link %1 ↔ %2 is open again.").arg(nodeText(from), nodeText(to))
                        : tr("The link %1 → %2 is open again.").arg(nodeText(from), nodeText(to));
    });
}

void SimulationController::toggleCut(NodeId from, NodeId to)
{
    if (simulation().check(raft::act::Restore{from, to, false}))
        restoreLink(from, to, false);
    else
        cut(from, to, false);
}

void SimulationController::setNetworkConfig(const raft::NetworkConfig &config)
{
    if (config == simulation().network().config())
        return;
    perform(raft::act::SetNetwork{config}, [&](const auto &) {
        return tr("Every link now: latency %1–%2 ms, loss %3 %, duplication %4 %.")
            .arg(widgets::EventText::msText(config.latencyMin), widgets::EventText::msText(config.latencyMax))
            .arg(std::round(config.loss * 1000.0) / 10.0)
            .arg(std::round(config.duplicate * 1000.0) / 10.0);
    });
}

void SimulationController::setLinkConditions(NodeId from, NodeId to,
                                             const std::optional<raft::LinkConditions> &conditions)
{
    perform(raft::act::SetLink{from, to, conditions}, [&](const auto &) {
        if (!conditions)
            return tr("The link %1 → %2 has the network's conditions again.").arg(nodeText(from), nodeText(to));
        return tr("The link %1 → %2 has its own conditions: latency %3–%4 ms, loss %5 %, duplication %6 %.")
            .arg(nodeText(from), nodeText(to))
            .arg(widgets::EventText::msText(conditions->latencyMin),
                 widgets::EventText::msText(conditions->latencyMax))
            .arg(std::round(conditions->loss * 1000.0) / 10.0)
            .arg(std::round(conditions->duplicate * 1000.0) / 10.0);
    });
}

void SimulationController::dropMessage(std::uint64_t id)
{
    perform(raft::act::Drop{id}, [&](const auto &) { return tr("Message #%1 dropped.").arg(id); });
}

void SimulationController::duplicateMessage(std::uint64_t id)
{
    perform(raft::act::Duplicate{id},
            [&](const auto &) { return tr("Message #%1 duplicated: the network sends a second copy.").arg(id); });
}

// --- the cluster --------------------------------------------------------------------

void SimulationController::newCluster(const raft::ClusterConfig &config)
{
    const std::string problem = config.validate();
    if (!problem.empty()) {
        report(tr("Cannot build that cluster: %1").arg(QString::fromStdString(problem)));
        return;
    }
    m_lesson.reset();
    m_scenarioName.clear();
    m_scenarioFailures.clear();
    raft::ClusterConfig built = config;
    built.autoClient = simulation().config().autoClient;
    replaceSimulation(built);
    report(tr("New cluster: %1 servers, seed %2.").arg(config.nodes).arg(config.seed));
}

void SimulationController::startOver()
{
    const raft::ClusterConfig config = simulation().config();
    if (m_lesson) {
        // Play the lesson again from its first line.
        restartLesson(raft::ScenarioPlayer(m_lesson->scenario()));
        report(tr("Scenario “%1” starts over.").arg(m_scenarioName));
        return;
    }
    replaceSimulation(config);
    report(tr("The cluster starts over from time zero."));
}

void SimulationController::restartAll()
{
    if (!confirmBranch())
        return;
    int restarted = 0;
    for (NodeId id = 1; id <= simulation().size(); ++id) {
        if (simulation().status(id) == NodeStatus::Crashed
            && change([&](raft::Simulation &sim) { return sim.restart(id); }))
            ++restarted;
        else if (simulation().status(id) == NodeStatus::Paused
                 && change([&](raft::Simulation &sim) { return sim.resume(id); }))
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
    if (!confirmBranch())
        return;
    // Candidates whose timers fire at the same instant each vote for themselves; with
    // k candidates among n running servers, at most n - k votes are left to share, so
    // no candidate can reach a quorum q when 1 + (n - k) < q. At least the two
    // earliest timers are aligned (RaftScope's "A"), more when two would still let
    // someone win.
    std::vector<std::pair<Time, NodeId>> followers;
    int live = 0;
    const int quorum = simulation().size() / 2 + 1;
    bool leaderUp = false;
    for (NodeId id = 1; id <= simulation().size(); ++id) {
        if (simulation().status(id) != NodeStatus::Up)
            continue;
        ++live;
        const raft::Node *node = simulation().node(id);
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
        // Each is up and not the leader (chosen above), and no time passes between.
        for (const auto &[deadline, id] : followers)
            (void)change([&](raft::Simulation &sim) { return sim.timeout(id); });
        report(tr("%1 time out at the same instant: each votes for itself, and no one can reach %2 votes — "
                  "a split vote. Watch new random timeouts settle it.")
                   .arg(names.join(QStringLiteral(", ")))
                   .arg(quorum));
    } else {
        // No leader: align the timers, and watch the arcs run out together.
        const Time at = std::max(followers.front().first, simulation().now());
        for (const auto &[deadline, id] : followers)
            (void)change([&](raft::Simulation &sim) { return sim.setElectionDeadline(id, at); });
        report(tr("The election timers of %1 now fire together at %2: each will vote for itself, and no one "
                  "can reach %3 votes — a split vote.")
                   .arg(names.join(QStringLiteral(", ")), widgets::EventText::timeText(static_cast<double>(at)))
                   .arg(quorum));
    }
    changed();
}

void SimulationController::spreadTimers()
{
    if (!confirmBranch())
        return;
    // RaftScope's "T": the followers' timers, in the order they would fire, spread
    // evenly over the timeout range from now, so that one clearly fires first.
    std::vector<std::pair<Time, NodeId>> followers;
    for (NodeId id = 1; id <= simulation().size(); ++id) {
        const raft::Node *node = simulation().node(id);
        if (node && simulation().status(id) == NodeStatus::Up && node->role() != raft::Role::Leader)
            followers.emplace_back(node->electionDeadline(), id);
    }
    if (followers.empty()) {
        report(tr("No running follower has an election timer to spread."));
        return;
    }
    std::sort(followers.begin(), followers.end());
    const raft::ClusterConfig &config = simulation().config();
    const Time span = config.electionTimeoutMax - config.electionTimeoutMin;
    const auto count = static_cast<Time>(followers.size());
    for (Time i = 0; i < count; ++i) {
        const Time offset = count > 1 ? span * i / (count - 1) : 0;
        const Time at = simulation().now() + config.electionTimeoutMin + offset;
        // Each is an up follower (chosen above) and `at` lies ahead.
        (void)change([&](raft::Simulation &sim) {
            return sim.setElectionDeadline(followers[static_cast<std::size_t>(i)].second, at);
        });
    }
    report(tr("The followers' election timers are spread over %1–%2 ms from now.")
               .arg(widgets::EventText::msText(config.electionTimeoutMin),
                    widgets::EventText::msText(config.electionTimeoutMax)));
    changed();
}

// --- internals ----------------------------------------------------------------------

void SimulationController::replaceSimulation(const raft::ClusterConfig &config)
{
    // The old world lives until every view has let go of it: a view may still read
    // it (a layout pass, a size hint) while structureChanged is being delivered.
    const std::unique_ptr<raft::History> old = std::exchange(m_history, std::make_unique<raft::History>(config));
    m_displayTime = 0.0;
    m_violationsSeen = 0;
    Q_EMIT structureChanged();
    changed();
}

void SimulationController::changed()
{
    // An approval to branch covers one action only.
    m_branchApproved = false;
    afterLessonChange();
    const auto &violations = simulation().violations();
    if (violations.size() > m_violationsSeen) {
        // A broken safety property is the moment to look: the clock stopped right after
        // the step that broke it (advanceTimeTo); the step banner explains that step and
        // names the same finding as the red banner and the marks (widgets/alarm.h).
        m_violationsSeen = violations.size();
        pause();
        const raft::Violation &alarm = *widgets::alarmViolation(simulation());
        report(tr("Safety violated: %1").arg(QString::fromStdString(alarm.what)));
        Q_EMIT advanced(m_displayTime);
        if (alarm.step == m_history->currentStep()) {
            const auto [first, end] = currentStepEvents();
            Q_EMIT stepped(first, end);
        }
        return;
    }
    Q_EMIT advanced(m_displayTime);
}

void SimulationController::report(const QString &text)
{
    Q_EMIT actionReported(text);
}
