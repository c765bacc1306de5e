#include "seen_index.hpp"

#include <charconv>
#include <functional>

#include "simhash.hpp"

namespace sluice::plugins::dedup {
namespace {

// Above this many remembered articles across all cached buckets, the cache
// is dropped and buckets are read from the store again as they are touched.
// The default options (7 bands of 512 buckets, 256 slots each) stay below it
// (917,504), so the cache then never drops and memory stays bounded.
constexpr std::size_t kMaxCachedEntries = std::size_t{1} << 20;

void append_hex(std::string& out, std::uint64_t v) {
  char buf[16];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, 16);
  out.append(buf, r.ptr);
}

std::uint32_t id_hash(std::string_view id) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(id));
}

// Reads a hexadecimal or decimal number that must fill `text`.
std::optional<std::uint64_t> number(std::string_view text, int base) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, base);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

// One remembered article: a slot's value "<sequence> <simhash hex> <id>",
// or a line of a bucket in the earlier format, "<simhash hex> <id>".
struct Entry {
  std::uint64_t sequence = 0;
  std::uint64_t simhash = 0;
  std::string_view id;
};

std::optional<Entry> parse_slot(std::string_view value) {
  const std::size_t a = value.find(' ');
  const std::size_t b = a == std::string_view::npos ? a : value.find(' ', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  const auto sequence = number(value.substr(0, a), 10);
  const auto simhash = number(value.substr(a + 1, b - a - 1), 16);
  if (!sequence || !simhash) return std::nullopt;
  return Entry{*sequence, *simhash, value.substr(b + 1)};
}

std::optional<Entry> parse_legacy_line(std::string_view line) {
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const auto simhash = number(line.substr(0, space), 16);
  if (!simhash) return std::nullopt;
  return Entry{0, *simhash, line.substr(space + 1)};
}

}  // namespace

SeenIndex::SeenIndex(sdk::StateStore* state, int max_distance, std::size_t bucket_limit)
    : state_(state),
      max_distance_(max_distance),
      bands_(max_distance + 1),
      bucket_limit_(bucket_limit),
      buckets_(static_cast<std::size_t>(bands_)) {}

std::uint64_t SeenIndex::band_value(int band, std::uint64_t simhash) const {
  const int width = 64 / bands_;
  const int shift = band * width;
  const int bits = band == bands_ - 1 ? 64 - shift : width;
  const std::uint64_t mask = bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
  return (simhash >> shift) & mask;
}

std::string SeenIndex::bucket_prefix(int band, std::uint64_t value) const {
  std::string key = "slot/";
  key += std::to_string(band);
  key += '/';
  append_hex(key, value);
  key += '/';
  return key;
}

std::string SeenIndex::slot_key(int band, std::uint64_t simhash, std::size_t slot) const {
  return bucket_prefix(band, band_value(band, simhash)) + std::to_string(slot);
}

SeenIndex::Bucket& SeenIndex::bucket(int band, std::uint64_t value) {
  auto& band_buckets = buckets_[static_cast<std::size_t>(band)];
  auto [it, inserted] = band_buckets.try_emplace(value);
  if (inserted) load(it->second, band, value);
  return it->second;
}

// Reads slots 0, 1, ... until one is missing or damaged: slots fill in
// order, so the first hole ends the bucket (a damaged slot is overwritten
// by the next article). A full ring restarts at its oldest sequence.
void SeenIndex::load(Bucket& b, int band, std::uint64_t value) {
  if (state_ == nullptr) return;
  const std::string prefix = bucket_prefix(band, value);
  std::string key;
  std::uint64_t oldest_sequence = 0;
  for (std::size_t slot = 0; slot < bucket_limit_; ++slot) {
    key.assign(prefix).append(std::to_string(slot));
    const auto stored = state_->get(key);
    const auto entry = stored ? parse_slot(*stored) : std::nullopt;
    if (!entry) break;
    b.simhashes.push_back(entry->simhash);
    b.id_hashes.push_back(id_hash(entry->id));
    if (slot == 0 || entry->sequence < oldest_sequence) {
      oldest_sequence = entry->sequence;
      b.oldest = slot;
    }
    b.next_sequence = std::max(b.next_sequence, entry->sequence + 1);
  }
  if (b.simhashes.size() < bucket_limit_) b.oldest = 0;  // not full: the next slot is the first free one
  if (b.simhashes.empty()) import_legacy(b, band, value);
  cached_entries_ += b.simhashes.size();
}

// State written before slots existed kept a whole bucket under one key,
// "band/<band>/<value hex>", as lines "<simhash hex> <id>", oldest first:
// its well-formed lines move into slots, and the old key goes.
void SeenIndex::import_legacy(Bucket& b, int band, std::uint64_t value) {
  std::string legacy_key = "band/" + std::to_string(band) + "/";
  append_hex(legacy_key, value);
  const auto text = state_->get(legacy_key);
  if (!text) return;
  std::vector<Entry> lines;
  for (std::size_t pos = 0; pos < text->size();) {
    std::size_t end = text->find('\n', pos);
    if (end == std::string::npos) end = text->size();
    if (auto e = parse_legacy_line(std::string_view(*text).substr(pos, end - pos))) lines.push_back(*e);
    pos = end + 1;
  }
  const std::size_t skip = lines.size() > bucket_limit_ ? lines.size() - bucket_limit_ : 0;
  for (std::size_t i = skip; i < lines.size(); ++i) {
    const std::size_t slot = b.simhashes.size();
    b.simhashes.push_back(lines[i].simhash);
    b.id_hashes.push_back(id_hash(lines[i].id));
    store_slot(b, band, value, slot, lines[i].simhash, std::string(lines[i].id));
  }
  state_->erase(legacy_key);
}

void SeenIndex::store_slot(Bucket& b, int band, std::uint64_t value, std::size_t slot, std::uint64_t simhash,
                           const std::string& id) {
  const std::uint64_t sequence = b.next_sequence++;
  if (state_ == nullptr) {
    if (b.ids.size() <= slot) b.ids.resize(slot + 1);
    b.ids[slot] = id;
    return;
  }
  std::string text = std::to_string(sequence);
  text += ' ';
  append_hex(text, simhash);
  text += ' ';
  text += id;
  state_->put(bucket_prefix(band, value) + std::to_string(slot), text);
}

std::optional<std::string> SeenIndex::id_at(const Bucket& b, int band, std::uint64_t value,
                                            std::size_t slot) {
  if (state_ == nullptr) return b.ids[slot];
  const auto stored = state_->get(bucket_prefix(band, value) + std::to_string(slot));
  const auto entry = stored ? parse_slot(*stored) : std::nullopt;
  // A slot changed behind our back no longer names the article compared.
  if (!entry || entry->simhash != b.simhashes[slot]) return std::nullopt;
  return std::string(entry->id);
}

std::optional<Match> SeenIndex::find_and_add(std::uint64_t simhash, const std::string& id) {
  if (state_ != nullptr && cached_entries_ > kMaxCachedEntries) {
    for (auto& band_buckets : buckets_) band_buckets.clear();
    cached_entries_ = 0;
  }
  const std::uint32_t own_hash = id_hash(id);
  std::optional<Match> best;
  for (int band = 0; band < bands_; ++band) {
    const std::uint64_t value = band_value(band, simhash);
    Bucket& b = bucket(band, value);
    const std::size_t size = b.simhashes.size();
    bool present = false;
    // Oldest first, so that of equally close articles the first seen wins.
    for (std::size_t i = 0; i < size; ++i) {
      const std::size_t slot = size < bucket_limit_ ? i : (b.oldest + i) % size;
      const int d = distance(b.simhashes[slot], simhash);
      const bool maybe_self = b.id_hashes[slot] == own_hash;
      if (!maybe_self && (d > max_distance_ || (best && d >= best->distance))) continue;
      auto other = id_at(b, band, value, slot);
      if (!other) continue;
      if (*other == id) {
        present = true;  // the same article read again: no duplicate of itself
        continue;
      }
      if (d <= max_distance_ && (!best || d < best->distance)) best = Match{std::move(*other), d};
    }
    if (present) continue;
    std::size_t slot = size;
    if (size < bucket_limit_) {
      b.simhashes.push_back(simhash);
      b.id_hashes.push_back(own_hash);
      ++cached_entries_;
    } else {
      slot = b.oldest;  // forget the oldest
      b.oldest = (b.oldest + 1) % size;
      b.simhashes[slot] = simhash;
      b.id_hashes[slot] = own_hash;
    }
    store_slot(b, band, value, slot, simhash, id);
  }
  return best;
}

}  // namespace sluice::plugins::dedup
