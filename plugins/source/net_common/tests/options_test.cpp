// Reading the shared options back, and refusing values that cannot work.
#include "net/options.hpp"

#include <gtest/gtest.h>

namespace sluice::plugins::net {
namespace {

sdk::StageInit init_with(sdk::Map values) {
  sdk::StageInit init;
  init.options = sdk::Options(std::move(values));
  return init;
}

std::string error_of(sdk::Map values) {
  try {
    client_settings(init_with(std::move(values)));
  } catch (const sdk::StageError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(NetOptions, ReadsWhatThePluginDeclares) {
  const auto s = client_settings(init_with({{"user_agent", "bot/1"},
                                            {"connect_timeout", std::int64_t{1500}},
                                            {"read_timeout", std::int64_t{2500}},
                                            {"max_size", std::int64_t{4096}},
                                            {"max_redirects", std::int64_t{0}},
                                            {"headers", sdk::Map{{"X-Token", "t"}}},
                                            {"tls_verify", false}}));
  EXPECT_EQ(s.user_agent, "bot/1");
  EXPECT_EQ(s.connect_timeout.count(), 1500);
  EXPECT_EQ(s.read_timeout.count(), 2500);
  EXPECT_EQ(s.max_bytes, 4096u);
  EXPECT_EQ(s.max_redirects, 0);
  ASSERT_EQ(s.headers.size(), 1u);
  EXPECT_EQ(s.headers[0], (std::pair<std::string, std::string>{"X-Token", "t"}));
  EXPECT_FALSE(s.tls_verify);
}

TEST(NetOptions, RefusesValuesThatCannotWork) {
  EXPECT_EQ(error_of({{"headers", sdk::Map{{"Bad Name", "x"}}}}),
            "option 'headers': 'Bad Name' is not a valid header name");
  EXPECT_EQ(error_of({{"headers", sdk::Map{{"X-N", std::int64_t{3}}}}}),
            "option 'headers': the value of 'X-N' must be a string");
  EXPECT_EQ(error_of({{"read_timeout", std::int64_t{0}}}), "option 'read_timeout' must be greater than 0");
  EXPECT_EQ(error_of({{"max_redirects", std::int64_t{-1}}}), "option 'max_redirects' must not be negative");
  EXPECT_EQ(error_of({{"ca_file", "/nonexistent/ca.pem"}}),
            "option 'ca_file': '/nonexistent/ca.pem' is not a readable file");
}

TEST(NetOptions, UrlProblems) {
  EXPECT_EQ(url_problem("https://example.org/a?b=c"), "");
  EXPECT_EQ(url_problem("example.org/a"), "'example.org/a' is not an http or https URL");
  EXPECT_EQ(url_problem("http:///nohost"), "'http:///nohost' has no host");
  EXPECT_EQ(mime_type(" Text/HTML ; charset=UTF-8"), "text/html");
}

}  // namespace
}  // namespace sluice::plugins::net
