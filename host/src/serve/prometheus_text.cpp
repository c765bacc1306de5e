#include "serve/prometheus_text.hpp"

#include <charconv>
#include <cmath>

namespace sluice::host::serve {

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

void PrometheusText::family(std::string_view name, std::string_view type, std::string_view help) {
  // HELP text escapes only '\' and newlines.
  out_ += "# HELP ";
  out_ += name;
  out_ += ' ';
  for (const char c : help) {
    if (c == '\\')
      out_ += "\\\\";
    else if (c == '\n')
      out_ += "\\n";
    else
      out_ += c;
  }
  out_ += "\n# TYPE ";
  out_ += name;
  out_ += ' ';
  out_ += type;
  out_ += '\n';
}

void PrometheusText::series(std::string_view name, const Labels& labels) {
  out_ += name;
  if (!labels.empty()) {
    out_ += '{';
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (i > 0) out_ += ',';
      out_ += labels[i].first;
      out_ += "=\"";
      out_ += escape_label_value(labels[i].second);
      out_ += '"';
    }
    out_ += '}';
  }
  out_ += ' ';
}

std::string format_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  // Shortest exact form, in plain decimals ("0.0001", "1700000000.5") where
  // they fit; scientific notation only for extreme magnitudes.
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  if (r.ec != std::errc()) r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

void PrometheusText::sample(std::string_view name, const Labels& labels, double value) {
  series(name, labels);
  out_ += format_value(value);
  out_ += '\n';
}

void PrometheusText::sample(std::string_view name, const Labels& labels, std::uint64_t value) {
  series(name, labels);
  out_ += std::to_string(value);
  out_ += '\n';
}

void PrometheusText::sample(std::string_view name, const Labels& labels, std::int64_t value) {
  series(name, labels);
  out_ += std::to_string(value);
  out_ += '\n';
}

}  // namespace sluice::host::serve
