#include "cli/scan_context.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/info.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/db_cache.h"
#include "cli/version.h"

namespace magpie::cli {

struct ScanContext::ThreadScanners {
  tbb::enumerable_thread_specific<std::unique_ptr<scanner::Scanner>> scanners;
};

ScanContext::~ScanContext() = default;

std::optional<rules::RuleSet> LoadRulesOrReport(const std::string& rules_file, bool use_cache) {
  rules::LoadResult loaded = LoadRulesCached(rules_file, use_cache);
  if (!loaded.ok()) {
    for (const rules::RuleProblem& p : loaded.problems) {
      std::cerr << "magpie: error: " << p.ToString() << "\n";
    }
    return std::nullopt;
  }
  return std::move(loaded.rules);
}

std::unique_ptr<ScanContext> ScanContext::Create(const CommonFlags& flags) {
  std::unique_ptr<ScanContext> ctx(new ScanContext());
  ctx->flags_ = flags;
  const auto format = report::ParseFormat(flags.format);
  if (!format) {
    std::cerr << "magpie: error: unknown --format '" << flags.format
              << "' (expected text, json, jsonl or sarif)\n";
    return nullptr;
  }
  ctx->format_ = *format;
  const auto min_confidence = rules::ParseConfidence(flags.min_confidence);
  if (!min_confidence) {
    std::cerr << "magpie: error: unknown --min-confidence '" << flags.min_confidence
              << "' (expected low, medium or high)\n";
    return nullptr;
  }
  std::optional<rules::RuleSet> rules = LoadRulesOrReport(flags.rules_file, !flags.no_cache);
  if (!rules) return nullptr;
  ctx->rules_ = std::move(*rules);

  scanner::CompileOptions compile_options;
  compile_options.generic_detector = !flags.no_generic;
  CacheOutcome outcome = CompileWithCache(ctx->rules_, compile_options, !flags.no_cache);
  if (!outcome.result.ok()) {
    for (const rules::RuleProblem& p : outcome.result.problems) {
      std::cerr << "magpie: error: " << p.ToString() << "\n";
    }
    return nullptr;
  }
  ctx->compiled_ = std::move(outcome.result.compiled);
  ctx->scan_options_.min_confidence = *min_confidence;
  ctx->read_options_.max_file_size = flags.max_file_size_mib << 20;
  ctx->read_options_.include_binary = flags.include_binary;
  ctx->read_options_.follow_symlinks = flags.follow_symlinks;
  ctx->threads_ = flags.jobs > 0 ? flags.jobs : std::max(1, tbb::info::default_concurrency());

  std::ostream* out = &std::cout;
  if (!flags.output.empty()) {
    ctx->file_out_ = std::make_unique<std::ofstream>(flags.output, std::ios::binary | std::ios::trunc);
    if (!*ctx->file_out_) {
      std::cerr << "magpie: error: cannot write --output '" << flags.output << "'\n";
      return nullptr;
    }
    out = ctx->file_out_.get();
  }
  report::ReportOptions report_options;
  report_options.show_secrets = flags.show_secrets;
  report_options.color = flags.output.empty() && !flags.no_color && isatty(STDOUT_FILENO) &&
                         std::getenv("NO_COLOR") == nullptr;
  report_options.tool_version = std::string(Version());
  report_options.rules = &ctx->compiled_->rule_set();
  ctx->reporter_ = report::MakeReporter(ctx->format_, *out, report_options);
  ctx->scanners_ = std::make_unique<ThreadScanners>();
  return ctx;
}

scanner::Scanner& ScanContext::ThreadScanner() {
  std::unique_ptr<scanner::Scanner>& slot = scanners_->scanners.local();
  if (!slot) slot = std::make_unique<scanner::Scanner>(compiled_, scan_options_);
  return *slot;
}

}  // namespace magpie::cli
