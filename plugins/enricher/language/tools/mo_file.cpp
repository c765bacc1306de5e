#include "mo_file.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sluice::plugins::language::tools {
namespace {

std::uint32_t u32(const std::string& data, std::size_t offset, bool swap) {
  if (offset + 4 > data.size()) throw std::runtime_error("truncated .mo file");
  std::uint32_t v;
  std::memcpy(&v, data.data() + offset, 4);
  return swap ? __builtin_bswap32(v) : v;
}

std::string text_at(const std::string& data, std::uint32_t length, std::uint32_t offset) {
  if (std::size_t{offset} + length > data.size()) throw std::runtime_error("truncated .mo file");
  std::string s = data.substr(offset, length);
  for (char& c : s) {
    if (c == '\0') c = '\n';  // plural forms
  }
  return s;
}

}  // namespace

std::vector<Message> read_mo(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string data = buffer.str();

  const std::uint32_t magic = u32(data, 0, false);
  const bool swap = magic == 0xde120495u;
  if (magic != 0x950412deu && !swap) throw std::runtime_error(path + " is not a .mo file");
  const std::uint32_t count = u32(data, 8, swap);
  const std::uint32_t originals = u32(data, 12, swap);
  const std::uint32_t translations = u32(data, 16, swap);

  std::vector<Message> out;
  out.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    Message m;
    m.original = text_at(data, u32(data, originals + 8 * i, swap), u32(data, originals + 8 * i + 4, swap));
    m.translation =
        text_at(data, u32(data, translations + 8 * i, swap), u32(data, translations + 8 * i + 4, swap));
    if (m.original.empty()) {  // the header: only its charset matters
      if (m.translation.find("charset=UTF-8") == std::string::npos &&
          m.translation.find("charset=utf-8") == std::string::npos) {
        return {};
      }
      continue;
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::string normalize_space(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace sluice::plugins::language::tools
