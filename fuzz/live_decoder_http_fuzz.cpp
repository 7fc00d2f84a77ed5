// live_decoder_http_fuzz: libFuzzer target for the live servers' HTTP request parser
// (app/live/http.h). Any bytes, cut into any two reads, must yield requests, a wait
// for more, or an error with a 4xx/5xx status; never a crash or unbounded buffering.
#include "app/live/http.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::string_view stream(reinterpret_cast<const char *>(data + 1), size - 1);
    const std::size_t split = data[0] % (stream.size() + 1);
    live::HttpParser parser(live::HttpParser::Mode::Request);
    const live::HttpLimits limits;
    for (const std::string_view part : {stream.substr(0, split), stream.substr(split)}) {
        parser.feed(part);
        live::HttpRequest request;
        live::HttpParser::Status status;
        while ((status = parser.nextRequest(request)) == live::HttpParser::Status::Complete) {
            if (request.body.size() > limits.body || request.headers.size() > limits.headers || request.path.empty()
                || request.path[0] != '/')
                std::abort();
        }
        if (status == live::HttpParser::Status::Error && (parser.errorStatus() < 400 || parser.errorStatus() > 505))
            std::abort();
    }
    // The response parser reads the same bytes.
    live::HttpParser responses(live::HttpParser::Mode::Response);
    responses.feed(stream);
    live::HttpResponse response;
    while (responses.nextResponse(response) == live::HttpParser::Status::Complete)
        if (response.status < 100 || response.status > 599)
            std::abort();
    return 0;
}
