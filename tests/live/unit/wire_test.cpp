// The wire format between servers: every message survives a round trip, and every
// malformed frame is refused with a reason (never a crash, never a hang).
#include "app/live/wire.h"

#include <gtest/gtest.h>

#include <functional>

using live::DecodeContext;
using live::Frame;
using live::FrameReader;
using live::Hello;
using raft::Message;
using raft::MessageType;

namespace {

constexpr DecodeContext kContext{3, 2, raft::kNoNode};

std::string helloFrame(raft::NodeId from = 1, raft::NodeId to = 2, int size = 3)
{
    std::string out;
    live::appendHello(out, Hello{from, to, size, 8080});
    return out;
}

Message appendEntries()
{
    Message m;
    m.type = MessageType::AppendEntries;
    m.from = 1;
    m.to = 2;
    m.term = 5;
    m.prevLogIndex = 7;
    m.prevLogTerm = 3;
    m.leaderCommit = 6;
    m.entries = {raft::Entry{4, "set x 1"}, raft::Entry{5, ""}, raft::Entry{5, std::string("bin\0ary", 7)}};
    return m;
}

/// readAll feeds bytes to a fresh reader (in one piece) and returns the frames it
/// yields, and its error if it fails.
std::vector<Frame> readAll(const std::string &bytes, std::string *error = nullptr)
{
    FrameReader reader(kContext);
    reader.feed(bytes);
    std::vector<Frame> frames;
    Frame f;
    FrameReader::Status status;
    while ((status = reader.next(f)) == FrameReader::Status::Complete)
        frames.push_back(f);
    if (error)
        *error = reader.error();
    return frames;
}

std::string errorOf(const std::string &bytes)
{
    std::string error;
    readAll(bytes, &error);
    return error;
}

std::string messageFrame(const Message &m)
{
    std::string out = helloFrame();
    live::appendMessage(out, m);
    return out;
}

} // namespace

TEST(Wire, EveryMessageTypeSurvivesARoundTrip)
{
    std::vector<Message> messages;
    Message vote;
    vote.type = MessageType::RequestVote;
    vote.from = 1;
    vote.to = 2;
    vote.term = 9;
    vote.lastLogIndex = 12;
    vote.lastLogTerm = 8;
    messages.push_back(vote);
    Message granted = vote;
    granted.type = MessageType::RequestVoteReply;
    granted.lastLogIndex = granted.lastLogTerm = 0;
    granted.voteGranted = true;
    messages.push_back(granted);
    messages.push_back(appendEntries());
    Message reply;
    reply.type = MessageType::AppendEntriesReply;
    reply.from = 1;
    reply.to = 2;
    reply.term = 5;
    reply.success = false;
    reply.rejectedIndex = 7;
    reply.conflictTerm = 3;
    reply.conflictIndex = 4;
    messages.push_back(reply);

    std::string bytes = helloFrame();
    std::uint64_t id = 0xfedcba9876543210ull;
    for (const Message &m : messages)
        live::appendMessage(bytes, m, id++);
    std::string error;
    const std::vector<Frame> frames = readAll(bytes, &error);
    ASSERT_EQ(frames.size(), messages.size() + 1) << error;
    EXPECT_EQ(std::get<Hello>(frames[0]), (Hello{1, 2, 3, 8080}));
    for (std::size_t i = 0; i < messages.size(); ++i) {
        EXPECT_EQ(std::get<live::WireMessage>(frames[i + 1]).message, messages[i]) << i;
        EXPECT_EQ(std::get<live::WireMessage>(frames[i + 1]).id, 0xfedcba9876543210ull + i);
    }
}

TEST(Wire, FramesArriveWhateverTheChunking)
{
    std::string bytes = helloFrame();
    for (int i = 0; i < 5; ++i)
        live::appendMessage(bytes, appendEntries());
    FrameReader reader(kContext);
    int frames = 0;
    for (const char c : bytes) {
        reader.feed(std::string_view(&c, 1));
        Frame f;
        while (reader.next(f) == FrameReader::Status::Complete)
            ++frames;
        ASSERT_FALSE(reader.failed()) << reader.error();
    }
    EXPECT_EQ(frames, 6);
    EXPECT_EQ(reader.buffered(), 0u);
}

TEST(Wire, TruncatedFrameWaitsAndLeavesBytesBuffered)
{
    const std::string bytes = messageFrame(appendEntries());
    FrameReader reader(kContext);
    reader.feed(std::string_view(bytes).substr(0, bytes.size() - 3));
    Frame f;
    EXPECT_EQ(reader.next(f), FrameReader::Status::Complete); // the Hello
    EXPECT_EQ(reader.next(f), FrameReader::Status::NeedMore);
    EXPECT_GT(reader.buffered(), 0u); // a connection closed now ended mid-frame
}

TEST(Wire, HeaderErrorsAreRefusedAtOnce)
{
    EXPECT_NE(errorOf("GET / HTTP/1.1\r\n").find("bad magic"), std::string::npos);
    EXPECT_TRUE(errorOf("RV").empty()); // a prefix of the magic: wait for more
    EXPECT_NE(errorOf("RX").find("bad magic"), std::string::npos);

    std::string version = helloFrame();
    version[4] = 7;
    EXPECT_NE(errorOf(version).find("wire version 7"), std::string::npos);
    std::string kind = helloFrame();
    kind[5] = 9;
    EXPECT_NE(errorOf(kind).find("unknown frame kind 9"), std::string::npos);
    // An oversized length is refused from the header alone, before any payload.
    std::string big = helloFrame().substr(0, live::kFrameHeaderSize);
    big[6] = big[7] = big[8] = static_cast<char>(0xff);
    big[9] = 0x7f;
    EXPECT_NE(errorOf(big).find("exceeds the limit"), std::string::npos);
}

TEST(Wire, ConnectionOrderIsEnforced)
{
    std::string noHello;
    live::appendMessage(noHello, appendEntries());
    EXPECT_EQ(errorOf(noHello), "a message before the Hello");
    EXPECT_EQ(errorOf(helloFrame() + helloFrame()), "a second Hello on one connection");
}

TEST(Wire, HelloIsCheckedAgainstTheReceiver)
{
    EXPECT_NE(errorOf(helloFrame(1, 3)).find("addressed to S3"), std::string::npos);
    EXPECT_NE(errorOf(helloFrame(2, 2)).find("to itself"), std::string::npos);
    EXPECT_NE(errorOf(helloFrame(7, 2)).find("from 7 is not a server"), std::string::npos);
    EXPECT_NE(errorOf(helloFrame(1, 2, 5)).find("cluster of 5"), std::string::npos);
}

TEST(Wire, MessageFieldsAreCheckedOneByOne)
{
    auto refused = [](Message m, const std::string &expected) {
        const std::string error = errorOf(messageFrame(m));
        EXPECT_NE(error.find(expected), std::string::npos) << "got: " << error;
    };
    // Each case spoils one field of a valid AppendEntries from S1 to S2 in term 5.
    const std::pair<std::function<void(Message &)>, const char *> cases[] = {
        {[](Message &m) { m.from = 3; }, "message from S3 on the connection of S1"},
        {[](Message &m) { m.to = 3; }, "message for S3 reached S2"},
        {[](Message &m) { m.term = 0; }, "term 0"},
        {[](Message &m) { m.prevLogTerm = 6; }, "prevLogTerm 6 is later than term 5"},
        {[](Message &m) { m.prevLogTerm = 0; }, "disagree about entry 0"},
        {[](Message &m) { m.entries[0].term = 2; }, "entry 8 has term 2"},
        {[](Message &m) { m.entries[1].term = 6; }, "entry 9 has term 6"},
        {[](Message &m) {
             m.entries.assign(live::kMaxEntriesPerFrame + 1, raft::Entry{5, ""});
         },
         "entries exceed the limit"},
        {[](Message &m) { m.entries[0].command.assign(live::kMaxCommandBytes + 1, 'x'); },
         "command of 65537 bytes exceeds"},
        {[](Message &m) { m.term = live::kMaxWireNumber; }, "term 281474976710656 is out of range"},
    };
    for (const auto &[spoil, expected] : cases) {
        Message m = appendEntries();
        spoil(m);
        refused(m, expected);
    }
    Message vote;
    vote.type = MessageType::RequestVote;
    vote.from = 1;
    vote.to = 2;
    vote.term = 3;
    vote.lastLogTerm = 4;
    vote.lastLogIndex = 1;
    refused(vote, "lastLogTerm 4 is later than term 3");
}

TEST(Wire, PayloadBytesAreCheckedWhereTheEncoderCannotErr)
{
    // Hand-made payloads: an unknown message type, a boolean that is not 0/1, stray
    // bytes, a count the payload cannot hold, a payload cut short.
    const DecodeContext ctx{3, 2, 1};
    Frame f;
    std::string error;
    EXPECT_FALSE(live::decodePayload(live::FrameKind::Raft, std::string(8, '\0') + "\x09\x01\x02", ctx, f, error));
    EXPECT_EQ(error, "unknown message type 9");

    std::string reply;
    live::appendMessage(reply, [] {
        Message m;
        m.type = MessageType::RequestVoteReply;
        m.from = 1;
        m.to = 2;
        m.term = 1;
        return m;
    }());
    std::string payload = reply.substr(live::kFrameHeaderSize);
    payload.back() = 2;
    EXPECT_FALSE(live::decodePayload(live::FrameKind::Raft, payload, ctx, f, error));
    EXPECT_EQ(error, "voteGranted is 2, not a boolean");
    payload.back() = 1;
    EXPECT_TRUE(live::decodePayload(live::FrameKind::Raft, payload, ctx, f, error)) << error;
    EXPECT_TRUE(std::get<live::WireMessage>(f).message.voteGranted);
    EXPECT_FALSE(live::decodePayload(live::FrameKind::Raft, payload + "zz", ctx, f, error));
    EXPECT_EQ(error, "2 stray bytes after the message");
    EXPECT_FALSE(live::decodePayload(live::FrameKind::Raft, payload.substr(0, 14), ctx, f, error));
    EXPECT_NE(error.find("truncated payload"), std::string::npos);

    std::string entries;
    Message m = appendEntries();
    live::appendMessage(entries, m);
    std::string cut = entries.substr(live::kFrameHeaderSize);
    cut.resize(8 + 3 + 8 + 24 + 4); // id, the fixed fields and the count, no entries
    EXPECT_FALSE(live::decodePayload(live::FrameKind::Raft, cut, ctx, f, error));
    EXPECT_NE(error.find("3 entries cannot fit in 0 bytes"), std::string::npos) << error;
}
