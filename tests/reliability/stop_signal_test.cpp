// SIGTERM to `sluice run` while its stdin source waits for input that does
// not come: the stop interrupts the source (Source::interrupt(), SDK 1.2)
// instead of waiting for the next document, and what was read before the
// signal is stored and acknowledged.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "child_process.hpp"
#include "test_support.hpp"
#include "workspace.hpp"

namespace {

using Clock = std::chrono::steady_clock;

TEST(StopSignal, SigtermWakesAStdinSourceWaitingForInput) {
  reliability::Workspace ws;
  ws.config("stdin.toml", R"(
[pipeline.live]
batch_timeout = "10ms"
[[pipeline.live.source]]
plugin = "stdin"
format = "jsonl"
[[pipeline.live.parser]]
plugin = "json"
[[pipeline.live.sink]]
plugin = "jsonl"
path = "out.jsonl"
)");
  // A FIFO the test keeps open for writing: the run's standard input stays
  // open and silent after the first document.
  const auto fifo = ws / "input.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int writer = ::open(fifo.c_str(), O_RDWR);
  ASSERT_GE(writer, 0);
  const std::string doc = "{\"title\": \"Only one\", \"body\": \"Then silence.\"}\n";
  ASSERT_EQ(::write(writer, doc.data(), doc.size()), static_cast<ssize_t>(doc.size()));

  reliability::ChildProcess child(
      {"/bin/sh", "-c", "exec " + sluice::testing::shell_quote(SLUICE_CLI) + " run stdin.toml < input.fifo"},
      ws.dir(), ws / "run.out", ws / "run.err");
  const auto until = Clock::now() + std::chrono::seconds(30);
  while (sluice::testing::read_lines(ws / "out.jsonl").empty() && Clock::now() < until && !child.poll())
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_EQ(sluice::testing::read_lines(ws / "out.jsonl").size(), 1u)
      << sluice::testing::read_file(ws / "run.err");

  child.kill(SIGTERM);
  // Without the interrupt the run would wait in read() until this test's
  // timeout; with it, the process ends on its own.
  const auto status = child.wait();
  ::close(writer);
  EXPECT_EQ(status.signal, 0) << status.str();
  const auto summary =
      sluice::testing::read_file(ws / "run.out") + sluice::testing::read_file(ws / "run.err");
  EXPECT_NE(summary.find("1 documents, 1 articles delivered"), std::string::npos) << summary;
}

}  // namespace
