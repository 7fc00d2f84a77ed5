#pragma once

#include <QObject>
#include <QString>

#include <optional>

class QWidget;
class SimulationController;

/// CommandGuards asks the teacher before the commands that would lose work or leave
/// something behind: Start Over, New Cluster and Restart All (the run so far, or many
/// actions at once), and turning Hold off while messages still wait at the door
/// (they would otherwise stay frozen there). Tests and scripts answer in advance
/// with setAnswer(); otherwise a dialog asks.
class CommandGuards : public QObject {
    Q_OBJECT
public:
    /// Answer is the teacher's reply to a question.
    enum class Answer {
        /// Go ahead (for held messages: deliver them now).
        Yes,
        /// Held messages only: drop them, then stop holding.
        Drop,
        /// Do nothing.
        Cancel,
    };

    CommandGuards(QWidget *window, SimulationController *controller);

    /// setAnswer answers every question without a dialog (nullopt: ask).
    void setAnswer(std::optional<Answer> answer) { m_answer = answer; }
    /// questions counts the questions put so far.
    int questions() const { return m_questions; }

    /// startOver rebuilds the run from time zero, after asking if anything happened.
    void startOver();
    /// restartAll restarts every crashed server and resumes every paused one, after
    /// asking if there are any.
    void restartAll();
    /// confirmNewCluster asks before a new cluster replaces a run that has begun.
    bool confirmNewCluster();
    /// setHold turns Hold on, or off after asking what becomes of the held messages.
    void setHold(bool on);

Q_SIGNALS:
    /// holdUnchanged: the teacher kept holding (the menu's tick must follow).
    void holdUnchanged();

private:
    /// runHasBegun tells whether the run holds anything to lose.
    bool runHasBegun() const;
    Answer ask(const QString &objectName, const QString &title, const QString &text, const QString &yes,
               const QString &drop = {});

    QWidget *m_window;
    SimulationController *m_controller;
    std::optional<Answer> m_answer;
    int m_questions = 0;
};
