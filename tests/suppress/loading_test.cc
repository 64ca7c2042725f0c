// Loading suppression and writing accepted findings (issue 9's error paths): an ignore file or
// baseline that cannot be read is an error naming it, never an empty suppression; an ignore
// file that cannot be written is an error, and nothing is half-written.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "scanner/fingerprint.h"
#include "suppress/ignore_collector.h"
#include "suppress/suppression.h"

namespace magpie::suppress {
namespace {

namespace fs = std::filesystem;

class Dir {
 public:
  Dir() : path_(fs::temp_directory_path() / ("magpie-loading-" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

TEST_CASE("LoadSuppression reads excludes, ignore file and baseline in order", "[suppress]") {
  Dir dir;
  const std::string fp_ignore(32, 'a');
  const std::string fp_both(32, 'b');
  std::ofstream(dir / ".magpieignore") << "gen/\n" << fp_ignore << "\n" << fp_both << "\n";
  std::ofstream(dir / "base.json") << R"({"findings":[{"fingerprint":")" << fp_both
                                   << R"("}],"summary":{}})";
  SuppressionOptions options;
  options.scan_root = dir.str();
  options.exclude = {"*.min.js"};
  options.ignore_file = (dir / ".magpieignore").string();
  options.baseline = (dir / "base.json").string();
  Result<Suppression> loaded = LoadSuppression(options);
  REQUIRE(loaded.ok());
  CHECK(loaded->excluder.ExcludesRootRelative("gen/a.py"));
  CHECK(loaded->excluder.ExcludesRootRelative("x/app.min.js"));
  CHECK_FALSE(loaded->excluder.ExcludesRootRelative("src/a.py"));
  REQUIRE(loaded->suppressor.ReasonFor(fp_ignore) != nullptr);
  CHECK(*loaded->suppressor.ReasonFor(fp_ignore) == kReasonIgnoreFile);
  CHECK(*loaded->suppressor.ReasonFor(fp_both) == kReasonIgnoreFile);  // first reason wins
}

TEST_CASE("LoadSuppression: an unreadable ignore file or baseline is an error", "[suppress]") {
  Dir dir;
  fs::create_directories(dir / ".magpieignore");  // exists, cannot be read as a file
  SuppressionOptions options;
  options.ignore_file = (dir / ".magpieignore").string();
  Result<Suppression> unreadable = LoadSuppression(options);
  REQUIRE_FALSE(unreadable.ok());
  CHECK(unreadable.status().message().find("cannot read ignore file") != std::string::npos);

  options.ignore_file = (dir / "missing-ignore").string();  // missing: no suppression, fine
  CHECK(LoadSuppression(options).ok());
  options.baseline = (dir / "missing.json").string();  // a missing baseline is an error
  Result<Suppression> no_baseline = LoadSuppression(options);
  REQUIRE_FALSE(no_baseline.ok());
  CHECK(no_baseline.status().message().find("missing.json") != std::string::npos);
}

TEST_CASE("IgnoreCollector writes entries, and a failed write is an error", "[suppress]") {
  Dir dir;
  report::ReportedFinding finding;
  finding.finding.rule_id = "aws-access-key-id";
  finding.finding.start.line = 3;
  finding.origin = report::FileOrigin{"src/a.py"};
  finding.fingerprint = std::string(32, 'c');
  IgnoreCollector collector;
  collector.Add(finding);
  REQUIRE(collector.entries().size() == 1);
  CHECK(collector.entries()[0].comment.rfind("aws-access-key-id src/a.py:3 ", 0) == 0);

  std::ostringstream log;
  const std::string path = (dir / ".magpieignore").string();
  REQUIRE(collector.Write(path, dir.str(), log).ok());
  CHECK(log.str().find("added 1 entry") != std::string::npos);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().find(std::string(32, 'c') + "  # aws-access-key-id") != std::string::npos);

  const Status failed = collector.Write((dir / "no-such-dir/.magpieignore").string(), dir.str(), log);
  CHECK_FALSE(failed.ok());
  CHECK_FALSE(fs::exists(dir / "no-such-dir"));
}

}  // namespace
}  // namespace magpie::suppress
