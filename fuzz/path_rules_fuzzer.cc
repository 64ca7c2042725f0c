// The rules matched on paths (scanner/path_rules.h, issue 15): a hostile path through the
// built-in path globs, and hostile dotenv text through the KEY=value reader. The input's first
// line is the path, the rest the file's content.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "rules/rule_set.h"
#include "scanner/path_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace magpie;
  static const scanner::PathRules* rules = [] {
    auto compiled = scanner::PathRules::Compile(rules::LoadBuiltinRules().rules);
    MAGPIE_FUZZ_CHECK(compiled.ok());
    return new scanner::PathRules(*std::move(compiled));
  }();
  const std::string_view input = fuzz::AsView(data, size);
  const size_t nl = input.find('\n');
  const std::string_view path = input.substr(0, nl);
  const std::string_view content = nl == std::string_view::npos ? "" : input.substr(nl + 1);
  for (const scanner::Finding& f : rules->MatchPath(path, &content)) {
    MAGPIE_FUZZ_CHECK(f.sensitive_file && f.secret.empty());
  }
  std::vector<scanner::Finding> findings;
  rules->AddDotenvFindings(".env", content, &findings);
  for (const scanner::Finding& f : findings) {
    // Each secret is the bytes at its offsets, and its context span lies inside the context.
    MAGPIE_FUZZ_CHECK(f.end.offset <= content.size() && f.start.offset <= f.end.offset);
    MAGPIE_FUZZ_CHECK(content.substr(f.start.offset, f.end.offset - f.start.offset) == f.secret);
    for (const scanner::Finding::Span& s : f.context_secrets) {
      MAGPIE_FUZZ_CHECK(s.begin <= s.end && s.end <= f.context.size());
    }
  }
  return 0;
}
