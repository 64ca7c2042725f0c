// Google Benchmark of the scanner's hot loop: single-thread Scanner::Scan over real source
// code (and over a corpus dense with secrets), against floors measured in the same run (a
// memchr pass, a Hyperscan database whose one literal never occurs). How to run and read it:
// bench/README.md. The corpora and their environment variables: bench_common.h; the
// Hyperscan stage alone: stage_bench.cc.
// MAGPIE_BENCH_RULES=FILE benchmarks that rules file instead of the built-in rules.yaml (compare
// two rule sets without rebuilding).
// MAGPIE_BENCH_PER_RULE=1 adds one benchmark per rule (that rule compiled alone), to find
// rules whose pattern is expensive.
#include <benchmark/benchmark.h>
#include <hs/hs.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench/bench_common.h"
#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/entropy.h"
#include "scanner/scanner.h"

namespace magpie::scanner::bench {
namespace {

// The full shipped ruleset, compiled once per generic-detector setting.
std::shared_ptr<const CompiledRules> FullRules(bool generic) {
  static std::map<bool, std::shared_ptr<const CompiledRules>> cache;
  auto it = cache.find(generic);
  if (it != cache.end()) return it->second;
  const rules::RuleSet* rules = BuiltinRules();
  auto compiled = rules ? CompileOrReport(*rules, generic) : nullptr;
  cache.emplace(generic, compiled);
  return compiled;
}

// One rule whose literal never occurs: what a Scan costs apart from the rules themselves
// (the decode-candidate prefilters the scanner always adds, per-call set-up).
std::shared_ptr<const CompiledRules> MinimalRules() {
  static const std::shared_ptr<const CompiledRules> compiled = [] {
    rules::RuleSpec spec;
    spec.id = "bench-never-matches";
    spec.name = "Never matches";
    spec.pattern = std::string(kNeverLiteral) + "([0-9a-f]{16})";
    return CompileOrReport(rules::RuleSet({spec}, "<bench>"), /*generic=*/false);
  }();
  return compiled;
}

// Options from the benchmark's args {generic, decode depth}.
ScanOptions OptionsFor(const benchmark::State& state) {
  ScanOptions options;
  options.decode_depth = static_cast<int>(state.range(1));
  return options;
}

// A scanner over `rules`, or null after marking the benchmark as skipped.
std::unique_ptr<Scanner> ScannerOrSkip(benchmark::State& state,
                                       std::shared_ptr<const CompiledRules> rules,
                                       ScanOptions options) {
  if (rules == nullptr) {
    state.SkipWithError("rules failed to compile");
    return nullptr;
  }
  auto scanner = Scanner::Create(std::move(rules), options);
  if (!scanner.ok()) {
    state.SkipWithError(scanner.status().message().c_str());
    return nullptr;
  }
  return std::move(*scanner);
}

// Scans the corpus file by file: many small buffers, as a directory scan sees them.
void ScanFiles(benchmark::State& state, std::shared_ptr<const CompiledRules> rules,
               ScanOptions options = {}, const Corpus& corpus = GetCorpus()) {
  if (corpus.files.empty()) return state.SkipWithError("empty corpus");
  std::unique_ptr<Scanner> scanner = ScannerOrSkip(state, std::move(rules), options);
  if (scanner == nullptr) return;
  size_t findings = 0;
  for (auto _ : state) {
    findings = 0;
    for (const std::string& file : corpus.files) {
      Result<std::vector<Finding>> found = scanner->Scan(file);
      if (!found.ok()) return state.SkipWithError(found.status().message().c_str());
      findings += found->size();
    }
  }
  state.counters["files"] = static_cast<double>(corpus.files.size());
  SetThroughput(state, corpus.joined.size(), findings);
}

// Scans the whole corpus as one buffer: no per-call overhead.
void ScanBuffer(benchmark::State& state, std::shared_ptr<const CompiledRules> rules,
                ScanOptions options = {}) {
  const Corpus& corpus = GetCorpus();
  if (corpus.joined.empty()) return state.SkipWithError("empty corpus");
  std::unique_ptr<Scanner> scanner = ScannerOrSkip(state, std::move(rules), options);
  if (scanner == nullptr) return;
  size_t findings = 0;
  for (auto _ : state) {
    Result<std::vector<Finding>> found = scanner->Scan(corpus.joined);
    if (!found.ok()) return state.SkipWithError(found.status().message().c_str());
    findings = found->size();
  }
  SetThroughput(state, corpus.joined.size(), findings);
}

// Args: {generic detector on?, decode depth}. The shipped defaults are {1, 2}.
void BM_ScanFiles(benchmark::State& state) {
  ScanFiles(state, FullRules(state.range(0) != 0), OptionsFor(state));
}
void BM_ScanBuffer(benchmark::State& state) {
  ScanBuffer(state, FullRules(state.range(0) != 0), OptionsFor(state));
}
void ScanArgs(benchmark::internal::Benchmark* b) {
  b->ArgNames({"generic", "decode"});
  for (const auto& args : std::vector<std::vector<int64_t>>{{1, 2}, {0, 2}, {1, 0}, {0, 0}}) {
    b->Args(args);
  }
  b->Unit(benchmark::kMillisecond);
}
BENCHMARK(BM_ScanFiles)->Apply(ScanArgs);
BENCHMARK(BM_ScanBuffer)->Apply(ScanArgs);

// The shipped defaults on files dense with secrets (issue 12): confirmation, validators and
// decoding dominate here, not the Hyperscan stage.
void BM_DenseScanFiles(benchmark::State& state) {
  ScanFiles(state, FullRules(state.range(0) != 0), OptionsFor(state), GetDenseCorpus());
}
BENCHMARK(BM_DenseScanFiles)->Apply(ScanArgs);

void BM_MinimalRulesFiles(benchmark::State& state) { ScanFiles(state, MinimalRules()); }
void BM_MinimalRulesBuffer(benchmark::State& state) { ScanBuffer(state, MinimalRules()); }
BENCHMARK(BM_MinimalRulesFiles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MinimalRulesBuffer)->Unit(benchmark::kMillisecond);

// Hyperscan alone, one literal that never occurs, no scanner around it: the floor of any
// Hyperscan-based scan over these bytes.
// The one-literal database of the floor benchmarks; ok() is false when Hyperscan refuses it.
class HyperscanFloor : public HyperscanDatabase {
 public:
  HyperscanFloor() : HyperscanDatabase(CompileNeverLiteral()) {}
};

void BM_FloorHyperscanFiles(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  if (corpus.files.empty()) return state.SkipWithError("empty corpus");
  HyperscanFloor floor;
  if (!floor.ok()) return state.SkipWithError("Hyperscan refused the floor literal");
  for (auto _ : state) {
    for (const std::string& file : corpus.files) floor.Scan(file);
  }
  SetThroughput(state, corpus.joined.size(), 0);
}
void BM_FloorHyperscanBuffer(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  if (corpus.joined.empty()) return state.SkipWithError("empty corpus");
  HyperscanFloor floor;
  if (!floor.ok()) return state.SkipWithError("Hyperscan refused the floor literal");
  for (auto _ : state) floor.Scan(corpus.joined);
  SetThroughput(state, corpus.joined.size(), 0);
}
BENCHMARK(BM_FloorHyperscanFiles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FloorHyperscanBuffer)->Unit(benchmark::kMillisecond);

// Touching every byte once (memchr for a byte that never occurs): the memory-bandwidth floor.
void BM_FloorMemchr(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  if (corpus.joined.empty()) return state.SkipWithError("empty corpus");
  for (auto _ : state) {
    const void* hit = std::memchr(corpus.joined.data(), '\x01', corpus.joined.size());
    benchmark::DoNotOptimize(hit);
  }
  SetThroughput(state, corpus.joined.size(), 0);
}
BENCHMARK(BM_FloorMemchr)->Unit(benchmark::kMillisecond);

// ShannonEntropy on 32-byte base64-alphabet tokens, the typical generic-detector candidate.
void BM_ShannonEntropy32(benchmark::State& state) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  constexpr size_t kTokens = 4096;
  constexpr size_t kTokenBytes = 32;
  std::string tokens(kTokens * kTokenBytes, '\0');
  uint64_t x = 0x9E3779B97F4A7C15ull;  // fixed xorshift seed: same tokens every run
  for (char& c : tokens) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    c = kAlphabet[x % kAlphabet.size()];
  }
  double sum = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < kTokens; ++i) {
      sum += ShannonEntropy(std::string_view(tokens).substr(i * kTokenBytes, kTokenBytes));
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kTokens));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * tokens.size()));
}
BENCHMARK(BM_ShannonEntropy32);

// Parsing the embedded rules.yaml (done by every `magpie` start).
void BM_LoadBuiltinRules(benchmark::State& state) {
  size_t count = 0;
  for (auto _ : state) {
    rules::LoadResult loaded = rules::LoadBuiltinRules();
    if (!loaded.ok()) return state.SkipWithError("rules.yaml does not load");
    count = loaded.rules.rules().size();
  }
  state.counters["rules"] = static_cast<double>(count);
}
BENCHMARK(BM_LoadBuiltinRules)->Unit(benchmark::kMillisecond);

// Compiling the full ruleset (Hyperscan database + RE2s): the cost of a database-cache miss.
void BM_CompileRules(benchmark::State& state) {
  const rules::RuleSet* rules = BuiltinRules();
  if (rules == nullptr) return state.SkipWithError("rules.yaml does not load");
  CompileOptions options;
  options.generic_detector = state.range(0) != 0;
  size_t prefiltered = 0;
  for (auto _ : state) {
    auto result = CompiledRules::Compile(*rules, options);
    if (!result.ok()) return state.SkipWithError("rules failed to compile");
    prefiltered = (*result)->PrefilteredRuleIds().size();
  }
  state.counters["rules"] = static_cast<double>(rules->rules().size() + options.generic_detector);
  state.counters["prefiltered"] = static_cast<double>(prefiltered);
}
BENCHMARK(BM_CompileRules)->ArgName("generic")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// With MAGPIE_BENCH_PER_RULE=1: each rule compiled alone, scanning the big buffer. A rule far
// slower than the Hyperscan floor has a pattern without a good literal or too many RE2
// confirmations; the rules interact in the shared database, so this is a guide, not a sum.
void RegisterPerRuleBenchmarks() {
  const char* env = std::getenv("MAGPIE_BENCH_PER_RULE");
  if (env == nullptr || std::string_view(env) != "1") return;
  const rules::RuleSet* rules = BuiltinRules();
  if (rules == nullptr) return;
  for (const rules::RuleSpec& spec : rules->rules()) {
    benchmark::RegisterBenchmark(("BM_Rule/" + spec.id).c_str(),
                                 [spec](benchmark::State& state) {
                                   ScanBuffer(state, CompileOrReport(
                                                         rules::RuleSet({spec}, "<bench>"),
                                                         /*generic=*/false));
                                 })
        ->Unit(benchmark::kMillisecond);
  }
  const std::string generic_name = "BM_Rule/" + std::string(rules::kGenericRuleId);
  benchmark::RegisterBenchmark(generic_name.c_str(), [](benchmark::State& state) {
    // The generic detector alone: an empty rule set is refused, so add the never-match rule.
    const rules::RuleSpec never = MinimalRules()->rule_set().rules().front();
    ScanBuffer(state, CompileOrReport(rules::RuleSet({never}, "<bench>"), /*generic=*/true));
  })->Unit(benchmark::kMillisecond);
}

}  // namespace
}  // namespace magpie::scanner::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  magpie::scanner::bench::RegisterPerRuleBenchmarks();
  const magpie::scanner::bench::Corpus& corpus = magpie::scanner::bench::GetCorpus();
  benchmark::AddCustomContext("corpus", corpus.description);
  benchmark::AddCustomContext("dense corpus",
                              magpie::scanner::bench::GetDenseCorpus().description);
  if (const magpie::rules::RuleSet* rules = magpie::scanner::bench::BuiltinRules()) {
    benchmark::AddCustomContext("rules", std::to_string(rules->rules().size()) +
                                             " from rules.yaml (+ " +
                                             std::string(magpie::rules::kGenericRuleId) +
                                             " when generic=1)");
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
