#pragma once

#include "raft/simulation.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace widgets {

class Selection;
class SimulationSource;

/// Inspector shows the fields of what the user selected. For a server: its status and
/// role, currentTerm, votedFor, the leader it knows, commitIndex, lastApplied, log
/// length and last term, the time left to its election timeout, its key/value state,
/// and for a leader the nextIndex and matchIndex of every peer (for a candidate, the
/// vote of every peer). For a message: every field of its RPC and of its envelope
/// (sent, due, lost or waiting), and the entries it carries. It only reads the world.
/// Given a shared Selection it shows the selected message or main server, and the
/// leader while nothing is selected.
class Inspector : public QWidget {
    Q_OBJECT
public:
    /// configText describes a configuration: "C3: S1 S2 S3", joint with both halves.
    static QString configText(const raft::Configuration &c);
    explicit Inspector(QWidget *parent = nullptr);

    /// setSource shows the source's world and follows it (a new world on
    /// structureChanged, fresh fields on advanced). Call it once.
    void setSource(const SimulationSource *source);
    /// setSelection makes the inspector show what the shared selection holds (the
    /// leader when it is empty). Call it once.
    void setSelection(const Selection *selection);

    /// setSimulation shows a world (not owned; nullptr for none); clears the selection.
    void setSimulation(const raft::Simulation *simulation);
    /// showNode inspects a server (kNoNode clears).
    void showNode(raft::NodeId id);
    /// showMessage inspects a message in flight by id (0 clears).
    void showMessage(std::uint64_t id);
    /// clear shows the hint that explains how to select something.
    void clear();
    /// refresh re-reads the selection's fields at display time `displayTime` (ms).
    void refresh(double displayTime);

    /// lines returns what the inspector shows, one "Field: value" per row (sections
    /// as their title alone), for tests and for copying.
    QStringList lines() const;
    raft::NodeId node() const { return m_node; }
    std::uint64_t message() const { return m_message; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateTitleFont();
    /// Row is one line of the inspector: a section title (value empty, isSection) or a field.
    struct Row {
        QString field;
        QString value;
        bool isSection = false;
        bool operator==(const Row &) const = default;
    };
    QList<Row> nodeRows(double displayTime) const;
    QList<Row> messageRows(double displayTime) const;
    void show(const QString &title, const QList<Row> &rows);
    /// showSelection inspects the shared selection's message or main server.
    void showSelection();
    /// followLeader inspects the leader (nothing while there is none).
    void followLeader();
    /// onAdvanced re-reads the fields at the source's new display time.
    void onAdvanced(double displayTime);

    const raft::Simulation *m_sim = nullptr;
    const Selection *m_selection = nullptr;
    raft::NodeId m_node = raft::kNoNode;
    std::uint64_t m_message = 0;
    /// m_lastEnvelope keeps the selected message after it has left the network.
    std::optional<raft::Envelope> m_lastEnvelope;
    double m_displayTime = 0;
    QLabel *m_title = nullptr;
    QTreeWidget *m_tree = nullptr;
    QList<Row> m_rows;
};

} // namespace widgets
