#pragma once

#include "raft/types.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPixmap>

#include <cstdint>

namespace widgets {

/// TimelineGlyphs draws the timeline's marks, each with a shape of its own as well as
/// a colour so that the strip reads in greyscale, and keeps each drawing as a sprite:
/// marks are drawn by the thousand, so each glyph is painted once and blitted after
/// that, until the lanes' size, the font or the screen changes.
class TimelineGlyphs {
public:
    /// Glyph is a mark's picture.
    enum class Glyph : std::uint8_t { Request, Action, Pause, Crash, Restart, Election, Violation };

    /// sprite returns the picture of a glyph (an election's shows its term) for marks
    /// of radius termRadius (elections, violations) or userRadius (the rest), centred
    /// in the pixmap.
    const QPixmap &sprite(Glyph glyph, raft::Term term, double termRadius, double userRadius, qreal dpr);
    /// setFont sets the font of the elections' term numbers.
    void setFont(const QFont &font);
    /// clear drops every sprite.
    void clear() { m_sprites.clear(); }

private:
    QHash<quint64, QPixmap> m_sprites;
    double m_termRadius = 0;
    double m_userRadius = 0;
    qreal m_dpr = 0;
    QFont m_font;
};

} // namespace widgets
