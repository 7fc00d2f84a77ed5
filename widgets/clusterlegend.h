#pragma once

#include <QCoreApplication>
#include <QPixmap>
#include <QStringList>
#include <QSizeF>

class QPainter;

namespace widgets {

/// ClusterLegend paints the cluster view's legend: a panel that explains every
/// colour, shape and mark the view uses, with the very glyphs the view draws
/// (ClusterPalette). It is painted once into a pixmap and reused until the size or
/// the language changes.
class ClusterLegend {
    Q_DECLARE_TR_FUNCTIONS(ClusterLegend)

public:
    /// sizeAt returns the panel's size at scale `unit` (1 = sized for a 720-pixel-high
    /// view) in `columns` columns (1: one sentence a mark; 2: brief labels, for short
    /// views). ClusterLayout::fit picks the scale.
    static QSizeF sizeAt(qreal unit, int columns = 1);
    /// render paints the panel at scale `unit` for a device pixel ratio `dpr`.
    static QPixmap render(qreal unit, qreal dpr, int columns = 1);
    /// paint draws the panel with its top left corner at (0, 0) of painter: what
    /// render fills its pixmap with, and what a vector device gets instead of it.
    static void paint(QPainter &painter, qreal unit, int columns = 1);
    /// lines lists the panel's texts, headers included, in order (1 column: the
    /// sentences; 2: the brief labels).
    static QStringList lines(int columns = 1);
};

} // namespace widgets
