#pragma once

#include <QLabel>
#include <QString>

namespace raft {
class Simulation;
}

namespace widgets {
class SimulationSource;
}

/// ViolationBanner is the red band over the cluster that appears when one of the paper's
/// safety properties breaks (which should never happen outside a teaching "bug" switch):
/// when, at which event and what — the alarm's finding (widgets/alarm.h), the one the
/// cluster and the log grid mark — with the count of the run's other violations.
class ViolationBanner : public QLabel {
    Q_OBJECT
public:
    explicit ViolationBanner(QWidget *parent = nullptr);

    /// setSource follows the source's world (call it once).
    void setSource(const widgets::SimulationSource *source);
    /// text is what the banner says about sim ("" when no invariant broke).
    static QString text(const raft::Simulation &sim);
    /// bugText says which rules a teaching run switches off ("" for a real run).
    static QString bugText(const raft::Simulation &sim);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    const widgets::SimulationSource *m_source = nullptr;
};
