// What the `http_post` sink sends for a batch: the canonical article JSON
// (as every sink writes it), as one JSON array or as NDJSON, and an
// idempotency key derived from the article ids.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "sluice/sdk/article.hpp"

namespace sluice::plugins::http_post {

enum class BodyFormat { Array, Ndjson };

// "array" or "ndjson"; throws sdk::StageError naming the option otherwise.
BodyFormat parse_format(std::string_view name);
const char* content_type(BodyFormat format);
std::string batch_body(std::span<const sdk::Article> batch, BodyFormat format);

// 32 hex digits (XXH3-128) of the ids in order: the same batch sent again
// (a retry, a rerun after a crash) carries the same key, so a receiver
// can drop the repeat.
std::string idempotency_key(std::span<const sdk::Article> batch);

}  // namespace sluice::plugins::http_post
