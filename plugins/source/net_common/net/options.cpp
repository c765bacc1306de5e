#include "net/options.hpp"

#include <filesystem>
#include <set>
#include <system_error>

#include "sluice/sdk/paths.hpp"

namespace sluice::plugins::net {
namespace {

// RFC 9110 token characters: what a header name may be made of.
bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum && std::string_view("!#$%&'*+-.^_`|~").find(c) == std::string_view::npos) return false;
  }
  return true;
}

Headers read_headers(const sdk::Value& table) {
  Headers out;
  if (table.is_null()) return out;
  if (!table.is_map()) throw sdk::StageError("option 'headers' must be a table of name = \"value\"");
  for (const auto& [name, value] : table.as_map()) {
    if (!is_token(name)) throw sdk::StageError("option 'headers': '" + name + "' is not a valid header name");
    if (!value.is_string())
      throw sdk::StageError("option 'headers': the value of '" + name + "' must be a string");
    const std::string& v = value.as_string();
    // A line break would let a value smuggle in further headers.
    if (v.find_first_of("\r\n") != std::string::npos)
      throw sdk::StageError("option 'headers': the value of '" + name + "' contains a line break");
    out.emplace_back(name, v);
  }
  return out;
}

}  // namespace

ClientSettings client_settings(const sdk::StageInit& init) {
  const sdk::Options& o = init.options;
  ClientSettings s;
  if (o.has("user_agent")) s.user_agent = o.string("user_agent");
  if (o.has("connect_timeout")) s.connect_timeout = o.duration("connect_timeout");
  if (o.has("read_timeout")) s.read_timeout = o.duration("read_timeout");
  if (o.has("max_size")) s.max_bytes = o.size("max_size");
  if (o.has("max_redirects")) s.max_redirects = static_cast<int>(o.integer("max_redirects"));
  if (o.has("headers")) s.headers = read_headers(o.value("headers"));
  if (o.has("tls_verify")) s.tls_verify = o.boolean("tls_verify");
  if (o.has("ca_file") && !o.string("ca_file").empty()) {
    const auto path = sdk::resolve_path(init, o.string("ca_file"));
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
      throw sdk::StageError("option 'ca_file': '" + path.string() + "' is not a readable file");
    s.ca_file = path.string();
  }
  if (s.connect_timeout.count() <= 0)
    throw sdk::StageError("option 'connect_timeout' must be greater than 0");
  if (s.read_timeout.count() <= 0) throw sdk::StageError("option 'read_timeout' must be greater than 0");
  if (s.max_bytes == 0) throw sdk::StageError("option 'max_size' must be greater than 0");
  if (s.max_redirects < 0) throw sdk::StageError("option 'max_redirects' must not be negative");
  return s;
}

std::vector<std::string> url_list(const sdk::Options& options, const char* name) {
  auto urls = options.strings(name);
  if (urls.empty())
    throw sdk::StageError(std::string("option '") + name + "' is empty, so nothing would be fetched");
  std::set<std::string, std::less<>> seen;
  for (const auto& url : urls) {
    if (const auto problem = url_problem(url); !problem.empty())
      throw sdk::StageError(std::string("option '") + name + "': " + problem);
    if (!seen.insert(url).second)
      throw sdk::StageError(std::string("option '") + name + "' lists '" + url + "' twice");
  }
  return urls;
}

}  // namespace sluice::plugins::net
