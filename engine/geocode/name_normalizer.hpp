#pragma once
// Place names as staff write them, reduced to a key that compares equal when the name is the same.
//
// name_key(): lower case; every character that is not a-z or 0-9 removed (spaces too, because the official
// list itself spells compass suffixes both ways: "Bladokulon" / "Blado Wetan"; apostrophes too, so
// "Soka'an" = "Sokaan"); then the pre-1972 (Dutch-era) spellings folded onto the modern ones, applied
// left to right to BOTH the query and the official names, so old and new spellings meet in one key:
//     oe -> u     dj -> y     tj -> c     ch -> kh     j -> y
// Why j -> y and dj -> y: old "j" is modern "y" (Sidomuljo = Sidomulyo) and old "dj" is modern "j"
// (Djatisari = Jatisari). Folding every j and y onto one letter makes both meet without having to guess
// which era a "j" comes from; nj -> ny and sj -> sy follow from it. Over the 330 desa of 35.13 the keys
// stay distinct except for the 7 genuinely duplicated names (tested).
//
// split_place_text(): "Desa Sumberanom, Kec. Sumber", "Ds. Sumber Anom", "SUMBERANOM - KEC SUMBER":
// the desa part and the kecamatan part, with the markers Desa, Ds, Kel, Kelurahan, Kec, Kecamatan
// (any case, with or without a dot) removed; a Kab./Kabupaten/Kota part is the kabupaten.
//
// qualifier_start(): where a key's qualifier word begins (Baru, Lor, Kidul, Wetan, Kulon, Tengah, Krajan, Timur,
// Barat, Utara, Selatan at the end, leaving at least 3 letters before it: "sumberanyarlor" -> 11), or the key's
// length when it has none. Such words tell villages apart (Maron Kidul / Maron Kulon / Maron Wetan).
#include <string>
#include <string_view>

namespace peta {

std::string name_key(std::string_view name);
std::size_t qualifier_start(std::string_view key);

struct PlaceText {
  std::string desa;       // the desa words, space-separated, as written (markers removed)
  std::string kecamatan;  // the words after a Kec/Kecamatan marker, empty if none
  std::string trailing;   // with no kecamatan marker: the words after the first comma (maybe a kecamatan)
  std::string kabupaten;  // the words after a Kab/Kabupaten/Kota marker, with the marker ("Kota Probolinggo")
};

PlaceText split_place_text(std::string_view text);

}  // namespace peta
