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

namespace {

/// OptionSetter applies one option's value; false (with why) if the value is wrong.
using OptionSetter = bool (*)(const std::string &value, NodeOptions &out, std::string &error);

bool setNode(const std::string &v, NodeOptions &out, std::string &error)
{
    if (parseNodeId(v, out.self))
        return true;
    error = "--node: \"" + v + "\" is not a server name S1..S9";
    return false;
}

bool setCluster(const std::string &v, NodeOptions &out, std::string &error)
{
    return parseCluster(v, out.cluster, error);
}

bool setData(const std::string &v, NodeOptions &out, std::string &error)
{
    out.dataDir = v;
    if (!v.empty())
        return true;
    error = "--data: the folder name is empty";
    return false;
}

bool setPort(const std::string &v, std::uint16_t &into, const char *option, std::string &error)
{
    if (parsePort(v, into, false))
        return true;
    error = std::string(option) + ": \"" + v + "\" is not a port (1-65535)";
    return false;
}

bool setHttp(const std::string &v, NodeOptions &out, std::string &error)
{
    return setPort(v, out.httpPort, "--http", error);
}

bool setWatch(const std::string &v, NodeOptions &out, std::string &error)
{
    return setPort(v, out.watchPort, "--watch", error);
}

bool setListen(const std::string &v, NodeOptions &out, std::string &error)
{
    out.listen = v;
    if (validHost(v))
        return true;
    error = "--listen: \"" + v + "\" is not an address";
    return false;
}

bool setElectionTimeout(const std::string &v, NodeOptions &out, std::string &error)
{
    const std::size_t dash = v.find('-');
    if (dash != std::string::npos && parseNumber(v.substr(0, dash), out.electionTimeoutMin)
        && parseNumber(v.substr(dash + 1), out.electionTimeoutMax) && out.electionTimeoutMin >= 10
        && out.electionTimeoutMax >= out.electionTimeoutMin && out.electionTimeoutMax <= 60000)
        return true;
    error = "--election-timeout: \"" + v + "\" is not MIN-MAX in ms (10 <= MIN <= MAX <= 60000)";
    return false;
}

bool setDuration(const std::string &v, raft::Time &into, const char *option, std::string &error)
{
    if (parseNumber(v, into) && into >= 1 && into <= 600000)
        return true;
    error = std::string(option) + ": \"" + v + "\" is not a duration in ms";
    return false;
}

bool setHeartbeat(const std::string &v, NodeOptions &out, std::string &error)
{
    return setDuration(v, out.heartbeatInterval, "--heartbeat", error);
}

bool setRequestTimeout(const std::string &v, NodeOptions &out, std::string &error)
{
    return setDuration(v, out.requestTimeout, "--request-timeout", error);
}

bool setSeed(const std::string &v, NodeOptions &out, std::string &error)
{
    if (parseNumber(v, out.seed))
        return true;
    error = "--seed: \"" + v + "\" is not a number";
    return false;
}

/// kOptions: every option that takes a value.
constexpr std::pair<const char *, OptionSetter> kOptions[] = {
    {"--node", setNode},
    {"--cluster", setCluster},
    {"--data", setData},
    {"--http", setHttp},
    {"--watch", setWatch},
    {"--listen", setListen},
    {"--election-timeout", setElectionTimeout},
    {"--heartbeat", setHeartbeat},
    {"--request-timeout", setRequestTimeout},
    {"--seed", setSeed},
};

} // namespace

bool parseNodeOptions(const std::vector<std::string> &args, NodeOptions &out, std::string &error)
{
    out = NodeOptions{};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg == "--no-fsync") {
            out.fsync = false;
            continue;
        }
        OptionSetter setter = nullptr;
        for (const auto &[name, set] : kOptions)
            if (arg == name)
                setter = set;
        if (!setter) {
            error = "unknown option \"" + arg + "\"";
            return false;
        }
        if (i + 1 >= args.size()) {
            error = arg + " needs a value";
            return false;
        }
        if (!setter(args[++i], out, error))
            return false;
    }
    if (out.self == raft::kNoNode || out.cluster.empty() || out.dataDir.empty()) {
        error = "--node, --cluster and --data are required";
        return false;
    }
    if (out.self > static_cast<raft::NodeId>(out.cluster.size())) {
        error = "--node " + raft::nodeName(out.self) + " is not in --cluster (S1.."
            + raft::nodeName(static_cast<raft::NodeId>(out.cluster.size())) + ")";
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
