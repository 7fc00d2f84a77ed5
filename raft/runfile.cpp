#include "runfile.h"

#include "bounds.h"

#include <algorithm>
#include <charconv>

namespace raft {

namespace {

/// kVersion is the version written for a run on the microsecond clock. Version 1
/// files were saved while a tick was a millisecond: they open with
/// ClusterConfig::wholeMsClock, which draws every delay as then, and save back as 1.
constexpr int kVersion = 2;
constexpr int kWholeMsVersion = 1;

/// number writes a probability in the shortest form that reads back the same
/// ("0.2"), whatever the locale: std::to_chars never uses a decimal comma.
std::string number(double v)
{
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

std::string conditionsText(const NetworkConfig &c)
{
    return formatMs(c.latencyMin) + " " + formatMs(c.latencyMax) + " " + number(c.loss) + " "
        + number(c.duplicate);
}

/// Line is one line of the file split into words, with the raw text for "the rest".
struct Line {
    std::string_view raw;
    std::vector<std::string_view> words;

    /// rest returns the text from word i to the end of the line, trimmed.
    std::string rest(std::size_t i) const
    {
        if (i >= words.size())
            return {};
        std::string_view r = raw.substr(static_cast<std::size_t>(words[i].data() - raw.data()));
        while (!r.empty() && (r.back() == ' ' || r.back() == '\t' || r.back() == '\r'))
            r.remove_suffix(1);
        return std::string(r);
    }
};

Line split(std::string_view raw)
{
    Line line{raw, {}};
    std::size_t i = 0;
    while (i < raw.size()) {
        while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r'))
            ++i;
        std::size_t j = i;
        while (j < raw.size() && raw[j] != ' ' && raw[j] != '\t' && raw[j] != '\r')
            ++j;
        if (j > i)
            line.words.push_back(raw.substr(i, j - i));
        i = j;
    }
    return line;
}

template <typename T> bool parseInt(std::string_view s, T &out)
{
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

/// parseMillis reads a time written in milliseconds, whole ("150") or not ("150.25"),
/// into ticks; false if it is malformed or finer than a tick.
bool parseMillis(std::string_view s, Time &out)
{
    const std::optional<Time> t = parseMs(s);
    if (t)
        out = *t;
    return t.has_value();
}

/// parseDouble reads a number written by number() (or by hand), whatever the locale.
bool parseDouble(std::string_view s, double &out)
{
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

/// Parser reads one file; each check that fails adds "FILE:LINE: problem".
class Parser {
public:
    Parser(std::string fileName, RunFile &run, std::vector<std::string> &errors)
        : m_file(std::move(fileName))
        , m_run(run)
        , m_errors(errors)
    { }

    void fail(int line, const std::string &problem)
    {
        m_errors.push_back(m_file + ":" + std::to_string(line) + ": " + problem);
    }

    /// machines is how many servers exist at the line being read: the setup's, plus
    /// those `add` lines brought in (each may add the next one, up to S9).
    int machines() const { return m_run.config.machines() + m_grown; }

    bool node(int line, std::string_view word, NodeId &out, bool next = false)
    {
        int n = 0;
        const int limit = std::min(machines() + (next ? 1 : 0), kMaxNodes);
        if (word.size() >= 2 && (word[0] == 'S' || word[0] == 's') && parseInt(word.substr(1), n) && n >= 1
            && n <= limit) {
            out = n;
            return true;
        }
        fail(line,
             "'" + std::string(word) + "' is not a server of this " + std::to_string(machines())
                 + "-server cluster (S1..S" + std::to_string(machines()) + ")");
        return false;
    }

    bool conditions(int line, const Line &l, std::size_t at, NetworkConfig &c)
    {
        if (l.words.size() != at + 4) {
            fail(line, "expected LATENCY-MIN LATENCY-MAX LOSS DUPLICATE");
            return false;
        }
        if (!parseMillis(l.words[at], c.latencyMin) || !parseMillis(l.words[at + 1], c.latencyMax)
            || !parseDouble(l.words[at + 2], c.loss) || !parseDouble(l.words[at + 3], c.duplicate)) {
            fail(line, "expected numbers: LATENCY-MIN LATENCY-MAX LOSS DUPLICATE");
            return false;
        }
        ClusterConfig check = m_run.config;
        check.network = c;
        if (const std::string problem = check.validate(); !problem.empty()) {
            fail(line, problem);
            return false;
        }
        return true;
    }

    bool setup(int line, const Line &l)
    {
        const std::string_view key = l.words[0];
        ClusterConfig &c = m_run.config;
        const auto need = [&](std::size_t n) {
            if (l.words.size() == n + 1)
                return true;
            fail(line, "'" + std::string(key) + "' takes " + std::to_string(n) + (n == 1 ? " value" : " values"));
            return false;
        };
        bool ok = true;
        if (key == "nodes") {
            ok = need(1) && parseInt(l.words[1], c.nodes) && c.nodes >= 1 && c.nodes <= kMaxNodes;
            if (!ok)
                fail(line, "nodes must be a number from 1 to 9");
            return true;
        }
        if (key == "servers") {
            ok = need(1) && parseInt(l.words[1], c.servers) && c.servers >= 1 && c.servers <= kMaxNodes;
            if (!ok)
                fail(line, "servers must be a number from 1 to 9");
            return true;
        }
        if (key == "seed")
            ok = need(1) && parseInt(l.words[1], c.seed);
        else if (key == "election-timeout")
            ok = need(2) && parseMillis(l.words[1], c.electionTimeoutMin) && parseMillis(l.words[2], c.electionTimeoutMax);
        else if (key == "heartbeat")
            ok = need(1) && parseMillis(l.words[1], c.heartbeatInterval);
        else if (key == "latency")
            ok = need(2) && parseMillis(l.words[1], c.network.latencyMin) && parseMillis(l.words[2], c.network.latencyMax);
        else if (key == "disk-latency")
            ok = need(2) && parseMillis(l.words[1], c.diskLatencyMin) && parseMillis(l.words[2], c.diskLatencyMax);
        else if (key == "loss")
            ok = need(1) && parseDouble(l.words[1], c.network.loss);
        else if (key == "duplicate")
            ok = need(1) && parseDouble(l.words[1], c.network.duplicate);
        else if (key == "snapshot-every")
            ok = need(1) && parseInt(l.words[1], c.snapshotEvery);
        else if (key == "snapshot-chunk")
            ok = need(1) && parseInt(l.words[1], c.snapshotChunk);
        else if (key == "client")
            ok = need(1) && parseMillis(l.words[1], c.autoClient);
        else if (key == "option") {
            if (!need(2))
                return true;
            bool *flag = l.words[1] == "noop" ? &c.noop
                : l.words[1] == "prevote"     ? &c.preVote
                : l.words[1] == "checkquorum" ? &c.checkQuorum
                                              : nullptr;
            if (!flag) {
                fail(line, "unknown option '" + std::string(l.words[1]) + "' (known: noop, prevote, checkquorum)");
                return true;
            }
            if (l.words[2] != "on" && l.words[2] != "off") {
                fail(line, "option " + std::string(l.words[1]) + " takes on or off");
                return true;
            }
            *flag = l.words[2] == "on";
            return true;
        } else if (key == "sessions") {
            if (!need(1))
                return true;
            if (l.words[1] != "on" && l.words[1] != "off")
                fail(line, "sessions takes on or off");
            c.sessions = l.words[1] == "on";
            return true;
        } else if (key == "reads") {
            if (!need(1))
                return true;
            const std::string_view mode = l.words[1];
            if (mode == "readindex")
                c.reads = ReadMode::ReadIndex;
            else if (mode == "lease")
                c.reads = ReadMode::Lease;
            else if (mode == "local")
                c.reads = ReadMode::Local;
            else
                fail(line, "unknown read mode '" + std::string(mode) + "' (known: readindex, lease, local)");
            return true;
        } else if (key == "bug") {
            if (!need(1))
                return true;
            if (const BugInfo *bug = findBug(l.words[1]))
                c.bugs.*bug->flag = true;
            else
                fail(line, "unknown bug '" + std::string(l.words[1]) + "' (known: " + bugNameList() + ")");
            return true;
        } else
            return false;
        if (!ok)
            fail(line, "bad value for '" + std::string(key) + "'");
        return true;
    }

    void action(int line, const Line &l)
    {
        // at T step N KIND ...
        Input in;
        if (l.words.size() < 5 || l.words[2] != "step") {
            fail(line, "expected 'at TIME step STEP ACTION ...'");
            return;
        }
        if (!parseMillis(l.words[1], in.t) || in.t < 0 || in.t > kMaxRunTime) {
            fail(line,
                 "'" + std::string(l.words[1]) + "' is not a time in milliseconds from 0 to "
                     + formatMs(kMaxRunTime) + " (a week)");
            return;
        }
        if (!parseInt(l.words[3], in.step)) {
            fail(line, "'" + std::string(l.words[3]) + "' is not a step number");
            return;
        }
        if (!m_run.inputs.empty() && (in.step <= m_run.inputs.back().step || in.t < m_run.inputs.back().t)) {
            fail(line,
                 "actions must be in the order they happened (time and step never go back; each action is "
                 "its own step)");
            return;
        }
        const std::string_view kind = l.words[4];
        const std::size_t n = l.words.size() - 5; // arguments after the kind
        const auto args = [&](std::size_t want) {
            if (n == want)
                return true;
            fail(line,
                 "'" + std::string(kind) + "' takes " + std::to_string(want)
                     + (want == 1 ? " argument" : " arguments"));
            return false;
        };
        const auto server = [&](std::size_t i, NodeId &out) { return node(line, l.words[i], out); };
        const auto oneNode = [&]<typename A>(A a) {
            const bool good = args(1) && server(5, a.node);
            in.action = a;
            return good;
        };
        bool ok = false;
        if (kind == "crash")
            ok = oneNode(act::Crash{});
        else if (kind == "restart")
            ok = oneNode(act::Restart{});
        else if (kind == "pause")
            ok = oneNode(act::Pause{});
        else if (kind == "resume")
            ok = oneNode(act::Resume{});
        else if (kind == "timeout")
            ok = oneNode(act::Timeout{});
        else if (kind == "transfer")
            ok = oneNode(act::Transfer{});
        else if (kind == "snapshot")
            ok = oneNode(act::Snapshot{});
        else if (kind == "add") {
            // `add` may name the next server: the world grows by one machine.
            act::AddServer add;
            ok = args(1) && node(line, l.words[5], add.node, true);
            in.action = add;
            if (ok && add.node > machines())
                ++m_grown;
        } else if (kind == "remove")
            ok = oneNode(act::RemoveServer{});
        else if (kind == "reconfigure") {
            act::Reconfigure reconfigure;
            ok = n >= 1;
            for (std::size_t i = 5; i < l.words.size() && ok; ++i) {
                NodeId id = kNoNode;
                ok = server(i, id);
                reconfigure.voters.push_back(id);
            }
            std::sort(reconfigure.voters.begin(), reconfigure.voters.end());
            reconfigure.voters.erase(std::unique(reconfigure.voters.begin(), reconfigure.voters.end()),
                                     reconfigure.voters.end());
            in.action = std::move(reconfigure);
            if (n < 1)
                fail(line, "'reconfigure' takes the servers of the new configuration");
        } else if (kind == "isolate")
            ok = oneNode(act::Isolate{});
        else if (kind == "reconnect")
            ok = oneNode(act::Reconnect{});
        else if (kind == "heal") {
            in.action = act::Heal{};
            ok = args(0);
        } else if (kind == "request") {
            act::Request request;
            ok = n >= 1 && server(5, request.node);
            if (ok && n >= 4 && l.words[6] == "client") {
                // request Sx client C N COMMAND (a session request, §6.3)
                ok = parseInt(l.words[7], request.client) && request.client > 0 && parseInt(l.words[8], request.seq);
                request.command = l.rest(9);
                if (!ok)
                    fail(line, "'request Sx client C N COMMAND' needs a client id and a request number");
            } else {
                request.command = l.rest(6);
            }
            in.action = std::move(request);
            if (n < 1)
                fail(line, "'request' takes a server and a command");
        } else if (kind == "read") {
            act::Read read;
            ok = n == 2 && server(5, read.node);
            if (ok)
                read.key = std::string(l.words[6]);
            in.action = std::move(read);
            if (n != 2)
                fail(line, "'read' takes a server and a key");
        } else if (kind == "say") {
            in.action = act::Say{l.rest(5)};
            ok = true;
        } else if (kind == "partition") {
            act::Partition partition;
            partition.groups.emplace_back();
            ok = n >= 1;
            for (std::size_t i = 5; i < l.words.size() && ok; ++i) {
                if (l.words[i] == "|") {
                    partition.groups.emplace_back();
                    continue;
                }
                NodeId id = kNoNode;
                ok = server(i, id);
                partition.groups.back().push_back(id);
            }
            in.action = std::move(partition);
            if (n < 1)
                fail(line, "'partition' takes groups of servers separated by |");
        } else if (kind == "cut" || kind == "link" || kind == "restore") {
            const bool link = kind == "link";
            if (n < 3) {
                fail(line, "'" + std::string(kind) + "' takes Sx -> Sy" + (link ? " and conditions or 'default'" : ""));
                return;
            }
            NodeId from = kNoNode;
            NodeId to = kNoNode;
            bool bothWays = false;
            std::optional<LinkConditions> linkConditions;
            ok = server(5, from) && server(7, to);
            if (ok && l.words[6] == "<->" && !link) {
                bothWays = true;
            } else if (ok && l.words[6] != "->") {
                fail(line,
                     link ? "expected 'link Sx -> Sy ...'"
                          : "expected '" + std::string(kind) + " Sx -> Sy' or '" + std::string(kind) + " Sx <-> Sy'");
                ok = false;
            }
            if (ok && link) {
                if (n != 4 || l.words[8] != "default") {
                    linkConditions.emplace();
                    ok = conditions(line, l, 8, *linkConditions);
                }
            } else if (ok && n != 3) {
                fail(line, "'" + std::string(kind) + "' takes Sx -> Sy or Sx <-> Sy");
                ok = false;
            }
            if (link)
                in.action = act::SetLink{from, to, linkConditions};
            else if (kind == "cut")
                in.action = act::Cut{from, to, bothWays};
            else
                in.action = act::Restore{from, to, bothWays};
        } else if (kind == "drop" || kind == "deliver" || kind == "duplicate") {
            std::uint64_t id = 0;
            ok = args(1) && parseInt(l.words[5], id) && id > 0;
            if (n == 1 && !ok)
                fail(line, "'" + std::string(l.words[5]) + "' is not a message number");
            if (kind == "drop")
                in.action = act::Drop{id};
            else if (kind == "deliver")
                in.action = act::Deliver{id};
            else
                in.action = act::Duplicate{id};
        } else if (kind == "hold") {
            ok = args(1) && (l.words[5] == "on" || l.words[5] == "off");
            if (n == 1 && !ok)
                fail(line, "'hold' takes on or off");
            in.action = act::Hold{ok && l.words[5] == "on"};
        } else if (kind == "network") {
            act::SetNetwork network;
            ok = conditions(line, l, 5, network.network);
            in.action = network;
        } else if (kind == "client") {
            act::AutoClient client;
            ok = args(1)
                && (l.words[5] == "off"
                    || (parseMillis(l.words[5], client.every) && client.every >= kMinClientInterval
                        && client.every <= kMaxDelay));
            if (n == 1 && !ok)
                fail(line,
                     "'client' takes an interval in milliseconds (" + formatMs(kMinClientInterval) + " to "
                         + formatMs(kMaxDelay) + ") or off");
            in.action = client;
        } else if (kind == "timer") {
            act::SetTimer timer;
            ok = args(2) && server(5, timer.node) && parseMillis(l.words[6], timer.at) && timer.at >= in.t;
            if (n == 2 && ok == false && timer.at < in.t)
                fail(line, "a timer cannot be set to fire before the action's own time");
            in.action = timer;
        } else {
            fail(line, "unknown action '" + std::string(kind) + "'");
            return;
        }
        if (ok)
            m_run.inputs.push_back(std::move(in));
    }

    void parse(std::string_view text)
    {
        if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF
            && static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
            text.remove_prefix(3); // a byte-order mark from an editor
        int lineNo = 0;
        bool sawHeader = false;
        std::size_t pos = 0;
        while (pos <= text.size()) {
            const std::size_t end = std::min(text.find('\n', pos), text.size());
            const std::string_view raw = text.substr(pos, end - pos);
            pos = end + 1;
            ++lineNo;
            const Line l = split(raw);
            if (l.words.empty() || l.words[0].front() == '#') {
                if (end == text.size())
                    break;
                continue;
            }
            const std::string_view key = l.words[0];
            if (!sawHeader) {
                int version = 0;
                if (key != "raftviz-run" || l.words.size() != 2 || !parseInt(l.words[1], version)) {
                    fail(lineNo,
                         "not a raftviz run file: it must start with 'raftviz-run " + std::to_string(kVersion) + "'");
                    return;
                }
                if (version != kVersion && version != kWholeMsVersion) {
                    fail(lineNo,
                         "run file version " + std::to_string(version)
                             + " is not supported (this raftviz reads versions " + std::to_string(kWholeMsVersion)
                             + " and " + std::to_string(kVersion) + ")");
                    return;
                }
                m_run.config.wholeMsClock = version == kWholeMsVersion;
                sawHeader = true;
            } else if (key == "at") {
                m_sawAction = true;
                action(lineNo, l);
            } else if (key == "note") {
                m_run.notes.push_back(l.rest(1));
            } else if (key == "position") {
                std::uint64_t p = 0;
                Time t = 0;
                if ((l.words.size() != 2 && l.words.size() != 3) || !parseInt(l.words[1], p)
                    || (l.words.size() == 3 && (!parseMillis(l.words[2], t) || t < 0 || t > kMaxRunTime))) {
                    fail(lineNo,
                         "'position' takes a step number and, optionally, a time of at most "
                             + formatMs(kMaxRunTime) + " ms");
                } else {
                    m_positionLine = lineNo;
                    m_run.position = p;
                    if (l.words.size() == 3)
                        m_run.positionTime = t;
                }
            } else if (key == "end") {
                std::uint64_t p = 0;
                Time t = 0;
                if (l.words.size() != 3 || !parseInt(l.words[1], p) || !parseMillis(l.words[2], t) || t < 0
                    || t > kMaxRunTime) {
                    fail(lineNo,
                         "'end' takes the run's last step and its time (at most " + formatMs(kMaxRunTime)
                             + " ms)");
                } else {
                    m_endLine = lineNo;
                    m_run.endStep = p;
                    m_run.endTime = t;
                }
            } else if (m_sawAction && setupWord(key)) {
                fail(lineNo, "'" + std::string(key) + "' must come before the first action");
            } else if (!setup(lineNo, l)) {
                fail(lineNo, "unknown line '" + std::string(key) + "'");
            }
            if (end == text.size())
                break;
        }
        if (!sawHeader) {
            fail(lineNo == 0 ? 1 : lineNo,
                 "the file is empty: a run file starts with 'raftviz-run " + std::to_string(kVersion) + "'");
            return;
        }
        if (const std::string problem = m_run.config.validate(); !problem.empty())
            fail(1, "the cluster settings are invalid: " + problem);
        checkReach();
    }

    /// checkReach refuses an end or a position the run's own actions cannot reach:
    /// the end must come after the last action, in steps and in time; a position
    /// lies within the recorded run.
    void checkReach()
    {
        const std::uint64_t lastStep = m_run.inputs.empty() ? 0 : m_run.inputs.back().step;
        const Time lastTime = m_run.inputs.empty() ? 0 : m_run.inputs.back().t;
        if (m_run.endStep && ((!m_run.inputs.empty() && *m_run.endStep <= lastStep) || m_run.endTime < lastTime))
            fail(m_endLine,
                 "the end (step " + std::to_string(*m_run.endStep) + " at " + formatMs(m_run.endTime)
                     + " ms) comes before the last action");
        const std::uint64_t reach = m_run.endStep ? *m_run.endStep : lastStep + 1;
        if (m_run.position && *m_run.position > reach)
            fail(m_positionLine,
                 "the position (step " + std::to_string(*m_run.position)
                     + ") lies beyond the end of the recorded run (step " + std::to_string(reach) + ")");
        if (m_run.positionTime && m_run.endStep && *m_run.positionTime > std::max(m_run.endTime, lastTime) + kMaxDelay)
            fail(m_positionLine, "the position's time lies beyond the end of the recorded run");
    }

private:
    static bool setupWord(std::string_view key)
    {
        return key == "nodes" || key == "seed" || key == "election-timeout" || key == "heartbeat" || key == "latency"
            || key == "disk-latency" || key == "loss" || key == "duplicate" || key == "option" || key == "client"
            || key == "snapshot-every" || key == "snapshot-chunk" || key == "sessions" || key == "reads" || key == "bug"
            || key == "servers";
    }

    std::string m_file;
    RunFile &m_run;
    int m_grown = 0;
    std::vector<std::string> &m_errors;
    bool m_sawAction = false;
    int m_endLine = 0;
    int m_positionLine = 0;
};

} // namespace

namespace {

template <class... F> struct Overloaded : F... {
    using F::operator()...;
};
template <class... F> Overloaded(F...) -> Overloaded<F...>;

std::string linkText(const char *word, NodeId from, NodeId to, bool bothWays)
{
    return std::string(word) + " " + nodeName(from) + (bothWays ? " <-> " : " -> ") + nodeName(to);
}

} // namespace

std::string formatInput(const Input &in)
{
    const auto oneNode = [](const char *word, NodeId id) { return std::string(word) + " " + nodeName(id); };
    const auto message = [](const char *word, std::uint64_t id) {
        return std::string(word) + " " + std::to_string(id);
    };
    return std::visit(
        Overloaded{
            [&](const act::Crash &a) { return oneNode("crash", a.node); },
            [&](const act::Restart &a) { return oneNode("restart", a.node); },
            [&](const act::Pause &a) { return oneNode("pause", a.node); },
            [&](const act::Resume &a) { return oneNode("resume", a.node); },
            [&](const act::Timeout &a) { return oneNode("timeout", a.node); },
            [&](const act::Transfer &a) { return oneNode("transfer", a.node); },
            [&](const act::Snapshot &a) { return oneNode("snapshot", a.node); },
            [&](const act::AddServer &a) { return oneNode("add", a.node); },
            [&](const act::RemoveServer &a) { return oneNode("remove", a.node); },
            [](const act::Reconfigure &a) { return "reconfigure " + nodeList(a.voters); },
            [&](const act::Isolate &a) { return oneNode("isolate", a.node); },
            [&](const act::Reconnect &a) { return oneNode("reconnect", a.node); },
            [](const act::Heal &) { return std::string("heal"); },
            [](const act::Request &a) {
                if (a.client != 0)
                    return "request " + nodeName(a.node) + " client " + std::to_string(a.client) + " "
                        + std::to_string(a.seq) + " " + a.command;
                return "request " + nodeName(a.node) + " " + a.command;
            },
            [](const act::Read &a) { return "read " + nodeName(a.node) + " " + a.key; },
            [](const act::Say &a) { return "say " + a.text; },
            [](const act::Partition &a) {
                std::string s = "partition";
                for (std::size_t g = 0; g < a.groups.size(); ++g) {
                    if (g > 0)
                        s += " |";
                    for (NodeId id : a.groups[g])
                        s += " " + nodeName(id);
                }
                return s;
            },
            [](const act::Cut &a) { return linkText("cut", a.from, a.to, a.bothWays); },
            [](const act::Restore &a) { return linkText("restore", a.from, a.to, a.bothWays); },
            [](const act::SetLink &a) {
                return linkText("link", a.from, a.to, false) + " "
                    + (a.conditions ? conditionsText(*a.conditions) : std::string("default"));
            },
            [&](const act::Drop &a) { return message("drop", a.message); },
            [&](const act::Deliver &a) { return message("deliver", a.message); },
            [&](const act::Duplicate &a) { return message("duplicate", a.message); },
            [](const act::Hold &a) { return std::string(a.on ? "hold on" : "hold off"); },
            [](const act::SetNetwork &a) { return "network " + conditionsText(a.network); },
            [](const act::SetTimer &a) { return "timer " + nodeName(a.node) + " " + formatMs(a.at); },
            [](const act::AutoClient &a) {
                return "client " + (a.every > 0 ? formatMs(a.every) : std::string("off"));
            },
        },
        in.action);
}

std::string formatRunFile(const RunFile &run)
{
    const ClusterConfig &c = run.config;
    std::string s = "raftviz-run " + std::to_string(c.wholeMsClock ? kWholeMsVersion : kVersion) + "\n";
    s += "# A raftviz run: the cluster, then every action with its virtual time (ms) and step.\n";
    s += "nodes " + std::to_string(c.nodes) + "\n";
    s += "seed " + std::to_string(c.seed) + "\n";
    s += "election-timeout " + formatMs(c.electionTimeoutMin) + " " + formatMs(c.electionTimeoutMax) + "\n";
    s += "heartbeat " + formatMs(c.heartbeatInterval) + "\n";
    s += "latency " + formatMs(c.network.latencyMin) + " " + formatMs(c.network.latencyMax) + "\n";
    s += "loss " + number(c.network.loss) + "\n";
    s += "duplicate " + number(c.network.duplicate) + "\n";
    s += std::string("option noop ") + (c.noop ? "on" : "off") + "\n";
    // Options at their default are left out, so older readers still read the file.
    if (c.preVote)
        s += "option prevote on\n";
    if (c.checkQuorum)
        s += "option checkquorum on\n";
    if (c.snapshotEvery != 0)
        s += "snapshot-every " + std::to_string(c.snapshotEvery) + "\n";
    if (c.snapshotChunk != 0)
        s += "snapshot-chunk " + std::to_string(c.snapshotChunk) + "\n";
    if (!c.sessions)
        s += "sessions off\n";
    if (c.reads != ReadMode::ReadIndex)
        s += std::string("reads ") + readModeName(c.reads) + "\n";
    for (const std::string &bug : bugNames(c.bugs))
        s += "bug " + bug + "\n";
    if (c.autoClient > 0)
        s += "client " + formatMs(c.autoClient) + "\n";
    if (c.diskLatencyMax > 0)
        s += "disk-latency " + formatMs(c.diskLatencyMin) + " " + formatMs(c.diskLatencyMax) + "\n";
    if (c.servers > c.nodes)
        s += "servers " + std::to_string(c.servers) + "\n";
    for (const std::string &note : run.notes)
        s += "note " + note + "\n";
    for (const Input &in : run.inputs)
        s += "at " + formatMs(in.t) + " step " + std::to_string(in.step) + " " + formatInput(in) + "\n";
    if (run.endStep)
        s += "end " + std::to_string(*run.endStep) + " " + formatMs(run.endTime) + "\n";
    if (run.position) {
        s += "position " + std::to_string(*run.position);
        if (run.positionTime)
            s += " " + formatMs(*run.positionTime);
        s += "\n";
    }
    return s;
}

bool isRunFileText(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const Line l = split(text.substr(pos, end - pos));
        if (!l.words.empty() && l.words[0].front() != '#')
            return l.words[0] == "raftviz-run";
        pos = end + 1;
    }
    return false;
}

RunFileResult parseRunFile(std::string_view text, const std::string &fileName)
{
    RunFileResult result;
    RunFile run;
    Parser parser(fileName, run, result.errors);
    parser.parse(text);
    if (result.errors.empty())
        result.run = std::move(run);
    return result;
}

} // namespace raft
