#include "scanner/compiled_rules.h"

#include <hs/hs.h>
#include <re2/re2.h>

#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/fault_injection.h"
#include "rules/re2_options.h"
#include "scanner/compiled_rules_impl.h"
#include "scanner/fingerprint.h"
#include "scanner/generic_detector.h"
#include "scanner/hs_expression.h"

namespace magpie::scanner {
namespace {

// Hyperscan does not need the patterns' captures or their start offsets: RE2 extracts
// the secret afterwards, so we skip SOM tracking, which would slow the scan.
unsigned int HyperscanFlags(bool prefilter) {
  return prefilter ? HS_FLAG_PREFILTER : 0u;
}

struct HsCompileError {
  int expression = -1;
  std::string message;
};

// Compiles every pattern (or those whose Hyperscan id `only` marks) into one block-mode
// database. On failure returns the failing expression so the caller can retry it in prefilter
// mode.
hs_database_t* CompileDatabase(const std::vector<CompiledRule>& rules, HsCompileError* error,
                               const std::vector<char>* only = nullptr) {
  const auto wanted = [only](size_t id) { return only == nullptr || (id < only->size() && (*only)[id]); };
  std::vector<std::string> rule_expressions;  // owns what `expressions` points to
  rule_expressions.reserve(rules.size());     // no reallocation: the c_str()s stay valid
  std::vector<const char*> expressions;
  std::vector<unsigned int> flags;
  std::vector<unsigned int> ids;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (!wanted(i)) continue;
    rule_expressions.push_back(internal::HyperscanExpression(rules[i].spec->pattern));
    expressions.push_back(rule_expressions.back().c_str());
    flags.push_back(HyperscanFlags(rules[i].prefiltered));
    ids.push_back(static_cast<unsigned int>(i));
  }
  const std::vector<internal::DecoderSpec>& decoders = internal::DecoderSpecs();
  for (size_t i = 0; i < decoders.size(); ++i) {
    if (decoders[i].prefilter_find != nullptr) continue;  // the scanner runs it (scanner.cc)
    if (!wanted(rules.size() + i)) continue;
    expressions.push_back(decoders[i].prefilter.c_str());
    flags.push_back(HyperscanFlags(false));
    ids.push_back(static_cast<unsigned int>(rules.size() + i));
  }
  hs_database_t* database = nullptr;
  hs_compile_error_t* compile_error = nullptr;
  const hs_error_t rc = hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                                         static_cast<unsigned int>(expressions.size()),
                                         HS_MODE_BLOCK, nullptr, &database, &compile_error);
  if (rc != HS_SUCCESS) {
    error->expression = compile_error ? compile_error->expression : -1;
    error->message = compile_error && compile_error->message ? compile_error->message
                                                             : "hs_compile_multi failed";
    hs_free_compile_error(compile_error);
    return nullptr;
  }
  return database;
}

// `check_patterns` compiles every RE2 now to report problems; otherwise each compiles on
// first use (the cached path, where the rules were checked when the cache was written).
std::unique_ptr<CompiledRules::Impl> BuildRe2Side(const rules::RuleSet& input,
                                                  const CompileOptions& options,
                                                  bool check_patterns,
                                                  std::vector<rules::RuleProblem>* problems) {
  auto impl = std::make_unique<CompiledRules::Impl>();
  // Content rules first, then the generic detector, then the rules matched on paths
  // (scanner/path_rules.h): a content rule's index in the rule set is then its Hyperscan id.
  std::vector<rules::RuleSpec> specs;
  std::vector<rules::RuleSpec> by_path;
  for (const rules::RuleSpec& spec : input.rules()) {
    (spec.kind == rules::RuleKind::kContent ? specs : by_path).push_back(spec);
  }
  if (options.generic_detector && input.Find(rules::kGenericRuleId) < 0) {
    specs.push_back(internal::GenericRuleSpec());
  }
  std::move(by_path.begin(), by_path.end(), std::back_inserter(specs));
  impl->rule_set = rules::RuleSet(std::move(specs), input.source());
  impl->options = options;
  for (const rules::RuleSpec& spec : impl->rule_set.rules()) {
    if (spec.kind != rules::RuleKind::kContent) break;
    CompiledRule rule;
    rule.spec = &spec;
    rule.generic = spec.id == rules::kGenericRuleId;
    rule.re = std::make_unique<LazyRe2>(spec.pattern);
    if (!check_patterns) {
      impl->rules.push_back(std::move(rule));
      continue;
    }
    const RE2& re = rule.re->get();
    if (!re.ok()) {
      problems->push_back({input.source(), spec.line, spec.id,
                           "RE2 refuses the pattern: " + re.error()});
    } else if (re.NumberOfCapturingGroups() < spec.secret_group) {
      problems->push_back({input.source(), spec.line, spec.id,
                           "the pattern has no capture group for the secret"});
    }
    impl->rules.push_back(std::move(rule));
  }
  for (const internal::DecoderSpec& decoder : internal::DecoderSpecs()) {
    impl->decoders.push_back(
        {decoder.encoding,
         decoder.find != nullptr ? nullptr
                                 : std::make_unique<RE2>(decoder.pattern, rules::Re2Options()),
         decoder.find, decoder.prefilter_find});
  }
  return impl;
}

}  // namespace

namespace internal {

hs_database_t* CompileDatabaseOf(const CompiledRules::Impl& impl, const std::vector<char>& only,
                                 std::string* error) {
  if (fault::Triggered(fault::Point::kReachSplit)) {
    *error = "injected failure";
    return nullptr;
  }
  HsCompileError failure;
  hs_database_t* database = CompileDatabase(impl.rules, &failure, &only);
  if (database == nullptr) *error = failure.message;
  return database;
}

}  // namespace internal

CompiledRules::CompiledRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledRules::~CompiledRules() = default;

const rules::RuleSet& CompiledRules::rule_set() const { return impl_->rule_set; }
const CompileOptions& CompiledRules::options() const { return impl_->options; }

std::vector<std::string> CompiledRules::PrefilteredRuleIds() const {
  std::vector<std::string> ids;
  for (const CompiledRule& rule : impl_->rules) {
    if (rule.prefiltered) ids.push_back(rule.spec->id);
  }
  return ids;
}

Result<std::shared_ptr<const CompiledRules>> CompiledRules::Compile(
    const rules::RuleSet& rules, const CompileOptions& options) {
  std::vector<rules::RuleProblem> problems;
  std::unique_ptr<Impl> impl = BuildRe2Side(rules, options, /*check_patterns=*/true, &problems);
  if (!problems.empty()) return rules::ToStatus(problems);
  if (impl->rules.empty()) {
    return rules::ToStatus({{rules.source(), 0, "", "the rule set is empty"}});
  }
  // Patterns Hyperscan cannot compile exactly (too large, unsupported constructs) are
  // retried in prefilter mode: Hyperscan then over-approximates and RE2 confirms.
  for (size_t attempt = 0; attempt <= impl->rules.size(); ++attempt) {
    HsCompileError error;
    impl->database = CompileDatabase(impl->rules, &error);
    if (impl->database != nullptr) break;
    if (error.expression < 0 || static_cast<size_t>(error.expression) >= impl->rules.size() ||
        impl->rules[error.expression].prefiltered) {
      const rules::RuleSpec* spec =
          error.expression >= 0 && static_cast<size_t>(error.expression) < impl->rules.size()
              ? impl->rules[error.expression].spec
              : nullptr;
      return rules::ToStatus({{rules.source(), spec ? spec->line : 0, spec ? spec->id : "",
                               "Hyperscan refuses the pattern: " + error.message}});
    }
    impl->rules[error.expression].prefiltered = true;
  }
  return std::shared_ptr<const CompiledRules>(new CompiledRules(std::move(impl)));
}

std::string CompiledRules::SerializeDatabase() const {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(impl_->database, &bytes, &length) != HS_SUCCESS) return {};
  std::string out(bytes, length);
  free(bytes);
  return out;
}

Result<std::shared_ptr<const CompiledRules>> CompiledRules::FromSerialized(
    const rules::RuleSet& rules, const CompileOptions& options, std::string_view database,
    const std::vector<std::string>& prefiltered_rule_ids) {
  std::vector<rules::RuleProblem> unused;  // nothing is checked without check_patterns
  std::unique_ptr<Impl> impl = BuildRe2Side(rules, options, /*check_patterns=*/false, &unused);
  for (const std::string& id : prefiltered_rule_ids) {
    const int index = impl->rule_set.Find(id);
    if (index < 0 || static_cast<size_t>(index) >= impl->rules.size()) return Corrupt("prefiltered rule '" + id + "' is not in the rule set");
    impl->rules[index].prefiltered = true;
  }
  char* info = nullptr;
  if (hs_serialized_database_info(database.data(), database.size(), &info) != HS_SUCCESS) {
    return Corrupt("not a Hyperscan database of this version");
  }
  // "Version: 5.4.9 Features: AVX2 Mode: BLOCK": hs_scan refuses any other mode.
  const bool block_mode = std::string_view(info).find("Mode: BLOCK") != std::string_view::npos;
  free(info);
  if (!block_mode) return Corrupt("not a block-mode Hyperscan database");
  if (hs_deserialize_database(database.data(), database.size(), &impl->database) !=
      HS_SUCCESS) {
    return Corrupt("the Hyperscan database does not deserialize");
  }
  // A database compiled on a CPU with features this one lacks (a cache shared between
  // machines, the database embedded by the build machine) deserializes, and is refused only
  // when a scanner allocates its scratch: find out here, so that the caller compiles instead.
  hs_scratch_t* scratch = nullptr;
  hs_error_t usable = hs_alloc_scratch(impl->database, &scratch);
  if (fault::Triggered(fault::Point::kForeignDatabase)) usable = HS_DB_PLATFORM_ERROR;
  if (usable != HS_SUCCESS) {
    hs_free_scratch(scratch);
    return Corrupt("the Hyperscan database is not usable on this CPU (error " +
                   std::to_string(usable) + ")");
  }
  impl->spare_scratch.store(scratch);  // for the first scanner (compiled_rules_impl.h)
  return std::shared_ptr<const CompiledRules>(new CompiledRules(std::move(impl)));
}

size_t CompiledRules::ExpressionCount() const {
  return impl_->rules.size() + impl_->decoders.size();
}

size_t CompiledRules::DatabaseSize() const {
  size_t size = 0;
  return hs_database_size(impl_->database, &size) == HS_SUCCESS ? size : 0;
}

std::string CompiledRules::CacheKey(const rules::RuleSet& rules, const CompileOptions& options) {
  return internal::CacheKeyForRewrite(rules, options, internal::kHyperscanExpressionVersion);
}

std::string internal::CacheKeyForRewrite(const rules::RuleSet& rules,
                                         const CompileOptions& options, int expression_version) {
  // v2: the base64 prefilter left the database for a linear scanner (issue 12).
  // v3: Hyperscan compiles HyperscanExpression(pattern), which is part of the key (issue 12).
  // v4: the rewrite's version stands for its output, which is a function of the patterns
  // already in the key (hs_expression.h; rewriting every pattern here cost every start).
  std::string material = "magpie-db-v4\n";
  material += hs_version();
  material += "\nhs-expression " + std::to_string(expression_version);
  material += options.generic_detector ? "\ngeneric\n" : "\nno-generic\n";
  for (const rules::RuleSpec& spec : rules.rules()) {
    material += spec.id;
    material.push_back('\0');
    material += spec.pattern;
    material.push_back('\0');
  }
  if (options.generic_detector) material += internal::GenericRuleSpec().pattern;
  for (const internal::DecoderSpec& decoder : internal::DecoderSpecs()) {
    material.push_back('\0');
    material += decoder.prefilter_find != nullptr ? "<linear>" : decoder.prefilter;
  }
  return Sha256Hex(material);
}

}  // namespace magpie::scanner
