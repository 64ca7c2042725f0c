// split_probe: what issue 12's two-level scheme would cost the Hyperscan stage, measured
// before building it into the scanner (bench/README.md, "A second database behind a gate").
//
// Keyword-gated rules whose pattern has, at top level, the assignment template
//   (?:=>|:=|[:=>,])[ \t]{0,10}["']?([CLASS]{N...}...)
// contain in every match a "gate": an operator byte, up to 10 blanks, an optional quote and N
// bytes of CLASS. Those rules leave the main database for a second one, scanned only over
// [gate - W, gate + W] (W: the gated rules' longest match, hs_expression_info), which holds
// every match of theirs. The probe times, interleaved round by round (CPU time, medians):
//   full     the database the scanner compiles today
//   main     the same without the gated rules
//   gate     the linear gate search alone
//   second   the gated rules' database over the merged gate windows
// and checks that the gated rules' reports (id, end) are the same both ways. The gate search
// visits every operator byte, or with MAGPIE_PROBE_RUNS=1 only the starts of long runs of
// [A-Za-z0-9+/] (then it is also checked against the operator search, position by position).
//
//   split_probe [MAX_COVER_PERMILLE]   groups (CLASS, N) whose windows cover more than this
//                                      share of the corpus stay in the main database (def. 30)
// Corpus: scanner_bench's ordinary source code, or with MAGPIE_PROBE_DENSE=1 its dense corpus
// (tests/corpus/labelled), where the gated rules do report: the equivalence check's real test.
#include <hs/hs.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "bench/bench_common.h"
#include "rules/rule_set.h"
#include "scanner/decoder.h"
#include "scanner/gate.h"
#include "scanner/generic_detector.h"
#include "scanner/hs_expression.h"

namespace magpie::scanner::bench {
namespace {

using internal::BuildGateSet;
using internal::FindGates;
using internal::FindGatesByRuns;
using internal::Gate;
using internal::GateOf;
using internal::GateSet;

double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

struct Report {
  unsigned id;
  unsigned long long end;
  bool operator<(const Report& o) const { return std::tie(id, end) < std::tie(o.id, o.end); }
};
struct Sink {
  unsigned long long base = 0;
  std::vector<Report>* out = nullptr;
};
int Collect(unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) {
  auto* sink = static_cast<Sink*>(ctx);
  if (sink->out != nullptr) sink->out->push_back({id, sink->base + to});
  return 0;
}

hs_database_t* CompileOnly(const std::vector<std::string>& expressions,
                           const std::vector<unsigned>& ids) {
  std::vector<const char*> texts;
  std::vector<unsigned> flags(ids.size(), 0);
  for (unsigned id : ids) texts.push_back(expressions[id].c_str());
  hs_database_t* db = nullptr;
  for (size_t attempt = 0; attempt <= ids.size(); ++attempt) {
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(texts.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(ids.size()), HS_MODE_BLOCK, nullptr, &db,
                         &error) == HS_SUCCESS) {
      return db;
    }
    const int failed = error != nullptr ? error->expression : -1;
    hs_free_compile_error(error);
    if (failed < 0 || flags[failed] != 0) return nullptr;
    flags[failed] = HS_FLAG_PREFILTER;
  }
  return nullptr;
}

int Run(int max_cover_permille) {
  const rules::RuleSet* rules = BuiltinRules();
  if (rules == nullptr) return 2;
  std::vector<std::string> expressions;
  std::vector<std::string> originals;
  for (const rules::RuleSpec& spec : rules->rules()) {
    if (spec.kind != rules::RuleKind::kContent) continue;
    originals.push_back(spec.pattern);
    expressions.push_back(internal::HyperscanExpression(spec.pattern));
  }
  originals.push_back(internal::GenericRuleSpec().pattern);
  expressions.push_back(internal::HyperscanExpression(originals.back()));
  for (const internal::DecoderSpec& decoder : internal::DecoderSpecs()) {
    if (decoder.prefilter_find == nullptr) {
      originals.push_back(decoder.prefilter);
      expressions.push_back(decoder.prefilter);
    }
  }
  const Corpus& corpus =
      std::getenv("MAGPIE_PROBE_DENSE") != nullptr ? GetDenseCorpus() : GetCorpus();
  const std::string_view data = corpus.joined;
  // Group gateable rules by gate; measure each group's cover alone.
  const bool by_runs = std::getenv("MAGPIE_PROBE_RUNS") != nullptr;
  std::map<std::string, std::pair<Gate, std::vector<unsigned>>> groups;
  for (unsigned id = 0; id < originals.size(); ++id) {
    std::optional<Gate> gate = GateOf(originals[id]);
    if (!gate) continue;
    auto& group = groups[gate->text];
    group.first = *gate;
    group.second.push_back(id);
  }
  std::vector<Gate> gates;
  std::vector<unsigned> gated_ids;
  std::vector<char> gated(expressions.size(), 0);
  size_t width = 0;
  for (auto& [text, group] : groups) {
    std::vector<size_t> hits;
    if (std::optional<GateSet> alone = BuildGateSet({group.first})) FindGates(data, *alone, &hits);
    const size_t cover = std::min(data.size(), hits.size() * 2 * 400);
    bool keep = cover * 1000 <= data.size() * static_cast<size_t>(max_cover_permille);
    if (by_runs) {  // the run search needs CLASS within U and N >= kMinRun
      keep = keep && internal::RunGateable(group.first);
    }
    std::printf("%-28s %3zu rules %7zu hits %s\n", text.c_str(), group.second.size(),
                hits.size(), keep ? "gated" : "left in main");
    if (!keep) continue;
    gates.push_back(group.first);
    for (unsigned id : group.second) {
      gated_ids.push_back(id);
      gated[id] = 1;
      hs_expr_info_t* info = nullptr;
      hs_compile_error_t* error = nullptr;
      if (hs_expression_info(expressions[id].c_str(), 0, &info, &error) != HS_SUCCESS ||
          info->max_width == UINT_MAX) {
        std::printf("  %u: no bounded width, left in main\n", id);
        gated[id] = 0;
        gated_ids.pop_back();
      } else {
        width = std::max<size_t>(width, info->max_width);
      }
      free(info);
      hs_free_compile_error(error);
    }
  }
  std::sort(gated_ids.begin(), gated_ids.end());
  const std::optional<GateSet> gate_set = BuildGateSet(gates);
  if (!gate_set) {
    std::printf("a gate class holds a blank or a quote\n");
    return 2;
  }
  std::vector<unsigned> all_ids;
  std::vector<unsigned> main_ids;
  for (unsigned id = 0; id < expressions.size(); ++id) {
    all_ids.push_back(id);
    if (!gated[id]) main_ids.push_back(id);
  }
  std::printf("%zu expressions: %zu gated (W = %zu), %zu main\n", expressions.size(),
              gated_ids.size(), width, main_ids.size());
  hs_database_t* full = CompileOnly(expressions, all_ids);
  hs_database_t* main_db = CompileOnly(expressions, main_ids);
  hs_database_t* second = CompileOnly(expressions, gated_ids);
  hs_scratch_t* scratch = nullptr;
  if (full == nullptr || main_db == nullptr || second == nullptr ||
      hs_alloc_scratch(full, &scratch) != HS_SUCCESS ||
      hs_alloc_scratch(main_db, &scratch) != HS_SUCCESS ||
      hs_alloc_scratch(second, &scratch) != HS_SUCCESS) {
    std::printf("compile failed\n");
    return 2;
  }
  const char* rounds_env = std::getenv("MAGPIE_BENCH_ROUNDS");
  const int rounds = rounds_env != nullptr ? std::max(1, std::atoi(rounds_env)) : 9;
  std::vector<double> t_full, t_main, t_gate, t_second;
  std::vector<Report> full_reports, split_reports;
  size_t window_bytes = 0, windows = 0, hit_count = 0;
  for (int round = 0; round <= rounds; ++round) {
    const bool record = round == 0;  // reports of the untimed round only
    Sink sink{0, record ? &full_reports : nullptr};
    double t0 = CpuSeconds();
    hs_scan(full, data.data(), static_cast<unsigned>(data.size()), 0, scratch, Collect, &sink);
    double t1 = CpuSeconds();
    Sink none{0, nullptr};
    hs_scan(main_db, data.data(), static_cast<unsigned>(data.size()), 0, scratch, Collect,
            &none);
    double t2 = CpuSeconds();
    std::vector<size_t> hits;
    if (by_runs) {
      FindGatesByRuns(data, *gate_set, &hits);
    } else {
      FindGates(data, *gate_set, &hits);
    }
    double t3 = CpuSeconds();
    Sink split{0, record ? &split_reports : nullptr};
    size_t covered = 0, count = 0;
    std::vector<std::pair<size_t, size_t>> windows_of_hits;
    internal::GateWindows(hits, width, data.size(), &windows_of_hits);
    for (const auto& [begin, end] : windows_of_hits) {
      split.base = begin;
      hs_scan(second, data.data() + begin, static_cast<unsigned>(end - begin), 0, scratch,
              Collect, &split);
      covered += end - begin;
      ++count;
    }
    double t4 = CpuSeconds();
    if (round == 0 && by_runs) {  // the two searches must agree exactly
      std::vector<size_t> by_operators;
      FindGates(data, *gate_set, &by_operators);
      std::printf("gate hits: by runs %zu, by operators %zu, %s\n", hits.size(),
                  by_operators.size(), hits == by_operators ? "identical" : "DIFFERENT");
      if (hits != by_operators) return 1;
    }
    if (round == 0) {
      window_bytes = covered;
      windows = count;
      hit_count = hits.size();
      continue;
    }
    t_full.push_back(t1 - t0);
    t_main.push_back(t2 - t1);
    t_gate.push_back(t3 - t2);
    t_second.push_back(t4 - t3);
  }
  // The gated rules' reports, both ways (a window may see a report twice: dedupe).
  std::set<Report> want, got(split_reports.begin(), split_reports.end());
  for (const Report& r : full_reports) {
    if (gated[r.id]) want.insert(r);
  }
  const auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  const double mb = data.size() / 1e6;
  const double full_s = median(t_full), main_s = median(t_main), gate_s = median(t_gate),
               second_s = median(t_second);
  std::printf("corpus: %s, %d rounds\n", corpus.description.c_str(), rounds);
  std::printf("gate hits %zu, windows %zu covering %.1f%% of the bytes\n", hit_count, windows,
              100.0 * window_bytes / data.size());
  std::printf("full %.0f MB/s | main %.0f MB/s, gate %.2f ms, second %.2f ms => split %.0f MB/s\n",
              mb / full_s, mb / main_s, gate_s * 1e3, second_s * 1e3,
              mb / (main_s + gate_s + second_s));
  // The split may report more (a `$` or `^` holds at a window's edge), never fewer.
  size_t missing = 0;
  for (const Report& r : want) missing += got.count(r) == 0;
  std::printf("gated reports: full %zu, split %zu, missing %zu\n", want.size(), got.size(),
              missing);
  hs_free_scratch(scratch);
  hs_free_database(full);
  hs_free_database(main_db);
  hs_free_database(second);
  return missing == 0 ? 0 : 1;
}

}  // namespace
}  // namespace magpie::scanner::bench

int main(int argc, char** argv) {
  return magpie::scanner::bench::Run(argc > 1 ? std::atoi(argv[1]) : 30);
}
