#include "plugin_under_test.hpp"

#include <toml++/toml.h>

#include <stdexcept>

#include "sluice/host/config.hpp"
#include "sluice/sdk/testing/options.hpp"
#include "stub_plugins.hpp"
#include "toml_text.hpp"

namespace sluice::sdk::testing::detail {
namespace {

constexpr const char* kPipeline = "harness";

// The config array each kind is written in: [[pipeline.P.<key>]].
const char* section_key(std::uint32_t kind) {
  switch (kind) {
    case SLUICE_KIND_SOURCE: return "source";
    case SLUICE_KIND_PARSER: return "parser";
    case SLUICE_KIND_ENRICHER: return "enrich";
    default: return "sink";
  }
}

struct RequiredSection {
  std::uint32_t kind;
  const char* stub;
};
// The sections a pipeline must have; enrichers are optional.
const RequiredSection kRequired[] = {
    {SLUICE_KIND_SOURCE, kStubSource}, {SLUICE_KIND_PARSER, kStubParser}, {SLUICE_KIND_SINK, kStubSink}};

std::string stage_header(const std::string& pipeline, std::uint32_t kind) {
  return "[[pipeline." + toml_string(pipeline) + "." + section_key(kind) + "]]\n";
}

std::string stub_block(const std::string& pipeline, const RequiredSection& s) {
  return stage_header(pipeline, s.kind) + "plugin = " + toml_string(s.stub) + "\n";
}

const host::StageConfig* find_stage(const host::Config& config, const host::PluginInfo& plugin) {
  for (const auto& p : config.pipelines)
    for (const auto* list : {&p.sources, &p.parsers, &p.enrichers, &p.sinks})
      for (const auto& s : *list)
        if (s.plugin == &plugin) return &s;
  return nullptr;
}

}  // namespace

PluginUnderTest::PluginUnderTest(const sluice_plugin_descriptor* plugin) {
  registry_.register_builtin(plugin);  // throws "refused in-process plugin: <reason>"
  info_ = registry_.find(plugin->name);
  register_stubs();
}

PluginUnderTest::PluginUnderTest(const std::filesystem::path& plugin_file) {
  if (auto refusal = registry_.load_file(plugin_file)) throw std::runtime_error(refusal->message());
  info_ = registry_.all().front();
  register_stubs();
}

void PluginUnderTest::register_stubs() {
  for (const auto* stub : {stub_source(), stub_parser(), stub_sink()}) registry_.register_builtin(stub);
}

Options PluginUnderTest::options_from(const Map& values) const {
  std::string lines;
  for (const auto& [key, value] : values) lines += toml_string(key) + " = " + toml_literal(value, key) + "\n";
  Options options = options_from_toml(lines);
  // The host takes the keys it reads itself (`name`, `timeout` ...) out of
  // the block, so such a key never reaches the options.
  std::vector<std::string> problems;
  for (const auto& [key, value] : values)
    if (!options.has(key))
      problems.push_back("'" + key + "' is a key the host reads in every stage block, not an option of " +
                         info_->name());
  if (!problems.empty()) throw OptionsError(std::move(problems));
  return options;
}

Options PluginUnderTest::options_from_toml(const std::string& lines) const {
  const auto kind = info_->kind();
  std::string text = "[pipeline." + toml_string(kPipeline) + "]\n";
  text += stage_header(kPipeline, kind) + "plugin = " + toml_string(info_->name()) + "\n" + lines;
  for (const auto& section : kRequired)
    if (section.kind != kind) text += stub_block(kPipeline, section);
  try {
    const auto config = host::load_config(text, "<options>", registry_);
    return find_stage(config, *info_)->options;
  } catch (const host::ConfigErrors& e) {
    // Positions point into text the caller never saw; the wording is enough.
    std::vector<std::string> problems;
    for (const auto& error : e.errors()) problems.push_back(error.detail());
    throw OptionsError(std::move(problems));
  }
}

Options PluginUnderTest::options_from_sample(const std::filesystem::path& sample_toml) const {
  std::string text;
  try {
    text = host::read_text_file(sample_toml);
  } catch (const host::ConfigError& e) {
    throw OptionsError({e.what()});
  }
  // Complete each pipeline with stand-ins for the sections it lacks. Appended
  // at the end, so positions in errors still match the file. A file that is
  // not valid TOML is left for load_config to report with its position.
  try {
    const auto root = toml::parse(std::string_view(text), sample_toml.string());
    if (const auto* pipelines = root["pipeline"].as_table()) {
      for (const auto& [name, pipeline] : *pipelines) {
        const auto* table = pipeline.as_table();
        if (!table) continue;
        for (const auto& section : kRequired) {
          if (table->contains(section_key(section.kind))) continue;
          text += '\n';
          text += stub_block(std::string(name.str()), section);
        }
      }
    }
  } catch (const toml::parse_error&) {
  }
  try {
    const auto config = host::load_config(text, sample_toml.string(), registry_);
    if (const auto* stage = find_stage(config, *info_)) return stage->options;
    throw OptionsError({sample_toml.string() + ": error: no stage uses plugin '" + info_->name() + "'"});
  } catch (const host::ConfigErrors& e) {
    std::vector<std::string> problems;
    for (const auto& error : e.errors()) problems.emplace_back(error.what());
    throw OptionsError(std::move(problems));
  }
}

}  // namespace sluice::sdk::testing::detail
