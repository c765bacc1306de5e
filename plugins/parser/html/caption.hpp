// The lead image's caption and credit, where the page marks them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dom.hpp"

namespace sluice::plugins::html {

struct Caption {
  std::string caption;
  std::string credit;
};

// The first <figure> outside page furniture (navigation, sidebars,
// related-article teasers) whose <figcaption> holds text. Inside the
// caption, an element named for a credit (class or itemprop "credit",
// "copyright", "source", "photographer", "author"; or <small>, <cite>) is
// the credit; without one, a trailing "Photo: ...", "Foto: ...", "© ..." is.
// `furniture` is mark_furniture()'s result.
Caption lead_caption(const Dom& dom, const std::vector<char>& furniture);

// "A street in Kyiv. Photo: Jane Doe/AFP" -> {"A street in Kyiv.", "Jane Doe/AFP"}.
Caption split_credit(std::string_view text);

}  // namespace sluice::plugins::html
