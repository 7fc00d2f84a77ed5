#pragma once

#include "app/live/livemirror.h"

#include "widgets/simulationsource.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace live {
class LiveCluster;
}

/// LiveSource is the views' source for a real cluster: a widgets::SimulationSource whose
/// world is a live::LiveMirror of the servers, so the cluster view, the log view, the
/// inspector and the events pane draw real processes exactly as they draw the
/// simulator. Its clock is the wall clock (1 ms of virtual time is 1 real ms, counted
/// from when it started); every report from a server's watch channel is applied as it
/// arrives, stamped with that clock; a ~60 Hz frame timer moves the clock, lands the
/// messages in flight and fetches the log entries (GET /log) the mirror lacks.
///
/// In replay mode it plays a saved recording instead: the same records, applied when
/// their time comes, rebuild the same world; it can pause, go on, and start again (a
/// replay going back starts from the beginning and plays forward at once).
///
/// Invariant: the mirror's clock never runs ahead of displayTime().
class LiveSource : public widgets::SimulationSource {
    Q_OBJECT
public:
    /// LiveSource watches `cluster` (not owned; it must outlive this source).
    LiveSource(live::LiveCluster *cluster, const live::MirrorTiming &timing, QObject *parent = nullptr);
    /// LiveSource replays a recording.
    LiveSource(const live::MirrorTiming &timing, std::vector<QJsonObject> records, QObject *parent = nullptr);
    ~LiveSource() override;

    const raft::Simulation &simulation() const override { return m_mirror->simulation(); }
    const raft::History &history() const override { return m_mirror->history(); }
    /// displayTime is displayMs() in raft::Time ticks, as the views read it.
    double displayTime() const override { return m_displayTime * static_cast<double>(raft::kTicksPerMs); }
    /// displayMs is the time shown, in ms of the watcher's clock (the records' unit).
    double displayMs() const { return m_displayTime; }
    bool isPlaying() const override { return m_playing; }

    bool isReplay() const { return m_cluster == nullptr; }
    live::LiveCluster *cluster() const { return m_cluster; }
    const live::LiveMirror &mirror() const { return *m_mirror; }

    /// processChanged tells the mirror what the window did to a process: "crashed",
    /// "paused" or "resumed".
    void processChanged(int server, const QString &state);

    // --- replay ---
    /// replayEnd is the time of the last record (ms).
    double replayEnd() const;
    void setPlaying(bool playing);
    /// restartReplay goes back to the start of the recording (paused if it was).
    void restartReplay();
    /// seekReplay plays the recording from the start up to time t (ms) at once.
    void seekReplay(double t);

public Q_SLOTS:
    /// frame moves the clock to the wall clock (public so tests can drive frames).
    void frame();

private:
    void feed(int server, const QString &kind, const QJsonObject &data);
    void fetchLogs();
    double wallNow() const;
    void playRecordsTo(double t);

    live::LiveCluster *m_cluster = nullptr;
    live::MirrorTiming m_timing;
    std::unique_ptr<live::LiveMirror> m_mirror;
    QElapsedTimer m_clock;
    QTimer m_frameTimer;
    double m_displayTime = 0;
    bool m_playing = true;
    /// m_fetching: servers whose GET /log is on its way.
    std::vector<bool> m_fetching;
    // Replay: the records, the next one to apply, and the wall clock's offset.
    std::vector<QJsonObject> m_records;
    std::size_t m_next = 0;
    double m_replayOffset = 0;
};
