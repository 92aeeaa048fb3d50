#pragma once
// The checks `peta serve` makes on a request's head (request line + headers) before anything parses it further:
// size, body framing and Host. Pure functions over bytes, so every rule is tested without sockets.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace peta::serve {

// Where the head ends in `buffer` (the index just past the blank line), or npos while it is incomplete.
// Accepts CRLF and bare LF line ends, as cpp-httplib's line reader does.
std::size_t head_end(std::string_view buffer);

struct HeadVerdict {
  int status = 0;       // 0: pass the request on; otherwise answer this status and close the connection
  std::string message;  // for the {"error": ...} body
};

struct HeadRules {
  // Host header values (without port) accepted besides IP literals and "localhost"; "*" accepts any.
  // An IP literal cannot be the target of DNS rebinding, which needs a name that resolves to this machine.
  std::vector<std::string> allowed_hosts;
};

// A GET/HEAD API carries no body: any Content-Length but 0 (negative, huge, not a number, or given twice) or any
// Transfer-Encoding gets 413 (405 for another method), so a body can never be read as the next request. A Host that is not allowed gets
// 403 (421 would invite a retry elsewhere); an HTTP/1.1 request without Host gets 400.
HeadVerdict check_head(std::string_view head, const HeadRules& rules);

// The query string split into (key, value) pairs, percent-decoded ('+' is a space): only the first '=' separates
// key and value, so "kecamatan=a=b" is kecamatan = "a=b" (cpp-httplib 0.11 splits at every '='). Returns false
// on a malformed escape.
bool parse_query_string(std::string_view query, std::vector<std::pair<std::string, std::string>>& out);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool valid_utf8(std::string_view s);

}  // namespace peta::serve
