// The server's command line: what it accepts, and a clear word for each mistake.
#include "app/live/nodeoptions.h"

#include <gtest/gtest.h>

using live::NodeOptions;

namespace {
std::string errorFor(const std::vector<std::string> &args)
{
    NodeOptions o;
    std::string error;
    EXPECT_FALSE(live::parseNodeOptions(args, o, error));
    return error;
}
const std::string kCluster = "S1=127.0.0.1:7101,S3=127.0.0.1:7103,S2=127.0.0.1:7102";
} // namespace

TEST(NodeOptions, FullCommandLine)
{
    NodeOptions o;
    std::string error;
    ASSERT_TRUE(live::parseNodeOptions({"--node", "S2", "--cluster", kCluster, "--data", "/tmp/x", "--http", "8102",
                                        "--watch", "9102", "--listen", "0.0.0.0", "--no-fsync", "--election-timeout",
                                        "300-600", "--heartbeat", "100", "--seed", "7"},
                                       o, error))
        << error;
    EXPECT_EQ(o.self, 2);
    ASSERT_EQ(o.cluster.size(), 3u);
    EXPECT_EQ(o.cluster[2], (live::ServerAddress{"127.0.0.1", 7103}));
    EXPECT_EQ(o.httpPort, 8102);
    EXPECT_EQ(o.watchPort, 9102);
    EXPECT_EQ(o.listen, "0.0.0.0");
    EXPECT_FALSE(o.fsync);
    EXPECT_EQ(o.electionTimeoutMin, 300);
    EXPECT_EQ(o.electionTimeoutMax, 600);
    EXPECT_EQ(o.heartbeatInterval, 100);
    EXPECT_EQ(o.seed, 7u);
    EXPECT_EQ(live::formatCluster(o.cluster), "S1=127.0.0.1:7101,S2=127.0.0.1:7102,S3=127.0.0.1:7103");
}

TEST(NodeOptions, MistakesAreNamed)
{
    EXPECT_EQ(errorFor({"--node", "S1"}), "--node, --cluster and --data are required");
    EXPECT_NE(errorFor({"--node", "S4", "--cluster", kCluster, "--data", "d"}).find("not in --cluster"),
              std::string::npos);
    EXPECT_NE(errorFor({"--node", "S0"}).find("not a server name"), std::string::npos);
    EXPECT_NE(errorFor({"--cluster", "S1=127.0.0.1:7101,S3=127.0.0.1:7103"}).find("no S2"), std::string::npos);
    EXPECT_NE(errorFor({"--cluster", "S1=127.0.0.1:7101,S1=127.0.0.1:7102"}).find("twice"), std::string::npos);
    EXPECT_NE(errorFor({"--cluster", "S1=127.0.0.1:7101,S2=127.0.0.1:7101"}).find("one address"), std::string::npos);
    EXPECT_NE(errorFor({"--cluster", "S1=127.0.0.1:99999"}).find("bad host or port"), std::string::npos);
    EXPECT_NE(errorFor({"--cluster", "S1:7101"}).find("SERVER=HOST:PORT"), std::string::npos);
    EXPECT_NE(errorFor({"--http", "0"}).find("not a port"), std::string::npos);
    EXPECT_NE(errorFor({"--election-timeout", "300"}).find("MIN-MAX"), std::string::npos);
    EXPECT_NE(errorFor({"--node", "S1", "--cluster", kCluster, "--data", "d", "--heartbeat", "200"}).find("shorter"),
              std::string::npos);
    EXPECT_EQ(errorFor({"--bogus"}), "unknown option \"--bogus\"");
    EXPECT_EQ(errorFor({"--data"}), "--data needs a value");
}
