// The CLI conventions a newcomer reaches for by habit, through the real
// binary: --version, "did you mean" for verbs and flags, --format json that
// parses, `plugins sample --pipeline`, and `new-plugin` refusing a name that
// is already installed.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace sluice::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

CommandResult sluice(const std::string& args,
                     const std::filesystem::path& cwd = std::filesystem::temp_directory_path()) {
  return run_command("SLUICE_PLUGIN_DIR= " + sluice_command(args), cwd);
}

Poco::Dynamic::Var parse_json(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text);
}

TEST(CliConventions, VersionNamesTheBuild) {
  for (const char* flag : {"--version", "version"}) {
    const auto r = sluice(flag);
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_THAT(r.out, StartsWith("sluice 0."));
    EXPECT_THAT(r.out, HasSubstr("sdk abi     1."));
    EXPECT_THAT(r.out, HasSubstr("build type  "));
    EXPECT_THAT(r.out, HasSubstr("git         "));
    EXPECT_THAT(r.out, HasSubstr("toolchain   gcc;libstdc++"));
  }
}

TEST(CliConventions, MisspeltVerbGetsASuggestion) {
  const auto r = sluice("rn config.toml");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown verb 'rn'; did you mean 'run'?"));
  EXPECT_THAT(sluice("valdate x").err, HasSubstr("did you mean 'validate'?"));
}

TEST(CliConventions, MisspeltFlagGetsASuggestion) {
  const auto r = sluice("run x.toml --pipline seeds");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown option --pipline; did you mean --pipeline?"));
  EXPECT_THAT(sluice("plugins --verbos").err, HasSubstr("did you mean --verbose?"));
}

TEST(CliConventions, PluginsListAsJsonParses) {
  const auto r = sluice("plugins --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto list = parse_json(r.out).extract<Poco::JSON::Array::Ptr>();
  ASSERT_GT(list->size(), 10u);
  bool files = false;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto p = list->getObject(static_cast<unsigned>(i));
    EXPECT_TRUE(p->has("kind") && p->has("version") && p->has("description") && p->has("path"));
    // A plugin from a file is pinned by its digest; built-ins (push, pull) have no file.
    EXPECT_EQ(p->has("sha256"), !p->getValue<std::string>("path").empty())
        << p->getValue<std::string>("name");
    if (p->getValue<std::string>("name") == "files") files = p->getValue<std::string>("kind") == "source";
  }
  EXPECT_TRUE(files) << r.out;
  EXPECT_EQ(sluice("plugins --format yaml").status, 2);
}

TEST(CliConventions, DeadLettersAsJsonParse) {
  TempDir dir;
  write_file(dir / "in" / "a.txt", "A title\n\nA body the script refuses.\n");
  write_file(dir / "in" / "b.txt", "Another title\n\nAnother body.\n");
  write_file(
      dir / "p.toml",
      "[host]\nstate = \"state.db\"\n[pipeline.p]\n[[pipeline.p.source]]\nplugin = \"files\"\n"
      "path = \"in\"\n[[pipeline.p.parser]]\nplugin = \"plain_text\"\n[[pipeline.p.enrich]]\n"
      "plugin = \"lua\"\nname = \"picky\"\nsource = \"function process(a) if a.title:find('A title') "
      "then error('no thanks') end end\"\n[[pipeline.p.sink]]\nplugin = \"jsonl\"\npath = \"o.jsonl\"\n");
  ASSERT_EQ(sluice("run p.toml", dir.path()).status, 1);

  const auto list = sluice("dlq list --config p.toml --format json", dir.path());
  ASSERT_EQ(list.status, 0) << list.err;
  const auto entries = parse_json(list.out).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(entries->size(), 1u) << list.out;
  const auto e = entries->getObject(0);
  EXPECT_EQ(e->getValue<std::string>("pipeline"), "p");
  EXPECT_EQ(e->getValue<std::string>("stage"), "picky");
  EXPECT_EQ(e->getValue<int>("count"), 1);
  EXPECT_THAT(e->getValue<std::string>("error"), HasSubstr("no thanks"));
  EXPECT_FALSE(e->has("input")) << "list leaves the stored input out";

  const auto id = std::to_string(e->getValue<std::int64_t>("id"));
  const auto show = sluice("dlq show " + id + " --config p.toml --format json", dir.path());
  ASSERT_EQ(show.status, 0) << show.err;
  const auto one = parse_json(show.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(one->getValue<std::string>("stage"), "picky");
  EXPECT_THAT(one->getValue<std::string>("input"), HasSubstr("a.txt"));
  EXPECT_EQ(sluice("dlq list --config p.toml --format yml", dir.path()).status, 2);
}

TEST(CliConventions, ValidateAsJsonCarriesPositionAndSuggestion) {
  TempDir dir;
  write_file(dir / "typo.toml",
             "[pipeline.p]\n[[pipeline.p.source]]\nplugin = \"files\"\npth = \"in\"\n"
             "[[pipeline.p.parser]]\nplugin = \"seed_text\"\n[[pipeline.p.sink]]\nplugin = \"jsonl\"\npath = "
             "\"o.jsonl\"\n");
  const auto r = sluice("validate typo.toml --format json", dir.path());
  EXPECT_EQ(r.status, 2) << r.err;
  const auto doc = parse_json(r.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_FALSE(doc->getValue<bool>("valid"));
  // Two errors: the misspelt key, and so the required `path` is missing.
  const auto errors = doc->getArray("errors");
  ASSERT_EQ(errors->size(), 2u) << r.out;
  EXPECT_EQ(errors->getObject(0)->getValue<int>("line"), 2);
  EXPECT_THAT(errors->getObject(0)->getValue<std::string>("message"),
              HasSubstr("missing required option 'path'"));
  const auto e = errors->getObject(1);
  EXPECT_EQ(e->getValue<std::string>("file"), "typo.toml");
  EXPECT_EQ(e->getValue<int>("line"), 4);
  EXPECT_EQ(e->getValue<int>("column"), 1);
  EXPECT_THAT(e->getValue<std::string>("message"), HasSubstr("unknown key 'pth'"));
  EXPECT_EQ(e->getValue<std::string>("suggestion"), "path");

  write_file(dir / "typo.toml",
             "[pipeline.p]\n[[pipeline.p.source]]\nplugin = \"files\"\npath = \"in\"\n"
             "[[pipeline.p.parser]]\nplugin = \"seed_text\"\n[[pipeline.p.sink]]\nplugin = \"jsonl\"\npath = "
             "\"o.jsonl\"\n");
  const auto ok = sluice("validate typo.toml --format json", dir.path());
  EXPECT_EQ(ok.status, 0) << ok.err;
  const auto valid = parse_json(ok.out).extract<Poco::JSON::Object::Ptr>();
  EXPECT_TRUE(valid->getValue<bool>("valid"));
  EXPECT_EQ(valid->getValue<int>("stages"), 3);
}

TEST(CliConventions, SampleIsWrittenForTheNamedPipeline) {
  const auto r = sluice("plugins sample jsonl --pipeline news");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("[[pipeline.news.sink]]"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("pipeline.example")));
}

TEST(CliConventions, NewPluginRefusesAnInstalledName) {
  TempDir dir;
  const auto r = sluice("new-plugin enricher dates", dir.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("a plugin named 'dates' is already installed (enricher"));
  EXPECT_FALSE(std::filesystem::exists(dir / "dates"));
}

TEST(CliConventions, NewPluginPrintsACheckCommandThatFindsTheSample) {
  TempDir dir;
  const auto r = sluice("new-plugin enricher my_tagger", dir.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out,
              HasSubstr("sluice plugins check my_tagger/build/my_tagger.so --sample my_tagger/sample.toml"));
}

}  // namespace
}  // namespace sluice::testing
