#pragma once

#include "raft/network.h"
#include "raft/simulation.h"
#include "raft/types.h"

#include <QWidget>

#include <array>
#include <optional>
#include <tuple>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QSpinBox;
class QTableWidget;

namespace widgets {

class SimulationSource;

/// NetworkPane is the network's control panel: the conditions every link starts with
/// (latency range, loss, duplication), the links that have conditions of their own,
/// the faults in place (partition groups, cut links) with a Heal button, which sides
/// hold a quorum, and the message statistics.
///
/// It only reads the simulation; every change the user makes is reported as a signal
/// for the controller, which records it as a user action (so it is in the trace and in
/// a saved run). A change is reported when it is committed, not on every keystroke: a
/// spin box on Enter, focus loss or an arrow step; a slider when it is released or
/// moved by the keyboard. refresh() is cheap enough for every frame: it touches a
/// widget only when the value it shows has changed, and never one the user is editing.
class NetworkPane : public QWidget {
    Q_OBJECT
public:
    explicit NetworkPane(QWidget *parent = nullptr);
    ~NetworkPane() override;

    /// setSource shows the source's world and follows it: a new world on
    /// structureChanged, a refresh on advanced while the pane is visible. Call it once.
    void setSource(const SimulationSource *source);
    /// setSimulation shows a world's network (not owned; nullptr for none) and refreshes.
    void setSimulation(const raft::Simulation *simulation);
    /// simulation is the world shown, or nullptr.
    const raft::Simulation *simulation() const { return m_simulation; }
    /// refresh brings the pane up to date with the simulation (call it every frame).
    void refresh();
    /// editLink fills the link editor with the conditions of the one-way link from -> to
    /// (its own, or the network's) and puts the keyboard focus there.
    void editLink(raft::NodeId from, raft::NodeId to);
    /// shownConfig is the network configuration the controls show.
    raft::NetworkConfig shownConfig() const;

    QSize sizeHint() const override;

Q_SIGNALS:
    /// networkConfigChanged: the user committed new conditions for the whole network.
    void networkConfigChanged(const raft::NetworkConfig &config);
    /// linkConditionsChanged: the user gave the link from -> to conditions of its own
    /// (nullopt: back to the network's).
    void linkConditionsChanged(raft::NodeId from, raft::NodeId to,
                               const std::optional<raft::LinkConditions> &conditions);
    /// healRequested: the user pressed Heal (remove every partition and cut).
    void healRequested();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    /// LinkRow is one link with its own conditions, as the table shows it.
    using LinkRow = std::tuple<raft::NodeId, raft::NodeId, raft::LinkConditions>;

    void retranslateUi();
    /// commitNetwork emits networkConfigChanged with what the controls show, if that
    /// differs from the simulation's.
    void commitNetwork();
    void commitLink();
    void onLatencyMinChanged(int value);
    void onLatencyMaxChanged(int value);
    void refreshConfig();
    void refreshLinks();
    void refreshFaults();
    void refreshStats();
    void refreshNodes();
    void rebuildLinkTable();
    void onLinkRowSelected();

    const raft::Simulation *m_simulation = nullptr;

    QGroupBox *m_networkBox = nullptr;
    QLabel *m_latencyLabel = nullptr;
    QSpinBox *m_latencyMin = nullptr;
    QSpinBox *m_latencyMax = nullptr;
    QLabel *m_lossLabel = nullptr;
    QSlider *m_lossSlider = nullptr;
    QDoubleSpinBox *m_lossSpin = nullptr;
    QLabel *m_duplicateLabel = nullptr;
    QSlider *m_duplicateSlider = nullptr;
    QDoubleSpinBox *m_duplicateSpin = nullptr;

    QGroupBox *m_linksBox = nullptr;
    QTableWidget *m_linkTable = nullptr;
    QLabel *m_linkFromLabel = nullptr;
    QComboBox *m_linkFrom = nullptr;
    QLabel *m_linkToLabel = nullptr;
    QComboBox *m_linkTo = nullptr;
    QCheckBox *m_linkBothWays = nullptr;
    QLabel *m_linkLatencyLabel = nullptr;
    QSpinBox *m_linkLatencyMin = nullptr;
    QSpinBox *m_linkLatencyMax = nullptr;
    QLabel *m_linkLossLabel = nullptr;
    QDoubleSpinBox *m_linkLoss = nullptr;
    QLabel *m_linkDuplicateLabel = nullptr;
    QDoubleSpinBox *m_linkDuplicate = nullptr;
    QPushButton *m_linkSet = nullptr;

    QGroupBox *m_faultsBox = nullptr;
    QListWidget *m_faultList = nullptr;
    QLabel *m_quorum = nullptr;
    QPushButton *m_heal = nullptr;

    QGroupBox *m_statsBox = nullptr;
    QLabel *m_sentLabel = nullptr;
    QLabel *m_sent = nullptr;
    QLabel *m_deliveredLabel = nullptr;
    QLabel *m_delivered = nullptr;
    QLabel *m_droppedLabel = nullptr;
    QLabel *m_dropped = nullptr;

    // What the pane shows, to update only what changed.
    int m_shownNodes = -1;
    std::vector<LinkRow> m_shownLinks;
    bool m_linksValid = false;
    std::array<int, raft::kMaxNodes + 1> m_shownGroups{};
    std::array<std::array<bool, raft::kMaxNodes + 1>, raft::kMaxNodes + 1> m_shownCuts{};
    bool m_faultsValid = false;
    QString m_shownQuorum;
    raft::Stats m_shownStats;
    bool m_statsValid = false;
};

} // namespace widgets
