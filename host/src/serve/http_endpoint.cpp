#include "http_endpoint.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <stdexcept>

namespace sluice::host::serve {
namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

class Handler final : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(const std::function<std::string()>& metrics) : metrics_(metrics) {}

  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    std::string body;
    std::string path;
    try {
      path = Poco::URI(request.getURI()).getPath();
    } catch (const Poco::Exception&) {
      path.clear();  // a malformed target: answered 404 below
    }
    const auto& method = request.getMethod();
    if (method != Poco::Net::HTTPRequest::HTTP_GET && method != Poco::Net::HTTPRequest::HTTP_HEAD) {
      response.setStatusAndReason(HTTPResponse::HTTP_METHOD_NOT_ALLOWED);
      response.set("Allow", "GET, HEAD");
      body = "only GET and HEAD\n";
    } else if (path == "/metrics") {
      response.setContentType("text/plain; version=0.0.4; charset=utf-8");
      body = metrics_();
    } else if (path == "/healthz") {
      body = "ok\n";
    } else {
      response.setStatusAndReason(HTTPResponse::HTTP_NOT_FOUND);
      body = "not found: try /metrics or /healthz\n";
    }
    if (response.getContentType() == HTTPResponse::UNKNOWN_CONTENT_TYPE)
      response.setContentType("text/plain; charset=utf-8");
    response.sendBuffer(body.data(), body.size());  // sends headers only for HEAD
  }

 private:
  const std::function<std::string()>& metrics_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(std::function<std::string()> metrics) : metrics_(std::move(metrics)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new Handler(metrics_);
  }

 private:
  std::function<std::string()> metrics_;
};

}  // namespace

struct HttpEndpoint::Impl {
  Poco::ThreadPool pool{1, 2};  // its own threads: never Poco's process-wide default pool
  std::unique_ptr<Poco::Net::HTTPServer> server;
};

HttpEndpoint::HttpEndpoint(const std::string& address, std::uint16_t port,
                           std::function<std::string()> metrics)
    : address_(address), port_(port), impl_(std::make_unique<Impl>()) {
  try {
    // SO_REUSEADDR so a restart binds at once, but not SO_REUSEPORT (which
    // Poco's convenience constructor sets): a second sluice on the same port
    // must fail, not silently share the connections.
    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress(address, port), true, false);
    socket.listen(64);
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(2);
    params->setMaxQueued(16);
    params->setTimeout(Poco::Timespan(5, 0));  // a stalled client cannot hold a thread for long
    params->setKeepAlive(false);
    impl_->server =
        std::make_unique<Poco::Net::HTTPServer>(new Factory(std::move(metrics)), impl_->pool, socket, params);
    impl_->server->start();
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("cannot serve /metrics on " + address + ":" + std::to_string(port) + ": " +
                             e.displayText());
  }
}

HttpEndpoint::~HttpEndpoint() {
  if (impl_->server) impl_->server->stopAll(true);  // also ends connections in progress
}

}  // namespace sluice::host::serve
