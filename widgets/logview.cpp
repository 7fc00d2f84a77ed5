#include "logview.h"

#include "clusterlayout.h"
#include "clusterpalette.h"
#include "clustertext.h"
#include "eventtext.h"
#include "logmodel.h"
#include "logheader.h"
#include "selection.h"
#include "simulationsource.h"
#include "vectorpaint.h"

#include <QEvent>
#include <QFontInfo>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace widgets {

namespace {

/// smaller is `font` at `factor` of its size (at least 8 px), but never under the
/// presentation floor (ClusterLayout::kPresentationText, 24 px) when `font` itself is
/// at least that large: the back row reads every text of the grid.
QFont smaller(QFont font, double factor)
{
    constexpr int kFloor = static_cast<int>(ClusterLayout::kPresentationText);
    const int pixels = QFontInfo(font).pixelSize();
    int wanted = std::max(8, static_cast<int>(pixels * factor + 0.5));
    if (pixels >= kFloor)
        wanted = std::max(wanted, kFloor);
    font.setPixelSize(wanted);
    return font;
}

/// narrowCell is a cell that shows the term only, at the font of `metrics`.
QSize narrowCell(const QFontMetrics &metrics)
{
    return {std::max(30, metrics.horizontalAdvance(QStringLiteral("99")) + 14), std::max(26, metrics.height() + 10)};
}

/// wideCell is a cell with room for the term over a short command ("x=12", "del k").
QSize wideCell(const QFontMetrics &metrics)
{
    return {std::max(52, metrics.horizontalAdvance(QStringLiteral("del k12")) + 10),
            std::max(40, metrics.height() * 2 + 10)};
}

/// CellLook is what decides how one log cell is painted.
struct CellLook {
    bool hasEntry = false;
    raft::Term term = 0;
    /// command: the entry's short command, drawn under the term ("" draws the term alone).
    QString command;
    bool showCommand = false;
    bool committed = false;
    bool commitMark = false;
    bool matchMark = false;
    bool nextMark = false;
    bool crashed = false;
    bool selected = false;
    /// empty: draw a faint outline where an entry could go (legend samples).
    bool empty = false;
};

/// paintEntry paints the entry box of a cell: its term's colour, solid when
/// committed, pale with a dashed edge when not, and the term number.
void paintEntry(QPainter &painter, const QRectF &rect, const CellLook &look, const QFont &font)
{
    const QRectF box = rect.adjusted(2.5, 3.5, -2.5, -3.5);
    QColor fill = LogModel::termColor(look.term);
    QColor edge = fill.darker(170);
    if (look.crashed) {
        fill = QColor::fromHsl(fill.hslHue(), 20, 200);
        edge = ClusterPalette::crashedCellEdge();
    }
    if (look.committed) {
        painter.setPen(QPen(edge, 1.2));
        painter.setBrush(fill);
    } else {
        // Not committed: a pale fill and a dashed edge — it may still be overwritten.
        QColor pale = fill;
        pale.setAlpha(70);
        painter.setPen(QPen(edge, 1.4, Qt::DashLine));
        painter.setBrush(pale);
    }
    painter.drawRoundedRect(box, 3, 3);
    painter.setPen(look.crashed ? ClusterPalette::crashedCellInk() : ClusterPalette::ink());
    if (!look.showCommand) {
        painter.setFont(font);
        ClusterText::noteDrawn(font);
        painter.drawText(box, Qt::AlignCenter, QString::number(look.term));
        return;
    }
    // The term on top (small, bold: it is also the colour), the command under it.
    QFont termFont = smaller(font, 0.8);
    termFont.setBold(true);
    ClusterText::noteDrawn(termFont);
    ClusterText::noteDrawn(font);
    const QRectF top(box.left(), box.top(), box.width(), box.height() * 0.45);
    const QRectF bottom(box.left() + 2, top.bottom(), box.width() - 4, box.bottom() - top.bottom());
    painter.setFont(termFont);
    painter.drawText(top, Qt::AlignCenter, QString::number(look.term));
    painter.setFont(font);
    const QString command = look.command.isEmpty() ? QStringLiteral("·") : look.command;
    painter.drawText(bottom, Qt::AlignHCenter | Qt::AlignTop,
                     QFontMetrics(font).elidedText(command, Qt::ElideRight, static_cast<int>(bottom.width())));
}

/// paintSelection paints the background of a selected cell: behind the entry, so that
/// a selected row keeps its terms' colours.
void paintSelection(QPainter &painter, const QRectF &rect)
{
    painter.fillRect(rect, ClusterPalette::cellSelection());
}

/// paintMarks paints what sits on top of a cell: the commitIndex bar and the leader's
/// matchIndex (▲) and nextIndex (▽) for the row's follower.
void paintMarks(QPainter &painter, const QRectF &rect, const CellLook &look)
{
    const QColor leaderColour = ClusterPalette::roleFill(raft::Role::Leader);
    if (look.empty && !look.hasEntry) {
        painter.setPen(QPen(ClusterPalette::emptyCellEdge(), 1.0, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(rect.adjusted(2.5, 3.5, -2.5, -3.5), 3, 3);
    }
    if (look.commitMark) {
        // commitIndex: a bold bar on the right edge of the last committed entry.
        painter.setPen(Qt::NoPen);
        painter.setBrush(ClusterPalette::ink());
        painter.drawRoundedRect(QRectF(rect.right() - 3.0, rect.top() + 1.0, 3.0, rect.height() - 2.0), 1, 1);
    }
    if (look.matchMark) {
        // The leader's matchIndex for this follower: a filled triangle at the bottom.
        const qreal cx = rect.center().x();
        const qreal y = rect.bottom();
        QPainterPath tri;
        tri.moveTo(cx - 5, y);
        tri.lineTo(cx + 5, y);
        tri.lineTo(cx, y - 6);
        tri.closeSubpath();
        painter.setPen(QPen(Qt::white, 0.8));
        painter.setBrush(leaderColour);
        painter.drawPath(tri);
    }
    if (look.nextMark) {
        // The leader's nextIndex for this follower: a hollow triangle at the top.
        const qreal cx = rect.center().x();
        const qreal y = rect.top();
        QPainterPath tri;
        tri.moveTo(cx - 5, y + 0.5);
        tri.lineTo(cx + 5, y + 0.5);
        tri.lineTo(cx, y + 6.5);
        tri.closeSubpath();
        painter.setPen(QPen(leaderColour, 1.4));
        painter.setBrush(Qt::white);
        painter.drawPath(tri);
    }
}

/// paintSnapshot paints a log's compacted prefix as one block (§7): "snapshot ≤ 12,
/// term 2" across the cells it replaced (the view spans them into one).
void paintSnapshot(QPainter &painter, const QRectF &rect, quint64 index, quint64 term, const QFont &font)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF box = rect.adjusted(2.5, 3.5, -2.5, -3.5);
    painter.setPen(QPen(ClusterPalette::snapshotEdge(), 1.2));
    painter.setBrush(ClusterPalette::snapshotFill());
    painter.drawRoundedRect(box, 3, 3);
    QColor hatch = ClusterPalette::snapshotEdge(); // a faint hatch: "compacted"
    hatch.setAlpha(70);
    if (VectorPaint::isVector(painter)) {
        QPainterPath plate;
        plate.addRoundedRect(box, 3, 3);
        VectorPaint::fillPattern(painter, plate, QBrush(hatch, Qt::BDiagPattern));
    } else {
        painter.setBrush(QBrush(hatch, Qt::BDiagPattern));
        painter.drawRoundedRect(box, 3, 3);
    }
    painter.setPen(ClusterPalette::ink());
    painter.setFont(font);
    ClusterText::noteDrawn(font);
    const QFontMetrics metrics(font);
    QString text = LogView::tr("snapshot ≤ %1, term %2").arg(index).arg(term);
    if (metrics.horizontalAdvance(text) > box.width() - 4)
        text = LogView::tr("≤ %1").arg(index);
    painter.drawText(box, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, static_cast<int>(box.width())));
    painter.restore();
}

/// paintCell paints one cell of the grid; the legend uses it too, so the legend
/// shows exactly what the grid shows.
void paintCell(QPainter &painter, const QRectF &rect, const CellLook &look, const QFont &font)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (look.hasEntry)
        paintEntry(painter, rect, look, font);
    paintMarks(painter, rect, look);
    painter.restore();
}

} // namespace

/// LogCellDelegate paints the model's cells. The entry boxes come from a cache of
/// small pixmaps (one per term, command, commit state and size), so that a frame costs
/// a blit per visible cell however long the logs grow; the marks are painted on top.
class LogCellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setCell(QSize size, bool showCommands)
    {
        m_size = size;
        m_showCommands = showCommands;
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        CellLook look;
        look.hasEntry = index.data(LogModel::HasEntryRole).toBool();
        look.term = index.data(LogModel::TermRole).toULongLong();
        look.showCommand = m_showCommands;
        if (m_showCommands)
            look.command = LogModel::shortCommand(index.data(LogModel::CommandRole).toString());
        look.committed = index.data(LogModel::CommittedRole).toBool();
        look.commitMark = index.data(LogModel::CommitIndexRole).toBool();
        look.matchMark = index.data(LogModel::MatchIndexRole).toBool();
        look.nextMark = index.data(LogModel::NextIndexRole).toBool();
        look.crashed = index.data(LogModel::StatusRole).toInt() == static_cast<int>(raft::NodeStatus::Crashed);
        look.selected = option.state.testFlag(QStyle::State_Selected);
        if (look.selected)
            paintSelection(*painter, option.rect);
        if (const quint64 snapshot = index.data(LogModel::SnapshotRole).toULongLong()) {
            paintSnapshot(*painter, option.rect, snapshot, index.data(LogModel::SnapshotTermRole).toULongLong(),
                          option.font);
            return;
        }
        if (look.hasEntry && VectorPaint::isVector(*painter)) {
            // On a vector device (an SVG for slides): the entry's shapes and text.
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing, true);
            paintEntry(*painter, QRectF(option.rect), look, option.font);
            painter->restore();
        } else if (look.hasEntry) {
            painter->drawPixmap(
                option.rect.topLeft(),
                entryPixmap(look, option.rect.size(), painter->device()->devicePixelRatioF(), option.font));
        }
        if (look.commitMark || look.matchMark || look.nextMark) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing, true);
            paintMarks(*painter, option.rect, look);
            painter->restore();
        }
        if (index.data(LogModel::ViolationRole).toBool()) {
            // The alarm: the entry a broken property names, framed in the alarm colour.
            painter->save();
            painter->setPen(QPen(ClusterPalette::alarm(), 3));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5));
            painter->restore();
        }
    }

    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const override { return m_size; }

private:
    const QPixmap &entryPixmap(const CellLook &look, QSize size, qreal dpr, const QFont &font) const
    {
        const QString key = QStringLiteral("%1/%2/%3/%4x%5@%6/%7/%8")
                                .arg(look.term)
                                .arg(look.committed ? 1 : 0)
                                .arg(look.crashed ? 1 : 0)
                                .arg(size.width())
                                .arg(size.height())
                                .arg(dpr)
                                .arg(font.key(), look.showCommand ? look.command : QStringLiteral("-"));
        auto it = m_cache.find(key);
        if (it != m_cache.end())
            return it.value();
        if (m_cache.size() > 2048)
            m_cache.clear();
        QPixmap pixmap(size * dpr);
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing, true);
        paintEntry(p, QRectF(QPointF(0, 0), QSizeF(size)), look, font);
        p.end();
        return m_cache.insert(key, pixmap).value();
    }

    mutable QHash<QString, QPixmap> m_cache;
    QSize m_size{30, 26};
    bool m_showCommands = false;
};

/// LogLegend is the strip under the grid that explains its marks with sample cells.
class LogLegend : public QWidget {
public:
    explicit LogLegend(QWidget *parent)
        : QWidget(parent)
    {
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    }

    QSize sizeHint() const override { return {400, cell().height() + 6}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QFont small = smaller(font(), 0.92);
        painter.setFont(small);
        ClusterText::noteDrawn(small);
        const QFontMetrics metrics(small);
        qreal x = 6;
        const qreal top = 3;
        const QSize size = cell();
        auto item = [&](const CellLook &look, const QString &text) {
            const QRectF box(x, top, size.width(), size.height());
            paintCell(painter, box, look, small);
            x += size.width() + 4;
            painter.setPen(palette().color(QPalette::WindowText));
            const int width = metrics.horizontalAdvance(text);
            painter.drawText(QRectF(x, top, width + 2, size.height()), Qt::AlignVCenter | Qt::AlignLeft, text);
            x += width + 16;
        };
        CellLook committed;
        committed.hasEntry = true;
        committed.term = 2;
        committed.committed = true;
        item(committed, LogView::tr("committed entry (term 2)"));
        CellLook pending = committed;
        pending.committed = false;
        item(pending, LogView::tr("not yet committed"));
        CellLook commit = committed;
        commit.commitMark = true;
        item(commit, LogView::tr("commitIndex"));
        CellLook match = committed;
        match.matchMark = true;
        item(match, LogView::tr("leader's matchIndex"));
        CellLook next;
        next.nextMark = true;
        next.empty = true;
        item(next, LogView::tr("leader's nextIndex"));
        // §7: the compacted prefix, one block.
        const QRectF block(x, top, size.width() * 1.6, size.height());
        paintSnapshot(painter, block, 12, 2, small);
        x += block.width() + 4;
        const QString snapshotText = LogView::tr("snapshot: entries compacted away");
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(x, top, metrics.horizontalAdvance(snapshotText) + 2, size.height()),
                         Qt::AlignVCenter | Qt::AlignLeft, snapshotText);
    }

private:
    /// cell: the legend's sample cells are the grid's own (term only).
    QSize cell() const { return narrowCell(QFontMetrics(font())); }
};

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_table(new QTableView(this))
    , m_legend(new LogLegend(this))
{
    setObjectName(QStringLiteral("logView"));
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_model);
    m_delegate = new LogCellDelegate(m_table);
    m_table->setItemDelegate(m_delegate);
    m_table->setShowGrid(false);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setWordWrap(false);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setStyleSheet(QStringLiteral("QTableView { background: #fbfcfd; }"));

    LogHeader::install(m_table);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Fixed);
    columns->setHighlightSections(false);
    QHeaderView *rows = m_table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_legend);

    connect(m_table->horizontalScrollBar(), &QScrollBar::actionTriggered, this, &LogView::onScrollAction);
    // Columns arrive as logs grow: keep the tail in sight if the user wants it, and the
    // selected rows highlighted to their end.
    connect(m_model, &QAbstractItemModel::columnsInserted, this, [this] {
        updateCellSize();
        if (m_followTail)
            scrollToTail();
        if (m_selection)
            showSelection();
    });
    connect(m_model, &QAbstractItemModel::columnsRemoved, this, &LogView::updateCellSize);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LogView::updateCellSize);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LogView::onUserSelection);
    updateCellSize();
}

void LogView::updateCellSize()
{
    // The style-sheeted table keeps the font it was polished with unless told.
    if (m_table->font() != font())
        m_table->setFont(font());
    const QFontMetrics metrics(font());
    const QSize wide = wideCell(metrics);
    // Room for the commands: every index fits the width at the wide size.
    const int columns = std::max(1, m_model->columnCount());
    // The view's own width less the rows' header: the viewport may not be laid out yet.
    const QHeaderView *rowHeader = m_table->verticalHeader();
    const int available = width() - std::max(rowHeader->minimumWidth(), rowHeader->sizeHint().width())
        - 2 * m_table->frameWidth();
    const bool showCommands = columns * wide.width() <= available;
    const QSize cell = showCommands ? wide : narrowCell(metrics);
    if (cell == m_cellSize && showCommands == m_showCommands
        && m_table->verticalHeader()->defaultSectionSize() == cell.height())
        return;
    m_cellSize = cell;
    m_showCommands = showCommands;
    m_delegate->setCell(cell, showCommands);
    QHeaderView *columnsHeader = m_table->horizontalHeader();
    columnsHeader->setFont(smaller(font(), 0.85));
    columnsHeader->setMinimumSectionSize(cell.width());
    columnsHeader->setDefaultSectionSize(cell.width());
    QHeaderView *rows = m_table->verticalHeader();
    rows->setFont(font());
    rows->setMinimumSectionSize(cell.height());
    rows->setDefaultSectionSize(cell.height());
    rows->setMinimumWidth(std::max(110, metrics.horizontalAdvance(QStringLiteral("S9 candidate")) + 30));
    m_legend->updateGeometry();
    m_table->viewport()->update();
    Q_EMIT cellSizeChanged();
}

void LogView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateCellSize();
}

void LogView::setSource(const SimulationSource *source)
{
    setSimulation(&source->simulation());
    connect(source, &SimulationSource::structureChanged, this,
            [this, source] { setSimulation(&source->simulation()); });
    connect(source, &SimulationSource::advanced, this, &LogView::refresh);
}

void LogView::setSelection(Selection *selection)
{
    m_selection = selection;
    connect(selection, &Selection::changed, this, &LogView::showSelection);
    showSelection();
}

void LogView::setSimulation(const raft::Simulation *simulation)
{
    const QScopedValueRollback updating(m_updating, true);
    m_model->setSimulation(simulation);
    m_table->clearSpans();
    m_spans.clear();
    updateSnapshotSpans();
    m_followTail = true;
    scrollToTail();
}

void LogView::refresh()
{
    const QScopedValueRollback updating(m_updating, true);
    m_model->refresh();
    updateSnapshotSpans();
}

void LogView::updateSnapshotSpans()
{
    const int rows = m_model->rowCount();
    m_spans.resize(static_cast<std::size_t>(rows), 0);
    for (int row = 0; row < rows; ++row) {
        const raft::Index snapshot = std::min<raft::Index>(m_model->snapshotIndex(row), m_model->columnCount());
        raft::Index &span = m_spans[static_cast<std::size_t>(row)];
        if (snapshot == span)
            continue;
        if (span > 1)
            m_table->setSpan(row, 0, 1, 1);
        if (snapshot > 1)
            m_table->setSpan(row, 0, 1, static_cast<int>(snapshot));
        span = snapshot;
    }
}

void LogView::showSelection()
{
    const std::vector<raft::NodeId> &nodes = m_selection->nodes();
    setHighlightedNodes(QList<raft::NodeId>(nodes.begin(), nodes.end()));
}

void LogView::onUserSelection()
{
    if (m_updating || !m_selection)
        return;
    std::vector<raft::NodeId> nodes;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes())
        nodes.push_back(static_cast<raft::NodeId>(index.row() + 1));
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    // The row clicked last is the main one.
    const auto current = static_cast<raft::NodeId>(m_table->currentIndex().row() + 1);
    if (const auto at = std::find(nodes.begin(), nodes.end(), current); at != nodes.end())
        std::rotate(nodes.begin(), at, at + 1);
    m_selection->selectNodes(nodes);
}

void LogView::setHighlightedNodes(const QList<raft::NodeId> &nodes)
{
    const QScopedValueRollback updating(m_updating, true);
    QItemSelection selection;
    const int lastColumn = m_model->columnCount() - 1;
    for (raft::NodeId id : nodes) {
        const int row = id - 1;
        if (row < 0 || row >= m_model->rowCount() || lastColumn < 0)
            continue;
        selection.select(m_model->index(row, 0), m_model->index(row, lastColumn));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void LogView::onScrollAction()
{
    // The slider position already reflects the user's action (the value follows).
    const QScrollBar *bar = m_table->horizontalScrollBar();
    m_followTail = bar->sliderPosition() >= bar->maximum() - m_cellSize.width() / 2;
}

void LogView::scrollToTail()
{
    const int columns = m_model->columnCount();
    if (columns <= 0)
        return;
    m_table->scrollTo(m_model->index(0, columns - 1), QAbstractItemView::PositionAtBottom);
    m_table->horizontalScrollBar()->setValue(m_table->horizontalScrollBar()->maximum());
}

void LogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::FontChange)
        updateCellSize();
    QWidget::changeEvent(event);
}

void LogView::retranslateUi()
{
    m_model->retranslate();
    m_legend->update();
}

} // namespace widgets
