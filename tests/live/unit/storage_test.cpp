// Stable storage: what is saved comes back after a crash; a torn or corrupt tail is
// cut and reported; damage a crash cannot cause refuses to start; one server per folder.
#include "app/live/storage.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <fstream>
#include <sstream>

using live::Storage;

namespace {

std::string readBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeBytes(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

/// Folder is a temporary data folder.
struct Folder {
    QTemporaryDir dir;
    std::string path() const { return dir.path().toStdString() + "/S2"; }
};

/// saveEntries drives a real Node through `commands` as leader of a one-server
/// cluster and saves each Ready, as LiveNode does.
raft::Node leaderWith(Storage &storage, const std::vector<std::string> &commands)
{
    raft::NodeConfig config;
    config.id = 1;
    config.clusterSize = 1;
    raft::Node node(config, storage.loaded(), 0);
    raft::Ready ready;
    std::string error;
    node.tick(raft::fromSeconds(1)); // past any default election timeout
    node.takeReady(ready);
    EXPECT_TRUE(storage.save(ready, node, error)) << error;
    for (const std::string &c : commands) {
        EXPECT_TRUE(node.propose(c, raft::fromSeconds(1) + 1).accepted);
        node.takeReady(ready);
        EXPECT_TRUE(storage.save(ready, node, error)) << error;
    }
    return node;
}

} // namespace

TEST(Storage, SavedStateAndLogComeBack)
{
    Folder f;
    raft::PersistentState expected;
    {
        auto opened = Storage::open(f.path(), 1, true);
        ASSERT_TRUE(opened.storage) << opened.error;
        EXPECT_TRUE(opened.notes.empty());
        EXPECT_EQ(opened.storage->loaded(), raft::PersistentState{});
        const raft::Node node = leaderWith(*opened.storage, {"set x 1", "set y two words", "del x"});
        expected = node.persistentState();
    }
    auto reopened = Storage::open(f.path(), 1, true);
    ASSERT_TRUE(reopened.storage) << reopened.error;
    EXPECT_TRUE(reopened.notes.empty());
    EXPECT_EQ(reopened.storage->loaded(), expected);
    EXPECT_EQ(reopened.storage->loaded().log.lastIndex(), 4u); // the no-op and three commands
    EXPECT_EQ(reopened.storage->loaded().votedFor, 1);
    EXPECT_EQ(reopened.storage->loaded().currentTerm, 1u);
}

TEST(Storage, TruncationIsRecordedAndCompactedOnOpen)
{
    Folder f;
    std::uint64_t bytesBefore = 0;
    {
        auto opened = Storage::open(f.path(), 2, true);
        ASSERT_TRUE(opened.storage) << opened.error;
        // A follower's log: entries 1..3 of term 1, then a leader of term 2 replaces 3.
        raft::NodeConfig config;
        config.id = 2;
        config.clusterSize = 3;
        raft::Node node(config, opened.storage->loaded(), 0);
        raft::Message m;
        m.type = raft::MessageType::AppendEntries;
        m.from = 1;
        m.to = 2;
        m.term = 1;
        m.entries = {{1, "set a 1"}, {1, "set b 2"}, {1, "set c 3"}};
        raft::Ready ready;
        std::string error;
        node.step(m, 1);
        node.takeReady(ready);
        ASSERT_TRUE(opened.storage->save(ready, node, error)) << error;
        m.term = 2;
        m.prevLogIndex = 2;
        m.prevLogTerm = 1;
        m.entries = {{2, "set c 4"}};
        node.step(m, 2);
        node.takeReady(ready);
        ASSERT_TRUE(opened.storage->save(ready, node, error)) << error;
        bytesBefore = opened.storage->logBytes();
        EXPECT_EQ(node.log().lastIndex(), 3u);
    }
    auto reopened = Storage::open(f.path(), 2, true);
    ASSERT_TRUE(reopened.storage) << reopened.error;
    const raft::Log &log = reopened.storage->loaded().log;
    ASSERT_EQ(log.lastIndex(), 3u);
    EXPECT_EQ(log.at(3), (raft::Entry{2, "set c 4"}));
    EXPECT_EQ(reopened.storage->loaded().currentTerm, 2u);
    // The rewritten file holds the three entries only: smaller than before.
    EXPECT_LT(reopened.storage->logBytes(), bytesBefore);
    EXPECT_EQ(reopened.storage->logBytes(), readBytes(f.path() + "/log").size());
}

TEST(Storage, TornTailIsCutAndReported)
{
    Folder f;
    {
        auto opened = Storage::open(f.path(), 1, true);
        ASSERT_TRUE(opened.storage);
        leaderWith(*opened.storage, {"set x 1", "set x 2"});
    }
    const std::string whole = readBytes(f.path() + "/log");
    // A crash in the middle of appending: half of a record's header.
    writeBytes(f.path() + "/log", whole + std::string("\x20\x00\x00", 3));
    {
        auto opened = Storage::open(f.path(), 1, true);
        ASSERT_TRUE(opened.storage) << opened.error;
        ASSERT_EQ(opened.notes.size(), 1u);
        EXPECT_NE(opened.notes[0].find("log: cut 3 bytes at offset " + std::to_string(whole.size())), std::string::npos)
            << opened.notes[0];
        EXPECT_NE(opened.notes[0].find("torn record header"), std::string::npos);
        EXPECT_EQ(opened.storage->loaded().log.lastIndex(), 3u);
    }
    // The cut is made on disk: the next open finds nothing to repair.
    EXPECT_EQ(readBytes(f.path() + "/log"), whole);
    auto again = Storage::open(f.path(), 1, true);
    EXPECT_TRUE(again.notes.empty());
}

TEST(Storage, CorruptRecordIsCutWithEverythingAfterIt)
{
    Folder f;
    {
        auto opened = Storage::open(f.path(), 1, true);
        ASSERT_TRUE(opened.storage);
        leaderWith(*opened.storage, {"set x 1", "set x 2", "set x 3"});
    }
    std::string bytes = readBytes(f.path() + "/log");
    bytes[bytes.size() - 2] ^= 0x40; // one bit of the last command flips
    writeBytes(f.path() + "/log", bytes);
    auto opened = Storage::open(f.path(), 1, true);
    ASSERT_TRUE(opened.storage) << opened.error;
    ASSERT_EQ(opened.notes.size(), 1u);
    EXPECT_NE(opened.notes[0].find("checksum mismatch in record 4"), std::string::npos) << opened.notes[0];
    EXPECT_NE(opened.notes[0].find("kept 3 entries"), std::string::npos) << opened.notes[0];
    EXPECT_EQ(opened.storage->loaded().log.lastIndex(), 3u);
    EXPECT_EQ(opened.storage->loaded().log.at(3).command, "set x 2");
}

TEST(Storage, HalfWrittenStateReplacementIsRemovedAndReported)
{
    Folder f;
    {
        auto opened = Storage::open(f.path(), 1, true);
        ASSERT_TRUE(opened.storage);
        std::string error;
        ASSERT_TRUE(opened.storage->saveHardState(7, 3, error)) << error;
    }
    // A crash while saving the next state: state.tmp holds 9 of its 22 bytes.
    writeBytes(f.path() + "/state.tmp", readBytes(f.path() + "/state").substr(0, 9));
    auto opened = Storage::open(f.path(), 1, true);
    ASSERT_TRUE(opened.storage) << opened.error;
    ASSERT_EQ(opened.notes.size(), 1u);
    EXPECT_NE(opened.notes[0].find("state.tmp (9 bytes)"), std::string::npos) << opened.notes[0];
    EXPECT_EQ(opened.storage->loaded().currentTerm, 7u);
    EXPECT_EQ(opened.storage->loaded().votedFor, 3);
    EXPECT_FALSE(std::ifstream(f.path() + "/state.tmp").good());
}

TEST(Storage, DamagedStateRefusesToStart)
{
    Folder f;
    {
        auto opened = Storage::open(f.path(), 1, true);
        ASSERT_TRUE(opened.storage);
    }
    const std::string state = readBytes(f.path() + "/state");
    writeBytes(f.path() + "/state", state.substr(0, 11));
    auto opened = Storage::open(f.path(), 1, true);
    EXPECT_FALSE(opened.storage);
    EXPECT_NE(opened.error.find("state is damaged (11 bytes"), std::string::npos) << opened.error;
    EXPECT_NE(opened.error.find("second vote"), std::string::npos);
}

TEST(Storage, MissingStateBesideALogRefusesToStart)
{
    Folder f;
    {
        auto opened = Storage::open(f.path(), 1, true);
        ASSERT_TRUE(opened.storage);
        leaderWith(*opened.storage, {"set x 1"});
    }
    std::remove((f.path() + "/state").c_str());
    auto opened = Storage::open(f.path(), 1, true);
    EXPECT_FALSE(opened.storage);
    EXPECT_NE(opened.error.find("missing but the log holds 2 entries"), std::string::npos) << opened.error;
}

TEST(Storage, FolderBelongsToOneServer)
{
    Folder f;
    auto first = Storage::open(f.path(), 2, true);
    ASSERT_TRUE(first.storage) << first.error;
    // A second server on the same folder, while the first runs.
    auto second = Storage::open(f.path(), 2, true);
    EXPECT_FALSE(second.storage);
    EXPECT_NE(second.error.find("is in use by another server (pid "), std::string::npos) << second.error;
    first.storage.reset();
    // Once the first has gone, the folder opens again, but only for its own server.
    auto wrongServer = Storage::open(f.path(), 3, true);
    EXPECT_FALSE(wrongServer.storage);
    EXPECT_NE(wrongServer.error.find("holds the stable storage of S2, not S3"), std::string::npos) << wrongServer.error;
    EXPECT_TRUE(Storage::open(f.path(), 2, true).storage);
}
