// The Hyperscan stage alone: hs_scan of the shipped rules' compiled main database (every rule
// but the keyword-gated ones, the generic detector, the decoders' prefilters) over the corpus,
// then the gate search and the second database over its windows (scanner/gate.h), as Scanner
// does, with a callback that only counts, and no RE2 confirmation. The decoders' prefilters that left the database for a linear scanner
// (the base64 one, scanner/decoder.h) run after hs_scan over the same bytes, as Scanner does, so
// the stage's figures still cover every prefilter. Issue 12's speed goal is stated for this stage (>= 1 GB/s/core on
// ordinary source code); BM_ScanBuffer adds confirmation and decoding to it.
//
// The `set` argument leaves groups of patterns out of the database, to say where the stage's
// time goes (the groups interact inside Hyperscan, so the differences are a guide, not a sum):
//   0 everything                       2 without the keyword-gated provider rules
//   1 without the generic detector     3 without both
//   4 the decoders' prefilters alone (one rule whose literal never occurs)
// Keyword-gated rules are the provider rules without a prefix that match only after a key name
// naming the provider: their pattern opens with the case-insensitive key-name group `(?i:(?:`.
#include <benchmark/benchmark.h>
#include <hs/hs.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench/bench_common.h"
#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/decoder.h"
#include "scanner/gate.h"

namespace magpie::scanner::bench {
namespace {

// A private copy of a CompiledRules' Hyperscan database (through its public serialized form);
// null when it does not deserialize.
hs_database_t* CopyDatabase(const CompiledRules& compiled) {
  const std::string bytes = compiled.SerializeDatabase();
  hs_database_t* database = nullptr;
  if (bytes.empty() ||
      hs_deserialize_database(bytes.data(), bytes.size(), &database) != HS_SUCCESS) {
    return nullptr;
  }
  return database;
}

// The second database of `compiled` with its gate, rebuilt from the public serialized form as
// CompiledRules::FromSerialized does; empty (no database) when there is none.
struct GatedStage {
  explicit GatedStage(const CompiledRules& compiled) : width(compiled.GateWidth()) {
    const std::string bytes = compiled.SerializeGatedDatabase();
    std::vector<internal::Gate> gates;
    for (const std::string& id : compiled.GatedRuleIds()) {
      const int index = compiled.rule_set().Find(id);
      if (index < 0) return;
      std::optional<internal::Gate> gate = internal::GateOf(compiled.rule_set().rules()[index].pattern);
      if (!gate) return;
      gates.push_back(*gate);
    }
    set = internal::BuildGateSet(gates);
    hs_database_t* database = nullptr;
    if (!set || bytes.empty() ||
        hs_deserialize_database(bytes.data(), bytes.size(), &database) != HS_SUCCESS) {
      return;
    }
    db = std::make_unique<HyperscanDatabase>(database);
  }
  // The second database's reports over the gate windows of `data`.
  size_t Scan(std::string_view data) {
    if (db == nullptr) return 0;
    internal::GatedScanWindows(data, *set, width, &hits, &windows);
    size_t reports = 0;
    for (const auto& [begin, end] : windows) reports += db->Scan(data.substr(begin, end - begin));
    return reports;
  }
  size_t width;
  std::optional<internal::GateSet> set;
  std::unique_ptr<HyperscanDatabase> db;
  std::vector<size_t> hits;
  std::vector<std::pair<size_t, size_t>> windows;
};

bool IsKeywordGated(const rules::RuleSpec& spec) {
  return std::string_view(spec.pattern).substr(0, 7) == "(?i:(?:";
}

// The compiled rules of `set` (see the file comment), compiled once per set.
std::shared_ptr<const CompiledRules> RulesForSet(int set) {
  static std::map<int, std::shared_ptr<const CompiledRules>> cache;
  if (auto it = cache.find(set); it != cache.end()) return it->second;
  const rules::RuleSet* shipped = BuiltinRules();
  std::shared_ptr<const CompiledRules> compiled;
  if (shipped != nullptr) {
    std::vector<rules::RuleSpec> specs;
    if (set == 4) {
      rules::RuleSpec never;
      never.id = "bench-never-matches";
      never.name = "Never matches";
      never.pattern = std::string(kNeverLiteral) + "([0-9a-f]{16})";
      specs.push_back(never);
    } else {
      for (const rules::RuleSpec& spec : shipped->rules()) {
        if ((set == 2 || set == 3) && IsKeywordGated(spec)) continue;
        specs.push_back(spec);
      }
    }
    const bool generic = set == 0 || set == 2;
    compiled = CompileOrReport(rules::RuleSet(std::move(specs), "<bench>"), generic);
  }
  cache.emplace(set, compiled);
  return compiled;
}

// hs_scan over `data`, then the linear prefilters, then the gated rules: the number of reports.
size_t ScanStage(HyperscanDatabase& stage, GatedStage& gated, std::string_view data) {
  size_t reports = stage.Scan(data) + gated.Scan(data);
  for (const internal::DecoderSpec& decoder : internal::DecoderSpecs()) {
    if (decoder.prefilter_find == nullptr) continue;
    decoder.prefilter_find(
        data, [](size_t, void* context) { ++*static_cast<size_t*>(context); }, &reports);
  }
  return reports;
}

void StageOver(benchmark::State& state, const Corpus& corpus, bool per_file) {
  if (corpus.joined.empty()) return state.SkipWithError("empty corpus");
  const std::shared_ptr<const CompiledRules> compiled =
      RulesForSet(static_cast<int>(state.range(0)));
  if (compiled == nullptr) return state.SkipWithError("rules failed to compile");
  HyperscanDatabase stage(CopyDatabase(*compiled));
  if (!stage.ok()) return state.SkipWithError("the database does not deserialize");
  GatedStage gated(*compiled);
  if (!compiled->GatedRuleIds().empty() && gated.db == nullptr) {
    return state.SkipWithError("the gated database does not deserialize");
  }
  size_t reports = 0;
  for (auto _ : state) {
    reports = 0;
    if (per_file) {
      for (const std::string& file : corpus.files) reports += ScanStage(stage, gated, file);
    } else {
      reports = ScanStage(stage, gated, corpus.joined);
    }
  }
  SetThroughput(state, corpus.joined.size(), 0);
  state.counters["reports"] = static_cast<double>(reports);
  state.counters["patterns"] = static_cast<double>(compiled->ExpressionCount());
  state.counters["gated"] = static_cast<double>(compiled->GatedRuleIds().size());
}

void BM_HyperscanStageBuffer(benchmark::State& state) { StageOver(state, GetCorpus(), false); }
void BM_HyperscanStageFiles(benchmark::State& state) { StageOver(state, GetCorpus(), true); }
void BM_DenseHyperscanStageFiles(benchmark::State& state) {
  StageOver(state, GetDenseCorpus(), true);
}
BENCHMARK(BM_HyperscanStageBuffer)
    ->ArgName("set")
    ->DenseRange(0, 4)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HyperscanStageFiles)->ArgName("set")->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DenseHyperscanStageFiles)
    ->ArgName("set")
    ->Arg(0)
    ->Arg(2)
    ->Arg(4)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace magpie::scanner::bench
