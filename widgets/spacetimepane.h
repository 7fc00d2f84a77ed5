#pragma once

#include <QWidget>

class QCheckBox;
class QToolButton;

namespace widgets {

class SpaceTimeView;

/// SpaceTimePane is the Space-Time dock's content: the diagram (SpaceTimeView) under a
/// row of controls: show heartbeats, follow the playhead, show the whole run.
class SpaceTimePane : public QWidget {
    Q_OBJECT
public:
    explicit SpaceTimePane(QWidget *parent = nullptr);

    SpaceTimeView *view() const { return m_view; }
    /// heartbeatsBox is the "Heartbeats" check box (tests tick it).
    QCheckBox *heartbeatsBox() const { return m_heartbeats; }
    /// setPresentation hides the controls and makes the diagram large and plain.
    void setPresentation(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    SpaceTimeView *m_view = nullptr;
    QWidget *m_controls = nullptr;
    QCheckBox *m_heartbeats = nullptr;
    QToolButton *m_follow = nullptr;
    QToolButton *m_whole = nullptr;
};

} // namespace widgets
