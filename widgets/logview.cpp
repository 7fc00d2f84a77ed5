#include "logview.h"

#include "clusterpalette.h"
#include "eventtext.h"
#include "logmodel.h"
#include "selection.h"
#include "simulationsource.h"

#include <QEvent>
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

constexpr int kCellWidth = 30;
constexpr int kCellHeight = 26;

/// CellLook is what decides how one log cell is painted.
struct CellLook {
    bool hasEntry = false;
    raft::Term term = 0;
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
        edge = QColor(140, 140, 140);
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
    painter.setFont(font);
    painter.setPen(look.crashed ? QColor(110, 110, 110) : ClusterPalette::ink());
    painter.drawText(box, Qt::AlignCenter, QString::number(look.term));
}

/// paintSelection paints the background of a selected cell: behind the entry, so that
/// a selected row keeps its terms' colours.
void paintSelection(QPainter &painter, const QRectF &rect)
{
    painter.fillRect(rect, QColor(240, 228, 66, 150));
}

/// paintMarks paints what sits on top of a cell: the commitIndex bar and the leader's
/// matchIndex (▲) and nextIndex (▽) for the row's follower.
void paintMarks(QPainter &painter, const QRectF &rect, const CellLook &look)
{
    const QColor leaderColour = ClusterPalette::roleFill(raft::Role::Leader);
    if (look.empty && !look.hasEntry) {
        painter.setPen(QPen(QColor(0xB0, 0xB8, 0xC0), 1.0, Qt::DotLine));
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

/// LogCellDelegate paints the model's cells. The entry boxes come from a cache of
/// small pixmaps (one per term, commit state and size), so that a frame costs a blit
/// per visible cell however long the logs grow; the marks are painted on top.
class LogCellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        CellLook look;
        look.hasEntry = index.data(LogModel::HasEntryRole).toBool();
        look.term = index.data(LogModel::TermRole).toULongLong();
        look.committed = index.data(LogModel::CommittedRole).toBool();
        look.commitMark = index.data(LogModel::CommitIndexRole).toBool();
        look.matchMark = index.data(LogModel::MatchIndexRole).toBool();
        look.nextMark = index.data(LogModel::NextIndexRole).toBool();
        look.crashed = index.data(LogModel::StatusRole).toInt() == static_cast<int>(raft::NodeStatus::Crashed);
        look.selected = option.state.testFlag(QStyle::State_Selected);
        if (look.selected)
            paintSelection(*painter, option.rect);
        if (look.hasEntry)
            painter->drawPixmap(
                option.rect.topLeft(),
                entryPixmap(look, option.rect.size(), painter->device()->devicePixelRatioF(), option.font));
        if (look.commitMark || look.matchMark || look.nextMark) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing, true);
            paintMarks(*painter, option.rect, look);
            painter->restore();
        }
    }

    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        return {kCellWidth, kCellHeight};
    }

private:
    const QPixmap &entryPixmap(const CellLook &look, QSize size, qreal dpr, const QFont &font) const
    {
        const QString key = QStringLiteral("%1/%2/%3/%4x%5@%6/%7")
                                .arg(look.term)
                                .arg(look.committed ? 1 : 0)
                                .arg(look.crashed ? 1 : 0)
                                .arg(size.width())
                                .arg(size.height())
                                .arg(dpr)
                                .arg(font.key());
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
};

} // namespace

/// LogLegend is the strip under the grid that explains its marks with sample cells.
class LogLegend : public QWidget {
public:
    explicit LogLegend(QWidget *parent)
        : QWidget(parent)
    {
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    }

    QSize sizeHint() const override { return {400, kCellHeight + 6}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.92);
        painter.setFont(small);
        const QFontMetrics metrics(small);
        qreal x = 6;
        const qreal top = 3;
        auto item = [&](const CellLook &look, const QString &text) {
            const QRectF cell(x, top, kCellWidth, kCellHeight);
            paintCell(painter, cell, look, small);
            x += kCellWidth + 4;
            painter.setPen(palette().color(QPalette::WindowText));
            const int width = metrics.horizontalAdvance(text);
            painter.drawText(QRectF(x, top, width + 2, kCellHeight), Qt::AlignVCenter | Qt::AlignLeft, text);
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
    }
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
    m_table->setItemDelegate(new LogCellDelegate(m_table));
    m_table->setShowGrid(false);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setWordWrap(false);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setStyleSheet(QStringLiteral("QTableView { background: #fbfcfd; }"));

    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Fixed);
    columns->setDefaultSectionSize(kCellWidth);
    columns->setMinimumSectionSize(kCellWidth);
    columns->setHighlightSections(false);
    QFont headerFont = columns->font();
    headerFont.setPointSizeF(headerFont.pointSizeF() * 0.85);
    columns->setFont(headerFont);
    QHeaderView *rows = m_table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(kCellHeight);
    rows->setMinimumSectionSize(kCellHeight);
    rows->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    rows->setMinimumWidth(110);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_legend);

    connect(m_table->horizontalScrollBar(), &QScrollBar::actionTriggered, this, &LogView::onScrollAction);
    // Columns arrive as logs grow: keep the tail in sight if the user wants it, and the
    // selected rows highlighted to their end.
    connect(m_model, &QAbstractItemModel::columnsInserted, this, [this] {
        if (m_followTail)
            scrollToTail();
        if (m_selection)
            showSelection();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LogView::onUserSelection);
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
    m_followTail = true;
    scrollToTail();
}

void LogView::refresh()
{
    const QScopedValueRollback updating(m_updating, true);
    m_model->refresh();
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
    m_followTail = bar->sliderPosition() >= bar->maximum() - kCellWidth / 2;
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
    QWidget::changeEvent(event);
}

void LogView::retranslateUi()
{
    m_model->retranslate();
    m_legend->update();
}

} // namespace widgets
