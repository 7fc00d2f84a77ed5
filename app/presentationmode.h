#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace widgets {
class ClusterView;
}

/// PresentationMode is the window as a projector in class needs it (View ›
/// Presentation, F5; Esc leaves): full screen, the cluster picture and the lesson bar
/// large with the log grid under them (and the space-time diagram, if it was shown),
/// everything else hidden, and the panes' text
/// at least kMinTextPixels high. Leaving restores the window as it was.
class PresentationMode : public QObject {
    Q_OBJECT
public:
    /// Parts names what presentation mode shows and hides.
    struct Parts {
        QMainWindow *window = nullptr;
        widgets::ClusterView *cluster = nullptr;
        /// kept: the dock that stays (the log grid under the cluster).
        QDockWidget *kept = nullptr;
        /// keptIfShown: docks that stay if they were shown (the space-time diagram).
        QList<QDockWidget *> keptIfShown;
        /// hidden: every other widget that goes away (docks, bars, banners).
        QList<QWidget *> hidden;
    };
    /// kMinTextPixels: the smallest text in presentation mode, readable from the back row.
    static constexpr int kMinTextPixels = 24;

    PresentationMode(const Parts &parts, QObject *parent);

    bool isActive() const { return m_active; }
    /// setActive enters or leaves presentation mode; fullScreen false keeps the
    /// window's size (screenshots of a given size).
    void setActive(bool on, bool fullScreen = true);

Q_SIGNALS:
    /// changed: presentation mode was entered or left (the text scale must follow).
    void changed(bool active);

private:
    Parts m_parts;
    bool m_active = false;
    // What leaving restores.
    QByteArray m_state;
    Qt::WindowStates m_windowState;
    QList<QPointer<QWidget>> m_wasVisible;
    bool m_keptWasVisible = true;
};
