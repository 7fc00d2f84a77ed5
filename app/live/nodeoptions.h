#pragma once

#include "raft/types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace live {

/// ServerAddress is where a server listens for its peers: host and port.
struct ServerAddress {
    std::string host;
    std::uint16_t port = 0;

    bool operator==(const ServerAddress &) const = default;
};

/// NodeOptions is the command line of one server process:
///   raftviz --node S2 --cluster S1=127.0.0.1:7101,S2=127.0.0.1:7102,S3=127.0.0.1:7103
///           --data DIR [--http PORT] [--watch PORT] [--listen ADDR] [--no-fsync]
///           [--election-timeout MIN-MAX] [--heartbeat MS] [--seed N] [--request-timeout MS]
struct NodeOptions {
    raft::NodeId self = raft::kNoNode;
    /// cluster[i] is the peer address of server S<i+1>.
    std::vector<ServerAddress> cluster;
    std::string dataDir;
    /// httpPort / watchPort: 0 = no such server.
    std::uint16_t httpPort = 0;
    std::uint16_t watchPort = 0;
    /// listen is the address the HTTP and watch servers bind to (the peer port binds the
    /// host of this server's --cluster entry).
    std::string listen = "127.0.0.1";
    bool fsync = true;
    /// electionTimeoutMin/Max, heartbeatInterval, requestTimeout: in milliseconds, as
    /// the command line gives them (LiveNode converts them to raft::Time ticks).
    raft::Time electionTimeoutMin = 150;
    raft::Time electionTimeoutMax = 300;
    raft::Time heartbeatInterval = 50;
    /// requestTimeout: how long an HTTP write or read waits to be applied.
    raft::Time requestTimeout = 5000;
    /// seed for the election timeouts; 0 = derived from the process id and the clock.
    std::uint64_t seed = 0;
};

/// parseNodeOptions reads `args` (without the program name). On a mistake it returns
/// false and says what is wrong in `error`.
bool parseNodeOptions(const std::vector<std::string> &args, NodeOptions &out, std::string &error);

/// parseCluster reads "S1=host:port,S2=host:port,..." (servers S1..Sn, n <= 9, in any order).
bool parseCluster(const std::string &text, std::vector<ServerAddress> &out, std::string &error);

/// parseNodeId reads "S3" or "3".
bool parseNodeId(const std::string &text, raft::NodeId &out);

/// formatCluster writes addresses back as parseCluster reads them.
std::string formatCluster(const std::vector<ServerAddress> &cluster);

/// nodeUsage is the usage text of --node.
std::string nodeUsage();

} // namespace live
