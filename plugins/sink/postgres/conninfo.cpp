#include "conninfo.hpp"

#include <libpq-fe.h>

#include <memory>
#include <string_view>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::postgres {
namespace {

// libpq's key='value' quoting: backslash and single quote are escaped.
void append_quoted(std::string& out, std::string_view value) {
  out.push_back('\'');
  for (const char c : value) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
}

}  // namespace

ConnInfo parse_conninfo(const std::string& connection, std::chrono::milliseconds connect_timeout) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
      PQconninfoParse(connection.c_str(), &error), &PQconninfoFree);
  if (!options) {
    std::string message = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw sdk::StageError("postgres: option 'connection' is not a valid libpq connection string: " + message);
  }
  ConnInfo out;
  bool has_timeout = false, has_application = false;
  std::string host, port, dbname, user;
  for (const PQconninfoOption* o = options.get(); o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    const std::string_view key = o->keyword;
    has_timeout = has_timeout || key == "connect_timeout";
    has_application = has_application || key == "application_name";
    if (key == "host" || key == "hostaddr") host = host.empty() ? o->val : host;
    if (key == "port") port = o->val;
    if (key == "dbname") dbname = o->val;
    if (key == "user") user = o->val;
    out.conninfo.append(key).append("=");
    append_quoted(out.conninfo, o->val);
    out.conninfo.push_back(' ');
  }
  // Without a timeout libpq waits for the kernel to give up on an
  // unreachable host, which can take minutes; libpq counts whole seconds.
  if (!has_timeout) {
    const auto seconds = std::max<long long>(1, (connect_timeout.count() + 999) / 1000);
    out.conninfo.append("connect_timeout='").append(std::to_string(seconds)).append("' ");
  }
  if (!has_application) out.conninfo.append("application_name='sluice' ");
  // Unset parts come from PG* variables or libpq's defaults at connect time.
  out.target = (user.empty() ? "" : user + "@") + (host.empty() ? "(default host)" : host) +
               (port.empty() ? "" : ":" + port) + "/" + (dbname.empty() ? "(default database)" : dbname);
  return out;
}

}  // namespace sluice::plugins::postgres
