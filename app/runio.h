#pragma once

#include "raft/simulation.h"
#include "raft/trace.h"

#include <QByteArray>
#include <QString>

#include <cstddef>

/// RunIo writes the files a run can be saved as: the run itself (raft::formatRunFile),
/// the trace as JSON lines and the servers' logs as CSV. Every write is atomic: the
/// old file stays whole until the new one is complete (QSaveFile).
class RunIo {
public:
    /// writeAtomically replaces the file at path by data; returns "" or the problem.
    static QString writeAtomically(const QString &path, const QByteArray &data);
    /// readText reads a whole file as UTF-8 into text; returns "" or the problem.
    static QString readText(const QString &path, QString &text);
    /// traceJsonLines is one JSON object per line (raft::Trace::toJson) for the first
    /// `count` events of trace.
    static QByteArray traceJsonLines(const raft::Trace &trace, std::size_t count);
    /// logTableCsv is every server's log as CSV: node,index,term,command,committed.
    static QByteArray logTableCsv(const raft::Simulation &sim);
    /// csvField quotes a field when it holds a comma, a quote or a line break (RFC 4180).
    static QByteArray csvField(const std::string &text);
};
