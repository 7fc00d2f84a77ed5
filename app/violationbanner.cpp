#include "violationbanner.h"

#include "widgets/alarm.h"
#include "widgets/eventtext.h"
#include "widgets/simulationsource.h"

#include "raft/bugs.h"
#include "raft/simulation.h"

#include <QEvent>
#include <QStringList>

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
    // The finding the marks on the cluster and the log grid name (widgets/alarm.h).
    const raft::Violation *alarm = widgets::alarmViolation(sim);
    if (!alarm)
        return {};
    const auto &violations = sim.violations();
    QString text = tr("⚠ Safety violated at %1 (event %2): %3 (%4)")
                       .arg(widgets::EventText::timeText(static_cast<double>(alarm->t)))
                       .arg(alarm->step)
                       .arg(QString::fromStdString(alarm->what), QString::fromStdString(alarm->section));
    if (violations.size() > 1)
        text += tr(" — and %1 more").arg(violations.size() - 1);
    return text;
}

QString ViolationBanner::bugText(const raft::Simulation &sim)
{
    QStringList broken;
    for (const raft::BugInfo &bug : raft::bugTable())
        if (sim.config().bugs.*bug.flag)
            broken << QStringLiteral("%1 (%2)").arg(
                QString::fromUtf8(bug.name.data(), qsizetype(bug.name.size())),
                QString::fromUtf8(bug.section.data(), qsizetype(bug.section.size())));
    if (broken.isEmpty())
        return {};
    return tr("Teaching run: a rule of Raft is switched off in every server: %1. Real Raft never does this.")
        .arg(broken.join(QStringLiteral(", ")));
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
    const raft::Simulation &sim = m_source->simulation();
    const QString violation = text(sim);
    const QString bugs = bugText(sim);
    QString shown = violation;
    if (!bugs.isEmpty())
        shown = violation.isEmpty() ? bugs : violation + QLatin1Char('\n') + bugs;
    if (QLabel::text() != shown) {
        setText(shown);
        // Red for a violation; the orange of a warning for a run that only breaks a rule.
        setStyleSheet(violation.isEmpty()
                          ? QStringLiteral("QLabel { background: #d55e00; color: white; font-weight: bold; "
                                           "font-size: 11pt; }")
                          : QStringLiteral("QLabel { background: #c01c1c; color: white; font-weight: bold; "
                                           "font-size: 12pt; }"));
    }
    setVisible(!shown.isEmpty());
}
