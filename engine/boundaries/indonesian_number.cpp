#include "boundaries/indonesian_number.hpp"

#include <cmath>
#include <cstdio>

namespace peta {

std::string format_id(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::abs(value));
  std::string plain = buffer;
  std::string whole = plain.substr(0, plain.find('.'));
  std::string fraction = decimals > 0 ? plain.substr(plain.find('.') + 1) : std::string();
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
    grouped += whole[i];
  }
  bool negative = value < 0 && plain.find_first_not_of("0.") != std::string::npos;
  return (negative ? "-" : "") + grouped + (fraction.empty() ? "" : "," + fraction);
}

}  // namespace peta
