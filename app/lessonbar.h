#pragma once

#include <QString>
#include <QWidget>

class LessonCatalogue;
class QLabel;
class SimulationController;

/// LessonBar is the band over the cluster while a scenario plays: its title (in the
/// user's language for a shipped lesson), the last narration line it said, whether it
/// has finished, and how many of its expectations failed. It follows the controller's
/// scenario signals itself, and reports a failed line and the end of the scenario for
/// the status bar.
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

Q_SIGNALS:
    /// reported: a sentence for the status bar, shown for timeoutMs.
    void reported(const QString &text, int timeoutMs);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onLine(int line, const QString &text, bool ok, const QString &why);
    void onFinished(int passed, int failed);
    /// refresh shows the bar's words as they are now (hides it when nothing plays).
    void refresh();
    /// findTitle reads the title of the scenario at m_path in the current language.
    QString findTitle() const;

    const SimulationController *m_controller = nullptr;
    const LessonCatalogue *m_catalogue = nullptr;
    QLabel *m_text = nullptr;
    QString m_path;
    QString m_title;
    QString m_narration;
};
