#include "widgets/networkpane.h"

#include "widgets/networksides.h"
#include "widgets/simulationsource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {

constexpr int kMaxLatency = 60000;

QString nodeText(raft::NodeId id)
{
    return QString::fromStdString(raft::nodeName(id));
}

/// percentText words a probability as the spin boxes show it: "20", "12.5".
QString percentText(double p)
{
    return QString::number(std::round(p * 1000.0) / 10.0);
}

/// shownMs is a latency as the whole-millisecond boxes show it (at least 1).
int shownMs(raft::Time latency)
{
    return static_cast<int>(std::clamp<long long>(std::llround(raft::toMsDouble(latency)), 1, kMaxLatency));
}

/// msText is a latency in milliseconds, with a decimal part only when it has one.
QString msText(raft::Time latency)
{
    return QString::fromStdString(raft::formatMs(latency));
}

QSpinBox *makeLatencyBox(QWidget *parent, const QString &name)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(1, kMaxLatency);
    box->setKeyboardTracking(false); // report on Enter or focus loss, not per keystroke
    box->setAccelerated(true);
    return box;
}

QDoubleSpinBox *makePercentBox(QWidget *parent, const QString &name)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0.0, 100.0);
    box->setDecimals(1);
    box->setSingleStep(1.0);
    box->setKeyboardTracking(false);
    return box;
}

QSlider *makePercentSlider(QWidget *parent, const QString &name)
{
    auto *slider = new QSlider(Qt::Horizontal, parent);
    slider->setObjectName(name);
    slider->setRange(0, 100);
    slider->setPageStep(10);
    return slider;
}

/// setIfIdle shows value in a control unless the user is editing it.
template <typename Box, typename Value> void setIfIdle(Box *box, Value value)
{
    if (box->hasFocus() || box->value() == value)
        return;
    const QSignalBlocker blocker(box);
    box->setValue(value);
}

} // namespace

NetworkPane::NetworkPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("networkPane"));
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(6, 6, 6, 6);

    // --- the whole network ---
    m_networkBox = new QGroupBox(content);
    m_latencyLabel = new QLabel(m_networkBox);
    m_latencyMin = makeLatencyBox(m_networkBox, QStringLiteral("latencyMin"));
    m_latencyMax = makeLatencyBox(m_networkBox, QStringLiteral("latencyMax"));
    m_lossLabel = new QLabel(m_networkBox);
    m_lossSlider = makePercentSlider(m_networkBox, QStringLiteral("lossSlider"));
    m_lossSpin = makePercentBox(m_networkBox, QStringLiteral("lossSpin"));
    m_duplicateLabel = new QLabel(m_networkBox);
    m_duplicateSlider = makePercentSlider(m_networkBox, QStringLiteral("duplicateSlider"));
    m_duplicateSpin = makePercentBox(m_networkBox, QStringLiteral("duplicateSpin"));
    auto *network = new QGridLayout(m_networkBox);
    auto *latency = new QHBoxLayout;
    latency->addWidget(m_latencyMin, 1);
    latency->addWidget(new QLabel(QStringLiteral("–"), m_networkBox));
    latency->addWidget(m_latencyMax, 1);
    network->addWidget(m_latencyLabel, 0, 0);
    network->addLayout(latency, 0, 1, 1, 2);
    network->addWidget(m_lossLabel, 1, 0);
    network->addWidget(m_lossSlider, 1, 1);
    network->addWidget(m_lossSpin, 1, 2);
    network->addWidget(m_duplicateLabel, 2, 0);
    network->addWidget(m_duplicateSlider, 2, 1);
    network->addWidget(m_duplicateSpin, 2, 2);
    network->setColumnStretch(1, 1);
    column->addWidget(m_networkBox);

    // --- links with conditions of their own ---
    m_linksBox = new QGroupBox(content);
    m_linkTable = new QTableWidget(0, 6, m_linksBox);
    m_linkTable->setObjectName(QStringLiteral("linkTable"));
    m_linkTable->verticalHeader()->setVisible(false);
    m_linkTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_linkTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_linkTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_linkTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_linkTable->horizontalHeader()->setStretchLastSection(false);
    m_linkTable->setMinimumHeight(m_linkTable->fontMetrics().height() * 5);
    m_linkFromLabel = new QLabel(m_linksBox);
    m_linkFrom = new QComboBox(m_linksBox);
    m_linkFrom->setObjectName(QStringLiteral("linkFrom"));
    m_linkToLabel = new QLabel(m_linksBox);
    m_linkTo = new QComboBox(m_linksBox);
    m_linkTo->setObjectName(QStringLiteral("linkTo"));
    m_linkBothWays = new QCheckBox(m_linksBox);
    m_linkBothWays->setObjectName(QStringLiteral("linkBothWays"));
    m_linkLatencyLabel = new QLabel(m_linksBox);
    m_linkLatencyMin = makeLatencyBox(m_linksBox, QStringLiteral("linkLatencyMin"));
    m_linkLatencyMax = makeLatencyBox(m_linksBox, QStringLiteral("linkLatencyMax"));
    m_linkLossLabel = new QLabel(m_linksBox);
    m_linkLoss = makePercentBox(m_linksBox, QStringLiteral("linkLoss"));
    m_linkDuplicateLabel = new QLabel(m_linksBox);
    m_linkDuplicate = makePercentBox(m_linksBox, QStringLiteral("linkDuplicate"));
    m_linkSet = new QPushButton(m_linksBox);
    m_linkSet->setObjectName(QStringLiteral("linkSet"));
    auto *links = new QGridLayout(m_linksBox);
    links->addWidget(m_linkTable, 0, 0, 1, 4);
    auto *ends = new QHBoxLayout;
    ends->addWidget(m_linkFromLabel);
    ends->addWidget(m_linkFrom);
    ends->addWidget(m_linkToLabel);
    ends->addWidget(m_linkTo);
    ends->addWidget(m_linkBothWays);
    ends->addStretch(1);
    links->addLayout(ends, 1, 0, 1, 4);
    auto *linkLatency = new QHBoxLayout;
    linkLatency->addWidget(m_linkLatencyMin, 1);
    linkLatency->addWidget(new QLabel(QStringLiteral("–"), m_linksBox));
    linkLatency->addWidget(m_linkLatencyMax, 1);
    links->addWidget(m_linkLatencyLabel, 2, 0);
    links->addLayout(linkLatency, 2, 1, 1, 3);
    links->addWidget(m_linkLossLabel, 3, 0);
    links->addWidget(m_linkLoss, 3, 1);
    links->addWidget(m_linkDuplicateLabel, 3, 2);
    links->addWidget(m_linkDuplicate, 3, 3);
    links->addWidget(m_linkSet, 4, 3);
    column->addWidget(m_linksBox);

    // --- faults ---
    m_faultsBox = new QGroupBox(content);
    m_faultList = new QListWidget(m_faultsBox);
    m_faultList->setObjectName(QStringLiteral("faultList"));
    m_faultList->setSelectionMode(QAbstractItemView::NoSelection);
    m_faultList->setMinimumHeight(m_faultList->fontMetrics().height() * 4);
    m_quorum = new QLabel(m_faultsBox);
    m_quorum->setObjectName(QStringLiteral("quorumLabel"));
    m_quorum->setWordWrap(true);
    m_heal = new QPushButton(m_faultsBox);
    m_heal->setObjectName(QStringLiteral("healButton"));
    auto *faults = new QVBoxLayout(m_faultsBox);
    faults->addWidget(m_faultList);
    faults->addWidget(m_quorum);
    auto *healRow = new QHBoxLayout;
    healRow->addStretch(1);
    healRow->addWidget(m_heal);
    faults->addLayout(healRow);
    column->addWidget(m_faultsBox);

    // --- statistics ---
    m_statsBox = new QGroupBox(content);
    m_sentLabel = new QLabel(m_statsBox);
    m_sent = new QLabel(m_statsBox);
    m_sent->setObjectName(QStringLiteral("statsSent"));
    m_deliveredLabel = new QLabel(m_statsBox);
    m_delivered = new QLabel(m_statsBox);
    m_delivered->setObjectName(QStringLiteral("statsDelivered"));
    m_droppedLabel = new QLabel(m_statsBox);
    m_dropped = new QLabel(m_statsBox);
    m_dropped->setObjectName(QStringLiteral("statsDropped"));
    auto *stats = new QGridLayout(m_statsBox);
    stats->addWidget(m_sentLabel, 0, 0);
    stats->addWidget(m_sent, 0, 1, Qt::AlignRight);
    stats->addWidget(m_deliveredLabel, 1, 0);
    stats->addWidget(m_delivered, 1, 1, Qt::AlignRight);
    stats->addWidget(m_droppedLabel, 2, 0);
    stats->addWidget(m_dropped, 2, 1, Qt::AlignRight);
    stats->setColumnStretch(0, 1);
    column->addWidget(m_statsBox);
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    // The whole network: a committed change is reported at once.
    connect(m_latencyMin, &QSpinBox::valueChanged, this, &NetworkPane::onLatencyMinChanged);
    connect(m_latencyMax, &QSpinBox::valueChanged, this, &NetworkPane::onLatencyMaxChanged);
    for (const auto &[slider, spin] :
         {std::pair{m_lossSlider, m_lossSpin}, std::pair{m_duplicateSlider, m_duplicateSpin}}) {
        QSlider *s = slider;
        QDoubleSpinBox *b = spin;
        connect(s, &QSlider::valueChanged, this, [this, s, b](int value) {
            const QSignalBlocker blocker(b);
            b->setValue(value);
            // While the handle is held the box follows; the release commits.
            if (!s->isSliderDown())
                commitNetwork();
        });
        connect(s, &QSlider::sliderReleased, this, &NetworkPane::commitNetwork);
        connect(b, &QDoubleSpinBox::valueChanged, this, [this, s](double value) {
            const QSignalBlocker blocker(s);
            s->setValue(static_cast<int>(std::lround(value)));
            commitNetwork();
        });
    }

    // Links.
    connect(m_linkSet, &QPushButton::clicked, this, &NetworkPane::commitLink);
    connect(m_linkTable, &QTableWidget::itemSelectionChanged, this, &NetworkPane::onLinkRowSelected);
    const auto loadLink = [this] {
        const raft::NodeId from = m_linkFrom->currentData().toInt();
        const raft::NodeId to = m_linkTo->currentData().toInt();
        m_linkSet->setEnabled(from != to && from != raft::kNoNode && to != raft::kNoNode);
        if (m_simulation && from != to && from >= 1 && to >= 1 && from <= m_simulation->size()
            && to <= m_simulation->size()) {
            const raft::LinkConditions &c = m_simulation->network().conditions(from, to);
            m_linkLatencyMin->setValue(shownMs(c.latencyMin));
            m_linkLatencyMax->setValue(shownMs(c.latencyMax));
            m_linkLoss->setValue(c.loss * 100.0);
            m_linkDuplicate->setValue(c.duplicate * 100.0);
        }
    };
    connect(m_linkFrom, &QComboBox::currentIndexChanged, this, loadLink);
    connect(m_linkTo, &QComboBox::currentIndexChanged, this, loadLink);
    connect(m_linkLatencyMin, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_linkLatencyMax->value() < value)
            m_linkLatencyMax->setValue(value);
    });
    connect(m_linkLatencyMax, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_linkLatencyMin->value() > value)
            m_linkLatencyMin->setValue(value);
    });

    connect(m_heal, &QPushButton::clicked, this, &NetworkPane::healRequested);

    retranslateUi();
    refresh();
}

NetworkPane::~NetworkPane() = default;

QSize NetworkPane::sizeHint() const
{
    return {360, 520};
}

void NetworkPane::setSource(const SimulationSource *source)
{
    setSimulation(&source->simulation());
    connect(source, &SimulationSource::structureChanged, this,
            [this, source] { setSimulation(&source->simulation()); });
    // A hidden pane catches up when it is shown again (showEvent).
    connect(source, &SimulationSource::advanced, this, [this] {
        if (isVisible())
            refresh();
    });
}

void NetworkPane::setSimulation(const raft::Simulation *simulation)
{
    m_simulation = simulation;
    m_shownNodes = -1;
    m_linksValid = false;
    m_faultsValid = false;
    m_statsValid = false;
    m_shownQuorum.clear();
    refresh();
}

raft::NetworkConfig NetworkPane::shownConfig() const
{
    raft::NetworkConfig config = m_simulation ? m_simulation->network().config() : raft::NetworkConfig{};
    // The latency boxes show whole milliseconds: keep a finer value that shows as they do.
    const auto latency = [](raft::Time current, int shown) {
        return shownMs(current) == shown ? current : raft::fromMs(shown);
    };
    config.latencyMin = latency(config.latencyMin, m_latencyMin->value());
    config.latencyMax = std::max(config.latencyMin, latency(config.latencyMax, m_latencyMax->value()));
    // The boxes show tenths of a percent: keep a finer value that rounds to what they show.
    const double loss = m_lossSpin->value() / 100.0;
    if (std::abs(loss - config.loss) >= 0.0005)
        config.loss = loss;
    const double duplicate = m_duplicateSpin->value() / 100.0;
    if (std::abs(duplicate - config.duplicate) >= 0.0005)
        config.duplicate = duplicate;
    return config;
}

void NetworkPane::commitNetwork()
{
    const raft::NetworkConfig config = shownConfig();
    if (m_simulation && config == m_simulation->network().config())
        return;
    Q_EMIT networkConfigChanged(config);
}

void NetworkPane::onLatencyMinChanged(int value)
{
    if (m_latencyMax->value() < value) {
        const QSignalBlocker blocker(m_latencyMax);
        m_latencyMax->setValue(value);
    }
    commitNetwork();
}

void NetworkPane::onLatencyMaxChanged(int value)
{
    if (m_latencyMin->value() > value) {
        const QSignalBlocker blocker(m_latencyMin);
        m_latencyMin->setValue(value);
    }
    commitNetwork();
}

void NetworkPane::commitLink()
{
    const raft::NodeId from = m_linkFrom->currentData().toInt();
    const raft::NodeId to = m_linkTo->currentData().toInt();
    if (from == to || from == raft::kNoNode || to == raft::kNoNode)
        return;
    raft::LinkConditions conditions;
    conditions.latencyMin = raft::fromMs(m_linkLatencyMin->value());
    conditions.latencyMax = raft::fromMs(std::max(m_linkLatencyMax->value(), m_linkLatencyMin->value()));
    conditions.loss = m_linkLoss->value() / 100.0;
    conditions.duplicate = m_linkDuplicate->value() / 100.0;
    Q_EMIT linkConditionsChanged(from, to, conditions);
    if (m_linkBothWays->isChecked())
        Q_EMIT linkConditionsChanged(to, from, conditions);
}

void NetworkPane::editLink(raft::NodeId from, raft::NodeId to)
{
    refreshNodes();
    const int fromIndex = m_linkFrom->findData(from);
    const int toIndex = m_linkTo->findData(to);
    if (fromIndex < 0 || toIndex < 0 || from == to)
        return;
    {
        // Set both ends before loading, so the values are those of this link.
        const QSignalBlocker blockFrom(m_linkFrom);
        const QSignalBlocker blockTo(m_linkTo);
        m_linkFrom->setCurrentIndex(fromIndex);
        m_linkTo->setCurrentIndex(toIndex);
    }
    Q_EMIT m_linkTo->currentIndexChanged(toIndex);
    m_linkLoss->setFocus(Qt::OtherFocusReason);
    m_linkLoss->selectAll();
}

void NetworkPane::onLinkRowSelected()
{
    const QList<QTableWidgetItem *> selected = m_linkTable->selectedItems();
    if (selected.isEmpty())
        return;
    const int row = selected.front()->row();
    if (row < 0 || row >= static_cast<int>(m_shownLinks.size()))
        return;
    const auto &[from, to, conditions] = m_shownLinks[static_cast<std::size_t>(row)];
    editLink(from, to);
}

void NetworkPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void NetworkPane::refresh()
{
    const bool enabled = m_simulation != nullptr;
    if (isEnabled() != enabled)
        setEnabled(enabled);
    if (!m_simulation)
        return;
    refreshNodes();
    refreshConfig();
    refreshLinks();
    refreshFaults();
    refreshStats();
}

void NetworkPane::refreshNodes()
{
    if (!m_simulation || m_shownNodes == m_simulation->size())
        return;
    m_shownNodes = m_simulation->size();
    for (QComboBox *box : {m_linkFrom, m_linkTo}) {
        const QSignalBlocker blocker(box);
        box->clear();
        for (raft::NodeId id = 1; id <= m_shownNodes; ++id)
            box->addItem(nodeText(id), id);
    }
    m_linkFrom->setCurrentIndex(0);
    m_linkTo->setCurrentIndex(m_shownNodes > 1 ? 1 : 0);
    Q_EMIT m_linkTo->currentIndexChanged(m_linkTo->currentIndex());
}

void NetworkPane::refreshConfig()
{
    const raft::NetworkConfig &config = m_simulation->network().config();
    setIfIdle(m_latencyMin, shownMs(config.latencyMin));
    setIfIdle(m_latencyMax, shownMs(config.latencyMax));
    const double loss = std::round(config.loss * 1000.0) / 10.0;
    const double duplicate = std::round(config.duplicate * 1000.0) / 10.0;
    setIfIdle(m_lossSpin, loss);
    setIfIdle(m_duplicateSpin, duplicate);
    if (!m_lossSlider->isSliderDown() && !m_lossSpin->hasFocus())
        setIfIdle(m_lossSlider, static_cast<int>(std::lround(loss)));
    if (!m_duplicateSlider->isSliderDown() && !m_duplicateSpin->hasFocus())
        setIfIdle(m_duplicateSlider, static_cast<int>(std::lround(duplicate)));
}

void NetworkPane::refreshLinks()
{
    const raft::Network &network = m_simulation->network();
    std::vector<LinkRow> rows;
    for (raft::NodeId from = 1; from <= m_simulation->size(); ++from)
        for (raft::NodeId to = 1; to <= m_simulation->size(); ++to)
            if (const auto &link = network.link(from, to))
                rows.emplace_back(from, to, *link);
    if (m_linksValid && rows == m_shownLinks)
        return;
    m_shownLinks = std::move(rows);
    m_linksValid = true;
    rebuildLinkTable();
}

void NetworkPane::rebuildLinkTable()
{
    const QSignalBlocker blocker(m_linkTable);
    m_linkTable->clearContents();
    m_linkTable->setRowCount(static_cast<int>(m_shownLinks.size()));
    int row = 0;
    for (const auto &[from, to, c] : m_shownLinks) {
        const QString latency = c.latencyMin == c.latencyMax
            ? tr("%1 ms").arg(msText(c.latencyMin))
            : tr("%1–%2 ms").arg(msText(c.latencyMin), msText(c.latencyMax));
        const QStringList cells{nodeText(from), nodeText(to), latency, tr("%1 %").arg(percentText(c.loss)),
                                tr("%1 %").arg(percentText(c.duplicate))};
        for (int column = 0; column < cells.size(); ++column)
            m_linkTable->setItem(row, column, new QTableWidgetItem(cells[column]));
        auto *remove = new QToolButton(m_linkTable);
        remove->setObjectName(QStringLiteral("removeLink%1to%2").arg(from).arg(to));
        remove->setText(tr("Remove"));
        remove->setToolTip(tr("Give %1 → %2 the network's conditions again").arg(nodeText(from), nodeText(to)));
        remove->setAutoRaise(true);
        const raft::NodeId f = from;
        const raft::NodeId t = to;
        connect(remove, &QToolButton::clicked, this,
                [this, f, t] { Q_EMIT linkConditionsChanged(f, t, std::nullopt); });
        m_linkTable->setCellWidget(row, 5, remove);
        ++row;
    }
}

void NetworkPane::refreshFaults()
{
    const raft::Network &network = m_simulation->network();
    const int n = m_simulation->size();
    std::array<int, raft::kMaxNodes + 1> groups{};
    std::array<std::array<bool, raft::kMaxNodes + 1>, raft::kMaxNodes + 1> cuts{};
    for (raft::NodeId a = 1; a <= n; ++a) {
        groups[static_cast<std::size_t>(a)] = network.groupOf(a);
        for (raft::NodeId b = 1; b <= n; ++b)
            cuts[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)] = network.isCut(a, b);
    }
    const bool faults = network.hasFaults();
    if (!m_faultsValid || groups != m_shownGroups || cuts != m_shownCuts) {
        m_shownGroups = groups;
        m_shownCuts = cuts;
        m_faultsValid = true;
        m_faultList->clear();
        const std::vector<std::vector<raft::NodeId>> parts = network.groups();
        if (!parts.empty()) {
            QStringList sides;
            for (const auto &part : parts)
                sides << NetworkSides::nodeList(part);
            m_faultList->addItem(tr("Partition: %1").arg(sides.join(QStringLiteral(" | "))));
        }
        // A server cut both ways from every other one is "isolated"; its cuts are not
        // listed one by one.
        std::array<bool, raft::kMaxNodes + 1> isolated{};
        for (raft::NodeId a = 1; a <= n && n > 1; ++a) {
            bool all = true;
            for (raft::NodeId b = 1; b <= n; ++b)
                if (b != a && !(network.isCut(a, b) && network.isCut(b, a)))
                    all = false;
            isolated[static_cast<std::size_t>(a)] = all;
            if (all)
                m_faultList->addItem(tr("Isolated: %1 (every link cut both ways)").arg(nodeText(a)));
        }
        for (raft::NodeId a = 1; a <= n; ++a) {
            for (raft::NodeId b = a + 1; b <= n; ++b) {
                if (isolated[static_cast<std::size_t>(a)] || isolated[static_cast<std::size_t>(b)])
                    continue;
                const bool ab = network.isCut(a, b);
                const bool ba = network.isCut(b, a);
                if (ab && ba)
                    m_faultList->addItem(tr("Cut both ways: %1 ↔ %2").arg(nodeText(a), nodeText(b)));
                else if (ab)
                    m_faultList->addItem(tr("Cut one way: %1 → %2").arg(nodeText(a), nodeText(b)));
                else if (ba)
                    m_faultList->addItem(tr("Cut one way: %1 → %2").arg(nodeText(b), nodeText(a)));
            }
        }
        if (!faults) {
            auto *item = new QListWidgetItem(tr("No faults: every server can reach every other"));
            item->setForeground(palette().brush(QPalette::PlaceholderText));
            m_faultList->addItem(item);
        }
        m_heal->setEnabled(faults);
    }
    const QString quorum = faults ? NetworkSides::summary(*m_simulation) : QString();
    if (quorum != m_shownQuorum) {
        m_shownQuorum = quorum;
        m_quorum->setText(quorum);
        m_quorum->setVisible(!quorum.isEmpty());
    }
}

void NetworkPane::refreshStats()
{
    const raft::Stats &stats = m_simulation->stats();
    if (m_statsValid && stats.messagesSent == m_shownStats.messagesSent
        && stats.messagesDelivered == m_shownStats.messagesDelivered
        && stats.messagesDropped == m_shownStats.messagesDropped)
        return;
    m_shownStats = stats;
    m_statsValid = true;
    m_sent->setText(QString::number(stats.messagesSent));
    m_delivered->setText(QString::number(stats.messagesDelivered));
    const double share = stats.messagesSent > 0
        ? 100.0 * static_cast<double>(stats.messagesDropped) / static_cast<double>(stats.messagesSent)
        : 0.0;
    m_dropped->setText(tr("%1 (%2 % of sent)").arg(stats.messagesDropped).arg(share, 0, 'f', 1));
}

void NetworkPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NetworkPane::retranslateUi()
{
    m_networkBox->setTitle(tr("Whole network"));
    m_latencyLabel->setText(tr("Latency"));
    m_latencyMin->setSuffix(tr(" ms"));
    m_latencyMax->setSuffix(tr(" ms"));
    m_latencyMin->setToolTip(tr("Shortest delay of a message, in virtual milliseconds"));
    m_latencyMax->setToolTip(tr("Longest delay of a message; each message's delay is drawn between the two"));
    m_lossLabel->setText(tr("Loss"));
    m_lossSpin->setSuffix(tr(" %"));
    m_lossSpin->setToolTip(tr("Chance that a message is lost on its way"));
    m_lossSlider->setToolTip(m_lossSpin->toolTip());
    m_duplicateLabel->setText(tr("Duplication"));
    m_duplicateSpin->setSuffix(tr(" %"));
    m_duplicateSpin->setToolTip(tr("Chance that the network delivers a second copy of a message"));
    m_duplicateSlider->setToolTip(m_duplicateSpin->toolTip());

    m_linksBox->setTitle(tr("Links with their own conditions"));
    m_linkTable->setHorizontalHeaderLabels(
        {tr("From"), tr("To"), tr("Latency"), tr("Loss"), tr("Duplication"), QString()});
    m_linkFromLabel->setText(tr("From"));
    m_linkToLabel->setText(tr("to"));
    m_linkBothWays->setText(tr("Both ways"));
    m_linkBothWays->setToolTip(tr("Give the opposite direction the same conditions too"));
    m_linkLatencyLabel->setText(tr("Latency"));
    m_linkLatencyMin->setSuffix(tr(" ms"));
    m_linkLatencyMax->setSuffix(tr(" ms"));
    m_linkLossLabel->setText(tr("Loss"));
    m_linkLoss->setSuffix(tr(" %"));
    m_linkDuplicateLabel->setText(tr("Duplication"));
    m_linkDuplicate->setSuffix(tr(" %"));
    m_linkSet->setText(tr("Set for this link"));
    m_linkSet->setToolTip(tr("Messages on this one-way link meet these conditions instead of the network's"));

    m_faultsBox->setTitle(tr("Faults"));
    m_heal->setText(tr("Heal"));
    m_heal->setToolTip(tr("Remove every partition and cut link (links keep their own conditions)"));

    m_statsBox->setTitle(tr("Messages"));
    m_sentLabel->setText(tr("Sent"));
    m_deliveredLabel->setText(tr("Delivered"));
    m_droppedLabel->setText(tr("Lost"));

    m_linksValid = false;
    m_faultsValid = false;
    m_statsValid = false;
    m_shownQuorum.clear();
    if (m_simulation) {
        refreshLinks();
        refreshFaults();
        refreshStats();
    }
}

} // namespace widgets
