// `magpie staged`: the pre-commit check. Scans each staged file's index content and keeps the
// findings that start on a line the staged change adds. Latency matters more than throughput
// here (it runs on every commit): a typical change is scanned on the calling thread, and the
// parallel driver is used only when the staged bytes are many.
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <string>
#include <system_error>

#include "base/short_run_heap.h"
#include "cli/exit_codes.h"
#include "cli/git_commands.h"
#include "cli/scan_run.h"
#include "git/repository_root.h"
#include "pipeline/staged_source.h"
#include "scanner/binary.h"
#include "report/reporter.h"
#include "report/terminal_text.h"

namespace magpie::cli {
namespace {

// Below this many staged bytes, starting worker threads costs more than it saves.
constexpr uint64_t kParallelBytes = uint64_t{4} << 20;

// The work tree whose .magpie.yaml and .magpieignore apply and to which paths are relative:
// GIT_WORK_TREE when git set it (`git --git-dir=… --work-tree=…`, a bare repository used for a
// home directory), else the repository containing the working directory.
std::string WorkTreeRoot() {
  const char* env = std::getenv("GIT_WORK_TREE");
  if (env != nullptr && *env != '\0') return env;
  return git::FindRepositoryRoot(".");
}

void PrintWaysOut(uint64_t findings) {
  std::cerr
      << "magpie: the staged change adds " << findings << " secret"
      << (findings == 1 ? "" : "s") << " (above); the commit is stopped. Either:\n"
      << "  - remove it: edit the file, `git add` it again (or `git restore --staged FILE` to\n"
      << "    unstage the file), and rotate the credential if it was ever pushed or shared; or\n"
      << "  - mark a false positive: add a `magpie:allow RULE-ID` comment on the line (or on the\n"
      << "    comment line before it), or accept it with `magpie staged --write-ignore` from the\n"
      << "    repository root, which adds its fingerprint to .magpieignore (commit that file).\n"
      << "  See docs/suppression.md. `git commit --no-verify` skips the check (not advised).\n";
}

}  // namespace

int RunStaged(const CommonFlags& flags) {
  // A hook's run is short and allocates ~10 MB once: page faults were most of its CPU time
  // (base/short_run_heap.h, bench/staged_latency.sh).
  PrepareShortRunHeap();
  const std::string root = WorkTreeRoot();
  if (root.empty()) {
    std::cerr << "magpie: error: not a git repository (or any parent up to /)\n";
    return kExitError;
  }
  Result<ScanSettings> settings = ResolveSettings(flags, root);
  if (!settings.ok()) return ReportError(settings.status());

  git::StagedOptions options;
  options.max_blob_size = settings->read.max_file_size;
  options.is_binary = settings->read.include_binary ? nullptr : &scanner::LooksBinary;
  // git runs the hook with GIT_INDEX_FILE naming the index the commit will record: for
  // `git commit -a`, `git commit PATH…`, --only, --include and --amend a temporary one.
  if (const char* index = std::getenv("GIT_INDEX_FILE"); index != nullptr) {
    options.index_file = index;
  }
  options.from_environment = true;
  options.leave_handles_to_exit = true;  // the process exits after the check (staged.h)
  // Reading the index (libgit2's start-up, the index, HEAD's tree) and loading the rules are
  // independent and cost about the same: done at once, a commit waits for the longer one only
  // (bench/staged_latency.sh). Falls back to running it here when no thread can be started.
  std::future<Result<std::unique_ptr<pipeline::StagedSource>>> reading =
      std::async(std::launch::async | std::launch::deferred,
                 [options] { return pipeline::StagedSource::Open(".", options, nullptr); });
  Result<std::unique_ptr<ScanRun>> run = ScanRun::Prepare(*std::move(settings));
  Result<std::unique_ptr<pipeline::StagedSource>> staged = reading.get();
  if (!run.ok()) return ReportError(run.status());
  (*run)->LeaveSessionToExit();
  if (!staged.ok()) return ReportError(staged.status());
  (*staged)->SetExcluder(&(*run)->excluder());
  if ((*staged)->nothing_staged()) {
    if (!flags.quiet) std::cerr << "magpie: nothing staged\n";
    // JSON, JSONL and SARIF stay whole documents (an empty one here), never an empty file.
    if ((*run)->settings().format == report::Format::kText) return kExitClean;
  }
  ScanMode mode;
  mode.serial_below_bytes = kParallelBytes;
  mode.kind = report::ScanKind::kStaged;
  (*run)->Scan(**staged, mode);
  const int code = (*run)->Finish();
  if (code == kExitFindings) PrintWaysOut((*run)->summary().findings);
  return code;
}

}  // namespace magpie::cli
