// check_descriptor() on hand-made descriptors: one valid descriptor, then
// each field broken on its own, with the exact reason the operator reads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <iterator>
#include <string>

#include "sluice/host/plugin_registry.hpp"
#include "sluice/sdk/plugin.hpp"

namespace {

using sluice::host::check_descriptor;
using ::testing::AllOf;
using ::testing::HasSubstr;

// The expected texts below spell out versions; bumping the SDK must revisit them.
static_assert(SLUICE_SDK_ABI_MAJOR == 1 && SLUICE_SDK_ABI_MINOR == 2);

class Noop : public sluice::sdk::Enricher {
 public:
  explicit Noop(const sluice::sdk::StageInit&) {}
  void enrich(sluice::sdk::Article&) override {}
};

class DescriptorCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    options_[0] = {.name = "path",
                   .type = SLUICE_OPT_STRING,
                   .required = 1,
                   .default_toml = nullptr,
                   .description = "d",
                   .example_toml = "\"x\""};
    options_[1] = {.name = "count",
                   .type = SLUICE_OPT_INT,
                   .required = 0,
                   .default_toml = "3",
                   .description = "d",
                   .example_toml = "4"};
    d_ = sluice::sdk::detail::make_descriptor<Noop>("noop", "1.0.0", "test", options_, 2, 0);
  }

  // The reason, or "" when accepted (so a failed expectation prints it).
  std::string reason() {
    const auto why = check_descriptor(&d_);
    return why ? *why : "";
  }

  // The host's tag with field `index` (0-based) replaced by `value`.
  static std::string host_tag_with(int index, const std::string& value) {
    std::string fields[5];
    std::string tag = SLUICE_TOOLCHAIN_TAG;
    for (int i = 0; i < 5; ++i) {
      const auto semi = tag.find(';');
      fields[i] = tag.substr(0, semi);
      tag = semi == std::string::npos ? "" : tag.substr(semi + 1);
    }
    fields[index] = value;
    return fields[0] + ";" + fields[1] + ";" + fields[2] + ";" + fields[3] + ";" + fields[4];
  }

  sluice_option_desc options_[2];
  sluice_plugin_descriptor d_;
  std::string tag_;  // keeps a patched toolchain string alive
};

TEST_F(DescriptorCheck, AcceptsWhatTheSdkMacroBuilds) { EXPECT_EQ(reason(), ""); }

TEST_F(DescriptorCheck, RefusesNull) {
  EXPECT_EQ(check_descriptor(nullptr), "descriptor function returned null");
}

TEST_F(DescriptorCheck, RefusesWrongMagicWithBothValuesInHex) {
  d_.magic = 0x1234;
  EXPECT_EQ(reason(),
            "bad descriptor magic 0x1234 (expected 0x4c50454349554c53): not a sluice descriptor, or a "
            "corrupted build");
}

TEST_F(DescriptorCheck, RefusesNewerMajorNamingBothVersions) {
  d_.abi_major = 2;
  d_.abi_minor = 0;
  EXPECT_EQ(reason(), "built against SDK 2.0, host speaks 1.x; rebuild the plugin against SDK 1.x");
}

TEST_F(DescriptorCheck, RefusesOlderMajor) {
  d_.abi_major = 0;
  d_.abi_minor = 9;
  EXPECT_THAT(reason(), HasSubstr("built against SDK 0.9, host speaks 1.x"));
}

TEST_F(DescriptorCheck, RefusesNewerMinor) {
  d_.abi_minor = 3;
  EXPECT_EQ(reason(), "built against SDK 1.3, newer than this host's SDK 1.2; upgrade sluice");
}

TEST_F(DescriptorCheck, RefusesDescriptorSmallerThanTheSdkDefines) {
  d_.descriptor_size = 8;
  EXPECT_EQ(reason(),
            "descriptor is 8 bytes, SDK 1.2 defines " + std::to_string(sizeof(sluice_plugin_descriptor)));
}

// Later fields are only trusted once earlier ones agree: a plugin that is
// wrong in several places is reported by the first, most basic, mismatch.
TEST_F(DescriptorCheck, ReportsTheFirstMismatchInPrefixOrder) {
  d_.descriptor_size = 8;
  d_.abi_major = 2;
  d_.abi_minor = 0;
  d_.name = nullptr;
  EXPECT_THAT(reason(), HasSubstr("built against SDK 2.0"));
  d_.magic = 0;
  EXPECT_THAT(reason(), HasSubstr("bad descriptor magic 0x0 "));
}

TEST_F(DescriptorCheck, RefusesMissingToolchainTag) {
  d_.toolchain = nullptr;
  EXPECT_EQ(reason(), "descriptor has no toolchain tag");
}

TEST_F(DescriptorCheck, RefusesUnreadableToolchainTag) {
  d_.toolchain = "gcc;libstdc++";
  EXPECT_EQ(reason(), "unreadable toolchain tag \"gcc;libstdc++\"");
}

TEST_F(DescriptorCheck, RefusesOtherStandardLibrary) {
  tag_ = host_tag_with(1, "libc++");
  d_.toolchain = tag_.c_str();
  EXPECT_THAT(reason(), HasSubstr("toolchain mismatch: plugin built with libc++, host uses " +
                                  std::string(SLUICE_TC_STDLIB)));
  EXPECT_THAT(reason(), HasSubstr("plugin tag \"" + tag_ + "\""));
}

TEST_F(DescriptorCheck, RefusesOtherDualAbiSetting) {
  const std::string theirs = std::string("cxx11abi=") + (SLUICE_TC_CXX11ABI[0] == '1' ? "0" : "1");
  tag_ = host_tag_with(2, theirs);
  d_.toolchain = tag_.c_str();
  EXPECT_THAT(reason(), HasSubstr("toolchain mismatch: plugin built with " + theirs +
                                  ", host uses cxx11abi=" SLUICE_TC_CXX11ABI));
}

TEST_F(DescriptorCheck, RefusesOtherDebugModeSetting) {
  const std::string theirs = std::string("debug=") + (SLUICE_TC_DEBUG[0] == '1' ? "0" : "1");
  tag_ = host_tag_with(3, theirs);
  d_.toolchain = tag_.c_str();
  EXPECT_THAT(reason(), HasSubstr("toolchain mismatch: plugin built with " + theirs +
                                  ", host uses debug=" SLUICE_TC_DEBUG));
}

TEST_F(DescriptorCheck, RefusesStandardOlderThanCxx20) {
  tag_ = host_tag_with(4, "std=201703L");
  d_.toolchain = tag_.c_str();
  EXPECT_EQ(reason(), "plugin built as std=201703L; the SDK requires C++20 or newer");
}

// gcc and clang share the Itanium ABI over libstdc++, and a newer standard
// does not change layouts: neither is a reason to refuse.
TEST_F(DescriptorCheck, AcceptsOtherCompilerFamilyAndNewerStandard) {
  tag_ = host_tag_with(0, "clang");
  d_.toolchain = tag_.c_str();
  EXPECT_EQ(reason(), "");
  tag_ = host_tag_with(4, "std=202302L");
  d_.toolchain = tag_.c_str();
  EXPECT_EQ(reason(), "");
}

TEST_F(DescriptorCheck, RefusesUnknownKind) {
  d_.kind = 0;
  EXPECT_EQ(reason(), "unknown stage kind 0");
  d_.kind = SLUICE_KIND_SINK + 1;
  EXPECT_EQ(reason(), "unknown stage kind 5");
}

TEST_F(DescriptorCheck, RefusesBadNames) {
  const std::string expected = "plugin name must be non-empty lowercase letters, digits, '_' or '-'";
  for (const char* name : {static_cast<const char*>(nullptr), "", "Upper", "has space", "dot.ted"}) {
    d_.name = name;
    EXPECT_EQ(reason(), expected) << (name ? name : "(null)");
  }
  d_.name = "ok_name-2";
  EXPECT_EQ(reason(), "");
}

TEST_F(DescriptorCheck, RefusesMissingVersion) {
  d_.version = nullptr;
  EXPECT_EQ(reason(), "descriptor has no version");
  d_.version = "";
  EXPECT_EQ(reason(), "descriptor has no version");
}

TEST_F(DescriptorCheck, RefusesMissingFactory) {
  d_.create = nullptr;
  EXPECT_EQ(reason(), "descriptor has no factory");
  d_ = sluice::sdk::detail::make_descriptor<Noop>("noop", "1.0.0", "test", nullptr, 0, 0);
  d_.destroy = nullptr;
  EXPECT_EQ(reason(), "descriptor has no factory");
}

TEST_F(DescriptorCheck, RefusesOptionCountWithoutTable) {
  d_.options = nullptr;
  EXPECT_EQ(reason(), "descriptor declares options but no table");
}

TEST_F(DescriptorCheck, RefusesOptionWithoutName) {
  options_[1].name = nullptr;
  EXPECT_EQ(reason(), "option #2 has no name");
  options_[1].name = "";
  EXPECT_EQ(reason(), "option #2 has no name");
}

TEST_F(DescriptorCheck, RefusesOptionOfUnknownType) {
  options_[1].type = 0;
  EXPECT_EQ(reason(), "option 'count' has unknown type 0");
  options_[1].type = SLUICE_OPT_TABLE + 1;
  EXPECT_EQ(reason(), "option 'count' has unknown type 9");
}

TEST_F(DescriptorCheck, RefusesOptionDeclaredTwice) {
  options_[1].name = "path";
  EXPECT_EQ(reason(), "option 'path' is declared twice");
}

// A default is a TOML literal the host parses for every config that omits
// the option. One that does not parse, or has the wrong type, is a broken
// plugin: refusing it at the gate names the plugin, where otherwise each
// config using it fails with an error that blames the operator's file.
TEST_F(DescriptorCheck, RefusesOptionDefaultThatIsNotToml) {
  options_[1].default_toml = "three =";
  EXPECT_THAT(reason(), AllOf(HasSubstr("option 'count'"), HasSubstr("default")));
}

TEST_F(DescriptorCheck, RefusesOptionDefaultOfTheWrongType) {
  options_[1].default_toml = "\"three\"";
  EXPECT_THAT(reason(), AllOf(HasSubstr("option 'count'"), HasSubstr("default")));
}

TEST_F(DescriptorCheck, AcceptsDefaultsOfEveryType) {
  const sluice_option_desc typed[] = {
      {"s", SLUICE_OPT_STRING, 0, "\"x\"", "d", nullptr},
      {"i", SLUICE_OPT_INT, 0, "-1", "d", nullptr},
      {"f", SLUICE_OPT_FLOAT, 0, "1.5", "d", nullptr},
      {"b", SLUICE_OPT_BOOL, 0, "true", "d", nullptr},
      {"d", SLUICE_OPT_DURATION, 0, "\"250ms\"", "d", nullptr},
      {"z", SLUICE_OPT_SIZE, 0, "\"64KiB\"", "d", nullptr},
      {"l", SLUICE_OPT_LIST, 0, "[\"*.txt\"]", "d", nullptr},
      {"t", SLUICE_OPT_TABLE, 0, "{ a = 1 }", "d", nullptr},
  };
  d_.options = typed;
  d_.option_count = std::size(typed);
  EXPECT_EQ(reason(), "");
}

}  // namespace
