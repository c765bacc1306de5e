// Writes the Prometheus text exposition format (version 0.0.4): one
// "# HELP" and "# TYPE" header per metric family, then its samples.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sluice::host::serve {

using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

class PrometheusText {
 public:
  // Starts a metric family; `type` is "counter", "gauge" or "histogram".
  void family(std::string_view name, std::string_view type, std::string_view help);
  void sample(std::string_view name, const Labels& labels, double value);
  void sample(std::string_view name, const Labels& labels, std::uint64_t value);
  void sample(std::string_view name, const Labels& labels, std::int64_t value);
  const std::string& text() const { return out_; }

 private:
  void series(std::string_view name, const Labels& labels);
  std::string out_;
};

// A label value with '\', '"' and newlines escaped as the format requires.
std::string escape_label_value(std::string_view value);

// A sample value (or histogram bound): shortest exact decimal, "NaN", "+Inf".
std::string format_value(double value);

}  // namespace sluice::host::serve
