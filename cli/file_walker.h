// Turns the PATH arguments of `magpie scan` into a sorted list of files to scan.
#ifndef MAGPIE_CLI_FILE_WALKER_H_
#define MAGPIE_CLI_FILE_WALKER_H_

#include <string>
#include <vector>

#include "report/reporter.h"

namespace magpie::cli {

struct WalkOptions {
  bool follow_symlinks = false;  // directory symlinks are never followed (loops)
};

struct WalkResult {
  std::vector<std::string> files;  // sorted, unique; "-" stands for stdin
  std::vector<report::Diagnostic> diagnostics;  // unreadable directories
  uint64_t symlinks_skipped = 0;
  std::vector<std::string> missing;  // arguments that do not exist (a usage error)
};

// Walks each argument: a file is taken as is, a directory recursively, skipping `.git`
// directories. Paths keep the argument's spelling ("src/a.py"), without a leading "./".
WalkResult WalkPaths(const std::vector<std::string>& arguments, const WalkOptions& options);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_FILE_WALKER_H_
