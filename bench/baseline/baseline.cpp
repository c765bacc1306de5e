// bench_baseline DIR OUT.jsonl: the minimal chain's work (files -> seed_text
// -> jsonl) by hand, single-threaded, with no framework: list DIR, read each
// "*.txt" file with one allocation (one file open at a time), parse the seed
// format, and write one canonical JSON line per article with the SDK's
// writer. Its output equals `sluice run`'s except fetched_at_ms. This is the
// "no framework" limit the benchmark compares sluice against.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "corpus_files.hpp"
#include "seed_format.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/json.hpp"

namespace {

using namespace sluice;

// Output in large write(2) calls, as the jsonl sink writes a batch at once.
constexpr std::size_t kFlushBytes = 1 << 20;

// file:// + the path, percent-encoding all but RFC 3986 pchar and '/', as
// the `files` source does.
std::string file_uri(std::string_view path) {
  static constexpr std::string_view kLiteral = "-._~!$&'()*+,;=:@/";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || kLiteral.find(ch) != std::string_view::npos) {
      uri.push_back(ch);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xF];
    }
  }
  return uri;
}

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

class Output {
 public:
  explicit Output(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) fail("cannot create");
    buffer_.reserve(kFlushBytes + (64 << 10));
  }
  ~Output() {
    if (fd_ >= 0) ::close(fd_);
  }
  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= kFlushBytes) flush();
  }
  void flush() {
    for (std::size_t done = 0; done < buffer_.size();) {
      const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail("cannot write");
      done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error(std::string(what) + " " + path_ + ": " + std::strerror(errno));
  }
  std::string path_;
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DIR OUT.jsonl\n", argv[0]);
    return 2;
  }
  try {
    const auto started = std::chrono::steady_clock::now();
    // Absolute and normalised, like the `files` source's root.
    std::string root = std::filesystem::absolute(argv[1]).lexically_normal().string();
    if (root.size() > 1 && root.back() == '/') root.pop_back();
    Output out(argv[2]);
    std::uint64_t articles = 0, failed = 0, bytes_in = 0;
    for (const std::string& name : bench::baseline::list_seed_files(root)) {
      const std::string path = root + "/" + name;
      const std::string bytes = bench::baseline::read_whole_file(path);
      bytes_in += bytes.size();
      sdk::Article a;
      if (!bench::baseline::parse_seed(bytes, a)) {
        ++failed;
        continue;
      }
      a.source_uri = file_uri(path);
      a.content_type = "text/plain";
      a.fetched_at_ms = now_ms();
      a.id = sdk::make_article_id(name, a);
      // What the host records for the seed_text stage; the script's output
      // check notices when the plugin's version moves on.
      a.lineage.push_back({"seed_text", "seed_text", "1.0.0"});
      sdk::json::append_article(out.buffer(), a);
      out.buffer().push_back('\n');
      out.maybe_flush();
      ++articles;
    }
    out.flush();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("baseline: %llu articles, %llu failed, %llu bytes in, %.3f s\n",
                static_cast<unsigned long long>(articles), static_cast<unsigned long long>(failed),
                static_cast<unsigned long long>(bytes_in), seconds);
    return failed == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_baseline: %s\n", e.what());
    return 1;
  }
}
