#include "exportdialogs.h"

#include "mainwindow.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>
#include <cmath>

using PictureExport::View;

void fillViewCombo(QComboBox *combo, bool withWindow)
{
    combo->addItem(QCoreApplication::translate("ExportDialogs", "The cluster"), static_cast<int>(View::Cluster));
    combo->addItem(QCoreApplication::translate("ExportDialogs", "The space-time diagram"),
                   static_cast<int>(View::SpaceTime));
    combo->addItem(QCoreApplication::translate("ExportDialogs", "The log grid"), static_cast<int>(View::Log));
    if (withWindow)
        combo->addItem(QCoreApplication::translate("ExportDialogs", "The whole window"),
                       static_cast<int>(View::Window));
}

ExportPictureDialog::ExportPictureDialog(QWidget *parent)
    : QDialog(parent)
    , m_view(new QComboBox(this))
    , m_format(new QComboBox(this))
{
    setObjectName(QStringLiteral("exportPictureDialog"));
    setWindowTitle(tr("Export Picture"));
    fillViewCombo(m_view, true);
    m_format->addItem(tr("PNG, screen size (1×)"));
    m_format->addItem(tr("PNG, twice the size (2×), for sharp slides"));
    m_format->addItem(tr("SVG, vector, for slides"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Show:"), m_view);
    form->addRow(tr("&Format:"), m_format);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

View ExportPictureDialog::view() const
{
    return static_cast<View>(m_view->currentData().toInt());
}

double ExportPictureDialog::scale() const
{
    return m_format->currentIndex() == 1 ? 2.0 : 1.0;
}

bool ExportPictureDialog::svg() const
{
    return m_format->currentIndex() == 2;
}

ExportAnimationDialog::ExportAnimationDialog(raft::Time now, raft::Time frontier, QWidget *parent)
    : QDialog(parent)
    , m_view(new QComboBox(this))
    , m_from(new QDoubleSpinBox(this))
    , m_to(new QDoubleSpinBox(this))
    , m_speed(new QDoubleSpinBox(this))
    , m_fps(new QSpinBox(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("exportAnimationDialog"));
    setWindowTitle(tr("Export Animation"));
    fillViewCombo(m_view, true);
    const double end = static_cast<double>(std::max<raft::Time>(frontier, 1)) / static_cast<double>(raft::fromSeconds(1));
    for (QDoubleSpinBox *box : {m_from, m_to}) {
        box->setRange(0, end);
        box->setDecimals(2);
        box->setSingleStep(0.1);
        box->setSuffix(tr(" s"));
    }
    m_to->setValue(static_cast<double>(std::max<raft::Time>(now, 1)) / static_cast<double>(raft::fromSeconds(1)));
    m_from->setValue(std::max(0.0, m_to->value() - 1.0));
    m_speed->setRange(0.05, 20);
    m_speed->setDecimals(2);
    m_speed->setValue(0.25);
    m_speed->setSuffix(tr(" × real time"));
    m_fps->setRange(1, 30);
    m_fps->setValue(15);
    m_fps->setSuffix(tr(" frames/s"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Show:"), m_view);
    form->addRow(tr("F&rom:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("S&peed:"), m_speed);
    form->addRow(tr("Frame &rate:"), m_fps);
    form->addRow(QString(), m_count);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QDoubleSpinBox *box : {m_from, m_to, m_speed})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ExportAnimationDialog::updateCount);
    connect(m_fps, &QSpinBox::valueChanged, this, &ExportAnimationDialog::updateCount);
    updateCount();
}

void ExportAnimationDialog::updateCount()
{
    const bool ordered = to() > from();
    const int frames = ordered ? MainWindow::animationFrameCount(from(), to(), speed(), fps()) : 0;
    const bool ok = ordered && frames <= kMaxAnimationFrames;
    if (!ordered)
        m_count->setText(tr("The span must end after it starts."));
    else if (!ok)
        m_count->setText(tr("%n frame(s): too many (at most %1); shorten the span or raise the speed.", nullptr, frames)
                             .arg(kMaxAnimationFrames));
    else
        m_count->setText(
            tr("%n frame(s), %1 s long", nullptr, frames).arg(frames / static_cast<double>(fps()), 0, 'f', 1));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

View ExportAnimationDialog::view() const
{
    return static_cast<View>(m_view->currentData().toInt());
}

raft::Time ExportAnimationDialog::from() const
{
    return raft::fromMsDouble(m_from->value() * 1000.0);
}

raft::Time ExportAnimationDialog::to() const
{
    return raft::fromMsDouble(m_to->value() * 1000.0);
}

double ExportAnimationDialog::speed() const
{
    return m_speed->value();
}

int ExportAnimationDialog::fps() const
{
    return m_fps->value();
}
