// `magpie git [REPO]`: every distinct blob of the history once, with provenance, reported in
// history order with "still present at HEAD" (pipeline/head_presence_sink.h).
#include <iostream>
#include <string>

#include "cli/exit_codes.h"
#include "cli/git_commands.h"
#include "cli/scan_run.h"
#include "git/repository_root.h"
#include "pipeline/history_source.h"
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
  Result<ScanSettings> settings = ResolveSettings(flags, root);
  if (!settings.ok()) return ReportError(settings.status());
  Result<std::unique_ptr<ScanRun>> run = ScanRun::Prepare(*std::move(settings));
  if (!run.ok()) return ReportError(run.status());
  const ScanSettings& s = (*run)->settings();

  git::HistoryOptions options;
  options.refs = git_flags.branches;
  options.since = git_flags.since;
  options.include_unreachable = git_flags.all_objects;
  options.max_blob_size = s.read.max_file_size;
  options.is_binary = s.read.include_binary ? nullptr : &scanner::LooksBinary;
  options.threads = s.threads;
  Result<std::unique_ptr<pipeline::HistorySource>> history =
      pipeline::HistorySource::Open(git_flags.repo, options, &(*run)->excluder());
  if (!history.ok()) return ReportError(history.status());

  (*run)->Scan(**history, ScanMode{.history_order = true});
  if (flags.verbose) {
    std::cerr << "magpie: " << (*history)->commits() << " commits, " << (*history)->size()
              << " distinct blobs; history walk " << (*history)->walk_seconds() << " s\n";
  }
  return (*run)->Finish();
}

}  // namespace magpie::cli
