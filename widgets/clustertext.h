#pragma once

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPointF>
#include <QSizeF>
#include <QStaticText>
#include <QString>

#include <array>

class QPainter;

namespace widgets {

/// ClusterText holds the cluster picture's fonts, sized for the disc radius, and the
/// texts drawn with them laid out once (QStaticText) so that a frame only blits them.
class ClusterText {
public:
    enum class Font { Term, Caption, Name, Small, SmallBold };

    /// setRadius makes the fonts for a disc radius r; it returns true (and forgets
    /// every laid-out text) when they changed.
    bool setRadius(qreal r);
    /// clear forgets the laid-out texts (after a change of language or font).
    void clear();
    /// size is the size of text in font kind.
    QSizeF size(Font kind, const QString &text);
    /// draw draws text in font kind, centred on centre.
    void draw(QPainter &painter, Font kind, const QString &text, QPointF centre, const QColor &colour);
    /// font is the font of kind.
    const QFont &font(Font kind) const { return m_fonts[static_cast<std::size_t>(kind)]; }

    /// kTermFont, kCaptionFont: the term's and the caption's font size, of the radius.
    static constexpr qreal kTermFont = 0.64;
    static constexpr qreal kCaptionFont = 0.22;

private:
    const QStaticText &prepared(Font kind, const QString &text);

    qreal m_radius = -1;
    std::array<QFont, 5> m_fonts;
    std::array<QHash<QString, QStaticText>, 5> m_texts;
};

} // namespace widgets
