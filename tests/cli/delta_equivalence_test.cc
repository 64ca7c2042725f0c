// Issue 13 §1: the delta-aware history scan reports exactly what a full scan reports. Every test
// builds a history, stores it in packs the way git does (ofs-deltas, ref-deltas, a thin pack
// completed on arrival, loose objects beside packs), and compares the whole JSON report of
// `magpie git --no-delta` against MAGPIE_DELTA=on (the delta path is off by default), after
// checking that the delta path really scanned versions by their changes (-v says how many).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "git_harness.h"
#include "tests/scanner/edit_fixtures.h"

namespace magpie::clitest {
namespace {

using testing::kEditSecretLines;
using testing::PemKey;

std::string Filler(std::mt19937& rng, size_t lines) {
  std::string out;
  for (size_t i = 0; i < lines; ++i) {
    out += "line " + std::to_string(rng() % 100000) + ": for (int i = 0; i < n; ++i) sum += v[i];\n";
  }
  return out;
}

// A large file (so that versions have regions far from any change) edited commit by commit:
// secrets inserted, one split across two commits, one deleted, a private key whose END line
// comes a commit later, an edit inside a key, lines moved, and small files beside it.
void BuildHistory(const Sandbox& box, unsigned seed) {
  InitRepo(box);
  std::mt19937 rng(seed);
  std::string big = Filler(rng, 3000) + kEditSecretLines[0] + Filler(rng, 1500) + PemKey(rng) +
                    Filler(rng, 1500);
  auto commit = [&](const std::string& message) {
    box.Write("src/big.txt", big);
    MustSh(box, "git add -A && " + Git("commit -q --allow-empty -m " + ShellQuote(message)));
  };
  commit("start");
  for (int step = 0; step < 14; ++step) {
    const size_t at = big.find('\n', rng() % big.size());
    const size_t line_end = at == std::string::npos ? big.size() : at + 1;
    switch (step % 7) {
      case 0:  // a new secret
        big.insert(line_end, kEditSecretLines[rng() % std::size(kEditSecretLines)]);
        break;
      case 1: {  // the first half of a secret; the next step adds the rest right after it
        const std::string secret = kEditSecretLines[1];
        big.insert(line_end, secret.substr(0, 20));
        commit("half a token");
        big.insert(line_end + 20, secret.substr(20));
        break;
      }
      case 2: {  // a private key whose END line arrives a commit later
        std::string key = PemKey(rng);
        const size_t end_at = key.find("-----END");
        big.insert(line_end, key.substr(0, end_at));
        commit("key without its end");
        big.insert(line_end + end_at, key.substr(end_at));
        break;
      }
      case 3: {  // an edit inside the first key's body
        const size_t key = big.find("MIIEpAIBAAKCAQEA");
        if (key != std::string::npos) big[key + 100] = big[key + 100] == 'A' ? 'B' : 'A';
        break;
      }
      case 4: {  // a secret deleted
        const size_t secret = big.find(kEditSecretLines[0]);
        if (secret != std::string::npos) big.erase(secret, std::string(kEditSecretLines[0]).size());
        break;
      }
      case 5: {  // a block of lines moved to the end
        const size_t from = big.find('\n', rng() % (big.size() / 2)) + 1;
        const std::string block = big.substr(from, 5000);
        big.erase(from, block.size());
        big += block;
        break;
      }
      default:  // a byte changed next to a secret (an edit at a copy boundary)
        if (const size_t secret = big.find("ghp_"); secret != std::string::npos) {
          big[secret - 2] = '=';
        }
        box.Write("small" + std::to_string(step) + ".txt",
                  std::string(kEditSecretLines[rng() % std::size(kEditSecretLines)]) + Filler(rng, 3));
        break;
    }
    commit("step " + std::to_string(step));
  }
}

// The report with what differs between runs of the same scan (timings) left out.
nlohmann::json Stable(nlohmann::json report) {
  std::function<void(nlohmann::json&)> strip = [&](nlohmann::json& j) {
    if (j.is_object()) {
      for (const char* key : {"duration_ms", "duration_seconds", "elapsed", "elapsed_ms",
                              "started_at", "finished_at", "scan_seconds", "elapsed_seconds"}) {
        j.erase(key);
      }
      for (auto& [key, value] : j.items()) strip(value);
    } else if (j.is_array()) {
      for (auto& value : j) strip(value);
    }
  };
  strip(report);
  return report;
}

// MAGPIE_DELTA=on for the magpie runs of one test (each test case runs in its own process).
struct DeltaOn {
  DeltaOn() { setenv("MAGPIE_DELTA", "on", 1); }
  ~DeltaOn() { unsetenv("MAGPIE_DELTA"); }
};

// Blobs the delta path scanned by their changes, from -v.
long ByChanges(const std::string& err) {
  std::smatch m;
  static const std::regex kLine("delta-aware scan: ([0-9]+) blobs by their changes");
  return std::regex_search(err, m, kLine) ? std::stol(m[1]) : -1;
}

// Runs both scans and requires equal reports; returns the delta run's -v line count.
long RequireSameReports(const Sandbox& box) {
  const DeltaOn delta_on;  // --no-delta wins over it
  const CliRun plain = box.Run("git -f json --no-store --no-delta");
  INFO(plain.err);
  REQUIRE(plain.exit_code == 1);
  const CliRun delta = box.Run("git -f json --no-store -v");
  INFO(delta.err);
  REQUIRE(delta.exit_code == 1);
  const nlohmann::json want = Stable(ParseJson(plain.out));
  const nlohmann::json got = Stable(ParseJson(delta.out));
  REQUIRE(!want["findings"].empty());
  CHECK(got == want);
  return ByChanges(delta.err);
}

TEST_CASE("issue 13: delta-aware history scan equals a full scan over ofs-deltas",
          "[cli][git][delta]") {
  Sandbox box;
  BuildHistory(box, 1);
  MustSh(box, "git repack -adfq --depth=50 --window=50");
  CHECK(RequireSameReports(box) > 5);
}

TEST_CASE("issue 13: delta-aware history scan equals a full scan over ref-deltas",
          "[cli][git][delta]") {
  Sandbox box;
  BuildHistory(box, 2);
  MustSh(box, "git -c repack.useDeltaBaseOffset=false repack -adfq --depth=50 --window=50");
  MustSh(box, "git verify-pack -v .git/objects/pack/*.idx | grep -q ' blob '");
  CHECK(RequireSameReports(box) > 5);
}

TEST_CASE("issue 13: delta-aware history scan equals a full scan over a thin pack and loose objects",
          "[cli][git][delta]") {
  Sandbox box;
  BuildHistory(box, 3);
  // The older half in one pack; the newer half arrives as a thin pack (deltas against objects
  // of the other pack), completed by index-pack as a fetch would; one more commit stays loose.
  MustSh(box, "git init -q --bare ../io/dst && "
              "git push -q ../io/dst main~6:refs/heads/main && "
              "git -C ../io/dst repack -adfq && "
              "printf 'main\\n^main~6\\n' | git pack-objects --revs --thin --stdout -q | "
              "git -C ../io/dst index-pack --stdin --fix-thin >/dev/null && "
              "git -C ../io/dst update-ref refs/heads/main $(git rev-parse main)");
  MustSh(box, "test $(ls ../io/dst/objects/pack/*.pack | wc -l) -eq 2");
  MustSh(box, "rm -rf .git && mv ../io/dst .git && git config core.bare false && "
              "git reset -q --hard && echo 'token: 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' "
              ">loose.txt && git add loose.txt && " + Git("commit -q -m loose"));
  CHECK(RequireSameReports(box) > 3);
}

TEST_CASE("issue 13: MAGPIE_DELTA=off and --no-delta scan every blob whole",
          "[cli][git][delta]") {
  Sandbox box;
  BuildHistory(box, 4);
  MustSh(box, "git repack -adfq");
  const DeltaOn delta_on;
  const CliRun flag = box.Run("git -f json --no-store --no-delta -v");
  CHECK(flag.err.find("delta-aware scan") == std::string::npos);
  const CliRun delta = box.Run("git -f json --no-store -v");
  CHECK(ByChanges(delta.err) > 0);
  std::string out;
  Sh(box, "MAGPIE_DELTA=off " + ShellQuote(MAGPIE_BINARY) + " git -f json --no-store -v", &out);
  CHECK(out.find("delta-aware scan") == std::string::npos);
  CHECK(out.find("\"findings\"") != std::string::npos);
}

TEST_CASE("issue 13: the delta-aware scan is off by default and MAGPIE_DELTA=on turns it on",
          "[cli][git][delta]") {
  Sandbox box;
  BuildHistory(box, 5);
  MustSh(box, "git repack -adfq");
  const CliRun plain = box.Run("git -f json --no-store -v");
  CHECK(plain.err.find("delta-aware scan") == std::string::npos);
  std::string out;
  Sh(box, "MAGPIE_DELTA=on " + ShellQuote(MAGPIE_BINARY) + " git -f json --no-store -v", &out);
  CHECK(ByChanges(out) > 0);
}

TEST_CASE("issue 13: the delta path takes versions and their layouts from the pack reads",
          "[cli][git][delta]") {
  Sandbox box;
  BuildHistory(box, 6);
  MustSh(box, "git repack -adfq --depth=50 --window=50");
  const DeltaOn delta_on;
  // One thread: in pack order every base is read before its deltas, so no version's bytes are
  // in the delta-base cache before it is read itself (that would need a second lookup).
  const CliRun run = box.Run("git -f json --no-store -v -j 1");
  INFO(run.err);
  REQUIRE(run.exit_code == 1);
  CHECK(ByChanges(run.err) > 5);
  std::smatch m;
  static const std::regex kReads(
      "blob reads: ([0-9]+) from the packs; delta layouts: ([0-9]+) with the read, ([0-9]+) "
      "looked up again\n");
  REQUIRE(std::regex_search(run.err, m, kReads));  // no "libgit2 N (why)" between them
  CHECK(std::stol(m[1]) > 10);
  CHECK(std::stol(m[2]) >= ByChanges(run.err));
  CHECK(std::stol(m[3]) == 0);
}

TEST_CASE("issue 13: delta-aware history scan equals a full scan on magpie's own history",
          "[cli][git][delta][slow]") {
  Sandbox box;
  // A fresh clone packs every object as git's own repack would (deltas against bases of any
  // age); the checkout itself may hold loose objects or be shallow.
  MustSh(box, "git clone -q --no-local --bare " + ShellQuote(MAGPIE_SOURCE_DIR) + " repo.git");
  const DeltaOn delta_on;
  const CliRun plain = box.Run("git repo.git -f json --no-store --no-delta");
  const CliRun delta = box.Run("git repo.git -f json --no-store -v");
  INFO(delta.err);
  REQUIRE(plain.exit_code == delta.exit_code);
  CHECK(Stable(ParseJson(delta.out)) == Stable(ParseJson(plain.out)));
  CHECK(ByChanges(delta.err) >= 0);
}

}  // namespace
}  // namespace magpie::clitest
