// The stdin source reading a real pipe, written to by a thread or up front.
#include "stdin_source.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "sluice/sdk/testing/options.hpp"

namespace sluice::plugins::stdin {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::stdin_source {
namespace {

class Pipe {
 public:
  Pipe() { EXPECT_EQ(::pipe(fds_), 0); }
  ~Pipe() {
    close_write();
    ::close(fds_[0]);
  }
  int read_end() const { return fds_[0]; }
  void write(const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
      const ssize_t n = ::write(fds_[1], s.data() + done, s.size() - done);
      ASSERT_GT(n, 0);
      done += static_cast<std::size_t>(n);
    }
  }
  void close_write() {
    if (fds_[1] >= 0) ::close(fds_[1]);
    fds_[1] = -1;
  }

 private:
  int fds_[2] = {-1, -1};
};

sdk::StageInit init(sdk::Map overrides = {}) {
  sdk::StageInit i;
  i.pipeline = "test";
  i.name = "stdin";
  i.options = sdk::testing::make_options(*stdin::descriptor(), overrides);
  return i;
}

// Every document of `input` read to the end; a thrown error becomes "!".
std::vector<std::string> read_all(const std::string& input, sdk::Map overrides = {}) {
  Pipe pipe;
  std::thread writer([&] {
    pipe.write(input);
    pipe.close_write();
  });
  StdinSource source(init(overrides), pipe.read_end());
  std::vector<std::string> docs;
  for (;;) {
    sdk::RawDocument d;
    try {
      if (!source.next(d)) break;
      docs.push_back(d.bytes);
    } catch (const sdk::StageError&) {
      docs.push_back("!");
    }
  }
  writer.join();
  return docs;
}

TEST(StdinSource, FormFeedLinesSeparateDocuments) {
  EXPECT_EQ(read_all("one\nline two\n\f\nsecond\n\f\r\nthird without newline"),
            (std::vector<std::string>{"one\nline two\n", "second\n", "third without newline"}));
}

TEST(StdinSource, AConfigurableDelimiterAndEmptyDocumentsSkipped) {
  EXPECT_EQ(read_all("---\nfirst\n\n---\n\n---\n  \n---\nsecond\n---\n", {{"delimiter", "---"}}),
            (std::vector<std::string>{"first\n\n", "second\n"}));
  EXPECT_EQ(read_all("a --- b\n----\n", {{"delimiter", "---"}}),
            (std::vector<std::string>{"a --- b\n----\n"}))
      << "only a whole line equal to the delimiter separates";
  EXPECT_EQ(read_all("first\n\n---\n\nsecond\n", {{"delimiter", "\n\n---\n\n"}}),
            (std::vector<std::string>{"first\n\n", "\nsecond\n"}));
  EXPECT_TRUE(read_all("").empty());
  EXPECT_TRUE(read_all("\n\n\f\n\n").empty());
}

TEST(StdinSource, JsonLinesAreOneDocumentEach) {
  const auto docs = read_all("{\"a\":1}\n\n  \n{\"b\":2}\r\n{\"c\":3}", {{"format", "jsonl"}});
  EXPECT_EQ(docs, (std::vector<std::string>{"{\"a\":1}", "{\"b\":2}\r", "{\"c\":3}"}));
}

TEST(StdinSource, UrisCountDocumentsAndContentTypesFollowTheFormat) {
  Pipe pipe;
  pipe.write("{}\n{}\n");
  pipe.close_write();
  StdinSource source(init({{"format", "jsonl"}}), pipe.read_end());
  sdk::RawDocument d;
  ASSERT_TRUE(source.next(d));
  ASSERT_TRUE(source.next(d));
  EXPECT_EQ(d.uri, "stdin:#2");
  EXPECT_EQ(d.key, "stdin:#2");
  EXPECT_EQ(d.content_type, "application/json");
  EXPECT_GT(d.fetched_at_ms, 0);
  EXPECT_FALSE(source.next(d));
  EXPECT_FALSE(source.next(d)) << "end of input stays the end";

  Pipe text;
  text.write("x\n");
  text.close_write();
  StdinSource typed(init({{"content_type", "text/html"}}), text.read_end());
  ASSERT_TRUE(typed.next(d));
  EXPECT_EQ(d.content_type, "text/html");
}

TEST(StdinSource, DeliversEachDocumentBeforeTheInputEnds) {
  Pipe pipe;
  StdinSource source(init({{"format", "jsonl"}}), pipe.read_end());
  sdk::RawDocument d;
  for (int i = 0; i < 3; ++i) {
    pipe.write("{\"n\":" + std::to_string(i) + "}\n");
    ASSERT_TRUE(source.next(d));  // would block forever if it waited for EOF
    EXPECT_EQ(d.bytes, "{\"n\":" + std::to_string(i) + "}");
  }
  pipe.close_write();
  EXPECT_FALSE(source.next(d));
}

// A stop while standard input is open and silent: interrupt() wakes the
// waiting next(), which returns false; the half-written document is dropped.
TEST(StdinSource, InterruptWakesANextWaitingForInput) {
  Pipe pipe;
  StdinSource source(init(), pipe.read_end());
  pipe.write("half a document, no delimiter yet\n");
  std::atomic<bool> returned{false};
  bool more = true;
  std::thread reader([&] {
    sdk::RawDocument d;
    more = source.next(d);
    returned = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(returned.load());  // still waiting: the input is open
  source.interrupt();
  reader.join();
  EXPECT_FALSE(more);
  // Later calls return at once, even with input waiting.
  pipe.write("\f\nanother\n\f\n");
  sdk::RawDocument d;
  EXPECT_FALSE(source.next(d));
}

TEST(StdinSource, AnOversizeDocumentIsSkippedAndReadingGoesOn) {
  const std::string big(5000, 'x');
  EXPECT_EQ(
      read_all("small\n\f\n" + big + "\nmore\n\f\nafter\n", {{"max_document_size", std::int64_t{1024}}}),
      (std::vector<std::string>{"small\n", "!", "after\n"}));
  EXPECT_EQ(read_all("{}\n" + big + "\n{\"ok\":1}\n",
                     {{"format", "jsonl"}, {"max_document_size", std::int64_t{100}}}),
            (std::vector<std::string>{"{}", "!", "{\"ok\":1}"}));
  // A document of exactly the limit is fine.
  EXPECT_EQ(read_all("abc\n", {{"max_document_size", std::int64_t{4}}}), (std::vector<std::string>{"abc\n"}));
}

TEST(StdinSource, BadOptionsAreRefused) {
  EXPECT_THROW(StdinSource(init({{"format", "xml"}}), 0), sdk::StageError);
  EXPECT_THROW(StdinSource(init({{"delimiter", "a\nb"}}), 0), sdk::StageError);
  EXPECT_THROW(StdinSource(init({{"delimiter", "\n\n"}}), 0), sdk::StageError);
}

}  // namespace
}  // namespace sluice::plugins::stdin_source
