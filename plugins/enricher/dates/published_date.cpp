#include "published_date.hpp"

#include "found_date.hpp"
#include "sluice/sdk/text.hpp"

namespace sluice::plugins::dates {

std::optional<std::string> normalize_published(std::string_view value, bool day_first) {
  if (auto iso = sdk::text::normalize_date(value)) return iso;
  Scan scan;
  scan.day_first = day_first;
  scan.load(value);
  std::vector<FoundDate> found;
  find_absolute_dates(scan, found);
  // The first full date; one without a year ("29 July") is no published date.
  for (FoundDate& f : found) {
    if (!f.iso.empty() && !f.iso.starts_with("--")) return std::move(f.iso);
  }
  return std::nullopt;
}

}  // namespace sluice::plugins::dates
