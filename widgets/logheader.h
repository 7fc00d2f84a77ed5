#pragma once

#include <QHeaderView>

class QScrollBar;
class QTableView;

namespace widgets {

/// LogHeader is a header of the log grid: the indexes along the top, and along the
/// side each server's name and state beside a small disc drawn as the cluster view
/// draws that server (the model's decoration). On the screen it is a plain
/// QHeaderView. On a vector device (an SVG for slides, VectorPaint::isVector), where
/// the style would blit pixmaps (its cached section backgrounds, the disc's icon, the
/// scroll bars' arrows), it draws each section, the grid's corner button and its
/// scroll bars as shapes, with the disc where the style puts the icon and the text
/// where the style puts it.
class LogHeader : public QHeaderView {
public:
    explicit LogHeader(Qt::Orientation orientation, QWidget *parent = nullptr);

    /// install gives table a LogHeader on both sides, and has the one along the top
    /// paint the table's corner button and scroll bars too on a vector device.
    static void install(QTableView *table);

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// paintScrollBar draws bar's track and handle as shapes.
    static void paintScrollBar(QPainter &painter, const QScrollBar &bar);
    /// paintPlain draws a section's background in `rect` as shapes.
    static void paintPlain(QPainter &painter, const QRect &rect, const QPalette &palette, Qt::Orientation orientation);
};

} // namespace widgets
