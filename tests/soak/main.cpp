// raft_soak: the long randomized fault sweep. Each seed is one FaultRun (see
// faultrun.h): a random cluster, a storm of faults with the safety invariants checked
// after every event, then healing and a check that the cluster converges.
//
//   raft_soak --seeds 100000            seeds 1..100000 on every core
//   raft_soak --seeds 5000 --first 7000 seeds 7000..11999
//   raft_soak --seed 1234 [--trace]     one seed, with its inputs (and whole trace)
//   raft_soak --seeds 20000 --stop-after 1   stop handing out seeds after a failure
//                                       (the seeds already running finish, so the
//                                       lowest failing seed is still the first one)
//   raft_soak --seeds 2000 --bug commit-old-terms   every run with a rule switched
//                                       off (raft/bugs.h): the sweep must catch it
//
// Exit code 0 when every run passed, 1 when one failed (its report is printed), 2 on
// a wrong command line.
#include "soak/faultrun.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Options {
    std::uint64_t first = 1;
    std::uint64_t seeds = 10000;
    bool single = false;
    bool trace = false;
    bool quiet = false;
    unsigned jobs = 0;
    std::size_t maxReports = 3;
    /// stopAfter: stop taking new seeds after this many failures (0: never).
    std::uint64_t stopAfter = 0;
    /// bugs: rules switched off in every run (--bug NAME, repeatable).
    raft::BugSwitches bugs;
    /// tolerated: properties whose violations fail nothing (--tolerate PROPERTY).
    std::vector<std::string> tolerated;
};

void usage(std::ostream &out)
{
    out << "usage: raft_soak [--seeds N] [--first S] [--jobs J] [--quiet] [--max-reports K] [--stop-after F]\n"
           "                 [--bug NAME]... [--tolerate PROPERTY]...\n"
           "       raft_soak --seed S [--trace] [--bug NAME]... [--tolerate PROPERTY]...\n"
           "bugs: "
        << raft::bugNameList() << "\n";
}

bool parseNumber(const char *text, std::uint64_t &out)
{
    char *end = nullptr;
    out = std::strtoull(text, &end, 10);
    return end && *end == '\0' && end != text;
}

struct Totals {
    std::uint64_t runs = 0;
    std::uint64_t failures = 0;
    std::uint64_t actions = 0;
    std::uint64_t events = 0;
    std::uint64_t delivered = 0;
    std::uint64_t elections = 0;
    std::uint64_t snapshotsTaken = 0;
    std::uint64_t snapshotsInstalled = 0;
    double virtualSeconds = 0;
    /// reports: (seed, report) of the failed runs; the lowest seeds are printed.
    std::vector<std::pair<std::uint64_t, std::string>> reports;
};

} // namespace

int main(int argc, char **argv)
{
    using raft::soak::FaultRun;
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        std::uint64_t value = 0;
        const bool hasValue = i + 1 < argc && parseNumber(argv[i + 1], value);
        if (arg == "--seeds" && hasValue) {
            o.seeds = value;
            ++i;
        } else if (arg == "--first" && hasValue) {
            o.first = value;
            ++i;
        } else if (arg == "--seed" && hasValue) {
            o.first = value;
            o.seeds = 1;
            o.single = true;
            ++i;
        } else if (arg == "--jobs" && hasValue && value > 0) {
            o.jobs = static_cast<unsigned>(value);
            ++i;
        } else if (arg == "--max-reports" && hasValue) {
            o.maxReports = value;
            ++i;
        } else if (arg == "--stop-after" && hasValue) {
            o.stopAfter = value;
            ++i;
        } else if (arg == "--bug" && i + 1 < argc) {
            const raft::BugInfo *bug = raft::findBug(argv[i + 1]);
            if (!bug) {
                std::cerr << "raft_soak: unknown bug '" << argv[i + 1] << "' (known: " << raft::bugNameList() << ")\n";
                return 2;
            }
            o.bugs.*bug->flag = true;
            ++i;
        } else if (arg == "--tolerate" && i + 1 < argc) {
            o.tolerated.emplace_back(argv[i + 1]);
            ++i;
        } else if (arg == "--trace") {
            o.trace = true;
        } else if (arg == "--quiet") {
            o.quiet = true;
        } else if (arg == "--help" || arg == "-h") {
            usage(std::cout);
            return 0;
        } else {
            std::cerr << "raft_soak: unknown or incomplete argument '" << arg << "'\n";
            usage(std::cerr);
            return 2;
        }
    }

    if (o.single) {
        FaultRun run(o.first, o.bugs);
        for (const std::string &property : o.tolerated)
            run.tolerate(property);
        const bool ok = run.run();
        const std::size_t lines = o.trace ? run.simulation().trace().size() : 40;
        std::cout << run.report(lines);
        return ok ? 0 : 1;
    }

    const unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    const auto start = std::chrono::steady_clock::now();
    std::atomic<std::uint64_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    Totals totals;
    auto lastProgress = start;

    const auto worker = [&] {
        for (;;) {
            if (stop)
                return;
            const std::uint64_t k = next.fetch_add(1);
            if (k >= o.seeds)
                return;
            FaultRun run(o.first + k, o.bugs);
            for (const std::string &property : o.tolerated)
                run.tolerate(property);
            const bool ok = run.run();
            const raft::Simulation &sim = run.simulation();
            std::lock_guard<std::mutex> lock(mutex);
            ++totals.runs;
            totals.actions += static_cast<std::uint64_t>(run.actions());
            totals.events += sim.stats().events;
            totals.delivered += sim.stats().messagesDelivered;
            totals.elections += sim.stats().elections;
            totals.snapshotsTaken += sim.stats().snapshotsTaken;
            totals.snapshotsInstalled += sim.stats().snapshotsInstalled;
            totals.virtualSeconds += static_cast<double>(sim.now()) / 1000.0;
            if (!ok) {
                ++totals.failures;
                if (o.stopAfter != 0 && totals.failures >= o.stopAfter)
                    stop = true;
                totals.reports.emplace_back(run.seed(), run.report());
                std::sort(totals.reports.begin(), totals.reports.end());
                if (totals.reports.size() > o.maxReports)
                    totals.reports.resize(o.maxReports);
                if (!o.quiet)
                    std::cerr << "raft_soak: seed " << run.seed() << " FAILED: " << run.failure() << "\n";
            }
            const auto now = std::chrono::steady_clock::now();
            if (!o.quiet && now - lastProgress > std::chrono::seconds(10)) {
                lastProgress = now;
                std::cerr << "raft_soak: " << totals.runs << "/" << o.seeds << " seeds, " << totals.failures
                          << " failed, " << std::chrono::duration_cast<std::chrono::seconds>(now - start).count()
                          << " s\n";
            }
        }
    };
    std::vector<std::thread> threads;
    for (unsigned j = 0; j < jobs; ++j)
        threads.emplace_back(worker);
    for (std::thread &t : threads)
        t.join();

    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const auto &[seed, r] : totals.reports)
        std::cout << r << "\n";
    std::cout << "raft_soak: seeds " << o.first << ".." << o.first + o.seeds - 1 << " (" << totals.runs << " runs on "
              << jobs << " threads): " << totals.failures << " failed; " << totals.actions << " faults and requests, "
              << totals.elections << " elections, " << totals.snapshotsTaken << " snapshots taken and "
              << totals.snapshotsInstalled << " installed, " << totals.delivered << " messages delivered, "
              << totals.events << " events with invariants checked, "
              << static_cast<std::uint64_t>(totals.virtualSeconds) << " virtual s in " << wall << " wall s\n";
    return totals.failures == 0 ? 0 : 1;
}
