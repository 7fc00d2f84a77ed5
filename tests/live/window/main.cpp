// live_window_tests: the window's Live Cluster (LiveMirror, LiveSource, LiveActions,
// LiveWindow), offscreen, against real server processes on 127.0.0.1.
#include "app/language.h"

#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // RAFTVIZ_LIVE_LANG=zh_CN shows the window in Chinese (with RAFTVIZ_LIVE_SCREENSHOT).
    if (const QByteArray lang = qgetenv("RAFTVIZ_LIVE_LANG"); !lang.isEmpty())
        Language::apply(QString::fromLatin1(lang));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
