#pragma once

#include <QBrush>

class QPainter;
class QPainterPath;

/// VectorPaint: what the painters need to draw onto a vector device (an SVG, a PDF, a
/// QPicture) as shapes and text. On the screen the cluster's painters blit pixmaps they
/// cached; on a vector device they draw the same shapes directly (isVector), so that a
/// picture for a slide stays sharp at any scale. Pattern brushes are drawn as shapes too
/// (fillPattern): QSvgGenerator writes them as an SVG <pattern> with a mask, which SVG
/// Tiny renderers (QSvgRenderer among them) leave out, so the hatch would vanish there.
namespace widgets::VectorPaint {

/// isVector tells whether painter draws on a vector device: an SVG, a PDF (printers
/// too) or a QPicture.
bool isVector(const QPainter &painter);

/// blitsWholePixels tells whether painter can take a sprite made at an offset within a
/// device pixel and blitted at a whole one: a raster device, with a transform that moves
/// by whole device pixels at most (not a vector device, nor a scaled export).
bool blitsWholePixels(const QPainter &painter);

/// fillPattern fills path with a pattern brush as shapes: the lines of a hatch
/// (horizontal, vertical, diagonal or crossed; as far apart and as thick as the raster
/// pattern's, in logical pixels), or, for a dotted pattern, the brush's colour made as
/// transparent as the pattern is sparse. For a vector device; a raster one fills with
/// the brush itself.
void fillPattern(QPainter &painter, const QPainterPath &path, const QBrush &brush);

/// patternCoverage is the fraction of pixels a raster pattern of `style` covers.
qreal patternCoverage(Qt::BrushStyle style);

} // namespace widgets::VectorPaint
