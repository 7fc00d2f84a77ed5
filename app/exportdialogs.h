#pragma once

#include "pictureexport.h"

#include "raft/types.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

/// ExportPictureDialog asks what to picture (cluster, log grid, space-time diagram or
/// the whole window) and in which form (PNG 1×, PNG 2×, SVG).
class ExportPictureDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportPictureDialog(QWidget *parent = nullptr);
    PictureExport::View view() const;
    /// scale is 1 or 2 for a PNG; svg() tells whether SVG was chosen.
    double scale() const;
    bool svg() const;

private:
    QComboBox *m_view = nullptr;
    QComboBox *m_format = nullptr;
};

/// ExportAnimationDialog asks for a view, a span of the recorded run, a speed and a
/// frame rate, and shows how many frames that makes.
class ExportAnimationDialog : public QDialog {
    Q_OBJECT
public:
    ExportAnimationDialog(raft::Time now, raft::Time frontier, QWidget *parent = nullptr);
    PictureExport::View view() const;
    raft::Time from() const;
    raft::Time to() const;
    double speed() const;
    int fps() const;

private:
    void updateCount();

    QComboBox *m_view = nullptr;
    QDoubleSpinBox *m_from = nullptr;
    QDoubleSpinBox *m_to = nullptr;
    QDoubleSpinBox *m_speed = nullptr;
    QSpinBox *m_fps = nullptr;
    QLabel *m_count = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

/// kMaxAnimationFrames bounds an animation (a long one is a video, not a slide).
inline constexpr int kMaxAnimationFrames = 1200;

/// fillViewCombo lists the views a picture can show, in the user's words.
void fillViewCombo(QComboBox *combo, bool withWindow);
