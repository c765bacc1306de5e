// The one macro a plugin author writes per plugin:
//
//   constexpr sluice_option_desc kOptions[] = {
//       {.name = "path", .type = SLUICE_OPT_STRING, .required = 1,
//        .description = "Directory to read", .example_toml = "\"seeds\""},
//   };
//   SLUICE_PLUGIN(files, FilesSource, "files", "1.0.0",
//                 "Reads documents from a directory", kOptions, 0)
//
// It defines sluice::plugins::<ident>::descriptor() and, unless the source
// is compiled with SLUICE_PLUGIN_STATIC (in-process registration), exports
// it as the C symbol `sluice_plugin_descriptor_v1`. The stage kind comes
// from the class's base (Source, Parser, Enricher or Sink).
#pragma once

#include <cstddef>
#include <type_traits>

#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/stage.hpp"
#include "sluice/sdk/toolchain.h"
#include "sluice/sdk/visibility.h"

namespace sluice::sdk::detail {

template <class T>
constexpr std::uint32_t kind_of() {
  constexpr int bases = std::is_base_of_v<Source, T> + std::is_base_of_v<Parser, T> +
                        std::is_base_of_v<Enricher, T> + std::is_base_of_v<Sink, T>;
  static_assert(bases == 1, "a plugin class derives from exactly one of Source, Parser, Enricher, Sink");
  if constexpr (std::is_base_of_v<Source, T>) return SLUICE_KIND_SOURCE;
  if constexpr (std::is_base_of_v<Parser, T>) return SLUICE_KIND_PARSER;
  if constexpr (std::is_base_of_v<Enricher, T>) return SLUICE_KIND_ENRICHER;
  return SLUICE_KIND_SINK;
}

template <class T>
void* create_stage(const void* init) {
  static_assert(std::is_constructible_v<T, const StageInit&>,
                "a plugin class needs a constructor taking const sluice::sdk::StageInit&");
  return static_cast<Stage*>(new T(*static_cast<const StageInit*>(init)));
}

template <class T>
void destroy_stage(void* stage) {
  delete static_cast<Stage*>(stage);
}

template <std::size_t N>
constexpr const sluice_option_desc* options_ptr(const sluice_option_desc (&o)[N]) { return o; }
constexpr const sluice_option_desc* options_ptr(std::nullptr_t) { return nullptr; }
template <std::size_t N>
constexpr std::uint32_t options_count(const sluice_option_desc (&)[N]) { return N; }
constexpr std::uint32_t options_count(std::nullptr_t) { return 0; }

template <class T>
sluice_plugin_descriptor make_descriptor(const char* name, const char* version,
                                         const char* description,
                                         const sluice_option_desc* options,
                                         std::uint32_t option_count, std::uint32_t flags) {
  sluice_plugin_descriptor d{};
  d.magic = SLUICE_PLUGIN_MAGIC;
  d.descriptor_size = sizeof(sluice_plugin_descriptor);
  d.abi_major = SLUICE_SDK_ABI_MAJOR;
  d.abi_minor = SLUICE_SDK_ABI_MINOR;
  d.toolchain = SLUICE_TOOLCHAIN_TAG;
  d.kind = kind_of<T>();
  d.flags = flags;
  d.name = name;
  d.version = version;
  d.description = description;
  d.options = options;
  d.option_count = option_count;
  d.create = &create_stage<T>;
  d.destroy = &destroy_stage<T>;
  return d;
}

}  // namespace sluice::sdk::detail

#ifdef SLUICE_PLUGIN_STATIC
#define SLUICE_EXPORT_DESCRIPTOR(FN)
#else
#define SLUICE_EXPORT_DESCRIPTOR(FN)                                            \
  extern "C" SLUICE_EXPORT const sluice_plugin_descriptor* sluice_plugin_descriptor_v1(void) { \
    return FN();                                                                \
  }
#endif

#define SLUICE_PLUGIN(IDENT, CLASS, NAME, VERSION, DESCRIPTION, OPTIONS, FLAGS)       \
  namespace sluice::plugins::IDENT {                                                  \
  const sluice_plugin_descriptor* descriptor() {                                      \
    static const sluice_plugin_descriptor d = ::sluice::sdk::detail::make_descriptor<CLASS>( \
        NAME, VERSION, DESCRIPTION, ::sluice::sdk::detail::options_ptr(OPTIONS),       \
        ::sluice::sdk::detail::options_count(OPTIONS), FLAGS);                         \
    return &d;                                                                        \
  }                                                                                   \
  }                                                                                   \
  SLUICE_EXPORT_DESCRIPTOR(::sluice::plugins::IDENT::descriptor)
