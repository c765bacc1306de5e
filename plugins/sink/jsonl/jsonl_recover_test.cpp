// JsonlSink::recover(token) against real files: the committed offset, a
// torn tail, bytes another process appended, a file shorter than its token,
// and what each mode does when the state database holds no checkpoint.
// Each "run" is a new sink instance on the same file; a crash is a sink
// destroyed without close(), as a killed process leaves it.
#include <algorithm>

#include "jsonl_test_fixture.hpp"
#include "sluice/sdk/testing/recorders.hpp"

namespace sluice::plugins::jsonl {
namespace {

using namespace testing_support;
using sdk::testing::MemoryState;

std::vector<sdk::Article> batch_of(const std::string& id) { return {make_article(id, id, {"p"})}; }

std::size_t nul_bytes(const fs::path& file) {
  const std::string text = slurp(file);
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\0'));
}

std::vector<std::string> ids_in(const fs::path& file) {
  std::vector<std::string> ids;
  for (const auto& line : lines_of(file)) ids.push_back(parse(line)->getValue<std::string>("id"));
  return ids;
}

bool logged(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const auto& l) { return l.find(text) != std::string::npos; });
}

class JsonlRecoverTest : public JsonlSinkTest {
 protected:
  fs::path file() const { return dir_ / "out.jsonl"; }
  MemoryState state_;
};

TEST_F(JsonlRecoverTest, CutsLinesWrittenAfterTheCommittedOffset) {
  std::string token;
  {
    JsonlSink sink(init("out.jsonl", {}, &state_));
    sink.recover("");
    sink.write(batch_of("committed"));
    token = sink.commit_token();
    sink.write(batch_of("uncommitted-1"));
    sink.write(batch_of("uncommitted-2"));
  }  // killed: no close(), no later checkpoint
  JsonlSink sink(init("out.jsonl", {}, &state_));
  sink.recover(token);
  EXPECT_EQ(ids_in(file()), std::vector<std::string>{"committed"});
  EXPECT_EQ(std::to_string(fs::file_size(file())), token);
  EXPECT_TRUE(logged(log_.warnings, "delivered again"));
  sink.write(batch_of("redelivered"));
  EXPECT_EQ(ids_in(file()), (std::vector<std::string>{"committed", "redelivered"}));
}

TEST_F(JsonlRecoverTest, ATornTailAfterTheOffsetIsCutWithoutNulBytes) {
  std::string token;
  {
    JsonlSink sink(init("out.jsonl", {}, &state_));
    sink.recover("");
    sink.write(batch_of("committed"));
    token = sink.commit_token();
    sink.write(batch_of("uncommitted"));
  }
  // The kill landed inside a write(2): half a line at the end.
  std::ofstream(file(), std::ios::binary | std::ios::app) << "{\"id\":\"torn\",\"ti";
  JsonlSink sink(init("out.jsonl", {}, &state_));
  sink.recover(token);
  EXPECT_EQ(ids_in(file()), std::vector<std::string>{"committed"});
  EXPECT_EQ(nul_bytes(file()), 0u);
}

TEST_F(JsonlRecoverTest, AFileAtItsOffsetIsLeftAloneSilently) {
  std::string token;
  {
    JsonlSink sink(init("out.jsonl", {}, &state_));
    sink.recover("");
    sink.write(batch_of("a"));
    token = sink.commit_token();
    sink.close();
  }
  const std::string before = slurp(file());
  JsonlSink sink(init("out.jsonl", {}, &state_));
  sink.recover(token);
  EXPECT_EQ(slurp(file()), before);
  EXPECT_TRUE(log_.warnings.empty()) << log_.warnings.front();
}

// The rule for foreign bytes: the sink marks the offset at which a run
// closed it cleanly. Bytes past the checkpoint when that mark equals the
// checkpoint came after the run ended, so they are not the sink's own:
// kept, reported as appended by another process, never "delivered again".
TEST_F(JsonlRecoverTest, BytesAppendedByAnotherProcessAfterACleanRunAreKept) {
  std::string token;
  {
    JsonlSink sink(init("out.jsonl", {}, &state_));
    sink.recover("");
    sink.write(batch_of("ours"));
    token = sink.commit_token();
    sink.close();
  }
  const std::string foreign = "{\"id\":\"theirs\"}\n";
  std::ofstream(file(), std::ios::binary | std::ios::app) << foreign;
  JsonlSink sink(init("out.jsonl", {}, &state_));
  sink.recover(token);
  EXPECT_EQ(ids_in(file()), (std::vector<std::string>{"ours", "theirs"}));
  EXPECT_FALSE(logged(log_.warnings, "delivered again"));
  EXPECT_TRUE(logged(log_.warnings, "another process appended them"));
  EXPECT_EQ(sink.commit_token(), std::to_string(fs::file_size(file())))
      << "new lines follow the foreign ones";
}

// The clean-close mark of an earlier run must not make a later crashed run's
// own bytes look foreign: recover() clears the mark before the run writes.
TEST_F(JsonlRecoverTest, ACrashAfterACleanRunStillCutsItsOwnBytes) {
  std::string token;
  {
    JsonlSink sink(init("out.jsonl", {}, &state_));
    sink.recover("");
    sink.write(batch_of("a"));
    token = sink.commit_token();
    sink.close();
  }
  {
    JsonlSink sink(init("out.jsonl", {}, &state_));
    sink.recover(token);
    sink.write(batch_of("b-uncommitted"));
  }  // killed before its checkpoint
  JsonlSink sink(init("out.jsonl", {}, &state_));
  sink.recover(token);
  EXPECT_EQ(ids_in(file()), std::vector<std::string>{"a"});
  EXPECT_TRUE(logged(log_.warnings, "delivered again"));
}

// Shorter than the token: committed lines are gone. Extending the file
// (ftruncate past the end) would fill it with NUL bytes; the sink refuses.
TEST_F(JsonlRecoverTest, AFileShorterThanItsTokenIsRefusedAndNeverExtended) {
  std::string token;
  {
    JsonlSink sink(init("out.jsonl", {}, &state_));
    sink.recover("");
    sink.write(batch_of("a"));
    sink.write(batch_of("b"));
    token = sink.commit_token();
    sink.close();
  }
  const std::string first_line = lines_of(file()).front() + "\n";
  spit(file(), first_line);  // somebody cut it
  for (const char* mode : {"append", "truncate"}) {
    JsonlSink sink(init("out.jsonl", {{"mode", mode}}, &state_));
    try {
      sink.recover(token);
      ADD_FAILURE() << "recover() accepted a file shorter than its token in mode " << mode;
    } catch (const sdk::StageError& e) {
      EXPECT_NE(std::string(e.what()).find("shorter than"), std::string::npos) << e.what();
    }
    EXPECT_EQ(slurp(file()), first_line) << mode;
    EXPECT_EQ(nul_bytes(file()), 0u) << mode;
  }
}

TEST_F(JsonlRecoverTest, AnUnreadableTokenIsRefused) {
  JsonlSink sink(init("out.jsonl", {}, &state_));
  EXPECT_THROW(sink.recover("12abc"), sdk::StageError);
}

// State lost: no checkpoint but a non-empty file.
TEST_F(JsonlRecoverTest, AppendModeRefusesAFileWithoutCheckpoint) {
  const std::string text = "{\"id\":\"a\"}\n";
  spit(file(), text);
  JsonlSink sink(init("out.jsonl", {{"mode", "append"}}, &state_));
  try {
    sink.recover("");
    ADD_FAILURE() << "append mode wrote after output it cannot account for";
  } catch (const sdk::StageError& e) {
    EXPECT_NE(std::string(e.what()).find(file().string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("no checkpoint"), std::string::npos) << e.what();
  }
  EXPECT_EQ(slurp(file()), text);
}

TEST_F(JsonlRecoverTest, AppendModeStartsAnEmptyFileWithoutCheckpoint) {
  JsonlSink sink(init("out.jsonl", {{"mode", "append"}}, &state_));
  EXPECT_NO_THROW(sink.recover(""));
  EXPECT_EQ(sink.commit_token(), "0");
}

TEST_F(JsonlRecoverTest, TruncateModeEmptiesAFileWithoutCheckpoint) {
  spit(file(), "{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
  JsonlSink sink(init("out.jsonl", {{"mode", "truncate"}}, &state_));
  sink.recover("");
  EXPECT_EQ(fs::file_size(file()), 0u);
  EXPECT_TRUE(logged(log_.warnings, "emptied"));
  sink.write(batch_of("new"));
  EXPECT_EQ(ids_in(file()), std::vector<std::string>{"new"});
}

// The issue this mode had: a plain rerun emptied the file although the
// incremental source would not deliver those articles again.
TEST_F(JsonlRecoverTest, TruncateModeKeepsCommittedLinesOnARerun) {
  std::string token;
  {
    JsonlSink sink(init("out.jsonl", {{"mode", "truncate"}}, &state_));
    sink.recover("");
    sink.write(batch_of("first-run"));
    token = sink.commit_token();
    sink.close();
  }
  JsonlSink sink(init("out.jsonl", {{"mode", "truncate"}}, &state_));
  sink.recover(token);
  EXPECT_EQ(ids_in(file()), std::vector<std::string>{"first-run"});
}

// With a state database, opening never touches the file: recover() decides.
TEST_F(JsonlRecoverTest, OpeningLeavesTheFileToRecover) {
  const std::string text = "{\"id\":\"a\"}\n";
  spit(file(), text);
  for (const char* mode : {"append", "truncate", "replace"}) {
    JsonlSink sink(init("out.jsonl", {{"mode", mode}}, &state_));
    EXPECT_EQ(slurp(file()), text) << mode;
  }
}

// replace: the file holds exactly what this run delivers (the config check
// lets it go only with sources that deliver everything every run).
TEST_F(JsonlRecoverTest, ReplaceModeStartsTheFileOverAtEveryRun) {
  std::string token;
  {
    JsonlSink sink(init("out.jsonl", {{"mode", "replace"}}, &state_));
    sink.recover("");
    sink.write(batch_of("first-run"));
    token = sink.commit_token();
    sink.close();
  }
  JsonlSink sink(init("out.jsonl", {{"mode", "replace"}}, &state_));
  sink.recover(token);
  EXPECT_EQ(fs::file_size(file()), 0u);
  sink.write(batch_of("second-run"));
  EXPECT_EQ(ids_in(file()), std::vector<std::string>{"second-run"});
}

TEST_F(JsonlRecoverTest, ResetOutputEmptiesTheFileInEveryMode) {
  for (const char* mode : {"append", "truncate", "replace"}) {
    spit(file(), "{\"id\":\"a\"}\n");
    JsonlSink sink(init("out.jsonl", {{"mode", mode}}, &state_));
    sink.recover(sdk::kResetOutput);
    EXPECT_EQ(fs::file_size(file()), 0u) << mode;
  }
}

}  // namespace
}  // namespace sluice::plugins::jsonl
