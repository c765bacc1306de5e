// The seed format's header: "date YYYY-MM-DD <caption> - <credit>".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sluice::plugins::seed_text {

struct Header {
  std::string date_raw;  // the date token as written ("2023-07-29", "2023-13-45")
  std::string date;      // date_raw when it is a real YYYY-MM-DD date, else empty
  std::string caption;   // photo caption
  std::string credit;    // photo credit
};

// Reads the header from the document's first paragraph (already normalised:
// single spaces, trimmed). It is a header when it starts with the word
// "date" (any case) followed by a token beginning with a digit; anything
// else, such as "Date palms grow...", is not a header but body text.
//
// After the date token comes the caption, then the credit: they are split
// at the LAST " - ", because captions contain " - " too while credits
// ("STR/KCNA /KNS/AFP") do not. Without " - " everything is caption.
std::optional<Header> parse_header(std::string_view paragraph);

// True for a real calendar date written exactly YYYY-MM-DD.
bool is_iso_date(std::string_view text);

}  // namespace sluice::plugins::seed_text
