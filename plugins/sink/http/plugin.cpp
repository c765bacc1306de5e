// The `http_post` sink descriptor: its option table and the exported entry.
// (Folder plugins/sink/http; plugin names are global and `http` is the
// source.)
#include "sluice/sdk/plugin.hpp"

#include "http_post_sink.hpp"
#include "net/options.hpp"

namespace {

using namespace sluice::plugins::net::options;

constexpr sluice_option_desc kOptions[] = {
    {.name = "url",
     .type = SLUICE_OPT_STRING,
     .required = 1,
     .default_toml = nullptr,
     .description = "Webhook (http or https) each batch is POSTed to.",
     .example_toml = "\"https://hooks.example.org/news\""},
    {.name = "format",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"array\"",
     .description = "\"array\": the batch as one JSON array (application/json); \"ndjson\": one "
                    "article per line (application/x-ndjson). Articles in the canonical JSON "
                    "shape every sink writes.",
     .example_toml = "\"ndjson\""},
    {.name = "idempotency_header",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"Idempotency-Key\"",
     .description = "Header carrying a key derived from the batch's article ids (the same batch "
                    "sent again carries the same key). Empty: not sent.",
     .example_toml = "\"X-Batch-Id\""},
    kUserAgent,
    kConnectTimeout,
    kReadTimeout,
    kHeaders,
    kTlsVerify,
    kCaFile,
};

}  // namespace

SLUICE_PLUGIN(http_post, sluice::plugins::http_post::HttpPostSink, "http_post", "1.0.0",
              "POSTs batches of articles as JSON to a webhook", kOptions, 0)
