#pragma once

#include "raft/simulation.h"

#include <QAbstractTableModel>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace widgets {

/// EventModel is a table over the Simulation's raft::Trace: one row per event, oldest
/// first, with its time, the server it concerns and the event in words (EventText).
/// Rows are worded only when a view asks for them, so it stays fast with hundreds of
/// thousands of events; refresh() appends the rows of new events.
///
/// It can hide the routine background of a healthy cluster — heartbeats sent and
/// accepted, and acknowledgements that teach nothing new (matchIndex unchanged) — so
/// that elections, commits and faults stand out.
/// It shows either a Simulation's own trace, or the first visible events of a
/// History's trace (the rest is the recorded future).
/// Invariant: m_rows lists, in order, the indices of the trace's events (up to
/// m_shown <= m_scanned) that pass the filter.
class EventModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, NodeColumn, EventColumn, ColumnCount };
    enum Role {
        /// TraceIndexRole: the event's position in the trace (qulonglong).
        TraceIndexRole = Qt::UserRole + 1,
        /// NodesRole: QList<int>, the servers the event concerns.
        NodesRole,
        /// KindRole: int, the raft::EventKind.
        KindRole,
    };

    explicit EventModel(QObject *parent = nullptr);

    /// setSimulation points the model at a world (not owned; nullptr for none) and resets.
    void setSimulation(const raft::Simulation *simulation);
    /// setTrace points the model at a history's trace (not owned; nullptr for none),
    /// of which only the first `visible` events are shown (History::visibleEvents()),
    /// and resets. `generation` is the history's (History::generation()).
    void setTrace(const raft::Trace *trace, std::size_t visible, std::uint64_t generation = 0);
    /// setVisibleCount shows the first `visible` events of the trace: stepping back
    /// removes the rows of the later events, stepping forward adds them again. A new
    /// `generation` (the history branched, replacing its future) reads the trace again.
    void setVisibleCount(std::size_t visible, std::uint64_t generation = 0);
    /// visibleCount is how many of the trace's events the rows reflect.
    std::size_t visibleCount() const { return m_shown; }
    /// refresh appends the rows of events added to the trace since the last call (up
    /// to the visible count).
    void refresh();
    /// setShowRoutine shows or hides the routine events (heartbeats and repeated acks).
    void setShowRoutine(bool show);
    bool showsRoutine() const { return m_showRoutine; }
    /// retranslate tells the views that every row must be worded again.
    void retranslate();

    /// traceIndex is the trace position of the event on a row.
    std::size_t traceIndex(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    /// event returns the event on a row.
    raft::TraceEvent event(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /// scan classifies the trace's events from m_scanned on as routine or not.
    void scan();
    bool isRoutine(std::size_t i) const { return m_routine[i] != 0; }
    /// trace is the trace shown: the history's, or the simulation's (nullptr: none).
    const raft::Trace *trace() const { return m_trace ? m_trace : m_sim ? &m_sim->trace() : nullptr; }
    /// rebuildRows lists the rows of the first m_shown events again.
    void rebuildRows();

    const raft::Simulation *m_sim = nullptr;
    const raft::Trace *m_trace = nullptr;
    /// m_visible: how many events may be shown; m_shown: how many the rows reflect.
    std::size_t m_visible = std::numeric_limits<std::size_t>::max();
    std::size_t m_shown = 0;
    std::uint64_t m_generation = 0;
    bool m_showRoutine = false;
    std::size_t m_scanned = 0;
    std::vector<std::uint8_t> m_routine;
    std::vector<std::uint32_t> m_rows;
    /// m_lastAck: the last matchIndex each leader acknowledged for each peer.
    std::array<std::array<raft::Index, raft::kMaxNodes + 1>, raft::kMaxNodes + 1> m_lastAck{};
};

} // namespace widgets
