// `sluice_net_conformance_env COMMAND ARGS...`: runs COMMAND with a
// loopback HTTP server up and its base URL in SLUICE_SAMPLE_SERVER, so the
// HTTP plugins' sample.toml files fetch and deliver somewhere real while the
// conformance kit exercises them. Exits with COMMAND's status.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "http_test_server.hpp"

namespace {

constexpr const char* kPage =
    "<!doctype html><html><head><meta charset=\"utf-8\"><title>Harbour reopens after storm</title></head>"
    "<body><article><h1>Harbour reopens after storm</h1>"
    "<p>The harbour reopened on Monday after a week of repairs to the storm wall, the port authority "
    "said.</p>"
    "<p>Fishing boats were the first to leave, followed by the morning ferry to the islands.</p>"
    "</article></body></html>";

// Its item links to the page, on whatever port the server got.
std::string feed(const std::string& base) {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Harbour news</title>"
         "<link>" +
         base +
         "/</link>"
         "<item><title>Harbour reopens after storm</title><link>" +
         base +
         "/news/today.html</link>"
         "<guid>harbour-1</guid><pubDate>Mon, 02 Oct 2023 08:00:00 GMT</pubDate>"
         "<description>The harbour reopened on Monday.</description></item></channel></rss>";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s COMMAND [ARGS...]\n", argv[0]);
    return 2;
  }
  using sluice::testing::HttpReply;
  sluice::testing::HttpTestServer server;
  server.on("/news/today.html", HttpReply::text(kPage, "text/html; charset=utf-8"));
  const std::string base = server.url("");
  server.on("/feed.xml", HttpReply::text(feed(base), "application/rss+xml; charset=utf-8"));
  server.on("/hook", HttpReply::status_only(204));
  ::setenv("SLUICE_SAMPLE_SERVER", base.c_str(), 1);

  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execv(argv[1], argv + 1);
    std::perror(argv[1]);
    std::_Exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
