#pragma once
/// @file error.hpp
/// @brief The one exception type of the public API.
#include <stdexcept>
#include <string>

#include "peta/export.hpp"

namespace peta::api {

/// A bad file, setting or call. The message names the file, the key or the value at fault, in English, as
/// the `peta` command prints it (e.g. `project.json: boundaries.desa.paht: unknown key`).
///
/// Every function of the public API throws only this (or std::bad_alloc). A bad input *row* never throws:
/// it is rejected with its reason and counted (see BuildSummary).
class PETA_API Error : public std::runtime_error {
 public:
  /// An error with the given message.
  explicit Error(const std::string& message);
  ~Error() override;
};

}  // namespace peta::api
