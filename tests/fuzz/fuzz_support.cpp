#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "sluice/host/config.hpp"
#include "sluice/sdk/utf8.hpp"

// Each plugin.cpp compiled into this library defines one of these.
#define SLUICE_FUZZ_DESCRIPTOR(ident)           \
  namespace sluice::plugins::ident {            \
  const sluice_plugin_descriptor* descriptor(); \
  }
#ifdef SLUICE_FUZZ_HAS_SEED_TEXT
SLUICE_FUZZ_DESCRIPTOR(seed_text)
#endif
#ifdef SLUICE_FUZZ_HAS_PLAIN_TEXT
SLUICE_FUZZ_DESCRIPTOR(plain_text)
#endif
#ifdef SLUICE_FUZZ_HAS_JSON
SLUICE_FUZZ_DESCRIPTOR(json)
#endif
#ifdef SLUICE_FUZZ_HAS_FEED
SLUICE_FUZZ_DESCRIPTOR(feed)
#endif
#ifdef SLUICE_FUZZ_HAS_HTML
SLUICE_FUZZ_DESCRIPTOR(html)
#endif
#ifdef SLUICE_FUZZ_HAS_FILES
SLUICE_FUZZ_DESCRIPTOR(files)
#endif
#ifdef SLUICE_FUZZ_HAS_JSONL
SLUICE_FUZZ_DESCRIPTOR(jsonl)
#endif

namespace sluice::fuzz {
namespace {

[[noreturn]] void finding(const std::string& what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what.c_str());
  std::abort();
}

host::PluginRegistry& build_registry() {
  static host::PluginRegistry r;
#ifdef SLUICE_FUZZ_HAS_SEED_TEXT
  r.register_builtin(plugins::seed_text::descriptor());
#endif
#ifdef SLUICE_FUZZ_HAS_PLAIN_TEXT
  r.register_builtin(plugins::plain_text::descriptor());
#endif
#ifdef SLUICE_FUZZ_HAS_JSON
  r.register_builtin(plugins::json::descriptor());
#endif
#ifdef SLUICE_FUZZ_HAS_FEED
  r.register_builtin(plugins::feed::descriptor());
#endif
#ifdef SLUICE_FUZZ_HAS_HTML
  r.register_builtin(plugins::html::descriptor());
#endif
#ifdef SLUICE_FUZZ_HAS_FILES
  r.register_builtin(plugins::files::descriptor());
#endif
#ifdef SLUICE_FUZZ_HAS_JSONL
  r.register_builtin(plugins::jsonl::descriptor());
#endif
  return r;
}

}  // namespace

const host::PluginRegistry& registry() {
  static const host::PluginRegistry& r = build_registry();
  return r;
}

std::shared_ptr<sdk::Parser> make_parser(std::string_view name) {
  // The host's own loader turns the declared defaults into typed options.
  const std::string toml =
      "[[pipeline.f.source]]\nplugin = \"files\"\npath = \"in\"\n"
      "[[pipeline.f.parser]]\nplugin = \"" +
      std::string(name) +
      "\"\n"
      "[[pipeline.f.sink]]\nplugin = \"jsonl\"\npath = \"out.jsonl\"\n";
  const host::Config config = host::load_config(toml, "fuzz.toml", registry());
  const host::StageConfig& stage = config.pipelines.at(0).parsers.at(0);
  sdk::StageInit init;
  init.pipeline = "f";
  init.name = stage.name;
  init.options = stage.options;
  auto parser = std::dynamic_pointer_cast<sdk::Parser>(registry().create(*stage.plugin, init));
  if (!parser) finding("plugin " + std::string(name) + " did not create a parser");
  return parser;
}

void CheckedOutput::article(sdk::Article&& a) {
  if (a.id.size() != 32) finding("article id '" + a.id + "' is not 32 characters");
  if (!sdk::utf8::is_valid(a.title)) finding("title is not valid UTF-8");
  for (const auto& p : a.body) {
    if (!sdk::utf8::is_valid(p)) finding("a body paragraph is not valid UTF-8");
  }
  for (const auto& author : a.authors) {
    if (!sdk::utf8::is_valid(author)) finding("an author is not valid UTF-8");
  }
}

void CheckedOutput::error(std::string message) {
  if (message.empty()) finding("an empty error message");
}

}  // namespace sluice::fuzz
