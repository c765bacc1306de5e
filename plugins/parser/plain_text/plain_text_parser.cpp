#include "plain_text_parser.hpp"

#include <string_view>
#include <utility>

#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/encoding.hpp"
#include "sluice/sdk/text.hpp"

namespace sluice::plugins::plain_text {
namespace {

// Splits off the first line that holds a word; `rest` is what follows it.
std::string_view first_nonempty_line(std::string_view text, std::string_view& rest) {
  // Classic Mac text has "\r" line ends and no "\n" (split_paragraphs agrees).
  const char end_char = text.find('\n') == std::string_view::npos ? '\r' : '\n';
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(end_char, pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    rest = text.substr(end == text.size() ? end : end + 1);
    if (!sdk::text::collapse_whitespace(line).empty()) return line;
    pos = end + 1;
  }
  rest = {};
  return {};
}

}  // namespace

PlainTextParser::PlainTextParser(const sdk::StageInit& init)
    : max_bytes_(init.options.size("max_bytes")),
      first_line_is_title_(init.options.boolean("first_line_is_title")),
      fallback_charset_(init.options.string("fallback_charset")),
      keep_raw_(init.options.boolean("keep_raw")) {
  if (max_bytes_ == 0) throw sdk::StageError("option 'max_bytes' must be greater than 0");
  if (!sdk::encoding::is_known_charset(fallback_charset_))
    throw sdk::StageError("option 'fallback_charset': iconv does not know the charset '" + fallback_charset_ +
                          "'");
}

void PlainTextParser::parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) {
  out.article(to_article(doc));
}

sdk::Article PlainTextParser::to_article(const sdk::RawDocument& doc) const {
  // Plain text has no markup, so only a byte-order mark or the content
  // type's charset can declare an encoding.
  sdk::encoding::Hints hints;
  hints.xml_declaration = false;
  hints.html_meta = false;
  hints.fallback = fallback_charset_;
  const sdk::encoding::Decoded decoded = sdk::encoding::document_text(doc, max_bytes_, hints);
  std::string_view body_text = decoded.text();

  sdk::Article article;
  if (first_line_is_title_) {
    std::string_view rest;
    article.title = sdk::text::collapse_whitespace(first_nonempty_line(body_text, rest));
    body_text = rest;
  }
  article.body = sdk::text::split_paragraphs(body_text);
  if (article.title.empty() && article.body.empty()) {
    throw sdk::StageError(doc.bytes.empty() ? "empty document" : "empty document (nothing but white space)");
  }

  sdk::List warnings;
  if (const auto w = sdk::encoding::warning(decoded)) warnings.emplace_back(*w);
  if (article.body.empty()) warnings.emplace_back("no body paragraphs after the headline");
  if (decoded.charset() != "utf-8") article.fields["charset"] = decoded.charset();
  if (!warnings.empty()) article.fields["warnings"] = std::move(warnings);

  article.source_uri = doc.uri;
  article.content_type = doc.content_type.empty() ? "text/plain" : doc.content_type;
  article.fetched_at_ms = doc.fetched_at_ms;
  if (keep_raw_) article.raw = doc.bytes;
  article.id = sdk::make_article_id(doc.key, article);
  return article;
}

}  // namespace sluice::plugins::plain_text
