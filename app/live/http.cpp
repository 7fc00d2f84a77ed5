#include "http.h"

#include <charconv>

namespace live {

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::string_view headerValue(const HttpHeaders &headers, std::string_view name)
{
    for (const auto &[key, value] : headers)
        if (equalsNoCase(key, name))
            return value;
    return {};
}

void HttpParser::feed(std::string_view bytes)
{
    if (m_errorStatus == 0)
        m_buffer.append(bytes);
}

HttpParser::Status HttpParser::fail(int status, std::string why)
{
    m_errorStatus = status;
    m_error = std::move(why);
    m_buffer.clear();
    return Status::Error;
}

HttpParser::Status HttpParser::parseHead(std::string &startLine, HttpHeaders &headers)
{
    if (m_errorStatus != 0)
        return Status::Error;
    // Blank lines before a request are allowed (RFC 9112 §2.2).
    while (m_buffer.size() >= 2 && m_buffer[0] == '\r' && m_buffer[1] == '\n')
        m_buffer.erase(0, 2);
    std::size_t end = m_buffer.find("\r\n\r\n");
    std::size_t sepLength = 4;
    const std::size_t lf = m_buffer.find("\n\n");
    if (lf != std::string::npos && (end == std::string::npos || lf < end)) {
        end = lf;
        sepLength = 2;
    }
    if (end == std::string::npos) {
        if (m_buffer.size() > m_limits.head)
            return fail(431, "request head longer than " + std::to_string(m_limits.head) + " bytes");
        return Status::NeedMore;
    }
    if (end > m_limits.head)
        return fail(431, "request head longer than " + std::to_string(m_limits.head) + " bytes");
    m_headEnd = end + sepLength;
    const std::string_view head(m_buffer.data(), end);
    std::size_t pos = 0;
    bool first = true;
    std::size_t contentLengths = 0;
    m_bodyLength = 0;
    while (pos <= head.size()) {
        std::size_t eol = head.find('\n', pos);
        if (eol == std::string_view::npos)
            eol = head.size();
        std::string_view line = head.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        pos = eol + 1;
        if (first) {
            startLine = std::string(line);
            first = false;
            continue;
        }
        if (line.empty())
            continue;
        if (headers.size() >= m_limits.headers)
            return fail(431, "more than " + std::to_string(m_limits.headers) + " headers");
        if (parseHeaderLine(line, headers, contentLengths) == Status::Error)
            return Status::Error;
    }
    return Status::Complete;
}

HttpParser::Status HttpParser::parseHeaderLine(std::string_view line, HttpHeaders &headers, std::size_t &contentLengths)
{
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return fail(400, "malformed header line");
    const std::string_view name = line.substr(0, colon);
    for (const char c : name)
        if (!isTokenChar(c))
            return fail(400, "malformed header name");
    const std::string_view value = trim(line.substr(colon + 1));
    for (const char c : value)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
            return fail(400, "control character in a header value");
    if (equalsNoCase(name, "Transfer-Encoding"))
        return fail(501, "Transfer-Encoding is not supported: send Content-Length");
    if (equalsNoCase(name, "Content-Length")) {
        std::size_t n = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc() || ptr != value.data() + value.size() || value.empty())
            return fail(400, "malformed Content-Length");
        if (contentLengths++ > 0 && n != m_bodyLength)
            return fail(400, "conflicting Content-Length headers");
        if (n > m_limits.body)
            return fail(
                413, "body of " + std::to_string(n) + " bytes exceeds the limit of " + std::to_string(m_limits.body));
        m_bodyLength = n;
    }
    headers.emplace_back(std::string(name), std::string(value));
    return Status::Complete;
}

HttpParser::Status HttpParser::nextMessage(RawMessage &raw)
{
    const Status head = parseHead(raw.startLine, raw.headers);
    if (head != Status::Complete)
        return head;
    if (m_mode == Mode::Response && headerValue(raw.headers, "Content-Length").empty())
        return fail(400, "response without Content-Length");
    if (m_buffer.size() < m_headEnd + m_bodyLength)
        return Status::NeedMore;
    raw.body = m_buffer.substr(m_headEnd, m_bodyLength);
    m_buffer.erase(0, m_headEnd + m_bodyLength);
    return Status::Complete;
}

HttpParser::Status HttpParser::nextRequest(HttpRequest &out)
{
    RawMessage raw;
    if (const Status parsed = nextMessage(raw); parsed != Status::Complete)
        return parsed;
    const std::string &startLine = raw.startLine;
    // request-line = method SP request-target SP HTTP-version
    const std::size_t sp1 = startLine.find(' ');
    const std::size_t sp2 = sp1 == std::string::npos ? sp1 : startLine.find(' ', sp1 + 1);
    if (sp2 == std::string::npos || startLine.find(' ', sp2 + 1) != std::string::npos)
        return fail(400, "malformed request line");
    const std::string_view method(startLine.data(), sp1);
    const std::string_view target(startLine.data() + sp1 + 1, sp2 - sp1 - 1);
    const std::string_view version(startLine.data() + sp2 + 1, startLine.size() - sp2 - 1);
    if (method.empty())
        return fail(400, "empty method");
    for (const char c : method)
        if (!isTokenChar(c))
            return fail(400, "malformed method");
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return fail(505, "only HTTP/1.0 and HTTP/1.1 are spoken here");
    if (target.empty() || target[0] != '/')
        return fail(400, "the request target must be a path starting with /");
    for (const char c : target)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return fail(400, "control character in the request target");
    const std::size_t q = target.find('?');
    out = HttpRequest{};
    if (!percentDecode(target.substr(0, q), out.path))
        return fail(400, "malformed percent escape in the path");
    if (q != std::string_view::npos)
        out.query = std::string(target.substr(q + 1));
    out.method = std::string(method);
    const std::string_view connection = headerValue(raw.headers, "Connection");
    out.keepAlive = version == "HTTP/1.1" ? !equalsNoCase(connection, "close") : equalsNoCase(connection, "keep-alive");
    out.headers = std::move(raw.headers);
    out.body = std::move(raw.body);
    return Status::Complete;
}

HttpParser::Status HttpParser::nextResponse(HttpResponse &out)
{
    RawMessage raw;
    if (const Status parsed = nextMessage(raw); parsed != Status::Complete)
        return parsed;
    const std::string &startLine = raw.startLine;
    // status-line = HTTP-version SP status-code SP [reason-phrase]
    if (startLine.size() < 12 || startLine.compare(0, 7, "HTTP/1.") != 0 || startLine[8] != ' ')
        return fail(400, "malformed status line");
    int status = 0;
    const auto [ptr, ec] = std::from_chars(startLine.data() + 9, startLine.data() + 12, status);
    if (ec != std::errc() || ptr != startLine.data() + 12 || status < 100 || status > 599)
        return fail(400, "malformed status code");
    out = HttpResponse{};
    out.status = status;
    out.headers = std::move(raw.headers);
    out.body = std::move(raw.body);
    return Status::Complete;
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

std::string formatResponse(const HttpResponse &response, bool keepAlive)
{
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + reasonPhrase(response.status) + "\r\n";
    for (const auto &[key, value] : response.headers)
        out.append(key).append(": ").append(value).append("\r\n");
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += response.body;
    return out;
}

std::string formatRequest(std::string_view method, std::string_view host, std::string_view target,
                          std::string_view body)
{
    std::string out;
    out.reserve(128 + body.size());
    out.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: ").append(host);
    out.append("\r\nContent-Length: ").append(std::to_string(body.size())).append("\r\n\r\n").append(body);
    return out;
}

bool percentDecode(std::string_view in, std::string &out)
{
    out.clear();
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out.push_back(in[i]);
            continue;
        }
        if (i + 2 >= in.size())
            return false;
        const int hi = hexValue(in[i + 1]);
        const int lo = hexValue(in[i + 2]);
        if (hi < 0 || lo < 0)
            return false;
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    return true;
}

std::string percentEncode(std::string_view in)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : in) {
        const auto u = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
            || c == '_' || c == '~') {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[u >> 4]);
            out.push_back(kHex[u & 15]);
        }
    }
    return out;
}

} // namespace live
