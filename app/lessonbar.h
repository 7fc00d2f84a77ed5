#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QWidget>

class LessonCatalogue;
class QHBoxLayout;
class QLabel;
class QPushButton;
class SimulationController;

/// LessonBar is the band over the cluster while a lesson plays: its title (in the
/// user's language for a shipped lesson), the narration in force at the live moment
/// (the say line of the history position, in the current language: a lesson's
/// translations have the same say lines in the same order), and what the lesson waits
/// for: Next at a say line, the class at a "wait until" (its hint), an answer at a
/// question (one button per choice), Next after a reveal (whether the class was
/// right, and why). It reads the controller and asks through its signals; the window
/// connects them to the controller.
class LessonBar : public QWidget {
    Q_OBJECT
public:
    LessonBar(const SimulationController *controller, const LessonCatalogue *catalogue, QWidget *parent = nullptr);

    /// setScenario names the script being played (a shipped lesson's resource path or a
    /// file of the user's; "" when the world came from elsewhere, e.g. a saved run).
    void setScenario(const QString &path);
    /// title names the scenario being played, in the user's language for a shipped lesson,
    /// else by its first comment line, else by its file name.
    QString title() const { return m_title; }
    /// narrationText is the narration shown now (the say line in force, translated).
    QString narrationText() const;

Q_SIGNALS:
    /// reported: a sentence for the status bar, shown for timeoutMs.
    void reported(const QString &text, int timeoutMs);
    /// nextRequested: Next (play on to the next line); backRequested: Back (the
    /// previous line); continueRequested: Continue (do what a wait asks / play on
    /// freely after the end); answerChosen: the class picked answer `choice` (0-based).
    void nextRequested();
    void backRequested();
    void continueRequested();
    void answerChosen(int choice);

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    /// applyFonts sizes the sentence, the status and Next from the bar's font.
    void applyFonts();
    void onLine(int line, const QString &text, bool ok, const QString &why);
    void onFinished(int passed, int failed);
    /// refresh shows the bar's words as they are now (hides it when nothing plays).
    void refresh();
    /// refreshAnswers makes one button per answer of the question asked.
    void refreshAnswers();
    /// statusText words what the lesson waits for now.
    QString statusText() const;
    /// findTitle reads the title of the scenario at m_path in the current language.
    QString findTitle() const;
    /// translatedNarration reads the say lines of the lesson in the current language.
    QStringList translatedNarration() const;
    void retranslateButtons();

    const SimulationController *m_controller = nullptr;
    const LessonCatalogue *m_catalogue = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_status = nullptr;
    QHBoxLayout *m_answers = nullptr;
    QList<QPushButton *> m_answerButtons;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_continue = nullptr;
    QString m_path;
    QString m_title;
    /// m_narrationCache: the say lines of the lesson per language code.
    mutable QHash<QString, QStringList> m_narrationCache;
};
