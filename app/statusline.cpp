#include "statusline.h"

#include "simulationcontroller.h"

#include "widgets/clusterpalette.h"
#include "widgets/eventtext.h"
#include "widgets/networksides.h"

#include <QLabel>
#include <QStatusBar>

#include <algorithm>

using widgets::EventText;

namespace {

/// setText changes a label only when its text differs.
void setText(QLabel *label, const QString &text)
{
    if (label->text() != text)
        label->setText(text);
}

} // namespace

StatusLine::StatusLine(QStatusBar *bar, const SimulationController *controller)
    : QObject(bar)
    , m_controller(controller)
    , m_timeLabel(new QLabel(bar))
    , m_speedLabel(new QLabel(bar))
    , m_leaderLabel(new QLabel(bar))
    , m_quorumLabel(new QLabel(bar))
{
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_speedLabel->setObjectName(QStringLiteral("speedLabel"));
    m_leaderLabel->setObjectName(QStringLiteral("leaderLabel"));
    QFont bold = m_leaderLabel->font();
    bold.setBold(true);
    m_leaderLabel->setFont(bold);
    m_timeLabel->setMinimumWidth(m_timeLabel->fontMetrics().horizontalAdvance(QStringLiteral("t = 0000.000 s")) + 10);
    m_quorumLabel->setObjectName(QStringLiteral("quorumLabel"));
    m_quorumLabel->setStyleSheet(QStringLiteral("color: #9c3f00;"));
    m_quorumLabel->hide();
    bar->addPermanentWidget(m_quorumLabel);
    bar->addPermanentWidget(m_leaderLabel);
    bar->addPermanentWidget(m_timeLabel);
    bar->addPermanentWidget(m_speedLabel);

    connect(controller, &SimulationController::advanced, this, &StatusLine::update);
    connect(controller, &SimulationController::playingChanged, this, &StatusLine::update);
    connect(controller, &SimulationController::speedChanged, this, &StatusLine::update);
}

void StatusLine::update()
{
    const raft::Simulation &sim = m_controller->simulation();
    setText(m_timeLabel, tr("t = %1").arg(EventText::timeText(m_controller->displayTime())));
    QColor colour;
    if (const auto leader = sim.leader()) {
        setText(m_leaderLabel, tr("Leader %1 · term %2").arg(EventText::nodeText(*leader)).arg(sim.term(*leader)));
        colour = widgets::ClusterPalette::roleFill(raft::Role::Leader);
    } else {
        raft::Term highest = 0;
        for (raft::NodeId id = 1; id <= sim.size(); ++id)
            highest = std::max(highest, sim.term(id));
        setText(m_leaderLabel, tr("No leader · highest term %1").arg(highest));
        colour = widgets::ClusterPalette::toneAccent(raft::Tone::Alarm);
    }
    const QString style = QStringLiteral("color: %1;").arg(colour.name());
    if (m_leaderLabel->styleSheet() != style)
        m_leaderLabel->setStyleSheet(style);
    // A partition: say plainly which sides have no quorum.
    const QString quorum = sim.network().hasFaults() ? widgets::NetworkSides::summary(sim, true) : QString();
    setText(m_quorumLabel, quorum);
    if (m_quorumLabel->isHidden() != quorum.isEmpty())
        m_quorumLabel->setVisible(!quorum.isEmpty());
    const QString speed = SimulationController::speedText(m_controller->speed());
    setText(m_speedLabel, m_controller->isPlaying() ? tr("Speed %1").arg(speed) : tr("Paused · speed %1").arg(speed));
}
