#pragma once

#include "raft/history.h"
#include "raft/mirror.h"
#include "raft/simulation.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <map>
#include <memory>
#include <vector>

namespace live {

/// MirrorTiming is what the watcher knows of the servers' timing (their command line),
/// in milliseconds.
struct MirrorTiming {
    int servers = 3;
    raft::Time electionTimeoutMin = 150;
    raft::Time electionTimeoutMax = 300;
    raft::Time heartbeatMs = 50;
};

/// LiveMirror keeps a raft::History whose world mirrors a real cluster, so that every
/// view that draws a simulation draws the real servers unchanged. Its inputs are
/// records: what a watcher received (a server's hello, status, trace event or message
/// report, a page of its log) or did (crashed, paused, resumed a process), each
/// stamped with the watcher's clock in ms. It copies them into the world through
/// raft::Mirror: roles, terms, votes, leaders, commit indexes and logs from the status
/// reports and log pages; one trace event per reported event (the servers' own words,
/// wording and all); one message in flight per reported send, drawn for a short flight
/// (real loopback messages take well under a millisecond) and landed when its receipt
/// is reported, or lost where the reports say so. Nothing is inferred about Raft.
///
/// Every record applied is kept (recording()), so a live run can be saved and played
/// again through the same code: replaying the records rebuilds the same world.
class LiveMirror {
public:
    explicit LiveMirror(const MirrorTiming &timing);
    ~LiveMirror();

    const raft::History &history() const { return *m_history; }
    const raft::Simulation &simulation() const { return m_history->simulation(); }
    const MirrorTiming &timing() const { return m_timing; }
    raft::Time now() const { return simulation().now(); }

    /// record makes a record: kind is hello, status, event, message, log, process
    /// (data {"state": "crashed" | "paused" | "resumed"}) or down (the watch channel
    /// closed).
    static QJsonObject record(double at, int server, const QString &kind, const QJsonObject &data);
    /// apply applies one record (moving the clock to its time first) and keeps it.
    /// Returns false, with why, for a record it cannot read.
    bool apply(const QJsonObject &record, QString *error = nullptr);
    /// setClock moves the clock (never back) and lands or parks the messages due.
    void setClock(double at);

    /// logWanted is the index from which server's log must be fetched to match what it
    /// reported (0 when the mirror's copy matches).
    raft::Index logWanted(int server) const;

    /// recording is every record applied, one JSON object per line; header() the first line.
    QByteArray recording() const;
    /// header describes the cluster: {"raftvizLive":1, "servers", "electionTimeout", "heartbeat"}.
    QJsonObject header() const;
    /// parseRecording reads a recording: its timing and records. Errors name the line.
    static bool parseRecording(const QByteArray &text, MirrorTiming *timing, std::vector<QJsonObject> *records,
                               QString *error);

    /// flight is how long a message is drawn in flight (ticks).
    raft::Time flight() const;
    /// kMaxWaitMs: a message sent but never reported received is shown lost after this.
    static constexpr raft::Time kMaxWaitMs = 3000;

private:
    struct Known {
        bool reported = false;
        raft::Index logLength = 0;
        raft::Term lastLogTerm = 0;
        /// committed: the highest commitIndex it reported: its log never changes up to there.
        raft::Index committed = 0;
        raft::Time electionTimeout = 0;
        /// last: its last status report (applied again once its log has been fetched).
        raft::MirrorServer last;
        /// dropIn/dropOut: what its control channel was told to drop, per peer.
        std::vector<bool> dropIn;
        std::vector<bool> dropOut;
    };
    struct Flight {
        std::uint64_t envelope = 0;
        bool received = false;
    };

    void applyStatus(int server, const QJsonObject &status, bool hello);
    void applyEvent(int server, const QJsonObject &event);
    void applyMessage(int server, const QJsonObject &message);
    /// applyDrop follows a server's control channel: a NetworkChanged it reported.
    void applyDrop(int server, const raft::TraceEvent &event);
    /// applyDropped shows a message a server dropped (MessageLost, LinkCut).
    void applyDropped(int server, const raft::TraceEvent &event);
    void applyLog(int server, const QJsonObject &page);
    void applyProcess(int server, const QString &state);
    void updateCuts();
    void resetTimer(int server);

    MirrorTiming m_timing;
    std::unique_ptr<raft::History> m_history;
    std::unique_ptr<raft::Mirror> m_mirror;
    std::vector<Known> m_known;
    /// m_flights: messages drawn in flight, by (sender << 48 | the sender's message id).
    std::map<std::uint64_t, Flight> m_flights;
    std::vector<QByteArray> m_records;
};

/// traceEventFromJson reads one event as raft::Trace::toJson writes it (kind, reason,
/// node, peer, term and the kind's own fields under the catalogue's names); text gets
/// its text. False if the kind is unknown.
bool traceEventFromJson(const QJsonObject &json, raft::TraceEvent *event, std::string *text);
/// messageFromJson reads a watch channel's message report.
bool messageFromJson(const QJsonObject &json, raft::Message *message);

} // namespace live
