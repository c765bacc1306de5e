// Publication dates as pages write them, normalised to ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sluice::plugins::html {

// ISO 8601 for the forms the SDK reads (ISO 8601 / RFC 3339, RFC 822, Unix
// time; date-times converted to UTC) and the forms news pages print:
// "29.07.2023", "29.7.2023, 14:05 Uhr", "July 29, 2023", "29. Juli 2023",
// "29 juillet 2023", "2023/07/29". A date found inside a longer text
// ("Published: 29.07.2023 | 14:05") counts. Times printed on pages carry no
// zone, so only the date is kept from them. Nothing for anything else or
// an impossible date.
std::optional<std::string> normalize_page_date(std::string_view raw);

}  // namespace sluice::plugins::html
