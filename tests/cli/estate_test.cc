// Issue 13: `magpie estate REPOS.txt`: many repositories, one ruleset, one report naming the
// repository of every finding; shardable, and its shards merge into the one-machine report.
#include <catch2/catch.hpp>

#include <cerrno>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/fault_injection.h"
#include "cli/scan_store_flag.h"
#include "cli_harness.h"
#include "git_harness.h"

namespace magpie::clitest {
namespace {

// A repository in work/<name> with `commits` commits, each adding a file with a secret.
void MakeRepo(const Sandbox& box, const std::string& name, int commits, bool pack) {
  const std::string keys[] = {"AKIAQYLPMN5HHHFPZAM2", "AKIAZ7RWQ3LXK9TDVB4N",
                              "AKIAJ2HX6WQ4PLM8NR3T"};
  MustSh(box, "git init -q -b main " + ShellQuote(name));
  for (int i = 0; i < commits; ++i) {
    box.Write(name + "/f" + std::to_string(i) + ".py",
              "key = \"" + keys[i % 3] + "\"\nDB_PASSWORD=q8Vn2rLx7TfK9mWz" + name +
                  std::to_string(i) + "\n");
    std::string date = std::to_string(1700000000 + 60 * i);  // in place (GCC 12 -Wrestrict)
    date.insert(0, 1, '@');
    date += " +0000";
    MustSh(box, "cd " + ShellQuote(name) + " && git add -A && GIT_AUTHOR_DATE='" + date +
                    "' GIT_COMMITTER_DATE='" + date + "' " + Git("commit -q -m c" +
                    std::to_string(i)));
  }
  if (pack) MustSh(box, "cd " + ShellQuote(name) + " && git gc -q");
}

std::multiset<std::string> Set(const nlohmann::json& array) {
  std::multiset<std::string> out;
  for (const nlohmann::json& v : array) out.insert(v.dump());
  return out;
}

}  // namespace

TEST_CASE("issue 13: estate scans every listed repository into one report naming each",
          "[cli][estate]") {
  Sandbox box;
  MakeRepo(box, "alpha", 2, false);
  MakeRepo(box, "beta", 3, true);
  box.Write("repos.txt", "# the estate\n\n  alpha  \r\n# beta is next\nbeta\n\n");
  const CliRun run = box.Run("estate -f json repos.txt");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const nlohmann::json report = ParseJson(run.out);
  std::set<std::string> repositories;
  for (const nlohmann::json& f : report["findings"]) {
    repositories.insert(f["git"]["repository"].get<std::string>());
  }
  CHECK(repositories == std::set<std::string>{"alpha", "beta"});
  CHECK(report["summary"]["errors"] == 0);
  CHECK(report["findings"].size() >= 5);  // 5 files, a key (and a password) each
}

TEST_CASE("issue 13: a missing repository in the estate is a diagnostic and exit 2 not a crash",
          "[cli][estate]") {
  Sandbox box;
  MakeRepo(box, "alpha", 1, false);
  fs::create_directories(box.work() / "plain");
  box.Write("only-missing.txt", "# nothing real\nnope\nplain\n" + std::string(5000, 'x') + "\n");
  const CliRun missing = box.Run("estate -f json only-missing.txt");
  INFO(missing.err);
  CHECK(missing.exit_code == 2);
  const nlohmann::json report = ParseJson(missing.out);
  REQUIRE(report["diagnostics"].size() == 3);
  CHECK(report["diagnostics"][0]["path"] == "nope");
  CHECK(report["diagnostics"][0]["kind"] == "unreadable");
  CHECK(report["diagnostics"][1]["message"] == "not a git repository");

  box.Write("mixed.txt", "nope\nalpha\n");
  const CliRun mixed = box.Run("estate -f json mixed.txt");
  CHECK(mixed.exit_code == 1);  // findings win (docs/exit-codes.md); the error is reported
  CHECK(ParseJson(mixed.out)["summary"]["errors"] == 1);

  box.Write("nul.txt", std::string("alpha\0beta\n", 11));
  CHECK(box.Run("estate nul.txt").exit_code == 2);
  CHECK(box.Run("estate absent.txt").exit_code == 2);
}

TEST_CASE("issue 13: estate shards merged equal the single-machine estate report",
          "[cli][estate][merge]") {
  Sandbox box;
  MakeRepo(box, "alpha", 2, false);
  MakeRepo(box, "beta", 4, true);
  MakeRepo(box, "gamma", 3, false);
  box.Write("repos.txt", "alpha\nbeta\nmissing\ngamma\n");
  const CliRun whole = box.Run("estate -f json repos.txt");
  REQUIRE(whole.exit_code == 1);
  const nlohmann::json single = ParseJson(whole.out);
  // Default: whole repositories per shard; --split-above-mib 0: the packed one split by blob.
  for (const std::string split : {"", " --split-above-mib 0"}) {
    std::string shards;
    for (int i = 0; i < 3; ++i) {
      const fs::path out = box.io() / ("e" + std::to_string(i) + ".json");
      const CliRun run = box.Run("estate -f json repos.txt --shard " + std::to_string(i) +
                                 "/3" + split + " -o " + ShellQuote(out.string()));
      INFO(run.err);
      CHECK(run.exit_code != 124);
      shards += " " + ShellQuote(out.string());
    }
    const CliRun merged_run = box.Run("merge" + shards);
    INFO(split << "\n" << merged_run.err);
    CHECK(merged_run.exit_code == 1);
    const nlohmann::json merged = ParseJson(merged_run.out);
    CHECK(Set(merged["findings"]) == Set(single["findings"]));
    CHECK(Set(merged["diagnostics"]) == Set(single["diagnostics"]));
    for (const char* count : {"files_scanned", "bytes_scanned", "findings", "errors"}) {
      CHECK(merged["summary"][count] == single["summary"][count]);
    }
  }
}

TEST_CASE("issue 13: estate uses the scan store like magpie git", "[cli][estate][store]") {
  Sandbox box;
  MakeRepo(box, "alpha", 3, false);
  MakeRepo(box, "beta", 2, true);
  box.Write("alpha/clean.txt", "nothing here\n");
  MustSh(box, "cd alpha && git add -A && " + Git("commit -q -m clean"));
  box.Write("repos.txt", "alpha\nbeta\n");
  const std::string store = "--store " + ShellQuote((box.io() / "store.sqlite").string());
  auto estate = [&box](const std::string& flags) {
    const CliRun run = box.Run("estate -f json repos.txt " + flags);
    INFO(flags << "\n" << run.err);
    CHECK(run.exit_code == 1);
    return ParseJson(run.out);
  };
  auto known = [](const nlohmann::json& report) {
    return report["summary"]["skipped"].value("already-scanned", uint64_t{0});
  };
  const nlohmann::json full = estate("--no-store");
  const nlohmann::json first = estate(store);
  CHECK(known(first) == 0);
  CHECK(first["summary"]["files_scanned"] == full["summary"]["files_scanned"]);
  const nlohmann::json again = estate(store);
  // The clean blobs of both repositories are known now; those with findings are read again.
  CHECK(known(again) > 0);
  CHECK(again["summary"]["files_scanned"].get<uint64_t>() + known(again) ==
        full["summary"]["files_scanned"].get<uint64_t>());
  CHECK(Set(again["findings"]) == Set(full["findings"]));
  // --no-store and MAGPIE_STORE=off neither read nor write it.
  CHECK(known(estate(store + " --no-store")) == 0);
  std::string out;
  const int rc = Sh(box, "MAGPIE_STORE=off " + ShellQuote(MAGPIE_BINARY) +
                             " estate -f json repos.txt 2>/dev/null", &out);
  CHECK(rc == 1);
  CHECK(known(ParseJson(out)) == 0);
  // Shards of the estate with the store merge into the one-machine report with the store.
  std::string shards;
  for (int i = 0; i < 2; ++i) {
    const fs::path path = box.io() / ("s" + std::to_string(i) + ".json");
    box.Run("estate -f json repos.txt --split-above-mib 0 " + store + " --shard " +
            std::to_string(i) + "/2 -o " + ShellQuote(path.string()));
    shards += " " + ShellQuote(path.string());
  }
  const nlohmann::json merged = ParseJson(box.Run("merge" + shards).out);
  CHECK(known(merged) == known(again));
  CHECK(Set(merged["findings"]) == Set(again["findings"]));
  // A damaged store is a notice and a full scan, as for `magpie git`.
  WriteFile(box.io() / "store.sqlite", "not a database");
  const CliRun damaged = box.Run("estate -f json repos.txt " + store);
  CHECK(damaged.exit_code == 1);
  CHECK(damaged.err.find("not using the scan store") != std::string::npos);
  CHECK(ParseJson(damaged.out)["summary"]["files_scanned"] == full["summary"]["files_scanned"]);
}

TEST_CASE("issue 13: a scan store that cannot be written is a notice not a failure",
          "[cli][store]") {
  Sandbox box;
  Result<std::unique_ptr<store::ScanStore>> opened =
      store::ScanStore::Open((box.io() / "s.sqlite").string(), {"build", "settings"});
  REQUIRE(opened.ok());
  const std::vector<store::ItemRef> clean = {{std::string(40, 'a'), "a.txt"}};
  std::ostringstream log;
  {
    fault::ScopedFault full(fault::Point::kStoreWrite, ENOSPC);
    cli::RecordCleanItems(**opened, clean, log);
  }
  CHECK(log.str().find("the scan store was not updated") != std::string::npos);
  std::ostringstream quiet;
  cli::RecordCleanItems(**opened, clean, quiet);
  CHECK(quiet.str().empty());
}

}  // namespace magpie::clitest
