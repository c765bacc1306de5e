// From one JSON record to an article, following the configured field names.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <vector>

#include "json_value.hpp"
#include "sluice/sdk/article.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::json {

struct FieldMapping {
  FieldPath title, body, published, authors, id, url, language;
  std::vector<FieldPath> keep;

  static FieldMapping from_options(const sdk::Options& options);
};

// What a record gave: the article's content fields, and the record's own id
// when it has one (it keys the article id).
struct MappedRecord {
  sdk::Article article;
  std::optional<std::string> record_id;
};

// Fills title, body, published(_raw), authors, language, source_uri (from
// the url field) and the kept fields. Returns the problem instead when the
// record is not an object or has neither a title nor a body.
std::optional<std::string> map_record(simdjson::dom::element record, const FieldMapping& mapping,
                                      MappedRecord& out);

}  // namespace sluice::plugins::json
