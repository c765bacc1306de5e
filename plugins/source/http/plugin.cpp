// The `http` source descriptor: its option table and the exported entry.
// The fetch options are the entries net_common declares for every HTTP stage.
#include "sluice/sdk/plugin.hpp"

#include "http_source.hpp"
#include "net/options.hpp"

namespace {

using namespace sluice::plugins::net::options;

constexpr sluice_option_desc kOptions[] = {
    {.name = "urls",
     .type = SLUICE_OPT_LIST,
     .required = 1,
     .default_toml = nullptr,
     .description = "URLs to fetch (http or https), in this order, one document each.",
     .example_toml = "[\"https://example.org/news/today.html\", \"https://example.org/feed.xml\"]"},
    {.name = "incremental",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Remember each URL's ETag, Last-Modified and content hash in the host's state "
                    "database once the sinks stored it, and on the next run ask with a "
                    "conditional GET: a 304 Not Modified (or the same bytes again) delivers "
                    "nothing. Needs a state database; off, every run delivers every URL.",
     .example_toml = "false"},
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

SLUICE_PLUGIN(http, sluice::plugins::http::HttpSource, "http", "1.0.0",
              "Fetches a list of URLs over HTTP(S), one document per URL, with conditional GET", kOptions, 0)
