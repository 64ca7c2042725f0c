// The pre-commit hook that runs `magpie staged` before every commit, and its installation.
// The hook fails closed: when magpie cannot be found or cannot check the change (exit 2), the
// commit is stopped with a message saying how to fix it.
// Thread safety: plain functions; installation runs `git rev-parse` in the working directory.
#ifndef MAGPIE_GIT_HOOK_INSTALL_H_
#define MAGPIE_GIT_HOOK_INSTALL_H_

#include <string>

#include "base/status.h"

namespace magpie::git {

// The hook script, calling the magpie at `magpie_path` (else `magpie` on PATH).
std::string PreCommitHookScript(const std::string& magpie_path);

struct HookInstallOptions {
  std::string magpie = "magpie";  // the binary the hook runs
  bool force = false;             // replace a hook that is not magpie's (kept as a backup)
};

struct HookInstalled {
  std::string hook;    // the path written
  std::string backup;  // where a foreign hook was moved, "" when none was
};

// Writes the pre-commit hook of the repository containing the working directory (atomically:
// a temporary file renamed over it). Errors: not a repository, a foreign hook without
// `force`, a write that fails.
Result<HookInstalled> InstallPreCommitHook(const HookInstallOptions& options);

}  // namespace magpie::git

#endif  // MAGPIE_GIT_HOOK_INSTALL_H_
