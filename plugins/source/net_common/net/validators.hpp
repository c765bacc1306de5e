// What a stage remembers about a URL between runs so a rerun fetches only
// what changed: the HTTP validators for a conditional GET (ETag,
// Last-Modified) and a hash of the last body delivered, which catches an
// unchanged page on servers that send no validators.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "net/http_client.hpp"

namespace sluice::plugins::net {

struct Validators {
  std::string etag;
  std::string last_modified;
  std::string content_hash;  // hex XXH3-64 of the body

  // From a response and its body.
  static Validators of(const Response& response);
  // If-None-Match / If-Modified-Since for a conditional GET.
  Headers conditional_headers() const;

  // The StateStore value, and back (nullopt for a value that is not ours).
  std::string encode() const;
  static std::optional<Validators> decode(std::string_view value);
};

std::string hash_body(std::string_view body);

}  // namespace sluice::plugins::net
