// The suppression room's parsers and filters (issue 5, moved from tests/cli by issue 9):
// baselines, ignore-file entries, gitignore-style path patterns, the canonical ignore-file
// layout, and inline allows applied to findings.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "suppress/baseline.h"
#include "suppress/ignore_file.h"
#include "suppress/path_patterns.h"
#include "suppress/suppressor.h"

namespace magpie::suppress {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKey = "AKIAQYLPMN5HHHFPZAM2";
constexpr std::string_view kAwsRule = "aws-access-key-id";

// A directory with work/ and io/ beside it, removed at the end.
class TempDir {
 public:
  TempDir() {
    root_ = fs::temp_directory_path() /
            ("magpie-suppress-" + std::to_string(reinterpret_cast<uintptr_t>(this)) + "-" +
             std::to_string(::getpid()));
    fs::create_directories(root_ / "work");
    fs::create_directories(root_ / "io");
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  fs::path work() const { return root_ / "work"; }
  fs::path io() const { return root_ / "io"; }

 private:
  fs::path root_;
};

TEST_CASE("ParseBaseline reads JSON, JSONL and SARIF reports", "[suppress]") {
  const std::string fp(32, 'a');
  auto json = ParseBaseline(R"({"findings":[{"fingerprint":")" + fp + R"("}],"summary":{}})",
                                 "j");
  REQUIRE(json.ok());
  CHECK(*json == std::vector<std::string>{fp});
  auto jsonl = ParseBaseline(R"({"type":"finding","fingerprint":")" + fp +
                                      "\"}\n{\"type\":\"summary\"}\n",
                                  "l");
  REQUIRE(jsonl.ok());
  CHECK(*jsonl == std::vector<std::string>{fp});
  auto truncated = ParseBaseline(R"({"type":"finding","fingerprint":")" + fp + "\"}\n", "t");
  CHECK_FALSE(truncated.ok());
  auto sarif = ParseBaseline(
      R"({"runs":[{"results":[{"partialFingerprints":{"magpie/v1":")" + fp + R"("}}]}]})", "s");
  REQUIRE(sarif.ok());
  CHECK(*sarif == std::vector<std::string>{fp});
  CHECK_FALSE(ParseBaseline(R"({"findings":[{"rule":"x"}]})", "n").ok());
  CHECK_FALSE(ParseBaseline("not json", "x").ok());
}

// ---- the ignore file's parts ---------------------------------------------------------------

TEST_CASE("ignore-file entries: fingerprints versus path patterns", "[suppress]") {
  const std::string fp = "0123456789abcdef0123456789ABCDEF";
  const IgnoreFile file = ParseIgnoreFile("# comment\n\n" + fp + "  # why\n" +
                                                    std::string(33, 'a') + "\n" + "logs/\n");
  CHECK(file.fingerprints.size() == 1);
  CHECK(file.fingerprints.count("0123456789abcdef0123456789abcdef") == 1);  // lower-cased
  CHECK(file.patterns.Excludes(std::string(33, 'a'), false));  // not 32 digits: a pattern
  CHECK(file.patterns.Excludes("logs", true));
  CHECK_FALSE(file.patterns.Excludes("logs", false));  // trailing '/': directories only
}

TEST_CASE("path patterns follow gitignore", "[suppress]") {
  PathPatterns p;
  p.Add("*.log");          // any depth
  p.Add("/build");         // anchored
  p.Add("docs/**/*.md");   // ** = zero or more directories
  p.Add("!keep.log");      // negation
  p.Add("secret/**");      // everything inside
  CHECK(p.Excludes("a.log", false));
  CHECK(p.Excludes("x/y/a.log", false));
  CHECK_FALSE(p.Excludes("keep.log", false));
  CHECK_FALSE(p.Excludes("x/keep.log", false));
  CHECK(p.Excludes("build", true));
  CHECK_FALSE(p.Excludes("src/build", true));
  CHECK(p.Excludes("docs/a.md", false));
  CHECK(p.Excludes("docs/x/y/a.md", false));
  CHECK_FALSE(p.Excludes("docs/a.txt", false));
  CHECK(p.Excludes("secret/a", false));
  CHECK_FALSE(p.Excludes("secret", true));
  CHECK_FALSE(p.Excludes("a.logx", false));
  // '*' never crosses '/'.
  PathPatterns star;
  star.Add("src/*.py");
  CHECK(star.Excludes("src/a.py", false));
  CHECK_FALSE(star.Excludes("src/x/a.py", false));
  // A file inside an excluded directory cannot be re-included.
  PathPatterns dir;
  dir.Add("vendor/");
  dir.Add("!vendor/keep.env");
  CHECK(dir.ExcludesWithParents("vendor/keep.env", false));
  CHECK_FALSE(dir.ExcludesWithParents("src/keep.env", false));
}

TEST_CASE("PathExcluder resolves paths against the scan root", "[suppress]") {
  const TempDir box;
  PathPatterns patterns;
  patterns.Add("/gen/");
  const PathExcluder excluder(box.work().string(), patterns);
  CHECK(excluder.ExcludesPath((box.work() / "gen/a.py").string()));
  CHECK(excluder.ExcludesPath((box.work() / "gen").string(), true));
  CHECK_FALSE(excluder.ExcludesPath((box.work() / "src/gen/a.py").string()));  // anchored
  CHECK_FALSE(excluder.ExcludesPath((box.io() / "gen/a.py").string()));  // outside the root
  CHECK(excluder.ExcludesEntry((box.work() / "gen").string(), true));
  CHECK_FALSE(excluder.ExcludesEntry((box.work() / "gen").string(), false));  // dirs only
  CHECK(excluder.ExcludesRootRelative("gen/x/y.txt"));  // git blob paths
  CHECK_FALSE(excluder.ExcludesRootRelative("src/y.txt"));
  CHECK_FALSE(PathExcluder().ExcludesPath("anything"));
}

TEST_CASE("MergeIgnoreText keeps fingerprints sorted, unique and with their comments", "[suppress]") {
  const std::string a(32, 'a'), b(32, 'b'), c(32, 'c');
  const std::string existing = "# team header\n\n# why c\n" + c + "  # c\n" + "build/\n" + a +
                               "  # a\n" + "!build/x\n# trailing note\n";
  size_t added = 0;
  const std::string merged =
      MergeIgnoreText(existing, {IgnoreEntry{b, "rule p:1 2026-01-01"}, IgnoreEntry{a, "dup"}},
                           &added);
  CHECK(added == 1);
  CHECK(merged == "# team header\n\n"
                  "build/\n!build/x\n\n" +  // patterns, in their order
                      a + "  # a\n" + b + "  # rule p:1 2026-01-01\n" + "# why c\n" + c +
                      "  # c\n" + "# trailing note\n");
  // Merging again changes nothing.
  CHECK(MergeIgnoreText(merged, {IgnoreEntry{b, "x"}}, &added) == merged);
  CHECK(added == 0);
  // A control character in a comment cannot start a new line.
  const std::string evil = MergeIgnoreText("", {IgnoreEntry{a, "p\nb/\n"}}, &added);
  CHECK(evil.find("\nb/") == std::string::npos);
}

TEST_CASE("ApplyInlineAllows moves allowed findings and keeps the order", "[suppress]") {
  const std::string data = "k1=" + std::string(kKey) + " # magpie:allow\nk2=" +
                           std::string(kKey) + "\nk3=" + std::string(kKey) +
                           " # gitleaks:allow\nk4=" + std::string(kKey) + "\n";
  std::vector<scanner::Finding> findings;
  for (size_t at = data.find(kKey); at != std::string::npos; at = data.find(kKey, at + 1)) {
    scanner::Finding f;
    f.rule_id = std::string(kAwsRule);
    f.start.offset = at;
    findings.push_back(f);
  }
  REQUIRE(findings.size() == 4);
  // k1 and k3 carry markers after code, which cover their own line only.
  std::vector<SuppressedFinding> suppressed;
  ApplyInlineAllows(data, &findings, &suppressed);
  REQUIRE(findings.size() == 2);
  REQUIRE(suppressed.size() == 2);
  CHECK(findings[0].start.offset < findings[1].start.offset);
  CHECK(data.substr(findings[0].start.offset - 3, 3) == "k2=");
  CHECK(data.substr(findings[1].start.offset - 3, 3) == "k4=");
  CHECK(suppressed[0].reason == "inline");
}

// A .magpieignore comes with the scanned repository: patterns with several "**" tried every
// way to spread a deep path over them, and a scan hung for minutes on one file (found with
// fuzz_ignore_file; fuzz/corpus/ignore_file/issue10-*). Each check below took over a minute.
TEST_CASE("issue 10: patterns with many ** match deep paths in bounded time", "[suppress]") {
  std::string deep = "a";
  for (int i = 0; i < 39; ++i) deep += "/a";
  std::string stars;
  for (int i = 0; i < 12; ++i) stars += "**/";
  std::string spread;
  for (int i = 0; i < 8; ++i) spread += "**/a/";
  PathPatterns p;
  p.Add(stars + "x");
  p.Add(spread + "b");
  CHECK_FALSE(p.Excludes(deep, false));
  CHECK(p.Excludes(deep + "/b", false));
  CHECK(p.Excludes(deep + "/x", false));
  CHECK(p.Excludes("x", false));
  CHECK_FALSE(p.ExcludesWithParents(deep + "/y", false));
  // "**/**" means what "**" means, at the end too (something inside).
  PathPatterns inside;
  inside.Add("dir/**/**");
  CHECK(inside.Excludes("dir/a", false));
  CHECK_FALSE(inside.Excludes("dir", true));
}

}  // namespace
}  // namespace magpie::suppress
