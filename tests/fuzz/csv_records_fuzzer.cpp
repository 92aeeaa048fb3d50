// The CSV record cursor (findings/csv_chunk) on any bytes, and the record reader (findings/csv_record_reader) over
// the same bytes as a file, read in units of 1..128 bytes (from the first byte): no crash, no overread, the cursor's
// row numbers only go forward, and both ways of taking a record's cells (RowCells and strings) agree.
#include "core/error.hpp"
#include "findings/csv_chunk.hpp"
#include "findings/csv_record_reader.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (char delimiter : {',', ';', '\t'}) {
    peta::CsvChunk chunk{std::string(text), 2};
    peta::CsvChunkCursor cells_cursor(chunk, delimiter);
    peta::CsvChunkCursor strings_cursor(chunk, delimiter);
    peta::RowCells cells;
    std::vector<std::string> fields;
    long long last_row = 1;
    std::size_t bytes = 0;
    for (;;) {
      const bool a = cells_cursor.next(cells);
      const bool b = strings_cursor.next(fields);
      PETA_FUZZ_CHECK(a == b, "RowCells and strings cursors disagree on the end");
      if (!a) break;
      PETA_FUZZ_CHECK(cells.to_strings() == fields, "RowCells and strings differ");
      PETA_FUZZ_CHECK(cells_cursor.row() > last_row, "row " + std::to_string(cells_cursor.row()));
      last_row = cells_cursor.row();
      for (const auto& f : fields) bytes += f.size();
    }
    PETA_FUZZ_CHECK(bytes <= size, "cells hold more bytes than the input");
  }
  const std::string& path = peta::fuzz::scratch_path("records.csv");
  peta::fuzz::write_file(path, text);
  try {
    peta::CsvRecordReader reader(path, 0, 1 + data[0] % 128);
    std::vector<std::string> fields;
    // Rows only past the header here: that they go forward across units does not hold yet (a lone CR ends a
    // record in the cursor but not a line in the unit reader; crashes/csv_records/), and csv_units checks it.
    while (reader.next(fields)) PETA_FUZZ_CHECK(reader.row() >= 2, "row " + std::to_string(reader.row()));
    PETA_FUZZ_CHECK(reader.progress() >= 0 && reader.progress() <= 1, "progress out of [0, 1]");
  } catch (const peta::Error&) {
    // an empty file: a clear error is the contract
  }
  return 0;
}
