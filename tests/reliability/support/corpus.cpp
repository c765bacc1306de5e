#include "corpus.hpp"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "marker.hpp"

namespace reliability {
namespace {

constexpr const char* kWords[] = {"harbour", "council",  "minister", "river",  "budget", "winter",
                                  "market",  "railway",  "election", "summer", "bridge", "festival",
                                  "school",  "hospital", "weather",  "museum"};

// A paragraph of `words` filler words chosen by a small LCG: the same text
// for the same article on every machine, without <random>'s
// implementation-defined distributions.
std::string filler(std::uint32_t& state, int words) {
  std::string out;
  for (int i = 0; i < words; ++i) {
    state = state * 1664525u + 1013904223u;
    if (i > 0) out += ' ';
    out += kWords[(state >> 16) % std::size(kWords)];
  }
  out += '.';
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

std::string article_text(long n) {
  auto state = static_cast<std::uint32_t>(n) * 2654435761u + 1;
  char header[128];
  std::snprintf(header, sizeof header,
                " date 2023-%02ld-%02ld Scene number %ld at the %s - Staff photographer\n", 1 + n % 12,
                1 + n % 28, n, kWords[n % std::size(kWords)]);
  return std::string(header) + "\n" + filler(state, 40) + "\n\n" + filler(state, 20) + " Reference " +
         marker(n) + " closes this paragraph.\n\n" + filler(state, 30) + "\n";
}

std::string article_file_name(long n) {
  char name[32];
  std::snprintf(name, sizeof name, "a%06ld.txt", n);
  return name;
}

void write_corpus(const std::filesystem::path& dir, long count, long first) {
  std::filesystem::create_directories(dir);
  for (long n = first; n < first + count; ++n) {
    std::ofstream out(dir / article_file_name(n), std::ios::binary);
    out << article_text(n);
    if (!out) throw std::runtime_error("cannot write " + (dir / article_file_name(n)).string());
  }
}

}  // namespace reliability
