// The git hooks that run `magpie staged`, and their installation.
//
// Two hooks are installed: pre-commit (every commit, including the one that concludes a
// conflicted merge) and pre-merge-commit (a merge that git commits by itself because it merged
// cleanly). Both run `magpie staged`, which reads the index git is about to commit.
//
// A hook that is already there and is not magpie's is chained, not replaced: it is renamed to
// <hook>.magpie-chained and magpie's hook runs it first, stopping with its exit status when it
// fails; magpie runs only after it passed. A chained hook that is not executable is not run,
// as git would not run it. A hook that finds its work by its own file name ($0: husky's) is
// refused, since under another name it would pass without checking. With `force` it is
// replaced instead (kept as <hook>.magpie-backup, never run).
//
// The hooks fail closed: when magpie cannot be found or cannot check the change (exit 2), the
// commit is stopped with a message saying how to fix it.
// Thread safety: plain functions; installation runs `git rev-parse` in the working directory.
#ifndef MAGPIE_GIT_HOOK_INSTALL_H_
#define MAGPIE_GIT_HOOK_INSTALL_H_

#include <string>
#include <vector>

#include "base/status.h"

namespace magpie::git {

// The hooks `InstallHooks` writes, in order.
inline constexpr const char* kHookNames[] = {"pre-commit", "pre-merge-commit"};

// The script of hook `hook_name`, calling the magpie at `magpie_path` (else `magpie` on PATH).
std::string HookScript(const std::string& hook_name, const std::string& magpie_path);

struct HookInstallOptions {
  std::string magpie = "magpie";  // the binary the hooks run
  bool force = false;             // replace a foreign hook (kept as a backup) instead of chaining
};

struct HookInstalled {
  std::string hook;     // the path written
  std::string chained;  // where a foreign hook now lives, run first by ours; "" when none
  bool chained_runs = false;  // `chained` is executable, so ours runs it (git would not either)
  std::string backup;   // where a foreign hook was moved by `force`, "" when none was
};

// Writes the hooks into the hooks directory of the repository containing the working directory,
// as `git rev-parse --git-path hooks` names it (core.hooksPath, linked work trees, submodules,
// GIT_DIR all honoured), each atomically (a temporary file renamed over it). Errors: not a
// repository, a foreign hook that cannot be chained (a chained one is already there, or it
// finds its work by its own name), a write
// that fails. Hooks written before an error stay written (each is complete on its own).
Result<std::vector<HookInstalled>> InstallHooks(const HookInstallOptions& options);

}  // namespace magpie::git

#endif  // MAGPIE_GIT_HOOK_INSTALL_H_
