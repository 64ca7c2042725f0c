// Finding the repository a path belongs to, from the filesystem alone (no git process, no
// libgit2): cheap enough for start-up.
#ifndef MAGPIE_GIT_REPOSITORY_ROOT_H_
#define MAGPIE_GIT_REPOSITORY_ROOT_H_

#include <string>

namespace magpie::git {

// The root of the repository containing `path`: the nearest directory at or above it with a
// `.git` entry, or `path` itself when it is a git directory (bare repository, .git).
// Returns "" when there is none.
std::string FindRepositoryRoot(const std::string& path);

// The top level of the work tree containing `path`: the nearest directory at or above it with a
// `.git` entry (a directory, or the file of a linked work tree or submodule), absolute. "" when
// there is none, and for a path inside a git directory itself.
std::string FindWorkTreeRoot(const std::string& path);

}  // namespace magpie::git

#endif  // MAGPIE_GIT_REPOSITORY_ROOT_H_
