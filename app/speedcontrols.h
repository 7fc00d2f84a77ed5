#pragma once

#include <QObject>

class QLabel;
class QSlider;
class QToolBar;
class SimulationController;

/// SpeedControls are the toolbar's speed slider (logarithmic, 1/1000× to 10×) and the
/// bold label that shows the speed. Moving the slider sets the controller's speed; any
/// change of speed (keys, menus, settings) moves the slider back in step.
class SpeedControls : public QObject {
    Q_OBJECT
public:
    /// SpeedControls creates the slider and the label in toolBar (the caller places them).
    SpeedControls(QToolBar *toolBar, SimulationController *controller);

    QSlider *slider() const { return m_slider; }
    QLabel *label() const { return m_label; }
    /// retranslate words the slider's tooltip and the label in the current language.
    void retranslate();

private:
    void show(double speed);

    SimulationController *m_controller = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_label = nullptr;
};
