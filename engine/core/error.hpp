#pragma once
#include <stdexcept>
#include <string>

namespace peta {

// A bad file, setting or call: the message names the file, key or value at fault.
// (A bad input *row* never throws; it becomes a Rejection.)
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace peta
