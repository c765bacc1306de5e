// The article's published date in ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sluice::plugins::dates {

// ISO 8601 / RFC 3339, RFC 822 and Unix time as sdk::text::normalize_date()
// reads them (the form every parser uses), then the forms people write:
// "29 July 2023", "Saturday, 29th of July 2023", "July 29, 2023",
// "29/07/2023", "July 2023" -- read by the same scanner that finds dates in
// the text, so both accept the same forms. A time after a written date is
// not kept.
std::optional<std::string> normalize_published(std::string_view value, bool day_first);

}  // namespace sluice::plugins::dates
