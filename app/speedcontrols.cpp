#include "speedcontrols.h"

#include "simulationcontroller.h"

#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolBar>

#include <cmath>

namespace {

/// The slider is logarithmic: position = 100 × log10(speed).
constexpr int kSliderMin = -300; // 1/1000×
constexpr int kSliderMax = 100; // 10×

int sliderPosition(double speed)
{
    return static_cast<int>(std::lround(std::log10(speed) * 100.0));
}

double sliderSpeed(int position)
{
    return std::pow(10.0, position / 100.0);
}

} // namespace

SpeedControls::SpeedControls(QToolBar *toolBar, SimulationController *controller)
    : QObject(toolBar)
    , m_controller(controller)
    , m_slider(new QSlider(Qt::Horizontal, toolBar))
    , m_label(new QLabel(toolBar))
{
    m_slider->setObjectName(QStringLiteral("speedSlider"));
    m_slider->setRange(kSliderMin, kSliderMax);
    m_slider->setPageStep(30);
    m_slider->setFixedWidth(130);
    m_label->setObjectName(QStringLiteral("toolbarSpeed"));
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QStringLiteral("1/1000×")) + 8);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    show(controller->speed());
    connect(m_slider, &QSlider::valueChanged, controller,
            [controller](int position) { controller->setSpeed(sliderSpeed(position)); });
    connect(controller, &SimulationController::speedChanged, this, &SpeedControls::show);
}

void SpeedControls::retranslate()
{
    m_slider->setToolTip(tr("Speed of the simulated world: 1/1000× to 10× real time"));
    show(m_controller->speed());
}

void SpeedControls::show(double speed)
{
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(sliderPosition(speed));
    }
    m_label->setText(SimulationController::speedText(speed));
}
