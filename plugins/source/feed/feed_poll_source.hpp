// The `feed_poll` source: polls RSS, Atom and JSON Feed URLs and delivers
// each item once across runs, as a one-item feed document or, with
// fetch_links, as the page the item links to.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feed_item.hpp"
#include "feed_parser.hpp"
#include "net/http_client.hpp"
#include "net/politeness.hpp"
#include "net/validators.hpp"
#include "seen_items.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::feed_poll {

class FeedPollSource final : public sdk::Source {
 public:
  // Throws sdk::StageError naming the option for a value that cannot work.
  explicit FeedPollSource(const sdk::StageInit& init);

  // The next new item of the feeds, polled one after the other. A feed or
  // linked page that cannot be fetched or read is delivered as a document
  // with meta "error" naming its URL, and the other feeds still come.
  bool next(sdk::RawDocument& out) override;

  // Remembers the items delivered up to `cursor` (and a feed's validators
  // once all its new items are stored): at-least-once across crashes.
  void acknowledge(std::string_view cursor) override;

 private:
  // One fetch of one feed.
  struct Poll {
    std::string url;        // as configured
    std::string final_url;  // after redirects
    feed::FeedInfo info;
    std::optional<net::Validators> validators;
    bool failed = false;  // a linked page failed: the next run asks for the whole feed again
  };
  struct Item {
    std::shared_ptr<Poll> poll;
    feed::FeedItem item;
    std::string identity;
    bool last = false;  // the poll's last new item: its acknowledgement completes the poll
  };
  struct Pending {
    std::string cursor;
    std::string feed_url;
    std::string identity;        // empty: nothing to remember (a failure)
    std::shared_ptr<Poll> poll;  // set on a poll's last item
  };

  // Fetches and reads one feed, queueing its new items. True when `out`
  // holds a failure to deliver instead.
  bool poll(const std::string& url, sdk::RawDocument& out);
  void produce(Item&& item, sdk::RawDocument& out);
  void fetch_link(const Item& item, sdk::RawDocument& out);
  SeenItems& seen(const std::string& feed_url);
  std::string next_cursor();

  std::vector<std::string> urls_;
  std::size_t position_ = 0;
  bool fetch_links_;
  std::size_t max_remembered_;
  net::Politeness politeness_;
  net::HttpClient client_;
  std::unique_ptr<feed::FeedParser> reader_;  // the `feed` parser's reading, reused
  sdk::StateStore* state_;                    // null: every run delivers every item
  sdk::Log* log_;

  std::deque<Item> items_;
  std::map<std::string, SeenItems, std::less<>> seen_;
  std::deque<Pending> pending_;
  std::uint64_t delivered_ = 0;
};

}  // namespace sluice::plugins::feed_poll
