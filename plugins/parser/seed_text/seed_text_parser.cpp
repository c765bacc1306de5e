#include "seed_text_parser.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "first_sentence.hpp"
#include "header_line.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/encoding.hpp"
#include "sluice/sdk/text.hpp"

namespace sluice::plugins::seed_text {

SeedTextParser::SeedTextParser(const sdk::StageInit& init)
    : max_bytes_(init.options.size("max_bytes")),
      title_from_first_paragraph_(init.options.boolean("title_from_first_paragraph")),
      keep_raw_(init.options.boolean("keep_raw")) {
  if (max_bytes_ == 0) throw sdk::StageError("option 'max_bytes' must be greater than 0");
}

void SeedTextParser::parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) {
  out.article(to_article(doc));
}

sdk::Article SeedTextParser::to_article(const sdk::RawDocument& doc) const {
  // The SDK refuses what the source could not read, what is over
  // max_bytes and binary data; a byte-order mark decides the encoding
  // (UTF-8/16/32); text without one is UTF-8, invalid bytes repaired.
  sdk::encoding::Hints hints;
  hints.xml_declaration = false;
  hints.html_meta = false;
  hints.fallback = "utf-8";
  const sdk::encoding::Decoded decoded = sdk::encoding::document_text(doc, max_bytes_, hints);
  const bool utf8 = decoded.charset() == "utf-8";
  std::size_t replaced_bytes = utf8 ? decoded.replaced() : 0;  // invalid UTF-8 bytes turned into U+FFFD
  std::vector<std::string> body = sdk::text::split_paragraphs(decoded.text(), &replaced_bytes);
  if (body.empty()) {
    throw sdk::StageError(doc.bytes.empty() ? "empty document" : "empty document (nothing but white space)");
  }

  sdk::Article article;
  sdk::List warnings;
  if (const auto header = parse_header(body.front())) {
    article.published_raw = header->date_raw;
    article.published = header->date;
    article.caption = header->caption;
    article.credit = header->credit;
    if (article.published.empty()) {
      warnings.emplace_back("invalid date '" + header->date_raw +
                            "' (expected YYYY-MM-DD); published left empty");
    }
    body.erase(body.begin());
  } else {
    // No text is lost: the first line is kept as the first paragraph.
    warnings.emplace_back(
        "no date line (expected 'date YYYY-MM-DD ...' first); the body starts at the first line");
  }
  if (body.empty()) warnings.emplace_back("no body paragraphs after the date line");
  if (replaced_bytes != 0) {
    warnings.emplace_back(std::to_string(replaced_bytes) + " invalid UTF-8 byte(s) replaced with U+FFFD");
  }
  // Anything else the decoding found (a charset's repairs, stray NULs, which
  // the paragraph split treats as white space) is said too.
  if (const auto w = utf8 ? sdk::encoding::nul_warning(decoded) : sdk::encoding::warning(decoded))
    warnings.emplace_back(*w);

  if (title_from_first_paragraph_ && !body.empty()) article.title = first_sentence(body.front());
  article.body = std::move(body);
  article.source_uri = doc.uri;
  article.content_type = doc.content_type.empty() ? "text/plain" : doc.content_type;
  article.fetched_at_ms = doc.fetched_at_ms;
  if (keep_raw_) article.raw = doc.bytes;
  if (!warnings.empty()) article.fields["warnings"] = std::move(warnings);
  article.id = sdk::make_article_id(doc.key, article);
  return article;
}

}  // namespace sluice::plugins::seed_text
