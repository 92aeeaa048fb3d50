#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace peta {

// A bad file, setting or call: the message names the file, key or value at fault.
// (A bad input *row* never throws; it becomes a Rejection.)
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A value as messages show it: 'value'.
inline std::string quote(std::string_view s) {
  std::string q;
  q.reserve(s.size() + 2);
  q += '\'';
  q.append(s);
  q += '\'';
  return q;
}

}  // namespace peta
