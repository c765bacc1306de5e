#include "charset.hpp"

#include <string>

#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

constexpr std::size_t kScanLimit = 64 * 1024;

}  // namespace

std::string_view declared_meta_charset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kScanLimit);
  std::size_t i = 0;
  while ((i = head.find('<', i)) != std::string_view::npos) {
    const std::string_view rest = head.substr(i);
    if (rest.starts_with("<!--")) {
      const std::size_t end = head.find("-->", i + 4);
      if (end == std::string_view::npos) return {};
      i = end + 3;
      continue;
    }
    if (rest.size() >= 5 && iequals(rest.substr(0, 5), "<body")) return {};
    if (rest.size() >= 5 && iequals(rest.substr(0, 5), "<meta")) {
      const std::size_t end = head.find('>', i);
      const std::string_view tag =
          head.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i + 1);
      // The SDK's prescan reads one tag as well as a whole page prefix.
      if (const std::string_view cs = sdk::encoding::html_meta_charset(tag); !cs.empty()) return cs;
    }
    ++i;
  }
  return {};
}

sdk::encoding::Decoded decode_page(const sdk::RawDocument& doc, std::uint64_t max_bytes,
                                   std::string_view fallback) {
  sdk::encoding::Hints hints;
  hints.fallback = fallback;
  std::string content_type = doc.content_type;
  // A charset from the transport wins over the page's own declaration.
  if (sdk::encoding::content_type_charset(content_type).empty()) {
    if (const std::string_view declared = declared_meta_charset(doc.bytes); !declared.empty())
      content_type = "text/html; charset=" + std::string(declared);
  }
  hints.content_type = content_type;
  return sdk::encoding::document_text(doc, max_bytes, hints);
}

}  // namespace sluice::plugins::html
