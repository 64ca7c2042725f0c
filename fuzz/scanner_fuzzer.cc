// The whole scanner with the shipped rules on arbitrary bytes: Hyperscan prefilter, RE2
// confirmation, validators, the entropy detector and nested decoding, then the inline allow
// markers on each finding. Chunks are small (4 KiB, 1 KiB overlap) so that inputs within
// -max_len cross chunk boundaries; the rules are compiled once.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "fuzz/fuzz_check.h"
#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/scanner.h"
#include "suppress/allow_markers.h"

namespace {
magpie::scanner::Scanner* scanner = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace magpie::scanner;
  const magpie::rules::LoadResult loaded = magpie::rules::LoadBuiltinRules();
  MAGPIE_FUZZ_CHECK(loaded.ok());
  auto compiled = CompiledRules::Compile(loaded.rules);
  MAGPIE_FUZZ_CHECK(compiled.ok());
  ScanOptions options;
  options.chunk_size = 4096;
  options.chunk_overlap = 1024;
  auto created = Scanner::Create(*compiled, options);
  MAGPIE_FUZZ_CHECK(created.ok());
  scanner = created->release();  // lives as long as the process
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = magpie::fuzz::AsView(data, size);
  // Scan fails only when Hyperscan does (an engine error): on any input that is a bug.
  const auto found = scanner->Scan(text);
  MAGPIE_FUZZ_CHECK(found.ok());
  for (const magpie::scanner::Finding& f : *found) {
    MAGPIE_FUZZ_CHECK(f.start.offset <= f.end.offset && f.end.offset <= text.size());
    MAGPIE_FUZZ_CHECK(!f.secret.empty());
    if (f.decoded.empty()) {
      MAGPIE_FUZZ_CHECK(text.substr(f.start.offset, f.end.offset - f.start.offset) == f.secret);
    }
    MAGPIE_FUZZ_CHECK(f.context_secret_offset <= f.context.size());
    MAGPIE_FUZZ_CHECK(f.context.size() <= magpie::scanner::kMaxContextBytes);
    (void)magpie::suppress::IsSuppressedInline(text, f);
  }
  return 0;
}
