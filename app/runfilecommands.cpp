#include "runfilecommands.h"

#include "fileerrorbox.h"
#include "runio.h"
#include "simulationcontroller.h"

#include "raft/runfile.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <optional>

RunFileCommands::RunFileCommands(QWidget *window, SimulationController *controller)
    : QObject(window)
    , m_window(window)
    , m_controller(controller)
{ }

QString RunFileCommands::saveRunFile(const QString &path)
{
    const std::string text = raft::formatRunFile(m_controller->runFile());
    QString error = RunIo::writeAtomically(path, QByteArray::fromStdString(text));
    if (error.isEmpty())
        Q_EMIT reported(tr("Saved the run to %1").arg(QDir::toNativeSeparators(path)), 6000);
    return error;
}

QString RunFileCommands::openRunFile(const QString &path, bool showErrors)
{
    const QString fileName = QFileInfo(path).fileName();
    QString text;
    QString error = RunIo::readText(path, text);
    std::optional<raft::RunFile> run;
    if (error.isEmpty()) {
        const raft::RunFileResult parsed = raft::parseRunFile(text.toStdString(), fileName.toStdString());
        QStringList lines;
        for (const std::string &line : parsed.errors)
            lines.append(QString::fromStdString(line));
        error = lines.join(QLatin1Char('\n'));
        if (error.isEmpty() && parsed.run)
            run = parsed.run;
        else if (error.isEmpty())
            error = tr("%1: not a saved run").arg(fileName);
    }
    if (run) {
        const QString problem = m_controller->loadRun(*run);
        if (problem.isEmpty()) {
            Q_EMIT runOpened();
            Q_EMIT reported(tr("Opened the run %1").arg(fileName), 6000);
            return {};
        }
        error = tr("%1: %2").arg(fileName, problem);
    }
    if (!showErrors)
        return error;
    FileErrorBox::show(m_window, QStringLiteral("runErrorBox"), tr("Cannot Open the Run"),
                       tr("The run “%1” cannot be replayed, so nothing was changed.").arg(fileName),
                       FileErrorBox::kindHint(text, true), error.split(QLatin1Char('\n'), Qt::SkipEmptyParts));
    return error;
}

QString RunFileCommands::exportTraceFile(const QString &path)
{
    const raft::History &history = m_controller->history();
    return RunIo::writeAtomically(path, RunIo::traceJsonLines(history.trace(), history.visibleEvents()));
}

QString RunFileCommands::exportLogTableFile(const QString &path)
{
    return RunIo::writeAtomically(path, RunIo::logTableCsv(m_controller->simulation()));
}

void RunFileCommands::saveRun()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Run"), QStringLiteral("run.raftrun"),
                                                tr("raftviz runs (*.raftrun)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".raftrun")))
        path += QStringLiteral(".raftrun");
    const QString error = saveRunFile(path);
    if (!error.isEmpty())
        QMessageBox::warning(m_window, tr("Save Run"), error);
}

void RunFileCommands::openRun()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Run"), QString(),
                                                      tr("raftviz runs (*.raftrun);;All files (*)"));
    if (!path.isEmpty())
        openRunFile(path);
}

void RunFileCommands::editRunNotes()
{
    QDialog dialog(m_window);
    dialog.setObjectName(QStringLiteral("runNotesDialog"));
    dialog.setWindowTitle(tr("Run Notes"));
    auto *edit = new QPlainTextEdit(&dialog);
    edit->setPlainText(m_controller->notes().join(QLatin1Char('\n')));
    edit->setPlaceholderText(tr("What this run shows, for the next lecture…"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    dialog.resize(480, 300);
    if (dialog.exec() == QDialog::Accepted)
        m_controller->setNotes(edit->toPlainText().split(QLatin1Char('\n')));
}

void RunFileCommands::exportTrace()
{
    exportTo(tr("Export Trace"), QStringLiteral("trace.jsonl"), tr("JSON lines (*.jsonl)"),
             &RunFileCommands::exportTraceFile);
}

void RunFileCommands::exportLogTable()
{
    exportTo(tr("Export Log Table"), QStringLiteral("logs.csv"), tr("CSV tables (*.csv)"),
             &RunFileCommands::exportLogTableFile);
}

void RunFileCommands::exportTo(const QString &title, const QString &fileName, const QString &filter,
                               QString (RunFileCommands::*write)(const QString &))
{
    const QString path = QFileDialog::getSaveFileName(m_window, title, fileName, filter);
    if (path.isEmpty())
        return;
    const QString error = (this->*write)(path);
    if (!error.isEmpty())
        QMessageBox::warning(m_window, title, error);
    else
        Q_EMIT reported(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 6000);
}
