// The options every HTTP stage shares, declared once: each plugin lists the
// ones it takes in its own option table (so validation, `sluice plugins
// describe` and the README come from the same entries), and
// client_settings() reads them back.
#pragma once

#include "net/http_client.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::net::options {

inline constexpr sluice_option_desc kUserAgent = {
    .name = "user_agent",
    .type = SLUICE_OPT_STRING,
    .required = 0,
    .default_toml = "\"sluice/1.0\"",
    .description = "User-Agent header sent with every request.",
    .example_toml = "\"examplebot/2.1 (+https://example.org/bot)\""};

inline constexpr sluice_option_desc kConnectTimeout = {
    .name = "connect_timeout",
    .type = SLUICE_OPT_DURATION,
    .required = 0,
    .default_toml = "\"10s\"",
    .description = "Longest wait for a TCP (and TLS) connection to the server.",
    .example_toml = "\"3s\""};

inline constexpr sluice_option_desc kReadTimeout = {
    .name = "read_timeout",
    .type = SLUICE_OPT_DURATION,
    .required = 0,
    .default_toml = "\"30s\"",
    .description =
        "Longest wait for the server while sending the request and for each read of "
        "the response (headers or the next part of the body).",
    .example_toml = "\"1m\""};

inline constexpr sluice_option_desc kMaxSize = {
    .name = "max_size",
    .type = SLUICE_OPT_SIZE,
    .required = 0,
    .default_toml = "\"16MiB\"",
    .description =
        "Largest response body accepted. A larger one is not read to the end and the "
        "URL fails with an error naming it and this limit.",
    .example_toml = "\"2MiB\""};

inline constexpr sluice_option_desc kMaxRedirects = {
    .name = "max_redirects",
    .type = SLUICE_OPT_INT,
    .required = 0,
    .default_toml = "5",
    .description =
        "Redirects (301, 302, 303, 307, 308) followed per URL; one more fails the URL. "
        "0: none are followed.",
    .example_toml = "2"};

inline constexpr sluice_option_desc kPolitenessDelay = {
    .name = "politeness_delay",
    .type = SLUICE_OPT_DURATION,
    .required = 0,
    .default_toml = "\"1s\"",
    .description =
        "Least time between the starts of two requests to the same host (redirect "
        "hops included). Requests to other hosts do not wait.",
    .example_toml = "\"5s\""};

inline constexpr sluice_option_desc kHeaders = {
    .name = "headers",
    .type = SLUICE_OPT_TABLE,
    .required = 0,
    .default_toml = "{}",
    .description =
        "Extra request headers, name = value (strings), sent to the URL's own host (not after "
        "a redirect to another host). `${VAR}` in a value is replaced from the environment, "
        "e.g. for an Authorization token.",
    .example_toml = "{ Authorization = \"Bearer ${NEWS_TOKEN:-}\" }"};

inline constexpr sluice_option_desc kTlsVerify = {
    .name = "tls_verify",
    .type = SLUICE_OPT_BOOL,
    .required = 0,
    .default_toml = "true",
    .description =
        "Check the certificate of https servers against the trusted CAs (the "
        "system's and `ca_file`). Off: any certificate is accepted; for tests only.",
    .example_toml = "false"};

inline constexpr sluice_option_desc kCaFile = {
    .name = "ca_file",
    .type = SLUICE_OPT_STRING,
    .required = 0,
    .default_toml = "\"\"",
    .description =
        "PEM file of CA certificates to trust besides the system's, e.g. a private "
        "CA or a self-signed server certificate. Relative to the config file.",
    .example_toml = "\"certs/internal-ca.pem\""};

}  // namespace sluice::plugins::net::options

namespace sluice::plugins::net {

// The settings from the options above. Options a plugin does not declare
// keep ClientSettings' defaults. Throws sdk::StageError naming the option
// for a value that cannot work (a header with a line break, a missing
// ca_file ...).
ClientSettings client_settings(const sdk::StageInit& init);

// The `urls` list option, checked: absolute http(s) URLs, none twice.
std::vector<std::string> url_list(const sdk::Options& options, const char* name = "urls");

}  // namespace sluice::plugins::net
