// The request-head rules of peta serve's connection layer (engine/serve/request_head.hpp), without sockets.
#include <gtest/gtest.h>

#include <string>

#include "serve/request_head.hpp"

namespace peta::serve {
namespace {

const HeadRules kLocal{};

TEST(RequestHead, FindsTheEndOfTheHeadWithCrlfOrLf) {
  EXPECT_EQ(head_end("GET / HTTP/1.1\r\nHost: a\r\n\r\nrest"), 27u);
  EXPECT_EQ(head_end("GET / HTTP/1.1\nHost: a\n\nrest"), 24u);
  EXPECT_EQ(head_end("GET / HTTP/1.1\r\nHost: a\r\n"), std::string::npos);
  EXPECT_EQ(head_end(""), std::string::npos);
}

TEST(RequestHead, AnyBodyIsRefusedWith413) {
  const std::string line = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  EXPECT_EQ(check_head(line + "\r\n", kLocal).status, 0);
  EXPECT_EQ(check_head(line + "Content-Length: 0\r\n\r\n", kLocal).status, 0);
  for (const char* framing : {"Content-Length: 5", "Content-Length: -1", "Content-Length: 99999999999999999999999",
                              "content-length:abc", "Transfer-Encoding: chunked", "TRANSFER-ENCODING: identity"})
    EXPECT_EQ(check_head(line + framing + "\r\n\r\n", kLocal).status, 413) << framing;
  EXPECT_EQ(check_head(line + "Content-Length: 0\r\nContent-Length: 0\r\n\r\n", kLocal).status, 413);
  // Another method with a body: 405 (and the connection closed), without reading the body.
  EXPECT_EQ(check_head("POST /api/query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 17\r\n\r\n", kLocal).status, 405);
}

TEST(RequestHead, HostMustBeAnIpLiteralLocalhostOrAllowed) {
  auto status = [](const std::string& host, const HeadRules& rules = kLocal) {
    return check_head("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n", rules).status;
  };
  EXPECT_EQ(status("127.0.0.1:8080"), 0);
  EXPECT_EQ(status("[::1]:8080"), 0);
  EXPECT_EQ(status("LOCALHOST:8080"), 0);
  EXPECT_EQ(status("localhost."), 0);
  EXPECT_EQ(status("192.168.1.20"), 0);
  EXPECT_EQ(status("attacker.example:8080"), 403);
  EXPECT_EQ(status("127.0.0.1.attacker.example"), 403);
  EXPECT_EQ(status("peta.kantor.local", HeadRules{{"peta.kantor.local"}}), 0);
  EXPECT_EQ(status("other.example", HeadRules{{"*"}}), 0);
  EXPECT_NE(check_head("GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n", kLocal).message.find("--allow-host evil.example"),
            std::string::npos);
  EXPECT_EQ(check_head("GET / HTTP/1.1\r\n\r\n", kLocal).status, 400);  // HTTP/1.1 needs a Host
  EXPECT_EQ(check_head("GET / HTTP/1.0\r\n\r\n", kLocal).status, 0);
  EXPECT_EQ(check_head("GET / HTTP/1.1\r\nHost: a\r\nHost: 127.0.0.1\r\n\r\n", kLocal).status, 400);
}

TEST(RequestHead, QueryStringSplitsAtTheFirstEqualsSignAndDecodes) {
  std::vector<std::pair<std::string, std::string>> p;
  ASSERT_TRUE(parse_query_string("kecamatan=a=b&n=5&x&q=Kec.+Sumber%2C%20Lumbang", p));
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[0], (std::pair<std::string, std::string>{"kecamatan", "a=b"}));
  EXPECT_EQ(p[1], (std::pair<std::string, std::string>{"n", "5"}));
  EXPECT_EQ(p[2], (std::pair<std::string, std::string>{"x", ""}));
  EXPECT_EQ(p[3].second, "Kec. Sumber, Lumbang");
  EXPECT_FALSE(parse_query_string("a=%zz", p));
  EXPECT_FALSE(parse_query_string("a=%4", p));
  ASSERT_TRUE(parse_query_string("", p));
  EXPECT_TRUE(p.empty());
}

TEST(RequestHead, Utf8Validation) {
  EXPECT_TRUE(valid_utf8("Kec. Sumber"));
  EXPECT_TRUE(valid_utf8("Pesisir \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x97\xBA"));
  EXPECT_FALSE(valid_utf8("\xFF"));
  EXPECT_FALSE(valid_utf8("\xC3"));          // truncated
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

}  // namespace
}  // namespace peta::serve
