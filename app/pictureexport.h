#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QRectF>
#include <QString>

#include <optional>

class QWidget;

/// PictureExport writes pictures for slides: a view (or the window) as PNG at 1× or
/// 2×, or as SVG; a list of frames as an animated PNG (APNG, written here over the PNG
/// chunks QImage writes). Every save is atomic (QSaveFile) and an error names the file.
///
/// An SVG is what QSvgGenerator makes of the widget's painting: shapes and text, no
/// embedded bitmap (the cluster view's painters, which blit cached pixmaps on the
/// screen, draw their shapes and text on a vector device: widgets/vectorpaint.h),
/// followed by one group `raftviz-index` that names
/// what the picture shows, at its place: one element of class `raftviz-server` per
/// server (id `server-S3`) and one of class `raftviz-message` per message (id
/// `message-42`), so that a slide tool or a test can find them.
namespace PictureExport {

/// View is what a picture shows.
enum class View { Window, Cluster, SpaceTime, Log };

/// viewFromName reads "window", "cluster", "spacetime" or "log".
std::optional<View> viewFromName(const QString &name);

/// Anchor is one thing a picture shows: a server or a message, its id and class, and
/// where it is (a rectangle, or a line from topLeft to bottomRight for a message arrow).
struct Anchor {
    QString id;
    QString cssClass;
    QRectF rect;
    bool line = false;
};

/// anchorsOf lists what widget shows (cluster view, space-time diagram, log grid;
/// nothing for other widgets).
QList<Anchor> anchorsOf(const QWidget *widget);

/// renderImage paints widget into an image at `scale` (1 or 2) times its size.
QImage renderImage(QWidget *widget, double scale);
/// svgOf paints widget as an SVG document, with the anchors' index group.
QByteArray svgOf(QWidget *widget, const QString &title);

/// save writes widget to path: SVG if the name ends in .svg, else PNG at `scale`.
/// Returns "" or the error, naming the file.
QString save(QWidget *widget, const QString &path, double scale = 1.0, const QString &title = {});

/// encodeApng makes an animated PNG of frames (all the same size) shown `fps` times a
/// second, looping. Returns an empty array and sets *error if it cannot.
QByteArray encodeApng(const QList<QImage> &frames, int fps, QString *error);
/// saveBytes writes data to path atomically. Returns "" or the error, naming the file.
QString saveBytes(const QByteArray &data, const QString &path);

} // namespace PictureExport
