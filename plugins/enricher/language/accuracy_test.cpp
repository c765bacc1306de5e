// Accuracy of the built-in profiles on text they were not built from: the
// translated messages of bash and coreutils (Debian's catalogues under
// /usr/share/locale; the profiles come from other packages' catalogues).
// Every paragraph of at least 200 characters that reads as prose counts.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "classifier.hpp"
#include "mo_file.hpp"

namespace sluice::plugins::language {
namespace {

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Most of the text is plain words: not option lists ("-a, --all"), format
// strings ("%s"), paths or numbers, which are the same in every language.
bool reads_as_prose(const std::string& text) {
  std::size_t plain = 0, total = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const bool technical = word.find_first_of("-=%$[]{}<>/\\_|@#0123456789") != std::string::npos;
    total += code_points(word);
    if (!technical) plain += code_points(word);
    start = end + 1;
  }
  return total > 0 && plain * 4 >= total * 3;
}

struct Sample {
  std::string text;
  std::string source;
};

std::vector<Sample> paragraphs(const std::string& code, const std::vector<std::string>& locales) {
  std::vector<Sample> out;
  for (const char* domain : {"bash", "coreutils"}) {
    for (const std::string& locale : locales) {
      const std::string path =
          std::string(SLUICE_LOCALE_DIR) + "/" + locale + "/LC_MESSAGES/" + domain + ".mo";
      for (const auto& m : tools::read_mo(path)) {
        if (code != "en" && m.translation == m.original) continue;
        std::string text = tools::normalize_space(code == "en" ? m.original : m.translation);
        if (code_points(text) >= 200 && reads_as_prose(text)) out.push_back({std::move(text), path});
      }
    }
  }
  return out;
}

TEST(LanguageAccuracy, AtLeast99PercentOnHeldOutParagraphs) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> languages = {
      {"en", {"de"}},          {"de", {"de"}}, {"fr", {"fr"}}, {"es", {"es"}}, {"it", {"it"}},
      {"pt", {"pt", "pt_BR"}}, {"nl", {"nl"}}, {"ru", {"ru"}}, {"uk", {"uk"}}, {"pl", {"pl"}}};
  const Classifier classifier;
  std::size_t all = 0, all_right = 0;
  for (const auto& [code, locales] : languages) {
    const auto samples = paragraphs(code, locales);
    std::size_t right = 0;
    std::map<std::string, int> confusions;
    for (const Sample& s : samples) {
      const auto guess = classifier.classify({s.text}, s.text.size(), 1);
      const std::string got = guess ? std::string(guess->code) : "none";
      if (got == code) {
        ++right;
      } else {
        ++confusions[got];
        if (confusions[got] <= 2)
          std::printf("  %s read as %s: %.120s\n", code.c_str(), got.c_str(), s.text.c_str());
      }
    }
    const double accuracy = samples.empty() ? 0 : double(right) / samples.size();
    std::printf("%s: %zu/%zu = %.2f%%\n", code.c_str(), right, samples.size(), 100 * accuracy);
    EXPECT_GE(samples.size(), 20u) << code;
    EXPECT_GE(accuracy, 0.99) << code;
    all += samples.size();
    all_right += right;
  }
  std::printf("all: %zu/%zu = %.2f%%\n", all_right, all, 100.0 * all_right / all);
  RecordProperty("accuracy_percent", std::to_string(100.0 * all_right / all));
}

}  // namespace
}  // namespace sluice::plugins::language
