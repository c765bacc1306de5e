#include "gunzip.hpp"

#include <zlib.h>

#include <algorithm>

#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::feed {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B;
}

std::string gunzip(std::string_view bytes, std::uint64_t max_bytes) {
  z_stream z{};
  // 16 + MAX_WBITS: expect a gzip header and trailer (not raw zlib).
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw sdk::StageError("gzip: cannot initialise zlib");
  struct End {
    z_stream& z;
    ~End() { inflateEnd(&z); }
  } end{z};

  std::string out;
  out.resize(std::min<std::uint64_t>(bytes.size() * 4 + 1024, max_bytes + 1));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  std::size_t used = 0;
  for (;;) {
    if (used == out.size()) {
      if (out.size() >= max_bytes)
        throw sdk::StageError("gzip: inflates to more than max_bytes (" + std::to_string(max_bytes) +
                              " bytes); raise max_bytes to parse it");
      out.resize(std::min<std::uint64_t>(out.size() * 2, max_bytes + 1));
    }
    z.next_out = reinterpret_cast<Bytef*>(out.data() + used);
    z.avail_out = static_cast<uInt>(out.size() - used);
    const int rc = inflate(&z, Z_NO_FLUSH);
    used = out.size() - z.avail_out;
    if (used > max_bytes)
      throw sdk::StageError("gzip: inflates to more than max_bytes (" + std::to_string(max_bytes) +
                            " bytes); raise max_bytes to parse it");
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow (`cat a.gz b.gz`).
      if (z.avail_in == 0 || !is_gzip(std::string_view(reinterpret_cast<const char*>(z.next_in), z.avail_in)))
        break;
      inflateReset(&z);
      continue;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) throw sdk::StageError("gzip: data is truncated");
    if (rc != Z_OK && rc != Z_BUF_ERROR)
      throw sdk::StageError(std::string("gzip: corrupt data (") +
                            (z.msg != nullptr ? z.msg : "unknown error") + ")");
  }
  out.resize(used);
  return out;
}

}  // namespace sluice::plugins::feed
