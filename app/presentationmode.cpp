#include "presentationmode.h"

#include "widgets/clusterview.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>

PresentationMode::PresentationMode(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{ }

void PresentationMode::setActive(bool on, bool fullScreen)
{
    if (on == m_active)
        return;
    QMainWindow *window = m_parts.window;
    m_active = on;
    if (on) {
        m_state = window->saveState();
        m_windowState = window->windowState();
        m_wasVisible.clear();
        for (QWidget *widget : std::as_const(m_parts.hidden)) {
            if (widget->isVisibleTo(window)) {
                m_wasVisible.append(widget);
                widget->hide();
            }
        }
        for (QDockWidget *dock : std::as_const(m_parts.keptIfShown))
            if (dock->isVisibleTo(window))
                dock->setFloating(false);
        m_keptWasVisible = m_parts.kept->isVisibleTo(window);
        m_parts.kept->setFloating(false);
        m_parts.kept->show();
        window->menuBar()->hide();
        window->statusBar()->hide();
        m_parts.cluster->setPresentation(true);
        if (fullScreen)
            window->setWindowState(window->windowState() | Qt::WindowFullScreen);
    } else {
        m_parts.cluster->setPresentation(false);
        window->menuBar()->show();
        window->statusBar()->show();
        for (const QPointer<QWidget> &widget : std::as_const(m_wasVisible))
            if (widget)
                widget->show();
        m_parts.kept->setVisible(m_keptWasVisible);
        window->restoreState(m_state);
        window->setWindowState(m_windowState);
    }
    Q_EMIT changed(on);
}
