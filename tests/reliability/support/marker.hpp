// The marker token every generated test article carries once in its body
// ("sluicemark000123"). Tests count deliveries by it; fixture plugins decide
// how to misbehave by its number. Standard library only, so fixture plugins
// (which link nothing but the SDK) can include it too.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace reliability {

inline constexpr std::string_view kMarkerPrefix = "sluicemark";
inline constexpr std::size_t kMarkerDigits = 6;

inline std::string marker(long n) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%06ld", n);
  return std::string(kMarkerPrefix) + digits;
}

// The number of the first marker in `text`, if any.
inline std::optional<long> find_marker(std::string_view text) {
  for (auto at = text.find(kMarkerPrefix); at != std::string_view::npos;
       at = text.find(kMarkerPrefix, at + 1)) {
    const auto digits = text.substr(at + kMarkerPrefix.size(), kMarkerDigits);
    if (digits.size() != kMarkerDigits || digits.find_first_not_of("0123456789") != std::string_view::npos)
      continue;
    return std::stol(std::string(digits));
  }
  return std::nullopt;
}

}  // namespace reliability
