// Issue 13 §3: the merged report of N shards equals the single-machine report, field by field
// (findings with present_in, suppressed findings, summary counts, diagnostics, exit code), in
// JSON and SARIF, on histories with what makes that hard: secrets on several branches and tags,
// a tip that keeps a secret's bytes where no rule matches, a moved file, suppressions by ignore
// file and baseline whose versions fall in several shards, sensitive files with many versions.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "git_harness.h"

namespace magpie::clitest {
namespace {

// Secrets the built-in rules find (a generic password per `which`, distinct per seed).
std::string Password(int seed, int which = 0) {
  static const char* kStems[] = {"q8Vn2rLx7TfK9mWz", "Hs7Kq2Lw9XvB4nTz", "Rt5Mx8Qp3WzL6kVd",
                                 "Ub4Jn7Yc2PqT9sFw"};
  return kStems[which] + std::to_string(seed) + "Qa";
}

// One generated history; `seed` varies every file, so that blobs fall in other shards.
void BuildHistory(const Sandbox& box, int seed) {
  const std::string s = std::to_string(seed);
  int64_t when = 1700000000;
  auto commit = [&](const std::string& message) { CommitAt(box, message, when += 60); };
  InitRepo(box);
  box.Write("src/app.py", "key = \"" + std::string(kAwsKey) + "\"\nDB_PASSWORD=" +
                              Password(seed) + "\n# " + s + "\n");
  box.Write("deploy/.env.production", "MODE=prod" + s + "\n");
  box.Write("ops/keys.txt", "DB_PASSWORD=" + Password(seed, 2) + "\n# v0 " + s + "\n");
  commit("start");
  for (int v = 1; v <= 4; ++v) {  // versions of a sensitive file and of a password to suppress
    box.Write("deploy/.env.production", "MODE=prod" + s + "\nREV=" + std::to_string(v) + "\n");
    box.Write("ops/keys.txt", "DB_PASSWORD=" + Password(seed, 2) + "\n# v" +
                                  std::to_string(v) + " " + s + "\n");
    box.Write("svc/.env", "MODE=svc" + s + "\nREV=" + std::to_string(v) + "\n");
    box.Write("docs/notes.txt", "nothing secret, revision " + std::to_string(v) + s + "\n");
    commit("rev " + std::to_string(v));
  }
  MustSh(box, Git("branch feature"));
  // Moved without a change (the blob stays, at a new path), then edited there.
  MustSh(box, "mkdir -p lib && " + Git("mv src/app.py lib/app.py"));
  commit("move");
  MustSh(box, Git("tag v1.0"));
  box.Write("lib/app.py", "key = \"" + std::string(kAwsKey) + "\"\nDB_PASSWORD=" +
                              Password(seed) + "\n# edited " + s + "\n");
  commit("edit");
  MustSh(box, Git("tag -a v1.1 -m release"));
  // The password leaves the code; its bytes stay in a comment no rule matches.
  box.Write("lib/app.py", "key = \"" + std::string(kAwsKey) + "\"\n# retired: " +
                              Password(seed) + " " + s + "\n");
  commit("retire");
  // Another branch with its own password and its own .env version.
  MustSh(box, Git("checkout -q feature"));
  box.Write("src/app.py", "key = \"" + std::string(kAwsKey) + "\"\nDB_PASSWORD=" +
                              Password(seed, 1) + "\n# feature " + s + "\n");
  box.Write("deploy/.env.production", "MODE=feature" + s + "\n");
  commit("feature work");
  MustSh(box, Git("checkout -q main"));
  box.Write("tools/old.sh", "export DB_PASSWORD=" + Password(seed, 3) + "\n");
  commit("tool");
  MustSh(box, Git("rm -q tools/old.sh"));
  commit("drop tool");
}

// The parts of a report that must be equal: everything but the elapsed time (JSON or SARIF).
nlohmann::json Comparable(nlohmann::json report) {
  if (report.contains("runs")) {
    nlohmann::json& invocation = report["runs"][0]["invocations"][0];
    invocation["properties"]["summary"].erase("elapsed_seconds");
  } else {
    report["summary"].erase("elapsed_seconds");
  }
  return report;
}

struct Scan {
  int exit_code = -1;
  nlohmann::json report;
};

Scan RunScan(const Sandbox& box, const std::string& args) {
  const fs::path out = box.io() / "out.report";
  const CliRun run = box.Run(args + " -o " + ShellQuote(out.string()));
  INFO(args << "\n" << run.err);
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));
  return {run.exit_code, ParseJson(ReadFile(out))};
}

// `magpie merge` of `n` shards of `magpie git flags`.
Scan MergedScan(const Sandbox& box, const std::string& flags, int n) {
  std::string shards;
  for (int i = 0; i < n; ++i) {
    const fs::path out = box.io() / ("shard" + std::to_string(i));
    const CliRun run = box.Run("git " + flags + " --shard " + std::to_string(i) + "/" +
                               std::to_string(n) + " -o " + ShellQuote(out.string()));
    INFO(flags << " shard " << i << "/" << n << "\n" << run.err);
    REQUIRE((run.exit_code == 0 || run.exit_code == 1));
    shards += " " + ShellQuote(out.string());
  }
  const CliRun merged = box.Run("merge" + shards);
  INFO(merged.err);
  return {merged.exit_code, ParseJson(merged.out)};
}

// Writes .magpieignore with one finding's fingerprint and a baseline with another's, both
// chosen among findings with several versions (so with partials in several shards).
std::string Suppress(const Sandbox& box, const nlohmann::json& report) {
  std::string ignored, baselined;
  nlohmann::json baseline = report;
  baseline["findings"] = nlohmann::json::array();
  for (const nlohmann::json& f : report["findings"]) {
    if (f["path"] == "ops/keys.txt" && ignored.empty()) {
      ignored = f["fingerprint"].get<std::string>();
    } else if (f["path"] == "deploy/.env.production" && baselined.empty()) {
      baselined = f["fingerprint"].get<std::string>();
      baseline["findings"].push_back(f);
    }
  }
  REQUIRE(!ignored.empty());
  REQUIRE(!baselined.empty());
  box.Write(".magpieignore", ignored + "\n");
  const fs::path path = box.io() / "baseline.json";
  WriteFile(path, baseline.dump());
  return "--baseline " + ShellQuote(path.string());
}

}  // namespace

TEST_CASE("issue 13: merged shards equal one machine field by field in JSON and SARIF",
          "[cli][merge]") {
  for (int seed = 0; seed < 3; ++seed) {
    Sandbox box;
    BuildHistory(box, seed);
    const std::string baseline = Suppress(box, RunScan(box, "git -f json --no-store").report);
    for (const std::string format : {"json", "sarif"}) {
      for (const std::string extra : {"", " --show-suppressed"}) {
        const std::string flags = "-f " + format + " --no-store " + baseline + extra;
        const Scan single = RunScan(box, "git " + flags);
        if (format == "json") {  // the history has what this test is about
          CHECK(single.report["summary"]["suppressed"].value("ignore-file", 0) == 1);
          CHECK(single.report["summary"]["suppressed"].value("baseline", 0) == 1);
          CHECK(single.report["summary"].value("sensitive_files", 0) >= 1);
        }
        for (int n : {2, 3}) {
          INFO("seed " << seed << ", " << flags << ", " << n << " shards");
          const Scan merged = MergedScan(box, flags, n);
          CHECK(merged.exit_code == single.exit_code);
          CHECK(Comparable(merged.report) == Comparable(single.report));
        }
      }
    }
  }
}

TEST_CASE("issue 11: a shard says a tip holds a secret only where one machine's rule matched",
          "[cli][merge]") {
  Sandbox box;
  BuildHistory(box, 0);
  const Scan single = RunScan(box, "git -f json --no-store");
  // lib/app.py at main keeps the password's bytes in a comment no rule matches: one machine
  // does not count main, and neither may the merge (the shards used to look for the bytes).
  const nlohmann::json* password = nullptr;
  for (const nlohmann::json& f : single.report["findings"]) {
    if (f["path"] == "lib/app.py" && f["rule"] != kAwsRule) password = &f;
  }
  REQUIRE(password != nullptr);
  const nlohmann::json& present_in = (*password)["git"]["present_in"];
  CHECK(present_in == nlohmann::json::array({"refs/tags/v1.0", "refs/tags/v1.1"}));
  for (int n : {2, 3}) {
    const Scan merged = MergedScan(box, "-f json --no-store", n);
    INFO(n << " shards");
    CHECK(merged.report["findings"] == single.report["findings"]);
  }
}

TEST_CASE("issue 13: a merged report counts sensitive files and suppressed secrets once",
          "[cli][merge]") {
  Sandbox box;
  BuildHistory(box, 1);
  const std::string baseline = Suppress(box, RunScan(box, "git -f json --no-store").report);
  const Scan single = RunScan(box, "git -f json --no-store " + baseline);
  for (const std::string format : {"json", "sarif"}) {
    const Scan merged = MergedScan(box, "-f " + format + " --no-store " + baseline, 3);
    const nlohmann::json& summary =
        format == "json" ? merged.report["summary"]
                         : merged.report["runs"][0]["invocations"][0]["properties"]["summary"];
    INFO(format);
    CHECK(summary["sensitive_files"] == single.report["summary"]["sensitive_files"]);
    CHECK(summary["suppressed"] == single.report["summary"]["suppressed"]);
    // Suppressed and not asked for: the shards carried them for the merge, which drops them.
    if (format == "json") CHECK_FALSE(merged.report.contains("suppressed"));
  }
}

TEST_CASE("issue 13: a shard using the scan store counts only its own blobs as already scanned",
          "[cli][merge][store]") {
  Sandbox box;
  BuildHistory(box, 2);
  const std::string store = "--store " + ShellQuote((box.io() / "store.sqlite").string());
  RunScan(box, "git -f json " + store);  // records the clean blobs
  const Scan single = RunScan(box, "git -f json " + store);
  const uint64_t known = single.report["summary"]["skipped"].value("already-scanned", 0);
  REQUIRE(known > 0);
  for (int n : {2, 3}) {
    uint64_t in_shards = 0;
    for (int i = 0; i < n; ++i) {
      const Scan shard = RunScan(box, "git -f json " + store + " --shard " + std::to_string(i) +
                                          "/" + std::to_string(n));
      in_shards += shard.report["summary"]["skipped"].value("already-scanned", uint64_t{0});
    }
    CHECK(in_shards == known);
    const Scan merged = MergedScan(box, "-f json " + store, n);
    CHECK(Comparable(merged.report) == Comparable(single.report));
  }
}

}  // namespace magpie::clitest
