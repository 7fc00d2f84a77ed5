#include "cli.h"

#include "experimentcli.h"

#include "raft/history.h"
#include "raft/json.h"
#include "raft/runfile.h"
#include "raft/scenario.h"
#include "raft/scenarioplayer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace raftviz::cli {

using namespace raft; // the core's types by their own names

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitMalformed = 2;

/// CliOptions is a parsed command line.
struct CliOptions {
    bool headless = false;
    bool bench = false;
    bool json = false;
    bool trace = false;
    bool help = false;
    /// answer: the choice (1-based) picked at every question of the script.
    std::size_t answer = 1;
    std::string script;
    /// run: a saved run file to replay instead of a script.
    std::string run;
    std::vector<std::string> problems;
};

CliOptions parseOptions(const std::vector<std::string> &args)
{
    CliOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg == "--headless") {
            options.headless = true;
        } else if (arg == "--bench") {
            options.bench = true;
            // The benchmark reads its own options (everything after --bench).
            break;
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "--trace") {
            options.trace = true;
        } else if (arg == "--help" || arg == "-h") {
            options.help = true;
        } else if (arg == "--answer") {
            std::size_t value = 0;
            const std::string text = i + 1 < args.size() ? args[i + 1] : std::string();
            const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
            if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size() || value == 0) {
                options.problems.push_back("--answer needs the number of a choice: --answer 1");
            } else {
                options.answer = value;
                ++i;
            }
        } else if (arg == "--script") {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0)
                options.problems.push_back("--script needs a file name");
            else
                options.script = args[++i];
        } else if (arg == "--run") {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0)
                options.problems.push_back("--run needs a file name");
            else
                options.run = args[++i];
        } else if (arg.rfind("--script=", 0) == 0) {
            options.script = arg.substr(9);
            if (options.script.empty())
                options.problems.push_back("--script needs a file name");
        } else {
            options.problems.push_back("unknown option '" + arg + "'");
        }
    }
    if (options.help || options.bench)
        return options;
    if (!options.headless)
        options.problems.push_back("nothing to do: give --headless --script FILE, --headless --run FILE, or --bench");
    else if (options.script.empty() && options.run.empty() && options.problems.empty())
        options.problems.push_back("--headless needs --script FILE or --run FILE");
    else if (!options.script.empty() && !options.run.empty())
        options.problems.push_back("give --script FILE or --run FILE, not both");
    return options;
}

bool readFile(const std::string &path, std::string &text, std::string &problem)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem = "cannot open the file";
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        problem = "cannot read the file";
        return false;
    }
    text = buffer.str();
    return true;
}

std::string formatSeconds(Time t)
{
    char buffer[32];
    const long long ms = toMs(t);
    std::snprintf(buffer, sizeof buffer, "%lld.%03llds", ms / 1000, ms % 1000);
    return buffer;
}

std::string describeViolation(const Violation &violation)
{
    return "t=" + formatMs(violation.t) + "ms (event " + std::to_string(violation.step) + "): " + violation.what;
}

/// revealText words a revealed question: each choice, whether the run made it
/// right, and the class's pick.
std::string revealText(const Question &question)
{
    std::string text;
    for (std::size_t i = 0; i < question.answers.size(); ++i) {
        const bool right = i < question.right.size() && question.right[i];
        text += "  " + std::to_string(i + 1) + ". " + question.answers[i]->argument + ": "
            + (right ? std::string("right") : "wrong (" + question.why[i] + ")")
            + (question.chosen == i ? "  <- chosen" : "") + "\n";
    }
    return text;
}

void nameOrNull(JsonWriter &json, NodeId id)
{
    if (id == kNoNode)
        json.null();
    else
        json.value(nodeName(id));
}

} // namespace

std::string cliUsage()
{
    return "usage: raftviz --headless --script FILE [--json] [--trace] [--answer N]\n"
           "       raftviz --headless --run FILE [--json] [--trace]\n"
           "       raftviz --bench [--min-seconds S] [--seed N] [--no-trace]\n"
           "       raftviz --experiment election-timing|split-vote [options]  (below)\n"
           "       raftviz            (the window)\n"
           "\n"
           "  --headless       run without a window\n"
           "  --script FILE    the scenario to run (see docs/scenario-language.md)\n"
           "  --run FILE       a saved run (.raftrun) to replay to its end (docs/run-file.md)\n"
           "  --json           print the final state as one JSON object, the last line of stdout\n"
           "  --trace          print every trace event as one JSON object per line on stdout\n"
           "  --answer N       pick choice N at every question of a lesson (default 1)\n"
           "  --bench          measure the core's speed and print one JSON line\n"
           "\n"
        + experimentUsage()
        + "\n"
          "exit status: 0 every expectation held and no invariant broke; 1 otherwise;\n"
          "             2 the script is malformed or unreadable, or the command line is wrong\n";
}

namespace {

/// resultJson is runResultJson for any run: a script's, or a replayed run file's.
std::string resultJson(const Simulation &sim, const std::string &fileName, int passed,
                       const std::vector<ExpectationFailure> &failures)
{
    JsonWriter json;
    json.beginObject();
    json.key("script").value(fileName);
    json.key("seed").value(sim.config().seed);
    json.key("time").milliseconds(sim.now());
    json.key("readMode").value(readModeName(sim.config().reads));
    json.key("bugs").beginArray();
    for (const std::string &bug : bugNames(sim.config().bugs))
        json.value(bug);
    json.endArray();
    json.key("leader");
    nameOrNull(json, sim.leader().value_or(kNoNode));

    json.key("nodes").beginArray();
    for (NodeId id = 1; id <= sim.size(); ++id) {
        const Server &server = sim.server(id);
        const Node *node = sim.node(id);
        json.beginObject();
        json.key("name").value(nodeName(id));
        json.key("status").value(sim.isRemoved(id) ? "removed" : nodeStatusName(sim.status(id)));
        json.key("role").value(roleName(sim.role(id)));
        // §6: the configuration this server believes in (old only while joint).
        const Configuration config = sim.configurationOf(id);
        const auto names = [&](const char *key, const std::vector<NodeId> &ids) {
            json.key(key).beginArray();
            for (NodeId member : ids)
                json.value(nodeName(member));
            json.endArray();
        };
        json.key("config").beginObject();
        names("voters", config.voters);
        names("learners", config.learners);
        if (config.isJoint())
            names("old", config.old);
        json.endObject();
        json.key("term").value(sim.term(id));
        json.key("votedFor");
        nameOrNull(json, node ? node->votedFor() : server.storage.votedFor);
        json.key("commitIndex").value(sim.commitIndex(id));
        json.key("lastApplied").value(node ? node->lastApplied() : Index{0});
        // §7: the snapshot replaces the log's prefix; the log lists only the entries
        // after it, each with its real index.
        const Log &log = sim.log(id);
        json.key("snapshot").beginObject();
        json.key("index").value(log.snapshotIndex());
        json.key("term").value(log.snapshotTerm());
        // The configuration the snapshot carries (the one in force at its index, §7).
        const Snapshot &snapshot = node ? node->snapshot() : server.storage.snapshot;
        if (!snapshot.empty()) {
            json.key("config").beginObject();
            names("voters", snapshot.config.voters);
            if (snapshot.config.isJoint())
                names("old", snapshot.config.old);
            json.endObject();
        }
        json.endObject();
        json.key("log").beginArray();
        for (Index i = log.firstIndex(); i <= log.lastIndex(); ++i) {
            json.beginObject();
            json.key("index").value(i);
            json.key("term").value(log.at(i).term);
            json.key("command").value(log.at(i).command);
            json.endObject();
        }
        json.endArray();
        json.key("kv").beginObject();
        for (const auto &[key, value] : server.kv.data())
            json.key(key).value(value);
        json.endObject();
        json.endObject();
    }
    json.endArray();

    json.key("violations").beginArray();
    for (const Violation &violation : sim.violations())
        json.value(describeViolation(violation));
    json.endArray();

    // §6.4: every client read, as the client saw it.
    json.key("reads").beginArray();
    for (const ReadRecord &read : sim.reads()) {
        json.beginObject();
        json.key("node").value(nodeName(read.node));
        json.key("key").value(read.key);
        json.key("value");
        if (read.value)
            json.value(*read.value);
        else
            json.null();
        json.key("issuedAt").milliseconds(read.issuedAt);
        json.key("answeredAt");
        if (read.answeredAt)
            json.milliseconds(*read.answeredAt);
        else
            json.null();
        json.key("why").value(read.why);
        json.endObject();
    }
    json.endArray();

    json.key("expectations").beginObject();
    json.key("passed").value(passed);
    json.key("failed").beginArray();
    for (const ExpectationFailure &failure : failures) {
        json.beginObject();
        json.key("line").value(failure.line);
        json.key("text").value(failure.text);
        json.key("why").value(failure.why);
        json.endObject();
    }
    json.endArray();
    json.endObject();

    const Stats &stats = sim.stats();
    json.key("stats").beginObject();
    json.key("messagesSent").value(stats.messagesSent);
    json.key("messagesDelivered").value(stats.messagesDelivered);
    json.key("messagesDropped").value(stats.messagesDropped);
    json.key("elections").value(stats.elections);
    json.key("events").value(stats.events);
    json.endObject();

    json.endObject();
    return json.take();
}

/// traceForward is where a headless run's trace events go once complete: one JSON line
/// each on `out` with --trace, nowhere without (the run keeps no trace either way).
Trace::Forward traceForward(const CliOptions &options, std::ostream &out)
{
    if (!options.trace)
        return {};
    return [&out](const Trace &trace, const TraceEvent &event) { out << trace.toJson(event) << '\n'; };
}

/// replayRunFile is --headless --run: replays a saved run to its recorded end.
int replayRunFile(const CliOptions &options, std::ostream &out, std::ostream &err)
{
    std::string text;
    std::string problem;
    if (!readFile(options.run, text, problem)) {
        err << "raftviz: " << options.run << ": " << problem << '\n';
        return kExitMalformed;
    }
    const RunFileResult parsed = parseRunFile(text, options.run);
    if (!parsed.run) {
        for (const std::string &error : parsed.errors)
            err << error << '\n';
        if (Scenario::parse(text, options.run).isValid())
            err << options.run << ": this looks like a scenario: run it with --headless --script FILE\n";
        return kExitMalformed;
    }
    const RunFile &run = *parsed.run;
    if (const std::string invalid = run.config.validate(); !invalid.empty()) {
        err << options.run << ": " << invalid << '\n';
        return kExitMalformed;
    }
    // The runner never goes back: no checkpoints, and the trace is printed as it
    // grows (--trace) or not kept at all.
    History history(run.config, HistoryOptions{HistoryOptions::kNever});
    history.streamTrace(traceForward(options, out));
    // Replayed to the recorded end: the position is where a viewer stood, not the run.
    if (problem = history.replay(run.inputs, std::nullopt, run.endStep, run.endTime); !problem.empty()) {
        err << options.run << ": " << problem << '\n';
        return kExitMalformed;
    }
    history.flushTrace();
    const Simulation &sim = history.simulation();
    std::ostream &words = options.json || options.trace ? err : out;
    for (const Violation &violation : sim.violations())
        words << options.run << ": INVARIANT VIOLATED: " << describeViolation(violation) << '\n';
    const bool ok = sim.violations().empty();
    words << options.run << ": " << (ok ? "ok" : "FAILED") << ": " << run.inputs.size() << " action"
          << (run.inputs.size() == 1 ? "" : "s") << " replayed, " << sim.violations().size() << " invariant violation"
          << (sim.violations().size() == 1 ? "" : "s") << " at t=" << formatSeconds(sim.now()) << '\n';
    if (options.json)
        out << resultJson(sim, options.run, 0, {}) << '\n';
    out.flush();
    return ok ? kExitOk : kExitFailed;
}

} // namespace

std::string runResultJson(const ScenarioRunner &runner)
{
    return resultJson(runner.simulation(), runner.scenario().fileName(), runner.passed(), runner.failures());
}

int runCli(const std::vector<std::string> &args, std::ostream &out, std::ostream &err, BenchFunction bench)
{
    // --experiment has options of its own (cli/experimentcli.cpp).
    if (isExperimentCommand(args) && std::find(args.begin(), args.end(), "--help") == args.end())
        return runExperiment(args, out, err);
    const CliOptions options = parseOptions(args);
    if (options.help) {
        out << cliUsage();
        return kExitOk;
    }
    if (!options.problems.empty()) {
        for (const std::string &problem : options.problems)
            err << "raftviz: " << problem << '\n';
        err << cliUsage();
        return kExitMalformed;
    }
    if (options.bench) {
        if (options.headless) {
            err << "raftviz: --bench and --headless do not go together\n" << cliUsage();
            return kExitMalformed;
        }
        if (!bench) {
            err << "raftviz: this program was built without the benchmark\n";
            return kExitMalformed;
        }
        return bench(args, out, err);
    }

    if (!options.run.empty())
        return replayRunFile(options, out, err);

    std::string text;
    std::string problem;
    if (!readFile(options.script, text, problem)) {
        err << "raftviz: " << options.script << ": " << problem << '\n';
        return kExitMalformed;
    }
    Scenario scenario = Scenario::parse(text, options.script);
    if (!scenario.isValid()) {
        for (const std::string &error : scenario.errors())
            err << error << '\n';
        err << options.script << ": " << scenario.errors().size() << " error"
            << (scenario.errors().size() == 1 ? "" : "s") << "; nothing was run\n";
        if (isRunFileText(text))
            err << options.script << ": this is a saved run: replay it with --headless --run FILE\n";
        return kExitMalformed;
    }

    // With --json or --trace, stdout is for machines: the words go to stderr.
    std::ostream &words = options.json || options.trace ? err : out;
    // The runner never goes back: no checkpoints, and the trace is printed as it
    // grows (--trace) or not kept at all.
    ScenarioRunner runner(std::move(scenario), options.answer - 1, HistoryOptions{HistoryOptions::kNever});
    runner.streamTrace(traceForward(options, out));
    const Simulation &sim = runner.simulation();
    std::size_t violationsShown = 0;
    // Every line that runs is reported here, stand-ins and answers included.
    runner.setLineObserver([&](const LineReport &report) {
        const ScenarioCommand &command = *report.command;
        runner.flushTrace(); // the line's events come before its words
        const std::string at = "[" + formatSeconds(sim.now()) + "] ";
        if (command.kind == CommandKind::Say)
            words << at << command.argument << '\n';
        if (command.kind == CommandKind::Wait && report.ok)
            words << at << "(waited for: " << command.argument << ")\n";
        if (command.kind == CommandKind::Ask)
            words << at << "? " << command.argument << '\n';
        if (command.kind == CommandKind::Reveal && runner.player().question())
            words << revealText(*runner.player().question());
        if (!report.ok)
            words << options.script << ':' << command.line << ": FAILED: " << command.text << ": " << report.why
                  << '\n';
        for (; violationsShown < sim.violations().size(); ++violationsShown)
            words << options.script << ':' << command.line
                  << ": INVARIANT VIOLATED: " << describeViolation(sim.violations()[violationsShown]) << '\n';
    });
    runner.run();
    runner.flushTrace();

    const bool ok = runner.succeeded();
    words << options.script << ": " << (ok ? "ok" : "FAILED") << ": " << runner.passed() << " passed, "
          << runner.failures().size() << " failed, " << sim.violations().size() << " invariant violation"
          << (sim.violations().size() == 1 ? "" : "s") << " at t=" << formatSeconds(sim.now()) << '\n';
    if (options.json)
        out << runResultJson(runner) << '\n';
    out.flush();
    return ok ? kExitOk : kExitFailed;
}

int cliMain(int argc, char **argv, BenchFunction bench)
{
    std::vector<std::string> args(argv, argv + argc);
    return runCli(args, std::cout, std::cerr, bench);
}

} // namespace raftviz::cli
