#include "batch_body.hpp"

#include "sluice/sdk/json.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::http_post {

BodyFormat parse_format(std::string_view name) {
  if (name == "array") return BodyFormat::Array;
  if (name == "ndjson") return BodyFormat::Ndjson;
  throw sdk::StageError(
      "option 'format' must be \"array\" (one JSON array per batch) or \"ndjson\" (one "
      "article per line), not \"" +
      std::string(name) + "\"");
}

const char* content_type(BodyFormat format) {
  return format == BodyFormat::Array ? "application/json" : "application/x-ndjson";
}

std::string batch_body(std::span<const sdk::Article> batch, BodyFormat format) {
  std::string out;
  out.reserve(batch.size() * 1024);
  if (format == BodyFormat::Array) out.push_back('[');
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (format == BodyFormat::Array && i > 0) out.push_back(',');
    sdk::json::append_article(out, batch[i]);
    if (format == BodyFormat::Ndjson) out.push_back('\n');
  }
  if (format == BodyFormat::Array) out.push_back(']');
  return out;
}

std::string idempotency_key(std::span<const sdk::Article> batch) {
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  for (const auto& a : batch) {
    XXH3_128bits_update(&state, a.id.data(), a.id.size());
    XXH3_128bits_update(&state, "\n", 1);
  }
  const XXH128_hash_t h = XXH3_128bits_digest(&state);
  return sdk::hex64(h.high64) + sdk::hex64(h.low64);
}

}  // namespace sluice::plugins::http_post
