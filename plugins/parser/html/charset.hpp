// Bytes to UTF-8 for HTML pages. The conversion is the SDK's (shared by
// every parser); what is HTML-specific is finding the declared charset.
#pragma once

#include <cstdint>
#include <string_view>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/encoding.hpp"

namespace sluice::plugins::html {

// The charset a <meta> in the page's head declares (<meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=...">), looking
// beyond the HTML standard's 1024-byte prescan: real pages declare it after
// long inline scripts, styles and comments. Scans up to 64 KiB, stops at
// <body>, skips comments. Empty when none.
std::string_view declared_meta_charset(std::string_view bytes);

// The page as UTF-8: byte-order mark, then the transport's charset
// (doc.content_type), then the page's <meta>, then UTF-8 when valid, else
// `fallback`. Throws sdk::StageError for a document the source could not
// read or one over `max_bytes`.
sdk::encoding::Decoded decode_page(const sdk::RawDocument& doc, std::uint64_t max_bytes,
                                   std::string_view fallback);

}  // namespace sluice::plugins::html
