// `magpie staged`: the pre-commit check. Scans each staged file's index content and keeps the
// findings that start on a line the staged change adds. Latency matters more than throughput
// here (it runs on every commit): a typical change is scanned on the calling thread, and the
// parallel driver is used only when the staged bytes are many.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <system_error>

#include "cli/exit_codes.h"
#include "cli/git_commands.h"
#include "cli/scan_run.h"
#include "git/repository_root.h"
#include "pipeline/staged_source.h"
#include "scanner/binary.h"
#include "report/terminal_text.h"

namespace magpie::cli {
namespace {

// Below this many staged bytes, starting worker threads costs more than it saves.
constexpr uint64_t kParallelBytes = uint64_t{4} << 20;

// git runs the pre-commit hook with GIT_INDEX_FILE set. For `git commit -a` and
// `git commit PATH…` it names a temporary index holding what will really be committed, while
// git::ScanStaged reads the repository's own index: checking that one would pass the commit
// unchecked. Returns the other index's path, or "" when GIT_INDEX_FILE is unset or is the
// repository's index (<root>/.git/index, or <gitdir>/index for a linked work tree).
std::string ForeignIndexFile(const std::string& root) {
  const char* env = std::getenv("GIT_INDEX_FILE");
  if (env == nullptr || *env == '\0') return "";
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path git_dir = fs::path(root) / ".git";
  if (fs::is_regular_file(git_dir, ec)) {  // "gitdir: PATH" of a linked work tree
    std::ifstream in(git_dir);
    std::string line;
    std::getline(in, line);
    if (line.rfind("gitdir: ", 0) == 0) {
      const fs::path target = line.substr(8);
      git_dir = target.is_absolute() ? target : fs::path(root) / target;
    }
  }
  const fs::path own = fs::weakly_canonical(git_dir / "index", ec);
  const fs::path given = fs::weakly_canonical(env, ec);
  return !ec && given == own ? "" : std::string(env);
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
  const std::string root = git::FindRepositoryRoot(".");
  if (root.empty()) {
    std::cerr << "magpie: error: not a git repository (or any parent up to /)\n";
    return kExitError;
  }
  if (const std::string index = ForeignIndexFile(root); !index.empty()) {
    std::cerr << "magpie: error: this commit stages its files in a separate index ("
              << report::EscapeControls(index) << ": `git commit -a` or `git commit PATH...`), which magpie staged "
                 "cannot check yet; `git add` the files, then run `git commit` without paths\n";
    return kExitError;
  }
  Result<ScanSettings> settings = ResolveSettings(flags, root);
  if (!settings.ok()) return ReportError(settings.status());
  Result<std::unique_ptr<ScanRun>> run = ScanRun::Prepare(*std::move(settings));
  if (!run.ok()) return ReportError(run.status());

  git::StagedOptions options;
  options.max_blob_size = (*run)->settings().read.max_file_size;
  options.is_binary = (*run)->settings().read.include_binary ? nullptr : &scanner::LooksBinary;
  Result<std::unique_ptr<pipeline::StagedSource>> staged =
      pipeline::StagedSource::Open(".", options, &(*run)->excluder());
  if (!staged.ok()) return ReportError(staged.status());
  if ((*staged)->nothing_staged()) {
    std::cerr << "magpie: nothing staged\n";
    return kExitClean;
  }
  (*run)->Scan(**staged, ScanMode{.serial_below_bytes = kParallelBytes});
  const int code = (*run)->Finish();
  if (code == kExitFindings) PrintWaysOut((*run)->summary().findings);
  return code;
}

}  // namespace magpie::cli
