#pragma once
// Text encodings of findings files: UTF-8 (with or without a BOM) or Windows-1252, as spreadsheets on
// Indonesian office PCs save "CSV (Comma delimited)". Invalid UTF-8 is read as Windows-1252.
#include <string>
#include <string_view>

namespace peta {

enum class TextEncoding { detect, utf8, cp1252 };

// "utf-8"/"utf8", "cp1252"/"windows-1252", "" (detect). Throws peta::Error naming `where` otherwise.
TextEncoding parse_text_encoding(const std::string& name, const std::string& where);

bool is_valid_utf8(std::string_view text);
// Every byte read as Windows-1252 (the 5 bytes it leaves undefined map to U+FFFD).
std::string cp1252_to_utf8(std::string_view text);
// As declared, or (detect) converted only when the text is not valid UTF-8. In place.
void to_utf8(std::string& text, TextEncoding encoding);

}  // namespace peta
