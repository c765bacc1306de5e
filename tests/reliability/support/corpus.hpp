// Generated seed-format articles, each with a unique marker token, so tests
// can tell exactly which articles arrived, and how often.
#pragma once

#include <filesystem>
#include <string>

namespace reliability {

// Article n: a ` date YYYY-MM-DD caption - credit` line, then three
// paragraphs of deterministic filler; the second one holds marker(n).
std::string article_text(long n);

// "a000123.txt": sorted names, so the files source reads them in order.
std::string article_file_name(long n);

// Writes articles first .. first+count-1 into `dir` (created if missing).
void write_corpus(const std::filesystem::path& dir, long count, long first = 0);

}  // namespace reliability
