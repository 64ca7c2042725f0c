// Command-line parsing (CLI11) and dispatch. Exceptions stop here: each becomes one line on
// stderr and exit code 2.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <exception>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/entry.h"
#include "cli/estate_commands.h"
#include "cli/flag_errors.h"
#include "cli/git_commands.h"
#include "base/version.h"

namespace magpie::cli {
namespace {

void AddCommonFlags(CLI::App* app, CommonFlags* f) {
  app->add_option("--rules", f->rules_file, "Rules file replacing the built-in rules.yaml");
  app->add_option("-f,--format", f->format, "Report format: text, json, jsonl, sarif, html")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json", "jsonl", "sarif", "html"}));
  app->add_option("-o,--output", f->output, "Write the report to FILE instead of stdout");
  app->add_flag("--show-secrets", f->show_secrets, "Print secrets in full (redacted by default)");
  app->add_option("-j,--jobs", f->jobs, "Worker threads (default: all cores)")
      ->check(CLI::Validator(
          [](const std::string& value) -> std::string {
            return value.find_first_not_of("0123456789") == std::string::npos && !value.empty() &&
                           value.size() <= 6
                       ? ""
                       : "expected a number of threads (0 = all cores)";
          },
          "N"));
  // Checked as text before CLI11 converts it: a uint64_t accepts "-5" (wrapping to a size no
  // file reaches) and N << 20 overflows for large N; the bounds are .magpie.yaml's.
  app->add_option("--max-file-size", f->max_file_size_mib, "Skip files larger than N MiB")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](const std::string& value) -> std::string {
            const bool digits = !value.empty() && value.size() <= 7 &&
                                value.find_first_not_of("0123456789") == std::string::npos;
            const uint64_t mib = digits ? std::stoull(value) : 0;
            return mib >= 1 && mib <= (uint64_t{1} << 20)
                       ? ""
                       : "expected a whole number of MiB, 1 to 1048576";
          },
          "MiB"))
      ->each([f](const std::string&) { f->max_file_size_given = true; });
  app->add_flag("--include-binary", f->include_binary, "Scan files that look binary");
  app->add_option("--scan-window-kib", f->scan_window_kib,
                  "Scan inputs larger than N KiB window by window (test hook)")
      ->group("");  // hidden
  app->add_flag("--follow-symlinks", f->follow_symlinks, "Follow symbolic links to files");
  app->add_option("--min-confidence", f->min_confidence, "Report findings at least this "
                  "confident: low, medium, high")
      ->capture_default_str()
      ->check(CLI::IsMember({"low", "medium", "high"}))
      ->each([f](const std::string&) { f->min_confidence_given = true; });
  app->add_flag("--no-generic", f->no_generic, "Disable the generic entropy detector");
  app->add_flag("--no-cache", f->no_cache, "Do not use the compiled-database cache");
  app->add_flag("--no-color", f->no_color, "Same as --color=never");
  app->add_option("--color", f->color, "Colours in text output: auto (a terminal, unless "
                  "NO_COLOR is set or TERM=dumb), always, never")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app->add_flag("-q,--quiet", f->quiet, "Print only findings and problems: no summary, "
                "nothing at all when nothing is found");
  app->add_flag("-v,--verbose", f->verbose, "List every skipped file on stderr");
  app->add_flag("--no-progress", f->no_progress,
                "No progress line on stderr (shown on a terminal for scans over a second)");
  // Suppression and configuration (docs/suppression.md).
  app->add_option("--config", f->config_file,
                  "Configuration file instead of .magpie.yaml at the scan root");
  app->add_flag("--no-config", f->no_config, "Ignore .magpie.yaml");
  app->add_flag("--no-repo-config", f->no_repo_config,
                "Ignore .magpie.yaml and .magpieignore found in the scanned tree (CI hardening; "
                "--config FILE still applies)");
  app->add_flag("--no-inline-allow", f->no_inline_allow,
                "Inline markers (magpie:allow, gitleaks:allow, pragma: allowlist secret) "
                "suppress nothing");
  app->add_option("--baseline", f->baseline,
                  "Report only findings not in this earlier report (magpie -f json/jsonl/sarif)");
  app->add_flag("--write-ignore", f->write_ignore,
                "Add the current findings to .magpieignore (accept them) and exit 0");
  app->add_flag("--show-suppressed", f->show_suppressed,
                "Also report suppressed findings, marked with the reason");
}

// `magpie git` and `magpie estate` (cli/scan_store_flag.h).
void AddStoreFlags(CLI::App* app, StoreFlags* f) {
  app->add_option("--store", f->path,
                  "Scan store: skip blobs an earlier run found clean with the same rules "
                  "(default: store/scans.sqlite in the cache directory)");
  app->add_flag("--no-store", f->disabled,
                "Scan every blob; neither read nor update the scan store");
}

void AddShardFlags(CLI::App* app, ShardFlags* f) {
  app->add_option("--shard", f->shard,
                  "Scan shard I of N (0-based; by blob id), for `magpie merge`; default: from "
                  "SLURM_ARRAY_TASK_ID/COUNT or JOB_COMPLETION_INDEX when set")
      ->check(CLI::Validator(CheckShardFlag, "I/N"));
  app->add_option("--shard-count", f->shard_count,
                  "The number of shards with JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs; "
                  "else MAGPIE_SHARD_COUNT)");
}

int Dispatch(int argc, char** argv) {
  CLI::App app{"magpie: find credentials in files and git history before they leak.\n"
               "Exit codes: 0 no findings, 1 findings, 2 error.",
               "magpie"};
  app.set_version_flag("--version", std::string(Version()));
  app.require_subcommand(0, 1);

  CommonFlags scan_flags;
  std::vector<std::string> paths;
  CLI::App* scan = app.add_subcommand("scan", "Scan files and directories (default: .)");
  AddCommonFlags(scan, &scan_flags);
  scan->add_option("paths", paths, "Files or directories; - reads stdin");

  CLI::App* rules = app.add_subcommand("rules", "List or check the rules");
  rules->require_subcommand(1);
  std::string rules_file;
  std::string list_format = "table";
  bool check_no_cache = false;
  CLI::App* list = rules->add_subcommand("list", "Print every rule");
  list->add_option("--rules", rules_file, "Rules file instead of the built-in one");
  list->add_option("--format", list_format, "table or ids")->capture_default_str();
  CLI::App* check = rules->add_subcommand(
      "check", "Run every example and negative example through the compiled scanner");
  check->add_option("--rules", rules_file, "Rules file instead of the built-in one");
  check->add_flag("--no-cache", check_no_cache, "Compile without the database cache");
  bool require_remediation = false;
  check->add_flag("--require-remediation", require_remediation,
                  "Also fail a --rules file's rules without a remediation (built-in ones always need one)");

  CommonFlags git_common;
  GitFlags git_flags;
  CLI::App* git = app.add_subcommand(
      "git", "Scan every distinct blob of a repository's history once (submodules not recursed)");
  AddCommonFlags(git, &git_common);
  git->add_option("repo", git_flags.repo, "Work tree, .git directory or bare repository")
      ->capture_default_str();
  git->add_option("--since", git_flags.since,
                  "Skip commits reachable from REV (e.g. the pull request's base)");
  git->add_option("--branch", git_flags.branches,
                  "Start from these refs instead of every ref (repeatable)");
  git->add_flag("--trust-range-config", git_flags.trust_range_config,
                "With --since: use the work tree's .magpie.yaml/.magpieignore and accept changes "
                "to them in the range (default: BASE's; a change is a finding)");
  git->add_option("--replacements", git_flags.replacements,
                  "Write the secrets found, in full, to a new FILE (mode 0600) in "
                  "git-filter-repo's --replace-text format (docs/remediation.md)");
  git->add_option("--paths-to-remove", git_flags.paths_to_remove,
                  "Write the sensitive files' paths to a new FILE, for git filter-repo "
                  "--invert-paths --paths-from-file");
  git->add_flag("--all-objects", git_flags.all_objects,
                "Also scan unreachable blobs (dangling, reflog-only)");
  AddShardFlags(git, &git_flags.shard);
  git->add_flag("--all-occurrences", git_flags.all_occurrences,
                "List every (commit, path) where each secret was introduced, for forensics "
                "(default: the first and last commit and counts)");
  AddStoreFlags(git, &git_flags.store);
  git->add_flag("--no-delta", git_flags.no_delta,
                "Scan every blob version whole, also when MAGPIE_DELTA=on asks to scan only "
                "what its pack delta changed (the default; same findings)");

  CommonFlags staged_common;
  CLI::App* staged = app.add_subcommand(
      "staged", "Pre-commit check: scan the lines the staged change adds (exit 1 blocks)");
  AddCommonFlags(staged, &staged_common);

  MergeFlags merge_flags;
  CLI::App* merge = app.add_subcommand(
      "merge", "Combine the JSON or SARIF reports of a split scan (--shard) into one");
  merge->add_option("reports", merge_flags.reports, "Shard reports, all JSON or all SARIF")
      ->required();
  merge->add_option("-o,--output", merge_flags.output, "Write the merged report to FILE");
  merge->add_flag("-q,--quiet", merge_flags.quiet, "No summary line on stderr");

  CommonFlags estate_common;
  EstateFlags estate_flags;
  CLI::App* estate = app.add_subcommand(
      "estate", "Scan the history of every repository listed in a file, into one report");
  AddCommonFlags(estate, &estate_common);
  estate->add_option("repos", estate_flags.repos_file,
                     "File listing repositories (paths or mirrors), one per line; # comments")
      ->required();
  AddShardFlags(estate, &estate_flags.shard);
  AddStoreFlags(estate, &estate_flags.store);
  estate->add_option("--split-above-mib", estate_flags.split_above_mib,
                     "With shards: split repositories whose packs exceed N MiB by blob over "
                     "every shard (smaller ones go whole to one shard)")
      ->capture_default_str();

  StoreFlags store_flags;
  uint64_t gc_max_age_days = 30;
  CLI::App* store = app.add_subcommand("store", "Maintain the scan store of `magpie git`");
  store->require_subcommand(1);
  CLI::App* store_gc = store->add_subcommand(
      "gc", "Drop what other builds of magpie recorded and what was not used for --max-age-days, "
            "then compact the store");
  store_gc->add_option("--store", store_flags.path, "The store (default: the cache directory's)");
  store_gc->add_option("--max-age-days", gc_max_age_days,
                       "Drop the entries of rules and settings not used for N days")
      ->capture_default_str();

  bool hook_force = false;
  CLI::App* install_hook = app.add_subcommand(
      "install-hook",
      "Write the pre-commit and pre-merge-commit hooks running `magpie staged` (an existing "
      "hook is chained: it runs first)");
  install_hook->add_flag("--force", hook_force,
                         "Replace a hook that is not magpie's instead of chaining it");

  std::string triage_baseline;
  std::string triage_ignore_file;
  CLI::App* triage = app.add_subcommand(
      "triage",
      "Review a baseline's findings one by one at the terminal: real (stays in the baseline, "
      "confirmed), false positive (to .magpieignore with the reason) or skip; resumes where "
      "it stopped");
  triage->add_option("baseline", triage_baseline, "A report written with -f json")->required();
  triage->add_option("--ignore-file", triage_ignore_file,
                     "Where false positives go (default: .magpieignore at the top of the work "
                     "tree)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e) == 0 ? kExitClean : kExitError;
  } catch (const CLI::ParseError& e) {
    std::cerr << FlagErrorLine(app, e) << "\n";  // flag_errors.h
    return kExitError;
  }
  if (list->parsed()) return RunRulesList(rules_file, list_format);
  if (check->parsed()) return RunRulesCheck(rules_file, check_no_cache, require_remediation);
  if (scan->parsed()) return RunScan(scan_flags, paths);
  if (git->parsed()) return RunGit(git_common, git_flags);
  if (staged->parsed()) return RunStaged(staged_common);
  if (merge->parsed()) return RunMerge(merge_flags);
  if (estate->parsed()) return RunEstate(estate_common, estate_flags);
  if (store_gc->parsed()) return RunStoreGc(store_flags, gc_max_age_days);
  if (install_hook->parsed()) return RunInstallHook(hook_force);
  if (triage->parsed()) return RunTriage(triage_baseline, triage_ignore_file);
  // No subcommand: scan the current directory with the defaults.
  return RunScan(CommonFlags{}, {});
}

}  // namespace

int Main(int argc, char** argv) {
  try {
    return Dispatch(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "magpie: error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "magpie: error: unexpected failure\n";
  }
  return kExitError;
}

}  // namespace magpie::cli
