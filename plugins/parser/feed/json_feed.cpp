#include "json_feed.hpp"

#include <simdjson.h>

#include "html_text.hpp"
#include "links.hpp"
#include "sluice/sdk/stage.hpp"
#include "sluice/sdk/text.hpp"

namespace sluice::plugins::feed {
namespace {

using sdk::text::collapse_whitespace;
using simdjson::dom::element;

std::string str(element obj, const char* key) {
  std::string_view v;
  if (obj[key].get(v) != simdjson::SUCCESS) return {};
  return std::string(v);
}

// Version 1.1 `authors` (a list) and 1.0 `author` (one object).
std::vector<std::string> authors_of(element obj) {
  std::vector<std::string> out;
  const auto add = [&](element a) {
    if (std::string name = collapse_whitespace(str(a, "name")); !name.empty()) out.push_back(std::move(name));
  };
  simdjson::dom::array list;
  if (obj["authors"].get(list) == simdjson::SUCCESS) {
    for (element a : list) add(a);
  }
  element one;
  if (out.empty() && obj["author"].get(one) == simdjson::SUCCESS) add(one);
  return out;
}

}  // namespace

bool looks_like_json(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

ParsedFeed read_json_feed(std::string_view json) {
  simdjson::dom::parser parser;
  element root;
  if (const auto err = parser.parse(json.data(), json.size()).get(root))
    throw sdk::StageError(std::string("not JSON: ") + simdjson::error_message(err));
  simdjson::dom::array items;
  if (root["items"].get(items) != simdjson::SUCCESS)
    throw sdk::StageError("not a JSON Feed: no \"items\" array");

  ParsedFeed feed;
  feed.info.format = "json";
  feed.info.title = collapse_whitespace(str(root, "title"));
  feed.info.link = str(root, "home_page_url");
  feed.info.language = str(root, "language");
  feed.info.authors = authors_of(root);
  const std::string base = !feed.info.link.empty() ? feed.info.link : str(root, "feed_url");

  std::size_t index = 0;
  for (element e : items) {
    ++index;
    if (!e.is_object()) {
      feed.errors.push_back("item " + std::to_string(index) + " is not a JSON object and was skipped");
      continue;
    }
    FeedItem it;
    it.index = index;
    it.title = html_line(str(e, "title"));
    std::string url = str(e, "url");
    if (url.empty()) url = str(e, "external_url");
    it.link = resolve_link(url, base);
    // `id` is a string in the spec; numbers turn up in the wild.
    it.guid = str(e, "id");
    if (std::int64_t n = 0; it.guid.empty() && e["id"].get(n) == simdjson::SUCCESS)
      it.guid = std::to_string(n);
    it.published_raw = str(e, "date_published");
    if (it.published_raw.empty()) it.published_raw = str(e, "date_modified");
    it.authors = authors_of(e);
    if (it.authors.empty()) it.authors = feed.info.authors;
    simdjson::dom::array tags;
    if (e["tags"].get(tags) == simdjson::SUCCESS) {
      for (element t : tags) {
        std::string_view tag;
        if (t.get(tag) == simdjson::SUCCESS && !tag.empty())
          it.categories.push_back(collapse_whitespace(tag));
      }
    }
    if (const std::string html = str(e, "content_html"); !html.empty())
      it.content = html_paragraphs(html);
    else
      it.content = sdk::text::split_paragraphs(str(e, "content_text"));
    if (const std::string summary = str(e, "summary"); !summary.empty())
      it.summary = sdk::text::split_paragraphs(summary);
    it.language = str(e, "language");
    feed.items.push_back(std::move(it));
  }
  return feed;
}

}  // namespace sluice::plugins::feed
