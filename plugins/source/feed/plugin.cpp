// The `feed_poll` source descriptor: its option table and the exported
// entry. (Folder plugins/source/feed; the plugin is named feed_poll because
// plugin names are global and `feed` is the parser.)
#include "sluice/sdk/plugin.hpp"

#include "feed_poll_source.hpp"
#include "net/options.hpp"

namespace {

using namespace sluice::plugins::net::options;

constexpr sluice_option_desc kOptions[] = {
    {.name = "urls",
     .type = SLUICE_OPT_LIST,
     .required = 1,
     .default_toml = nullptr,
     .description = "Feed URLs (RSS 0.9x/1.0/2.0, Atom 1.0 or JSON Feed over http or https), "
                    "polled in this order.",
     .example_toml = "[\"https://example.org/rss.xml\", \"https://example.org/atom.xml\"]"},
    {.name = "fetch_links",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Deliver the page each new item links to (for the html parser) instead of "
                    "the item itself. Off: each new item is a one-item JSON Feed document "
                    "(application/feed+json) for the feed parser.",
     .example_toml = "true"},
    {.name = "max_remembered",
     .type = SLUICE_OPT_INT,
     .required = 0,
     .default_toml = "1000",
     .description = "Item identities (GUID, else link) remembered per feed so each item is "
                    "delivered once; the oldest beyond this are forgotten. Keep it above the "
                    "number of items the feed lists.",
     .example_toml = "5000"},
    {.name = "fallback_charset",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"windows-1252\"",
     .description = "Charset assumed for a feed that is not valid UTF-8 and declares none (no "
                    "byte-order mark, XML encoding or content-type charset). Any name iconv knows.",
     .example_toml = "\"windows-1251\""},
    kUserAgent,
    kConnectTimeout,
    kReadTimeout,
    kMaxSize,
    kMaxRedirects,
    kPolitenessDelay,
    kHeaders,
    kTlsVerify,
    kCaFile,
};

}  // namespace

SLUICE_PLUGIN(feed_poll, sluice::plugins::feed_poll::FeedPollSource, "feed_poll", "1.0.0",
              "Polls RSS, Atom and JSON Feed URLs and delivers each new item once", kOptions, 0)
