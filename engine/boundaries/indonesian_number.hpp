#pragma once
// Numbers as Indonesian readers write them: "1.298" and "0,528" (dot groups thousands, comma marks decimals).
#include <string>

namespace peta {

std::string format_id(double value, int decimals = 0);

}  // namespace peta
