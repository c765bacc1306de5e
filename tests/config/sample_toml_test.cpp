// sample_toml: the block `sluice plugins sample NAME` prints must validate
// as written, and again with every optional line uncommented (which checks
// that each declared default is itself a valid value).
#include "config_fixture.hpp"
#include "sluice/host/options_schema.hpp"

namespace sluice::config_test {
namespace {

class SampleTest : public ConfigTest {
 protected:
  std::string sample(const char* plugin, std::string_view pipeline = "p") {
    const auto* info = registry_.find(plugin);
    if (info == nullptr) throw std::logic_error(std::string("no test plugin ") + plugin);
    return host::sample_toml(*info, pipeline);
  }
};

// "# key = value  # description" -> "key = value  # description".
std::string uncomment_options(const std::string& sample) {
  std::string out;
  std::size_t start = 0;
  while (start < sample.size()) {
    auto end = sample.find('\n', start);
    if (end == std::string::npos) end = sample.size();
    std::string line = sample.substr(start, end - start);
    if (line.rfind("# ", 0) == 0) line.erase(0, 2);
    out += line + "\n";
    start = end + 1;
  }
  return out;
}

TEST_F(SampleTest, ExactSampleOfParser) {
  EXPECT_EQ(sample("text", "example"),
            "[[pipeline.example.parser]]\n"
            "plugin = \"text\"\n"
            "# encoding = \"utf-8\"  # Character set of the input\n");
}

TEST_F(SampleTest, RequiredOptionsUseTheExampleOptionalOnesAreCommented) {
  const auto s = sample("feed");
  EXPECT_THAT(s, ::testing::StartsWith("[[pipeline.p.source]]\n"
                                       "plugin = \"feed\"\n"
                                       "path = \"seeds\"  # Directory to read\n"));
  EXPECT_NE(s.find("\n# attempts = 3  # Attempts per document\n"), std::string::npos) << s;
  EXPECT_NE(s.find("\n# timeout = \"5s\"  # Per-request timeout\n"), std::string::npos) << s;
  // No default: a type-correct placeholder.
  EXPECT_NE(s.find("\n# since = \"\"  # Only documents newer than this date\n"), std::string::npos)
      << s;
}

TEST_F(SampleTest, RequiredOptionWithoutExampleGetsAPlaceholder) {
  EXPECT_NE(sample("out").find("\nflush_every = \"1s\"  # How often to flush\n"),
            std::string::npos);
}

TEST_F(SampleTest, EachSampleValidatesInAPipeline) {
  // The sample's own stage plus minimal stages of the other required kinds.
  const std::pair<const char*, std::string> cases[] = {
      {"feed", std::string(kParser) + kSink},
      {"text", std::string(kSource) + kSink},
      {"tagger", std::string(kSource) + kParser + kSink},
      {"out", std::string(kSource) + kParser},
  };
  for (const auto& [plugin, others] : cases) {
    const std::string text = sample(plugin) + others;
    try {
      const auto c = load(text);
      EXPECT_EQ(c.pipelines.size(), 1u) << plugin;
    } catch (const host::ConfigErrors& e) {
      ADD_FAILURE() << "sample of " << plugin << " does not validate:\n"
                    << e.what() << "\n---\n"
                    << text;
    }
  }
}

TEST_F(SampleTest, SamplesRoundTripThroughTheLoader) {
  // All four samples together form a complete pipeline.
  const auto c = load(sample("feed") + sample("text") + sample("tagger") + sample("out"));
  const auto& p = c.pipelines.at(0);
  ASSERT_EQ(p.sources.size(), 1u);
  ASSERT_EQ(p.enrichers.size(), 1u);
  EXPECT_EQ(p.sources[0].options.string("path"), "seeds");
  EXPECT_EQ(p.sinks.at(0).options.string("path"), "out/articles.jsonl");
  EXPECT_EQ(p.sinks.at(0).options.integer("flush_every"), 1000);
}

TEST_F(SampleTest, UncommentedSamplesValidateAndMatchTheDefaults) {
  const std::string commented = sample("feed") + sample("text") + sample("tagger") + sample("out");
  const auto as_defaults = load(commented);
  host::Config written;
  try {
    written = load(uncomment_options(commented));
  } catch (const host::ConfigErrors& e) {
    FAIL() << e.what() << "\n---\n" << uncomment_options(commented);
  }
  // Writing the defaults out changes nothing, except that `since` (no
  // default) now holds its placeholder.
  auto feed = written.pipelines.at(0).sources.at(0).options.all();
  EXPECT_EQ(feed.at("since"), sdk::Value(""));
  feed.erase("since");
  EXPECT_EQ(feed, as_defaults.pipelines.at(0).sources.at(0).options.all());
  EXPECT_EQ(written.pipelines.at(0).parsers.at(0).options.all(),
            as_defaults.pipelines.at(0).parsers.at(0).options.all());
}

}  // namespace
}  // namespace sluice::config_test
