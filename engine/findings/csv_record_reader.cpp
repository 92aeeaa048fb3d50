#include "findings/csv_record_reader.hpp"

#include <string>

#include "core/error.hpp"

namespace peta {

bool CsvRecordReader::next(std::vector<std::string>& fields) {
  for (;;) {
    if (cursor_ && cursor_->next(fields)) {
      if (cursor_->broken())
        throw Error(chunks_.path() + ": line " + std::to_string(cursor_->broken_quote_row()) +
                    ": a quote opened there never closes");
      return true;
    }
    if (!chunks_.next(chunk_)) return false;
    cursor_ = std::make_unique<CsvChunkCursor>(chunk_, chunks_.delimiter());
  }
}

}  // namespace peta
