#include "widgets/logheader.h"

#include "widgets/clusterpalette.h"
#include "widgets/logmodel.h"
#include "widgets/vectorpaint.h"

#include <QAbstractButton>
#include <QEvent>
#include <QLinearGradient>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionHeader>
#include <QStyleOptionSlider>
#include <QTableView>

namespace widgets {

LogHeader::LogHeader(Qt::Orientation orientation, QWidget *parent)
    : QHeaderView(orientation, parent)
{
    // As QTableView sets up the headers it makes itself.
    setSectionsClickable(true);
    setHighlightSections(true);
}

void LogHeader::install(QTableView *table)
{
    auto *top = new LogHeader(Qt::Horizontal, table);
    table->setHorizontalHeader(top);
    table->setVerticalHeader(new LogHeader(Qt::Vertical, table));
    // The corner button, above the row header: the only QAbstractButton of the table.
    if (auto *corner = table->findChild<QAbstractButton *>(QString(), Qt::FindDirectChildrenOnly))
        corner->installEventFilter(top);
    table->horizontalScrollBar()->installEventFilter(top);
    table->verticalScrollBar()->installEventFilter(top);
}

bool LogHeader::eventFilter(QObject *watched, QEvent *event)
{
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || event->type() != QEvent::Paint)
        return QHeaderView::eventFilter(watched, event);
    QPainter painter(widget);
    if (!VectorPaint::isVector(painter))
        return QHeaderView::eventFilter(watched, event);
    if (auto *bar = qobject_cast<QScrollBar *>(widget))
        paintScrollBar(painter, *bar);
    else
        paintPlain(painter, widget->rect(), widget->palette(), Qt::Horizontal);
    return true;
}

void LogHeader::paintScrollBar(QPainter &painter, const QScrollBar &bar)
{
    // The track and the handle where the style puts it; no arrows (the styles blit
    // them from pixmaps).
    QStyleOptionSlider option;
    option.initFrom(&bar);
    option.orientation = bar.orientation();
    option.minimum = bar.minimum();
    option.maximum = bar.maximum();
    option.sliderPosition = bar.sliderPosition();
    option.sliderValue = bar.value();
    option.singleStep = bar.singleStep();
    option.pageStep = bar.pageStep();
    option.subControls = QStyle::SC_All;
    const QRect handle = bar.style()->subControlRect(QStyle::CC_ScrollBar, &option, QStyle::SC_ScrollBarSlider, &bar);
    painter.fillRect(bar.rect(), bar.palette().window());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(bar.palette().window().color().darker(140));
    painter.setBrush(bar.palette().button());
    painter.drawRoundedRect(QRectF(handle).adjusted(1.5, 1.5, -1.5, -1.5), 3, 3);
}

void LogHeader::paintPlain(QPainter &painter, const QRect &rect, const QPalette &palette, Qt::Orientation orientation)
{
    // A light band, a shade darker at its foot, with a rule under it (and beside it
    // between the indexes along the top).
    const QColor button = palette.button().color();
    QLinearGradient shade(rect.topLeft(), rect.bottomLeft());
    shade.setColorAt(0, button.lighter(104));
    shade.setColorAt(1, button.darker(104));
    painter.save();
    painter.fillRect(rect, shade);
    QColor rule = palette.window().color().darker(140);
    painter.setPen(rule);
    painter.drawLine(rect.bottomLeft(), rect.bottomRight());
    rule.setAlpha(110);
    painter.setPen(rule);
    if (orientation == Qt::Horizontal)
        painter.drawLine(rect.topRight(), rect.bottomRight() - QPoint(0, 1));
    else
        painter.drawLine(rect.topRight(), rect.bottomRight());
    painter.restore();
}

void LogHeader::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (!VectorPaint::isVector(*painter) || !model()) {
        QHeaderView::paintSection(painter, rect, logicalIndex);
        return;
    }
    // What QHeaderView::paintSection would draw, as shapes: the section, the server's
    // disc where the style puts the icon (LogModel's roleIcon draws the same disc),
    // and the text where the style puts it, moved right past the icon.
    painter->save();
    const QVariant font = model()->headerData(logicalIndex, orientation(), Qt::FontRole);
    if (font.canConvert<QFont>())
        painter->setFont(qvariant_cast<QFont>(font));
    QStyleOptionHeaderV2 option;
    initStyleOption(&option);
    initStyleOptionForIndex(&option, logicalIndex);
    option.rect = rect;
    option.fontMetrics = QFontMetrics(painter->font());
    paintPlain(*painter, rect, option.palette, orientation());
    QRect textRect = style()->subElementRect(QStyle::SE_HeaderLabel, &option, this);
    const QVariant role = model()->headerData(logicalIndex, orientation(), LogModel::ServerRoleRole);
    if (!option.icon.isNull() && role.isValid()) {
        const int extent = style()->pixelMetric(QStyle::PM_SmallIconSize, &option, this);
        const QRect icon = QStyle::alignedRect(option.direction, option.iconAlignment, QSize(extent, extent), textRect);
        const auto status = static_cast<raft::NodeStatus>(
            model()->headerData(logicalIndex, orientation(), LogModel::StatusRole).toInt());
        NodeLook look;
        look.role = static_cast<raft::Role>(role.toInt());
        look.crashed = status == raft::NodeStatus::Crashed;
        look.paused = status == raft::NodeStatus::Paused;
        painter->setRenderHint(QPainter::Antialiasing);
        ClusterPalette::drawNodeDisc(*painter, QRectF(icon).center(), extent * 0.36, look);
        const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, &option, this);
        if (option.direction == Qt::LeftToRight)
            textRect.setLeft(textRect.left() + extent + margin);
        else
            textRect.setRight(textRect.right() - extent - margin);
    }
    if (option.state.testFlag(QStyle::State_On)) {
        // A highlighted section's text is bold, as the styles draw it.
        QFont bold = painter->font();
        bold.setBold(true);
        painter->setFont(bold);
        option.fontMetrics = QFontMetrics(bold);
    }
    style()->drawItemText(painter, textRect, static_cast<int>(option.textAlignment), option.palette,
                          option.state.testFlag(QStyle::State_Enabled),
                          option.fontMetrics.elidedText(option.text, option.textElideMode, textRect.width() - 4),
                          QPalette::ButtonText);
    painter->restore();
}

} // namespace widgets
