// One function per `sluice` verb; each parses its own options and returns
// the process exit code.
#pragma once

#include "cli_args.hpp"

namespace sluice::cli {

// Exit codes shared by every verb.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;   // the run happened but something failed
constexpr int kExitUsage = 2;    // bad command line or invalid config
constexpr int kExitStopped = 3;  // SIGINT/SIGTERM ended a run early; what it did is committed

int cmd_run(int argc, char** argv);
int cmd_serve(int argc, char** argv);
int cmd_validate(int argc, char** argv);
int cmd_plugins(int argc, char** argv);
int cmd_plugins_check(int argc, char** argv);  // `plugins check PATH.so`
int cmd_new_plugin(int argc, char** argv);
int cmd_dlq(int argc, char** argv);
int cmd_history(int argc, char** argv);
int cmd_search(int argc, char** argv);
int cmd_state(int argc, char** argv);    // `state check`
int cmd_version(int argc, char** argv);  // also `sluice --version`
int cmd_init(int argc, char** argv);
int cmd_completion(int argc, char** argv);
int cmd_complete(int argc, char** argv);  // `__complete`: what the completion scripts ask
int cmd_man(int argc, char** argv);

// Each verb's command line, declared once: parsing, --help, completion and
// the man page all read these.
VerbSpec run_spec();
VerbSpec serve_spec();
VerbSpec validate_spec();
VerbSpec plugins_spec();
VerbSpec plugins_check_spec();
VerbSpec new_plugin_spec();
VerbSpec dlq_spec();
VerbSpec history_spec();
VerbSpec search_spec();
VerbSpec state_spec();
VerbSpec version_spec();
VerbSpec init_spec();
VerbSpec completion_spec();
VerbSpec man_spec();

}  // namespace sluice::cli
