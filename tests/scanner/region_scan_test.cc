#include "scanner/region_scan.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

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
  const std::string base = PemKey(rng) + RandomLines(rng, 50);
  Result<std::vector<Finding>> found = scanner.Scan(base);
  REQUIRE(found.ok());
  REQUIRE(!found->empty());
  const std::string text = base + "x\n";
  DeltaLayout layout{base.size(), {{0, base.size(), 0}}};
  std::string fallback;
  // A reach shorter than the key: the key could be cut by a region.
  Result<std::optional<RegionScan>> r =
      ScanChanged(scanner, 16, text, layout, ScanRecord{*found, 0, base.size()}, &fallback);
  REQUIRE(r.ok());
  CHECK(!r->has_value());
  CHECK(fallback == "long-match");
}

}  // namespace
}  // namespace magpie::scanner
