#pragma once

#include "raft/trace.h"

#include <QColor>
#include <QElapsedTimer>
#include <QString>
#include <QWidget>

#include <cstddef>

class QPropertyAnimation;

namespace widgets {

class SimulationSource;

/// StepBanner is the band that explains the step just taken, large enough to read
/// from the back of a classroom: the most important event of the step (the highest
/// raft::rankOf: a leader elected, a commit, a refusal before the heartbeats of a
/// quiet cluster) as a sentence
/// (the rule that applied, in words), the step's other events smaller beneath it (up
/// to kMaxDetails, then "+N more"), the step number and virtual time on the left and
/// the paper's section as a badge on the right. The band flashes gently when its
/// sentence changes.
///
/// It keeps its own copy of the step's events, so the history may move on, and words
/// them again when the language changes.
class StepBanner : public QWidget {
    Q_OBJECT
    /// flash: the colour laid over the band, fading out after a change (cosmetic).
    Q_PROPERTY(QColor flash READ flash WRITE setFlash)

public:
    /// kMaxDetails: how many of the step's other events are worded on the second line.
    static constexpr int kMaxDetails = 3;

    explicit StepBanner(QWidget *parent = nullptr);

    /// showStep explains the events [firstEvent, endEvent) of trace, the events of the
    /// step just taken (clamped to the trace).
    void showStep(const raft::Trace &trace, std::size_t firstEvent, std::size_t endEvent);
    /// clear empties the band; it shows the placeholder text.
    /// setSource shows the source's world and follows its signals. Call it once.
    void setSource(const SimulationSource *source);
    void clear();
    /// setPlaceholderText sets what the empty band says.
    void setPlaceholderText(const QString &text);
    /// isEmpty tells whether no step is shown.
    bool isEmpty() const { return !m_hasStep; }

    /// mainText is the sentence shown large (without its section, which has the badge).
    QString mainText() const { return m_mainText; }
    /// detailText is the smaller line: the step's other events and "+N more".
    QString detailText() const;
    /// sectionText is the badge: the paper's section of the main event ("§5.2"), or "".
    QString sectionText() const { return m_sectionText; }
    /// stepText is "Step 42" and timeText the step's virtual time ("1.250 s").
    QString stepText() const { return m_stepText; }
    QString timeText() const { return m_timeText; }
    /// mainEvent is the event shown large (meaningful when !isEmpty()).
    raft::TraceEvent mainEvent() const { return m_events.events()[m_main]; }

    /// flash is the colour laid over the band now; setFlash sets it (the animation does).
    QColor flash() const { return m_flash; }
    void setFlash(const QColor &colour);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// reword builds the texts from m_events in the current language.
    void reword();
    void startFlash();
    QFont mainFont() const;
    QFont stepFont() const;
    QFont badgeFont() const;
    /// accent is the colour of the band's left edge, after the main event's tone.
    QColor accent() const;

    /// m_events: a copy of the step's events, with the texts they refer to.
    raft::Trace m_events;
    std::size_t m_main = 0;
    bool m_hasStep = false;
    QString m_mainText;
    /// m_detailText: the other events' sentences; m_moreText: "+N more", or "".
    QString m_detailText;
    QString m_moreText;
    QString m_sectionText;
    QString m_stepText;
    QString m_timeText;
    QString m_placeholder;
    bool m_customPlaceholder = false;
    QColor m_flash;
    QPropertyAnimation *m_animation = nullptr;
    /// m_sinceChange: time since the sentence last changed (no flash during playback).
    QElapsedTimer m_sinceChange;
};

} // namespace widgets
