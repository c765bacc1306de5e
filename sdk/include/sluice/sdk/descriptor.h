/* sluice plugin descriptor: the plain-C gate every plugin passes before any
 * C++ object crosses the boundary.
 *
 * A plugin shared library exports exactly one symbol,
 * `sluice_plugin_descriptor_v1`, a function returning a pointer to a static
 * `sluice_plugin_descriptor`. The host reads the descriptor's fixed prefix
 * (magic, size, ABI version, toolchain tag) and refuses the plugin with an
 * exact message if anything disagrees; only then does it call `create`.
 *
 * Compatibility rules (see docs/writing-plugins.md):
 *  - fields are only ever appended; `descriptor_size` tells the host how
 *    much of the struct the plugin knows about;
 *  - ABI major must equal the host's; ABI minor must be <= the host's;
 *  - a future pure-C tier will set SLUICE_PLUGIN_FLAG_C_TIER and use its own
 *    entry points appended after the v1 fields, leaving v1 untouched.
 */
#ifndef SLUICE_SDK_DESCRIPTOR_H
#define SLUICE_SDK_DESCRIPTOR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* "SLUICEPL" in ASCII, little endian. */
#define SLUICE_PLUGIN_MAGIC 0x4C50454349554C53ULL

/* What each minor version added. Additions go at the end of the descriptor
 * and of the C++ interfaces' virtual tables, defaulted, so a plugin built
 * against an older minor still loads; the host asks a plugin for a feature
 * only when its descriptor's minor says the plugin has it (see
 * sluice::host::PluginInfo::lacks()).
 *   1.0  the descriptor and the four stage interfaces
 *   1.1  sdk::RejectedArticles, sdk::PermanentError, sdk::ArticleDropped
 *   1.2  Source::interrupt() (wake a next() that waits, to stop a run);
 *        the rest of this round's additions (stage contracts, the deep
 *        check() hook) join 1.2 before it ships in a tagged build */
#define SLUICE_SDK_ABI_MAJOR 1
#define SLUICE_SDK_ABI_MINOR 2

/* The one symbol a plugin exports. */
#define SLUICE_DESCRIPTOR_SYMBOL "sluice_plugin_descriptor_v1"

typedef enum sluice_stage_kind {
  SLUICE_KIND_SOURCE = 1,
  SLUICE_KIND_PARSER = 2,
  SLUICE_KIND_ENRICHER = 3,
  SLUICE_KIND_SINK = 4
} sluice_stage_kind;

typedef enum sluice_option_type {
  SLUICE_OPT_STRING = 1,
  SLUICE_OPT_INT = 2,
  SLUICE_OPT_FLOAT = 3,
  SLUICE_OPT_BOOL = 4,
  SLUICE_OPT_DURATION = 5, /* "250ms", "15s", "2m", "1h" or integer ms */
  SLUICE_OPT_SIZE = 6,     /* "64KiB", "10MB", or integer bytes */
  SLUICE_OPT_LIST = 7,     /* list of strings */
  SLUICE_OPT_TABLE = 8     /* free-form table, passed through as a value tree */
} sluice_option_type;

/* One declared option. `default_toml` is a TOML literal ("\"seeds\"", "4",
 * "[\"*.txt\"]") or NULL when the option has no default. */
typedef struct sluice_option_desc {
  const char* name;
  int32_t type; /* sluice_option_type */
  int32_t required;
  const char* default_toml;
  const char* description;
  const char* example_toml;
} sluice_option_desc;

/* Stage instances may be shared by several workers. Without this flag the
 * host creates one instance per worker. A source has one instance either
 * way; with this flag the host calls its acknowledge() (from the sink
 * thread) while next() may be running, instead of waiting for next() to
 * return: for sources that block in next() until data arrives. */
#define SLUICE_PLUGIN_FLAG_THREAD_SAFE 0x1u
/* The stage writes its output to the process's standard output (the
 * `stdout` sink). A host that prints on stdout itself (the CLI's run
 * summary) moves that to stderr, so stdout carries only the stage's data. */
#define SLUICE_PLUGIN_FLAG_STDOUT 0x2u
/* A source whose acknowledged position lives outside the host's state
 * database (a Kafka consumer group's committed offsets), so it does not
 * move back with the state's checkpoint after a crash or a lost state. */
#define SLUICE_PLUGIN_FLAG_EXTERNAL_POSITION 0x4u
/* A sink that, on recover(), discards what it wrote after its last commit
 * token (the jsonl sink cuts its file back to the committed offset). That
 * is exact only when every source's position is in the same state
 * transaction: `sluice validate` refuses it beside an EXTERNAL_POSITION
 * source, where the rollback could drop articles never delivered again. */
#define SLUICE_PLUGIN_FLAG_ROLLS_BACK 0x8u
/* A sink whose store can be searched: its stage object also implements
 * sluice::sdk::Searchable (sluice/sdk/search.hpp), so `sluice search` can
 * ask it. The host refuses to search a sink without this flag before
 * creating it. */
#define SLUICE_PLUGIN_FLAG_SEARCHABLE 0x10u

typedef struct sluice_plugin_descriptor {
  /* --- fixed prefix: never reordered, checked before anything else --- */
  uint64_t magic;           /* SLUICE_PLUGIN_MAGIC */
  uint32_t descriptor_size; /* sizeof(sluice_plugin_descriptor) at build time */
  uint16_t abi_major;
  uint16_t abi_minor;
  const char* toolchain; /* see SLUICE_TOOLCHAIN_TAG in toolchain.h */

  /* --- identity --- */
  uint32_t kind; /* sluice_stage_kind */
  uint32_t flags;
  const char* name;
  const char* version;
  const char* description;

  /* --- option schema --- */
  const sluice_option_desc* options;
  uint32_t option_count;

  /* --- C++ tier factory (valid only when the toolchain tag matches) ---
   * `create` receives a `const sluice::sdk::StageInit*` and returns a
   * `sluice::sdk::Stage*` owned by the caller, to be released with
   * `destroy` so the plugin frees what the plugin allocated. */
  void* (*create)(const void* stage_init);
  void (*destroy)(void* stage);

  /* --- ABI 1.2: nothing appended yet (Source::interrupt() is a virtual
   * function, not a field). Fields 1.2 adds (stage contracts, check())
   * go here, and the host's check_descriptor() then accepts the 1.1 size
   * for plugins that declare minor <= 1. --- */
} sluice_plugin_descriptor;

typedef const sluice_plugin_descriptor* (*sluice_descriptor_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* SLUICE_SDK_DESCRIPTOR_H */
