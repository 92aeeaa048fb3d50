#pragma once
// The cells of one source row, as text, in one buffer: no allocation per cell, and a reused row object
// keeps its storage for the next row. A reader appends cells in column order.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace peta {

class RowCells {
 public:
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    const std::uint32_t begin = i ? ends_[i - 1] : 0;
    return {text_.data() + begin, ends_[i] - begin};
  }
  // The cell of `column`, or "" when the column is negative (absent) or the row is shorter.
  std::string_view get(int column) const {
    return column >= 0 && static_cast<std::size_t>(column) < size() ? (*this)[static_cast<std::size_t>(column)]
                                                                    : std::string_view();
  }

  void clear() {
    text_.clear();
    ends_.clear();
  }
  void push_back(std::string_view cell) {
    text_.append(cell);
    close_cell();
  }
  // Cell by pieces: append() to the open cell, then close_cell().
  void append(std::string_view piece) { text_.append(piece); }
  void append(char c) { text_.push_back(c); }
  void close_cell() { ends_.push_back(static_cast<std::uint32_t>(text_.size())); }
  // Bytes of all cells so far, open cell included; drop_open_text(n) cuts the open cell back to n bytes.
  std::size_t text_size() const { return text_.size(); }
  void drop_open_text(std::size_t n) { text_.resize(n); }

  std::vector<std::string> to_strings() const {
    std::vector<std::string> out;
    out.reserve(size());
    for (std::size_t i = 0; i < size(); ++i) out.emplace_back((*this)[i]);
    return out;
  }

 private:
  std::string text_;
  std::vector<std::uint32_t> ends_;
};

}  // namespace peta
