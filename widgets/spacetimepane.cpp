#include "widgets/spacetimepane.h"

#include "widgets/spacetimeview.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace widgets {

SpaceTimePane::SpaceTimePane(QWidget *parent)
    : QWidget(parent)
    , m_view(new SpaceTimeView(this))
    , m_controls(new QWidget(this))
    , m_heartbeats(new QCheckBox(m_controls))
    , m_follow(new QToolButton(m_controls))
    , m_whole(new QToolButton(m_controls))
{
    m_view->setObjectName(QStringLiteral("spaceTimeView"));
    m_heartbeats->setObjectName(QStringLiteral("spaceTimeHeartbeats"));
    m_heartbeats->setChecked(m_view->heartbeatsShown());
    auto *row = new QHBoxLayout(m_controls);
    row->setContentsMargins(6, 2, 6, 2);
    row->addWidget(m_heartbeats);
    row->addStretch(1);
    row->addWidget(m_follow);
    row->addWidget(m_whole);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_controls);
    layout->addWidget(m_view, 1);
    connect(m_heartbeats, &QCheckBox::toggled, m_view, &SpaceTimeView::setHeartbeatsShown);
    connect(m_follow, &QToolButton::clicked, this,
            [this] { m_view->follow(static_cast<raft::Time>(m_view->visibleSpan())); });
    connect(m_whole, &QToolButton::clicked, this,
            [this] { m_view->setVisibleRange(0, std::max<raft::Time>(raft::fromSeconds(1), m_view->model().frontier())); });
    retranslate();
}

void SpaceTimePane::setPresentation(bool on)
{
    m_controls->setVisible(!on);
    m_view->setPresentation(on);
}

void SpaceTimePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SpaceTimePane::retranslate()
{
    m_heartbeats->setText(tr("Heartbeats"));
    m_heartbeats->setToolTip(tr("Show the leader's empty AppendEntries and their replies"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Keep the playhead in view (Home)"));
    m_whole->setText(tr("Whole Run"));
    m_whole->setToolTip(tr("Show the whole recorded run (0)"));
}

} // namespace widgets
