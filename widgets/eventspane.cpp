#include "eventspane.h"
#include "widgets/simulationsource.h"

#include "eventmodel.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace widgets {

EventsPane::EventsPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new EventModel(this))
    , m_table(new QTableView(this))
    , m_showRoutine(new QCheckBox(this))
    , m_count(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("eventsPane"));
    m_table->setObjectName(QStringLiteral("eventsTable"));
    m_showRoutine->setObjectName(QStringLiteral("showRoutineCheck"));
    m_table->setModel(m_model);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setCornerButtonEnabled(false);
    // Uniform row heights keep a table of 100,000 events as fast as one of ten.
    QHeaderView *rows = m_table->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(EventModel::TimeColumn, QHeaderView::Fixed);
    columns->setSectionResizeMode(EventModel::NodeColumn, QHeaderView::Fixed);
    columns->setSectionResizeMode(EventModel::EventColumn, QHeaderView::Stretch);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setHighlightSections(false);

    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->addWidget(m_showRoutine);
    bar->addStretch(1);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_detail);

    m_detail->setObjectName(QStringLiteral("eventDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMargin(6);
    // A fixed height: a new sentence every frame must not re-lay out the dock.
    m_detail->setFixedHeight(m_detail->fontMetrics().lineSpacing() * 3 + 14);
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_detail->setStyleSheet(QStringLiteral("QLabel { background: #f3f6f9; border-top: 1px solid #d3d9df; }"));

    connect(m_showRoutine, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setShowRoutine(on);
        m_followTail = true;
        m_table->scrollToBottom();
        updateCount();
    });
    connect(m_table, &QTableView::clicked, this, &EventsPane::onClicked);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EventsPane::updateDetail);
    connect(m_table->verticalScrollBar(), &QScrollBar::actionTriggered, this, &EventsPane::onScrollAction);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followTail)
            m_table->scrollToBottom();
    });
    retranslateUi();
}

void EventsPane::setSimulation(const raft::Simulation *simulation)
{
    m_model->setSimulation(simulation);
    m_followTail = true;
    m_table->scrollToBottom();
    updateCount();
    updateDetail();
}

void EventsPane::setTrace(const raft::Trace *trace, std::size_t visible, std::uint64_t generation)
{
    m_model->setTrace(trace, visible, generation);
    m_followTail = true;
    m_table->scrollToBottom();
    updateCount();
    updateDetail();
}

void EventsPane::setVisibleCount(std::size_t visible, std::uint64_t generation)
{
    const int before = m_model->rowCount();
    const std::size_t shownBefore = m_model->visibleCount();
    m_model->setVisibleCount(visible, generation);
    if (m_model->rowCount() != before || m_model->visibleCount() < shownBefore) {
        if (m_followTail)
            m_table->scrollToBottom();
        updateCount();
        updateDetail();
    }
}

void EventsPane::refresh()
{
    const int before = m_model->rowCount();
    m_model->refresh();
    if (m_model->rowCount() != before) {
        updateCount();
        updateDetail();
    }
}

void EventsPane::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    int row = current.isValid() ? current.row() : m_model->rowCount() - 1;
    QString text;
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, EventModel::EventColumn);
        text = tr("<b>%1</b> %2")
                   .arg(m_model->index(row, EventModel::TimeColumn).data().toString().toHtmlEscaped(),
                        index.data().toString().toHtmlEscaped());
    }
    if (m_detail->text() != text)
        m_detail->setText(text);
}

void EventsPane::onClicked(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    QList<raft::NodeId> nodes;
    for (int id : index.data(EventModel::NodesRole).value<QList<int>>())
        nodes.append(id);
    // Jump first (the step's banner selects the server that acted), then select every
    // server the clicked line concerns.
    Q_EMIT eventActivated(static_cast<std::size_t>(index.data(EventModel::TraceIndexRole).toULongLong()));
    Q_EMIT nodesActivated(nodes);
}

void EventsPane::onScrollAction()
{
    const QScrollBar *bar = m_table->verticalScrollBar();
    m_followTail = bar->sliderPosition() >= bar->maximum();
    if (m_followTail && m_table->currentIndex().isValid()) {
        // Back at the bottom: the detail follows the newest event again.
        m_table->selectionModel()->clear();
        updateDetail();
    }
}

void EventsPane::updateCount()
{
    m_count->setText(tr("Events: %1").arg(m_model->rowCount()));
}

void EventsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        // The Text Size setting: rows, the sentence under them and the narrow columns
        // follow the new font (the style-sheeted label does not inherit it by itself).
        m_detail->setFont(font());
        m_detail->setFixedHeight(m_detail->fontMetrics().lineSpacing() * 3 + 14);
        m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
        retranslateUi();
    }
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EventsPane::retranslateUi()
{
    // Fit the narrow columns to their header and their widest content.
    QHeaderView *columns = m_table->horizontalHeader();
    const QFontMetrics metrics = columns->fontMetrics();
    auto fit = [&](int column, const QString &widest) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        columns->resizeSection(
            column, std::max(metrics.horizontalAdvance(header), m_table->fontMetrics().horizontalAdvance(widest)) + 16);
    };
    fit(EventModel::TimeColumn, QStringLiteral("000.000 s"));
    fit(EventModel::NodeColumn, QStringLiteral("S9"));
    // Room for a six-digit count, so that a growing count never re-lays out the pane.
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(tr("Events: %1").arg(999999)) + 8);
    m_showRoutine->setText(tr("Show heartbeats"));
    m_showRoutine->setToolTip(tr("Also list the routine heartbeats and the acknowledgements that change nothing"));
    m_model->retranslate();
    updateCount();
    updateDetail();
}

void EventsPane::setSource(const SimulationSource *source)
{
    const auto showHistory = [this, source] {
        const raft::History &history = source->history();
        setTrace(&history.trace(), history.visibleEvents(), history.generation());
    };
    showHistory();
    connect(source, &SimulationSource::structureChanged, this, showHistory);
    connect(source, &SimulationSource::advanced, this, [this, source] {
        const raft::History &history = source->history();
        setVisibleCount(history.visibleEvents(), history.generation());
    });
}

} // namespace widgets
