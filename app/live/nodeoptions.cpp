#include "nodeoptions.h"

#include <charconv>

namespace live {

namespace {

template <typename T> bool parseNumber(const std::string &text, T &out)
{
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && ec == std::errc() && ptr == text.data() + text.size();
}

bool parsePort(const std::string &text, std::uint16_t &out, bool allowZero)
{
    unsigned value = 0;
    if (!parseNumber(text, value) || value > 65535 || (value == 0 && !allowZero))
        return false;
    out = static_cast<std::uint16_t>(value);
    return true;
}

bool validHost(const std::string &host)
{
    if (host.empty() || host.size() > 253)
        return false;
    for (const char c : host)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
              || c == ':' || c == '_'))
            return false;
    return true;
}

} // namespace

bool parseNodeId(const std::string &text, raft::NodeId &out)
{
    const std::string digits = (!text.empty() && (text[0] == 'S' || text[0] == 's')) ? text.substr(1) : text;
    int id = 0;
    if (!parseNumber(digits, id) || id < 1 || id > raft::kMaxNodes)
        return false;
    out = id;
    return true;
}

bool parseCluster(const std::string &text, std::vector<ServerAddress> &out, std::string &error)
{
    out.assign(raft::kMaxNodes, ServerAddress{});
    int count = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t comma = text.find(',', pos);
        if (comma == std::string::npos)
            comma = text.size();
        const std::string item = text.substr(pos, comma - pos);
        pos = comma + 1;
        const std::size_t eq = item.find('=');
        const std::size_t colon = item.rfind(':');
        raft::NodeId id = raft::kNoNode;
        if (eq == std::string::npos || colon == std::string::npos || colon < eq
            || !parseNodeId(item.substr(0, eq), id)) {
            error = "--cluster: \"" + item + "\" is not SERVER=HOST:PORT (e.g. S1=127.0.0.1:7101)";
            return false;
        }
        ServerAddress address{item.substr(eq + 1, colon - eq - 1), 0};
        if (!validHost(address.host) || !parsePort(item.substr(colon + 1), address.port, false)) {
            error = "--cluster: \"" + item + "\" has a bad host or port";
            return false;
        }
        if (!out[id - 1].host.empty()) {
            error = "--cluster names " + raft::nodeName(id) + " twice";
            return false;
        }
        out[id - 1] = address;
        ++count;
    }
    for (int i = 0; i < count; ++i) {
        if (out[i].host.empty()) {
            error = "--cluster has " + std::to_string(count) + " servers but no " + raft::nodeName(i + 1)
                + ": servers are S1..S" + std::to_string(count);
            return false;
        }
    }
    for (int i = 0; i < count; ++i)
        for (int j = 0; j < i; ++j)
            if (out[i] == out[j]) {
                error = "--cluster gives " + raft::nodeName(j + 1) + " and " + raft::nodeName(i + 1) + " one address";
                return false;
            }
    out.resize(static_cast<std::size_t>(count));
    return true;
}

std::string formatCluster(const std::vector<ServerAddress> &cluster)
{
    std::string out;
    for (std::size_t i = 0; i < cluster.size(); ++i) {
        if (i > 0)
            out += ',';
        out += raft::nodeName(static_cast<raft::NodeId>(i + 1)) + "=" + cluster[i].host + ":"
            + std::to_string(cluster[i].port);
    }
    return out;
}

bool parseNodeOptions(const std::vector<std::string> &args, NodeOptions &out, std::string &error)
{
    out = NodeOptions{};
    bool haveCluster = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        auto value = [&](std::string &into) {
            if (i + 1 >= args.size()) {
                error = arg + " needs a value";
                return false;
            }
            into = args[++i];
            return true;
        };
        std::string v;
        if (arg == "--no-fsync") {
            out.fsync = false;
        } else if (arg == "--node") {
            if (!value(v))
                return false;
            if (!parseNodeId(v, out.self)) {
                error = "--node: \"" + v + "\" is not a server name S1..S9";
                return false;
            }
        } else if (arg == "--cluster") {
            if (!value(v) || !parseCluster(v, out.cluster, error))
                return false;
            haveCluster = true;
        } else if (arg == "--data") {
            if (!value(out.dataDir))
                return false;
        } else if (arg == "--http" || arg == "--watch") {
            if (!value(v))
                return false;
            if (!parsePort(v, arg == "--http" ? out.httpPort : out.watchPort, false)) {
                error = arg + ": \"" + v + "\" is not a port (1-65535)";
                return false;
            }
        } else if (arg == "--listen") {
            if (!value(out.listen))
                return false;
            if (!validHost(out.listen)) {
                error = "--listen: \"" + out.listen + "\" is not an address";
                return false;
            }
        } else if (arg == "--election-timeout") {
            if (!value(v))
                return false;
            const std::size_t dash = v.find('-');
            if (dash == std::string::npos || !parseNumber(v.substr(0, dash), out.electionTimeoutMin)
                || !parseNumber(v.substr(dash + 1), out.electionTimeoutMax) || out.electionTimeoutMin < 10
                || out.electionTimeoutMax < out.electionTimeoutMin || out.electionTimeoutMax > 60000) {
                error = "--election-timeout: \"" + v + "\" is not MIN-MAX in ms (10 <= MIN <= MAX <= 60000)";
                return false;
            }
        } else if (arg == "--heartbeat" || arg == "--request-timeout") {
            if (!value(v))
                return false;
            raft::Time &into = arg == "--heartbeat" ? out.heartbeatInterval : out.requestTimeout;
            if (!parseNumber(v, into) || into < 1 || into > 600000) {
                error = arg + ": \"" + v + "\" is not a duration in ms";
                return false;
            }
        } else if (arg == "--seed") {
            if (!value(v))
                return false;
            if (!parseNumber(v, out.seed)) {
                error = "--seed: \"" + v + "\" is not a number";
                return false;
            }
        } else {
            error = "unknown option \"" + arg + "\"";
            return false;
        }
    }
    if (out.self == raft::kNoNode || !haveCluster || out.dataDir.empty()) {
        error = "--node, --cluster and --data are required";
        return false;
    }
    if (out.self > static_cast<raft::NodeId>(out.cluster.size())) {
        error = "--node " + raft::nodeName(out.self) + " is not in --cluster (S1..S"
            + std::to_string(out.cluster.size()) + ")";
        return false;
    }
    if (out.heartbeatInterval >= out.electionTimeoutMin) {
        error = "--heartbeat must be shorter than the election timeout (§5.2: broadcastTime << electionTimeout)";
        return false;
    }
    return true;
}

std::string nodeUsage()
{
    return "usage: raftviz --node Sx --cluster S1=HOST:PORT,S2=HOST:PORT,... --data DIR\n"
           "               [--http PORT] [--watch PORT] [--listen ADDR] [--no-fsync]\n"
           "               [--election-timeout MIN-MAX] [--heartbeat MS] [--request-timeout MS] [--seed N]\n"
           "  Runs server Sx of a real cluster: peers over TCP at the --cluster addresses, stable\n"
           "  storage in DIR, an HTTP interface on --http (GET /status, GET /log, PUT|GET|DELETE\n"
           "  /kv/KEY) and the trace stream and control channel on --watch. HTTP and watch bind\n"
           "  --listen (default 127.0.0.1). --no-fsync skips fsync (fast, unsafe on power loss).\n"
           "  Defaults: election timeout 150-300 ms, heartbeat 50 ms, request timeout 5000 ms.\n";
}

} // namespace live
