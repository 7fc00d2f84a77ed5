#pragma once

#include "raft/action.h"
#include "raft/types.h"

#include <QObject>
#include <QPoint>
#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

class ActionTable;
class QMenu;
class QWidget;
class SimulationController;

namespace widgets {
class ClusterView;
class Selection;
} // namespace widgets

/// ContextMenus are the cluster view's right-click menus: a server's (pause, crash,
/// restart, time out, request, isolate, partition), a message's (deliver, drop,
/// duplicate, inspect), a link's (cut one way or both, restore, its own conditions) and
/// empty space's (request to the leader, heal, the network's conditions, a few of the
/// window's commands). Each is built when it opens, from the world as it is then, so
/// that it offers only what makes sense (Restart for a crashed server, Pause otherwise).
class ContextMenus : public QObject {
    Q_OBJECT
public:
    /// ContextMenus opens its menus over `view` when the user asks there; it acts
    /// through `controller`, reads and sets `selection`, and shares some of the
    /// window's `actions`.
    ContextMenus(QWidget *window, SimulationController *controller, widgets::Selection *selection,
                 widgets::ClusterView *view, const ActionTable *actions);

    /// createNodeMenu builds the menu of server id (objectName "nodeMenu"); the caller
    /// owns it.
    QMenu *createNodeMenu(raft::NodeId id);
    /// createMessageMenu builds the menu of a message ("messageMenu"), owned by
    /// `parent` (default: the window).
    QMenu *createMessageMenu(std::uint64_t id, QWidget *parent = nullptr);
    /// createMessagesMenu builds the menu of the messages under one point: for one,
    /// its menu; for several, a submenu per message ("messagesMenu").
    QMenu *createMessagesMenu(const std::vector<std::uint64_t> &ids);
    /// createBackgroundMenu builds the menu of empty space ("backgroundMenu").
    QMenu *createBackgroundMenu();
    /// createLinkMenu builds the menu of the link from -> to ("linkMenu").
    QMenu *createLinkMenu(raft::NodeId from, raft::NodeId to);

Q_SIGNALS:
    /// inspectorWanted: the user asked to see the selection's fields.
    void inspectorWanted();
    /// networkPaneWanted: the user asked for the network's conditions.
    void networkPaneWanted();
    /// linkEditorWanted: the user asked to give the link from -> to its own conditions.
    void linkEditorWanted(raft::NodeId from, raft::NodeId to);

private:
    void showNodeMenu(raft::NodeId id, QPoint globalPos);
    /// runNodeAction runs a server's action asked for by a quick button, through the
    /// controller slot its menu entry uses.
    void runNodeAction(const raft::Action &action);
    /// popup shows a menu that deletes itself when closed.
    static void popup(QMenu *menu, QPoint globalPos);
    /// messageTitle names a message: "#12 AppendEntries S1 → S3".
    QString messageTitle(std::uint64_t id) const;
    /// askRequest asks for a client command for `target`, then hands it to send.
    void askRequest(const QString &target, const std::function<void(const QString &)> &send);

    QWidget *m_window = nullptr;
    SimulationController *m_controller = nullptr;
    widgets::Selection *m_selection = nullptr;
    widgets::ClusterView *m_view = nullptr;
    const ActionTable *m_actions = nullptr;
};
