// bench_gen_corpus N SEED DIR: writes N seed-format articles of about 4 KB
// (0000001.txt ...) into DIR, and DIR/.corpus, a manifest the benchmark
// script reads back (article count, seed, total bytes). Deterministic: the
// same N and SEED give the same bytes on any machine.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>

#include "article_text.hpp"

namespace {

bool parse_number(std::string_view text, std::uint64_t& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

// Writes `bytes` to a new file at `path`; false (errno set) on failure.
bool write_file(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return ::close(fd) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t count = 0, seed = 0;
  if (argc != 4 || !parse_number(argv[1], count) || !parse_number(argv[2], seed)) {
    std::fprintf(stderr, "usage: %s N SEED DIR\n", argv[0]);
    return 2;
  }
  const std::filesystem::path dir = argv[3];
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::fprintf(stderr, "cannot create %s: %s\n", dir.c_str(), ec.message().c_str());
    return 1;
  }

  std::string text;
  std::uint64_t total = 0;
  char name[32];
  for (std::uint64_t i = 0; i < count; ++i) {
    text.clear();
    sluice::bench::append_seed_article(text, seed, i);
    std::snprintf(name, sizeof name, "%07llu.txt", static_cast<unsigned long long>(i + 1));
    const std::string path = (dir / name).string();
    if (!write_file(path, text)) {
      std::fprintf(stderr, "cannot write %s: %s\n", path.c_str(), std::strerror(errno));
      return 1;
    }
    total += text.size();
  }

  // Written last: its presence means the corpus is complete.
  const std::string manifest = "articles " + std::to_string(count) + "\nseed " + std::to_string(seed) +
                               "\nbytes " + std::to_string(total) + "\n";
  if (!write_file((dir / ".corpus").string(), manifest)) {
    std::fprintf(stderr, "cannot write the manifest in %s: %s\n", dir.c_str(), std::strerror(errno));
    return 1;
  }
  std::printf("%llu articles, %llu bytes (%.0f bytes each) in %s\n", static_cast<unsigned long long>(count),
              static_cast<unsigned long long>(total), count ? static_cast<double>(total) / count : 0.0,
              dir.c_str());
  return 0;
}
