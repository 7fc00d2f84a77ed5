#include "runio.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

QString RunIo::writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("RunIo", "%1: cannot write: %2").arg(path, file.errorString());
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return QCoreApplication::translate("RunIo", "%1: cannot write: %2").arg(path, file.errorString());
    }
    if (!file.commit())
        return QCoreApplication::translate("RunIo", "%1: cannot write: %2").arg(path, file.errorString());
    return {};
}

QString RunIo::readText(const QString &path, QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("RunIo", "%1: cannot open the file: %2").arg(path, file.errorString());
    text = QString::fromUtf8(file.readAll());
    return {};
}

QByteArray RunIo::traceJsonLines(const raft::Trace &trace, std::size_t count)
{
    QByteArray out;
    const auto &events = trace.events();
    count = std::min(count, events.size());
    for (std::size_t i = 0; i < count; ++i) {
        const std::string line = trace.toJson(events[i]);
        out.append(line.data(), static_cast<qsizetype>(line.size()));
        out.append('\n');
    }
    return out;
}

QByteArray RunIo::csvField(const std::string &text)
{
    QByteArray field(text.data(), static_cast<qsizetype>(text.size()));
    if (!field.contains(',') && !field.contains('"') && !field.contains('\n') && !field.contains('\r'))
        return field;
    field.replace("\"", "\"\"");
    return '"' + field + '"';
}

QByteArray RunIo::logTableCsv(const raft::Simulation &sim)
{
    QByteArray out = "node,index,term,command,committed\n";
    for (raft::NodeId id = 1; id <= sim.size(); ++id) {
        const raft::Log &log = sim.log(id);
        const raft::Index commit = sim.commitIndex(id);
        const QByteArray node = QByteArray::fromStdString(raft::nodeName(id));
        for (raft::Index i = log.firstIndex(); i <= log.lastIndex(); ++i) { // entries after the snapshot
            const raft::Entry &entry = log.at(i);
            out += node + ',' + QByteArray::number(static_cast<qulonglong>(i)) + ','
                + QByteArray::number(static_cast<qulonglong>(entry.term)) + ',' + csvField(entry.command) + ','
                + (i <= commit ? "true" : "false") + '\n';
        }
    }
    return out;
}
