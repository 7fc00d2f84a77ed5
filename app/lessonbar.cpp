#include "lessonbar.h"

#include "language.h"
#include "lessoncatalogue.h"
#include "simulationcontroller.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

LessonBar::LessonBar(const SimulationController *controller, const LessonCatalogue *catalogue, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_catalogue(catalogue)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("lessonBar"));
    m_text->setObjectName(QStringLiteral("scenarioBar"));
    m_text->setWordWrap(true);
    m_text->setMargin(6);
    m_text->setTextFormat(Qt::RichText);
    m_text->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff6d5; color: #1b2631; border-bottom: 1px solid #e6d28a; font-size: 11pt; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_text);
    hide();

    connect(controller, &SimulationController::structureChanged, this, [this] {
        m_narration.clear();
        refresh();
    });
    connect(controller, &SimulationController::advanced, this, &LessonBar::refresh);
    connect(controller, &SimulationController::scenarioLineReached, this, &LessonBar::onLine);
    connect(controller, &SimulationController::scenarioFinished, this,
            [this](const QString &, int passed, int failed) { onFinished(passed, failed); });
}

void LessonBar::setScenario(const QString &path)
{
    m_path = path;
    m_title = findTitle();
    refresh();
}

QString LessonBar::findTitle() const
{
    const QString lesson = m_catalogue->lessonOf(m_path);
    if (!lesson.isEmpty())
        return m_catalogue->title(lesson, Language::current());
    // A script of the user's: its first comment line, if it has one, names it.
    const QString header = LessonCatalogue::headerLine(m_path);
    return header.isEmpty() ? m_controller->scenarioName() : header;
}

void LessonBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_title = findTitle();
        refresh();
    }
    QWidget::changeEvent(event);
}

void LessonBar::onLine(int line, const QString &text, bool ok, const QString &why)
{
    if (text.startsWith(QLatin1String("say ")))
        m_narration = text.mid(4).trimmed();
    if (!ok)
        Q_EMIT reported(tr("Line %1: %2 — %3").arg(line).arg(text, why), 10000);
    refresh();
}

void LessonBar::onFinished(int passed, int failed)
{
    const QString &name = m_title;
    if (failed == 0)
        Q_EMIT reported(tr("Scenario “%1” finished: every expectation held (%2).").arg(name).arg(passed), 10000);
    else
        Q_EMIT reported(tr("Scenario “%1” finished: %2 held, %3 failed.").arg(name).arg(passed).arg(failed), 10000);
    refresh();
}

void LessonBar::refresh()
{
    if (m_controller->scenarioName().isEmpty()) {
        hide();
        return;
    }
    QString text = tr("<b>Scenario: %1</b>").arg(m_title.toHtmlEscaped());
    if (!m_narration.isEmpty())
        text += QStringLiteral(" — ") + m_narration.toHtmlEscaped();
    if (!m_controller->isScenarioRunning())
        text += tr(" <i>(finished)</i>");
    if (!m_controller->scenarioFailures().isEmpty())
        text += tr(" <span style='color:#b0301c'>failed expectations: %1</span>")
                    .arg(m_controller->scenarioFailures().size());
    if (m_text->text() != text)
        m_text->setText(text);
    show();
}
