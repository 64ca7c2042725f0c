// Scanner::Create: the one place a scanner can fail to be made, reported as a Status; the
// compiled form's round trip through its serialized database; and (issue 10) a scan that fails
// is an error, never "no findings".
#include <hs/hs.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "scanner/decoder.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"
#include "hyperscan_fault.h"

namespace magpie::scanner {
namespace {

using testing::CompileOrDie;
using testing::Rule;
using testing::ScannerOrDie;
using testing::ScanOrDie;

const char kToken[] = "tok_Q7xV9pL2mZ8rT4wK";

auto TokenRules() { return CompileOrDie({Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")}); }

// Fault injection through Hyperscan's own allocator hook: scratch allocation then fails as it
// would when memory runs out. Process-wide, so the guard restores malloc/free however the
// test ends.
void* FailingAlloc(size_t) { return nullptr; }
struct FailingScratchAllocator {
  FailingScratchAllocator() {
    REQUIRE(hs_set_scratch_allocator(FailingAlloc, std::free) == HS_SUCCESS);
  }
  ~FailingScratchAllocator() { hs_set_scratch_allocator(nullptr, nullptr); }
};

TEST_CASE("Create returns a Status when the scratch space cannot be allocated", "[scanner]") {
  auto compiled = TokenRules();
  {
    FailingScratchAllocator failing;
    Result<std::unique_ptr<Scanner>> scanner = Scanner::Create(compiled);
    REQUIRE_FALSE(scanner.ok());
    CHECK(scanner.status().code() == StatusCode::kResourceExhausted);
    INFO(scanner.status().message());
    CHECK(scanner.status().message().find("cannot allocate Hyperscan scratch space") !=
          std::string::npos);
    CHECK(scanner.status().message().find("out of memory") != std::string::npos);
  }
  // The failure leaves nothing behind: with memory back, the same rules give a scanner.
  Result<std::unique_ptr<Scanner>> scanner = Scanner::Create(compiled);
  REQUIRE(scanner.ok());
  CHECK(ScanOrDie(**scanner, std::string("a ") + kToken).size() == 1);
}

TEST_CASE("issue 11: a restored database hands its test scratch to the first scanner",
          "[scanner]") {
  auto compiled = TokenRules();
  CompileOptions options;
  options.generic_detector = false;
  auto restored = CompiledRules::FromSerialized(
      rules::RuleSet({Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")}, "<test>"), options,
      compiled->SerializeDatabase(), {});
  REQUIRE(restored.ok());
  FailingScratchAllocator failing;
  // The first scanner allocates nothing: it takes the scratch FromSerialized tested with.
  Result<std::unique_ptr<Scanner>> first = Scanner::Create(*restored);
  REQUIRE(first.ok());
  CHECK(ScanOrDie(**first, std::string("a ") + kToken).size() == 1);
  // Only one was kept: the next scanner allocates, and here fails to.
  Result<std::unique_ptr<Scanner>> second = Scanner::Create(*restored);
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().code() == StatusCode::kResourceExhausted);
}

TEST_CASE("Create refuses null rules", "[scanner]") {
  Result<std::unique_ptr<Scanner>> scanner = Scanner::Create(nullptr);
  REQUIRE_FALSE(scanner.ok());
  CHECK(scanner.status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("a nested (decoding) scanner needs no allocation of its own", "[scanner]") {
  // Decoding scans through nested scanners sharing the top one's scratch: once Create has
  // succeeded, scanning decoded content cannot fail for want of scratch.
  auto compiled = CompileOrDie({Rule("aws", "\\b(AKIA[A-Z2-7]{16})\\b")});
  auto scanner = ScannerOrDie(compiled);
  FailingScratchAllocator failing;
  // base64("token: " + base64("key=AKIAQYLPMN5HHHFPZAM2")), as in decoding_test.cc.
  const auto findings =
      ScanOrDie(*scanner, "blob = dG9rZW46IGEyVjVQVUZMU1VGUldVeFFUVTQxU0VoSVJsQmFRVTB5\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].decoded == "base64>base64");
}

TEST_CASE("a serialized database keeps its prefiltered rules when told them", "[scanner]") {
  const std::vector<rules::RuleSpec> specs = {
      Rule("big", "((?:[a-z]{10}[0-9]{10}|x){40})_big"),
      Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")};
  auto compiled = CompileOrDie(specs);
  REQUIRE(compiled->PrefilteredRuleIds() == std::vector<std::string>{"big"});
  CompileOptions options;
  options.generic_detector = false;
  auto restored = CompiledRules::FromSerialized(rules::RuleSet(specs, "<test>"), options,
                                                compiled->SerializeDatabase(),
                                                compiled->PrefilteredRuleIds());
  REQUIRE(restored.ok());
  CHECK((*restored)->PrefilteredRuleIds() == compiled->PrefilteredRuleIds());

  std::string body;
  for (int i = 0; i < 40; ++i) body += (i % 3) ? "x" : "kqzmwhrtyp4829105736";
  const std::string data = body + "_big " + kToken + "\n1" + body.substr(2) + "_big\n";
  const auto expected = ScanOrDie(*ScannerOrDie(compiled), data);
  const auto actual = ScanOrDie(*ScannerOrDie(*restored), data);
  REQUIRE(expected.size() == 2);
  REQUIRE(actual.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CHECK(actual[i].rule_id == expected[i].rule_id);
    CHECK(actual[i].start.offset == expected[i].start.offset);
    CHECK(actual[i].end.offset == expected[i].end.offset);
  }

  // An id that is not a rule of the set means the entry was not written for these rules.
  auto wrong = CompiledRules::FromSerialized(rules::RuleSet(specs, "<test>"), options,
                                             compiled->SerializeDatabase(), {"no-such-rule"});
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.status().code() == StatusCode::kCorrupt);
}

TEST_CASE("issue 10: a failing hs_scan is an error, not an empty list of findings", "[scanner]") {
  auto compiled = TokenRules();
  auto scanner = ScannerOrDie(compiled);
  ScanOptions chunked;  // every chunk of a long buffer goes through the same check
  chunked.chunk_size = 64;
  chunked.chunk_overlap = 16;
  auto chunked_scanner = ScannerOrDie(compiled, chunked);
  const std::string data = std::string("a ") + kToken;
  {
    testing::DamagedDatabaseHeader damaged(*compiled);
    Result<std::vector<Finding>> findings = scanner->Scan(data);
    REQUIRE_FALSE(findings.ok());
    CHECK(findings.status().code() == StatusCode::kInternal);
    INFO(findings.status().message());
    CHECK(findings.status().message().find("Hyperscan scan failed: invalid database (error " +
                                           std::to_string(HS_INVALID) + ")") !=
          std::string::npos);
    CHECK_FALSE(chunked_scanner->Scan(std::string(1000, 'x') + data).ok());
  }
  // The scanner is usable again once the database is.
  CHECK(ScanOrDie(*scanner, data).size() == 1);
}

TEST_CASE("issue 10: an empty buffer scans to no findings, whatever its pointer", "[scanner]") {
  auto scanner = ScannerOrDie(TokenRules());
  Result<std::vector<Finding>> findings = scanner->Scan(std::string_view());
  REQUIRE(findings.ok());  // hs_scan itself refuses a null pointer (HS_INVALID)
  CHECK(findings->empty());
}

TEST_CASE("issue 10: a database reporting ids beyond its rule table fails the scan", "[scanner]") {
  // The database of ten rules, served as if compiled from the first alone: the tenth rule's id
  // lies beyond the one rule plus the decoders of the table.
  std::vector<rules::RuleSpec> ten;
  for (int i = 0; i < 9; ++i) ten.push_back(Rule("r" + std::to_string(i), "(q" + std::to_string(i) + "_[0-9]{12})"));
  ten.push_back(Rule("last", "(zz_marker_[0-9]{8})"));
  auto wide = CompileOrDie(ten);
  CompileOptions options;
  options.generic_detector = false;
  auto narrow = CompiledRules::FromSerialized(rules::RuleSet({ten[0]}, "<test>"), options,
                                              wide->SerializeDatabase(), {});
  REQUIRE(narrow.ok());
  REQUIRE((*narrow)->ExpressionCount() < wide->ExpressionCount());
  auto scanner = ScannerOrDie(*narrow);
  CHECK(ScanOrDie(*scanner, "q0_739251846017\n").size() == 1);  // ids inside the table

  Result<std::vector<Finding>> findings = scanner->Scan("q0_739251846017 zz_marker_12345678\n");
  REQUIRE_FALSE(findings.ok());
  CHECK(findings.status().code() == StatusCode::kCorrupt);
  INFO(findings.status().message());
  CHECK(findings.status().message().find("reported pattern id 9, beyond the " +
                                         std::to_string((*narrow)->ExpressionCount())) !=
        std::string::npos);
  CHECK(ScanOrDie(*scanner, "q0_739251846017\n").size() == 1);  // and usable again
}

// A serialized block-mode database of `expressions`, each with the id beside it.
std::string SerializedDatabase(const std::vector<std::pair<std::string, unsigned int>>& expressions) {
  std::vector<const char*> patterns;
  std::vector<unsigned int> flags;
  std::vector<unsigned int> ids;
  for (const auto& [pattern, id] : expressions) {
    patterns.push_back(pattern.c_str());
    flags.push_back(0);
    ids.push_back(id);
  }
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  REQUIRE(hs_compile_multi(patterns.data(), flags.data(), ids.data(),
                           static_cast<unsigned int>(patterns.size()), HS_MODE_BLOCK, nullptr,
                           &database, &error) == HS_SUCCESS);
  char* bytes = nullptr;
  size_t length = 0;
  REQUIRE(hs_serialize_database(database, &bytes, &length) == HS_SUCCESS);
  std::string out(bytes, length);
  std::free(bytes);
  hs_free_database(database);
  return out;
}

TEST_CASE("issue 10: a failing scan of decoded content fails the whole scan", "[scanner]") {
  // The table: one rule (id 0), then the decoders (base64 is id 1, flagged by the scanner's
  // linear prefilter, not the database). The database keeps the rule's id but adds id 99, which
  // only decoded content matches: the top-level scan goes fine, the nested scan of the decoded
  // bytes meets the foreign id.
  REQUIRE(internal::DecoderSpecs()[0].prefilter_find != nullptr);
  const rules::RuleSpec rule = Rule("q", "(q0_[0-9]{12})");
  const std::string database =
      SerializedDatabase({{rule.pattern, 0}, {"zz_marker_[0-9]{8}", 99}});
  CompileOptions options;
  options.generic_detector = false;
  auto compiled = CompiledRules::FromSerialized(rules::RuleSet({rule}, "<test>"), options,
                                                database, {});
  REQUIRE(compiled.ok());
  auto scanner = ScannerOrDie(*compiled);
  // base64("token: q0_739251846017 and more text here")
  const std::string clean = "blob = dG9rZW46IHEwXzczOTI1MTg0NjAxNyBhbmQgbW9yZSB0ZXh0IGhlcmU=\n";
  const auto found = ScanOrDie(*scanner, clean);
  REQUIRE(found.size() == 1);
  CHECK(found[0].decoded == "base64");
  // base64("token: zz_marker_12345678 and more text here")
  Result<std::vector<Finding>> findings =
      scanner->Scan("blob = dG9rZW46IHp6X21hcmtlcl8xMjM0NTY3OCBhbmQgbW9yZSB0ZXh0IGhlcmU=\n");
  REQUIRE_FALSE(findings.ok());
  CHECK(findings.status().code() == StatusCode::kCorrupt);
  CHECK(findings.status().message().find("reported pattern id 99") != std::string::npos);
  CHECK(ScanOrDie(*scanner, clean).size() == 1);  // the failure is not carried into the next scan
}

TEST_CASE("issue 10: FromSerialized refuses a database of another mode", "[scanner]") {
  const char* expression = "tok_[A-Za-z0-9]{16}";
  const unsigned int flags = 0;
  const unsigned int id = 0;
  hs_database_t* streaming = nullptr;
  hs_compile_error_t* error = nullptr;
  REQUIRE(hs_compile_multi(&expression, &flags, &id, 1, HS_MODE_STREAM, nullptr, &streaming,
                           &error) == HS_SUCCESS);
  char* bytes = nullptr;
  size_t length = 0;
  REQUIRE(hs_serialize_database(streaming, &bytes, &length) == HS_SUCCESS);
  const std::string serialized(bytes, length);
  std::free(bytes);
  hs_free_database(streaming);
  CompileOptions options;
  options.generic_detector = false;
  auto restored = CompiledRules::FromSerialized(
      rules::RuleSet({Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")}, "<test>"), options,
      serialized, {});
  REQUIRE_FALSE(restored.ok());
  CHECK(restored.status().code() == StatusCode::kCorrupt);
  CHECK(restored.status().message() == "not a block-mode Hyperscan database");
}

}  // namespace
}  // namespace magpie::scanner
