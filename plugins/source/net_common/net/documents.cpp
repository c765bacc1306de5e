#include "net/documents.hpp"

#include <chrono>

#include "sluice/sdk/encoding.hpp"

namespace sluice::plugins::net {
std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool is_success(const Response& response) { return response.status >= 200 && response.status < 300; }

sdk::RawDocument response_document(const std::string& url, Response&& response) {
  sdk::RawDocument doc;
  doc.uri = response.url;
  doc.key = url;
  doc.content_type = response.header("Content-Type");
  doc.fetched_at_ms = now_ms();
  sdk::Map meta{{"http_status", static_cast<std::int64_t>(response.status)},
                {"final_url", response.url},
                {"redirects", static_cast<std::int64_t>(response.redirects)}};
  if (const auto etag = response.header("ETag"); !etag.empty()) meta["etag"] = etag;
  if (const auto modified = response.header("Last-Modified"); !modified.empty())
    meta["last_modified"] = modified;
  if (const auto charset = sdk::encoding::content_type_charset(doc.content_type); !charset.empty())
    meta["charset"] = std::string(charset);
  doc.meta = sdk::Value(std::move(meta));
  doc.bytes = std::move(response.body);
  return doc;
}

sdk::RawDocument failed_document(const std::string& url, const std::string& error) {
  sdk::RawDocument doc;
  doc.uri = url;
  doc.key = url;
  doc.fetched_at_ms = now_ms();
  doc.meta = sdk::Value(sdk::Map{{"error", error}});
  return doc;
}

std::string status_error(const std::string& url, const Response& response) {
  std::string s = "GET " + url + ": HTTP " + std::to_string(response.status);
  if (!response.reason.empty()) s += " " + response.reason;
  if (response.url != url)
    s += " (at " + response.url + ", after " + std::to_string(response.redirects) + " redirects)";
  return s;
}

}  // namespace sluice::plugins::net
