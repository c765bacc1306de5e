// The new-plugin scaffold's rendering rules. Whether the result builds,
// passes its tests and runs in a pipeline is author_workflow_test.sh's job.
#include "scaffold.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "sluice/host/plugin_registry.hpp"
#include "test_support.hpp"

namespace {

using sluice::scaffold::check_name;
using sluice::scaffold::File;
using sluice::scaffold::parse_kind;
using sluice::scaffold::render_project;
using ::testing::HasSubstr;
using ::testing::Not;

std::map<std::string, std::string> rendered(std::uint32_t kind, const std::string& name) {
  std::map<std::string, std::string> out;
  for (const auto& f : render_project(kind, name)) out[f.path.string()] = f.text;
  return out;
}

TEST(ScaffoldNames, AcceptsPluginIdentifiers) {
  for (const char* ok : {"a", "word_count", "geo2", "x_1_y"}) EXPECT_EQ(check_name(ok), std::nullopt) << ok;
}

TEST(ScaffoldNames, RefusesWithAReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "empty"},
      {"Words", "must start with a lowercase letter"},
      {"2fast", "must start with a lowercase letter"},
      {"_x", "must start with a lowercase letter"},
      {"has-dash", "may hold only lowercase letters, digits and '_'"},
      {"has space", "may hold only lowercase letters, digits and '_'"},
      {"a__b", "contains \"__\""},
      {"class", "C++ keyword"},
      {"std", "namespace the generated code uses"},
      {"sdk", "namespace the generated code uses"},
  };
  for (const auto& [name, why] : cases) {
    const auto reason = check_name(name);
    ASSERT_TRUE(reason.has_value()) << name;
    EXPECT_THAT(*reason, HasSubstr(why)) << name;
  }
  EXPECT_TRUE(check_name(std::string(65, 'a')).has_value());
}

TEST(ScaffoldKinds, AreTheFourStageKinds) {
  EXPECT_EQ(parse_kind("source"), SLUICE_KIND_SOURCE);
  EXPECT_EQ(parse_kind("parser"), SLUICE_KIND_PARSER);
  EXPECT_EQ(parse_kind("enricher"), SLUICE_KIND_ENRICHER);
  EXPECT_EQ(parse_kind("sink"), SLUICE_KIND_SINK);
  EXPECT_EQ(parse_kind("enrich"), std::nullopt);
  EXPECT_THROW(render_project(9, "x"), std::invalid_argument);
  EXPECT_THROW(render_project(SLUICE_KIND_SINK, "Bad"), std::invalid_argument);
}

TEST(ScaffoldProject, HasEveryFileForEveryKind) {
  for (std::uint32_t kind = SLUICE_KIND_SOURCE; kind <= SLUICE_KIND_SINK; ++kind) {
    const auto files = rendered(kind, "demo");
    std::vector<std::string> paths;
    for (const auto& [path, text] : files) {
      paths.push_back(path);
      EXPECT_FALSE(text.empty()) << path;
    }
    EXPECT_THAT(paths, ::testing::UnorderedElementsAre("CMakeLists.txt", "README.md", "sample.toml",
                                                       ".gitignore", "src/plugin.cpp", "src/demo.hpp",
                                                       "src/demo.cpp", "tests/demo_test.cpp"))
        << sluice::host::kind_name(kind);
  }
}

TEST(ScaffoldProject, NamesFlowIntoEveryFile) {
  const auto files = rendered(SLUICE_KIND_ENRICHER, "word_count");
  EXPECT_THAT(files.at("CMakeLists.txt"), HasSubstr("sluice_add_plugin(word_count KIND enricher SOURCES"));
  EXPECT_THAT(files.at("CMakeLists.txt"), HasSubstr("find_package(SluiceSDK 0.1 REQUIRED)"));
  EXPECT_THAT(files.at("src/word_count.hpp"), HasSubstr("class WordCountEnricher : public sdk::Enricher"));
  EXPECT_THAT(
      files.at("src/plugin.cpp"),
      HasSubstr("SLUICE_PLUGIN(word_count, sluice::plugins::word_count::WordCountEnricher, \"word_count\""));
  EXPECT_THAT(files.at("src/plugin.cpp"), HasSubstr("SLUICE_PLUGIN_FLAG_THREAD_SAFE"));
  EXPECT_THAT(files.at("tests/word_count_test.cpp"), HasSubstr("TEST(WordCountEnricher, "));
  // A name that already says its kind does not say it twice.
  EXPECT_THAT(rendered(SLUICE_KIND_SINK, "archive_sink").at("src/archive_sink.hpp"),
              HasSubstr("class ArchiveSink "));
  for (const auto& [path, text] : files) EXPECT_THAT(text, Not(HasSubstr("@"))) << path;
}

TEST(ScaffoldProject, OptionTableSampleAndReadmeAgree) {
  const auto files = rendered(SLUICE_KIND_SINK, "archive");
  EXPECT_THAT(files.at("src/plugin.cpp"), HasSubstr("{.name = \"path\",\n     .type = SLUICE_OPT_STRING,\n"
                                                    "     .required = 1,\n     .default_toml = nullptr,"));
  EXPECT_THAT(files.at("src/plugin.cpp"), HasSubstr(".example_toml = \"\\\"out/archive.jsonl\\\"\"},"));
  EXPECT_THAT(files.at("sample.toml"), HasSubstr("[[pipeline.example.sink]]\nplugin = \"archive\"\n"
                                                 "path = \"out/archive.jsonl\"  # Output file."));
  EXPECT_THAT(files.at("README.md"),
              HasSubstr("## Options\n\n| name | type | default | required | description |\n"
                        "|------|------|---------|----------|-------------|\n"
                        "| `path` | string |  | yes | Output file."));
  // Long descriptions are split into literals that fit the column limit.
  std::istringstream lines(files.at("src/plugin.cpp"));
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 110u) << line;
}

TEST(ScaffoldWrite, CreatesDirectoriesAndRefusesNonEmptyOnes) {
  sluice::testing::TempDir dir;
  const std::vector<File> files = {{"a.txt", "A"}, {"sub/b.txt", "B"}};
  sluice::scaffold::write_project(dir / "new/project", files);
  EXPECT_EQ(sluice::testing::read_file(dir / "new/project/sub/b.txt"), "B");
  // An existing empty directory is fine; a non-empty one is left alone.
  std::filesystem::create_directories(dir / "empty");
  sluice::scaffold::write_project(dir / "empty", files);
  EXPECT_THROW(sluice::scaffold::write_project(dir / "new/project", {{"a.txt", "changed"}}),
               std::runtime_error);
  EXPECT_EQ(sluice::testing::read_file(dir / "new/project/a.txt"), "A");
  sluice::testing::write_file(dir / "file", "x");
  EXPECT_THROW(sluice::scaffold::write_project(dir / "file", files), std::runtime_error);
}

}  // namespace
