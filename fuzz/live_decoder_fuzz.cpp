// live_decoder_fuzz: libFuzzer target for the live cluster's wire decoder
// (app/live/wire.h). Whatever bytes arrive, the decoder must return a frame or an
// error: never crash, hang, read out of bounds or allocate without bound; and every
// message it accepts must be one the encoder writes back byte for byte.
//
// Input layout: byte 0 picks the cluster size (1..9), byte 1 the receiving server,
// byte 2 where the stream is split in two reads; the rest is the stream. The same
// rest is also decoded directly as a Hello and as a message payload, so that the
// fuzzer reaches the field checks without first having to find a valid header.
#include "app/live/wire.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkMessage(const live::WireMessage &w, const live::DecodeContext &ctx)
{
    const raft::Message &m = w.message;
    check(m.from >= 1 && m.from <= ctx.clusterSize && m.to == ctx.self && m.term >= 1);
    check(m.entries.size() <= live::kMaxEntriesPerFrame);
    // Round trip: what was accepted encodes to a frame that decodes to the same message.
    std::string bytes;
    live::appendMessage(bytes, m, w.id);
    live::Frame again;
    std::string error;
    live::DecodeContext peerless = ctx;
    peerless.peer = raft::kNoNode;
    check(live::decodePayload(live::FrameKind::Raft, std::string_view(bytes).substr(live::kFrameHeaderSize), peerless,
                              again, error));
    check(std::get<live::WireMessage>(again) == w);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 3)
        return 0;
    live::DecodeContext ctx;
    ctx.clusterSize = 1 + data[0] % raft::kMaxNodes;
    ctx.self = 1 + data[1] % ctx.clusterSize;
    const std::string_view stream(reinterpret_cast<const char *>(data + 3), size - 3);
    const std::size_t split = stream.empty() ? 0 : data[2] % (stream.size() + 1);

    live::FrameReader reader(ctx);
    live::Frame frame;
    int frames = 0;
    for (const std::string_view part : {stream.substr(0, split), stream.substr(split)}) {
        reader.feed(part);
        live::FrameReader::Status status;
        while ((status = reader.next(frame)) == live::FrameReader::Status::Complete) {
            ++frames;
            if (const auto *m = std::get_if<live::WireMessage>(&frame))
                checkMessage(*m, reader.context());
        }
        check(status == live::FrameReader::Status::Error ? reader.failed() && !reader.error().empty()
                                                         : !reader.failed());
        check(reader.buffered() <= live::kFrameHeaderSize + live::kMaxPayload);
    }
    check(static_cast<std::size_t>(frames) * live::kFrameHeaderSize <= stream.size());

    std::string error;
    for (const live::FrameKind kind : {live::FrameKind::Hello, live::FrameKind::Raft}) {
        live::DecodeContext direct = ctx;
        direct.peer = kind == live::FrameKind::Raft ? 1 : raft::kNoNode;
        if (live::decodePayload(kind, stream, direct, frame, error)) {
            check(error.empty());
            if (const auto *m = std::get_if<live::WireMessage>(&frame))
                checkMessage(*m, direct);
        } else {
            check(!error.empty());
        }
    }
    return 0;
}
