// Two helper stages html_eval registers in-process around the real `html`
// parser plugin: a source that delivers a list of files and a sink that
// stores nothing (the articles come back through RunOptions::on_article).
#pragma once

#include "sluice/sdk/descriptor.h"

namespace sluice::plugins::eval_pages {
const sluice_plugin_descriptor* descriptor();
}
namespace sluice::plugins::eval_discard {
const sluice_plugin_descriptor* descriptor();
}
