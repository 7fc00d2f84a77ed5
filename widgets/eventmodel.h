#pragma once

#include "raft/simulation.h"

#include <QAbstractTableModel>

#include <array>
#include <cstdint>
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
/// Invariant: m_rows lists, in order, the indices of the trace's events (up to
/// m_scanned) that pass the filter.
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
    /// refresh appends the rows of events added to the trace since the last call.
    void refresh();
    /// setShowRoutine shows or hides the routine events (heartbeats and repeated acks).
    void setShowRoutine(bool show);
    bool showsRoutine() const { return m_showRoutine; }
    /// retranslate tells the views that every row must be worded again.
    void retranslate();

    /// traceIndex is the trace position of the event on a row.
    std::size_t traceIndex(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    /// event returns the event on a row.
    const raft::TraceEvent &event(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /// scan classifies the trace's events from m_scanned on as routine or not.
    void scan();
    bool isRoutine(std::size_t i) const { return m_routine[i] != 0; }

    const raft::Simulation *m_sim = nullptr;
    bool m_showRoutine = false;
    std::size_t m_scanned = 0;
    std::vector<std::uint8_t> m_routine;
    std::vector<std::uint32_t> m_rows;
    /// m_lastAck: the last matchIndex each leader acknowledged for each peer.
    std::array<std::array<raft::Index, raft::kMaxNodes + 1>, raft::kMaxNodes + 1> m_lastAck{};
};

} // namespace widgets
