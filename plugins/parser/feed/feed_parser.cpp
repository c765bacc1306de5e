#include "feed_parser.hpp"

#include <utility>

#include "gunzip.hpp"
#include "json_feed.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/encoding.hpp"
#include "sluice/sdk/text.hpp"
#include "xml_document.hpp"
#include "xml_feed.hpp"

namespace sluice::plugins::feed {
namespace {

const char* content_type_of(const std::string& format) {
  if (format == "atom") return "application/atom+xml";
  if (format == "json") return "application/feed+json";
  if (format == "rdf") return "application/rdf+xml";
  return "application/rss+xml";
}

// "en-US" -> "en": Article::language is ISO 639-1.
std::string primary_language(std::string_view tag) {
  const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
  if (primary.size() != 2) return {};
  std::string out;
  for (const char c : primary) {
    if ((c | 0x20) < 'a' || (c | 0x20) > 'z') return {};
    out.push_back(static_cast<char>(c | 0x20));
  }
  return out;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const auto& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

sdk::List to_list(const std::vector<std::string>& strings) {
  sdk::List out;
  for (const auto& s : strings) out.emplace_back(s);
  return out;
}

}  // namespace

FeedParser::FeedParser(const sdk::StageInit& init)
    : max_bytes_(init.options.size("max_bytes")),
      fallback_charset_(init.options.string("fallback_charset")),
      keep_summary_(init.options.boolean("keep_summary")) {
  if (max_bytes_ == 0) throw sdk::StageError("option 'max_bytes' must be greater than 0");
  if (!sdk::encoding::is_known_charset(fallback_charset_))
    throw sdk::StageError("option 'fallback_charset': iconv does not know the charset '" + fallback_charset_ +
                          "'");
  init_xml_library();
}

ParsedFeed FeedParser::read(const sdk::RawDocument& doc) const {
  sdk::encoding::check_document(doc, max_bytes_);
  // Servers and archives hand feeds over gzip-compressed; the inflated
  // size is held to max_bytes too, so a compressed bomb is refused.
  const std::string inflated = is_gzip(doc.bytes) ? gunzip(doc.bytes, max_bytes_) : std::string();
  sdk::encoding::Hints hints;
  hints.content_type = doc.content_type;
  hints.fallback = fallback_charset_;
  hints.html_meta = false;  // a feed is XML or JSON; a <meta> in its content declares nothing
  const sdk::encoding::Decoded decoded = sdk::encoding::to_utf8(
      is_gzip(doc.bytes) ? std::string_view(inflated) : std::string_view(doc.bytes), hints);
  sdk::encoding::refuse_binary(decoded);  // after inflating: gzip itself is binary
  const std::string_view text = decoded.text();
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw sdk::StageError(doc.bytes.empty() ? "empty document" : "empty document (nothing but white space)");

  ParsedFeed feed = looks_like_json(text) ? read_json_feed(text) : read_xml_feed(text, doc.uri);
  if (const auto w = sdk::encoding::warning(decoded)) feed.warnings.push_back(*w);
  return feed;
}

void FeedParser::parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) {
  ParsedFeed feed = read(doc);
  for (std::string& e : feed.errors) out.error(std::move(e));
  for (FeedItem& item : feed.items) {
    if (item.title.empty() && item.link.empty() && item.content.empty() && item.summary.empty()) {
      out.error("item " + std::to_string(item.index) + " has no title, link or text and was skipped");
      continue;
    }
    out.article(to_article(doc, feed, std::move(item)));
  }
}

sdk::Article FeedParser::to_article(const sdk::RawDocument& doc, const ParsedFeed& feed,
                                    FeedItem&& item) const {
  sdk::Article a;
  a.title = std::move(item.title);
  a.source_uri = item.link.empty() ? doc.uri : item.link;
  a.content_type = doc.content_type.empty() ? content_type_of(feed.info.format) : doc.content_type;
  a.fetched_at_ms = doc.fetched_at_ms;
  a.published_raw = std::move(item.published_raw);
  a.published = sdk::text::normalize_date(a.published_raw).value_or("");
  a.authors = std::move(item.authors);
  a.language = primary_language(item.language.empty() ? feed.info.language : item.language);

  // The full text when the feed carries it, else the summary.
  const bool has_content = !item.content.empty();
  a.body = has_content ? std::move(item.content) : item.summary;
  if (keep_summary_ && has_content && !item.summary.empty())
    a.fields["summary"] = join_paragraphs(item.summary);

  a.fields["document_uri"] = doc.uri;
  if (!item.guid.empty()) a.fields["guid"] = item.guid;
  if (!item.categories.empty()) a.fields["categories"] = to_list(item.categories);
  sdk::Map feed_info{{"format", feed.info.format}};
  if (!feed.info.title.empty()) feed_info["title"] = feed.info.title;
  if (!feed.info.link.empty()) feed_info["link"] = feed.info.link;
  a.fields["feed"] = std::move(feed_info);

  std::vector<std::string> warnings = feed.warnings;
  for (auto& w : item.warnings) warnings.push_back(std::move(w));
  if (!a.published_raw.empty() && a.published.empty())
    warnings.push_back("unrecognised date '" + a.published_raw + "'; published left empty");
  if (!warnings.empty()) a.fields["warnings"] = to_list(warnings);

  // The guid (or link) keys the id, so an item keeps its id when the feed
  // around it changes; the item's position is the last resort.
  const std::string& key = !item.guid.empty() ? item.guid : !item.link.empty() ? item.link : std::string();
  a.id = sdk::make_article_id(doc.key + "#" + (key.empty() ? "item " + std::to_string(item.index) : key), a);
  return a;
}

}  // namespace sluice::plugins::feed
