// Turns the PATH arguments of `magpie scan` into a sorted list of files to scan.
#ifndef MAGPIE_PIPELINE_FILE_WALKER_H_
#define MAGPIE_PIPELINE_FILE_WALKER_H_

#include <set>
#include <string>
#include <vector>

#include "suppress/path_patterns.h"
#include "report/reporter.h"

namespace magpie::pipeline {

struct WalkOptions {
  bool follow_symlinks = false;  // directory symlinks are never followed (loops)
  // Paths to leave out (.magpieignore and config excludes); null = none. An excluded directory
  // is not descended into. Applies to the arguments themselves too (pre-commit passes files).
  const suppress::PathExcluder* excluder = nullptr;
};

struct WalkResult {
  std::vector<std::string> files;  // sorted, unique; "-" stands for stdin
  // Each directory or named path that could not be opened, listed or stat'ed ("unreadable",
  // or "vanished" when it was removed during the walk), by path; the walk went on without it.
  std::vector<report::Diagnostic> diagnostics;
  uint64_t symlinks_skipped = 0;
  uint64_t excluded = 0;  // files and directories left out by the excluder (a directory once)
  std::vector<std::string> missing;  // arguments that do not exist (a usage error)
  // Files named as arguments: read even when they are symbolic links (mounted Kubernetes
  // secrets and dotfiles usually are); only links met while walking follow the flag.
  std::set<std::string> explicit_files;
};

// Walks each argument: a file is taken as is, a directory (or a link to one: the user named
// it) recursively, skipping `.git` directories. Paths keep the argument's spelling
// ("src/a.py"), without a leading "./". An error on one entry (EACCES, EMFILE, ENAMETOOLONG,
// ELOOP, a directory removed mid-walk) is a diagnostic and the walk goes on with its siblings;
// one descriptor is open at a time, whatever the depth.
WalkResult WalkPaths(const std::vector<std::string>& arguments, const WalkOptions& options);

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_FILE_WALKER_H_
