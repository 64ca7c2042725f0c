// `magpie install-hook [--force]`: installs the pre-commit and pre-merge-commit hooks
// (git/hook_install.h) that run this binary's `magpie staged` before every commit.
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

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
  Result<std::vector<git::HookInstalled>> installed = git::InstallHooks(options);
  if (!installed.ok()) return ReportError(installed.status());
  for (const git::HookInstalled& hook : *installed) {
    if (!hook.backup.empty()) {
      std::cerr << "magpie: moved the existing hook to " << report::EscapeControls(hook.backup)
                << " (--force: it no longer runs)\n";
    }
    if (!hook.chained.empty() && hook.chained_runs) {
      std::cerr << "magpie: the existing hook, now " << report::EscapeControls(hook.chained)
                << ", runs first; its failure stops the commit\n";
    } else if (!hook.chained.empty()) {
      std::cerr << "magpie: the existing hook, now " << report::EscapeControls(hook.chained)
                << ", is not executable: git did not run it and magpie's hook does not either "
                   "(chmod +x it to run it first)\n";
    }
    std::cerr << "magpie: installed " << report::EscapeControls(hook.hook) << " (runs `"
              << report::EscapeControls(options.magpie) << " staged`)\n";
  }
  return kExitClean;
}

}  // namespace magpie::cli
