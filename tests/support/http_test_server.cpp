#include "http_test_server.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace sluice::testing {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto la = (a[i] >= 'A' && a[i] <= 'Z') ? a[i] + 32 : a[i];
    const auto lb = (b[i] >= 'A' && b[i] <= 'Z') ? b[i] + 32 : b[i];
    if (la != lb) return false;
  }
  return true;
}

std::string quote(const std::filesystem::path& p) {
  std::string out = "'";
  for (const char c : p.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string HttpRequestRecord::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return {};
}

HttpReply HttpReply::text(std::string body, std::string content_type, int status) {
  HttpReply r;
  r.status = status;
  r.body = std::move(body);
  r.headers.emplace_back("Content-Type", std::move(content_type));
  return r;
}

HttpReply HttpReply::status_only(int status) {
  HttpReply r;
  r.status = status;
  return r;
}

HttpReply HttpReply::redirect(int status, std::string location) {
  HttpReply r;
  r.status = status;
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

HttpReply& HttpReply::with_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

HttpReply& HttpReply::after(std::chrono::milliseconds wait) {
  delay = wait;
  return *this;
}

// ---- the Poco side ----

class HttpTestServer::RequestHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit RequestHandler(HttpTestServer& server) : server_(server) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    HttpRequestRecord r;
    r.at = std::chrono::steady_clock::now();
    r.method = request.getMethod();
    r.target = request.getURI();
    r.path = Poco::URI(r.target).getPath();
    for (const auto& [k, v] : request) r.headers.emplace_back(k, v);
    Poco::StreamCopier::copyToString(request.stream(), r.body);
    server_.record(r);

    const HttpReply reply = server_.reply_for(r);
    if (reply.delay.count() > 0) server_.pause(reply.delay);
    if (server_.stopping_) return;
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    for (const auto& [k, v] : reply.headers) response.set(k, v);
    response.setKeepAlive(false);
    if (reply.status == 304 || reply.status == 204) {
      response.send();
      return;
    }
    if (reply.chunked) {
      response.setChunkedTransferEncoding(true);
      response.send().write(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
      return;
    }
    response.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
    response.sendBuffer(reply.body.data(), reply.body.size());
  }

 private:
  HttpTestServer& server_;
};

class HttpTestServer::Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(HttpTestServer& server) : server_(server) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new RequestHandler(server_);
  }

 private:
  HttpTestServer& server_;
};

struct HttpTestServer::Impl {
  // Our own pool: Poco's default pool is shared by the whole process.
  Poco::ThreadPool pool{2, 16};
  std::unique_ptr<Poco::Net::HTTPServer> server;
  bool ssl_initialized = false;
};

static Poco::Net::HTTPServerParams::Ptr server_params() {
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(16);
  params->setMaxQueued(64);
  params->setKeepAlive(false);
  return params;
}

HttpTestServer::HttpTestServer() : impl_(std::make_unique<Impl>()) {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  port_ = socket.address().port();
  impl_->server =
      std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), impl_->pool, socket, server_params());
  impl_->server->start();
}

HttpTestServer::HttpTestServer(Tls tls) : impl_(std::make_unique<Impl>()), tls_(true) {
  Poco::Net::initializeSSL();
  impl_->ssl_initialized = true;
  Poco::Net::Context::Ptr context =
      new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, tls.key_file.string(),
                             tls.cert_file.string(), "", Poco::Net::Context::VERIFY_NONE);
  Poco::Net::SecureServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0), 64, context);
  port_ = socket.address().port();
  impl_->server =
      std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), impl_->pool, socket, server_params());
  impl_->server->start();
}

HttpTestServer::~HttpTestServer() {
  stopping_ = true;
  impl_->server->stopAll(true);
  impl_->pool.joinAll();
  impl_->server.reset();
  const bool ssl = impl_->ssl_initialized;
  impl_.reset();
  if (ssl) Poco::Net::uninitializeSSL();
}

void HttpTestServer::on(const std::string& path, HttpReply reply) {
  on(path, Handler([reply](const HttpRequestRecord&) { return reply; }));
}

void HttpTestServer::on(const std::string& path, Handler handler) {
  std::lock_guard lock(mu_);
  routes_[path] = std::move(handler);
}

void HttpTestServer::on_sequence(const std::string& path, std::vector<HttpReply> replies) {
  if (replies.empty()) throw std::invalid_argument("on_sequence needs at least one reply");
  auto state = std::make_shared<std::pair<std::mutex, std::size_t>>();
  on(path, Handler([state, replies = std::move(replies)](const HttpRequestRecord&) {
       std::lock_guard lock(state->first);
       const std::size_t i = std::min(state->second++, replies.size() - 1);
       return replies[i];
     }));
}

void HttpTestServer::on_conditional(const std::string& path, std::string body, std::string content_type,
                                    std::string etag, std::string last_modified) {
  on(path, Handler([=](const HttpRequestRecord& r) {
       const auto inm = r.header("If-None-Match");
       const auto ims = r.header("If-Modified-Since");
       const bool fresh =
           (!etag.empty() && inm == etag) || (inm.empty() && !last_modified.empty() && ims == last_modified);
       HttpReply reply = fresh ? HttpReply::status_only(304) : HttpReply::text(body, content_type);
       if (!etag.empty()) reply.with_header("ETag", etag);
       if (!last_modified.empty()) reply.with_header("Last-Modified", last_modified);
       return reply;
     }));
}

std::string HttpTestServer::url(std::string_view path) const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

HttpReply HttpTestServer::reply_for(const HttpRequestRecord& request) {
  Handler handler;
  {
    std::lock_guard lock(mu_);
    auto it = routes_.find(request.path);
    if (it == routes_.end()) return HttpReply::text("no route for " + request.path, "text/plain", 404);
    handler = it->second;
  }
  return handler(request);
}

void HttpTestServer::record(HttpRequestRecord request) {
  std::lock_guard lock(mu_);
  requests_.push_back(std::move(request));
}

void HttpTestServer::pause(std::chrono::milliseconds d) const {
  const auto until = std::chrono::steady_clock::now() + d;
  while (!stopping_ && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

std::vector<HttpRequestRecord> HttpTestServer::requests() const {
  std::lock_guard lock(mu_);
  return requests_;
}

std::vector<HttpRequestRecord> HttpTestServer::requests(std::string_view path) const {
  std::lock_guard lock(mu_);
  std::vector<HttpRequestRecord> out;
  for (const auto& r : requests_)
    if (r.path == path) out.push_back(r);
  return out;
}

bool HttpTestServer::wait_for_requests(std::string_view path, std::size_t n,
                                       std::chrono::milliseconds timeout) const {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (requests(path).size() >= n) return true;
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void HttpTestServer::clear_requests() {
  std::lock_guard lock(mu_);
  requests_.clear();
}

HttpTestServer::Tls make_self_signed_cert(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  HttpTestServer::Tls tls{dir / "cert.pem", dir / "key.pem"};
  const std::string command =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=127.0.0.1"
      " -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " +
      quote(tls.key_file) + " -out " + quote(tls.cert_file) + " >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0)
    throw std::runtime_error("openssl could not make a test certificate");
  return tls;
}

std::uint16_t closed_port() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  const auto port = socket.address().port();
  socket.close();
  return port;
}

}  // namespace sluice::testing
