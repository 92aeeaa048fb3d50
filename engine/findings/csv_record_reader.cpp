#include "findings/csv_record_reader.hpp"

namespace peta {

bool CsvRecordReader::next(std::vector<std::string>& fields) {
  for (;;) {
    if (cursor_ && cursor_->next(fields)) return true;
    if (!chunks_.next(chunk_)) return false;
    cursor_ = std::make_unique<CsvChunkCursor>(chunk_, chunks_.delimiter());
  }
}

}  // namespace peta
