#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

/// ShortcutsDialog lists every command of the window with its keyboard shortcuts and
/// what it does, straight from the QActions, so the list is never out of date.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    /// rowCount is how many commands are listed.
    int rowCount() const;

private:
    QTableWidget *m_table = nullptr;
};
