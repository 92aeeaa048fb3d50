#include "serve/request_head.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cstdint>

namespace peta::serve {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The host part of a Host header value: "[::1]:8080" -> "::1", "Example.org:80" -> "example.org".
std::string host_name(std::string_view value) {
  if (!value.empty() && value.front() == '[') {
    auto close = value.find(']');
    return lower(value.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
  }
  auto colon = value.rfind(':');
  if (colon != std::string_view::npos) value = value.substr(0, colon);
  std::string out = lower(value);
  while (!out.empty() && out.back() == '.') out.pop_back();  // "localhost." is localhost
  return out;
}

bool ip_literal(const std::string& host) {
  unsigned char buffer[16];
  return inet_pton(AF_INET, host.c_str(), buffer) == 1 || inet_pton(AF_INET6, host.c_str(), buffer) == 1;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool decode(std::string_view in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') out += ' ';
    else if (in[i] == '%') {
      if (i + 2 >= in.size()) return false;
      const int h = hex(in[i + 1]), l = hex(in[i + 2]);
      if (h < 0 || l < 0) return false;
      out += static_cast<char>(h * 16 + l);
      i += 2;
    } else out += in[i];
  }
  return true;
}

}  // namespace

std::size_t head_end(std::string_view b) {
  for (std::size_t i = b.find('\n'); i != std::string_view::npos; i = b.find('\n', i + 1)) {
    if (i + 1 < b.size() && b[i + 1] == '\n') return i + 2;
    if (i + 2 < b.size() && b[i + 1] == '\r' && b[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

HeadVerdict check_head(std::string_view head, const HeadRules& rules) {
  std::size_t line_end = head.find('\n');
  const std::string_view request_line = trim(head.substr(0, line_end));
  const bool http10 = request_line.size() >= 8 && request_line.substr(request_line.size() - 8) == "HTTP/1.0";
  int hosts = 0, lengths = 0;
  std::string host;
  bool body = false;
  while (line_end != std::string_view::npos && line_end + 1 < head.size()) {
    const std::size_t start = line_end + 1;
    line_end = head.find('\n', start);
    const std::string_view line = trim(head.substr(start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start));
    if (line.empty()) break;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return {400, "malformed header line"};
    const std::string name = lower(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    if (name == "content-length") {
      ++lengths;
      if (value != "0") body = true;
    } else if (name == "transfer-encoding") {
      body = true;
    } else if (name == "host") {
      ++hosts;
      host = host_name(value);
    }
  }
  const std::string_view method = request_line.substr(0, request_line.find(' '));
  if ((body || lengths > 1) && method != "GET" && method != "HEAD")
    return {405, "method " + std::string(method.substr(0, 16)) + " not allowed: this API is read-only (GET)"};
  if (body || lengths > 1) return {413, "a request to this read-only API carries no body (Content-Length or Transfer-Encoding)"};
  if (hosts > 1) return {400, "more than one Host header"};
  if (hosts == 0) {
    if (http10) return {};
    return {400, "an HTTP/1.1 request needs a Host header"};
  }
  if (host == "localhost" || ip_literal(host)) return {};
  for (const auto& allowed : rules.allowed_hosts)
    if (allowed == "*" || lower(allowed) == host) return {};
  return {403, "host '" + host.substr(0, 64) + "' not allowed (DNS rebinding guard; start peta serve with --allow-host " +
                   host.substr(0, 64) + ")"};
}

bool parse_query_string(std::string_view query, std::vector<std::pair<std::string, std::string>>& out) {
  out.clear();
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view pair = query.substr(start, amp - start);
    if (!pair.empty()) {
      const auto eq = pair.find('=');
      std::string key, value;
      if (!decode(pair.substr(0, eq), key)) return false;
      if (eq != std::string_view::npos && !decode(pair.substr(eq + 1), value)) return false;
      out.emplace_back(std::move(key), std::move(value));
    }
    start = amp + 1;
  }
  return true;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra;
    std::uint32_t cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) extra = 1, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) extra = 2, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) extra = 3, cp = c & 0x07;
    else return false;
    if (i + extra >= s.size()) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += extra + 1;
  }
  return true;
}

}  // namespace peta::serve
