// `sluice man`: the manual page, generated from the verb table and each
// verb's option table, so it says what --help says. The build writes it to
// share/man/man1/sluice.1 and `make install` installs it.
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "verbs.hpp"

namespace sluice::cli {
namespace {

// troff: a backslash is \e, a line may not start with . or ', and option
// dashes are \- so they copy and search as ASCII hyphens.
std::string escaped(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  return out;
}

// The summaries are laid out for a terminal; a man page reflows text, so
// indented lines (tables of sub-actions) keep their breaks with .br.
std::string paragraph(const std::string& text) {
  std::ostringstream out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line[0] == ' ') out << ".br\n";
    out << escaped(line) << "\n";
  }
  return out.str();
}

void write_verb(std::ostream& out, const Verb& v) {
  out << ".SS " << escaped(std::string("sluice ") + v.synopsis) << "\n";
  if (!v.spec) {
    out << escaped(v.summary) << "\n";
    return;
  }
  const auto spec = v.spec();
  out << ".B " << escaped(spec.usage) << "\n.PP\n" << paragraph(spec.summary);
  for (const auto& o : spec.options) {
    out << ".TP\n.B " << escaped(o.name) << (o.value.empty() ? "" : " \\fI" + escaped(o.value) + "\\fR")
        << "\n"
        << escaped(o.help) << (o.repeatable ? " (repeatable)" : "") << "\n";
  }
}

constexpr const char* kHead = R"(.TH SLUICE 1 "" "sluice" "User Commands"
.SH NAME
sluice \- run news articles through plugin pipelines described in TOML
.SH SYNOPSIS
.B sluice
.I verb
[\fIoptions\fR]
.br
.B sluice \-\-help | \-\-version
.SH DESCRIPTION
A host that loads shared\-library plugins (sources, parsers, enrichers and
sinks) and runs documents through the chain a TOML config describes, once
.RB ( run )
or on schedules
.RB ( serve ),
with at\-least\-once delivery: what a sink has stored is checkpointed in the
state database, so a rerun after a crash resumes without loss.
Every verb takes \fB\-\-help\fR.
.SH COMMANDS
)";

constexpr const char* kTail = R"(.SH EXIT STATUS
.TP
.B 0
success
.TP
.B 1
the command ran but something failed (a stage, a run, a check)
.TP
.B 2
usage error, invalid config or an unusable state database
.TP
.B 3
SIGINT or SIGTERM stopped a run early; what it did is committed
.SH ENVIRONMENT
.TP
.B SLUICE_PLUGIN_DIR
directories searched for plugins after \fB\-\-plugin\-dir\fR and before
[host] plugin_dirs and the installed plugin directory (colon\-separated)
.TP
.B ${NAME}, ${NAME:\-default}
config values may name environment variables; an unset variable without a
default is a config error naming it
.SH FILES
.TP
.I <prefix>/lib/sluice/plugins
the installed plugins
.TP
.I <state database>
checkpoints, dead letters and run history, named by [host] state in the
config; \fBsluice state check\fR inspects it
.SH SEE ALSO
The README and docs/ of the sluice source tree: configuration, scheduling,
writing\-plugins, scripting and embedding.
)";

}  // namespace

VerbSpec man_spec() {
  return {"sluice man",
          "Prints the sluice(1) manual page (troff) built from the same tables as --help.\n"
          "Read it with `sluice man | man -l -`; the build also writes build/share/man/man1/sluice.1.",
          {}};
}

int cmd_man(int argc, char** argv) {
  if (parse_args(man_spec(), argc, argv, 2).help) {
    std::cout << help_text(man_spec());
    return kExitOk;
  }
  std::cout << kHead;
  for (const auto& v : verbs())
    if (!v.hidden) write_verb(std::cout, v);
  std::cout << kTail;
  return kExitOk;
}

}  // namespace sluice::cli
