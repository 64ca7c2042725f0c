#include "cli/scan_context.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/info.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cache/rules_cache.h"
#include "cli/baseline.h"
#include "cli/config.h"
#include "cli/version.h"

namespace magpie::cli {

struct ScanContext::ThreadScanners {
  tbb::enumerable_thread_specific<std::unique_ptr<scanner::Scanner>> scanners;
};

ScanContext::~ScanContext() = default;

std::optional<rules::RuleSet> LoadRulesOrReport(const std::string& rules_file, bool use_cache) {
  Result<rules::RuleSet> loaded = cache::RulesCache::Default(use_cache).LoadRules(rules_file);
  if (!loaded.ok()) {
    for (const std::string& line : loaded.status().Lines()) {
      std::cerr << "magpie: error: " << line << "\n";
    }
    return std::nullopt;
  }
  return std::move(*loaded);
}

namespace {

void PrintProblems(const std::vector<rules::RuleProblem>& problems) {
  for (const rules::RuleProblem& p : problems) {
    std::cerr << "magpie: error: " << p.ToString() << "\n";
  }
}

// Collects the config's excludes, <scan_root>/.magpieignore and --baseline; false after
// printing the problem.
bool LoadSuppression(const CommonFlags& flags, const ConfigFile& config,
                     const std::string& scan_root, PathPatterns* patterns, Suppressor* suppressor,
                     std::string* ignore_path) {
  for (const std::string& pattern : config.exclude) patterns->Add(pattern);
  *ignore_path = (std::filesystem::path(scan_root) / kIgnoreFileName)
                     .lexically_normal()
                     .generic_string();
  IgnoreFileLoad ignore = LoadIgnoreFile(*ignore_path);
  if (!ignore.ok()) {
    std::cerr << "magpie: error: " << ignore.error << "\n";
    return false;
  }
  patterns->Append(ignore.file.patterns);
  for (const std::string& fp : ignore.file.fingerprints) suppressor->Add(fp, kReasonIgnoreFile);
  if (!flags.baseline.empty()) {
    BaselineLoad baseline = LoadBaseline(flags.baseline);
    if (!baseline.ok()) {
      std::cerr << "magpie: error: " << baseline.error << "\n";
      return false;
    }
    for (std::string& fp : baseline.fingerprints) suppressor->Add(std::move(fp), kReasonBaseline);
  }
  return true;
}

}  // namespace

std::unique_ptr<ScanContext> ScanContext::Create(const CommonFlags& flags,
                                                 const std::string& scan_root) {
  std::unique_ptr<ScanContext> ctx(new ScanContext());
  ctx->flags_ = flags;
  ctx->scan_root_ = scan_root.empty() ? "." : scan_root;
  const auto format = report::ParseFormat(flags.format);
  if (!format) {
    std::cerr << "magpie: error: unknown --format '" << flags.format
              << "' (expected text, json, jsonl or sarif)\n";
    return nullptr;
  }
  ctx->format_ = *format;
  std::optional<rules::Confidence> min_confidence = rules::ParseConfidence(flags.min_confidence);
  if (!min_confidence) {
    std::cerr << "magpie: error: unknown --min-confidence '" << flags.min_confidence
              << "' (expected low, medium or high)\n";
    return nullptr;
  }

  // .magpie.yaml: flags given on the command line win over it.
  ConfigFile config;
  ctx->config_file_ = ChooseConfigFile(ctx->scan_root_, flags.config_file, flags.no_config);
  if (!ctx->config_file_.empty()) {
    ConfigLoad loaded = LoadConfigFile(ctx->config_file_);
    if (!loaded.ok()) {
      PrintProblems(loaded.problems);
      return nullptr;
    }
    config = std::move(loaded.config);
  }
  if (!flags.min_confidence_given && config.min_confidence) min_confidence = config.min_confidence;
  const uint64_t max_file_size_mib = !flags.max_file_size_given && config.max_file_size_mib
                                         ? *config.max_file_size_mib
                                         : flags.max_file_size_mib;

  PathPatterns patterns;
  if (!LoadSuppression(flags, config, ctx->scan_root_, &patterns, &ctx->suppressor_,
                       &ctx->ignore_file_path_)) {
    return nullptr;
  }
  ctx->excluder_ = PathExcluder(ctx->scan_root_, std::move(patterns));

  std::optional<rules::RuleSet> rules = LoadRulesOrReport(flags.rules_file, !flags.no_cache);
  if (!rules) return nullptr;
  const bool generic = !flags.no_generic && config.generic.value_or(true);
  RulesWithConfig merged = ApplyConfigRules(std::move(*rules), config, generic);
  if (!merged.ok()) {
    PrintProblems(merged.problems);
    return nullptr;
  }
  ctx->rules_ = std::move(merged.rules);

  scanner::CompileOptions compile_options;
  compile_options.generic_detector = merged.generic_detector;
  compile_options.entropy = config.Entropy(compile_options.entropy);
  auto compiled =
      cache::RulesCache::Default(!flags.no_cache).Compile(ctx->rules_, compile_options);
  if (!compiled.ok()) {
    for (const std::string& line : compiled.status().Lines()) {
      std::cerr << "magpie: error: " << line << "\n";
    }
    return nullptr;
  }
  ctx->compiled_ = std::move(*compiled);
  ctx->scan_options_.min_confidence = *min_confidence;
  ctx->read_options_.max_file_size = max_file_size_mib << 20;
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
  // This thread's scanner now: a scanner that cannot be made at all fails at start-up.
  if (Result<scanner::Scanner*> first = ctx->ThreadScanner(); !first.ok()) {
    std::cerr << "magpie: error: " << first.status().message() << "\n";
    return nullptr;
  }
  return ctx;
}

Result<scanner::Scanner*> ScanContext::ThreadScanner() {
  std::unique_ptr<scanner::Scanner>& slot = scanners_->scanners.local();
  if (!slot) {
    Result<std::unique_ptr<scanner::Scanner>> created =
        scanner::Scanner::Create(compiled_, scan_options_);
    if (!created.ok()) return created.status();
    slot = std::move(*created);
  }
  return slot.get();
}

}  // namespace magpie::cli
