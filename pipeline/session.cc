#include "pipeline/session.h"

#include <tbb/enumerable_thread_specific.h>

#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

#include "base/fault_injection.h"
#include "cache/rules_cache.h"
#include "scanner/region_scan.h"

namespace magpie::pipeline {

// The thread that created the session has a plain slot; other threads share a TBB
// thread-specific table, built when the first of them asks. A scan of a few files (the staged
// check) runs on the creating thread alone, and TBB's table costs ~1.5 ms of CPU to set up
// (its allocator loads and initialises libtbbmalloc): bench/staged_latency.sh.
struct ScanSession::ThreadScanners {
  std::thread::id creator = std::this_thread::get_id();
  std::unique_ptr<scanner::Scanner> creator_scanner;  // touched by `creator` only
  std::once_flag others_once;
  std::unique_ptr<tbb::enumerable_thread_specific<std::unique_ptr<scanner::Scanner>>> others;

  std::unique_ptr<scanner::Scanner>& Slot() {
    if (std::this_thread::get_id() == creator) return creator_scanner;
    std::call_once(others_once, [this] {
      others = std::make_unique<
          tbb::enumerable_thread_specific<std::unique_ptr<scanner::Scanner>>>();
    });
    return others->local();
  }
};

ScanSession::~ScanSession() = default;

Result<rules::RuleSet> LoadRules(const std::string& rules_file, bool use_cache,
                                 bool with_examples) {
  rules::DecodeOptions decode;
  decode.examples = with_examples;
  return cache::RulesCache::Default(use_cache).LoadRules(rules_file, decode);
}

Result<std::shared_ptr<const scanner::CompiledRules>> CompileRules(
    const rules::RuleSet& rules, const scanner::CompileOptions& options, bool use_cache) {
  return cache::RulesCache::Default(use_cache).Compile(rules, options);
}

Result<std::unique_ptr<ScanSession>> ScanSession::Create(const SessionOptions& options) {
  // A scan runs no rule's examples: not decoding them is ~5% of a hook's run (issue 11).
  Result<rules::RuleSet> loaded =
      LoadRules(options.rules_file, options.use_cache, /*with_examples=*/false);
  if (!loaded.ok()) return loaded.status();
  Result<suppress::RulesWithConfig> merged =
      suppress::ApplyConfigRules(*std::move(loaded), options.config, options.generic_detector);
  if (!merged.ok()) return merged.status();

  scanner::CompileOptions compile_options;
  compile_options.generic_detector = merged->generic_detector;
  compile_options.entropy = options.config.Entropy(compile_options.entropy);
  Result<std::shared_ptr<const scanner::CompiledRules>> compiled =
      CompileRules(merged->rules, compile_options, options.use_cache);
  if (!compiled.ok()) return compiled.status();

  Result<scanner::PathRules> path_rules = scanner::PathRules::Compile((*compiled)->rule_set());
  if (!path_rules.ok()) return path_rules.status();

  std::unique_ptr<ScanSession> session(new ScanSession());
  session->compiled_ = *std::move(compiled);
  session->path_rules_ = *std::move(path_rules);
  session->scan_options_ = options.scan;
  session->stream_options_ = options.stream;
  session->scanners_ = std::make_unique<ThreadScanners>();
  return session;
}

uint64_t ScanSession::match_reach() const {
  std::call_once(reach_once_, [this] { reach_ = scanner::MatchReach(*compiled_); });
  return reach_;
}

Result<scanner::Scanner*> ScanSession::ThreadScanner() {
  std::unique_ptr<scanner::Scanner>& slot = scanners_->Slot();
  if (!slot) {
    if (fault::Injected(fault::Point::kScannerSetup) != 0) {
      throw std::runtime_error("injected fault: worker setup failed");
    }
    Result<std::unique_ptr<scanner::Scanner>> created =
        scanner::Scanner::Create(compiled_, scan_options_);
    if (!created.ok()) return created.status();
    slot = *std::move(created);
  }
  return slot.get();
}

}  // namespace magpie::pipeline
