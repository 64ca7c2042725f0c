// Slow suites of issue 14 (ctest -L slow): magpie at scale through the real binary, each run
// asserting completion, the planted findings and a ceiling on the child's peak RSS (getrusage
// via wait4). Each prints its time and RSS for the record.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "measured_run.h"

namespace magpie::clitest {
namespace {

const std::string kAwsLine = "aws_key = \"" + std::string(kAwsKey) + "\"\n";
const std::string kPasswordLine = "DB_PASSWORD=" + std::string(kPassword) + "\n";

// `magpie <args>` in `cwd` with the test cache (or `cache_dir`), stdout and stderr to io/,
// measured.
MeasuredRun RunMagpie(const Sandbox& box, const fs::path& cwd, const std::string& args,
                      const fs::path& cache_dir = SharedCacheDir()) {
  return RunMeasured("env -C " + ShellQuote(cwd.string()) + " MAGPIE_CACHE_DIR=" +
                     ShellQuote(cache_dir.string()) + " NO_COLOR=1 " +
                     ShellQuote(MAGPIE_BINARY) + " " + args + " >" +
                     ShellQuote((box.io() / "stdout").string()) + " 2>" +
                     ShellQuote((box.io() / "stderr").string()) + " </dev/null");
}

void Record(const char* what, const MeasuredRun& run) {
  std::cout << "[slow] " << what << ": exit " << run.exit_code << ", " << run.seconds
            << " s, peak RSS " << run.max_rss_mib << " MiB" << std::endl;
}

TEST_CASE("issue 14: a 1 GB baseline is read in bounded memory", "[.slow][cli]") {
  Sandbox box;
  box.Write("app/config.py", kAwsLine);
  const fs::path small = box.io() / "base.json";
  REQUIRE(box.Run("scan -f json -o " + ShellQuote(small.string()) + " .").exit_code == 1);
  const nlohmann::json base = ParseJson(ReadFile(small));
  REQUIRE(base["findings"].size() == 1);
  const nlohmann::json real = base["findings"][0];
  box.Write("app/new.py", kPasswordLine);  // not in the baseline: still reported

  // The report as magpie writes it, with about two million findings before the real one.
  const fs::path big = box.io() / "big.json";
  {
    std::ofstream out(big, std::ios::binary);
    out << "{\n  \"version\": \"0.1.0\",\n  \"findings\": [\n";
    nlohmann::json fake = real;
    std::string entry;
    char fingerprint[33];
    uint64_t written = 0;
    for (uint64_t i = 0; written < (uint64_t{1} << 30); ++i) {
      std::snprintf(fingerprint, sizeof fingerprint, "%016llx%016llx",
                    static_cast<unsigned long long>(i), 0xfeedULL);
      fake["fingerprint"] = fingerprint;
      entry = "    " + fake.dump() + ",\n";
      out << entry;
      written += entry.size();
    }
    out << "    " << real.dump() << "\n  ],\n  \"summary\": {}\n}\n";
    REQUIRE(out.good());
  }
  const MeasuredRun run =
      RunMagpie(box, box.work(), "scan -f json --baseline " + ShellQuote(big.string()) + " .");
  Record("1 GB baseline", run);
  const nlohmann::json report = ParseJson(ReadFile(box.io() / "stdout"));
  INFO(ReadFile(box.io() / "stderr"));
  CHECK(run.exit_code == 1);
  REQUIRE(report.is_object());
  CHECK(report["summary"]["suppressed"]["baseline"] == 1);
  CHECK(FindingsOf(report, kAwsRule).empty());
  CHECK(FindingsOf(report, kGenericRule).size() == 1);
  CHECK(run.max_rss_mib < 300);  // measured: 170 MiB in 28 s; as a document it took ~11 GB
}

TEST_CASE("issue 14: a rules file of 10000 rules loads and finds what is planted",
          "[.slow][cli]") {
  Sandbox box;
  constexpr int kRules = 10000;
  // Secrets must look random (a run of zeros is dropped as a placeholder): splitmix64 digits.
  const auto token = [](int i) {
    const auto mix = [](uint64_t x) {
      x += 0x9e3779b97f4a7c15ULL;
      x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
      x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
      return x ^ (x >> 31);
    };
    char buf[64];
    std::snprintf(buf, sizeof buf, "tk%05dx_%016llx%08llx", i,
                  static_cast<unsigned long long>(mix(i)),
                  static_cast<unsigned long long>(mix(i + kRules) >> 32));
    return std::string(buf);
  };
  {
    std::ofstream out(box.io() / "rules.yaml");
    out << "version: 1\nrules:\n";
    for (int i = 0; i < kRules; ++i) {
      char id[32];
      std::snprintf(id, sizeof id, "scale-rule-%05d", i);
      char prefix[16];
      std::snprintf(prefix, sizeof prefix, "tk%05dx_", i);
      out << "  - id: " << id << "\n    name: 'Scale rule " << i
          << "'\n    description: 'Generated.'\n    pattern: '\\b(" << prefix
          << "[0-9a-f]{24})\\b'\n    examples: ['key = " << token(i) << "']\n";
    }
  }
  const std::vector<int> planted = {0, 4999, 9999};
  for (int i : planted) box.Write("src/f" + std::to_string(i) + ".txt", "key = " + token(i) + "\n");
  box.Write("src/clean.txt", "nothing to see\n");

  const std::string args = "scan -f json --no-generic --rules " +
                           ShellQuote((box.io() / "rules.yaml").string()) + " .";
  const fs::path cache = box.io() / "cache";  // empty: the first run compiles the database
  const MeasuredRun cold = RunMagpie(box, box.work(), args, cache);
  Record("10000 rules, first run", cold);
  const MeasuredRun warm = RunMagpie(box, box.work(), args, cache);  // from the rules cache
  Record("10000 rules, cached", warm);
  const nlohmann::json report = ParseJson(ReadFile(box.io() / "stdout"));
  INFO(ReadFile(box.io() / "stderr"));
  CHECK(cold.exit_code == 1);
  CHECK(warm.exit_code == 1);
  REQUIRE(report.is_object());
  REQUIRE(report["findings"].size() == planted.size());
  for (int i : planted) {
    char id[32];
    std::snprintf(id, sizeof id, "scale-rule-%05d", i);
    CHECK(FindingsOf(report, id).size() == 1);
  }
  // Measured (2 shared cores): compiling 640 MiB in 82 s; from the cache 135 MiB in 1.4 s.
  CHECK(cold.max_rss_mib < 1024);
  CHECK(warm.max_rss_mib < 300);
}

TEST_CASE("issue 14: a history of 100000 commits is walked and its planted secrets found",
          "[.slow][cli]") {
  Sandbox box;
  const std::string git_env =
      "export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null && cd " +
      ShellQuote(box.work().string()) + " && ";
  REQUIRE(std::system((git_env + "git init -q -b main . >/dev/null").c_str()) == 0);
  constexpr int kCommits = 100000;
  // Secrets at three commits, each in its own file, each removed again two commits later.
  const std::map<int, std::string> planted = {{10, "AKIAQYLPMN5HHHFPZAM2"},
                                              {50000, "AKIA4XGZDKXKP3WYNDMS"},
                                              {99990, "ASIA6UBNT7WGSOFHLDUY"}};
  {
    FILE* import = popen((git_env + "git fast-import --quiet").c_str(), "w");
    REQUIRE(import != nullptr);
    std::string stream;
    for (int i = 0; i < kCommits; ++i) {
      const std::string message = "commit " + std::to_string(i) + "\n";
      stream += "commit refs/heads/main\ncommitter T <t@e> " + std::to_string(1600000000 + i) +
                " +0000\ndata " + std::to_string(message.size()) + "\n" + message;
      const std::string content = "value " + std::to_string(i) + "\n";
      stream += "M 100644 inline dir" + std::to_string(i % 50) + "/file" +
                std::to_string(i % 1000) + ".txt\ndata " + std::to_string(content.size()) +
                "\n" + content;
      for (const auto& [at, key] : planted) {
        const std::string path = "secrets/s" + std::to_string(at) + ".env";
        if (i == at) {
          const std::string secret = "aws_key = \"" + key + "\"\n";
          stream += "M 100644 inline " + path + "\ndata " + std::to_string(secret.size()) +
                    "\n" + secret;
        } else if (i == at + 2) {
          stream += "D " + path + "\n";
        }
      }
      stream += "\n";
      if (stream.size() > (size_t{1} << 20) || i + 1 == kCommits) {
        REQUIRE(fwrite(stream.data(), 1, stream.size(), import) == stream.size());
        stream.clear();
      }
    }
    REQUIRE(pclose(import) == 0);
  }
  const MeasuredRun run = RunMagpie(box, box.work(), "git -f json");
  Record("100000-commit history", run);
  const nlohmann::json report = ParseJson(ReadFile(box.io() / "stdout"));
  INFO(ReadFile(box.io() / "stderr"));
  CHECK(run.exit_code == 1);
  REQUIRE(report.is_object());
  CHECK(report["diagnostics"].empty());
  const std::vector<nlohmann::json> found = FindingsOf(report, kAwsRule);
  REQUIRE(found.size() == planted.size());
  std::set<std::string> paths;
  for (const nlohmann::json& f : found) paths.insert(f["path"].get<std::string>());
  for (const auto& [at, key] : planted) {
    CHECK(paths.count("secrets/s" + std::to_string(at) + ".env") == 1);
  }
  CHECK(run.max_rss_mib < 400);  // measured: 154 MiB, 14.5 s (2 cores)
}

}  // namespace
}  // namespace magpie::clitest
