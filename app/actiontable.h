#pragma once

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QStyle>

#include <functional>
#include <variant>
#include <vector>

class QAction;
class QActionGroup;
class QMenu;
class QMenuBar;
class QToolBar;
class QWidget;

/// ActionIcon is an action's icon: none, one of the style's, or one of Icons' painters.
using ActionIcon = std::variant<std::monostate, QStyle::StandardPixmap, QIcon (*)()>;

/// ActionOption is a flag of an ActionSpec.
enum class ActionOption : unsigned {
    None = 0,
    /// RepeatWhileHeld: its toolbar button repeats while held down (Step, Step Back).
    RepeatWhileHeld = 1U << 0,
    /// IconOnly: its toolbar button shows the icon without the words.
    IconOnly = 1U << 1,
    /// QuitRole, AboutRole: the platform's menu roles (macOS application menu).
    QuitRole = 1U << 2,
    AboutRole = 1U << 3,
};

/// ActionSpec is one row of the window's table of commands. The table creates the
/// QAction from it, places it in the menus and the toolbar by name, words it (again on
/// every language change), keeps its enabled and checked state up to date, and lists it
/// in the shortcuts dialog when it has keys.
struct ActionSpec {
    /// name is the action's objectName, unique in the table.
    const char *name = nullptr;
    /// text and tip are the menu words (with their & mnemonic) and the status tip, as
    /// untranslated sources (QT_TR_NOOP) of the table's translation context.
    const char *text = nullptr;
    const char *tip = nullptr;
    /// keys are its shortcuts; the first is the one tooltips show.
    QList<QKeySequence> keys = {};
    ActionIcon icon = {};
    /// handler runs when the user triggers it (checked: its new state, if checkable).
    std::function<void(bool checked)> handler = {};
    /// enabledWhen says whether it can act now (empty: always).
    std::function<bool()> enabledWhen = {};
    /// checkedWhen makes it checkable, its check mark showing what this returns.
    std::function<bool()> checkedWhen = {};
    /// group puts checkable actions of the same group in one exclusive group (radio marks).
    const char *group = nullptr;
    /// While alternateWhen holds it shows alternateText and alternateIcon (Play ↔ Pause).
    std::function<bool()> alternateWhen = {};
    const char *alternateText = nullptr;
    ActionIcon alternateIcon = {};
    /// verbatimText, if set, gives words that are never translated (a language's own name).
    std::function<QString()> verbatimText = {};
    unsigned options = 0;

    bool has(ActionOption option) const { return (options & static_cast<unsigned>(option)) != 0; }
};

/// MenuSpec lays out one menu: its objectName, its title (an untranslated source of the
/// table's context) and its items in order. An item is the name of an action of the
/// table, the name of another MenuSpec (a submenu), "@group" (actions handed to
/// buildMenus by that name, e.g. the lessons or the docks' toggles) or "-" (a separator).
/// A menu that is no other menu's item goes into the menu bar, in the order given.
struct MenuSpec {
    const char *name = nullptr;
    const char *title = nullptr;
    std::vector<const char *> items;
};

/// ActionTable creates a window's commands from a table of ActionSpec rows and builds
/// the menus and the toolbar from layouts that name them, so that each command is
/// described once: its words, keys, icon, handler and when it is enabled or checked.
class ActionTable : public QObject {
    Q_OBJECT
public:
    /// kSeparator is the separator item of a menu or toolbar layout.
    static constexpr const char *kSeparator = "-";

    /// ActionTable creates the actions of `specs` as children of window, added to it so
    /// that their shortcuts work wherever the focus is; their words come from
    /// translation context `context`.
    ActionTable(QWidget *window, const char *context, std::vector<ActionSpec> specs);
    ~ActionTable() override;

    /// action is the action named `name` (nullptr if the table has none).
    QAction *action(const QString &name) const;
    /// actions lists every action, in table order.
    const QList<QAction *> &actions() const { return m_actions; }
    /// specs lists the rows, in table order.
    const std::vector<ActionSpec> &specs() const { return m_specs; }
    /// shortcutActions lists the actions that have keys, in table order.
    QList<QAction *> shortcutActions() const;

    /// buildMenus creates the menus of `layout` in menuBar; `groups` holds the actions
    /// of the "@name" items.
    void buildMenus(QMenuBar *menuBar, std::vector<MenuSpec> layout,
                    const QHash<QString, QList<QAction *>> &groups = {});
    /// menu is the menu named `name` built by buildMenus (nullptr if none).
    QMenu *menu(const QString &name) const;
    /// buildToolBar fills toolBar with `items` (action names, "-" and "@name" widgets).
    void buildToolBar(QToolBar *toolBar, const std::vector<const char *> &items,
                      const QHash<QString, QWidget *> &widgets = {});

    /// retranslate words every action and menu in the current language.
    void retranslate();
    /// refresh brings every enabled, checked and alternate state up to date; cheap
    /// enough for every frame (it touches an action only when its state changed).
    void refresh();

    /// toolTipText is the tooltip of a command: its words without the mnemonic or the
    /// ellipsis, then its first shortcut in parentheses.
    static QString toolTipText(const QString &text, const QKeySequence &key);

private:
    QString translated(const char *source) const;
    QIcon icon(const ActionIcon &icon) const;
    /// word gives one action its text, tooltip and icon for its current state.
    void word(QAction *action, const ActionSpec &spec);

    QWidget *m_window = nullptr;
    const char *m_context = nullptr;
    std::vector<ActionSpec> m_specs;
    QList<QAction *> m_actions;
    QHash<QString, QAction *> m_byName;
    QHash<QString, QActionGroup *> m_groups;
    std::vector<MenuSpec> m_menuLayout;
    QHash<QString, QMenu *> m_menus;
    /// m_alternate: for each action, whether it shows its alternate words now.
    std::vector<bool> m_alternate;
};
