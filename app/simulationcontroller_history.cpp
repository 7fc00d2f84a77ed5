// SimulationController's history side: stepping back, seeking, branching when the
// teacher acts in the past, running to the next event of a kind, manual delivery, and
// saved runs. The clock and the user actions are in simulationcontroller.cpp.

#include "simulationcontroller.h"

#include "widgets/eventtext.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <utility>

using raft::NodeId;
using raft::NodeStatus;
using raft::Time;

// --- history: stepping back, seeking, branches, saved runs ------------------------------

bool SimulationController::confirmBranch()
{
    if (!m_history->hasFuture())
        return true;
    pause();
    if (m_confirmBranch && !m_confirmBranch()) {
        report(tr("Nothing changed: the recorded future is kept."));
        return false;
    }
    m_branchApproved = true;
    return true;
}

std::pair<std::size_t, std::size_t> SimulationController::currentStepEvents() const
{
    const auto &events = m_history->trace().events();
    const std::size_t end = m_history->visibleEvents();
    const std::uint64_t step = m_history->currentStep();
    std::size_t first = end;
    while (first > 0 && events[first - 1].step == step)
        --first;
    return {first, end};
}

void SimulationController::afterSeek()
{
    m_displayTime = static_cast<double>(simulation().now());
    // Back before a violation, playing forward rings the alarm at it again.
    m_violationsSeen = std::min(m_violationsSeen, simulation().violations().size());
    changed();
    const auto [first, end] = currentStepEvents();
    Q_EMIT stepped(first, end);
}

void SimulationController::stepBack()
{
    pause();
    if (!m_history->stepBack()) {
        report(tr("This is the start of the run: there is no earlier step."));
        return;
    }
    afterSeek();
}

void SimulationController::seekToStep(quint64 step)
{
    pause();
    m_history->seekToStep(step);
    afterSeek();
}

void SimulationController::seekToTime(Time t)
{
    pause();
    m_history->seekToTime(t);
    afterSeek();
}

bool SimulationController::runToNext(NextEvent what, NodeId node)
{
    pause();
    const auto match = [what, node](const raft::TraceEvent &e) {
        switch (what) {
        case NextEvent::ElectionWon: return e.kind == raft::EventKind::BecameLeader;
        case NextEvent::Commit: return e.kind == raft::EventKind::CommitAdvanced && e.reason == raft::Reason::Majority;
        case NextEvent::TermChange:
            // A term rises when a server times out into a new term or steps down to a
            // higher one (§5.1).
            return e.kind == raft::EventKind::ElectionTimeout
                || (e.kind == raft::EventKind::BecameFollower && e.term > e.term2);
        case NextEvent::AtNode: return e.node == node;
        }
        return false;
    };
    // Scenario lines do not run during the jump: it plays the world alone (the
    // automatic client, part of it, too), like stepping does.
    const bool found = m_history->runUntilEvent(match, kRunToNextLimit);
    const auto [first, end] = currentStepEvents();
    m_displayTime = static_cast<double>(simulation().now());
    if (found && end > first)
        report(widgets::EventText::describe(m_history->trace(), m_history->trace().events()[first]));
    else
        report(tr("Nothing of the kind happened within %1 s of virtual time.").arg(kRunToNextLimit / raft::fromSeconds(1)));
    changed();
    Q_EMIT stepped(first, end);
    return found;
}

std::vector<std::uint64_t> SimulationController::waitingMessages() const
{
    std::vector<std::uint64_t> ids;
    for (const raft::Envelope *envelope : simulation().network().envelopes())
        if (envelope->held)
            ids.push_back(envelope->id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void SimulationController::setHold(bool hold)
{
    if (hold != isHolding()) {
        perform(raft::act::Hold{hold}, [&](const auto &) {
            return hold ? tr("Messages are held: each new one waits at its destination's door until you deliver it.")
                        : tr("Messages fly on their own again; the ones already held still wait for you.");
        });
    }
    Q_EMIT holdChanged(isHolding());
}

void SimulationController::deliverMessage(std::uint64_t id)
{
    const std::size_t before = m_history->visibleEvents();
    if (perform(raft::act::Deliver{id}, [&](const auto &) { return tr("Message #%1 delivered.").arg(id); }))
        Q_EMIT stepped(before, m_history->visibleEvents());
}

void SimulationController::deliverAllWaiting()
{
    const std::vector<std::uint64_t> ids = waitingMessages();
    if (ids.empty()) {
        report(tr("No message is waiting to be delivered."));
        return;
    }
    if (!confirmBranch())
        return;
    const std::size_t before = m_history->visibleEvents();
    int delivered = 0;
    for (std::uint64_t id : ids)
        if (m_history->act(raft::act::Deliver{id}))
            ++delivered; // one waiting at a paused server's door stays there
    report(tr("Delivered %n waiting message(s).", nullptr, delivered));
    changed();
    Q_EMIT stepped(before, m_history->visibleEvents());
}

raft::RunFile SimulationController::runFile() const
{
    raft::RunFile run;
    run.config = m_history->config(); // where the run started, not where the network is now
    run.inputs = m_history->script();
    for (const QString &line : m_notes)
        run.notes.push_back(line.toStdString());
    run.position = m_history->currentStep();
    run.positionTime = simulation().now();
    run.endStep = m_history->frontierStep();
    run.endTime = m_history->frontierTime();
    return run;
}

QString SimulationController::loadRun(const raft::RunFile &run)
{
    const std::string invalid = run.config.validate();
    if (!invalid.empty())
        return QString::fromStdString(invalid);
    auto history = std::make_unique<raft::History>(run.config);
    const std::string problem = history->replay(run.inputs, run.position, run.endStep, run.endTime, run.positionTime);
    if (!problem.empty())
        return QString::fromStdString(problem);
    pause();
    m_lesson.reset();
    m_scenarioName.clear();
    m_scenarioFailures.clear();
    // The old world lives until the views have let go of it (see replaceSimulation).
    const std::unique_ptr<raft::History> old = std::exchange(m_history, std::move(history));
    m_notes.clear();
    for (const std::string &line : run.notes)
        m_notes.append(QString::fromStdString(line));
    m_violationsSeen = simulation().violations().size();
    Q_EMIT structureChanged();
    Q_EMIT holdChanged(isHolding());
    afterSeek();
    return {};
}
