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

// Bucket values: one "<simhash hex> <id>" line per article, oldest first.
std::vector<SeenArticle> parse_bucket(std::string_view text) {
  std::vector<SeenArticle> out;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) continue;
    SeenArticle a;
    if (std::from_chars(line.data(), line.data() + space, a.simhash, 16).ec != std::errc{}) continue;
    a.id = line.substr(space + 1);
    out.push_back(std::move(a));
  }
  return out;
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

std::vector<SeenArticle>& SeenIndex::bucket(const std::string& key, std::vector<SeenArticle>& loaded) {
  // In memory the bucket is used in place; from the state store it is read
  // into `loaded` and written back by store() when it changed.
  if (state_ == nullptr) return memory_[key];
  loaded.clear();
  if (const auto value = state_->get(key)) loaded = parse_bucket(*value);
  return loaded;
}

void SeenIndex::store(const std::string& key, const std::vector<SeenArticle>& bucket) {
  if (state_ == nullptr) return;  // changed in place already
  std::string value;
  for (const SeenArticle& a : bucket) {
    append_hex(value, a.simhash);
    value += ' ';
    value += a.id;
    value += '\n';
  }
  state_->put(key, value);
}

std::optional<Match> SeenIndex::find_and_add(std::uint64_t simhash, const std::string& id) {
  std::optional<Match> best;
  std::vector<SeenArticle> loaded;
  for (int band = 0; band < bands_; ++band) {
    const std::string key = bucket_key(band, simhash);
    std::vector<SeenArticle>& bucket = this->bucket(key, loaded);
    bool present = false;
    for (const SeenArticle& seen : bucket) {
      if (seen.id == id) {
        present = true;
        continue;
      }
      const int d = distance(seen.simhash, simhash);
      if (d <= max_distance_ && (!best || d < best->distance)) best = Match{seen.id, d};
    }
    if (present) continue;
    bucket.push_back({simhash, id});
    if (bucket.size() > bucket_limit_) bucket.erase(bucket.begin());
    store(key, bucket);
  }
  return best;
}

}  // namespace sluice::plugins::dedup
