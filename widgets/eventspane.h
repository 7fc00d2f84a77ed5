#pragma once

#include "raft/simulation.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QModelIndex;
class QTableView;

namespace widgets {

class SimulationSource;

class EventModel;

/// EventsPane is the trace in words: one line per event, newest at the bottom, each
/// with its time, its server and what happened and why (the paper's rule and
/// section). It follows the newest event unless the user scrolled up. Clicking a line
/// selects the servers it concerns. A check box shows the routine heartbeats too.
/// Under the list, the selected event (or else the newest) is shown in full.
class EventsPane : public QWidget {
    Q_OBJECT
public:
    explicit EventsPane(QWidget *parent = nullptr);

    /// setSimulation shows a world's trace (not owned; nullptr for none).
    /// setSource shows the source's world and follows its signals. Call it once.
    void setSource(const SimulationSource *source);
    void setSimulation(const raft::Simulation *simulation);
    /// setTrace shows the first `visible` events of a history's trace (not owned);
    /// generation is the history's (History::generation()).
    void setTrace(const raft::Trace *trace, std::size_t visible, std::uint64_t generation = 0);
    /// setVisibleCount shows the first `visible` events of that trace (the live
    /// step's); a new generation (a branch) reads the trace again.
    void setVisibleCount(std::size_t visible, std::uint64_t generation = 0);
    /// refresh appends the events that happened since the last call.
    void refresh();

    EventModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// isFollowingTail tells whether the newest event is kept in sight.
    bool isFollowingTail() const { return m_followTail; }

Q_SIGNALS:
    /// nodesActivated: the user clicked a line about these servers (first = main one).
    void nodesActivated(const QList<raft::NodeId> &nodes);
    /// eventActivated: the user clicked the line of the trace's event `traceIndex`.
    void eventActivated(std::size_t traceIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onClicked(const QModelIndex &index);
    void onScrollAction();
    void updateCount();
    /// updateDetail shows the whole sentence of the selected event, or of the newest.
    void updateDetail();
    void retranslateUi();

    EventModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QCheckBox *m_showRoutine = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_detail = nullptr;
    bool m_followTail = true;
};

} // namespace widgets
