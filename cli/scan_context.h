// What every scanning command sets up the same way: the rules (built in or --rules), their
// compiled form (through the on-disk cache), the report sink and the output stream.
#ifndef MAGPIE_CLI_SCAN_CONTEXT_H_
#define MAGPIE_CLI_SCAN_CONTEXT_H_

#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "cli/ignore_file.h"
#include "cli/suppression.h"
#include "report/reporter.h"
#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/file_reader.h"
#include "scanner/scanner.h"

namespace magpie::cli {

// Flags shared by `scan`, `git` and `staged`; defaults are the documented ones.
struct CommonFlags {
  std::string rules_file;  // "" = built-in rules.yaml
  std::string format = "text";
  std::string output;      // "" = stdout
  bool show_secrets = false;
  int jobs = 0;            // 0 = all cores
  uint64_t max_file_size_mib = 50;
  bool include_binary = false;
  bool follow_symlinks = false;
  std::string min_confidence = "low";
  bool no_generic = false;  // disable the generic entropy detector
  bool no_cache = false;    // compile the Hyperscan database, ignore the cache
  bool no_color = false;
  bool quiet = false;       // no summary on stderr
  bool verbose = false;     // every skipped file on stderr
  // Suppression and configuration (docs/suppression.md).
  std::string config_file;  // --config FILE; "" = <root>/.magpie.yaml when it exists
  bool no_config = false;   // ignore .magpie.yaml
  std::string baseline;     // --baseline REPORT: suppress the findings it lists
  bool write_ignore = false;     // add the findings to <root>/.magpieignore, exit 0
  bool show_suppressed = false;  // report suppressed findings too, marked with their reason
  // Settings .magpie.yaml may also set; true when given on the command line, which then wins.
  bool min_confidence_given = false;
  bool max_file_size_given = false;
};

// The exit codes of every command.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

class ScanContext {
 public:
  // Loads the configuration (.magpie.yaml at `scan_root`, or --config), .magpieignore at
  // `scan_root` and --baseline, loads and compiles the rules and opens the output. On failure
  // prints one clear line per problem on stderr and returns null (exit code 2).
  // `scan_root`: the first directory argument for `scan`, the repository root for git modes.
  static std::unique_ptr<ScanContext> Create(const CommonFlags& flags,
                                             const std::string& scan_root = ".");

  const CommonFlags& flags() const { return flags_; }
  std::shared_ptr<const scanner::CompiledRules> compiled() const { return compiled_; }
  scanner::ScanOptions scan_options() const { return scan_options_; }
  scanner::FileReadOptions read_options() const { return read_options_; }
  report::Reporter& reporter() { return *reporter_; }
  report::Format format() const { return format_; }
  int threads() const { return threads_; }
  const std::string& scan_root() const { return scan_root_; }
  // The configuration file in use, "" for none.
  const std::string& config_file() const { return config_file_; }
  // <scan_root>/.magpieignore (whether it exists or not): read at start, --write-ignore target.
  const std::string& ignore_file_path() const { return ignore_file_path_; }
  // Paths left out: the config's `exclude` then the ignore file's patterns. Git modes filter
  // blob paths (relative to the repository root, the scan root there) with
  // ExcludesRootRelative and count them with ResultSink::CountSkipped("excluded").
  const PathExcluder& excluder() const { return excluder_; }
  // Ignore-file and baseline fingerprints; ResultSink applies it.
  const Suppressor& suppressor() const { return suppressor_; }
  // A scanner for the calling thread (one per thread, created on first use); an error when
  // it cannot be made (Scanner::Create). Create has made the creating thread's already.
  Result<scanner::Scanner*> ThreadScanner();

  ~ScanContext();

 private:
  ScanContext() = default;
  CommonFlags flags_;
  rules::RuleSet rules_;
  std::shared_ptr<const scanner::CompiledRules> compiled_;
  scanner::ScanOptions scan_options_;
  scanner::FileReadOptions read_options_;
  report::Format format_ = report::Format::kText;
  std::unique_ptr<std::ofstream> file_out_;
  std::unique_ptr<report::Reporter> reporter_;
  int threads_ = 1;
  std::string scan_root_ = ".";
  std::string config_file_;
  std::string ignore_file_path_;
  PathExcluder excluder_;
  Suppressor suppressor_;
  struct ThreadScanners;
  std::unique_ptr<ThreadScanners> scanners_;
};

// Loads --rules FILE or the built-in set; prints problems on stderr and returns nullopt.
// Goes through the rules cache (cache/rules_cache.h) unless `use_cache` is false.
std::optional<rules::RuleSet> LoadRulesOrReport(const std::string& rules_file,
                                                bool use_cache = true);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_SCAN_CONTEXT_H_
