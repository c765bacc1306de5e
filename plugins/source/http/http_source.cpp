#include "http_source.hpp"

#include "net/documents.hpp"
#include "net/options.hpp"

namespace sluice::plugins::http {
namespace {

// State keys: one per URL.
std::string state_key(const std::string& url) { return "url/" + url; }

}  // namespace

HttpSource::HttpSource(const sdk::StageInit& init)
    : urls_(net::url_list(init.options)),
      politeness_(init.options.duration("politeness_delay")),
      client_(net::client_settings(init), &politeness_),
      state_(init.options.boolean("incremental") ? init.state : nullptr),
      log_(init.log) {
  if (init.options.duration("politeness_delay").count() < 0)
    throw sdk::StageError("option 'politeness_delay' must not be negative");
}

bool HttpSource::next(sdk::RawDocument& out) {
  while (position_ < urls_.size()) {
    const std::string& url = urls_[position_++];
    if (fetch(url, out)) return true;
  }
  return false;
}

std::optional<net::Validators> HttpSource::remembered(const std::string& url) const {
  if (state_ == nullptr) return std::nullopt;
  const auto saved = state_->get(state_key(url));
  return saved ? net::Validators::decode(*saved) : std::nullopt;
}

bool HttpSource::fetch(const std::string& url, sdk::RawDocument& out) {
  const auto before = remembered(url);
  net::Request request;
  request.url = url;
  if (before) request.headers = before->conditional_headers();

  net::Response response;
  try {
    response = client_.send(request);
  } catch (const net::FetchError& e) {
    if (log_ != nullptr) log_->warn(e.what());
    out = net::failed_document(url, e.what());
    out.cursor = deliver(url, std::nullopt);
    return true;
  }
  if (response.status == 304) {
    if (log_ != nullptr) log_->info("GET " + url + ": not modified since the last run");
    return false;
  }
  if (!net::is_success(response)) {
    const std::string error = net::status_error(url, response);
    if (log_ != nullptr) log_->warn(error);
    out = net::failed_document(url, error);
    out.cursor = deliver(url, std::nullopt);
    return true;
  }
  auto validators = net::Validators::of(response);
  // A server without validators (or one that changes its ETag every time)
  // still sends the same bytes: those need not go through the chain again.
  if (before && before->content_hash == validators.content_hash) {
    if (log_ != nullptr) log_->info("GET " + url + ": content unchanged since the last run");
    return false;
  }
  out = net::response_document(url, std::move(response));
  out.cursor = deliver(url, std::move(validators));
  return true;
}

std::string HttpSource::deliver(const std::string& url, std::optional<net::Validators> validators) {
  std::string cursor = std::to_string(++delivered_);
  if (state_ != nullptr) pending_.push_back({cursor, url, std::move(validators)});
  return cursor;
}

void HttpSource::acknowledge(std::string_view cursor) {
  while (!pending_.empty()) {
    Pending p = std::move(pending_.front());
    pending_.pop_front();
    if (p.validators) state_->put(state_key(p.url), p.validators->encode());
    if (p.cursor == cursor) break;
  }
}

}  // namespace sluice::plugins::http
