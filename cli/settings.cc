#include "cli/settings.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>

#include "base/version.h"
#include "git/web_url.h"
#include "suppress/ignore_file.h"
#include "suppress/repo_config.h"

namespace magpie::cli {

int DefaultThreads() {
  // The CPUs this process may run on (taskset, a container's cpuset), which is what TBB's
  // default concurrency counts too. Not tbb::info::default_concurrency(): it first probes the
  // NUMA topology (a dlopen of tbbbind and hwloc), ~0.7 ms of every run, a pre-commit hook's
  // included (bench/staged_latency.sh, issue 11).
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  if (sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) > 0) {
    return CPU_COUNT(&cpus);
  }
  // More CPUs than a cpu_set_t holds (1,024), or no answer: all of them.
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

std::optional<bool> ResolveColor(const std::string& color, bool no_color, bool stdout_is_tty) {
  if (color != "auto" && color != "always" && color != "never") return std::nullopt;
  if (no_color || color == "never") return false;
  if (color == "always") return true;
  const char* no_color_env = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return stdout_is_tty && (no_color_env == nullptr || *no_color_env == '\0') &&
         (term == nullptr || std::string_view(term) != "dumb");
}

Result<ScanSettings> ResolveSettings(const CommonFlags& flags, const std::string& scan_root,
                                     const suppress::ReviewedRepoFiles* reviewed) {
  ScanSettings s;
  s.scan_root = scan_root.empty() ? "." : scan_root;
  const std::optional<report::Format> format = report::ParseFormat(flags.format);
  if (!format) {
    return InvalidArgument("unknown --format '" + flags.format +
                           "' (expected text, json, jsonl, sarif or html)");
  }
  s.format = *format;
  std::optional<rules::Confidence> min_confidence = rules::ParseConfidence(flags.min_confidence);
  if (!min_confidence) {
    return InvalidArgument("unknown --min-confidence '" + flags.min_confidence +
                           "' (expected low, medium or high)");
  }

  // .magpie.yaml: flags given on the command line win over it.
  suppress::ConfigFile config;
  const bool use_reviewed = reviewed != nullptr && !flags.no_repo_config && !flags.no_config &&
                            flags.config_file.empty();
  s.config_file = flags.no_repo_config && !flags.no_config
                      ? flags.config_file  // only what the user names, nothing from the tree
                      : suppress::ChooseConfigFile(s.scan_root, flags.config_file,
                                                   flags.no_config);
  if (use_reviewed) {
    s.config_file.clear();
    if (reviewed->config_text) {
      s.config_file = reviewed->revision + ":" + std::string(suppress::kConfigFileName);
      Result<suppress::ConfigFile> parsed =
          suppress::ParseConfig(*reviewed->config_text, s.config_file);
      if (!parsed.ok()) return parsed.status();
      config = *std::move(parsed);
    }
  } else if (!s.config_file.empty()) {
    Result<suppress::ConfigFile> loaded =
        suppress::LoadConfigFile(s.config_file, /*found_in_tree=*/flags.config_file.empty());
    if (!loaded.ok()) return loaded.status();
    config = *std::move(loaded);
  }
  if (!flags.min_confidence_given && config.min_confidence) min_confidence = config.min_confidence;
  const uint64_t max_file_size_mib = !flags.max_file_size_given && config.max_file_size_mib
                                         ? *config.max_file_size_mib
                                         : flags.max_file_size_mib;

  s.ignore_file = (std::filesystem::path(s.scan_root) / suppress::kIgnoreFileName)
                      .lexically_normal()
                      .generic_string();
  s.suppression.scan_root = s.scan_root;
  s.suppression.exclude = config.exclude;
  s.suppression.ignore_file = flags.no_repo_config ? "" : s.ignore_file;
  if (reviewed != nullptr && !flags.no_repo_config) {
    s.suppression.ignore_text = reviewed->ignore_text.value_or("");
  }
  s.suppression.baseline = flags.baseline;

  s.session.rules_file = flags.rules_file;
  s.session.use_cache = !flags.no_cache;
  s.session.generic_detector = !flags.no_generic && config.generic.value_or(true);
  s.session.scan.min_confidence = *min_confidence;
  s.session.config = std::move(config);

  s.read.max_file_size = max_file_size_mib << 20;
  s.read.include_binary = flags.include_binary;
  if (flags.scan_window_kib > 0) s.session.stream.window = flags.scan_window_kib << 10;
  s.read.stream_above = s.session.stream.window;
  s.session.stream.skip_binary = !flags.include_binary;
  s.read.follow_symlinks = flags.follow_symlinks;
  s.threads = flags.jobs > 0 ? flags.jobs : DefaultThreads();

  s.output = flags.output;
  s.report.show_secrets = flags.show_secrets;
  const std::optional<bool> color =
      ResolveColor(flags.color, flags.no_color, flags.output.empty() && isatty(STDOUT_FILENO));
  if (!color) {
    return InvalidArgument("unknown --color '" + flags.color +
                           "' (expected auto, always or never)");
  }
  s.report.color = *color;
  s.report.quiet = flags.quiet;
  const char* term = std::getenv("TERM");
  s.progress = !flags.no_progress && !flags.quiet && isatty(STDERR_FILENO) &&
               (term == nullptr || std::string_view(term) != "dumb");
  s.report.tool_version = std::string(Version());
  if (s.format == report::Format::kHtml) {  // links to the repository's web host, if known
    const git::WebUrls urls = git::OriginWebUrls(s.scan_root);
    s.report.web_links = {urls.commit, urls.blob};
  }

  s.sink.verbose = flags.verbose;
  s.sink.quiet = flags.quiet;
  s.sink.show_suppressed = flags.show_suppressed;
  s.sink.list_inline_suppressed = s.format != report::Format::kText;
  s.sink.config_file = s.config_file;
  s.write_ignore = flags.write_ignore;
  s.inline_allows = !flags.no_inline_allow;
  return s;
}

}  // namespace magpie::cli
