#include "widgets/stepbanner.h"
#include "widgets/simulationsource.h"

#include "raft/eventcatalog.h"
#include "widgets/clusterpalette.h"
#include "widgets/eventtext.h"
#include "widgets/logmodel.h"

#include <QEvent>
#include <QFontInfo>
#include <QPainter>
#include <QPropertyAnimation>
#include <QTextLayout>

#include <algorithm>
#include <string_view>
#include <vector>

using raft::TraceEvent;

namespace widgets {

namespace {

constexpr int kAccentWidth = 7;
constexpr int kPadding = 10;
/// Changes closer together than this are playback, not stepping: no flash.
constexpr qint64 kFlashQuietMs = 250;

/// withoutSection removes the trailing "(§5.2)" of a sentence: the badge shows it.
QString withoutSection(const QString &sentence, const QString &section)
{
    if (section.isEmpty())
        return sentence;
    const qsizetype at = sentence.lastIndexOf(section);
    if (at <= 0)
        return sentence;
    const QString tail = sentence.mid(at + section.size()).trimmed();
    if (!tail.isEmpty() && tail != QStringLiteral(")") && tail != QStringLiteral("\u3009")
        && tail != QStringLiteral("\uFF09"))
        return sentence;
    QString head = sentence.left(at).trimmed();
    if (head.endsWith(QLatin1Char('(')) || head.endsWith(QChar(0xFF08)) || head.endsWith(QChar(0x3008)))
        head.chop(1);
    return head.trimmed();
}

/// wrap lays text out in at most maxLines lines of `width` pixels; the last line is
/// elided if the text does not fit.
QStringList wrap(const QString &text, const QFont &font, qreal width, int maxLines, bool *fits)
{
    QStringList lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    *fits = true;
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            const QString rest = text.mid(line.textStart()).trimmed();
            const QString elided = QFontMetrics(font).elidedText(rest, Qt::ElideRight, static_cast<int>(width));
            *fits = elided == rest;
            lines << elided;
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

/// violationSection is the section at the end of a broken property's sentence
/// ("Election Safety: S2 and S4 both lead term 3 (§5.2)" gives "§5.2"), or "".
QString violationSection(std::string_view text)
{
    const QString sentence = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())).trimmed();
    const qsizetype open = sentence.lastIndexOf(QStringLiteral(" ("));
    if (open < 0 || !sentence.endsWith(QLatin1Char(')')))
        return {};
    return sentence.mid(open + 2, sentence.size() - open - 3);
}

int basePixelSize(const QFont &font)
{
    return std::max(10, QFontInfo(font).pixelSize());
}

} // namespace

StepBanner::StepBanner(QWidget *parent)
    : QWidget(parent)
    , m_flash(ClusterPalette::flash())
{
    m_flash.setAlpha(0);
    m_animation = new QPropertyAnimation(this, "flash", this);
    m_animation->setDuration(900);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent);
    reword();
}

QFont StepBanner::mainFont() const
{
    QFont f = font();
    f.setPixelSize(std::max(18, basePixelSize(font()) * 5 / 3));
    return f;
}

QFont StepBanner::stepFont() const
{
    QFont f = font();
    f.setPixelSize(std::max(14, basePixelSize(font()) * 5 / 4));
    f.setBold(true);
    return f;
}

QFont StepBanner::badgeFont() const
{
    QFont f = font();
    f.setPixelSize(std::max(14, basePixelSize(font()) * 5 / 4));
    f.setBold(true);
    return f;
}

QSize StepBanner::sizeHint() const
{
    const QFontMetrics main(mainFont());
    const QFontMetrics detail(font());
    return {800, 2 * kPadding + 2 * main.lineSpacing() + detail.lineSpacing() + 4};
}

QSize StepBanner::minimumSizeHint() const
{
    return {300, sizeHint().height()};
}

void StepBanner::showStep(const raft::Trace &trace, std::size_t firstEvent, std::size_t endEvent)
{
    endEvent = std::min(endEvent, trace.size());
    firstEvent = std::min(firstEvent, endEvent);
    const QString before = m_mainText;
    m_events.clear();
    for (std::size_t i = firstEvent; i < endEvent; ++i) {
        TraceEvent e = trace.events()[i];
        if (e.text >= 0)
            e.text = m_events.addText(std::string(trace.textOf(e)));
        m_events.add(e);
    }
    m_hasStep = m_events.size() > 0;
    m_main = 0;
    for (std::size_t i = 1; i < m_events.size(); ++i)
        if (raft::rankOf(m_events.events()[i]) > raft::rankOf(m_events.events()[m_main]))
            m_main = i;
    reword();
    if (m_mainText != before)
        startFlash();
    update();
}

void StepBanner::clear()
{
    m_events.clear();
    m_hasStep = false;
    m_main = 0;
    reword();
    update();
}

void StepBanner::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    m_customPlaceholder = true;
    update();
}

QString StepBanner::detailText() const
{
    if (m_moreText.isEmpty())
        return m_detailText;
    if (m_detailText.isEmpty())
        return m_moreText;
    return tr("%1  %2", "the other events, then \"+N more\"").arg(m_detailText, m_moreText);
}

void StepBanner::reword()
{
    setAccessibleName(tr("Step explanation"));
    if (!m_customPlaceholder)
        m_placeholder = tr("Step forward to see what happens next, one event at a time, and why.");
    m_mainText.clear();
    m_detailText.clear();
    m_moreText.clear();
    m_sectionText.clear();
    m_stepText.clear();
    m_timeText.clear();
    if (!m_hasStep) {
        setToolTip(QString());
        setAccessibleDescription(m_placeholder);
        return;
    }
    const auto &events = m_events.events();
    const TraceEvent &main = events[m_main];
    m_sectionText = EventText::section(main);
    if (main.kind == raft::EventKind::InvariantViolated)
        m_sectionText = violationSection(m_events.textOf(main)); // the property's, not a rule's
    m_mainText = withoutSection(EventText::describe(m_events, main), m_sectionText);
    m_stepText = tr("Step %1").arg(main.step);
    m_timeText = EventText::timeText(static_cast<double>(main.t));

    // The other events: the most important few, in the order they happened.
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < events.size(); ++i)
        if (i != m_main)
            others.push_back(i);
    std::vector<std::size_t> shown = others;
    std::stable_sort(shown.begin(), shown.end(),
                     [&](std::size_t a, std::size_t b) { return raft::rankOf(events[a]) > raft::rankOf(events[b]); });
    if (shown.size() > static_cast<std::size_t>(kMaxDetails))
        shown.resize(kMaxDetails);
    std::sort(shown.begin(), shown.end());
    QStringList sentences;
    for (std::size_t i : shown)
        sentences << EventText::describe(m_events, events[i]);
    m_detailText = sentences.join(QStringLiteral("  \u2022  "));
    const std::size_t hidden = others.size() - shown.size();
    if (hidden > 0)
        m_moreText = tr("+%1 more").arg(hidden);

    // Every event of the step, in full, for the mouse and for screen readers.
    QStringList all;
    for (const TraceEvent &e : events)
        all << QStringLiteral("<li>%1</li>").arg(EventText::describe(m_events, e).toHtmlEscaped());
    setToolTip(tr("<b>%1</b> at %2<ul style=\"margin-left:-20px\">%3</ul>")
                   .arg(m_stepText.toHtmlEscaped(), m_timeText, all.join(QString())));
    setAccessibleDescription(tr("%1 at %2: %3").arg(m_stepText, m_timeText, m_mainText));
}

QColor StepBanner::accent() const
{
    if (!m_hasStep)
        return ClusterPalette::mutedInk();
    const TraceEvent &e = mainEvent();
    switch (raft::infoOf(e.kind).tone) {
    case raft::Tone::Leader: return LogModel::termColor(e.term).darker(135);
    case raft::Tone::Progress:
    case raft::Tone::Trouble:
    case raft::Tone::Alarm:
    case raft::Tone::Election:
    case raft::Tone::Recovery: return ClusterPalette::toneAccent(raft::infoOf(e.kind).tone);
    case raft::Tone::Plain:
    case raft::Tone::Narration: return ClusterPalette::mutedInk();
    }
    return ClusterPalette::mutedInk();
}

void StepBanner::setFlash(const QColor &colour)
{
    m_flash = colour;
    update();
}

void StepBanner::startFlash()
{
    // During playback the sentence changes every frame: a flash then would only flicker.
    const bool quiet = !m_sinceChange.isValid() || m_sinceChange.elapsed() >= kFlashQuietMs;
    m_sinceChange.restart();
    if (!quiet || !m_hasStep)
        return;
    QColor from = ClusterPalette::flash();
    from.setAlpha(150);
    QColor to = from;
    to.setAlpha(0);
    m_animation->stop();
    m_animation->setStartValue(from);
    m_animation->setEndValue(to);
    m_animation->start();
}

void StepBanner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QRectF all = rect();
    painter.fillRect(all, ClusterPalette::paneCard());
    if (m_flash.alpha() > 0)
        painter.fillRect(all, m_flash);
    painter.setPen(QPen(ClusterPalette::paneBorder(), 1));
    painter.drawLine(QPointF(0, 0.5), QPointF(width(), 0.5));
    painter.drawLine(QPointF(0, height() - 0.5), QPointF(width(), height() - 0.5));
    painter.fillRect(QRectF(0, 0, kAccentWidth, height()), accent());

    const QFont main = mainFont();
    const QFontMetrics mainMetrics(main);
    const QFontMetrics detailMetrics(font());
    double left = kAccentWidth + kPadding + 4;
    double right = width() - kPadding;

    if (!m_hasStep) {
        QFont f = main;
        f.setItalic(true);
        painter.setFont(f);
        painter.setPen(ClusterPalette::mutedInk());
        const QString text = QFontMetrics(f).elidedText(m_placeholder, Qt::ElideRight, static_cast<int>(right - left));
        painter.drawText(QRectF(left, 0, right - left, height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        return;
    }

    // Left: the step number and its time, in a column wide enough for five digits.
    const QFont stepF = stepFont();
    const QFontMetrics stepMetrics(stepF);
    const double column = std::max({stepMetrics.horizontalAdvance(tr("Step %1").arg(88888)),
                                    stepMetrics.horizontalAdvance(m_stepText),
                                    detailMetrics.horizontalAdvance(m_timeText)})
        + 4.0;
    const double blockHeight = stepMetrics.lineSpacing() + detailMetrics.lineSpacing();
    const double blockTop = (height() - blockHeight) / 2;
    painter.setFont(stepF);
    painter.setPen(ClusterPalette::ink());
    painter.drawText(QPointF(left, blockTop + stepMetrics.ascent()), m_stepText);
    painter.setFont(font());
    painter.setPen(ClusterPalette::mutedInk());
    painter.drawText(QPointF(left, blockTop + stepMetrics.lineSpacing() + detailMetrics.ascent()), m_timeText);
    left += column + kPadding;
    painter.setPen(QPen(ClusterPalette::paneBorder(), 1));
    painter.drawLine(QPointF(left + 0.5, kPadding), QPointF(left + 0.5, height() - kPadding));
    left += kPadding + 4;

    // Right: the paper's section as a badge, the kind of event beneath it.
    const QFont badgeF = badgeFont();
    const QFontMetrics badgeMetrics(badgeF);
    const QString title = EventText::kindTitle(mainEvent().kind);
    double block = detailMetrics.horizontalAdvance(title);
    if (!m_sectionText.isEmpty())
        block = std::max<double>(block, badgeMetrics.horizontalAdvance(m_sectionText) + 20);
    block = std::max<double>(block, badgeMetrics.horizontalAdvance(QStringLiteral("§5.4.1")) + 20);
    const double badgeHeight = badgeMetrics.height() + 6;
    const double rightHeight = (m_sectionText.isEmpty() ? 0 : badgeHeight + 3) + detailMetrics.lineSpacing();
    const double rightTop = (height() - rightHeight) / 2;
    const double centreX = right - block / 2;
    if (!m_sectionText.isEmpty()) {
        const double w = badgeMetrics.horizontalAdvance(m_sectionText) + 20;
        const QRectF badge(centreX - w / 2, rightTop, w, badgeHeight);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ClusterPalette::deepBlue());
        painter.drawRoundedRect(badge, badgeHeight / 2, badgeHeight / 2);
        painter.setFont(badgeF);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, m_sectionText);
    }
    painter.setFont(font());
    painter.setPen(ClusterPalette::mutedInk());
    painter.drawText(QRectF(right - block - 20, rightTop + rightHeight - detailMetrics.lineSpacing(), block + 20,
                            detailMetrics.lineSpacing()),
                     Qt::AlignHCenter | Qt::AlignVCenter, title);
    right -= block + 2 * kPadding;

    // Middle: the main sentence (up to two lines), then the others, smaller.
    const double width = std::max(40.0, right - left);
    QFont chosen = main;
    bool fits = false;
    QStringList lines = wrap(m_mainText, chosen, width, 2, &fits);
    if (!fits) {
        chosen.setPixelSize(std::max(12, main.pixelSize() * 7 / 8));
        lines = wrap(m_mainText, chosen, width, 2, &fits);
    }
    const QFontMetrics chosenMetrics(chosen);
    const bool hasDetail = !m_detailText.isEmpty() || !m_moreText.isEmpty();
    const double textHeight = lines.size() * chosenMetrics.lineSpacing()
        + (hasDetail ? detailMetrics.lineSpacing() + 2 : 0);
    double y = std::max<double>(4, (height() - textHeight) / 2);
    painter.setFont(chosen);
    painter.setPen(ClusterPalette::ink());
    for (const QString &line : lines) {
        painter.drawText(QPointF(left, y + chosenMetrics.ascent()), line);
        y += chosenMetrics.lineSpacing();
    }
    if (hasDetail) {
        y += 2;
        painter.setFont(font());
        double x = left;
        double room = width;
        if (!m_moreText.isEmpty()) {
            QFont bold = font();
            bold.setBold(true);
            const QFontMetrics boldMetrics(bold);
            const double w = boldMetrics.horizontalAdvance(m_moreText);
            painter.setFont(bold);
            painter.setPen(ClusterPalette::ink());
            painter.drawText(QPointF(left + width - w, y + detailMetrics.ascent()), m_moreText);
            room -= w + 12;
            painter.setFont(font());
        }
        painter.setPen(ClusterPalette::mutedInk());
        const QString detail = detailMetrics.elidedText(m_detailText, Qt::ElideRight, static_cast<int>(room));
        painter.drawText(QPointF(x, y + detailMetrics.ascent()), detail);
    }
}

void StepBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        reword();
        update();
    } else if (event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

void StepBanner::setSource(const SimulationSource *source)
{
    connect(source, &SimulationSource::structureChanged, this, &StepBanner::clear);
    connect(source, &SimulationSource::stepped, this, [this, source](std::size_t firstEvent, std::size_t endEvent) {
        showStep(source->history().trace(), firstEvent, endEvent);
        show();
    });
    connect(source, &SimulationSource::playingChanged, this, [this](bool playing) {
        if (playing)
            hide();
    });
}

} // namespace widgets
