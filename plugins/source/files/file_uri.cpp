#include "file_uri.hpp"

namespace sluice::plugins::files {
namespace {

// RFC 3986 pchar (unreserved, sub-delims, ':' and '@') plus the '/' separator.
bool is_literal_in_path(unsigned char c) {
  static constexpr std::string_view kPunctuation = "-._~!$&'()*+,;=:@/";
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return kPunctuation.find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string file_uri(std::string_view absolute_path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  uri.reserve(uri.size() + absolute_path.size());
  for (const char ch : absolute_path) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_literal_in_path(c)) {
      uri.push_back(ch);
    } else {
      uri.push_back('%');
      uri.push_back(kHex[c >> 4]);
      uri.push_back(kHex[c & 0xF]);
    }
  }
  return uri;
}

}  // namespace sluice::plugins::files
