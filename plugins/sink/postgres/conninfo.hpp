// Reading the `connection` option with libpq's own parser, so the sink can
// add defaults it lacks and name the server in messages without ever
// printing a password.
#pragma once

#include <chrono>
#include <string>

namespace sluice::plugins::postgres {

struct ConnInfo {
  std::string conninfo;  // key='value' form for libpq, defaults filled in
  std::string target;    // "user@host:port/dbname" (no password), for messages
};

// Throws sdk::StageError when libpq cannot parse `connection`. The message
// never repeats the string itself (it may hold a password).
ConnInfo parse_conninfo(const std::string& connection, std::chrono::milliseconds connect_timeout);

}  // namespace sluice::plugins::postgres
