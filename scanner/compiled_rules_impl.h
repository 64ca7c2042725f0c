// Private to the scanner library (its .cc files include it; no header and no other room
// does): the compiled form behind CompiledRules, with Hyperscan and RE2 types.
#ifndef MAGPIE_SCANNER_COMPILED_RULES_IMPL_H_
#define MAGPIE_SCANNER_COMPILED_RULES_IMPL_H_

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "rules/re2_options.h"
#include "scanner/compiled_rules.h"
#include "scanner/decoder.h"
#include "scanner/gate.h"

namespace magpie::scanner {

// RE2 for one rule, compiled on first use: most rules never hit in a typical scan, and
// compiling all of them costs more than a pre-commit hook's whole time budget.
// Thread safety: get() may be called from any thread.
class LazyRe2 {
 public:
  explicit LazyRe2(std::string pattern) : pattern_(std::move(pattern)) {}
  const RE2& get() const {
    std::call_once(once_, [this] { re_ = std::make_unique<RE2>(pattern_, rules::Re2Options()); });
    return *re_;
  }

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

struct CompiledRule {
  const rules::RuleSpec* spec = nullptr;  // points into Impl::rule_set
  std::unique_ptr<LazyRe2> re;
  bool prefiltered = false;  // Hyperscan compiled an approximation (HS_FLAG_PREFILTER)
  bool generic = false;      // the built-in generic detector
};

struct CompiledDecoder {
  internal::Encoding encoding;
  std::unique_ptr<RE2> re;  // group 1 is the encoded token; null when `find` is set
  internal::TokenFinder find = nullptr;  // a linear scanner instead of `re`
  // Flags candidates instead of a Hyperscan expression (the database has no id for it).
  internal::PrefilterFinder prefilter_find = nullptr;

  // The next encoded token in data[pos, end) (see DecoderSpec), or nullopt when there is none.
  // `resume` is where to search for the one after it.
  std::optional<internal::TokenSpan> Next(std::string_view data, size_t pos, size_t end,
                                          size_t* resume) const {
    if (find != nullptr) {
      std::optional<internal::TokenSpan> token = find(data, pos, end);
      if (token) *resume = std::max(token->end, pos + 1);
      return token;
    }
    re2::StringPiece groups[2];
    while (pos < end) {
      if (!re->Match(re2::StringPiece(data.data(), data.size()), pos, end, RE2::UNANCHORED,
                     groups, 2)) {
        return std::nullopt;
      }
      const size_t match_end = groups[0].data() - data.data() + groups[0].size();
      pos = match_end > pos ? match_end : pos + 1;
      if (groups[1].empty()) continue;
      *resume = pos;
      const size_t begin = groups[1].data() - data.data();
      return internal::TokenSpan{begin, begin + groups[1].size()};
    }
    return std::nullopt;
  }
};

namespace internal {

// How the delta-aware scan divides the Hyperscan ids (region_scan.h), computed on first use.
struct ReachSplit {
  std::vector<char> everywhere;  // per Hyperscan id: confirmed over the whole version
  std::vector<char> bounded;     // its complement
  bool any_everywhere = false;
  uint64_t bounded_reach = 1;    // the longest match of the other (not line-scoped) rules
  // The everywhere ids' expressions alone (owned; null when there are none, or when it could
  // not be compiled: then `error` says why and the delta-aware scan falls back).
  hs_database_t* database = nullptr;
  std::string error;
  ~ReachSplit() { hs_free_database(database); }
};

}  // namespace internal

struct CompiledRules::Impl {
  rules::RuleSet rule_set;  // the effective rules: the input plus the generic detector
  CompileOptions options;
  std::vector<CompiledRule> rules;  // index == Hyperscan expression id
  // Decode-candidate patterns; Hyperscan id == rules.size() + index (the candidates of one with
  // a prefilter_find carry that id too, though the database does not report it).
  std::vector<CompiledDecoder> decoders;
  hs_database_t* database = nullptr;  // every rule but the gated ones
  // The gated rules (gate.h): their database, null when there are none; the gate of all of
  // them, set with it; the windows' half width (their longest match); per Hyperscan id,
  // whether it is in gated_database (and not in `database`).
  hs_database_t* gated_database = nullptr;
  std::optional<internal::GateSet> gate_set;
  uint64_t gate_width = 0;
  std::vector<char> gated;
  std::string gate_fallback;  // CompiledRules::GateFallback
  // The scratch FromSerialized allocated to test the database, kept for the first
  // Scanner::Create to take (exchange): a short run (the staged check) then allocates one
  // scratch, not two. Null once taken, and for compiled databases.
  mutable std::atomic<hs_scratch_t*> spare_scratch{nullptr};
  // region_scan.cc's SplitOf: a pattern analysis per rule, done once, only by history scans.
  mutable std::once_flag split_once;
  mutable internal::ReachSplit split;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    hs_free_scratch(spare_scratch.load());
    hs_free_database(database);
    hs_free_database(gated_database);
  }
};

namespace internal {

// A block-mode database of the expressions whose Hyperscan id `only` marks, with the flags and
// ids of the whole database (compiled_rules.cc); null with `error` set when it fails.
hs_database_t* CompileDatabaseOf(const CompiledRules::Impl& impl, const std::vector<char>& only,
                                 std::string* error);

// CompiledRules::CacheKey as if HyperscanExpression's rewrite had version `expression_version`
// (CacheKey passes kHyperscanExpressionVersion): tests show the key follows the version.
std::string CacheKeyForRewrite(const rules::RuleSet& rules, const CompileOptions& options,
                               int expression_version);

// The one way to CompiledRules::Impl (CompiledRules has no public accessor): only the
// scanner's .cc files include this header.
class CompiledRulesAccess {
 public:
  static const CompiledRules::Impl& Of(const CompiledRules& compiled) { return *compiled.impl_; }
};

inline const CompiledRules::Impl& ImplOf(const CompiledRules& compiled) {
  return CompiledRulesAccess::Of(compiled);
}

}  // namespace internal
}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_COMPILED_RULES_IMPL_H_
