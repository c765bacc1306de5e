// A hostile config is refused before the TOML parser sees it: size, dotted
// key parts, nesting depth and the number of [[...]] tables (stages) are
// bounded by a scan of the text, each error as FILE:LINE:COL, exit 2.
// Before the scan, a header of 50,000 dotted parts segfaulted `validate`
// and `run` (a stack overflow inside toml++).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "workspace.hpp"

namespace reliability {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string repeat(const std::string& part, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += part;
  return out;
}

// A valid pipeline, so only the hostile part can be what is refused.
const std::string kPipeline = R"([pipeline.p]
[[pipeline.p.source]]
plugin = "files"
path = "."

[[pipeline.p.parser]]
plugin = "seed_text"

[[pipeline.p.sink]]
plugin = "jsonl"
path = "out.jsonl"
)";

class HostileConfig : public ::testing::Test {
 protected:
  // `sluice validate` and `sluice run` both refuse `text` with exit 2 and
  // "hostile.toml:WHERE: error: MESSAGE".
  void expect_refused(const std::string& text, const std::string& where, const std::string& message) {
    sluice::testing::write_file(ws_ / "hostile.toml", text);
    for (const char* command : {"validate", "run"}) {
      const auto r = ws_.sluice({command, "hostile.toml"});
      EXPECT_EQ(r.status.code, 2) << command << ": " << r.status.str() << "\n" << r.err.substr(0, 2000);
      EXPECT_THAT(r.err, HasSubstr("hostile.toml:" + where + ": error: " + message)) << command;
    }
  }

  Workspace ws_;
};

TEST_F(HostileConfig, TableHeaderWithFiftyThousandDottedPartsIsRefused) {
  // Line 13 after the pipeline; the 16th dot (the 17th part) is column 33.
  expect_refused(kPipeline + "\n[a" + repeat(".a", 50'000) + "]\nx = 1\n", "13:33",
                 "key has more than 16 dotted parts; refused before parsing");
}

TEST_F(HostileConfig, DottedKeyWithFiftyThousandPartsIsRefused) {
  expect_refused(kPipeline + "\n[extra]\nk" + repeat(".k", 50'000) + " = 1\n", "14:32",
                 "key has more than 16 dotted parts");
}

TEST_F(HostileConfig, QuotedDotsAreNotParts) {
  // Dots inside a quoted key are one part: within the bound, so the parser
  // sees it (and the validator names the unknown table).
  sluice::testing::write_file(ws_ / "quoted.toml", kPipeline + "\n[\"" + repeat("a.", 100) + "\"]\nx = 1\n");
  const auto r = ws_.sluice({"validate", "quoted.toml"});
  EXPECT_EQ(r.status.code, 2);
  EXPECT_THAT(r.err, Not(HasSubstr("refused before parsing")));
  EXPECT_THAT(r.err, HasSubstr("quoted.toml:13:2: error: unknown key"));
}

TEST_F(HostileConfig, DeeplyNestedArraysAreRefused) {
  expect_refused(kPipeline + "\n[extra]\nx = " + repeat("[", 100'000) + repeat("]", 100'000) + "\n", "14:35",
                 "values nested more than 32 deep (tables, arrays and dotted keys together)");
}

TEST_F(HostileConfig, DeeplyNestedInlineTablesAreRefused) {
  // [extra] and x are 2 deep, each inline table and its key y 2 more: the
  // 16th "{" is 33 deep.
  expect_refused(kPipeline + "\n[extra]\nx = " + repeat("{ y = ", 1000) + "1" + repeat(" }", 1000) + "\n",
                 "14:" + std::to_string(5 + 6 * 15), "values nested more than 32 deep");
}

TEST_F(HostileConfig, TooManyStageTablesAreRefused) {
  std::string text = kPipeline;
  for (int i = 0; i < 1100; ++i) text += "\n[[pipeline.p.parser]]\nplugin = \"seed_text\"\n";
  // 3 tables in kPipeline; table 1025 is the 1022nd added, 3 lines each from line 13.
  expect_refused(text, std::to_string(13 + 3 * 1021) + ":1",
                 "more than 1024 [[...]] tables (stages); refused before parsing");
}

TEST_F(HostileConfig, FileOverFourMebibytesIsRefusedWithoutReadingItAll) {
  // Valid TOML (one long comment line), just too large.
  // The error is at the first byte over the bound: kPipeline is 164 bytes on 11 lines.
  expect_refused(kPipeline + "#" + std::string(5u << 20, 'x') + "\n",
                 "12:" + std::to_string((4u << 20) - 164 + 1), "config file is larger than 4194304 bytes");
}

}  // namespace
}  // namespace reliability
