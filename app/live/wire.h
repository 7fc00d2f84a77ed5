#pragma once

#include "raft/message.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

/// live is the real cluster: raft::Node in separate processes over TCP, with stable
/// storage on disk, an HTTP interface, a trace stream for watchers, and the client
/// library that launches and drives such processes. It links Qt Core and Network only.
namespace live {

// The wire format between servers. Every frame is
//
//   magic    4 bytes  "RVZF"
//   version  1 byte   kWireVersion
//   kind     1 byte   FrameKind
//   length   4 bytes  payload length (little-endian), at most kMaxPayload
//   payload  `length` bytes
//
// and every integer in a payload is little-endian. A connection starts with one Hello
// (who is calling whom); every later frame carries one raft::Message, after a u64 id
// its sender gave it. The decoder checks every field: a frame that breaks any rule
// closes the connection.

inline constexpr char kWireMagic[4] = {'R', 'V', 'Z', 'F'};
inline constexpr std::uint8_t kWireVersion = 1;
inline constexpr std::size_t kFrameHeaderSize = 10;
/// kMaxPayload bounds one frame's payload; a longer length closes the connection
/// before any of the payload is buffered.
inline constexpr std::uint32_t kMaxPayload = 4u << 20;
/// kMaxEntriesPerFrame bounds the entries of one AppendEntries.
inline constexpr std::uint32_t kMaxEntriesPerFrame = 4096;
/// kMaxCommandBytes bounds one log entry's command.
inline constexpr std::uint32_t kMaxCommandBytes = 64u << 10;
/// kMaxWireNumber bounds every term and index on the wire (2^48: centuries of terms).
inline constexpr std::uint64_t kMaxWireNumber = std::uint64_t{1} << 48;

/// FrameKind is what a frame's payload holds.
enum class FrameKind : std::uint8_t { Hello = 1, Raft = 2 };

/// Hello opens a connection from server `from` to server `to` of a cluster of
/// `clusterSize`; httpPort is the caller's HTTP port (0 = none), so that followers can
/// redirect clients to their leader.
struct Hello {
    raft::NodeId from = raft::kNoNode;
    raft::NodeId to = raft::kNoNode;
    int clusterSize = 0;
    std::uint16_t httpPort = 0;

    bool operator==(const Hello &) const = default;
};

/// WireMessage is a message as it travels: the Raft message, and the id its sender
/// gave it (unique per sender process), so that a watcher can pair the sender's
/// "sent" with the receiver's "received".
struct WireMessage {
    std::uint64_t id = 0;
    raft::Message message;

    bool operator==(const WireMessage &) const = default;
};

/// Frame is one decoded frame.
using Frame = std::variant<Hello, WireMessage>;

/// DecodeContext is what the receiver knows, against which fields are checked.
struct DecodeContext {
    /// clusterSize: node ids must lie in 1..clusterSize (at most raft::kMaxNodes).
    int clusterSize = 0;
    /// self: the receiving server; messages and Hellos must be addressed to it.
    raft::NodeId self = raft::kNoNode;
    /// peer: the server that said Hello on this connection (kNoNode before the Hello);
    /// a message must come from it.
    raft::NodeId peer = raft::kNoNode;
};

/// appendHello appends the frame for `hello` to out.
void appendHello(std::string &out, const Hello &hello);
/// appendMessage appends the frame for `message`, with its id, to out.
void appendMessage(std::string &out, const raft::Message &message, std::uint64_t id = 0);

/// decodePayload decodes the payload of one frame of `kind`, checking every field
/// against `context`. On failure it returns false and says why in `error`.
bool decodePayload(FrameKind kind, std::string_view payload, const DecodeContext &context, Frame &out,
                   std::string &error);

/// FrameReader cuts a byte stream into frames. It buffers at most one frame
/// (header + kMaxPayload), rejects a bad header as soon as its ten bytes are in, and
/// never reads past the frame it decodes.
///
///     reader.feed(bytes);
///     Frame f;
///     while (reader.next(f) == FrameReader::Status::Complete) handle(f);
///     if (reader.failed()) close the connection, log reader.error();
class FrameReader {
public:
    enum class Status : std::uint8_t { Complete, NeedMore, Error };

    explicit FrameReader(DecodeContext context)
        : m_context(context)
    { }

    /// feed appends received bytes.
    void feed(std::string_view bytes);
    /// next decodes the next complete frame into out. After the Hello it expects
    /// messages from the Hello's sender (the context's peer is set from it).
    Status next(Frame &out);

    bool failed() const { return !m_error.empty(); }
    const std::string &error() const { return m_error; }
    /// buffered is how many received bytes wait for the rest of their frame; a
    /// connection closed with bytes buffered ended in a truncated frame.
    std::size_t buffered() const { return m_buffer.size() - m_start; }
    const DecodeContext &context() const { return m_context; }

private:
    DecodeContext m_context;
    std::string m_buffer;
    std::size_t m_start = 0;
    bool m_helloSeen = false;
    std::string m_error;
};

} // namespace live
