#pragma once

#include "raft/simulation.h"

#include <QList>
#include <QWidget>

#include <vector>

class QLabel;
class QTableView;

namespace widgets {

class LogCellDelegate;
class LogModel;
class LogLegend;
class Selection;
class SimulationSource;

/// LogView shows every server's log as a grid (a LogModel in a table): rows are
/// servers, columns are log indices, cells coloured by term and showing it, committed
/// entries solid and uncommitted ones pale with a dashed edge, each server's
/// commitIndex marked by a bar, and the leader's nextIndex (▽) and matchIndex (▲)
/// for each follower. When the grid has room the cells also show their commands
/// ("x=1", "del y"); hovering a cell always does. Cells grow with the view's font (the
/// Text Size setting). The view follows the tail
/// of the logs as they grow, unless the user has scrolled away from it. The rows of the
/// selected servers are highlighted; selecting rows selects those servers everywhere.
class LogView : public QWidget {
    Q_OBJECT
public:
    explicit LogView(QWidget *parent = nullptr);

    /// setSource shows the source's world and follows it (a new world on
    /// structureChanged, a refresh on advanced). Call it once.
    void setSource(const SimulationSource *source);
    /// setSelection highlights the rows of the selected servers, and makes the rows the
    /// user selects the shared selection. Call it once.
    void setSelection(Selection *selection);
    /// setSimulation shows a world (not owned; nullptr for none).
    void setSimulation(const raft::Simulation *simulation);
    /// refresh updates the grid after the world moved.
    void refresh();
    /// setHighlightedNodes selects the rows of these servers (empty clears).
    void setHighlightedNodes(const QList<raft::NodeId> &nodes);

    LogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// isFollowingTail tells whether the view keeps the newest index in sight.
    bool isFollowingTail() const { return m_followTail; }
    /// cellSize is the size of one cell at the view's font.
    QSize cellSize() const { return m_cellSize; }
    /// showsCommands tells whether the cells show their commands (there is room).
    bool showsCommands() const { return m_showCommands; }

Q_SIGNALS:
    /// cellSizeChanged: the cells grew or shrank (font, or commands shown or not).
    void cellSizeChanged();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onScrollAction();
    /// onUserSelection hands the rows the user selected to the shared selection.
    void onUserSelection();
    /// showSelection highlights the shared selection's rows.
    void showSelection();
    void scrollToTail();
    void retranslateUi();
    /// updateCellSize sizes the cells for the font, and shows the commands if every
    /// column fits the width at the size that has room for them.
    void updateCellSize();
    /// updateSnapshotSpans makes each row's compacted prefix one cell (§7).
    void updateSnapshotSpans();

    LogModel *m_model = nullptr;
    LogCellDelegate *m_delegate = nullptr;
    QSize m_cellSize{30, 26};
    bool m_showCommands = false;
    QTableView *m_table = nullptr;
    LogLegend *m_legend = nullptr;
    Selection *m_selection = nullptr;
    /// m_updating: the grid or its selection is being changed by the program, not the user.
    bool m_updating = false;
    bool m_followTail = true;
    /// m_spans: the snapshot index each row's span covers now (0: no span).
    std::vector<raft::Index> m_spans;
};

} // namespace widgets
