// Fetched responses as the raw documents sources hand the host, the same
// way in every HTTP source.
#pragma once

#include <cstdint>
#include <string>

#include "net/http_client.hpp"
#include "sluice/sdk/article.hpp"

namespace sluice::plugins::net {

// A body to parse: `uri` is the final URL (after redirects), `key` the URL
// as requested, `content_type` the Content-Type header as sent (with its
// charset parameter, which the parsers honour), meta `http_status`,
// `final_url`, `redirects` and, when present, `etag`, `last_modified` and
// `charset`.
sdk::RawDocument response_document(const std::string& url, Response&& response);

// A URL that gave no body to parse: no bytes and meta `error` (parsers and
// the host fail such a document with that message, under the URL's name).
sdk::RawDocument failed_document(const std::string& url, const std::string& error);

// The error for a status that is not success: "GET URL: HTTP 404 Not
// Found", naming where redirects led when they did.
std::string status_error(const std::string& url, const Response& response);

bool is_success(const Response& response);

// Wall-clock milliseconds, for RawDocument::fetched_at_ms.
std::int64_t now_ms();

}  // namespace sluice::plugins::net
