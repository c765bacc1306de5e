// The stage: options, descriptor, replacing earlier entities, threads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "entities_enricher.hpp"
#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::entities {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::entities {
namespace {

// The host fills in declared defaults before a stage sees its options; a
// stage built directly in a test gets them from here. The test
// `DefaultsMatchDeclaredOptions` keeps this list in step with plugin.cpp.
sdk::Options options_with(sdk::Map overrides) {
  sdk::Map values{
      {"types", sdk::List{"PERSON", "ORG", "LOCATION", "MISC"}},
      {"title", true},
      {"caption", true},
      {"credit", true},
      {"min_mentions", std::int64_t{1}},
      {"languages", sdk::List{"en"}},
      {"gazetteer", ""},
  };
  for (auto& [name, value] : overrides) values[name] = std::move(value);
  return sdk::Options(std::move(values));
}

EntitiesEnricher make(sdk::Map overrides = {}, std::string base_dir = {}) {
  sdk::StageInit init;
  init.pipeline = "test";
  init.name = "entities";
  init.options = options_with(std::move(overrides));
  init.base_dir = std::move(base_dir);
  return EntitiesEnricher(init);
}

sdk::Article article() {
  sdk::Article a;
  a.title = "Shoigu in Pyongyang";
  a.caption = "Kim Jong-un and Sergei Shoigu";
  a.body = {
      "Sergei Shoigu met Kim Jong-un in Pyongyang, KCNA said. Mr Shoigu praised the North Korean army."};
  return a;
}

std::vector<std::string> names(const sdk::Article& a) {
  std::vector<std::string> out;
  for (const auto& e : a.entities) out.push_back(e.name);
  return out;
}

using V = std::vector<std::string>;

TEST(EntitiesEnricher, FillsAndReplacesEntities) {
  auto e = make();
  auto a = article();
  a.entities.push_back(sdk::Entity{"stale", sdk::EntityType::Misc, {}});
  e.enrich(a);
  EXPECT_EQ(names(a), (V{"Sergei Shoigu", "Pyongyang", "Kim Jong-un", "KCNA", "North Korean"}));
  EXPECT_EQ(a.entities[0].mentions.front().paragraph, -1) << "the title comes first";
}

// The rules and the model are English: a German page gets no English
// entities ("Zum Beispiel" once became a PERSON) and says it was skipped.
TEST(EntitiesEnricher, OtherLanguagesAreSkippedAndSaidSo) {
  auto e = make();
  sdk::Article de;
  de.language = "de";
  de.title = "Zum Beispiel";
  de.body = {"Zum Beispiel sagte Olaf Scholz am Montag in Berlin, die Regierung werde handeln."};
  de.entities.push_back(sdk::Entity{"stale", sdk::EntityType::Misc, {}});
  e.enrich(de);
  EXPECT_TRUE(de.entities.empty());
  ASSERT_TRUE(de.fields.as_map().count("entities_skipped"));
  EXPECT_EQ(de.fields.as_map().at("entities_skipped").as_string(), "language de is not in languages");

  // Without the language check the same text does get (wrong) entities,
  // so the test above is not passing for want of names.
  sdk::Article unknown = de;
  unknown.language.clear();
  unknown.fields = sdk::Map{};
  e.enrich(unknown);
  EXPECT_FALSE(unknown.entities.empty());

  auto en = article();
  en.language = "en-GB";
  e.enrich(en);
  EXPECT_EQ(names(en), (V{"Sergei Shoigu", "Pyongyang", "Kim Jong-un", "KCNA", "North Korean"}));
  EXPECT_FALSE(en.fields.as_map().count("entities_skipped"));

  auto listed = make({{"languages", sdk::List{"en", "de"}}});
  listed.enrich(de);
  EXPECT_FALSE(de.entities.empty()) << "de is listed: the (English) model runs";
}

TEST(EntitiesEnricher, TypesFilter) {
  auto e = make({{"types", sdk::List{"PERSON"}}});
  auto a = article();
  e.enrich(a);
  EXPECT_EQ(names(a), (V{"Sergei Shoigu", "Kim Jong-un"}));
}

TEST(EntitiesEnricher, TitleCaptionAndMinMentions) {
  auto e = make({{"title", false}, {"caption", false}, {"min_mentions", std::int64_t{2}}});
  auto a = article();
  e.enrich(a);
  EXPECT_EQ(names(a), (V{"Sergei Shoigu"}));
  for (const auto& m : a.entities[0].mentions) EXPECT_GE(m.paragraph, 0);
}

TEST(EntitiesEnricher, ExtraGazetteerTakesPrecedence) {
  const auto dir = std::filesystem::temp_directory_path() / "sluice_entities_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "names.tsv");
    f << "# in-house names\nKCNA\tORG\tKorean Central News Agency\nZorblat\tLOCATION\n";
  }
  auto e = make({{"gazetteer", "names.tsv"}}, dir.string());
  auto a = article();
  a.body.push_back("They flew to Zorblat.");
  e.enrich(a);
  const V n = names(a);
  EXPECT_NE(std::find(n.begin(), n.end(), "Korean Central News Agency"), n.end());
  EXPECT_EQ(a.entities.back().name, "Zorblat");
  EXPECT_EQ(a.entities.back().type, sdk::EntityType::Location);
}

TEST(EntitiesEnricher, BadOptionsAreStageErrors) {
  EXPECT_THROW(make({{"types", sdk::List{"PEOPLE"}}}), sdk::StageError);
  EXPECT_THROW(make({{"min_mentions", std::int64_t{0}}}), sdk::StageError);
  EXPECT_THROW(make({{"gazetteer", "/nonexistent/names.tsv"}}), sdk::StageError);
  const auto bad = std::filesystem::temp_directory_path() / "sluice_entities_bad.tsv";
  std::ofstream(bad) << "Zorblat\tPLANET\n";
  try {
    make({{"gazetteer", bad.string()}});
    ADD_FAILURE() << "no error";
  } catch (const sdk::StageError& err) {
    EXPECT_NE(std::string(err.what()).find("gazetteer entry 1"), std::string::npos) << err.what();
  }
}

TEST(EntitiesEnricher, OneInstanceServesManyThreads) {
  auto e = make();
  const auto reference = [&] {
    auto a = article();
    e.enrich(a);
    return names(a);
  }();
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        auto a = article();
        e.enrich(a);
        if (names(a) != reference) ++mismatches;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(EntitiesDescriptor, DefaultsMatchDeclaredOptions) {
  const sluice_plugin_descriptor* d = descriptor();
  EXPECT_STREQ(d->name, "entities");
  EXPECT_EQ(d->kind, static_cast<std::uint32_t>(SLUICE_KIND_ENRICHER));
  EXPECT_TRUE(d->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
  const sdk::Options defaults = options_with({});
  for (std::uint32_t i = 0; i < d->option_count; ++i) {
    const auto& o = d->options[i];
    EXPECT_TRUE(o.description != nullptr && *o.description != '\0') << o.name;
    EXPECT_NE(o.example_toml, nullptr) << o.name;
    EXPECT_EQ(o.required != 0, o.default_toml == nullptr) << o.name;
    EXPECT_EQ(defaults.has(o.name), o.required == 0) << o.name;
  }
  EXPECT_EQ(d->option_count, defaults.all().size());
}

}  // namespace
}  // namespace sluice::plugins::entities
