#include "config/config_bounds.hpp"

#include <algorithm>
#include <vector>

namespace sluice::host::detail {
namespace {

// Walks the text the way TOML nests it — comments and strings skipped,
// keys told from values — counting only what the bounds need. Anything it
// does not understand is left to the parser, which reports it properly.
class BoundsScan {
 public:
  BoundsScan(std::string_view text, const std::string& file, const ConfigBounds& bounds)
      : t_(text), file_(file), bounds_(bounds) {}

  std::optional<ConfigError> run() {
    if (t_.size() > bounds_.max_bytes) return fail(bounds_.max_bytes, size_message());
    while (i_ < t_.size() && !error_) {
      const char c = t_[i_];
      if (c == '#') {
        skip_comment();
      } else if (c == '"' || c == '\'') {
        skip_string();
      } else if (c == '\n') {
        if (nest_.empty()) expect_key_ = true;
        ++i_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++i_;
      } else if (expect_key_) {
        key_or_header();
      } else {
        value_char(c);
      }
    }
    return error_;
  }

 private:
  struct Open {
    char bracket;  // '[' array, '{' inline table
    int depth;
  };

  std::string size_message() const {
    return "config file is larger than " + std::to_string(bounds_.max_bytes) +
           " bytes; refused before parsing (a config is a few KiB)";
  }

  std::optional<ConfigError> fail(std::size_t at, std::string message) {
    error_ = ConfigError(position_of(t_, at, file_), std::move(message));
    return error_;
  }

  void skip_comment() {
    while (i_ < t_.size() && t_[i_] != '\n') ++i_;
  }

  // Past the string starting at i_ (basic or literal, one- or multi-line).
  void skip_string() {
    const char q = t_[i_];
    const bool multi = t_.compare(i_, 3, std::string(3, q)) == 0;
    i_ += multi ? 3 : 1;
    while (i_ < t_.size()) {
      const char c = t_[i_];
      if (q == '"' && c == '\\') {
        i_ += 2;
        continue;
      }
      if (!multi && c == '\n') return;  // unterminated: the parser says so
      if (c == q && (!multi || t_.compare(i_, 3, std::string(3, q)) == 0)) {
        i_ += multi ? 3 : 1;
        return;
      }
      ++i_;
    }
  }

  int container_depth() const { return nest_.empty() ? table_depth_ : nest_.back().depth; }

  // A dotted key up to '=' (or ']' in a header): its segment count, or -1
  // once it is over the bound (the error is then set).
  int dotted_key(char end) {
    int segments = 1;
    while (i_ < t_.size()) {
      const char c = t_[i_];
      if (c == '"' || c == '\'') {
        skip_string();
        continue;
      }
      if (c == end || c == '\n' || c == '}' || c == '#') break;
      if (c == '.' && ++segments > bounds_.max_key_segments) {
        fail(i_, "key has more than " + std::to_string(bounds_.max_key_segments) +
                     " dotted parts; refused before parsing");
        return -1;
      }
      ++i_;
    }
    return segments;
  }

  void key_or_header() {
    const char c = t_[i_];
    if (c == '[' && nest_.empty()) {
      const std::size_t at = i_;
      const bool table_array = t_.compare(i_, 2, "[[") == 0;
      i_ += table_array ? 2 : 1;
      if (table_array && ++table_arrays_ > bounds_.max_table_arrays) {
        fail(at, "more than " + std::to_string(bounds_.max_table_arrays) +
                     " [[...]] tables (stages); refused before parsing");
        return;
      }
      const int segments = dotted_key(']');
      if (segments < 0) return;
      table_depth_ = segments;
      while (i_ < t_.size() && t_[i_] == ']') ++i_;
      return;
    }
    if (c == '}' && !nest_.empty() && nest_.back().bracket == '{') {  // "{}" or "{ a = 1, }"
      nest_.pop_back();
      ++i_;
      expect_key_ = false;
      return;
    }
    const std::size_t at = i_;
    const int segments = dotted_key('=');
    if (segments < 0) return;
    value_depth_ = container_depth() + segments;
    if (value_depth_ > bounds_.max_depth) {
      depth_error(at);
      return;
    }
    if (i_ < t_.size() && t_[i_] == '=') ++i_;
    expect_key_ = false;
  }

  void value_char(char c) {
    if (c == '[' || c == '{') {
      const int depth =
          (nest_.empty() || nest_.back().bracket == '{' ? value_depth_ : nest_.back().depth) + 1;
      if (depth > bounds_.max_depth) {
        depth_error(i_);
        return;
      }
      nest_.push_back({c, depth});
      expect_key_ = c == '{';
    } else if ((c == ']' || c == '}') && !nest_.empty()) {
      nest_.pop_back();
    } else if (c == ',' && !nest_.empty()) {
      expect_key_ = nest_.back().bracket == '{';
    }
    ++i_;
  }

  void depth_error(std::size_t at) {
    fail(at, "values nested more than " + std::to_string(bounds_.max_depth) +
                 " deep (tables, arrays and dotted keys together); refused before parsing");
  }

  std::string_view t_;
  const std::string& file_;
  const ConfigBounds& bounds_;
  std::size_t i_ = 0;
  bool expect_key_ = true;
  int table_depth_ = 0;  // segments of the current [table] header
  int value_depth_ = 0;  // depth of the value after the last key
  int table_arrays_ = 0;
  std::vector<Open> nest_;
  std::optional<ConfigError> error_;
};

}  // namespace

SourcePosition position_of(std::string_view text, std::size_t offset, const std::string& file) {
  SourcePosition at{file, 1, 1};
  offset = std::min(offset, text.size());
  for (std::size_t k = 0; k < offset; ++k) {
    const auto byte = static_cast<unsigned char>(text[k]);
    if (byte == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // columns count characters, not UTF-8 continuation bytes
      ++at.column;
    }
  }
  return at;
}

std::optional<ConfigError> check_config_bounds(std::string_view text, const std::string& file,
                                               const ConfigBounds& bounds) {
  return BoundsScan(text, file, bounds).run();
}

}  // namespace sluice::host::detail
