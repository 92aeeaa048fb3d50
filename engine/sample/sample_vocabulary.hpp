#pragma once
// The words a synthetic finding is made of: short Indonesian notes per category (some with commas and
// quotes, so CSV readers get exercised), severities and their shares, and calendar dates.
#include <array>
#include <cstdio>
#include <string>
#include <string_view>

namespace peta::sample_vocabulary {

inline constexpr std::size_t kNotesPerCategory = 5;
// Indexed like kSampleCategories.
inline constexpr std::array<std::array<std::string_view, kNotesPerCategory>, 5> kNotes = {{
    {"Jalan berlubang, \"parah\"", "Aspal mengelupas sepanjang 200 m", "Jembatan kecil retak",
     "Jalan tergenang saat hujan, licin", "Jalan desa belum diaspal"},
    {"Balita di bawah garis merah", "Tinggi badan anak di bawah standar", "Ibu hamil kurang gizi, perlu PMT",
     "Posyandu melaporkan \"gizi buruk\"", "Balita jarang ditimbang"},
    {"Jarak ke SD lebih dari 5 km", "Tidak ada angkutan ke SMP", "Jalan ke sekolah rusak, anak jalan kaki",
     "Ruang kelas rusak", "Guru honorer kurang"},
    {"Rumah tidak layak huni", "Belum terdaftar DTKS", "Tidak punya jamban sendiri",
     "Penghasilan tidak tetap, \"buruh tani\"", "Lansia hidup sendiri"},
    {"Lampu jalan mati", "Air bersih sering macet", "Pelayanan KTP lambat, antre lama",
     "Puskesmas pembantu tutup", "Sinyal telepon lemah"},
}};

inline constexpr std::array<std::string_view, kNotesPerCategory> kPotentialNotes = {
    "Kebun kopi rakyat, bisa jadi agrowisata", "Kerajinan anyaman bambu", "Air terjun, belum dikelola",
    "Kelompok UMKM keripik singkong", "Sentra susu sapi perah"};

inline constexpr std::array<std::string_view, 3> kSeverities = {"ringan", "sedang", "berat"};
inline constexpr std::array<double, 3> kSeverityShares = {0.50, 0.35, 0.15};

inline bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }
inline int days_in_year(int year) { return is_leap(year) ? 366 : 365; }

// "YYYY-MM-DD" of the day with 0-based index `day` in `year`.
inline std::string date_of(int year, int day) {
  static constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int month = 0;
  for (; month < 12; ++month) {
    const int len = kMonthDays[month] + (month == 1 && is_leap(year) ? 1 : 0);
    if (day < len) break;
    day -= len;
  }
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month + 1, day + 1);
  return text;
}

}  // namespace peta::sample_vocabulary
