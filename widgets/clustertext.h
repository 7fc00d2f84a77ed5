#pragma once

#include "widgets/clusterlayout.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPointF>
#include <QSizeF>
#include <QStaticText>
#include <QString>

#include <array>
#include <vector>

class QPainter;

namespace widgets {

/// ClusterText holds the cluster picture's fonts, sized for the disc radius, and the
/// texts drawn with them laid out once (QStaticText) so that a frame only blits them.
class ClusterText {
public:
    enum class Font { Term, Caption, Name, Small, SmallBold };

    /// setRadius makes the fonts for a disc radius r in `style`; it returns true (and
    /// forgets every laid-out text) when they changed.
    bool setRadius(qreal r, const ClusterLayout::Style &style = ClusterStyle());
    /// clear forgets the laid-out texts (after a change of language or font).
    void clear();
    /// size is the size of text in font kind.
    QSizeF size(Font kind, const QString &text);
    /// draw draws text in font kind, centred on centre.
    void draw(QPainter &painter, Font kind, const QString &text, QPointF centre, const QColor &colour);
    /// ink is the box of text's glyphs where draw() puts them, centred on centre.
    QRectF ink(Font kind, const QString &text, QPointF centre);
    /// font is the font of kind.
    const QFont &font(Font kind) const { return m_fonts[static_cast<std::size_t>(kind)]; }

    /// kTermFont, kCaptionFont: the term's and the caption's font size, of the radius.
    static constexpr qreal kTermFont = 0.64;
    static constexpr qreal kCaptionFont = 0.22;

    /// makeFont is a font of `pixels` pixels (at least 6), antialiased.
    static QFont makeFont(qreal pixels, bool bold);

    /// Probe records the pixel size of every font the cluster's painters draw text
    /// with while it lives (tests: the smallest text of a frame). Painters report each
    /// text they draw with noteDrawn; one probe at a time.
    class Probe {
    public:
        Probe();
        ~Probe();
        Probe(const Probe &) = delete;
        Probe &operator=(const Probe &) = delete;
        /// sizes lists the pixel size of each text drawn, in the order drawn.
        const std::vector<int> &sizes() const { return m_sizes; }

    private:
        friend class ClusterText;
        std::vector<int> m_sizes;
    };
    /// noteDrawn tells the probe, if there is one, that text is drawn with `font`.
    static void noteDrawn(const QFont &font);

private:
    const QStaticText &prepared(Font kind, const QString &text);

    qreal m_radius = -1;
    ClusterLayout::Style m_style;
    std::array<QFont, 5> m_fonts;
    std::array<QHash<QString, QStaticText>, 5> m_texts;
};

} // namespace widgets
