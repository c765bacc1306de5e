// Descriptor of the `stdout` sink: no options, and the flag that tells the
// host to keep its own output off standard output.
#include "sluice/sdk/plugin.hpp"

#include "stdout_sink.hpp"

SLUICE_PLUGIN(stdout, sluice::plugins::stdout_sink::StdoutSink, "stdout", "1.0.0",
              "Writes articles to standard output as JSON lines, flushed per batch", nullptr,
              SLUICE_PLUGIN_FLAG_STDOUT)
