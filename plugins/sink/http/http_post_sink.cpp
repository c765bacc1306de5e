#include "http_post_sink.hpp"

#include "net/options.hpp"
#include "sluice/sdk/text.hpp"

namespace sluice::plugins::http_post {
namespace {

// Only the start of a reply is read: enough to show in an error.
constexpr std::uint64_t kReplyBytes = 64 * 1024;
constexpr std::size_t kShownReply = 300;

net::ClientSettings settings(const sdk::StageInit& init) {
  net::ClientSettings s = net::client_settings(init);
  s.max_bytes = kReplyBytes;
  return s;
}

// Statuses that say "not now" rather than "not this".
bool retryable(int status) { return status >= 500 || status == 429 || status == 408; }

std::string reply_excerpt(const std::string& body) {
  std::string text = sdk::text::collapse_whitespace(body.substr(0, kShownReply * 4));
  if (text.size() > kShownReply) text = text.substr(0, kShownReply) + "...";
  return text.empty() ? std::string() : ": " + text;
}

}  // namespace

HttpPostSink::HttpPostSink(const sdk::StageInit& init)
    : url_(init.options.string("url")),
      format_(parse_format(init.options.string("format"))),
      idempotency_header_(init.options.string("idempotency_header")),
      client_(settings(init)) {
  if (const auto problem = net::url_problem(url_); !problem.empty())
    throw sdk::StageError("option 'url': " + problem);
}

void HttpPostSink::write(std::span<const sdk::Article> batch) {
  if (batch.empty()) return;
  net::Request request;
  request.method = "POST";
  request.url = url_;
  request.body = batch_body(batch, format_);
  request.content_type = content_type(format_);
  request.follow_redirects = false;  // a webhook that moved is a configuration error, not a retry
  request.truncate_body = true;
  if (!idempotency_header_.empty()) request.headers.emplace_back(idempotency_header_, idempotency_key(batch));

  net::Response response;
  try {
    response = client_.send(request);
  } catch (const net::FetchError& e) {
    if (e.transient()) throw sdk::StageError(e.what());
    throw sdk::PermanentError(e.what());
  }
  if (response.status >= 200 && response.status < 300) return;
  const std::string what = "POST " + url_ + " (a batch of " + std::to_string(batch.size()) +
                           " articles): HTTP " + std::to_string(response.status) +
                           (response.reason.empty() ? "" : " " + response.reason) +
                           reply_excerpt(response.body);
  if (retryable(response.status)) throw sdk::StageError(what);
  throw sdk::PermanentError(what + " (not retried: the webhook refused the batch itself)");
}

}  // namespace sluice::plugins::http_post
