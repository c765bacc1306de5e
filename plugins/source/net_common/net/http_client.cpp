#include "net/http_client.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <istream>
#include <ostream>

#include "net/politeness.hpp"
#include "net/units.hpp"

namespace sluice::plugins::net {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// Where a Location header points, taken relative to `url`. Poco::URI
// resolves a scheme-relative reference ("//host/path", RFC 3986 4.2) as a
// path on the same host, so it gets the current scheme here instead.
std::string resolve_location(const std::string& url, const std::string& location) {
  const Poco::URI base(url);
  if (location.rfind("//", 0) == 0) return Poco::URI(base.getScheme() + ":" + location).toString();
  return Poco::URI(base, location).toString();
}

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

Poco::Timespan timespan(std::chrono::milliseconds ms) {
  return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms.count()) * 1000);
}

// Poco reports a failed certificate check either way, depending on where
// the handshake noticed it.
bool certificate_problem(const Poco::Exception& e) {
  return dynamic_cast<const Poco::Net::CertificateValidationException*>(&e) != nullptr ||
         e.displayText().find("certificate verify failed") != std::string::npos;
}

}  // namespace

std::string header_value(const Headers& headers, std::string_view name) {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return {};
}

std::string mime_type(std::string_view content_type) {
  std::string_view m = content_type.substr(0, content_type.find(';'));
  while (!m.empty() && (m.front() == ' ' || m.front() == '\t')) m.remove_prefix(1);
  while (!m.empty() && (m.back() == ' ' || m.back() == '\t')) m.remove_suffix(1);
  std::string out;
  for (const char c : m) out.push_back(lower(c));
  return out;
}

std::string url_problem(const std::string& url) {
  try {
    const Poco::URI uri(url);
    if (uri.getScheme() != "http" && uri.getScheme() != "https")
      return "'" + url + "' is not an http or https URL";
    if (uri.getHost().empty()) return "'" + url + "' has no host";
  } catch (const Poco::Exception& e) {
    return "'" + url + "' is not a valid URL: " + e.displayText();
  }
  return {};
}

// One TLS context per client: verification mode and trusted CAs are the
// stage's own, whatever else in the process uses Poco NetSSL.
struct HttpClient::Tls {
  explicit Tls(const ClientSettings& s) {
    Poco::Net::initializeSSL();
    try {
      Poco::Net::Context::Params params;
      params.caLocation = s.ca_file;
      params.verificationMode =
          s.tls_verify ? Poco::Net::Context::VERIFY_RELAXED : Poco::Net::Context::VERIFY_NONE;
      params.loadDefaultCAs = true;
      context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    } catch (const Poco::Exception& e) {
      Poco::Net::uninitializeSSL();
      throw FetchError("cannot set up TLS" +
                           (s.ca_file.empty() ? std::string() : " with ca_file '" + s.ca_file + "'") + ": " +
                           e.displayText(),
                       false);
    }
  }
  ~Tls() {
    context = nullptr;
    Poco::Net::uninitializeSSL();
  }
  Tls(const Tls&) = delete;
  Tls& operator=(const Tls&) = delete;
  Poco::Net::Context::Ptr context;
};

HttpClient::HttpClient(ClientSettings settings, Politeness* politeness)
    : settings_(std::move(settings)), politeness_(politeness) {}

HttpClient::~HttpClient() = default;

Response HttpClient::send(const Request& request) {
  Request current = request;
  std::string url = request.url;
  const std::string origin_host = Poco::URI(url).getHost();
  for (int hops = 0;; ++hops) {
    // Like curl without --location-trusted: the configured headers (often
    // credentials) go only to the host the request was meant for.
    const bool same_host = hops == 0 || Poco::URI(url).getHost() == origin_host;
    Response r = exchange(current, url, same_host);
    r.redirects = hops;
    if (!current.follow_redirects || !is_redirect(r.status)) return r;
    const std::string location = r.header("Location");
    if (location.empty()) return r;  // nowhere to go: the caller sees the 3xx
    std::string next;
    try {
      next = resolve_location(url, location);
    } catch (const Poco::Exception& e) {
      throw FetchError(request.method + " " + request.url + ": redirected to an invalid URL '" + location +
                           "': " + e.displayText(),
                       false);
    }
    if (hops >= settings_.max_redirects)
      throw FetchError(request.method + " " + request.url + ": more than " +
                           std::to_string(settings_.max_redirects) +
                           " redirects (max_redirects); the last pointed to " + next,
                       false);
    // As browsers do: 303 always, and 301/302 after a POST, continue as GET.
    if (r.status == 303 || ((r.status == 301 || r.status == 302) && current.method == "POST")) {
      current.method = "GET";
      current.body.clear();
      current.content_type.clear();
    }
    url = std::move(next);
  }
}

Response HttpClient::exchange(const Request& req, const std::string& url, bool configured_headers) {
  const std::string what = req.method + " " + url;
  if (const auto problem = url_problem(url); !problem.empty())
    throw FetchError(req.method + " " + problem, false);
  const Poco::URI uri(url);
  const bool https = uri.getScheme() == "https";
  if (https && !tls_) tls_ = std::make_unique<Tls>(settings_);
  if (politeness_ != nullptr) politeness_->wait(uri.getHost());

  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (https)
    session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), tls_->context);
  else
    session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
  session->setTimeout(timespan(settings_.connect_timeout), timespan(settings_.read_timeout),
                      timespan(settings_.read_timeout));

  std::string target = uri.getPathAndQuery();
  if (target.empty()) target.push_back('/');  // not `= "/"`: GCC 12 -Wrestrict false positive
  Poco::Net::HTTPRequest request(req.method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setKeepAlive(false);  // one exchange per session
  if (!settings_.user_agent.empty()) request.set("User-Agent", settings_.user_agent);
  if (configured_headers)
    for (const auto& [k, v] : settings_.headers) request.set(k, v);
  for (const auto& [k, v] : req.headers) request.set(k, v);
  if (!req.body.empty() || req.method == "POST" || req.method == "PUT") {
    if (!req.content_type.empty()) request.setContentType(req.content_type);
    request.setContentLength64(static_cast<Poco::Int64>(req.body.size()));
  }

  Response r;
  r.url = url;
  // Which limit a timeout hit, for the message.
  const char* phase = "connecting";
  const char* limit = "connect_timeout";
  std::chrono::milliseconds limit_value = settings_.connect_timeout;
  try {
    std::ostream& out = session->sendRequest(request);
    phase = "sending the request";
    limit = "read_timeout";
    limit_value = settings_.read_timeout;
    out.write(req.body.data(), static_cast<std::streamsize>(req.body.size()));
    out.flush();
    phase = "waiting for the response";
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    r.status = static_cast<int>(response.getStatus());
    r.reason = response.getReason();
    for (const auto& [k, v] : response) r.headers.emplace_back(k, v);

    phase = "reading the body";
    const auto over = [&](std::uint64_t size, bool at_least) {
      return FetchError(what + ": the response is " + (at_least ? "more than " : "") + std::to_string(size) +
                            " bytes, larger than max_size (" + std::to_string(settings_.max_bytes) +
                            " bytes)",
                        false);
    };
    if (!req.truncate_body && response.hasContentLength() && response.getContentLength64() >= 0 &&
        static_cast<std::uint64_t>(response.getContentLength64()) > settings_.max_bytes)
      throw over(static_cast<std::uint64_t>(response.getContentLength64()), false);
    // Without this a timeout inside the body stream would only set badbit
    // and the body would end early, silently.
    in.exceptions(std::ios::badbit);
    char buffer[64 * 1024];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      r.body.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (r.body.size() > settings_.max_bytes) {
        if (!req.truncate_body) throw over(settings_.max_bytes, true);
        r.body.resize(settings_.max_bytes);
        break;
      }
    }
  } catch (const FetchError&) {
    throw;
  } catch (const Poco::TimeoutException&) {
    throw FetchError(
        what + ": timed out " + phase + " (" + limit + " " + describe_duration(limit_value) + ")", true);
  } catch (const Poco::Exception& e) {
    const bool certificate = certificate_problem(e);
    throw FetchError(
        what + ": " + (certificate ? "TLS certificate not accepted" : std::string("failed ") + phase) + ": " +
            e.displayText() +
            (certificate ? " (trust the server's CA with ca_file, or set tls_verify = false)" : ""),
        !certificate);
  } catch (const std::exception& e) {
    throw FetchError(what + ": failed " + phase + ": " + e.what(), true);
  }
  return r;
}

}  // namespace sluice::plugins::net
