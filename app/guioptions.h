#pragma once

#include "raft/types.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

/// GuiOptions is what the command line asks of the window:
///   raftviz [--script FILE] [--lang en|zh_CN]                    the window
///   raftviz --screenshot FILE [--script FILE | --run FILE] [--at T] [--size WxH] [--lang zh_CN]
///           [--presentation] [--text-size PCT] [--view window|cluster|spacetime|log]
///   (FILE ending in .svg: an SVG picture, else a PNG)
///   raftviz --bench-render [options]                             the render benchmark
/// (--headless and --bench are handled by the core's command line before Qt starts.)
struct GuiOptions {
    enum class Mode { Window, Screenshot, BenchRender, Help };
    Mode mode = Mode::Window;
    /// screenshot: the picture to write: SVG if it ends in .svg, else PNG.
    QString screenshot;
    /// view: what the screenshot shows: "window" (the default), "cluster", "spacetime", "log".
    QString view = QStringLiteral("window");
    /// script: a scenario to play (in the window) or to run (for a screenshot).
    QString script;
    /// run: a saved run to open (for a screenshot: drawn at its saved position, or at `at`).
    QString run;
    /// at: the virtual time of the screenshot, in ms (set: hasAt).
    raft::Time at = 3000;
    bool hasAt = false;
    /// presentation: draw the window in presentation mode.
    bool presentation = false;
    /// textSize: the panes' text size in percent (100–250).
    int textSize = 100;
    /// size: the window's size for the screenshot.
    QSize size{1280, 720};
    /// language: "en" or "zh_CN"; empty keeps the saved setting.
    QString language;
    /// benchArgs: the arguments after --bench-render.
    QStringList benchArgs;

    /// parse reads the arguments (without the program name). On a bad argument it
    /// returns nullopt and sets *error.
    static std::optional<GuiOptions> parse(const QStringList &args, QString *error);
    /// usage is the help text of the window's command line.
    static QString usage();
};
