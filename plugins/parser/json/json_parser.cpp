#include "json_parser.hpp"

#include <simdjson.h>

#include <string_view>
#include <utility>
#include <vector>

#include "json_lines.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/encoding.hpp"

namespace sluice::plugins::json {
namespace {

using simdjson::dom::element;

LinesMode lines_mode(const std::string& v) {
  if (v == "auto") return LinesMode::Auto;
  if (v == "true") return LinesMode::Yes;
  if (v == "false") return LinesMode::No;
  throw sdk::StageError("option 'lines' must be \"auto\", \"true\" or \"false\", not \"" + v + "\"");
}

// A corrupt 10-million-line file should not flood the dead-letter store:
// after this many bad records of one document the rest are only counted.
constexpr std::size_t kMaxErrorsPerDocument = 100;

// Everything that is the same for all records of one document.
class Emitter {
 public:
  Emitter(const sdk::RawDocument& doc, const FieldMapping& mapping, const sdk::encoding::Decoded& decoded,
          bool keep_raw, sdk::ParseOutput& out)
      : doc_(doc), mapping_(mapping), decoded_(decoded), keep_raw_(keep_raw), out_(out) {}
  ~Emitter() {
    if (suppressed_ != 0)
      out_.error("... and " + std::to_string(suppressed_) + " more bad record(s) not listed");
  }
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  // `where` names the record in messages and, without an id, keys it
  // ("line 3", "record 2"; empty for a document that is one object).
  void record(element e, const std::string& where, std::string_view json_text) {
    MappedRecord mapped;
    if (auto problem = map_record(e, mapping_, mapped)) {
      error(where.empty() ? *problem : where + ": " + *problem);
      return;
    }
    sdk::Article& a = mapped.article;
    if (a.source_uri.empty()) a.source_uri = doc_.uri;
    a.fields["document_uri"] = doc_.uri;
    if (const auto w = sdk::encoding::warning(decoded_)) add_warning(a, *w);
    a.content_type = doc_.content_type.empty() ? "application/json" : doc_.content_type;
    a.fetched_at_ms = doc_.fetched_at_ms;
    if (keep_raw_) a.raw = json_text;
    std::string key = doc_.key;
    if (mapped.record_id)
      key += "#" + *mapped.record_id;
    else if (!where.empty())
      key += "#" + where;
    a.id = sdk::make_article_id(key, a);
    out_.article(std::move(a));
  }

  void error(std::string message) {
    if (errors_++ < kMaxErrorsPerDocument)
      out_.error(std::move(message));
    else
      ++suppressed_;
  }

 private:
  static void add_warning(sdk::Article& a, const std::string& w) {
    sdk::Value& list = a.fields["warnings"];
    if (list.is_null()) list = sdk::List{};
    list.as_list().emplace_back(w);
  }

  const sdk::RawDocument& doc_;
  const FieldMapping& mapping_;
  const sdk::encoding::Decoded& decoded_;
  bool keep_raw_;
  sdk::ParseOutput& out_;
  std::size_t errors_ = 0;
  std::size_t suppressed_ = 0;
};

// simdjson needs SIMDJSON_PADDING readable bytes after each value it
// parses; inside one padded copy of the document every line has them, so
// JSON Lines cost one copy in all.
void parse_lines(std::string_view padded, simdjson::dom::parser& parser, Emitter& emit) {
  for (const Line& line : split_lines(padded)) {
    const std::string where = "line " + std::to_string(line.number);
    element e;
    if (const auto err = parser.parse(line.text.data(), line.text.size(), false).get(e)) {
      emit.error(where + ": not JSON (" + simdjson::error_message(err) + ")");
      continue;
    }
    emit.record(e, where, line.text);
  }
}

void parse_document(element root, const FieldPath& records, std::string_view text, Emitter& emit) {
  if (!records.empty()) {
    const auto found = records.find(root);
    if (!found || !found->is_array())
      throw sdk::StageError("'records' path '" + records.spec() + "' does not lead to an array");
    root = *found;
  }
  if (!root.is_array()) {
    emit.record(root, "", text);
    return;
  }
  std::size_t n = 0;
  for (element item : simdjson::dom::array(root)) {
    const std::string where = "record " + std::to_string(++n);
    emit.record(item, where, simdjson::to_string(item));
  }
}

}  // namespace

JsonParser::JsonParser(const sdk::StageInit& init)
    : mapping_(FieldMapping::from_options(init.options)),
      records_(init.options.string("records")),
      lines_(lines_mode(init.options.string("lines"))),
      max_bytes_(init.options.size("max_bytes")),
      fallback_charset_(init.options.string("fallback_charset")),
      keep_raw_(init.options.boolean("keep_raw")) {
  if (max_bytes_ == 0) throw sdk::StageError("option 'max_bytes' must be greater than 0");
  if (!sdk::encoding::is_known_charset(fallback_charset_))
    throw sdk::StageError("option 'fallback_charset': iconv does not know the charset '" + fallback_charset_ +
                          "'");
}

void JsonParser::parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) {
  sdk::encoding::Hints hints;
  hints.xml_declaration = false;
  hints.html_meta = false;
  hints.fallback = fallback_charset_;
  const sdk::encoding::Decoded decoded = sdk::encoding::document_text(doc, max_bytes_, hints);
  const simdjson::padded_string text(decoded.text().data(), decoded.text().size());
  const std::string_view padded(text.data(), text.size());
  const Line first = first_line(padded);
  if (first.text.empty())
    throw sdk::StageError(doc.bytes.empty() ? "empty document" : "empty document (nothing but white space)");

  simdjson::dom::parser parser;
  Emitter emit(doc, mapping_, decoded, keep_raw_, out);
  bool lines =
      lines_ == LinesMode::Yes || (lines_ == LinesMode::Auto && named_json_lines(doc.key, doc.content_type));
  if (!lines) {
    element root;
    const auto err = parser.parse(text.data(), text.size(), false).get(root);
    if (!err) {
      parse_document(root, records_, decoded.text(), emit);
      return;
    }
    // Several values, one per line, in a file not named .jsonl: JSON Lines
    // after all, when its first line alone is a JSON value.
    element probe;
    const bool first_line_parses =
        lines_ == LinesMode::Auto && first.text.size() < text.size() &&
        parser.parse(first.text.data(), first.text.size(), false).get(probe) == simdjson::SUCCESS;
    if (!first_line_parses) throw sdk::StageError(std::string("not JSON: ") + simdjson::error_message(err));
  }
  parse_lines(padded, parser, emit);
}

}  // namespace sluice::plugins::json
