#include "commandguards.h"

#include "simulationcontroller.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QPushButton>

using raft::NodeId;
using raft::NodeStatus;

CommandGuards::CommandGuards(QWidget *window, SimulationController *controller)
    : QObject(window)
    , m_window(window)
    , m_controller(controller)
{ }

bool CommandGuards::runHasBegun() const
{
    const raft::History &history = m_controller->history();
    return history.frontierStep() > 0 || !history.script().empty();
}

CommandGuards::Answer CommandGuards::ask(const QString &objectName, const QString &title, const QString &text,
                                         const QString &yes, const QString &drop)
{
    ++m_questions;
    if (m_answer)
        return *m_answer;
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, m_window);
    box.setObjectName(objectName);
    QPushButton *yesButton = box.addButton(yes, QMessageBox::AcceptRole);
    QPushButton *dropButton = drop.isEmpty() ? nullptr : box.addButton(drop, QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(drop.isEmpty() ? cancel : yesButton);
    box.exec();
    if (box.clickedButton() == yesButton)
        return Answer::Yes;
    if (dropButton && box.clickedButton() == dropButton)
        return Answer::Drop;
    return Answer::Cancel;
}

void CommandGuards::startOver()
{
    if (runHasBegun()
        && ask(QStringLiteral("startOverQuestion"), tr("Start Over?"),
               tr("Starting over throws away this run: every event and action so far (save it first with "
                  "File › Save Run if you want to keep it)."),
               tr("Start Over"))
            != Answer::Yes)
        return;
    m_controller->startOver();
}

bool CommandGuards::confirmNewCluster()
{
    return !runHasBegun()
        || ask(QStringLiteral("newClusterQuestion"), tr("Build a New Cluster?"),
               tr("A new cluster replaces this run: every event and action so far is thrown away (save it first "
                  "with File › Save Run if you want to keep it)."),
               tr("Build It"))
        == Answer::Yes;
}

void CommandGuards::restartAll()
{
    const raft::Simulation &sim = m_controller->simulation();
    int down = 0;
    for (NodeId id = 1; id <= sim.size(); ++id)
        down += sim.status(id) != NodeStatus::Up ? 1 : 0;
    if (down > 0
        && ask(QStringLiteral("restartAllQuestion"), tr("Restart All?"),
               tr("Restart or resume %n server(s) at once? Step Back undoes them one by one.", nullptr, down),
               tr("Restart All"))
            != Answer::Yes)
        return;
    m_controller->restartAll();
}

void CommandGuards::setHold(bool on)
{
    const std::vector<std::uint64_t> waiting = m_controller->waitingMessages();
    if (on || waiting.empty()) {
        m_controller->setHold(on);
        return;
    }
    const int count = static_cast<int>(waiting.size());
    const Answer answer = ask(
        QStringLiteral("holdOffQuestion"), tr("Stop Holding Messages?"),
        tr("%n message(s) still wait at the door. Deliver them now, or drop them? (Left held, they would stay "
           "frozen until you deliver each one.)",
           nullptr, count),
        tr("Deliver Them"), tr("Drop Them"));
    if (answer == Answer::Cancel) {
        Q_EMIT holdUnchanged();
        return;
    }
    // Hold goes off first: the replies to what is delivered now must not be held in turn.
    m_controller->setHold(false);
    if (answer == Answer::Yes) {
        m_controller->deliverAllWaiting();
    } else {
        for (std::uint64_t id : waiting)
            m_controller->dropMessage(id);
    }
}
