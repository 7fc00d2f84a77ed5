#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace live {

/// HttpHeaders are a message's header lines in arrival order.
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// headerValue returns the value of the first header named `name` (ASCII
/// case-insensitive), or "" if there is none.
std::string_view headerValue(const HttpHeaders &headers, std::string_view name);

/// HttpRequest is one parsed HTTP/1.x request.
struct HttpRequest {
    std::string method;
    /// path is the target before '?', percent-decoded; query what follows '?' (raw).
    std::string path;
    std::string query;
    HttpHeaders headers;
    std::string body;
    /// keepAlive: the client wants the connection kept after the response.
    bool keepAlive = true;
};

/// HttpResponse is one response, for the server to send or the client to read.
struct HttpResponse {
    int status = 200;
    HttpHeaders headers;
    std::string body;
};

/// HttpLimits bound what a parser buffers.
struct HttpLimits {
    /// head: the start line and headers together.
    std::size_t head = 16u << 10;
    std::size_t headers = 64;
    std::size_t body = 64u << 10;
};

/// HttpParser reads HTTP/1.x messages (requests or responses) from a byte stream,
/// one at a time, with every size bounded. Bodies need Content-Length (no chunks).
/// After an error the stream is unusable: answer errorStatus() and close.
class HttpParser {
public:
    enum class Mode : std::uint8_t { Request, Response };
    enum class Status : std::uint8_t { Complete, NeedMore, Error };

    explicit HttpParser(Mode mode, HttpLimits limits = {})
        : m_mode(mode)
        , m_limits(limits)
    { }

    /// feed appends received bytes.
    void feed(std::string_view bytes);
    /// nextRequest / nextResponse parse the next complete message.
    Status nextRequest(HttpRequest &out);
    Status nextResponse(HttpResponse &out);

    /// errorStatus is the HTTP status that fits the error (400, 413, 431, 501, 505).
    int errorStatus() const { return m_errorStatus; }
    const std::string &error() const { return m_error; }
    /// buffered is how many bytes wait for the rest of their message.
    std::size_t buffered() const { return m_buffer.size(); }

private:
    /// parseHead parses the start line and headers once they are all in; returns
    /// NeedMore until then, and sets m_bodyLength.
    Status parseHead(std::string &startLine, HttpHeaders &headers);
    /// parseHeaderLine checks and adds one header line (and takes Content-Length).
    Status parseHeaderLine(std::string_view line, HttpHeaders &headers, std::size_t &contentLengths);
    /// RawMessage is a message before its start line is read.
    struct RawMessage {
        std::string startLine;
        HttpHeaders headers;
        std::string body;
    };
    /// nextMessage takes the next whole message (head and body) off the buffer.
    Status nextMessage(RawMessage &raw);
    Status fail(int status, std::string why);

    Mode m_mode;
    HttpLimits m_limits;
    std::string m_buffer;
    std::size_t m_headEnd = 0;
    std::size_t m_bodyLength = 0;
    int m_errorStatus = 0;
    std::string m_error;
};

/// reasonPhrase returns "OK", "Temporary Redirect", ... for a status code.
const char *reasonPhrase(int status);

/// formatResponse encodes a response with Content-Length, and Connection: close
/// unless keepAlive.
std::string formatResponse(const HttpResponse &response, bool keepAlive);

/// formatRequest encodes a request (Host, Content-Length, keep-alive).
std::string formatRequest(std::string_view method, std::string_view host, std::string_view target,
                          std::string_view body);

/// percentDecode decodes %XX escapes; false if an escape is malformed.
bool percentDecode(std::string_view in, std::string &out);
/// percentEncode escapes everything but unreserved characters (RFC 3986).
std::string percentEncode(std::string_view in);

} // namespace live
