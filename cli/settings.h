// Flags → settings: every default and the .magpie.yaml merge resolved in one place, into a
// plain ScanSettings value that the commands wire into the pipeline. Testable without
// running a scan (tests/cli/settings_test.cc).
#ifndef MAGPIE_CLI_SETTINGS_H_
#define MAGPIE_CLI_SETTINGS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"
#include "pipeline/report_sink.h"
#include "pipeline/session.h"
#include "report/reporter.h"
#include "scanner/file_reader.h"
#include "suppress/repo_config.h"
#include "suppress/suppression.h"

namespace magpie::cli {

// Flags shared by `scan`, `git` and `staged`, as parsed; defaults are the documented ones.
struct CommonFlags {
  std::string rules_file;  // "" = built-in rules.yaml
  std::string format = "text";
  std::string output;      // "" = stdout
  bool show_secrets = false;
  int jobs = 0;            // 0 = all cores
  uint64_t max_file_size_mib = 50;
  bool include_binary = false;
  // Inputs larger than this many KiB are scanned window by window (0: the default 64 MiB).
  // A test hook (hidden flag --scan-window-kib), so that tests need no huge files.
  uint64_t scan_window_kib = 0;
  bool follow_symlinks = false;
  std::string min_confidence = "low";
  bool no_generic = false;  // disable the generic entropy detector
  bool no_cache = false;    // compile the Hyperscan database, ignore the cache
  bool no_color = false;          // same as --color=never
  std::string color = "auto";     // --color: auto (stdout a terminal, TERM not dumb, no
                                  // NO_COLOR), always, never
  bool quiet = false;       // only findings and problems: no summary, no "No secrets found."
  bool verbose = false;     // every skipped file on stderr
  bool no_progress = false;  // no progress line on stderr, even on a terminal
  // Suppression and configuration (docs/suppression.md).
  std::string config_file;  // --config FILE; "" = <root>/.magpie.yaml when it exists
  bool no_config = false;   // ignore .magpie.yaml
  // Ignore every configuration file found in the scanned tree (.magpie.yaml, .magpieignore);
  // --config FILE still applies. For CI, where the tree is the code under review.
  bool no_repo_config = false;
  bool no_inline_allow = false;  // inline allow markers suppress nothing
  std::string baseline;     // --baseline REPORT: suppress the findings it lists
  bool write_ignore = false;     // add the findings to <root>/.magpieignore, exit 0
  bool show_suppressed = false;  // report suppressed findings too, marked with their reason
  // Settings .magpie.yaml may also set; true when given on the command line, which then wins.
  bool min_confidence_given = false;
  bool max_file_size_given = false;
};

// Everything a scanning command needs, resolved.
struct ScanSettings {
  // Where .magpie.yaml and .magpieignore are looked for and patterns are relative to: the first
  // directory argument for `scan`, the repository root for the git commands.
  std::string scan_root = ".";
  std::string config_file;   // the configuration in use, "" for none
  std::string ignore_file;   // <scan_root>/.magpieignore (read at start, --write-ignore target)
  report::Format format = report::Format::kText;
  std::string output;        // "" = stdout
  report::ReportOptions report;  // show_secrets, color (tool_version and rules set later)
  int threads = 1;
  scanner::FileReadOptions read;      // also the git blob size and binary policy
  pipeline::SessionOptions session;   // rules, config rules, generic detector, min confidence
  suppress::SuppressionOptions suppression;
  pipeline::ReportSinkOptions sink;
  bool write_ignore = false;
  bool inline_allows = true;  // honour magpie:allow and the other inline markers
  bool progress = false;      // a progress line on stderr: a terminal, not -q/--no-progress
};


// Resolves `flags` for a scan rooted at `scan_root`, reading the configuration file when one is
// in use (flags given on the command line win over it). With `reviewed`, the repository's
// .magpie.yaml and .magpieignore come from it instead of the tree (unless --config,
// --no-config or --no-repo-config say otherwise). Errors: an unknown --format or
// --min-confidence, a configuration file that does not load.
// --color as resolved: "always" and "never" win over the environment; "auto" colours only a
// terminal (`stdout_is_tty`, TERM not "dumb") when NO_COLOR is unset or empty (no-color.org).
// nullopt for another value.
std::optional<bool> ResolveColor(const std::string& color, bool no_color, bool stdout_is_tty);

// The worker threads without --jobs: the CPUs this process may run on (its affinity mask, as
// TBB counts them), at least 1.
int DefaultThreads();

Result<ScanSettings> ResolveSettings(const CommonFlags& flags, const std::string& scan_root,
                                     const suppress::ReviewedRepoFiles* reviewed = nullptr);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_SETTINGS_H_
