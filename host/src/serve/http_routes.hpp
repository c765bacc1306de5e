// What the serve endpoint answers: a request head (request line and
// headers, as received) in, a complete HTTP/1.1 response out. No I/O here;
// http_endpoint.cpp moves the bytes.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace sluice::host::serve {

// The response to `head`: /metrics (rendered by `metrics`), /healthz, 404,
// 405 for methods other than GET and HEAD, 400 for an unreadable request.
std::string answer_request(std::string_view head, const std::function<std::string()>& metrics);

// A bodyless-but-explained response for a request the endpoint gives up on
// (431: headers too large).
std::string error_response(int status, const std::string& text);

}  // namespace sluice::host::serve
