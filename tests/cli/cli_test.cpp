// Tests of the headless command line (raftviz::cli::runCli, in-process): exit codes 0/1/2,
// FILE:LINE errors for malformed scripts, the --json report read back with a small
// JSON reader, and --trace's one JSON object per line.
#include "cli/cli.h"
#include "raft/history.h"
#include "raft/json.h"
#include "raft/runfile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

using namespace raft;
using namespace raftviz::cli;

namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::StartsWith;

// --- a minimal JSON reader, enough to read the report back --------------------------

/// Json is one parsed JSON value.
struct Json {
    using Array = std::vector<Json>;
    using Object = std::map<std::string, Json>;
    std::variant<std::nullptr_t, bool, double, std::string, Array, Object> value;

    bool isNull() const { return std::holds_alternative<std::nullptr_t>(value); }
    bool isObject() const { return std::holds_alternative<Object>(value); }
    bool isArray() const { return std::holds_alternative<Array>(value); }
    const std::string &str() const { return std::get<std::string>(value); }
    double num() const { return std::get<double>(value); }
    bool boolean() const { return std::get<bool>(value); }
    const Array &arr() const { return std::get<Array>(value); }
    const Object &obj() const { return std::get<Object>(value); }
    bool has(const std::string &key) const { return isObject() && obj().count(key) == 1; }
    const Json &operator[](const std::string &key) const { return obj().at(key); }
    const Json &operator[](std::size_t i) const { return arr().at(i); }
};

/// JsonReader parses one JSON text; ok() is false if it was not valid JSON.
class JsonReader {
public:
    explicit JsonReader(std::string_view text)
        : m_text(text)
    { }

    Json parse()
    {
        Json value = parseValue();
        skipBlanks();
        if (m_pos != m_text.size())
            m_ok = false;
        return value;
    }
    bool ok() const { return m_ok; }

private:
    void skipBlanks()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    bool eat(char c)
    {
        skipBlanks();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool literal(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }
    std::string parseString()
    {
        std::string out;
        if (!eat('"')) {
            m_ok = false;
            return out;
        }
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            char c = m_text[m_pos++];
            if (static_cast<unsigned char>(c) < 0x20)
                m_ok = false; // raw control characters are not allowed
            if (c == '\\' && m_pos < m_text.size()) {
                const char e = m_text[m_pos++];
                switch (e) {
                case 'n': c = '\n'; break;
                case 't': c = '\t'; break;
                case 'r': c = '\r'; break;
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'u': {
                    c = static_cast<char>(std::stoi(std::string(m_text.substr(m_pos, 4)), nullptr, 16));
                    m_pos += 4;
                    break;
                }
                default: c = e;
                }
            }
            out.push_back(c);
        }
        if (!eat('"'))
            m_ok = false;
        return out;
    }
    Json parseValue()
    {
        skipBlanks();
        if (m_pos >= m_text.size()) {
            m_ok = false;
            return {};
        }
        const char c = m_text[m_pos];
        if (c == '{') {
            ++m_pos;
            Json::Object object;
            if (eat('}'))
                return {object};
            do {
                skipBlanks();
                std::string key = parseString();
                if (!eat(':'))
                    m_ok = false;
                object[key] = parseValue();
            } while (m_ok && eat(','));
            if (!eat('}'))
                m_ok = false;
            return {object};
        }
        if (c == '[') {
            ++m_pos;
            Json::Array array;
            if (eat(']'))
                return {array};
            do {
                array.push_back(parseValue());
            } while (m_ok && eat(','));
            if (!eat(']'))
                m_ok = false;
            return {array};
        }
        if (c == '"')
            return {parseString()};
        if (literal("null"))
            return {nullptr};
        if (literal("true"))
            return {true};
        if (literal("false"))
            return {false};
        const char *start = m_text.data() + m_pos;
        char *end = nullptr;
        const double number = std::strtod(start, &end);
        if (end == start) {
            m_ok = false;
            return {};
        }
        m_pos += static_cast<std::size_t>(end - start);
        return {number};
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

Json parseJson(std::string_view text)
{
    JsonReader reader(text);
    Json value = reader.parse();
    EXPECT_TRUE(reader.ok()) << "not JSON: " << text;
    return value;
}

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

// --- running the command line ----------------------------------------------------------

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

CliRun run(std::vector<std::string> args, BenchFunction bench = nullptr)
{
    args.insert(args.begin(), "raftviz");
    std::ostringstream out;
    std::ostringstream err;
    CliRun result;
    result.code = runCli(args, out, err, bench);
    result.out = out.str();
    result.err = err.str();
    return result;
}

std::string scenarioPath(const std::string &name)
{
    return std::string(RAFTVIZ_SOURCE_DIR) + "/tests/scenarios/" + name;
}

/// TempScript writes a script to a temporary file for one test.
class TempScript {
public:
    explicit TempScript(const std::string &text)
    {
        const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_path = (std::filesystem::temp_directory_path() / ("raftviz_cli_test_" + std::string(info->name()) + ".txt"))
                     .string();
        std::ofstream(m_path) << text;
    }
    ~TempScript() { std::filesystem::remove(m_path); }
    TempScript(const TempScript &) = delete;
    TempScript &operator=(const TempScript &) = delete;
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

// --- the JSON writer --------------------------------------------------------------------

TEST(JsonWriter, EscapesAndNests)
{
    EXPECT_EQ(jsonEscape("a\"b\\c\n\t\x01"), R"("a\"b\\c\n\t\u0001")");
    EXPECT_EQ(jsonEscape("任期 3"), "\"任期 3\"");
    JsonWriter w;
    w.beginObject();
    w.key("leader").value("S1");
    w.key("none").null();
    w.key("terms").beginArray().value(1).value(std::uint64_t{2}).endArray();
    w.key("empty").beginObject().endObject();
    w.key("ok").value(true);
    w.key("rate").value(2.5);
    w.key("nan").value(0.0 / 0.0);
    w.key("nested").beginArray().beginObject().key("a").value(-3).endObject().beginArray().endArray().endArray();
    w.endObject();
    EXPECT_EQ(w.str(),
              R"({"leader":"S1","none":null,"terms":[1,2],"empty":{},"ok":true,"rate":2.5,"nan":null,)"
              R"("nested":[{"a":-3},[]]})");
    const Json back = parseJson(w.str());
    EXPECT_EQ(back["terms"][1].num(), 2);
}

// --- the command line ---------------------------------------------------------------------

TEST(Cli, WrongCommandLinesExitTwoWithUsage)
{
    for (const std::vector<std::string> &args : {std::vector<std::string>{},
                                                 {"--headless"},
                                                 {"--script", "x.txt"},
                                                 {"--headless", "--script"},
                                                 {"--headless", "--script", "--json"},
                                                 {"--headless", "--script=", "--json"},
                                                 {"--headless", "--script", "x.txt", "--frobnicate"}}) {
        const CliRun r = run(args);
        EXPECT_EQ(r.code, 2) << ::testing::PrintToString(args);
        EXPECT_THAT(r.err, HasSubstr("usage: raftviz --headless --script FILE"));
        EXPECT_THAT(r.out, IsEmpty());
    }
    EXPECT_THAT(run({"--headless", "--script", "x.txt", "--frobnicate"}).err,
                HasSubstr("unknown option '--frobnicate'"));
}

TEST(Cli, HelpPrintsUsage)
{
    const CliRun r = run({"--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_THAT(r.out, HasSubstr("--headless --script FILE [--json] [--trace]"));
    EXPECT_THAT(r.out, HasSubstr("exit status"));
}

int fakeBench(const std::vector<std::string> &args, std::ostream &out, std::ostream &)
{
    out << "bench " << args.size() << ' ' << args.back() << '\n';
    return 7;
}

TEST(Cli, BenchIsHandedToTheBenchFunction)
{
    const CliRun r = run({"--bench", "--min-seconds", "0"}, &fakeBench);
    EXPECT_EQ(r.code, 7);
    EXPECT_EQ(r.out, "bench 4 0\n");
    EXPECT_EQ(run({"--bench"}).code, 2);
    EXPECT_THAT(run({"--bench"}).err, HasSubstr("without the benchmark"));
    EXPECT_EQ(run({"--headless", "--bench"}, &fakeBench).code, 2);
}

TEST(Cli, UnreadableScriptExitsTwo)
{
    const CliRun r = run({"--headless", "--script", "/nonexistent/lesson.txt"});
    EXPECT_EQ(r.code, 2);
    EXPECT_THAT(r.err, HasSubstr("/nonexistent/lesson.txt: cannot open the file"));
}

TEST(Cli, MalformedScriptPrintsEveryErrorAndExitsTwo)
{
    const std::string path = scenarioPath("malformed/typos.txt");
    const CliRun r = run({"--headless", "--script", path, "--json"});
    EXPECT_EQ(r.code, 2);
    EXPECT_THAT(r.out, IsEmpty()); // nothing ran, so there is no report
    const std::vector<std::string> errors = lines(r.err);
    ASSERT_THAT(errors, SizeIs(8));
    const int expectedLines[] = {4, 5, 6, 7, 8, 9, 10};
    for (int i = 0; i < 7; ++i)
        EXPECT_THAT(errors[i], StartsWith(path + ":" + std::to_string(expectedLines[i]) + ": "));
    EXPECT_THAT(errors[0], HasSubstr("unknown command 'crsh' (did you mean 'crash'?)"));
    EXPECT_THAT(errors[7], HasSubstr("7 errors; nothing was run"));
}

TEST(Cli, EveryShippedMalformedScriptExitsTwo)
{
    for (const auto &entry : std::filesystem::directory_iterator(scenarioPath("malformed"))) {
        const CliRun r = run({"--headless", "--script", entry.path().string()});
        EXPECT_EQ(r.code, 2) << entry.path();
        EXPECT_THAT(r.err, HasSubstr(entry.path().string() + ":")) << entry.path();
    }
}

TEST(Cli, EveryShippedScenarioPasses)
{
    int count = 0;
    for (const auto &entry : std::filesystem::directory_iterator(scenarioPath(""))) {
        if (entry.path().extension() != ".txt" || entry.path().filename() == "CMakeLists.txt")
            continue;
        ++count;
        const CliRun r = run({"--headless", "--script", entry.path().string()});
        EXPECT_EQ(r.code, 0) << entry.path() << "\n" << r.out << r.err;
        EXPECT_THAT(r.out, HasSubstr(": ok: ")) << entry.path();
    }
    EXPECT_GE(count, 8);
}

TEST(Cli, PassingScriptExitsZeroWithAHumanSummary)
{
    const CliRun r = run({"--headless", "--script", scenarioPath("single_node.txt")});
    EXPECT_EQ(r.code, 0);
    EXPECT_THAT(r.out, HasSubstr("single_node.txt: ok: 9 passed, 0 failed, 0 invariant violations"));
    EXPECT_THAT(r.err, IsEmpty());
}

TEST(Cli, FailedExpectationsExitOneAndNameTheirLines)
{
    const std::string path = scenarioPath("failing/wrong_expectations.txt");
    const CliRun r = run({"--headless", "--script", path});
    EXPECT_EQ(r.code, 1);
    EXPECT_THAT(r.out, HasSubstr(path + ":6: FAILED: expect leader S2: S1 leads term 1"));
    EXPECT_THAT(r.out, HasSubstr(path + ":7: FAILED: restart S1: S1 is up; only a crashed server can restart"));
    EXPECT_THAT(r.out, HasSubstr(path + ":9: FAILED: run until committed 5 max 500ms: "));
    EXPECT_THAT(r.out, HasSubstr(": FAILED: 2 passed, 3 failed"));
}

// §7: a node's snapshot is {index, term}; its log lists only the entries after it,
// each with its real index.
TEST(Cli, JsonReportShowsTheSnapshotAndTheLogAfterIt)
{
    const TempScript script("nodes 3\n"
                            "timeout S1\n"
                            "run until leader\n"
                            "request S1 set x 5\n"
                            "request S1 set y 6\n"
                            "run until committed 3\n"
                            "run 300ms\n"
                            "snapshot S1\n"
                            "request S1 set z 7\n"
                            "run until committed 4\n"
                            "expect snapshot S1 = 3\n");
    const CliRun r = run({"--headless", "--script", script.path(), "--json"});
    EXPECT_EQ(r.code, 0) << r.err;
    const std::vector<std::string> out = lines(r.out);
    ASSERT_THAT(out, SizeIs(1));
    const Json report = parseJson(out.back());
    const Json &s1 = report["nodes"][0];
    EXPECT_EQ(s1["snapshot"]["index"].num(), 3);
    EXPECT_EQ(s1["snapshot"]["term"].num(), 1);
    ASSERT_THAT(s1["log"].arr(), SizeIs(1));
    EXPECT_EQ(s1["log"][0]["index"].num(), 4);
    EXPECT_EQ(s1["log"][0]["command"].str(), "set z 7");
    EXPECT_EQ(s1["kv"]["x"].str(), "5");
    EXPECT_EQ(report["nodes"][1]["snapshot"]["index"].num(), 0);
}

// Reference: §6.4 — the report lists every read as the client saw it: the value
// (null when absent or unanswered), when it was issued and answered, and why.
TEST(Cli, JsonReportListsTheReads)
{
    const TempScript script("nodes 3\n"
                            "bug same-timeouts\n"
                            "timeout S1\n"
                            "run until leader\n"
                            "request S1 set x 5\n"
                            "run until committed 2\n"
                            "read S1 x\n"
                            "read S2 x\n"
                            "read S1 y\n"
                            "run 200ms\n"
                            "expect read x=5\n"
                            "expect read y=<none>\n");
    const CliRun r = run({"--headless", "--script", script.path(), "--json"});
    EXPECT_EQ(r.code, 0) << r.err;
    const Json report = parseJson(lines(r.out).back());
    EXPECT_EQ(report["readMode"].str(), "readindex");
    ASSERT_THAT(report["bugs"].arr(), SizeIs(1));
    EXPECT_EQ(report["bugs"][0].str(), "same-timeouts");
    const Json::Array &reads = report["reads"].arr();
    ASSERT_THAT(reads, SizeIs(3));
    EXPECT_EQ(reads[0]["node"].str(), "S1");
    EXPECT_EQ(reads[0]["key"].str(), "x");
    EXPECT_EQ(reads[0]["value"].str(), "5");
    EXPECT_GE(reads[0]["answeredAt"].num(), reads[0]["issuedAt"].num());
    EXPECT_EQ(reads[0]["why"].str(), "answered");
    EXPECT_TRUE(reads[1]["value"].isNull());
    EXPECT_TRUE(reads[1]["answeredAt"].isNull());
    EXPECT_EQ(reads[1]["why"].str(), "not the leader; try S1");
    EXPECT_TRUE(reads[2]["value"].isNull());
    EXPECT_FALSE(reads[2]["answeredAt"].isNull());
}

TEST(Cli, JsonReportIsTheLastLineAndDescribesTheWorld)
{
    const TempScript script("nodes 3\n"
                            "timeout S1\n"
                            "run until leader\n"
                            "say \"quoted\" narration\n"
                            "request S1 set x 5\n"
                            "run until committed 2\n"
                            "run 300ms\n"
                            "pause S2\n"
                            "crash S3\n"
                            "expect leader S1\n"
                            "expect leader S3   # wrong on purpose\n");
    const CliRun r = run({"--headless", "--script", script.path(), "--json"});
    EXPECT_EQ(r.code, 1);
    const std::vector<std::string> out = lines(r.out);
    ASSERT_THAT(out, SizeIs(1)); // without --trace, stdout holds only the report
    EXPECT_THAT(r.err, HasSubstr("[0.")); // the narration and summary go to stderr
    EXPECT_THAT(r.err, HasSubstr("\"quoted\" narration"));

    const Json report = parseJson(out.back());
    ASSERT_TRUE(report.isObject());
    for (const char *key : {"time", "leader", "nodes", "violations", "expectations", "stats"})
        EXPECT_TRUE(report.has(key)) << key;
    EXPECT_GT(report["time"].num(), 300);
    EXPECT_EQ(report["leader"].str(), "S1");

    const Json::Array &nodes = report["nodes"].arr();
    ASSERT_THAT(nodes, SizeIs(3));
    for (const Json &node : nodes)
        for (const char *key :
             {"name", "status", "role", "term", "votedFor", "commitIndex", "lastApplied", "snapshot", "log", "kv"})
            EXPECT_TRUE(node.has(key)) << key;

    const Json &s1 = nodes[0];
    EXPECT_EQ(s1["name"].str(), "S1");
    EXPECT_EQ(s1["status"].str(), "up");
    EXPECT_EQ(s1["role"].str(), "leader");
    EXPECT_EQ(s1["term"].num(), 1);
    EXPECT_EQ(s1["votedFor"].str(), "S1");
    EXPECT_EQ(s1["commitIndex"].num(), 2);
    EXPECT_EQ(s1["lastApplied"].num(), 2);
    ASSERT_THAT(s1["log"].arr(), SizeIs(2));
    EXPECT_EQ(s1["log"][0]["index"].num(), 1);
    EXPECT_EQ(s1["log"][0]["term"].num(), 1);
    EXPECT_EQ(s1["log"][0]["command"].str(), ""); // the leader's no-op
    EXPECT_EQ(s1["log"][1]["index"].num(), 2);
    EXPECT_EQ(s1["log"][1]["command"].str(), "set x 5");
    EXPECT_EQ(s1["kv"]["x"].str(), "5");
    EXPECT_EQ(s1["snapshot"]["index"].num(), 0); // §7: 0/0 without a snapshot
    EXPECT_EQ(s1["snapshot"]["term"].num(), 0);

    EXPECT_EQ(nodes[1]["status"].str(), "paused");
    EXPECT_EQ(nodes[1]["role"].str(), "follower");
    EXPECT_EQ(nodes[1]["kv"]["x"].str(), "5");

    const Json &s3 = nodes[2];
    EXPECT_EQ(s3["status"].str(), "crashed");
    EXPECT_EQ(s3["votedFor"].str(), "S1"); // from stable storage
    EXPECT_EQ(s3["commitIndex"].num(), 0);
    EXPECT_EQ(s3["lastApplied"].num(), 0);
    EXPECT_THAT(s3["log"].arr(), SizeIs(2));
    EXPECT_TRUE(s3["kv"].obj().empty());

    EXPECT_TRUE(report["violations"].arr().empty());
    const Json &expectations = report["expectations"];
    EXPECT_EQ(expectations["passed"].num(), 3);
    ASSERT_THAT(expectations["failed"].arr(), SizeIs(1));
    const Json &failed = expectations["failed"][0];
    EXPECT_EQ(failed["line"].num(), 11);
    EXPECT_EQ(failed["text"].str(), "expect leader S3");
    EXPECT_EQ(failed["why"].str(), "S1 leads term 1");

    const Json &stats = report["stats"];
    for (const char *key : {"messagesSent", "messagesDelivered", "messagesDropped", "elections", "events"})
        EXPECT_TRUE(stats.has(key)) << key;
    EXPECT_GE(stats["messagesSent"].num(), stats["messagesDelivered"].num());
    EXPECT_GT(stats["messagesDelivered"].num(), 0);
    EXPECT_EQ(stats["elections"].num(), 1);
}

TEST(Cli, JsonLeaderIsNullWithoutALeader)
{
    const TempScript script("nodes 3\nrun 50ms\n");
    const CliRun r = run({"--headless", "--script", script.path(), "--json"});
    EXPECT_EQ(r.code, 0);
    const Json report = parseJson(lines(r.out).back());
    EXPECT_TRUE(report["leader"].isNull());
    EXPECT_TRUE(report["nodes"][0]["votedFor"].isNull());
    EXPECT_TRUE(report["nodes"][0]["log"].arr().empty());
    EXPECT_EQ(report["expectations"]["passed"].num(), 0);
}

TEST(Cli, TracePrintsOneJsonObjectPerEventThenTheReport)
{
    const CliRun r = run({"--headless", "--script", scenarioPath("forced_election.txt"), "--trace", "--json"});
    EXPECT_EQ(r.code, 0);
    const std::vector<std::string> out = lines(r.out);
    ASSERT_GT(out.size(), 10u);
    bool sawElection = false;
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        const Json event = parseJson(out[i]);
        ASSERT_TRUE(event.isObject()) << out[i];
        EXPECT_TRUE(event.has("t")) << out[i];
        EXPECT_TRUE(event.has("kind")) << out[i];
        EXPECT_TRUE(event.has("node")) << out[i];
        EXPECT_TRUE(event.has("why")) << out[i];
        if (event["kind"].str() == "BecameLeader") {
            sawElection = true;
            EXPECT_EQ(event["node"].str(), "S2");
        }
    }
    EXPECT_TRUE(sawElection);
    const Json report = parseJson(out.back());
    EXPECT_TRUE(report.has("expectations"));
    EXPECT_EQ(report["leader"].str(), "S2");
}

TEST(Cli, TraceWithoutJsonKeepsStdoutForEvents)
{
    const CliRun r = run({"--headless", "--script", scenarioPath("single_node.txt"), "--trace"});
    EXPECT_EQ(r.code, 0);
    for (const std::string &line : lines(r.out))
        EXPECT_THAT(line, StartsWith("{\"t\":"));
    EXPECT_THAT(r.err, HasSubstr(": ok: "));
}

// --- replaying a saved run (--run) -----------------------------------------------------

namespace {

/// recordedRun plays a short run with user actions and returns it as a run file's text,
/// with the history that made it.
std::string recordedRunText(History &h)
{
    h.advanceTo(raft::fromMs(800));
    const NodeId leader = h.simulation().leader().value_or(1);
    EXPECT_TRUE(h.edit([&](Simulation &sim) { return sim.request(leader, "set x 5"); }));
    h.advanceTo(raft::fromMs(1200));
    EXPECT_TRUE(h.edit([&](Simulation &sim) { return sim.crash(leader); }));
    h.advanceTo(raft::fromMs(2500));
    const std::uint64_t end = h.currentStep();
    h.seekToStep(end / 2); // the viewer went back before saving: --run still plays to the end
    return formatRunFile(
        RunFile{h.config(), h.script(), {}, h.currentStep(), h.simulation().now(), h.frontierStep(), h.frontierTime()});
}

} // namespace

TEST(Cli, RunFileReplaysToItsEndAndPrintsTheSameReport)
{
    ClusterConfig config;
    config.seed = 11;
    History h(config);
    const TempScript file(recordedRunText(h));
    h.seekToStep(h.frontierStep());
    const Simulation &sim = h.simulation();

    const CliRun r = run({"--headless", "--run", file.path(), "--json"});
    EXPECT_EQ(r.code, 0) << r.err;
    const std::vector<std::string> out = lines(r.out);
    ASSERT_THAT(out, SizeIs(1));
    EXPECT_THAT(r.err, HasSubstr(": ok: 2 actions replayed, 0 invariant violations at t=2.500s"));
    const Json report = parseJson(out.back());
    for (const char *key : {"script", "seed", "time", "leader", "nodes", "violations", "expectations", "stats"})
        EXPECT_TRUE(report.has(key)) << key;
    EXPECT_EQ(report["time"].num(), 2500);
    EXPECT_EQ(report["seed"].num(), 11);
    EXPECT_EQ(report["stats"]["events"].num(), static_cast<double>(sim.stats().events));
    ASSERT_THAT(report["nodes"].arr(), SizeIs(static_cast<std::size_t>(sim.size())));
    for (NodeId id = 1; id <= sim.size(); ++id) {
        const Json &node = report["nodes"][static_cast<std::size_t>(id - 1)];
        EXPECT_EQ(node["term"].num(), static_cast<double>(sim.term(id)));
        EXPECT_EQ(node["status"].str(), nodeStatusName(sim.status(id)));
        EXPECT_EQ(node["log"].arr().size(), static_cast<std::size_t>(sim.log(id).lastIndex()));
    }
}

TEST(Cli, RunFileTracePrintsTheWholeTimeline)
{
    History h(ClusterConfig{});
    const TempScript file(recordedRunText(h));
    const CliRun r = run({"--headless", "--run", file.path(), "--trace"});
    EXPECT_EQ(r.code, 0) << r.err;
    const std::vector<std::string> out = lines(r.out);
    ASSERT_EQ(out.size(), h.trace().size());
    for (std::size_t i = 0; i < out.size(); ++i)
        EXPECT_EQ(out[i], h.trace().toJson(h.trace().events()[i]));
}

TEST(Cli, WrongKindOfFileSaysWhichCommandToUse)
{
    History h(ClusterConfig{});
    const TempScript runFile(recordedRunText(h));
    const CliRun asScript = run({"--headless", "--script", runFile.path()});
    EXPECT_EQ(asScript.code, 2);
    EXPECT_THAT(asScript.err, HasSubstr("this is a saved run: replay it with --headless --run FILE"));

    const CliRun asRun = run({"--headless", "--run", scenarioPath("single_node.txt")});
    EXPECT_EQ(asRun.code, 2);
    EXPECT_THAT(asRun.err, HasSubstr("this looks like a scenario: run it with --headless --script FILE"));

    const CliRun both = run({"--headless", "--run", runFile.path(), "--script", scenarioPath("single_node.txt")});
    EXPECT_EQ(both.code, 2);
    EXPECT_THAT(both.err, HasSubstr("not both"));
}

} // namespace

// --experiment: the table on stderr, one JSON object on stdout that names every range
// with its statistics and the paper's figures beside ours.
TEST(CliExperiment, ElectionTimingJsonParses)
{
    const CliRun r = run(
        {"--experiment", "election-timing", "--ranges", "150-155,25-50", "--trials", "12", "--seed", "3", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const Json report = parseJson(lines(r.out).back());
    EXPECT_EQ(report["experiment"].str(), "election-timing");
    EXPECT_EQ(report["trialsEach"].num(), 12);
    ASSERT_EQ(report["ranges"].arr().size(), 2u);
    const Json &first = report["ranges"][0];
    EXPECT_EQ(first["range"].str(), "150-155");
    EXPECT_EQ(first["trials"].num(), 12);
    EXPECT_LE(first["medianMs"].num(), first["worstMs"].num());
    ASSERT_EQ(first["paper"].arr().size(), 1u);
    EXPECT_EQ(first["paper"][0]["statistic"].str(), "median");
    EXPECT_EQ(first["paper"][0]["paperMs"].num(), 287);
    EXPECT_EQ(first["paper"][0]["oursMs"].num(), first["medianMs"].num());
    EXPECT_NE(r.err.find("150-155 median: the paper 287 ms"), std::string::npos) << r.err;
}

TEST(CliExperiment, SplitVoteJsonParses)
{
    const CliRun r = run(
        {"--experiment", "split-vote", "--sizes", "3,5", "--latencies", "0.2-0.6", "--trials", "8", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const Json report = parseJson(lines(r.out).back());
    ASSERT_EQ(report["cells"].arr().size(), 2u);
    EXPECT_EQ(report["cells"][1]["servers"].num(), 5);
    EXPECT_EQ(report["cells"][1]["network"].str(), "0.2-0.6");
    EXPECT_GE(report["cells"][1]["splitRate"].num(), 0);
}

TEST(CliExperiment, BadRangesAreNamed)
{
    const CliRun r = run({"--experiment", "election-timing", "--ranges", "150-155,200-100"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("bad timeout range '200-100'"), std::string::npos) << r.err;
    const CliRun unknown = run({"--experiment", "coin-toss"});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_NE(unknown.err.find("election-timing or split-vote"), std::string::npos) << unknown.err;
}
