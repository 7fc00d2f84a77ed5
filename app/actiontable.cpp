#include "actiontable.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QToolBar>
#include <QToolButton>
#include <QWidget>

ActionTable::ActionTable(QWidget *window, const char *context, std::vector<ActionSpec> specs)
    : QObject(window)
    , m_window(window)
    , m_context(context)
    , m_specs(std::move(specs))
{
    for (const ActionSpec &spec : m_specs) {
        Q_ASSERT_X(spec.name && !m_byName.contains(QLatin1String(spec.name)), "ActionTable", spec.name);
        auto *action = new QAction(window);
        action->setObjectName(QLatin1String(spec.name));
        QList<QKeySequence> keys;
        for (const QKeySequence &key : spec.keys)
            if (!key.isEmpty()) // a standard key the platform does not have
                keys.append(key);
        action->setShortcuts(keys);
        // Shortcuts work wherever the focus is in the window, docks included.
        action->setShortcutContext(Qt::WindowShortcut);
        if (spec.checkedWhen)
            action->setCheckable(true);
        if (spec.group) {
            QActionGroup *&group = m_groups[QLatin1String(spec.group)];
            if (!group)
                group = new QActionGroup(this);
            group->addAction(action);
        }
        if (spec.has(ActionOption::QuitRole))
            action->setMenuRole(QAction::QuitRole);
        if (spec.has(ActionOption::AboutRole))
            action->setMenuRole(QAction::AboutRole);
        if (spec.handler)
            connect(action, &QAction::triggered, this, spec.handler);
        window->addAction(action);
        m_actions.append(action);
        m_byName.insert(action->objectName(), action);
    }
    m_alternate.assign(m_specs.size(), false);
    for (std::size_t i = 0; i < m_specs.size(); ++i)
        m_actions[static_cast<qsizetype>(i)]->setIcon(icon(m_specs[i].icon));
    refresh();
    retranslate();
}

ActionTable::~ActionTable() = default;

QAction *ActionTable::action(const QString &name) const
{
    return m_byName.value(name);
}

QList<QAction *> ActionTable::shortcutActions() const
{
    QList<QAction *> list;
    for (QAction *action : m_actions)
        if (!action->shortcuts().isEmpty())
            list.append(action);
    return list;
}

QMenu *ActionTable::menu(const QString &name) const
{
    return m_menus.value(name);
}

void ActionTable::buildMenus(QMenuBar *menuBar, std::vector<MenuSpec> layout,
                             const QHash<QString, QList<QAction *>> &groups)
{
    m_menuLayout = std::move(layout);
    QSet<QString> submenus;
    for (const MenuSpec &spec : m_menuLayout) {
        auto *menu = new QMenu(m_window);
        menu->setObjectName(QLatin1String(spec.name));
        m_menus.insert(menu->objectName(), menu);
        for (const char *item : spec.items)
            submenus.insert(QLatin1String(item));
    }
    for (const MenuSpec &spec : m_menuLayout) {
        QMenu *menu = m_menus.value(QLatin1String(spec.name));
        for (const char *item : spec.items) {
            const QString name = QLatin1String(item);
            if (name == QLatin1String(kSeparator))
                menu->addSeparator();
            else if (name.startsWith(QLatin1Char('@')))
                menu->addActions(groups.value(name.mid(1)));
            else if (QMenu *submenu = m_menus.value(name))
                menu->addMenu(submenu);
            else if (QAction *action = m_byName.value(name))
                menu->addAction(action);
            else
                qFatal("ActionTable: menu %s names no action or menu %s", spec.name, item);
        }
        if (!submenus.contains(menu->objectName()))
            menuBar->addMenu(menu);
    }
    retranslate();
}

void ActionTable::buildToolBar(QToolBar *toolBar, const std::vector<const char *> &items,
                               const QHash<QString, QWidget *> &widgets)
{
    for (const char *item : items) {
        const QString name = QLatin1String(item);
        if (name == QLatin1String(kSeparator)) {
            toolBar->addSeparator();
            continue;
        }
        if (name.startsWith(QLatin1Char('@'))) {
            toolBar->addWidget(widgets.value(name.mid(1)));
            continue;
        }
        QAction *action = m_byName.value(name);
        if (!action)
            qFatal("ActionTable: the toolbar names no action %s", item);
        toolBar->addAction(action);
        const ActionSpec &spec = m_specs[static_cast<std::size_t>(m_actions.indexOf(action))];
        auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(action));
        if (!button)
            continue;
        // Only the most used commands carry their words; the rest show an icon and a tooltip.
        if (spec.has(ActionOption::IconOnly))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        if (spec.has(ActionOption::RepeatWhileHeld)) {
            button->setAutoRepeat(true);
            button->setAutoRepeatDelay(400);
            button->setAutoRepeatInterval(80);
        }
    }
}

void ActionTable::retranslate()
{
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        const ActionSpec &spec = m_specs[i];
        QAction *action = m_actions[static_cast<qsizetype>(i)];
        action->setStatusTip(translated(spec.tip));
        word(action, spec);
    }
    for (const MenuSpec &spec : m_menuLayout)
        m_menus.value(QLatin1String(spec.name))->setTitle(translated(spec.title));
}

void ActionTable::refresh()
{
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        const ActionSpec &spec = m_specs[i];
        QAction *action = m_actions[static_cast<qsizetype>(i)];
        if (spec.enabledWhen) {
            const bool enabled = spec.enabledWhen();
            if (action->isEnabled() != enabled)
                action->setEnabled(enabled);
        }
        if (spec.checkedWhen) {
            const bool checked = spec.checkedWhen();
            if (action->isChecked() != checked)
                action->setChecked(checked);
        }
        if (spec.alternateWhen) {
            const bool alternate = spec.alternateWhen();
            if (m_alternate[i] != alternate) {
                m_alternate[i] = alternate;
                word(action, spec);
            }
        }
    }
}

void ActionTable::word(QAction *action, const ActionSpec &spec)
{
    const bool alternate = m_alternate[static_cast<std::size_t>(m_actions.indexOf(action))];
    QString text;
    if (spec.verbatimText)
        text = spec.verbatimText();
    else
        text = translated(alternate ? spec.alternateText : spec.text);
    action->setText(text);
    action->setToolTip(toolTipText(text, action->shortcut()));
    if (spec.alternateWhen)
        action->setIcon(icon(alternate ? spec.alternateIcon : spec.icon));
}

QString ActionTable::toolTipText(const QString &text, const QKeySequence &key)
{
    // "&Play" and "播放(&P)" both become "Play", "播放".
    static const QRegularExpression mnemonic(QStringLiteral("\\(&[^)]\\)"));
    QString tip = QString(text).remove(mnemonic).remove(QLatin1Char('&')).remove(QStringLiteral("…")).trimmed();
    if (!key.isEmpty())
        tip += QStringLiteral(" (%1)").arg(key.toString(QKeySequence::NativeText));
    return tip;
}

QString ActionTable::translated(const char *source) const
{
    return source ? QCoreApplication::translate(m_context, source) : QString();
}

QIcon ActionTable::icon(const ActionIcon &icon) const
{
    if (const auto *standard = std::get_if<QStyle::StandardPixmap>(&icon))
        return m_window->style()->standardIcon(*standard);
    if (const auto *painter = std::get_if<QIcon (*)()>(&icon))
        return (*painter)();
    return {};
}
