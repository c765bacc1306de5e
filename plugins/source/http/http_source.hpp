// The `http` source: one document per URL in a list, fetched over HTTP(S).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/http_client.hpp"
#include "net/politeness.hpp"
#include "net/validators.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::http {

class HttpSource final : public sdk::Source {
 public:
  // Throws sdk::StageError naming the option for a URL or value that
  // cannot work.
  explicit HttpSource(const sdk::StageInit& init);

  // Fetches the next URL that has something new. A URL that fails (no
  // answer, an error status, over max_size) is delivered as a document
  // with meta "error" naming the URL and why, so it is reported and
  // dead-lettered under its own name while the other URLs are fetched.
  bool next(sdk::RawDocument& out) override;

  // Stores the validators of every URL delivered up to `cursor`: only what
  // every sink has stored counts as fetched (at-least-once).
  void acknowledge(std::string_view cursor) override;

 private:
  // Fetches `url`; false when there is nothing new to deliver.
  bool fetch(const std::string& url, sdk::RawDocument& out);
  std::optional<net::Validators> remembered(const std::string& url) const;
  std::string deliver(const std::string& url, std::optional<net::Validators> validators);

  std::vector<std::string> urls_;
  std::size_t position_ = 0;
  net::Politeness politeness_;
  net::HttpClient client_;
  sdk::StateStore* state_;  // null: no conditional GET, every run fetches everything
  sdk::Log* log_;

  struct Pending {
    std::string cursor;
    std::string url;
    std::optional<net::Validators> validators;  // none: nothing to remember (the URL failed)
  };
  std::deque<Pending> pending_;
  std::uint64_t delivered_ = 0;
};

}  // namespace sluice::plugins::http
