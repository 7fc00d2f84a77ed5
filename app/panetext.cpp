#include "panetext.h"

#include <QApplication>
#include <QFontInfo>
#include <QHeaderView>

#include <algorithm>

void PaneText::setPanes(const QList<QWidget *> &panes)
{
    m_panes.clear();
    for (QWidget *pane : panes) {
        m_panes.append(pane);
        apply(pane);
    }
}

void PaneText::setScale(double scale)
{
    m_scale = std::clamp(scale, 1.0, 4.0);
    for (const QPointer<QWidget> &pane : std::as_const(m_panes))
        if (pane)
            apply(pane);
}

QFont PaneText::scaled(const QFont &base, double scale)
{
    QFont font = base;
    if (base.pixelSize() > 0)
        font.setPixelSize(std::max(1, static_cast<int>(base.pixelSize() * scale + 0.5)));
    else
        font.setPointSizeF(base.pointSizeF() * scale);
    return font;
}

double PaneText::scaleForPixels(int pixels)
{
    const int base = std::max(1, QFontInfo(QApplication::font()).pixelSize());
    return static_cast<double>(pixels) / base;
}

void PaneText::apply(QWidget *pane) const
{
    const QFont font = scaled(QApplication::font(), m_scale);
    if (m_scale == 1.0)
        pane->setFont(QFont()); // back to inheriting the application's font
    else
        pane->setFont(font);
    // A style sheet fixes the font of its widget and the widgets inside it at polish
    // time: those are given the new size by hand (keeping their weight and style).
    for (QWidget *child : pane->findChildren<QWidget *>()) {
        bool sheeted = false;
        for (const QWidget *w = child; w && w != pane && !sheeted; w = w->parentWidget())
            sheeted = !w->styleSheet().isEmpty();
        if (!sheeted || qobject_cast<QHeaderView *>(child))
            continue;
        QFont own = child->font();
        if (font.pixelSize() > 0)
            own.setPixelSize(font.pixelSize());
        else
            own.setPointSizeF(font.pointSizeF());
        child->setFont(own);
    }
}
