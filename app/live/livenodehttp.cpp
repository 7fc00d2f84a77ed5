// LiveNode's HTTP interface: /status (the seed article's object plus Raft's fields),
// /log (the log, a page at a time) and /kv/KEY (writes, deletes and linearizable
// reads through the leader).
#include "livenode.h"

#include "peertransport.h"

#include "raft/json.h"

#include <algorithm>
#include <charconv>
#include <unistd.h>

namespace live {

using raft::Index;
using raft::NodeId;
using raft::Role;

namespace {

constexpr std::size_t kMaxKeyBytes = 256;
constexpr std::size_t kMaxValueBytes = 16u << 10;
constexpr Index kMaxLogPage = 1000;

/// keyProblem says what is wrong with a key, or "" if nothing: one word of printable
/// characters (UTF-8 welcome), as the state machine's commands need.
std::string keyProblem(const std::string &key)
{
    if (key.empty())
        return "empty key: use /kv/KEY";
    if (key.size() > kMaxKeyBytes)
        return "key longer than " + std::to_string(kMaxKeyBytes) + " bytes";
    for (const char c : key)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return "a key cannot hold spaces or control characters";
    return {};
}

/// valueProblem says what is wrong with a value, or "" if nothing.
std::string valueProblem(const std::string &value)
{
    if (value.empty())
        return "empty value: to remove a key, DELETE it";
    if (value.size() > kMaxValueBytes)
        return "value longer than " + std::to_string(kMaxValueBytes) + " bytes";
    for (const char c : value)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
            return "a value cannot hold control characters";
    if (value.front() == ' ' || value.front() == '\t' || value.back() == ' ' || value.back() == '\t')
        return "a value cannot start or end with a space";
    return {};
}

/// queryNumber reads `name=N` from a query string; `fallback` if absent, false if malformed.
bool queryNumber(const std::string &query, const std::string &name, std::uint64_t fallback, std::uint64_t &out)
{
    out = fallback;
    std::size_t pos = 0;
    while (pos <= query.size()) {
        std::size_t amp = query.find('&', pos);
        if (amp == std::string::npos)
            amp = query.size();
        const std::string_view item(query.data() + pos, amp - pos);
        if (item.size() > name.size() && item.substr(0, name.size()) == name && item[name.size()] == '=') {
            const std::string_view digits = item.substr(name.size() + 1);
            const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
            return ec == std::errc() && ptr == digits.data() + digits.size() && !digits.empty();
        }
        pos = amp + 1;
    }
    return true;
}

/// seedStatus is the seed article's `status` code: 1 leader, 2 follower, 3 candidate.
int seedStatus(Role role)
{
    switch (role) {
    case Role::Leader: return 1;
    case Role::Follower: return 2;
    case Role::Candidate: return 3;
    }
    return 2;
}

} // namespace

void LiveNode::serve(const HttpRequest &request, const HttpResponder &responder)
{
    const std::string &path = request.path;
    const bool get = request.method == "GET";
    if (path == "/status" || path == "/log") {
        if (!get) {
            HttpResponse r = jsonError(405, path + " answers GET only");
            r.headers.emplace_back("Allow", "GET");
            return responder.respond(r);
        }
        if (path == "/status")
            return responder.respond(jsonResponse(200, statusJson()));
        std::uint64_t from = 1;
        std::uint64_t max = 0;
        if (!queryNumber(request.query, "from", 1, from) || !queryNumber(request.query, "max", 500, max) || from == 0)
            return responder.respond(jsonError(400, "/log takes from=N (N >= 1) and max=M"));
        return responder.respond(jsonResponse(200, logJson(request.query)));
    }
    if (path.rfind("/kv/", 0) == 0)
        return serveKv(request, path.substr(4), responder);
    responder.respond(jsonError(404, "no such resource: try GET /status, GET /log, or PUT|GET|DELETE /kv/KEY"));
}

void LiveNode::serveKv(const HttpRequest &request, const std::string &key, const HttpResponder &responder)
{
    if (const std::string problem = keyProblem(key); !problem.empty())
        return responder.respond(jsonError(400, problem));
    RequestKind kind = RequestKind::Get;
    std::string command;
    if (request.method == "PUT") {
        if (const std::string problem = valueProblem(request.body); !problem.empty())
            return responder.respond(jsonError(400, problem));
        kind = RequestKind::Put;
        command = "set " + key + " " + request.body;
    } else if (request.method == "DELETE") {
        kind = RequestKind::Delete;
        command = "del " + key;
    } else if (request.method == "GET") {
        // A linearizable read: a "get KEY" entry goes through the log like a write
        // (the state machine ignores it), and is answered once applied at the leader
        // of the term that appended it. See SEAM(ReadIndex) in LiveNode::apply.
        command = "get " + key;
    } else {
        HttpResponse r = jsonError(405, "/kv/KEY answers GET, PUT and DELETE");
        r.headers.emplace_back("Allow", "GET, PUT, DELETE");
        return responder.respond(r);
    }
    const raft::ProposeResult result = m_node.propose(command, now());
    raft::TraceEvent e;
    e.kind = result.accepted ? raft::EventKind::ClientAccepted : raft::EventKind::ClientRefused;
    e.reason = result.accepted ? raft::Reason::None : raft::Reason::NotLeader;
    e.index = result.index;
    e.peer = result.leaderHint;
    publish(e, command);
    if (!result.accepted)
        return redirectToLeader(request, responder);
    Pending pending;
    pending.term = result.term;
    pending.kind = kind;
    pending.key = key;
    pending.value = kind == RequestKind::Put ? request.body : std::string();
    pending.command = std::move(command);
    pending.responder = responder;
    pending.deadline = now() + raft::fromMs(m_options.requestTimeout);
    m_pending.emplace(result.index, std::move(pending));
    scheduleFlush();
}

void LiveNode::redirectToLeader(const HttpRequest &request, const HttpResponder &responder)
{
    // §8: a server that is not the leader points the client to the leader it knows.
    const NodeId leader = m_node.leaderHint();
    const std::uint16_t port = leader == raft::kNoNode ? 0 : m_transport->httpPortOf(leader);
    raft::JsonWriter json;
    json.beginObject();
    if (leader == raft::kNoNode || port == 0) {
        json.key("error").value(leader == raft::kNoNode ? "no leader known yet (an election may be under way); retry"
                                                        : "the leader's HTTP port is not known yet; retry");
        json.key("leader");
        if (leader == raft::kNoNode)
            json.null();
        else
            json.value(raft::nodeName(leader));
        HttpResponse r = jsonResponse(503, json.endObject().take());
        r.headers.emplace_back("Retry-After", "1");
        return responder.respond(r);
    }
    const std::string location = "http://" + m_options.cluster[static_cast<std::size_t>(leader - 1)].host + ":"
        + std::to_string(port) + "/kv/" + percentEncode(request.path.substr(4));
    json.key("error").value("not the leader").key("leader").value(raft::nodeName(leader));
    json.key("location").value(location);
    HttpResponse r = jsonResponse(307, json.endObject().take());
    r.headers.emplace_back("Location", location);
    responder.respond(r);
}

void LiveNode::writeServer(raft::JsonWriter &json, NodeId id) const
{
    const ServerAddress &address = m_options.cluster[static_cast<std::size_t>(id - 1)];
    const std::uint16_t http = id == m_options.self ? m_options.httpPort : m_transport->httpPortOf(id);
    json.beginObject().key("id").value(id).key("name").value(raft::nodeName(id));
    json.key("ip").value(address.host).key("port").value(static_cast<unsigned>(address.port));
    json.key("http");
    if (http != 0)
        json.value(static_cast<unsigned>(http));
    else
        json.null();
    json.endObject();
}

std::string LiveNode::statusJson() const
{
    const raft::Node &n = m_node;
    raft::JsonWriter json;
    json.beginObject();
    // The seed article's fields.
    json.key("leader");
    if (n.leaderHint() != raft::kNoNode)
        writeServer(json, n.leaderHint());
    else
        json.null();
    json.key("term").value(n.term());
    json.key("tickets").value(m_tickets);
    json.key("status").value(seedStatus(n.role()));
    json.key("currentNode");
    writeServer(json, m_options.self);
    // aliveFollowers: on a leader, the followers heard from within the longest election
    // timeout; a follower or candidate knows of none.
    json.key("aliveFollowers").beginArray();
    if (n.role() == Role::Leader) {
        const raft::Time window = raft::fromMs(std::max(m_options.electionTimeoutMax, 3 * m_options.heartbeatInterval));
        for (NodeId id = 1; id <= static_cast<NodeId>(m_options.cluster.size()); ++id) {
            const raft::Time heard = m_lastHeard[static_cast<std::size_t>(id)];
            if (id != m_options.self && heard >= 0 && now() - heard <= window)
                writeServer(json, id);
        }
    }
    json.endArray();
    // Raft's fields (Figure 2).
    json.key("role").value(raft::roleName(n.role()));
    json.key("votedFor");
    if (n.votedFor() != raft::kNoNode)
        json.value(raft::nodeName(n.votedFor()));
    else
        json.null();
    json.key("commitIndex").value(n.commitIndex());
    json.key("lastApplied").value(n.lastApplied());
    json.key("logLength").value(n.log().lastIndex());
    json.key("lastLogTerm").value(n.log().lastTerm());
    // The election timer, for a watcher that draws it: its length and how long is left.
    json.key("electionTimeout").value(static_cast<long long>(raft::toMs(n.electionTimeout())));
    json.key("electionDueMs").value(static_cast<long long>(raft::toMs(std::max<raft::Time>(0, n.nextDeadline() - now()))));
    json.key("clusterSize").value(m_options.cluster.size());
    json.key("fsync").value(m_options.fsync);
    json.key("pid").value(static_cast<long long>(::getpid()));
    json.key("uptimeMs").value(static_cast<long long>(raft::toMs(now())));
    json.endObject();
    return json.take();
}

std::string LiveNode::logJson(const std::string &query) const
{
    std::uint64_t from = 1;
    std::uint64_t max = 500;
    queryNumber(query, "from", 1, from);
    queryNumber(query, "max", 500, max);
    max = std::min<std::uint64_t>(max, kMaxLogPage);
    const raft::Log &log = m_node.log();
    raft::JsonWriter json;
    json.beginObject().key("from").value(from).key("lastIndex").value(log.lastIndex());
    json.key("commitIndex").value(m_node.commitIndex()).key("term").value(m_node.term());
    json.key("entries").beginArray();
    for (Index i = from; i <= log.lastIndex() && i < from + max; ++i) {
        const raft::Entry &e = log.at(i);
        json.beginObject().key("index").value(i).key("term").value(e.term).key("command").value(e.command).endObject();
    }
    json.endArray().endObject();
    return json.take();
}

} // namespace live
