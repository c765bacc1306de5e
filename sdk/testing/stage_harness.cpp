#include "sluice/sdk/testing/stage_harness.hpp"

#include <exception>
#include <stdexcept>

#include "plugin_under_test.hpp"

namespace sluice::sdk::testing {
namespace {

// The message of whatever a stage threw, worded as the host words it.
std::string current_failure() {
  try {
    throw;
  } catch (const std::exception& e) {
    return *e.what() ? e.what() : "exception with an empty message";
  } catch (...) {
    return "non-standard exception";
  }
}

class Collect : public ParseOutput {
 public:
  explicit Collect(ParseResult& result) : result_(result) {}
  void article(Article&& a) override { result_.articles.push_back(std::move(a)); }
  void error(std::string message) override { result_.errors.push_back(std::move(message)); }

 private:
  ParseResult& result_;
};

}  // namespace

struct StageHarness::Impl {
  // `from` is a plugin file or an in-process descriptor.
  template <class From>
  Impl(const From& from, StageSetup s) : plugin(from), setup(std::move(s)) {
    Map values = setup.options;
    if (!setup.sample.empty()) {
      // The sample's values, already converted, convert to themselves again;
      // going through options_from() once more applies the overrides.
      const Options sample = plugin.options_from_sample(setup.sample);
      for (const auto& [key, value] : sample.all()) values.try_emplace(key, value);
    }
    init.pipeline = setup.pipeline;
    init.name = setup.name.empty() ? plugin.info().name() : setup.name;
    init.options = plugin.options_from(values);
    init.state = &state;
    init.log = setup.log ? setup.log : &log;
    init.base_dir = setup.base_dir;
    create();
  }

  void create() { stage = plugin.registry().create(plugin.info(), init); }

  template <class Interface>
  Interface& as(std::uint32_t kind) {
    const auto& d = *plugin.info().descriptor;
    if (d.kind != kind)
      throw std::logic_error(std::string("plugin ") + d.name + " is a " + host::kind_name(d.kind) +
                             ", not a " + host::kind_name(kind));
    // The kind checked above says which interface the factory's Stage* is.
    return static_cast<Interface&>(*stage);
  }

  detail::PluginUnderTest plugin;
  StageSetup setup;
  RecordingLog log;
  MemoryState state;
  StageInit init;
  std::shared_ptr<Stage> stage;
};

StageHarness::StageHarness(const std::filesystem::path& plugin_file, StageSetup setup)
    : impl_(std::make_unique<Impl>(plugin_file, std::move(setup))) {}

StageHarness::StageHarness(const sluice_plugin_descriptor* plugin, StageSetup setup)
    : impl_(std::make_unique<Impl>(plugin, std::move(setup))) {}

StageHarness::~StageHarness() = default;
StageHarness::StageHarness(StageHarness&&) noexcept = default;
StageHarness& StageHarness::operator=(StageHarness&&) noexcept = default;

const sluice_plugin_descriptor& StageHarness::descriptor() const { return *impl_->plugin.info().descriptor; }
const Options& StageHarness::options() const { return impl_->init.options; }
Stage& StageHarness::stage() { return *impl_->stage; }
RecordingLog& StageHarness::log() { return impl_->log; }
MemoryState& StageHarness::state() { return impl_->state; }

void StageHarness::restart() {
  impl_->stage.reset();  // destroyed before its successor exists, as between two runs
  impl_->create();
}

ParseResult StageHarness::run_parser(const RawDocument& doc) {
  auto& parser = impl_->as<Parser>(SLUICE_KIND_PARSER);
  ParseResult result;
  Collect collect(result);
  try {
    parser.parse(doc, collect);
  } catch (...) {
    result.failure = current_failure();
    result.articles.clear();
  }
  return result;
}

ParseResult StageHarness::run_parser(std::string bytes, std::string key, std::string content_type) {
  return run_parser(make_document(std::move(bytes), std::move(key), std::move(content_type)));
}

EnrichResult StageHarness::run_enricher(Article article) {
  auto& enricher = impl_->as<Enricher>(SLUICE_KIND_ENRICHER);
  EnrichResult result{std::move(article), {}};
  try {
    enricher.enrich(result.article);
  } catch (...) {
    result.failure = current_failure();
  }
  return result;
}

SourceResult StageHarness::run_source(std::size_t limit) {
  auto& source = impl_->as<Source>(SLUICE_KIND_SOURCE);
  SourceResult result;
  try {
    while (result.documents.size() < limit) {
      RawDocument doc;
      if (!source.next(doc)) break;
      result.documents.push_back(std::move(doc));
    }
  } catch (...) {
    result.failure = current_failure();
  }
  return result;
}

CallResult StageHarness::acknowledge(std::string_view cursor) {
  auto& source = impl_->as<Source>(SLUICE_KIND_SOURCE);
  CallResult result;
  try {
    source.acknowledge(cursor);
  } catch (...) {
    result.failure = current_failure();
  }
  return result;
}

CallResult StageHarness::run_sink(std::span<const Article> batch) {
  auto& sink = impl_->as<Sink>(SLUICE_KIND_SINK);
  CallResult result;
  try {
    sink.write(batch);
  } catch (...) {
    result.failure = current_failure();
  }
  return result;
}

CallResult StageHarness::close_sink() {
  auto& sink = impl_->as<Sink>(SLUICE_KIND_SINK);
  CallResult result;
  try {
    sink.close();
  } catch (...) {
    result.failure = current_failure();
  }
  return result;
}

}  // namespace sluice::sdk::testing
