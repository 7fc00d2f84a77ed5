#pragma once

#include "raft/history.h"
#include "raft/simulation.h"

#include <QObject>

#include <cstddef>

namespace widgets {

/// SimulationSource is what a view reads and listens to: the world at the moment shown,
/// the whole run behind it, and signals that say what kind of change happened (cheap
/// per-frame `advanced`, structural `structureChanged`, explained `stepped`). A view gets
/// its source once (`setSource`) and connects its own slots; it never changes the world.
/// The application's SimulationController is the one implementation; widgets do not know
/// it, so that widgets/ does not depend on app/.
///
/// Invariant: after `structureChanged` the references returned by simulation() and
/// history() may point to a new object: views drop whatever they cached about the old one.
class SimulationSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~SimulationSource() override = default;

    /// simulation is the world at the live moment, read-only.
    virtual const raft::Simulation &simulation() const = 0;
    /// history is the whole run: every step behind the live moment and the recorded future.
    virtual const raft::History &history() const = 0;
    /// displayTime is the fractional virtual time (in ticks, raft::Time) views draw at.
    virtual double displayTime() const = 0;
    /// isPlaying tells whether the clock runs.
    virtual bool isPlaying() const = 0;

Q_SIGNALS:
    /// advanced: virtual time moved or the world changed; views redraw at displayTime.
    void advanced(double displayTime);
    /// structureChanged: the Simulation was replaced (new cluster, scenario, opened run);
    /// views must drop everything they cached about it.
    void structureChanged();
    /// stepped: a step forward or back (or a seek) made these events of
    /// history().trace() the ones to explain: [firstEvent, endEvent).
    void stepped(std::size_t firstEvent, std::size_t endEvent);
    /// playingChanged: the clock started or stopped.
    void playingChanged(bool playing);
};

} // namespace widgets
