#include "scenario.h"

#include "bounds.h"
#include "eventcatalog.h"

#include "kvstore.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

namespace raft {

const char *commandKindName(CommandKind kind)
{
    switch (kind) {
    case CommandKind::Run: return "run";
    case CommandKind::RunUntil: return "run until";
    case CommandKind::Crash: return "crash";
    case CommandKind::Restart: return "restart";
    case CommandKind::Pause: return "pause";
    case CommandKind::Resume: return "resume";
    case CommandKind::Timeout: return "timeout";
    case CommandKind::Request: return "request";
    case CommandKind::Partition: return "partition";
    case CommandKind::Isolate: return "isolate";
    case CommandKind::Cut: return "cut";
    case CommandKind::Reconnect: return "reconnect";
    case CommandKind::Hold: return "hold";
    case CommandKind::DropMessage: return "drop";
    case CommandKind::DuplicateMessage: return "duplicate";
    case CommandKind::DeliverMessage: return "deliver";
    case CommandKind::Timer: return "timer";
    case CommandKind::SetNetwork: return "network";
    case CommandKind::SetLink: return "link";
    case CommandKind::Heal: return "heal";
    case CommandKind::Say: return "say";
    case CommandKind::Transfer: return "transfer";
    case CommandKind::Snapshot: return "snapshot";
    case CommandKind::Read: return "read";
    case CommandKind::AddServer: return "add";
    case CommandKind::RemoveServer: return "remove";
    case CommandKind::Reconfigure: return "reconfigure";
    case CommandKind::Wait: return "wait until";
    case CommandKind::Ask: return "ask";
    case CommandKind::Answer: return "answer";
    case CommandKind::Reveal: return "reveal";
    case CommandKind::Client: return "client";
    case CommandKind::ExpectLeader: return "expect leader";
    case CommandKind::ExpectLeaderIn: return "expect leader in";
    case CommandKind::ExpectRole: return "expect role";
    case CommandKind::ExpectStatus: return "expect status";
    case CommandKind::ExpectTerm: return "expect term";
    case CommandKind::ExpectCommit: return "expect commit";
    case CommandKind::ExpectApplied: return "expect applied";
    case CommandKind::ExpectLog: return "expect log";
    case CommandKind::ExpectKv: return "expect kv";
    case CommandKind::ExpectAgree: return "expect agree";
    case CommandKind::ExpectNoViolations: return "expect violations";
    case CommandKind::ExpectSnapshot: return "expect snapshot";
    case CommandKind::ExpectViolation: return "expect violation";
    case CommandKind::ExpectRead: return "expect read";
    case CommandKind::ExpectConfig: return "expect config";
    }
    return "?";
}

bool isCheck(CommandKind kind)
{
    return kind >= CommandKind::ExpectLeader;
}

std::optional<Time> parseTime(std::string_view text)
{
    // A number, optionally with a decimal part, then an optional unit: ms or s.
    Time scale = kTicksPerMs;
    if (text.size() > 2 && text.substr(text.size() - 2) == "ms") {
        text.remove_suffix(2);
    } else if (text.size() > 1 && text.back() == 's') {
        text.remove_suffix(1);
        scale = fromSeconds(1);
    }
    if (text.empty())
        return std::nullopt;
    const std::size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && fraction.empty()))
        return std::nullopt;
    const auto allDigits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!allDigits(whole) || !allDigits(fraction) || whole.size() > 12 || fraction.size() > 9)
        return std::nullopt;
    Time value = 0;
    std::from_chars(whole.data(), whole.data() + whole.size(), value);
    value *= scale;
    // The fraction must come out as whole ticks: 1.5s yes, and 0.5ms only when a tick
    // is finer than a millisecond.
    Time fractionValue = 0;
    Time denominator = 1;
    for (const char c : fraction) {
        fractionValue = fractionValue * 10 + (c - '0');
        denominator *= 10;
    }
    if ((fractionValue * scale) % denominator != 0)
        return std::nullopt;
    return value + fractionValue * scale / denominator;
}

namespace {

/// Token is one blank-separated word of a line and where it starts.
struct Token {
    std::string_view text;
    std::size_t offset = 0;
};

std::vector<Token> tokenize(std::string_view line, std::size_t base = 0)
{
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            ++i;
        if (i > start)
            tokens.push_back({line.substr(start, i - start), base + start});
    }
    return tokens;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string quoted(std::string_view text)
{
    return "'" + std::string(text) + "'";
}

/// editDistance is the Levenshtein distance, for "did you mean" hints.
std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// suggestion returns " (did you mean 'X'?)" for the closest candidate, or "".
template <typename Names> std::string suggestion(std::string_view word, const Names &candidates)
{
    const std::string key = lower(word);
    const std::size_t allowed = key.size() <= 3 ? 1 : 2;
    std::string best;
    std::size_t bestDistance = std::numeric_limits<std::size_t>::max();
    for (const std::string_view candidate : candidates) {
        // The distance is at least the difference in length: a long word of junk
        // costs nothing here (editDistance is length × length).
        const std::size_t gap = key.size() > candidate.size() ? key.size() - candidate.size()
                                                              : candidate.size() - key.size();
        if (gap > allowed)
            continue;
        const std::size_t distance = editDistance(key, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    if (best.empty() || bestDistance > allowed)
        return {};
    return " (did you mean " + quoted(best) + "?)";
}

constexpr std::array<std::string_view, 15> kSetupWords = {
    "nodes", "servers", "seed", "election-timeout", "heartbeat", "latency", "disk-latency", "loss",
    "duplicate", "option", "pace", "bug", "reads", "snapshot-every", "snapshot-chunk"};
constexpr std::array<std::string_view, 32> kActionWords = {
    "run",    "crash",     "restart", "pause",   "resume", "timeout", "request", "partition", "isolate", "cut",
    "reconnect", "heal",   "say",     "wait",    "ask",    "answer",  "reveal",  "transfer",  "snapshot", "read",
    "client", "hold",      "drop",    "deliver", "timer",  "network", "link",    "expect",    "until", "add",
    "remove", "reconfigure"};
constexpr std::array<std::string_view, 11> kCheckWords = {"leader",  "role", "status", "term",  "commit",
                                                          "applied", "log",  "kv",     "agree", "snapshot", "config"};
constexpr std::array<std::string_view, 3> kUntilWords = {"leader", "new-leader", "committed"};
constexpr std::array<std::string_view, 3> kRoleWords = {"follower", "candidate", "leader"};
constexpr std::array<std::string_view, 4> kStatusWords = {"up", "crashed", "paused", "removed"};
constexpr std::array<std::string_view, 5> kOptionWords = {"noop", "invariants", "prevote", "checkquorum", "sessions"};

std::vector<std::string_view> allCommandWords()
{
    std::vector<std::string_view> words(kSetupWords.begin(), kSetupWords.end());
    words.insert(words.end(), kActionWords.begin(), kActionWords.end() - 1);
    words.push_back("violations");
    return words;
}

std::string joinTokens(const std::vector<Token> &tokens, std::size_t from)
{
    std::string out;
    for (std::size_t i = from; i < tokens.size(); ++i) {
        if (!out.empty())
            out.push_back(' ');
        out += tokens[i].text;
    }
    return out;
}

} // namespace

/// ScenarioParser turns lines into commands, collecting every problem it finds.
class ScenarioParser {
public:
    explicit ScenarioParser(Scenario &scenario)
        : m_scenario(scenario)
    { }

    void parseLine(int line, std::string_view raw);
    void finish();

private:
    void error(const std::string &problem);
    void parseSetup(const std::string &word, const std::vector<Token> &tokens);
    void parseAction(const std::string &word, const std::vector<Token> &tokens, std::string_view rest);
    void parseExpect(ScenarioCommand &command, const std::vector<Token> &tokens);
    /// ConditionContext: an expect line, or a line that waits (run until, wait until, answer when).
    enum class ConditionContext : std::uint8_t { Expect, Until };
    /// parseCondition reads the words of a condition; false if it found a problem.
    bool parseCondition(Condition &condition, const std::vector<Token> &words, ConditionContext context);
    void parseConditionTokens(Condition &command, const std::vector<Token> &tokens, bool expect);
    void parseWait(ScenarioCommand &command, const std::vector<Token> &tokens, std::string_view rest);
    void parseAnswer(ScenarioCommand &command, const std::vector<Token> &tokens);
    void parsePace(const std::vector<Token> &tokens);
    void parseRun(ScenarioCommand &command, const std::vector<Token> &tokens);
    void parsePartition(ScenarioCommand &command, std::string_view rest);
    void parseCut(ScenarioCommand &command, std::string_view rest);
    void parseRequest(ScenarioCommand &command, const std::vector<Token> &tokens);
    void parseClient(ScenarioCommand &command, const std::vector<Token> &tokens);
    void parseHold(ScenarioCommand &command, const std::vector<Token> &tokens);
    void parseMessage(ScenarioCommand &command, const std::string &word, const std::vector<Token> &tokens);
    void parseTimer(ScenarioCommand &command, const std::vector<Token> &tokens);
    void parseNetwork(ScenarioCommand &command, const std::vector<Token> &tokens);
    void parseLink(ScenarioCommand &command, const std::vector<Token> &tokens);
    /// parseConditions reads "latency MIN MAX", "loss P" and "duplicate P" (any of
    /// them, each once) from tokens[from] on.
    void parseConditions(ConditionsChange &change, const std::vector<Token> &tokens, std::size_t from,
                         const char *usage);
    void closeSetup();

    std::optional<NodeRef> node(std::string_view text, bool allowLeader);
    /// membershipNode reads a server of add, remove or reconfigure: any of S1..S9 (a
    /// server past the cluster's makes it exist, spare until added).
    std::optional<NodeRef> membershipNode(std::string_view text, bool allowLeader);
    std::optional<std::uint64_t> number(std::string_view text, const char *what);
    std::optional<Time> time(std::string_view text, const char *what);
    std::optional<double> probability(std::string_view text);
    bool arity(const std::vector<Token> &tokens, std::size_t expected, const char *usage);

    Scenario &m_scenario;
    int m_line = 0;
    int m_errorsOnLine = 0;
    /// m_nodes is the cluster size node names are checked against (9 while the
    /// "nodes" line itself is malformed, so one mistake does not cascade).
    int m_nodes = 5;
    bool m_setupClosed = false;
    int m_firstActionLine = 0;
    int m_lastSetupLine = 0;
    std::map<std::string, int> m_setupSeen;
    /// m_lastKind: the kind of the last command parsed (answers follow their question,
    /// stand-ins their wait); m_asked: a question waits for its reveal.
    CommandKind m_lastKind = CommandKind::Say;
    bool m_hasLast = false;
    bool m_asked = false;
    int m_askLine = 0;
};

void ScenarioParser::error(const std::string &problem)
{
    ++m_errorsOnLine;
    m_scenario.m_errors.push_back(m_scenario.m_fileName + ":" + std::to_string(m_line) + ": " + problem);
}

std::optional<NodeRef> ScenarioParser::membershipNode(std::string_view text, bool allowLeader)
{
    const int known = m_nodes;
    m_nodes = kMaxNodes;
    const std::optional<NodeRef> n = node(text, allowLeader);
    m_nodes = known;
    if (n && !n->isLeader && n->id > m_nodes) {
        ClusterConfig &config = m_scenario.m_config;
        config.servers = n->id;
        m_nodes = config.machines();
    }
    return n;
}

std::optional<NodeRef> ScenarioParser::node(std::string_view text, bool allowLeader)
{
    const std::string word = lower(text);
    if (word == "leader") {
        if (allowLeader)
            return NodeRef{kNoNode, true};
        error("'leader' cannot be used here; name a node (S1..S" + std::to_string(m_nodes) + ")");
        return std::nullopt;
    }
    if (word.size() >= 2 && word[0] == 's'
        && std::all_of(word.begin() + 1, word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        int id = 0;
        std::from_chars(word.data() + 1, word.data() + word.size(), id);
        if (id >= 1 && id <= m_nodes && word.size() == 2)
            return NodeRef{id, false};
        if (id >= 1 && id <= kMaxNodes && word.size() == 2)
            error(quoted(text) + " does not exist: this cluster has "
                  + (m_nodes == 1 ? std::string("1 node (only S1)")
                                  : std::to_string(m_nodes) + " nodes (S1.." + nodeName(m_nodes) + ")"));
        else
            error("no node " + quoted(text) + ": nodes are S1..S" + std::to_string(m_nodes));
        return std::nullopt;
    }
    error("expected a node (S1..S" + std::to_string(m_nodes) + (allowLeader ? " or leader" : "") + "), got "
          + quoted(text));
    return std::nullopt;
}

std::optional<std::uint64_t> ScenarioParser::number(std::string_view text, const char *what)
{
    std::uint64_t value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size()) {
        error(std::string("bad ") + what + " " + quoted(text) + ": expected a whole number");
        return std::nullopt;
    }
    return value;
}

std::optional<Time> ScenarioParser::time(std::string_view text, const char *what)
{
    const std::optional<Time> value = parseTime(text);
    if (!value) {
        error(std::string("bad ") + what + " " + quoted(text) + ": expected a time such as 150, 150ms, 2s or 1.5s");
        return std::nullopt;
    }
    if (*value > kMaxRunTime) {
        error(std::string("bad ") + what + " " + quoted(text) + ": at most a week of virtual time ("
              + std::to_string(kMaxRunTime / fromSeconds(1)) + "s)");
        return std::nullopt;
    }
    return value;
}

std::optional<double> ScenarioParser::probability(std::string_view text)
{
    std::string_view digits = text;
    double scale = 1.0;
    if (!digits.empty() && digits.back() == '%') {
        digits.remove_suffix(1);
        scale = 0.01;
    }
    double value = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || result.ec != std::errc() || result.ptr != digits.data() + digits.size()
        || !std::isfinite(value) || value * scale < 0.0 || value * scale > 1.0) {
        error("bad probability " + quoted(text) + ": expected a number from 0 to 1, or a percentage like 10%");
        return std::nullopt;
    }
    return value * scale;
}

bool ScenarioParser::arity(const std::vector<Token> &tokens, std::size_t expected, const char *usage)
{
    if (tokens.size() == expected)
        return true;
    error(std::string(tokens.size() < expected ? "missing argument" : "too many arguments") + ": usage is '" + usage
          + "'");
    return false;
}

void ScenarioParser::parseLine(int line, std::string_view raw)
{
    m_line = line;
    m_errorsOnLine = 0;
    const std::size_t hash = raw.find('#');
    const std::string_view content = trim(raw.substr(0, hash));
    if (content.empty())
        return;
    const std::vector<Token> tokens = tokenize(content);
    const std::string word = lower(tokens[0].text);

    // "duplicate P" sets up the network; "duplicate [next] TYPE Sx -> Sy" is an action.
    const bool duplicateAction = word == "duplicate" && tokens.size() > 2;
    if (!duplicateAction && std::find(kSetupWords.begin(), kSetupWords.end(), word) != kSetupWords.end()) {
        if (m_setupClosed) {
            error(quoted(word) + " is a setup line: setup must come before the first action (line "
                  + std::to_string(m_firstActionLine) + ")");
            return;
        }
        // Each setting once: a second "seed" is more likely a slip than a wish.
        const std::string setting = (word == "option" || word == "bug") && tokens.size() > 1
            ? word + " " + lower(tokens[1].text)
            : word;
        const auto seen = m_setupSeen.find(setting);
        if (seen != m_setupSeen.end())
            error(quoted(setting) + " is already set on line " + std::to_string(seen->second));
        m_setupSeen.emplace(setting, line);
        m_lastSetupLine = line;
        parseSetup(word, tokens);
        return;
    }
    const std::string_view rest = trim(content.substr(tokens[0].text.size()));
    parseAction(word, tokens, rest);
    if (m_scenario.m_commands.empty() || m_scenario.m_commands.back().line != line)
        return;
    m_scenario.m_commands.back().text = std::string(content);
}

void ScenarioParser::parseSetup(const std::string &word, const std::vector<Token> &tokens)
{
    ClusterConfig &config = m_scenario.m_config;
    if (word == "nodes") {
        m_nodes = kMaxNodes;
        if (!arity(tokens, 2, "nodes N"))
            return;
        if (const auto n = number(tokens[1].text, "node count")) {
            if (*n < 1 || *n > static_cast<std::uint64_t>(kMaxNodes)) {
                error("a cluster has 1 to 9 nodes, not " + std::to_string(*n));
                return;
            }
            config.nodes = static_cast<int>(*n);
            m_nodes = config.machines();
        }
    } else if (word == "servers") {
        // §6: machines beyond the first configuration, spare until a leader adds them.
        if (!arity(tokens, 2, "servers N"))
            return;
        if (const auto n = number(tokens[1].text, "server count")) {
            if (*n < 1 || *n > static_cast<std::uint64_t>(kMaxNodes)) {
                error("a cluster has 1 to 9 servers, not " + std::to_string(*n));
                return;
            }
            config.servers = static_cast<int>(*n);
            m_nodes = config.machines();
        }
    } else if (word == "seed") {
        if (!arity(tokens, 2, "seed N"))
            return;
        if (const auto n = number(tokens[1].text, "seed"))
            config.seed = *n;
    } else if (word == "snapshot-every") {
        // §7: each server snapshots after applying N entries past its last snapshot.
        if (!arity(tokens, 2, "snapshot-every N"))
            return;
        if (const auto n = number(tokens[1].text, "entry count"))
            config.snapshotEvery = *n;
    } else if (word == "snapshot-chunk") {
        if (!arity(tokens, 2, "snapshot-chunk BYTES"))
            return;
        if (const auto n = number(tokens[1].text, "chunk size"))
            config.snapshotChunk = *n;
    } else if (word == "election-timeout" || word == "latency" || word == "disk-latency") {
        const bool election = word == "election-timeout";
        const bool disk = word == "disk-latency";
        if (!arity(tokens, 3,
                   election   ? "election-timeout MIN MAX"
                       : disk ? "disk-latency MIN MAX"
                              : "latency MIN MAX"))
            return;
        const auto low = time(tokens[1].text, "minimum");
        const auto high = time(tokens[2].text, "maximum");
        if (!low || !high)
            return;
        if (*low > *high) {
            error(word + ": the minimum " + formatMs(*low) + "ms is above the maximum " + formatMs(*high) + "ms");
            return;
        }
        if (election && *low == 0) {
            error("election-timeout: the minimum must be above 0");
            return;
        }
        if (election) {
            config.electionTimeoutMin = *low;
            config.electionTimeoutMax = *high;
        } else if (disk) {
            config.diskLatencyMin = *low;
            config.diskLatencyMax = *high;
        } else {
            config.network.latencyMin = *low;
            config.network.latencyMax = *high;
        }
    } else if (word == "heartbeat") {
        if (!arity(tokens, 2, "heartbeat T"))
            return;
        if (const auto t = time(tokens[1].text, "heartbeat interval")) {
            if (*t == 0)
                error("heartbeat: the interval must be above 0");
            else
                config.heartbeatInterval = *t;
        }
    } else if (word == "loss" || word == "duplicate") {
        if (!arity(tokens, 2, word == "loss" ? "loss P" : "duplicate P"))
            return;
        if (const auto p = probability(tokens[1].text))
            (word == "loss" ? config.network.loss : config.network.duplicate) = *p;
    } else if (word == "pace") {
        parsePace(tokens);
    } else if (word == "reads") {
        if (!arity(tokens, 2, "reads readindex|lease|local"))
            return;
        const std::string mode = lower(tokens[1].text);
        if (mode == "readindex")
            config.reads = ReadMode::ReadIndex;
        else if (mode == "lease")
            config.reads = ReadMode::Lease;
        else if (mode == "local")
            config.reads = ReadMode::Local;
        else
            error("unknown read mode " + quoted(tokens[1].text)
                  + suggestion(mode, std::array<std::string_view, 3>{"readindex", "lease", "local"})
                  + "; reads are readindex, lease or local");
    } else if (word == "bug") {
        // A rule switched off in every server, for teaching (raft/bugs.h holds the names).
        if (!arity(tokens, 2, "bug NAME"))
            return;
        const std::string name = lower(tokens[1].text);
        const BugInfo *bug = findBug(name);
        if (!bug) {
            std::vector<std::string_view> names;
            for (const BugInfo &b : bugTable())
                names.push_back(b.name);
            error("unknown bug " + quoted(tokens[1].text) + suggestion(name, names) + "; bugs are " + bugNameList());
            return;
        }
        config.bugs.*bug->flag = true;
    } else if (word == "option") {
        if (!arity(tokens, 3, "option NAME on|off"))
            return;
        const std::string name = lower(tokens[1].text);
        const std::string value = lower(tokens[2].text);
        bool *flag = nullptr;
        if (name == "noop")
            flag = &config.noop;
        else if (name == "invariants")
            flag = &config.checkInvariants;
        else if (name == "prevote")
            flag = &config.preVote;
        else if (name == "checkquorum")
            flag = &config.checkQuorum;
        else if (name == "sessions")
            flag = &config.sessions;
        else
            error("unknown option " + quoted(tokens[1].text) + suggestion(name, kOptionWords)
                  + "; options are noop, invariants, prevote, checkquorum and sessions");
        if (value != "on" && value != "off") {
            error("option " + name + " must be 'on' or 'off', not " + quoted(tokens[2].text));
            return;
        }
        if (flag)
            *flag = value == "on";
    }
}

void ScenarioParser::closeSetup()
{
    if (m_setupClosed)
        return;
    m_setupClosed = true;
    m_firstActionLine = m_line;
    if (m_setupSeen.empty())
        return;
    const std::string problem = m_scenario.m_config.validate();
    if (!problem.empty()) {
        const int line = m_line;
        m_line = m_lastSetupLine;
        error("the cluster setup is not usable: " + problem);
        m_line = line;
    }
}

void ScenarioParser::parseAction(const std::string &word, const std::vector<Token> &tokens, std::string_view rest)
{
    closeSetup();
    ScenarioCommand command;
    command.line = m_line;
    const int errorsBefore = m_errorsOnLine;

    if (word == "run") {
        parseRun(command, tokens);
    } else if (word == "crash" || word == "restart" || word == "pause" || word == "resume" || word == "timeout"
               || word == "isolate" || word == "reconnect" || word == "transfer" || word == "snapshot") {
        static const std::map<std::string, CommandKind> kinds = {
            {"crash", CommandKind::Crash},         {"restart", CommandKind::Restart},
            {"pause", CommandKind::Pause},         {"resume", CommandKind::Resume},
            {"timeout", CommandKind::Timeout},     {"isolate", CommandKind::Isolate},
            {"reconnect", CommandKind::Reconnect}, {"transfer", CommandKind::Transfer},
            {"snapshot", CommandKind::Snapshot}};
        command.kind = kinds.at(word);
        const std::string usage = word + " Sx";
        if (arity(tokens, 2, usage.c_str()))
            if (const auto n = node(tokens[1].text, true))
                command.node = *n;
    } else if (word == "add" || word == "remove") {
        command.kind = word == "add" ? CommandKind::AddServer : CommandKind::RemoveServer;
        const std::string usage = word + " Sx";
        if (arity(tokens, 2, usage.c_str()))
            if (const auto n = membershipNode(tokens[1].text, word == "remove"))
                command.node = *n;
    } else if (word == "reconfigure") {
        command.kind = CommandKind::Reconfigure;
        if (tokens.size() < 2)
            error("reconfigure needs the servers of the new configuration: reconfigure S1 S2 S4");
        std::vector<NodeId> voters;
        for (std::size_t i = 1; i < tokens.size(); ++i)
            if (const auto n = membershipNode(tokens[i].text, false))
                voters.push_back(n->id);
        std::sort(voters.begin(), voters.end());
        if (std::adjacent_find(voters.begin(), voters.end()) != voters.end())
            error("reconfigure lists a server twice");
        command.groups.push_back(std::move(voters));
    } else if (word == "request") {
        parseRequest(command, tokens);
    } else if (word == "read") {
        command.kind = CommandKind::Read;
        if (arity(tokens, 3, "read Sx K")) {
            if (const auto n = node(tokens[1].text, true))
                command.node = *n;
            command.argument = std::string(tokens[2].text);
        }
    } else if (word == "partition") {
        parsePartition(command, rest);
    } else if (word == "cut") {
        parseCut(command, rest);
    } else if (word == "heal") {
        command.kind = CommandKind::Heal;
        arity(tokens, 1, "heal");
    } else if (word == "say") {
        command.kind = CommandKind::Say;
        command.argument = std::string(rest);
        if (rest.empty())
            error("say needs the text to show: say TEXT");
    } else if (word == "wait") {
        parseWait(command, tokens, rest);
    } else if (word == "ask") {
        command.kind = CommandKind::Ask;
        command.argument = std::string(rest);
        if (rest.empty())
            error("ask needs the question: ask QUESTION, then one 'answer TEXT when CONDITION' per choice");
        if (m_asked)
            error("the question on line " + std::to_string(m_askLine) + " is not revealed yet: add 'reveal' first");
        m_asked = true;
        m_askLine = m_line;
    } else if (word == "answer") {
        parseAnswer(command, tokens);
    } else if (word == "reveal") {
        command.kind = CommandKind::Reveal;
        arity(tokens, 1, "reveal");
        if (!m_asked)
            error("reveal needs a question before it: ask QUESTION, answer TEXT when CONDITION, ...");
        else if (m_lastKind == CommandKind::Ask)
            error("the question on line " + std::to_string(m_askLine)
                  + " has no answers: add 'answer TEXT when CONDITION'");
        m_asked = false;
    } else if (word == "client") {
        parseClient(command, tokens);
    } else if (word == "hold") {
        parseHold(command, tokens);
    } else if (word == "drop" || word == "duplicate" || word == "deliver") {
        parseMessage(command, word, tokens);
    } else if (word == "timer") {
        parseTimer(command, tokens);
    } else if (word == "network") {
        parseNetwork(command, tokens);
    } else if (word == "link") {
        parseLink(command, tokens);
    } else if (word == "expect") {
        parseExpect(command, tokens);
    } else {
        std::string hint = suggestion(word, allCommandWords());
        if (word == "until")
            hint = " (did you mean 'run until'?)";
        else if (std::find(kCheckWords.begin(), kCheckWords.end(), word) != kCheckWords.end())
            hint = " (did you mean 'expect " + word + "'?)";
        error("unknown command " + quoted(tokens[0].text) + hint);
        return;
    }
    // The actions right after a wait until stand in for the class (see standIn).
    const bool action = (command.kind >= CommandKind::Crash && command.kind <= CommandKind::Heal)
        || command.kind == CommandKind::Snapshot;
    command.standIn = action && m_hasLast && m_lastKind == CommandKind::Wait;
    // A stand-in leaves m_lastKind at Wait, so that every action of the run stands in.
    if (!command.standIn)
        m_lastKind = command.kind;
    m_hasLast = true;
    if (m_errorsOnLine == errorsBefore)
        m_scenario.m_commands.push_back(std::move(command));
}

void ScenarioParser::parseRun(ScenarioCommand &command, const std::vector<Token> &tokens)
{
    if (tokens.size() < 2) {
        error("run needs a duration (run 500ms) or a condition (run until leader)");
        return;
    }
    if (lower(tokens[1].text) != "until") {
        command.kind = CommandKind::Run;
        static const std::array<std::string_view, 8> units = {"s",      "ms",      "sec",         "secs",
                                                              "second", "seconds", "millisecond", "milliseconds"};
        if (tokens.size() == 3 && std::find(units.begin(), units.end(), lower(tokens[2].text)) != units.end()) {
            error("write the unit right after the number: run " + std::string(tokens[1].text)
                  + (lower(tokens[2].text).rfind("m", 0) == 0 ? "ms" : "s"));
            return;
        }
        if (!arity(tokens, 2, "run T"))
            return;
        if (const auto t = time(tokens[1].text, "duration"))
            command.duration = *t;
        return;
    }
    command.kind = CommandKind::RunUntil;
    command.duration = Scenario::kDefaultMax;
    if (tokens.size() < 3) {
        error("run until needs a condition: leader, new-leader, committed N or anything expect checks");
        return;
    }
    // The condition runs up to "max T", if the line bounds the wait.
    std::size_t end = tokens.size();
    for (std::size_t i = 3; i < tokens.size(); ++i)
        if (lower(tokens[i].text) == "max")
            end = i;
    const std::vector<Token> condition(tokens.begin() + 2, tokens.begin() + static_cast<std::ptrdiff_t>(end));
    if (!parseCondition(command.condition, condition, ConditionContext::Until))
        return;
    if (end == tokens.size())
        return;
    if (end + 2 != tokens.size()) {
        error(end + 1 == tokens.size() ? "max needs a time: max 5s" : "too many arguments after 'max T'");
        return;
    }
    if (const auto t = time(tokens[end + 1].text, "maximum")) {
        if (*t == 0)
            error("max must be above 0");
        command.duration = *t;
    }
}

void ScenarioParser::parseHold(ScenarioCommand &command, const std::vector<Token> &tokens)
{
    command.kind = CommandKind::Hold;
    if (!arity(tokens, 2, "hold on|off"))
        return;
    const std::string value = lower(tokens[1].text);
    if (value != "on" && value != "off")
        error("hold takes on or off, not " + quoted(tokens[1].text));
    command.on = value == "on";
}

void ScenarioParser::parseMessage(ScenarioCommand &command, const std::string &word, const std::vector<Token> &tokens)
{
    command.kind = word == "drop" ? CommandKind::DropMessage
        : word == "duplicate"     ? CommandKind::DuplicateMessage
                                  : CommandKind::DeliverMessage;
    const std::string usage = word + " [next] TYPE Sx -> Sy (e.g. " + word + " next AppendEntries S1 -> S3)";
    std::size_t i = 1;
    if (i < tokens.size() && lower(tokens[i].text) == "next")
        ++i;
    if (tokens.size() != i + 4 || tokens[i + 2].text != "->") {
        error("expected a message type and a link: " + usage);
        return;
    }
    const std::string type = lower(tokens[i].text);
    bool known = false;
    std::vector<std::string> names;
    for (std::size_t t = 0; t < kMessageTypeCount; ++t) {
        const auto candidate = static_cast<MessageType>(t);
        names.emplace_back(lower(messageTypeName(candidate)));
        if (names.back() == type) {
            command.messageType = candidate;
            known = true;
        }
    }
    if (!known) {
        const std::vector<std::string_view> views(names.begin(), names.end());
        std::string hint = suggestion(type, views);
        for (std::size_t t = 0; t < kMessageTypeCount; ++t)
            if (hint == " (did you mean " + quoted(names[t]) + "?)")
                hint = " (did you mean " + quoted(messageTypeName(static_cast<MessageType>(t))) + "?)";
        error("unknown message type " + quoted(tokens[i].text) + hint
              + "; types are RequestVote, AppendEntries, PreVote, TimeoutNow and the replies RequestVoteReply, "
                "AppendEntriesReply, PreVoteReply");
    }
    const auto from = node(tokens[i + 1].text, true);
    const auto to = node(tokens[i + 3].text, true);
    if (!from || !to)
        return;
    if (*from == *to) {
        error(word + " needs a message between two different nodes");
        return;
    }
    command.node = *from;
    command.peer = *to;
}

void ScenarioParser::parseTimer(ScenarioCommand &command, const std::vector<Token> &tokens)
{
    command.kind = CommandKind::Timer;
    if (!arity(tokens, 3, "timer Sx T (Sx's election timer fires T from now, e.g. timer S3 180ms)"))
        return;
    const auto n = node(tokens[1].text, true);
    const auto t = time(tokens[2].text, "time");
    if (n)
        command.node = *n;
    if (t)
        command.duration = *t;
}

void ScenarioParser::parseConditions(ConditionsChange &change, const std::vector<Token> &tokens, std::size_t from,
                                     const char *usage)
{
    if (from >= tokens.size()) {
        error(std::string("say what changes: ") + usage);
        return;
    }
    std::map<std::string, bool> seen;
    for (std::size_t i = from; i < tokens.size();) {
        const std::string what = lower(tokens[i].text);
        if (seen[what]) {
            error(quoted(what) + " is given twice");
            return;
        }
        seen[what] = true;
        if (what == "latency") {
            if (i + 2 >= tokens.size()) {
                error(std::string("latency needs MIN MAX: ") + usage);
                return;
            }
            const auto low = time(tokens[i + 1].text, "minimum");
            const auto high = time(tokens[i + 2].text, "maximum");
            if (!low || !high)
                return;
            if (*low < 1 || *low > *high || *high > kMaxDelay) {
                error("latency must be MIN MAX with " + formatMs(1) + "ms <= MIN <= MAX <= "
                      + std::to_string(kMaxDelay / fromSeconds(1)) + "s");
                return;
            }
            change.latencyMin = *low;
            change.latencyMax = *high;
            i += 3;
        } else if (what == "loss" || what == "duplicate") {
            if (i + 1 >= tokens.size()) {
                error(what + " needs a probability (0.1 or 10%): " + usage);
                return;
            }
            const auto p = probability(tokens[i + 1].text);
            if (!p)
                return;
            (what == "loss" ? change.loss : change.duplicate) = *p;
            i += 2;
        } else {
            static constexpr std::array<std::string_view, 3> kParts = {"latency", "loss", "duplicate"};
            error("unknown setting " + quoted(tokens[i].text) + suggestion(what, kParts)
                  + "; a network or link line changes latency MIN MAX, loss P and duplicate P");
            return;
        }
    }
}

void ScenarioParser::parseNetwork(ScenarioCommand &command, const std::vector<Token> &tokens)
{
    command.kind = CommandKind::SetNetwork;
    parseConditions(command.change, tokens, 1, "network latency MIN MAX loss P duplicate P (any of them)");
}

void ScenarioParser::parseLink(ScenarioCommand &command, const std::vector<Token> &tokens)
{
    command.kind = CommandKind::SetLink;
    const char *usage = "link Sx -> Sy latency MIN MAX loss P duplicate P (any of them), or link Sx -> Sy default";
    if (tokens.size() < 5 || tokens[2].text != "->") {
        error(std::string("expected a one-way link and what changes: ") + usage);
        return;
    }
    const auto from = node(tokens[1].text, true);
    const auto to = node(tokens[3].text, true);
    if (from && to && *from == *to)
        error("link needs two different nodes");
    if (from)
        command.node = *from;
    if (to)
        command.peer = *to;
    if (tokens.size() == 5 && lower(tokens[4].text) == "default") {
        command.change.toDefault = true;
        return;
    }
    parseConditions(command.change, tokens, 4, usage);
}

void ScenarioParser::parseClient(ScenarioCommand &command, const std::vector<Token> &tokens)
{
    command.kind = CommandKind::Client;
    const char *usage = "client every T (e.g. client every 100ms) or client off";
    const std::string how = tokens.size() >= 2 ? lower(tokens[1].text) : std::string();
    if (how == "off") {
        arity(tokens, 2, usage);
        return;
    }
    if (how != "every") {
        error(std::string("client needs 'every T' or 'off': usage is '") + usage + "'");
        return;
    }
    if (!arity(tokens, 3, usage))
        return;
    if (const auto t = time(tokens[2].text, "interval")) {
        if (*t < kMinClientInterval || *t > kMaxDelay)
            error("the automatic client's interval must be from " + formatMs(kMinClientInterval) + "ms to "
                  + std::to_string(kMaxDelay / fromSeconds(1)) + "s");
        command.duration = *t;
    }
}

void ScenarioParser::parseWait(ScenarioCommand &command, const std::vector<Token> &tokens, std::string_view rest)
{
    command.kind = CommandKind::Wait;
    if (tokens.size() < 2 || lower(tokens[1].text) != "until") {
        error("wait needs 'until' and a condition: wait until status S1 crashed | Crash the leader");
        return;
    }
    const std::size_t bar = rest.find('|');
    const std::string_view hint = bar == std::string_view::npos ? std::string_view() : trim(rest.substr(bar + 1));
    if (hint.empty()) {
        error("wait until needs a hint for the class after '|': wait until status S1 crashed | Crash S1 now");
        return;
    }
    command.argument = std::string(hint);
    const std::vector<Token> words = tokenize(rest.substr(0, bar));
    const std::vector<Token> condition(words.begin() + 1, words.end());
    if (condition.empty()) {
        error("wait until needs a condition before '|'");
        return;
    }
    parseCondition(command.condition, condition, ConditionContext::Until);
}

void ScenarioParser::parseAnswer(ScenarioCommand &command, const std::vector<Token> &tokens)
{
    command.kind = CommandKind::Answer;
    if (m_lastKind != CommandKind::Ask && m_lastKind != CommandKind::Answer) {
        error("answer belongs to a question: put it right after 'ask QUESTION' or another answer");
        return;
    }
    std::size_t when = 0;
    for (std::size_t i = 1; i < tokens.size(); ++i)
        if (lower(tokens[i].text) == "when")
            when = i;
    if (when <= 1 || when + 1 >= tokens.size()) {
        error("answer needs its text and the condition that makes it right: answer S3 leads when leader S3");
        return;
    }
    command.argument = joinTokens(
        std::vector<Token>(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(when)), 1);
    const std::vector<Token> condition(tokens.begin() + static_cast<std::ptrdiff_t>(when) + 1, tokens.end());
    parseCondition(command.condition, condition, ConditionContext::Until);
}

void ScenarioParser::parseRequest(ScenarioCommand &command, const std::vector<Token> &all)
{
    command.kind = CommandKind::Request;
    std::vector<Token> tokens = all;
    if (tokens.size() >= 3 && lower(tokens[2].text) == "client") {
        // request Sx client C N COMMAND: a session request (§6.3), retried until answered.
        if (tokens.size() < 6) {
            error("a session request needs a client, a number and a command: request Sx client C N incr K");
            return;
        }
        const auto c = number(tokens[3].text, "client id");
        const auto seq = number(tokens[4].text, "request number");
        if (c && (*c == 0 || *c > 1'000'000)) {
            error("a client id is a number from 1 to 1000000, not " + std::to_string(*c));
            return;
        }
        if (c && seq) {
            command.client = static_cast<int>(*c);
            command.seq = *seq;
        }
        tokens.erase(tokens.begin() + 2, tokens.begin() + 5);
    }
    if (tokens.size() < 3) {
        error("missing argument: usage is 'request Sx set K V', 'request Sx del K' or 'request Sx incr K'");
        return;
    }
    const auto n = node(tokens[1].text, true);
    const std::string verb = lower(tokens[2].text);
    if (verb != "set" && verb != "del" && verb != "incr") {
        error("unknown client command " + quoted(tokens[2].text)
              + suggestion(verb, std::array<std::string_view, 3>{"set", "del", "incr"})
              + "; use set K V, del K or incr K");
        return;
    }
    if (verb == "incr" && tokens.size() != 4) {
        error(tokens.size() < 4 ? "incr needs a key: request Sx incr K" : "incr takes one key: request Sx incr K");
        return;
    }
    if (verb == "set" && tokens.size() != 5) {
        error(tokens.size() < 5 ? "set needs a key and a value: request Sx set K V"
                                : "set takes one key and one value (no spaces): request Sx set K V");
        return;
    }
    if (verb == "del" && tokens.size() != 4) {
        error(tokens.size() < 4 ? "del needs a key: request Sx del K" : "del takes one key: request Sx del K");
        return;
    }
    command.argument = joinTokens(tokens, 2);
    if (!KvStore::isValidCommand(command.argument)) {
        error("the state machine does not accept " + quoted(command.argument));
        return;
    }
    if (n)
        command.node = *n;
}

void ScenarioParser::parsePartition(ScenarioCommand &command, std::string_view rest)
{
    command.kind = CommandKind::Partition;
    if (rest.find('|') == std::string_view::npos) {
        error("partition needs at least two groups separated by '|': partition S1 S2 | S3 S4 S5");
        return;
    }
    std::vector<int> listed(static_cast<std::size_t>(kMaxNodes) + 1, 0);
    std::size_t start = 0;
    bool ok = true;
    while (start <= rest.size()) {
        std::size_t bar = rest.find('|', start);
        if (bar == std::string_view::npos)
            bar = rest.size();
        const std::vector<Token> names = tokenize(rest.substr(start, bar - start));
        if (names.empty()) {
            error("partition has an empty group; every group needs at least one node");
            ok = false;
        }
        std::vector<NodeId> group;
        for (const Token &name : names) {
            const auto n = node(name.text, false);
            if (!n) {
                ok = false;
                continue;
            }
            if (listed[n->id]++ == 1) {
                error(nodeName(n->id) + " is listed twice in the partition");
                ok = false;
            }
            group.push_back(n->id);
        }
        command.groups.push_back(std::move(group));
        start = bar + 1;
    }
    std::string missing;
    for (NodeId id = 1; id <= m_nodes; ++id)
        if (listed[id] == 0)
            missing += (missing.empty() ? "" : ", ") + nodeName(id);
    if (ok && !missing.empty())
        error("partition must list every node once; missing: " + missing);
}

void ScenarioParser::parseCut(ScenarioCommand &command, std::string_view rest)
{
    command.kind = CommandKind::Cut;
    std::size_t arrow = rest.find("<->");
    std::size_t width = 3;
    command.bothWays = true;
    if (arrow == std::string_view::npos) {
        arrow = rest.find("->");
        width = 2;
        command.bothWays = false;
    }
    if (arrow == std::string_view::npos) {
        error("cut needs an arrow: cut S1 -> S2 (one way) or cut S1 <-> S2 (both ways)");
        return;
    }
    const std::vector<Token> left = tokenize(rest.substr(0, arrow));
    const std::vector<Token> right = tokenize(rest.substr(arrow + width));
    if (left.size() != 1 || right.size() != 1) {
        error("cut links exactly one node to one node: cut S1 -> S2 or cut S1 <-> S2");
        return;
    }
    const auto from = node(left[0].text, true);
    const auto to = node(right[0].text, true);
    if (!from || !to)
        return;
    if (*from == *to) {
        error("cut needs two different nodes");
        return;
    }
    command.node = *from;
    command.peer = *to;
}

void ScenarioParser::parseExpect(ScenarioCommand &command, const std::vector<Token> &tokens)
{
    if (tokens.size() < 2) {
        error(
            "expect needs something to check: leader, role, status, term, commit, applied, log, kv, agree, snapshot, config or "
            "violations");
        return;
    }
    static const std::map<ConditionKind, CommandKind> kinds = {
        {ConditionKind::LeaderIs, CommandKind::ExpectLeader},
        {ConditionKind::LeaderIn, CommandKind::ExpectLeaderIn},
        {ConditionKind::RoleIs, CommandKind::ExpectRole},
        {ConditionKind::StatusIs, CommandKind::ExpectStatus},
        {ConditionKind::TermIs, CommandKind::ExpectTerm},
        {ConditionKind::CommitIs, CommandKind::ExpectCommit},
        {ConditionKind::AppliedIs, CommandKind::ExpectApplied},
        {ConditionKind::LogIs, CommandKind::ExpectLog},
        {ConditionKind::KvHas, CommandKind::ExpectKv},
        {ConditionKind::Agree, CommandKind::ExpectAgree},
        {ConditionKind::NoViolations, CommandKind::ExpectNoViolations},
        {ConditionKind::SnapshotIs, CommandKind::ExpectSnapshot},
        {ConditionKind::Violated, CommandKind::ExpectViolation},
        {ConditionKind::ReadIs, CommandKind::ExpectRead},

        {ConditionKind::ConfigIs, CommandKind::ExpectConfig},
        {ConditionKind::Removed, CommandKind::ExpectStatus}};
    parseCondition(command.condition, std::vector<Token>(tokens.begin() + 1, tokens.end()), ConditionContext::Expect);
    const auto kind = kinds.find(command.condition.kind);
    command.kind = kind == kinds.end() ? CommandKind::ExpectLeader : kind->second;
}

bool ScenarioParser::parseCondition(Condition &condition, const std::vector<Token> &words, ConditionContext context)
{
    const int errorsBefore = m_errorsOnLine;
    // tokens[0] stands where "expect" stands in "expect term S1 3": the condition's
    // words start at tokens[1], as they did when only expect lines had conditions.
    std::vector<Token> tokens;
    tokens.push_back({context == ConditionContext::Expect ? "expect" : "until", 0});
    tokens.insert(tokens.end(), words.begin(), words.end());
    parseConditionTokens(condition, tokens, context == ConditionContext::Expect);
    return m_errorsOnLine == errorsBefore;
}

void ScenarioParser::parseConditionTokens(Condition &command, const std::vector<Token> &tokens, bool expect)
{
    const std::string what = lower(tokens[1].text);
    const auto compared = [&](ConditionKind kind, const char *usage) {
        command.kind = kind;
        // expect term S1 >= 3; the operator may be glued to the number (>=3) or left out (=).
        if (tokens.size() < 4 || tokens.size() > 5) {
            error(std::string(tokens.size() < 4 ? "missing argument" : "too many arguments") + ": usage is '" + usage
                  + "'");
            return;
        }
        const auto n = node(tokens[2].text, true);
        std::string_view op = tokens[3].text;
        std::string_view digits = tokens.size() == 5 ? tokens[4].text : std::string_view();
        if (tokens.size() == 4) {
            const std::size_t end = op.find_first_not_of("=!<>");
            digits = end == std::string_view::npos ? std::string_view() : op.substr(end);
            op = op.substr(0, end == std::string_view::npos ? op.size() : end);
        }
        static const std::map<std::string_view, Compare> ops = {
            {"", Compare::Equal}, {"=", Compare::Equal},      {"==", Compare::Equal},  {"!=", Compare::NotEqual},
            {"<", Compare::Less}, {"<=", Compare::LessEqual}, {">", Compare::Greater}, {">=", Compare::GreaterEqual}};
        const auto found = ops.find(op);
        if (found == ops.end() || (tokens.size() == 5 && op.empty())) {
            error("unknown comparison " + quoted(op) + ": use one of = != >= > <= <");
            return;
        }
        if (digits.empty()) {
            error(std::string("missing number: usage is '") + usage + "'");
            return;
        }
        const auto value = number(digits, "number");
        if (n && value) {
            command.node = *n;
            command.compare = found->second;
            command.number = *value;
        }
    };

    if (!expect && what == "leader" && tokens.size() == 2) {
        command.kind = ConditionKind::LeaderIs;
        command.want = LeaderWant::Any;
    } else if (!expect && what == "new-leader") {
        command.kind = ConditionKind::NewLeader;
        arity(tokens, 2, "new-leader");
    } else if (!expect && what == "committed") {
        command.kind = ConditionKind::Committed;
        if (tokens.size() != 3) {
            error("run until committed needs an index: run until committed N");
        } else if (const auto n = number(tokens[2].text, "index")) {
            command.number = *n;
        }
    } else if (!expect && what == "leader" && tokens.size() == 3 && parseTime(tokens[2].text)) {
        error("unexpected " + quoted(tokens[2].text) + " after the condition; to bound the wait write 'max T'");
    } else if (what == "leader") {
        if (tokens.size() >= 3 && lower(tokens[2].text) == "in") {
            command.kind = ConditionKind::LeaderIn;
            if (tokens.size() == 3)
                error("expect leader in needs one or more nodes: expect leader in S1 S2");
            for (std::size_t i = 3; i < tokens.size(); ++i)
                if (const auto n = node(tokens[i].text, false))
                    command.nodes.push_back(n->id);
            return;
        }
        command.kind = ConditionKind::LeaderIs;
        if (!arity(tokens, 3, "expect leader Sx|any|none"))
            return;
        const std::string want = lower(tokens[2].text);
        if (want == "any") {
            command.want = LeaderWant::Any;
        } else if (want == "none") {
            command.want = LeaderWant::None;
        } else if (want == "leader") {
            error("expect leader takes a node, any or none");
        } else if (const auto n = node(tokens[2].text, false)) {
            command.want = LeaderWant::Node;
            command.node = *n;
        }
    } else if (what == "role") {
        command.kind = ConditionKind::RoleIs;
        if (!arity(tokens, 4, "expect role Sx leader|follower|candidate"))
            return;
        const auto n = node(tokens[2].text, true);
        const std::string role = lower(tokens[3].text);
        if (role == "leader")
            command.role = Role::Leader;
        else if (role == "follower")
            command.role = Role::Follower;
        else if (role == "candidate")
            command.role = Role::Candidate;
        else if (role == "crashed" || role == "paused" || role == "up")
            error(quoted(tokens[3].text) + " is a status, not a role (did you mean 'expect status'?)");
        else
            error("unknown role " + quoted(tokens[3].text) + suggestion(role, kRoleWords)
                  + "; roles are leader, follower and candidate");
        if (n)
            command.node = *n;
    } else if (what == "status") {
        command.kind = ConditionKind::StatusIs;
        if (!arity(tokens, 4, "expect status Sx up|crashed|paused"))
            return;
        const auto n = node(tokens[2].text, true);
        const std::string status = lower(tokens[3].text);
        if (status == "up")
            command.status = NodeStatus::Up;
        else if (status == "crashed")
            command.status = NodeStatus::Crashed;
        else if (status == "paused")
            command.status = NodeStatus::Paused;
        else if (status == "removed")
            command.kind = ConditionKind::Removed;
        else
            error("unknown status " + quoted(tokens[3].text) + suggestion(status, kStatusWords)
                  + "; a node is up, crashed, paused or removed");
        if (n)
            command.node = *n;
    } else if (what == "config") {
        command.kind = ConditionKind::ConfigIs;
        if (tokens.size() < 4) {
            error("expect config needs a node and the voters it should use: expect config S1 S1 S2 S3 S4");
            return;
        }
        if (const auto n = node(tokens[2].text, true))
            command.node = *n;
        for (std::size_t i = 3; i < tokens.size(); ++i)
            if (const auto n = node(tokens[i].text, false))
                command.nodes.push_back(n->id);
        std::sort(command.nodes.begin(), command.nodes.end());
    } else if (what == "term") {
        compared(ConditionKind::TermIs, "expect term Sx OP N");
    } else if (what == "commit") {
        compared(ConditionKind::CommitIs, "expect commit Sx OP N");
    } else if (what == "applied") {
        compared(ConditionKind::AppliedIs, "expect applied Sx OP N");
    } else if (what == "snapshot") {
        compared(ConditionKind::SnapshotIs, "expect snapshot Sx OP N");
    } else if (what == "log") {
        command.kind = ConditionKind::LogIs;
        if (tokens.size() < 4) {
            error("expect log needs a node and the terms of its entries from index 1 (or 'empty'): "
                  "expect log S1 1 1 2");
            return;
        }
        const auto n = node(tokens[2].text, true);
        if (n)
            command.node = *n;
        if (tokens.size() == 4 && lower(tokens[3].text) == "empty")
            return;
        for (std::size_t i = 3; i < tokens.size(); ++i)
            if (const auto term = number(tokens[i].text, "term"))
                command.terms.push_back(*term);
    } else if (what == "kv") {
        command.kind = ConditionKind::KvHas;
        if (tokens.size() < 4) {
            error("expect kv needs a node and one or more KEY=VALUE (or KEY=<none>): expect kv S1 x=5");
            return;
        }
        if (const auto n = node(tokens[2].text, true))
            command.node = *n;
        for (std::size_t i = 3; i < tokens.size(); ++i) {
            const std::string_view pair = tokens[i].text;
            const std::size_t eq = pair.find('=');
            if (eq == std::string_view::npos || eq == 0) {
                error("expected KEY=VALUE (or KEY=<none>), got " + quoted(pair));
                continue;
            }
            KvExpectation expectation{std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1))};
            if (*expectation.value == "<none>" || *expectation.value == "<absent>")
                expectation.value.reset();
            command.kv.push_back(std::move(expectation));
        }
    } else if (what == "agree") {
        command.kind = ConditionKind::Agree;
        arity(tokens, 2, "expect agree");
    } else if (what == "violations") {
        command.kind = ConditionKind::NoViolations;
        if (arity(tokens, 3, "expect violations none") && lower(tokens[2].text) != "none")
            error("only 'expect violations none' is supported, not " + quoted(tokens[2].text));
    } else if (what == "read") {
        command.kind = ConditionKind::ReadIs;
        if (!arity(tokens, 3, "expect read K=V"))
            return;
        const std::string_view pair = tokens[2].text;
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos || eq == 0) {
            error("expected KEY=VALUE (or KEY=<none>), got " + quoted(pair));
            return;
        }
        KvExpectation expectation{std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1))};
        if (*expectation.value == "<none>" || *expectation.value == "<absent>")
            expectation.value.reset();
        command.kv.push_back(std::move(expectation));
    } else if (what == "violation") {
        command.kind = ConditionKind::Violated;
        if (!arity(tokens, 3, "expect violation NAME|any"))
            return;
        command.name = lower(tokens[2].text);
        const auto &names = knownViolationNames();
        if (command.name != "any" && std::find(names.begin(), names.end(), command.name) == names.end()) {
            std::string list;
            for (const std::string &n : names)
                list += (list.empty() ? "" : ", ") + n;
            error("unknown property " + quoted(tokens[2].text) + suggestion(command.name, names)
                  + "; properties are any, " + list);
        }
    } else {
        std::vector<std::string_view> words(kCheckWords.begin(), kCheckWords.end());
        words.push_back("violations");
        if (expect) {
            error("unknown check " + quoted(tokens[1].text) + suggestion(what, words)
                  + "; expect takes leader, role, status, term, commit, applied, log, kv, agree, snapshot, config or violations");
        } else {
            words.insert(words.end(), {"new-leader", "committed"});
            error("unknown condition " + quoted(tokens[1].text) + suggestion(what, words)
                  + "; run until takes leader, new-leader, committed N or anything expect checks");
        }
    }
}

void ScenarioParser::finish()
{
    if (!m_setupClosed) {
        closeSetup();
    }
    if (m_asked) {
        m_line = m_askLine;
        error("the question is never revealed: add a 'reveal' line after it");
    }
}

void ScenarioParser::parsePace(const std::vector<Token> &tokens)
{
    if (!arity(tokens, 2, "pace 1/10 (or pace 0.1, pace 2)"))
        return;
    const std::string_view text = tokens[1].text;
    const std::size_t slash = text.find('/');
    double numerator = 0;
    double denominator = 1;
    const auto read = [](std::string_view part, double &value) {
        const auto result = std::from_chars(part.data(), part.data() + part.size(), value);
        return !part.empty() && result.ec == std::errc() && result.ptr == part.data() + part.size();
    };
    const bool ok = slash == std::string_view::npos
        ? read(text, numerator)
        : read(text.substr(0, slash), numerator) && read(text.substr(slash + 1), denominator);
    const double pace = ok && denominator > 0 ? numerator / denominator : 0;
    if (!ok || !std::isfinite(pace) || pace < 0.001 || pace > 10) {
        error("bad pace " + quoted(text) + ": expected a speed from 1/1000 to 10, such as 1/10 or 0.5");
        return;
    }
    m_scenario.m_pace = pace;
}

NetworkConfig ConditionsChange::applyTo(NetworkConfig base) const
{
    if (latencyMin)
        base.latencyMin = *latencyMin;
    if (latencyMax)
        base.latencyMax = *latencyMax;
    if (loss)
        base.loss = *loss;
    if (duplicate)
        base.duplicate = *duplicate;
    return base;
}

std::vector<std::string> Scenario::narration() const
{
    std::vector<std::string> lines;
    for (const ScenarioCommand &command : m_commands)
        if (command.kind == CommandKind::Say)
            lines.push_back(command.argument);
    return lines;
}

Scenario Scenario::parse(std::string_view text, std::string fileName)
{
    Scenario scenario;
    scenario.m_fileName = std::move(fileName);
    ScenarioParser parser(scenario);
    // Some editors start a UTF-8 file with a byte order mark.
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    int line = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        parser.parseLine(++line, text.substr(start, end - start));
        start = end + 1;
    }
    parser.finish();
    // Errors come out in line order (closeSetup may report an earlier line late).
    std::stable_sort(scenario.m_errors.begin(), scenario.m_errors.end(),
                     [&](const std::string &a, const std::string &b) {
                         const auto lineOf = [&](const std::string &e) {
                             int n = 0;
                             const std::size_t at = scenario.m_fileName.size() + 1;
                             std::from_chars(e.data() + at, e.data() + e.size(), n);
                             return n;
                         };
                         return lineOf(a) < lineOf(b);
                     });
    return scenario;
}

// ---------------------------------------------------------------------------
// Running commands

namespace {

/// Resolved is a NodeRef resolved against the simulation: a node, or why not.
struct Resolved {
    NodeId id = kNoNode;
    std::string why;
    explicit operator bool() const { return id != kNoNode; }
};

Resolved resolve(const Simulation &sim, const NodeRef &ref)
{
    if (!ref.isLeader)
        return {ref.id, {}};
    if (const auto leader = sim.leader())
        return {*leader, {}};
    return {kNoNode, "no leader"};
}

/// nextMessage is the message of that type from -> to that the network would act on
/// first (the earliest to arrive; one waiting at the door has arrived), if any.
std::optional<std::uint64_t> nextMessage(const Simulation &sim, MessageType type, NodeId from, NodeId to)
{
    const Envelope *best = nullptr;
    sim.network().forEach([&](const Envelope &e) {
        if (e.message.type != type || e.message.from != from || e.message.to != to)
            return;
        if (!best || std::pair(e.eventTime(), e.id) < std::pair(best->eventTime(), best->id))
            best = &e;
    });
    return best ? std::optional(best->id) : std::nullopt;
}

CommandOutcome fail(std::string why)
{
    return {false, std::move(why)};
}

/// done turns the simulation's answer to an action into an outcome: a refusal
/// fails the line with the simulation's own reason.
CommandOutcome done(const ActionResult &result)
{
    return result ? CommandOutcome{} : fail(result.describe());
}

} // namespace

CommandOutcome executeCommand(Simulation &sim, const ScenarioCommand &command)
{
    if (isCheck(command.kind)) {
        ConditionResult result = evaluate(sim, command.condition);
        return {result.holds, std::move(result.why)};
    }

    const CommandKind kind = command.kind;
    const bool needsNode = kind == CommandKind::Crash || kind == CommandKind::Restart || kind == CommandKind::Pause
        || kind == CommandKind::Resume || kind == CommandKind::Timeout || kind == CommandKind::Request
        || kind == CommandKind::Isolate || kind == CommandKind::Cut || kind == CommandKind::Reconnect
        || kind == CommandKind::Transfer || kind == CommandKind::Snapshot
        || kind == CommandKind::Read
        || kind == CommandKind::Timer || kind == CommandKind::SetLink
        || kind == CommandKind::DropMessage || kind == CommandKind::DuplicateMessage
        || kind == CommandKind::DeliverMessage || kind == CommandKind::AddServer
        || kind == CommandKind::RemoveServer;
    Resolved who;
    if (needsNode) {
        who = resolve(sim, command.node);
        if (!who)
            return fail(who.why);
    }
    const NodeId id = who.id;

    switch (kind) {
    case CommandKind::Run: sim.runFor(command.duration); return {};
    case CommandKind::RunUntil: {
        // Alone (without a ScenarioPlayer) a run until plays the simulation directly.
        const ConditionStart start = ConditionStart::of(sim);
        if (sim.runUntil([&] { return holds(sim, command.condition, start); }, command.duration))
            return {};
        return fail("after " + formatDuration(command.duration) + ": " + evaluate(sim, command.condition, start).why);
    }
    case CommandKind::Crash: return done(sim.crash(id));
    case CommandKind::Restart: return done(sim.restart(id));
    case CommandKind::Pause: return done(sim.pause(id));
    case CommandKind::Resume: return done(sim.resume(id));
    case CommandKind::Timeout: return done(sim.timeout(id));
    // §3.10: refused with the reason when the target cannot take over.
    case CommandKind::Transfer: return done(sim.transfer(id));
    // §7: refused with the reason when the server is down or has nothing new to snapshot.
    case CommandKind::Snapshot: return done(sim.snapshot(id));
    // §6, dissertation §4: refused with the reason when no change can start now.
    case CommandKind::AddServer: return done(sim.addServer(id));
    case CommandKind::RemoveServer: return done(sim.removeServer(id));
    case CommandKind::Reconfigure: return done(sim.reconfigure(command.groups.at(0)));
    case CommandKind::Request:
        // A request to a server that is down or paused, or not the leader, is not a
        // mistake of the script: the client simply gets no answer or a refusal,
        // and the trace says so.
        return done(command.client != 0 ? sim.request(id, command.argument, command.client, command.seq)
                                        : sim.request(id, command.argument));
    case CommandKind::Partition: return done(sim.partition(command.groups));
    case CommandKind::Isolate: return done(sim.isolate(id));
    case CommandKind::Reconnect: return done(sim.reconnect(id));
    case CommandKind::Cut: {
        const Resolved peer = resolve(sim, command.peer);
        if (!peer)
            return fail(peer.why);
        return done(sim.cut(id, peer.id, command.bothWays));
    }
    case CommandKind::Heal: return done(sim.heal());
    case CommandKind::Hold: return done(sim.setHold(command.on));
    case CommandKind::Timer: return done(sim.setElectionDeadline(id, sim.now() + command.duration));
    case CommandKind::SetNetwork: return done(sim.setNetworkConfig(command.change.applyTo(sim.network().config())));
    case CommandKind::DropMessage:
    case CommandKind::DuplicateMessage:
    case CommandKind::DeliverMessage:
    case CommandKind::SetLink: {
        const Resolved peer = resolve(sim, command.peer);
        if (!peer)
            return fail(peer.why);
        if (kind == CommandKind::SetLink) {
            if (command.change.toDefault)
                return done(sim.setLinkConditions(id, peer.id, std::nullopt));
            return done(
                sim.setLinkConditions(id, peer.id, command.change.applyTo(sim.network().conditions(id, peer.id))));
        }
        const std::optional<std::uint64_t> message = nextMessage(sim, command.messageType, id, peer.id);
        if (!message)
            return fail(std::string("no ") + messageTypeName(command.messageType) + " from " + nodeName(id) + " to "
                        + nodeName(peer.id) + " is in flight");
        if (kind == CommandKind::DropMessage)
            return done(sim.dropMessage(*message));
        if (kind == CommandKind::DuplicateMessage)
            return done(sim.duplicateMessage(*message));
        return done(sim.deliverMessage(*message));
    }
    case CommandKind::Say: return done(sim.say(command.argument));
    // §6.4: a refused read is not a mistake of the script; reads() and the trace say why.
    case CommandKind::Read: return done(sim.read(id, command.argument));
    case CommandKind::Client: return done(sim.setAutoClient(command.duration));
    case CommandKind::Wait:
    case CommandKind::Ask:
    case CommandKind::Answer:
    case CommandKind::Reveal:
    case CommandKind::ExpectLeader:
    case CommandKind::ExpectLeaderIn:
    case CommandKind::ExpectRole:
    case CommandKind::ExpectStatus:
    case CommandKind::ExpectTerm:
    case CommandKind::ExpectCommit:
    case CommandKind::ExpectApplied:
    case CommandKind::ExpectLog:
    case CommandKind::ExpectKv:
    case CommandKind::ExpectAgree:
    case CommandKind::ExpectNoViolations:
    case CommandKind::ExpectSnapshot:
    case CommandKind::ExpectViolation:
    case CommandKind::ExpectRead:
    case CommandKind::ExpectConfig:
    default: return {};
    }
}

} // namespace raft
