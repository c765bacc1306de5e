#include "content_type.hpp"

#include <array>
#include <utility>

namespace sluice::plugins::files {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kByExtension{{
    {"txt", "text/plain"},
    {"html", "text/html"},
    {"htm", "text/html"},
    {"xml", "application/xml"},
    {"rss", "application/xml"},
    {"atom", "application/xml"},
    {"json", "application/json"},
    {"jsonl", "application/x-ndjson"},
}};

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

std::string guess_content_type(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  // No dot, or a leading dot only (".profile"): no extension.
  if (dot == std::string_view::npos || dot == 0) return {};
  const auto extension = file_name.substr(dot + 1);
  for (const auto& [ext, type] : kByExtension) {
    if (iequals_ascii(extension, ext)) return std::string(type);
  }
  return {};
}

}  // namespace sluice::plugins::files
