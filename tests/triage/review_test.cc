// Issue 15: the review loop of `magpie triage` with scripted keys (no terminal): verdicts
// saved at once, the ignore file, going back, resuming, and what is never shown. Driven
// through a real pseudo-terminal: tests/cli/triage_test.cc.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/fault_injection.h"
#include "suppress/ignore_file.h"
#include "suppress/triage_baseline.h"
#include "triage/console.h"
#include "triage/finding_view.h"
#include "triage/review.h"

namespace magpie::triage {
namespace {

namespace fs = std::filesystem;
using suppress::TriageBaseline;
using suppress::Verdict;

class ScriptedConsole final : public Console {
 public:
  explicit ScriptedConsole(std::string keys) : keys_(std::move(keys)) {}
  int ReadKey() override {
    return pos_ < keys_.size() ? static_cast<unsigned char>(keys_[pos_++]) : -1;
  }
  void Write(std::string_view text) override { screen += text; }
  std::string screen;

 private:
  std::string keys_;
  size_t pos_ = 0;
};

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

constexpr char kSecret[] = "AKIAQYLPMN5HHHFPZAM2";

// A report as `magpie scan -f json` writes it, with `n` findings in files f1.env ... fn.env.
std::string Report(int n, bool redacted = true) {
  std::string findings;
  for (int i = 1; i <= n; ++i) {
    const std::string secret = redacted ? "AKIA\xE2\x80\xA6" : kSecret;
    findings += std::string(i > 1 ? "," : "") + "{\"rule\": \"aws-access-key-id\", " +
                "\"rule_name\": \"AWS access key ID\", \"path\": \"f" + std::to_string(i) +
                ".env\", \"start_line\": " + std::to_string(i) +
                ", \"start_column\": 19, \"secret\": \"" + secret + "\", \"redacted\": " +
                (redacted ? "true" : "false") + ", \"fingerprint\": \"" +
                std::string(31, 'a') + std::to_string(i) + "\", \"severity\": \"high\", " +
                "\"context\": \"AWS_ACCESS_KEY_ID=" + secret + "\"}";
  }
  return "{\"version\": \"0.1.0\", \"findings\": [" + findings +
         "], \"diagnostics\": [], \"summary\": {\"findings\": " + std::to_string(n) + "}}";
}

struct Fixture {
  Fixture() {
    dir = fs::temp_directory_path() / ("magpie-triage-" + std::to_string(getpid()) + "-" +
                                       std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    options.baseline_path = (dir / "baseline.json").string();
    options.ignore_path = (dir / ".magpieignore").string();
    options.date = "2026-12-01";
  }
  ~Fixture() { fs::remove_all(dir); }
  TriageBaseline Load(const std::string& text) {
    std::ofstream(options.baseline_path) << text;
    Result<TriageBaseline> baseline = TriageBaseline::Load(options.baseline_path);
    REQUIRE(baseline.ok());
    return *std::move(baseline);
  }
  ReviewTally Run(TriageBaseline& baseline, const std::string& keys, std::string* screen) {
    ScriptedConsole console(keys);
    Result<ReviewTally> tally = Review(baseline, console, options);
    *screen = console.screen;
    REQUIRE(tally.ok());
    return *tally;
  }
  // Runs the review with `point` failing with `error`; the review must fail. Returns the screen.
  std::string RunFailing(TriageBaseline& baseline, const std::string& keys, fault::Point point,
                         int error) {
    ScriptedConsole console(keys);
    fault::ScopedFault fails(point, error);
    REQUIRE_FALSE(Review(baseline, console, options).ok());
    return console.screen;
  }
  static inline int counter = 0;
  fs::path dir;
  ReviewOptions options;
};

TEST_CASE("issue 15: each verdict is saved at once and the review resumes after it",
          "[triage]") {
  Fixture fx;
  TriageBaseline baseline = fx.Load(Report(4));
  std::string screen;
  // f1 real, f2 false positive, f3 skipped, then quit at f4.
  ReviewTally tally = fx.Run(baseline, "rkey in prod\rffixture\rs\rq", &screen);
  CHECK(tally.confirmed == 1);
  CHECK(tally.false_positives == 1);
  CHECK(tally.skipped == 1);
  CHECK(tally.undecided == 1);
  CHECK_FALSE(tally.finished);
  CHECK(screen.find(kSecret) == std::string::npos);

  TriageBaseline saved = fx.Load(Read(fx.options.baseline_path));
  CHECK(saved.findings()[0].verdict == Verdict::kConfirmed);
  CHECK(saved.findings()[0].reason == "key in prod");
  CHECK(saved.findings()[1].verdict == Verdict::kFalsePositive);
  CHECK(saved.findings()[2].verdict == Verdict::kSkipped);
  CHECK(saved.ResumeIndex() == 3);
  const std::string ignore = Read(fx.options.ignore_path);
  CHECK(ignore.find(std::string(31, 'a') + "2  # false positive: fixture (aws-access-key-id "
                    "f2.env:2, magpie triage 2026-12-01)") != std::string::npos);
  CHECK(suppress::ParseIgnoreFile(ignore).fingerprints.size() == 1);

  // Resume: starts at f4; decided, then the skipped f3 is not asked again: done.
  tally = fx.Run(saved, "r\r", &screen);
  CHECK(screen.find("Resuming at finding 4") != std::string::npos);
  CHECK(tally.finished);
  CHECK(tally.confirmed == 2);
}

TEST_CASE("issue 15: a false positive judged again leaves the ignore file", "[triage]") {
  Fixture fx;
  TriageBaseline baseline = fx.Load(Report(2));
  std::string screen;
  fx.Run(baseline, "fnot a key\rbr\r", &screen);  // f1 false positive, back, then real
  CHECK(baseline.findings()[0].verdict == Verdict::kConfirmed);
  CHECK(suppress::ParseIgnoreFile(Read(fx.options.ignore_path)).fingerprints.empty());
  CHECK(screen.find("removed from the ignore file") != std::string::npos);
}

TEST_CASE("issue 15: a false positive needs a reason and Esc cancels a verdict", "[triage]") {
  Fixture fx;
  TriageBaseline baseline = fx.Load(Report(1));
  std::string screen;
  // Empty reason refused, then Esc: nothing recorded; then a reason with a typo fixed.
  fx.Run(baseline, "f\r\x1b" "fdumyy\x7f\x7f\x7fmmy\rq", &screen);
  CHECK(screen.find("a false positive needs a reason") != std::string::npos);
  CHECK(screen.find("cancelled") != std::string::npos);
  CHECK(baseline.findings()[0].verdict == Verdict::kFalsePositive);
  CHECK(baseline.findings()[0].reason == "dummy");
}

TEST_CASE("issue 15: a missing ignore entry of a false positive is restored on start",
          "[triage]") {
  Fixture fx;
  TriageBaseline baseline = fx.Load(Report(2));
  baseline.SetVerdict(0, Verdict::kFalsePositive, "fixture", "2026-11-30");
  std::string screen;
  fx.Run(baseline, "q", &screen);
  CHECK(suppress::ParseIgnoreFile(Read(fx.options.ignore_path)).fingerprints.count(
            std::string(31, 'a') + "1") == 1);
}

TEST_CASE("issue 15: a verdict that cannot be saved stops the review with the error",
          "[triage]") {
  Fixture fx;
  const std::string original = Report(2);
  TriageBaseline baseline = fx.Load(original);
  const std::string screen = fx.RunFailing(baseline, "rok\r", fault::Point::kTempWrite, ENOSPC);
  CHECK(screen.find("magpie: error:") != std::string::npos);
  CHECK(Read(fx.options.baseline_path) == original);  // untouched
  CHECK(baseline.findings()[0].verdict == Verdict::kUndecided);
}

TEST_CASE("issue 15: a false positive whose ignore entry cannot be written is not recorded",
          "[triage]") {
  Fixture fx;
  const std::string original = Report(1);
  TriageBaseline baseline = fx.Load(original);
  fx.RunFailing(baseline, "ffixture\r", fault::Point::kRename, EACCES);
  CHECK(Read(fx.options.baseline_path) == original);
  CHECK_FALSE(fs::exists(fx.options.ignore_path));
  CHECK(baseline.findings()[0].verdict == Verdict::kUndecided);


  // An ignore file that cannot be read (here: a directory) stops the review before it starts.
  fs::create_directory(fx.options.ignore_path);
  ScriptedConsole blocked("rok\r");
  CHECK_FALSE(Review(baseline, blocked, fx.options).ok());
  CHECK(blocked.screen.find("magpie: error: cannot read ignore file") != std::string::npos);
  CHECK(Read(fx.options.baseline_path) == original);
}

TEST_CASE("issue 15: a baseline holding full secrets shows none of them", "[triage]") {
  Fixture fx;
  TriageBaseline baseline = fx.Load(Report(1, /*redacted=*/false));
  const std::string view = internal::FindingView(baseline.findings()[0], 0, 1);
  CHECK(view.find("AKIAQY") == std::string::npos);
  CHECK(view.find("AKIA\xE2\x80\xA6") != std::string::npos);
  CHECK(view.find("not shown") != std::string::npos);
}

TEST_CASE("issue 15: only magpie's own redaction passes as redacted", "[triage]") {
  CHECK(internal::LooksRedacted("AKIA\xE2\x80\xA6"));
  CHECK(internal::LooksRedacted("\xE2\x80\xA6"));
  CHECK(internal::LooksRedacted("-----BEGIN RSA PRIVATE KEY----- \xE2\x80\xA6"));
  CHECK_FALSE(internal::LooksRedacted("AKIAQYLPMN5HHHFPZAM2"));
  CHECK_FALSE(internal::LooksRedacted("AKIAQYLP\xE2\x80\xA6"));
  CHECK_FALSE(internal::LooksRedacted("-----BEGIN RSA PRIVATE KEY-----\nMIIE \xE2\x80\xA6"));
}

TEST_CASE("issue 15: an empty baseline and a finished one", "[triage]") {
  Fixture fx;
  TriageBaseline empty = fx.Load("{\"findings\": []}");
  std::string screen;
  CHECK(fx.Run(empty, "", &screen).undecided == 0);
  CHECK(screen.find("nothing to review") != std::string::npos);
  TriageBaseline done = fx.Load(Report(1));
  done.SetVerdict(0, Verdict::kConfirmed, "", "2026-12-01");
  fx.Run(done, "q", &screen);
  CHECK(screen.find("Every finding has a verdict; reviewing from the first") !=
        std::string::npos);
}

}  // namespace
}  // namespace magpie::triage
