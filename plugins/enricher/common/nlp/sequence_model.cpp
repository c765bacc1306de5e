#include "nlp/sequence_model.hpp"

#include <bit>
#include <cstring>
#include <stdexcept>

namespace sluice::plugins::nlp {

static_assert(std::endian::native == std::endian::little, "the model file is little-endian");

namespace {

constexpr std::string_view kMagic = "SLSEQ001";

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  template <class T>
  T get() {
    T v;
    need(sizeof v);
    std::memcpy(&v, b_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  const unsigned char* take(std::size_t n) {
    need(n);
    const auto* p = reinterpret_cast<const unsigned char*>(b_.data() + pos_);
    pos_ += n;
    return p;
  }
  std::size_t left() const { return b_.size() - pos_; }

 private:
  void need(std::size_t n) const {
    if (b_.size() - pos_ < n)
      throw std::runtime_error("sequence model: truncated at byte " + std::to_string(pos_));
  }
  std::string_view b_;
  std::size_t pos_ = 0;
};

}  // namespace

SequenceModel::SequenceModel(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) throw std::runtime_error("sequence model: bad magic");
  Reader r(bytes.substr(kMagic.size()));
  labels_ = static_cast<int>(r.get<std::uint32_t>());
  const auto n = r.get<std::uint32_t>();
  if (labels_ < 1 || labels_ > 64) throw std::runtime_error("sequence model: bad label count");
  const auto L = static_cast<std::size_t>(labels_);
  transitions_.resize((L + 1) * L);
  for (auto& t : transitions_) t = r.get<std::int32_t>();
  features_ = n;
  std::vector<FeatureId> keys(n);
  for (auto& k : keys) k = r.get<FeatureId>();
  const unsigned char* weights = r.take(std::size_t{n} * L * sizeof(std::int16_t));
  if (r.left() != 0) throw std::runtime_error("sequence model: trailing bytes");

  std::size_t cap = 16;
  while (cap < std::size_t{n} * 2) cap <<= 1;
  mask_ = cap - 1;
  stride_ = 1 + (L * sizeof(std::int16_t) + 7) / 8;
  table_.assign(cap * stride_, 0);
  for (std::uint32_t i = 0; i < n; ++i) {
    if (keys[i] == 0 || (i > 0 && keys[i] <= keys[i - 1]))
      throw std::runtime_error("sequence model: feature keys not ascending");
    std::uint64_t s = keys[i] & mask_;
    while (table_[s * stride_] != 0) s = (s + 1) & mask_;
    table_[s * stride_] = keys[i];
    std::memcpy(&table_[s * stride_ + 1], weights + std::size_t{i} * L * 2, L * 2);
  }
}

void SequenceModel::accumulate(FeatureId f, std::int32_t* scores) const {
  for (std::uint64_t s = f & mask_;; s = (s + 1) & mask_) {
    const std::uint64_t* slot = &table_[s * stride_];
    if (slot[0] == 0) return;
    if (slot[0] != f) continue;
    std::int16_t w[64];
    std::memcpy(w, slot + 1, static_cast<std::size_t>(labels_) * 2);
    for (int y = 0; y < labels_; ++y) scores[y] += w[y];
    return;
  }
}

}  // namespace sluice::plugins::nlp
