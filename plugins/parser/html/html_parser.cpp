#include "html_parser.hpp"

#include <string>
#include <string_view>
#include <utility>

#include "blocks.hpp"
#include "charset.hpp"
#include "class_hints.hpp"
#include "dom.hpp"
#include "json_ld.hpp"
#include "main_text.hpp"
#include "metadata.hpp"
#include "nesting_guard.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/text.hpp"

namespace sluice::plugins::html {
namespace {

// Stops at the first character that is not white space.
bool is_blank(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t space = sdk::text::space_length(text, i);
    if (space == 0) return false;
    i += space;
  }
  return true;
}

}  // namespace

HtmlParser::HtmlParser(const sdk::StageInit& init)
    : max_bytes_(init.options.size("max_bytes")),
      fallback_charset_(init.options.string("fallback_charset")),
      keep_raw_(init.options.boolean("keep_raw")) {
  if (max_bytes_ == 0) throw sdk::StageError("option 'max_bytes' must be greater than 0");
  if (!sdk::encoding::is_known_charset(fallback_charset_))
    throw sdk::StageError("option 'fallback_charset': iconv does not know the charset '" + fallback_charset_ +
                          "'");
  const auto favor = parse_favor(init.options.string("favor"));
  if (!favor) {
    throw sdk::StageError("option 'favor' must be \"precision\", \"balanced\" or \"recall\", not \"" +
                          init.options.string("favor") + "\"");
  }
  const std::int64_t min_chars = init.options.integer("min_paragraph_chars");
  if (min_chars < 0) throw sdk::StageError("option 'min_paragraph_chars' must not be negative");
  tuning_ = Tuning::make(*favor, static_cast<std::size_t>(min_chars), init.options.boolean("use_json_ld"));
}

void HtmlParser::parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) { out.article(to_article(doc)); }

sdk::Article HtmlParser::to_article(const sdk::RawDocument& doc) const {
  const sdk::encoding::Decoded decoded = decode_page(doc, max_bytes_, fallback_charset_);
  std::string_view text = decoded.text();  // binary data was refused by the SDK's sniff
  if (is_blank(text))
    throw sdk::StageError(doc.bytes.empty() ? "empty document" : "empty document (nothing but white space)");

  sdk::List warnings;
  if (auto w = sdk::encoding::warning(decoded)) warnings.emplace_back(std::move(*w));
  if (const std::size_t at = excessive_nesting_at(text); at != std::string_view::npos) {
    text = text.substr(0, at);
    warnings.emplace_back("elements nest deeper than " + std::to_string(kMaxNesting) + " levels at byte " +
                          std::to_string(at) + "; the rest of the page was not read");
  }

  const Dom dom(text);
  const std::vector<Hint> hints = classify_elements(dom);
  const std::vector<Block> blocks = linearize(dom, hints);
  const JsonLdArticle json_ld = read_json_ld(dom);
  PageMetadata meta = read_metadata(dom, hints, json_ld);
  MainText main = extract_main_text(dom, hints, blocks, meta.title, json_ld.article_body, tuning_);
  if (main.paragraphs.empty() && meta.title.empty()) {
    throw sdk::StageError(blocks.empty() ? "no article in the page: it has no text"
                                         : "no article in the page: no title and no main text found");
  }
  if (main.paragraphs.empty()) warnings.emplace_back("no main text found; the article has a title only");

  sdk::Article article;
  article.title = std::move(meta.title);
  article.published = std::move(meta.published);
  article.published_raw = std::move(meta.published_raw);
  article.authors = std::move(meta.authors);
  article.caption = std::move(meta.caption);
  article.credit = std::move(meta.credit);
  article.language = std::move(meta.language);
  article.body = std::move(main.paragraphs);
  article.source_uri = doc.uri;
  article.content_type = doc.content_type.empty() ? "text/html" : doc.content_type;
  article.fetched_at_ms = doc.fetched_at_ms;
  if (keep_raw_) article.raw = doc.bytes;
  article.fields["html_body_source"] = to_string(main.source);
  if (!warnings.empty()) article.fields["warnings"] = std::move(warnings);
  article.id = sdk::make_article_id(doc.key, article);
  return article;
}

}  // namespace sluice::plugins::html
