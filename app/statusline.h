#pragma once

#include <QObject>

class QLabel;
class QStatusBar;
class SimulationController;

/// StatusLine is the permanent part of the status bar: which sides of a partition have
/// no quorum (hidden while the network is whole), the leader and its term, the virtual
/// time and the speed (and whether the clock is paused). It follows the controller
/// itself; update() also rewords it after a language change.
class StatusLine : public QObject {
    Q_OBJECT
public:
    StatusLine(QStatusBar *bar, const SimulationController *controller);

    /// update shows the world as it is now, in the current language. It runs every
    /// frame, so it touches a label only when its text changes.
    void update();

private:
    const SimulationController *m_controller = nullptr;
    QLabel *m_timeLabel = nullptr;
    QLabel *m_speedLabel = nullptr;
    QLabel *m_leaderLabel = nullptr;
    QLabel *m_quorumLabel = nullptr;
};
