// `magpie triage BASELINE [--ignore-file FILE]`: review a baseline's findings at the terminal
// (triage/review.h). Exit 0 when the review ended normally (quit or done), 2 on an error: a
// baseline that does not load, no terminal, a verdict that cannot be saved.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "git/repository_root.h"
#include "suppress/ignore_file.h"
#include "suppress/triage_baseline.h"
#include "triage/console.h"
#include "triage/review.h"

namespace magpie::cli {
namespace {

// The ignore file a scan from here would read: at the top of the work tree holding the current
// directory, else in it (fingerprints hold paths relative to that root).
std::string DefaultIgnoreFile() {
  const std::string top = git::FindWorkTreeRoot(".");
  const std::filesystem::path root = top.empty() ? "." : top;
  return (root / suppress::kIgnoreFileName).lexically_normal().generic_string();
}

}  // namespace

int RunTriage(const std::string& baseline_path, const std::string& ignore_file) {
  Result<suppress::TriageBaseline> baseline = suppress::TriageBaseline::Load(baseline_path);
  if (!baseline.ok()) return ReportError(baseline.status());
  Result<std::unique_ptr<triage::RawTerminal>> terminal =
      triage::RawTerminal::Open(STDIN_FILENO, STDOUT_FILENO);
  if (!terminal.ok()) return ReportError(terminal.status());
  triage::ReviewOptions options;
  options.baseline_path = baseline_path;
  options.ignore_path = ignore_file.empty() ? DefaultIgnoreFile() : ignore_file;
  options.date = suppress::TodayUtc();
  Result<triage::ReviewTally> tally = triage::Review(*baseline, **terminal, options);
  terminal->reset();  // the terminal's own mode back before anything else is printed
  return tally.ok() ? kExitClean : kExitError;
}

}  // namespace magpie::cli
