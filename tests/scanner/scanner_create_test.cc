// Scanner::Create: the one place a scanner can fail to be made, reported as a Status; and the
// compiled form's round trip through its serialized database.
#include <hs/hs.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "scanner/scanner.h"
#include "scanner_test_util.h"

namespace magpie::scanner {
namespace {

using testing::CompileOrDie;
using testing::Rule;
using testing::ScannerOrDie;

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
  CHECK((*scanner)->Scan(std::string("a ") + kToken).size() == 1);
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
      scanner->Scan("blob = dG9rZW46IGEyVjVQVUZMU1VGUldVeFFUVTQxU0VoSVJsQmFRVTB5\n");
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
  const auto expected = ScannerOrDie(compiled)->Scan(data);
  const auto actual = ScannerOrDie(*restored)->Scan(data);
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

}  // namespace
}  // namespace magpie::scanner
