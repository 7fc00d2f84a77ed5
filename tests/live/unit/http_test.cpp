// The HTTP parser: requests and responses however they are chunked, and every limit
// and malformation answered with the fitting status.
#include "app/live/http.h"

#include <gtest/gtest.h>

using live::HttpParser;
using live::HttpRequest;
using live::HttpResponse;

namespace {

/// parseOne feeds `bytes` and returns the parser's status after one nextRequest.
HttpParser::Status parseOne(const std::string &bytes, HttpRequest &out, HttpParser &parser)
{
    parser.feed(bytes);
    return parser.nextRequest(out);
}

int errorStatus(const std::string &bytes)
{
    HttpParser parser(HttpParser::Mode::Request);
    HttpRequest r;
    return parseOne(bytes, r, parser) == HttpParser::Status::Error ? parser.errorStatus() : 0;
}

} // namespace

TEST(Http, RequestWithBodyAndPercentEscapes)
{
    HttpParser parser(HttpParser::Mode::Request);
    HttpRequest r;
    ASSERT_EQ(
        parseOne("PUT /kv/%E4%BB%BB%E6%9C%9F?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", r, parser),
        HttpParser::Status::Complete);
    EXPECT_EQ(r.method, "PUT");
    EXPECT_EQ(r.path, "/kv/任期");
    EXPECT_EQ(r.query, "x=1");
    EXPECT_EQ(r.body, "hello");
    EXPECT_TRUE(r.keepAlive);
    EXPECT_EQ(live::headerValue(r.headers, "host"), "a");
    EXPECT_EQ(parser.buffered(), 0u);
}

TEST(Http, PipelinedRequestsByteByByte)
{
    const std::string two = "GET /status HTTP/1.1\r\n\r\nDELETE /kv/k HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
    HttpParser parser(HttpParser::Mode::Request);
    std::vector<HttpRequest> got;
    for (const char c : two) {
        parser.feed(std::string_view(&c, 1));
        HttpRequest r;
        while (parser.nextRequest(r) == HttpParser::Status::Complete)
            got.push_back(r);
    }
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].path, "/status");
    EXPECT_EQ(got[1].method, "DELETE");
    EXPECT_TRUE(got[1].keepAlive);
}

TEST(Http, ConnectionCloseAndHttp10Defaults)
{
    HttpParser parser(HttpParser::Mode::Request);
    HttpRequest r;
    ASSERT_EQ(parseOne("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", r, parser), HttpParser::Status::Complete);
    EXPECT_FALSE(r.keepAlive);
    ASSERT_EQ(parseOne("GET / HTTP/1.0\r\n\r\n", r, parser), HttpParser::Status::Complete);
    EXPECT_FALSE(r.keepAlive);
}

TEST(Http, IncompleteRequestWaits)
{
    HttpParser parser(HttpParser::Mode::Request);
    HttpRequest r;
    EXPECT_EQ(parseOne("PUT /kv/a HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", r, parser), HttpParser::Status::NeedMore);
    EXPECT_EQ(parseOne("defghij", r, parser), HttpParser::Status::Complete);
    EXPECT_EQ(r.body, "abcdefghij");
}

TEST(Http, MalformedRequestsGetTheFittingStatus)
{
    EXPECT_EQ(errorStatus("GARBAGE\r\n\r\n"), 400);
    EXPECT_EQ(errorStatus("GET /a b HTTP/1.1\r\n\r\n"), 400);
    EXPECT_EQ(errorStatus("GET nopath HTTP/1.1\r\n\r\n"), 400);
    EXPECT_EQ(errorStatus("GET / HTTP/2\r\n\r\n"), 505);
    EXPECT_EQ(errorStatus("GET /%G1 HTTP/1.1\r\n\r\n"), 400);
    EXPECT_EQ(errorStatus("GET /%4 HTTP/1.1\r\n\r\n"), 400);
    EXPECT_EQ(errorStatus("GET / HTTP/1.1\r\nno colon\r\n\r\n"), 400);
    EXPECT_EQ(errorStatus("GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n"), 400);
    EXPECT_EQ(errorStatus("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"), 400);
    EXPECT_EQ(errorStatus("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"), 501);
    EXPECT_EQ(errorStatus("PUT / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n"), 413);
    EXPECT_EQ(errorStatus("GET / HTTP/1.1\r\nX: " + std::string(20000, 'a') + "\r\n\r\n"), 431);
    // A head that never ends is refused once it passes the limit, not buffered forever.
    EXPECT_EQ(errorStatus("GET / HTTP/1.1\r\n" + std::string(20000, 'a')), 431);
    std::string many = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 70; ++i)
        many += "X" + std::to_string(i) + ": 1\r\n";
    EXPECT_EQ(errorStatus(many + "\r\n"), 431);
}

TEST(Http, ResponsesRoundTrip)
{
    HttpResponse out;
    out.status = 307;
    out.headers.emplace_back("Location", "http://127.0.0.1:1/kv/x");
    out.body = "{}";
    HttpParser parser(HttpParser::Mode::Response);
    parser.feed(live::formatResponse(out, false));
    HttpResponse in;
    ASSERT_EQ(parser.nextResponse(in), HttpParser::Status::Complete) << parser.error();
    EXPECT_EQ(in.status, 307);
    EXPECT_EQ(in.body, "{}");
    EXPECT_EQ(live::headerValue(in.headers, "location"), "http://127.0.0.1:1/kv/x");
    EXPECT_EQ(live::headerValue(in.headers, "Connection"), "close");
}

TEST(Http, PercentEncodingRoundTrips)
{
    const std::string key = "a b/任期%";
    std::string back;
    ASSERT_TRUE(live::percentDecode(live::percentEncode(key), back));
    EXPECT_EQ(back, key);
}
