// Options a config leaves out arrive with their declared defaults, converted
// the same way as written values (durations in ms, sizes in bytes).
#include <thread>

#include "config_fixture.hpp"

namespace sluice::config_test {
namespace {

TEST_F(ConfigTest, DefaultsAreAppliedAndConverted) {
  const auto c = load(with_source("path = \"in\"\n"));
  const auto& o = c.pipelines.at(0).sources.at(0).options;
  EXPECT_EQ(o.integer("attempts"), 3);
  EXPECT_DOUBLE_EQ(o.number("ratio"), 0.25);
  EXPECT_FALSE(o.boolean("verbose"));
  EXPECT_EQ(o.integer("timeout"), 5000);  // "5s"
  EXPECT_EQ(o.integer("buffer"), 65536);  // "64KiB"
  EXPECT_EQ(o.strings("include"), std::vector<std::string>{"*.txt"});
  EXPECT_EQ(o.value("headers"), sdk::Value(sdk::Map{{"accept", sdk::Value("text/html")}}));
  // No default and not written: absent, so the plugin can tell.
  EXPECT_FALSE(o.has("since"));
  EXPECT_EQ(o.all().size(), 8u);
}

TEST_F(ConfigTest, WrittenValueReplacesTheDefault) {
  const auto c = load(with_source("path = \"in\"\ntimeout = \"250ms\"\n"));
  EXPECT_EQ(c.pipelines.at(0).sources.at(0).options.integer("timeout"), 250);
}

TEST_F(ConfigTest, DefaultsOfOtherKindsAndOptionlessPlugins) {
  const auto c = load(with_source("path = \"in\"\n") + "\n[[pipeline.p.enrich]]\nplugin = \"tagger\"\n");
  const auto& p = c.pipelines.at(0);
  EXPECT_EQ(p.parsers.at(0).options.string("encoding"), "utf-8");
  EXPECT_TRUE(p.enrichers.at(0).options.all().empty());
  EXPECT_EQ(p.sinks.at(0).options.integer("flush_every"), 1000);
}

TEST_F(ConfigTest, PipelineDefaults) {
  const auto c = load(std::string(kSource) + kParser + kSink);
  ASSERT_EQ(c.pipelines.size(), 1u);
  const auto& p = c.pipelines[0];
  EXPECT_EQ(p.name, "p");
  EXPECT_EQ(p.schedule, "once");
  // workers = 0 (the default) means one per core.
  EXPECT_EQ(p.workers, std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(p.queue_capacity, 256u);
  EXPECT_EQ(p.batch_size, 256u);
  EXPECT_EQ(p.batch_timeout_ms, 100);
  EXPECT_EQ(c.file, "pipeline.toml");
  EXPECT_TRUE(c.host.plugin_dirs.empty());
  EXPECT_TRUE(c.host.state.empty());
}

TEST_F(ConfigTest, ExplicitPipelineSettings) {
  const auto c = load(std::string("[host]\nplugin_dirs = [\"a\", \"b\"]\nstate = \"var/s.db\"\n\n") +
                      "[pipeline.p]\nschedule = \"every 15m\"\nworkers = 2\nqueue_capacity = 1\n"
                      "batch_size = 1\n" +
                      kSource + kParser + kSink);
  const auto& p = c.pipelines.at(0);
  EXPECT_EQ(p.schedule, "every 15m");
  EXPECT_EQ(p.workers, 2u);
  EXPECT_EQ(p.queue_capacity, 1u);
  EXPECT_EQ(p.batch_size, 1u);
  EXPECT_EQ(c.host.plugin_dirs, (std::vector<std::filesystem::path>{"a", "b"}));
  EXPECT_EQ(c.host.state, std::filesystem::path("var/s.db"));
}

// The dead-letter store's bounds are host keys like the others: a default
// cap, no default age limit, durations and integers checked with positions.
TEST_F(ConfigTest, DeadLetterLimits) {
  const auto plain = load(std::string(kSource) + kParser + kSink);
  EXPECT_EQ(plain.host.dead_letter_max_entries, 100'000);
  EXPECT_EQ(plain.host.dead_letter_max_age_ms, 0);
  const auto set =
      load(std::string("[host]\ndead_letter_max_age = \"30d\"\ndead_letter_max_entries = 500\n\n") + kSource +
           kParser + kSink);
  EXPECT_EQ(set.host.dead_letter_max_age_ms, 30LL * 86'400'000);
  EXPECT_EQ(set.host.dead_letter_max_entries, 500);
  EXPECT_EQ(error(std::string("[host]\ndead_letter_max_age = \"soon\"\n\n") + kSource + kParser + kSink)
                .rfind("pipeline.toml:2:23: error: ", 0),
            0u);
  EXPECT_EQ(error(std::string("[host]\ndead_letter_max_entries = -1\n\n") + kSource + kParser + kSink),
            "pipeline.toml:2:27: error: dead_letter_max_entries must be at least 0");
}

TEST_F(ConfigTest, EnrichersKeepTheOrderWritten) {
  const auto c = load(std::string(kSource) + kParser + kSink +
                      "\n[[pipeline.p.enrich]]\nplugin = \"tagger\"\nname = \"second\"\n"
                      "\n[[pipeline.p.enrich]]\nplugin = \"tagger\"\nname = \"first\"\n");
  const auto& e = c.pipelines.at(0).enrichers;
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].name, "second");
  EXPECT_EQ(e[1].name, "first");
}

TEST_F(ConfigTest, SeveralPipelinesAreLoadedAndFoundByName) {
  std::string text;
  for (const char* name : {"zeta", "alpha"}) {
    const std::string n = name;
    text += "[[pipeline." + n + ".source]]\nplugin = \"feed\"\npath = \"" + n + "\"\n";
    text += "[[pipeline." + n + ".parser]]\nplugin = \"text\"\n";
    text += "[[pipeline." + n + ".sink]]\nplugin = \"out\"\npath = \"o\"\nflush_every = 1\n";
  }
  const auto c = load(text);
  EXPECT_EQ(c.pipelines.size(), 2u);
  ASSERT_NE(c.pipeline("zeta"), nullptr);
  ASSERT_NE(c.pipeline("alpha"), nullptr);
  EXPECT_EQ(c.pipeline("zeta")->sources.at(0).options.string("path"), "zeta");
  EXPECT_EQ(c.pipeline("alpha")->sources.at(0).options.string("path"), "alpha");
  EXPECT_EQ(c.pipeline("beta"), nullptr);
}

}  // namespace
}  // namespace sluice::config_test
