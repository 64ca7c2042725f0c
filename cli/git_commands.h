// The git subcommands: `magpie git` (history), `magpie staged` (pre-commit) and
// `magpie install-hook`. Each returns the process exit code (kExitClean, kExitFindings,
// kExitError) and never throws. Submodules are not recursed: a gitlink is counted as skipped.
#ifndef MAGPIE_CLI_GIT_COMMANDS_H_
#define MAGPIE_CLI_GIT_COMMANDS_H_

#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/scan_store_flag.h"
#include "cli/settings.h"
#include "cli/shard_flag.h"
#include "pipeline/history_source.h"

namespace magpie::cli {

struct GitFlags {
  std::string repo = ".";             // work tree (or any directory in it), .git dir, bare repo
  std::string since;                  // --since REV: skip commits reachable from REV
  // --no-delta (or MAGPIE_DELTA=off): scan every blob whole, not by what its pack delta
  // changed (issue 13); the escape hatch and the equivalence tests' reference.
  bool no_delta = false;
  std::vector<std::string> branches;  // --branch REF…: start from these instead of every ref
  bool all_objects = false;           // --all-objects: unreachable blobs too
  bool all_occurrences = false;       // --all-occurrences: every (commit, path) per finding
  // --trust-range-config: with --since, take .magpie.yaml and .magpieignore from the work tree
  // and accept changes to them inside the range (default: from BASE, changes are findings).
  bool trust_range_config = false;
  ShardFlags shard;  // --shard I/N, --shard-count N (cli/shard_flag.h)
  // --replacements FILE: the secrets found, in full, in git-filter-repo's --replace-text format;
  // --paths-to-remove FILE: the sensitive files' paths, for --invert-paths --paths-from-file.
  // Each is a new file (mode 0600; an existing file or a link is refused) (issue 15).
  std::string replacements;
  std::string paths_to_remove;
  StoreFlags store;  // --store PATH, --no-store (cli/scan_store_flag.h, issue 13)
};

// `magpie git [REPO]`: every distinct blob of the history once, with provenance; one finding
// per (rule, secret, path) with the branches and tags that still hold it
// (pipeline/history_group_sink.h). Findings are reported sorted by (path, first commit time,
// commit, blob, offset), so the report does not depend on how the repository is packed.
int RunGit(const CommonFlags& flags, const GitFlags& git_flags);

// The history walk's options that come from the scan settings (sizes, binary test, threads).
git::HistoryOptions HistoryOptionsFor(const ScanSettings& settings);

// What a shard loads from a history: the blobs of its share, nothing else. Empty for the whole
// scan. Shared by `magpie git` and `magpie estate`.
pipeline::BlobSelector ShardSelector(const pipeline::Shard& shard);
// Makes `settings` write a shard's report: the shard named in it, and what `magpie merge`
// needs to put the shards together (pipeline::ReportSinkOptions::suppressed_for_merge).
void SetShardReport(const pipeline::Shard& shard, ScanSettings* settings);

// `magpie staged`: the index content of each staged file, findings on added lines only.
// Nothing staged: says so on stderr, exit 0. Findings: exit 1 and how to get past them.
int RunStaged(const CommonFlags& flags);

// `magpie install-hook [--force]`: writes the pre-commit and pre-merge-commit hooks
// (git/hook_install.h: core.hooksPath, work trees, submodules honoured; foreign hooks chained).
int RunInstallHook(bool force);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_GIT_COMMANDS_H_
