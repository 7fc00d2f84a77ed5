#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QWidget;

/// FileErrorBox shows what is wrong with a file the teacher opened: a summary, a hint
/// when the file is of the other kind (a saved run opened as a scenario, or the
/// reverse), and the problems themselves, at most kMaxListed of them ("…and N more"),
/// each cut to a readable length, in a scrolling box of bounded height. It never
/// blocks: the clock and the tests go on while it is open.
class FileErrorBox {
    Q_DECLARE_TR_FUNCTIONS(FileErrorBox)
public:
    static constexpr int kMaxListed = 50;
    static constexpr int kMaxLineLength = 240;

    /// listed is the text of the box's list: the first kMaxListed problems, then
    /// "…and N more problems".
    static QString listed(const QStringList &problems);
    /// show opens the box (objectName `objectName`) over `parent`.
    static void show(QWidget *parent, const QString &objectName, const QString &title, const QString &summary,
                     const QString &hint, const QStringList &problems);
    /// kindHint says which command opens `text` when it is of the other kind: for a
    /// scenario command (wantRun false) a saved run, or for Open Run a scenario; "" if
    /// it is neither.
    static QString kindHint(const QString &text, bool wantRun);
};
