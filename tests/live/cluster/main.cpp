// live_cluster_tests: real server processes on 127.0.0.1. One QCoreApplication for the
// whole binary (the cluster, its watchers and HTTP clients live on its event loop).
#include <gtest/gtest.h>

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
