// live_window_tests: the window's Live Cluster (LiveMirror, LiveSource, LiveActions,
// LiveWindow), offscreen, against real server processes on 127.0.0.1.
#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
