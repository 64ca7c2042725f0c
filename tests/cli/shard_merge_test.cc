// Issue 13: a history split over machines (`magpie git --shard I/N`, the batch engines'
// environments) and merged (`magpie merge`) equals the one-machine report.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "git_harness.h"

namespace magpie::clitest {
namespace {

// Twelve commits, each adding a file with its own AWS key and a password, editing a shared
// file, and one key that leaves a file but stays at HEAD elsewhere (present at HEAD must be
// right in every shard).
void BuildHistory(const Sandbox& box) {
  InitRepo(box);
  const std::string keys[] = {"AKIAQYLPMN5HHHFPZAM2", "AKIAZ7RWQ3LXK9TDVB4N",
                              "AKIAJ2HX6WQ4PLM8NR3T", "AKIAX4KD9PQ2WB7LMZ6C"};
  for (int i = 0; i < 12; ++i) {
    box.Write("src/file" + std::to_string(i) + ".py",
              "key = \"" + keys[i % 4] + "\"\nDB_PASSWORD=q8Vn2rLx7TfK9mWz" +
                  std::to_string(i) + "\n");
    box.Write("shared.txt", "version " + std::to_string(i) + "\n");
    CommitAt(box, "commit " + std::to_string(i), 1700000000 + 60 * i);
  }
  fs::remove(box.work() / "src/file0.py");  // its key is still in file4 and file8
  CommitAt(box, "remove file0", 1700001000);
}

// One commit of one file without a secret: every scan of it is clean.
void BuildCleanHistory(const Sandbox& box) {
  InitRepo(box);
  box.Write("a.txt", "nothing here\n");
  CommitAt(box, "clean", 1700000000);
}

// The finding set of a report: each finding as text, order-free.
std::multiset<std::string> FindingSet(const nlohmann::json& report, const char* key) {
  std::multiset<std::string> out;
  for (const nlohmann::json& f : report[key]) out.insert(f.dump());
  return out;
}

nlohmann::json Counts(nlohmann::json summary) {
  summary.erase("elapsed_seconds");
  return summary;
}

}  // namespace

TEST_CASE("issue 13: N shard reports merged equal the single-machine report", "[cli][merge]") {
  Sandbox box;
  BuildHistory(box);
  const CliRun whole = box.Run("git -f json -o " + ShellQuote((box.io() / "whole.json").string()));
  REQUIRE(whole.exit_code == 1);
  const nlohmann::json single = ParseJson(ReadFile(box.io() / "whole.json"));
  REQUIRE(single["findings"].size() >= 12);
  for (int n : {2, 3, 5}) {
    std::string shards;
    size_t findings_in_shards = 0;
    for (int i = 0; i < n; ++i) {
      const fs::path out = box.io() / ("shard" + std::to_string(i) + ".json");
      const CliRun run = box.Run("git -f json --shard " + std::to_string(i) + "/" +
                                 std::to_string(n) + " -o " + ShellQuote(out.string()));
      INFO(run.err);
      REQUIRE((run.exit_code == 0 || run.exit_code == 1));
      CHECK(run.err.find("scanning shard " + std::to_string(i)) != std::string::npos);
      const nlohmann::json shard = ParseJson(ReadFile(out));
      CHECK(shard["shard"]["index"] == i);
      CHECK(shard["shard"]["count"] == n);
      findings_in_shards += shard["findings"].size();
      shards += " " + ShellQuote(out.string());
    }
    CHECK(findings_in_shards == single["findings"].size());  // disjoint shares
    const CliRun merged_run = box.Run("merge" + shards);
    INFO(merged_run.err);
    CHECK(merged_run.exit_code == 1);
    const nlohmann::json merged = ParseJson(merged_run.out);
    REQUIRE(merged.is_object());
    CHECK(!merged.contains("shard"));
    CHECK(FindingSet(merged, "findings") == FindingSet(single, "findings"));
    CHECK(merged["findings"] == single["findings"]);  // the same order too
    CHECK(Counts(merged["summary"]) == Counts(single["summary"]));
    CHECK(merged["diagnostics"] == single["diagnostics"]);
  }
}

TEST_CASE("issue 13: merged SARIF shards equal the single-machine SARIF", "[cli][merge]") {
  Sandbox box;
  BuildHistory(box);
  const fs::path whole = box.io() / "whole.sarif";
  REQUIRE(box.Run("git -f sarif -o " + ShellQuote(whole.string())).exit_code == 1);
  std::string shards;
  for (int i = 0; i < 3; ++i) {
    const fs::path out = box.io() / ("s" + std::to_string(i) + ".sarif");
    box.Run("git -f sarif --shard " + std::to_string(i) + "/3 -o " + ShellQuote(out.string()));
    shards += " " + ShellQuote(out.string());
  }
  const CliRun merged_run = box.Run("merge" + shards);
  CHECK(merged_run.exit_code == 1);
  const nlohmann::json merged = ParseJson(merged_run.out);
  const nlohmann::json single = ParseJson(ReadFile(whole));
  REQUIRE(merged.contains("runs"));
  const nlohmann::json& a = merged["runs"][0];
  const nlohmann::json& b = single["runs"][0];
  std::multiset<std::string> x, y;
  for (const auto& r : a["results"]) x.insert(r.dump());
  for (const auto& r : b["results"]) y.insert(r.dump());
  CHECK(x == y);
  CHECK(a["tool"]["driver"]["rules"].size() == b["tool"]["driver"]["rules"].size());
  CHECK(Counts(a["invocations"][0]["properties"]["summary"]) ==
        Counts(b["invocations"][0]["properties"]["summary"]));
  CHECK(a["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("issue 13: a missing or repeated shard makes the merged scan incomplete", "[cli][merge]") {
  Sandbox box;
  BuildCleanHistory(box);
  const fs::path s0 = box.io() / "s0.json";
  const fs::path s1 = box.io() / "s1.json";
  REQUIRE(box.Run("git -f json --shard 0/2 -o " + ShellQuote(s0.string())).exit_code == 0);
  REQUIRE(box.Run("git -f json --shard 1/2 -o " + ShellQuote(s1.string())).exit_code == 0);
  CHECK(box.Run("merge " + ShellQuote(s0.string()) + " " + ShellQuote(s1.string())).exit_code ==
        0);
  const CliRun missing = box.Run("merge " + ShellQuote(s0.string()));
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("shard 1/2 is missing") != std::string::npos);
  const nlohmann::json report = ParseJson(missing.out);
  CHECK(report["summary"]["errors"] == 1);
  CHECK(report["diagnostics"][0]["kind"] == "incomplete-merge");
  const CliRun twice = box.Run("merge " + ShellQuote(s0.string()) + " " +
                               ShellQuote(s0.string()) + " " + ShellQuote(s1.string()));
  CHECK(twice.exit_code == 2);
  CHECK(twice.err.find("is also in") != std::string::npos);
}

TEST_CASE("issue 13: an unreadable or malformed report is a diagnostic and exit 2", "[cli][merge]") {
  Sandbox box;
  const fs::path good = box.io() / "good.json";
  WriteFile(good, R"({"version":"x","findings":[],"diagnostics":[],"summary":{"files_scanned":1,
    "bytes_scanned":5,"findings":0,"errors":0,"skipped":{},"suppressed":{}},"extra":{"k":1}})");
  const std::string hostile[] = {
      "", "not json", "[]", R"({"version":1})", std::string(100000, '[') ,
      R"({"version":"x","findings":[1],"diagnostics":[],"summary":{}})",
      R"({"version":"x","findings":[],"diagnostics":[],"summary":{"files_scanned":-1,
          "bytes_scanned":0,"findings":0,"errors":0}})",
      R"({"version":"x","shard":{"index":3,"count":2},"findings":[],"diagnostics":[],
          "summary":{"files_scanned":0,"bytes_scanned":0,"findings":0,"errors":0}})",
      R"({"runs":[{"results":[{"ruleId":"r"}]}]})"};
  for (const std::string& bytes : hostile) {
    const fs::path bad = box.io() / "bad.json";
    WriteFile(bad, bytes);
    const CliRun run = box.Run("merge " + ShellQuote(good.string()) + " " +
                               ShellQuote(bad.string()));
    INFO(bytes.substr(0, 80) << "\n" << run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("(bad-report)") != std::string::npos);
    const nlohmann::json report = ParseJson(run.out);
    REQUIRE(report.is_object());
    CHECK(report["summary"]["files_scanned"] == 1);  // the good one is merged
    CHECK(report["extra"]["k"] == 1);                // unknown fields carried through
  }
  const CliRun absent = box.Run("merge " + ShellQuote((box.io() / "nope.json").string()));
  CHECK(absent.exit_code == 2);
  CHECK(absent.err.find("cannot read") != std::string::npos);
}

TEST_CASE("issue 13: the shard comes from Slurm or Kubernetes and the flag wins", "[cli][merge]") {
  Sandbox box;
  InitRepo(box);
  box.Write("a.txt", "nothing here\n");
  CommitAt(box, "clean", 1700000000);
  struct Case {
    std::string env;
    std::string flags;
    int exit_code;
    int index;
    int count;
  };
  const Case cases[] = {
      {"SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=4", "", 0, 2, 4},
      {"SLURM_ARRAY_TASK_ID=5 SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=3", "", 0, 2, 4},
      {"JOB_COMPLETION_INDEX=1 MAGPIE_SHARD_COUNT=3", "", 0, 1, 3},
      {"JOB_COMPLETION_INDEX=1", "--shard-count 2", 0, 1, 2},
      {"SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=4", "--shard 0/1", 0, -1, 0},
      {"SLURM_ARRAY_TASK_ID=x2 SLURM_ARRAY_TASK_COUNT=4", "", 2, 0, 0},
      {"SLURM_ARRAY_TASK_ID=4 SLURM_ARRAY_TASK_COUNT=4", "", 2, 0, 0},
      {"JOB_COMPLETION_INDEX=1", "", 2, 0, 0},
      {"", "--shard 2/2", 2, 0, 0},
      {"", "--shard -1/2", 2, 0, 0},
      {"", "--shard 1", 2, 0, 0},
  };
  for (const Case& c : cases) {
    std::string out;
    const int rc = Sh(box, "env " + c.env + " " + ShellQuote(MAGPIE_BINARY) + " git -f json " +
                               c.flags + " 2>" + ShellQuote((box.io() / "err").string()),
                      &out);
    const std::string err = ReadFile(box.io() / "err");
    INFO(c.env << " " << c.flags << "\n" << err);
    CHECK(rc == c.exit_code);
    if (rc == 2) {
      CHECK(CountLines(err) == 1);
      CHECK(err.rfind("magpie: error: ", 0) == 0);
      continue;
    }
    const nlohmann::json report = ParseJson(out);
    if (c.index < 0) {
      CHECK(!report.contains("shard"));  // 0/1: the whole scan
    } else {
      CHECK(report["shard"]["index"] == c.index);
      CHECK(report["shard"]["count"] == c.count);
    }
  }
}

TEST_CASE("issue 13: shards of a history merge into blobs, and kinds are not mixed",
          "[cli][merge]") {
  Sandbox box;
  BuildHistory(box);
  std::string shards;
  for (int i = 0; i < 2; ++i) {
    const fs::path out = box.io() / ("h" + std::to_string(i) + ".json");
    box.Run("git -f json --shard " + std::to_string(i) + "/2 -o " + ShellQuote(out.string()));
    CHECK(ParseJson(ReadFile(out))["summary"]["scan_kind"] == "history");
    shards += " " + ShellQuote(out.string());
  }
  const CliRun merged = box.Run("merge" + shards);
  INFO(merged.err);
  CHECK(merged.exit_code == 1);
  CHECK(ParseJson(merged.out)["summary"]["scan_kind"] == "history");
  CHECK(merged.err.find(" blobs (") != std::string::npos);  // the summary line's noun
  CHECK(merged.err.find(" files (") == std::string::npos);

  // A directory scan's report beside a history's: not summed into one count of neither.
  const fs::path files = box.io() / "files.json";
  box.Run("scan -f json -o " + ShellQuote(files.string()) + " " +
          ShellQuote((box.work() / "src").string()));
  CHECK(ParseJson(ReadFile(files))["summary"]["scan_kind"] == "files");
  const fs::path whole = box.io() / "whole.json";
  box.Run("git -f json -o " + ShellQuote(whole.string()));
  const CliRun mixed = box.Run("merge " + ShellQuote(whole.string()) + " " +
                               ShellQuote(files.string()));
  INFO(mixed.err);
  CHECK(mixed.exit_code == 1);  // the history's findings; the error is in the report
  const nlohmann::json report = ParseJson(mixed.out);
  CHECK(report["summary"]["errors"] == 1);
  CHECK(report["summary"]["files_scanned"] ==
        ParseJson(ReadFile(whole))["summary"]["files_scanned"]);  // the files report left out
  CHECK(mixed.err.find("another kind (files)") != std::string::npos);

  // Without findings the refusal decides the exit code: the merged scan is incomplete.
  Sandbox clean;
  BuildCleanHistory(clean);
  const fs::path history = clean.io() / "history.json";
  const fs::path dir = clean.io() / "dir.json";
  REQUIRE(clean.Run("git -f json -o " + ShellQuote(history.string())).exit_code == 0);
  REQUIRE(clean.Run("scan -f json -o " + ShellQuote(dir.string()) + " " +
                    ShellQuote(clean.work().string())).exit_code == 0);
  const CliRun refused = clean.Run("merge " + ShellQuote(dir.string()) + " " +
                                   ShellQuote(history.string()));
  INFO(refused.err);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("another kind (history)") != std::string::npos);
  CHECK(refused.err.find("scanned 1 file (") != std::string::npos);  // the first report decided
}

}  // namespace magpie::clitest
