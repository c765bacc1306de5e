#include "net/validators.hpp"

#include "sluice/sdk/article_id.hpp"

namespace sluice::plugins::net {
namespace {

constexpr std::string_view kVersion = "v1";

}  // namespace

std::string hash_body(std::string_view body) { return sdk::hex64(XXH3_64bits(body.data(), body.size())); }

Validators Validators::of(const Response& response) {
  return {response.header("ETag"), response.header("Last-Modified"), hash_body(response.body)};
}

Headers Validators::conditional_headers() const {
  Headers h;
  if (!etag.empty()) h.emplace_back("If-None-Match", etag);
  if (!last_modified.empty()) h.emplace_back("If-Modified-Since", last_modified);
  return h;
}

// Header values hold no line breaks, so one line per field is unambiguous.
std::string Validators::encode() const {
  return std::string(kVersion) + "\n" + etag + "\n" + last_modified + "\n" + content_hash;
}

std::optional<Validators> Validators::decode(std::string_view value) {
  std::string_view fields[4];
  for (int i = 0; i < 3; ++i) {
    const auto nl = value.find('\n');
    if (nl == std::string_view::npos) return std::nullopt;
    fields[i] = value.substr(0, nl);
    value.remove_prefix(nl + 1);
  }
  fields[3] = value;
  if (fields[0] != kVersion) return std::nullopt;
  return Validators{std::string(fields[1]), std::string(fields[2]), std::string(fields[3])};
}

}  // namespace sluice::plugins::net
