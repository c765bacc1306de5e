// Behaviour of the jsonl sink against real files in a private temp dir.
#include <sys/resource.h>

#include <csignal>

#include "jsonl_test_fixture.hpp"

namespace sluice::plugins::jsonl {
namespace {

using namespace testing_support;

TEST_F(JsonlSinkTest, WritesOneParsableObjectPerArticle) {
  sdk::Article a = make_article("a1", "Minister resigns", {"First paragraph.", "Second one."});
  a.authors = {"Jane Doe", "John Roe"};
  a.entities.push_back(
      {.name = "Jane Doe", .type = sdk::EntityType::Person, .mentions = {{0, 6, 14, "Jane Doe"}}});
  a.quotes.push_back({.text = "We are done", .speaker = "Jane Doe", .paragraph = 1});
  a.keywords.push_back({.term = "minister", .score = 0.5});
  a.fields["sentiment"] = sdk::Value(-0.25);
  const std::vector<sdk::Article> batch = {a, make_article("a2", "Second", {"Only paragraph."})};

  JsonlSink sink(init("out.jsonl"));
  sink.write(batch);
  sink.close();

  const auto lines = lines_of(dir_ / "out.jsonl");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], sdk::json::to_json(a)) << "not the canonical shape";
  const Object::Ptr first = parse(lines[0]);
  EXPECT_EQ(first->getValue<std::string>("id"), "a1");
  EXPECT_EQ(first->getValue<std::string>("title"), "Minister resigns");
  EXPECT_EQ(first->getValue<std::int64_t>("fetched_at_ms"), 1700000000123);
  const Array::Ptr body = first->getArray("body");
  ASSERT_EQ(body->size(), 2u);
  EXPECT_EQ(body->getElement<std::string>(0), "First paragraph.");
  EXPECT_EQ(body->getElement<std::string>(1), "Second one.");
  EXPECT_EQ(first->getArray("authors")->getElement<std::string>(1), "John Roe");
  const Array::Ptr entities = first->getArray("entities");
  ASSERT_EQ(entities->size(), 1u);
  const Object::Ptr entity = entities->getObject(0);
  EXPECT_EQ(entity->getValue<std::string>("name"), "Jane Doe");
  EXPECT_EQ(entity->getArray("mentions")->getObject(0)->getValue<int>("begin"), 6);
  EXPECT_EQ(first->getArray("quotes")->getObject(0)->getValue<std::string>("speaker"), "Jane Doe");
  EXPECT_DOUBLE_EQ(first->getObject("fields")->getValue<double>("sentiment"), -0.25);
  EXPECT_EQ(parse(lines[1])->getValue<std::string>("id"), "a2");
}

// Pins the canonical shape: an entity's type is its name ("PERSON"), not a
// boolean. Fails while sdk::json::ObjectWriter has no const char* overload
// (the const char* from to_string(EntityType) converts to bool).
TEST_F(JsonlSinkTest, EntityTypeIsWrittenAsItsName) {
  sdk::Article a = make_article("e", "Entities", {"Paris and Acme."});
  a.entities.push_back({.name = "Paris", .type = sdk::EntityType::Location, .mentions = {}});
  a.entities.push_back({.name = "Acme", .type = sdk::EntityType::Organization, .mentions = {}});
  JsonlSink sink(init("out.jsonl"));
  sink.write(std::vector{a});

  const auto lines = lines_of(dir_ / "out.jsonl");
  ASSERT_EQ(lines.size(), 1u);
  const Array::Ptr entities = parse(lines[0])->getArray("entities");
  ASSERT_EQ(entities->size(), 2u);
  EXPECT_EQ(entities->getObject(0)->get("type").toString(), "LOCATION") << lines[0];
  EXPECT_EQ(entities->getObject(1)->get("type").toString(), "ORG") << lines[0];
}

TEST_F(JsonlSinkTest, AppendModeKeepsEarlierLines) {
  {
    JsonlSink sink(init("out.jsonl"));
    sink.write(std::vector{make_article("first", "One", {"p"})});
  }
  JsonlSink sink(init("out.jsonl", {{"mode", "append"}}));
  sink.write(std::vector{make_article("second", "Two", {"p"})});
  sink.close();

  const auto lines = lines_of(dir_ / "out.jsonl");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(parse(lines[0])->getValue<std::string>("id"), "first");
  EXPECT_EQ(parse(lines[1])->getValue<std::string>("id"), "second");
}

// Without a state database there is no checkpoint on any run: truncate
// and replace start every run with an empty file; append keeps it.
TEST_F(JsonlSinkTest, WithoutAStateDatabaseOnlyAppendKeepsTheFile) {
  const std::string text = "{\"id\":\"old1\"}\n{\"id\":\"old2\"}\n";
  for (const char* mode : {"truncate", "replace"}) {
    spit(dir_ / "out.jsonl", text);
    JsonlSink sink(init("out.jsonl", {{"mode", mode}}));
    EXPECT_EQ(fs::file_size(dir_ / "out.jsonl"), 0u) << mode;
  }
  spit(dir_ / "out.jsonl", text);
  JsonlSink sink(init("out.jsonl", {{"mode", "append"}}));
  EXPECT_EQ(slurp(dir_ / "out.jsonl"), text);
}

TEST_F(JsonlSinkTest, CutsAHalfWrittenLastLineOnOpen) {
  const std::string complete = sdk::json::to_json(make_article("kept", "Kept", {"p"})) + "\n";
  spit(dir_ / "out.jsonl", complete + "{\"id\":\"half\",\"ti");

  JsonlSink sink(init("out.jsonl"));
  EXPECT_EQ(slurp(dir_ / "out.jsonl"), complete);
  ASSERT_EQ(log_.warnings.size(), 1u);
  EXPECT_NE(log_.warnings[0].find("partial last line"), std::string::npos) << log_.warnings[0];

  sink.write(std::vector{make_article("next", "Next", {"p"})});
  const auto lines = lines_of(dir_ / "out.jsonl");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(parse(lines[0])->getValue<std::string>("id"), "kept");
  EXPECT_EQ(parse(lines[1])->getValue<std::string>("id"), "next");
}

TEST_F(JsonlSinkTest, AFileHoldingOnlyAPartialLineIsEmptied) {
  // Longer than the backwards scan chunk, so the scan crosses chunks.
  spit(dir_ / "out.jsonl", "{\"id\":\"" + std::string(200 * 1024, 'x'));
  JsonlSink sink(init("out.jsonl"));
  EXPECT_EQ(fs::file_size(dir_ / "out.jsonl"), 0u);
  EXPECT_EQ(log_.warnings.size(), 1u);
}

TEST_F(JsonlSinkTest, CompleteFileIsLeftAloneWithoutWarning) {
  const std::string text = "{\"id\":\"a\"}\n{\"id\":\"b\"}\n";
  spit(dir_ / "out.jsonl", text);
  JsonlSink sink(init("out.jsonl"));
  EXPECT_EQ(slurp(dir_ / "out.jsonl"), text);
  EXPECT_TRUE(log_.warnings.empty());
}

TEST_F(JsonlSinkTest, RefusesToCutATailThatIsNotJson) {
  spit(dir_ / "notes.txt", "line one\nsomebody's unfinished note");
  EXPECT_THROW(JsonlSink(init("notes.txt")), sdk::StageError);
  EXPECT_EQ(slurp(dir_ / "notes.txt"), "line one\nsomebody's unfinished note");
}

TEST_F(JsonlSinkTest, EscapesUnicodeAndControlCharacters) {
  const std::string title =
      "Z\xC3\xBCrich \xE2\x80\x94 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80 "
      "\"quoted\" back\\slash";
  const std::vector<std::string> body = {"tab\there", "line\nbreak\r\n", "\x01\x1f\x7f end",
                                         std::string("nul\0byte", 8)};
  JsonlSink sink(init("out.jsonl"));
  sink.write(std::vector{make_article("u", title, body)});

  const auto lines = lines_of(dir_ / "out.jsonl");
  ASSERT_EQ(lines.size(), 1u) << "a newline inside a value split the line";
  for (const char c : lines[0]) {
    EXPECT_GE(static_cast<unsigned char>(c), 0x20u) << "raw control character in the output";
  }
  EXPECT_NE(lines[0].find("\\u0001"), std::string::npos);
  EXPECT_NE(lines[0].find("\\u0000"), std::string::npos);
  const Object::Ptr object = parse(lines[0]);
  EXPECT_EQ(object->getValue<std::string>("title"), title);
  const Array::Ptr parsed_body = object->getArray("body");
  ASSERT_EQ(parsed_body->size(), body.size());
  for (unsigned i = 0; i < body.size(); ++i) {
    EXPECT_EQ(parsed_body->getElement<std::string>(i), body[i]) << "paragraph " << i;
  }
}

TEST_F(JsonlSinkTest, InvalidUtf8StillGivesValidJson) {
  sdk::Article a = make_article("bad", "bad \xFF\xFE end", {"cut \xE2\x82", "surrogate \xED\xA0\x80"});
  a.authors = {"overlong \xC0\xAF"};
  a.fields["note"] = sdk::Value(std::string("x\x80y"));
  JsonlSink sink(init("out.jsonl"));
  sink.write(std::vector{a});

  const auto lines = lines_of(dir_ / "out.jsonl");
  ASSERT_EQ(lines.size(), 1u);
  Object::Ptr object;
  ASSERT_NO_THROW(object = parse(lines[0])) << lines[0];
  EXPECT_EQ(object->getValue<std::string>("title"), "bad " + kReplacement + kReplacement + " end");
  EXPECT_EQ(object->getArray("body")->getElement<std::string>(0), "cut " + kReplacement + kReplacement);
  EXPECT_EQ(object->getObject("fields")->getValue<std::string>("note"), "x" + kReplacement + "y");
}

TEST_F(JsonlSinkTest, RelativePathResolvesAgainstBaseDirAndCreatesParents) {
  JsonlSink sink(init("nested/deeper/out.jsonl"));
  sink.write(std::vector{make_article("a", "A", {"p"})});
  EXPECT_EQ(lines_of(dir_ / "nested" / "deeper" / "out.jsonl").size(), 1u);
}

TEST_F(JsonlSinkTest, AbsolutePathIgnoresBaseDir) {
  const fs::path absolute = dir_ / "abs" / "out.jsonl";
  sdk::StageInit i = init(absolute.string());
  i.base_dir = "/nonexistent-base";
  JsonlSink sink(i);
  sink.write(std::vector{make_article("a", "A", {"p"})});
  EXPECT_EQ(lines_of(absolute).size(), 1u);
}

TEST_F(JsonlSinkTest, ASecondSinkOnTheSameFileIsRefused) {
  JsonlSink first(init("out.jsonl"));
  try {
    JsonlSink second(init("out.jsonl"));
    FAIL() << "two sinks opened one file";
  } catch (const sdk::StageError& e) {
    EXPECT_NE(std::string(e.what()).find("already open"), std::string::npos) << e.what();
  }
  first.close();
  EXPECT_NO_THROW(JsonlSink(init("out.jsonl")));
}

TEST_F(JsonlSinkTest, TwoSinksOnTwoFilesAreIndependent) {
  JsonlSink one(init("one.jsonl"));
  JsonlSink two(init("two.jsonl", {{"mode", "append"}, {"fsync", false}}));
  one.write(std::vector{make_article("1", "One", {"p"})});
  two.write(std::vector{make_article("2", "Two", {"p"}), make_article("3", "Three", {"p"})});
  EXPECT_EQ(lines_of(dir_ / "one.jsonl").size(), 1u);
  EXPECT_EQ(lines_of(dir_ / "two.jsonl").size(), 2u);
}

TEST_F(JsonlSinkTest, ManyArticlesInOneBatchKeepTheirOrder) {
  std::vector<sdk::Article> batch;
  for (int i = 0; i < 500; ++i) {
    batch.push_back(make_article(std::to_string(i), "Title", {std::string(1000, 'w')}));
  }
  JsonlSink sink(init("out.jsonl"));
  sink.write(batch);
  const auto lines = lines_of(dir_ / "out.jsonl");
  ASSERT_EQ(lines.size(), batch.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(parse(lines[i])->getValue<std::string>("id"), std::to_string(i));
  }
}

TEST_F(JsonlSinkTest, EmptyBatchWritesNothing) {
  JsonlSink sink(init("out.jsonl"));
  sink.write({});
  EXPECT_EQ(fs::file_size(dir_ / "out.jsonl"), 0u);
}

TEST_F(JsonlSinkTest, WriteAfterCloseThrows) {
  JsonlSink sink(init("out.jsonl"));
  sink.close();
  EXPECT_THROW(sink.write(std::vector{make_article("a", "A", {"p"})}), sdk::StageError);
}

TEST_F(JsonlSinkTest, BadOptionsAreRefused) {
  EXPECT_THROW(JsonlSink(init("out.jsonl", {{"mode", "overwrite"}})), sdk::StageError);
  EXPECT_THROW(JsonlSink(init("")), sdk::StageError);
  EXPECT_THROW(JsonlSink(init(".")), sdk::StageError) << "a directory is not an output file";
  EXPECT_FALSE(fs::exists(dir_ / "out.jsonl")) << "a refused mode must not create the file";
}

// A write that fails half way (here: the file size limit, as a stand-in for
// a full disk) leaves the file at its last complete line, and a retry works.
TEST_F(JsonlSinkTest, AFailedWriteLeavesNoPartialLine) {
  JsonlSink sink(init("out.jsonl"));
  sink.write(std::vector{make_article("before", "Before", {"p"})});
  const auto committed = fs::file_size(dir_ / "out.jsonl");

  rlimit old_limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old_limit;
  small.rlim_cur = committed + 100;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  const std::vector big = {make_article("big", "Big", {std::string(10000, 'b')})};
  EXPECT_THROW(sink.write(big), sdk::StageError);
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &old_limit), 0);
  std::signal(SIGXFSZ, old_handler);

  EXPECT_EQ(fs::file_size(dir_ / "out.jsonl"), committed);
  sink.write(big);
  const auto lines = lines_of(dir_ / "out.jsonl");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(parse(lines[1])->getValue<std::string>("id"), "big");
}

}  // namespace
}  // namespace sluice::plugins::jsonl
