// The scaffold's templates (templates/**/*.in), compiled into the binary by
// embed_templates.cmake so an installed `sluice` needs no data files.
#pragma once

#include <string_view>

namespace sluice::scaffold {

// The text of templates/<path>, e.g. template_text("sink/stage.cpp.in").
// Throws std::logic_error for a path that is not a template.
std::string_view template_text(std::string_view path);

}  // namespace sluice::scaffold
