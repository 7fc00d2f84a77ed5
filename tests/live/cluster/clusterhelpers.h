#pragma once

#include "app/live/livecluster.h"

#include <QJsonObject>

#include <string>
#include <vector>

/// Helpers for tests that drive a live cluster synchronously (every wait bounded).
namespace livetest {

/// LogEntry is one entry of a server's log as /log reports it.
struct LogEntry {
    std::uint64_t index = 0;
    std::uint64_t term = 0;
    std::string command;

    bool operator==(const LogEntry &) const = default;
};

/// launchOptions are the tests' cluster settings: the raftviz binary under test, and
/// timeouts wide enough for a loaded 2-core machine (election 300-600 ms, heartbeat 75 ms).
live::LaunchOptions launchOptions(int servers);

/// launchWithLeader launches `servers` servers with launchOptions() and waits (up to
/// 15 s) for a leader; returns it, or 0 with why in `error`.
int launchWithLeader(live::LiveCluster &cluster, int servers, std::string &error);

/// status is server id's /status (empty if it does not answer within timeoutMs).
QJsonObject status(live::LiveCluster &cluster, int id, int timeoutMs = 1000);

/// fetchLog returns server id's entries 1..upTo (fewer if it has fewer), a page at a time.
std::vector<LogEntry> fetchLog(live::LiveCluster &cluster, int id, std::uint64_t upTo);

/// writeValue PUTs key=value, following redirects and retrying until it is
/// acknowledged or timeoutMs passes; returns the entry's index (0 on failure).
std::uint64_t writeValue(live::LiveCluster &cluster, const QString &key, const QString &value, int timeoutMs);

/// waitForCommit waits until every running server's commitIndex reaches index.
bool waitForCommit(live::LiveCluster &cluster, std::uint64_t index, int timeoutMs);

/// serverFromName reads "S3" as 3 (0 if it is not a server name).
int serverFromName(const QString &name);

/// describeStatuses gives every server's /status and last output, for a failure message.
std::string describeStatuses(live::LiveCluster &cluster);

/// describeExits lists the cluster's unexpected exits for a failure message.
std::string describeExits(const live::LiveCluster &cluster);

} // namespace livetest
