#include "fileerrorbox.h"

#include "raft/runfile.h"
#include "raft/scenario.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStyle>
#include <QVBoxLayout>

QString FileErrorBox::listed(const QStringList &problems)
{
    QStringList lines;
    const qsizetype shown = std::min<qsizetype>(problems.size(), kMaxListed);
    for (qsizetype i = 0; i < shown; ++i) {
        const QString &line = problems[i];
        lines.append(line.size() > kMaxLineLength ? line.left(kMaxLineLength) + QStringLiteral("…") : line);
    }
    if (problems.size() > shown)
        lines.append(tr("…and %n more problem(s)", nullptr, static_cast<int>(problems.size() - shown)));
    return lines.join(QLatin1Char('\n'));
}

QString FileErrorBox::kindHint(const QString &text, bool wantRun)
{
    const std::string utf8 = text.toStdString();
    if (!wantRun && raft::isRunFileText(utf8))
        return tr("This file is a saved run, not a scenario: open it with File › Open Run… (Ctrl+Shift+O).");
    if (wantRun && !raft::isRunFileText(utf8) && raft::Scenario::parse(utf8, "x").isValid())
        return tr("This file is a scenario, not a saved run: open it with File › Open Scenario… (Ctrl+O).");
    return {};
}

void FileErrorBox::show(QWidget *parent, const QString &objectName, const QString &title, const QString &summary,
                        const QString &hint, const QStringList &problems)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);

    auto *icon = new QLabel(dialog);
    const int iconSize = dialog->style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    icon->setPixmap(dialog->style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize));
    icon->setAlignment(Qt::AlignTop);
    auto *words = new QLabel(hint.isEmpty() ? summary : summary + QStringLiteral("\n\n") + hint, dialog);
    words->setObjectName(QStringLiteral("fileErrorSummary"));
    words->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(words, 1);

    auto *list = new QPlainTextEdit(listed(problems), dialog);
    list->setObjectName(QStringLiteral("fileErrorList"));
    list->setReadOnly(true);
    list->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Tall enough for a dozen lines, never taller: a long list scrolls.
    const int lineHeight = list->fontMetrics().lineSpacing();
    list->setMinimumHeight(lineHeight * 4);
    list->setMaximumHeight(lineHeight * 14);
    list->setVisible(!problems.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    auto *layout = new QVBoxLayout(dialog);
    layout->addLayout(top);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    dialog->resize(std::min(760, parent ? parent->width() : 760), dialog->sizeHint().height());
    dialog->open();
}
