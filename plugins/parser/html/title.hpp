// The headline: what the page says its title is, without the site's name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::html {

struct TitleSources {
  std::string_view og_title;     // og:title or twitter:title
  std::string_view json_ld;      // JSON-LD headline
  std::string_view document;     // <title>
  std::string_view site_name;    // og:site_name, application-name
  std::vector<std::string> h1s;  // text of the page's <h1> elements, in order
};

// Prefers an <h1> that one of the declared titles contains (it is the
// headline as printed, without the site's name), then JSON-LD headline,
// og:title and <title> without their site name, then the first <h1>.
std::string choose_title(const TitleSources& sources);

// "Headline | Site", "Site - Headline", "Headline – Section – Site" ->
// "Headline": drops parts equal to the site name, else a short last part,
// unless what would remain is under three words.
std::string strip_site_name(std::string_view title, std::string_view site_name);

}  // namespace sluice::plugins::html
