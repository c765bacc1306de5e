// Pure helpers of the `files` source: globs, MIME guesses, URIs.
#include <gtest/gtest.h>

#include "content_type.hpp"
#include "file_uri.hpp"
#include "path_filter.hpp"

namespace sluice::plugins::files {
namespace {

TEST(PathFilter, PatternWithoutSlashMatchesTheName) {
  const PathFilter f({"*.txt"}, {});
  EXPECT_TRUE(f.wants_file("a.txt", "a.txt"));
  EXPECT_TRUE(f.wants_file("x/y/a.txt", "a.txt"));
  EXPECT_FALSE(f.wants_file("a.txt.bak", "a.txt.bak"));
  EXPECT_FALSE(f.wants_file("a.txt/b", "b"));  // a directory named a.txt does not count
}

TEST(PathFilter, PatternWithSlashMatchesTheRelativePathAcrossDirectories) {
  const PathFilter f({"2023/*.txt"}, {});
  EXPECT_TRUE(f.wants_file("2023/a.txt", "a.txt"));
  EXPECT_TRUE(f.wants_file("2023/07/a.txt", "a.txt"));
  EXPECT_FALSE(f.wants_file("2024/a.txt", "a.txt"));
  EXPECT_FALSE(f.wants_file("x/2023/a.txt", "a.txt"));  // anchored at the root
}

TEST(PathFilter, ExcludeWinsAndPrunesDirectories) {
  const PathFilter f({"*"}, {"*.tmp", "drafts", "a/[0-9]?"});
  EXPECT_FALSE(f.wants_file("x.tmp", "x.tmp"));
  EXPECT_TRUE(f.wants_file("x.txt", "x.txt"));
  EXPECT_TRUE(f.prunes_directory("drafts", "drafts"));
  EXPECT_TRUE(f.prunes_directory("deep/drafts", "drafts"));
  EXPECT_TRUE(f.prunes_directory("a/12", "12"));
  EXPECT_FALSE(f.prunes_directory("a/123", "123"));
  EXPECT_FALSE(f.prunes_directory("src", "src"));
}

TEST(PathFilter, BracketsAndQuestionMarks) {
  const PathFilter f({"[0-9][0-9][0-9]_*.txt", "?.xml"}, {});
  EXPECT_TRUE(f.wants_file("000_42c6fa3853cb70aa.txt", "000_42c6fa3853cb70aa.txt"));
  EXPECT_FALSE(f.wants_file("00_x.txt", "00_x.txt"));
  EXPECT_TRUE(f.wants_file("e.xml", "e.xml"));
  EXPECT_FALSE(f.wants_file("ee.xml", "ee.xml"));
}

TEST(ContentType, GuessedFromTheExtensionIgnoringCase) {
  EXPECT_EQ(guess_content_type("a.txt"), "text/plain");
  EXPECT_EQ(guess_content_type("A.TXT"), "text/plain");
  EXPECT_EQ(guess_content_type("index.html"), "text/html");
  EXPECT_EQ(guess_content_type("index.htm"), "text/html");
  EXPECT_EQ(guess_content_type("feed.xml"), "application/xml");
  EXPECT_EQ(guess_content_type("feed.rss"), "application/xml");
  EXPECT_EQ(guess_content_type("feed.atom"), "application/xml");
  EXPECT_EQ(guess_content_type("doc.json"), "application/json");
  EXPECT_EQ(guess_content_type("docs.jsonl"), "application/x-ndjson");
  EXPECT_EQ(guess_content_type("archive.tar.gz"), "");
  EXPECT_EQ(guess_content_type("README"), "");
  EXPECT_EQ(guess_content_type(".txt"), "");  // a hidden file named ".txt" has no extension
  EXPECT_EQ(guess_content_type("trailing."), "");
}

TEST(FileUri, KeepsSafeBytesAndEncodesTheRest) {
  EXPECT_EQ(file_uri("/srv/seeds/000_a-b.c~d.txt"), "file:///srv/seeds/000_a-b.c~d.txt");
  EXPECT_EQ(file_uri("/a b/c%d#e?f"), "file:///a%20b/c%25d%23e%3Ff");
  EXPECT_EQ(file_uri("/caf\xC3\xA9"), "file:///caf%C3%A9");
  EXPECT_EQ(file_uri("/a(1)+b,c;d=e:f@g!h$i&j'k*l"), "file:///a(1)+b,c;d=e:f@g!h$i&j'k*l");
}

}  // namespace
}  // namespace sluice::plugins::files
