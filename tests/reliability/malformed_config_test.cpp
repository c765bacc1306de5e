// The malformed-config corpus: every malformed_configs/*.toml says in a
// header comment what `sluice validate` must print for it,
//   # expect: LINE:COL: MESSAGE-PREFIX
// and the test checks exit status 2 and "FILE:LINE:COL: error: MESSAGE-PREFIX"
// on stderr. Add a case by adding a file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "fixture_paths.hpp"
#include "workspace.hpp"

namespace reliability {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::vector<std::string> corpus() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(malformed_config_dir()))
    if (entry.path().extension() == ".toml") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> expectations(const std::string& text) {
  constexpr std::string_view kTag = "# expect: ";
  std::vector<std::string> out;
  for (std::size_t at = text.find(kTag); at != std::string::npos; at = text.find(kTag, at + 1)) {
    const auto end = text.find('\n', at);
    out.push_back(text.substr(at + kTag.size(), end - at - kTag.size()));
  }
  return out;
}

class MalformedConfig : public ::testing::TestWithParam<std::string> {};

TEST_P(MalformedConfig, IsRefusedWithFileLineAndColumn) {
  const std::string name = GetParam();
  const auto expected = expectations(sluice::testing::read_file(malformed_config_dir() / name));
  ASSERT_FALSE(expected.empty()) << name << " has no '# expect: LINE:COL: MESSAGE' header";
  // Run in a copy's directory so the message names the file as given.
  Workspace ws;
  fs::copy_file(malformed_config_dir() / name, ws / name);
  const auto r = ws.sluice({"validate", name});
  EXPECT_EQ(r.status.code, 2) << r.err;
  for (const auto& e : expected) {
    const auto colon = e.find(": ", e.find(':') + 1);
    EXPECT_THAT(r.err, HasSubstr(name + ":" + e.substr(0, colon) + ": error: " + e.substr(colon + 2)));
  }
  EXPECT_THAT(r.err, HasSubstr("sluice: " + name + " is invalid"));
}

INSTANTIATE_TEST_SUITE_P(Corpus, MalformedConfig, ::testing::ValuesIn(corpus()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param.substr(0, info.param.size() - 5);  // without ".toml"
                         });

TEST(MalformedConfigCorpus, HasAtLeastFifteenCases) { EXPECT_GE(corpus().size(), 15u); }

}  // namespace
}  // namespace reliability
