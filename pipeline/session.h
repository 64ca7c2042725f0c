// A ScanSession is everything a scan needs that is built once from the settings: the rule set
// (built in or --rules, plus the configuration's rules, minus its disabled ones), its compiled
// form (through the on-disk cache), and one Scanner per worker thread.
//
// Usage:
//   auto session = ScanSession::Create(options);
//   if (!session.ok()) { print session.status(); exit 2; }
//   Drive(source, **session, sink, drive_options);
//
// Thread safety: Create on one thread; then ThreadScanner() may be called from any thread and
// returns that thread's own Scanner (scanners are never shared).
#ifndef MAGPIE_PIPELINE_SESSION_H_
#define MAGPIE_PIPELINE_SESSION_H_

#include <memory>
#include <mutex>
#include <string>

#include "base/status.h"
#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/path_rules.h"
#include "scanner/scanner.h"
#include "scanner/stream_scan.h"
#include "suppress/repo_config.h"

namespace magpie::pipeline {

struct SessionOptions {
  std::string rules_file;           // "" = the built-in rules.yaml
  bool use_cache = true;            // the parsed-rules and compiled-database caches
  suppress::ConfigFile config;      // its rules, disabled ids and entropy thresholds
  bool generic_detector = true;     // before the configuration's `disable`
  scanner::ScanOptions scan;        // min_confidence, decoding depth, chunking
  scanner::StreamScanOptions stream;  // window and binary policy for items too large to hold
};

class ScanSession {
 public:
  // Loads, merges and compiles the rules. Errors: the rules or the configuration's rules do not
  // load or compile (one line per problem).
  static Result<std::unique_ptr<ScanSession>> Create(const SessionOptions& options);
  ~ScanSession();
  ScanSession(const ScanSession&) = delete;
  ScanSession& operator=(const ScanSession&) = delete;

  const scanner::CompiledRules& compiled() const { return *compiled_; }
  // The calling thread's scanner, created on first use. Errors: the scanner's scratch space
  // could not be allocated.
  Result<scanner::Scanner*> ThreadScanner();
  const scanner::StreamScanOptions& stream_options() const { return stream_options_; }
  // The rules matched on paths (sensitive files, dotenv values): shared by every thread.
  const scanner::PathRules& path_rules() const { return path_rules_; }
  const scanner::ScanOptions& scan_options() const { return scan_options_; }
  // scanner::MatchReach of the compiled rules, computed on first use (thread-safe).
  uint64_t match_reach() const;

 private:
  ScanSession() = default;
  std::shared_ptr<const scanner::CompiledRules> compiled_;
  scanner::PathRules path_rules_;
  scanner::ScanOptions scan_options_;
  scanner::StreamScanOptions stream_options_;
  struct ThreadScanners;
  std::unique_ptr<ThreadScanners> scanners_;
  mutable std::once_flag reach_once_;
  mutable uint64_t reach_ = 0;
};

// Loads --rules FILE (or the built-in rules when `rules_file` is empty), through the rules
// cache unless `use_cache` is false. Errors: one line per problem. Without `with_examples`
// the rules' examples may be left out (a scan does not run them; `rules check` does).
Result<rules::RuleSet> LoadRules(const std::string& rules_file, bool use_cache,
                                 bool with_examples = true);
// Compiles `rules`, through the compiled-database cache unless `use_cache` is false.
// Errors: one line per pattern Hyperscan or RE2 refused.
Result<std::shared_ptr<const scanner::CompiledRules>> CompileRules(
    const rules::RuleSet& rules, const scanner::CompileOptions& options, bool use_cache);

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_SESSION_H_
