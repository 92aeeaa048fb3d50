#pragma once
// SHA-256 digests (OpenSSL's libcrypto): of a file, for import records, and of short texts, for fingerprints.
#include <string>
#include <string_view>

namespace peta::store {

// Lower-case hex digest of a file's bytes; throws peta::Error naming the file if it cannot be read.
std::string sha256_file(const std::string& path);
// Lower-case hex digest of `text`.
std::string sha256_hex(std::string_view text);

}  // namespace peta::store
