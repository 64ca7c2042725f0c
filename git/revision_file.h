// One file as a revision has it (`git show REV:PATH`), for reading the reviewed state of a
// repository's own configuration (.magpie.yaml, .magpieignore at the base of a range).
// Thread safety: a plain function; each call opens its own repository handle.
#ifndef MAGPIE_GIT_REVISION_FILE_H_
#define MAGPIE_GIT_REVISION_FILE_H_

#include <optional>
#include <string>

#include "base/status.h"

namespace magpie::git {

// The bytes of `path` ('/'-separated, from the repository root) in the tree of `revision`;
// nullopt when the revision has no such file (or it is not a regular blob). Errors: not a
// repository, a revision that does not resolve to a commit, an unreadable object.
Result<std::optional<std::string>> ReadFileAtRevision(const std::string& repo,
                                                      const std::string& revision,
                                                      const std::string& path);

}  // namespace magpie::git

#endif  // MAGPIE_GIT_REVISION_FILE_H_
