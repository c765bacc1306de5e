// The `http_post` sink: POSTs each batch of articles to a webhook.
#pragma once

#include <span>
#include <string>

#include "batch_body.hpp"
#include "net/http_client.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::http_post {

class HttpPostSink final : public sdk::Sink {
 public:
  // Throws sdk::StageError naming the option for a value that cannot work.
  explicit HttpPostSink(const sdk::StageInit& init);

  // Returns once the webhook answered 2xx: the batch is then its problem.
  // Throws sdk::StageError (the host retries with backoff) for network
  // trouble, timeouts, 5xx, 408 and 429; sdk::PermanentError (no retry,
  // straight to on_failure) for any other answer.
  void write(std::span<const sdk::Article> batch) override;

 private:
  std::string url_;
  BodyFormat format_;
  std::string idempotency_header_;
  net::HttpClient client_;
};

}  // namespace sluice::plugins::http_post
