#pragma once

#include "raft/simulation.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

/// NewClusterDialog asks for the configuration of a fresh cluster: the number of
/// servers (1–9), the seed, the election timeout range, the heartbeat interval, the
/// network's latency range, loss and duplication, and the leader's no-op entry.
/// OK is enabled only for a configuration the simulation accepts.
class NewClusterDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewClusterDialog(const raft::ClusterConfig &initial, QWidget *parent = nullptr);

    /// config is the configuration the fields describe.
    raft::ClusterConfig config() const;
    /// setConfig fills the fields.
    void setConfig(const raft::ClusterConfig &config);
    /// problem is why the fields do not make a usable cluster ("" when they do).
    QString problem() const;

private:
    void validate();
    void randomSeed();

    QSpinBox *m_nodes = nullptr;
    QLineEdit *m_seed = nullptr;
    QSpinBox *m_electionMin = nullptr;
    QSpinBox *m_electionMax = nullptr;
    QSpinBox *m_heartbeat = nullptr;
    QSpinBox *m_latencyMin = nullptr;
    QSpinBox *m_latencyMax = nullptr;
    QDoubleSpinBox *m_loss = nullptr;
    QDoubleSpinBox *m_duplicate = nullptr;
    QCheckBox *m_noop = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
