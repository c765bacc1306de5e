#include "seen_index.hpp"

#include <charconv>

#include "simhash.hpp"

namespace sluice::plugins::dedup {
namespace {

void append_hex(std::string& out, std::uint64_t v) {
  char buf[16];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, 16);
  out.append(buf, r.ptr);
}

// One line of a bucket: "<simhash hex> <id>".
struct Line {
  std::uint64_t simhash = 0;
  std::string_view id;
};

// One line without its '\n'; nothing for a malformed one, which the
// bucket then loses.
std::optional<Line> parse_line(std::string_view line) {
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  Line out;
  const auto [end, ec] = std::from_chars(line.data(), line.data() + space, out.simhash, 16);
  if (ec != std::errc{} || end != line.data() + space) return std::nullopt;
  out.id = line.substr(space + 1);
  return out;
}

void append_line(std::string& text, std::uint64_t simhash, std::string_view id) {
  append_hex(text, simhash);
  text += ' ';
  text += id;
  text += '\n';
}

}  // namespace

SeenIndex::SeenIndex(sdk::StateStore* state, int max_distance, std::size_t bucket_limit)
    : state_(state), max_distance_(max_distance), bands_(max_distance + 1), bucket_limit_(bucket_limit) {}

std::string SeenIndex::bucket_key(int band, std::uint64_t simhash) const {
  const int width = 64 / bands_;
  const int shift = band * width;
  const int bits = band == bands_ - 1 ? 64 - shift : width;
  const std::uint64_t mask = bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
  std::string key = "band/";
  key += std::to_string(band);
  key += '/';
  append_hex(key, (simhash >> shift) & mask);
  return key;
}

// Buckets are searched and extended as the text they are stored as (one
// "<simhash hex> <id>" line per article, oldest first), not parsed into
// entries and written out again: a full bucket has bucket_limit (256) lines,
// and each article reads and updates max_distance + 1 of them.
bool SeenIndex::search_and_add(std::string& bucket, std::uint64_t simhash, const std::string& id,
                               std::optional<Match>& best) {
  std::size_t lines = 0;
  bool malformed = false, present = false;
  for (std::size_t pos = 0; pos < bucket.size();) {
    std::size_t end = bucket.find('\n', pos);
    if (end == std::string::npos) end = bucket.size();
    const std::optional<Line> line = parse_line(std::string_view(bucket).substr(pos, end - pos));
    pos = end + 1;
    if (!line) {
      malformed = true;
      continue;
    }
    ++lines;
    if (line->id == id) {
      present = true;  // the same article read again: no duplicate of itself
      continue;
    }
    const int d = distance(line->simhash, simhash);
    if (d <= max_distance_ && (!best || d < best->distance)) best = Match{std::string(line->id), d};
  }
  if (present) return false;
  if (malformed) {
    // Rare (a damaged state value): keep the well-formed lines only.
    std::string kept;
    for (std::size_t pos = 0; pos < bucket.size();) {
      std::size_t end = bucket.find('\n', pos);
      if (end == std::string::npos) end = bucket.size();
      if (const auto line = parse_line(std::string_view(bucket).substr(pos, end - pos)))
        append_line(kept, line->simhash, line->id);
      pos = end + 1;
    }
    bucket = std::move(kept);
  } else if (!bucket.empty() && bucket.back() != '\n') {
    bucket += '\n';  // a last line without its newline
  }
  append_line(bucket, simhash, id);
  if (lines + 1 > bucket_limit_) bucket.erase(0, bucket.find('\n') + 1);  // forget the oldest
  return true;
}

std::optional<Match> SeenIndex::find_and_add(std::uint64_t simhash, const std::string& id) {
  std::optional<Match> best;
  std::string loaded;
  for (int band = 0; band < bands_; ++band) {
    const std::string key = bucket_key(band, simhash);
    if (state_ == nullptr) {
      search_and_add(memory_[key], simhash, id, best);  // changed in place
      continue;
    }
    loaded.clear();
    if (auto value = state_->get(key)) loaded = std::move(*value);
    if (search_and_add(loaded, simhash, id, best)) state_->put(key, loaded);
  }
  return best;
}

}  // namespace sluice::plugins::dedup
