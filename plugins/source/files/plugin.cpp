// The `files` plugin descriptor: its option table and the exported entry.
#include "sluice/sdk/plugin.hpp"

#include "files_source.hpp"

namespace {

constexpr sluice_option_desc kOptions[] = {
    {.name = "path",
     .type = SLUICE_OPT_STRING,
     .required = 1,
     .default_toml = nullptr,
     .description = "Directory to read. A relative path resolves against the config file's "
                    "directory (the working directory when there is no config file).",
     .example_toml = "\"seeds\""},
    {.name = "include",
     .type = SLUICE_OPT_LIST,
     .required = 0,
     .default_toml = "[\"*\"]",
     .description = "Globs (fnmatch) of files to read. A glob without '/' matches the file "
                    "name at any depth; one with '/' matches the path relative to `path`, "
                    "where '*' also crosses '/'.",
     .example_toml = "[\"*.txt\", \"*.html\"]"},
    {.name = "exclude",
     .type = SLUICE_OPT_LIST,
     .required = 0,
     .default_toml = "[]",
     .description = "Globs of files to skip, matched like `include`. A directory that "
                    "matches is not descended into.",
     .example_toml = "[\"drafts\", \"*.tmp\"]"},
    {.name = "recursive",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Also read files in subdirectories.",
     .example_toml = "false"},
    {.name = "include_hidden",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Also read files, and descend into directories, whose name starts "
                    "with '.'.",
     .example_toml = "true"},
    {.name = "content_type",
     .type = SLUICE_OPT_STRING,
     .required = 0,
     .default_toml = "\"\"",
     .description = "MIME type given to every document. Empty: guess from the extension "
                    "(.txt text/plain, .html/.htm text/html, .xml/.rss/.atom "
                    "application/xml, .json application/json, .jsonl "
                    "application/x-ndjson; other extensions get no type).",
     .example_toml = "\"text/plain\""},
    {.name = "max_size",
     .type = SLUICE_OPT_SIZE,
     .required = 0,
     .default_toml = "\"64MiB\"",
     .description = "Largest file read. A larger file is delivered with no bytes and meta "
                    "`oversize = true` and `error`, so it fails as one document.",
     .example_toml = "\"8MiB\""},
    {.name = "incremental",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "true",
     .description = "Remember what was delivered (path, size, mtime, content hash) in the host's "
                    "state database and read only new or changed files on the next run. Needs a "
                    "state database; off, every run reads every file.",
     .example_toml = "false"},
    {.name = "follow_symlinks",
     .type = SLUICE_OPT_BOOL,
     .required = 0,
     .default_toml = "false",
     .description = "Follow symbolic links to files and directories (loops are detected). "
                    "Off: links are skipped.",
     .example_toml = "true"},
};

}  // namespace

SLUICE_PLUGIN(files, FilesSource, "files", "1.0.0",
              "Reads documents from the files below a directory, in sorted order", kOptions, 0)
