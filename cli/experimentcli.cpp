#include "experimentcli.h"

#include "experiment/electiontiming.h"
#include "raft/json.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <fstream>
#include <ostream>

namespace raftviz::cli {

using experiment::LatencyRange;
using experiment::Summary;
using experiment::TimeoutRange;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitMalformed = 2;

/// fixed writes value with `decimals` decimals and a point in every locale.
std::string fixed(double value, int decimals = 1)
{
    char buffer[64];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    return std::string(buffer, r.ptr);
}

std::string pad(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.insert(0, width - text.size(), ' ');
    return text;
}

std::string percent(double share)
{
    return fixed(100 * share, 1) + "%";
}

/// ExperimentOptions is a parsed --experiment command line.
struct ExperimentOptions {
    std::string name;
    bool json = false;
    std::string csv;
    std::vector<TimeoutRange> ranges = experiment::paperRanges();
    TimeoutRange range{150, 300};
    std::vector<int> sizes{3, 5, 7, 9};
    std::vector<LatencyRange> latencies = experiment::SplitVoteOptions{}.latencies;
    experiment::TrialSetup base;
    int trials = 1000;
    std::uint64_t seed = 1;
    int threads = 0;
    std::vector<std::string> problems;
};

template <typename T> bool parseNumber(const std::string &text, T &value)
{
    return !text.empty()
        && std::from_chars(text.data(), text.data() + text.size(), value).ptr == text.data() + text.size();
}

ExperimentOptions parse(const std::vector<std::string> &args)
{
    ExperimentOptions o;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string &arg = args[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
                o.problems.push_back(arg + " needs a value");
                return {};
            }
            return args[++i];
        };
        std::string error;
        if (arg == "--experiment") {
            o.name = value();
        } else if (arg == "--json") {
            o.json = true;
        } else if (arg == "--csv") {
            o.csv = value();
        } else if (arg == "--ranges") {
            const std::string v = value();
            if (!v.empty() && (o.ranges = experiment::parseTimeoutRanges(v, error)).empty())
                o.problems.push_back("--ranges: " + error);
        } else if (arg == "--range") {
            const std::string v = value();
            const auto one = experiment::parseTimeoutRanges(v, error);
            if (!v.empty() && one.size() != 1)
                o.problems.push_back("--range: " + (error.empty() ? "give one range, e.g. 150-300" : error));
            else if (!one.empty())
                o.range = one.front();
        } else if (arg == "--sizes") {
            o.sizes.clear();
            const std::string v = value();
            std::size_t start = 0;
            while (!v.empty() && start <= v.size()) {
                const std::size_t comma = std::min(v.find(',', start), v.size());
                int n = 0;
                if (!parseNumber(v.substr(start, comma - start), n) || n < 3 || n > 9) {
                    o.problems.push_back("--sizes: '" + v.substr(start, comma - start)
                                         + "' is no cluster size from 3 to 9");
                    break;
                }
                o.sizes.push_back(n);
                start = comma + 1;
            }
        } else if (arg == "--latencies" || arg == "--latency" || arg == "--disk") {
            const std::string v = value();
            auto list = experiment::parseLatencyRanges(v, error);
            if (v.empty())
                continue;
            if (list.empty() || (arg != "--latencies" && list.size() != 1)) {
                o.problems.push_back(arg + ": " + (error.empty() ? "give one range, e.g. 14-15" : error));
            } else if (arg == "--latencies") {
                o.latencies = list;
            } else if (arg == "--latency") {
                o.base.network = list.front();
            } else {
                o.base.disk = list.front();
            }
        } else if (arg == "--trials") {
            if (!parseNumber(value(), o.trials) || o.trials < 1 || o.trials > 10'000'000)
                o.problems.push_back("--trials needs a number from 1 to 10000000");
        } else if (arg == "--seed") {
            if (!parseNumber(value(), o.seed))
                o.problems.push_back("--seed needs a number");
        } else if (arg == "--threads") {
            if (!parseNumber(value(), o.threads) || o.threads < 1 || o.threads > 256)
                o.problems.push_back("--threads needs a number from 1 to 256");
        } else if (arg == "--grain") {
            const std::string v = value();
            if (v == "us")
                o.base.grain = experiment::Grain::Microsecond;
            else if (v == "ms")
                o.base.grain = experiment::Grain::Millisecond;
            else
                o.problems.push_back("--grain takes us or ms");
        } else if (arg == "--cap") {
            std::int64_t seconds = 0;
            if (!parseNumber(value(), seconds) || seconds < 1 || seconds > 3600)
                o.problems.push_back("--cap needs whole seconds from 1 to 3600");
            else
                o.base.capMs = seconds * 1000;
        } else {
            o.problems.push_back("unknown option '" + arg + "' for --experiment");
        }
    }
    if (o.name != "election-timing" && o.name != "split-vote")
        o.problems.push_back("--experiment takes election-timing or split-vote, not '" + o.name + "'");
    return o;
}

void writeSummary(raft::JsonWriter &json, const Summary &s)
{
    json.key("trials").value(s.trials);
    json.key("censored").value(s.censored);
    json.key("meanMs").value(s.meanMs);
    json.key("medianMs").value(s.medianMs);
    json.key("p90Ms").value(s.p90Ms);
    json.key("p99Ms").value(s.p99Ms);
    json.key("worstMs").value(s.worstMs);
    json.key("bestMs").value(s.bestMs);
    json.key("splitRate").value(s.splitRate);
    json.key("tieRate").value(s.tieRate);
    json.key("meanTerms").value(s.meanTerms);
}

std::string summaryRow(const Summary &s)
{
    return pad(std::to_string(s.trials), 7) + pad(fixed(s.meanMs), 9) + pad(fixed(s.medianMs), 9)
        + pad(fixed(s.p99Ms), 9) + pad(fixed(s.worstMs), 9) + pad(std::to_string(s.censored), 9)
        + pad(percent(s.splitRate), 8) + pad(percent(s.tieRate), 8);
}

const char *kSummaryHeader = " trials  mean ms  median    p99 ms  worst ms censored >1 term    tie";

/// paperText is what §9.3 reports for range, e.g. "median 287", or "".
std::string paperText(const TimeoutRange &range)
{
    std::string text;
    for (const experiment::PaperFigure &f : experiment::paperFigures()) {
        if (f.range != range)
            continue;
        if (!text.empty())
            text += ", ";
        text += f.statistic == "leaderless" ? "leaderless > 10 s"
                                            : std::string(f.statistic) + " " + fixed(f.valueMs, 0);
    }
    return text;
}

double statistic(const Summary &s, std::string_view name)
{
    if (name == "median")
        return s.medianMs;
    if (name == "worst")
        return s.worstMs;
    if (name == "mean")
        return s.meanMs;
    return s.worstMs; // leaderless: how long the worst trial was without a leader
}

std::string setupLine(const ExperimentOptions &o, int threads)
{
    const std::string servers = o.name == "split-vote" ? "" : std::to_string(o.base.servers) + " servers, ";
    const std::string network = o.name == "split-vote" ? "" : "network " + o.base.network.label() + " ms, ";
    return servers + network + "disk write " + o.base.disk.label() + " ms, clock grain "
        + experiment::grainName(o.base.grain) + ", " + std::to_string(o.trials) + " trials each, seed "
        + std::to_string(o.seed) + ", cap " + std::to_string(o.base.capMs / 1000) + " s, " + std::to_string(threads)
        + " thread" + (threads == 1 ? "" : "s");
}

} // namespace

bool isExperimentCommand(const std::vector<std::string> &args)
{
    return std::find(args.begin(), args.end(), "--experiment") != args.end();
}

std::string experimentUsage()
{
    return "       raftviz --experiment election-timing [--ranges 150-155,150-200] [--trials N] [--seed S]\n"
           "               [--latency MIN-MAX] [--disk MIN-MAX] [--grain us|ms] [--threads N] [--cap S]\n"
           "               [--csv FILE] [--json]\n"
           "       raftviz --experiment split-vote [--sizes 3,5,7,9] [--latencies 0.2-0.6,10-20]\n"
           "               [--range 150-300] [--trials N] [--seed S] [--csv FILE] [--json]\n"
           "\n"
           "  --experiment     the paper's election-timing experiment (§9.3, Figure 16: downtime after a\n"
           "                   leader crash per election timeout range) or split votes versus cluster\n"
           "                   size and latency; every core, a table beside the paper's figures\n"
           "                   (docs/experiments.md). Ranges in ms; --csv writes every trial\n";
}

int runExperiment(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const ExperimentOptions o = parse(args);
    if (!o.problems.empty()) {
        for (const std::string &p : o.problems)
            err << "raftviz: " << p << '\n';
        err << experimentUsage();
        return kExitMalformed;
    }
    std::ofstream csv;
    if (!o.csv.empty()) {
        csv.open(o.csv, std::ios::binary);
        if (!csv) {
            err << "raftviz: " << o.csv << ": cannot write the file\n";
            return kExitMalformed;
        }
    }
    std::ostream &words = o.json ? err : out;
    const int threads = experiment::threadCount(o.threads);
    raft::JsonWriter json;
    json.beginObject();
    json.key("experiment").value(o.name);
    json.key("servers").value(o.base.servers);
    json.key("network").value(o.base.network.label());
    json.key("disk").value(o.base.disk.label());
    json.key("grain").value(experiment::grainName(o.base.grain));
    json.key("trialsEach").value(o.trials);
    json.key("seed").value(static_cast<unsigned long long>(o.seed));
    json.key("threads").value(threads);
    const auto start = std::chrono::steady_clock::now();
    std::int64_t total = 0;

    if (o.name == "election-timing") {
        experiment::TimingOptions t;
        t.ranges = o.ranges;
        t.trials = o.trials;
        t.seed = o.seed;
        t.threads = o.threads;
        t.base = o.base;
        std::vector<experiment::TrialSetup> setups;
        for (const TimeoutRange &r : t.ranges) {
            experiment::TrialSetup s = t.base;
            s.timeout = r;
            setups.push_back(s);
        }
        const auto trials = experiment::runParallel(setups, t.trials, t.seed, t.threads);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        total = static_cast<std::int64_t>(setups.size()) * o.trials;
        words << "election timing (§9.3, Figure 16): " << setupLine(o, threads) << "\n\n";
        words << "range ms " << kSummaryHeader << "  | the paper\n";
        json.key("ranges").beginArray();
        for (std::size_t k = 0; k < setups.size(); ++k) {
            const Summary s = experiment::summarize(trials[k]);
            const TimeoutRange &r = t.ranges[k];
            words << pad(r.label(), 8) << ' ' << summaryRow(s) << "  | " << paperText(r) << '\n';
            json.beginObject();
            json.key("range").value(r.label());
            json.key("minMs").value(r.minMs);
            json.key("maxMs").value(r.maxMs);
            writeSummary(json, s);
            json.key("paper").beginArray();
            for (const experiment::PaperFigure &f : experiment::paperFigures()) {
                if (f.range != r)
                    continue;
                json.beginObject();
                json.key("statistic").value(f.statistic);
                json.key("paperMs").value(f.valueMs);
                json.key("oursMs").value(statistic(s, f.statistic));
                json.endObject();
            }
            json.endArray();
            json.endObject();
            if (csv)
                for (std::size_t i = 0; i < trials[k].size(); ++i) {
                    const experiment::TrialResult &tr = trials[k][i];
                    if (i == 0 && k == 0)
                        csv << "range,trial,downtime_ms,censored,terms,candidacies,first_gap_ms\n";
                    csv << r.label() << ',' << i << ',' << fixed(tr.downtimeMs, 3) << ',' << (tr.censored ? 1 : 0)
                        << ',' << tr.terms << ',' << tr.candidacies << ',' << fixed(tr.firstGapMs, 3) << '\n';
                }
        }
        json.endArray();
        words << "\nbeside the paper:\n";
        for (const experiment::PaperFigure &f : experiment::paperFigures()) {
            const auto it = std::find(t.ranges.begin(), t.ranges.end(), f.range);
            if (it == t.ranges.end())
                continue;
            const Summary s = experiment::summarize(trials[static_cast<std::size_t>(it - t.ranges.begin())]);
            if (f.statistic == "leaderless")
                words << "  " << f.range.label()
                      << ": the paper: elections kept splitting for over 10 s; ours: " << s.censored << " of "
                      << s.trials << " trials leaderless at the " << o.base.capMs / 1000 << " s cap, median "
                      << fixed(s.medianMs) << " ms\n";
            else
                words << "  " << f.range.label() << " " << f.statistic << ": the paper " << fixed(f.valueMs, 0)
                      << " ms; ours " << fixed(statistic(s, f.statistic)) << " ms\n";
        }
        json.key("wallSeconds").value(seconds);
        json.key("trialsPerSecond").value(static_cast<double>(total) / std::max(seconds, 1e-9));
        words << "\n"
              << total << " trials in " << fixed(seconds, 2) << " s on " << threads << " thread"
              << (threads == 1 ? "" : "s") << " (" << fixed(static_cast<double>(total) / std::max(seconds, 1e-9), 0)
              << " trials/s)\n";
    } else {
        experiment::SplitVoteOptions sv;
        sv.sizes = o.sizes;
        sv.latencies = o.latencies;
        sv.timeout = o.range;
        sv.trials = o.trials;
        sv.seed = o.seed;
        sv.threads = o.threads;
        sv.base = o.base;
        const auto cells = experiment::runSplitVote(sv);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        total = static_cast<std::int64_t>(cells.size()) * o.trials;
        words << "split votes after a leader crash, timeout " << o.range.label()
              << " ms, every log equal: " << setupLine(o, threads) << "\n\n";
        words << "servers  network ms" << kSummaryHeader << '\n';
        json.key("timeout").value(o.range.label());
        json.key("cells").beginArray();
        for (const experiment::SplitVoteResult &c : cells) {
            words << pad(std::to_string(c.servers), 7) << pad(c.latency.label(), 12) << summaryRow(c.summary) << '\n';
            json.beginObject();
            json.key("servers").value(c.servers);
            json.key("network").value(c.latency.label());
            writeSummary(json, c.summary);
            json.endObject();
            if (csv) {
                if (&c == &cells.front())
                    csv << "servers,network_ms,trials,censored,mean_ms,median_ms,p99_ms,worst_ms,split_rate\n";
                csv << c.servers << ',' << c.latency.label() << ',' << c.summary.trials << ',' << c.summary.censored
                    << ',' << fixed(c.summary.meanMs, 3) << ',' << fixed(c.summary.medianMs, 3) << ','
                    << fixed(c.summary.p99Ms, 3) << ',' << fixed(c.summary.worstMs, 3) << ','
                    << fixed(c.summary.splitRate, 4) << '\n';
            }
        }
        json.endArray();
        json.key("wallSeconds").value(seconds);
        words << "\n"
              << total << " trials in " << fixed(seconds, 2) << " s on " << threads << " thread"
              << (threads == 1 ? "" : "s") << "\n";
    }
    json.endObject();
    if (o.json)
        out << json.str() << '\n';
    if (csv) {
        csv.flush();
        if (!csv) {
            err << "raftviz: " << o.csv << ": cannot write the file\n";
            return kExitMalformed;
        }
    }
    out.flush();
    return kExitOk;
}

} // namespace raftviz::cli
