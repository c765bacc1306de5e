#include "dates_enricher.hpp"

#include <algorithm>

#include "found_date.hpp"
#include "published_date.hpp"

namespace sluice::plugins::dates {
namespace {

void warn(sdk::Article& a, std::string message) {
  sdk::Value& w = a.fields["warnings"];
  if (!w.is_list()) w = sdk::List{};
  w.as_list().emplace_back(std::move(message));
}

}  // namespace

DatesEnricher::DatesEnricher(const sdk::StageInit& init)
    : day_first_(init.options.boolean("day_first")), relative_(init.options.boolean("relative")) {}

void DatesEnricher::enrich(sdk::Article& a) {
  // A parser's value wins over the raw string; both are tried.
  const std::string& given = a.published.empty() ? a.published_raw : a.published;
  if (!given.empty()) {
    if (auto iso = normalize_published(given, day_first_)) {
      a.published = std::move(*iso);
    } else if (auto raw = normalize_published(a.published_raw, day_first_)) {
      a.published = std::move(*raw);
    } else {
      warn(a, "dates: published date '" + given + "' not understood; left as it was");
    }
  }

  Scan scan;
  scan.reference = parse_iso_day(a.published);
  scan.day_first = day_first_;
  sdk::List list;
  std::vector<FoundDate> found;
  const auto scan_text = [&](const std::string& text, int paragraph) {
    if (text.empty()) return;
    scan.load(text);
    found.clear();
    find_absolute_dates(scan, found);
    if (relative_) find_relative_dates(scan, found);
    std::sort(found.begin(), found.end(),
              [](const FoundDate& x, const FoundDate& y) { return x.begin < y.begin; });
    for (FoundDate& f : found) {
      sdk::Map entry;
      entry["text"] = text.substr(f.begin, f.end - f.begin);
      entry["iso"] = std::move(f.iso);
      entry["paragraph"] = paragraph;
      entry["relative"] = f.relative;
      list.emplace_back(std::move(entry));
    }
  };
  // Paragraph numbers as in sdk::Mention: -1 the title, -2 the caption.
  scan_text(a.title, -1);
  scan_text(a.caption, -2);
  for (std::size_t p = 0; p < a.body.size(); ++p) scan_text(a.body[p], static_cast<int>(p));
  if (!list.empty()) a.fields["dates"] = std::move(list);
}

}  // namespace sluice::plugins::dates
