#pragma once

#include "app/live/livecluster.h"
#include "raft/linearizability.h"
#include "raft/types.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <vector>

namespace live {
class HttpClient;
struct HttpResult;
} // namespace live

namespace livetest {

/// ChaosOptions shape one chaos run.
struct ChaosOptions {
    int seconds = 10;
    int clients = 3;
    int keys = 3;
    std::uint64_t seed = 1;
};

/// Ack is a write the cluster acknowledged: where it sits in the log.
struct Ack {
    std::size_t op = 0;
    std::uint64_t index = 0;
    std::uint64_t term = 0;
    std::string command;
};

/// ChaosRun drives a launched cluster for a bounded time: `clients` clients each
/// send unique writes (put "cN-M", delete) and reads to the server they believe
/// leads, following redirects; meanwhile, every 0.3-0.9 s, a fault is injected or
/// repaired: kill -9 (the leader first), isolation through the control channel (the
/// leader second), SIGSTOP/SIGCONT, restart; never more than a minority at once.
/// It records the history as the clients saw it (for the linearizability checker)
/// and every acknowledged write's index and term.
class ChaosRun : public QObject {
    Q_OBJECT
public:
    ChaosRun(live::LiveCluster &cluster, const ChaosOptions &options);
    ~ChaosRun() override;

    /// run runs the clients and the faults for options.seconds, then stops faulting,
    /// lets every client finish its request, and repairs every server (restart,
    /// resume, heal). Returns false if the clients did not finish in time.
    bool run();

    const std::vector<raft::KvOperation> &history() const { return m_history; }
    const std::vector<Ack> &acks() const { return m_acks; }
    /// problems: answers no correct server gives (e.g. a 400 to a valid request).
    const std::vector<std::string> &problems() const { return m_problems; }
    int kills() const { return m_kills; }
    int leaderKills() const { return m_leaderKills; }
    int pauses() const { return m_pauses; }
    int isolations() const { return m_isolations; }
    std::string summary() const;

private:
    struct Client;
    enum class Fault : std::uint8_t { None, Down, Paused, Isolated };

    void issue(int client);
    void finished(int client, std::size_t op, const live::HttpResult &result);
    void chaosStep();
    void repair(int id);
    int knownLeader() const;
    int pickServer(bool preferLeader);
    qint64 now() const { return m_clock.nsecsElapsed() / 1000; }

    live::LiveCluster &m_cluster;
    ChaosOptions m_options;
    raft::Rng m_rng;
    QElapsedTimer m_clock;
    bool m_stopping = false;
    std::vector<std::unique_ptr<Client>> m_clients;
    std::vector<raft::KvOperation> m_history;
    std::vector<Ack> m_acks;
    std::vector<std::string> m_problems;
    /// Per server (index id - 1): its fault, until when, and its last reported role/term.
    std::vector<Fault> m_fault;
    std::vector<qint64> m_faultUntil;
    std::vector<QString> m_role;
    std::vector<qint64> m_term;
    int m_kills = 0;
    int m_leaderKills = 0;
    int m_pauses = 0;
    int m_isolations = 0;
    int m_restarts = 0;
};

} // namespace livetest
