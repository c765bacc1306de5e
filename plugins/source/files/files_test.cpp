// Behaviour of the `files` source on real directory trees.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "files_source.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/sdk/testing/options.hpp"
#include "sluice/sdk/testing/recorders.hpp"

namespace sluice::plugins::files {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::files {
namespace {

namespace fs = std::filesystem;

sdk::List list(std::initializer_list<const char*> items) {
  sdk::List out;
  for (const char* s : items) out.emplace_back(s);
  return out;
}

class RecordingLog : public sdk::Log {
 public:
  void info(std::string_view m) override { lines.emplace_back(m); }
  void warn(std::string_view m) override { lines.emplace_back(m); }
  std::vector<std::string> lines;
};

// A fresh directory tree per test, removed afterwards.
class FilesSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "sluice-files-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(root_, ec);
  }

  void write(const std::string& relative, const std::string& content) {
    const fs::path p = root_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }

  // The standard tree most tests read.
  void write_tree() {
    write("a.txt", "alpha");
    write("b.html", "<p>b</p>");
    write("c.JSON", "{}");
    write("notes.md", "# notes");
    write("a-c.txt", "dash sorts before slash");
    write(".hidden.txt", "hidden");
    write(".git/config", "[core]");
    write("a/b.txt", "nested");
    write("sub/d.txt", "delta");
    write("sub/deeper/e.xml", "<e/>");
    write("drafts/f.txt", "draft");
  }

  std::unique_ptr<FilesSource> make(sdk::Map overrides = {}, std::string base_dir = {}) {
    sdk::StageInit init;
    init.pipeline = "test";
    init.name = "files";
    if (!overrides.count("path")) overrides["path"] = root_.string();
    // The declared defaults plus `overrides`, converted as the host would.
    init.options = sdk::testing::make_options(*descriptor(), overrides);
    init.base_dir = std::move(base_dir);
    init.log = &log_;
    init.state = state_;
    return std::make_unique<FilesSource>(init);
  }

  // Every document a source delivers, in order.
  static std::vector<sdk::RawDocument> drain(FilesSource& source) {
    std::vector<sdk::RawDocument> docs;
    sdk::RawDocument doc;
    while (source.next(doc)) docs.push_back(doc);
    return docs;
  }

  static std::vector<std::string> keys(const std::vector<sdk::RawDocument>& docs) {
    std::vector<std::string> out;
    for (const auto& d : docs) out.push_back(d.key);
    return out;
  }

  std::vector<std::string> read_keys(sdk::Map overrides = {}) {
    auto source = make(std::move(overrides));
    return keys(drain(*source));
  }

  fs::path root_;
  RecordingLog log_;
  sdk::StateStore* state_ = nullptr;  // set by tests of incremental runs
};

using Keys = std::vector<std::string>;

TEST_F(FilesSourceTest, DefaultsReadEveryVisibleFileRecursivelyInBytewiseOrder) {
  write_tree();
  // '-' (0x2D) sorts before '/' (0x2F): "a-c.txt" comes before "a/b.txt".
  EXPECT_EQ(read_keys(), (Keys{"a-c.txt", "a.txt", "a/b.txt", "b.html", "c.JSON", "drafts/f.txt", "notes.md",
                               "sub/d.txt", "sub/deeper/e.xml"}));
}

TEST_F(FilesSourceTest, OrderIsTheSameOnEveryRun) {
  write_tree();
  for (int i = 0; i < 20; ++i) write("many/" + std::to_string((i * 7) % 20) + ".txt", "x");
  const Keys first = read_keys();
  EXPECT_TRUE(std::is_sorted(first.begin(), first.end()));
  EXPECT_EQ(read_keys(), first);
}

TEST_F(FilesSourceTest, IncludeWithoutSlashMatchesNamesAtAnyDepth) {
  write_tree();
  EXPECT_EQ(read_keys({{"include", list({"*.txt"})}}),
            (Keys{"a-c.txt", "a.txt", "a/b.txt", "drafts/f.txt", "sub/d.txt"}));
}

TEST_F(FilesSourceTest, IncludeWithSlashMatchesTheRelativePath) {
  write_tree();
  EXPECT_EQ(read_keys({{"include", list({"sub/*"})}}), (Keys{"sub/d.txt", "sub/deeper/e.xml"}));
  EXPECT_EQ(read_keys({{"include", list({"sub/*.txt"})}}), (Keys{"sub/d.txt"}));
}

TEST_F(FilesSourceTest, SeveralIncludesAreAlternatives) {
  write_tree();
  EXPECT_EQ(read_keys({{"include", list({"*.html", "*.xml"})}}), (Keys{"b.html", "sub/deeper/e.xml"}));
}

TEST_F(FilesSourceTest, ExcludeSkipsFilesAndPrunesDirectories) {
  write_tree();
  EXPECT_EQ(read_keys({{"include", list({"*.txt"})}, {"exclude", list({"drafts", "a.*"})}}),
            (Keys{"a-c.txt", "a/b.txt", "sub/d.txt"}));
  EXPECT_EQ(
      read_keys({{"exclude", list({"sub/deeper"})}}),
      (Keys{"a-c.txt", "a.txt", "a/b.txt", "b.html", "c.JSON", "drafts/f.txt", "notes.md", "sub/d.txt"}));
}

TEST_F(FilesSourceTest, NonRecursiveReadsTheTopLevelOnly) {
  write_tree();
  EXPECT_EQ(read_keys({{"recursive", false}}), (Keys{"a-c.txt", "a.txt", "b.html", "c.JSON", "notes.md"}));
}

TEST_F(FilesSourceTest, HiddenFilesAndDirectoriesAreSkippedUnlessAskedFor) {
  write_tree();
  const Keys hidden = read_keys({{"include_hidden", true}});
  EXPECT_NE(std::find(hidden.begin(), hidden.end(), ".hidden.txt"), hidden.end());
  EXPECT_NE(std::find(hidden.begin(), hidden.end(), ".git/config"), hidden.end());
  EXPECT_EQ(hidden.size(), read_keys().size() + 2);
}

TEST_F(FilesSourceTest, DeliversContentIdentityAndMeta) {
  write("sub/d.txt", "delta\n");
  auto source = make();
  sdk::RawDocument doc;
  ASSERT_TRUE(source->next(doc));
  EXPECT_EQ(doc.bytes, "delta\n");
  EXPECT_EQ(doc.key, "sub/d.txt");
  EXPECT_EQ(doc.cursor, "sub/d.txt");
  EXPECT_EQ(doc.uri, "file://" + (root_ / "sub/d.txt").string());
  EXPECT_EQ(doc.content_type, "text/plain");
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  EXPECT_LE(doc.fetched_at_ms, now);
  EXPECT_GT(doc.fetched_at_ms, now - 60'000);
  ASSERT_NE(doc.meta.find("size"), nullptr);
  EXPECT_EQ(doc.meta.find("size")->as_int(), 6);
  struct stat st {};
  ASSERT_EQ(::stat((root_ / "sub/d.txt").c_str(), &st), 0);
  EXPECT_EQ(doc.meta.find("mtime_ms")->as_int(), st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000);
  EXPECT_EQ(doc.meta.find("error"), nullptr);
  EXPECT_EQ(doc.meta.find("oversize"), nullptr);
  EXPECT_FALSE(source->next(doc));
  EXPECT_FALSE(source->next(doc));  // stays exhausted
}

TEST_F(FilesSourceTest, UriPercentEncodesUnsafeCharacters) {
  write("with space #1.txt", "x");
  auto source = make();
  sdk::RawDocument doc;
  ASSERT_TRUE(source->next(doc));
  EXPECT_EQ(doc.key, "with space #1.txt");
  EXPECT_EQ(doc.uri, "file://" + root_.string() + "/with%20space%20%231.txt");
}

TEST_F(FilesSourceTest, ContentTypeIsGuessedOrForced) {
  write_tree();
  std::map<std::string, std::string> guessed;
  for (const auto& d : drain(*make())) guessed[d.key] = d.content_type;
  EXPECT_EQ(guessed["a.txt"], "text/plain");
  EXPECT_EQ(guessed["b.html"], "text/html");
  EXPECT_EQ(guessed["c.JSON"], "application/json");
  EXPECT_EQ(guessed["sub/deeper/e.xml"], "application/xml");
  EXPECT_EQ(guessed["notes.md"], "");

  for (const auto& d : drain(*make({{"content_type", "text/x-seed"}}))) {
    EXPECT_EQ(d.content_type, "text/x-seed") << d.key;
  }
}

TEST_F(FilesSourceTest, OversizeFilesAreDeliveredEmptyWithAnError) {
  write("big.txt", std::string(100, 'x'));
  write("small.txt", "tiny");
  const auto docs = drain(*make({{"max_size", std::int64_t{10}}}));
  ASSERT_EQ(docs.size(), 2u);
  const auto& big = docs[0];
  EXPECT_EQ(big.key, "big.txt");
  EXPECT_TRUE(big.bytes.empty());
  ASSERT_NE(big.meta.find("oversize"), nullptr);
  EXPECT_TRUE(big.meta.find("oversize")->as_bool());
  EXPECT_EQ(big.meta.find("size")->as_int(), 100);
  const std::string error = big.meta.find("error")->as_string();
  EXPECT_NE(error.find("100 bytes"), std::string::npos) << error;
  EXPECT_NE(error.find("max_size (10 bytes)"), std::string::npos) << error;

  EXPECT_EQ(docs[1].bytes, "tiny");  // the run goes on
  EXPECT_EQ(docs[1].meta.find("error"), nullptr);
}

TEST_F(FilesSourceTest, FileAtExactlyMaxSizeIsRead) {
  write("ten.txt", "0123456789");
  const auto docs = drain(*make({{"max_size", std::int64_t{10}}}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].bytes, "0123456789");
}

TEST_F(FilesSourceTest, EmptyFileIsAnEmptyDocument) {
  write("empty.txt", "");
  const auto docs = drain(*make());
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(docs[0].bytes.empty());
  EXPECT_EQ(docs[0].meta.find("size")->as_int(), 0);
  EXPECT_EQ(docs[0].meta.find("error"), nullptr);
}

TEST_F(FilesSourceTest, MissingDirectoryFailsConstructionNamingThePath) {
  const std::string missing = (root_ / "no-such-dir").string();
  try {
    make({{"path", missing}});
    FAIL() << "expected StageError";
  } catch (const sdk::StageError& e) {
    EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
  }
}

TEST_F(FilesSourceTest, FileAsPathFailsConstruction) {
  write("a.txt", "x");
  EXPECT_THROW(make({{"path", (root_ / "a.txt").string()}}), sdk::StageError);
}

TEST_F(FilesSourceTest, EmptyIncludeOrZeroMaxSizeFailsConstruction) {
  EXPECT_THROW(make({{"include", sdk::List{}}}), sdk::StageError);
  EXPECT_THROW(make({{"max_size", std::int64_t{0}}}), sdk::StageError);
}

TEST_F(FilesSourceTest, RelativePathResolvesAgainstBaseDir) {
  write("docs/x.txt", "x");
  auto source = make({{"path", "docs"}}, root_.string());
  EXPECT_EQ(source->root(), root_ / "docs");
  sdk::RawDocument doc;
  ASSERT_TRUE(source->next(doc));
  EXPECT_EQ(doc.uri, "file://" + (root_ / "docs/x.txt").string());

  try {
    make({{"path", "nope"}}, root_.string());
    FAIL() << "expected StageError";
  } catch (const sdk::StageError& e) {
    // The message names what the user wrote and where it led.
    EXPECT_NE(std::string(e.what()).find("'nope'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find((root_ / "nope").string()), std::string::npos);
  }
}

TEST_F(FilesSourceTest, RelativePathWithoutBaseDirResolvesAgainstWorkingDirectory) {
  write("docs/x.txt", "x");
  const fs::path before = fs::current_path();
  fs::current_path(root_);
  std::unique_ptr<FilesSource> source;
  EXPECT_NO_THROW(source = make({{"path", "docs/"}}));
  fs::current_path(before);
  ASSERT_NE(source, nullptr);
  EXPECT_EQ(source->root(), root_ / "docs");
  EXPECT_EQ(keys(drain(*source)), (Keys{"x.txt"}));
}

TEST_F(FilesSourceTest, SymlinksAreSkippedUnlessFollowed) {
  write("real/a.txt", "a");
  fs::create_symlink(root_ / "real/a.txt", root_ / "link.txt");
  fs::create_directory_symlink(root_ / "real", root_ / "linkdir");
  fs::create_directory_symlink(root_, root_ / "real/loop");  // a cycle
  fs::create_symlink(root_ / "gone", root_ / "dangling.txt");

  EXPECT_EQ(read_keys(), (Keys{"real/a.txt"}));
  // Followed: the file link and the directory link are read once each, the
  // loop back to the root is noticed, the dangling link is reported.
  EXPECT_EQ(read_keys({{"follow_symlinks", true}}), (Keys{"link.txt", "linkdir/a.txt", "real/a.txt"}));
  bool loop_reported = false, dangling_reported = false;
  for (const auto& line : log_.lines) {
    loop_reported |=
        line.find("real/loop") != std::string::npos || line.find("linkdir/loop") != std::string::npos;
    dangling_reported |= line.find("dangling.txt") != std::string::npos;
  }
  EXPECT_TRUE(loop_reported);
  EXPECT_TRUE(dangling_reported);
}

TEST_F(FilesSourceTest, SymlinkedRootIsRead) {
  write("real/a.txt", "a");
  fs::create_directory_symlink(root_ / "real", root_ / "root-link");
  EXPECT_EQ(keys(drain(*make({{"path", (root_ / "root-link").string()}}))), (Keys{"a.txt"}));
}

TEST_F(FilesSourceTest, FifosAreNotListed) {
  write("a.txt", "a");
  ASSERT_EQ(::mkfifo((root_ / "pipe.txt").c_str(), 0600), 0);
  EXPECT_EQ(read_keys(), (Keys{"a.txt"}));
}

TEST_F(FilesSourceTest, FileReplacedByAFifoAfterListingBecomesAnErrorDocument) {
  write("a.txt", "a");
  write("b.txt", "b");
  write("c.txt", "c");
  auto source = make();
  sdk::RawDocument doc;
  ASSERT_TRUE(source->next(doc));  // lists, delivers a.txt
  fs::remove(root_ / "b.txt");
  ASSERT_EQ(::mkfifo((root_ / "b.txt").c_str(), 0600), 0);

  ASSERT_TRUE(source->next(doc));  // must not block on the FIFO
  EXPECT_EQ(doc.key, "b.txt");
  EXPECT_TRUE(doc.bytes.empty());
  ASSERT_NE(doc.meta.find("error"), nullptr);
  EXPECT_NE(doc.meta.find("error")->as_string().find("not a regular file"), std::string::npos);
  ASSERT_TRUE(source->next(doc));
  EXPECT_EQ(doc.bytes, "c");
}

TEST_F(FilesSourceTest, UnreadableFileBecomesAnErrorDocument) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  write("a.txt", "a");
  fs::permissions(root_ / "a.txt", fs::perms::none);
  const auto docs = drain(*make());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_NE(docs[0].meta.find("error"), nullptr);
  EXPECT_NE(docs[0].meta.find("error")->as_string().find("Permission denied"), std::string::npos);
}

TEST_F(FilesSourceTest, FileRemovedAfterListingIsSkippedWithAWarning) {
  write("a.txt", "a");
  write("b.txt", "b");
  write("c.txt", "c");
  auto source = make();
  sdk::RawDocument doc;
  ASSERT_TRUE(source->next(doc));
  fs::remove(root_ / "b.txt");
  ASSERT_TRUE(source->next(doc));
  EXPECT_EQ(doc.key, "c.txt");
  EXPECT_FALSE(source->next(doc));
  ASSERT_EQ(log_.lines.size(), 1u);
  EXPECT_NE(log_.lines[0].find("b.txt"), std::string::npos);
}

TEST_F(FilesSourceTest, ListingHappensOnFirstNextNotInTheConstructor) {
  auto source = make();
  write("late.txt", "x");  // created after construction, before the run
  sdk::RawDocument doc;
  ASSERT_TRUE(source->next(doc));
  EXPECT_EQ(doc.key, "late.txt");
}

int open_descriptors() {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator("/proc/self/fd")) ++n;
  return n;
}

TEST_F(FilesSourceTest, NoFileStaysOpenBetweenCalls) {
  write_tree();
  auto source = make();
  const int before = open_descriptors();
  sdk::RawDocument doc;
  int delivered = 0;
  while (source->next(doc)) {
    ++delivered;
    EXPECT_EQ(open_descriptors(), before) << "after " << doc.key;
  }
  EXPECT_EQ(delivered, 9);
}

TEST_F(FilesSourceTest, AcknowledgeRecordsTheLastCursor) {
  write("a.txt", "a");
  auto source = make();
  EXPECT_EQ(source->last_acknowledged(), "");
  sdk::RawDocument doc;
  ASSERT_TRUE(source->next(doc));
  source->acknowledge(doc.cursor);
  EXPECT_EQ(source->last_acknowledged(), "a.txt");
}

// Record-on-acknowledge: an incremental source writes a file's fingerprint
// to the state only when the host acknowledges it (every sink stored it),
// so a crash between reading and acknowledging delivers the file again.
class FilesAcknowledgeTest : public FilesSourceTest {
 protected:
  void SetUp() override {
    FilesSourceTest::SetUp();
    state_ = &memory_;
    write("a.txt", "a");
    write("b.txt", "b");
    write("c.txt", "c");
  }
  std::vector<std::string> recorded() const {
    std::vector<std::string> out;
    for (const auto& [key, value] : memory_.all()) out.push_back(key);
    return out;
  }
  sdk::testing::MemoryState memory_;
};

TEST_F(FilesAcknowledgeTest, NothingIsRecordedBeforeTheAcknowledgement) {
  auto source = make();
  EXPECT_EQ(keys(drain(*source)), (Keys{"a.txt", "b.txt", "c.txt"}));
  EXPECT_TRUE(recorded().empty()) << recorded().front();
}

TEST_F(FilesAcknowledgeTest, AnAcknowledgementRecordsEveryFileUpToItsCursor) {
  auto source = make();
  const auto docs = drain(*source);
  source->acknowledge(docs[1].cursor);
  EXPECT_EQ(recorded(), (Keys{"file/a.txt", "file/b.txt"}));
  source->acknowledge(docs[2].cursor);
  EXPECT_EQ(recorded(), (Keys{"file/a.txt", "file/b.txt", "file/c.txt"}));
  EXPECT_EQ(keys(drain(*make())), Keys{}) << "a later run skips what was acknowledged";
}

TEST_F(FilesAcknowledgeTest, ACrashBetweenReadAndAcknowledgeDeliversAgain) {
  {
    auto source = make();
    sdk::RawDocument doc;
    ASSERT_TRUE(source->next(doc));
    source->acknowledge(doc.cursor);  // a.txt stored by every sink
    ASSERT_TRUE(source->next(doc));   // b.txt read, then the process dies
    ASSERT_TRUE(source->next(doc));   // c.txt too
  }
  EXPECT_EQ(keys(drain(*make())), (Keys{"b.txt", "c.txt"}));
}

TEST_F(FilesAcknowledgeTest, AChangedFileIsDeliveredAgainAfterItsAcknowledgement) {
  {
    auto source = make();
    const auto docs = drain(*source);
    source->acknowledge(docs.back().cursor);
  }
  write("b.txt", "b, edited");
  EXPECT_EQ(keys(drain(*make())), Keys{"b.txt"});
}

TEST_F(FilesSourceTest, TwoInstancesDoNotInterfere) {
  write_tree();
  auto one = make();
  auto two = make({{"include", list({"*.txt"})}});
  sdk::RawDocument a, b;
  ASSERT_TRUE(one->next(a));
  ASSERT_TRUE(two->next(b));
  ASSERT_TRUE(one->next(a));
  EXPECT_EQ(a.key, "a.txt");
  ASSERT_TRUE(two->next(b));
  EXPECT_EQ(b.key, "a.txt");
}

TEST(FilesDescriptor, DeclaresItsOptions) {
  const sluice_plugin_descriptor* d = descriptor();
  EXPECT_STREQ(d->name, "files");
  EXPECT_EQ(d->kind, static_cast<std::uint32_t>(SLUICE_KIND_SOURCE));
  // `path` is the one required option; everything else has a default.
  EXPECT_THROW(sdk::testing::make_options(*d), sdk::testing::OptionsError);
  const sdk::Options defaults = sdk::testing::make_options(*d, {{"path", "news"}});
  EXPECT_EQ(defaults.strings("include"), std::vector<std::string>{"*"});
  EXPECT_EQ(defaults.size("max_size"), std::uint64_t{64} << 20);
  EXPECT_EQ(defaults.all().size(), d->option_count);
}

}  // namespace
}  // namespace sluice::plugins::files
