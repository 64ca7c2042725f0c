#include "scanner/region_scan.h"

#include <catch2/catch.hpp>

#include <cerrno>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "base/fault_injection.h"
#include "builtin_scanner.h"
#include "edit_fixtures.h"

namespace magpie::scanner {
namespace {

using testing::BuiltinScanner;

using testing::kEditSecretLines;
using testing::PemKey;

const char* const kPlainLines[] = {
    "int main(int argc, char** argv) {\n", "  return run(argc, argv);\n", "}\n",
    "# a comment about nothing in particular\n", "static const char* kName = \"magpie\";\n",
    "for (size_t i = 0; i < n; ++i) total += values[i];\n", "\n",
};

std::string RandomLines(std::mt19937& rng, size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) {
    const unsigned pick = rng() % 100;
    if (pick < 4) {
      text += kEditSecretLines[rng() % std::size(kEditSecretLines)];
    } else if (pick == 4) {
      text += PemKey(rng);
    } else {
      text += kPlainLines[rng() % std::size(kPlainLines)];
    }
  }
  return text;
}

struct Edited {
  std::string text;
  DeltaLayout layout;
};

// A new version of `base` as a delta would describe it: copied ranges (cut anywhere, also
// inside a secret or a key), inserts (random lines, the other half of a cut secret, a stray
// byte), deletions and moves.
Edited Edit(std::mt19937& rng, const std::string& base) {
  Edited out;
  out.layout.base_size = base.size();
  size_t pos = 0;
  auto copy = [&](size_t from, size_t length) {
    if (length == 0) return;
    out.layout.copies.push_back({out.text.size(), length, from});
    out.text.append(base, from, length);
  };
  while (pos < base.size()) {
    const size_t chunk = std::min<size_t>(base.size() - pos, 1 + rng() % 60000);
    copy(pos, chunk);
    pos += chunk;
    switch (rng() % 6) {
      case 0:
        out.text += RandomLines(rng, 1 + rng() % 3);
        break;
      case 1: {  // half of a secret: the copy that follows may hold the rest, or not
        const std::string secret = kEditSecretLines[rng() % std::size(kEditSecretLines)];
        out.text += secret.substr(rng() % secret.size());
        break;
      }
      case 2:  // a deletion
        pos = std::min(base.size(), pos + rng() % 300);
        break;
      case 3: {  // a move: a copy from elsewhere
        const size_t from = rng() % base.size();
        copy(from, std::min<size_t>(base.size() - from, rng() % 2000));
        break;
      }
      case 4:
        out.text += static_cast<char>('a' + rng() % 26);
        break;
      default:
        break;
    }
  }
  return out;
}

void RequireSameFindings(const std::vector<Finding>& got, const std::vector<Finding>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    INFO("finding " << i << " rule " << want[i].rule_id << " at " << want[i].start.offset);
    CHECK(got[i].rule_id == want[i].rule_id);
    CHECK(got[i].secret == want[i].secret);
    CHECK(got[i].start.offset == want[i].start.offset);
    CHECK(got[i].start.line == want[i].start.line);
    CHECK(got[i].start.column == want[i].start.column);
    CHECK(got[i].end.offset == want[i].end.offset);
    CHECK(got[i].end.line == want[i].end.line);
    CHECK(got[i].end.column == want[i].end.column);
    CHECK(got[i].context == want[i].context);
    CHECK(got[i].context_secret_offset == want[i].context_secret_offset);
    CHECK(got[i].context_secrets == want[i].context_secrets);
    CHECK(got[i].confidence == want[i].confidence);
    CHECK(got[i].entropy == want[i].entropy);
    CHECK(got[i].validated == want[i].validated);
    CHECK(got[i].decoded == want[i].decoded);
  }
}

TEST_CASE("issue 13: the reach of the built-in rules is computed from their patterns",
          "[scanner][region]") {
  const uint64_t reach = MatchReach(BuiltinScanner().rules());
  CHECK(reach > 40);     // the longest provider tokens are longer than that
  CHECK(reach <= 8192);  // the documented limit of a match
}

TEST_CASE("issue 13: a version scanned by its changes has the findings of a full scan",
          "[scanner][region]") {
  Scanner& scanner = BuiltinScanner();
  const uint64_t reach = MatchReach(scanner.rules());
  std::mt19937 rng(1313);
  int exact = 0;
  uint64_t scanned = 0;
  uint64_t total = 0;
  for (int round = 0; round < 60; ++round) {
    const std::string base = RandomLines(rng, 200 + rng() % 8000);
    Result<std::vector<Finding>> base_findings = scanner.Scan(base);
    REQUIRE(base_findings.ok());
    ScanRecord record{*base_findings, scanner.decoded_bytes(), base.size()};
    // A chain: each version is the base of the next, carried by its region scan's record.
    std::string current = base;
    for (int depth = 0; depth < 3; ++depth) {
      const Edited edited = Edit(rng, current);
      Result<std::vector<Finding>> full = scanner.Scan(edited.text);
      REQUIRE(full.ok());
      std::string fallback;
      Result<std::optional<RegionScan>> region =
          ScanChanged(scanner, reach, edited.text, edited.layout, record, &fallback);
      REQUIRE(region.ok());
      INFO("round " << round << " depth " << depth << " fallback " << fallback);
      if (!region->has_value()) {
        CHECK(!fallback.empty());
        record = ScanRecord{*full, scanner.decoded_bytes(), edited.text.size()};
      } else {
        RequireSameFindings((*region)->findings, *full);
        ++exact;
        scanned += (*region)->scanned_bytes;
        total += edited.text.size();
        record = ScanRecord{(*region)->findings, (*region)->decoded_bytes, edited.text.size()};
      }
      current = edited.text;
    }
  }
  CHECK(exact > 150);         // the fast path is the rule, the fallback the exception
  CHECK(scanned < total);     // and it scans less than everything
}

TEST_CASE("issue 13: a layout that does not fit the version falls back", "[scanner][region]") {
  Scanner& scanner = BuiltinScanner();
  const std::string text = "token: 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\n";
  std::string fallback;
  const ScanRecord base{{}, 0, text.size()};
  DeltaLayout past_end{text.size(), {{0, text.size() + 1, 0}}};
  Result<std::optional<RegionScan>> r =
      ScanChanged(scanner, 100, text, past_end, base, &fallback);
  REQUIRE(r.ok());
  CHECK(!r->has_value());
  CHECK(fallback == "layout");
  DeltaLayout outside_base{4, {{0, 8, 0}}};
  r = ScanChanged(scanner, 100, text, outside_base, ScanRecord{{}, 0, 4}, &fallback);
  REQUIRE(r.ok());
  CHECK(!r->has_value());
  DeltaLayout overlapping{text.size(), {{0, 10, 0}, {5, 10, 5}}};
  r = ScanChanged(scanner, 100, text, overlapping, base, &fallback);
  REQUIRE(r.ok());
  CHECK(!r->has_value());
  // A delta naming a base of another size was not made from this base.
  DeltaLayout other_base{text.size() + 1, {{0, 10, 0}}};
  r = ScanChanged(scanner, 100, text, other_base, base, &fallback);
  REQUIRE(r.ok());
  CHECK(!r->has_value());
  // A layout that fits is scanned.
  DeltaLayout fits{text.size(), {{0, 10, 0}}};
  r = ScanChanged(scanner, 100, text, fits, base, &fallback);
  REQUIRE(r.ok());
  CHECK(r->has_value());
}

TEST_CASE("issue 13: a base finding longer than the reach makes the version fall back",
          "[scanner][region]") {
  Scanner& scanner = BuiltinScanner();
  std::mt19937 rng(7);
  const std::string base = std::string(kEditSecretLines[1]) + RandomLines(rng, 50);
  Result<std::vector<Finding>> found = scanner.Scan(base);
  REQUIRE(found.ok());
  REQUIRE(!found->empty());
  const std::string text = base + "x\n";
  DeltaLayout layout{base.size(), {{0, base.size(), 0}}};
  std::string fallback;
  // A reach shorter than the token: a bounded rule's secret could be cut by a region.
  Result<std::optional<RegionScan>> r =
      ScanChanged(scanner, 16, text, layout, ScanRecord{*found, 0, base.size()}, &fallback);
  REQUIRE(r.ok());
  CHECK(!r->has_value());
  CHECK(fallback == "long-match");
}

// `text` = base[0, cut) + insert + base[cut, end), as a delta describes it.
Edited InsertAt(const std::string& base, size_t cut, const std::string& insert) {
  Edited out;
  out.text = base.substr(0, cut) + insert + base.substr(cut);
  out.layout.base_size = base.size();
  out.layout.copies.push_back({0, cut, 0});
  out.layout.copies.push_back({cut + insert.size(), base.size() - cut, cut});
  return out;
}

// Scans `edited` by its changes from `base` (scanned whole), requires the fast path and the
// findings of a full scan; returns those findings.
std::vector<Finding> RequireExactRegionScan(Scanner& scanner, const std::string& base,
                                            const Edited& edited) {
  Result<std::vector<Finding>> base_findings = scanner.Scan(base);
  REQUIRE(base_findings.ok());
  const ScanRecord record{*base_findings, scanner.decoded_bytes(), base.size()};
  Result<std::vector<Finding>> full = scanner.Scan(edited.text);
  REQUIRE(full.ok());
  std::string fallback;
  Result<std::optional<RegionScan>> region = ScanChanged(
      scanner, MatchReach(scanner.rules()), edited.text, edited.layout, record, &fallback);
  REQUIRE(region.ok());
  INFO("fallback " << fallback);
  REQUIRE(region->has_value());
  RequireSameFindings((*region)->findings, *full);
  return *full;
}

size_t CountRule(const std::vector<Finding>& findings, const std::string& prefix) {
  size_t n = 0;
  for (const Finding& f : findings) n += f.rule_id.rfind(prefix, 0) == 0;
  return n;
}

TEST_CASE("issue 13: the rules split into a short bounded reach and rules confirmed everywhere",
          "[scanner][region]") {
  const uint64_t reach = MatchReach(BuiltinScanner().rules());
  CHECK(reach <= 512);
  // The window around a change: a few kilobytes, no longer the ~41 KB of an 8 KiB reach.
  CHECK(ChangeWindow(reach) < 4096);
}

TEST_CASE("issue 13: an unbounded-rule secret cut by an insert far from its start is exact",
          "[scanner][region]") {
  Scanner& scanner = BuiltinScanner();
  std::mt19937 rng(1414);
  // A key far longer than any window: its armour header is far from where the insert lands.
  std::string key = PemKey(rng);
  std::string body;
  for (int i = 0; i < 150; ++i) body += std::string(64, static_cast<char>('A' + i % 26)) + "\n";
  key.insert(key.find('\n') + 1, body);
  const std::string before = RandomLines(rng, 400);
  const std::string base = before + key + RandomLines(rng, 400);
  const size_t key_end = before.size() + key.size();
  const std::vector<Finding> base_findings = *scanner.Scan(base);
  REQUIRE(CountRule(base_findings, "private-key") + CountRule(base_findings, "rsa") > 0);
  SECTION("an insert inside the key body keeps it a key") {
    RequireExactRegionScan(scanner, base, InsertAt(base, key_end - 200, "QUJD\n"));
  }
  SECTION("an insert that breaks the end line removes the key") {
    const size_t end_line = base.rfind("-----END", key_end);
    RequireExactRegionScan(scanner, base, InsertAt(base, end_line + 3, "\n\n"));
  }
  SECTION("an insert that adds a token line next to the end line") {
    RequireExactRegionScan(scanner, base,
                           InsertAt(base, key_end - 1, std::string(" ") + kEditSecretLines[1]));
  }
}

TEST_CASE("issue 13: a bounded secret at a window edge is exact", "[scanner][region]") {
  Scanner& scanner = BuiltinScanner();
  const uint64_t window = ChangeWindow(MatchReach(scanner.rules()));
  std::mt19937 rng(1515);
  const std::string secret = kEditSecretLines[1];
  const std::string generic = kEditSecretLines[2];
  for (int64_t distance = static_cast<int64_t>(window) - 160;
       distance <= static_cast<int64_t>(window) + 160; distance += 7) {
    INFO("distance " << distance);
    // Filler lines of one length, so that the secret sits `distance` bytes from the insert.
    std::string filler;
    while (filler.size() + 32 < static_cast<size_t>(distance)) filler += std::string(31, 'x') + "\n";
    filler += std::string(static_cast<size_t>(distance) - filler.size(), 'y');
    const std::string head = RandomLines(rng, 100);
    const std::string base = head + secret + filler + "\n" + generic + filler + RandomLines(rng, 100);
    const size_t cut = head.size() + secret.size() + filler.size();
    RequireExactRegionScan(scanner, base, InsertAt(base, cut, "token = 1\n"));
    // The insert itself holds half a secret whose other half the base held.
    RequireExactRegionScan(scanner, base, InsertAt(base, head.size() + 10, "ghp_"));
  }
}

TEST_CASE("issue 13: a split database that does not compile makes versions fall back",
          "[scanner][region]") {
  rules::LoadResult loaded = rules::LoadBuiltinRules();
  REQUIRE(loaded.ok());
  std::shared_ptr<const CompiledRules> compiled;
  {
    auto made = CompiledRules::Compile(loaded.rules, {});
    REQUIRE(made.ok());
    compiled = *made;
    fault::ScopedFault fault(fault::Point::kReachSplit, EINVAL);
    MatchReach(*compiled);  // the split is made (and its database fails) on first use
  }
  std::unique_ptr<Scanner> scanner = testing::ScannerOrDie(compiled);
  std::mt19937 rng(1616);
  const std::string base = RandomLines(rng, 3000);
  const Edited edited = Edit(rng, base);
  Result<std::vector<Finding>> base_findings = scanner->Scan(base);
  REQUIRE(base_findings.ok());
  std::string fallback;
  Result<std::optional<RegionScan>> region =
      ScanChanged(*scanner, MatchReach(*compiled), edited.text, edited.layout,
                  ScanRecord{*base_findings, scanner->decoded_bytes(), base.size()}, &fallback);
  REQUIRE(region.ok());
  CHECK(!region->has_value());
  CHECK(fallback == "split");
}

}  // namespace
}  // namespace magpie::scanner
