#include "serve/http_routes.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <sstream>

namespace sluice::host::serve {
namespace {

using Poco::Net::HTTPResponse;

std::string render(HTTPResponse& response, const std::string& body, bool with_body) {
  if (response.getContentType() == HTTPResponse::UNKNOWN_CONTENT_TYPE)
    response.setContentType("text/plain; charset=utf-8");
  response.setContentLength(static_cast<std::streamsize>(body.size()));
  response.setKeepAlive(false);  // one request per connection: the deadline covers all of it
  std::ostringstream out;
  response.write(out);
  if (with_body) out << body;
  return std::move(out).str();
}

}  // namespace

std::string answer_request(std::string_view head, const std::function<std::string()>& metrics) {
  Poco::Net::HTTPRequest request;
  std::string path;
  try {
    std::istringstream in{std::string(head)};
    request.read(in);
  } catch (const Poco::Exception&) {
    return error_response(HTTPResponse::HTTP_BAD_REQUEST, "malformed request\n");
  }
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::Exception&) {
    path.clear();  // a malformed target: answered 404 below
  }
  HTTPResponse response(Poco::Net::HTTPMessage::HTTP_1_1, HTTPResponse::HTTP_OK);
  std::string body;
  const auto& method = request.getMethod();
  if (method != Poco::Net::HTTPRequest::HTTP_GET && method != Poco::Net::HTTPRequest::HTTP_HEAD) {
    response.setStatusAndReason(HTTPResponse::HTTP_METHOD_NOT_ALLOWED);
    response.set("Allow", "GET, HEAD");
    body = "only GET and HEAD\n";
  } else if (path == "/metrics") {
    response.setContentType("text/plain; version=0.0.4; charset=utf-8");
    body = metrics();
  } else if (path == "/healthz") {
    body = "ok\n";
  } else {
    response.setStatusAndReason(HTTPResponse::HTTP_NOT_FOUND);
    body = "not found: try /metrics or /healthz\n";
  }
  return render(response, body, method != Poco::Net::HTTPRequest::HTTP_HEAD);
}

std::string error_response(int status, const std::string& text) {
  HTTPResponse response(Poco::Net::HTTPMessage::HTTP_1_1, static_cast<HTTPResponse::HTTPStatus>(status));
  return render(response, text, true);
}

}  // namespace sluice::host::serve
