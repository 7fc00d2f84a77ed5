#include "guimain.h"

#include "guioptions.h"
#include "icons.h"
#include "language.h"
#include "mainwindow.h"
#include "simulationcontroller.h"

#include "pictureexport.h"
#include "presentationmode.h"

#include "widgets/clusterview.h"
#include "widgets/logview.h"
#include "widgets/renderbench.h"
#include "widgets/selection.h"
#include "widgets/spacetimeview.h"

#include <QApplication>
#include <QDir>
#include <QFontInfo>
#include <QPixmap>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

void printError(const QString &text)
{
    std::fprintf(stderr, "raftviz: %s\n", qPrintable(text));
}

/// makeView makes a view of its own on the window's world and selection, for a
/// picture of that view alone.
std::unique_ptr<QWidget> makeView(PictureExport::View view, MainWindow &window)
{
    SimulationController *source = window.controller();
    const bool presentation = window.isPresentation();
    switch (view) {
    case PictureExport::View::Cluster: {
        auto cluster = std::make_unique<widgets::ClusterView>();
        cluster->setSource(source);
        cluster->setPresentation(presentation);
        cluster->setSelectedNodes(window.selection()->nodes());
        return cluster;
    }
    case PictureExport::View::SpaceTime: {
        auto spaceTime = std::make_unique<widgets::SpaceTimeView>();
        spaceTime->setSource(source);
        spaceTime->setSelection(window.selection());
        spaceTime->setPresentation(presentation);
        return spaceTime;
    }
    case PictureExport::View::Log: {
        auto log = std::make_unique<widgets::LogView>();
        log->setSource(source);
        log->setSelection(window.selection());
        return log;
    }
    case PictureExport::View::Window: break;
    }
    return std::make_unique<QWidget>();
}

/// takeScreenshot builds the window without the user's settings, runs the script (if
/// any) up to virtual time `at`, and saves the window (or one view of it, --view) as
/// a PNG or an SVG.
int takeScreenshot(const GuiOptions &options)
{
    MainWindowOptions windowOptions;
    windowOptions.useSettings = false;
    windowOptions.autoPlay = false;
    MainWindow window(windowOptions);
    window.resize(options.size);
    window.show();
    window.setTextSize(options.textSize);
    if (options.presentation)
        window.setPresentation(true, false); // full screen would take the screen's size, not --size
    if (!options.script.isEmpty()) {
        const QString error = window.openScenarioFile(options.script, false);
        if (!error.isEmpty()) {
            printError(error);
            return 2;
        }
    }
    if (!options.run.isEmpty()) {
        const QString error = window.openRunFile(options.run, false);
        if (!error.isEmpty()) {
            printError(error);
            return 2;
        }
        // A run is drawn where it was saved, unless --at asks for another moment.
        if (options.hasAt && options.at <= window.controller()->history().frontierTime())
            window.controller()->seekToTime(options.at);
        else if (options.hasAt)
            window.controller()->runTo(options.at); // on past the recorded end
    } else {
        window.controller()->runTo(options.at);
    }
    // Show the leader's fields, as a teacher would after clicking it.
    if (const auto leader = window.controller()->simulation().leader())
        window.selection()->selectNode(*leader);
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    const PictureExport::View view = PictureExport::viewFromName(options.view).value_or(PictureExport::View::Window);
    QString error;
    if (view == PictureExport::View::Window) {
        error = PictureExport::save(&window, options.screenshot, 1.0, window.windowTitle());
    } else {
        // The view alone, at --size: a widget of its own on the same world.
        std::unique_ptr<QWidget> alone = makeView(view, window);
        alone->resize(options.size);
        if (options.presentation) {
            QFont font = alone->font();
            font.setPixelSize(std::max(QFontInfo(font).pixelSize(), PresentationMode::kMinTextPixels));
            alone->setFont(font);
        }
        alone->show();
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        error = PictureExport::save(alone.get(), options.screenshot, 1.0, window.windowTitle());
    }
    if (!error.isEmpty()) {
        printError(error);
        return 1;
    }
    std::printf("%s\n", qPrintable(QDir::toNativeSeparators(options.screenshot)));
    return 0;
}

} // namespace

int guiMain(int argc, char *argv[])
{
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw.append(QString::fromLocal8Bit(argv[i]));
    // Help needs no display.
    if (raw.contains(QStringLiteral("--help")) || raw.contains(QStringLiteral("-h"))) {
        std::printf("%s", qPrintable(GuiOptions::usage()));
        return 0;
    }
    // The benchmark makes its own offscreen application.
    if (const qsizetype at = raw.indexOf(QStringLiteral("--bench-render")); at >= 0)
        return widgets::runRenderBenchmark(raw.mid(at + 1));
    // A screenshot needs no display.
    if (raw.contains(QStringLiteral("--screenshot")) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("raftviz"));
    QApplication::setOrganizationName(QStringLiteral("raftviz"));
    QApplication::setApplicationDisplayName(QStringLiteral("raftviz"));
    QApplication::setApplicationVersion(QStringLiteral(RAFTVIZ_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("raftviz"));
    QApplication::setWindowIcon(Icons::application());

    QString error;
    const std::optional<GuiOptions> options = GuiOptions::parse(QApplication::arguments().mid(1), &error);
    if (!options) {
        printError(error);
        std::fprintf(stderr, "%s", qPrintable(GuiOptions::usage()));
        return 2;
    }
    if (options->mode == GuiOptions::Mode::Help) {
        std::printf("%s", qPrintable(GuiOptions::usage()));
        return 0;
    }
    if (!options->language.isEmpty() && !Language::apply(options->language))
        printError(QStringLiteral("the translation %1 is missing; using English").arg(options->language));
    if (options->mode == GuiOptions::Mode::Screenshot)
        return takeScreenshot(*options);

    MainWindow window;
    if (!options->language.isEmpty())
        window.setLanguage(options->language);
    window.show();
    if (!options->script.isEmpty() && window.openScenarioFile(options->script).isEmpty())
        window.controller()->play();
    if (!options->run.isEmpty())
        window.openRunFile(options->run);
    return QApplication::exec();
}
