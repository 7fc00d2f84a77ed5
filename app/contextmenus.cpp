#include "contextmenus.h"

#include "actiontable.h"
#include "clientrequestdialog.h"
#include "icons.h"
#include "simulationcontroller.h"

#include "widgets/clusterview.h"
#include "widgets/refusaltext.h"
#include "widgets/eventtext.h"
#include "widgets/networksides.h"
#include "widgets/selection.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QStyle>
#include <QWidget>

#include <algorithm>
#include <type_traits>
#include <variant>

using raft::NodeId;
using raft::NodeStatus;
using widgets::EventText;
using widgets::RefusalText;

ContextMenus::ContextMenus(QWidget *window, SimulationController *controller, widgets::Selection *selection,
                           widgets::ClusterView *view, const ActionTable *actions)
    : QObject(window)
    , m_window(window)
    , m_controller(controller)
    , m_selection(selection)
    , m_view(view)
    , m_actions(actions)
{
    connect(view, &widgets::ClusterView::nodeContextMenuRequested, this, &ContextMenus::showNodeMenu);
    connect(view, &widgets::ClusterView::messageContextMenuRequested, this, [this](std::uint64_t id, QPoint globalPos) {
        // Several messages under the point: the menu lists them all, so that
        // Drop picks the one meant (the one hit first leads).
        std::vector<std::uint64_t> ids = m_view->hitTest(m_view->mapFromGlobal(globalPos)).messages;
        if (ids.empty() || ids.front() != id)
            ids = {id};
        popup(createMessagesMenu(ids), globalPos);
    });
    // The quick buttons around a hovered server take the road of the menu's entries.
    connect(view, &widgets::ClusterView::nodeActionRequested, this, &ContextMenus::runNodeAction);
    connect(view, &widgets::ClusterView::backgroundContextMenuRequested, this,
            [this](QPoint globalPos) { popup(createBackgroundMenu(), globalPos); });
    connect(view, &widgets::ClusterView::linkContextMenuRequested, this,
            [this](NodeId from, NodeId to, QPoint globalPos) { popup(createLinkMenu(from, to), globalPos); });
}

void ContextMenus::runNodeAction(const raft::Action &action)
{
    // The controller's slots that the node menu's entries trigger: each checks, reports
    // a refusal's reason in the status bar, or acts and says what it did.
    std::visit(
        [this](const auto &a) {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, raft::act::Pause>)
                m_controller->pauseNode(a.node);
            else if constexpr (std::is_same_v<A, raft::act::Resume>)
                m_controller->resumeNode(a.node);
            else if constexpr (std::is_same_v<A, raft::act::Crash>)
                m_controller->crash(a.node);
            else if constexpr (std::is_same_v<A, raft::act::Restart>)
                m_controller->restart(a.node);
            else if constexpr (std::is_same_v<A, raft::act::Timeout>)
                m_controller->timeoutNow(a.node);
            else if constexpr (std::is_same_v<A, raft::act::Request>)
                m_controller->request(a.node, QString::fromStdString(a.command));
        },
        action);
}

void ContextMenus::popup(QMenu *menu, QPoint globalPos)
{
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void ContextMenus::showNodeMenu(NodeId id, QPoint globalPos)
{
    // A right-click on a server of a multiple selection keeps the selection, for
    // "Partition: selection vs the rest", and makes that server the main one.
    std::vector<NodeId> nodes = m_selection->nodes();
    const auto at = std::find(nodes.begin(), nodes.end(), id);
    if (at == nodes.end())
        nodes = {id};
    else
        std::rotate(nodes.begin(), at, at + 1);
    m_selection->selectNodes(nodes);
    popup(createNodeMenu(id), globalPos);
}

void ContextMenus::askRequest(const QString &target, const std::function<void(const QString &)> &send)
{
    auto *dialog = new ClientRequestDialog(target, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [dialog, send] { send(dialog->command()); });
    dialog->open();
}

QMenu *ContextMenus::createNodeMenu(NodeId id)
{
    const raft::Simulation &sim = m_controller->simulation();
    auto *menu = new QMenu(m_window);
    menu->setObjectName(QStringLiteral("nodeMenu"));
    const NodeStatus status = sim.status(id);
    const QString name = EventText::nodeText(id);
    const QString state = status == NodeStatus::Up ? EventText::roleText(sim.role(id)) : EventText::statusText(status);
    menu->addSection(tr("%1 — %2, term %3").arg(name, state).arg(sim.term(id)));

    const bool paused = status == NodeStatus::Paused;
    QAction *pauseAction = menu->addAction(paused ? tr("&Resume") : tr("&Pause"));
    pauseAction->setObjectName(paused ? QStringLiteral("resumeNodeAction") : QStringLiteral("pauseNodeAction"));
    pauseAction->setStatusTip(tr("A paused server freezes: its timers stop and its messages wait at the door"));
    pauseAction->setEnabled(paused ? sim.check(raft::act::Resume{id}).isDone()
                                   : sim.check(raft::act::Pause{id}).isDone());
    connect(pauseAction, &QAction::triggered, m_controller, [this, id, paused] {
        if (paused)
            m_controller->resumeNode(id);
        else
            m_controller->pauseNode(id);
    });

    const bool crashed = status == NodeStatus::Crashed;
    QAction *crashAction = menu->addAction(crashed ? tr("Re&start") : tr("&Crash"));
    crashAction->setObjectName(crashed ? QStringLiteral("restartNodeAction") : QStringLiteral("crashNodeAction"));
    crashAction->setIcon(crashed ? m_window->style()->standardIcon(QStyle::SP_BrowserReload) : Icons::crash());
    crashAction->setStatusTip(
        crashed ? tr("Restart from stable storage: term, vote and log survive; commitIndex starts at 0")
                : tr("Crash: only the stable storage (term, vote, log) survives"));
    crashAction->setEnabled(crashed ? sim.check(raft::act::Restart{id}).isDone()
                                    : sim.check(raft::act::Crash{id}).isDone());
    connect(crashAction, &QAction::triggered, m_controller, [this, id, crashed] {
        if (crashed)
            m_controller->restart(id);
        else
            m_controller->crash(id);
    });

    QAction *timeoutAction = menu->addAction(tr("&Time Out Now"));
    timeoutAction->setObjectName(QStringLiteral("timeoutNodeAction"));
    timeoutAction->setStatusTip(tr("Start an election now, as if the election timer had fired"));
    timeoutAction->setEnabled(sim.check(raft::act::Timeout{id}).isDone());
    connect(timeoutAction, &QAction::triggered, m_controller, [this, id] { m_controller->timeoutNow(id); });

    // §3.10: the core says whether (and why not) this server can take over.
    const raft::ActionResult transfer = sim.check(raft::act::Transfer{id});
    QAction *leaderAction = menu->addAction(tr("Make &Leader"));
    leaderAction->setObjectName(QStringLiteral("makeLeaderNodeAction"));
    leaderAction->setStatusTip(
        transfer ? tr("Leadership transfer: the leader brings this server up to date and tells "
                      "it to start an election now (§3.10)")
                 : tr("Cannot hand leadership to this server: %1").arg(RefusalText::describe(transfer)));
    leaderAction->setToolTip(leaderAction->statusTip());
    leaderAction->setEnabled(transfer.isDone());
    connect(leaderAction, &QAction::triggered, m_controller, [this, id] { m_controller->makeLeader(id); });

    // §7: the core says whether (and why not) this server can snapshot now.
    const raft::ActionResult snapshot = sim.check(raft::act::Snapshot{id});
    QAction *snapshotAction = menu->addAction(tr("Take &Snapshot"));
    snapshotAction->setObjectName(QStringLiteral("snapshotNodeAction"));
    snapshotAction->setStatusTip(snapshot
                                     ? tr("Snapshot the state machine now and discard the log entries it replaces (§7)")
                                     : tr("Cannot take a snapshot: %1").arg(RefusalText::describe(snapshot)));
    snapshotAction->setToolTip(snapshotAction->statusTip());
    snapshotAction->setEnabled(snapshot.isDone());
    connect(snapshotAction, &QAction::triggered, m_controller, [this, id] { m_controller->takeSnapshot(id); });

    // §6: a server outside the configuration may be added, a voter removed (the
    // leader itself included); the core says whether (and why not).
    const raft::MemberState member = sim.memberState(id);
    const bool outside = member == raft::MemberState::Spare || member == raft::MemberState::Removed;
    const raft::ActionResult change = outside ? sim.check(raft::act::AddServer{id})
                                              : sim.check(raft::act::RemoveServer{id});
    QAction *memberAction = menu->addAction(outside ? tr("&Add to Cluster") : tr("Re&move from Cluster"));
    memberAction->setObjectName(outside ? QStringLiteral("addNodeAction") : QStringLiteral("removeNodeAction"));
    memberAction->setStatusTip(
        change ? (outside ? tr("Membership change: the leader catches this server up as a learner, then appends "
                               "the configuration with it (§4.2.1)")
                          : tr("Membership change: the leader appends the configuration without this server; "
                               "a removed leader steps down once it is committed (§4.2.2)"))
               : (outside ? tr("Cannot add this server: %1") : tr("Cannot remove this server: %1"))
                     .arg(RefusalText::describe(change)));
    memberAction->setToolTip(memberAction->statusTip());
    memberAction->setEnabled(change.isDone());
    connect(memberAction, &QAction::triggered, m_controller, [this, id, outside] {
        if (outside)
            m_controller->addServer(id);
        else
            m_controller->removeServer(id);
    });

    QAction *requestAction = menu->addAction(Icons::clientRequest(), tr("Client Re&quest…"));
    requestAction->setObjectName(QStringLiteral("requestNodeAction"));
    requestAction->setStatusTip(tr("Send a client command to this server"));
    connect(requestAction, &QAction::triggered, this, [this, id] {
        askRequest(EventText::nodeText(id), [this, id](const QString &command) { m_controller->request(id, command); });
    });

    QAction *readAction = menu->addAction(tr("Rea&d a Key…"));
    readAction->setObjectName(QStringLiteral("readNodeAction"));
    readAction->setStatusTip(tr("A client reads a key at this server (§6.4)"));
    readAction->setEnabled(sim.check(raft::act::Read{id, "x"}).isDone());
    connect(readAction, &QAction::triggered, this, [this, id] {
        bool ok = false;
        const QString key = QInputDialog::getText(m_window, tr("Read"),
                                                  tr("Key to read at %1:").arg(EventText::nodeText(id)),
                                                  QLineEdit::Normal, QStringLiteral("x"), &ok)
                                .trimmed();
        if (ok && !key.isEmpty() && !key.contains(QLatin1Char(' ')))
            m_controller->read(id, key);
    });

    menu->addSeparator();
    bool hasCuts = false;
    for (NodeId other = 1; other <= sim.size(); ++other)
        hasCuts = hasCuts || (other != id && (sim.network().isCut(id, other) || sim.network().isCut(other, id)));
    QAction *isolateAction = menu->addAction(hasCuts ? tr("Reco&nnect") : tr("&Isolate from Network"));
    isolateAction->setObjectName(hasCuts ? QStringLiteral("reconnectNodeAction") : QStringLiteral("isolateNodeAction"));
    isolateAction->setIcon(hasCuts ? Icons::heal() : QIcon());
    isolateAction->setStatusTip(hasCuts ? tr("Restore every cut link to and from this server")
                                        : tr("Cut every link to and from this server"));
    connect(isolateAction, &QAction::triggered, m_controller, [this, id, hasCuts] {
        if (hasCuts)
            m_controller->reconnect(id);
        else
            m_controller->isolate(id);
    });

    // Sides: the selection this server belongs to (or the server alone) against the rest.
    std::vector<NodeId> side = m_selection->contains(id) ? m_selection->nodes() : std::vector<NodeId>{id};
    std::sort(side.begin(), side.end());
    QAction *partitionAction = menu->addAction(
        tr("Partition: %1 vs the Rest").arg(widgets::NetworkSides::nodeList(side)));
    partitionAction->setObjectName(QStringLiteral("partitionNodeAction"));
    partitionAction->setStatusTip(tr("Put these servers on one side of a wall and every other server on the other "
                                     "side (Ctrl-click or drag on empty space to select several)"));
    partitionAction->setEnabled(static_cast<int>(side.size()) < sim.size());
    connect(partitionAction, &QAction::triggered, this, [this, side] {
        m_selection->selectNodes(side);
        m_view->requestPartitionOfSelection();
    });
    return menu;
}

QMenu *ContextMenus::createMessagesMenu(const std::vector<std::uint64_t> &ids)
{
    if (ids.size() == 1)
        return createMessageMenu(ids.front());
    auto *menu = new QMenu(m_window);
    menu->setObjectName(QStringLiteral("messagesMenu"));
    menu->addSection(tr("%n message(s) here", nullptr, static_cast<int>(ids.size())));
    for (const std::uint64_t id : ids) {
        QMenu *one = createMessageMenu(id, menu);
        one->setTitle(messageTitle(id));
        menu->addMenu(one);
    }
    return menu;
}

QString ContextMenus::messageTitle(std::uint64_t id) const
{
    const raft::Envelope *envelope = m_controller->simulation().network().find(id);
    if (!envelope)
        return tr("Message #%1").arg(id);
    const raft::Message &m = envelope->message;
    return tr("#%1 %2 %3 → %4")
        .arg(id)
        .arg(EventText::messageTypeText(m.type), EventText::nodeText(m.from), EventText::nodeText(m.to));
}

QMenu *ContextMenus::createMessageMenu(std::uint64_t id, QWidget *parent)
{
    const raft::Simulation &sim = m_controller->simulation();
    auto *menu = new QMenu(parent ? parent : m_window);
    menu->setObjectName(QStringLiteral("messageMenu"));
    if (sim.network().find(id))
        menu->addSection(messageTitle(id));
    QAction *deliver = menu->addAction(tr("Deliver &now"));
    deliver->setObjectName(QStringLiteral("deliverMessageAction"));
    deliver->setStatusTip(tr("Deliver this message at once, ahead of the others: its receiver handles it now"));
    deliver->setEnabled(sim.check(raft::act::Deliver{id}).isDone());
    connect(deliver, &QAction::triggered, m_controller, [this, id] { m_controller->deliverMessage(id); });
    QAction *drop = menu->addAction(tr("&Drop"));
    drop->setObjectName(QStringLiteral("dropMessageAction"));
    drop->setStatusTip(tr("Lose this message, as an unreliable network may"));
    drop->setEnabled(sim.check(raft::act::Drop{id}).isDone());
    connect(drop, &QAction::triggered, m_controller, [this, id] { m_controller->dropMessage(id); });
    QAction *duplicate = menu->addAction(tr("D&uplicate"));
    duplicate->setObjectName(QStringLiteral("duplicateMessageAction"));
    duplicate->setStatusTip(tr("Send a second copy of this message, as an unreliable network may"));
    duplicate->setEnabled(sim.check(raft::act::Duplicate{id}).isDone());
    connect(duplicate, &QAction::triggered, m_controller, [this, id] { m_controller->duplicateMessage(id); });
    QAction *inspect = menu->addAction(tr("&Inspect"));
    inspect->setObjectName(QStringLiteral("inspectMessageAction"));
    inspect->setStatusTip(tr("Show every field of this message in the inspector"));
    connect(inspect, &QAction::triggered, this, [this, id] {
        m_selection->selectMessage(id);
        Q_EMIT inspectorWanted();
    });
    return menu;
}

QMenu *ContextMenus::createBackgroundMenu()
{
    auto *menu = new QMenu(m_window);
    menu->setObjectName(QStringLiteral("backgroundMenu"));
    QAction *request = menu->addAction(Icons::clientRequest(), tr("Client Re&quest to the Leader…"));
    request->setObjectName(QStringLiteral("requestLeaderMenuAction"));
    request->setStatusTip(tr("Send a client command to the current leader"));
    connect(request, &QAction::triggered, this, [this] {
        askRequest(tr("the leader"), [this](const QString &command) { m_controller->requestToLeader(command); });
    });
    QAction *heal = menu->addAction(Icons::heal(), tr("&Heal Network"));
    heal->setObjectName(QStringLiteral("healMenuAction"));
    heal->setStatusTip(m_actions->action(QStringLiteral("healAction"))->statusTip());
    connect(heal, &QAction::triggered, m_controller, &SimulationController::heal);
    menu->addAction(m_actions->action(QStringLiteral("partitionSelectionAction")));
    QAction *network = menu->addAction(tr("Network &Conditions…"));
    network->setObjectName(QStringLiteral("networkConditionsMenuAction"));
    network->setStatusTip(tr("Latency, loss and duplication of the whole network and of single links"));
    connect(network, &QAction::triggered, this, &ContextMenus::networkPaneWanted);
    menu->addSeparator();
    for (const char *name : {"addServerAction", "splitVoteAction", "restartAllAction", "legendAction"})
        menu->addAction(m_actions->action(QLatin1String(name)));
    return menu;
}

QMenu *ContextMenus::createLinkMenu(NodeId from, NodeId to)
{
    const raft::Simulation &sim = m_controller->simulation();
    const raft::Network &network = sim.network();
    const QString a = EventText::nodeText(from);
    const QString b = EventText::nodeText(to);
    auto *menu = new QMenu(m_window);
    menu->setObjectName(QStringLiteral("linkMenu"));
    menu->addSection(tr("Link %1 ↔ %2").arg(a, b));
    const bool forwardCut = network.isCut(from, to);
    const bool backwardCut = network.isCut(to, from);
    const auto add = [&](const QString &text, const QString &name, const QString &tip, bool enabled) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        action->setStatusTip(tip);
        action->setEnabled(enabled);
        return action;
    };
    QAction *cutForward = add(tr("Cut %1 → %2").arg(a, b), QStringLiteral("cutForwardAction"),
                              tr("Messages from %1 to %2 are lost; %2 can still reach %1").arg(a, b), !forwardCut);
    connect(cutForward, &QAction::triggered, m_controller, [this, from, to] { m_controller->cut(from, to, false); });
    QAction *cutBackward = add(tr("Cut %1 → %2").arg(b, a), QStringLiteral("cutBackwardAction"),
                               tr("Messages from %1 to %2 are lost; %2 can still reach %1").arg(b, a), !backwardCut);
    connect(cutBackward, &QAction::triggered, m_controller, [this, from, to] { m_controller->cut(to, from, false); });
    QAction *cutBoth = add(tr("Cut Both Ways"), QStringLiteral("cutBothAction"),
                           tr("Neither %1 nor %2 can reach the other").arg(a, b), !(forwardCut && backwardCut));
    connect(cutBoth, &QAction::triggered, m_controller, [this, from, to] { m_controller->cut(from, to, true); });
    QAction *restore = add(tr("&Restore %1 ↔ %2").arg(a, b), QStringLiteral("restoreLinkAction"),
                           tr("Reopen both directions of this link (a partition wall, if any, stays)"),
                           sim.check(raft::act::Restore{from, to, true}).isDone());
    restore->setIcon(Icons::heal());
    connect(restore, &QAction::triggered, m_controller,
            [this, from, to] { m_controller->restoreLink(from, to, true); });
    if (network.groupOf(from) != network.groupOf(to)) {
        QAction *wall = menu->addAction(tr("A partition wall stands between them"));
        wall->setEnabled(false);
    }
    menu->addSeparator();
    QAction *conditions = add(tr("Link &Conditions %1 → %2…").arg(a, b), QStringLiteral("linkConditionsAction"),
                              tr("Give this one-way link its own latency, loss and duplication"), true);
    connect(conditions, &QAction::triggered, this, [this, from, to] { Q_EMIT linkEditorWanted(from, to); });
    if (network.link(from, to) || network.link(to, from)) {
        QAction *reset = add(tr("The Network's Conditions Again"), QStringLiteral("resetLinkConditionsAction"),
                             tr("Both directions of this link meet the network's conditions again"), true);
        connect(reset, &QAction::triggered, m_controller, [this, from, to] {
            if (m_controller->simulation().network().link(from, to))
                m_controller->setLinkConditions(from, to, std::nullopt);
            if (m_controller->simulation().network().link(to, from))
                m_controller->setLinkConditions(to, from, std::nullopt);
        });
    }
    return menu;
}
