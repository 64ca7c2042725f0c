// stage_cost: the Hyperscan stage measured by counting, for a machine too busy to time it
// (bench/stage_cost.sh runs it; bench/README.md says how to read it). Issue 12.
//
//   stage_cost compile OUT   compiles the database the scanner would (the rules, the generic
//                            detector, the decoders' in-database prefilters) for a CPU without
//                            AVX2/AVX-512, so that valgrind can run it, and writes it to OUT
//   stage_cost scan DB       one hs_scan of DB over the bench corpus, inside ScanOnce (the
//                            function stage_cost.sh has callgrind count); with DB.gated
//                            beside it, also the gate search and that database over the
//                            gate windows (scanner/gate.h), as Scanner does
//
// The keyword-gated rules (issue 12) go to DB.gated (their database) and DB.gate (the window
// width, then their patterns, one a line) as CompiledRules::Compile splits them;
// MAGPIE_BENCH_GATE=0 compiles one database of every rule, the scanner before the split.
// MAGPIE_BENCH_GATE_PATH=portable|sse2|avx2 has `scan` run the gate search on that code path.
// `scan` then runs the decoders' linear prefilters (the base64 one, scanner/base64_prefilter.h)
// over the same bytes, as Scanner does; MAGPIE_BENCH_B64_PATH=portable|sse2|avx2|bytewise picks
// its code path (bytewise: the reference, every anchor walked, as before the block search), none
// leaves it out (what stage_cost counted before 2 Dec 2026, prefilter15).
// MAGPIE_BENCH_PREFILTER=all compiles every expression with HS_FLAG_PREFILTER, =repeats only
// those with a counted repeat bound of 16 or more (issue 12, stage16: libhs 5.4.9 builds the same
// database bytes for these rules either way).
//   stage_cost compile OUT PLATFORM
//                            the same database for PLATFORM: host (what the scanner builds),
//                            generic, avx2, avx512, avx512vbmi; tune family from the host,
//                            or MAGPIE_BENCH_TUNE=N (HS_TUNE_FAMILY_*, hs_compile.h)
//   stage_cost time DB[@avx2]...
//                            times hs_scan of each DB over the corpus, interleaved round by
//                            round (MAGPIE_BENCH_ROUNDS, default 9), medians in MB/s of CPU
//                            time: databases (platforms) compared in one run
//   stage_cost per-rule      each expression of the main database compiled alone and timed,
//                            slowest first beside the one-literal floor
//
// Rules: the embedded rules.yaml or MAGPIE_BENCH_RULES=FILE; corpus: as scanner_bench's
// (MAGPIE_BENCH_CORPUS, MAGPIE_BENCH_CORPUS_MB). Callgrind's counts on the generic-CPU code
// path are a proxy: they rank two rule sets the same run after run, whatever the load, but
// Teddy's AVX2 loop does more per instruction than the path measured here.
#include <dlfcn.h>
#include <hs/hs.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
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
#include "scanner/generic_detector.h"
#include "scanner/hs_expression.h"

namespace {

int CountReport(unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
  ++*static_cast<size_t*>(context);
  return 0;
}

}  // namespace

// The gated rules' database and gate (null database: none).
struct GatedPart {
  hs_database_t* database = nullptr;
  std::optional<magpie::scanner::internal::GateSet> set;
  size_t width = 0;
  // The gate search's code path: MAGPIE_BENCH_GATE_PATH=portable, sse2 or avx2 (default: the
  // best this CPU has, as the scanner), to count one against another.
  magpie::scanner::internal::RunSearchPath path = magpie::scanner::internal::RunSearchPath::kBest;
};

// The decoders' linear prefilters: whether ScanOnce runs them, and on which code path.
struct LinearPart {
  bool run = true;
  bool bytewise = false;
  magpie::scanner::internal::RunSearchPath path = magpie::scanner::internal::RunSearchPath::kBest;
};

// Outside any namespace and never inlined, so that callgrind's --toggle-collect=ScanOnce
// counts this call and nothing else (not the corpus loading, not the database loading).
extern "C" __attribute__((noinline)) size_t ScanOnce(const hs_database_t* database,
                                                    hs_scratch_t* scratch,
                                                    std::string_view data,
                                                    const GatedPart* gated,
                                                    const LinearPart* linear) {
  size_t reports = 0;
  hs_scan(database, data.data(), static_cast<unsigned int>(data.size()), 0, scratch,
          CountReport, &reports);
  if (gated->database != nullptr) {
    std::vector<size_t> hits;
    std::vector<std::pair<size_t, size_t>> windows;
    magpie::scanner::internal::GatedScanWindows(data, *gated->set, gated->width, &hits,
                                                &windows, gated->path);
    for (const auto& [begin, end] : windows) {
      hs_scan(gated->database, data.data() + begin, static_cast<unsigned int>(end - begin), 0,
              scratch, CountReport, &reports);
    }
  }
  if (linear->run) {
    const auto count = [](size_t, void* context) { ++*static_cast<size_t*>(context); };
    for (const magpie::scanner::internal::DecoderSpec& decoder :
         magpie::scanner::internal::DecoderSpecs()) {
      if (decoder.prefilter_find == nullptr) continue;
      if (decoder.prefilter_find != static_cast<magpie::scanner::internal::PrefilterFinder>(
                                        &magpie::scanner::internal::FindBase64Prefilter)) {
        decoder.prefilter_find(data, count, &reports);
      } else if (linear->bytewise) {
        magpie::scanner::internal::FindBase64PrefilterBytewise(data, count, &reports);
      } else {
        magpie::scanner::internal::FindBase64Prefilter(data, count, &reports, linear->path);
      }
    }
  }
  return reports;
}

namespace magpie::scanner::bench {
namespace {

// The expressions CompiledRules::Compile puts in its database, in its order.
std::vector<std::string> StageExpressions(const rules::RuleSet& rules) {
  std::vector<std::string> expressions;
  for (const rules::RuleSpec& spec : rules.rules()) {
    if (spec.kind == rules::RuleKind::kContent) {
      expressions.push_back(internal::RuleHyperscanExpression(spec));
    }
  }
  if (rules.Find(rules::kGenericRuleId) < 0) {
    expressions.push_back(internal::RuleHyperscanExpression(internal::GenericRuleSpec()));
  }
  for (const internal::DecoderSpec& decoder : internal::DecoderSpecs()) {
    if (decoder.prefilter_find == nullptr) expressions.push_back(decoder.prefilter);
  }
  return expressions;
}

// Whether `expression` holds a counted repeat whose bound is at least kLargeRepeat
// ({n}, {n,m}, {n,}): what HS_FLAG_PREFILTER approximates (MAGPIE_BENCH_PREFILTER=repeats).
constexpr long kLargeRepeat = 16;
bool HasLargeRepeat(const std::string& expression) {
  for (size_t i = 0; i < expression.size(); ++i) {
    if (expression[i] != '{' || (i > 0 && expression[i - 1] == '\\')) continue;
    size_t j = i + 1;
    long low = 0, high = -1;
    while (j < expression.size() && std::isdigit(static_cast<unsigned char>(expression[j]))) low = low * 10 + (expression[j++] - '0');
    if (j == i + 1) continue;
    if (j < expression.size() && expression[j] == ',') {
      ++j;
      if (j < expression.size() && expression[j] == '}') high = 1 << 20;
      else { high = 0; while (j < expression.size() && std::isdigit(static_cast<unsigned char>(expression[j]))) high = high * 10 + (expression[j++] - '0'); }
    }
    if (j >= expression.size() || expression[j] != '}') continue;
    if (std::max(low, high) >= kLargeRepeat) return true;
  }
  return false;
}

// Compiles for `platform_name` (stage_cost.sh: generic, a CPU without AVX2/AVX-512, so that
// valgrind runs it); an expression Hyperscan refuses is retried in prefilter mode, as
// CompiledRules::Compile does.
// The expressions `only` marks compiled into one database, serialized into `out`; false when
// Hyperscan refuses one even in prefilter mode.
bool CompileSubset(const std::vector<std::string>& expressions, const std::vector<char>& only,
                   const hs_platform_info_t& platform, std::string* out) {
  std::vector<const char*> texts;
  std::vector<unsigned int> flags;
  std::vector<unsigned int> ids;
  const char* prefilter_env = std::getenv("MAGPIE_BENCH_PREFILTER");
  const std::string prefilter = prefilter_env != nullptr ? prefilter_env : "";
  size_t prefiltered = 0;
  for (size_t i = 0; i < expressions.size(); ++i) {
    if (!only[i]) continue;
    texts.push_back(expressions[i].c_str());
    const bool approximate =
        prefilter == "all" || (prefilter == "repeats" && HasLargeRepeat(expressions[i]));
    flags.push_back(approximate ? HS_FLAG_PREFILTER : 0);
    prefiltered += approximate;
    ids.push_back(static_cast<unsigned int>(i));
  }
  if (!prefilter.empty()) std::cerr << prefiltered << " expressions prefiltered\n";
  hs_database_t* database = nullptr;
  for (size_t attempt = 0; attempt <= texts.size(); ++attempt) {
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(texts.data(), flags.data(), ids.data(),
                         static_cast<unsigned int>(texts.size()), HS_MODE_BLOCK, &platform,
                         &database, &error) == HS_SUCCESS) {
      break;
    }
    const int failed = error != nullptr ? error->expression : -1;
    std::cerr << "expression " << failed << ": "
              << (error != nullptr && error->message != nullptr ? error->message : "?") << "\n";
    hs_free_compile_error(error);
    if (failed < 0 || (flags[failed] & HS_FLAG_PREFILTER) != 0) return false;
    flags[failed] |= HS_FLAG_PREFILTER;
  }
  if (database == nullptr) return false;
  char* bytes = nullptr;
  size_t length = 0;
  const bool serialized = hs_serialize_database(database, &bytes, &length) == HS_SUCCESS;
  hs_free_database(database);
  if (!serialized) return false;
  out->assign(bytes, length);
  free(bytes);
  std::cerr << texts.size() << " expressions, " << length << " bytes\n";
  return true;
}

bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

// Compiles for `platform_name` (stage_cost.sh: generic, a CPU without AVX2/AVX-512, so that
// valgrind runs it); an expression Hyperscan refuses is retried in prefilter mode, as
// CompiledRules::Compile does. The gated rules are those CompiledRules::Compile gates.
int Compile(const std::string& out_path, std::string_view platform_name) {
  const rules::RuleSet* rules = BuiltinRules();
  if (rules == nullptr) return 2;
  const std::vector<std::string> expressions = StageExpressions(*rules);
  hs_platform_info_t platform;
  if (hs_populate_platform(&platform) != HS_SUCCESS) return 2;
  if (platform_name == "generic") {
    platform.cpu_features = 0;
  } else if (platform_name == "avx2") {
    platform.cpu_features = HS_CPU_FEATURES_AVX2;
  } else if (platform_name == "avx512") {
    platform.cpu_features = HS_CPU_FEATURES_AVX2 | HS_CPU_FEATURES_AVX512;
  } else if (platform_name == "avx512vbmi") {
    platform.cpu_features =
        HS_CPU_FEATURES_AVX2 | HS_CPU_FEATURES_AVX512 | HS_CPU_FEATURES_AVX512VBMI;
  } else if (platform_name != "host") {
    std::cerr << "unknown platform " << platform_name << "\n";
    return 2;
  }
  if (const char* tune = std::getenv("MAGPIE_BENCH_TUNE")) platform.tune = std::atoi(tune);
  // Which expressions the scanner gates: CompiledRules' ids are the content rules in order.
  std::vector<char> gated(expressions.size(), 0);
  std::string gate_file;
  if (std::shared_ptr<const CompiledRules> compiled = CompileOrReport(*rules, true)) {
    const std::vector<std::string> ids = compiled->GatedRuleIds();
    gate_file = std::to_string(compiled->GateWidth()) + "\n";
    size_t index = 0;
    for (const rules::RuleSpec& spec : rules->rules()) {
      if (spec.kind != rules::RuleKind::kContent) continue;
      if (std::find(ids.begin(), ids.end(), spec.id) != ids.end()) {
        gated[index] = 1;
        gate_file += spec.pattern + "\n";
      }
      ++index;
    }
  } else {
    return 2;
  }
  std::vector<char> main_ids(expressions.size());
  for (size_t i = 0; i < main_ids.size(); ++i) main_ids[i] = !gated[i];
  std::string bytes;
  if (!CompileSubset(expressions, main_ids, platform, &bytes) || !WriteFile(out_path, bytes)) {
    return 2;
  }
  std::remove((out_path + ".gated").c_str());
  std::remove((out_path + ".gate").c_str());
  if (std::find(gated.begin(), gated.end(), 1) == gated.end()) return 0;
  return CompileSubset(expressions, gated, platform, &bytes) &&
                 WriteFile(out_path + ".gated", bytes) && WriteFile(out_path + ".gate", gate_file)
             ? 0
             : 2;
}

hs_database_t* Load(const std::string& database_path) {
  std::ifstream in(database_path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  hs_database_t* database = nullptr;
  if (bytes.empty() ||
      hs_deserialize_database(bytes.data(), bytes.size(), &database) != HS_SUCCESS) {
    std::cerr << database_path << ": not a Hyperscan database\n";
    return nullptr;
  }
  return database;
}

// DB.gated and DB.gate, when Compile wrote them; false when they are there but unreadable.
bool LoadGated(const std::string& database_path, GatedPart* gated) {
  std::ifstream gate(database_path + ".gate");
  if (!gate) return true;
  std::string line;
  if (!std::getline(gate, line)) return false;
  gated->width = std::strtoull(line.c_str(), nullptr, 10);
  std::vector<internal::Gate> gates;
  while (std::getline(gate, line)) {
    std::optional<internal::Gate> one = internal::GateOf(line);
    if (!one) return false;
    gates.push_back(*one);
  }
  gated->set = internal::BuildGateSet(gates);
  if (const char* path = std::getenv("MAGPIE_BENCH_GATE_PATH")) {
    const std::string_view name = path;
    gated->path = name == "portable" ? internal::RunSearchPath::kPortable
                  : name == "sse2"   ? internal::RunSearchPath::kSse2
                  : name == "avx2"   ? internal::RunSearchPath::kAvx2
                                     : internal::RunSearchPath::kBest;
  }
  gated->database = Load(database_path + ".gated");
  return gated->set.has_value() && gated->database != nullptr;
}

int Scan(const std::string& database_path) {
  hs_database_t* database = Load(database_path);
  if (database == nullptr) return 2;
  GatedPart gated;
  const Corpus& corpus = GetCorpus();
  hs_scratch_t* scratch = nullptr;
  if (!LoadGated(database_path, &gated) || corpus.joined.empty() ||
      hs_alloc_scratch(database, &scratch) != HS_SUCCESS ||
      (gated.database != nullptr && hs_alloc_scratch(gated.database, &scratch) != HS_SUCCESS)) {
    std::cerr << "no corpus, gated database or scratch\n";
    hs_free_scratch(scratch);
    hs_free_database(database);
    hs_free_database(gated.database);
    return 2;
  }
  LinearPart linear;
  if (const char* path = std::getenv("MAGPIE_BENCH_B64_PATH")) {
    const std::string_view name = path;
    linear.run = name != "none";
    linear.bytewise = name == "bytewise";
    linear.path = name == "portable" ? internal::RunSearchPath::kPortable
                  : name == "sse2"   ? internal::RunSearchPath::kSse2
                  : name == "avx2"   ? internal::RunSearchPath::kAvx2
                                     : internal::RunSearchPath::kBest;
  }
  const size_t reports = ScanOnce(database, scratch, corpus.joined, &gated, &linear);
  hs_free_scratch(scratch);
  hs_free_database(database);
  hs_free_database(gated.database);
  std::printf("corpus: %s\nbytes: %zu\nreports: %zu\n", corpus.description.c_str(),
              corpus.joined.size(), reports);
  return 0;
}

// CPU time, not wall time: on a machine shared by other builds, waiting for a core is not the
// database's cost (scanner_bench reports CPU time too).
double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

using ScanEntry = decltype(&hs_scan);

// "DB" scans with hs_scan (libhs picks the code for this CPU); "DB@avx2" calls the exported
// entry avx2_hs_scan of Debian's fat-runtime libhs instead (also core2, corei7, avx512), to
// time one database with another instruction set's code on the same CPU. Name only entries
// this CPU can run: libhs does not check (an AVX-512 entry on a CPU without it is SIGILL).
struct Timed {
  std::string name;
  hs_database_t* database = nullptr;
  hs_scratch_t* scratch = nullptr;
  ScanEntry scan = &hs_scan;
};

// Each round scans the corpus once with every database in turn, so that a busy machine's
// noise falls on all of them alike; prints each database's median and its reports.
int Time(const std::vector<std::string>& names) {
  const Corpus& corpus = GetCorpus();
  if (corpus.joined.empty()) return 2;
  std::vector<Timed> timed;
  for (const std::string& name : names) {
    Timed t;
    t.name = name;
    const size_t at = name.find('@');
    if (at != std::string::npos) {
      const std::string entry = name.substr(at + 1) + "_hs_scan";
      t.scan = reinterpret_cast<ScanEntry>(dlsym(RTLD_DEFAULT, entry.c_str()));
      if (t.scan == nullptr) {
        std::cerr << entry << ": not exported by this libhs\n";
        return 2;
      }
    }
    t.database = Load(name.substr(0, at));
    if (t.database == nullptr || hs_alloc_scratch(t.database, &t.scratch) != HS_SUCCESS) return 2;
    timed.push_back(t);
  }
  const char* rounds_env = std::getenv("MAGPIE_BENCH_ROUNDS");
  const int rounds = rounds_env != nullptr ? std::max(1, std::atoi(rounds_env)) : 9;
  std::vector<std::vector<double>> mbps(timed.size());
  std::vector<size_t> reports(timed.size());
  for (int round = 0; round <= rounds; ++round) {  // round 0 warms up, untimed
    for (size_t i = 0; i < timed.size(); ++i) {
      reports[i] = 0;
      const double start = ThreadCpuSeconds();
      timed[i].scan(timed[i].database, corpus.joined.data(),
                    static_cast<unsigned int>(corpus.joined.size()), 0, timed[i].scratch,
                    CountReport, &reports[i]);
      const double took = ThreadCpuSeconds() - start;
      if (round > 0) mbps[i].push_back(corpus.joined.size() / took / 1e6);
    }
  }
  std::printf("corpus: %s, %d rounds\n", corpus.description.c_str(), rounds);
  for (size_t i = 0; i < timed.size(); ++i) {
    std::sort(mbps[i].begin(), mbps[i].end());
    std::printf("%-10.0f MB/s median  (min %.0f, max %.0f)  reports %zu  %s\n",
                mbps[i][mbps[i].size() / 2], mbps[i].front(), mbps[i].back(), reports[i],
                timed[i].name.c_str());
    hs_free_scratch(timed[i].scratch);
    hs_free_database(timed[i].database);
  }
  return 0;
}

// Each expression of the main database compiled alone for this CPU and timed over the corpus
// (the least CPU time of MAGPIE_BENCH_ROUNDS scans, default 3, after one untimed), slowest
// first beside the one-literal floor: a rule far above the floor has a pattern without a long
// literal factor (a leading class, a short or case-folded literal) or reports often. Alone is
// not inside the shared database, so this ranks candidates; leaving them out of stage_cost.sh's
// database says what they cost there.
int PerRule() {
  const rules::RuleSet* rules = BuiltinRules();
  const Corpus& corpus = GetCorpus();
  if (rules == nullptr || corpus.joined.empty()) return 2;
  std::shared_ptr<const CompiledRules> compiled = CompileOrReport(*rules, true);
  if (compiled == nullptr) return 2;
  const std::vector<std::string> gated_ids = compiled->GatedRuleIds();
  std::vector<std::pair<std::string, std::string>> named;  // (name, expression)
  for (const rules::RuleSpec& spec : rules->rules()) {
    if (spec.kind != rules::RuleKind::kContent) continue;
    if (std::find(gated_ids.begin(), gated_ids.end(), spec.id) != gated_ids.end()) continue;
    named.emplace_back(spec.id, internal::HyperscanExpression(spec.pattern));
  }
  if (rules->Find(rules::kGenericRuleId) < 0) {
    named.emplace_back(std::string(rules::kGenericRuleId),
                       internal::HyperscanExpression(internal::GenericRuleSpec().pattern));
  }
  for (const internal::DecoderSpec& decoder : internal::DecoderSpecs()) {
    if (decoder.prefilter_find == nullptr) named.emplace_back("decoder-prefilter", decoder.prefilter);
  }
  named.emplace_back("(floor: one literal that never occurs)", std::string(kNeverLiteral));
  const char* rounds_env = std::getenv("MAGPIE_BENCH_ROUNDS");
  const int rounds = rounds_env != nullptr ? std::max(1, std::atoi(rounds_env)) : 3;
  struct Row {
    double ms;
    size_t reports;
    std::string name;
  };
  std::vector<Row> rows;
  for (const auto& [name, expression] : named) {
    hs_database_t* database = nullptr;
    hs_compile_error_t* error = nullptr;
    unsigned int flags = 0;
    if (hs_compile(expression.c_str(), flags, HS_MODE_BLOCK, nullptr, &database, &error) !=
        HS_SUCCESS) {
      hs_free_compile_error(error);
      flags = HS_FLAG_PREFILTER;
      if (hs_compile(expression.c_str(), flags, HS_MODE_BLOCK, nullptr, &database, &error) !=
          HS_SUCCESS) {
        hs_free_compile_error(error);
        std::cerr << name << ": Hyperscan refuses it\n";
        continue;
      }
    }
    hs_scratch_t* scratch = nullptr;
    if (hs_alloc_scratch(database, &scratch) != HS_SUCCESS) {
      hs_free_database(database);
      return 2;
    }
    double best = 1e9;
    size_t reports = 0;
    for (int round = 0; round <= rounds; ++round) {
      reports = 0;
      const double start = ThreadCpuSeconds();
      hs_scan(database, corpus.joined.data(), static_cast<unsigned int>(corpus.joined.size()), 0,
              scratch, CountReport, &reports);
      if (round > 0) best = std::min(best, ThreadCpuSeconds() - start);
    }
    rows.push_back({best * 1e3, reports, name + (flags != 0 ? " (prefilter)" : "")});
    hs_free_scratch(scratch);
    hs_free_database(database);
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.ms > b.ms; });
  std::printf("corpus: %s, least of %d rounds\n%-9s %-9s %s\n", corpus.description.c_str(),
              rounds, "ms", "reports", "expression");
  for (const Row& row : rows) std::printf("%-9.2f %-9zu %s\n", row.ms, row.reports, row.name.c_str());
  return 0;
}

}  // namespace
}  // namespace magpie::scanner::bench

int main(int argc, char** argv) {
  const std::string_view command = argc >= 3 ? argv[1] : "";
  if (command == "compile" && argc <= 4) {
    return magpie::scanner::bench::Compile(argv[2], argc == 4 ? argv[3] : "generic");
  }
  if (command == "scan" && argc == 3) return magpie::scanner::bench::Scan(argv[2]);
  if (argc == 2 && std::string_view(argv[1]) == "per-rule") {
    return magpie::scanner::bench::PerRule();
  }
  if (command == "time") {
    return magpie::scanner::bench::Time(std::vector<std::string>(argv + 2, argv + argc));
  }
  std::cerr << "usage: stage_cost compile OUT [PLATFORM] | stage_cost scan DATABASE | "
               "stage_cost time DATABASE[@ENTRY]... | stage_cost per-rule\n";
  return 2;
}
