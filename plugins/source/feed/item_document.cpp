#include "item_document.hpp"

#include "sluice/sdk/json.hpp"

namespace sluice::plugins::feed_poll {
namespace {

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const auto& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

// Empty values are left out: the JSON Feed reader treats a missing key
// and an empty string alike.
void field(sdk::json::ObjectWriter& o, std::string_view key, const std::string& value) {
  if (!value.empty()) o.field(key, value);
}

void string_list(std::string& out, const std::vector<std::string>& values) {
  sdk::json::append_array(out, values,
                          [](std::string& s, const std::string& v) { sdk::json::append_string(s, v); });
}

}  // namespace

std::string item_json_feed(const feed::FeedInfo& info, const std::string& feed_url,
                           const feed::FeedItem& item) {
  std::string out;
  {
    sdk::json::ObjectWriter feed(out);
    feed.field("version", "https://jsonfeed.org/version/1.1");
    field(feed, "title", info.title);
    field(feed, "home_page_url", info.link);
    feed.field("feed_url", feed_url);
    field(feed, "language", info.language);
    std::string& items = feed.key("items");
    items.push_back('[');
    {
      sdk::json::ObjectWriter o(items);
      field(o, "id", item.guid);
      field(o, "url", item.link);
      field(o, "title", item.title);
      field(o, "content_text", join_paragraphs(item.content));
      field(o, "summary", join_paragraphs(item.summary));
      field(o, "date_published", item.published_raw);
      field(o, "language", item.language);
      if (!item.authors.empty()) {
        sdk::json::append_array(o.key("authors"), item.authors, [](std::string& s, const std::string& name) {
          sdk::json::ObjectWriter a(s);
          a.field("name", name);
        });
      }
      if (!item.categories.empty()) string_list(o.key("tags"), item.categories);
    }
    items.push_back(']');
  }
  return out;
}

}  // namespace sluice::plugins::feed_poll
