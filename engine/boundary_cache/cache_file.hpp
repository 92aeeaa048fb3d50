#pragma once
// One cache file: a header (magic, format version, key, payload length), the payload, and a trailer (the
// payload's XXH3 checksum, its length again and an end magic). A file that a kill cut short lacks the trailer
// and its length does not add up; a flipped byte fails the checksum; a file written for other sources,
// settings or another peta binary carries another key. Each case is reported, never trusted.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "boundary_cache/source_fingerprint.hpp"

namespace peta::boundary_cache {

enum class ReadOutcome { ok, missing, stale, corrupt };

struct ReadResult {
  ReadOutcome outcome = ReadOutcome::missing;
  std::string why;                      // for stale and corrupt: what did not match
  std::shared_ptr<const void> mapping;  // for ok: the file mapped read-only (unmapped with the last user)
  const char* payload = nullptr;        // inside the mapping, 8-aligned
  std::size_t payload_size = 0;
};

// Maps the file (one mmap, pages populated at once) and checks it; the payload is used in place.
ReadResult read_cache_file(const std::string& path, const Digest& key);

// Gives the pages of the payload's first `bytes` back to the kernel (they were copied out and are not read again;
// a read would fault them in from the file again): with East Java's 82 MB cache the units are 27 MB of it.
void release_pages(const ReadResult& read, std::size_t bytes);

// Written to a temporary name in the same folder and renamed (core/atomic_write.hpp).
void write_cache_file(const std::string& path, const Digest& key, const std::vector<char>& payload);

}  // namespace peta::boundary_cache
