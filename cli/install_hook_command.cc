// `magpie install-hook [--force]`: installs the pre-commit hook (git/hook_install.h) that runs
// this binary's `magpie staged` before every commit.
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>

#include "cli/git_commands.h"
#include "git/hook_install.h"
#include "report/terminal_text.h"

namespace magpie::cli {

int RunInstallHook(bool force) {
  // The running executable, so that the hook does not depend on PATH.
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  git::HookInstallOptions options;
  options.magpie = ec ? "magpie" : self.string();
  options.force = force;
  Result<git::HookInstalled> installed = git::InstallPreCommitHook(options);
  if (!installed.ok()) return ReportError(installed.status());
  if (!installed->backup.empty()) {
    std::cerr << "magpie: moved the existing hook to "
              << report::EscapeControls(installed->backup) << "\n";
  }
  std::cerr << "magpie: installed " << report::EscapeControls(installed->hook) << " (runs `"
            << report::EscapeControls(options.magpie) << " staged` before each commit)\n";
  return kExitClean;
}

}  // namespace magpie::cli
