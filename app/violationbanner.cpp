#include "violationbanner.h"

#include "widgets/eventtext.h"
#include "widgets/simulationsource.h"

#include <QEvent>

ViolationBanner::ViolationBanner(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("violationBanner"));
    setWordWrap(true);
    setMargin(8);
    setStyleSheet(QStringLiteral("QLabel { background: #c01c1c; color: white; font-weight: bold; font-size: 12pt; }"));
    hide();
}

void ViolationBanner::setSource(const widgets::SimulationSource *source)
{
    m_source = source;
    connect(source, &widgets::SimulationSource::advanced, this, &ViolationBanner::refresh);
    refresh();
}

QString ViolationBanner::text(const raft::Simulation &sim)
{
    const auto &violations = sim.violations();
    if (violations.empty())
        return {};
    const raft::Violation &first = violations.front();
    QString text = tr("⚠ Safety violated at %1 (event %2): %3")
                       .arg(widgets::EventText::timeText(static_cast<double>(first.t)))
                       .arg(first.step)
                       .arg(QString::fromStdString(first.what));
    if (violations.size() > 1)
        text += tr(" — and %1 more").arg(violations.size() - 1);
    return text;
}

void ViolationBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

void ViolationBanner::refresh()
{
    if (!m_source)
        return;
    const QString violation = text(m_source->simulation());
    if (QLabel::text() != violation)
        setText(violation);
    setVisible(!violation.isEmpty());
}
