// The `json` parser: articles from JSON documents and JSON Lines.
#pragma once

#include <cstdint>
#include <string>

#include "field_mapping.hpp"
#include "json_value.hpp"
#include "sluice/sdk/article.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::json {

enum class LinesMode { Auto, Yes, No };

// Keeps no state between documents (each parse() has its own simdjson
// parser), so one instance serves every worker.
class JsonParser final : public sdk::Parser {
 public:
  // Throws sdk::StageError for an option value that makes no sense.
  explicit JsonParser(const sdk::StageInit& init);

  // One article per record. A record that is not an object or holds no
  // text, and a JSON Lines line that is not JSON, is reported with
  // out.error() and skipped; a JSON document that does not parse, or whose
  // `records` path leads nowhere, throws sdk::StageError.
  void parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) override;

 private:
  FieldMapping mapping_;
  FieldPath records_;
  LinesMode lines_;
  std::uint64_t max_bytes_;
  std::string fallback_charset_;
  bool keep_raw_;
};

}  // namespace sluice::plugins::json
