// widget_tests: the Qt widgets and the window, offscreen, in one QApplication.
#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    // Before QApplication exists, or even --gtest_list_tests aborts without a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
