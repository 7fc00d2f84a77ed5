// MainWindow's pictures for slides: File › Export Picture and File › Export Animation.
#include "mainwindow.h"

#include "exportdialogs.h"
#include "simulationcontroller.h"

#include "widgets/clusterview.h"
#include "widgets/logview.h"
#include "widgets/spacetimeview.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileDialog>
#include <QMessageBox>
#include <QStatusBar>

#include <algorithm>
#include <cmath>

using PictureExport::View;

QWidget *MainWindow::pictureWidget(View view)
{
    switch (view) {
    case View::Cluster: return m_clusterView;
    case View::SpaceTime: return spaceTimeView();
    case View::Log: return m_logView;
    case View::Window: return this;
    }
    return this;
}

QString MainWindow::exportPictureFile(View view, const QString &path, double scale)
{
    QWidget *widget = pictureWidget(view);
    if (view == View::SpaceTime || view == View::Log) {
        // The picture is of the pane as it would be shown.
        QDockWidget *dock = view == View::SpaceTime ? m_spaceTimeDock : m_logDock;
        showDock(dock);
        QApplication::processEvents();
    }
    return PictureExport::save(widget, path, scale, windowTitle());
}

int MainWindow::animationFrameCount(raft::Time from, raft::Time to, double speed, int fps)
{
    if (to < from || speed <= 0 || fps <= 0)
        return 0;
    const double seconds = static_cast<double>(to - from) / static_cast<double>(raft::fromSeconds(1)) / speed;
    return static_cast<int>(std::floor(seconds * fps + 1e-9)) + 1;
}

QString MainWindow::exportAnimationFile(View view, const QString &path, raft::Time from, raft::Time to, double speed,
                                        int fps)
{
    const int frames = animationFrameCount(from, to, speed, fps);
    if (frames <= 0)
        return tr("Cannot write %1: the span must end after it starts.").arg(QDir::toNativeSeparators(path));
    if (frames > kMaxAnimationFrames)
        return tr("Cannot write %1: %2 frames are too many (at most %3).")
            .arg(QDir::toNativeSeparators(path))
            .arg(frames)
            .arg(kMaxAnimationFrames);
    QWidget *widget = pictureWidget(view);
    if (view == View::SpaceTime)
        showDock(m_spaceTimeDock);
    else if (view == View::Log)
        showDock(m_logDock);
    const bool playing = m_controller->isPlaying();
    m_controller->pause();
    const raft::Time back = m_controller->simulation().now();
    const raft::Time end = std::min(to, m_controller->history().frontierTime());
    QList<QImage> images;
    images.reserve(frames);
    for (int i = 0; i < frames; ++i) {
        const double t = static_cast<double>(from) + i * static_cast<double>(raft::fromSeconds(1)) * speed / fps;
        m_controller->seekToTime(std::min(end, static_cast<raft::Time>(std::llround(t))));
        QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        images.append(PictureExport::renderImage(widget, 1.0));
    }
    m_controller->seekToTime(back);
    if (playing)
        m_controller->play();
    QString error;
    const QByteArray apng = PictureExport::encodeApng(images, fps, &error);
    if (apng.isEmpty())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error);
    return PictureExport::saveBytes(apng, path);
}

void MainWindow::exportPicture()
{
    ExportPictureDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString suggested = dialog.svg() ? QStringLiteral("raftviz.svg") : QStringLiteral("raftviz.png");
    const QString filter = dialog.svg() ? tr("SVG pictures (*.svg)") : tr("PNG images (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Picture"), suggested, filter);
    if (path.isEmpty())
        return;
    const QString suffix = dialog.svg() ? QStringLiteral(".svg") : QStringLiteral(".png");
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    const QString error = exportPictureFile(dialog.view(), path, dialog.scale());
    if (error.isEmpty())
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 6000);
    else
        QMessageBox::warning(this, tr("Export Picture"), error);
}

void MainWindow::exportAnimation()
{
    ExportAnimationDialog dialog(m_controller->simulation().now(), m_controller->history().frontierTime(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Animation"), QStringLiteral("raftviz.png"),
                                                tr("Animated PNG (*.png *.apng)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)
        && !path.endsWith(QLatin1String(".apng"), Qt::CaseInsensitive))
        path += QStringLiteral(".png");
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = exportAnimationFile(dialog.view(), path, dialog.from(), dialog.to(), dialog.speed(),
                                              dialog.fps());
    QApplication::restoreOverrideCursor();
    if (error.isEmpty())
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 6000);
    else
        QMessageBox::warning(this, tr("Export Animation"), error);
}
