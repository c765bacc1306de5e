#include "feed_poll_source.hpp"

#include <set>

#include "item_document.hpp"
#include "net/documents.hpp"
#include "net/options.hpp"

namespace sluice::plugins::feed_poll {
namespace {

std::string seen_key(const std::string& feed_url) { return "seen/" + feed_url; }
std::string validators_key(const std::string& feed_url) { return "feed/" + feed_url; }

// The `feed` parser reads the feeds; only its reading options matter here.
std::unique_ptr<feed::FeedParser> make_reader(const sdk::StageInit& init) {
  sdk::StageInit reader;
  reader.pipeline = init.pipeline;
  reader.name = init.name;
  reader.options =
      sdk::Options(sdk::Map{{"max_bytes", static_cast<std::int64_t>(init.options.size("max_size"))},
                            {"fallback_charset", init.options.string("fallback_charset")},
                            {"keep_summary", true}});
  return std::make_unique<feed::FeedParser>(reader);
}

}  // namespace

FeedPollSource::FeedPollSource(const sdk::StageInit& init)
    : urls_(net::url_list(init.options)),
      fetch_links_(init.options.boolean("fetch_links")),
      max_remembered_(
          static_cast<std::size_t>(std::max<std::int64_t>(0, init.options.integer("max_remembered")))),
      politeness_(init.options.duration("politeness_delay")),
      client_(net::client_settings(init), &politeness_),
      reader_(make_reader(init)),
      state_(init.state),
      log_(init.log) {
  if (init.options.integer("max_remembered") < 1)
    throw sdk::StageError("option 'max_remembered' must be at least 1");
}

bool FeedPollSource::next(sdk::RawDocument& out) {
  for (;;) {
    if (!items_.empty()) {
      Item item = std::move(items_.front());
      items_.pop_front();
      produce(std::move(item), out);
      return true;
    }
    if (position_ >= urls_.size()) return false;
    if (poll(urls_[position_++], out)) return true;
  }
}

SeenItems& FeedPollSource::seen(const std::string& feed_url) {
  auto it = seen_.find(feed_url);
  if (it == seen_.end()) {
    const auto saved = state_ != nullptr ? state_->get(seen_key(feed_url)) : std::nullopt;
    it = seen_.emplace(feed_url, SeenItems::decode(saved.value_or(""), max_remembered_)).first;
  }
  return it->second;
}

std::string FeedPollSource::next_cursor() { return std::to_string(++delivered_); }

bool FeedPollSource::poll(const std::string& url, sdk::RawDocument& out) {
  const auto fail = [&](const std::string& error) {
    if (log_ != nullptr) log_->warn(error);
    out = net::failed_document(url, error);
    out.cursor = next_cursor();
    if (state_ != nullptr) pending_.push_back({out.cursor, url, {}, nullptr});
    return true;
  };

  std::optional<net::Validators> before;
  if (state_ != nullptr) {
    if (const auto saved = state_->get(validators_key(url))) before = net::Validators::decode(*saved);
  }
  net::Request request;
  request.url = url;
  if (before) request.headers = before->conditional_headers();
  net::Response response;
  try {
    response = client_.send(request);
  } catch (const net::FetchError& e) {
    return fail(e.what());
  }
  if (response.status == 304) {
    if (log_ != nullptr) log_->info("feed " + url + ": not modified since the last poll");
    return false;
  }
  if (!net::is_success(response)) return fail(net::status_error(url, response));

  auto poll = std::make_shared<Poll>();
  poll->url = url;
  poll->final_url = response.url;
  poll->validators = net::Validators::of(response);
  feed::ParsedFeed parsed;
  try {
    parsed = reader_->read(net::response_document(url, std::move(response)));
  } catch (const std::exception& e) {
    return fail("feed " + url + " could not be read: " + e.what());
  }
  for (const auto& e : parsed.errors)
    if (log_ != nullptr) log_->warn("feed " + url + ": " + e);
  poll->info = std::move(parsed.info);

  const SeenItems& known = seen(url);
  std::set<std::string, std::less<>> this_poll;  // a feed listing one item twice
  std::size_t queued = 0;
  for (auto& item : parsed.items) {
    if (item.title.empty() && item.link.empty() && item.content.empty() && item.summary.empty()) continue;
    std::string identity = item_identity(item);
    if (known.contains(identity) || !this_poll.insert(identity).second) continue;
    items_.push_back({poll, std::move(item), std::move(identity), false});
    ++queued;
  }
  if (queued == 0) {
    // Nothing new to deliver, so nothing can be lost: the validators may be
    // kept right away.
    if (state_ != nullptr) state_->put(validators_key(url), poll->validators->encode());
    if (log_ != nullptr) log_->info("feed " + url + ": no new items");
    return false;
  }
  items_.back().last = true;
  if (log_ != nullptr) log_->info("feed " + url + ": " + std::to_string(queued) + " new item(s)");
  return false;
}

void FeedPollSource::produce(Item&& item, sdk::RawDocument& out) {
  std::string identity = item.identity;
  if (fetch_links_ && !item.item.link.empty()) {
    fetch_link(item, out);
    if (out.meta.find("error") != nullptr) {
      // Not remembered: the item is tried again on the next poll.
      item.poll->failed = true;
      identity.clear();
    }
  } else {
    out = {};
    out.uri = item.poll->final_url;
    out.key = item.poll->url;
    out.content_type = "application/feed+json";
    out.bytes = item_json_feed(item.poll->info, item.poll->final_url, item.item);
    out.fetched_at_ms = net::now_ms();
    sdk::Map meta{{"feed_url", item.poll->url}, {"item_index", static_cast<std::int64_t>(item.item.index)}};
    if (!item.item.guid.empty()) meta["guid"] = item.item.guid;
    out.meta = sdk::Value(std::move(meta));
  }
  out.cursor = next_cursor();
  if (state_ != nullptr)
    pending_.push_back({out.cursor, item.poll->url, std::move(identity), item.last ? item.poll : nullptr});
}

void FeedPollSource::fetch_link(const Item& item, sdk::RawDocument& out) {
  const std::string& link = item.item.link;
  net::Request request;
  request.url = link;
  try {
    net::Response response = client_.send(request);
    if (!net::is_success(response)) {
      out = net::failed_document(link, net::status_error(link, response));
    } else {
      out = net::response_document(link, std::move(response));
    }
  } catch (const net::FetchError& e) {
    out = net::failed_document(link, e.what());
  }
  if (const auto* error = out.meta.find("error"); error != nullptr && log_ != nullptr)
    log_->warn("item of feed " + item.poll->url + ": " + error->as_string());
  // What the feed said about the item travels with the page (the article
  // model has no slot a parser fills from it; see the README).
  sdk::Value& meta = out.meta;
  meta["feed_url"] = item.poll->url;
  if (!item.poll->info.title.empty()) meta["feed_title"] = item.poll->info.title;
  if (!item.item.title.empty()) meta["item_title"] = item.item.title;
  if (!item.item.published_raw.empty()) meta["item_published"] = item.item.published_raw;
  if (!item.item.guid.empty()) meta["guid"] = item.item.guid;
}

void FeedPollSource::acknowledge(std::string_view cursor) {
  std::set<std::string, std::less<>> touched;
  while (!pending_.empty()) {
    Pending p = std::move(pending_.front());
    pending_.pop_front();
    if (!p.identity.empty()) {
      seen(p.feed_url).add(p.identity);
      touched.insert(p.feed_url);
    }
    if (p.poll && !p.poll->failed && p.poll->validators)
      state_->put(validators_key(p.feed_url), p.poll->validators->encode());
    if (p.cursor == cursor) break;
  }
  for (const auto& feed_url : touched) state_->put(seen_key(feed_url), seen(feed_url).encode());
}

}  // namespace sluice::plugins::feed_poll
