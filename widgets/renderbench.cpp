#include "widgets/renderbench.h"

#include "raft/history.h"
#include "raft/simulation.h"
#include "widgets/clusterview.h"
#include "widgets/spacetimeview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

namespace widgets {

namespace {

struct Options {
    int frames = 600;
    int width = 1280;
    int height = 720;
    int messages = 300;
    std::uint64_t seed = 7;
    bool legend = true;
    /// paced: start a frame every 1/60 s of wall time, as the window's frame timer
    /// does, instead of back to back.
    bool paced = false;
    /// spaceTimeMessages: how many messages the space-time diagram's window holds.
    std::size_t spaceTimeMessages = 10000;
    /// fullFrames: repaint the whole cluster view every frame instead of the region
    /// the view asks for (what a frame cost before partial frames).
    bool fullFrames = false;
};

/// area is the number of pixels in region.
qint64 area(const QRegion &region)
{
    qint64 pixels = 0;
    for (const QRect &rect : region)
        pixels += static_cast<qint64>(rect.width()) * rect.height();
    return pixels;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = p * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const auto hi = static_cast<std::size_t>(std::ceil(rank));
    return values[lo] + (values[hi] - values[lo]) * (rank - static_cast<double>(lo));
}

/// cpuNowMs is this thread's CPU time in ms: unlike the wall clock it does not count
/// the time other processes held the CPU, which on a shared machine decides the tail.
double cpuNowMs()
{
#ifdef CLOCK_THREAD_CPUTIME_ID
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
#else
    return static_cast<double>(std::clock()) * 1e3 / CLOCKS_PER_SEC;
#endif
}

/// processCpuNowMs is the CPU time of every thread of the process in ms: Qt hands
/// large fills and copies of an image to worker threads, whose time cpuNowMs misses.
double processCpuNowMs()
{
    return static_cast<double>(std::clock()) * 1e3 / CLOCKS_PER_SEC;
}

/// loadAverage is the machine's one-minute load average, or -1 where unknown.
double loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const double load = QString::fromLatin1(file.readLine()).section(QLatin1Char(' '), 0, 0).toDouble(&ok);
    return ok ? load : -1;
}

bool parse(const QStringList &args, Options &options)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        const bool hasValue = i + 1 < args.size();
        bool ok = true;
        if (arg == QLatin1String("--frames") && hasValue) {
            options.frames = args[++i].toInt(&ok);
            ok = ok && options.frames > 0;
        } else if (arg == QLatin1String("--messages") && hasValue) {
            options.messages = args[++i].toInt(&ok);
            ok = ok && options.messages > 0;
        } else if (arg == QLatin1String("--seed") && hasValue) {
            options.seed = args[++i].toULongLong(&ok);
        } else if (arg == QLatin1String("--size") && hasValue) {
            const QStringList parts = args[++i].split(QLatin1Char('x'));
            ok = parts.size() == 2;
            if (ok) {
                bool okW = false;
                bool okH = false;
                options.width = parts[0].toInt(&okW);
                options.height = parts[1].toInt(&okH);
                ok = okW && okH && options.width >= 64 && options.height >= 64;
            }
        } else if (arg == QLatin1String("--spacetime-messages") && hasValue) {
            options.spaceTimeMessages = args[++i].toULongLong(&ok);
            ok = ok && options.spaceTimeMessages > 0;
        } else if (arg == QLatin1String("--no-legend")) {
            options.legend = false;
        } else if (arg == QLatin1String("--paced")) {
            options.paced = true;
        } else if (arg == QLatin1String("--full-frames")) {
            options.fullFrames = true;
        }
        if (!ok) {
            std::fprintf(stderr, "raftviz --bench-render: bad value for %s\n", qPrintable(arg));
            return false;
        }
    }
    return true;
}

/// World is the benchmark's simulation plus the client that keeps it busy.
struct World {
    explicit World(const raft::ClusterConfig &config)
        : sim(config)
    { }
    /// request sends a client command to the leader, if there is one.
    void request()
    {
        if (const auto leader = sim.leader())
            (void)sim.request(*leader, "set k" + std::to_string(requests % 10) + " " + std::to_string(requests));
        ++requests;
    }
    /// warmUp elects a leader and fills the pipes, with client requests so that some
    /// AppendEntries carry entries.
    void warmUp()
    {
        sim.runUntil([&] { return sim.leader().has_value(); }, raft::fromSeconds(600));
        for (int i = 0; i < 20; ++i) {
            request();
            sim.runFor(raft::fromMs(500));
        }
    }
    raft::Simulation sim;
    int requests = 0;
};

/// makeConfig: nine servers, slow links (2–4 s) and a leader that sends every
/// `heartbeat` ticks: a crowded picture.
raft::ClusterConfig makeConfig(const Options &options, raft::Time heartbeat)
{
    raft::ClusterConfig config;
    config.nodes = 9;
    config.seed = options.seed;
    config.network.latencyMin = raft::fromMs(2000);
    config.network.latencyMax = raft::fromMs(4000);
    config.heartbeatInterval = std::max<raft::Time>(1, heartbeat);
    config.electionTimeoutMin = raft::fromMs(20000);
    config.electionTimeoutMax = raft::fromMs(40000);
    return config;
}

/// SpaceTimeFigures: the space-time diagram's frames with a window that holds about
/// `wanted` messages.
struct SpaceTimeFigures {
    double median = 0;
    double p99 = 0;
    double max = 0;
    /// cpuMedian and cpuP99: the thread's CPU time per frame (what other processes on
    /// a busy machine cannot inflate).
    double cpuMedian = 0;
    double cpuP99 = 0;
    std::size_t inView = 0;
    bool density = false;
};

/// benchSpaceTime records a run of nine servers (default timing: about 320 messages a
/// second) and times frames of the space-time diagram that follows the playhead with a
/// window holding about `wanted` messages: each frame advances the history by 1/60 s,
/// moves the playhead (the model reads what is new) and paints into an image.
SpaceTimeFigures benchSpaceTime(const Options &options, std::size_t wanted)
{
    raft::ClusterConfig config;
    config.nodes = 9;
    config.seed = options.seed;
    raft::History history(config);
    raft::Time now = raft::fromSeconds(60);
    history.advanceTo(now);
    SpaceTimeView view;
    view.resize(options.width, options.height);
    view.setHistory(&history, static_cast<double>(now));
    // The span whose window (the playhead at 85% of it) holds `wanted` messages.
    double lo = static_cast<double>(raft::fromMs(50));
    double hi = static_cast<double>(now);
    for (int i = 0; i < 40; ++i) {
        const double mid = (lo + hi) / 2;
        view.follow(static_cast<raft::Time>(mid));
        const auto start = static_cast<raft::Time>(view.visibleStart());
        const std::size_t count = view.model().countIn(start, start + static_cast<raft::Time>(mid), true);
        (count < wanted ? lo : hi) = mid;
    }
    view.follow(static_cast<raft::Time>(hi));
    QImage image(options.width, options.height, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> frameMs;
    std::vector<double> cpuMs;
    SpaceTimeFigures figures;
    QElapsedTimer timer;
    double display = static_cast<double>(now);
    const int warmup = 10;
    for (int frame = 0; frame < warmup + options.frames; ++frame) {
        display += static_cast<double>(raft::fromSeconds(1)) / 60.0;
        history.advanceTo(static_cast<raft::Time>(std::floor(display)));
        timer.start();
        const double cpuStart = cpuNowMs();
        view.setDisplayTime(display);
        {
            QPainter painter(&image);
            view.paintDiagram(painter, QSizeF(options.width, options.height));
        }
        const qint64 done = timer.nsecsElapsed();
        const double cpu = cpuNowMs() - cpuStart;
        if (frame < warmup)
            continue;
        frameMs.push_back(static_cast<double>(done) / 1e6);
        cpuMs.push_back(cpu);
    }
    figures.cpuMedian = percentile(cpuMs, 0.5);
    figures.cpuP99 = percentile(cpuMs, 0.99);
    const auto start = static_cast<raft::Time>(view.visibleStart());
    figures.inView = view.model().countIn(start, start + static_cast<raft::Time>(view.visibleSpan()), true);
    figures.density = view.isDensityMode();
    figures.median = percentile(frameMs, 0.5);
    figures.p99 = percentile(frameMs, 0.99);
    figures.max = percentile(frameMs, 1.0);
    const QString output = qEnvironmentVariable("RAFTVIZ_BENCH_SPACETIME_IMAGE");
    if (!output.isEmpty())
        image.save(QString(output).replace(QStringLiteral("%n"), QString::number(wanted)));
    return figures;
}

int run(const Options &options)
{
    // With latency L (mean 3 s) and heartbeat H, each of the 8 followers has about L/H
    // AppendEntries and as many replies in flight, plus what client requests add.
    // Guess H, measure, and scale H once to land near the wanted number of messages.
    raft::Time heartbeat = raft::fromMs(24 * 3000) / options.messages;
    {
        World probe(makeConfig(options, heartbeat));
        probe.warmUp();
        const double measured = static_cast<double>(std::max<std::size_t>(probe.sim.network().size(), 1));
        heartbeat = static_cast<raft::Time>(std::lround(static_cast<double>(heartbeat) * measured / options.messages));
    }
    World world(makeConfig(options, heartbeat));
    world.warmUp();
    raft::Simulation &sim = world.sim;

    ClusterView view;
    view.resize(options.width, options.height);
    view.setLegendVisible(options.legend);
    view.setSimulation(&sim);
    QImage image(options.width, options.height, QImage::Format_ARGB32_Premultiplied);

    std::vector<double> frameMs;
    std::vector<double> stepMs;
    std::vector<double> paintMs;
    double repainted = 0; // the fraction of the view repainted, summed over the frames
    std::vector<double> cpuMs;
    std::vector<double> processCpuMs;
    std::size_t messagesMin = sim.network().size();
    std::size_t messagesMax = messagesMin;
    double messagesSum = 0;
    double display = static_cast<double>(sim.now());
    const int warmup = 30;
    QElapsedTimer timer;
    QElapsedTimer clock;
    clock.start();
    for (int frame = 0; frame < warmup + options.frames; ++frame) {
        if (options.paced) {
            const auto due = static_cast<qint64>(frame * 1e9 / 60.0);
            const qint64 wait = due - clock.nsecsElapsed();
            if (wait > 0)
                std::this_thread::sleep_for(std::chrono::nanoseconds(wait));
        }
        timer.start();
        const double cpuStart = cpuNowMs();
        const double processCpuStart = processCpuNowMs();
        display += static_cast<double>(raft::fromSeconds(1)) / 60.0;
        if (frame % 30 == 0)
            world.request(); // a client request every half second of virtual time
        sim.advanceTo(static_cast<raft::Time>(std::floor(display)));
        const qint64 stepped = timer.nsecsElapsed();
        view.setDisplayTime(display);
        // What the window system would repaint: the region the view asked for (the
        // whole view when the world changed, else where things move).
        const QRegion region = options.fullFrames ? QRegion(view.rect()) : view.pendingRepaint();
        const double fraction = static_cast<double>(area(region)) / (options.width * options.height);
        // (render() puts the region's bounding rectangle at the offset given.)
        view.render(&image, region.boundingRect().topLeft(), region, QWidget::RenderFlags(QWidget::DrawChildren));
        const qint64 done = timer.nsecsElapsed();
        const double cpu = cpuNowMs() - cpuStart;
        const double processCpu = processCpuNowMs() - processCpuStart;
        if (frame < warmup)
            continue;
        processCpuMs.push_back(processCpu);
        repainted += fraction;
        frameMs.push_back(static_cast<double>(done) / 1e6);
        stepMs.push_back(static_cast<double>(stepped) / 1e6);
        paintMs.push_back(static_cast<double>(done - stepped) / 1e6);
        cpuMs.push_back(cpu);
        const std::size_t inFlight = sim.network().size();
        messagesMin = std::min(messagesMin, inFlight);
        messagesMax = std::max(messagesMax, inFlight);
        messagesSum += static_cast<double>(inFlight);
    }

    const QString output = qEnvironmentVariable("RAFTVIZ_BENCH_IMAGE");
    if (!output.isEmpty())
        image.save(output);

    // The space-time diagram: 10,000 messages in view (counted per pixel column), and a
    // window narrow enough for arrows.
    const SpaceTimeFigures crowded = benchSpaceTime(options, options.spaceTimeMessages);
    const SpaceTimeFigures arrows = benchSpaceTime(options, SpaceTimeView::kMaxArrows * 3 / 4);

    const double frames = static_cast<double>(frameMs.size());
    std::printf(
        "{\"spacetime_frame_ms_median\":%.3f,\"spacetime_frame_ms_p99\":%.3f,\"spacetime_frame_ms_max\":%.3f,"
        "\"spacetime_messages_in_view\":%zu,\"spacetime_density\":%s,\"spacetime_arrows_frame_ms_median\":%.3f,"
        "\"spacetime_arrows_frame_ms_p99\":%.3f,\"spacetime_arrows_in_view\":%zu,\"spacetime_servers\":9,"
        "\"spacetime_cpu_ms_median\":%.3f,\"spacetime_cpu_ms_p99\":%.3f,\"spacetime_arrows_cpu_ms_median\":%.3f,"
        "\"spacetime_arrows_cpu_ms_p99\":%.3f,",
        crowded.median, crowded.p99, crowded.max, crowded.inView, crowded.density ? "true" : "false", arrows.median,
        arrows.p99, arrows.inView, crowded.cpuMedian, crowded.cpuP99, arrows.cpuMedian, arrows.cpuP99);
    std::printf("\"frame_ms_median\":%.3f,\"frame_ms_p99\":%.3f,\"frames\":%zu,\"messages_in_flight\":%.0f,"
                "\"messages_min\":%zu,\"messages_max\":%zu,\"step_ms_median\":%.3f,\"step_ms_p99\":%.3f,"
                "\"paint_ms_median\":%.3f,\"paint_ms_p99\":%.3f,\"frame_ms_max\":%.3f,\"cpu_ms_median\":%.3f,"
                "\"cpu_ms_p99\":%.3f,\"process_cpu_ms_median\":%.3f,\"process_cpu_ms_p99\":%.3f,"
                "\"repaint_fraction\":%.3f,\"full_frames\":%s,\"load_average\":%.2f,\"paced\":%s,"
                "\"width\":%d,\"height\":%d}\n",
                percentile(frameMs, 0.5), percentile(frameMs, 0.99), frameMs.size(), messagesSum / frames, messagesMin,
                messagesMax, percentile(stepMs, 0.5), percentile(stepMs, 0.99), percentile(paintMs, 0.5),
                percentile(paintMs, 0.99), percentile(frameMs, 1.0), percentile(cpuMs, 0.5), percentile(cpuMs, 0.99),
                percentile(processCpuMs, 0.5), percentile(processCpuMs, 0.99), repainted / frames, options.fullFrames ? "true" : "false", loadAverage(), options.paced ? "true" : "false", options.width, options.height);
    std::fflush(stdout);
    return 0;
}

} // namespace

int runRenderBenchmark(QStringList args)
{
    Options options;
    if (!parse(args, options))
        return 1;
    if (qApp)
        return run(options);
    // Called before any QApplication (e.g. straight from main): make an offscreen one.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "raftviz";
    static char *argv[] = {name, nullptr};
    QApplication app(argc, argv);
    return run(options);
}

} // namespace widgets
