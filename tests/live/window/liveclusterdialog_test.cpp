// The Live Cluster dialog: what it asks for, and the attach list it refuses.
#include "app/liveclusterdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>

#include <gtest/gtest.h>

namespace {

TEST(LiveClusterDialog, LaunchRequestCarriesServersAndPace)
{
    LiveClusterDialog dialog;
    dialog.findChild<QSpinBox *>(QStringLiteral("liveServers"))->setValue(5);
    dialog.findChild<QComboBox *>(QStringLiteral("livePace"))->setCurrentIndex(1);
    const LiveClusterRequest r = dialog.request();
    EXPECT_EQ(r.mode, LiveClusterRequest::Mode::Launch);
    EXPECT_EQ(r.launch.servers, 5);
    EXPECT_EQ(r.timing.servers, 5);
    EXPECT_EQ(r.launch.heartbeatMs, 50);
    EXPECT_EQ(r.launch.electionTimeoutMin, 150);
    EXPECT_EQ(r.launch.electionTimeoutMax, 300);
    EXPECT_TRUE(r.launch.dataRoot.isEmpty()); // a temporary folder
}

TEST(LiveClusterDialog, AttachListIsCheckedLineByLine)
{
    QList<live::LiveServer> servers;
    QString error;
    ASSERT_TRUE(LiveClusterDialog::parseServers(QStringLiteral("127.0.0.1 8101 9101\n\n127.0.0.1 8102 9102\n"),
                                                &servers, &error));
    ASSERT_EQ(servers.size(), 2);
    EXPECT_EQ(servers[1].id, 2);
    EXPECT_EQ(servers[1].httpPort, 8102);
    EXPECT_EQ(servers[1].watchPort, 9102);
    EXPECT_FALSE(
        LiveClusterDialog::parseServers(QStringLiteral("127.0.0.1 8101 9101\nlocalhost 80"), &servers, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("line 2:"))) << error.toStdString();

    // The dialog refuses a bad list where the user can see why, and stays open.
    LiveClusterDialog dialog;
    dialog.findChild<QRadioButton *>(QStringLiteral("liveMode1"))->click();
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("liveAttachList"))->setPlainText(QStringLiteral("nonsense"));
    dialog.show();
    dialog.accept();
    EXPECT_TRUE(dialog.isVisible());
    auto *shown = dialog.findChild<QLabel *>(QStringLiteral("liveDialogError"));
    ASSERT_NE(shown, nullptr);
    EXPECT_TRUE(shown->isVisible());
    EXPECT_TRUE(shown->text().startsWith(QStringLiteral("line 1:")));
}

} // namespace
