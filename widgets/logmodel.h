#pragma once

#include "raft/simulation.h"

#include <QAbstractTableModel>
#include <QColor>

#include <vector>

namespace widgets {

/// LogModel shows every server's log as a table: one row per server, one column per
/// log index (column c holds index c + 1), plus one empty column after the longest
/// log where the next entry will go. It reads the Simulation it is given (never
/// changes it) and refresh() brings the views up to date after the world moved:
/// columns are inserted or removed as logs grow or are truncated, and one
/// dataChanged covers the rest, so a view repaints only the cells it shows.
/// Invariant: columnCount() == 1 + the longest log's lastIndex, as of the last refresh().
class LogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// Roles beyond the standard ones, for the delegate that paints a cell.
    enum Role {
        /// HasEntryRole: bool, the server's log holds this index.
        HasEntryRole = Qt::UserRole + 1,
        /// TermRole: the entry's term (quint64).
        TermRole,
        /// CommandRole: the entry's command as the client wrote it ("" for a no-op).
        CommandRole,
        /// CommittedRole: bool, the index is at or below this server's commitIndex.
        CommittedRole,
        /// CommitIndexRole: bool, this cell is the server's commitIndex.
        CommitIndexRole,
        /// MatchIndexRole: bool, this cell is the leader's matchIndex for this follower.
        MatchIndexRole,
        /// NextIndexRole: bool, this cell is the leader's nextIndex for this follower.
        NextIndexRole,
        /// StatusRole: int, the server's raft::NodeStatus.
        StatusRole,
        /// ServerRoleRole: int, the server's raft::Role.
        ServerRoleRole,
        /// SnapshotRole: quint64, the row's snapshot index when this index lies inside
        /// its snapshot (§7: the compacted prefix), else 0.
        SnapshotRole,
        /// SnapshotTermRole: quint64, the snapshot's last included term (inside it).
        SnapshotTermRole,
        /// ViolationRole: bool, the alarm's finding (widgets/alarm.h) names this server and entry.
        ViolationRole,
    };

    explicit LogModel(QObject *parent = nullptr);

    /// setSimulation points the model at a world (not owned; nullptr for none) and resets.
    void setSimulation(const raft::Simulation *simulation);
    const raft::Simulation *simulation() const { return m_sim; }
    /// refresh brings rows, columns and cells up to date with the Simulation.
    void refresh();
    /// retranslate tells the views that every header and tooltip must be worded again.
    void retranslate();

    /// shortCommand is a command as a log cell shows it: "set x 1" as "x=1", "del y"
    /// as is, a no-op as "" (a cell has room for a few characters only).
    static QString shortCommand(const QString &command);

    /// termColor is the colour of term t, the same in every view of the window.
    static QColor termColor(raft::Term term);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// nodeOfRow is the server shown in a row (row 0 is S1).
    static raft::NodeId nodeOfRow(int row) { return row + 1; }
    /// indexOfColumn is the log index shown in a column (column 0 is index 1).
    static raft::Index indexOfColumn(int column) { return static_cast<raft::Index>(column) + 1; }
    /// snapshotIndex is the last index of row's snapshot (0: none): columns up to it
    /// show one block.
    raft::Index snapshotIndex(int row) const;

private:
    /// RowState is what a row looked like at the last refresh: if none of it changed,
    /// the row needs no repaint.
    struct RowState {
        raft::Index lastIndex = 0;
        std::uint64_t lastPrint = 0;
        raft::Index commitIndex = 0;
        raft::Term term = 0;
        int role = 0;
        int status = 0;
        raft::Index matchIndex = 0;
        raft::Index nextIndex = 0;
        raft::Index snapshotIndex = 0;
        bool operator==(const RowState &) const = default;
    };
    RowState rowState(raft::NodeId id, std::optional<raft::NodeId> leader) const;
    /// progressFor returns the leader's Progress for follower id, or nullptr.
    const raft::Progress *progressFor(raft::NodeId id) const;
    int wantedColumns() const;

    const raft::Simulation *m_sim = nullptr;
    int m_rows = 0;
    int m_columns = 0;
    std::vector<RowState> m_state;
};

} // namespace widgets
