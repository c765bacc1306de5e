// An enricher compiled into the embedding program itself: no .so, same SDK.
#include <sstream>

#include "sluice/sdk/sdk.hpp"

namespace sluice::plugins::word_count {

class WordCount : public sdk::Enricher {
 public:
  explicit WordCount(const sdk::StageInit& init) : field_(init.options.string("field")) {}
  void enrich(sdk::Article& a) override {
    std::int64_t words = 0;
    for (const auto& p : a.body) {
      std::istringstream in(p);
      for (std::string w; in >> w;) ++words;
    }
    a.fields[field_] = words;
  }

 private:
  std::string field_;
};

constexpr sluice_option_desc kOptions[] = {
    {.name = "field",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"word_count\"",
     .description = "field of Article::fields that receives the count",
     .example_toml = "\"words\""},
};

}  // namespace sluice::plugins::word_count

SLUICE_PLUGIN(word_count, sluice::plugins::word_count::WordCount, "word_count", "1.0.0",
              "Counts the words of the body (in-process example)", sluice::plugins::word_count::kOptions, 0)
