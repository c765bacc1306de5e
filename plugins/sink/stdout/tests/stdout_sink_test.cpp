// The stdout sink writing into a real pipe.
#include "stdout_sink.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <string>

#include "sluice/sdk/json.hpp"

namespace sluice::plugins::stdout_sink {
namespace {

std::string drain(int fd) {
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

sdk::Article article(std::string id, std::string title) {
  sdk::Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = {"line one\nstill one", "two"};
  return a;
}

TEST(StdoutSink, OneCanonicalJsonLinePerArticle) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  {
    StdoutSink sink(sdk::StageInit{}, fds[1]);
    sink.write(std::vector{article("a", "A \"quoted\" title"), article("b", "B")});
    sink.write({});
    sink.write(std::vector{article("c", "C")});
    sink.close();
  }
  ::close(fds[1]);
  const std::string out = drain(fds[0]);
  ::close(fds[0]);
  EXPECT_EQ(out, sdk::json::to_json(article("a", "A \"quoted\" title")) + "\n" +
                     sdk::json::to_json(article("b", "B")) + "\n" + sdk::json::to_json(article("c", "C")) +
                     "\n");
}

TEST(StdoutSink, AClosedReaderIsAStageError) {
  std::signal(SIGPIPE, SIG_IGN);
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);
  StdoutSink sink(sdk::StageInit{}, fds[1]);
  try {
    sink.write(std::vector{article("a", "A")});
    FAIL();
  } catch (const sdk::StageError& e) {
    EXPECT_NE(std::string(e.what()).find("stdout: cannot write"), std::string::npos) << e.what();
  }
  ::close(fds[1]);
}

}  // namespace
}  // namespace sluice::plugins::stdout_sink
