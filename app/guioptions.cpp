#include "guioptions.h"

#include "raft/scenario.h"

#include <QRegularExpression>

std::optional<GuiOptions> GuiOptions::parse(const QStringList &args, QString *error)
{
    GuiOptions options;
    auto fail = [&](const QString &text) -> std::optional<GuiOptions> {
        if (error)
            *error = text;
        return std::nullopt;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        auto value = [&](QString *out) {
            if (i + 1 >= args.size())
                return false;
            *out = args[++i];
            return true;
        };
        QString text;
        if (arg == QLatin1String("--bench-render")) {
            options.mode = Mode::BenchRender;
            options.benchArgs = args.mid(i + 1);
            return options;
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            options.mode = Mode::Help;
        } else if (arg == QLatin1String("--screenshot")) {
            if (!value(&options.screenshot))
                return fail(QStringLiteral("--screenshot needs a FILE"));
            options.mode = Mode::Screenshot;
        } else if (arg == QLatin1String("--script")) {
            if (!value(&options.script))
                return fail(QStringLiteral("--script needs a FILE"));
        } else if (arg == QLatin1String("--run")) {
            if (!value(&options.run))
                return fail(QStringLiteral("--run needs a FILE"));
        } else if (arg == QLatin1String("--view")) {
            if (!value(&options.view))
                return fail(QStringLiteral("--view needs window, cluster, spacetime or log"));
            if (options.view != QLatin1String("window") && options.view != QLatin1String("cluster")
                && options.view != QLatin1String("spacetime") && options.view != QLatin1String("log"))
                return fail(
                    QStringLiteral("--view: \"%1\" is not window, cluster, spacetime or log").arg(options.view));
        } else if (arg == QLatin1String("--presentation")) {
            options.presentation = true;
        } else if (arg == QLatin1String("--text-size")) {
            if (!value(&text))
                return fail(QStringLiteral("--text-size needs a percentage from 100 to 250"));
            bool ok = false;
            options.textSize = QString(text).remove(QLatin1Char('%')).toInt(&ok);
            if (!ok || options.textSize < 100 || options.textSize > 250)
                return fail(QStringLiteral("--text-size: \"%1\" is not a percentage from 100 to 250").arg(text));
        } else if (arg == QLatin1String("--at")) {
            if (!value(&text))
                return fail(QStringLiteral("--at needs a time, e.g. 3s or 1500ms"));
            const auto at = raft::parseTime(text.toStdString());
            if (!at || *at < 0)
                return fail(QStringLiteral("--at: \"%1\" is not a time (e.g. 3s, 1500ms, 1500)").arg(text));
            options.at = *at;
            options.hasAt = true;
        } else if (arg == QLatin1String("--size")) {
            if (!value(&text))
                return fail(QStringLiteral("--size needs WxH, e.g. 1280x720"));
            const QRegularExpressionMatch match =
                QRegularExpression(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$")).match(text);
            if (!match.hasMatch())
                return fail(QStringLiteral("--size: \"%1\" is not WxH, e.g. 1280x720").arg(text));
            options.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
            if (options.size.width() < 320 || options.size.height() < 240)
                return fail(QStringLiteral("--size: the window must be at least 320x240"));
        } else if (arg == QLatin1String("--lang")) {
            if (!value(&options.language))
                return fail(QStringLiteral("--lang needs en or zh_CN"));
            if (options.language == QLatin1String("zh") || options.language == QLatin1String("zh-CN"))
                options.language = QStringLiteral("zh_CN");
            if (options.language != QLatin1String("en") && options.language != QLatin1String("zh_CN"))
                return fail(QStringLiteral("--lang: \"%1\" is not a language (en, zh_CN)").arg(options.language));
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            // Qt's own options (-platform, -style, ...) are taken by QApplication first.
            return fail(QStringLiteral("unknown option %1 (try --help)").arg(arg));
        } else {
            return fail(QStringLiteral("unexpected argument %1 (try --help)").arg(arg));
        }
    }
    if (!options.script.isEmpty() && !options.run.isEmpty())
        return fail(QStringLiteral("give --script FILE or --run FILE, not both"));
    return options;
}

QString GuiOptions::usage()
{
    return QStringLiteral(
        "usage: raftviz [--script FILE] [--lang en|zh_CN]\n"
        "       raftviz --screenshot FILE [--script FILE | --run FILE] [--at T] [--size WxH]\n"
        "               [--lang en|zh_CN] [--presentation] [--text-size PCT]\n"
        "               [--view window|cluster|spacetime|log]\n"
        "       raftviz --bench-render [--frames N] [--size WxH] [--messages N] [--seed N] [--no-legend]\n"
        "               [--full-frames]\n"
        "       raftviz --headless --script FILE [--json] [--trace]\n"
        "       raftviz --headless --run FILE [--json] [--trace]\n"
        "       raftviz --bench [--min-seconds S] [--no-trace] [--no-invariants]\n"
        "       raftviz --bench-history [--minutes M] [--seeks N]\n"
        "       raftviz --experiment election-timing [--ranges 150-155,150-200] [--trials N] [--seed S]\n"
        "               [--latency MIN-MAX] [--disk MIN-MAX] [--grain us|ms] [--threads N] [--csv FILE] [--json]\n"
        "       raftviz --experiment split-vote [--sizes 3,5,7,9] [--latencies 0.2-0.6,10-20] [--range 150-300]\n"
        "       raftviz --node Sx --cluster S1=HOST:PORT,... --data DIR [--http PORT] [--watch PORT]\n"
        "               [--listen ADDR] [--no-fsync] [--election-timeout MIN-MAX] [--heartbeat MS]\n"
        "       raftviz --bench-live [--seconds N] [--clients N] [--servers N]\n"
        "\n"
        "  --screenshot FILE  build the window, run the script (if any) to virtual time T\n"
        "                     (default 3s), save the window as a PNG and exit; works with\n"
        "                     QT_QPA_PLATFORM=offscreen (the default for this mode); a FILE\n"
        "                     ending in .svg is written as an SVG picture\n"
        "  --view V           what the screenshot shows: window (default), cluster, spacetime\n"
        "                     (the space-time diagram) or log (the log grid), at --size\n"
        "  --script FILE      a scenario script (docs/scenario-language.md)\n"
        "  --run FILE         a saved run (.raftrun): the window opens it; a screenshot\n"
        "                     draws it where it was saved, or at --at T\n"
        "  --at T             virtual time of the screenshot: 3s, 1500ms, 1500\n"
        "  --presentation     the screenshot shows presentation mode (View › Presentation)\n"
        "  --text-size PCT    the panes' text size for the screenshot, 100 to 250 (percent)\n"
        "  --size WxH         window size of the screenshot (default 1280x720)\n"
        "  --lang CODE        interface language: en or zh_CN\n"
        "  --bench-render     time the cluster view's and the space-time diagram's frames\n"
        "                     (prints one JSON line); --full-frames repaints the whole\n"
        "                     cluster view each frame, not only where things moved\n"
        "  --bench            time the Raft core on the standard workload (one JSON line)\n"
        "  --bench-history    record an hour with history, then time random seeks (one JSON line)\n"
        "  --experiment NAME  the paper's election-timing experiment (§9.3, Figure 16) or split votes\n"
        "                     versus cluster size and latency, on every core; a table beside the\n"
        "                     paper's figures (docs/experiments.md)\n"
        "  --node Sx          run one server of a live cluster as a real process, headless\n"
        "                     (every option: docs/live-cluster.md)\n"
        "  --bench-live       time a live cluster of real processes on loopback: writes per\n"
        "                     second and p50/p99 commit latency, fsync on and off (one JSON line)\n");
}
