// The Hyperscan stage alone: hs_scan of the shipped rules' compiled main database (every rule
// but the keyword-gated ones, the generic detector, the decoders' prefilters) over the corpus,
// then one pass of the run search (scanner/run_search.h: the gate search and the base64
// decoder's linear prefilter, which left the database) and the second database over the gate
// windows (scanner/gate.h), as Scanner does, with a callback that only counts, and no RE2
// confirmation; so the stage's figures cover every prefilter. Issue 12's speed goal is stated
// for this stage (>= 1 GB/s/core on ordinary source code); BM_ScanBuffer adds confirmation and
// decoding to it.
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
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench/bench_common.h"
#include "rules/rule_set.h"
#include "scanner/base64_prefilter.h"
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
    return ScanWindows(data);
  }
  // As Scanner does: one pass of the run search (run_search.h) for the gates and the base64
  // prefilter, then the second database over the windows; the prefilter's ends plus the
  // second database's reports.
  size_t ScanWithRunSearch(std::string_view data,
                           internal::RunSearchPath path = internal::RunSearchPath::kBest) {
    size_t reports = 0;
    hits.clear();
    internal::FindGatesAndBase64Prefilter(
        data, db == nullptr ? nullptr : &*set, &hits,
        [](size_t, void* context) { ++*static_cast<size_t*>(context); }, &reports, path);
    if (db == nullptr) return reports;
    internal::GatedScanWindowsOfHits(hits, width, data.size(), &windows);
    return reports + ScanWindows(data);
  }
  size_t ScanWindows(std::string_view data) {
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

// Any linear prefilter the run search does not run, over `data`: its number of reports.
size_t OtherLinearPrefilters(std::string_view data) {
  size_t reports = 0;
  for (const internal::DecoderSpec& decoder : internal::DecoderSpecs()) {
    if (decoder.prefilter_find == nullptr || internal::RidesRunSearch(decoder.prefilter_find)) {
      continue;
    }
    decoder.prefilter_find(
        data, [](size_t, void* context) { ++*static_cast<size_t*>(context); }, &reports);
  }
  return reports;
}

// As Scanner does: hs_scan over `data`, then the run search with the gated rules' second
// database, then any other linear prefilter: the number of reports.
size_t ScanStage(HyperscanDatabase& stage, GatedStage& gated, std::string_view data) {
  return stage.Scan(data) + gated.ScanWithRunSearch(data) + OtherLinearPrefilters(data);
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

// Thread CPU time in seconds (the benchmark's own clock: load on the other core is not counted).
double ThreadSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// The stage over the whole corpus as one buffer, part by part, beside floors timed in the same
// iteration (so a change of the machine's speed moves both): the main database; the gate search
// alone on each of its code paths, then with the second database over the windows; the base64
// prefilter alone on each path, the linear prefilters; the run search (both in one pass) on each
// path, then as the scanner runs it, with the second database (`run_and_second_ms`); then
// hs_scan of one literal that never occurs and a memchr pass. Counters: milliseconds per part
// and per floor (averaged over iterations), the stage's MB/s (main + run_and_second), the MB/s
// it had with the two passes apart (main + gate_and_second + linear), `x_floor_hs`, `x_memchr`:
// the stage's time over each floor's, and the gate's hits and windows. Issue 12 / 13 §4.
void BM_HyperscanStageParts(benchmark::State& state) {
  const Corpus& corpus = GetCorpus();
  if (corpus.joined.empty()) return state.SkipWithError("empty corpus");
  const std::shared_ptr<const CompiledRules> compiled =
      RulesForSet(static_cast<int>(state.range(0)));
  if (compiled == nullptr) return state.SkipWithError("rules failed to compile");
  HyperscanDatabase stage(CopyDatabase(*compiled));
  HyperscanDatabase floor(CompileNeverLiteral());
  if (!stage.ok() || !floor.ok()) return state.SkipWithError("a database does not deserialize");
  GatedStage gated(*compiled);
  const std::string_view data = corpus.joined;
  using internal::RunSearchPath;
  std::vector<std::pair<std::string, RunSearchPath>> gate_paths = {
      {"gate_portable_ms", RunSearchPath::kPortable}};
  if (internal::RunSearchPathAvailable(RunSearchPath::kSse2)) {
    gate_paths.emplace_back("gate_sse2_ms", RunSearchPath::kSse2);
  }
  if (internal::RunSearchPathAvailable(RunSearchPath::kAvx2)) {
    gate_paths.emplace_back("gate_avx2_ms", RunSearchPath::kAvx2);
  }
  // The base64 prefilter's code paths the same way, beside its bytewise reference (every anchor
  // visited and walked, as the scanner did before the block search).
  std::vector<std::pair<std::string, RunSearchPath>> base64_paths = {
      {"b64_portable_ms", RunSearchPath::kPortable}};
  for (const auto& [name, path] : gate_paths) {
    if (path != RunSearchPath::kPortable) base64_paths.emplace_back("b64" + name.substr(4), path);
  }
  std::map<std::string, double> seconds;
  size_t reports = 0;
  const auto count = [](size_t, void* context) { ++*static_cast<size_t*>(context); };
  // Times `part` into seconds[name]; returns its result.
  const auto timed = [&seconds](const std::string& name, const auto& part) {
    const double start = ThreadSeconds();
    const size_t result = part();
    seconds[name] += ThreadSeconds() - start;
    return result;
  };
  for (auto _ : state) {
    reports = timed("main_ms", [&] { return stage.Scan(data); });
    for (const auto& [name, path] : gate_paths) {
      timed(name, [&] {
        gated.hits.clear();
        if (gated.set) internal::FindGatesByRuns(data, *gated.set, path, &gated.hits);
        return gated.hits.size();
      });
    }
    reports += timed("gate_and_second_ms", [&] { return gated.Scan(data); });
    for (const auto& [name, path] : base64_paths) {
      timed(name, [&] {
        size_t found = 0;
        internal::FindBase64Prefilter(data, count, &found, path);
        return found;
      });
    }
    timed("b64_bytewise_ms", [&] {
      size_t found = 0;
      internal::FindBase64PrefilterBytewise(data, count, &found);
      return found;
    });
    timed("linear_ms", [&] {
      size_t found = 0;
      for (const internal::DecoderSpec& decoder : internal::DecoderSpecs()) {
        if (decoder.prefilter_find == nullptr) continue;
        decoder.prefilter_find(data, count, &found);
      }
      return found;
    });
    // The run search (gates and base64 prefilter in one pass) on each code path, then as the
    // scanner runs it: with the second database and any other linear prefilter.
    for (const auto& [name, path] : gate_paths) {
      timed("run" + name.substr(4), [&] {
        size_t found = 0;
        gated.hits.clear();
        internal::FindGatesAndBase64Prefilter(data, gated.set ? &*gated.set : nullptr,
                                              &gated.hits, count, &found, path);
        return found;
      });
    }
    reports += timed("run_and_second_ms",
                     [&] { return gated.ScanWithRunSearch(data) + OtherLinearPrefilters(data); });
    timed("floor_hs_ms", [&] { return floor.Scan(data); });
    timed("memchr_ms", [&] {
      const void* hit = std::memchr(data.data(), '\x01', data.size());
      benchmark::DoNotOptimize(hit);
      return size_t{0};
    });
  }
  const double iterations = static_cast<double>(state.iterations());
  for (const auto& [name, total] : seconds) state.counters[name] = total / iterations * 1e3;
  const double stage_seconds = (seconds["main_ms"] + seconds["run_and_second_ms"]) / iterations;
  state.counters["stage_MBps"] = static_cast<double>(data.size()) / stage_seconds / 1e6;
  // The stage as it ran before the run search: the gate's and the prefilter's passes apart.
  state.counters["stage_apart_MBps"] =
      static_cast<double>(data.size()) /
      ((seconds["main_ms"] + seconds["gate_and_second_ms"] + seconds["linear_ms"]) / iterations) /
      1e6;
  state.counters["x_floor_hs"] = stage_seconds / (seconds["floor_hs_ms"] / iterations);
  state.counters["x_memchr"] = stage_seconds / (seconds["memchr_ms"] / iterations);
  state.counters["reports"] = static_cast<double>(reports);
  state.counters["gate_hits"] = static_cast<double>(gated.hits.size());
  size_t window_bytes = 0;
  for (const auto& [begin, end] : gated.windows) window_bytes += end - begin;
  state.counters["gate_windows"] = static_cast<double>(gated.windows.size());
  state.counters["gate_window_bytes"] = static_cast<double>(window_bytes);
  state.counters["gate_width"] = static_cast<double>(gated.width);
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
BENCHMARK(BM_HyperscanStageParts)->ArgName("set")->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HyperscanStageFiles)->ArgName("set")->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DenseHyperscanStageFiles)
    ->ArgName("set")
    ->Arg(0)
    ->Arg(2)
    ->Arg(4)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace magpie::scanner::bench
