#include "cli.h"

#include "raft/json.h"
#include "raft/scenario.h"

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
    std::string script;
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
        } else if (arg == "--script") {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0)
                options.problems.push_back("--script needs a file name");
            else
                options.script = args[++i];
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
        options.problems.push_back("nothing to do: give --headless --script FILE, or --bench");
    else if (options.script.empty() && options.problems.empty())
        options.problems.push_back("--headless needs --script FILE");
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
    std::snprintf(buffer, sizeof buffer, "%lld.%03llds", static_cast<long long>(t / 1000),
                  static_cast<long long>(t % 1000));
    return buffer;
}

std::string describeViolation(const Violation &violation)
{
    return "t=" + std::to_string(violation.t) + "ms (event " + std::to_string(violation.step) + "): " + violation.what;
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
    return "usage: raftviz --headless --script FILE [--json] [--trace]\n"
           "       raftviz --bench [--min-seconds S] [--seed N] [--no-trace]\n"
           "       raftviz            (the window)\n"
           "\n"
           "  --headless       run without a window\n"
           "  --script FILE    the scenario to run (see docs/scenario-language.md)\n"
           "  --json           print the final state as one JSON object, the last line of stdout\n"
           "  --trace          print every trace event as one JSON object per line on stdout\n"
           "  --bench          measure the core's speed and print one JSON line\n"
           "\n"
           "exit status: 0 every expectation held and no invariant broke; 1 otherwise;\n"
           "             2 the script is malformed or unreadable, or the command line is wrong\n";
}

std::string runResultJson(const ScenarioRunner &runner)
{
    const Simulation &sim = runner.simulation();
    JsonWriter json;
    json.beginObject();
    json.key("script").value(runner.scenario().fileName());
    json.key("seed").value(sim.config().seed);
    json.key("time").value(sim.now());
    json.key("leader");
    nameOrNull(json, sim.leader().value_or(kNoNode));

    json.key("nodes").beginArray();
    for (NodeId id = 1; id <= sim.size(); ++id) {
        const Server &server = sim.server(id);
        const Node *node = sim.node(id);
        json.beginObject();
        json.key("name").value(nodeName(id));
        json.key("status").value(nodeStatusName(sim.status(id)));
        json.key("role").value(roleName(sim.role(id)));
        json.key("term").value(sim.term(id));
        json.key("votedFor");
        nameOrNull(json, node ? node->votedFor() : server.storage.votedFor);
        json.key("commitIndex").value(sim.commitIndex(id));
        json.key("lastApplied").value(node ? node->lastApplied() : Index{0});
        json.key("log").beginArray();
        const Log &log = sim.log(id);
        for (Index i = 1; i <= log.lastIndex(); ++i) {
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

    json.key("expectations").beginObject();
    json.key("passed").value(runner.passed());
    json.key("failed").beginArray();
    for (const ExpectationFailure &failure : runner.failures()) {
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

int runCli(const std::vector<std::string> &args, std::ostream &out, std::ostream &err, BenchFunction bench)
{
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
        return kExitMalformed;
    }

    // With --json or --trace, stdout is for machines: the words go to stderr.
    std::ostream &words = options.json || options.trace ? err : out;
    ScenarioRunner runner(std::move(scenario));
    const Simulation &sim = runner.simulation();
    std::size_t printed = 0;
    std::size_t violationsShown = 0;
    while (!runner.atEnd()) {
        const ScenarioCommand &command = runner.scenario().commands()[runner.next()];
        const CommandOutcome outcome = runner.step();
        if (options.trace) {
            const std::vector<TraceEvent> &events = sim.trace().events();
            for (; printed < events.size(); ++printed)
                out << sim.trace().toJson(events[printed]) << '\n';
        }
        if (command.kind == CommandKind::Say)
            words << '[' << formatSeconds(sim.now()) << "] " << command.argument << '\n';
        if (!outcome.ok)
            words << options.script << ':' << command.line << ": FAILED: " << command.text << ": " << outcome.why
                  << '\n';
        for (; violationsShown < sim.violations().size(); ++violationsShown)
            words << options.script << ':' << command.line
                  << ": INVARIANT VIOLATED: " << describeViolation(sim.violations()[violationsShown]) << '\n';
    }

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
