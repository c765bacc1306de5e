// Compiled with SLUICE_PLUGIN_STATIC: registered in-process, not exported.
#include "eval_stages.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sluice/sdk/plugin.hpp"

namespace sluice::plugins::eval_pages {

// Delivers each file of option `paths`, key = the path as given,
// content type text/html.
class PagesSource final : public sdk::Source {
 public:
  explicit PagesSource(const sdk::StageInit& init) : paths_(init.options.strings("paths")) {}

  bool next(sdk::RawDocument& out) override {
    if (next_ >= paths_.size()) return false;
    const std::string& path = paths_[next_++];
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    out = sdk::RawDocument{};
    out.uri = "file://" + path;
    out.key = path;
    out.content_type = "text/html";
    out.bytes = std::move(bytes).str();
    if (!in) out.meta = sdk::Map{{"error", "cannot read " + path}};
    return true;
  }

 private:
  std::vector<std::string> paths_;
  std::size_t next_ = 0;
};

constexpr sluice_option_desc kOptions[] = {
    {.name = "paths",
     .type = SLUICE_OPT_LIST,
     .required = 1,
     .default_toml = nullptr,
     .description = "Files to deliver, in order",
     .example_toml = "[\"page.html\"]"},
};

}  // namespace sluice::plugins::eval_pages

SLUICE_PLUGIN(eval_pages, sluice::plugins::eval_pages::PagesSource, "eval_pages", "1.0.0",
              "html_eval: delivers the pages under evaluation", sluice::plugins::eval_pages::kOptions, 0)

namespace sluice::plugins::eval_discard {

class DiscardSink final : public sdk::Sink {
 public:
  explicit DiscardSink(const sdk::StageInit&) {}
  void write(std::span<const sdk::Article>) override {}
};

}  // namespace sluice::plugins::eval_discard

SLUICE_PLUGIN(eval_discard, sluice::plugins::eval_discard::DiscardSink, "eval_discard", "1.0.0",
              "html_eval: stores nothing", nullptr, SLUICE_PLUGIN_FLAG_THREAD_SAFE)
