// Differential target: the CSV unit reader (findings/csv_chunk) with units of 1..256 bytes against one pass
// over the whole file. The first input byte picks the unit size; the rest is the file.
#include "csv_differential.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::size_t unit_bytes = 1 + data[0];
  const std::string& path = peta::fuzz::scratch_path("units.csv");
  peta::fuzz::write_file(path, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  const auto units = peta::fuzz::read_csv_in_units(path, unit_bytes);
  const auto whole = peta::fuzz::read_csv_sequentially(path);
  const std::string difference = peta::fuzz::first_difference(units, whole);
  PETA_FUZZ_CHECK(difference.empty(), "units of " + std::to_string(unit_bytes) + " bytes: " + difference);
  return 0;
}
