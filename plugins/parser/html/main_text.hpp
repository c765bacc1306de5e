// The article body of a page, as paragraphs: container scoring on the
// page's blocks, boilerplate pruning inside the container, paragraph
// cleanup, and JSON-LD articleBody when the markup yields much less.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "blocks.hpp"
#include "class_hints.hpp"
#include "dom.hpp"
#include "tuning.hpp"

namespace sluice::plugins::html {

enum class BodySource { Markup, MarkupRelaxed, JsonLd, None };

const char* to_string(BodySource source);

struct MainText {
  std::vector<std::string> paragraphs;
  BodySource source = BodySource::None;
};

// `title` is the article's headline (dropped where the body repeats it);
// `json_ld_body` is the page's JSON-LD articleBody, possibly empty.
MainText extract_main_text(const Dom& dom, const std::vector<Hint>& hints, const std::vector<Block>& blocks,
                           std::string_view title, std::string_view json_ld_body, const Tuning& tuning);

// A JSON-LD articleBody as paragraphs: HTML markup is rendered like a page,
// plain text is split at every line break.
std::vector<std::string> json_ld_paragraphs(std::string_view body);

}  // namespace sluice::plugins::html
