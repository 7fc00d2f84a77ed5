#include "lessonbar.h"

#include "language.h"
#include "lessoncatalogue.h"
#include "simulationcontroller.h"

#include "raft/scenario.h"

#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using raft::PlayerStop;

namespace {
const QColor kBackground(0xff, 0xf6, 0xd5);
const QColor kEdge(0xe6, 0xd2, 0x8a);
const QColor kInk(0x1b, 0x26, 0x31);
/// kSentenceScale, kNextScale: the narration's and the Next button's font, of the bar's.
constexpr double kSentenceScale = 1.4;
constexpr double kNextScale = 1.15;
} // namespace

LessonBar::LessonBar(const SimulationController *controller, const LessonCatalogue *catalogue, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_catalogue(catalogue)
    , m_text(new QLabel(this))
    , m_status(new QLabel(this))
    , m_back(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_continue(new QPushButton(this))
{
    setObjectName(QStringLiteral("lessonBar"));
    m_text->setObjectName(QStringLiteral("scenarioBar"));
    m_text->setWordWrap(true);
    m_text->setMargin(6);
    m_text->setTextFormat(Qt::RichText);
    m_status->setObjectName(QStringLiteral("lessonStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_back->setObjectName(QStringLiteral("lessonBack"));
    m_next->setObjectName(QStringLiteral("lessonNext"));
    m_continue->setObjectName(QStringLiteral("lessonContinue"));
    m_next->setDefault(true);
    // Colours by palette and sizes by font, not by a style sheet: a style sheet's
    // font-size would pin its texts and the Text Size setting and presentation mode
    // (no text under 24 px) could not enlarge them.
    QPalette colours = palette();
    colours.setColor(QPalette::Window, kBackground);
    colours.setColor(QPalette::WindowText, kInk);
    setPalette(colours);
    setAutoFillBackground(true);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 0, 6, 6);
    controls->addWidget(m_status, 1);
    m_answers = new QHBoxLayout;
    controls->addLayout(m_answers);
    controls->addWidget(m_back);
    controls->addWidget(m_continue);
    controls->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_text);
    layout->addLayout(controls);
    retranslateButtons();
    hide();

    connect(m_next, &QPushButton::clicked, this, &LessonBar::nextRequested);
    connect(m_back, &QPushButton::clicked, this, &LessonBar::backRequested);
    connect(m_continue, &QPushButton::clicked, this, &LessonBar::continueRequested);
    // A presenter's clicker sends Page Down and Page Up.
    auto *nextKey = new QShortcut(QKeySequence(Qt::Key_PageDown), this);
    connect(nextKey, &QShortcut::activated, this, [this] {
        if (isVisible() && m_next->isEnabled())
            Q_EMIT nextRequested();
    });
    auto *backKey = new QShortcut(QKeySequence(Qt::Key_PageUp), this);
    connect(backKey, &QShortcut::activated, this, [this] {
        if (isVisible() && m_back->isEnabled())
            Q_EMIT backRequested();
    });

    connect(controller, &SimulationController::structureChanged, this, &LessonBar::refresh);
    connect(controller, &SimulationController::advanced, this, &LessonBar::refresh);
    connect(controller, &SimulationController::lessonChanged, this, &LessonBar::refresh);
    connect(controller, &SimulationController::scenarioLineReached, this, &LessonBar::onLine);
    connect(controller, &SimulationController::scenarioFinished, this,
            [this](const QString &, int passed, int failed) { onFinished(passed, failed); });
}

void LessonBar::retranslateButtons()
{
    m_back->setText(tr("◀ Back"));
    m_back->setToolTip(tr("Back to the previous line of the lesson (Page Up)"));
    m_next->setText(tr("Next ▶"));
    m_next->setToolTip(tr("Play on to the next line of the lesson (Page Down)"));
    applyFonts(); // Next's width follows its words
}

void LessonBar::setScenario(const QString &path)
{
    m_path = path;
    m_title = findTitle();
    m_narrationCache.clear();
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

QStringList LessonBar::translatedNarration() const
{
    const QString lesson = m_catalogue->lessonOf(m_path);
    if (lesson.isEmpty())
        return {};
    const QString language = Language::current();
    const auto cached = m_narrationCache.constFind(language);
    if (cached != m_narrationCache.constEnd())
        return *cached;
    QStringList lines;
    QFile file(m_catalogue->path(lesson, language));
    if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        const raft::Scenario scenario = raft::Scenario::parse(file.readAll().toStdString(), "lesson");
        for (const std::string &line : scenario.narration())
            lines.append(QString::fromStdString(line));
    }
    m_narrationCache.insert(language, lines);
    return lines;
}

QString LessonBar::narrationText() const
{
    const int index = m_controller->narrationIndex();
    if (index < 0)
        return {};
    // The same line in the language shown now (the run recorded it in the language it
    // was played in).
    const QStringList lines = translatedNarration();
    if (index < lines.size())
        return lines[index];
    return m_controller->narration();
}

void LessonBar::applyFonts()
{
    // The sentence large, the Next button bold: each a multiple of the bar's own font,
    // which the Text Size setting and presentation mode set.
    const auto times = [](QFont font, double factor) {
        if (font.pixelSize() > 0)
            font.setPixelSize(static_cast<int>(font.pixelSize() * factor + 0.5));
        else
            font.setPointSizeF(font.pointSizeF() * factor);
        return font;
    };
    m_text->setFont(times(font(), kSentenceScale));
    m_status->setFont(font());
    QFont bold = times(font(), kNextScale);
    bold.setBold(true);
    m_next->setFont(bold);
    m_next->setMinimumWidth(QFontMetrics(bold).horizontalAdvance(m_next->text())
                            + 4 * QFontMetrics(bold).averageCharWidth() + 16);
}

void LessonBar::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setPen(kEdge);
    painter.drawLine(0, height() - 1, width(), height() - 1);
}

void LessonBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        applyFonts();
    if (event->type() == QEvent::LanguageChange) {
        m_title = findTitle();
        retranslateButtons();
        refresh();
    }
    QWidget::changeEvent(event);
}

void LessonBar::onLine(int line, const QString &text, bool ok, const QString &why)
{
    if (!ok)
        Q_EMIT reported(tr("Line %1: %2 — %3").arg(line).arg(text, why), 10000);
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

QString LessonBar::statusText() const
{
    const std::optional<raft::Question> &question = m_controller->question();
    switch (m_controller->lessonStop()) {
    case PlayerStop::Say: return tr("Next plays on to the following line.");
    case PlayerStop::Wait:
        return tr("<b>Your turn:</b> %1 <i>(Continue does it for you.)</i>")
            .arg(m_controller->waitHint().toHtmlEscaped());
    case PlayerStop::Ask:
        return question ? tr("<b>Question:</b> %1").arg(QString::fromStdString(question->ask->argument).toHtmlEscaped())
                        : QString();
    case PlayerStop::Reveal: {
        if (!question || !question->revealed)
            return {};
        QStringList right;
        for (std::size_t i = 0; i < question->answers.size(); ++i)
            if (question->right[i])
                right << QString::fromStdString(question->answers[i]->argument).toHtmlEscaped();
        QString text = tr("<b>The run says:</b> %1.").arg(right.join(tr(", ")));
        if (question->chosen) {
            const std::size_t chosen = *question->chosen;
            const QString answer = QString::fromStdString(question->answers[chosen]->argument).toHtmlEscaped();
            text += QLatin1Char(' ')
                + (question->right[chosen]
                       ? tr("The class chose “%1”: right.").arg(answer)
                       : tr("The class chose “%1”: not so — %2.")
                             .arg(answer, QString::fromStdString(question->why[chosen]).toHtmlEscaped()));
        }
        return text;
    }
    case PlayerStop::End:
        return tr("The lesson is over. Continue lets the class play on freely; Back goes over it again.");
    case PlayerStop::None: break;
    }
    return {};
}

void LessonBar::refreshAnswers()
{
    const std::optional<raft::Question> &question = m_controller->question();
    const bool asking = m_controller->lessonStop() == PlayerStop::Ask && question;
    const qsizetype wanted = asking ? static_cast<qsizetype>(question->answers.size()) : 0;
    while (m_answerButtons.size() > wanted)
        delete m_answerButtons.takeLast();
    while (m_answerButtons.size() < wanted) {
        auto *button = new QPushButton(this);
        const int choice = static_cast<int>(m_answerButtons.size());
        button->setObjectName(QStringLiteral("lessonAnswer%1").arg(choice + 1));
        connect(button, &QPushButton::clicked, this, [this, choice] { Q_EMIT answerChosen(choice); });
        m_answers->addWidget(button);
        m_answerButtons.append(button);
    }
    for (qsizetype i = 0; i < wanted; ++i) {
        const QString text = QString::fromStdString(question->answers[static_cast<std::size_t>(i)]->argument);
        if (m_answerButtons[i]->text() != text)
            m_answerButtons[i]->setText(text);
    }
}

void LessonBar::refresh()
{
    if (m_controller->scenarioName().isEmpty()) {
        hide();
        return;
    }
    QString text = tr("<b>Scenario: %1</b>").arg(m_title.toHtmlEscaped());
    const QString narration = narrationText();
    if (!narration.isEmpty())
        text += QStringLiteral(" — ") + narration.toHtmlEscaped();
    if (!m_controller->scenarioFailures().isEmpty())
        text += tr(" <span style='color:#b0301c'>failed expectations: %1</span>")
                    .arg(m_controller->scenarioFailures().size());
    if (m_text->text() != text)
        m_text->setText(text);
    const QString status = statusText();
    if (m_status->text() != status)
        m_status->setText(status);
    const PlayerStop stop = m_controller->lessonStop();
    m_next->setEnabled(stop != PlayerStop::Ask && stop != PlayerStop::End);
    m_back->setEnabled(m_controller->history().currentStep() > 0);
    const bool waiting = stop == PlayerStop::Wait;
    m_continue->setVisible(waiting || stop == PlayerStop::End);
    m_continue->setText(waiting ? tr("Continue (do it for us)") : tr("Continue freely"));
    refreshAnswers();
    show();
}
