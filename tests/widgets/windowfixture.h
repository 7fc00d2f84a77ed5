#pragma once

// WindowFixture: the fresh main window that the window-level tests start from.

#include "app/language.h"
#include "app/mainwindow.h"
#include "app/simulationcontroller.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

/// WindowFixture gives each test a fresh window in English with the clock stopped
/// (tests move time themselves) and its settings in a temporary file.
class WindowFixture : public ::testing::Test {
protected:
    /// windowSize is the size the window is shown at.
    virtual QSize windowSize() const { return {1280, 720}; }

    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        Language::apply(QStringLiteral("en"));
        MainWindowOptions options;
        options.settingsFile = m_dir.filePath(QStringLiteral("raftviz.ini"));
        options.autoPlay = false;
        m_window = std::make_unique<MainWindow>(options);
        m_window->resize(windowSize());
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void TearDown() override
    {
        closePopups();
        m_window.reset();
        Language::apply(QStringLiteral("en"));
    }

    static void closePopups()
    {
        while (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
        QApplication::processEvents();
    }

    SimulationController &controller() { return *m_window->controller(); }
    const raft::Simulation &sim() { return m_window->controller()->simulation(); }
    const raft::History &history() { return m_window->controller()->history(); }
    /// action finds one of the window's actions by object name.
    QAction *action(const char *name)
    {
        auto *found = m_window->findChild<QAction *>(QLatin1String(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }
    /// openMenu returns the context menu with this object name that is showing.
    QMenu *openMenu(const QString &name)
    {
        for (QMenu *menu : m_window->findChildren<QMenu *>(name))
            if (menu->isVisible())
                return menu;
        return nullptr;
    }
    /// path names a file in the test's temporary folder.
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};
