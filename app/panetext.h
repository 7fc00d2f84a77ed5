#pragma once

#include <QFont>
#include <QList>
#include <QPointer>
#include <QWidget>

/// PaneText scales the text of the window's panes (the Text Size setting, and
/// presentation mode): each pane gets the application's font at `scale` times its
/// size, and lays itself out for it (rows, cells and margins follow the font).
class PaneText {
public:
    /// setPanes lists the widgets to scale (their children follow them).
    void setPanes(const QList<QWidget *> &panes);
    /// setScale applies scale (1 = the application's font) to every pane.
    void setScale(double scale);
    double scale() const { return m_scale; }
    /// scaled returns `base` at `scale` times its size.
    static QFont scaled(const QFont &base, double scale);
    /// scaleForPixels returns the scale at which the application's font is at least
    /// `pixels` pixels high (presentation mode's floor).
    static double scaleForPixels(int pixels);

private:
    void apply(QWidget *pane) const;

    QList<QPointer<QWidget>> m_panes;
    double m_scale = 1.0;
};
