// The stage: options, descriptor, replacing earlier quotes.
#include <gtest/gtest.h>

#include "quotes_enricher.hpp"
#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::quotes {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::quotes {
namespace {

// Declared defaults, as the host fills them in (kept in step with
// plugin.cpp by DefaultsMatchDeclaredOptions).
sdk::Options options_with(sdk::Map overrides) {
  sdk::Map values{{"scare_max_words", std::int64_t{3}}, {"scare_quotes", true}};
  for (auto& [name, value] : overrides) values[name] = std::move(value);
  return sdk::Options(std::move(values));
}

QuotesEnricher make(sdk::Map overrides = {}) {
  sdk::StageInit init;
  init.name = "quotes";
  init.options = options_with(std::move(overrides));
  return QuotesEnricher(init);
}

TEST(QuotesEnricher, FillsAndReplacesQuotes) {
  auto e = make();
  sdk::Article a;
  a.body = {"“We are ready,” said Maria Lopez."};
  a.quotes.push_back(sdk::Quote{"stale", "", 0, false});
  e.enrich(a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text, "We are ready");
  EXPECT_EQ(a.quotes[0].speaker, "Maria Lopez");
  EXPECT_FALSE(a.quotes[0].scare);
}

TEST(QuotesEnricher, BadOptionsAreStageErrors) {
  EXPECT_THROW(make({{"scare_max_words", std::int64_t{-1}}}), sdk::StageError);
  EXPECT_THROW(make({{"scare_max_words", std::int64_t{51}}}), sdk::StageError);
}

TEST(QuotesDescriptor, DefaultsMatchDeclaredOptions) {
  const sluice_plugin_descriptor* d = descriptor();
  EXPECT_STREQ(d->name, "quotes");
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
}  // namespace sluice::plugins::quotes
