// What scanner_bench's benchmark files share: the corpora (read from disk once, before
// anything is timed), the shipped rules, and the throughput counters. See bench/README.md.
#ifndef MAGPIE_BENCH_BENCH_COMMON_H_
#define MAGPIE_BENCH_BENCH_COMMON_H_

#include <benchmark/benchmark.h>
#include <hs/hs.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"

namespace magpie::scanner::bench {

inline constexpr std::string_view kNeverLiteral = "magpie_bench_never_q7x3z9";

struct Corpus {
  std::vector<std::string> files;  // contents, in sorted path order
  std::string joined;              // the same bytes, concatenated
  std::string description;
};

// Ordinary source code: regular, non-binary files under MAGPIE_BENCH_CORPUS (colon-separated
// directories; default /usr/include and /usr/lib/python3*), walked in sorted path order and
// sampled with an even stride down to MAGPIE_BENCH_CORPUS_MB megabytes (default 64), so the
// same machine always yields the same corpus and it spans the whole tree.
const Corpus& GetCorpus();
// Dense with secrets: every text file under MAGPIE_BENCH_DENSE_CORPUS (default this checkout's
// tests/corpus/labelled, planted secrets and hard negatives of issue 12's shapes).
const Corpus& GetDenseCorpus();

// The shipped rules (rules.yaml embedded at build time), or MAGPIE_BENCH_RULES=FILE; null
// after printing the problems when they do not load.
const rules::RuleSet* BuiltinRules();
// `rules` compiled with or without the generic detector; null after printing the error.
// With MAGPIE_BENCH_GATE=0 in the environment, compiled without the gated second database.
std::shared_ptr<const CompiledRules> CompileOrReport(const rules::RuleSet& rules, bool generic);

// A Hyperscan database and a scratch for it, scanned with a callback that only counts.
class HyperscanDatabase {
 public:
  // Takes ownership of `database`; null (a failed compile) makes ok() false.
  explicit HyperscanDatabase(hs_database_t* database);
  ~HyperscanDatabase();
  HyperscanDatabase(const HyperscanDatabase&) = delete;
  HyperscanDatabase& operator=(const HyperscanDatabase&) = delete;

  bool ok() const { return scratch_ != nullptr; }
  // Hyperscan's reports over `data`.
  size_t Scan(std::string_view data);

 private:
  hs_database_t* database_ = nullptr;
  hs_scratch_t* scratch_ = nullptr;
};

// A database of the one literal kNeverLiteral (it never occurs): hs_scan's floor on any bytes.
// Null when Hyperscan refuses it.
hs_database_t* CompileNeverLiteral();

// Sets bytes_per_second, the MB/s counter (10^6 bytes per CPU second) and `findings`.
void SetThroughput(benchmark::State& state, size_t bytes_per_iteration, size_t findings);

}  // namespace magpie::scanner::bench

#endif  // MAGPIE_BENCH_BENCH_COMMON_H_
