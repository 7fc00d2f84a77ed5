#pragma once

// Small helpers for tests that look at what a widget draws.

#include <QColor>
#include <QImage>
#include <QWidget>

#include <cstdlib>

/// render paints a widget into an image of its size (on black, so nothing is left
/// unpainted by accident).
inline QImage render(QWidget &widget)
{
    QImage image(widget.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::black);
    widget.render(&image);
    return image;
}

/// countColour counts the pixels of image within `tolerance` of colour on each channel.
inline int countColour(const QImage &image, QColor colour, int tolerance = 4)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = line[x];
            if (std::abs(qRed(p) - colour.red()) <= tolerance && std::abs(qGreen(p) - colour.green()) <= tolerance
                && std::abs(qBlue(p) - colour.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}
