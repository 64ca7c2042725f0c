#include "bench/bench_common.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

namespace magpie::scanner::bench {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxFileBytes = size_t{8} << 20;  // skip generated giants
constexpr size_t kBinaryProbeBytes = 8192;         // NUL in the first 8 KiB = binary

std::vector<std::string> CorpusRoots() {
  std::vector<std::string> roots;
  if (const char* env = std::getenv("MAGPIE_BENCH_CORPUS"); env != nullptr && *env != '\0') {
    std::string_view rest(env);
    while (!rest.empty()) {
      const size_t colon = rest.find(':');
      const std::string_view root = rest.substr(0, colon);
      if (!root.empty()) roots.emplace_back(root);
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
    return roots;
  }
  roots.push_back("/usr/include");
  std::error_code ec;
  std::vector<std::string> pythons;
  for (const fs::directory_entry& entry : fs::directory_iterator("/usr/lib", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("python3", 0) == 0 && entry.is_directory(ec)) {
      pythons.push_back(entry.path().string());
    }
  }
  std::sort(pythons.begin(), pythons.end());
  roots.insert(roots.end(), pythons.begin(), pythons.end());
  return roots;
}

size_t CorpusBudget() {
  if (const char* env = std::getenv("MAGPIE_BENCH_CORPUS_MB"); env != nullptr) {
    const long mb = std::strtol(env, nullptr, 10);
    if (mb > 0) return static_cast<size_t>(mb) << 20;
  }
  return size_t{64} << 20;
}

struct Candidate {
  std::string path;
  uintmax_t size;
};

// Reads a whole file; false for unreadable or binary files.
bool ReadTextFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  const size_t probe = std::min(out->size(), kBinaryProbeBytes);
  return std::memchr(out->data(), '\0', probe) == nullptr;
}

Corpus LoadCorpus(const std::vector<std::string>& roots, size_t budget) {
  std::vector<Candidate> candidates;
  uintmax_t total = 0;
  for (const std::string& root : roots) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code file_ec;
      if (!it->is_regular_file(file_ec) || it->is_symlink(file_ec)) continue;
      const uintmax_t size = it->file_size(file_ec);
      if (file_ec || size == 0 || size > kMaxFileBytes) continue;
      candidates.push_back({it->path().string(), size});
      total += size;
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.path < b.path; });
  // Every stride-th file, so the sample spans the tree; binaries are dropped as we read, so
  // the stride leaves headroom and the loop stops at the budget.
  const size_t stride = std::max<uintmax_t>(1, total / budget);
  Corpus corpus;
  for (size_t offset = 0; offset < stride && corpus.joined.size() < budget; ++offset) {
    for (size_t i = offset; i < candidates.size() && corpus.joined.size() < budget; i += stride) {
      std::string bytes;
      if (!ReadTextFile(candidates[i].path, &bytes)) continue;
      if (corpus.joined.size() + bytes.size() > budget) continue;
      corpus.joined += bytes;
      corpus.files.push_back(std::move(bytes));
    }
  }
  std::string root_list;
  for (const std::string& root : roots) root_list += (root_list.empty() ? "" : ":") + root;
  corpus.description = std::to_string(corpus.files.size()) + " files, " +
                       (corpus.joined.size() >= (size_t{1} << 20)
                            ? std::to_string(corpus.joined.size() >> 20) + " MiB"
                            : std::to_string(corpus.joined.size() >> 10) + " KiB") +
                       " from " + root_list;
  return corpus;
}

}  // namespace

const Corpus& GetCorpus() {
  static const Corpus* corpus = new Corpus(LoadCorpus(CorpusRoots(), CorpusBudget()));
  return *corpus;
}

const Corpus& GetDenseCorpus() {
  static const Corpus* corpus = [] {
    const char* env = std::getenv("MAGPIE_BENCH_DENSE_CORPUS");
    const std::string root = env != nullptr && *env != '\0'
                                 ? std::string(env)
                                 : std::string(MAGPIE_SOURCE_DIR) + "/tests/corpus/labelled";
    return new Corpus(LoadCorpus({root}, ~size_t{0}));
  }();
  return *corpus;
}

const rules::RuleSet* BuiltinRules() {
  static const rules::RuleSet* rules = [] {
    const char* file = std::getenv("MAGPIE_BENCH_RULES");
    rules::LoadResult loaded = file != nullptr && *file != '\0' ? rules::LoadRulesFile(file)
                                                                 : rules::LoadBuiltinRules();
    if (!loaded.ok()) {
      for (const rules::RuleProblem& p : loaded.problems) std::cerr << p.ToString() << "\n";
      return static_cast<rules::RuleSet*>(nullptr);
    }
    return new rules::RuleSet(std::move(loaded.rules));
  }();
  return rules;
}

std::shared_ptr<const CompiledRules> CompileOrReport(const rules::RuleSet& rules,
                                                     bool generic) {
  CompileOptions options;
  options.generic_detector = generic;
  // MAGPIE_BENCH_GATE=0: one database of every rule, the scanner before the gate (issue 12),
  // for interleaved before/after runs of one binary.
  const char* gate = std::getenv("MAGPIE_BENCH_GATE");
  options.gate = gate == nullptr || std::string_view(gate) != "0";
  auto result = CompiledRules::Compile(rules, options);
  if (!result.ok()) {
    std::cerr << result.status().message() << "\n";
    return nullptr;
  }
  return *result;
}

void SetThroughput(benchmark::State& state, size_t bytes_per_iteration, size_t findings) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_per_iteration));
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes_per_iteration) / 1e6,
                                              benchmark::Counter::kIsIterationInvariantRate);
  state.counters["findings"] = static_cast<double>(findings);
}

HyperscanDatabase::HyperscanDatabase(hs_database_t* database) : database_(database) {
  if (database_ != nullptr && hs_alloc_scratch(database_, &scratch_) != HS_SUCCESS) {
    scratch_ = nullptr;
  }
}

HyperscanDatabase::~HyperscanDatabase() {
  hs_free_scratch(scratch_);
  hs_free_database(database_);
}

hs_database_t* CompileNeverLiteral() {
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  const std::string literal(kNeverLiteral);
  if (hs_compile(literal.c_str(), 0, HS_MODE_BLOCK, nullptr, &database, &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    return nullptr;
  }
  return database;
}

size_t HyperscanDatabase::Scan(std::string_view data) {
  size_t reports = 0;
  hs_scan(database_, data.data(), static_cast<unsigned int>(data.size()), 0, scratch_,
          [](unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
            ++*static_cast<size_t*>(context);
            return 0;
          },
          &reports);
  return reports;
}

}  // namespace magpie::scanner::bench
