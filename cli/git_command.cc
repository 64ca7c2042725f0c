// `magpie git [REPO]`: every distinct blob of the history once, with provenance, reported in
// history order, one finding per secret with where it lives now (pipeline/history_group_sink.h).
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/git_commands.h"
#include "cli/scan_run.h"
#include "git/repository_root.h"
#include "pipeline/history_source.h"
#include "pipeline/range_config.h"
#include "scanner/binary.h"
#include "report/terminal_text.h"

namespace magpie::cli {

int RunGit(const CommonFlags& flags, const GitFlags& git_flags) {
  const std::string root = git::FindRepositoryRoot(git_flags.repo);
  if (root.empty()) {
    std::cerr << "magpie: error: not a git repository: '" << report::EscapeControls(git_flags.repo)
              << "'\n";
    return kExitError;
  }
  // In CI (--since BASE) the range is the code under review: its own configuration comes from
  // BASE, and a change to it in the range is a finding (cli/range_config.h).
  std::optional<suppress::ReviewedRepoFiles> reviewed;
  std::vector<pipeline::ItemResult> changes;
  if (!git_flags.since.empty() && !git_flags.trust_range_config && !flags.no_repo_config) {
    Result<suppress::ReviewedRepoFiles> base =
        pipeline::ReadReviewedRepoFiles(root, git_flags.since);
    if (!base.ok()) return ReportError(base.status());
    const std::vector<std::string> heads =
        git_flags.branches.empty() ? std::vector<std::string>{"HEAD"} : git_flags.branches;
    Result<std::vector<pipeline::ItemResult>> changed =
        pipeline::SuppressionChanges(root, *base, heads);
    if (!changed.ok()) return ReportError(changed.status());
    reviewed = *std::move(base);
    changes = *std::move(changed);
  }
  Result<ScanSettings> settings = ResolveSettings(flags, root, reviewed ? &*reviewed : nullptr);
  if (!settings.ok()) return ReportError(settings.status());
  Result<std::unique_ptr<ScanRun>> run = ScanRun::Prepare(*std::move(settings));
  if (!run.ok()) return ReportError(run.status());
  const ScanSettings& s = (*run)->settings();

  git::HistoryOptions options;
  options.refs = git_flags.branches;
  options.since = git_flags.since;
  options.include_unreachable = git_flags.all_objects;
  options.max_blob_size = s.read.max_file_size;
  options.stream_above = s.read.stream_above;
  options.is_binary = s.read.include_binary ? nullptr : &scanner::LooksBinary;
  options.threads = s.threads;
  options.record_introductions = git_flags.all_occurrences;
  Result<std::unique_ptr<pipeline::HistorySource>> history =
      pipeline::HistorySource::Open(git_flags.repo, options, &(*run)->excluder());
  if (!history.ok()) return ReportError(history.status());

  ScanMode mode{.history_order = true};
  mode.history.repo = git_flags.repo;
  // A walk that did not start from every ref has not read every tip's version of a file: look
  // for the secret's bytes there too.
  mode.history.check_unscanned_tips = !git_flags.branches.empty() || !git_flags.since.empty();
  mode.history.max_blob_size = s.read.max_file_size;
  (*run)->Scan(**history, mode);
  for (pipeline::ItemResult& change : changes) (*run)->AddItem(std::move(change));
  if (flags.verbose) {
    std::cerr << "magpie: " << (*history)->commits() << " commits, " << (*history)->size()
              << " distinct blobs; history walk " << (*history)->walk_seconds() << " s\n";
  }
  return (*run)->Finish();
}

}  // namespace magpie::cli
