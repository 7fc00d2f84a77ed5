#include "scenario.h"

#include "kvstore.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

namespace raft {

std::string NodeRef::text() const
{
    return isLeader ? std::string("leader") : nodeName(id);
}

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
    case CommandKind::Heal: return "heal";
    case CommandKind::Say: return "say";
    case CommandKind::Transfer: return "transfer";
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
    }
    return "?";
}

bool isCheck(CommandKind kind)
{
    return kind >= CommandKind::ExpectLeader;
}

const char *compareName(Compare compare)
{
    switch (compare) {
    case Compare::Equal: return "=";
    case Compare::NotEqual: return "!=";
    case Compare::Less: return "<";
    case Compare::LessEqual: return "<=";
    case Compare::Greater: return ">";
    case Compare::GreaterEqual: return ">=";
    }
    return "?";
}

std::optional<Time> parseTime(std::string_view text)
{
    // A number, optionally with a decimal part, then an optional unit: ms or s.
    Time scale = 1;
    if (text.size() > 2 && text.substr(text.size() - 2) == "ms") {
        text.remove_suffix(2);
    } else if (text.size() > 1 && text.back() == 's') {
        text.remove_suffix(1);
        scale = 1000;
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
    // The fraction must come out as whole milliseconds: 1.5s yes, 1.5ms no.
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
    std::string best;
    std::size_t bestDistance = std::numeric_limits<std::size_t>::max();
    for (const std::string_view candidate : candidates) {
        const std::size_t distance = editDistance(key, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    const std::size_t allowed = key.size() <= 3 ? 1 : 2;
    if (best.empty() || bestDistance > allowed)
        return {};
    return " (did you mean " + quoted(best) + "?)";
}

constexpr std::array<std::string_view, 8> kSetupWords = {"nodes",   "seed", "election-timeout", "heartbeat",
                                                         "latency", "loss", "duplicate",        "option"};
constexpr std::array<std::string_view, 16> kActionWords = {
    "run",     "crash", "restart",   "pause", "resume", "timeout",  "request", "partition",
    "isolate", "cut",   "reconnect", "heal",  "say",    "transfer", "expect",  "until"};
constexpr std::array<std::string_view, 9> kCheckWords = {"leader",  "role", "status", "term", "commit",
                                                         "applied", "log",  "kv",     "agree"};
constexpr std::array<std::string_view, 3> kUntilWords = {"leader", "new-leader", "committed"};
constexpr std::array<std::string_view, 3> kRoleWords = {"follower", "candidate", "leader"};
constexpr std::array<std::string_view, 3> kStatusWords = {"up", "crashed", "paused"};
constexpr std::array<std::string_view, 4> kOptionWords = {"noop", "invariants", "prevote", "checkquorum"};

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
    void parseRun(ScenarioCommand &command, const std::vector<Token> &tokens);
    void parsePartition(ScenarioCommand &command, std::string_view rest);
    void parseCut(ScenarioCommand &command, std::string_view rest);
    void parseRequest(ScenarioCommand &command, const std::vector<Token> &tokens);
    void closeSetup();

    std::optional<NodeRef> node(std::string_view text, bool allowLeader);
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
};

void ScenarioParser::error(const std::string &problem)
{
    ++m_errorsOnLine;
    m_scenario.m_errors.push_back(m_scenario.m_fileName + ":" + std::to_string(m_line) + ": " + problem);
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
    if (!value)
        error(std::string("bad ") + what + " " + quoted(text) + ": expected a time such as 150, 150ms, 2s or 1.5s");
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

    if (std::find(kSetupWords.begin(), kSetupWords.end(), word) != kSetupWords.end()) {
        if (m_setupClosed) {
            error(quoted(word) + " is a setup line: setup must come before the first action (line "
                  + std::to_string(m_firstActionLine) + ")");
            return;
        }
        // Each setting once: a second "seed" is more likely a slip than a wish.
        const std::string setting = word == "option" && tokens.size() > 1 ? "option " + lower(tokens[1].text) : word;
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
            m_nodes = config.nodes;
        }
    } else if (word == "seed") {
        if (!arity(tokens, 2, "seed N"))
            return;
        if (const auto n = number(tokens[1].text, "seed"))
            config.seed = *n;
    } else if (word == "election-timeout" || word == "latency") {
        const bool election = word == "election-timeout";
        if (!arity(tokens, 3, election ? "election-timeout MIN MAX" : "latency MIN MAX"))
            return;
        const auto low = time(tokens[1].text, "minimum");
        const auto high = time(tokens[2].text, "maximum");
        if (!low || !high)
            return;
        if (*low > *high) {
            error(word + ": the minimum " + std::to_string(*low) + "ms is above the maximum " + std::to_string(*high)
                  + "ms");
            return;
        }
        if (election && *low == 0) {
            error("election-timeout: the minimum must be above 0");
            return;
        }
        if (election) {
            config.electionTimeoutMin = *low;
            config.electionTimeoutMax = *high;
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
        else
            error("unknown option " + quoted(tokens[1].text) + suggestion(name, kOptionWords)
                  + "; options are noop, invariants, prevote and checkquorum");
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
               || word == "isolate" || word == "reconnect" || word == "transfer") {
        static const std::map<std::string, CommandKind> kinds = {
            {"crash", CommandKind::Crash},         {"restart", CommandKind::Restart},
            {"pause", CommandKind::Pause},         {"resume", CommandKind::Resume},
            {"timeout", CommandKind::Timeout},     {"isolate", CommandKind::Isolate},
            {"reconnect", CommandKind::Reconnect}, {"transfer", CommandKind::Transfer}};
        command.kind = kinds.at(word);
        const std::string usage = word + " Sx";
        if (arity(tokens, 2, usage.c_str()))
            if (const auto n = node(tokens[1].text, true))
                command.node = *n;
    } else if (word == "request") {
        parseRequest(command, tokens);
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
        error("run until needs a condition: leader, new-leader or committed N");
        return;
    }
    const std::string condition = lower(tokens[2].text);
    std::size_t next = 3;
    if (condition == "leader") {
        command.until = UntilCondition::Leader;
    } else if (condition == "new-leader") {
        command.until = UntilCondition::NewLeader;
    } else if (condition == "committed") {
        command.until = UntilCondition::Committed;
        if (tokens.size() < 4) {
            error("run until committed needs an index: run until committed N");
            return;
        }
        const auto n = number(tokens[3].text, "index");
        if (!n)
            return;
        command.number = *n;
        next = 4;
    } else {
        error("unknown condition " + quoted(tokens[2].text) + suggestion(condition, kUntilWords)
              + "; run until takes leader, new-leader or committed N");
        return;
    }
    if (next == tokens.size())
        return;
    if (lower(tokens[next].text) != "max") {
        error("unexpected " + quoted(tokens[next].text) + " after the condition; to bound the wait write 'max T'");
        return;
    }
    if (next + 2 != tokens.size()) {
        error(next + 1 == tokens.size() ? "max needs a time: max 5s" : "too many arguments after 'max T'");
        return;
    }
    if (const auto t = time(tokens[next + 1].text, "maximum")) {
        if (*t == 0)
            error("max must be above 0");
        command.duration = *t;
    }
}

void ScenarioParser::parseRequest(ScenarioCommand &command, const std::vector<Token> &tokens)
{
    command.kind = CommandKind::Request;
    if (tokens.size() < 3) {
        error("missing argument: usage is 'request Sx set K V' or 'request Sx del K'");
        return;
    }
    const auto n = node(tokens[1].text, true);
    const std::string verb = lower(tokens[2].text);
    if (verb != "set" && verb != "del") {
        error("unknown client command " + quoted(tokens[2].text)
              + suggestion(verb, std::array<std::string_view, 2>{"set", "del"}) + "; use set K V or del K");
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
        error("expect needs something to check: leader, role, status, term, commit, applied, log, kv, agree or "
              "violations");
        return;
    }
    const std::string what = lower(tokens[1].text);
    const auto compared = [&](CommandKind kind, const char *usage) {
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

    if (what == "leader") {
        if (tokens.size() >= 3 && lower(tokens[2].text) == "in") {
            command.kind = CommandKind::ExpectLeaderIn;
            if (tokens.size() == 3)
                error("expect leader in needs one or more nodes: expect leader in S1 S2");
            for (std::size_t i = 3; i < tokens.size(); ++i)
                if (const auto n = node(tokens[i].text, false))
                    command.nodes.push_back(n->id);
            return;
        }
        command.kind = CommandKind::ExpectLeader;
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
        command.kind = CommandKind::ExpectRole;
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
        command.kind = CommandKind::ExpectStatus;
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
        else
            error("unknown status " + quoted(tokens[3].text) + suggestion(status, kStatusWords)
                  + "; a node is up, crashed or paused");
        if (n)
            command.node = *n;
    } else if (what == "term") {
        compared(CommandKind::ExpectTerm, "expect term Sx OP N");
    } else if (what == "commit") {
        compared(CommandKind::ExpectCommit, "expect commit Sx OP N");
    } else if (what == "applied") {
        compared(CommandKind::ExpectApplied, "expect applied Sx OP N");
    } else if (what == "log") {
        command.kind = CommandKind::ExpectLog;
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
        command.kind = CommandKind::ExpectKv;
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
        command.kind = CommandKind::ExpectAgree;
        arity(tokens, 2, "expect agree");
    } else if (what == "violations") {
        command.kind = CommandKind::ExpectNoViolations;
        if (arity(tokens, 3, "expect violations none") && lower(tokens[2].text) != "none")
            error("only 'expect violations none' is supported, not " + quoted(tokens[2].text));
    } else {
        std::vector<std::string_view> words(kCheckWords.begin(), kCheckWords.end());
        words.push_back("violations");
        error("unknown check " + quoted(tokens[1].text) + suggestion(what, words)
              + "; expect takes leader, role, status, term, commit, applied, log, kv, agree or violations");
    }
}

void ScenarioParser::finish()
{
    if (!m_setupClosed) {
        closeSetup();
    }
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

bool compare(std::uint64_t actual, Compare op, std::uint64_t expected)
{
    switch (op) {
    case Compare::Equal: return actual == expected;
    case Compare::NotEqual: return actual != expected;
    case Compare::Less: return actual < expected;
    case Compare::LessEqual: return actual <= expected;
    case Compare::Greater: return actual > expected;
    case Compare::GreaterEqual: return actual >= expected;
    }
    return false;
}

std::string formatTime(Time t)
{
    if (t % 1000 == 0)
        return std::to_string(t / 1000) + "s";
    return std::to_string(t) + "ms";
}

std::string logTerms(const Log &log)
{
    if (log.empty())
        return "empty";
    std::string out;
    for (Index i = 1; i <= log.lastIndex(); ++i)
        out += (out.empty() ? "" : " ") + std::to_string(log.termAt(i));
    return out;
}

std::string describeEntry(const Log &log, Index index)
{
    const Entry &entry = log.at(index);
    return "term " + std::to_string(entry.term) + ", "
        + (entry.command.empty() ? std::string("no-op") : "'" + entry.command + "'");
}

CommandOutcome fail(std::string why)
{
    return {false, std::move(why)};
}

/// done turns the simulation's answer to an action into an outcome; the checks
/// above give the reason first, so this only catches what they did not foresee.
CommandOutcome done(bool accepted)
{
    return accepted ? CommandOutcome{} : fail("the simulation refused this action now");
}

CommandOutcome runUntil(Simulation &sim, const ScenarioCommand &command)
{
    const Time max = command.duration;
    switch (command.until) {
    case UntilCondition::Leader:
        if (sim.runUntil([&] { return sim.leader().has_value(); }, max))
            return {};
        return fail("no leader after " + formatTime(max));
    case UntilCondition::NewLeader: {
        const std::optional<NodeId> old = sim.leader();
        const Term oldTerm = old ? sim.term(*old) : 0;
        const auto isNew = [&] {
            const std::optional<NodeId> now = sim.leader();
            return now && (!old || sim.term(*now) > oldTerm);
        };
        if (sim.runUntil(isNew, max))
            return {};
        if (!old)
            return fail("no leader after " + formatTime(max));
        return fail("no new leader after " + formatTime(max) + " (" + nodeName(*old) + " led term "
                    + std::to_string(oldTerm) + ")");
    }
    case UntilCondition::Committed: {
        const auto committed = [&] {
            const std::optional<NodeId> leader = sim.leader();
            return leader && sim.commitIndex(*leader) >= command.number;
        };
        if (sim.runUntil(committed, max))
            return {};
        const std::optional<NodeId> leader = sim.leader();
        if (!leader)
            return fail("no leader after " + formatTime(max));
        return fail("after " + formatTime(max) + " the leader " + nodeName(*leader) + " has commitIndex "
                    + std::to_string(sim.commitIndex(*leader)) + " < " + std::to_string(command.number));
    }
    }
    return {};
}

CommandOutcome checkAgree(const Simulation &sim)
{
    NodeId first = kNoNode;
    for (NodeId id = 1; id <= sim.size(); ++id) {
        if (!sim.isLive(id))
            continue;
        if (first == kNoNode) {
            first = id;
            continue;
        }
        const Index a = sim.commitIndex(first);
        const Index b = sim.commitIndex(id);
        const Log &logA = sim.log(first);
        const Log &logB = sim.log(id);
        const Index common = std::min({a, b, logA.lastIndex(), logB.lastIndex()});
        if (logA.fingerprint(common) != logB.fingerprint(common)) {
            for (Index i = 1; i <= common; ++i)
                if (logA.at(i) != logB.at(i))
                    return fail("committed entry " + std::to_string(i) + " differs: " + nodeName(first) + " has "
                                + describeEntry(logA, i) + ", " + nodeName(id) + " has " + describeEntry(logB, i));
        }
        if (a != b)
            return fail(nodeName(first) + " has committed " + std::to_string(a) + " entries, " + nodeName(id) + " "
                        + std::to_string(b));
    }
    return {};
}

CommandOutcome check(const Simulation &sim, const ScenarioCommand &command)
{
    const Resolved who = resolve(sim, command.node);
    const bool needsNode = command.kind == CommandKind::ExpectRole || command.kind == CommandKind::ExpectStatus
        || command.kind == CommandKind::ExpectTerm || command.kind == CommandKind::ExpectCommit
        || command.kind == CommandKind::ExpectApplied || command.kind == CommandKind::ExpectLog
        || command.kind == CommandKind::ExpectKv;
    if (needsNode && !who)
        return fail(who.why);
    const NodeId id = who.id;
    const std::string name = needsNode ? nodeName(id) : std::string();

    switch (command.kind) {
    case CommandKind::ExpectLeader: {
        const std::optional<NodeId> leader = sim.leader();
        const std::string leads = leader ? nodeName(*leader) + " leads term " + std::to_string(sim.term(*leader)) : "";
        switch (command.want) {
        case LeaderWant::Any: return leader ? CommandOutcome{} : fail("no leader");
        case LeaderWant::None: return leader ? fail(leads) : CommandOutcome{};
        case LeaderWant::Node:
            if (leader == command.node.id)
                return {};
            return fail(leader ? leads : std::string("no leader"));
        }
        return {};
    }
    case CommandKind::ExpectLeaderIn: {
        const std::optional<NodeId> leader = sim.leader();
        if (!leader)
            return fail("no leader");
        if (std::find(command.nodes.begin(), command.nodes.end(), *leader) != command.nodes.end())
            return {};
        return fail(nodeName(*leader) + " leads term " + std::to_string(sim.term(*leader)));
    }
    case CommandKind::ExpectRole:
        if (!sim.isLive(id))
            return fail(name + " is crashed (a crashed server has no role)");
        if (sim.role(id) == command.role)
            return {};
        return fail(name + " is " + roleName(sim.role(id)) + " in term " + std::to_string(sim.term(id)));
    case CommandKind::ExpectStatus:
        if (sim.status(id) == command.status)
            return {};
        return fail(name + " is " + nodeStatusName(sim.status(id)));
    case CommandKind::ExpectTerm:
    case CommandKind::ExpectCommit:
    case CommandKind::ExpectApplied: {
        std::uint64_t actual = 0;
        const char *what = "term";
        if (command.kind == CommandKind::ExpectTerm) {
            actual = sim.term(id);
        } else if (command.kind == CommandKind::ExpectCommit) {
            actual = sim.commitIndex(id);
            what = "commitIndex";
        } else {
            const Node *node = sim.node(id);
            actual = node ? node->lastApplied() : 0;
            what = "lastApplied";
        }
        if (compare(actual, command.compare, command.number))
            return {};
        return fail(name + "'s " + what + " is " + std::to_string(actual));
    }
    case CommandKind::ExpectLog: {
        const Log &log = sim.log(id);
        bool same = log.lastIndex() == command.terms.size();
        for (Index i = 1; same && i <= log.lastIndex(); ++i)
            same = log.termAt(i) == command.terms[i - 1];
        if (same)
            return {};
        return fail(name + "'s log has terms " + logTerms(log));
    }
    case CommandKind::ExpectKv: {
        const KvStore &kv = sim.server(id).kv;
        std::string why;
        for (const KvExpectation &expected : command.kv) {
            const std::string *actual = kv.value(expected.key);
            if (expected.value && !actual)
                why += (why.empty() ? "" : "; ") + name + " has no key " + expected.key;
            else if (expected.value && *actual != *expected.value)
                why += (why.empty() ? "" : "; ") + name + " has " + expected.key + "=" + *actual;
            else if (!expected.value && actual)
                why += (why.empty() ? "" : "; ") + name + " has " + expected.key + "=" + *actual;
        }
        return why.empty() ? CommandOutcome{} : fail(why);
    }
    case CommandKind::ExpectAgree: return checkAgree(sim);
    case CommandKind::ExpectNoViolations: {
        const std::vector<Violation> &violations = sim.violations();
        if (violations.empty())
            return {};
        return fail(std::to_string(violations.size()) + " violation" + (violations.size() == 1 ? "" : "s")
                    + "; first at t=" + std::to_string(violations.front().t) + "ms: " + violations.front().what);
    }
    case CommandKind::Run:
    case CommandKind::RunUntil:
    case CommandKind::Crash:
    case CommandKind::Restart:
    case CommandKind::Pause:
    case CommandKind::Resume:
    case CommandKind::Timeout:
    case CommandKind::Request:
    case CommandKind::Partition:
    case CommandKind::Isolate:
    case CommandKind::Cut:
    case CommandKind::Reconnect:
    case CommandKind::Heal:
    case CommandKind::Say:
    case CommandKind::Transfer:
    default: return {};
    }
}

} // namespace

CommandOutcome executeCommand(Simulation &sim, const ScenarioCommand &command)
{
    if (isCheck(command.kind))
        return check(sim, command);

    const CommandKind kind = command.kind;
    const bool needsNode = kind == CommandKind::Crash || kind == CommandKind::Restart || kind == CommandKind::Pause
        || kind == CommandKind::Resume || kind == CommandKind::Timeout || kind == CommandKind::Request
        || kind == CommandKind::Isolate || kind == CommandKind::Cut || kind == CommandKind::Reconnect
        || kind == CommandKind::Transfer;
    Resolved who;
    if (needsNode) {
        who = resolve(sim, command.node);
        if (!who)
            return fail(who.why);
    }
    const NodeId id = who.id;
    const std::string name = needsNode ? nodeName(id) : std::string();
    const NodeStatus status = needsNode ? sim.status(id) : NodeStatus::Up;

    switch (kind) {
    case CommandKind::Run: sim.runFor(command.duration); return {};
    case CommandKind::RunUntil: return runUntil(sim, command);
    case CommandKind::Crash:
        if (status == NodeStatus::Crashed)
            return fail(name + " is already crashed");
        return done(sim.crash(id));
    case CommandKind::Restart:
        if (status == NodeStatus::Up)
            return fail(name + " is up; only a crashed server can restart");
        if (status == NodeStatus::Paused)
            return fail(name + " is paused, not crashed; use resume");
        return done(sim.restart(id));
    case CommandKind::Pause:
        if (status != NodeStatus::Up)
            return fail(name + " is " + nodeStatusName(status) + "; only a server that is up can pause");
        return done(sim.pause(id));
    case CommandKind::Resume:
        if (status != NodeStatus::Paused)
            return fail(name + " is " + nodeStatusName(status) + ", not paused"
                        + (status == NodeStatus::Crashed ? "; use restart" : ""));
        return done(sim.resume(id));
    case CommandKind::Timeout:
        if (status != NodeStatus::Up)
            return fail(name + " is " + nodeStatusName(status) + "; only a server that is up can time out");
        if (sim.role(id) == Role::Leader)
            return fail(name + " is the leader; a leader has no election timer");
        return done(sim.timeout(id));
    case CommandKind::Request:
        // A request to a server that is down or paused, or not the leader, is not a
        // mistake of the script: the client simply gets no answer or a refusal,
        // and the trace says so.
        sim.request(id, command.argument);
        return {};
    case CommandKind::Partition: return done(sim.partition(command.groups));
    case CommandKind::Isolate: return done(sim.isolate(id));
    case CommandKind::Reconnect: return done(sim.reconnect(id));
    case CommandKind::Cut: {
        const Resolved peer = resolve(sim, command.peer);
        if (!peer)
            return fail(peer.why);
        if (peer.id == id)
            return fail("cut needs two different nodes; " + command.node.text() + " and " + command.peer.text()
                        + " are both " + name);
        return done(sim.cut(id, peer.id, command.bothWays));
    }
    case CommandKind::Heal: sim.heal(); return {};
    case CommandKind::Say: sim.say(command.argument); return {};
    case CommandKind::Transfer: {
        // §3.10: refused with the reason when the target cannot take over.
        const std::string why = sim.transferRefusal(id);
        if (!why.empty())
            return fail("cannot hand leadership to " + name + ": " + why);
        return done(sim.transfer(id));
    }
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
    default: return {};
    }
}

ScenarioRunner::ScenarioRunner(Scenario scenario)
    : m_scenario(std::move(scenario))
    , m_sim(m_scenario.config())
{ }

CommandOutcome ScenarioRunner::step()
{
    const ScenarioCommand &command = m_scenario.commands()[m_next++];
    CommandOutcome outcome = executeCommand(m_sim, command);
    if (!outcome.ok)
        m_failures.push_back({command.line, command.text, outcome.why});
    else if (isCheck(command.kind) || command.kind == CommandKind::RunUntil)
        ++m_passed;
    return outcome;
}

void ScenarioRunner::run()
{
    while (!atEnd())
        step();
}

} // namespace raft
