#include "scanner/compiled_rules.h"

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/fault_injection.h"
#include "rules/re2_options.h"
#include "scanner/compiled_rules_impl.h"
#include "scanner/fingerprint.h"
#include "scanner/gate.h"
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
    rule_expressions.push_back(internal::RuleHyperscanExpression(*rules[i].spec));
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

// The gate of every rule `impl.gated` marks, as one set; nullopt when one has none that
// FindGatesByRuns can find, or BuildGateSet refuses them (gate.h).
std::optional<internal::GateSet> GateSetOf(const CompiledRules::Impl& impl) {
  std::vector<internal::Gate> gates;
  for (size_t i = 0; i < impl.rules.size(); ++i) {
    if (!impl.gated[i]) continue;
    std::optional<internal::Gate> gate = internal::GateOf(impl.rules[i].spec->pattern);
    if (!gate || !internal::RunGateable(*gate)) return std::nullopt;
    gates.push_back(std::move(*gate));
  }
  return internal::BuildGateSet(gates);
}

// Marks in impl->gated the rules that can leave the main database: a gate FindGatesByRuns
// finds, and an expression of bounded width (the windows must hold every match); sets
// gate_width to the longest. The generic detector and prefiltered rules stay: an approximation
// need not hold the gate.
void SelectGated(CompiledRules::Impl* impl) {
  impl->gated.assign(impl->rules.size() + impl->decoders.size(), 0);
  impl->gate_width = 0;
  for (size_t i = 0; i < impl->rules.size(); ++i) {
    const CompiledRule& rule = impl->rules[i];
    // A rule's own Hyperscan expression may be wider than its pattern: the windows would not
    // be sized for it.
    if (rule.generic || rule.prefiltered || !rule.spec->hyperscan.empty()) continue;
    std::optional<internal::Gate> gate = internal::GateOf(rule.spec->pattern);
    if (!gate || !internal::RunGateable(*gate)) continue;
    // The windows must hold every match of the expression the second database runs and of
    // the pattern RE2 confirms; they differ in width only where the line prefix was dropped
    // (hs_expression.h), and that prefix is unbounded: such a rule stays.
    if (internal::LinePrefixDropped(rule.spec->pattern)) continue;
    const std::string expression = internal::HyperscanExpression(rule.spec->pattern);
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_expression_info(expression.c_str(), HyperscanFlags(false), &info, &error) ==
            HS_SUCCESS &&
        info != nullptr && info->max_width != UINT_MAX) {
      impl->gated[i] = 1;
      impl->gate_width = std::max<uint64_t>(impl->gate_width, info->max_width);
    }
    free(info);
    hs_free_compile_error(error);
  }
}

// Every rule back in the main database, and why: the scan is slower, never less exact.
void FallBackToOneDatabase(CompiledRules::Impl* impl, std::string why) {
  std::fill(impl->gated.begin(), impl->gated.end(), 0);
  hs_free_database(impl->gated_database);
  impl->gated_database = nullptr;
  impl->gate_set.reset();
  impl->gate_width = 0;
  impl->gate_fallback = "the keyword-gated rules stay in the main database: " + std::move(why);
}

// Compiles the gated rules' second database (SelectGated first). A rule Hyperscan refuses
// there goes back to the main database (where it may be prefiltered); when the database
// cannot be made at all, FallBackToOneDatabase.
void CompileGated(CompiledRules::Impl* impl) {
  SelectGated(impl);
  for (size_t attempt = 0; attempt <= impl->rules.size(); ++attempt) {
    if (std::find(impl->gated.begin(), impl->gated.end(), 1) == impl->gated.end()) return;
    if (fault::Triggered(fault::Point::kGateDatabase)) {
      return FallBackToOneDatabase(impl, "injected failure");
    }
    impl->gate_set = GateSetOf(*impl);
    if (!impl->gate_set) return FallBackToOneDatabase(impl, "more than 64 gate classes");
    HsCompileError error;
    impl->gated_database = CompileDatabase(impl->rules, &error, &impl->gated);
    if (impl->gated_database != nullptr) return;
    if (error.expression < 0 || static_cast<size_t>(error.expression) >= impl->rules.size() ||
        !impl->gated[error.expression]) {
      return FallBackToOneDatabase(impl, "Hyperscan: " + error.message);
    }
    impl->gated[error.expression] = 0;
  }
  FallBackToOneDatabase(impl, "Hyperscan refuses every gated rule");
}

// `bytes` as a block-mode database usable by hs_scan, or kCorrupt saying why not.
Result<hs_database_t*> DeserializeBlockDatabase(std::string_view bytes) {
  char* info = nullptr;
  if (hs_serialized_database_info(bytes.data(), bytes.size(), &info) != HS_SUCCESS) {
    return Corrupt("not a Hyperscan database of this version");
  }
  // "Version: 5.4.9 Features: AVX2 Mode: BLOCK": hs_scan refuses any other mode.
  const bool block_mode = std::string_view(info).find("Mode: BLOCK") != std::string_view::npos;
  free(info);
  if (!block_mode) return Corrupt("not a block-mode Hyperscan database");
  hs_database_t* database = nullptr;
  if (hs_deserialize_database(bytes.data(), bytes.size(), &database) != HS_SUCCESS) {
    return Corrupt("the Hyperscan database does not deserialize");
  }
  return database;
}

// FromSerialized's second part: the gated rules of `gate` marked in impl->gated, their gate
// set, width and database. kCorrupt when the part is half there or does not fit the rules.
Status RestoreGate(const SerializedGate& gate, CompiledRules::Impl* impl) {
  impl->gated.assign(impl->rules.size() + impl->decoders.size(), 0);
  if (gate.rule_ids.empty() && gate.database.empty() && gate.width == 0) return Status::Ok();
  if (gate.rule_ids.empty() || gate.database.empty() || gate.width == 0) {
    return Corrupt("the gated rules' database is cut short");
  }
  for (const std::string& id : gate.rule_ids) {
    const int index = impl->rule_set.Find(id);
    if (index < 0 || static_cast<size_t>(index) >= impl->rules.size() || impl->gated[index] ||
        impl->rules[index].prefiltered || impl->rules[index].generic) {
      return Corrupt("gated rule '" + id + "' is not a gateable rule of the rule set");
    }
    impl->gated[index] = 1;
  }
  impl->gate_set = GateSetOf(*impl);
  if (!impl->gate_set) return Corrupt("a gated rule has no gate");
  impl->gate_width = gate.width;
  Result<hs_database_t*> database = DeserializeBlockDatabase(gate.database);
  if (!database.ok()) return database.status();
  impl->gated_database = *database;
  return Status::Ok();
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
  // The gated rules first: one Hyperscan cannot compile exactly goes back to the main database.
  impl->gated.assign(impl->rules.size() + impl->decoders.size(), 0);
  if (options.gate) CompileGated(impl.get());
  std::vector<char> main_ids(impl->gated.size());
  for (size_t i = 0; i < main_ids.size(); ++i) main_ids[i] = !impl->gated[i];
  // Patterns Hyperscan cannot compile exactly (too large, unsupported constructs) are
  // retried in prefilter mode: Hyperscan then over-approximates and RE2 confirms.
  for (size_t attempt = 0; attempt <= impl->rules.size(); ++attempt) {
    HsCompileError error;
    impl->database = CompileDatabase(impl->rules, &error, &main_ids);
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

namespace {

std::string Serialize(const hs_database_t* database) {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(database, &bytes, &length) != HS_SUCCESS) return {};
  std::string out(bytes, length);
  free(bytes);
  return out;
}

}  // namespace

std::string CompiledRules::SerializeDatabase() const { return Serialize(impl_->database); }

std::string CompiledRules::SerializeGatedDatabase() const {
  return impl_->gated_database != nullptr ? Serialize(impl_->gated_database) : std::string();
}

uint64_t CompiledRules::GateWidth() const { return impl_->gate_width; }

std::vector<std::string> CompiledRules::GatedRuleIds() const {
  std::vector<std::string> ids;
  for (size_t i = 0; i < impl_->rules.size(); ++i) {
    if (impl_->gated[i]) ids.push_back(impl_->rules[i].spec->id);
  }
  return ids;
}

const std::string& CompiledRules::GateFallback() const { return impl_->gate_fallback; }

Result<std::shared_ptr<const CompiledRules>> CompiledRules::FromSerialized(
    const rules::RuleSet& rules, const CompileOptions& options, std::string_view database,
    const std::vector<std::string>& prefiltered_rule_ids, const SerializedGate& gate) {
  std::vector<rules::RuleProblem> unused;  // nothing is checked without check_patterns
  std::unique_ptr<Impl> impl = BuildRe2Side(rules, options, /*check_patterns=*/false, &unused);
  for (const std::string& id : prefiltered_rule_ids) {
    const int index = impl->rule_set.Find(id);
    if (index < 0 || static_cast<size_t>(index) >= impl->rules.size()) return Corrupt("prefiltered rule '" + id + "' is not in the rule set");
    impl->rules[index].prefiltered = true;
  }
  Result<hs_database_t*> main_database = DeserializeBlockDatabase(database);
  if (!main_database.ok()) return main_database.status();
  impl->database = *main_database;
  if (Status restored = RestoreGate(gate, impl.get()); !restored.ok()) return restored;
  // A database compiled on a CPU with features this one lacks (a cache shared between
  // machines, the database embedded by the build machine) deserializes, and is refused only
  // when a scanner allocates its scratch: find out here, so that the caller compiles instead.
  hs_scratch_t* scratch = nullptr;
  hs_error_t usable = hs_alloc_scratch(impl->database, &scratch);
  if (usable == HS_SUCCESS && impl->gated_database != nullptr) {
    usable = hs_alloc_scratch(impl->gated_database, &scratch);  // one scratch serves both
  }
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

size_t CompiledRules::GatedDatabaseSize() const {
  size_t size = 0;
  return impl_->gated_database != nullptr &&
                 hs_database_size(impl_->gated_database, &size) == HS_SUCCESS
             ? size
             : 0;
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
  // v5: the keyword-gated rules in a second database (scanner/gate.h), whose selection and
  // gate are functions of the patterns and of the gate option (issue 12).
  // v6: a rule's own Hyperscan expression (RuleSpec::hyperscan, issue 12).
  // v7: a user's own generic-secret pattern no longer loosened; [\t-~] no longer loosened.
  std::string material = "magpie-db-v7\n";
  material += hs_version();
  material += "\nhs-expression " + std::to_string(expression_version);
  material += options.generic_detector ? "\ngeneric\n" : "\nno-generic\n";
  material += options.gate ? "gate " + std::to_string(internal::kGateVersion) + "\n" : "no-gate\n";
  for (const rules::RuleSpec& spec : rules.rules()) {
    material += spec.id;
    material.push_back('\0');
    material += spec.pattern;
    material.push_back('\0');
    material += spec.hyperscan;  // v6
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
