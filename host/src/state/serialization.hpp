// Serialised forms the dead-letter store keeps so a failed item can be
// replayed: raw documents (bytes base64-encoded, they may be binary) and
// articles (the SDK's canonical JSON, read back here).
#pragma once

#include <string>

#include "sluice/sdk/article.hpp"

namespace sluice::host::detail {

std::string document_to_json(const sdk::RawDocument& doc);
sdk::RawDocument document_from_json(const std::string& json);

// The inverse of sdk::json::to_json(). Throws std::runtime_error on malformed input.
sdk::Article article_from_json(const std::string& json);

}  // namespace sluice::host::detail
